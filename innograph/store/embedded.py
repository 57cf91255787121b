"""The embedded backend: two on-disk Oxigraph stores under one directory.

Layout of ``INNOGRAPH_STORE``::

    public/      every public graph (the anonymous view)
    full/        the same graphs plus the personal-data graphs (the token holder's view)
    generation   an integer bumped after every committed write (query workers reopen on change)

Reads go through :class:`~innograph.store.pool.QueryPool` (read-only snapshots in killable worker
processes), except cheap public queries in ``aquery``, answered in-process (``direct.py``).
A write opens the read-write stores and keeps them open until no write came for
``LINGER_SECONDS`` (or until ``close()``), so a running server and ``innograph ingest`` can take
turns (RocksDB's lock keeps them exclusive: the other writer waits) while back-to-back writes do
not pay a reopen each (measured: 0.34 s per 1,000-triple document when each write opened,
flushed and closed both stores). Each document is one transaction per partition (an ``extend``
or one SPARQL Update carrying the difference, ``graph_replace.py``), which Oxigraph applies
atomically and logs before it returns: after a crash a partition holds the old graph or the new.
The ``full`` partition is written first and the content hash is read from ``public``, so a crash
between the two is repaired by the next ingest of the same document.
"""

from __future__ import annotations

import gc
import os
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple

import innograph.sparql_text as sparql_text
import innograph.store.bulk as bulk
from innograph.iris import Iris
from innograph.store.base import (
    DocumentWrite,
    FileWrite,
    InvalidFile,
    Partition,
    QueryRequest,
    QueryResponse,
    QuerySyntaxError,
    StoreBusy,
    UpdateFailed,
)
from innograph.store.direct import DirectReader
from innograph.store.direct_eval import open_read_only
from innograph.store.generation import read_generation
from innograph.store.graph_replace import replace_graphs
from innograph.store.pool import QueryPool
from innograph.store.reads import SparqlReads
from innograph.store.worker_messages import query_job, query_response

PARTITIONS: tuple[Partition, ...] = ("public", "full")
NEVER_WRITTEN = datetime(2000, 1, 1, tzinfo=UTC)  # changed_at() of a store nothing was written to yet
LINGER_SECONDS = 2.0  # write stores stay open this long after a write; another writer process waits as long


