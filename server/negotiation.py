"""Content negotiation (Accept with q-values, cheap and cached) and the media types of SPARQL results.

``negotiate(accept, offers)`` returns the offered media type the client prefers most (highest
q, then the most specific matching range, then the server's order), or None when nothing is
acceptable (406). Parsed Accept headers are cached: clients send the same few values.
"""

from __future__ import annotations

from functools import lru_cache

SOLUTIONS: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
)
GRAPH: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "application/ld+json",
    "application/rdf+xml",
    "text/plain",  # N-Triples, for browsers and curl users
)
OFFERS = {"SELECT": SOLUTIONS, "ASK": SOLUTIONS, "CONSTRUCT": GRAPH, "DESCRIBE": GRAPH}

# Short names for the ``format`` parameter (download links cannot set Accept).
SHORT_NAMES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "owl": "application/rdf+xml",
}
# Short names that mean a different type for graph results.
GRAPH_SHORT_NAMES = {"json": "application/ld+json", "xml": "application/rdf+xml"}

TEXT_TYPES = frozenset({"text/csv", "text/tab-separated-values", "text/turtle", "text/plain"})


def content_type(media_type: str) -> str:
    """The Content-Type header value (UTF-8 spelled out for text types)."""
    return f"{media_type}; charset=utf-8" if media_type in TEXT_TYPES else media_type


@lru_cache(maxsize=256)
def parse_accept(header: str) -> tuple[tuple[str, str, float], ...]:
    """``(type, subtype, q)`` per media range; malformed parts are skipped."""
    ranges = []
    for part in header.split(","):
        fields = part.split(";")
        media = fields[0].strip().lower()
        if "/" not in media:
            if media == "*":
                media = "*/*"
            else:
                continue
        major, _, minor = media.partition("/")
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((major, minor, q))
    return tuple(ranges)


@lru_cache(maxsize=1024)
def negotiate(accept: str | None, offers: tuple[str, ...]) -> str | None:
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]  # an unparseable header is treated as no preference
    best: str | None = None
    best_key = (0.0, -1)
    for offer in offers:
        major, _, minor = offer.partition("/")
        q, specificity = -1.0, -1
        for r_major, r_minor, r_q in ranges:
            if r_major == major and r_minor == minor:
                spec = 2
            elif r_major == major and r_minor == "*":
                spec = 1
            elif r_major == "*" and r_minor == "*":
                spec = 0
            else:
                continue
            if spec > specificity:
                q, specificity = r_q, spec
        if q <= 0:
            continue
        # Higher q wins; on a tie an explicitly named type beats a wildcard, then server order.
        key = (q, 1 if specificity == 2 else 0)
        if key > best_key:
            best, best_key = offer, key
    return best


def from_format_parameter(value: str, form: str | None) -> str | None:
    """The media type a ``format=`` parameter asks for, or None when unknown."""
    value = value.strip().lower()
    if "/" in value:
        return value
    if form in ("CONSTRUCT", "DESCRIBE") and value in GRAPH_SHORT_NAMES:
        return GRAPH_SHORT_NAMES[value]
    return SHORT_NAMES.get(value)
