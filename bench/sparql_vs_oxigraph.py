"""Our ``/sparql`` against ``oxigraph serve`` on the same store and the same queries.

    .venv/bin/python bench/sparql_vs_oxigraph.py [--orgs 8000] [--lookups 2000] [--runs 3] [--no-readme]

1. generates a deterministic synthetic dataset shaped like ``ontology/CONTRACT.md`` (~100k quads
   with the default 8,000 organisations; see ``innograph/partners/synthetic.py``);
2. loads it into our embedded store (``EmbeddedStore.bulk_load``);
3. serves it with ``innograph serve`` and, from the very same RocksDB files (our ``public``
   partition, opened read-only), with ``oxigraph serve-read-only --union-default-graph`` (our
   default graph is the union of the named graphs, so both answer the same);
4. checks that both give the same answers, then runs ``ASK {}``, point lookups about 2,000
   different organisations, a partner-style join (and with ``--aggregation`` an aggregation) at
   concurrency 1 and 4 with a bounded loopback load generator (fixed request count and a time
   cap, keep-alive GET requests to 127.0.0.1 only), ``--runs`` times;
5. prints throughput, latency p50/p99 and the ratios ours/oxigraph (medians over the runs, each
   ratio taken within one run), and writes the table into ``bench/README.md`` between the
   ``bench:table`` markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen

from innograph.partners import synthetic

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
MARKERS = {
    False: ("<!-- bench:table:start -->", "<!-- bench:table:end -->"),
    True: ("<!-- bench:asyncio:start -->", "<!-- bench:asyncio:end -->"),
}
ACCEPT = "application/sparql-results+json"
IG = synthetic.IG
PREFIXES = f"PREFIX ig: <{IG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@dataclass
class Workload:
    name: str
    queries: list[str]  # variants, sent in turn (same list, same order, for both servers)
    requests: int  # per (server, concurrency) cell, before the time cap
    checked_every: int = 1  # compare the two servers' answers on every n-th variant


def workloads(data: synthetic.SyntheticGraph, lookups: int, aggregation: bool, seed: int = 11) -> list[Workload]:
    rng = random.Random(seed)
    orgs = rng.sample(data.organisations, min(lookups, len(data.organisations)))
    point = [f"SELECT ?p ?o WHERE {{ <{org}> ?p ?o }}" for org in orgs]
    join = []
    for theme in data.themes:
        country, programme = rng.choice(data.countries), rng.choice(data.programmes)
        join.append(
            PREFIXES + "SELECT DISTINCT ?org ?name ?country WHERE {\n"
            f"  ?org ig:theme <{theme}> ; ig:country ?country ; rdfs:label ?name .\n"
            f"  FILTER (?country != <{country}>)\n"
            "  ?role ig:agent ?org ; ig:roleIn ?project .\n"
            f"  ?project ig:programme <{programme}> .\n"
            "} LIMIT 20"
        )
    chosen = [
        Workload("ASK {} (HTTP floor)", ["ASK {}"], 3000),
        Workload("point lookup", point, 3000, checked_every=max(1, len(point) // 100)),
        Workload("partner-style join", join, 600),
    ]
    if aggregation:  # organisations, keywords and projects per (country, theme): every organisation, ~165 ms
        chosen.append(Workload("aggregation", [
            PREFIXES + "SELECT ?country ?theme (COUNT(DISTINCT ?org) AS ?orgs) (COUNT(DISTINCT ?kw) AS ?keywords)\n"
            "       (COUNT(DISTINCT ?project) AS ?projects) WHERE {\n"
            "  ?org ig:country ?country ; ig:theme ?theme ; ig:keyword ?kw .\n"
            "  OPTIONAL { ?role ig:agent ?org ; ig:roleIn ?project }\n"
            f"  FILTER (?country != <{country}>)\n"
            "} GROUP BY ?country ?theme ORDER BY DESC(?orgs) ?country ?theme"
            for country in data.countries
        ], 60))  # fmt: skip
    return chosen


# -- servers ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        sys.exit("the `oxigraph` command is missing: pip install oxigraph (it is in the test extra)")
    return found


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"server for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=" + quote("ASK {}"), timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"server for {url} did not start")


def fetch_json(url: str, attempts: int = 5) -> dict:
    """One answer; a 503 (busy or restarting worker) is retried after a pause, then fatal."""
    request = urllib.request.Request(url, headers={"Accept": ACCEPT})
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            body = exc.read()[:300].decode(errors="replace")
            if exc.code != 503 or attempt == attempts - 1:
                sys.exit(f"HTTP {exc.code} from {url[:80]}...: {body}")
            print(f"  HTTP 503 ({body}); retrying", flush=True)
            time.sleep(2)
    raise AssertionError("unreachable")


def canonical(result: dict) -> list[str]:
    if "boolean" in result:
        return [str(result["boolean"])]
    return sorted(json.dumps(row, sort_keys=True) for row in result["results"]["bindings"])


# -- report -----------------------------------------------------------------------------------------


def fmt_ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _ratio_cell(ratios: list[float]) -> str:
    """The median of the per-run ratios (each ratio taken within one run), with their range."""
    if len(ratios) == 1:
        return f"**{ratios[0]:.2f}x**"
    return f"**{_median(ratios):.2f}x** ({min(ratios):.2f}-{max(ratios):.2f})"


def table(rows: list[dict]) -> str:
    head = (
        "| query | rows | conc. | oxigraph req/s | ours req/s | **throughput ours/ox** | "
        "oxigraph p50 ms | ours p50 ms | **p50 ours/ox** | oxigraph p99 ms | ours p99 ms | errors |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    )
    lines = []
    for r in rows:
        runs = r["runs"]  # one {"oxigraph": RunResult, "ours": RunResult} per run
        ox, us = [run["oxigraph"] for run in runs], [run["ours"] for run in runs]
        errors: dict[str, int] = {}
        for name, results in (("ox", ox), ("ours", us)):
            for result in results:
                for status, count in result.errors.items():
                    errors[f"{name} {status}"] = errors.get(f"{name} {status}", 0) + count
        capped = [name for name, results in (("ox", ox), ("ours", us)) if any(res.capped for res in results)]
        note = ", ".join(f"{k}: {v}" for k, v in errors.items()) or "none"
        if capped:
            note += f" (time cap: {', '.join(capped)})"
        throughput = [u.throughput / o.throughput for o, u in zip(ox, us, strict=True)]
        p50 = [u.percentile(50) / o.percentile(50) for o, u in zip(ox, us, strict=True)]
        lines.append(
            f"| {r['query']} | {r['rows']} | {r['concurrency']} | {_median([o.throughput for o in ox]):,.0f} | "
            f"{_median([u.throughput for u in us]):,.0f} | {_ratio_cell(throughput)} | "
            f"{fmt_ms(_median([o.percentile(50) for o in ox]))} | {fmt_ms(_median([u.percentile(50) for u in us]))} | "
            f"{_ratio_cell(p50)} | {fmt_ms(_median([o.percentile(99) for o in ox]))} | "
            f"{fmt_ms(_median([u.percentile(99) for u in us]))} | {note} |"
        )
    return head + "\n".join(lines) + "\n"


def replace_between_markers(path: Path, markers: tuple[str, str], text: str) -> None:
    """Put ``text`` between a benchmark's two markers in ``path`` (the markers stay); both benchmarks use it."""
    start, end = markers
    readme = path.read_text(encoding="utf-8")
    if start not in readme or end not in readme:
        sys.exit(f"{path} lacks the {start} / {end} markers")
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(before + start + "\n" + text + end + after, encoding="utf-8")


