"""``/sparql``: the SPARQL 1.1 Protocol (query and update) and the Service Description.

One FastAPI endpoint that reads the request itself (the protocol's parameters do not fit a
declared signature); it takes the settings and the store as dependencies, like every route. The
event loop never waits on the store for long: ``store.aquery`` is awaited (the embedded store
answers cheap public queries on the loop in a short slice, ``innograph/store/direct.py``, and
hands every other query to worker processes that answer over a socket watched by the loop; the
remote store runs in a thread). A query and its serialization run on one thread, so no
pyoxigraph iterator ever crosses threads. The limit contract is in the README ("Limits") and in
the service description.

Cost of being a FastAPI route with two async dependencies, measured in-process: an empty handler
takes ~25 us as a plain Starlette route and ~65-75 us this way; a point lookup on a real store
331 us against 396 us (min of 40 interleaved rounds on the loaded 2-core VM), so ~10% of a
loopback point lookup. A plain ``def`` dependency would add a thread hop (~375 us).
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar, cast

from fastapi import APIRouter, FastAPI
from innograph.server import negotiation, service_description
from innograph.server.deps import (
    SettingsDep,
    StoreDep,
    bearer_token,
    get_settings,
    get_store,
    is_authorised,
    settings_of,
    store_of,
)
from innograph.server.errors import HTTP_CODES, ApiError, error_response, store_error_response
from innograph.server.sparql_guard import Analysis, analyse, dataset_clauses, with_using
from innograph.server.sparql_request import (
    endpoint_url,
    graph_list,
    is_iri,
    post_params,
)
from innograph.server.sparql_update import apply_update
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Receive, Scope, Send

from innograph.iris import Iris
from innograph.settings import Settings
from innograph.sparql_text import query_text
from innograph.store import QueryRequest, Store, StoreError

logger = logging.getLogger(__name__)
router = APIRouter()
T = TypeVar("T")

PATHS = ("/sparql", "/sparql/")
CORS = {"Access-Control-Allow-Origin": "*"}
RESULT_HEADERS = {"Vary": "Accept", **CORS}
PREFLIGHT = {
    **CORS,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, Authorization",
    "Access-Control-Max-Age": "86400",
}
REFUSED_HINT = (
    "This endpoint never fetches URLs (SERVICE and LOAD are refused). Query the remote endpoint "
    "yourself, or load the data with `innograph ingest`."
)


async def sparql_endpoint(request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    """The FastAPI route: OPTIONS and whatever the fast path below leaves to the framework."""
    if request.method == "OPTIONS":
        return Response(status_code=204, headers=PREFLIGHT)
    return await answer(request, settings, store)


async def answer(request: Request, settings: Settings, store: Store) -> Response:
    """A GET or POST on /sparql; raises ApiError or StoreError for the one error shape."""
    method = request.method
    url_params = request.query_params
    if method == "POST":
        params = await post_params(request, url_params, settings)
    else:
        if len(request.scope["query_string"]) > settings.max_request_bytes:
            raise ApiError(414, "uri_too_long", "the request URL is too long", "Send the query with POST.")
        params = url_params
        if "update" in params:
            raise ApiError(
                400, "update_needs_post", "SPARQL Update is only accepted with POST", "POST the update instead."
            )
    queries = params.getlist("query")
    updates = params.getlist("update")
    if len(queries) + len(updates) > 1:
        raise ApiError(
            400, "ambiguous_request", "send exactly one query or one update", "Remove the extra query/update."
        )
    if queries:
        return await _query(request, queries[0], params, settings, store)
    if updates:
        return await _update(request, updates[0], params, settings, store)
    if method == "POST":
        raise ApiError(400, "missing_query", "no query or update in the request", "Send query=... or update=...")
    return await _service_description(request, settings, store)


for _path in PATHS:
    router.add_api_route(_path, sparql_endpoint, methods=["GET", "POST", "OPTIONS"], include_in_schema=False)


# -- the fast path -------------------------------------------------------------------------------

FAST_METHODS = frozenset({"GET", "POST"})


def takes_fast_path(scope: Scope) -> bool:
    return scope["type"] == "http" and scope["path"] in PATHS and scope["method"] in FAST_METHODS


async def serve_fast(app: FastAPI, scope: Scope, receive: Receive, send: Send) -> None:
    """GET and POST on /sparql, called by the app before FastAPI's middleware, router and
    dependency resolution: the same ``answer`` and the same error shape, at a fraction of the
    cost (see bench/README.md). The settings and the store are the dependencies' (overrides
    included), so tests that swap them reach this path too."""
    scope["app"] = app
    request = Request(scope, receive)
    try:
        settings = await _dependency(app, get_settings, settings_of)
        store = await _dependency(app, get_store, store_of)
        response = await answer(request, settings, store)
    except StarletteHTTPException as exc:
        response = _http_error_response(exc)
    except StoreError as exc:
        response = store_error_response(exc)
        # The traceback's frames hold what the store had open (a failed update's writer, whose
        # RocksDB lock the next update waits for): let go of them now, not at a later collection.
        _release_frames(exc)
    except Exception as exc:  # the same answer FastAPI's handler gives, and the same log line
        logger.exception("unexpected error on %s %s", scope["method"], scope["path"])
        response = error_response(500, "internal_error", type(exc).__name__, HTTP_CODES[500][1])
    await response(scope, receive, send)


async def _dependency(app: FastAPI, dependency: Callable[..., object], own: Callable[[Starlette], T]) -> T:
    """The dependency's override's value (overrides take no arguments here), else what the
    dependency itself would give, read straight from the app (no Request, no await)."""
    override = app.dependency_overrides.get(dependency)
    if override is None:
        return own(app)
    value = override()
    if inspect.isawaitable(value):
        value = await value
    return cast(T, value)


def _release_frames(exc: BaseException | None) -> None:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


def _http_error_response(exc: StarletteHTTPException) -> Response:
    if isinstance(exc, ApiError):
        return error_response(exc.status_code, exc.code, str(exc.detail), exc.hint, exc.headers)
    code, hint = HTTP_CODES.get(exc.status_code, ("http_error", ""))
    return error_response(exc.status_code, code, str(exc.detail), hint, exc.headers)


def _refuse_fetching(analysis: Analysis) -> None:
    if analysis.fetches:
        keywords = ", ".join(sorted(set(analysis.fetches)))
        raise ApiError(400, "service_refused", f"{keywords} is not allowed on this endpoint", REFUSED_HINT)


# -- query ---------------------------------------------------------------------------------------


async def _query(request: Request, query: str, params: QueryParams, settings: Settings, store: Store) -> Response:
    has_token = bearer_token(request) is not None
    authorised = has_token and is_authorised(request, settings)
    if has_token and not authorised:  # say so rather than silently hide data
        raise ApiError(403, "token_invalid", "the bearer token is not valid", "Check the token, or send none.")
    analysis = analyse(query)
    _refuse_fetching(analysis)
    default_graphs = graph_list(params, "default-graph-uri")
    named_graphs = graph_list(params, "named-graph-uri")
    if analysis.has_dataset and not (default_graphs or named_graphs):
        # Send the query's FROM / FROM NAMED as the protocol dataset too: same meaning, and it
        # also holds on servers whose union-default-graph mode would override FROM (Oxigraph).
        clauses = dataset_clauses(query)
        if all(is_iri(g) for g in (*clauses[0], *clauses[1])):  # else the store reports the syntax error
            default_graphs, named_graphs = clauses
    form = analysis.form
    requested = params.get("format") or params.get("output")
    accept: tuple[str, ...]
    if requested:
        media = negotiation.from_format_parameter(requested, form)
        if media is None:
            raise ApiError(406, "not_acceptable", f"unknown format {requested!r}", "Use json, xml, csv, tsv, ttl...")
        accept = (media,)
    elif form is not None:
        media = negotiation.negotiate(request.headers.get("accept"), negotiation.OFFERS[form])
        if media is None:
            offers = ", ".join(negotiation.OFFERS[form])
            message = f"none of the accepted types fits a {form} result"
            raise ApiError(406, "not_acceptable", message, f"Accept one of: {offers}")
        accept = (media,)
    else:  # the scanner could not tell the form: let the store choose (it parses the query anyway)
        accept = _ranked(request.headers.get("accept"))
    job = QueryRequest(
        query,
        partition="full" if authorised and store.has_personal_view else "public",
        accept=accept,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        union_default_graph=settings.union_default_graph
        and not (analysis.has_dataset or default_graphs or named_graphs)
        and params.get("union-default-graph", "true").lower() not in ("false", "0", "no", "off"),
        timeout=settings.query_timeout,
        max_bytes=settings.max_result_bytes,
        base_iri=endpoint_url(request),
    )
    result = await store.aquery(job)
    return ResultResponse(result.body, result.media_type)


class ResultResponse(Response):
    """A query's answer, with the very headers of ``Response(body, media_type=content_type(m),
    headers=RESULT_HEADERS)`` (tests compare them), made from constants: ~5 us less per request."""

    def __init__(self, body: bytes, media_type: str) -> None:  # not super().__init__: it would redo it all
        self.status_code = 200
        self.background = None
        self.body = body
        self.media_type = media_type
        self.raw_headers = [*_RESULT_RAW_HEADERS, (b"content-length", b"%d" % len(body)), _content_type(media_type)]


_RESULT_RAW_HEADERS = [(name.lower().encode("latin-1"), value.encode("latin-1"))
                       for name, value in RESULT_HEADERS.items()]


@lru_cache(maxsize=64)
def _content_type(media_type: str) -> tuple[bytes, bytes]:
    value = negotiation.content_type(media_type)
    if value.startswith("text/") and "charset=" not in value.lower():  # as Response.init_headers does
        value += "; charset=utf-8"
    return (b"content-type", value.encode("latin-1"))


def _ranked(accept: str | None) -> tuple[str, ...]:
    if not accept:
        return ()
    ranges = sorted(negotiation.parse_accept(accept), key=lambda r: -r[2])
    return tuple(f"{major}/{minor}" for major, minor, q in ranges if q > 0)


# -- update --------------------------------------------------------------------------------------


async def _update(request: Request, update: str, params: QueryParams, settings: Settings, store: Store) -> Response:
    if not settings.token:
        raise ApiError(
            403,
            "updates_disabled",
            "SPARQL Update is switched off on this server",
            "The operator enables it by setting INNOGRAPH_TOKEN; then send it as 'Authorization: Bearer <token>'.",
        )
    if bearer_token(request) is None:
        raise ApiError(
            401,
            "token_required",
            "SPARQL Update needs the bearer token",
            "Send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="innograph"'},
        )
    if not is_authorised(request, settings):
        raise ApiError(403, "token_invalid", "the bearer token is not valid", "Check the token.")
    analysis = analyse(update)
    _refuse_fetching(analysis)
    using = graph_list(params, "using-graph-uri")
    using_named = graph_list(params, "using-named-graph-uri")
    if using or using_named:
        if analysis.has_using_or_with:
            raise ApiError(
                400,
                "dataset_conflict",
                "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH in the update",
                "Use either the protocol parameters or the USING/WITH clauses.",
            )
        update = with_using(update, analysis, using, using_named)
    # The endpoint is the base IRI of relative IRIs (an explicit BASE in the update still wins).
    text = f"BASE <{endpoint_url(request)}>\n{update}"
    await run_in_threadpool(apply_update, store, text, settings.iris)
    return Response(status_code=204, headers=CORS)


# -- service description -------------------------------------------------------------------------


async def _service_description(request: Request, settings: Settings, store: Store) -> Response:
    accept = request.headers.get("accept")
    offers = ("text/html", *service_description.SD_MEDIA_TYPES)
    media = negotiation.negotiate(accept, offers) if accept else "text/turtle"
    if media == "text/html":  # a browser: the query page is the human face of this endpoint
        return RedirectResponse("/", status_code=303, headers={"Vary": "Accept"})
    if media is None:
        raise ApiError(406, "not_acceptable", "the service description is RDF", "Accept text/turtle or RDF/XML.")
    generation = await run_in_threadpool(store.generation)
    triples = await run_in_threadpool(_triple_count, request, store, settings.iris, generation)
    body = service_description.render(endpoint_url(request), media, settings, generation, triples)
    return Response(body, media_type=negotiation.content_type(media), headers=RESULT_HEADERS)


def _triple_count(request: Request, store: Store, iris: Iris, generation: int) -> int | None:
    """Triples in the public union graph, cached per store generation (None when counting hit a
    store limit, e.g. the time limit on a very large store: the description is sent without it)."""
    cache: dict[tuple[int, int], int | None] = request.app.state.triple_counts  # made with the app
    key = (id(store), generation)
    if key not in cache:
        try:
            rows = store.select(query_text("server/triple-count", iris))
        except StoreError:
            count = None
        else:
            count = int(rows[0]["n"].value)
        cache.clear()
        cache[key] = count
    return cache[key]
