"""Dataset-level linked data: VoID and DCAT-AP metadata, dumps, the change feed (LDES), triple
pattern fragments, the sitemap and robots.txt. Served like every linked-data document
(:mod:`innograph.server.linked.http`: conditional requests, gzip, CORS, HEAD).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from fastapi import APIRouter
from innograph.server.errors import error_response
from innograph.server.linked import dcat, describe, dumps, feed, fragments, sitemap, void
from innograph.server.linked import stats as stats_module
from innograph.server.linked.http import CORS_HEADERS, Representation, file_modified, http_date, respond
from innograph.server.linked.pages import PageContext, layout, triples_page
from innograph.server.linked.rdf import to_bytes
from innograph.server.linked.variants import DATA_OFFERS, HTML, QUAD_OFFERS
from innograph.server.linked.visit import Visit, VisitDep, entity_list, get_and_head, offered
from pyoxigraph import NamedNode, Quad, Triple
from starlette.responses import FileResponse, Response

from innograph.dump import MEDIA_TYPES, DumpFile

router = APIRouter(tags=["linked data"])


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
            ctx = PageContext(visit.iris, visit.lang, describe.labels(visit.store, visit.iris, names, "public"),
                              iri, offered(DATA_OFFERS))
            body = triples_page(title, iri, triples, ctx).encode()
        else:
            body = to_bytes(triples, media, visit.iris)
        return Representation(body, media, modified=visit.state.modified)

    rep = visit.cached(kind, media, visit.lang, make=make)
    return respond(visit.request, rep, visit.links(iri, DATA_OFFERS, media))


@get_and_head(router, "/.well-known/void", "VoID description of the dataset")
def void_description(visit: VisitDep) -> Response:
    def build() -> list[Triple]:
        names = list(MEDIA_TYPES)  # the dump names; the files are made when first downloaded
        return void.void_triples(visit.iris, _stats(visit), entity_list(visit), names, visit.state.modified)

    return _metadata_response(visit, "void", void.void_iri(visit.iris), "VoID", build)


@get_and_head(router, "/catalog", "DCAT-AP 3 catalogue")
def catalog(visit: VisitDep) -> Response:
    def build() -> list[Triple]:
        members = feed.retained_members(visit.store, visit.iris)
        issued = min((m.modified for m in members), default=visit.state.modified)
        return dcat.catalog_triples(visit.iris, _stats(visit), _dumps(visit), issued, visit.state.modified)

    return _metadata_response(visit, "catalog", dcat.catalog_iri(visit.iris), "DCAT-AP catalogue", build)


# -- dumps -------------------------------------------------------------------------------------------


@get_and_head(router, "/dumps/", "The dump files (made on first request)")
def dump_list(visit: VisitDep) -> Response:
    media = visit.media_type((HTML, "application/json"))
    if isinstance(media, Response):
        return media
    files = _dumps(visit)
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
    return respond(visit.request, rep)


@get_and_head(router, "/dumps/{name}", "One dump file (application/gzip)")
def dump_file(visit: VisitDep, name: str) -> Response:
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
    inm = visit.request.headers.get("if-none-match")
    ims = visit.request.headers.get("if-modified-since")
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


@get_and_head(router, "/feed", "Linked Data Event Stream of graph versions")
def change_feed(visit: VisitDep) -> Response:
    media = visit.media_type(QUAD_OFFERS)
    if isinstance(media, Response):
        return media
    start_text = visit.request.query_params.get("from")
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
            ctx = PageContext(visit.iris, visit.lang, url=url, alternates=offered(QUAD_OFFERS))
            body = triples_page("Change feed (LDES)", url, triples, ctx).encode()
        else:
            body = to_bytes(statements, media, visit.iris)
        # the newest page and the root change with every write; older pages only through retention
        cache_control = "public, max-age=60" if newest else "public, max-age=3600"
        return Representation(body, media, modified=visit.state.modified, cache_control=cache_control)

    rep = visit.cached("feed", start_text or "", media, visit.lang, make=make)
    url = feed.page_iri(visit.iris, start) if start else feed.feed_iri(visit.iris)
    return respond(visit.request, rep, visit.links(url, QUAD_OFFERS, media))


# -- triple pattern fragments ----------------------------------------------------------------------


@get_and_head(router, "/fragments", "Triple Pattern Fragments (public data)")
def triple_fragments(visit: VisitDep) -> Response:
    media = visit.media_type((*DATA_OFFERS, "application/trig"))
    if isinstance(media, Response):
        return media
    params = visit.request.query_params
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
            ctx = PageContext(visit.iris, visit.lang, url=url, alternates=offered(DATA_OFFERS))
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
    return respond(visit.request, rep, visit.links(url, DATA_OFFERS, media))


# -- discoverability ---------------------------------------------------------------------------------


@get_and_head(router, "/sitemap.xml", "Sitemap of entity pages")
def sitemap_xml(visit: VisitDep) -> Response:
    part_text = visit.request.query_params.get("part")
    part = int(part_text) if part_text and part_text.isdigit() else None
    rep = visit.cached("sitemap", str(part), make=lambda: Representation(
        sitemap.sitemap(visit.iris, entity_list(visit), visit.state.modified, part), "application/xml",
        modified=visit.state.modified, cache_control="public, max-age=3600"))
    return respond(visit.request, rep)


@get_and_head(router, "/robots.txt", "robots.txt with the sitemap")
def robots_txt(visit: VisitDep) -> Response:
    rep = Representation(sitemap.robots(visit.iris), "text/plain", modified=visit.state.modified,
                         cache_control="public, max-age=86400")
    return respond(visit.request, rep)
