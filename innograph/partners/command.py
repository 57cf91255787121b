"""``innograph partners``: the same suggestions as ``GET /api/partners``, on the command line.

    innograph partners "nous cherchons des partenaires en intelligence artificielle pour PME" --country FR
    innograph partners --org https://w3id.org/innograph/id/org/ad-normandie --programme interreg-europe --json

Reads the public partition of the configured store (``INNOGRAPH_*`` settings, ``--store``).
Exit codes: 0 answered (possibly with no result), 2 invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from innograph.ontology.tables import LANGUAGES
from innograph.partners.build import build
from innograph.partners.rank import PartnerQuery, QueryError, rank
from innograph.settings import add_store_option, command_settings
from innograph.store import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("q", nargs="?", help="free-text need in English, French, Danish or Dutch")
    parser.add_argument("--org", help="the seeking organisation (IRI or key)")
    parser.add_argument("--theme", action="append", default=[], help="theme concept IRI or key (repeatable)")
    parser.add_argument("--country", help="the seeker's country (ISO 3166-1 alpha-2)")
    parser.add_argument("--region", help="the seeker's region (IRI or ISO 3166-2 code)")
    parser.add_argument("--programme", help="keep candidates inside this programme's eligible area")
    parser.add_argument("--type", action="append", default=[], dest="types", help="organisation type (repeatable)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of labels in the answer")
    parser.add_argument("--limit", type=int, default=10, help="results (1-100, default 10)")
    parser.add_argument("--offset", type=int, default=0, help="results to skip")
    parser.add_argument("--same-country", action="store_true", help="also other regions of the seeker's country")
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print the JSON answer of GET /api/partners")


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 100 or args.offset < 0:
        print("innograph partners: --limit must be 1-100 and --offset >= 0", file=sys.stderr)
        return 2
    settings = command_settings(args, query_workers=1)
    store = open_store(settings)
    try:
        index = build(store, settings.iris)
        query = PartnerQuery(
            org=args.org,
            q=args.q,
            themes=args.theme,
            country=args.country,
            region=args.region,
            programme=args.programme,
            types=args.types,
            lang=args.lang,
            limit=args.limit,
            offset=args.offset,
            same_country=args.same_country,
        )
        try:
            answer = rank(index, query)
        except QueryError as exc:
            print(f"innograph partners: {exc.field}: {exc}", file=sys.stderr)
            return 2
    finally:
        store.close()
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
        return 0
    print(render(answer))
    return 0


def render(answer: dict) -> str:
    """A plain-text list: rank, score, name, country, then the explanation wrapped."""
    q = answer["query"]
    lines = []
    themes = ", ".join(t["label"] for t in q["themes"]) or "none recognised"
    lines.append(f"Themes: {themes}   Seeker country: {q['country'] or '-'}   Candidates: {answer['total']}")
    lines.extend(f"Note: {note}" for note in answer["notes"])
    for n, r in enumerate(answer["results"], start=answer["offset"] + 1):
        lines.append("")
        lines.append(f"{n:>3}. {r['score']:.3f}  {r['label']} ({r['country'] or '?'})  {r['iri']}")
        parts = "  ".join(f"{k} {v:.2f}" for k, v in r["parts"].items() if v)
        lines.append(f"      {parts}")
        lines.extend(textwrap.wrap(r["explanation"], 100, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(lines)
