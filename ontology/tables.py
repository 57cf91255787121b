"""Reader for the label tables under ``ontology/src/`` (themes, programmes, areas, role types).

One row per (key, language): ``key``, attribute columns, ``lang``, ``pref_label``, ``alt_labels``
(`` | ``-separated). Attributes are written once per key (any row; usually the English one).
Keeping the data as TSV lets non-programmers add a synonym without touching Python.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parent / "src"
LANGUAGES = ("en", "fr", "da", "nl")


class TableError(ValueError):
    """A malformed label table (wrong columns, unknown language, two rows for one language)."""


@dataclass
class Record:
    key: str
    attrs: dict[str, str] = field(default_factory=dict)
    pref: dict[str, str] = field(default_factory=dict)
    alts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def attr_list(self, name: str) -> tuple[str, ...]:
        return tuple(self.attrs.get(name, "").split())


def split_alts(cell: str) -> tuple[str, ...]:
    seen: list[str] = []
    for part in cell.split("|"):
        value = part.strip()
        if value and value not in seen:
            seen.append(value)
    return tuple(seen)


def read_table(name: str) -> list[Record]:
    """Records of ``ontology/src/<name>`` in file order."""
    path = SRC / name
    records: dict[str, Record] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        columns = list(reader.fieldnames or ())
        if columns[:1] != ["key"] or columns[-3:] != ["lang", "pref_label", "alt_labels"]:
            raise TableError(f"{name}: columns must be key, <attributes...>, lang, pref_label, alt_labels")
        attributes = columns[1:-3]
        for line, row in enumerate(reader, start=2):
            key, lang = row["key"].strip(), row["lang"].strip()
            if not key:
                raise TableError(f"{name}:{line}: empty key")
            if lang not in LANGUAGES:
                raise TableError(f"{name}:{line}: language {lang!r} is not one of {LANGUAGES}")
            record = records.setdefault(key, Record(key))
            if lang in record.pref:
                raise TableError(f"{name}:{line}: second {lang} row for {key}")
            pref = (row["pref_label"] or "").strip()
            if not pref:
                raise TableError(f"{name}:{line}: empty pref_label")
            record.pref[lang] = pref
            record.alts[lang] = tuple(a for a in split_alts(row["alt_labels"] or "") if a != pref)
            for attribute in attributes:
                value = (row[attribute] or "").strip()
                if value:
                    if record.attrs.get(attribute, value) != value:
                        raise TableError(f"{name}:{line}: {key} has two values for {attribute}")
                    record.attrs[attribute] = value
    return list(records.values())


def read_ui_texts(path: Path) -> dict[str, dict[str, str]]:
    """A table of short texts in the four languages: a ``key`` column, then one column per language
    (``en fr da nl``), every cell filled. Returns ``{lang: {key: text}}``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != ("key", *LANGUAGES):
            raise TableError(f"{path.name}: columns must be key, {', '.join(LANGUAGES)}")
        out: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        for line, row in enumerate(reader, start=2):
            key = row["key"]
            if key in out["en"]:
                raise TableError(f"{path.name}:{line}: second row for {key}")
            for lang in LANGUAGES:
                if not row[lang]:
                    raise TableError(f"{path.name}:{line}: no {lang} text for {key}")
                out[lang][key] = row[lang]
    return out