class LocalView:
    """A :class:`~innograph.store.base.ReadView` on a read-only snapshot in this process: one
    consistent state for every read, and rows without a JSON round trip through a worker."""

    def __init__(self, snapshot: Store) -> None:
        self._snapshot = snapshot

    def __iter__(self) -> Iterator[Quad]:
        return (q for q in self._snapshot if not isinstance(q.graph_name, DefaultGraph))

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        solutions = self._snapshot.query(sparql_text.bind(query, bindings), use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        for solution in solutions:  # type: ignore[union-attr]
            yield {n: solution[n] for n in names if solution[n] is not None}


class EmbeddedStore(SparqlReads):
    def __init__(
        self,
        root: Path,
        iris: Iris,
        *,
        workers: int = 2,
        timeout: float = 30.0,
        max_result_bytes: int = 50_000_000,
        lock_wait: float = 60.0,
    ) -> None:
        self.root = Path(root)
        self.iris = iris
        self.workers = workers
        self.timeout = timeout
        self.max_result_bytes = max_result_bytes
        self.lock_wait = lock_wait
        self._pool: QueryPool | None = None
        self._pool_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._held: dict[Partition, Store] = {}  # the open write stores (see LINGER_SECONDS)
        self._sessions = 0  # writing() blocks running: the stores stay open whatever the time
        self._last_write = 0.0
        self._linger_timer: threading.Timer | None = None
        self.direct = DirectReader(self.root, self._between_writes)  # cheap public queries, in-process
        self.root.mkdir(parents=True, exist_ok=True)
        for partition in PARTITIONS:
            bulk.recover(self.root, partition)  # a bulk write killed while adopting the layout
            if not (self.root / partition / "CURRENT").exists():
                with self._write_lock, self._writer(partition, bump=False):
                    pass
        self._release_held()

    # -- capabilities (see the Store protocol) --------------------------------------------------

    @property
    def has_personal_view(self) -> bool:
        return True

    @property
    def data_dir(self) -> Path:
        return self.root

    def start(self) -> None:
        self._started_pool()
        self.direct.open_now()

    def changed_at(self) -> datetime:
        try:
            return datetime.fromtimestamp((self.root / "generation").stat().st_mtime, UTC)
        except FileNotFoundError:
            return NEVER_WRITTEN

    # -- reads ---------------------------------------------------------------------------------

    @property
    def pool(self) -> QueryPool:
        return self._started_pool()

    def _started_pool(self) -> QueryPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = QueryPool(self.root, self.workers)
            return self._pool

    def query(self, request: QueryRequest) -> QueryResponse:
        job = query_job(request, self.max_result_bytes)
        return query_response(self.pool.run(job, request.timeout or self.timeout))

    async def aquery(self, request: QueryRequest) -> QueryResponse:
        """``query`` for an asyncio caller. A cheap public query (``direct.py``) is answered on the
        event loop, in a slice short enough not to hold it; any other, or one whose answer outgrows
        the slice, goes to a worker, with no thread hop when one is free (see QueryPool.arun)."""
        job = query_job(request, self.max_result_bytes)
        timeout = request.timeout or self.timeout
        if self.direct.accepts(job):
            started = time.monotonic()
            reply = self.direct.answer(job, timeout)
            if reply is not None:
                return query_response(reply)
            left = max(timeout - (time.monotonic() - started), 0.001)
            return query_response(await self.pool.arun(job, left, limit=timeout))
        return query_response(await self.pool.arun(job, timeout))

    def generation(self) -> int:
        return read_generation(self.root)

    # -- writes --------------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Keep both write stores open for a batch (ingest), however slow its documents come:
        each document is still its own atomic update. Other writers wait."""
        with self._write_lock:
            self._sessions += 1
            try:
                yield
            finally:
                self._sessions -= 1
                self._linger()

    def _open_writer(self, partition: Partition) -> Store:
        """The partition's live version, opened by its own folder: RocksDB names its files by the
        path it was given, and a symlink swapped by a bulk write must not redirect them."""
        path = self.root / partition
        deadline = time.monotonic() + self.lock_wait
        while True:
            version = path.resolve()
            try:
                store = Store(str(version))
            except OSError as exc:  # another process holds the write lock
                if time.monotonic() > deadline:
                    raise StoreBusy(f"{path} is locked by another writer: {exc}") from exc
                time.sleep(0.1)
                continue
            if path.resolve() == version:
                return store
            del store  # a bulk write swapped versions while we waited for the lock: the new one
            gc.collect()

    @contextmanager
    def _writer(self, partition: Partition, *, bump: bool = True) -> Iterator[Store]:
        """The partition's write store, opened on first use and left open (the caller holds
        ``_write_lock``). No flush: a committed transaction is in RocksDB's log, which a reopen
        after a crash replays."""
        store = self._held.get(partition)
        if store is None:
            store = self._held[partition] = self._open_writer(partition)
        yield store
        if bump:
            self._bump()
        self._linger()

    def _linger(self) -> None:
        """Close the write stores once LINGER_SECONDS pass without a write (outside writing())."""
        self._last_write = time.monotonic()
        if self._sessions or not self._held:
            return
        if self._linger_timer is not None:
            self._linger_timer.cancel()
        self._linger_timer = threading.Timer(LINGER_SECONDS, self._release_idle)
        self._linger_timer.daemon = True
        self._linger_timer.start()

    def _release_idle(self) -> None:
        with self._write_lock:
            if not self._sessions and time.monotonic() - self._last_write >= LINGER_SECONDS * 0.9:
                self._release_held()

    def _bump(self) -> None:
        tmp = self.root / f"generation.{os.getpid()}.tmp"
        tmp.write_text(str(self.generation() + 1))
        os.replace(tmp, self.root / "generation")

    def write_document(self, write: DocumentWrite) -> None:
        hash_triple = Triple(
            NamedNode(write.graph), NamedNode(self.iris.term("fingerprint")), sparql_text.term(write.content_hash)
        )
        public = [*write.public, hash_triple]
        drops = [write.graph] + ([write.personal_graph] if write.personal_graph else [])
        full_graphs: dict[str, list[Triple]] = {write.graph: public}
        if write.personal_graph:
            full_graphs[write.personal_graph] = write.personal
        public_graphs: dict[str, list[Triple]] = {write.graph: public}
        if write.extra_graph and write.extra_public:
            public_graphs[write.extra_graph] = write.extra_public
        with self._write_lock:
            with self._writer("full", bump=False) as store:  # one generation bump per document
                replace_graphs(store, drops, full_graphs)
            with self._writer("public") as store:
                replace_graphs(store, [write.graph], public_graphs)

    def write_document_file(self, write: FileWrite) -> int:
        """Stream an RDF file into one document graph: new versions of both partitions built
        beside the live ones and swapped in, ``full`` first (``bulk.py`` says how and why)."""
        with self._write_lock:
            self._release_held()
            for partition in PARTITIONS:
                bulk.adopt(self.root, partition)
                bulk.remove_stale(self.root, partition)
            old = {p: self._open_writer(p) for p in PARTITIONS}  # the write locks, kept until the swap
            folders = {p: bulk.new_version(self.root, p) for p in PARTITIONS}
            new: dict[Partition, Store] = {}
            try:
                statements = self._build_versions(old, new, folders, write)
                for partition in ("full", "public"):
                    bulk.swap(self.root, partition, folders[partition])
                    self._bump()
            except BaseException:
                new.clear()
                gc.collect()
                for folder in folders.values():
                    shutil.rmtree(folder, ignore_errors=True)  # half built, never read
                raise
            finally:
                old.clear()
                gc.collect()  # releases the old versions' locks now
            self._held.update(new)  # the new versions are the live ones: keep writing there
            new.clear()
            self._linger()
            return statements

    def _build_versions(self, old: dict[Partition, Store], new: dict[Partition, Store],
                        folders: dict[Partition, Path], write: FileWrite) -> int:
        """The new ``full`` (old one + the file) and the new ``public`` derived from it, in ``new``."""
        graph = write.graph
        new["full"] = _checkpoint(old["full"], folders["full"])
        for dropped in (graph, write.personal_graph):
            if dropped:
                bulk.drop_graph(new["full"], dropped)
        try:
            bulk.stream_file(new["full"], write.path, write.format, write.base_iri, graph)
        except (SyntaxError, ValueError) as exc:
            raise InvalidFile(f"{write.format.name}: {exc}") from exc
        statements = bulk.count(new["full"], graph)
        fingerprint = Triple(NamedNode(graph), NamedNode(self.iris.term("fingerprint")),
                             sparql_text.term(write.content_hash))
        new["full"].extend(_in_graph(graph, [*write.public, fingerprint]))
        new["full"].flush()
        new["public"] = _checkpoint(new["full"], folders["public"])
        bulk.derive_public(new["public"], old["public"], old["full"], written=[graph])
        if write.extra_graph and write.extra_public:
            new["public"].extend(_in_graph(write.extra_graph, write.extra_public))
        new["public"].flush()
        return statements

    def _release_held(self) -> None:
        """Close the open write stores (RocksDB's lock is released for other writers)."""
        if not self._held:
            return
        self._held.clear()
        gc.collect()  # a store still referenced from a traceback's frames is closed now too

    def remove_graphs(self, graphs: Sequence[str], *, log_graph: str | None = None, log: Sequence[Triple] = ()) -> None:
        personal = [g + "/personal" for g in graphs]
        with self._write_lock:
            with self._writer("full") as store:
                store.update(sparql_text.drop_graphs([*graphs, *personal]) or "INSERT DATA {}")
            with self._writer("public") as store:
                extra = sparql_text.insert_data({log_graph: list(log)}) if log_graph and log else ""
                store.update(_join(sparql_text.drop_graphs(graphs), extra) or "INSERT DATA {}")

    def update(self, update: str, *, partition: Partition = "full") -> None:
        """Run a SPARQL Update. Personal graphs live in ``full`` only; other graphs go to both."""
        with self._write_lock:
            try:
                with self._writer(partition) as store:
                    store.update(update)
            except SyntaxError as exc:
                raise QuerySyntaxError(str(exc)) from exc
            except RuntimeError as exc:  # pyoxigraph: e.g. "The graph <x> already exists"
                raise UpdateFailed(str(exc)) from exc

    def bulk_load(self, path: Path, fmt: RdfFormat, *, partitions: Sequence[Partition] = PARTITIONS) -> None:
        """Fast, non-transactional load of a big file (benchmarks, reference dumps)."""
        with self._write_lock:
            for partition in partitions:
                with self._writer(partition) as store:
                    store.bulk_load(path=str(path), format=fmt)

    @contextmanager
    def _between_writes(self) -> Iterator[None]:
        """Hold off this process's writes while a read-only snapshot opens, with the idle write
        stores closed: an open writer compacts in the background, and a read-only open that meets
        a file it just deleted fails ("Corruption: ... .sst: No such file")."""
        with self._write_lock:
            if not self._sessions:
                self._release_held()
            yield

    @contextmanager
    def snapshot(self, partition: Partition = "public") -> Iterator[LocalView]:
        """A read-only snapshot of one partition in this process (dumps, the partner index).
        Opened between writes of this process; writes may go on while it is read."""
        with self._between_writes():
            store = open_read_only(self.root / partition)  # retries a manifest read mid-compaction
        try:
            yield LocalView(store)
        finally:
            del store

    def close(self) -> None:
        with self._write_lock:
            if self._linger_timer is not None:
                self._linger_timer.cancel()
            self._release_held()
        self.direct.close()
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def _checkpoint(source: Store, folder: Path) -> Store:
    """A writable copy of ``source`` in ``folder``: hard links to its files, so it costs little."""
    source.flush()
    source.backup(str(folder))
    return Store(str(folder))


def _in_graph(graph: str, triples: Sequence[Triple]) -> list[Quad]:
    name = NamedNode(graph)
    return [Quad(t.subject, t.predicate, t.object, name) for t in triples]


def _join(*updates: str) -> str:
    return " ;\n".join(u for u in updates if u)
