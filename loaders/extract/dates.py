"""What each date means (deadline, start, end, submission window...), from the cues around it;
the dates and ranges themselves, at the precision they are written, come from :mod:`date_shapes`.

Why not ``dateparser``: it fills what the text leaves out. ``parse('Oktober 2023')`` returns a full
datetime with the day taken from today (or the 1st/last with PREFER_DAY_OF_MONTH), and a day-month
without a year gets the current year. Both are wrong for us ('Oktober 2023' is a month, a date
without a year is not guessed), and telling afterwards what was written is harder than reading it.
So :mod:`date_shapes` reads dates with month tables from ``loaders/lang/{xx}/dates.py`` and a few patterns, which
also keeps extraction fast (no per-call parsing of candidate strings).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from innograph.loaders.extract.cues import LETTER, TextIndex, grouped_cue_regex, merged
from innograph.loaders.extract.date_shapes import DateHit, find_dates
from innograph.loaders.extract.facts import DateFact, DocumentFacts, Mention

EXTRACTOR = "values.dates"
_EARLY_CHARS = 400  # a founding date this close to the top is the subject's own start
_PUBLICATION_CHARS = 300  # a lone date this close to the top is the page's publication date
# cues that may follow the date they qualify (verbs: 'opgericht', 'a été inauguré', 'adopted')
_AFTER_DATE = frozenset({"creation", "adoption", "inauguration", "meeting", "publication"})
_MAX_HITS = 3000  # a text with more dates than this is a table dump: the rest are not read
_STRONG_MEANINGS = frozenset({"deadline", "start", "end"})
_SKIP = "skip"  # a date that says nothing of the subject (not a meaning any cue gives)
_GENERIC_MEANINGS = frozenset({"period", "submission"})
# a line above a date labels it when it ends with a colon or is a few words ('Deadline', 'Startdato')
_LABEL_LINE = re.compile(r"(?::\s*$|^\W*(?:\S+\s+){0,2}\S+\s*$)")


@dataclass
class _Cues:
    connector: re.Pattern[str]
    word_connector: re.Pattern[str]
    opener: re.Pattern[str]
    pairs: tuple[tuple[str, str], ...]
    year_preposition: re.Pattern[str]
    any_cue: re.Pattern[str] | None
    after_cue: re.Pattern[str] | None
    meanings: dict[str, str]
    after_meanings: dict[str, str]
    programme_cue: re.Pattern[str] | None
    label_article: re.Pattern[str]


@cache
def _cues(langs: tuple[str, ...]) -> _Cues:
    connectors = sorted(merged(langs, "dates", "RANGE_CONNECTORS"), key=len, reverse=True)
    words = "|".join(re.escape(c) for c in connectors)
    def alternation(name: str) -> str:
        found = sorted(set(merged(langs, "dates", name)), key=len, reverse=True)
        return "|".join(re.escape(w) for w in found) or "(?!)"

    articles = alternation("RANGE_ARTICLES")
    connector = re.compile(
        rf"\s*(?:-|–|—|→|/|(?:{words})(?!{LETTER}))\s*(?:(?:{articles})\s+)?", re.IGNORECASE
    )
    label_article = re.compile(rf"(?<!\w)(?:{alternation('LABEL_ARTICLES')})\s+$", re.IGNORECASE)
    word_connector = re.compile(rf"\s+(?:{words})\s+", re.IGNORECASE)
    openers = sorted({first for first, _ in merged(langs, "dates", "RANGE_PAIRS")}, key=len, reverse=True)
    opener = re.compile(rf"(?<!{LETTER})(?:{'|'.join(re.escape(o) for o in openers)})\s+$", re.IGNORECASE)
    preps = sorted(set(merged(langs, "dates", "YEAR_PREPOSITIONS")), key=len, reverse=True)
    year_preposition = re.compile(rf"(?<!{LETTER})(?:{'|'.join(re.escape(x) for x in preps)})\s+$", re.IGNORECASE)
    categories = [
        (meaning, merged(langs, "dates", name))
        for meaning, name in (
            ("programme period", "PROGRAMME_PERIOD_CUES"), ("deadline", "DEADLINE_CUES"), ("start", "START_CUES"),
            ("end", "END_CUES"), ("period", "PERIOD_CUES"), ("submission", "SUBMISSION_CUES"),
            ("publication", "PUBLICATION_CUES"), ("creation", "CREATION_CUES"), ("adoption", "ADOPTION_CUES"),
            ("meeting", "MEETING_CUES"), ("inauguration", "INAUGURATION_CUES"), ("target", "TARGET_CUES"),
        )
    ]
    pairs = tuple(merged(langs, "dates", "RANGE_PAIRS"))
    # one pass per context; the earlier category wins when two cues start at the same place
    any_cue, meanings = grouped_cue_regex(categories)
    after_cue, after_meanings = grouped_cue_regex((m, c) for m, c in categories if m in _AFTER_DATE)
    programme, _ = grouped_cue_regex((m, c) for m, c in categories if m == "programme period")
    programme_cue = re.compile(rf"[\s)]*(?:{programme.pattern})", re.IGNORECASE) if programme else None
    return _Cues(connector, word_connector, opener, pairs, year_preposition, any_cue, after_cue, meanings,
                 after_meanings, programme_cue, label_article)


@dataclass
class _Candidate:
    strength: int
    pos: int
    fact: DateFact


def _nearest_cue(index: TextIndex, cues: _Cues, start: int, end: int, look_right: bool = True) -> str | None:
    """The meaning whose cue sits nearest the date: left on its line (or the label line above),
    or right within its sentence (verbs such as 'opgericht', 'inauguré' follow the date)."""
    best: tuple[int, str] | None = None
    strong: tuple[int, str] | None = None
    left_start, left = index.left_context(start)
    if left_start < index.line_bounds(start)[0] and not _LABEL_LINE.search(left):
        left = ""  # the line above is a headline, not a label ('Nieuwe openstellingen ...' over '03.04.2024')
    for m in cues.any_cue.finditer(left) if cues.any_cue is not None else ():
        distance = len(left) - m.end()
        meaning = cues.meanings[m.lastgroup or ""]
        if best is None or distance <= best[0]:
            best = (distance, meaning)
        if meaning in _STRONG_MEANINGS and (strong is None or distance <= strong[0]):
            strong = (distance, meaning)
    if best is not None and best[1] in _GENERIC_MEANINGS and strong is not None:
        # 'Date limite pour déposer votre projet : ...', 'Fristen for ansøgninger er ...': the
        # specific cue of the line says more than a nearer word about projects or applications
        best = strong
    if look_right and cues.after_cue is not None:
        _, sentence_end = index.sentence_bounds(start)
        after = cues.after_cue.search(index.text, end, min(sentence_end, end + 120))
        if after is not None:
            distance = after.start() - end + 25  # a cue before the date is the stronger evidence
            if best is None or distance < best[0]:
                best = (distance, cues.after_meanings[after.lastgroup or ""])
    return best[1] if best else None


def _is_label(text: str, hit_start: int, hit_end: int, cues: _Cues) -> bool:
    """'2000 - 2006 Atlantic Area', 'the 2021-2027 funding period', 'Interreg IV 2007-2013':
    a period that is part of a programme's name, not a dated event."""
    after = text[hit_end:hit_end + 40]
    before = text[max(0, hit_start - 30):hit_start]
    if re.match(r"[ \t]+[A-ZÀ-Þ][a-zà-ÿ]", after):
        return True
    if cues.label_article.search(before):
        return True
    named = re.search(r"(?<![.!?:\n])\s(?:[A-Z][\w-]*|[IVX]+)(?:\s+|\s*\()$", before)  # 'Interreg V (2014-2020)'
    return bool(named) and not re.search(r"[:\n]\s*\S+\s+$", before)


