"""Linked data for harvesters: every minted IRI dereferences, plus dataset metadata and feeds.

IRI policy (see ``server/linked/README.md``): things ``{base}id/...`` answer ``303 See Other`` to
their document ``{base}page/...``; documents (pages, named graphs ``{base}graph/...``, the
ontology ``{base}ontology`` whose terms are hash IRIs) are served directly, content-negotiated.
The IRI of a request is ``INNOGRAPH_BASE_IRI`` + its path, so a deployment whose base is the
server's own address resolves every IRI it mints with no other setting.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from innograph.server.deps import get_settings, get_store, is_authorised
from innograph.server.errors import error_response
from innograph.server.linked import conneg, resources
from innograph.server.linked.conneg import DOCUMENT_OFFERS, HTML, UnknownFormat
from innograph.server.linked.http import (
    CORS_HEADERS,
    VARY,
    Representation,
    RepresentationCache,
    StoreState,
    preflight,
    respond,
    store_state,
)
from innograph.server.linked.resources import NotFound
from starlette.responses import Response

from innograph.iris import Iris
from innograph.store import Store
from innograph.store.base import Partition

router = APIRouter(tags=["linked data"])
GRAPH_OFFERS = (*DOCUMENT_OFFERS, "application/trig", "application/n-quads")


# -- plumbing ---------------------------------------------------------------------------------------


class Visit:
    """What every handler needs about one request."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.settings = get_settings(request)
        self.store: Store = get_store(request)
        self.iris: Iris = self.settings.iris
        self.authorised = is_authorised(request)
        self.partition: Partition = "full" if self.authorised else "public"
        self.lang = conneg.choose_language(request)
        self.state: StoreState = store_state(self.store)

    @property
    def iri(self) -> str:
        """The IRI this request dereferences: the base IRI + the request path."""
        return self.iris.base + self.request.url.path.lstrip("/")

    def cache(self) -> RepresentationCache:
        app_state = self.request.app.state
        cache = getattr(app_state, "linked_data_cache", None)
        if cache is None:
            cache = app_state.linked_data_cache = RepresentationCache()
        return cache  # type: ignore[no-any-return]

    def cached(self, kind: str, *parts: str, make: Callable[[], Representation]) -> Representation:
        key = (self.state.key, kind, self.partition, *parts)
        return self.cache().get_or_make(key, make)

    def media_type(self, offers: tuple[str, ...]) -> str | Response:
        try:
            chosen = conneg.choose_media_type(self.request, offers)
        except UnknownFormat as exc:
            return error_response(400, "unknown_format", f"unknown format {exc}",
                                  "Use format=" + "|".join(sorted({conneg.EXTENSIONS[m] for m in offers
                                                                    if m in conneg.EXTENSIONS})))
        if chosen is None:
            return error_response(406, "not_acceptable", "no offered media type is acceptable",
                                  "Accept one of: " + ", ".join(offers), headers={"Vary": VARY})
        return chosen

    def links(self, url: str, offers: tuple[str, ...], media_type: str) -> dict[str, str]:
        alternates = ", ".join(
            f'<{conneg.format_link(url, m)}>; rel="alternate"; type="{m}"'
            for m in offers if m in conneg.EXTENSIONS and m != media_type
        )
        return {"Content-Location": conneg.format_link(url, media_type), "Link": alternates}

    def not_found(self, iri: str, media_type: str) -> Response:
        if media_type != HTML:
            return error_response(404, "not_found", f"nothing is known about <{iri}>",
                                  f"See {self.iris.base}sitemap.xml or {self.iris.base}.well-known/void",
                                  headers=CORS_HEADERS)
        known = entity_list(self)
        rep = resources.not_found(self.iris, iri, self.lang, known, self.request.url.path)
        return respond(self.request, rep)


def entity_list(visit: Visit) -> list[str]:
    """Public entity IRIs (sitemap, crawl roots, 404 suggestions), cached per store state."""
    from innograph.server.linked import sitemap

    key = (visit.state.key, "entities")
    cache = visit.cache()
    rep = cache.get_or_make(key, lambda: Representation(
        "\n".join(sitemap.entities(visit.store, visit.iris)).encode(), "text/plain"))
    return [line for line in rep.body.decode().split("\n") if line]


