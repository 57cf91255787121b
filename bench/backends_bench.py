"""The same dump through innograph on three backends: load time, point lookup and join latency.

    .venv/bin/python bench/backends_bench.py [--orgs 80000] [--runs 3] [--load-runs 3] [--no-readme]

Backends (``--backends embedded oxigraph virtuoso``): the embedded store, two ``oxigraph serve``
(public and full view, remote backend) and two private Virtuoso instances with the documented ini
(remote backend, Virtuoso flavour). The data is ``innograph/partners/synthetic.py``'s graph
(80,000 organisations: ~1 M quads).

1. Load, as a user loading a large dump would, ``--load-runs`` times per backend on a fresh store,
   backends in turn (wall time). Embedded and Virtuoso: ``innograph ingest kg.nq``, streamed
   (embedded: new partition versions beside the live ones; Virtuoso: chunks into a staging graph
   through the Graph Store Protocol, then one swap per partition). ``oxigraph serve``: the README's
   advice for a dump this size, ``oxigraph load`` into both views' locations while the servers are
   stopped (not through innograph: its streamed path's one ``MOVE`` of 1 M statements did not
   finish in 10 minutes at 4 GB); the servers start afterwards.
2. ``innograph serve`` over each backend's last store (measured once its partner index is
   built); the three servers answer the same point
   lookups and partner-style joins (the queries of ``bench/sparql_vs_oxigraph.py``) with the same
   number of rows, or the bench stops.
3. Point lookups about ``--lookups`` organisations and the joins, through each server's
   ``/sparql`` by ``bench/loadgen.py`` at concurrency 1 and 4, ``--runs`` times; within a run the
   backends take turns cell by cell (order rotated), so that a shared machine's drift hits all.
   Medians over the runs; ratios to the embedded store are taken within each run.

The table goes between the ``backends:table`` markers of ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
sys.path[:0] = [str(HERE), str(TESTS)]  # the peer bench, the load generator, the test servers

import loadgen  # noqa: E402
import sparql_vs_oxigraph as peer  # noqa: E402
from conftest import oxigraph_server  # noqa: E402
from virtuoso.instance import WRITER, virtuoso  # noqa: E402

from innograph.partners import synthetic  # noqa: E402
from innograph.store.virtuoso_config import RESULT_SET_MAX_ROWS  # noqa: E402

MARKERS = ("<!-- backends:table:start -->", "<!-- backends:table:end -->")
QUERY_TIMEOUT = 120.0  # Virtuoso applies it to updates too: the one swap of a 1 M-statement document took 39 s
CONCURRENCIES = (1, 4)
Env = dict[str, str]


# -- backends: each yields the environment `innograph ingest` and `innograph serve` run with ------


@contextmanager
def embedded(folder: Path) -> Iterator[Env]:
    yield {"INNOGRAPH_STORE": str(folder / "store")}


def oxigraph_load(folder: Path, dump: Path) -> float:
    """``oxigraph load`` of the dump into the public and the full location, one after the other,
    no server running; returns the seconds of both."""
    started = time.perf_counter()
    for view in ("public", "full"):
        done = subprocess.run([peer.oxigraph_binary(), "load", "--location", str(folder / view), "--file", str(dump)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"oxigraph load failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return time.perf_counter() - started


@contextmanager
def oxigraph(folder: Path) -> Iterator[Env]:
    with oxigraph_server(folder / "public") as public, oxigraph_server(folder / "full") as full:
        yield {"INNOGRAPH_BACKEND": "remote",
               "INNOGRAPH_REMOTE_QUERY_URL": public.query_url, "INNOGRAPH_REMOTE_UPDATE_URL": public.update_url,
               "INNOGRAPH_REMOTE_FULL_QUERY_URL": full.query_url, "INNOGRAPH_REMOTE_FULL_UPDATE_URL": full.update_url}


@contextmanager
def virtuoso_pair(folder: Path) -> Iterator[Env]:
    size = {"buffers": 170_000, "max_rows": RESULT_SET_MAX_ROWS}  # the documented ini, not the tests' small one
    with virtuoso(folder / "public", QUERY_TIMEOUT, **size) as public, \
            virtuoso(folder / "full", QUERY_TIMEOUT, **size) as full:
        yield {"INNOGRAPH_BACKEND": "remote", "INNOGRAPH_REMOTE_FLAVOUR": "virtuoso",
               "INNOGRAPH_REMOTE_QUERY_URL": public.query_url, "INNOGRAPH_REMOTE_UPDATE_URL": public.update_url,
               "INNOGRAPH_REMOTE_FULL_QUERY_URL": full.query_url, "INNOGRAPH_REMOTE_FULL_UPDATE_URL": full.update_url,
               "INNOGRAPH_REMOTE_USER": WRITER[0], "INNOGRAPH_REMOTE_PASSWORD": WRITER[1]}


BACKENDS: dict[str, Callable[[Path], AbstractContextManager[Env]]] = {
    "embedded": embedded, "oxigraph serve": oxigraph, "Virtuoso": virtuoso_pair,
}
CHOICES = {"embedded": "embedded", "oxigraph": "oxigraph serve", "virtuoso": "Virtuoso"}  # --backends names
OFFLINE_LOADS: dict[str, Callable[[Path, Path], float]] = {"oxigraph serve": oxigraph_load}  # before start
OFFLINE_LABEL = "offline `oxigraph load`, the file into both views, not innograph"


@dataclass
class Backend:
    name: str
    loads: list[float] = field(default_factory=list)  # seconds per load (`innograph ingest` or offline)
    port: int = 0
    results: dict[tuple[str, int], list[loadgen.RunResult]] = field(default_factory=dict)  # (query, conc.)


def innograph_env(backend: Env) -> Env:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNOGRAPH_")}
    env.update(INNOGRAPH_BASE_IRI=synthetic.BASE, INNOGRAPH_QUERY_TIMEOUT=str(QUERY_TIMEOUT), **backend)
    return env


def ingest(env: Env, dump: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "innograph.cli", "ingest", str(dump), "--no-progress"],
                          env=innograph_env(env), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"innograph ingest failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return seconds


def load(backend: Backend, work: Path, dump: Path, runs: int, stack: ExitStack) -> Env:
    """``runs`` fresh loads; the last store stays up (on ``stack``); returns its environment."""
    for run in range(runs):
        folder = work / f"{backend.name.replace(' ', '-')}-{run}"
        folder.mkdir()
        with ExitStack() as this_run:
            offline = OFFLINE_LOADS.get(backend.name)
            if offline:
                backend.loads.append(offline(folder, dump))
            env = this_run.enter_context(BACKENDS[backend.name](folder))
            if not offline:
                backend.loads.append(ingest(env, dump))
            print(f"{backend.name}: load {run + 1} of {runs}: {backend.loads[-1]:.1f} s "
                  f"(load average {os.getloadavg()[0]:.1f})", flush=True)
            if run == runs - 1:
                stack.enter_context(this_run.pop_all())
                return env
        shutil.rmtree(folder)
    raise ValueError("at least one load run")


def serve(env: Env, stack: ExitStack, index_wait: float) -> int:
    """``innograph serve`` over a loaded store, once it answers and its partner index is built (the
    build runs in a child process at start-up: it would weigh on the other servers' measurements)."""
    port = peer.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "innograph.cli", "serve", "--port", str(port), "--log-level", "warning"],
        env=innograph_env(env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    stack.callback(peer.stop, [process])
    peer.wait_ready(f"http://127.0.0.1:{port}/sparql", process)
    deadline = time.monotonic() + index_wait
    while time.monotonic() < deadline and subprocess.run(
            ["pgrep", "-P", str(process.pid), "-f", "innograph.partners.builder"], capture_output=True).returncode == 0:
        time.sleep(2)
    return port


# -- measuring --------------------------------------------------------------------------------------


def check_same_counts(workload: peer.Workload, backends: list[Backend]) -> str:
    """Every backend answers each checked query with as many rows as the embedded store (Virtuoso
    canonicalises literals, so rows are compared by number); returns the row counts' range."""
    counts = []
    for query in workload.queries[:: workload.checked_every]:
        per_backend = {b.name: len(peer.canonical(peer.fetch_json(
            f"http://127.0.0.1:{b.port}/sparql?query={quote(query)}"))) for b in backends}
        if len(set(per_backend.values())) != 1:
            sys.exit(f"{workload.name}: row counts differ {per_backend} for\n{query}")
        counts.append(next(iter(per_backend.values())))
    return f"{min(counts)}-{max(counts)}" if min(counts) != max(counts) else str(counts[0])


def measure(workloads: list[peer.Workload], backends: list[Backend], runs: int, cap: float) -> None:
    for run in range(runs):
        print(f"-- run {run + 1} of {runs} (load average {os.getloadavg()[0]:.1f})", flush=True)
        for workload in workloads:
            paths = [f"/sparql?query={quote(q)}" for q in workload.queries]
            for concurrency in CONCURRENCIES:
                turn = run + concurrency
                for backend in backends[turn % len(backends):] + backends[: turn % len(backends)]:
                    warmup = max(concurrency, workload.requests // 20)
                    loadgen.run(backend.port, paths, accept=peer.ACCEPT, total=warmup, concurrency=concurrency, cap=cap)
                    result = loadgen.run(backend.port, paths, accept=peer.ACCEPT, total=workload.requests,
                                         concurrency=concurrency, cap=cap)
                    backend.results.setdefault((workload.name, concurrency), []).append(result)
                    print(f"{workload.name:>20} c{concurrency} {backend.name:>15}: {result.throughput:7.0f} req/s "
                          f"p50 {peer.fmt_ms(result.percentile(50))} ms errors {result.errors or 'none'}", flush=True)


# -- report -----------------------------------------------------------------------------------------


def _range(values: list[float], digits: int = 1) -> str:
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.{digits}f}"
    return f"{middle:.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _latency(backend: Backend, query: str, concurrency: int) -> str:
    runs = backend.results[(query, concurrency)]
    p50 = statistics.median(r.percentile(50) for r in runs)
    p99 = statistics.median(r.percentile(99) for r in runs)
    rate = statistics.median(r.throughput for r in runs)
    errors = sum(sum(r.errors.values()) for r in runs)
    note = f", {errors} errors" if errors else ""
    return f"{peer.fmt_ms(p50)} / {peer.fmt_ms(p99)} ms, {rate:,.0f}/s{note}"


def _ratio(backend: Backend, reference: Backend, query: str) -> str:
    pairs = zip(backend.results[(query, 1)], reference.results[(query, 1)], strict=True)
    return f"{statistics.median(b.percentile(50) / r.percentile(50) for b, r in pairs):.2f}x"


def table(backends: list[Backend], quads: int, point: str, join: str) -> str:
    head = (f"| backend | load {quads:,} quads, s | quads/s | point lookup c1: p50 / p99, req/s | "
            "c4 | join c1: p50 / p99, req/s | c4 | p50 vs embedded (point, join) |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|\n")
    lines = []
    for b in backends:
        load = statistics.median(b.loads)
        how = OFFLINE_LABEL if b.name in OFFLINE_LOADS else "`innograph ingest`"
        lines.append(
            f"| {b.name} | {_range(b.loads)} ({how}) | {quads / load:,.0f} | {_latency(b, point, 1)} | "
            f"{_latency(b, point, 4)} | {_latency(b, join, 1)} | {_latency(b, join, 4)} | "
            f"{_ratio(b, backends[0], point)}, {_ratio(b, backends[0], join)} |"
        )
    return head + "\n".join(lines) + "\n"


def parse_args() -> argparse.Namespace:
    parser = peer.benchmark_parser(__doc__, 80_000, "organisations (80,000: ~1 M quads)")
    parser.add_argument("--load-runs", type=int, default=3, help="fresh loads per backend (median)")
    parser.add_argument("--requests", type=int, default=2000, help="point lookups per cell (joins: a tenth)")
    parser.add_argument("--backends", nargs="+", choices=list(CHOICES), default=list(CHOICES),
                        help="the first is the reference of the ratios and row counts (default: all three)")
    parser.add_argument("--index-wait", type=float, default=1800, help="longest wait for a partner index build, s")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="innograph-backends-"))
    work.mkdir(parents=True, exist_ok=True)
    backends = [Backend(CHOICES[name]) for name in args.backends]
    try:
        dump = work / "kg.nq"
        data = synthetic.generate(dump, args.orgs)
        print(f"data: {data.quads:,} quads ({dump.stat().st_size / 1e6:.0f} MB)", flush=True)
        load_before = os.getloadavg()[0]
        with ExitStack() as stack:
            envs = [load(backend, work, dump, args.load_runs, stack) for backend in backends]
            for backend, env in zip(backends, envs, strict=True):
                backend.port = serve(env, stack, args.index_wait)
            _, point, join = peer.workloads(data, args.lookups, aggregation=False)
            point.requests, join.requests = args.requests, max(1, args.requests // 10)
            rows = {w.name: check_same_counts(w, backends) for w in (point, join)}
            measure([point, join], backends, args.runs, args.cap)
        load_after = os.getloadavg()[0]
        header = (
            f"{peer.measured_on(load_before, load_after)}; {data.quads:,} quads in one N-Quads file; loads: "
            f"median (range) of {args.load_runs} fresh runs; queries through `innograph "
            f"serve`'s `/sparql` over HTTP, medians of {args.runs} runs, point lookups about {args.lookups:,} "
            f"organisations ({rows[point.name]} rows), partner-style joins ({rows[join.name]} rows).\n\n"
        )
        result = header + table(backends, data.quads, point.name, join.name)
        peer.publish(result, MARKERS, not args.no_readme)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
