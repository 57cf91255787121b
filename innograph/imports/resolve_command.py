"""``innograph resolve``: link the nodes that name one organisation across sources, list the
cases a person should decide (``--report``), and record that person's decisions.

Decisions are data (the graph ``{base}graph/resolution-decisions``), kept across re-imports.
"""

from __future__ import annotations

import argparse
import json

from innograph.imports.resolve import Resolution, record_decision, resolve
from innograph.settings import add_store_option, command_settings
from innograph.store import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--report", action="store_true", help="list the pairs a person should decide")
    decide = parser.add_mutually_exclusive_group()
    decide.add_argument("--same", nargs=2, metavar=("IRI", "IRI"), help="decide: these two nodes are one organisation")
    decide.add_argument("--apart", nargs=2, metavar=("IRI", "IRI"), help="decide: these are two organisations")
    parser.add_argument("--json", action="store_true", help="print the counts and pairs as JSON")


def run(args: argparse.Namespace) -> int:
    settings = command_settings(args)
    store = open_store(settings)
    try:
        if args.same or args.apart:
            a, b = args.same or args.apart
            record_decision(store, settings.iris, a, b, same=bool(args.same))
        result = resolve(store, settings.iris)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"counts": result.counts(), "pairs": [p.__dict__ for p in result.pairs]}, indent=2))
        return 0
    print(result.summary_line())
    if args.report:
        print("\n".join(review_lines(result)))
    return 0


def review_lines(result: Resolution) -> list[str]:
    """One line per pair to decide: the two nodes, their names, and why they were left apart."""
    pairs = result.of("review")
    if not pairs:
        return ["nothing to review"]
    return [f"REVIEW {p.a} ({result.names.get(p.a, '?')})  {p.b} ({result.names.get(p.b, '?')}): {p.reason}"
            for p in pairs]
