"""Result formats by result kind, and the choice among media ranges the client accepts."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import QueryResultsFormat, RdfFormat

SOLUTION_FORMATS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
    "application/json": QueryResultsFormat.JSON,
    "application/xml": QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "text/plain": RdfFormat.N_TRIPLES,
}
DEFAULTS = {
    "solutions": "application/sparql-results+json",
    "boolean": "application/sparql-results+json",
    "graph": "text/turtle",
}


def formats_for(kind: str) -> dict[str, QueryResultsFormat] | dict[str, RdfFormat]:
    return GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS


def choose(kind: str, accept: Sequence[str]) -> str | None:
    """The first acceptable media type for a result kind, or None (406).

    ``accept`` holds media ranges already ordered by preference (q-values applied by the caller);
    an empty list means "no preference".
    """
    if not accept:
        return DEFAULTS[kind]
    table = formats_for(kind)
    for media_range in accept:
        media_range = media_range.split(";")[0].strip().lower()
        if media_range in ("*/*", "*"):
            return DEFAULTS[kind]
        if media_range.endswith("/*"):
            major = media_range[:-1]
            if DEFAULTS[kind].startswith(major):
                return DEFAULTS[kind]
            for media_type in table:
                if media_type.startswith(major):
                    return media_type
            continue
        if media_range in table:
            return media_range
    return None
