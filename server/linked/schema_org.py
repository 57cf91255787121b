"""schema.org JSON-LD for the HTML page of a thing, for search engines (not a full mapping)."""

from __future__ import annotations

from innograph.server.linked.rdf import value
from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import RDF_TYPE, SKOS_ALT_LABEL

# ig class -> schema.org type; the first match in this order wins.
TYPES = (
    ("Project", "Project"),
    ("Organisation", "Organization"),
    ("Cluster", "Organization"),
    ("Network", "Organization"),
    ("Country", "Country"),
    ("Region", "Place"),
    ("Programme", "GovernmentService"),
    ("Call", "Grant"),
    ("Theme", "DefinedTerm"),
    ("SourceDocument", "DigitalDocument"),
    ("Platform", "WebSite"),
)


def schema_org(iri: str, triples: list[Triple], name: str, page_url: str, iris: Iris) -> dict[str, object]:
    subject = NamedNode(iri)
    classes = {value(t.object) for t in triples if t.subject == subject and t.predicate == RDF_TYPE}
    kind = next((s for c, s in TYPES if iris.term(c) in classes), "Thing")
    data: dict[str, object] = {"@context": "https://schema.org", "@type": kind, "@id": iri, "name": name,
                               "url": page_url}
    aliases = sorted({t.object.value for t in triples
                      if t.subject == subject and t.predicate == SKOS_ALT_LABEL and isinstance(t.object, Literal)})
    if aliases:
        data["alternateName"] = aliases
    mentions = iris.term("mentions")
    docs = sorted({value(t.subject) for t in triples if t.object == subject and t.predicate.value == mentions})
    if docs:
        data["subjectOf"] = [{"@id": d} for d in docs]
    for prop, key in (("country", "location"), ("region", "areaServed"), ("theme", "about")):
        values = sorted({value(t.object) for t in triples
                         if t.subject == subject and t.predicate.value == iris.term(prop)})
        if values:
            data[key] = [{"@id": v} for v in values]
    source = [value(t.object) for t in triples if t.subject == subject and t.predicate.value == iris.term("sourceUrl")]
    if source and kind == "DigitalDocument":
        data["sameAs"] = source[0]
    return data
