"""Cell values of open-data tables: numbers, dates, percentages and flags as publishers write them.

Every parser returns ``None`` for an empty cell and raises :class:`BadValue` for a cell it cannot
read: the row is then reported and skipped, never imported with a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f']+")  # thousands written with (narrow) spaces or apostrophes
_CURRENCY = re.compile(r"(?i)\s*(eur|€|dkk|kr\.?)\s*")


class Rejected(ValueError):
    """A row that cannot be imported as it is; ``reason`` is the summary's key."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class BadValue(Rejected):
    """A cell that does not hold what its column says."""

    def __init__(self, reason: str, column: str, value: str) -> None:
        super().__init__(reason, f"column {column!r} holds {value!r}")


@dataclass(frozen=True)
class NumberFormat:
    """How a publisher writes numbers: the decimal mark and the thousands mark ('' for none)."""

    decimal: str = "."
    thousands: str = ""

    def parse(self, column: str, raw: str) -> Decimal | None:
        text = _CURRENCY.sub("", raw).strip()
        if not text:
            return None
        text = _SPACES.sub("", text)
        if self.thousands and self.thousands not in (" ", "\u00a0"):
            text = text.replace(self.thousands, "")
        if self.decimal != ".":
            if "." in text:  # a dot where the decimal mark is not a dot: another format, refuse
                raise BadValue("bad_number", column, raw)
            text = text.replace(self.decimal, ".")
        try:
            value = Decimal(text)
        except InvalidOperation as exc:
            raise BadValue("bad_number", column, raw) from exc
        if not value.is_finite():
            raise BadValue("bad_number", column, raw)
        return value


def lenient_number(column: str, raw: str) -> Decimal | None:
    """CORDIS amounts: a comma or a dot as the decimal mark, no thousands mark."""
    text = raw.strip()
    return NumberFormat(decimal="," if "," in text else ".").parse(column, text)


def parse_date(column: str, raw: str, formats: tuple[str, ...]) -> date | None:
    text = raw.strip()
    if not text:
        return None
    for pattern in formats:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise BadValue("bad_date", column, raw)


def parse_percentage(column: str, raw: str, number: NumberFormat) -> Decimal | None:
    """A rate in per cent ('50 %', '50,00%'); a bare fraction ('0.5') is read as a share of one."""
    text = raw.strip()
    if not text:
        return None
    in_percent = text.endswith("%")
    value = number.parse(column, text.rstrip("%").strip())
    if value is None:
        return None
    if not in_percent and value <= 1:
        value = (value * 100).normalize()  # 0.6 -> 60, not 60.0
    if not Decimal(0) <= value <= Decimal(100):
        raise BadValue("bad_percentage", column, raw)
    return value


def parse_flag(column: str, raw: str) -> bool | None:
    text = raw.strip().lower()
    if not text:
        return None
    if text in ("true", "1", "yes", "y", "oui", "ja"):
        return True
    if text in ("false", "0", "no", "n", "non", "nej", "nee"):
        return False
    raise BadValue("bad_flag", column, raw)
