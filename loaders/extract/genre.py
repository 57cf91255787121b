"""What a document is about (its main entity type), decided from the whole page.

Each type collects weighted evidence: genre vocabulary in the headline, the opening and the body
(``loaders/lang/*/genre.py``), definitional sentences ('X is a transnational programme', 'X er et
netværk') whose head noun names a type, and repeated field labels that open each item of a list
of projects ('Lead partner:' three times: a programme's list, not one project). The type with the
most evidence wins; a page without any evidence is taken to be about a project.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import is_acronym, is_capitalised
from innograph.loaders.extract.cues import LETTER, languages_for, merged
from innograph.loaders.extract.facts import DocumentFacts

TYPES = ("Project", "Call", "Programme", "Organisation", "Cluster", "Partnership", "Platform")
_DEFAULT = "Project"

# how much one piece of evidence weighs, by where it is found
TITLE_WEIGHT = 4.0
OPENING_WEIGHT = 2.0
BODY_WEIGHT = 1.0
MAX_BODY_COUNT = 2  # a word repeated all over a page must not outweigh distinct cues
DEFINITION_IN_OPENING = 4.0
DEFINITION_IN_BODY = 1.0
MAX_DEFINITIONS = 6
LIST_ITEM_WEIGHT = 4.0  # per repetition of an item label beyond the first
MAX_LIST_WEIGHT = 12.0
OPENING_CHARS = 800
FACT_WEIGHT = 3.0  # per fact the value extractors found that only one genre states
PHRASE_WEIGHT = 2.0  # a cue of several words is more specific than a single word
_QUOTED = re.compile(r"«[^»]*»?|“[^”]*”?|\"[^\"]*\"?")
_HEAD_WORDS = 4  # a definition's head noun sits within this many words of its link ('is a')


@dataclass(frozen=True)
class _Rules:
    cues: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]  # type -> its word cues, its phrase cues
    definition: re.Pattern[str] | None
    heads: dict[str, str]  # head noun -> type
    item_label: re.Pattern[str] | None


def _cue_fragment(cue: str) -> str:
    """Whole word; '*' at the end lets a longer word match, at the start the end of a compound."""
    body = re.escape(cue.strip("*").casefold())
    before = "" if cue.startswith("*") else rf"(?<!{LETTER})"
    after = "" if cue.endswith("*") else rf"(?!{LETTER})"
    return before + body + after


def _alternation(words: list[str]) -> str:
    return "|".join(_cue_fragment(w) for w in sorted(set(words), key=len, reverse=True))


def _regex(words: list[str]) -> re.Pattern[str] | None:
    return re.compile(_alternation(words), re.IGNORECASE) if words else None


@cache
def _rules(langs: tuple[str, ...]) -> _Rules:
    by_type: dict[str, list[str]] = {}
    for kind, cues in merged(langs, "genre", "GENRE_CUES"):
        by_type.setdefault(kind, []).extend(cues)
    cues = {kind: (_regex([w for w in words if " " not in w]), _regex([w for w in words if " " in w]))
            for kind, words in by_type.items()}
    links = list(merged(langs, "genre", "DEFINITION_LINKS"))
    # the link's subject is a name: a capitalised word, an acronym, or a closing quote or bracket
    definition = (
        re.compile(rf"(?P<subject>[\w’'\"»”)]+)\s+(?:{_alternation(links)})\s+(?P<rest>[^.!?;:\n]{{1,80}})",
                   re.IGNORECASE)
        if links else None
    )
    heads = {k.casefold(): v for k, v in merged(langs, "genre", "DEFINITION_HEADS")}
    labels = list(merged(langs, "genre", "ITEM_LABELS"))
    item_label = (
        re.compile(rf"^[ \t]*(?:[-•·*▪]\s*)?(?P<label>{_alternation(labels)})[ \t]*:", re.IGNORECASE | re.MULTILINE)
        if labels else None
    )
    return _Rules(cues, definition, heads, item_label)


def _head_type(word: str, heads: dict[str, str]) -> str | None:
    """The type a head noun names, also inflected ('programmet', 'pôles') or at the end of a
    compound ('netwerkorganisatie')."""
    low = word.casefold()
    if low in heads:
        return heads[low]
    for head, kind in heads.items():
        if len(head) >= 4 and (
            (low.startswith(head) and len(low) - len(head) <= 3) or low.endswith(head)
        ):
            return kind
    return None


def _is_name_word(word: str) -> bool:
    if word.casefold() in lexicon.stop_words():
        return False  # 'There is a ...', 'Det er en ...'
    return is_capitalised(word) or is_acronym(word) or word[-1:] in "\"»”)"


def definitions(text: str, langs: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, type) of each sentence that says what a name is: 'Interreg North Sea is a
    transnational programme' -> Programme."""
    rules = _rules(langs)
    if rules.definition is None:
        return []
    found: list[tuple[int, str]] = []
    for m in rules.definition.finditer(text):
        if not _is_name_word(m.group("subject")):
            continue
        for word in re.findall(r"[\w’'-]+", m.group("rest"))[:_HEAD_WORDS]:
            kind = _head_type(word, rules.heads)
            if kind is not None:
                found.append((m.start(), kind))
                break
        if len(found) >= MAX_DEFINITIONS:
            break
    return found


