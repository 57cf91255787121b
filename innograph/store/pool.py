"""The parent side of the query workers: dispatch, time limit, kill and respawn.

Each worker is a fresh ``python -m innograph.store.worker`` process (forking a threaded server is
unsafe, and ``multiprocessing`` spawn re-imports the caller's main module) joined by a socket pair.
A job goes to a free worker; if no answer arrives before the deadline the worker is killed with
SIGKILL (its CPU returns to idle at once) and a fresh one is started in the background, while the
other workers keep answering.

``arun`` is the same for asyncio callers (the server): it waits for the reply on the event loop
(``add_reader``) instead of in a thread, which saves a thread hop (~0.3 ms on a busy 2-core
machine, a third of a point lookup). Only the pickled reply crosses, never a pyoxigraph object.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import fcntl
import os
import pickle
import queue
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from innograph.store.base import QueryTimeout, StoreBusy, StoreUnavailable


class _WorkerGone(StoreUnavailable):
    """The worker of a job was found dead (killed while idle, or crashed on the job)."""


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    sock: socket.socket  # the same socket as ``conn`` (a dup), for non-blocking reads on the event loop

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(5)
        finally:
            self.conn.close()
            self.sock.close()


class QueryPool:
    def __init__(self, root: Path, size: int) -> None:
        self.root = root
        self.size = size
        self._free: queue.Queue[_Worker] = queue.Queue()
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
        return _Worker(process, Connection(os.dup(parent.fileno())), parent)

    def _discard(self, w: _Worker) -> None:
        with contextlib.suppress(OSError):
            w.conn.close()
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

    def run(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """Run one job; raises QueryTimeout, StoreBusy or StoreUnavailable."""
        deadline = time.monotonic() + timeout
        try:
            return self._run_once(job, timeout)
        except _WorkerGone:
            return self._run_once(job, max(deadline - time.monotonic(), 0.001))

    async def arun(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """``run`` for asyncio callers; same errors. Falls back to a thread when no worker is free."""
        deadline = time.monotonic() + timeout
        try:
            return await self._arun_once(job, timeout)
        except _WorkerGone:
            return await self._arun_once(job, max(deadline - time.monotonic(), 0.001))

    def _run_once(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
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
        try:
            w.conn.send(job)
            if w.conn.poll(max(deadline - time.monotonic(), 0.0)):
                reply = w.conn.recv()
                self._free.put(w)
                return reply
        except (EOFError, OSError) as exc:
            w.kill()
            self._replace_later()
            raise _WorkerGone(f"query worker died: {exc!r}") from exc
        w.kill()
        self.killed += 1
        self._replace_later()
        raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")

    async def _arun_once(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        loop = asyncio.get_running_loop()
        try:
            if self._waiting:  # queue behind the callers already waiting, or they could starve
                raise queue.Empty
            w = self._free.get_nowait()
            while w.process.poll() is not None:  # died while idle (OOM killer, kill -9): replace it
                self._discard(w)
                w = self._free.get_nowait()
        except queue.Empty:
            return await loop.run_in_executor(self._waiters, self._run_once, job, timeout)
        fd = w.sock.fileno()
        ready: asyncio.Future[bool] = loop.create_future()
        timer = loop.call_later(timeout, _set_once, ready, True)
        try:
            w.conn.send(job)  # small, and the idle worker is blocked reading: this does not stall the loop
            loop.add_reader(fd, _set_once, ready, False)
            try:
                timed_out = await ready
            finally:
                loop.remove_reader(fd)
                timer.cancel()
                os.set_blocking(fd, True)  # uvloop made the shared socket non-blocking; conn needs blocking
            if timed_out:
                raise TimeoutError
            reply = _read_reply(w.sock)
            if reply is None:  # a big reply still arriving: keep reading on the loop, never in a thread
                reply = await _read_reply_async(loop, w.sock)
        except TimeoutError:
            w.process.kill()  # at once; reaping it may take a moment, so that happens off the loop
            await loop.run_in_executor(self._waiters, w.kill)
            self.killed += 1
            self._replace_later()
            raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped") from None
        except (EOFError, OSError) as exc:
            w.process.kill()
            await loop.run_in_executor(self._waiters, w.kill)
            self._replace_later()
            raise _WorkerGone(f"query worker died: {exc!r}") from exc
        except BaseException:  # cancelled mid-query: the worker's state is unknown, replace it
            w.kill()
            self._replace_later()
            raise
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
                w.conn.send(None)
            w.kill()


def _set_once(future: asyncio.Future[bool], value: bool) -> None:
    if not future.done():
        future.set_result(value)


def _read_reply(sock: socket.socket) -> tuple[Any, ...] | None:
    """The worker's reply if all of it is already readable, else None (nothing consumed).

    Same framing as ``multiprocessing.connection``: a 4-byte big-endian length, then the pickle.
    """
    available = struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
    if available < 4:
        if available == 0:  # readable with nothing to read: the worker closed its end
            raise EOFError("the query worker closed the connection")
        return None
    (size,) = struct.unpack("!i", sock.recv(4, socket.MSG_PEEK))
    if size < 0 or available < 4 + size:
        return None
    data = sock.recv(4 + size, socket.MSG_WAITALL)
    reply: tuple[Any, ...] = pickle.loads(memoryview(data)[4:])
    return reply


async def _read_reply_async(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> tuple[Any, ...]:
    """Read one framed reply without blocking the loop (the socket is non-blocking meanwhile)."""
    sock.setblocking(False)
    try:
        header = await _recv_exactly(loop, sock, 4)
        (size,) = struct.unpack("!i", header)
        if size < 0:
            raise EOFError("corrupt reply from the query worker")
        data = await _recv_exactly(loop, sock, size)
    finally:
        os.set_blocking(sock.fileno(), True)  # the dup'ed Connection expects a blocking socket
    reply: tuple[Any, ...] = pickle.loads(data)
    return reply


async def _recv_exactly(loop: asyncio.AbstractEventLoop, sock: socket.socket, size: int) -> bytes:
    buffer = bytearray()
    while len(buffer) < size:
        chunk = await loop.sock_recv(sock, min(size - len(buffer), 1 << 20))
        if not chunk:
            raise EOFError("the query worker closed the connection")
        buffer += chunk
    return bytes(buffer)
