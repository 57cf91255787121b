"""Partner-search benchmark: latency of partner queries and label search on synthetic graphs.

    .venv/bin/python bench/partners_bench.py --sizes 10000 100000 --queries 400

For each size: generate the deterministic synthetic graph (``innograph.partners.synthetic``) as
N-Quads under ``bench/out/``, bulk-load it into a fresh on-disk embedded store (never the public
one), build the partner index through the store's SPARQL interface (``queries/partners/*.rq``,
timed, with the process's resident memory before and after), then time a fixed, seeded mix of
partner queries and label searches in-process (the work ``GET /api/partners`` does, minus HTTP).
Optionally (``--http``) the same partner queries go through a real uvicorn on 127.0.0.1.
``--follow`` adds the update figures: one changed document written as ingest writes it (graph and
change-log entry), then the time until the holder's index shows it (synchronous catch-up, and
through the follower thread); and ``/sparql`` point lookups on a real uvicorn in this process,
timed while idle, during a full index build and during a stream of one-document updates.
Results are printed as a Markdown table and written to ``bench/out/partners.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from innograph.ontology.text import fold_letters
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple

from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.namespaces import DEFAULT_BASE_IRI
from innograph.partners.builder import ProcessBuilder
from innograph.partners.holder import IndexHolder
from innograph.partners.index import PartnerIndex
from innograph.partners.rank import PartnerQuery, rank
from innograph.partners.synthetic import COUNTRIES, SyntheticGraph, generate, sample_needs
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

OUT = Path(__file__).parent / "out"
IRIS = Iris(DEFAULT_BASE_IRI)
TYPES = ("Company", "ResearchOrganisation", "ClusterOrganisation", "PublicAuthority")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def query_mix(graph: SyntheticGraph, count: int, seed: int = 3) -> list[PartnerQuery]:
    """A fixed mix: free-text needs, organisation seekers, theme + programme, typed searches."""
    rng = random.Random(seed)
    texts = sample_needs(IRIS, count, seed=seed)
    out = []
    for n in range(count):
        kind = n % 5
        if kind in (0, 1):
            lang = rng.choice(("en", "fr", "da", "nl"))
            out.append(PartnerQuery(q=texts[n], country=rng.choice(COUNTRIES), lang=lang))
        elif kind == 2:
            out.append(PartnerQuery(org=rng.choice(graph.organisations)))
        elif kind == 3:
            out.append(
                PartnerQuery(
                    themes=rng.sample(graph.themes, 2),
                    country=rng.choice(COUNTRIES),
                    programme=rng.choice(graph.programmes),
                )
            )
        else:
            out.append(
                PartnerQuery(
                    q=texts[n],
                    org=rng.choice(graph.organisations),
                    types=[rng.choice(TYPES)],
                    same_country=True,
                    offset=20,
                )
            )
    return out


def typo(text: str, rng: random.Random) -> str:
    """The label as someone might type it: no accents, lower case, one letter dropped."""
    text = fold_letters(text)
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[longest]
    if len(w) > 4:
        k = rng.randrange(1, len(w) - 1)
        words[longest] = w[:k] + w[k + 1 :]
    return " ".join(words)


CPU_MS: list[float] = []  # CPU time of the last timed() run, per item (less sensitive to a busy machine)


def timed(fn: Any, items: list[Any]) -> list[float]:
    """Wall-clock milliseconds per item; CPU milliseconds go to CPU_MS."""
    out = []
    CPU_MS.clear()
    for item in items:
        cpu = time.process_time()
        started = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - started) * 1000)
        CPU_MS.append((time.process_time() - cpu) * 1000)
    return out


def summary(ms: list[float]) -> dict[str, float]:
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
    }


def http_latencies(
    store: EmbeddedStore, store_dir: Path, holder: IndexHolder, queries: list[PartnerQuery]
) -> list[float]:
    import httpx
    from innograph.server.app import create_app

    from innograph.settings import Settings

    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from conftest import serve  # the tests' real-uvicorn helper

    app = create_app(Settings(store=store_dir, query_workers=2), store)
    app.state.partner_index = holder  # the index built above (the route reuses it for this store)
    with serve(app) as url, httpx.Client(base_url=url, timeout=600) as client:
        client.get("/api/partners", params={"q": "artificial intelligence", "country": "FR"}).raise_for_status()

        def one(q: PartnerQuery) -> None:
            params: list[tuple[str, str | int | float | bool | None]] = [
                (k, v) for k, v in (("q", q.q), ("org", q.org), ("country", q.country), ("programme", q.programme)) if v
            ]
            params += [("theme", t) for t in q.themes] + [("type", t) for t in q.types]
            params += [("offset", str(q.offset)), ("same_country", str(q.same_country).lower())]
            client.get("/api/partners", params=params).raise_for_status()

        return timed(one, queries)


def marker(n: int) -> str:
    """A word no synthetic organisation has (letters only, so every stemmer keeps it whole)."""
    return "zyxmark" + "".join("abcdefghij"[int(d)] for d in str(n))


def changed_document(store: EmbeddedStore, n: int) -> tuple[DocumentWrite, str]:
    """Synthetic document ``n`` as it is now, plus one new organisation with a theme and the keyword
    ``marker(n)``: written with its change-log entry, as ingest writes a changed document. Returns
    the write and the new organisation's IRI."""
    graph = IRIS.graph(f"synthetic-{n}")
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    triples = [Triple(r["s"], r["p"], r["o"]) for r in rows]
    new = NamedNode(IRIS.entity("synthetic", f"org-update-{n}-{time.monotonic_ns()}"))
    triples += [
        Triple(new, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(IRIS.term("Company"))),
        Triple(new, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"Update {n}", language="en")),
        Triple(new, NamedNode(IRIS.term("country")), NamedNode(IRIS.entity("country", "DK"))),
        Triple(new, NamedNode(IRIS.term("theme")), NamedNode(IRIS.entity("theme", "green-transition"))),
        Triple(new, NamedNode(IRIS.term("keyword")), Literal(marker(n), language="en")),
    ]
    fp = f"sha256:bench-{new.value}"
    write = DocumentWrite(graph=graph, content_hash=fp, public=triples, extra_graph=IRIS.graph("changes"),
                          extra_public=change_log(IRIS, graph, "updated", fp))
    return write, new.value


