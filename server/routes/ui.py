"""The query page for people: ``GET /`` (HTML), its static files, and the example queries.

Everything is package data (``server/static/``) served by this router: no CDN, works offline.
The page runs queries against ``/sparql`` from the browser; this module never touches the store.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse, Response
from innograph.queries import examples

router = APIRouter()

STATIC_PACKAGE = "innograph.server"
STATIC_FOLDER = "static"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
# Page and assets change only with a release; a short max-age keeps edits visible quickly.
CACHE = "public, max-age=300"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@lru_cache(maxsize=32)
def _asset(name: str) -> bytes | None:
    """A file of ``server/static/`` by plain name (no folders: nothing outside can be reached)."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    entry = files(STATIC_PACKAGE).joinpath(STATIC_FOLDER, name)
    return entry.read_bytes() if entry.is_file() else None


# Handlers are ``async``: after the first (cached) read they never block, and a sync handler
# would pay a thread-pool hop per request.
@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def query_page() -> Response:
    body = _asset("index.html")
    if body is None:  # a broken build, not a user error
        raise HTTPException(500, "the query page is missing from this installation")
    return Response(body, media_type=MEDIA_TYPES[".html"], headers={"Cache-Control": CACHE, **SECURITY_HEADERS})


@router.get("/static/{name}", include_in_schema=False)
async def static_file(name: str) -> Response:
    suffix = name[name.rfind(".") :] if "." in name else ""
    body = _asset(name) if suffix in MEDIA_TYPES else None
    if body is None:
        raise HTTPException(404, f"no static file named {name!r}")
    return Response(body, media_type=MEDIA_TYPES[suffix], headers={"Cache-Control": CACHE, **SECURITY_HEADERS})


@lru_cache(maxsize=1)
def _examples_json() -> list[dict[str, str]]:
    return [{"name": e.name, "title": e.title, "description": e.description, "query": e.text} for e in examples()]


@router.get("/api/examples", summary="The example queries shown on the query page")
async def example_queries() -> JSONResponse:
    """Each example: ``name`` (file name), ``title``, ``description`` and the ``query`` text."""
    return JSONResponse(_examples_json(), headers={"Cache-Control": CACHE})
