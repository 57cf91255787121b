"""``innograph ingest`` of one large N-Quads file against ``oxigraph load`` of the same file.

    .venv/bin/python bench/ingest_bench.py                    # 1 M quads x3, 10 M x1; rewrites the README table
    .venv/bin/python bench/ingest_bench.py --sizes 1000000 --runs 1 --no-readme   # a quick look

Each run starts from an empty store folder and is timed from outside by ``/usr/bin/time -v``
(wall time, peak resident memory of the largest process); ours and the peer alternate within a
size, so both see the same machine load. The file is the synthetic innovation graph
(``innograph/partners/synthetic.py``) at the requested number of quads.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from innograph.partners.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "bench" / "README.md"
START, END = "<!-- ingest:table:start -->", "<!-- ingest:table:end -->"
QUADS_PER_ORGANISATION = 12.39  # of the synthetic graph, measured


@dataclass
class Run:
    seconds: float
    peak_mb: float
    disk_mb: float


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if found is None:
        sys.exit("the `oxigraph` command is missing: pip install oxigraph (it is in the test extra)")
    return found


def make_file(folder: Path, quads: int) -> tuple[Path, int]:
    path = folder / f"kg-{quads}.nq"
    graph = generate(path, max(1, round(quads / QUADS_PER_ORGANISATION)))
    return path, graph.quads


def timed(command: list[str], store: Path) -> Run:
    """Run ``command`` under /usr/bin/time -v; the store folder is emptied first and measured after."""
    shutil.rmtree(store, ignore_errors=True)
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if wall is None or peak is None:
        sys.exit(f"no /usr/bin/time figures in:\n{result.stderr[-2000:]}")
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall.group(1).split(":"))))
    return Run(seconds, int(peak.group(1)) / 1024, disk_bytes(store) / 1e6)


def disk_bytes(folder: Path) -> int:
    """Bytes of the files under ``folder``, each file once (partition versions share hard links)."""
    sizes = {(s.st_dev, s.st_ino): s.st_size for f in folder.rglob("*")
             if f.is_file() and not f.is_symlink() for s in [f.stat()]}
    return sum(sizes.values())


def measure(path: Path, runs: int, work: Path) -> dict[str, list[Run]]:
    ours = [sys.executable, "-m", "innograph.cli", "ingest", str(path), "--store", str(work / "ours"),
            "--no-progress", "--jobs", "1"]
    peer = [oxigraph_binary(), "load", "--location", str(work / "peer"), "--file", str(path)]
    measured: dict[str, list[Run]] = {"ours": [], "oxigraph": []}
    for k in range(runs):
        order = [("ours", ours), ("oxigraph", peer)] if k % 2 == 0 else [("oxigraph", peer), ("ours", ours)]
        for name, command in order:
            run = timed(command, work / ("ours" if name == "ours" else "peer"))
            measured[name].append(run)
            print(f"  {name:>8} run {k + 1}: {run.seconds:6.1f} s  {run.peak_mb:7.0f} MB peak  "
                  f"{run.disk_mb:6.0f} MB on disk", flush=True)
    return measured


def row(quads: int, size_mb: float, measured: dict[str, list[Run]]) -> str:
    ours, peer = measured["ours"], measured["oxigraph"]
    t_ours, t_peer = (statistics.median(r.seconds for r in rs) for rs in (ours, peer))
    m_ours, m_peer = (statistics.median(r.peak_mb for r in rs) for rs in (ours, peer))
    d_ours, d_peer = (statistics.median(r.disk_mb for r in rs) for rs in (ours, peer))
    return (f"| {quads:,} | {size_mb:,.0f} | {len(ours)} | {t_peer:.1f} | {t_ours:.1f} | **{t_peer / t_ours:.2f}x** | "
            f"{quads / t_ours:,.0f} | {m_peer:,.0f} | {m_ours:,.0f} | {d_peer:,.0f} | {d_ours:,.0f} |")


def table(rows: list[str]) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = (f"Measured {when} on {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
            f"Python {platform.python_version()}; each run from an empty store; medians of the runs.\n\n"
            "| quads | file MB | runs | `oxigraph load` s | `innograph ingest` s | **speed ours/ox** | "
            "ours quads/s | ox peak MB | ours peak MB | ox disk MB | ours disk MB |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    return head + "\n" + "\n".join(rows)


def write_readme(text: str) -> None:
    readme = README.read_text()
    if START not in readme:
        sys.exit(f"{README} has no {START} marker")
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{text}\n{END}{after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000], help="quads per file")
    parser.add_argument("--runs", type=int, nargs="+", default=[3, 1], help="runs per size (last one repeats)")
    parser.add_argument("--workdir", type=Path, help="keep the files and stores here (default: a temp folder)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for i, size in enumerate(args.sizes):
            runs = args.runs[min(i, len(args.runs) - 1)]
            path, quads = make_file(work, size)
            size_mb = path.stat().st_size / 1e6
            print(f"{quads:,} quads, {size_mb:,.0f} MB: {runs} run(s) each", flush=True)
            rows.append(row(quads, size_mb, measure(path, runs, work)))
            path.unlink()
    finally:
        for name in ("ours", "peer"):
            shutil.rmtree(work / name, ignore_errors=True)
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    text = table(rows)
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
