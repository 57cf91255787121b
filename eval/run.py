"""Score the extraction against the gold facts in ``../shared/eval`` (never copied here).

    .venv/bin/python eval/run.py                  # build part, validation part, seeds, all
    .venv/bin/python eval/run.py build -v         # one part, with each document's weak fields
    .venv/bin/python eval/run.py --table          # the README's score table (markdown)

Documents are extracted in this process exactly as ``score.py --cmd`` would run
``innograph extract {file} --url {url} --format summary``: the URL line is removed, the text goes
into a temporary file of the same name, and the summary is computed from the document's graph.
The split of the dev set (``split.json``) is by website and was drawn once; the validation part
is only ever scored, never read while writing rules.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from innograph.loaders.extract.command import iris_from_settings, load_file, render

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("build", "validation", "seeds")


def split_url(doc: Path) -> tuple[str, str]:
    text = doc.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    if re.fullmatch(r"https?://\S+", first.strip()):
        return first.strip(), rest.lstrip("\n")
    return "", text


def documents(shared: Path, part: str) -> list[Path]:
    corpus = shared / "corpus"
    if part == "seeds":
        return sorted((corpus / "seeds").glob("*.txt"))
    ids = set(json.loads((ROOT / "eval" / "split.json").read_text())[part])
    return sorted(p for p in (corpus / "dev").glob("*.txt") if p.name.split("_", 1)[0] in ids)


def extract_all(docs: list[Path], out: Path) -> None:
    iris = iris_from_settings()
    for doc in docs:
        url, text = split_url(doc)
        with tempfile.TemporaryDirectory() as tmp:
            body = Path(tmp) / doc.name
            body.write_text(text, encoding="utf-8")
            summary = render(load_file(body, url, None, iris), iris, "summary")
        (out / f"{doc.stem}.json").write_text(summary, encoding="utf-8")


def score(shared: Path, docs: list[Path], verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold", Path(tmp) / "pred"
        gold.mkdir()
        pred.mkdir()
        for doc in docs:
            (gold / f"{doc.stem}.json").symlink_to(shared / "eval" / "gold" / f"{doc.stem}.json")
        extract_all(docs, pred)
        cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred)]
        return subprocess.run(cmd + (["-v"] if verbose else []), capture_output=True, text=True, check=True).stdout


def parse(report: str) -> dict[str, str]:
    """field -> F1 (as printed), plus 'overall', 'lang:xx' and 'relation:name' entries."""
    out: dict[str, str] = {}
    for line in report.splitlines():
        if m := re.fullmatch(r"(\w+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)", line.strip()):
            out[m[1]] = m[2]
        elif m := re.fullmatch(r"language (\w+): macro F1 ([\d.]+)", line):
            out[f"lang:{m[1]}"] = m[2]
        elif m := re.fullmatch(r"relation (\w+): P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", line):
            out[f"relation:{m[1]}"] = f"{m[4]} (P {m[2]}, R {m[3]})"
        elif m := re.fullmatch(r"overall F1 ([\d.]+)", line):
            out["overall"] = m[1]
    return out


def table(reports: dict[str, dict[str, str]]) -> str:
    names = {"build": "build part", "validation": "validation part", "seeds": "seeds", "all": "all 57"}
    counts = {part: reports[part].get("_docs", "") for part in reports}
    head = "| field | " + " | ".join(f"{names[p]} ({counts[p]} docs)" for p in reports) + " |"
    lines = [head, "|---|" + "---:|" * len(reports)]
    fields = [k for k in reports["all"] if not k.startswith(("lang:", "relation:", "_")) and k != "overall"]
    for f in fields:
        lines.append(f"| {f} | " + " | ".join(reports[p].get(f, "-") for p in reports) + " |")
    lines.append("| **overall** | " + " | ".join(f"**{reports[p].get('overall', '-')}**" for p in reports) + " |")
    langs = sorted({k for r in reports.values() for k in r if k.startswith("lang:")})
    lines.append("| per language | " + " | ".join(
        ", ".join(f"{k[5:]} {reports[p][k]}" for k in langs if k in reports[p]) for p in reports) + " |")
    rels = sorted({k for r in reports.values() for k in r if k.startswith("relation:")})
    for k in rels:
        lines.append(f"| relation {k[9:]} | " + " | ".join(reports[p].get(k, "-") for p in reports) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", help="default: all three parts and their union")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the folder with corpus/ and eval/")
    ap.add_argument("-v", "--verbose", action="store_true", help="each document's weak fields")
    ap.add_argument("--table", action="store_true", help="print the README's markdown table")
    args = ap.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        sys.exit(f"no scorer at {args.shared}/eval/score.py: pass --shared")
    parts = args.parts or [*PARTS, "all"]
    if unknown := set(parts) - {*PARTS, "all"}:
        ap.error(f"unknown part(s): {sorted(unknown)}; choose from {[*PARTS, 'all']}")
    reports: dict[str, dict[str, str]] = {}
    for part in parts:
        docs = [d for p in PARTS for d in documents(args.shared, p)] if part == "all" else documents(args.shared, part)
        report = score(args.shared, docs, args.verbose)
        reports[part] = {**parse(report), "_docs": str(len(docs))}
        if not args.table:
            print(f"== {part} ({len(docs)} documents)\n{report}")
    if args.table:
        print(table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
