"""The parent side of the query workers: dispatch, time limit, kill and respawn.

Each worker is a fresh ``python -m innograph.store.worker`` process (forking a threaded server is
unsafe, and ``multiprocessing`` spawn re-imports the caller's main module) joined by a socket pair.
A job goes to a free worker; if no answer arrives before the deadline the worker is killed with
SIGKILL (its CPU returns to idle at once) and a fresh one is started in the background, while the
other workers keep answering.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from innograph.store.base import QueryTimeout, StoreBusy, StoreUnavailable


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(5)
        finally:
            self.conn.close()


class QueryPool:
    def __init__(self, root: Path, size: int) -> None:
        self.root = root
        self.size = size
        self._free: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self.killed = 0  # workers stopped at the time limit (exposed for tests and metrics)
        for _ in range(size):
            self._free.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = socket.socketpair()
        process = subprocess.Popen(
            [sys.executable, "-m", "innograph.store.worker", str(child.fileno()), str(self.root)],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        child.close()
        return _Worker(process, Connection(parent.detach()))

    def _replace_later(self) -> None:
        def spawn() -> None:
            if not self._closed:
                self._free.put(self._spawn())

        threading.Thread(target=spawn, daemon=True).start()

    def run(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """Run one job; raises QueryTimeout, StoreBusy or StoreUnavailable."""
        deadline = time.monotonic() + timeout
        try:
            w = self._free.get(timeout=timeout)
        except queue.Empty:
            raise StoreBusy("every query worker is busy; retry later") from None
        try:
            w.conn.send(job)
            if w.conn.poll(max(deadline - time.monotonic(), 0.0)):
                reply = w.conn.recv()
                self._free.put(w)
                return reply  # type: ignore[no-any-return]
        except (EOFError, OSError) as exc:
            w.kill()
            self._replace_later()
            raise StoreUnavailable(f"query worker died: {exc!r}") from exc
        w.kill()
        self.killed += 1
        self._replace_later()
        raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                w = self._free.get_nowait()
            except queue.Empty:
                break
            with contextlib.suppress(OSError):
                w.conn.send(None)
            w.kill()
