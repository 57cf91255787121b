"""The summary of one import: rows read, written and skipped by reason, each skipped row with its
file and line, and what changed in the store."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from innograph.imports.table import BadRow

MAX_LISTED = 200  # skipped rows listed one by one; the counts by reason stay exact


@dataclass
class ImportReport:
    dataset: str = ""
    rows_read: int = 0
    rows_written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[BadRow] = field(default_factory=list)
    graphs_written: int = 0
    graphs_unchanged: int = 0
    graphs_removed: int = 0
    triples: int = 0

    def skip(self, bad: BadRow) -> None:
        self.skipped[bad.reason] += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(bad)

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())

    def as_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "rows_read": self.rows_read,
            "rows_written": self.rows_written,
            "rows_skipped": self.rows_skipped,
            "skipped_by_reason": dict(sorted(self.skipped.items())),
            "problems": [p.__dict__ for p in self.problems],
            "graphs_written": self.graphs_written,
            "graphs_unchanged": self.graphs_unchanged,
            "graphs_removed": self.graphs_removed,
            "triples": self.triples,
        }

    def lines(self) -> list[str]:
        reasons = ", ".join(f"{reason} {count}" for reason, count in sorted(self.skipped.items()))
        out = [
            f"dataset {self.dataset}: rows read {self.rows_read}  written {self.rows_written}  "
            f"skipped {self.rows_skipped}" + (f" ({reasons})" if reasons else ""),
            f"graphs written {self.graphs_written}  unchanged {self.graphs_unchanged}  "
            f"removed {self.graphs_removed}  triples {self.triples}",
        ]
        out += [f"SKIPPED {p.file}:{p.line}: [{p.reason}] {p.detail}" for p in self.problems]
        if self.rows_skipped > len(self.problems):
            out.append(f"... and {self.rows_skipped - len(self.problems)} more skipped rows")
        return out