def list_of_items(text: str, langs: tuple[str, ...]) -> int:
    """How often the most repeated item label ('Lead partner:', 'Chef de file :') opens a line."""
    rules = _rules(langs)
    if rules.item_label is None:
        return 0
    counts = Counter(m.group("label").casefold() for m in rules.item_label.finditer(text))
    return max(counts.values(), default=0)


def _cue_evidence(regex: re.Pattern[str], title: str, opening: str, text: str) -> float:
    evidence = TITLE_WEIGHT * min(len(regex.findall(title)), 2)
    evidence += OPENING_WEIGHT * min(len(regex.findall(opening)), 1)
    body = Counter(m.group().casefold() for m in regex.finditer(text))
    return evidence + BODY_WEIGHT * sum(min(n, MAX_BODY_COUNT) for n in body.values())


def scores(text: str, title: str | None, langs: tuple[str, ...]) -> dict[str, float]:
    """Evidence for each main entity type."""
    rules = _rules(langs)
    low = text.casefold()
    opening = low[:OPENING_CHARS]
    title_low = _QUOTED.sub(" ", title or "").casefold()  # a quoted name's words are no genre vocabulary
    out = dict.fromkeys(TYPES, 0.0)
    for kind, (words, phrases) in rules.cues.items():
        for regex, weight in ((words, 1.0), (phrases, PHRASE_WEIGHT)):
            if regex is not None:
                out[kind] += weight * _cue_evidence(regex, title_low, opening, low)
    for pos, kind in definitions(text, langs):
        out[kind] += DEFINITION_IN_OPENING if pos < OPENING_CHARS else DEFINITION_IN_BODY
    if title:
        for _, kind in definitions(title, langs):
            out[kind] += TITLE_WEIGHT
    repeats = list_of_items(text, langs)
    if repeats >= 2:
        out["Programme"] += min(LIST_ITEM_WEIGHT * (repeats - 1), MAX_LIST_WEIGHT)
    return out


def call_evidence(facts: DocumentFacts) -> float:
    """A list of eligible beneficiaries and a submission deadline are what a call says."""
    dates = [d for d in (facts.start_date, facts.end_date, *facts.other_dates) if d is not None]
    deadline = any(d.meaning in ("deadline", "submission") for d in dates)
    return FACT_WEIGHT * (bool(facts.eligible_beneficiaries) + deadline)


def main_type(facts: DocumentFacts, title: str | None) -> str:
    """The main entity type with the most evidence (a project when there is none)."""
    found = scores(facts.text, title, languages_for(facts.language, facts.segments))
    found["Call"] += call_evidence(facts)
    best = max(TYPES, key=lambda kind: found[kind])  # TYPES order breaks ties
    return best if found[best] > 0 else _DEFAULT
