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
from dataclasses import dataclass, field
from functools import cache, partial

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
_MAX_AFFIX_MEMO = 200_000  # words whose affix match is remembered
_SUBJECT = re.compile(r"([\w’'\"»”)]+)\s+$")  # the word before a definition's link


@dataclass(frozen=True)
class _Cues:
    """Genre cues as word sequences, looked up per word of the text (a dictionary lookup per word
    instead of a regex of hundreds of alternatives tried at every position)."""

    exact: dict[tuple[str, ...], tuple[tuple[str, ...], float]]  # words -> (types, weight)
    prefixes: tuple[tuple[str, tuple[str, ...], float], ...]  # 'partner*': a word that starts so
    suffixes: tuple[tuple[str, tuple[str, ...], float], ...]  # '*klynge': a word that ends so
    longest: int  # words in the longest cue
    starts: frozenset[str]  # first words of the cues of several words: no other word opens one
    # word -> its affix match: a page repeats its words, the affixes are tried once per word
    affix_memo: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class _Phrases:
    """Cues of several words, by their first word; each type's phrases match without overlaps."""

    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]]

    def matches(self, words: list[str]) -> list[tuple[int, str, tuple[str, ...], float]]:
        out: list[tuple[int, str, tuple[str, ...], float]] = []
        free_from: dict[str, int] = {}
        for i, word in enumerate(words):
            done: set[str] = set()
            for key, kind in self.by_first_word.get(word, ()):
                if kind in done or free_from.get(kind, 0) > i or tuple(words[i : i + len(key)]) != key:
                    continue
                out.append((i, " ".join(key), (kind,), PHRASE_WEIGHT))
                free_from[kind] = i + len(key)
                done.add(kind)
        return out


_CUE_WORD = re.compile(r"[^\W_]+")  # apostrophes and hyphens part words, as in the cues ('l’appel')


def _words(text: str) -> list[str]:
    return _CUE_WORD.findall(text.casefold())


@dataclass(frozen=True)
class _Rules:
    cues: tuple[_Cues, _Phrases]  # single words, phrases
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


def _cue_sets(by_type: dict[str, list[str]]) -> tuple[_Cues, _Phrases]:
    """Single words and phrases apart: a phrase ('the project') and a word inside it ('project')
    are both evidence."""
    words = {kind: [c for c in cues if " " not in c] for kind, cues in by_type.items()}
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, cues in by_type.items():
        for cue in cues:
            if " " in cue:
                key = tuple(_words(cue.rstrip("*")))
                index.setdefault(key[0], []).append((key, kind))
    for found in index.values():
        found.sort(key=lambda item: -len(item[0]))  # the longest phrase of a type wins at a place
    return _cue_set(words), _Phrases(index)


def _cue_set(by_type: dict[str, list[str]]) -> _Cues:
    kinds: dict[str, list[str]] = {}
    for kind, words in by_type.items():
        for word in words:
            kinds.setdefault(word.casefold(), []).append(kind)
    exact: dict[tuple[str, ...], tuple[tuple[str, ...], float]] = {}
    prefixes, suffixes = [], []
    for cue, found in kinds.items():
        entry = (tuple(dict.fromkeys(found)), PHRASE_WEIGHT if " " in cue else 1.0)
        if cue.startswith("*"):
            suffixes.append((cue[1:], *entry))
        elif cue.endswith("*") and " " not in cue:
            prefixes.append((cue[:-1], *entry))
        else:
            exact[tuple(_words(cue.rstrip("*")))] = entry  # a phrase's '*' ('work package*') is dropped
    longest = max((len(k) for k in exact), default=1)
    starts = frozenset(k[0] for k in exact if len(k) > 1)
    return _Cues(exact, tuple(prefixes), tuple(suffixes), longest, starts)


def _affix_match(cues: _Cues, word: str) -> tuple[str, tuple[str, ...]]:
    """The longest prefix or compound-ending cue a word matches (counted as that cue, so that
    'erhvervsklyngerne' and 'klyngerne' are one cue), with the types of all it matches."""
    found = cues.affix_memo.get(word)
    if found is None:
        if len(cues.affix_memo) >= _MAX_AFFIX_MEMO:
            cues.affix_memo.clear()  # a long ingest meets words without end: memory stays bounded
        found = cues.affix_memo[word] = _scan_affixes(cues, word)
    return found


def _scan_affixes(cues: _Cues, word: str) -> tuple[str, tuple[str, ...]]:
    found = [(affix, kinds) for affix, kinds, _ in cues.prefixes if word.startswith(affix)]
    found += [(affix, kinds) for affix, kinds, _ in cues.suffixes if word.endswith(affix)]
    if not found:
        return word, ()
    longest = max(found, key=lambda item: len(item[0]))[0]
    return longest, tuple(dict.fromkeys(k for _, kinds in found for k in kinds))


