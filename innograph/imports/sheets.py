"""Streaming reads of XLSX lists of operations (openpyxl in read-only mode: rows are parsed from
the sheet's XML one at a time, never the whole workbook in memory).

A typed cell is turned into the text the mapping says the publisher writes (a date in the
mapping's first date format, a number with its decimal mark), so one mapping serves a CSV and an
XLSX of the same layout, and the same value parsers check both. Rows carry the sheet's own row
number (what a person sees in a spreadsheet) as their line, and the sheet in the file's name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from innograph.imports.table import BadRow, Row, Source, SourceError
from innograph.imports.values import NumberFormat

Cell = str | int | float | bool | date | datetime | time | None


def read_sheet(source: Source, *, sheet: str | None, numbers: NumberFormat, date_format: str,
               required: Sequence[str] = ()) -> Iterator[Row | BadRow]:
    """The rows of one sheet (the first when ``sheet`` is None) as dicts keyed by the header row.
    A missing sheet or a sheet without the required columns is a :class:`SourceError`."""
    with source.open_binary() as raw:
        try:
            workbook = load_workbook(raw, read_only=True, data_only=True)
        except (InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise SourceError(f"{source.name}: not a readable XLSX workbook: {exc}") from exc
        try:
            if sheet is not None and sheet not in workbook.sheetnames:
                raise SourceError(f"{source.name}: no sheet {sheet!r} (sheets: {', '.join(workbook.sheetnames)})")
            worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
            worksheet.reset_dimensions()  # publishers' files often declare wrong dimensions
            rows = enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1)
            name = f"{source.name}[{worksheet.title}]"
            texts = ((number, [as_text(v, numbers, date_format) for v in values]) for number, values in rows)
            yield from _records(name, texts, required)
        finally:
            workbook.close()


def _records(name: str, rows: Iterator[tuple[int, list[str]]], required: Sequence[str]) -> Iterator[Row | BadRow]:
    """Rows under the header: the first row that holds every required column (publishers put a
    title and a date above the table)."""
    header: list[str] | None = None
    first: list[str] = []
    for number, values in rows:
        while values and not values[-1]:
            values.pop()  # trailing empty cells: a sheet's rows are as wide as its widest row
        if not values:
            continue
        if header is None:
            names = [value.strip() for value in values]
            first = first or names
            if all(column in names for column in required):
                header = names
            continue
        if len(values) > len(header):
            yield BadRow(name, number, "column_count", f"{len(values)} columns, the header has {len(header)}")
            continue
        yield Row(name, number, dict(zip(header, values + [""] * (len(header) - len(values)), strict=True)))
    if header is None:
        raise SourceError(f"{name}: no row holds the columns {', '.join(required)} (the first row has: "
                          f"{', '.join(first) or 'nothing'})")


def as_text(value: Cell, numbers: NumberFormat, date_format: str) -> str:
    """A cell as the publisher's text: see the module's docstring."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.strftime(date_format)
    if isinstance(value, int | float):
        text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
        return text.replace(".", numbers.decimal) if numbers.decimal != "." else text
    return str(value)
