"""Ingest time and point-lookup latency of the same data through innograph's store layer on the
three backends: embedded, ``oxigraph serve`` (remote) and Virtuoso (remote, Virtuoso flavour).

    .venv/bin/python tests/virtuoso/bench_backends.py [--quads 100000] [--lookups 300]

Each backend gets the same documents (one named graph each, ``write_document`` as ingest calls it)
and the same point lookups (``select`` of one thing's label, as the linked-data pages ask), run one
after the other from this process. Results: bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))  # conftest's oxigraph server and the Virtuoso instance helper

from conftest import IRIS, oxigraph_server  # noqa: E402

from innograph.store import DocumentWrite, Store  # noqa: E402
from innograph.store.embedded import EmbeddedStore  # noqa: E402
from innograph.store.remote import RemoteStore  # noqa: E402
from innograph.store.virtuoso import VirtuosoStore  # noqa: E402
from virtuoso.instance import WRITER, virtuoso  # noqa: E402

LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TRIPLES_PER_DOCUMENT = 1000
LOOKUP = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def documents(quads: int) -> list[DocumentWrite]:
    """Documents of 1,000 triples: things with a type and two labels."""
    out = []
    for d in range(quads // TRIPLES_PER_DOCUMENT):
        triples = []
        for i in range(TRIPLES_PER_DOCUMENT // 3 + 1):
            thing = NamedNode(IRIS.entity("org", f"bench-{d}-{i}"))
            triples += [Triple(thing, RDF_TYPE, NamedNode(IRIS.term("Organisation"))),
                        Triple(thing, LABEL, Literal(f"Organisation {d}-{i}", language="en")),
                        Triple(thing, LABEL, Literal(f"Organisation {d}-{i}", language="fr"))]
        out.append(DocumentWrite(graph=IRIS.graph(f"bench-{d}"), content_hash=f"sha256:bench-{d}",
                                 public=triples[:TRIPLES_PER_DOCUMENT - 1]))  # + the fingerprint
    return out


def measure(store: Store, docs: list[DocumentWrite], lookups: int) -> tuple[float, float]:
    started = time.perf_counter()
    for doc in docs:
        store.write_document(doc)
    ingest_seconds = time.perf_counter() - started
    chooser = random.Random(7)
    latencies = []
    for _ in range(lookups):
        subject = NamedNode(IRIS.entity("org", f"bench-{chooser.randrange(len(docs))}-{chooser.randrange(300)}"))
        started = time.perf_counter()
        rows = store.select(LOOKUP, {"s": subject})
        latencies.append(time.perf_counter() - started)
        assert len(rows) == 2, rows
    return ingest_seconds, statistics.median(latencies)


@contextmanager
def embedded(root: Path) -> Iterator[Store]:
    store = EmbeddedStore(root / "embedded", IRIS, workers=2, timeout=30.0)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def oxigraph(root: Path) -> Iterator[Store]:
    with oxigraph_server(root / "ox-public") as public, oxigraph_server(root / "ox-full") as full:
        yield RemoteStore(IRIS, public.query_url, public.update_url, full_query_url=full.query_url,
                          full_update_url=full.update_url, timeout=30.0)


@contextmanager
def virtuoso_pair(root: Path) -> Iterator[Store]:
    with virtuoso(root / "vt-public", 30.0) as public, virtuoso(root / "vt-full", 30.0) as full:
        yield VirtuosoStore(IRIS, public.query_url, public.update_url, full_query_url=full.query_url,
                            full_update_url=full.update_url, timeout=30.0, user=WRITER[0], password=WRITER[1])


BACKENDS: dict[str, Callable[[Path], AbstractContextManager[Store]]] = {
    "embedded": embedded, "oxigraph serve": oxigraph, "Virtuoso": virtuoso_pair,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    docs = documents(args.quads)
    total = sum(len(d.public) + 1 for d in docs)
    print(f"{len(docs)} documents, {total} quads, {args.lookups} point lookups")
    print("| backend | ingest (s) | quads/s | point lookup p50 (ms) |\n|---|---|---|---|")
    for name, backend in BACKENDS.items():
        with tempfile.TemporaryDirectory(prefix="bench-backends-") as folder, backend(Path(folder)) as store:
            seconds, p50 = measure(store, docs, args.lookups)
            print(f"| {name} | {seconds:.1f} | {total / seconds:,.0f} | {p50 * 1000:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
