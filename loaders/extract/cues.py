"""Helpers shared by the value extractors: language rules merged over languages, cue regexes and
sentence/line bounds. Everything compiled once and cached."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache

from innograph.loaders.extract.facts import Segment
from innograph.loaders.lang import rules

LETTER = r"[^\W\d_]"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÀ-ÖØ-ÞÆØÅ])|\n[ \t]*\n|\n(?=[ \t]*[-•·*▪►–]\s)")


def languages_for(lang: str | None, segments: Sequence[Segment] = ()) -> tuple[str, ...]:
    """The rule sets used for a document: its own language first, then the languages of its
    other blocks (French labels around an English body), then English (English labels and names
    are common on pages in any of the four languages)."""
    weight: dict[str, int] = {}
    for seg in segments:
        if seg.language and seg.language != lang:
            weight[seg.language] = weight.get(seg.language, 0) + seg.end - seg.start
    others = sorted(weight, key=lambda x: -weight[x])
    ordered = [x for x in (lang, *others, "en") if x]
    return tuple(dict.fromkeys(ordered))


def merged(langs: Iterable[str], module: str, name: str) -> tuple:
    """The constant ``name`` of ``module`` in each language, concatenated (dicts as items)."""
    out: list = []
    for lang in langs:
        value = getattr(rules(lang, module), name)  # every language defines it (tests/test_lang_rules.py)
        out.extend(value.items() if isinstance(value, dict) else value)
    return tuple(out)


def cue_fragment(cue: str) -> str:
    """A cue matches at a word start; a leading '-' lets it match inside a compound."""
    if cue.startswith("-"):
        return re.escape(cue[1:])
    return rf"(?<!{LETTER}){re.escape(cue)}"


@cache
def cue_regex(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    parts = sorted({cue_fragment(c.lower()) for c in cues}, key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE)


def grouped_cue_regex(categories: Iterable[tuple[str, Iterable[str]]]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex for several cue categories; ``match.lastgroup`` maps to the category through the
    returned dict. Word-start cues share one look-behind, tested once per position, so the many
    alternatives are only tried where a word starts (Python's ``re`` has no trie optimisation)."""
    word_groups, inner_groups, meanings = [], [], {}
    for i, (meaning, cues) in enumerate(categories):
        words = sorted({re.escape(c.lower()) for c in cues if not c.startswith("-")}, key=len, reverse=True)
        inner = sorted({re.escape(c[1:].lower()) for c in cues if c.startswith("-")}, key=len, reverse=True)
        if words:
            word_groups.append(f"(?P<w{i}>{'|'.join(words)})")
            meanings[f"w{i}"] = meaning
        if inner:
            inner_groups.append(f"(?P<i{i}>{'|'.join(inner)})")
            meanings[f"i{i}"] = meaning
    parts = []
    if word_groups:
        parts.append(rf"(?<!{LETTER})(?:{'|'.join(word_groups)})")
    parts.extend(inner_groups)
    if not parts:
        return None, meanings
    return re.compile("|".join(parts), re.IGNORECASE), meanings


@cache
def cues_for(langs: tuple[str, ...], module: str, name: str) -> re.Pattern[str] | None:
    return cue_regex(tuple(c for c in merged(langs, module, name) if isinstance(c, str)))


class TextIndex:
    """Line and sentence bounds of one text, for context windows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos) - 1

    def line_bounds(self, pos: int) -> tuple[int, int]:
        i = self.line_of(pos)
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = self.sentence_of(pos)
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def left_context(self, pos: int, limit: int = 120) -> tuple[int, str]:
        """Text left of ``pos`` in its line and sentence; when that holds nothing but punctuation,
        the previous non-empty line instead (a label written above its value)."""
        line_start, _ = self.line_bounds(pos)
        sentence_start, _ = self.sentence_bounds(pos)
        start = max(line_start, sentence_start)
        before = self.text[start:pos]
        if not re.search(r"\w", before):
            i = self.line_of(pos) - 1
            while i >= 0:
                s = self.line_starts[i]
                e = self.line_starts[i + 1] - 1
                if self.text[s:e].strip():
                    start = s
                    break
                i -= 1
        start = max(start, pos - limit)
        return start, self.text[start:pos]


class Occupied:
    """Which characters of a text are already claimed by a fact: overlap tests in C time, so
    a text with tens of thousands of candidates stays linear."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.mask = bytearray(length + 1)
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, max(end, start + 1)) < 0

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)
