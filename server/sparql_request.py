"""Reading a SPARQL protocol request: the POST body (form or direct), its size cap and charset,
the graph IRIs of the protocol dataset, and the endpoint's own URL (the base of relative IRIs)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl

from innograph.server.errors import ApiError
from pyoxigraph import NamedNode
from starlette.datastructures import QueryParams
from starlette.requests import Request

from innograph.settings import Settings

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"


async def post_params(request: Request, url_params: QueryParams, settings: Settings) -> QueryParams:
    header = request.headers.get("content-type", "")
    media, _, rest = header.partition(";")
    media = media.strip().lower()
    charset = _charset(rest)
    if media not in (FORM, DIRECT_QUERY, DIRECT_UPDATE):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"Content-Type {media or '(none)'} is not accepted here",
            f"POST with Content-Type {FORM}, {DIRECT_QUERY} or {DIRECT_UPDATE}.",
        )
    if charset not in ("", "utf-8", "utf8") and media != FORM:
        raise ApiError(415, "unsupported_charset", f"charset {charset} is not supported", "Send UTF-8.")
    body = await _read_body(request, settings.max_request_bytes)
    try:
        text = body.decode()
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "the body is not valid UTF-8", "Send UTF-8.") from None
    if media == FORM:
        pairs = [*url_params.multi_items(), *parse_qsl(text, keep_blank_values=True)]
        return QueryParams(pairs)
    if "query" in url_params or "update" in url_params:
        raise ApiError(400, "ambiguous_request", "a direct POST carries its operation in the body, not the URL", "")
    key = "query" if media == DIRECT_QUERY else "update"
    return QueryParams([*url_params.multi_items(), (key, text)])


def _charset(params: str) -> str:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return ""


async def _read_body(request: Request, cap: int) -> bytes:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > cap:
        raise _too_large(cap)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise _too_large(cap)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(cap: int) -> ApiError:
    return ApiError(413, "request_too_large", f"the request body is larger than {cap} bytes", "Send a smaller body.")


def graph_list(params: QueryParams, name: str) -> list[str]:
    values = params.getlist(name)
    for value in values:
        try:
            NamedNode(value)
        except ValueError:
            raise ApiError(400, "invalid_graph_iri", f"{name}: {value!r} is not an absolute IRI", "") from None
    return values


def is_iri(value: str) -> bool:
    try:
        NamedNode(value)
    except ValueError:
        return False
    return True


def endpoint_url(request: Request) -> str:
    """The URL the client used, without query (cheaper than ``request.url.replace``)."""
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        server = scope.get("server") or ("localhost", 80)
        host = f"{server[0]}:{server[1]}"
    return _checked_url(f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}")


@lru_cache(maxsize=256)  # clients reach the endpoint by few names
def _checked_url(url: str) -> str:
    try:
        NamedNode(url)
    except ValueError:  # a Host header that is no IRI authority: fall back to a neutral base
        return "http://localhost/sparql"
    return url
