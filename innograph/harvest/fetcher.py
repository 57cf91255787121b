"""Polite HTTP for the harvester.

Per host: at most ``host_concurrency`` requests in flight and ``delay`` seconds between the starts
of two requests (more when robots.txt asks, or while a ``Retry-After`` runs); in all, at most
``concurrency``. Every URL, and every redirect hop, is checked against the address policy and the
host's robots.txt before it is requested. Redirects are followed by hand (up to a limit, loops
refused) so that each hop is checked and the chain is recorded. Bodies are read in a stream and
cut off at ``max_bytes``; a whole response may take at most ``RESPONSE_TIME_FACTOR`` read
timeouts, so a server dribbling bytes cannot hold a slot forever.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from innograph.harvest.addresses import AddressPolicy, AddressRefused
from innograph.harvest.robots import RobotsAnswer, RobotsCache

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 503}
RETRIES = 2  # attempts after the first one, for 429/503 with a Retry-After we may wait for
RESPONSE_TIME_FACTOR = 4


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str
    delay: float = 1.0
    concurrency: int = 8
    host_concurrency: int = 1
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    max_retry_after: float = 120.0


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


@dataclass
class Fetched:
    """The answer to one URL after its redirects: ``chain`` is every URL requested, the asked one
    first, the final one (``final_url``) last."""

    chain: list[str]
    status: int
    headers: httpx.Headers
    body: bytes
    retrieved: datetime

    @property
    def final_url(self) -> str:
        return self.chain[-1]

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))


class FetchFailed(Exception):
    """A URL that gave no usable answer; ``code`` is stable, ``retry_after`` (seconds) is set when
    the server said when to come back."""

    def __init__(self, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.retry_after = retry_after


class RobotsDenied(Exception):
    def __init__(self, url: str, unreachable: bool) -> None:
        why = "robots.txt unreachable (5xx or no answer): site left alone" if unreachable else "robots.txt disallows it"
        super().__init__(f"{url}: {why}")
        self.url = url


@dataclass
class FetchStats:
    requests: int = 0
    bytes: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


class HostGate:
    """Per-host pacing: a slot (``host_concurrency``) and the earliest start of the next request."""

    def __init__(self, slots: int, delay: float) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._pace = asyncio.Lock()
        self.delay = delay
        self._next_start = 0.0

    def pause(self, seconds: float) -> None:
        self._next_start = max(self._next_start, time.monotonic() + seconds)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self._slots:
            async with self._pace:
                wait = self._next_start - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = time.monotonic() + self.delay
            yield


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None when absent or
    unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    def __init__(self, config: FetchConfig, policy: AddressPolicy) -> None:
        self.config = config
        self.policy = policy
        self.stats = FetchStats()
        self.robots = RobotsCache(config.user_agent, self._fetch_robots)
        self._gates: dict[str, HostGate] = {}
        self._all = asyncio.Semaphore(config.concurrency)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": config.user_agent},
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the address policy sees the real target
            limits=httpx.Limits(max_connections=config.concurrency),
        )

    async def close(self) -> None:
        await self._client.aclose()

    def _gate(self, url: str) -> HostGate:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self._gates:
            self._gates[host] = HostGate(self.config.host_concurrency, self.config.delay)
        return self._gates[host]

    async def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET ``url`` politely, following redirects; raises :class:`RobotsDenied` or
        :class:`FetchFailed`. A 304, 404 or 500 is an answer (``status``), not an exception."""
        chain = [url]
        while True:
            current = chain[-1]
            await self._check(current)
            rules = await self.robots.rules_for(current)
            if not rules.allows(current):
                raise RobotsDenied(current, rules.unreachable)
            gate = self._gate(current)
            delay = rules.crawl_delay()
            if delay is not None and delay > gate.delay:
                gate.delay = delay
            status, headers, body = await self._with_retries(current, validators)
            if status in REDIRECTS and headers.get("location"):
                chain.append(self._next_hop(chain, headers["location"]))
                continue
            return Fetched(chain, status, headers, body, datetime.now(UTC))

    async def _check(self, url: str) -> None:
        try:
            await self.policy.check(url)
        except AddressRefused as exc:
            raise FetchFailed(exc.code, str(exc)) from exc

    def _next_hop(self, chain: list[str], location: str) -> str:
        target = urljoin(chain[-1], location.strip()).split("#")[0]
        if target in chain:
            raise FetchFailed("redirect_loop", " -> ".join([*chain, target]))
        if len(chain) > self.config.max_redirects:
            raise FetchFailed("too_many_redirects", f"more than {self.config.max_redirects} redirects from {chain[0]}")
        return target

    async def _with_retries(self, url: str, validators: Validators | None) -> tuple[int, httpx.Headers, bytes]:
        gate = self._gate(url)
        for attempt in range(RETRIES + 1):
            async with gate.turn(), self._all:
                status, headers, body = await self._get(url, validators.headers() if validators else {})
            if status not in RETRY_STATUSES:
                return status, headers, body
            wait = retry_after_seconds(headers.get("retry-after"))
            if wait is None or wait > self.config.max_retry_after or attempt == RETRIES:
                after = f", retry after {wait:.0f} s" if wait is not None else ""
                raise FetchFailed(f"http_{status}", f"{httpx.codes.get_reason_phrase(status)}{after}", wait)
            gate.pause(wait)  # the whole host waits, not only this URL
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _get(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        self.stats.requests += 1
        try:
            async with asyncio.timeout(self.config.read_timeout * RESPONSE_TIME_FACTOR):
                async with self._client.stream("GET", url, headers=headers) as response:
                    body = await self._read_capped(response)
        except TimeoutError as exc:
            raise FetchFailed("timeout", f"no complete answer within "
                              f"{self.config.read_timeout * RESPONSE_TIME_FACTOR:g} s") from exc
        except httpx.ConnectTimeout as exc:
            raise FetchFailed("connect_timeout", f"no connection within {self.config.connect_timeout:g} s") from exc
        except httpx.ReadTimeout as exc:
            raise FetchFailed("read_timeout", f"no data for {self.config.read_timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise FetchFailed("connect_failed", str(exc) or type(exc).__name__) from exc
        except httpx.HTTPError as exc:
            raise FetchFailed("http_error", f"{type(exc).__name__}: {exc}") from exc
        self.stats.statuses[response.status_code] = self.stats.statuses.get(response.status_code, 0) + 1
        return response.status_code, response.headers, body

    async def _read_capped(self, response: httpx.Response) -> bytes:
        cap = self.config.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchFailed("too_large", f"{int(declared):,} bytes announced, over the {cap:,}-byte limit")
        chunks, total = [], 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            self.stats.bytes += len(chunk)
            if total > cap:
                raise FetchFailed("too_large", f"over the {cap:,}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _fetch_robots(self, url: str) -> RobotsAnswer:
        """robots.txt itself: redirects followed, no robots check; no answer gives status 0."""
        chain = [url]
        try:
            while True:
                await self._check(chain[-1])
                async with self._gate(chain[-1]).turn(), self._all:
                    status, headers, body = await self._get(chain[-1], {})
                if status in REDIRECTS and headers.get("location"):
                    chain.append(self._next_hop(chain, headers["location"]))
                    continue
                return RobotsAnswer(status, body.decode("utf-8", "replace") if status < 300 else "")
        except FetchFailed:
            return RobotsAnswer(0)
