"""Cheap anonymous queries answered in this process, without the worker round trip.

A point lookup costs ~0.07 ms to evaluate and serialize, and ~0.2 ms more to hand to a worker
process and back (bench/README.md, issue 12). A query whose shape bounds the work between two
chunks of output (:func:`~innograph.store.direct_shape.is_cheap`) on the ``public`` partition,
with no protocol dataset, is answered here, on a read-only snapshot reopened when the store's
generation changes, by the worker's own :func:`~innograph.store.direct_eval.evaluate` (so the bytes
and the errors are the worker's).

The event loop must not be held long, so each answer gets a small *slice*: at every chunk the
serializer writes, the elapsed time and the bytes so far are checked. Past the request's own time
limit or size cap, it ends with the pool's own error (``query_timeout``, ``result_too_large``);
past the slice (a cheap shape with a large answer), the partial work is dropped and the caller
sends the query to the worker pool with the time left. Nothing partial is ever returned.

While a new snapshot is being opened (after a write, ~50 ms), queries go to the pool.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from innograph.store.direct_eval import (
    CappedBuffer,
    Interrupted,
    TooLarge,
    default_graph_is_empty,
    evaluate,
    open_read_only,
)
from innograph.store.direct_shape import is_cheap
from innograph.store.generation import generation_key, read_generation
from innograph.store.pool import time_limit_passed

logger = logging.getLogger(__name__)

SLICE_SECONDS = 0.01  # longest hold of the event loop by one in-process answer (plus one chunk)
SLICE_BYTES = 256 * 1024  # larger answers are serialized by a worker


class _HandOn(Interrupted):
    """The slice is spent before the answer is complete: the pool answers instead."""


class _TimeUp(Interrupted):
    """The request's own time limit passed."""


class _SlicedBuffer(CappedBuffer):
    """The worker's capped buffer, plus the slice's and the request's deadlines, checked per chunk."""

    def __init__(self, cap: int, deadline: float, slice_end: float) -> None:
        super().__init__(cap)
        self.deadline = deadline
        self.slice_end = slice_end

    def write(self, chunk: bytes) -> int:
        now = time.monotonic()
        if now >= self.deadline:
            raise _TimeUp
        if self.size + len(chunk) > self.cap:
            raise TooLarge
        # The slice is only checked from the second chunk on: the shape bounds the work before the
        # first (a few rows), so lateness there is a pause of the process (GC, scheduling), and an
        # answer that fits one chunk would be thrown away complete.
        if (self.size and now >= self.slice_end) or self.size + len(chunk) > SLICE_BYTES:
            raise _HandOn
        return super().write(chunk)


@dataclass(frozen=True)
class _View:
    key: tuple[int, int] | None  # (inode, mtime) of the generation file when it was read
    generation: int
    store: Store
    default_graph_empty: bool


class DirectReader:
    """In-process answers for cheap public queries; :meth:`answer` returns None to mean "ask the pool"."""

    def __init__(self, root: Path, between_writes: Callable[[], AbstractContextManager[None]]) -> None:
        self.root = root
        self.generation_file = str(root / "generation")  # a plain string: stat'ed on every query
        self.between_writes = between_writes  # the store's: snapshots open between its writes
        self._view: _View | None = None
        self._opening = threading.Lock()
        self.answered = 0  # queries answered here (tests, metrics)
        self.handed_on = 0  # queries started here whose answer outgrew the slice

    @staticmethod
    def accepts(job: dict[str, Any]) -> bool:
        return (job["partition"] == "public" and not job["default_graphs"] and not job["named_graphs"]
                and is_cheap(job["query"]))

    def answer(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...] | None:
        """The reply tuple (as a worker's), or None when the pool should answer. Raises
        QueryTimeout past the request's time limit. Call only with jobs :meth:`accepts`."""
        view = self._current_view()
        if view is None:
            return None
        started = time.perf_counter()
        now = time.monotonic()
        buffer = _SlicedBuffer(job["max_bytes"], now + timeout, now + SLICE_SECONDS)
        try:
            reply = evaluate(job, view.store, view.default_graph_empty, buffer, started)
        except _TimeUp:
            raise time_limit_passed(timeout) from None
        except _HandOn:
            self.handed_on += 1
            return None
        self.answered += 1
        return reply

    def open_now(self) -> None:
        """Open the snapshot in this thread (start-up), so the first queries need not wait."""
        self._reopen()

    def close(self) -> None:
        self._view = None

    def _current_view(self) -> _View | None:
        key = generation_key(self.generation_file)
        view = self._view
        if view is not None and key is not None and key == view.key:
            return view
        if view is not None and read_generation(self.root) == view.generation:
            return view
        self._reopen_in_background()
        return None

    def _reopen_in_background(self) -> None:
        if self._opening.locked():
            return
        threading.Thread(target=self._reopen, name="innograph-direct-reopen", daemon=True).start()

    def _reopen(self) -> None:
        if not self._opening.acquire(blocking=False):
            return
        try:
            with self.between_writes():
                key = generation_key(self.generation_file)
                generation = read_generation(self.root)  # read before opening: never newer than the data
                store = open_read_only(self.root / "public")
            self._view = _View(key, generation, store, default_graph_is_empty(store))
        except (OSError, RuntimeError):
            # The pool keeps answering every query; the next query tries to open again.
            logger.exception("could not open the public snapshot for in-process answers")
        finally:
            self._opening.release()

