"""A dataset's triples in bounded memory, and their atomic, change-only write to the store.

Records are spilled, as N-Triples lines, to bucket files on disk, chosen by the record's key (an
organisation's rows from a thousand participations land in one bucket, where they collapse to
one copy). At the end the buckets are grouped into the dataset's graphs, ``{base}graph/import/
{dataset}/{i}-of-{n}``: one graph for a small dataset (a re-import then replaces it in one atomic
write), ``n`` graphs of about ``TRIPLES_PER_GRAPH`` triples for a large one (each replaced
atomically; memory holds one graph at a time). A graph whose content did not change is not
written, so a re-import shows in the change feed only where the data changed. Graphs of the
dataset that the new import no longer produces are removed.
"""

from __future__ import annotations

import hashlib
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO

from pyoxigraph import NamedNode, RdfFormat, Triple, parse

from innograph import __version__
from innograph.imports.rdf import DERIVED_FROM
from innograph.imports.report import ImportReport
from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.store import DocumentWrite, Store

BUCKETS = 256  # a power of two: graphs are unions of buckets
TRIPLES_PER_GRAPH = 60_000


class Spill:
    """Bucket files under a private temporary folder, removed on exit."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="innograph-import-")
        self._files: dict[int, TextIO] = {}
        self.lines = 0

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self._files.values():
            handle.close()
        self._folder.cleanup()

    def add(self, key: str, triples: Iterable[Triple]) -> None:
        bucket = zlib.crc32(key.encode()) % BUCKETS
        handle = self._files.get(bucket)
        if handle is None:
            handle = self._files[bucket] = (Path(self._folder.name) / f"{bucket:03d}.nt").open("w", encoding="utf-8")
        for triple in triples:
            handle.write(f"{triple} .\n")
            self.lines += 1

    def graphs(self, count: int) -> Iterator[tuple[int, list[str]]]:
        """(index, sorted distinct lines) of each of ``count`` graphs, one graph in memory at a time."""
        for handle in self._files.values():
            handle.flush()
        for index in range(count):
            lines: set[str] = set()
            for bucket in range(index, BUCKETS, count):
                path = Path(self._folder.name) / f"{bucket:03d}.nt"
                if path.exists():
                    with path.open(encoding="utf-8") as handle:
                        lines.update(handle)
            yield index, sorted(lines)


def graph_count(lines: int) -> int:
    """The number of graphs of a dataset: a power of two, one for a small dataset."""
    count = 1
    while count < BUCKETS and lines > count * TRIPLES_PER_GRAPH:
        count *= 2
    return count


def dataset_graph(iris: Iris, dataset: str) -> str:
    return iris.graph(f"import/{dataset}")


def write_dataset(store: Store, iris: Iris, dataset: str, spill: Spill, described: list[Triple],
                  report: ImportReport) -> None:
    """Write the dataset's graphs that changed, its description graph, and remove stale graphs."""
    known = store.graph_hashes()
    count = graph_count(spill.lines)
    prefix = dataset_graph(iris, dataset) + "/"
    source = NamedNode(iris.entity("dataset", dataset))
    produced: set[str] = set()
    # no store.writing() batch around the graphs: a write store held open for a whole CORDIS
    # download grew past 2.4 GB (measured); each graph's write opens and closes it instead
    for index, lines in spill.graphs(count):
        graph = f"{prefix}{index + 1:03d}-of-{count:03d}"
        produced.add(graph)
        _write_graph(store, iris, graph, lines, source, known, report)
    lines = sorted({f"{t} .\n" for t in described})
    _write_graph(store, iris, dataset_graph(iris, dataset), lines, source, known, report)
    for stale in sorted(g for g in known if g.startswith(prefix) and g not in produced):
        store.remove_graphs([stale], log_graph=iris.graph("changes"),
                            log=change_log(iris, stale, "deleted", known[stale]))
        report.graphs_removed += 1


def _write_graph(store: Store, iris: Iris, graph: str, lines: list[str], source: NamedNode,
                 known: dict[str, str], report: ImportReport) -> None:
    digest = hashlib.sha256(f"{__version__}\0{graph}\0".encode())
    for line in lines:
        digest.update(line.encode())
    fingerprint = IMPORT_FINGERPRINT_PREFIX + "sha256:" + digest.hexdigest()
    if known.get(graph) == fingerprint:
        report.graphs_unchanged += 1
        return
    triples = [Triple(q.subject, q.predicate, q.object)
               for q in parse(input="".join(lines).encode(), format=RdfFormat.N_TRIPLES)]
    triples.append(Triple(NamedNode(graph), DERIVED_FROM, source))
    store.write_document(DocumentWrite(
        graph=graph, content_hash=fingerprint, public=triples, extra_graph=iris.graph("changes"),
        extra_public=change_log(iris, graph, "updated" if graph in known else "created", fingerprint),
    ))
    report.graphs_written += 1
    report.triples += len(triples)
