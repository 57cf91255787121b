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
            params: list[tuple[str, str]] = [
                (k, v) for k, v in (("q", q.q), ("org", q.org), ("country", q.country), ("programme", q.programme)) if v
            ]
            params += [("theme", t) for t in q.themes] + [("type", t) for t in q.types]
            params += [("offset", str(q.offset)), ("same_country", str(q.same_country).lower())]
            client.get("/api/partners", params=params).raise_for_status()

        return timed(one, queries)


def changed_document(store: EmbeddedStore, n: int) -> DocumentWrite:
    """Synthetic document ``n`` as it is now, plus one new organisation with a theme: written with
    its change-log entry, as ingest writes a changed document."""
    graph = IRIS.graph(f"synthetic-{n}")
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    triples = [Triple(r["s"], r["p"], r["o"]) for r in rows]
    new = NamedNode(IRIS.entity("synthetic", f"org-update-{n}-{time.monotonic_ns()}"))
    triples += [
        Triple(new, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(IRIS.term("Company"))),
        Triple(new, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(f"Update {n}", language="en")),
        Triple(new, NamedNode(IRIS.term("country")), NamedNode(IRIS.entity("country", "DK"))),
        Triple(new, NamedNode(IRIS.term("theme")), NamedNode(IRIS.entity("theme", "green-transition"))),
    ]
    fp = f"sha256:bench-{new.value}"
    return DocumentWrite(graph=graph, content_hash=fp, public=triples, extra_graph=IRIS.graph("changes"),
                         extra_public=change_log(IRIS, graph, "updated", fp))


def update_figures(store: EmbeddedStore, holder: IndexHolder, rounds: int = 5) -> dict[str, Any]:
    """Time until one changed document is visible: ``get()`` catching up, and the follower alone."""
    sync_ms, follow_ms = [], []
    for k in range(rounds):
        store.write_document(changed_document(store, k))
        started = time.perf_counter()
        index = holder.get()
        sync_ms.append((time.perf_counter() - started) * 1000)
        assert index.generation == store.generation()
    for k in range(rounds):
        write = changed_document(store, rounds + k)
        store.write_document(write)
        started, generation = time.perf_counter(), store.generation()
        while holder._index is None or holder._index.generation < generation:  # the follower's work
            time.sleep(0.005)
        follow_ms.append((time.perf_counter() - started) * 1000)
    return {"update_sync": summary(sync_ms), "update_follower": summary(follow_ms), "full_builds": holder.full_builds}


def stream_of_writes(store: EmbeddedStore, seconds: float, first: int) -> threading.Event:
    """One changed document every 0.5 s for ``seconds``, in a thread; the event is set at the end."""
    done = threading.Event()

    def writer() -> None:
        for k in range(int(seconds / 0.5)):
            store.write_document(changed_document(store, first + k))
            time.sleep(0.5)
        done.set()

    threading.Thread(target=writer).start()
    return done


POINT = "SELECT ?p ?o WHERE {{ <{org}> ?p ?o }}"


def sparql_during(store: EmbeddedStore, store_dir: Path, graph: SyntheticGraph, seconds: float) -> dict[str, Any]:
    """/sparql point-lookup latency (one client) on a real uvicorn in this process: idle, during a
    full partner-index build in this process, during one-document writes every 0.5 s without an index,
    and during the same writes followed by the index."""
    import httpx
    from innograph.server.app import create_app

    from innograph.settings import Settings

    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from conftest import serve  # the tests' real-uvicorn helper

    app = create_app(Settings(store=store_dir, query_workers=2), store)
    rng = random.Random(11)
    out: dict[str, Any] = {}
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

        lookups(None)  # warm-up
        out["sparql_idle"] = summary(lookups(None))
        done = threading.Event()
        holder = IndexHolder(store, IRIS, follow=False)
        builder = threading.Thread(target=lambda: (holder.get(), done.set()))
        builder.start()
        out["sparql_during_full_build"] = summary(lookups(done))
        builder.join()
        follower = IndexHolder(store, IRIS)
        follower.get()
        follower.stop()  # first the writes alone (the store's own cost: write, workers reopening)
        out["sparql_during_writes_only"] = summary(lookups(stream_of_writes(store, seconds, 100)))
        follower = IndexHolder(store, IRIS)
        follower.get()
        out["sparql_during_updates"] = summary(lookups(stream_of_writes(store, seconds, 200)))
        follower.stop()
    return out


def run_size(size: int, n_queries: int, http: bool, follow: bool = False) -> dict[str, Any]:
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
            result.update(sparql_during(store, store_dir, graph, seconds=10.0))
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
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        result = run_size(size, args.queries, args.http, args.follow)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