def _options(path: str) -> None:
    router.add_api_route(path, lambda: preflight(), methods=["OPTIONS"], include_in_schema=False)


# -- things: 303 to their page ---------------------------------------------------------------------


@router.api_route("/id/{rest:path}", methods=["GET", "HEAD"], summary="A thing (303 to its page)")
def thing_iri(request: Request, rest: str) -> Response:
    visit = Visit(request)
    iri = visit.iri
    known = visit.cached("exists", iri, make=lambda: Representation(
        b"1" if resources.d.exists(visit.store, visit.iris, iri, visit.partition) else b"0", "text/plain"))
    if known.body != b"1":
        media = visit.media_type(DOCUMENT_OFFERS)
        return visit.not_found(iri, media if isinstance(media, str) else HTML)
    location = resources.page_url(visit.iris, iri)
    if request.url.query:
        location += "?" + request.url.query
    headers = {**CORS_HEADERS, "Location": location, "Vary": VARY,
               "Cache-Control": "private, no-store" if visit.authorised else "public, max-age=86400"}
    body = b"" if request.method == "HEAD" else f'See <a href="{location}">{location}</a>\n'.encode()
    return Response(body, status_code=303, headers=headers, media_type="text/html; charset=utf-8")


@router.api_route("/page/{rest:path}", methods=["GET", "HEAD"], summary="The document about a thing")
def thing_page(request: Request, rest: str) -> Response:
    visit = Visit(request)
    iri = visit.iris.base + "id/" + rest
    media = visit.media_type(DOCUMENT_OFFERS)
    if isinstance(media, Response):
        return media
    url = resources.page_url(visit.iris, iri)
    try:
        rep = visit.cached("page", iri, media, visit.lang, make=lambda: resources.thing(
            visit.store, visit.iris, iri, media, visit.lang, visit.partition, visit.state, _offered(DOCUMENT_OFFERS)))
    except NotFound:
        return visit.not_found(iri, media)
    return respond(request, rep, visit.links(url, DOCUMENT_OFFERS, media))


# -- named graphs ---------------------------------------------------------------------------------


@router.api_route("/graph/{name:path}", methods=["GET", "HEAD"], summary="A named graph (its triples)")
def named_graph(request: Request, name: str) -> Response:
    visit = Visit(request)
    iri = visit.iri
    media = visit.media_type(GRAPH_OFFERS)
    if isinstance(media, Response):
        return media
    personal = visit.iris.is_personal_graph(iri)
    if personal and not visit.authorised:
        return visit.not_found(iri, media)  # the same answer as for a graph that does not exist
    partition: Partition = "full" if personal else "public"
    try:
        rep = visit.cached("graph", iri, media, visit.lang, make=lambda: resources.graph(
            visit.store, visit.iris, iri, media, visit.lang, partition, visit.state, _offered(GRAPH_OFFERS)))
    except NotFound:
        return visit.not_found(iri, media)
    return respond(request, rep, visit.links(iri, GRAPH_OFFERS, media))


# -- the ontology and the JSON-LD context -----------------------------------------------------------


@router.api_route("/ontology", methods=["GET", "HEAD"], summary="The ontology (terms are hash IRIs)")
def ontology(request: Request) -> Response:
    visit = Visit(request)
    media = visit.media_type(DOCUMENT_OFFERS)
    if isinstance(media, Response):
        return media
    rep = visit.cached("ontology", media, visit.lang, make=lambda: resources.ontology(
        visit.store, visit.iris, media, visit.lang, visit.state, _offered(DOCUMENT_OFFERS)))
    return respond(request, rep, visit.links(visit.iris.ontology, DOCUMENT_OFFERS, media))


@router.api_route("/context.jsonld", methods=["GET", "HEAD"], summary="The JSON-LD @context of our documents")
def jsonld_context(request: Request) -> Response:
    visit = Visit(request)
    return respond(request, resources.jsonld_context(visit.iris, visit.state))


def _offered(offers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in offers if m in conneg.EXTENSIONS and m != HTML)


for _path in ("/id/{rest:path}", "/page/{rest:path}", "/graph/{name:path}", "/ontology", "/context.jsonld"):
    _options(_path)
