"""Tokens and capitalised-sequence candidates, with character offsets into the text.

A candidate name is a run of capitalised tokens on one line, joined only by spaces and by the
lower-case connectors of the four languages ('Agence de Développement Normandie', 'Ministerie van
Economische Zaken'); elided articles count as connectors ("d'Applications"). A Danish/Dutch
suspended compound ('Uddannelses- og Forskningsstyrelsen') stays one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from innograph.loaders.extract import lexicon

TOKEN = re.compile(r"[^\W_](?:[\w&]|['’](?=\w)|[-/.](?=[^\W_]))*\+?", re.UNICODE)
_ELISION = re.compile(r"^(?:[dlDL]|qu|Qu)['’]")
_GAP_OK = re.compile(r"[ \t\u00a0]+")
_GENITIVE = re.compile(r"(?:['’]s|['’])$")
# what the pattern can match: its ending, also before a final newline ('$')
_GENITIVE_ENDINGS = tuple(e + nl for e in ("'", "’", "'s", "’s") for nl in ("", "\n"))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        """Without an elided article: "d'Applications" -> 'Applications'."""
        return _ELISION.sub("", self.text) if _may_elide(self.text) else self.text


def _may_elide(word: str) -> bool:
    """An elision has its apostrophe within the first three characters (a test cheaper than the regex)."""
    head = word[:3]
    return "'" in head or "’" in head


_GLUE = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z])")


def tokens(text: str) -> list[Token]:
    """Word tokens; a run of capitals glued to the next word ('INNOVOp', lost markup) is split."""
    out = []
    for m in TOKEN.finditer(text):
        word = m.group()
        # glued capitals need an upper-case letter after the first and a lower-case one: most words have not both
        pieces = [word] if word[1:].islower() or word.isupper() else _GLUE.split(word)
        pos = m.start()
        for piece in pieces:
            out.append(Token(pos, pos + len(piece), piece))
            pos += len(piece)
    return out


def is_capitalised(word: str) -> bool:
    if _may_elide(word):
        word = _ELISION.sub("", word)
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word)))


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def is_camel(word: str) -> bool:
    """'CrossRoads', 'GoToS3', 'AllonI3': an upper-case letter after a lower-case one."""
    return bool(re.search(r"[a-zæøåéè][A-Z]", word)) and word[0].isupper()


def strip_genitive(word: str) -> str:
    return _GENITIVE.sub("", word) if word.endswith(_GENITIVE_ENDINGS) else word


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    toks: tuple[Token, ...]


@cache
def _connectors() -> frozenset[str]:
    return lexicon.connectors() | {"d", "l"}


def capitalised_runs(text: str, toks: list[Token]) -> list[Candidate]:
    """Maximal runs of capitalised tokens joined by connectors, each on one line."""
    out: list[Candidate] = []
    connectors = _connectors()
    legal = lexicon.legal_forms()
    run: list[Token] = []
    rejoined: set[int] = set()  # starts of the lower-case halves of compounds broken by a line wrap

    def flush() -> None:
        while run and not (_is_name_token(run[-1], legal) or run[-1].start in rejoined):
            run.pop()
        if run:
            out.append(Candidate(run[0].start, run[-1].end, text[run[0].start : run[-1].end], tuple(run)))
        run.clear()

    for i, tok in enumerate(toks):
        if run:
            gap = text[run[-1].end : tok.start]
            suspended = gap.startswith("-") and _GAP_OK.fullmatch(gap[1:] or " ") is not None
            if not (_GAP_OK.fullmatch(gap) or suspended):
                flush()
        if run and _wrapped_half(text[run[-1].end : tok.start], tok.text, connectors):
            rejoined.add(tok.start)
            run.append(tok)
            flush()  # the rejoined word is the head: the name ends with it
            continue
        if _is_name_token(tok, legal) or (run and tok.text.casefold() in connectors and i + 1 < len(toks)):
            run.append(tok)
        else:
            flush()
    flush()
    return out


def _wrapped_half(gap: str, word: str, connectors: frozenset[str]) -> bool:
    """'EU- kontor': one word broken by a wrap; 'Uddannelses- og' is a suspended compound."""
    return gap == "- " and word.isalpha() and word.islower() and word not in connectors


def _is_name_token(tok: Token, legal: frozenset[str]) -> bool:
    return is_capitalised(tok.text) or tok.text in legal


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?](?!\s)[^.!?\n]*)*[.!?]?")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def adjacent_spans(text: str, toks: list[Token], i: int, longest: int) -> Iterator[list[Token]]:
    """The runs of up to ``longest`` tokens from token ``i`` with only white space between them,
    longest first (the gazetteer lookups try each: 'Région Hauts-de-France', then shorter)."""
    for size in range(longest, 0, -1):
        span = toks[i : i + size]
        if len(span) == size and not any(text[a.end : b.start].strip() for a, b in pairwise(span)):
            yield span


def overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` shares a character with one of ``spans``."""
    return any(span[0] < e and s < span[1] for s, e in spans)


def inside_another(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies within one of ``spans`` other than itself."""
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in spans)
