"""Serializing triples and quads in every format the linked-data routes offer.

Statements are sorted first, so one store state always gives the same bytes (and the same ETag).
pyoxigraph writes Turtle, N-Triples, RDF/XML, TriG and N-Quads; rdflib writes compacted JSON-LD
against our published ``@context`` (pyoxigraph only writes expanded JSON-LD).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from innograph import namespaces
from innograph.iris import Iris
from innograph.namespaces import XSD

RDF_TYPES: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
}
JSONLD = "application/ld+json"
QUAD_TYPES = ("application/trig", "application/n-quads")

Statement = Triple | Quad


def value(term: object) -> str:
    """The IRI, blank node id or lexical form of a term ("" for anything else)."""
    return term.value if isinstance(term, NamedNode | BlankNode | Literal) else ""


def prefixes(iris: Iris) -> dict[str, str]:
    """The prefixes of our serialisations for this deployment (``ig:`` follows the base IRI)."""
    return namespaces.prefixes(iris.base)


def used_prefixes(statements: Iterable[Statement], iris: Iris) -> dict[str, str]:
    """The prefixes whose namespace some IRI of ``statements`` is in (short headers)."""
    names = {t.value for s in statements for t in (s.subject, s.predicate, s.object) if isinstance(t, NamedNode)}
    names |= {s.graph_name.value for s in statements if isinstance(s, Quad) and isinstance(s.graph_name, NamedNode)}
    return {p: ns for p, ns in prefixes(iris).items() if any(n.startswith(ns) for n in names)}


def context(iris: Iris) -> dict[str, object]:
    """The published JSON-LD ``@context`` (``/context.jsonld``): prefixes only, so that every
    compact IRI expands to exactly the IRI in the other formats."""
    return {"@context": prefixes(iris)}


def _key(statement: Statement) -> str:
    return str(statement)


def to_bytes(statements: Iterable[Statement], media_type: str, iris: Iris) -> bytes:
    """Serialize triples (or quads, for TriG/N-Quads/JSON-LD) in ``media_type``."""
    ordered = sorted(set(statements), key=_key)
    if media_type == JSONLD:
        return _jsonld(ordered, iris)
    fmt = RDF_TYPES[media_type]
    if media_type not in QUAD_TYPES:
        ordered = sorted({s.triple if isinstance(s, Quad) else s for s in ordered}, key=_key)
    kwargs: dict[str, object] = {}
    if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML):
        kwargs["prefixes"] = used_prefixes(ordered, iris)
    return serialize(ordered, format=fmt, **kwargs) or b""  # type: ignore[arg-type]


def _rdflib_term(value: object) -> object:
    import rdflib

    if isinstance(value, NamedNode):
        return rdflib.URIRef(value.value)
    if isinstance(value, BlankNode):
        return rdflib.BNode(value.value)
    assert isinstance(value, Literal)
    if value.language:
        return rdflib.Literal(value.value, lang=value.language)
    datatype = value.datatype.value
    if datatype == XSD + "string":
        return rdflib.Literal(value.value)
    # lexical form kept as is (no normalisation), so the round trip is exact
    return rdflib.Literal(value.value, datatype=rdflib.URIRef(datatype), normalize=False)


def _jsonld(statements: Sequence[Statement], iris: Iris) -> bytes:
    import rdflib

    has_graphs = any(isinstance(st, Quad) and isinstance(st.graph_name, NamedNode) for st in statements)
    dataset = rdflib.Dataset() if has_graphs else None
    plain = rdflib.Graph()
    for st in statements:
        triple = (_rdflib_term(st.subject), _rdflib_term(st.predicate), _rdflib_term(st.object))
        if dataset is not None and isinstance(st, Quad) and isinstance(st.graph_name, NamedNode):
            dataset.graph(rdflib.URIRef(st.graph_name.value)).add(triple)  # type: ignore[arg-type]
        elif dataset is not None:
            dataset.default_graph.add(triple)
        else:
            plain.add(triple)  # type: ignore[arg-type]
    source = dataset if dataset is not None else plain
    ctx = context(iris)["@context"]
    text = source.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, dict):
        # the same context, by reference: clients cache it, and it is a minted IRI that resolves
        doc["@context"] = iris.base + "context.jsonld"
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode()
