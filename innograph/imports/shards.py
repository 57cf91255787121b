"""A dataset's triples in bounded memory, and their change-only, all-or-nothing write to the store.

Records are spilled, as N-Triples lines, to bucket files on disk, chosen by the record's key (an
organisation's rows from a thousand participations land in one bucket, where they collapse to
one copy). At the end the buckets are grouped into ``n`` shards of about ``triples_per_graph``
triples (one for a small dataset; memory holds one shard at a time), each written as its own
graph named by its content, ``{base}graph/import/{dataset}/{i}-of-{n}-{digest}``.

The version switch (``versions.py``): shards whose graph already exists are not written (the
same name is the same content: an unchanged shard, or one written by an import that was killed);
the others are written beside the old version's; then the manifest, the dataset's description
graph listing its current shards, is written in one atomic write; then the shards no longer
listed are removed in one write. A ``kill -9`` at any moment leaves the manifest listing the old
version or the new one, never a mix; the change feed shows the shards that changed (created and
deleted) and the manifest, nothing for the unchanged ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

from pyoxigraph import NamedNode, RdfFormat, Triple, parse
from tqdm import tqdm

from innograph import __version__
from innograph.imports.rdf import DERIVED_FROM, HAS_PART
from innograph.imports.report import ImportReport
from innograph.imports.versions import partition_fingerprints
from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.store import DocumentWrite, Store
from innograph.store.base import FileWrite

BUCKETS = 256  # a power of two: shards are unions of buckets
TRIPLES_PER_GRAPH = 60_000
# a shard this large goes to the store as a file (streamed; measured ~4x faster than one
# in-memory write at 60,000 triples); a small one as an ordinary write (no new store version)
STREAMED_FROM = 5_000
SPILL_PREFIX = "innograph-import-"


class Spill:
    """Bucket files under a private temporary folder, removed on exit (or, after a ``kill -9``, by
    the next import: the folder's name carries its process id)."""

    def __init__(self) -> None:
        remove_orphan_spills()
        self._folder = tempfile.TemporaryDirectory(prefix=f"{SPILL_PREFIX}{os.getpid()}-")
        self.folder = Path(self._folder.name)
        self._files: dict[int, TextIO] = {}
        self.lines = 0

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self._files.values():
            handle.close()
        self._folder.cleanup()

    def add(self, key: str, triples: list[Triple]) -> None:
        bucket = zlib.crc32(key.encode()) % BUCKETS
        handle = self._files.get(bucket)
        if handle is None:
            handle = self._files[bucket] = (self.folder / f"{bucket:03d}.nt").open("w", encoding="utf-8")
        handle.writelines(f"{triple} .\n" for triple in triples)
        self.lines += len(triples)

    def graphs(self, count: int) -> Iterator[tuple[int, list[str]]]:
        """(index, sorted distinct lines) of each of ``count`` shards, one shard in memory at a time."""
        for handle in self._files.values():
            handle.flush()
        for index in range(count):
            lines: set[str] = set()
            for bucket in range(index, BUCKETS, count):
                path = self.folder / f"{bucket:03d}.nt"
                if path.exists():
                    with path.open(encoding="utf-8") as handle:
                        lines.update(handle)
            yield index, sorted(lines)


def remove_orphan_spills() -> None:
    """Spill folders of import processes that no longer run (a CORDIS spill is over 1 GB)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SPILL_PREFIX}*-*"):
        pid = folder.name[len(SPILL_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)  # another import may be removing it too


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


@dataclass(frozen=True)
class Known:
    """The graphs in the store, by partition (``versions.partition_fingerprints``)."""

    partitions: list[dict[str, str]]

    def everywhere(self, graph: str, fingerprint: str) -> bool:
        """In every partition with this content: nothing to write."""
        return all(found.get(graph) == fingerprint for found in self.partitions)

    def anywhere(self, graph: str) -> bool:
        return any(graph in found for found in self.partitions)

    def under(self, prefix: str) -> set[str]:
        """Graphs under ``prefix`` in any partition (a kill between two partitions' writes leaves
        a graph in one of them only; it must be removed from both)."""
        return {graph for found in self.partitions for graph in found if graph.startswith(prefix)}

    def fingerprint(self, graph: str) -> str:
        return next(found[graph] for found in self.partitions if graph in found)


@dataclass(frozen=True)
class Shard:
    graph: str
    fingerprint: str
    lines: list[str]


def graph_count(lines: int, per_graph: int | None = None) -> int:
    """The number of shards of a dataset: a power of two, one for a small dataset."""
    per_graph = per_graph or TRIPLES_PER_GRAPH
    count = 1
    while count < BUCKETS and lines > count * per_graph:
        count *= 2
    return count


def dataset_graph(iris: Iris, dataset: str) -> str:
    """The dataset's manifest: its description and the list of its current shards."""
    return iris.graph(f"import/{dataset}")


def content_fingerprint(lines: list[str]) -> str:
    digest = hashlib.sha256(f"{__version__}\0".encode())
    for line in lines:
        digest.update(line.encode())
    return IMPORT_FINGERPRINT_PREFIX + "sha256:" + digest.hexdigest()


def shard(prefix: str, index: int, count: int, lines: list[str]) -> Shard:
    fingerprint = content_fingerprint(lines)
    digest = fingerprint.rsplit(":", 1)[1][:16]
    return Shard(f"{prefix}{index + 1:03d}-of-{count:03d}-{digest}", fingerprint, lines)


def write_dataset(store: Store, iris: Iris, dataset: str, spill: Spill, described: list[Triple],
                  report: ImportReport, *, triples_per_graph: int | None = None, progress: bool = False) -> None:
    """Write the shards that are not in the store yet, switch the manifest, remove the old shards."""
    known = Known(partition_fingerprints(store, iris))
    manifest = dataset_graph(iris, dataset)
    source = NamedNode(iris.entity("dataset", dataset))
    current: list[str] = []
    count = graph_count(spill.lines, triples_per_graph)
    bar = tqdm(total=count, unit=" graphs", desc="writing", file=sys.stderr, disable=not progress)
    # no store.writing() batch around the shards: a write store held open for a whole CORDIS
    # download grew past 2.4 GB (measured); each shard's write opens and closes it instead
    for index, lines in spill.graphs(count):
        piece = shard(manifest + "/", index, count, lines)
        current.append(piece.graph)
        bar.update(1)
        if known.everywhere(piece.graph, piece.fingerprint):
            report.graphs_unchanged += 1
            continue
        _write_shard(store, iris, piece, source, spill.folder)
        report.graphs_written += 1
        report.triples += len(lines) + 1
    bar.close()
    _switch_manifest(store, iris, manifest, [*described, *(Triple(source, HAS_PART, NamedNode(g)) for g in current)],
                     known, report)
    _remove(store, iris, sorted(known.under(manifest + "/") - set(current)), known, report)


def _write_shard(store: Store, iris: Iris, piece: Shard, source: NamedNode, folder: Path) -> None:
    own = [Triple(NamedNode(piece.graph), DERIVED_FROM, source)]
    log = change_log(iris, piece.graph, "created", piece.fingerprint)
    if len(piece.lines) < STREAMED_FROM:
        triples = [Triple(q.subject, q.predicate, q.object)
                   for q in parse(input="".join(piece.lines).encode(), format=RdfFormat.N_TRIPLES)]
        store.write_document(DocumentWrite(graph=piece.graph, content_hash=piece.fingerprint, public=[*triples, *own],
                                           extra_graph=iris.graph("changes"), extra_public=log))
        return
    path = folder / "shard.nt"
    path.write_text("".join(piece.lines), encoding="utf-8")
    try:
        store.write_document_file(FileWrite(graph=piece.graph, content_hash=piece.fingerprint, path=path,
                                            format=RdfFormat.N_TRIPLES, base_iri=piece.graph, public=own,
                                            extra_graph=iris.graph("changes"), extra_public=log))
    finally:
        path.unlink()


def _switch_manifest(store: Store, iris: Iris, manifest: str, triples: list[Triple], known: Known,
                     report: ImportReport) -> None:
    """One atomic write: from here on the dataset is its new version."""
    fingerprint = content_fingerprint(sorted({f"{t} .\n" for t in triples}))
    if known.everywhere(manifest, fingerprint):
        report.graphs_unchanged += 1
        return
    store.write_document(DocumentWrite(
        graph=manifest, content_hash=fingerprint, public=triples, extra_graph=iris.graph("changes"),
        extra_public=change_log(iris, manifest, "updated" if known.anywhere(manifest) else "created", fingerprint),
    ))
    report.graphs_written += 1
    report.triples += len(triples)


def _remove(store: Store, iris: Iris, stale: list[str], known: Known, report: ImportReport) -> None:
    if stale:
        store.remove_graphs(stale, log_graph=iris.graph("changes"), log=[
            t for graph in stale for t in change_log(iris, graph, "deleted", known.fingerprint(graph))])
        report.graphs_removed += len(stale)
