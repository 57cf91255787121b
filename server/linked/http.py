"""HTTP done right for every linked-data representation.

* strong ``ETag`` = hash of the bytes sent (a gzip-encoded variant gets its own tag), and
  ``Last-Modified`` = the time of the store's last committed write (or the file's, for dumps);
* ``304 Not Modified`` on ``If-None-Match`` (or ``If-Modified-Since`` when no ETag is sent);
* ``Cache-Control`` (public data: shared caches may keep it; anything read with the token:
  ``private, no-store``), ``Vary: Accept, Accept-Language, Accept-Encoding, Authorization``;
* gzip when the client accepts it (bodies over 1 KB), CORS for reads, ``HEAD`` without a body.

Representations are memoised per store state (``StoreState.key``): a repeated request, and any
conditional request, costs a dictionary lookup instead of SPARQL queries.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from pyoxigraph import Literal
from starlette.requests import Request
from starlette.responses import Response

from innograph.iris import Iris
from innograph.sparql_text import query_text
from innograph.store import Store

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link, Content-Location, Last-Modified, Retry-After, Location",
}
PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since, Authorization",
    "Access-Control-Max-Age": "86400",
}
VARY = "Accept, Accept-Language, Accept-Encoding, Authorization"
GZIP_FROM = 1024
PUBLIC_MAX_AGE = 300
TEXT_TYPES = ("text/", "application/n-triples", "application/n-quads", "application/trig")


@dataclass(frozen=True)
class StoreState:
    """What a cached representation depends on: ``key`` changes with every committed write."""

    key: str
    modified: datetime


@dataclass
class Representation:
    body: bytes
    media_type: str
    status: int = 200
    modified: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cache_control: str = f"public, max-age={PUBLIC_MAX_AGE}"
    _etag: str | None = None
    _gzipped: bytes | None = None

    @property
    def etag(self) -> str:
        if self._etag is None:
            self._etag = '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'
        return self._etag

    @property
    def gzipped(self) -> bytes:
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gzipped


def content_type(media_type: str) -> str:
    if media_type.startswith(TEXT_TYPES) or media_type in ("application/xml", "application/rdf+xml"):
        return f"{media_type}; charset=utf-8"
    return media_type


def store_state(store: Store, iris: Iris) -> StoreState:
    """A store that knows when it last changed (embedded): its generation and that time. Others
    (remote, written elsewhere): the newest change-log time, cached for a few seconds."""
    modified = store.changed_at()
    if modified is not None:
        return StoreState(f"g{store.generation()}-{modified.timestamp()}", modified)
    return _remote_state(store, iris)


_remote_cache: dict[int, tuple[float, StoreState]] = {}
REMOTE_STATE_SECONDS = 5
NEVER = datetime(2000, 1, 1, tzinfo=UTC)  # a store with no change log yet


def _remote_state(store: Store, iris: Iris) -> StoreState:
    now = time.monotonic()
    cached = _remote_cache.get(id(store))
    if cached and now - cached[0] < REMOTE_STATE_SECONDS:
        return cached[1]
    rows = store.select(query_text("linked/last-change", iris))
    value = rows[0].get("last") if rows else None
    modified = datetime.fromisoformat(value.value) if isinstance(value, Literal) else NEVER
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=UTC)
    state = StoreState(f"r{modified.isoformat()}", modified)
    _remote_cache[id(store)] = (now, state)
    return state


class RepresentationCache:
    """A small LRU of representations keyed by (store state, request identity), bounded in
    entries and in bytes (a big named graph is not allowed to push everything else out)."""

    def __init__(self, size: int = 512, max_bytes: int = 64_000_000, max_item: int = 4_000_000) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.max_item = max_item
        self._bytes = 0
        self._items: OrderedDict[tuple[str, ...], Representation] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: tuple[str, ...], make: Callable[[], Representation], *,
                    any_size: bool = False) -> Representation:
        """The cached value for ``key``, else ``make()`` (kept unless too big, or ``any_size``)."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        made = make()
        keep = made.status == 200 and "no-store" not in made.cache_control
        if keep and (any_size or len(made.body) <= self.max_item):
            with self._lock:
                old = self._items.pop(key, None)
                self._bytes -= len(old.body) if old is not None else 0
                self._items[key] = made
                self._bytes += len(made.body)
                while len(self._items) > self.size or self._bytes > self.max_bytes:
                    _, evicted = self._items.popitem(last=False)
                    self._bytes -= len(evicted.body)
        return made


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0"):
            return True
    return False


def _not_modified(request: Request, etags: set[str], modified: datetime | None) -> bool:
    inm = request.headers.get("if-none-match")
    if inm is not None:
        if inm.strip() == "*":
            return True
        sent = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return bool(sent & etags)
    ims = request.headers.get("if-modified-since")
    if ims and modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return modified.replace(microsecond=0) <= since
    return False


def respond(request: Request, rep: Representation, extra_headers: Mapping[str, str] | None = None) -> Response:
    """The response for ``rep``: conditional, compressed, CORS-enabled, HEAD-aware."""
    headers: dict[str, str] = {**CORS_HEADERS, "Vary": VARY, "Cache-Control": rep.cache_control, **rep.headers}
    if extra_headers:
        headers.update(extra_headers)
    body = rep.body
    etag = rep.etag
    gz_etag = etag[:-1] + '-gz"'
    use_gzip = rep.status == 200 and len(body) >= GZIP_FROM and _accepts_gzip(request) and not rep.media_type.endswith(
        "gzip"
    )
    if use_gzip:
        body, etag = rep.gzipped, gz_etag
        headers["Content-Encoding"] = "gzip"
    if rep.status == 200:
        headers["ETag"] = etag
        if rep.modified is not None:
            headers["Last-Modified"] = format_datetime(rep.modified.astimezone(UTC), usegmt=True)
        if _not_modified(request, {rep.etag, gz_etag}, rep.modified):
            headers.pop("Content-Encoding", None)
            return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(b"", status_code=rep.status, headers=headers, media_type=content_type(rep.media_type))
    return Response(body, status_code=rep.status, headers=headers, media_type=content_type(rep.media_type))


def preflight() -> Response:
    return Response(status_code=204, headers=PREFLIGHT_HEADERS)


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def file_modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)
