"""``innograph ingest``: documents in, one named graph per document.

Each file goes through the loader registry in a worker process (documents are independent, so
many documents use every core); the parent writes each result with one atomic replace per
partition. A document whose fingerprint (bytes + software version + metadata) is already in the
store is skipped. One bad document is reported and never stops the batch.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from innograph import __version__
from innograph.iris import Iris
from innograph.load_workers import load_in_parallel
from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.settings import Settings
from innograph.store import DocumentWrite, Store, StoreError, open_store

XSD_DATETIME = NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_MODIFIED = NamedNode("http://purl.org/dc/terms/modified")
PARALLEL_FROM = 8  # below this many documents, worker start-up costs more than it saves
_DOC_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class IngestReport:
    documents: int = 0
    written: int = 0
    skipped: int = 0
    triples: int = 0
    personal_triples: int = 0
    failed: list[Failure] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "written": self.written,
            "skipped": self.skipped,
            "triples": self.triples,
            "personal_triples": self.personal_triples,
            "failed": [f.__dict__ for f in self.failed],
        }


def doc_id_for(path: Path) -> str:
    """The document id is its file name without suffix (``data/000_ab.txt`` -> ``000_ab``)."""
    value = _DOC_ID.sub("-", path.stem).strip("-")
    return value or "doc-" + hashlib.sha1(path.name.encode()).hexdigest()[:12]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files under the given paths, sorted, hidden files and folders left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def fingerprint(data: bytes, meta: SourceMeta) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{meta.url or ''}\0{meta.retrieved or ''}".encode())
    return "sha256:" + digest.hexdigest()


def _load_one(path_str: str, base_iri: str, url: str | None, retrieved: str | None) -> LoadedDocument | Failure:
    """Runs in a worker process: read and load one file; every error becomes a Failure."""
    from innograph.loaders.registry import load

    path = Path(path_str)
    try:
        data = path.read_bytes()
        meta = SourceMeta(doc_id=doc_id_for(path), path=path, url=url, retrieved=retrieved)
        loaded = load(data, meta, Iris(base_iri))
        loaded.content_hash = fingerprint(data, meta)
        return loaded
    except LoaderError as exc:
        return Failure(path_str, str(exc))
    except OSError as exc:
        return Failure(path_str, f"[unreadable] {exc}")
    except Exception as exc:  # a loader bug must not stop the batch; the reason is reported
        return Failure(path_str, f"[loader_crash] {type(exc).__name__}: {exc}")


def _loaded(paths: list[Path], iris: Iris, url: str | None, retrieved: str | None,
            jobs: int) -> Iterator[tuple[Path, LoadedDocument | Failure]]:
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield path, _load_one(str(path), iris.base, url, retrieved)
        return
    yield from load_in_parallel(paths, jobs, (iris.base, url, retrieved), Failure)


def change_log(iris: Iris, graph: str, change_type: str, fp: str) -> list[Triple]:
    now = datetime.now(UTC)
    stamp = now.strftime("%Y%m%dT%H%M%S.%fZ")
    event = NamedNode(iris.entity("change", f"{stamp}-{hashlib.sha1(graph.encode()).hexdigest()[:10]}"))
    return [
        Triple(event, RDF_TYPE, NamedNode(iris.term("GraphChange"))),
        Triple(event, NamedNode(iris.term("changedGraph")), NamedNode(graph)),
        Triple(event, NamedNode(iris.term("changeType")), Literal(change_type)),
        Triple(event, DCT_MODIFIED, Literal(now.isoformat().replace("+00:00", "Z"), datatype=XSD_DATETIME)),
        Triple(event, NamedNode(iris.term("fingerprint")), Literal(fp)),
    ]


def document_write(iris: Iris, loaded: LoadedDocument, change_type: str) -> DocumentWrite:
    graph = iris.graph(loaded.doc_id)
    meta = [Triple(NamedNode(graph), NamedNode(iris.term("sourceDocument")), NamedNode(iris.document(loaded.doc_id)))]
    return DocumentWrite(
        graph=graph,
        content_hash=loaded.content_hash,
        public=[*loaded.public, *meta],
        personal_graph=iris.personal_graph(loaded.doc_id),
        personal=loaded.personal,
        extra_graph=iris.graph("changes"),
        extra_public=change_log(iris, graph, change_type, loaded.content_hash),
    )


def ensure_reference_data(store: Store, iris: Iris, known: dict[str, str]) -> int:
    """Load the ontology and reference graphs when their sources changed; returns triples written.

    The fingerprint covers the ontology package's files, the software version and the base IRI,
    so unchanged reference data costs one hash of a few files, not a rebuild of its triples.
    """
    try:
        from innograph import ontology
        from innograph.ontology.reference import reference_triples
    except ImportError:  # a build without the ontology package
        return 0
    digest = hashlib.sha256(f"{__version__}\0{iris.base}".encode())
    root = Path(ontology.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".ttl", ".tsv", ".csv"}:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    fp = "sha256:" + digest.hexdigest()
    written = 0
    builders = {"ontology": ontology.ontology_triples, "reference": reference_triples}
    for name, build in builders.items():
        graph = iris.graph(name)
        if known.get(graph) == fp:
            continue
        triples = list(build(iris.base))
        store.write_document(DocumentWrite(graph=graph, content_hash=fp, public=triples))
        written += len(triples)
    return written


def ingest(paths: Iterable[Path], store: Store, iris: Iris, *, force: bool = False, jobs: int | None = None,
           url: str | None = None, retrieved: str | None = None, progress: bool = False,
           prune: bool = False) -> IngestReport:
    files = expand(paths)
    report = IngestReport(documents=len(files))
    known = store.graph_hashes()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="doc", file=sys.stderr, dynamic_ncols=True)
    seen: set[str] = set()
    # one write session for the whole batch where the backend offers it (embedded: no reopen per doc)
    batch = getattr(store, "writing", contextlib.nullcontext)
    with batch():
        ensure_reference_data(store, iris, known)
        for path, result in _loaded(files, iris, url, retrieved, jobs or os.cpu_count() or 1):
            if bar is not None:
                bar.update(1)
            _write_one(store, iris, path, result, known, seen, force, report)
        if prune:
            keep = seen | {iris.graph(n) for n in ("ontology", "reference")}
            for graph in (g for g in known if g not in keep):
                store.remove_graphs([graph], log_graph=iris.graph("changes"),
                                    log=change_log(iris, graph, "deleted", known[graph]))
    if bar is not None:
        bar.close()
    return report


def _write_one(store: Store, iris: Iris, path: Path, result: LoadedDocument | Failure, known: dict[str, str],
               seen: set[str], force: bool, report: IngestReport) -> None:
    if isinstance(result, Failure):
        report.failed.append(result)
        return
    graph = iris.graph(result.doc_id)
    if graph in seen:
        report.failed.append(Failure(str(path), f"[duplicate_id] another file already has id {result.doc_id!r}"))
        return
    seen.add(graph)
    if not force and known.get(graph) == result.content_hash:
        report.skipped += 1
        return
    try:
        store.write_document(document_write(iris, result, "updated" if graph in known else "created"))
    except StoreError as exc:
        report.failed.append(Failure(str(path), f"[{exc.code}] {exc}"))
        return
    report.written += 1
    report.triples += len(result.public)
    report.personal_triples += len(result.personal)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders to ingest")
    parser.add_argument("--store", type=Path, help="store directory (default: INNOGRAPH_STORE)")
    parser.add_argument("--force", action="store_true", help="rewrite documents even when unchanged")
    parser.add_argument("--prune", action="store_true",
                        help="remove graphs of documents that are no longer among PATHS")
    parser.add_argument("--jobs", type=int, help="parallel loader processes (default: number of cores)")
    parser.add_argument("--url", help="source URL (only meaningful for a single document)")
    parser.add_argument("--retrieved", help="retrieval date (ISO 8601) recorded in the provenance")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")


def run(args: argparse.Namespace) -> int:
    settings = Settings(**({"store": args.store} if args.store else {}))
    store = open_store(settings)
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        report = ingest(args.paths, store, settings.iris, force=args.force, jobs=args.jobs, url=args.url,
                        retrieved=args.retrieved, progress=progress, prune=args.prune)
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(f"documents {report.documents}  written {report.written}  skipped {report.skipped}  "
              f"failed {len(report.failed)}  triples {report.triples} (+{report.personal_triples} personal)")
        for failure in report.failed:
            print(f"FAILED {failure.path}: {failure.reason}")
    return 1 if report.failed else 0
