"""Extraction throughput: documents of ~2,000 characters per second on one core.

Builds N documents by cutting the bundled corpus (data/) into ~2,000-character pieces, runs the
loader registry on each in this process (one core), then ingests the same documents into a fresh
embedded store with ``innograph ingest`` (all cores) and reports both rates. The extraction rate
is given twice: by the wall clock and by the process's CPU time, which a machine busy with other
work disturbs much less (compare runs by the CPU figure, and several runs by their median).

    .venv/bin/python bench/extract_bench.py [--docs 200] [--no-ingest] [--texts DIR]

The bundled corpus is five texts of ~3,000 characters, so its 200 documents repeat the same text
and favour every cache; ``--texts DIR`` cuts the documents from the ``*.txt`` files of another
folder instead, in consecutive pieces that never repeat a character.
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


def distinct_documents(folder: Path, count: int, size: int = 2000) -> list[str]:
    """Up to ``count`` consecutive, non-overlapping pieces of the texts in ``folder``."""
    docs: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.extend(text[i:i + size] for i in range(0, len(text) - size // 2, size))
    return docs[:count]


def make_documents(count: int, size: int = 2000) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    docs: list[str] = []
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
    parser.add_argument("--no-ingest", action="store_true", help="measure the extraction only")
    parser.add_argument("--texts", type=Path, help="cut distinct documents from this folder's *.txt files")
    args = parser.parse_args()
    docs = distinct_documents(args.texts, args.docs) if args.texts else make_documents(args.docs)
    if not docs:
        parser.error(f"no documents of ~2,000 characters in {args.texts}")
    iris = Iris("https://w3id.org/innograph/")
    load(docs[0].encode(), SourceMeta(doc_id="warm", path=Path("warm.txt")), iris)  # imports, caches
    started, started_cpu = time.perf_counter(), time.process_time()
    triples = 0
    for n, text in enumerate(docs):
        loaded = load(text.encode(), SourceMeta(doc_id=f"d{n}", path=Path(f"d{n}.txt")), iris)
        triples += len(loaded.public) + len(loaded.personal)
    single, single_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    if args.no_ingest:
        print("| documents | chars each | extract docs/s (1 core, wall) | extract docs/s (CPU time) | triples/doc |")
        print("|---:|---:|---:|---:|---:|")
        print(f"| {len(docs)} | ~2,000 | {len(docs) / single:.1f} | {len(docs) / single_cpu:.1f} | "
              f"{triples / len(docs):.0f} |")
        return 0
    ingest = _ingest_seconds(docs)
    print(f"| documents | chars each | extract docs/s (1 core, wall) | extract docs/s (CPU time) | triples/doc | "
          f"ingest docs/s ({os.cpu_count()} cores, incl. start-up and store writes) |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(docs)} | ~2,000 | {len(docs) / single:.1f} | {len(docs) / single_cpu:.1f} | "
          f"{triples / len(docs):.0f} | {len(docs) / ingest:.1f} |")
    return 0


def _ingest_seconds(docs: list[str]) -> float:
    """Wall time of ``innograph ingest`` of the documents into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for n, text in enumerate(docs):
            (folder / f"d{n:05}.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "innograph.cli", "ingest", str(folder), "--store", str(Path(tmp) / "s"),
                        "--no-progress"], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