@dataclass
class _Reading:
    """One document's dates being sorted into the subject's start, its end and other dates."""

    text: str
    masked: str  # the text with URLs and e-mails blanked
    index: TextIndex
    cues: _Cues
    starts: list[_Candidate] = field(default_factory=list)
    ends: list[_Candidate] = field(default_factory=list)
    others: list[DateFact] = field(default_factory=list)

    def fact(self, hit: DateHit, meaning: str, confidence: float = 0.8) -> DateFact:
        value = hit.value or ""
        mention = Mention(hit.start, hit.end, self.text[hit.start:hit.end], EXTRACTOR, confidence)
        return DateFact(value, meaning, mention)


def extract_dates(
    text: str, masked: str, langs: tuple[str, ...]
) -> tuple[DateFact | None, DateFact | None, list[DateFact]]:
    """(start, end, other dates) of a document. ``masked`` is ``text`` with URLs and e-mails blanked;
    ``langs`` are the rule sets to use, the document's language first."""
    hits, year_ranges = find_dates(masked)
    hits, year_ranges = hits[:_MAX_HITS], year_ranges[:_MAX_HITS]
    reading = _Reading(text, masked, TextIndex(masked), _cues(langs))
    ranges, used = _joined_ranges(hits, masked, reading.cues)
    _read_ranges(reading, [*year_ranges, *ranges])
    _read_single_dates(reading, [h for h in hits if id(h) not in used])
    start = _pick(reading.starts, reading.others)
    end = _pick(reading.ends, reading.others)
    return start, end, _dedupe(reading.others)