def measured_on(load_before: float, load_after: float) -> str:
    """The opening of a table's header: when, on what machine, under what load (a shared machine)."""
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    return (f"Measured {stamp} on {machine} (shared with other work: load average {load_before:.1f} before, "
            f"{load_after:.1f} after)")


def publish(text: str, markers: tuple[str, str], write_readme: bool) -> None:
    """Print a benchmark's table and, when asked, put it between its markers in bench/README.md."""
    print("\n" + text)
    if write_readme:
        replace_between_markers(README, markers, text)
        print(f"table written to {README}")


# -- main -------------------------------------------------------------------------------------------


CONCURRENCIES = (1, 4)


def benchmark_parser(doc: str | None, orgs: int, orgs_help: str) -> argparse.ArgumentParser:
    """The options both synthetic-graph benchmarks take; each adds its own."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=orgs, help=orgs_help)
    parser.add_argument("--lookups", type=int, default=2000, help="distinct organisations the point lookups ask about")
    parser.add_argument("--runs", type=int, default=3, help="measured query runs; the table gives medians (default 3)")
    parser.add_argument("--cap", type=float, default=15.0, help="time cap per measured cell, seconds")
    parser.add_argument("--workdir", type=Path, help="keep stores and data here (default: a temp dir, removed)")
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    return parser


def parse_args() -> argparse.Namespace:
    parser = benchmark_parser(__doc__, 8000, "organisations to generate (8000: ~100k quads)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every request count")
    parser.add_argument("--aggregation", action="store_true", help="also measure the ~165 ms aggregation")
    parser.add_argument(
        "--asyncio-loop",
        action="store_true",
        help="run our app under uvicorn with the plain asyncio loop instead of `innograph serve` (uvloop)",
    )
    return parser.parse_args()


def load_store(work: Path, orgs: int) -> tuple[synthetic.SyntheticGraph, Path]:
    from pyoxigraph import RdfFormat

    from innograph.iris import Iris
    from innograph.store.embedded import EmbeddedStore

    data_file = work / "kg.nq"
    data = synthetic.generate(data_file, orgs)
    print(f"data: {data.quads:,} quads, {len(data.organisations):,} organisations", flush=True)
    ours_dir = work / "ours"
    shutil.rmtree(ours_dir, ignore_errors=True)
    t0 = time.perf_counter()
    store = EmbeddedStore(ours_dir, Iris(synthetic.BASE), workers=1)
    store.bulk_load(data_file, RdfFormat.N_QUADS)
    store.close()
    print(f"load: {time.perf_counter() - t0:.1f} s (both partitions)", flush=True)
    return data, ours_dir


def start_servers(ours_dir: Path, asyncio_loop: bool, processes: list[subprocess.Popen[bytes]]) -> tuple[int, ...]:
    """oxigraph, ours and the bare uvicorn app; returns their ports once all three answer."""
    ox_port, our_port, floor_port = free_port(), free_port(), free_port()
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    # oxigraph serves the very files our anonymous queries read: same store, same layout
    processes.append(subprocess.Popen(
        [oxigraph_binary(), "serve-read-only", "-l", str(ours_dir / "public"), "--bind", f"127.0.0.1:{ox_port}",
         "--union-default-graph"],
        **quiet,
    ))  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNOGRAPH_") or k == "INNOGRAPH_QUERY_WORKERS"}
    env.update(INNOGRAPH_STORE=str(ours_dir), INNOGRAPH_BASE_IRI=synthetic.BASE)
    if asyncio_loop:
        command = [sys.executable, "-m", "uvicorn", "innograph.server.app:create_app", "--factory", "--loop",
                   "asyncio", "--port", str(our_port), "--log-level", "warning", "--no-access-log"]  # fmt: skip
    else:
        command = [sys.executable, "-m", "innograph.cli", "serve", "--port", str(our_port), "--log-level", "warning"]
    processes.append(subprocess.Popen(command, env=env, **quiet))
    processes.append(subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "floor_app:app", "--app-dir", str(HERE), "--port", str(floor_port),
         "--log-level", "warning", "--no-access-log"],
        **quiet,
    ))  # fmt: skip
    wait_ready(f"http://127.0.0.1:{ox_port}/query", processes[0])
    wait_ready(f"http://127.0.0.1:{our_port}/sparql", processes[1])
    wait_ready(f"http://127.0.0.1:{floor_port}/", processes[2])
    wait_for_partner_index(our_port)
    return ox_port, our_port, floor_port


def wait_for_partner_index(port: int) -> None:
    """Our server builds its partner index when it starts (a builder process, then loading the
    result in the server): measured /sparql latency is not about that, so wait until a partner
    query answers (it waits for the build)."""
    started = time.perf_counter()
    url = f"http://127.0.0.1:{port}/api/partners?q=robotics&limit=1"
    with urllib.request.urlopen(url, timeout=900) as response:
        if response.status != 200:
            sys.exit(f"partner search answered {response.status} at start-up")
    print(f"partner index built: {time.perf_counter() - started:.1f} s after /sparql answered", flush=True)


def check_same_answers(workload: Workload, ox_url: str, our_url: str) -> str:
    """Both servers give the same rows (or the comparison means nothing); returns the row count text."""
    counts = set()
    for query in workload.queries[:: workload.checked_every]:
        ox_rows = canonical(fetch_json(f"{ox_url}?query={quote(query)}"))
        our_rows = canonical(fetch_json(f"{our_url}?query={quote(query)}"))
        if ox_rows != our_rows:
            sys.exit(f"{workload.name}: results differ between the servers for\n{query}")
        counts.add(len(ox_rows))
    return f"{min(counts)}-{max(counts)}" if len(counts) > 1 else str(counts.pop())


def measure_cell(workload: Workload, concurrency: int, ports: tuple[int, int], args: argparse.Namespace) -> dict:
    """One run of one (query, concurrency) cell on both servers, the first one alternating."""
    total = max(1, int(workload.requests * args.scale))
    order = [
        ("oxigraph", ports[0], [f"/query?query={quote(q)}" for q in workload.queries]),
        ("ours", ports[1], [f"/sparql?query={quote(q)}" for q in workload.queries]),
    ]
    if concurrency != CONCURRENCIES[0]:  # so that slow drift of a shared machine hits both alike
        order.reverse()
    measured = {}
    for name, port, paths in order:
        warmup = max(concurrency, total // 20)
        loadgen.run(port, paths, accept=ACCEPT, total=warmup, concurrency=concurrency, cap=args.cap)
        measured[name] = loadgen.run(port, paths, accept=ACCEPT, total=total, concurrency=concurrency, cap=args.cap)
    ox, us = measured["oxigraph"], measured["ours"]
    print(
        f"{workload.name:>20} c{concurrency:<2} oxigraph {ox.throughput:8.0f} req/s "
        f"p50 {fmt_ms(ox.percentile(50)):>6} ms"
        f" | ours {us.throughput:8.0f} req/s p50 {fmt_ms(us.percentile(50)):>6} ms"
        f" | ratio {us.throughput / ox.throughput:.2f}x",
        flush=True,
    )
    return measured


def floor_table(floor_port: int, rows: list[dict], args: argparse.Namespace) -> str:
    lines = []
    for concurrency in CONCURRENCIES:
        loadgen.run(floor_port, ["/"], accept=ACCEPT, total=300, concurrency=concurrency, cap=args.cap)
        floor = loadgen.run(
            floor_port, ["/"], accept=ACCEPT, total=int(3000 * args.scale) or 1, concurrency=concurrency, cap=args.cap
        )
        ask = next(r for r in rows if r["query"].startswith("ASK") and r["concurrency"] == concurrency)
        ask_ox = _median([run["oxigraph"].throughput for run in ask["runs"]])
        lines.append(
            f"| {concurrency} | {floor.throughput:,.0f} | {fmt_ms(floor.percentile(50))} | "
            f"{floor.throughput / ask_ox:.2f}x |\n"
        )
    return (
        "\nCeiling of any Python server here: a constant answer from a bare uvicorn ASGI app "
        "(`bench/floor_app.py`, no routing, no store) with the same load generator (one run, after the others):\n\n"
        "| conc. | bare uvicorn req/s | p50 ms | bare uvicorn / oxigraph `ASK {}` |\n|---:|---:|---:|---:|\n"
        + "".join(lines)
    )


def main() -> int:
    args = parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        data, ours_dir = load_store(work, args.orgs)
        ox_port, our_port, floor_port = start_servers(ours_dir, args.asyncio_loop, processes)
        ox_url, our_url = f"http://127.0.0.1:{ox_port}/query", f"http://127.0.0.1:{our_port}/sparql"
        workers = os.environ.get("INNOGRAPH_QUERY_WORKERS", "3 (default)")
        print(f"servers: oxigraph {ox_url}, ours {our_url} (query workers: {workers})", flush=True)
        load_before = os.getloadavg()[0]
        chosen = workloads(data, args.lookups, args.aggregation)
        rows: list[dict[str, Any]] = [
            {"query": w.name, "rows": check_same_answers(w, ox_url, our_url), "concurrency": c, "runs": []}
            for w in chosen
            for c in CONCURRENCIES
        ]
        for run in range(args.runs):  # whole runs in turn, so every cell sees the machine's drift alike
            print(f"-- run {run + 1} of {args.runs}", flush=True)
            for row, (workload, concurrency) in zip(rows, [(w, c) for w in chosen for c in CONCURRENCIES], strict=True):
                row["runs"].append(measure_cell(workload, concurrency, (ox_port, our_port), args))
        load_after = os.getloadavg()[0]
        result = table(rows) + floor_table(floor_port, rows, args)
        header = (
            f"{measured_on(load_before, load_after)}; {data.quads:,} quads; point lookups about "
            f"{args.lookups:,} different organisations; medians of {args.runs} runs (ratios: median of the "
            f"per-run ratios, range in brackets); "
            f"both servers on the same machine as the load generator; query workers (ours): {workers}; our server: "
            f"{'uvicorn --loop asyncio' if args.asyncio_loop else '`innograph serve` (uvicorn, uvloop)'}.\n\n"
        )
        publish(header + result, MARKERS[args.asyncio_loop], not args.no_readme)
    finally:
        stop(processes)
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    sys.exit(main())
