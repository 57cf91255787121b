"""Parallel loading for ingest: ``python -m innograph.load_workers`` processes over socket pairs.

Not ``multiprocessing``: its spawn and forkserver modes re-import the caller's main module in every
child, which fails for ``ingest()`` called from stdin or from a script without a main guard; fork
is unsafe in a process that holds RocksDB's threads. Same design as the query workers.
Each worker gets its share of the paths (every n-th one) and answers in that order, so results
come back in the order of the input, whatever the speed of each worker.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from innograph.loaders.base import LoadedDocument
from innograph.loading import Failure, load_file


def load_in_parallel(paths: list[Path], jobs: int, base_iri: str, url: str | None,
                     retrieved: str | None) -> Iterator[tuple[Path, LoadedDocument | Failure]]:
    """Yield ``(path, load_file(path, ...))`` for each path, in order, from ``jobs`` processes."""
    workers: list[tuple[subprocess.Popen[bytes], Connection]] = []
    count = max(1, min(jobs, len(paths)))
    try:
        for i in range(count):
            parent, child = socket.socketpair()
            process = subprocess.Popen(
                [sys.executable, "-m", "innograph.load_workers", str(child.fileno())],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL,
            )
            child.close()
            conn = Connection(parent.detach())
            conn.send(([str(p) for p in paths[i::count]], (base_iri, url, retrieved)))
            workers.append((process, conn))
        for k, path in enumerate(paths):
            process, conn = workers[k % count]
            try:
                yield path, conn.recv()
            except (EOFError, OSError) as exc:  # the worker died (e.g. killed by the OS): say so per file
                yield path, Failure(str(path), f"[worker_failed] {type(exc).__name__}: {exc}")
    finally:
        for process, conn in workers:
            conn.close()
            process.kill()
            process.wait()


def _serve(fd: int) -> None:
    conn = Connection(fd)
    paths, args = conn.recv()
    for path in paths:
        conn.send(load_file(path, *args))


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
