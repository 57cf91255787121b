"""Topic phrases built around general topic head words, as the text writes them.

A page states its topics as noun phrases whose head is a general word of innovation policy
('circular economy', 'grensoverschrijdende samenwerking', 'transition écologique', 'grøn vækst'),
or as compounds ending in one ('kennisontwikkeling', 'erhvervsudvikling'). The head words, which
languages put modifiers after the head, and which heads form compounds are data per language
(``TOPIC_HEADS``, ``MODIFIERS_FOLLOW``, ``COMPOUND_HEADS`` in ``loaders/lang/*/themes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import lines_with_offsets
from innograph.loaders.lang import all_rules
from innograph.ontology.text import fold

_WORD = re.compile(r"[^\W\d_][\w-]*")
# a compound needs a first part of its own: 'erhvervsudvikling', not 'udvikling'
_MIN_COMPOUND_PREFIX = 4
# plural and definite endings of a compound ('innovationssamarbejder', 'udviklingsprojekterne')
_INFLECTIONS = ("erne", "ene", "en", "er", "et", "s", "r", "n")


_Word = re.Match[str]  # a word of the text: its offsets and its letters


@dataclass(frozen=True)
class _HeadRules:
    heads: frozenset[str]
    compounds: re.Pattern[str] | None  # a word with a first part of its own and a head at its end
    modifiers_follow: bool
    complements: frozenset[str]  # words linking a head to its complement ('transfert de technologie')

    def is_head(self, word: _Word) -> bool:
        if not word.group()[:1].islower():
            return False  # 'Regional Development Fund': a capitalised head is part of a name
        folded = fold(word.group())
        return folded in self.heads or (self.compounds is not None and self.compounds.fullmatch(folded) is not None)


@cache
def _head_rules(language: str | None) -> tuple[_HeadRules, ...]:
    """Every language's head rules, the document's language first (it wins a tie)."""
    by_language = all_rules("themes")
    order = sorted(by_language, key=lambda lang: lang != language)
    return tuple(
        _HeadRules(
            frozenset(fold(h) for h in by_language[lang].TOPIC_HEADS),
            _compound_pattern(tuple(fold(h) for h in by_language[lang].COMPOUND_HEADS)),
            by_language[lang].MODIFIERS_FOLLOW,
            frozenset(fold(w) for w in by_language[lang].COMPLEMENT_WORDS),
        )
        for lang in order
    )


@cache
def _any_language_heads() -> _HeadRules:
    """The head words and compound heads of every language at once."""
    by_language = all_rules("themes").values()
    return _HeadRules(
        frozenset(fold(h) for r in by_language for h in r.TOPIC_HEADS),
        _compound_pattern(tuple(fold(h) for r in by_language for h in r.COMPOUND_HEADS)),
        False,
        frozenset(),
    )


@cache
def _not_modifiers() -> frozenset[str]:
    """Words that never qualify a topic: function words, general words, governing verbs."""
    return (
        frozenset(fold(w) for w in lexicon.words("themes", "NON_TOPIC_WORDS"))
        | frozenset(fold(w) for w in lexicon.words("themes", "GOVERNING_VERBS"))
        | frozenset(fold(w) for w in lexicon.stop_words())
        | frozenset(fold(w) for w in lexicon.words("themes", "ACTOR_WORDS"))
    )


def _words(text: str) -> list[_Word]:
    return list(_WORD.finditer(text))


def _adjacent(text: str, a: _Word, b: _Word) -> bool:
    """Only spaces between two words: a comma, a stop or a line break ends a phrase."""
    return not text[a.end() : b.start()].strip() and "\n" not in text[a.end() : b.start()]


def _modifier(word: _Word) -> bool:
    folded = fold(word.group())
    return word.group()[:1].islower() and len(folded) > 2 and folded not in _not_modifiers()


def _compound_pattern(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    if not heads:
        return None
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    endings = "|".join(_INFLECTIONS)
    return re.compile(rf".{{{_MIN_COMPOUND_PREFIX},}}(?:{alternation})(?:{endings})?")  # folded: 'drone industrie'


def _before(text: str, words: list[_Word], i: int, rules: _HeadRules) -> int:
    """Index of the first word of the modifiers written before head ``i``, coordinated ones
    included ('robuuste en slimme economieën'); a head word is a topic of its own, not a modifier
    ('omstilling og sundhed' are two)."""
    first = i
    j = i - 1
    while j >= 0 and i - j <= 3 and _adjacent(text, words[j], words[j + 1]):
        if _modifier(words[j]) and not rules.is_head(words[j]):
            first = j
        elif not (fold(words[j].group()) in _and_words() and first == j + 1 and j > 0):
            break
        j -= 1
    return first


def _after(text: str, words: list[_Word], i: int, rules: _HeadRules) -> int:
    """Index of the last word of a head's complement: the adjective after it where modifiers
    follow the head ('économie verte'), or a linked noun ('transfert de technologie',
    'development of clusters')."""
    nxt = i + 1
    if rules.modifiers_follow and nxt < len(words) and _adjacent(text, words[i], words[nxt]) and _modifier(words[nxt]):
        return nxt
    linked = nxt + 1 < len(words) and fold(words[nxt].group()) in rules.complements
    if linked and _adjacent(text, words[i], words[nxt]):
        gap = text[words[nxt].end() : words[nxt + 1].start()]
        if words[nxt + 1].group()[:1].islower() and not gap.strip(" ’'") and _modifier(words[nxt + 1]):
            return nxt + 1
    return i


@cache
def _and_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.words("entities", "LIST_AND"))


def head_phrases(text: str, language: str | None = None) -> Iterator[tuple[int, str]]:
    """(offset, phrase as written) for each topic head word with its modifiers. A head word of
    several languages ('economie' is Dutch, 'économie' French) takes the longest phrase they give;
    the document's ``language`` reads it when they give phrases as long."""
    words = _words(text)
    any_head = _any_language_heads()
    for i, word in enumerate(words):
        if not any_head.is_head(word):
            continue  # most words: one look-up instead of one per language
        spans = [_span(text, words, i, rules) for rules in _head_rules(language) if rules.is_head(word)]
        spans = [(first, last) for first, last in spans if first <= last]
        if spans:
            first, last = max(spans, key=lambda s: s[1] - s[0])
            yield words[first].start(), text[words[first].start() : words[last].end()]