def _cue_matches(cues: _Cues, words: list[str]) -> list[tuple[int, str, tuple[str, ...], float]]:
    """(word index, cue text, types, weight) of each cue, the longest at each place, not overlapping;
    a word may be a cue of one type and end in another's ('clusterorganisatie')."""
    out = []
    i = 0
    while i < len(words):
        longest = min(cues.longest, len(words) - i) if words[i] in cues.starts else 1
        for n in range(longest, 1, -1):
            key = tuple(words[i : i + n])
            if key in cues.exact:
                out.append((i, " ".join(key), *cues.exact[key]))
                i += n
                break
        else:
            word = words[i]
            kinds, weight = cues.exact.get((word,), ((), 1.0))
            if kinds:
                out.append((i, word, kinds, weight))
            affix, affix_kinds = _affix_match(cues, word)
            if affix_kinds and set(affix_kinds) - set(kinds):
                out.append((i, affix, tuple(k for k in affix_kinds if k not in kinds), 1.0))
            i += 1
    return out


@cache
def _rules(langs: tuple[str, ...]) -> _Rules:
    by_type: dict[str, list[str]] = {}
    for kind, cues in merged(langs, "genre", "GENRE_CUES"):
        by_type.setdefault(kind, []).extend(cues)
    links = list(merged(langs, "genre", "DEFINITION_LINKS"))
    # the link's subject is a name: a capitalised word, an acronym, or a closing quote or bracket
    # found by its link first: a subject pattern would be tried at every character of the text
    link_words = "|".join(re.escape(w) for w in sorted(set(links), key=len, reverse=True))
    definition = (
        re.compile(rf"(?<=\s)(?:{link_words})\s+(?P<rest>[^.!?;:\n]{{1,80}})", re.IGNORECASE)
        if links else None
    )
    heads = {k.casefold(): v for k, v in merged(langs, "genre", "DEFINITION_HEADS")}
    labels = list(merged(langs, "genre", "ITEM_LABELS"))
    item_label = (
        re.compile(rf"^[ \t]*(?:[-•·*▪]\s*)?(?P<label>{_alternation(labels)})[ \t]*:", re.IGNORECASE | re.MULTILINE)
        if labels else None
    )
    return _Rules(_cue_sets(by_type), definition, heads, item_label)


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
        subject = _SUBJECT.search(text, max(0, m.start() - 60), m.start())
        if subject is None or not _is_name_word(subject.group(1)):
            continue
        for word in re.findall(r"[\w’'-]+", m.group("rest"))[:_HEAD_WORDS]:
            kind = _head_type(word, rules.heads)
            if kind is not None:
                found.append((subject.start(1), kind))
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


@dataclass(frozen=True)
class _PageWords:
    """A page's words, split once for both cue sets."""

    title: list[str]
    body: list[str]
    opening: int  # how many of the body's words are in its first ``OPENING_CHARS`` characters


def _cue_evidence(cues: _Cues | _Phrases, page: _PageWords, out: dict[str, float]) -> None:
    """Per type: cues in the headline (up to two), in the opening (once) and in the body (each
    distinct word up to ``MAX_BODY_COUNT`` times), phrases weighing ``PHRASE_WEIGHT``."""
    in_title: Counter[tuple[str, float]] = Counter()
    in_opening: Counter[tuple[str, float]] = Counter()
    in_body: Counter[tuple[str, float, str]] = Counter()
    match = cues.matches if isinstance(cues, _Phrases) else partial(_cue_matches, cues)
    for _, _, kinds, weight in match(page.title):
        in_title.update((kind, weight) for kind in kinds)
    opening_words = page.opening
    for i, word, kinds, weight in match(page.body):
        in_body.update((kind, weight, word) for kind in kinds)
        if i < opening_words:
            in_opening.update((kind, weight) for kind in kinds)
    for (kind, weight), n in in_title.items():
        out[kind] = out.get(kind, 0.0) + weight * TITLE_WEIGHT * min(n, 2)
    for (kind, weight), n in in_opening.items():
        out[kind] = out.get(kind, 0.0) + weight * OPENING_WEIGHT * min(n, 1)
    for (kind, weight, _), n in in_body.items():
        out[kind] = out.get(kind, 0.0) + weight * BODY_WEIGHT * min(n, MAX_BODY_COUNT)


def scores(text: str, title: str | None, langs: tuple[str, ...]) -> dict[str, float]:
    """Evidence for each main entity type."""
    rules = _rules(langs)
    low = text.casefold()
    title_low = _QUOTED.sub(" ", title or "").casefold()  # a quoted name's words are no genre vocabulary
    out = dict.fromkeys(TYPES, 0.0)
    page = _PageWords(_words(title_low), _words(low), len(_words(low[:OPENING_CHARS])))
    for cues in rules.cues:
        _cue_evidence(cues, page, out)
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
