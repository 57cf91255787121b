"""Streaming reads of the CSV files of an open-data download: a folder, a zip as downloaded, or
one file (XLSX files are found here too, and read by ``sheets.py``). Rows are read one at a time
over a text stream (the csv module), never a whole file.

A row that cannot be read (wrong number of columns, bad encoding) comes out as a :class:`BadRow`
with its file and line, so that the caller reports it and goes on.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO, cast

csv.field_size_limit(16 * 1024 * 1024)  # CORDIS objectives are long; a runaway quote still stops


@dataclass(frozen=True)
class Row:
    file: str
    line: int  # first physical line of the record (1 = the header)
    cells: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    file: str
    line: int
    reason: str  # summary key: column_count, encoding, duplicate, bad_date...
    detail: str


class SourceError(Exception):
    """A download that cannot be read at all (missing file, no header): nothing is imported."""


@dataclass(frozen=True)
class Source:
    """One CSV or XLSX file inside a folder or a zip."""

    container: Path
    member: str  # path inside the folder or the zip; the file's name when container is the file

    @property
    def name(self) -> str:
        return self.member.rsplit("/", 1)[-1]

    def modified(self) -> date:
        """The file's own date (the zip entry's, or the file's modification day)."""
        if self.in_zip():
            with zipfile.ZipFile(self.container) as archive:
                return date(*archive.getinfo(self.member).date_time[:3])
        path = self.container if self.container.is_file() else self.container / self.member
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date()

    @contextmanager
    def open(self, encoding: str) -> Iterator[TextIO]:
        if self.in_zip():
            with zipfile.ZipFile(self.container) as archive, archive.open(self.member) as raw:
                yield io.TextIOWrapper(raw, encoding=encoding, newline="")
        else:
            path = self.container if self.container.is_file() else self.container / self.member
            with path.open(encoding=encoding, newline="") as text:
                yield text

    @contextmanager
    def open_binary(self) -> Iterator[BinaryIO]:
        if self.in_zip():
            with zipfile.ZipFile(self.container) as archive, archive.open(self.member) as raw:
                yield cast(BinaryIO, raw)
        else:
            path = self.container if self.container.is_file() else self.container / self.member
            with path.open("rb") as raw:
                yield raw

    def in_zip(self) -> bool:
        """True when the file is a member of a zip download (an XLSX is a zip too, but not one)."""
        return self.container.is_file() and self.container.suffix.lower() != ".xlsx" \
            and zipfile.is_zipfile(self.container)

    @property
    def is_xlsx(self) -> bool:
        return self.member.lower().endswith(".xlsx")


class _Reader(Protocol):
    """What :func:`_records` uses of a csv reader."""

    line_num: int

    def __next__(self) -> list[str]: ...


def find_sources(path: Path, stems: tuple[str, ...] = (), suffixes: tuple[str, ...] = (".csv",)) -> dict[str, Source]:
    """Files of a download with one of ``suffixes`` by lower-case stem (``project``,
    ``organization``...). ``stems`` limits the result to those files; a stem that is asked for
    and missing is an error."""
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    if path.is_file() and path.suffix.lower() != ".xlsx" and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.lower().endswith(suffixes)]
    elif path.is_dir():
        members = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.name.lower().endswith(suffixes))
    else:
        members = [path.name]
    found = {_stem(m): Source(path, m) for m in sorted(members)}
    missing = [s for s in stems if s not in found]
    if missing:
        raise SourceError(f"{path}: no {', '.join(s + '.csv' for s in missing)} (found: {', '.join(found) or 'none'})")
    return {s: found[s] for s in stems} if stems else found


def _stem(member: str) -> str:
    return member.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()


def read_rows(source: Source, *, delimiter: str, encoding: str = "utf-8-sig",
              required: Iterable[str] = ()) -> Iterator[Row | BadRow]:
    """The rows of one file as dicts keyed by the header's column names (a BOM is dropped). A
    header without one of the ``required`` columns is a :class:`SourceError`."""
    with source.open(encoding) as text:
        reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration as exc:
            raise SourceError(f"{source.name}: empty file, no header") from exc
        except UnicodeDecodeError as exc:
            raise SourceError(f"{source.name}: not {encoding}: {exc}") from exc
        missing = [c for c in required if c not in header]
        if missing:
            raise SourceError(f"{source.name}: no column {', '.join(missing)} (the header has: {', '.join(header)})")
        yield from _records(source.name, reader, header, encoding)


def _records(name: str, reader: _Reader, header: list[str], encoding: str) -> Iterator[Row | BadRow]:
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:  # the rest of the file cannot be trusted
            yield BadRow(name, start, "encoding", f"not {encoding} from here on: {exc.reason}")
            return
        except csv.Error as exc:
            yield BadRow(name, start, "unreadable", str(exc))
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not values or values == [""]:
            continue
        if len(values) != len(header):
            yield BadRow(name, line, "column_count", f"{len(values)} columns, the header has {len(header)}")
            continue
        yield Row(name, line, dict(zip(header, values, strict=True)))
