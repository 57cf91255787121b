"""A small, bounded HTTP/1.1 load generator for loopback benchmarks.

Keep-alive connections over asyncio streams, no HTTP library on the hot path: at ~1 ms per
request a full client (httpx, aiohttp) would cost as much as the server under test. Each run has
a fixed request count *and* a time cap, and only ever connects to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class RunResult:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    errors: dict[int, int] = field(default_factory=dict)  # HTTP status (0 = connection error) -> count
    elapsed: float = 0.0
    capped: bool = False  # stopped by the time cap before the request count

    @property
    def done(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.done / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]


class _Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, head: bytes) -> tuple[int, int]:
        """Sends one request; returns (status, body bytes). Reconnects when the server closed."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(head)
        status_line = await self.reader.readuntil(b"\r\n")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked, close = -1, False, False
        while True:
            line = await self.reader.readuntil(b"\r\n")
            if line == b"\r\n":
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        size = 0
        if chunked:
            while True:
                chunk_size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(chunk_size + 2)
                size += chunk_size
                if chunk_size == 0:
                    break
        elif length >= 0:
            size = len(await self.reader.readexactly(length))
        else:  # body until close
            size = len(await self.reader.read())
            close = True
        if close:
            self.close()
        return status, size

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def request_head(path: str, port: int, accept: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\nUser-Agent: innograph-bench\r\n\r\n"
    ).encode()


async def _run(port: int, paths: Sequence[str], accept: str, total: int, concurrency: int, cap: float) -> RunResult:
    result = RunResult()
    heads = itertools.cycle([request_head(p, port, accept) for p in paths])
    remaining = iter(range(total))
    start = time.perf_counter()
    deadline = start + cap

    async def user() -> None:
        conn = _Connection(port)
        try:
            for _ in remaining:
                if time.perf_counter() > deadline:
                    result.capped = True
                    return
                head = next(heads)
                t0 = time.perf_counter()
                try:
                    status, _ = await conn.request(head)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    conn.close()
                    result.errors[0] = result.errors.get(0, 0) + 1
                    continue
                if status == 200:
                    result.latencies.append(time.perf_counter() - t0)
                else:
                    result.errors[status] = result.errors.get(status, 0) + 1
        finally:
            conn.close()

    await asyncio.gather(*(user() for _ in range(concurrency)))
    result.elapsed = time.perf_counter() - start
    return result


def run(port: int, paths: Sequence[str], *, accept: str, total: int, concurrency: int, cap: float) -> RunResult:
    """``total`` GET requests over ``concurrency`` keep-alive connections, stopping at ``cap`` seconds."""
    return asyncio.run(_run(port, paths, accept, total, concurrency, cap))
