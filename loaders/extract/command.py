"""``innograph extract FILE``: extract one document and print its graph or its summary."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta, doc_id_for
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize

from innograph.iris import Iris
from innograph.namespaces import PREFIXES

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "nquads": RdfFormat.N_QUADS,
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the document to extract")
    parser.add_argument("--url", default="", help="source URL of the document (metadata)")
    parser.add_argument("--retrieved", default=None, help="retrieval date, YYYY-MM-DD (metadata)")
    parser.add_argument(
        "--format",
        default="summary",
        choices=["summary", *FORMATS],
        help="summary: the extraction summary as JSON; otherwise the graph (turtle: public graph only)",
    )


def iris_from_settings() -> Iris:
    from innograph.settings import Settings

    return Settings(**{}).iris  # environment only (INNOGRAPH_*)


def to_store(loaded: LoadedDocument, iris: Iris) -> Store:
    store = Store()
    public = NamedNode(iris.graph(loaded.doc_id))
    personal = NamedNode(iris.personal_graph(loaded.doc_id))
    store.extend([Quad(t.subject, t.predicate, t.object, public) for t in loaded.public])
    store.extend([Quad(t.subject, t.predicate, t.object, personal) for t in loaded.personal])
    return store


def load_file(path: Path, url: str | None, retrieved: str | None, iris: Iris) -> LoadedDocument:
    from innograph.loaders.registry import load

    if retrieved and not _DATE.fullmatch(retrieved):
        raise LoaderError("bad_argument", f"--retrieved must be YYYY-MM-DD, got {retrieved!r}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoaderError("unreadable", f"cannot read {path}: {exc.strerror or exc}") from exc
    meta = SourceMeta(doc_id=doc_id_for(path), path=path, url=url or None, retrieved=retrieved)
    return load(data, meta, iris)


def render(loaded: LoadedDocument, iris: Iris, fmt: str) -> str:
    from innograph.loaders.extract.summary import summarise

    store = to_store(loaded, iris)
    if fmt == "summary":
        return json.dumps(summarise(store, iris, loaded.doc_id), ensure_ascii=False, indent=1)
    prefixes = {"ig": iris.vocab} | {p: PREFIXES[p] for p in ("rdfs", "skos", "dcterms", "prov", "xsd")}
    if fmt == "turtle":
        out = serialize(loaded.public, format=RdfFormat.TURTLE, prefixes=prefixes)
        return out.decode("utf-8") if out else ""
    quads = sorted(store.quads_for_pattern(None, None, None, None), key=str)
    if fmt == "nquads":
        out = serialize(quads, format=RdfFormat.N_QUADS)
        return "".join(sorted((out or b"").decode("utf-8").splitlines(keepends=True)))
    out = serialize(quads, format=FORMATS[fmt], prefixes=prefixes if fmt != "jsonld" else None)
    return (out or b"").decode("utf-8")


def run(args: argparse.Namespace) -> int:
    try:
        iris = iris_from_settings()
        loaded = load_file(args.file, args.url, args.retrieved, iris)
        text = render(loaded, iris, args.format)
    except LoaderError as exc:
        print(f"innograph extract: {args.file}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one clear line, never a traceback, for any document
        print(f"innograph extract: {args.file}: [internal_error] {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
