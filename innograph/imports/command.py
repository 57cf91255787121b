"""``innograph import cordis PATH`` and ``innograph import operations PATH --mapping FILE``.

Each import writes its dataset's graphs (only those that changed), then resolves organisations
across sources again (``innograph resolve``). Skipped rows are listed with file and line; the
exit code is 1 when any row was skipped or the download could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from innograph.imports.cordis import import_cordis
from innograph.imports.mapping import MappingError, load_mapping
from innograph.imports.operations import import_operations
from innograph.imports.report import ImportReport
from innograph.imports.resolve import resolve
from innograph.imports.rows import ImportOptions
from innograph.imports.shards import TRIPLES_PER_GRAPH
from innograph.imports.table import SourceError
from innograph.ingest import ensure_reference_data
from innograph.settings import Settings, add_store_option, command_settings
from innograph.store import Store, open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    cordis = kinds.add_parser("cordis", help="a CORDIS bulk download (folder or zip: project.csv, organization.csv)")
    cordis.add_argument("path", type=Path, help="the folder or the zip as downloaded")
    operations = kinds.add_parser("operations", help="a cohesion-policy list of operations (CSV or XLSX)")
    operations.add_argument("path", type=Path, help="the CSV or XLSX file (or a folder or zip holding it)")
    operations.add_argument("--mapping", required=True,
                            help="a mapping file (TOML), or the name of a shipped one (innograph/imports/mappings)")
    for sub in (cordis, operations):
        add_store_option(sub)
        sub.add_argument("--dataset", help="the dataset's name in graph IRIs (default: from the data or the mapping)")
        sub.add_argument("--date", type=date.fromisoformat, help="the dataset's date (default: from the data)")
        sub.add_argument("--triples-per-graph", type=int, metavar="N",
                         help=f"shard size: a re-import rewrites the shards that changed (default {TRIPLES_PER_GRAPH})")
        sub.add_argument("--no-resolve", action="store_true", help="do not resolve organisations afterwards")
        sub.add_argument("--json", action="store_true", help="print the summary as JSON")
        sub.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="show a progress bar (default: when stderr is a terminal)")


def run(args: argparse.Namespace) -> int:
    settings = command_settings(args)
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    store = open_store(settings)
    try:
        report = _import(args, store, settings, progress)
        resolution = None if args.no_resolve else resolve(store, settings.iris)
    except (SourceError, MappingError) as exc:
        print(f"FAILED {args.path}: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if args.json:
        print(json.dumps({"import": report.as_dict(), "resolution": resolution and resolution.counts()}, indent=2))
    else:
        print("\n".join(report.lines()))
        if resolution is not None:
            print(resolution.summary_line())
    return 1 if report.rows_skipped else 0


def _import(args: argparse.Namespace, store: Store, settings: Settings, progress: bool) -> ImportReport:
    with store.writing():
        ensure_reference_data(store, settings.iris, store.graph_hashes())
    options = ImportOptions(dataset=args.dataset, issued=args.date, progress=progress,
                            triples_per_graph=args.triples_per_graph)
    if args.kind == "cordis":
        return import_cordis(args.path, store, settings.iris, options)
    return import_operations(args.path, load_mapping(args.mapping), store, settings.iris, options)
