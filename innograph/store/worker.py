"""A query worker process: it opens the store read-only and runs one query at a time.

Why a process: pyoxigraph has no timeout or cancellation, a blocking plan (ORDER BY, GROUP BY,
big joins) cannot be interrupted from inside the process, and result iterators must stay on the
thread that created them. A worker runs the query *and* its serialization on its own single
thread; the parent kills it when the time limit passes. The worker reopens its read-only snapshot
when the store's generation number changes (bumped after every committed write).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, Store

from innograph.store.formats import choose, formats_for
from innograph.store.framing import read_job, send_reply
from innograph.store.generation import read_generation


class TooLarge(Exception):
    """Raised by a result buffer past the size cap: the job ends with the ``too_large`` reply."""


class Interrupted(Exception):
    """Raised by a result buffer to abandon a job; :func:`evaluate` lets it through to its caller
    (the in-process path of :mod:`innograph.store.direct`, which hands the job on or times out)."""


class CappedBuffer:
    """A writer for ``serialize`` that stops the work as soon as the cap is passed."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.cap:
            raise TooLarge
        self.parts.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


class _Snapshots:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.generation_file = str(root / "generation")  # a plain string: stat'ed on every query
        self.generation = -1
        self.key: tuple[int, int] | None = None
        self.stores: dict[str, Store] = {}
        self.default_graph_empty: dict[str, bool] = {}

    def get(self, partition: str) -> Store:
        key = generation_key(self.generation_file)
        if key != self.key or key is None:
            self.key = key
            generation = read_generation(self.root)
            if generation != self.generation:
                self.stores.clear()
                self.generation = generation
        store = self.stores.get(partition)
        if store is None:
            store = open_read_only(self.root / partition)
            self.stores[partition] = store
            self.default_graph_empty[partition] = default_graph_is_empty(store)
        return store


def generation_key(path: str) -> tuple[int, int] | None:
    """Changes whenever writers replace the generation file (a stat is ~5x cheaper than reading it)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def open_read_only(path: Path) -> Store:
    """A read-only snapshot of the partition folder ``path``."""
    # A concurrent writer may compact files while we read the manifest: retry briefly.
    for attempt in range(5):
        try:
            return Store.read_only(str(path.resolve()))  # the version a bulk write's symlink names
        except (OSError, RuntimeError):
            if attempt == 4:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def default_graph_is_empty(store: Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None


def run_job(job: dict[str, Any], snapshots: _Snapshots) -> tuple[Any, ...]:
    """One job in the worker: its reply tuple, whatever happens."""
    started = time.perf_counter()
    try:
        store = snapshots.get(job["partition"])
    except Exception as exc:  # the worker must survive a snapshot it cannot open
        return ("error", f"{type(exc).__name__}: {exc}")
    empty = snapshots.default_graph_empty.get(job["partition"], True)
    return evaluate(job, store, empty, CappedBuffer(job["max_bytes"]), started)


def evaluate(job: dict[str, Any], store: Store, default_graph_empty: bool, buffer: CappedBuffer,
             started: float) -> tuple[Any, ...]:
    """Run a job's query on ``store`` and serialize it into ``buffer``: the reply tuple (the
    worker's and the in-process path's, so both give the same bytes and the same errors)."""
    try:
        kwargs: dict[str, Any] = {}
        if job["default_graphs"] or job["named_graphs"]:
            kwargs["default_graph"] = [NamedNode(g) for g in job["default_graphs"]]
            kwargs["named_graphs"] = [NamedNode(g) for g in job["named_graphs"]]
        elif job["union"] and default_graph_empty:
            # The union is the default graph only while the store's own default graph is empty
            # (innograph writes named graphs only); data put in the default graph (SPARQL Update,
            # W3C test suites) gets the standard semantics instead.
            kwargs["use_default_graph_as_union"] = True
        if job.get("base_iri"):
            kwargs["base_iri"] = job["base_iri"]
        result = store.query(job["query"], **kwargs)
        kind = (
            "solutions"
            if isinstance(result, QuerySolutions)
            else "boolean"
            if isinstance(result, QueryBoolean)
            else "graph"
        )
        media_type = choose(kind, job["accept"])
        if media_type is None:
            return ("not_acceptable", kind, f"no acceptable format for a {kind} result")
        result.serialize(buffer, formats_for(kind)[media_type])  # type: ignore[arg-type]
        return ("ok", kind, media_type, buffer.getvalue(), time.perf_counter() - started)
    except SyntaxError as exc:
        return ("syntax", str(exc))
    except TooLarge:
        return ("too_large", f"the result is larger than {job['max_bytes']} bytes")
    except Interrupted:
        raise
    except RuntimeError as exc:  # pyoxigraph's evaluation errors (e.g. an unsupported function)
        return ("evaluation", str(exc))
    except Exception as exc:  # the worker must survive anything a query can raise
        return ("error", f"{type(exc).__name__}: {exc}")


def main(sock: socket.socket, root: str) -> None:
    snapshots = _Snapshots(Path(root))
    for partition in ("public", "full"):  # open now, so the first query does not pay ~50 ms for it
        with contextlib.suppress(OSError, RuntimeError):
            snapshots.get(partition)
    while True:
        try:
            job = read_job(sock)
        except (EOFError, OSError):
            return
        if job is None:
            return
        send_reply(sock, run_job(job, snapshots))


if __name__ == "__main__":
    main(socket.socket(fileno=int(sys.argv[1])), sys.argv[2])
