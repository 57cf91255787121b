"""``innograph dump [--store DIR] [--out DIR]``: the public graph as gzipped N-Quads and Turtle.

Files (default folder ``{store}/dumps``), rewritten together, each atomically:

- ``innograph.nq.gz``: every public named graph, N-Quads, one statement per line, sorted (so it
  streams, diffs and hashes well);
- ``innograph.ttl.gz``: the same triples flattened into one graph (graph names dropped,
  duplicates merged), Turtle, for tools that do not read quads;
- ``manifest.json``: per file its size in bytes, sha256, number of statements, the time written
  and the store generation it was made from (the server and the DCAT catalogue read it).

The dump reads the ``public`` partition only, so personal graphs can never be in it. Gzip headers
carry no time stamp: the same data gives byte-identical files and the same checksum.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, parse, serialize

from innograph.namespaces import prefixes
from innograph.settings import add_store_option, command_settings
from innograph.store import Store, open_store

NQUADS = "innograph.nq.gz"
TURTLE = "innograph.ttl.gz"
MANIFEST = "manifest.json"
MEDIA_TYPES = {NQUADS: "application/n-quads", TURTLE: "text/turtle"}


@dataclass(frozen=True)
class DumpFile:
    name: str
    media_type: str
    byte_size: int
    sha256: str
    statements: int
    modified: str  # ISO 8601, UTC
    generation: int


def default_dir(store_root: Path) -> Path:
    return Path(store_root) / "dumps"


def public_quads(store: Store) -> list[Quad]:
    """Every quad of the public partition's named graphs, from one read view."""
    with store.snapshot("public") as view:
        return list(view)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _gzip(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6, mtime=0, filename="") as handle:
        handle.write(data)
    return out.getvalue()


def write_dumps(store: Store, out_dir: Path, prefixes: dict[str, str] | None = None) -> list[DumpFile]:
    """Write both dumps and the manifest; returns the manifest entries."""
    out_dir.mkdir(parents=True, exist_ok=True)
    generation = store.generation()
    quads = public_quads(store)
    lines = sorted({str(q) + " .\n" for q in quads})
    nquads = "".join(lines).encode()
    # the flattened triples: drop the graph (the last term of a line), merge, keep the order
    flat = sorted({line.rsplit(" <", 1)[0] + " .\n" for line in lines})
    triples = [q.triple for q in parse("".join(flat).encode(), format=RdfFormat.N_TRIPLES)]
    turtle = serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes or {}) or b""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    files = []
    for name, raw, count in ((NQUADS, nquads, len(lines)), (TURTLE, turtle, len(triples))):
        data = _gzip(raw)
        _write_atomic(out_dir / name, data)
        files.append(DumpFile(name, MEDIA_TYPES[name], len(data), hashlib.sha256(data).hexdigest(), count, now,
                              generation))
    manifest = {"generation": generation, "files": [asdict(f) for f in files]}
    _write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=2).encode())
    return files


def read_manifest(out_dir: Path) -> tuple[int, list[DumpFile]] | None:
    """The manifest, or None when there is none or a listed file is missing."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text())
        files = [DumpFile(**f) for f in data["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all((out_dir / f.name).is_file() for f in files):
        return None
    return int(data["generation"]), files


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--out", type=Path, help="output folder (default: {store}/dumps)")


def run(args: argparse.Namespace) -> int:
    settings = command_settings(args)
    store = open_store(settings)
    try:
        out = args.out or default_dir(store.data_dir or settings.store)
        files = write_dumps(store, out, prefixes(settings.base_iri))
    finally:
        store.close()
    for f in files:
        print(f"{f.name}  {f.byte_size} bytes  {f.statements} statements  sha256:{f.sha256}")
    return 0
