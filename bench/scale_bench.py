"""Scale on one machine: a 10 M-quad store from the synthetic generator, measured end to end.

    .venv/bin/python bench/scale_bench.py                                   # 10 M quads (~30 min)
    .venv/bin/python bench/scale_bench.py --quads 200000 --no-readme        # a quick look

1. The synthetic innovation graph (``innograph/partners/synthetic.py``) as one N-Quads file, in
   a folder under /tmp (removed at the end unless ``--workdir``).
2. Ingest: ``innograph ingest`` against ``oxigraph load`` of the file, each from an empty store,
   timed from outside by ``/usr/bin/time -v`` (``ingest_bench.py``): wall time, peak memory of
   the largest process, size on disk.
3. Queries: ingest makes the file one document graph; the partner index and its update need the
   file's own document graphs, so the query store is the peer's (``oxigraph load`` keeps them):
   it becomes our ``public`` partition (``full`` a checkpoint of it) and is served by
   ``innograph serve`` and, from the very same files, ``oxigraph serve-read-only
   --union-default-graph`` (``sparql_vs_oxigraph.py``'s servers, workloads, answer check and
   load generator): point lookups about different organisations and the partner-style join, at
   concurrency 1 and 4, p50/p99.
4. Partners, on that store in this process (``partners_bench.py``'s query mix and timers): index
   build time and memory, partner-search and label-search p50/p99, and the time until one
   changed document (written as ingest writes it) shows in a partner search.

The table goes into ``bench/README.md`` between the ``scale:table`` markers.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_bench
import partners_bench
import sparql_vs_oxigraph as sparql_bench
from pyoxigraph import Store

from innograph.partners.holder import IndexHolder
from innograph.partners.rank import rank
from innograph.partners.synthetic import SyntheticGraph, generate
from innograph.store.embedded import EmbeddedStore

README = Path(__file__).resolve().parent / "README.md"
START, END = "<!-- scale:table:start -->", "<!-- scale:table:end -->"


def ingest_stage(path: Path, work: Path) -> dict[str, ingest_bench.Run]:
    measured = ingest_bench.measure(path, 1, work)
    return {name: runs[0] for name, runs in measured.items()}


def query_store(work: Path) -> Path:
    """The peer's store as our layout: ``public`` is it, ``full`` a checkpoint (hard links)."""
    root = work / "query"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    os.rename(work / "peer", root / "public")
    public = Store(str(root / "public"))
    public.backup(str(root / "full"))
    del public
    gc.collect()
    return root


def sparql_stage(root: Path, data: SyntheticGraph, lookups: int, cap: float) -> list[dict[str, Any]]:
    """Point lookups and the join on both servers, concurrency 1 and 4 (one run each)."""
    processes: list[subprocess.Popen[bytes]] = []
    args = argparse.Namespace(scale=1.0, cap=cap)
    try:
        ox_port, our_port, _ = sparql_bench.start_servers(root, False, processes)
        ox_url, our_url = f"http://127.0.0.1:{ox_port}/query", f"http://127.0.0.1:{our_port}/sparql"
        rows = []
        for workload in sparql_bench.workloads(data, lookups, aggregation=False)[1:]:  # no ASK {} floor here
            answer_rows = sparql_bench.check_same_answers(workload, ox_url, our_url)
            for concurrency in sparql_bench.CONCURRENCIES:
                cell = sparql_bench.measure_cell(workload, concurrency, (ox_port, our_port), args)
                rows.append({"query": workload.name, "rows": answer_rows, "concurrency": concurrency, **cell})
        return rows
    finally:
        sparql_bench.stop(processes)


def partners_stage(root: Path, data: SyntheticGraph, queries: int) -> dict[str, Any]:
    store = EmbeddedStore(root, partners_bench.IRIS, workers=2, timeout=600.0)
    try:
        gc.collect()
        before = partners_bench.rss_mb()
        holder = IndexHolder(store, partners_bench.IRIS)
        started = time.perf_counter()
        index = holder.get()
        build_s = time.perf_counter() - started
        gc.collect()
        index_mb = partners_bench.rss_mb() - before
        mix = partners_bench.query_mix(data, queries)
        for q in mix[:20]:  # warm-up, as partners_bench does
            rank(holder.get(), q)
        partner_ms = partners_bench.timed(lambda q: rank(holder.get(), q), mix)
        search = index.search_index()
        rng = random.Random(5)
        terms = [partners_bench.typo(index.label(rng.choice(data.organisations)), rng) for _ in range(queries)]
        search_ms = partners_bench.timed(lambda s: search.search(s, limit=20), terms)
        updates = partners_bench.update_figures(store, holder)
        holder.stop()
        return {"build_s": build_s, "index_mb": index_mb, "partners": partners_bench.summary(partner_ms),
                "search": partners_bench.summary(search_ms), **updates}
    finally:
        store.close()


