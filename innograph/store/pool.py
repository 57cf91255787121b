"""The parent side of the query workers: dispatch, time limit, kill and respawn.

Each worker is a fresh ``python -m innograph.store.worker`` process (forking a threaded server is
unsafe, and ``multiprocessing`` spawn re-imports the caller's main module) joined by a socket pair.
A job goes to a free worker; if no answer arrives before the deadline the worker is killed with
SIGKILL (its CPU returns to idle at once) and a fresh one is started in the background, while the
other workers keep answering.

``arun`` is the same for asyncio callers (the server): the reply is read on the event loop by a
reader callback, with one future and one timer per query and no thread hop (~0.3 ms on a busy
2-core machine). Framing is in :mod:`innograph.store.framing`: the result body crosses as raw
bytes, never pickled, and never a pyoxigraph object. The parent's end of each socket pair stays
non-blocking for its whole life (uvloop would make it so anyway, see bench/README.md), and the
thread path waits with ``poll``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import queue
import select
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innograph.store.base import QueryTimeout, StoreBusy, StoreUnavailable
from innograph.store.framing import ReplyReader, encode_job


class _WorkerGone(StoreUnavailable):
    """The worker of a job was found dead (killed while idle, or crashed on the job)."""


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    sock: socket.socket  # the parent's end, non-blocking

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(5)
        finally:
            self.sock.close()


class QueryPool:
    def __init__(self, root: Path, size: int) -> None:
        self.root = root
        self.size = size
        # Last in, first out: a lone client keeps reusing the worker that just answered, whose caches
        # (CPU, RocksDB blocks, pages) are warm, instead of cycling through cold ones.
        self._free: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._closed = False
        self.killed = 0  # workers stopped at the time limit (exposed for tests and metrics)
        self._waiting = 0  # callers blocked in run() waiting for a free worker
        self._waiting_lock = threading.Lock()
        # Callers that wait for a free worker block a thread each: they get their own executor, so
        # they can never starve the loop's default executor (which other code needs to make progress).
        self._waiters = concurrent.futures.ThreadPoolExecutor(max_workers=64, thread_name_prefix="innograph-wait")
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
        parent.setblocking(False)
        return _Worker(process, parent)

    def _discard(self, w: _Worker) -> None:
        with contextlib.suppress(OSError):
            w.sock.close()
        self._replace_later()

    def _replace_later(self) -> None:
        def spawn() -> None:
            if not self._closed:
                self._free.put(self._spawn())

        threading.Thread(target=spawn, daemon=True).start()

    # A job whose worker turns out to be dead runs once more on another worker: queries are
    # read-only, and a worker killed while idle (OOM killer, kill -9) cannot always be seen before
    # dispatch (measured: its main thread is a zombie while its RocksDB threads still exit, and
    # waitpid reports nothing until all of them have). A job that kills workers stops after two.

    def run(self, job: dict[str, Any], timeout: float, *, limit: float | None = None) -> tuple[Any, ...]:
        """Run one job within ``timeout`` seconds; raises QueryTimeout, StoreBusy or StoreUnavailable.
        ``limit`` is the time limit the error names, when part of it was spent before (default: timeout)."""
        deadline = time.monotonic() + timeout
        limit = limit or timeout
        try:
            return self._run_once(job, timeout, limit)
        except _WorkerGone:
            return self._run_once(job, max(deadline - time.monotonic(), 0.001), limit)

    async def arun(self, job: dict[str, Any], timeout: float, *, limit: float | None = None) -> tuple[Any, ...]:
        """``run`` for asyncio callers; same errors. Falls back to a thread when no worker is free."""
        deadline = time.monotonic() + timeout
        limit = limit or timeout
        try:
            return await self._arun_once(job, timeout, limit)
        except _WorkerGone:
            return await self._arun_once(job, max(deadline - time.monotonic(), 0.001), limit)

    def _take_free_worker(self, timeout: float) -> _Worker:
        deadline = time.monotonic() + timeout
        with self._waiting_lock:
            self._waiting += 1
        try:
            w = self._free.get(timeout=timeout)
            while w.process.poll() is not None:  # died while idle (OOM killer, kill -9): replace it
                self._discard(w)
                w = self._free.get(timeout=max(deadline - time.monotonic(), 0.001))
        except queue.Empty:
            raise StoreBusy("every query worker is busy; retry later") from None
        finally:
            with self._waiting_lock:
                self._waiting -= 1
        return w

    def _run_once(self, job: dict[str, Any], timeout: float, limit: float) -> tuple[Any, ...]:
        deadline = time.monotonic() + timeout
        w = self._take_free_worker(timeout)
        try:
            _send_blocking(w.sock, encode_job(job), deadline)
            reader = ReplyReader()
            poller = select.poll()
            poller.register(w.sock.fileno(), select.POLLIN)
            while (remaining := deadline - time.monotonic()) > 0:
                if poller.poll(remaining * 1000) and reader.feed(w.sock):
                    self._free.put(w)
                    return reader.reply()
        except (EOFError, OSError) as exc:
            w.kill()
            self._replace_later()
            raise _WorkerGone(f"query worker died: {exc!r}") from exc
        w.kill()
        self.killed += 1
        self._replace_later()
        raise time_limit_passed(limit)

    def _take_free_worker_now(self) -> _Worker | None:
        if self._waiting:  # queue behind the callers already waiting, or they could starve
            return None
        try:
            w = self._free.get_nowait()
            while w.process.poll() is not None:  # died while idle (OOM killer, kill -9): replace it
                self._discard(w)
                w = self._free.get_nowait()
        except queue.Empty:
            return None
        return w

    async def _arun_once(self, job: dict[str, Any], timeout: float, limit: float) -> tuple[Any, ...]:
        loop = asyncio.get_running_loop()
        w = self._take_free_worker_now()
        if w is None:
            return await loop.run_in_executor(self._waiters, self._run_once, job, timeout, limit)
        done: asyncio.Future[tuple[Any, ...]] = loop.create_future()
        reader = ReplyReader()
        fd = w.sock.fileno()
        timer = loop.call_later(timeout, _fail_once, done, TimeoutError())
        try:
            await loop.sock_sendall(w.sock, encode_job(job))
            loop.add_reader(fd, _read_into, w.sock, reader, done)
            try:
                reply = await done
            finally:
                loop.remove_reader(fd)
        except TimeoutError:
            w.process.kill()  # at once; reaping it may take a moment, so that happens off the loop
            await loop.run_in_executor(self._waiters, w.kill)
            self.killed += 1
            self._replace_later()
            raise time_limit_passed(limit) from None
        except (EOFError, OSError) as exc:
            w.process.kill()
            await loop.run_in_executor(self._waiters, w.kill)
            self._replace_later()
            raise _WorkerGone(f"query worker died: {exc!r}") from exc
        except BaseException:  # cancelled mid-query: the worker's state is unknown, replace it
            w.kill()
            self._replace_later()
            raise
        finally:
            timer.cancel()
        self._free.put(w)
        return reply

    def close(self) -> None:
        self._closed = True
        self._waiters.shutdown(wait=False, cancel_futures=True)
        while True:
            try:
                w = self._free.get_nowait()
            except queue.Empty:
                break
            with contextlib.suppress(OSError):
                w.sock.send(encode_job(None))
            w.kill()


def time_limit_passed(timeout: float) -> QueryTimeout:
    """The one error of a query stopped at its time limit (by the pool, or in-process)."""
    return QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")


def _fail_once(future: asyncio.Future[Any], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)


def _read_into(sock: socket.socket, reader: ReplyReader, done: asyncio.Future[tuple[Any, ...]]) -> None:
    """Reader callback on the event loop: consume what arrived, finish the future when complete."""
    if done.done():
        return
    try:
        complete = reader.feed(sock)
    except (EOFError, OSError) as exc:
        done.set_exception(exc)
        return
    if complete:
        try:
            done.set_result(reader.reply())
        except Exception as exc:  # a corrupt reply is the worker's failure: replace it
            done.set_exception(EOFError(f"unreadable reply from the query worker: {exc!r}"))


def _send_blocking(sock: socket.socket, data: bytes, deadline: float) -> None:
    """``sendall`` on a non-blocking socket, waiting with poll (a job bigger than the buffer)."""
    view = memoryview(data)
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLOUT)
    while view:
        try:
            view = view[sock.send(view) :]
        except BlockingIOError:
            if not poller.poll(max(deadline - time.monotonic(), 0.0) * 1000):
                raise TimeoutError("the query worker does not read its job") from None
