"""The SPARQL 1.1 Service Description returned by ``GET /sparql`` without a query.

Written once as Turtle, converted by pyoxigraph to the other RDF formats, cached per endpoint URL,
media type and store generation. The limits (time, sizes, SERVICE/LOAD, personal data) are stated
in ``rdfs:comment`` (no standard term exists); the README ("Limits") says the same.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from innograph.server.negotiation import GRAPH
from pyoxigraph import RdfFormat, parse, serialize

from innograph.namespaces import DCT, FORMATS, RDFS, SD, VOID
from innograph.settings import Settings
from innograph.store.formats import GRAPH_FORMATS

log = logging.getLogger(__name__)

PREFIXES = {"sd": SD, "formats": FORMATS, "rdfs": RDFS, "void": VOID, "dcterms": DCT}
ENTAILMENT_SIMPLE = "http://www.w3.org/ns/entailment/Simple"  # the W3C IRI of simple entailment

RESULT_FORMATS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}
SD_MEDIA_TYPES = tuple(t for t in GRAPH if t != "text/plain")


def limits_text(settings: Settings) -> list[str]:
    """The limit contract, one sentence each (also used by the README section)."""
    return [
        f"Time limit: every query is stopped after {settings.query_timeout:g} s (INNOGRAPH_QUERY_TIMEOUT); "
        "the answer is then HTTP 503 with the JSON error code query_timeout and a Retry-After header. "
        "Results are fully computed and buffered before the first byte is sent, so a limit hit never "
        "yields a truncated 200 response.",
        f"Result size limit: a serialized result larger than {settings.max_result_bytes} bytes "
        "(INNOGRAPH_MAX_RESULT_BYTES) is not sent; the answer is HTTP 422 with the JSON error code "
        "result_too_large. Use LIMIT/OFFSET or the data dump.",
        f"Request size limit: request bodies above {settings.max_request_bytes} bytes "
        "(INNOGRAPH_MAX_REQUEST_BYTES) get HTTP 413 request_too_large; GET URLs above it get 414 uri_too_long.",
        "SERVICE and LOAD are refused with HTTP 400 (service_refused) before evaluation: this endpoint never "
        "fetches URLs.",
        "Graphs holding personal data are not part of the dataset for anonymous requests, whatever the query "
        "says; they are visible with the bearer token.",
        "When the query has no FROM/FROM NAMED and the request no default-graph-uri/named-graph-uri, the "
        "default graph is the union of all named graphs (while the store's own default graph is empty, "
        "as innograph keeps it; otherwise that graph). The request parameter union-default-graph=false turns "
        "the union off.",
    ]


def _turtle(endpoint: str, settings: Settings, triples: int | None) -> str:
    languages = "sd:SPARQL11Query, sd:SPARQL11Update" if settings.token else "sd:SPARQL11Query"
    formats = ", ".join(f"formats:{name}" for name in RESULT_FORMATS.values())
    comments = " ,\n        ".join(_literal(t) for t in limits_text(settings))
    size = f" ;\n            void:triples {triples}" if triples is not None else ""
    header = "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items())
    return f"""{header}
<{endpoint}#service> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    dcterms:title "innograph SPARQL endpoint" ;
    sd:supportedLanguage {languages} ;
    sd:resultFormat {formats} ;
    sd:feature sd:UnionDefaultGraph, sd:EmptyGraphs ;
    sd:defaultEntailmentRegime <{ENTAILMENT_SIMPLE}> ;
    rdfs:comment {comments} ;
    sd:defaultDataset [
        a sd:Dataset ;
        rdfs:comment "The default graph is the union of the named graphs (one per document, plus reference data)." ;
        sd:defaultGraph [
            a sd:Graph{size}
        ]
    ] .
"""


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@lru_cache(maxsize=64)
def render(endpoint: str, media_type: str, settings: Settings, generation: int, triples: int | None) -> bytes:
    del generation  # part of the cache key only
    text = _turtle(endpoint, settings, triples)
    if media_type == "text/turtle":
        return text.encode()
    quads = parse(text.encode(), format=RdfFormat.TURTLE)
    fmt = GRAPH_FORMATS[media_type]
    return serialize((q.triple for q in quads), format=fmt, prefixes=_prefixes(fmt)) or b""


def _prefixes(fmt: RdfFormat) -> dict[str, str] | None:
    if fmt in (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS, RdfFormat.JSON_LD):
        return None
    return PREFIXES
