"""Extraction throughput: documents of ~2,000 characters per second on one core.

Builds N documents by cutting the bundled corpus (data/) into ~2,000-character pieces, runs the
loader registry on each in this process (one core), then ingests the same documents into a fresh
embedded store with ``innograph ingest`` (all cores) and reports both rates.

    .venv/bin/python bench/extract_bench.py [--docs 200]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from innograph.loaders.base import SourceMeta
from innograph.loaders.registry import load

from innograph.iris import Iris

ROOT = Path(__file__).resolve().parent.parent


def make_documents(count: int, size: int = 2000) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    docs = []
    i = 0
    while len(docs) < count:
        text = texts[i % len(texts)]
        start = (i * 379) % max(1, len(text) - size)
        docs.append(text[start:start + size])
        i += 1
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    docs = make_documents(args.docs)
    iris = Iris("https://w3id.org/innograph/")
    load(docs[0].encode(), SourceMeta(doc_id="warm", path=Path("warm.txt")), iris)  # imports, caches
    started = time.perf_counter()
    triples = 0
    for n, text in enumerate(docs):
        loaded = load(text.encode(), SourceMeta(doc_id=f"d{n}", path=Path(f"d{n}.txt")), iris)
        triples += len(loaded.public) + len(loaded.personal)
    single = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for n, text in enumerate(docs):
            (folder / f"d{n:05}.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "innograph.cli", "ingest", str(folder), "--store", str(Path(tmp) / "s"),
                        "--no-progress"], check=True, stdout=subprocess.DEVNULL)
        ingest = time.perf_counter() - started
    print(f"| documents | chars each | extract docs/s (1 core) | triples/doc | ingest docs/s ({os.cpu_count()} cores, "
          "incl. start-up and store writes) |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {len(docs)} | ~2,000 | {len(docs) / single:.1f} | {triples / len(docs):.0f} | {len(docs) / ingest:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