def _span(text: str, words: list[_Word], i: int, rules: _HeadRules) -> tuple[int, int]:
    """First and last word of head ``i``'s phrase; an empty span for a bare general head, which
    says little ('development'), unlike a compound ('erhvervsudvikling')."""
    if rules.modifiers_follow:
        first, last = i, _after(text, words, i, rules)
    else:
        first, last = _before(text, words, i, rules), i
        last = _after(text, words, i, rules) if first == i else i
    if first < last or fold(words[i].group()) not in rules.heads:
        return first, last
    return 0, -1


_NUMBER_MARK = re.compile(r"(?<![\w(])(?:\(\d{1,2}\)|\d{1,2}\))\s+")
_ITEM_END = re.compile(r"[.;:!?\n]")


def numbered_items(text: str) -> Iterator[tuple[int, str]]:
    """Items of a list numbered inside a sentence ('(1) robust economies; (2) green transition and
    (3) better governance'): two marks or more on one line; each item runs to the next mark or to
    a ';', stop or line end."""
    for line_start, line in lines_with_offsets(text):
        marks = list(_NUMBER_MARK.finditer(line))
        if len(marks) < 2:
            continue
        for k, mark in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
            item = line[mark.end() : end]
            if cut := _ITEM_END.search(item):
                item = item[: cut.start()]
            words = item.split()
            while words and (fold(words[-1]) in _and_words() or not words[-1].strip(",")):
                words.pop()
            if words:
                yield line_start + mark.end(), " ".join(words).rstrip(",")

