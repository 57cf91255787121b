"""CPU per ``/sparql`` point lookup inside our ASGI app, with no sockets and no HTTP server.

The app (``create_app``) is called directly with an HTTP scope for
``GET /sparql?query=SELECT ?p ?o WHERE { <org> ?p ?o }`` (Accept: sparql-results+json) and plain
receive/send callables, on a real embedded store bulk-loaded from ``innograph/partners/synthetic.py``;
the subjects rotate over ``--lookups`` organisations. The figure is CPU µs per request
(``time.process_time``: what this process spent, so it compares across machine load better than
wall time), the median of ``--rounds`` rounds. ``--profile`` prints cProfile's top functions
for one more round
(timed by this thread's CPU clock).

    .venv/bin/python bench/asgi_hot_path.py                      # 20,000 requests x 3 rounds
    .venv/bin/python bench/asgi_hot_path.py --requests 5000 --profile
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sparql_vs_oxigraph import load_store

from innograph.iris import Iris
from innograph.partners import synthetic
from innograph.settings import Settings
from innograph.store.embedded import EmbeddedStore

ACCEPT = b"application/sparql-results+json"


def scopes(organisations: list[str], lookups: int, seed: int = 11) -> list[dict[str, Any]]:
    """One HTTP scope per chosen organisation, as uvicorn builds them."""
    chosen = random.Random(seed).sample(organisations, min(lookups, len(organisations)))
    return [{
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
        "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000), "scheme": "http",
        "method": "GET", "root_path": "", "path": "/sparql", "raw_path": b"/sparql",
        "query_string": ("query=" + quote(f"SELECT ?p ?o WHERE {{ <{org}> ?p ?o }}")).encode(),
        "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", ACCEPT), (b"user-agent", b"loadgen")],
    } for org in chosen]


class Sink:
    """The ``send`` callable: keeps the status of the last response and counts the bodies."""

    def __init__(self) -> None:
        self.status = 0
        self.bodies = 0

    async def __call__(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        elif not message.get("more_body", False):
            self.bodies += 1


async def receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def drive(app: Any, requests: list[dict[str, Any]], count: int) -> tuple[float, float]:
    """CPU and wall µs per request over ``count`` requests (scopes copied: the app may write to them)."""
    sink = Sink()
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(count):
        await app(dict(requests[i % len(requests)]), receive, sink)
        if sink.status != 200:
            raise SystemExit(f"request {i} answered {sink.status}")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert sink.bodies == count, (sink.bodies, count)
    return cpu / count * 1e6, wall / count * 1e6


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=8000, help="organisations in the synthetic graph")
    parser.add_argument("--lookups", type=int, default=2000, help="distinct subjects asked about")
    parser.add_argument("--requests", type=int, default=20_000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="one more round under cProfile")
    parser.add_argument("--workdir", type=Path, help="keep the data and store here (default: a temp dir)")
    return parser.parse_args()


async def main(args: argparse.Namespace, work: Path) -> None:
    from innograph.server.app import create_app

    data, store_dir = load_store(work, args.orgs)
    store = EmbeddedStore(store_dir, Iris(synthetic.BASE), workers=1)
    store.start()
    try:
        app = create_app(Settings(store=store_dir, base_iri=synthetic.BASE, query_workers=1), store)
        requests = scopes(data.organisations, args.lookups)
        await drive(app, requests, min(2000, args.requests))  # warm-up: caches, snapshot
        answered = store.direct.answered
        results = [await drive(app, requests, args.requests) for _ in range(args.rounds)]
        in_process = store.direct.answered - answered
        cpu = statistics.median(r[0] for r in results)
        wall = statistics.median(r[1] for r in results)
        print(f"load average {os.getloadavg()[0]:.1f}; {args.requests:,} requests x {args.rounds} rounds; "
              f"{in_process:,} of {args.requests * args.rounds:,} answered in-process")
        print("rounds (CPU us/request): " + ", ".join(f"{r[0]:.1f}" for r in results))
        print(f"CPU per request: {cpu:.1f} us (median); wall: {wall:.1f} us")
        if args.profile:
            profiler = cProfile.Profile(time.thread_time)  # CPU, not wall: the machine is shared
            profiler.enable()
            await drive(app, requests, args.requests)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    finally:
        store.close()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.workdir:
        arguments.workdir.mkdir(parents=True, exist_ok=True)
        asyncio.run(main(arguments, arguments.workdir))
    else:
        with tempfile.TemporaryDirectory(prefix="asgi-hot-path-") as tmp:
            asyncio.run(main(arguments, Path(tmp)))
