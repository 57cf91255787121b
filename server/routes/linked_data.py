"""Linked data for harvesters: every minted IRI dereferences, plus dataset metadata and feeds.

IRI policy (see ``server/linked/README.md``): things ``{base}id/...`` answer ``303 See Other`` to
their document ``{base}page/...``; documents (pages, named graphs ``{base}graph/...``, the
ontology ``{base}ontology`` whose terms are hash IRIs) are served directly, content-negotiated.
The IRI of a request is ``INNOGRAPH_BASE_IRI`` + its path, so a deployment whose base is the
server's own address resolves every IRI it mints with no other setting.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from fastapi import APIRouter, Request
from innograph.server.deps import get_settings, get_store, is_authorised
from innograph.server.errors import error_response
from innograph.server.linked import conneg, dcat, dumps, feed, fragments, resources, sitemap, void
from innograph.server.linked import stats as stats_module
from innograph.server.linked.conneg import DATA_OFFERS, DOCUMENT_OFFERS, HTML, QUAD_OFFERS, UnknownFormat
from innograph.server.linked.http import (
    CORS_HEADERS,
    VARY,
    Representation,
    RepresentationCache,
    StoreState,
    file_modified,
    http_date,
    preflight,
    respond,
    store_state,
)
from innograph.server.linked.pages import PageContext, layout, triples_page
from innograph.server.linked.rdf import to_bytes
from innograph.server.linked.resources import NotFound
from pyoxigraph import NamedNode, Quad, Triple
from starlette.responses import FileResponse, Response

from innograph.dump import MEDIA_TYPES, DumpFile
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
        return cache

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
    key = (visit.state.key, "entities")
    cache = visit.cache()
    rep = cache.get_or_make(key, lambda: Representation(
        "\n".join(sitemap.entities(visit.store, visit.iris)).encode(), "text/plain"), any_size=True)
    return [line for line in rep.body.decode().split("\n") if line]


def _get_and_head(path: str, summary: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """GET (documented), HEAD and the CORS preflight for one path (one OpenAPI operation each)."""

    def register(endpoint: Callable[..., Response]) -> Callable[..., Response]:
        router.add_api_route(path, endpoint, methods=["GET"], summary=summary)
        router.add_api_route(path, endpoint, methods=["HEAD"], include_in_schema=False)
        router.add_api_route(path, preflight, methods=["OPTIONS"], include_in_schema=False)
        return endpoint

    return register


# -- things: 303 to their page ---------------------------------------------------------------------


@_get_and_head("/id/{rest:path}", "A thing (303 to its page)")
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


@_get_and_head("/page/{rest:path}", "The document about a thing")
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


@_get_and_head("/graph/{name:path}", "A named graph (its triples)")
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


@_get_and_head("/ontology", "The ontology (terms are hash IRIs)")
def ontology(request: Request) -> Response:
    visit = Visit(request)
    media = visit.media_type(DOCUMENT_OFFERS)
    if isinstance(media, Response):
        return media
    rep = visit.cached("ontology", media, visit.lang, make=lambda: resources.ontology(
        visit.store, visit.iris, media, visit.lang, visit.state, _offered(DOCUMENT_OFFERS)))
    return respond(request, rep, visit.links(visit.iris.ontology, DOCUMENT_OFFERS, media))


@_get_and_head("/ontology/{version}", "A version of the ontology (its owl:versionIRI)")
def ontology_version(request: Request, version: str) -> Response:
    visit = Visit(request)
    if visit.iri != _version_iri(visit.iris.base):
        media = visit.media_type(DOCUMENT_OFFERS)
        return media if isinstance(media, Response) else visit.not_found(visit.iri, media)
    return ontology(request)  # only the current version is published


@functools.cache
def _version_iri(base_iri: str) -> str | None:
    from innograph.ontology import ontology_triples

    version = "http://www.w3.org/2002/07/owl#versionIRI"
    return next((t.object.value for t in ontology_triples(base_iri) if t.predicate.value == version), None)


@_get_and_head("/context.jsonld", "The JSON-LD @context of our documents")
def jsonld_context(request: Request) -> Response:
    visit = Visit(request)
    return respond(request, resources.jsonld_context(visit.iris, visit.state))


def _offered(offers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in offers if m in conneg.EXTENSIONS and m != HTML)


# -- dataset metadata: VoID and DCAT-AP ------------------------------------------------------------


def _stats(visit: Visit) -> stats_module.Stats:
    key = (visit.state.key, "stats")
    cache = visit.cache()
    holder = cache.get_or_make(key, lambda: _StatsHolder(stats_module.compute(visit.store, visit.iris)))
    assert isinstance(holder, _StatsHolder)
    return holder.stats


class _StatsHolder(Representation):
    def __init__(self, stats: stats_module.Stats) -> None:
        super().__init__(b"", "text/plain")
        self.stats = stats


def _dumps(visit: Visit) -> list[DumpFile]:
    folder = dumps.dumps_dir(visit.store, visit.settings.store)
    return dumps.current_dumps(visit.store, visit.iris, folder)


def _metadata_response(visit: Visit, kind: str, iri: str, title: str,
                       build: Callable[[], list[Triple]]) -> Response:
    media = visit.media_type(DATA_OFFERS)
    if isinstance(media, Response):
        return media

    def make() -> Representation:
        triples = build()
        if media == HTML:
            names = {t.predicate.value for t in triples}
            ctx = PageContext(visit.iris, visit.lang, resources.d.labels(visit.store, visit.iris, names, "public"),
                              iri, _offered(DATA_OFFERS))
            body = triples_page(title, iri, triples, ctx).encode()
        else:
            body = to_bytes(triples, media, visit.iris)
        return Representation(body, media, modified=visit.state.modified)

    rep = visit.cached(kind, media, visit.lang, make=make)
    return respond(visit.request, rep, visit.links(iri, DATA_OFFERS, media))


@_get_and_head("/.well-known/void", "VoID description of the dataset")
def void_description(request: Request) -> Response:
    visit = Visit(request)

    def build() -> list[Triple]:
        names = list(MEDIA_TYPES)  # the dump names; the files are made when first downloaded
        return void.void_triples(visit.iris, _stats(visit), entity_list(visit), names, visit.state.modified)

    return _metadata_response(visit, "void", void.void_iri(visit.iris), "VoID", build)


@_get_and_head("/catalog", "DCAT-AP 3 catalogue")
def catalog(request: Request) -> Response:
    visit = Visit(request)

    def build() -> list[Triple]:
        members = feed.retained_members(visit.store, visit.iris)
        issued = min((m.modified for m in members), default=visit.state.modified)
        return dcat.catalog_triples(visit.iris, _stats(visit), _dumps(visit), issued, visit.state.modified)

    return _metadata_response(visit, "catalog", dcat.catalog_iri(visit.iris), "DCAT-AP catalogue", build)


# -- dumps -------------------------------------------------------------------------------------------


@_get_and_head("/dumps/", "The dump files (made on first request)")
def dump_list(request: Request) -> Response:
    visit = Visit(request)
    files = _dumps(visit)
    media = visit.media_type((HTML, "application/json"))
    if isinstance(media, Response):
        return media
    if media != HTML:  # application/json (the format alias maps it to JSON-LD's type)
        media = "application/json"
        body = json.dumps({"files": [{**f.__dict__, "url": visit.iris.base + "dumps/" + f.name} for f in files]},
                          indent=1).encode()
    else:
        rows = "".join(
            f'<tr><td><a href="{visit.iris.base}dumps/{f.name}">{f.name}</a></td><td>{f.media_type} (gzip)</td>'
            f"<td>{f.byte_size}</td><td>{f.statements}</td><td><code>{f.sha256}</code></td><td>{f.modified}</td></tr>"
            for f in files
        )
        html = ("<h1>Dumps</h1><p>The public graph only (never personal data). N-Quads: every named graph, "
                "sorted; Turtle: the same triples in one graph.</p><table><tr><th>file</th><th>type</th>"
                f"<th>bytes</th><th>statements</th><th>sha256</th><th>written</th></tr>{rows}</table>")
        body = layout("Dumps", html, PageContext(visit.iris, visit.lang, url=visit.iris.base + "dumps/")).encode()
    rep = Representation(body, media, modified=visit.state.modified)
    return respond(request, rep)


@_get_and_head("/dumps/{name}", "One dump file (application/gzip)")
def dump_file(request: Request, name: str) -> Response:
    visit = Visit(request)
    files = {f.name: f for f in _dumps(visit)}
    found = files.get(name)
    if found is None:
        return error_response(404, "not_found", f"no dump named {name!r}", f"See {visit.iris.base}dumps/",
                              headers=CORS_HEADERS)
    path = dumps.dumps_dir(visit.store, visit.settings.store) / name
    etag = '"' + found.sha256[:32] + '"'
    headers = {**CORS_HEADERS, "ETag": etag, "Cache-Control": "public, max-age=3600",
               "Digest": "sha-256=" + base64.b64encode(bytes.fromhex(found.sha256)).decode(),
               "Content-Disposition": f'attachment; filename="{name}"'}
    modified = file_modified(path)
    inm = request.headers.get("if-none-match")
    ims = request.headers.get("if-modified-since")
    if (inm and etag in {t.strip().removeprefix("W/") for t in inm.split(",")}) or (
        not inm and ims and _not_after(modified, ims)
    ):
        return Response(status_code=304, headers={**headers, "Last-Modified": http_date(modified)})
    # FileResponse handles HEAD and Range; application/gzip, never Content-Encoding (clients would unzip)
    return FileResponse(path, media_type="application/gzip", headers=headers, stat_result=path.stat())


def _not_after(modified: datetime, header: str) -> bool:
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    return modified.replace(microsecond=0) <= (since if since.tzinfo else since.replace(tzinfo=UTC))


# -- the change feed (LDES) ------------------------------------------------------------------------


@_get_and_head("/feed", "Linked Data Event Stream of graph versions")
def change_feed(request: Request) -> Response:
    visit = Visit(request)
    media = visit.media_type(QUAD_OFFERS)
    if isinstance(media, Response):
        return media
    start_text = request.query_params.get("from")
    try:
        start = feed.parse_start(start_text) if start_text else None
    except ValueError:
        return error_response(400, "bad_from", f"not an ISO 8601 date-time: {start_text!r}",
                              "Follow the tree:node links of the feed; from= takes a UTC date-time.")

    def make() -> Representation:
        members = feed.retained_members(visit.store, visit.iris)
        if start is None:
            statements = feed.root_quads(visit.iris, members)
            newest = True
        else:
            statements, current = feed.page_quads(visit.store, visit.iris, members, start)
            newest = current.next_from is None
        url = feed.page_iri(visit.iris, start) if start else feed.feed_iri(visit.iris)
        if media == HTML:
            triples = [s if isinstance(s, Triple) else s.triple for s in statements]
            ctx = PageContext(visit.iris, visit.lang, url=url, alternates=_offered(QUAD_OFFERS))
            body = triples_page("Change feed (LDES)", url, triples, ctx).encode()
        else:
            body = to_bytes(statements, media, visit.iris)
        # the newest page and the root change with every write; older pages only through retention
        cache_control = "public, max-age=60" if newest else "public, max-age=3600"
        return Representation(body, media, modified=visit.state.modified, cache_control=cache_control)

    rep = visit.cached("feed", start_text or "", media, visit.lang, make=make)
    url = feed.page_iri(visit.iris, start) if start else feed.feed_iri(visit.iris)
    return respond(request, rep, visit.links(url, QUAD_OFFERS, media))


# -- triple pattern fragments ----------------------------------------------------------------------


@_get_and_head("/fragments", "Triple Pattern Fragments (public data)")
def triple_fragments(request: Request) -> Response:
    visit = Visit(request)
    media = visit.media_type((*DATA_OFFERS, "application/trig"))
    if isinstance(media, Response):
        return media
    params = request.query_params
    try:
        pattern = {name: fragments.parse_term(params.get(name), name) for name in ("subject", "predicate", "object")}
        page_number = int(params.get("page", "1"))
        if page_number < 1:
            raise ValueError("page must be 1 or more")
    except ValueError as exc:
        return error_response(400, "bad_pattern", str(exc),
                              'Use IRIs as is, literals as "text", "text"@en or "5"^^<datatype IRI>; page>=1.')

    def make() -> Representation:
        # public partition only, whatever the token: fragments are the anonymous view
        triples, total = fragments.fragment(visit.store, visit.iris, pattern, page_number)
        meta = fragments.metadata(visit.iris, pattern, page_number, total)
        url = fragments.fragment_url(visit.iris, pattern, page_number)
        if media == HTML:
            ctx = PageContext(visit.iris, visit.lang, url=url, alternates=_offered(DATA_OFFERS))
            body = triples_page("Triple pattern fragment", url, [*meta, *triples], ctx).encode()
        elif media == "application/trig":
            meta_graph = NamedNode(url + "#metadata")
            body = to_bytes([*triples, *(Quad(t.subject, t.predicate, t.object, meta_graph) for t in meta)],
                            media, visit.iris)
        else:
            body = to_bytes([*meta, *triples], media, visit.iris)
        return Representation(body, media, modified=visit.state.modified)

    key = "|".join(fragments.explicit(pattern[n]) for n in ("subject", "predicate", "object"))
    rep = visit.cached("fragments", key, str(page_number), media, visit.lang, make=make)
    url = fragments.fragment_url(visit.iris, pattern, page_number)
    return respond(request, rep, visit.links(url, DATA_OFFERS, media))


# -- discoverability ---------------------------------------------------------------------------------


@_get_and_head("/sitemap.xml", "Sitemap of entity pages")
def sitemap_xml(request: Request) -> Response:
    visit = Visit(request)
    part_text = request.query_params.get("part")
    part = int(part_text) if part_text and part_text.isdigit() else None
    rep = visit.cached("sitemap", str(part), make=lambda: Representation(
        sitemap.sitemap(visit.iris, entity_list(visit), visit.state.modified, part), "application/xml",
        modified=visit.state.modified, cache_control="public, max-age=3600"))
    return respond(request, rep)


@_get_and_head("/robots.txt", "robots.txt with the sitemap")
def robots_txt(request: Request) -> Response:
    visit = Visit(request)
    rep = Representation(sitemap.robots(visit.iris), "text/plain", modified=visit.state.modified,
                         cache_control="public, max-age=86400")
    return respond(request, rep)
