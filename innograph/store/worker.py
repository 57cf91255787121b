"""A query worker process: it opens the store read-only and runs one query at a time.

Why a process: pyoxigraph has no timeout or cancellation, a blocking plan (ORDER BY, GROUP BY,
big joins) cannot be interrupted from inside the process, and result iterators must stay on the
thread that created them. A worker runs the query *and* its serialization on its own single
thread; the parent kills it when the time limit passes. The worker reopens its read-only snapshot
when the store's generation number changes (bumped after every committed write).
"""

from __future__ import annotations

import contextlib
import socket
import sys
import time
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from innograph.store.direct_eval import (
    CappedBuffer,
    default_graph_is_empty,
    evaluate,
    open_read_only,
)
from innograph.store.framing import read_job, send_reply
from innograph.store.generation import generation_key, read_generation


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


def run_job(job: dict[str, Any], snapshots: _Snapshots) -> tuple[Any, ...]:
    """One job in the worker: its reply tuple, whatever happens."""
    started = time.perf_counter()
    try:
        store = snapshots.get(job["partition"])
    except Exception as exc:  # the worker must survive a snapshot it cannot open
        return ("error", f"{type(exc).__name__}: {exc}")
    empty = snapshots.default_graph_empty.get(job["partition"], True)
    return evaluate(job, store, empty, CappedBuffer(job["max_bytes"]), started)


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