def _joined_ranges(hits: list[DateHit], masked: str, cues: _Cues) -> tuple[list[tuple[DateHit, DateHit]], set[int]]:
    """Two written dates joined by a connector, or 'entre le ... et le ...'; and the ids of their hits."""
    ranges: list[tuple[DateHit, DateHit]] = []
    used: set[int] = set()
    for a, b in itertools.pairwise(hits):
        between = masked[a.end:b.start]
        if b.year is None or len(between) > 25 or a.bare_year != b.bare_year:
            continue
        # two years need words around them ('from 2018 to 2023'); '2018-2023' is a year range already
        joined = not a.bare_year and cues.connector.fullmatch(between) is not None
        if not joined:
            before = masked[max(0, a.start - 20):a.start].lower().rstrip()
            joined = any(between.strip().lower() == second and re.search(rf"(?<!\w){re.escape(first)}$", before)
                         for first, second in cues.pairs)
            joined = joined or (a.bare_year and cues.word_connector.fullmatch(between) is not None
                                and cues.year_preposition.search(masked[max(0, a.start - 25):a.start]) is not None)
        if joined:
            if a.year is None:
                a.year = b.year  # '1 March to 30 April 2024': the year is written once for both
                if a.month is None:
                    continue
            ranges.append((a, b))
            used.update((id(a), id(b)))
    return ranges, used


def _read_ranges(reading: _Reading, ranges: list[tuple[DateHit, DateHit]]) -> None:
    masked, cues, fact, others = reading.masked, reading.cues, reading.fact, reading.others
    for a, b in sorted(ranges, key=lambda r: r[0].start):
        # the range's own opening word ('from', 'fra', 'entre le') is no start cue
        opener = cues.opener.search(masked, max(0, a.start - 12), a.start)
        meaning = _nearest_cue(reading.index, cues, opener.start() if opener else a.start, b.end, look_right=False)
        after = masked[b.end:b.end + 40]
        if meaning == "programme period" or (cues.programme_cue and cues.programme_cue.match(after)):
            continue  # 'the programming period 2021-2027' dates a programme, not this document's subject
        cued = meaning in ("period", "start", "submission", "deadline", "end")
        if a.bare_year and meaning in (None, "period") and _is_label(masked, a.start, b.end, cues):
            continue  # a programme's period ('Interreg V (2014-2020)') even in a sentence about a project
        if meaning in ("meeting", "publication"):  # a conference over some days is no project period
            others.append(fact(a, meaning, 0.6))
            others.append(fact(b, meaning + " end", 0.6))
        elif cued or not a.bare_year:
            strength = 3 if cued else 1
            reading.starts.append(_Candidate(strength, a.start, fact(a, "start")))
            reading.ends.append(_Candidate(strength, a.start, fact(b, "end")))
        else:
            others.append(fact(a, "period start", 0.6))
            others.append(fact(b, "period end", 0.6))


