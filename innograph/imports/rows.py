"""The loop every importer shares: rows in, records spilled, every skipped row in the report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from pyoxigraph import Triple
from tqdm import tqdm

from innograph.imports.report import ImportReport
from innograph.imports.shards import Spill
from innograph.imports.table import BadRow, Row
from innograph.imports.values import Rejected


@dataclass(frozen=True)
class ImportOptions:
    """What the command line may say about one import; ``None`` for the importer's default."""

    dataset: str | None = None  # the dataset's name in graph IRIs
    issued: date | None = None  # the dataset's date
    progress: bool = False
    triples_per_graph: int | None = None  # shard size (default shards.TRIPLES_PER_GRAPH)


Record = tuple[str, list[Triple]]  # (bucket key, the record's triples)
Converter = Callable[[Row], list[Record]]


def import_rows(rows: Iterable[Row | BadRow], convert: Converter, spill: Spill, report: ImportReport,
                *, label: str, progress: bool) -> None:
    bar = tqdm(unit=" rows", desc=label, file=sys.stderr, disable=not progress, mininterval=0.5)
    try:
        for item in rows:
            bar.update(1)
            report.rows_read += 1
            if isinstance(item, BadRow):
                report.skip(item)
                continue
            try:
                records = convert(item)
            except Rejected as exc:
                report.skip(BadRow(item.file, item.line, exc.reason, str(exc)))
                continue
            for key, triples in records:
                spill.add(key, triples)
            report.rows_written += 1
    finally:
        bar.close()
