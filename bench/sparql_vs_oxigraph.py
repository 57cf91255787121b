"""Our ``/sparql`` against ``oxigraph serve`` on the same store and the same queries.

    .venv/bin/python bench/sparql_vs_oxigraph.py [--orgs 8000] [--cap 15] [--no-readme]

1. generates a deterministic synthetic dataset shaped like ``ontology/CONTRACT.md`` (~100k quads
   with the default 8,000 organisations; see ``innograph/partners/synthetic.py``);
2. loads it into our embedded store (``EmbeddedStore.bulk_load``);
3. serves it with ``innograph serve`` and, from the very same RocksDB files (our ``public``
   partition, opened read-only), with ``oxigraph serve-read-only --union-default-graph`` (our
   default graph is the union of the named graphs, so both answer the same);
4. checks that both give the same answers, then runs a point lookup, a partner-style join and an
   aggregation at concurrency 1 and 16 with a bounded loopback load generator (fixed request
   count and a time cap, keep-alive GET requests to 127.0.0.1 only);
5. prints throughput, latency p50/p99 and the ratios ours/oxigraph, and writes the table into
   ``bench/README.md`` between the ``bench:table`` markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
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


def workloads(data: synthetic.SyntheticGraph, seed: int = 11) -> list[Workload]:
    rng = random.Random(seed)
    orgs = rng.sample(data.organisations, 100)
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
    # organisations, keywords and projects per (country, theme): every organisation, ~165 ms
    aggregation = [
        PREFIXES + "SELECT ?country ?theme (COUNT(DISTINCT ?org) AS ?orgs) (COUNT(DISTINCT ?kw) AS ?keywords)\n"
        "       (COUNT(DISTINCT ?project) AS ?projects) WHERE {\n"
        "  ?org ig:country ?country ; ig:theme ?theme ; ig:keyword ?kw .\n"
        "  OPTIONAL { ?role ig:agent ?org ; ig:roleIn ?project }\n"
        f"  FILTER (?country != <{country}>)\n"
        "} GROUP BY ?country ?theme ORDER BY DESC(?orgs) ?country ?theme"
        for country in data.countries
    ]
    return [
        Workload("ASK {} (HTTP floor)", ["ASK {}"], 3000),
        Workload("point lookup", point, 3000),
        Workload("partner-style join", join, 1500),
        Workload("aggregation", aggregation, 60),
    ]


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


def table(rows: list[dict]) -> str:
    head = (
        "| query | rows | conc. | oxigraph req/s | ours req/s | **throughput ours/ox** | "
        "oxigraph p50 ms | ours p50 ms | **p50 ours/ox** | oxigraph p99 ms | ours p99 ms | **p99 ours/ox** | errors |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    )
    lines = []
    for r in rows:
        ox, us = r["oxigraph"], r["ours"]
        errors = {f"ox {k}": v for k, v in ox.errors.items()} | {f"ours {k}": v for k, v in us.errors.items()}
        capped = [name for name, res in (("ox", ox), ("ours", us)) if res.capped]
        note = ", ".join(f"{k}: {v}" for k, v in errors.items()) or "none"
        if capped:
            note += f" (time cap: {', '.join(capped)})"
        lines.append(
            f"| {r['query']} | {r['rows']} | {r['concurrency']} | {ox.throughput:,.0f} | {us.throughput:,.0f} | "
            f"**{us.throughput / ox.throughput:.2f}x** | {fmt_ms(ox.percentile(50))} | {fmt_ms(us.percentile(50))} | "
            f"**{us.percentile(50) / ox.percentile(50):.2f}x** | {fmt_ms(ox.percentile(99))} | "
            f"{fmt_ms(us.percentile(99))} | **{us.percentile(99) / ox.percentile(99):.2f}x** | {note} |"
        )
    return head + "\n".join(lines) + "\n"


def write_readme(text: str, asyncio_loop: bool) -> None:
    start, end = MARKERS[asyncio_loop]
    readme = README.read_text(encoding="utf-8")
    if start not in readme or end not in readme:
        sys.exit(f"{README} lacks the {start} / {end} markers")
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    README.write_text(before + start + "\n" + text + end + after, encoding="utf-8")


# -- main -------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=8000, help="organisations to generate (8000: ~100k quads)")
    parser.add_argument("--cap", type=float, default=15.0, help="time cap per measured cell, seconds")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every request count")
    parser.add_argument("--workdir", type=Path, help="keep stores and data here (default: a temp dir)")
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    parser.add_argument(
        "--asyncio-loop",
        action="store_true",
        help="run our app under uvicorn with the plain asyncio loop instead of `innograph serve` (uvloop)",
    )
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        data_file = work / "kg.nq"
        data = synthetic.generate(data_file, args.orgs)
        print(f"data: {data.quads:,} quads, {len(data.organisations):,} organisations", flush=True)

        from pyoxigraph import RdfFormat

        from innograph.iris import Iris
        from innograph.store.embedded import EmbeddedStore

        ours_dir = work / "ours"
        shutil.rmtree(ours_dir, ignore_errors=True)
        t0 = time.perf_counter()
        store = EmbeddedStore(ours_dir, Iris(synthetic.BASE), workers=1)
        store.bulk_load(data_file, RdfFormat.N_QUADS)
        store.close()
        print(f"load: {time.perf_counter() - t0:.1f} s (both partitions)", flush=True)
        # oxigraph serves the very files our anonymous queries read: same store, same layout
        ox_dir = ours_dir / "public"
        oxigraph = oxigraph_binary()

        ox_port, our_port = free_port(), free_port()
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        processes.append(
            subprocess.Popen(
                [oxigraph, "serve-read-only", "-l", str(ox_dir), "--bind", f"127.0.0.1:{ox_port}",
                 "--union-default-graph"],
                **quiet,
            )
        )  # fmt: skip
        env = {k: v for k, v in os.environ.items() if not k.startswith("INNOGRAPH_")}
        env.update(INNOGRAPH_STORE=str(ours_dir), INNOGRAPH_BASE_IRI=synthetic.BASE)
        if args.asyncio_loop:
            command = [
                sys.executable,
                "-m",
                "uvicorn",
                "innograph.server.app:create_app",
                "--factory",
                "--loop",
                "asyncio",
                "--port",
                str(our_port),
                "--log-level",
                "warning",
                "--no-access-log",
            ]
        else:
            command = [
                sys.executable,
                "-m",
                "innograph.cli",
                "serve",
                "--port",
                str(our_port),
                "--log-level",
                "warning",
            ]
        processes.append(subprocess.Popen(command, env=env, **quiet))  # fmt: skip
        floor_port = free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "floor_app:app", "--app-dir", str(HERE), "--port", str(floor_port),
                 "--log-level", "warning", "--no-access-log"],
                **quiet,
            )
        )  # fmt: skip
        ox_url, our_url = f"http://127.0.0.1:{ox_port}/query", f"http://127.0.0.1:{our_port}/sparql"
        wait_ready(ox_url, processes[0])
        wait_ready(our_url, processes[1])
        wait_ready(f"http://127.0.0.1:{floor_port}/", processes[2])
        workers = os.environ.get("INNOGRAPH_QUERY_WORKERS", "3 (default)")
        print(f"servers: oxigraph {ox_url}, ours {our_url} (query workers: {workers})", flush=True)

        rows = []
        for workload in workloads(data):
            # same answers from both, or the comparison means nothing
            counts = set()
            for query in workload.queries:
                ox_rows = canonical(fetch_json(f"{ox_url}?query={quote(query)}"))
                our_rows = canonical(fetch_json(f"{our_url}?query={quote(query)}"))
                if ox_rows != our_rows:
                    sys.exit(f"{workload.name}: results differ between the servers for\n{query}")
                counts.add(len(ox_rows))
            row_text = f"{min(counts)}-{max(counts)}" if len(counts) > 1 else str(counts.pop())
            ox_paths = [f"/query?query={quote(q)}" for q in workload.queries]
            our_paths = [f"/sparql?query={quote(q)}" for q in workload.queries]
            total = max(1, int(workload.requests * args.scale))
            for concurrency in (1, 16):
                measured = {}
                # alternate who goes first, so slow drift of a shared machine hits both alike
                order = [("oxigraph", ox_port, ox_paths), ("ours", our_port, our_paths)]
                if concurrency == 16:
                    order.reverse()
                for name, port, paths in order:
                    warmup = max(concurrency, total // 20)
                    loadgen.run(port, paths, accept=ACCEPT, total=warmup, concurrency=concurrency, cap=args.cap)
                    measured[name] = loadgen.run(
                        port, paths, accept=ACCEPT, total=total, concurrency=concurrency, cap=args.cap
                    )
                row = {"query": workload.name, "rows": row_text, "concurrency": concurrency, **measured}
                rows.append(row)
                ox, us = measured["oxigraph"], measured["ours"]
                print(
                    f"{workload.name:>20} c{concurrency:<3} oxigraph {ox.throughput:8.0f} req/s "
                    f"p50 {fmt_ms(ox.percentile(50)):>6} ms | ours {us.throughput:8.0f} req/s "
                    f"p50 {fmt_ms(us.percentile(50)):>6} ms | ratio {us.throughput / ox.throughput:.2f}x",
                    flush=True,
                )
        floor = {}
        for concurrency in (1, 16):
            loadgen.run(floor_port, ["/"], accept=ACCEPT, total=300, concurrency=concurrency, cap=args.cap)
            floor[concurrency] = loadgen.run(
                floor_port,
                ["/"],
                accept=ACCEPT,
                total=int(3000 * args.scale) or 1,
                concurrency=concurrency,
                cap=args.cap,
            )
        ask = {r["concurrency"]: r["oxigraph"] for r in rows if r["query"].startswith("ASK")}
        floor_text = (
            "\nCeiling of any Python server here: a constant answer from a bare uvicorn ASGI app "
            "(`bench/floor_app.py`, no routing, no store) with the same load generator:\n\n"
            "| conc. | bare uvicorn req/s | p50 ms | bare uvicorn / oxigraph `ASK {}` |\n|---:|---:|---:|---:|\n"
            + "".join(
                f"| {c} | {f.throughput:,.0f} | {fmt_ms(f.percentile(50))} | "
                f"{f.throughput / ask[c].throughput:.2f}x |\n"
                for c, f in floor.items()
            )
        )
        result = table(rows) + floor_text
        machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        header = (
            f"Measured {stamp} on {machine}; {data.quads:,} quads; both servers on the same machine as the load "
            f"generator; query workers (ours): {workers}; our server: "
            f"{'uvicorn --loop asyncio' if args.asyncio_loop else '`innograph serve` (uvicorn, uvloop)'}.\n\n"
        )
        print()
        print(header + result)
        if not args.no_readme:
            write_readme(header + result, args.asyncio_loop)
            print(f"table written to {README}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