def _single_meaning(reading: _Reading, hit: DateHit) -> str | None:
    """What a date outside a range means; None for a bare year too loosely placed to say."""
    masked, cues = reading.masked, reading.cues
    meaning = _nearest_cue(reading.index, cues, hit.start, hit.end)
    if not hit.bare_year:
        return meaning
    left = masked[max(0, hit.start - 25):hit.start]
    labelled = meaning in ("start", "end", "deadline", "period") and re.search(r":\s*$", left)
    loose = cues.year_preposition.search(left) is None or _is_label(masked, hit.start, hit.end, cues)
    if not labelled and loose:
        return _SKIP
    if not labelled and meaning in ("start", "end", "deadline"):
        return "other"  # 'from 2021', 'until 2030' in running text: too vague for the subject's period
    return meaning


def _read_single_dates(reading: _Reading, hits: list[DateHit]) -> None:
    index, fact, others = reading.index, reading.fact, reading.others
    first_sentences_end = index.sentence_starts[2] if len(index.sentence_starts) > 2 else len(reading.masked)
    for hit in hits:
        if hit.year is None:
            continue
        meaning = _single_meaning(reading, hit)
        if meaning in (_SKIP, "programme period"):
            continue
        if meaning == "end":  # an explicit end ('Slutdato', 'Date de fin') beats a deadline
            reading.ends.append(_Candidate(3, hit.start, fact(hit, meaning)))
        elif meaning == "deadline":
            reading.ends.append(_Candidate(2, hit.start, fact(hit, meaning)))
        elif meaning == "start":
            reading.starts.append(_Candidate(3, hit.start, fact(hit, "start")))
        elif meaning == "creation" and not hit.bare_year and hit.start < min(first_sentences_end, _EARLY_CHARS):
            reading.starts.append(_Candidate(1, hit.start, fact(hit, "creation", 0.6)))
        elif meaning in (None, "period", "submission"):
            lone = hit.start < _PUBLICATION_CHARS
            others.append(fact(hit, "publication" if lone else "other", 0.6))
        else:
            others.append(fact(hit, meaning))


def _pick(candidates: list[_Candidate], others: list[DateFact]) -> DateFact | None:
    """The strongest, earliest candidate; the rest are kept as other dates."""
    if not candidates:
        return None
    candidates.sort(key=lambda c: (-c.strength, c.pos))
    for rest in candidates[1:]:
        if rest.fact.value != candidates[0].fact.value:
            others.append(rest.fact)
    return candidates[0].fact


def _dedupe(dates: list[DateFact]) -> list[DateFact]:
    seen: set[str] = set()
    out = []
    for d in sorted(dates, key=lambda d: d.mention.start):
        if d.value and d.value not in seen:
            seen.add(d.value)
            out.append(d)
    return out


def settle_call_window(facts: DocumentFacts) -> None:
    """A call's own period is its submission window: when its end was read from a range of years
    (the period it funds, 'funding from 2023-2025') and the text gives a deadline, the deadline is
    the end and the years are other dates."""
    if facts.main_entity_type != "Call":
        return
    deadlines = [d for d in facts.other_dates if d.meaning == "deadline"]
    end, start = facts.end_date, facts.start_date
    if not deadlines or (end is not None and not _is_year(end)):
        return
    moved = [d for d in (end, start if start is not None and _is_year(start) else None) if d is not None]
    facts.end_date = min(deadlines, key=lambda d: d.mention.start)
    if start is not None and _is_year(start):
        facts.start_date = None
    bounds = {d.value for d in (facts.start_date, facts.end_date) if d is not None}
    facts.other_dates = _dedupe([d for d in [*facts.other_dates, *moved] if d.value not in bounds])


def _is_year(date: DateFact) -> bool:
    return len(date.value) == 4
