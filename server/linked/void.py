"""The VoID description at ``/.well-known/void`` (https://www.w3.org/TR/void/).

One dataset, ``{base}catalog#dataset`` (the same IRI the DCAT catalogue describes), with its
size, class and property partitions, one ``void:subset`` per public named graph (each with the
graph IRI as its ``void:dataDump``, so a crawler can fetch every graph), the SPARQL endpoint,
the dumps, the feed, the fragments, the vocabularies used and links to other datasets.
"""

from __future__ import annotations

from datetime import datetime

from innograph.server.linked.stats import Stats
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import DCT, EU_AUTHORITY, FOAF, FORMATS, PREFIXES, RDF_TYPE, RDFS, SD, VOID, XSD

LICENCE = "https://creativecommons.org/licenses/by/4.0/"
# Hosts of other linked datasets we may link to -> the dataset to name as void:target.
KNOWN_DATASETS = {
    "http://www.wikidata.org": "http://www.wikidata.org/",
    "https://www.wikidata.org": "http://www.wikidata.org/",
    "http://publications.europa.eu": EU_AUTHORITY,
    "http://data.europa.eu": "http://data.europa.eu/",
    "https://data.europa.eu": "http://data.europa.eu/",
    "http://sws.geonames.org": "http://sws.geonames.org/",
    "https://sws.geonames.org": "http://sws.geonames.org/",
    "http://dbpedia.org": "http://dbpedia.org/",
    "https://ec.europa.eu": "https://ec.europa.eu/",
}
ROOT_KINDS = ("document",)  # things whose pages lead to everything else


def void_iri(iris: Iris) -> str:
    return iris.base + ".well-known/void"


def _lit(value: int | str, datatype: str | None = None) -> Literal:
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    return Literal(value, datatype=NamedNode(datatype)) if datatype else Literal(value)


def vocabularies(iris: Iris, stats: Stats) -> list[str]:
    used = {p for p, *_ in stats.properties} | {c for c, _ in stats.classes}
    spaces = {iris.vocab, *PREFIXES.values()}
    return sorted(ns for ns in spaces if any(u.startswith(ns) for u in used))


class _Triples(list[Triple]):
    def add(self, s: NamedNode | BlankNode, p: str, o: NamedNode | Literal | BlankNode) -> None:
        self.append(Triple(s, NamedNode(p), o))


def void_triples(iris: Iris, stats: Stats, things: list[str], dumps: list[str], modified: datetime) -> list[Triple]:
    doc = NamedNode(void_iri(iris))
    ds = NamedNode(iris.base + "catalog#dataset")
    t = _Triples()
    _description(t, iris, doc, ds, stats, dumps, modified)
    _statistics(t, iris, ds, stats, things)
    _partitions(t, iris, doc, ds, stats)
    _linksets(t, doc, ds, stats)
    return list(t)


def _description(t: _Triples, iris: Iris, doc: NamedNode, ds: NamedNode, stats: Stats, dumps: list[str],
                 modified: datetime) -> None:
    """The description document, and the dataset's title, licence, endpoints, dumps and vocabularies."""
    add = t.add
    add(doc, RDF_TYPE.value, NamedNode(VOID + "DatasetDescription"))
    add(doc, DCT + "title", Literal("VoID description of innograph", language="en"))
    add(doc, FOAF + "primaryTopic", ds)
    add(ds, RDF_TYPE.value, NamedNode(VOID + "Dataset"))
    add(ds, DCT + "title", Literal("innograph: Europe's regional innovation actors", language="en"))
    add(ds, DCT + "description", Literal(
        "Regions, innovation actors, clusters, programmes, projects and their roles, extracted from "
        "French, Danish, Dutch and English documents, with the evidence sentence of every statement.",
        language="en"))
    add(ds, DCT + "license", NamedNode(LICENCE))
    add(ds, DCT + "publisher", NamedNode(iris.base + "catalog#publisher"))
    add(ds, DCT + "modified", _lit(modified.strftime("%Y-%m-%dT%H:%M:%SZ"), XSD + "dateTime"))
    add(ds, FOAF + "homepage", NamedNode(iris.base))
    add(ds, VOID + "sparqlEndpoint", NamedNode(iris.base + "sparql"))
    add(ds, VOID + "uriSpace", Literal(iris.base + "id/"))
    add(ds, VOID + "uriLookupEndpoint", NamedNode(iris.base + "fragments?subject="))
    for feature in ("N-Quads", "Turtle", "JSON-LD", "RDF_XML", "N-Triples"):
        add(ds, VOID + "feature", NamedNode(FORMATS + feature))
    for name in dumps:
        add(ds, VOID + "dataDump", NamedNode(iris.base + "dumps/" + name))
    add(ds, RDFS + "seeAlso", NamedNode(iris.base + "feed"))
    add(ds, RDFS + "seeAlso", NamedNode(iris.base + "fragments"))
    add(ds, RDFS + "seeAlso", NamedNode(iris.base + "catalog"))
    add(ds, RDFS + "seeAlso", NamedNode(iris.base + "sitemap.xml"))
    add(ds, VOID + "rootResource", NamedNode(iris.ontology))
    for vocab in vocabularies(iris, stats):
        add(ds, VOID + "vocabulary", NamedNode(vocab))


