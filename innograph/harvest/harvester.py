"""One harvest run: seed the queue from the start points (or the state's due pages), then let
``concurrency`` workers take URLs from it; each URL ends in exactly one outcome, recorded in the
state after its graph is committed to the store.

Outcomes: ``new`` / ``changed`` (graph written), ``unchanged`` (304, or the same bytes: nothing
extracted or written), ``removed`` (404/410 with ``--prune``: graph dropped), ``gone`` (404/410
with ``--prune``, nothing stored), ``robots_denied``, ``not_due`` (``--due``), ``failed`` (with its
reason; a failing page never touches what the store holds).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import multiprocessing
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import httpx
from tqdm import tqdm

from innograph.harvest.fetcher import Fetched, Fetcher, FetchFailed, RobotsDenied, Validators
from innograph.harvest.pages import PageInput, Unloadable, doc_id_for_url, load_in_worker, page_hash
from innograph.harvest.startpoints import (
    MAX_SITEMAP_NESTING,
    MAX_SITEMAPS,
    CrawlScope,
    StartPoint,
    StartPointError,
    links_of,
    normalise,
    read_feed,
    read_sitemap,
)
from innograph.harvest.state import HarvestState, PageState, QueueItem
from innograph.ingest import change_log, document_write, ensure_reference_data
from innograph.iris import Iris
from innograph.loaders.base import LoadedDocument
from innograph.store import Store, StoreError

FAILED_RETRY = 3600.0  # a failed page is due again after an hour (or after its Retry-After)
GONE = {404, 410}


@dataclass(frozen=True)
class HarvestPlan:
    start_points: tuple[StartPoint, ...] = ()
    crawl_prefix: str | None = None  # path prefix of crawls (default: the start page's folder)
    depth: int = 2
    due_only: bool = False
    prune: bool = False
    force: bool = False
    interval: float = 86400.0

    def key(self) -> str:
        """Identifies the run for resuming: the same command resumes, another one starts afresh."""
        spec = [[p.kind, p.url] for p in self.start_points] + [self.crawl_prefix, self.depth, self.due_only,
                                                               self.prune, self.force]
        return hashlib.sha256(json.dumps(spec).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Failure:
    url: str
    code: str
    reason: str

    def line(self) -> str:
        return f"FAILED {self.url}: [{self.code}] {self.reason}"


@dataclass
class HarvestReport:
    outcomes: Counter[str] = field(default_factory=Counter)
    failed: list[Failure] = field(default_factory=list)
    robots_denied: list[str] = field(default_factory=list)  # 'url: why'
    triples: int = 0
    requests: int = 0
    bytes: int = 0
    seconds: float = 0.0
    resumed: bool = False
    done_before: int = 0  # URLs of a resumed run already done before this process started

    def failed_by_reason(self) -> Counter[str]:
        return Counter(f.code for f in self.failed)

    def as_dict(self) -> dict[str, object]:
        return {
            "pages": sum(self.outcomes.values()),
            "outcomes": dict(self.outcomes),
            "failed": [f.__dict__ for f in self.failed],
            "failed_by_reason": dict(self.failed_by_reason()),
            "robots_denied": self.robots_denied,
            "triples": self.triples,
            "requests": self.requests,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "resumed": self.resumed,
            "done_before": self.done_before,
        }


class Harvester:
    def __init__(self, store: Store, iris: Iris, state: HarvestState, fetcher: Fetcher, plan: HarvestPlan,
                 *, jobs: int = 2, progress: bool = False) -> None:
        self.store, self.iris, self.state, self.fetcher, self.plan = store, iris, state, fetcher, plan
        self.report = HarvestReport()
        self.known: dict[str, str] = {}  # graph -> content hash, as in the store
        self.written: set[str] = set()  # graphs written or confirmed by this run
        self.run_id = 0
        self._queue: asyncio.Queue[QueueItem] = asyncio.Queue()
        self._jobs = jobs
        self._extractor = self._new_extractor()
        self._bar = tqdm(total=0, unit="page", file=sys.stderr, dynamic_ncols=True) if progress else None

    async def run(self) -> HarvestReport:
        started = time.monotonic()
        # one write session for the run, as ingest: each page stays its own atomic write, but the
        # embedded store is not reopened per page (seconds each); other writers wait meanwhile
        with self.store.writing():
            await self._run()
        self.report.requests, self.report.bytes = self.fetcher.stats.requests, self.fetcher.stats.bytes
        self.report.seconds = time.monotonic() - started
        return self.report

    async def _run(self) -> None:
        self.known = self.store.graph_hashes()
        ensure_reference_data(self.store, self.iris, self.known)
        self.run_id, self.report.resumed = self.state.start_run(self.plan.key())
        if not self.state.is_seeded(self.run_id):
            self.state.seed(self.run_id, await self._seed_items())
        self.report.done_before = self.state.done_count(self.run_id)
        self._put(self.state.pending(self.run_id))
        workers = [asyncio.create_task(self._work()) for _ in range(self.fetcher.config.concurrency)]
        try:
            await self._queue.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            self._extractor.shutdown(wait=True)
            if self._bar is not None:
                self._bar.close()
        self.state.finish_run(self.run_id)

    def _new_extractor(self) -> ProcessPoolExecutor:
        """Extraction runs in worker processes: it is CPU work that would starve the event loop
        (and its timeouts) in a thread. Spawned, not forked: the parent holds RocksDB's threads."""
        return ProcessPoolExecutor(max_workers=self._jobs, mp_context=multiprocessing.get_context("spawn"))

    def _put(self, items: list[QueueItem]) -> None:
        for item in items:
            self._queue.put_nowait(item)
        if self._bar is not None:
            self._bar.total += len(items)
            self._bar.refresh()

    async def _work(self) -> None:
        while True:
            item = await self._queue.get()
            try:
                await self._process(item)
            finally:
                self._queue.task_done()
                if self._bar is not None:
                    self._bar.update(1)

    # -- seeding ---------------------------------------------------------------------------------

    async def _seed_items(self) -> list[QueueItem]:
        if self.plan.due_only and not self.plan.start_points:
            return [QueueItem(url, 0, None) for url in self.state.due(time.time())]
        items: dict[str, QueueItem] = {}
        for point in self.plan.start_points:
            try:
                found = await self._items_of(point)
            except (StartPointError, FetchFailed, RobotsDenied) as exc:
                self._fail(point.url, getattr(exc, "code", "robots_denied"), f"{point.kind}: {exc}")
                continue
            for item in found:  # a URL given twice is fetched once; as a crawl start if it is one
                if item.url not in items or item.scope is not None:
                    items[item.url] = item
        return list(items.values())

    async def _items_of(self, point: StartPoint) -> list[QueueItem]:
        url = normalise(point.url)
        if point.kind == "url":
            return [QueueItem(url)]
        if point.kind == "crawl":
            return [QueueItem(url, 0, CrawlScope.around(url, self.plan.crawl_prefix).prefix)]
        if point.kind == "feed":
            return [QueueItem(normalise(link)) for link in read_feed(await self._document(url), url)]
        return [QueueItem(normalise(link)) for link in await self._sitemap_pages(url)]

    async def _sitemap_pages(self, url: str) -> list[str]:
        pages: list[str] = []
        todo, read = [(url, 0)], 0
        while todo and read < MAX_SITEMAPS:
            current, nesting = todo.pop(0)
            found, children = read_sitemap(await self._document(current), current)
            read += 1
            pages += found
            todo += [(child, nesting + 1) for child in children if nesting + 1 <= MAX_SITEMAP_NESTING]
        return pages

    async def _document(self, url: str) -> bytes:
        """A sitemap or feed (fetched in full each run: it is where new pages appear)."""
        fetched = await self.fetcher.fetch(url)
        if fetched.status != 200:
            raise FetchFailed(f"http_{fetched.status}", f"{url} answered {fetched.status}")
        return fetched.body

    # -- one URL ---------------------------------------------------------------------------------

    async def _process(self, item: QueueItem) -> None:
        now = time.time()
        known = self.state.page(item.url) or PageState(item.url)
        if self.plan.due_only and known.due is not None and known.due > now:
            self._finish(item, known, "not_due")
            return
        try:
            fetched = await self.fetcher.fetch(item.url, self._validators(known))
        except RobotsDenied as exc:
            self.report.robots_denied.append(str(exc) if exc.url == item.url else f"{item.url} -> {exc}")
            known.reason = str(exc)
            self._finish(item, known, "robots_denied", due=now + self.plan.interval)
            return
        except FetchFailed as exc:
            self._failed(item, known, exc.code, str(exc).split("] ", 1)[-1], exc.retry_after)
            return
        await self._answered(item, known, fetched)

    def _validators(self, known: PageState) -> Validators | None:
        """Only for a page whose graph the store still holds: a 304 must not leave it missing."""
        if self.plan.force or known.graph not in self.known:
            return None
        return Validators(known.etag, known.last_modified)

    async def _answered(self, item: QueueItem, known: PageState, fetched: Fetched) -> None:
        known.status = fetched.status
        if fetched.status == 304:
            self._follow(item, known.links)
            self._finish(item, known, "unchanged", due=time.time() + self.plan.interval)
        elif fetched.status in GONE:
            self._gone(item, known, fetched)
        elif fetched.status == 200:
            await self._page(item, known, fetched)
        else:
            self._failed(item, known, f"http_{fetched.status}", _reason(fetched.status))

    async def _page(self, item: QueueItem, known: PageState, fetched: Fetched) -> None:
        graph = self.iris.graph(doc_id_for_url(fetched.final_url))
        digest = page_hash(fetched.body, fetched.final_url)
        known.final_url, known.graph = fetched.final_url, graph
        known.etag, known.last_modified = fetched.validators.etag, fetched.validators.last_modified
        if item.scope is not None and item.depth < self.plan.depth:
            known.links = [u for u in links_of(fetched.body, fetched.final_url) if CrawlScope(item.scope).contains(u)]
            self._follow(item, known.links)
        if graph in self.written or (not self.plan.force and self.known.get(graph) == digest):
            self._finish(item, known, "unchanged", due=time.time() + self.plan.interval)  # same bytes, or an alias
            return
        loaded = await self._extract(item, known, fetched)
        if loaded is None:
            return
        try:
            change = "updated" if graph in self.known else "created"
            self.store.write_document(document_write(self.iris, loaded, change,
                                                     personal=self.store.has_personal_view))
        except StoreError as exc:
            self._failed(item, known, exc.code, str(exc))
            return
        outcome = "changed" if graph in self.known else "new"
        self.known[graph] = digest
        self.written.add(graph)
        self.report.triples += len(loaded.public)
        known.content_hash, known.changed = digest, time.time()
        self._finish(item, known, outcome, due=time.time() + self.plan.interval)

    async def _extract(self, item: QueueItem, known: PageState, fetched: Fetched) -> LoadedDocument | None:
        """The page's graphs, or None after reporting why there are none."""
        pool = self._extractor
        try:
            result = await asyncio.get_running_loop().run_in_executor(
                pool, load_in_worker, PageInput.of(fetched), self.iris.base)
        except BrokenProcessPool as exc:  # a worker died (e.g. killed by the OS): this page fails, a new pool serves on
            self._failed(item, known, "worker_failed", str(exc))
            if self._extractor is pool:
                pool.shutdown(wait=False)
                self._extractor = self._new_extractor()
            return None
        if isinstance(result, Unloadable):
            self._failed(item, known, result.code, result.message)
            return None
        return result

    def _gone(self, item: QueueItem, known: PageState, fetched: Fetched) -> None:
        if not self.plan.prune:
            kept = " (its graph is kept; --prune removes it)" if known.graph in self.known else ""
            self._failed(item, known, f"http_{fetched.status}", _reason(fetched.status) + kept)
            return
        graph = known.graph
        if graph is not None and graph in self.known:
            self.store.remove_graphs([graph], log_graph=self.iris.graph("changes"),
                                     log=change_log(self.iris, graph, "deleted", self.known.pop(graph)))
            known.changed = time.time()
            self._finish(item, known, "removed", due=None)
        else:
            self._finish(item, known, "gone", due=None)

    def _follow(self, item: QueueItem, links: list[str]) -> None:
        if item.scope is None or item.depth >= self.plan.depth:
            return
        self._put(self.state.enqueue(self.run_id, [QueueItem(u, item.depth + 1, item.scope) for u in links]))

    def _failed(self, item: QueueItem, known: PageState, code: str, reason: str,
                retry_after: float | None = None) -> None:
        self._fail(item.url, code, reason)
        known.reason = f"[{code}] {reason}"
        self._finish(item, known, "failed", due=time.time() + (retry_after or FAILED_RETRY))

    def _fail(self, url: str, code: str, reason: str) -> None:
        self.report.failed.append(Failure(url, code, reason))
        if self._bar is not None:
            self._bar.write(Failure(url, code, reason).line(), file=sys.stderr)

    def _finish(self, item: QueueItem, known: PageState, outcome: str, *, due: float | None = -1.0) -> None:
        """Record the URL's outcome and mark it done, in one transaction (``due=-1``: unchanged)."""
        self.report.outcomes[outcome] += 1
        if outcome != "not_due":
            known.outcome, known.checked = outcome, time.time()
            if outcome != "failed" and outcome != "robots_denied":
                known.reason = None
        if due != -1.0:
            known.due = due
        self.state.record([known], self.run_id, done=item.url)


def _reason(status: int) -> str:
    return httpx.codes.get_reason_phrase(status) or f"HTTP {status}"
