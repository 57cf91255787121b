"""Dates as they are written, at the precision they are written: ISO, numeric, day-month-year and
month-year in four languages' month names, year ranges; ``find_dates`` returns them and the ranges
they form. What each date means is read in :mod:`dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from innograph.loaders.extract.cues import LETTER, Occupied, merged
from innograph.loaders.lang import LANGUAGES


@dataclass
class DateHit:
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def value(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def bare_year(self) -> bool:
        return self.month is None


@dataclass
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    day_before: re.Pattern[str]
    year_after: re.Pattern[str]
    day_year_after: re.Pattern[str]
    year_range: re.Pattern[str]
    year: re.Pattern[str]
    months: dict[str, int]


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _patterns() -> _Patterns:
    months: dict[str, int] = dict(merged(LANGUAGES, "dates", "MONTHS"))
    day_suffixes = sorted(set(merged(LANGUAGES, "dates", "DAY_SUFFIXES")), key=len, reverse=True)
    suffixes = "|".join(re.escape(s) for s in day_suffixes)
    day_links = sorted(set(merged(LANGUAGES, "dates", "DAY_MONTH_LINKS")), key=len, reverse=True)
    links = "|".join(re.escape(w) for w in day_links) or "(?!)"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    flags = re.IGNORECASE
    return _Patterns(
        iso=re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
        # '31.12.2021', '01/01/2019', and the Danish '1/3-2024'
        numeric=re.compile(
            r"(?<![\d./-])(?P<day>[0-3]?\d)(?:([./-])(?P<month>[01]?\d)\2|/(?P<m2>[01]?\d)-)(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
        # around a month name: '1er janvier', '7. december', '31 janv.', 'the 5th of May'
        day_before=re.compile(
            rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:\s?(?:{suffixes})(?!{LETTER}))?\.?\s*(?:(?:{links})\s+)?$", flags
        ),
        year_after=re.compile(rf"\.?,?\s+{year}"),
        day_year_after=re.compile(rf"\.?\s+(?P<day>[0-3]?\d)(?:{suffixes})?,?\s+{year}", flags),
        year_range=re.compile(
            r"(?<![\w.,/-])(?P<y1>(?:19|20)\d{2})\s*(?:-|–|—|→|/)\s*(?P<y2>(?:19|20)\d{2})(?![\d%])"
        ),
        year=re.compile(r"(?<![\w.,/+-])(?P<year>(?:19|20)\d{2})(?![\w/%-]|[.,]\d|\s?%)"),
        months=months,
    )


def find_dates(text: str) -> tuple[list[DateHit], list[tuple[DateHit, DateHit]]]:
    """Every date written in ``text`` (day, month or year precision, or a day-month without a
    year) and the year ranges ('2011 – 2014'). Overlapping readings keep the longest.

    Month names are found by a dictionary lookup per word, then the day and year around them
    are read with short anchored patterns: one big alternation of month names would be tried at
    every position of the text."""
    p = _patterns()
    found: list[DateHit] = []

    def valid(month: int, day: int | None) -> bool:
        return 1 <= month <= 12 and (day is None or 1 <= day <= 31)

    for pattern in (p.iso, p.numeric):
        for m in pattern.finditer(text):
            raw = m.group("month") or m.groupdict().get("m2") or ""
            number, day_number = int(raw), int(m.group("day"))
            if valid(number, day_number):
                found.append(DateHit(m.start(), m.end(), int(m.group("year")), number, day_number))
    for w in _WORD.finditer(text):
        month = p.months.get(w.group().lower())
        if month is None:
            continue
        before = p.day_before.search(text, max(0, w.start() - 16), w.start())
        day = int(before.group("day")) if before else None
        start = before.start() if before else w.start()
        after = p.year_after.match(text, w.end())
        if after is None and day is None:
            after = p.day_year_after.match(text, w.end())  # 'March 15, 2024'
            if after is not None:
                day = int(after.group("day"))
        if not valid(month, day):
            continue
        if after is not None:
            found.append(DateHit(start, after.end(), int(after.group("year")), month, day))
        elif day is not None:
            end = w.end() + (text[w.end():w.end() + 1] == ".")
            found.append(DateHit(start, end, None, month, day))  # no year: kept only to pair in ranges
    ranges: list[tuple[DateHit, DateHit]] = []
    for m in p.year_range.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 < y2:
            ranges.append((DateHit(m.start("y1"), m.end("y1"), y1), DateHit(m.start("y2"), m.end("y2"), y2)))
    for m in p.year.finditer(text):
        found.append(DateHit(m.start(), m.end(), int(m.group("year"))))
    # keep the longest reading of each stretch of text
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[DateHit] = []
    taken_until = -1
    in_ranges = Occupied(len(text), ((a.start, b.end) for a, b in ranges))
    for hit in found:
        if hit.start < taken_until:
            continue
        if hit.bare_year and not in_ranges.free(hit.start, hit.start + 1):
            continue
        kept.append(hit)
        taken_until = hit.end
    # a year range inside a fuller date ('2016-05-01 → 2019-04-30' read as '2016-05') is dropped
    in_dates = Occupied(len(text), ((h.start, h.end) for h in kept if not h.bare_year))
    ranges = [(a, b) for a, b in ranges if in_dates.free(a.start, b.end)]
    return kept, ranges