def _statistics(t: _Triples, iris: Iris, ds: NamedNode, stats: Stats, things: list[str]) -> None:
    """Sizes, root and example resources."""
    add = t.add
    add(ds, VOID + "triples", _lit(stats.triples))
    add(ds, VOID + "entities", _lit(len(things)))
    add(ds, VOID + "distinctSubjects", _lit(stats.subjects))
    add(ds, VOID + "distinctObjects", _lit(stats.objects))
    add(ds, VOID + "classes", _lit(len(stats.classes)))
    add(ds, VOID + "properties", _lit(len(stats.properties)))
    things_ns = iris.base + "id/"
    roots = [x for x in things if any(x.startswith(f"{things_ns}{k}/") and "/" not in x[len(things_ns) + len(k) + 1:]
                                      for k in ROOT_KINDS)]
    for root in roots:
        add(ds, VOID + "rootResource", NamedNode(root))
    for example in things[:: max(1, len(things) // 5)][:5]:
        add(ds, VOID + "exampleResource", NamedNode(example))


def _partitions(t: _Triples, iris: Iris, doc: NamedNode, ds: NamedNode, stats: Stats) -> None:
    """Class, property and named-graph partitions."""
    add = t.add
    for n, (cls, count) in enumerate(stats.classes):
        part = NamedNode(f"{doc.value}#class-{n}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", NamedNode(cls))
        add(part, VOID + "entities", _lit(count))
    for n, (prop, count, subjects, objects) in enumerate(stats.properties):
        part = NamedNode(f"{doc.value}#property-{n}")
        add(ds, VOID + "propertyPartition", part)
        add(part, VOID + "property", NamedNode(prop))
        add(part, VOID + "triples", _lit(count))
        add(part, VOID + "distinctSubjects", _lit(subjects))
        add(part, VOID + "distinctObjects", _lit(objects))
    for graph, count, subjects in stats.graphs:
        part = NamedNode(f"{doc.value}#graph-{graph[len(iris.base) + len('graph/'):]}")
        add(ds, VOID + "subset", part)
        add(part, RDF_TYPE.value, NamedNode(VOID + "Dataset"))
        add(part, SD + "name", NamedNode(graph))
        add(part, VOID + "dataDump", NamedNode(graph))
        add(part, VOID + "triples", _lit(count))
        add(part, VOID + "distinctSubjects", _lit(subjects))


def _linksets(t: _Triples, doc: NamedNode, ds: NamedNode, stats: Stats) -> None:
    """Links to known external datasets, one linkset per (predicate, target)."""
    add = t.add
    linksets: dict[tuple[str, str], int] = {}
    for prop, host, count in stats.external:
        target = KNOWN_DATASETS.get(host)
        if target and prop != RDF_TYPE.value:
            linksets[(prop, target)] = linksets.get((prop, target), 0) + count
    for n, ((prop, target), count) in enumerate(sorted(linksets.items())):
        ls = NamedNode(f"{doc.value}#linkset-{n}")
        add(ds, VOID + "subset", ls)
        add(ls, RDF_TYPE.value, NamedNode(VOID + "Linkset"))
        add(ls, VOID + "linkPredicate", NamedNode(prop))
        add(ls, VOID + "subjectsTarget", ds)
        add(ls, VOID + "objectsTarget", NamedNode(target))
        add(ls, VOID + "triples", _lit(count))
        add(NamedNode(target), RDF_TYPE.value, NamedNode(VOID + "Dataset"))