def shows(index: PartnerIndex, n: int, org: str) -> bool:
    """Whether a partner search for ``marker(n)`` (from France) finds the new organisation."""
    answer = rank(index, PartnerQuery(q=marker(n), country="FR"))
    return any(r["iri"] == org for r in answer["results"])


def time_to_visible(store: EmbeddedStore, holder: IndexHolder, n: int, *, on_request: bool) -> float:
    """Milliseconds from ``write_document`` returning (committed) to the first partner search that
    shows the new organisation: with each search catching up (``holder.get()``, as a request does),
    or searching whatever index the follower thread has published."""
    write, org = changed_document(store, n)
    store.write_document(write)
    started = time.perf_counter()
    while True:
        index = holder.get() if on_request else holder._index
        if index is not None and shows(index, n, org):
            return (time.perf_counter() - started) * 1000
        if not on_request:
            time.sleep(0.005)


def update_figures(store: EmbeddedStore, holder: IndexHolder, rounds: int = 5) -> dict[str, Any]:
    """Time until one changed document shows in a partner search: each search catching up, and
    the follower thread alone."""
    sync_ms = [time_to_visible(store, holder, k, on_request=True) for k in range(rounds)]
    follow_ms = [time_to_visible(store, holder, rounds + k, on_request=False) for k in range(rounds)]
    return {"update_sync": summary(sync_ms), "update_follower": summary(follow_ms), "full_builds": holder.full_builds}


def stream_of_writes(store: EmbeddedStore, seconds: float, first: int) -> threading.Event:
    """One changed document every 0.5 s for ``seconds``, in a thread; the event is set at the end."""
    done = threading.Event()

    def writer() -> None:
        for k in range(int(seconds / 0.5)):
            store.write_document(changed_document(store, first + k)[0])
            time.sleep(0.5)
        done.set()

    threading.Thread(target=writer).start()
    return done


POINT = "SELECT ?p ?o WHERE {{ <{org}> ?p ?o }}"


