"""Which representation a request wants: media type (``Accept`` or ``?format=``) and language
(``Accept-Language`` or ``?lang=``) for linked-data pages."""

from __future__ import annotations

from innograph.ontology.tables import LANGUAGES
from innograph.server.negotiation import negotiate
from starlette.requests import Request

HTML = "text/html"
# Offers for documents about resources: HTML first, so browsers and bare ``*/*`` get a page.
DOCUMENT_OFFERS: tuple[str, ...] = (
    HTML,
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "application/json",
    "text/plain",
)
# Offers for data that has several graphs (LDES pages).
QUAD_OFFERS: tuple[str, ...] = (HTML, "application/trig", "application/n-quads", "application/ld+json")
# Offers for machine-oriented metadata (VoID, DCAT, fragments): RDF first.
DATA_OFFERS: tuple[str, ...] = (
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    HTML,
    "application/json",
    "text/plain",
)
ALIASES = {"application/json": "application/ld+json", "text/plain": "application/n-triples"}
FORMATS = {
    "html": HTML,
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "json": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
    "xml": "application/rdf+xml",
    "trig": "application/trig",
    "nq": "application/n-quads",
}
EXTENSIONS = {v: k for k, v in reversed(FORMATS.items())}


class UnknownFormat(ValueError):
    pass


def choose_media_type(request: Request, offers: tuple[str, ...] = DOCUMENT_OFFERS) -> str | None:
    """The media type to send, or None (406). ``?format=`` wins over ``Accept``."""
    fmt = request.query_params.get("format")
    if fmt:
        media = FORMATS.get(fmt.strip().lower()) or (fmt if fmt in offers else None)
        if media is None or (media not in offers and ALIASES.get(media, media) not in offers):
            raise UnknownFormat(fmt)
        return ALIASES.get(media, media)
    chosen = negotiate(request.headers.get("accept"), offers)
    return ALIASES.get(chosen, chosen) if chosen else None


def choose_language(request: Request) -> str:
    """``?lang=`` if supported, else the best supported ``Accept-Language`` entry, else English."""
    asked = request.query_params.get("lang", "").lower()
    if asked in LANGUAGES:
        return asked
    best, best_q = "en", -1.0
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if primary in LANGUAGES and q > 0 and q - position * 1e-6 > best_q:
            best, best_q = primary, q - position * 1e-6
    return best


def format_link(url: str, media_type: str) -> str:
    """``url`` with ``?format=`` for ``media_type`` (the format-specific URL of a document)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}format={EXTENSIONS[media_type]}"