def ms(seconds: float) -> str:
    return sparql_bench.fmt_ms(seconds)


def ingest_lines(ingest: dict[str, ingest_bench.Run]) -> list[str]:
    ours, peer = ingest["ours"], ingest["oxigraph"]
    return [
        f"| ingest of the file (`innograph ingest` / `oxigraph load`) | {ours.seconds:.0f} s | {peer.seconds:.0f} s "
        f"| {peer.seconds / ours.seconds:.2f}x speed |",
        f"| ingest peak memory | {ours.peak_mb:,.0f} MB | {peer.peak_mb:,.0f} MB | {ours.peak_mb / peer.peak_mb:.2f} |",
        f"| store on disk | {ours.disk_mb:,.0f} MB | {peer.disk_mb:,.0f} MB | {ours.disk_mb / peer.disk_mb:.2f} |",
    ]


def sparql_lines(sparql: list[dict[str, Any]]) -> list[str]:
    lines = []
    for row in sparql:
        o, p = row["ours"], row["oxigraph"]
        lines.append(f"| {row['query']} ({row['rows']} rows), concurrency {row['concurrency']}: p50 / p99 "
                     f"(`/sparql` / `oxigraph serve`) | {ms(o.percentile(50))} / {ms(o.percentile(99))} ms | "
                     f"{ms(p.percentile(50))} / {ms(p.percentile(99))} ms | "
                     f"{p.percentile(50) / o.percentile(50):.2f}x p50 speed |")
    return lines


def partner_lines(partners: dict[str, Any]) -> list[str]:
    search, update = partners["partners"], partners["update_sync"]
    return [
        f"| partner index build (whole store) | {partners['build_s']:.1f} s, {partners['index_mb']:,.0f} MB | - | - |",
        f"| partner search p50 / p99 ({search['n']} queries) | {search['p50_ms']} / {search['p99_ms']} ms | - | - |",
        f"| label search p50 / p99 | {partners['search']['p50_ms']} / {partners['search']['p99_ms']} ms | - | - |",
        f"| one changed document until a partner search shows it (p50 / max of {update['n']}) | "
        f"{update['p50_ms']} / {update['max_ms']} ms | - | - |",
    ]


def table(quads: int, orgs: int, size_mb: float, rows: list[str], loads: list[float]) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return "\n".join([
        f"Measured {stamp} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{quads:,} quads, {orgs:,} organisations, N-Quads file {size_mb:,.0f} MB; one run of each; load average "
        f"{', '.join(f'{x:.1f}' for x in loads)} (start, after ingest, after queries, end; other work on the machine "
        "shares the 2 cores).",
        "",
        "| what | ours | peer | ours/peer |",
        "|---|---:|---:|---:|",
        *rows,
    ])


def write_readme(text: str) -> None:
    readme = README.read_text()
    if START not in readme:
        sys.exit(f"{README} has no {START} marker")
    before, rest = readme.split(START, 1)
    README.write_text(f"{before}{START}\n{text}\n{END}{rest.split(END, 1)[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=10_000_000)
    parser.add_argument("--lookups", type=int, default=2000, help="distinct organisations of the point lookups")
    parser.add_argument("--queries", type=int, default=400, help="partner and label searches")
    parser.add_argument("--cap", type=float, default=60.0, help="time cap per measured SPARQL cell, seconds")
    parser.add_argument("--workdir", type=Path, help="keep the file and stores here (default: a folder under /tmp)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="scale-bench-", dir="/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    loads = [os.getloadavg()[0]]
    rows: list[str] = []
    try:
        path = work / "kg.nq"
        data = generate(path, max(1, round(args.quads / ingest_bench.QUADS_PER_ORGANISATION)), partners_bench.IRIS)
        size_mb = path.stat().st_size / 1e6
        print(f"{data.quads:,} quads, {len(data.organisations):,} organisations, {size_mb:,.0f} MB", flush=True)
        stages = [lambda: ingest_lines(ingest_stage(path, work)),
                  lambda: sparql_lines(sparql_stage(query_store(work), data, args.lookups, args.cap)),
                  lambda: partner_lines(partners_stage(work / "query", data, args.queries))]
        for stage in stages:  # each stage's rows printed at once: a long run tells as it goes
            rows += stage()
            loads.append(os.getloadavg()[0])
            print("\n".join(rows), flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    text = table(data.quads, len(data.organisations), size_mb, rows, loads)
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