def progress(cell: str, figures: dict[str, Any]) -> None:
    """A measured cell on stderr at once (a 100k run takes many minutes on a busy machine)."""
    print(f"{cell}: {json.dumps(figures)} (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)


def sparql_during(store: EmbeddedStore, store_dir: Path, graph: SyntheticGraph, seconds: float,
                  rounds: int = 3) -> dict[str, Any]:
    """/sparql point-lookup latency (one client) on a real uvicorn in this process, ``rounds`` times
    in turn: idle, during a full partner-index build in a thread of this process (before), during a
    full build in the builder process (after, ``builder.py``: the holder's thread waits, then loads
    the pickle). Then once: during one-document writes every 0.5 s without an index, and during the
    same writes followed by the index."""
    import httpx
    from innograph.server.app import create_app

    from innograph.settings import Settings

    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from conftest import serve  # the tests' real-uvicorn helper

    settings = Settings(store=store_dir, query_workers=2)
    app = create_app(settings, store)
    app.state.partner_index = IndexHolder(store, IRIS, follow=False)  # never built: no prebuild beside the cells
    rng = random.Random(11)
    cells: dict[str, list[dict[str, Any]]] = {"sparql_idle": [], "sparql_during_full_build": [],
                                              "sparql_during_process_build": []}
    builds: dict[str, list[float]] = {"in_process_build_s": [], "process_build_s": [], "handover_load_s": []}
    out: dict[str, Any] = {"load_average_before": round(os.getloadavg()[0], 1)}
    with serve(app) as url, httpx.Client(base_url=url, timeout=600) as client:

        def lookups(until: threading.Event | None) -> list[float]:
            ms: list[float] = []
            stop_at = time.perf_counter() + seconds
            while (until is None and time.perf_counter() < stop_at) or (until is not None and not until.is_set()):
                query = POINT.format(org=rng.choice(graph.organisations))
                started = time.perf_counter()
                client.get("/sparql", params={"query": query}).raise_for_status()
                ms.append((time.perf_counter() - started) * 1000)
            return ms

        def during_build(holder: IndexHolder) -> dict[str, Any]:
            done = threading.Event()
            def build_then_signal() -> None:
                holder.get()
                done.set()

            builder = threading.Thread(target=build_then_signal)
            builder.start()
            found = summary(lookups(done))
            builder.join()
            progress(f"during a build ({type(holder.builder).__name__}, {holder.get().build_seconds:.1f} s)", found)
            return found

        lookups(None)  # warm-up
        for _ in range(rounds):
            cells["sparql_idle"].append(summary(lookups(None)))
            progress("idle", cells["sparql_idle"][-1])
            in_process = IndexHolder(store, IRIS, follow=False)
            cells["sparql_during_full_build"].append(during_build(in_process))
            builds["in_process_build_s"].append(in_process.get().build_seconds)
            in_child = IndexHolder(store, IRIS, follow=False, builder=ProcessBuilder(settings))
            cells["sparql_during_process_build"].append(during_build(in_child))
            assert in_child.last_handover is not None
            builds["process_build_s"].append(in_child.last_handover.seconds)
            builds["handover_load_s"].append(in_child.last_handover.load_seconds)
        for name, runs in cells.items():
            out[name] = {stat: round(statistics.median(r[stat] for r in runs), 2) for stat in ("p50_ms", "p99_ms")}
            out[name]["runs"] = runs
        out.update({name: [round(v, 2) for v in values] for name, values in builds.items()})
        out["sparql_during_writes_only"] = summary(lookups(stream_of_writes(store, seconds, 100)))
        follower = IndexHolder(store, IRIS, builder=ProcessBuilder(settings))
        follower.get()
        out["sparql_during_updates"] = summary(lookups(stream_of_writes(store, seconds, 200)))
        follower.stop()
    out["load_average_after"] = round(os.getloadavg()[0], 1)
    return out


def run_size(size: int, n_queries: int, http: bool, follow: bool = False, rounds: int = 3) -> dict[str, Any]:
    OUT.mkdir(exist_ok=True)
    nq = OUT / f"partners-{size}.nq"
    started = time.perf_counter()
    graph = generate(nq, size, IRIS)
    generate_s = time.perf_counter() - started
    store_dir = OUT / f"partners-store-{size}"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = EmbeddedStore(store_dir, IRIS, workers=2, timeout=120.0)
    started = time.perf_counter()
    store.bulk_load(nq, RdfFormat.N_QUADS, partitions=("public",))
    load_s = time.perf_counter() - started
    try:
        gc.collect()
        before = rss_mb()
        holder = IndexHolder(store, IRIS)
        started = time.perf_counter()
        index: PartnerIndex = holder.get()
        build_s = time.perf_counter() - started
        gc.collect()
        after_index = rss_mb()
        started = time.perf_counter()
        search = index.search_index()
        search_build_s = time.perf_counter() - started
        gc.collect()
        after_search = rss_mb()

        queries = query_mix(graph, n_queries)
        for q in queries[:20]:  # warm-up: first use of each country/programme mask, caches
            rank(holder.get(), q)
        partner_ms = timed(lambda q: rank(holder.get(), q), queries)
        partner_cpu = list(CPU_MS)
        rng = random.Random(5)
        targets = [rng.choice(graph.organisations) for _ in range(n_queries)]
        search_terms = [typo(index.label(t), rng) for t in targets]
        search_ms = timed(lambda s: search.search(s, limit=20), search_terms)
        search_cpu = list(CPU_MS)
        # Synthetic names repeat (syllable soup), so "found" = the target is among the hits with the best score.
        hits = 0
        for target, term in zip(targets[:100], search_terms[:100], strict=True):
            found = search.search(term, limit=50)["results"]
            best = found[0]["score"] if found else None
            hits += any(r["iri"] == target and r["score"] == best for r in found)
        result: dict[str, Any] = {
            "organisations": size,
            "quads": graph.quads,
            "cores": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 1),
            "generate_s": round(generate_s, 1),
            "bulk_load_s": round(load_s, 1),
            "index_build_s": round(build_s, 1),
            "index_rss_mb": round(after_index - before),
            "search_build_s": round(search_build_s, 1),
            "search_rss_mb": round(after_search - after_index),
            "partners": summary(partner_ms),
            "partners_cpu": summary(partner_cpu),
            "search": summary(search_ms),
            "search_cpu": summary(search_cpu),
            "search_typo_top_score_rate": hits / 100,
        }
        if http:
            result["partners_http"] = summary(http_latencies(store, store_dir, holder, queries))
        if follow:
            result.update(update_figures(store, holder))
            holder.stop()  # one follower at a time below
            result.update(sparql_during(store, store_dir, graph, seconds=10.0, rounds=rounds))
        return result
    finally:
        store.close()
        shutil.rmtree(store_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--http", action="store_true", help="also time the queries through GET /api/partners")
    parser.add_argument("--follow", action="store_true",
                        help="also time one-document updates and /sparql p99 during a build and during updates")
    parser.add_argument("--rounds", type=int, default=3, help="with --follow: /sparql cells measured this many times")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        result = run_size(size, args.queries, args.http, args.follow, args.rounds)
        print(json.dumps(result), flush=True)
        results.append(result)
    OUT.mkdir(exist_ok=True)
    (OUT / "partners.json").write_text(json.dumps(results, indent=2))
    print("\n| organisations | quads | index build s | index MB | partner p50 ms | p99 ms | search p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['organisations']:,} | {r['quads']:,} | {r['index_build_s']} | {r['index_rss_mb']} "
            f"| {r['partners']['p50_ms']} | {r['partners']['p99_ms']} "
            f"| {r['search']['p50_ms']} | {r['search']['p99_ms']} |"
        )
    if args.follow:
        print_follow_tables(results)
    return 0


def print_follow_tables(results: list[dict[str, Any]]) -> None:
    """The two tables of PARTNERS.md's "Following the graph" section."""
    print("\n| organisations | load avg | full build in process / in builder (+ load) | visible, on request p50 / max |"
          " visible, follower p50 / max | full builds |")
    print("|---:|---|---|---:|---:|---:|")
    for r in results:
        sync, follow = r["update_sync"], r["update_follower"]
        print(f"| {r['organisations']:,} | {r['load_average_before']}-{r['load_average_after']} "
              f"| {statistics.median(r['in_process_build_s']):.1f} s / {statistics.median(r['process_build_s']):.1f} s "
              f"(+{statistics.median(r['handover_load_s']):.1f} s) | {sync['p50_ms']:.0f} / {sync['max_ms']:.0f} ms "
              f"| {follow['p50_ms']:.0f} / {follow['max_ms']:.0f} ms | {r['full_builds']} |")
    print("\n| organisations | `/sparql` p50 / p99 ms | idle | during a full build in the server process (before) |"
          " during a full build in the builder process (after) | writes alone | writes + index following |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        cells = [r[k] for k in ("sparql_idle", "sparql_during_full_build", "sparql_during_process_build",
                                "sparql_during_writes_only", "sparql_during_updates")]
        row = " | ".join(f"{c['p50_ms']} / {c['p99_ms']}" for c in cells)
        print(f"| {r['organisations']:,} | p50 / p99 | {row} |")


if __name__ == "__main__":
    sys.exit(main())
