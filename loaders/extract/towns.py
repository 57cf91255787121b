"""Towns used as areas: a town after a place preposition ('à Nantes', 'rondom Nijmegen en Enschede',
'located in Seville') or alone in brackets after a name ('Novalim (Laval)'), and the towns listed
with it; each becomes a :class:`RegionMatch` keyed by the slug of the town's name.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Token, is_capitalised
from innograph.loaders.extract.region_names import RegionMatch
from innograph.ontology.cities import City, city_index
from innograph.ontology.text import fold

from innograph.iris import slug

_MAX_TOWN_WORDS = 3
_TOWN_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:and|et|og|en|und|&)\s+")


@cache
def _not_towns() -> frozenset[str]:
    """Words that are never a town here: stop words, month names, organisation and area words."""
    out = set(lexicon.stop_words()) | set(lexicon.table("dates", "MONTHS"))
    out |= set(lexicon.org_heads()) | {w.casefold() for w in lexicon.words("entities", "AREA_HEADS")}
    out |= set(lexicon.country_names())
    return frozenset(fold(w) for w in out)


@cache
def _town_prepositions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Last word of each town preposition -> the prepositions ending with it ('de' -> ('près', 'de'))."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon.words("countries", "TOWN_PREPOSITIONS"):
        words = tuple(phrase.split())
        out.setdefault(words[-1], []).append(words)
    return {last: tuple(phrases) for last, phrases in out.items()}


def town_named(words: str) -> City | None:
    """The town these words name exactly ('Nijmegen', 'Le Mans', 'Trèves'), if any."""
    key = fold(words)
    if len(key) < 4 or key in _not_towns():
        return None
    return city_index().get(key)


def _town_at(text: str, toks: list[Token], i: int) -> tuple[int, City] | None:
    """The longest town name starting at token ``i`` ('Le Mans', 'Trèves'): (index after it, town),
    or None when there is none or it starts a longer name ('in Aalborg Universitet')."""
    for j in range(min(len(toks), i + _MAX_TOWN_WORDS), i, -1):
        words = toks[i:j]
        if not all(is_capitalised(t.text) for t in words) or any(
            text[a.end : b.start] != " " for a, b in pairwise(words)
        ):
            continue
        city = town_named(text[toks[i].start : toks[j - 1].end])
        if city is None:
            continue
        after = toks[j] if j < len(toks) else None
        if after is not None and text[toks[j - 1].end : after.start] == " " and is_capitalised(after.text):
            return None
        return j, city
    return None


def _after_town_preposition(toks: list[Token], i: int) -> bool:
    if i == 0:
        return False
    for words in _town_prepositions().get(toks[i - 1].text, ()):
        n = len(words)
        # written in lower case: 'I Skellefteå' in a Swedish name is no Danish 'i'
        if i >= n and all(toks[i - n + k].text == w for k, w in enumerate(words)):
            return True
    return False


def towns_used_as_areas(text: str, toks: list[Token], found: list[RegionMatch]) -> list[RegionMatch]:
    """Towns after a place preposition ('à Nantes', 'rondom Nijmegen en Enschede', 'located in
    Seville') or alone in brackets after a name ('Novalim (Laval)'), and the towns listed with them."""
    spans = [(r.start, r.end) for r in found]
    out: list[RegionMatch] = []
    by_start = {t.start: k for k, t in enumerate(toks)}
    i = 0
    while i < len(toks):
        tok = toks[i]
        bracketed = tok.start > 0 and text[tok.start - 1] == "("
        if not (bracketed or _after_town_preposition(toks, i)) or any(s <= tok.start < e for s, e in spans):
            i += 1
            continue
        hit = _town_at(text, toks, i)
        if hit is None or (bracketed and not text.startswith(")", toks[hit[0] - 1].end)):
            i += 1
            continue
        while hit is not None:
            j, city = hit
            start, end = toks[i].start, toks[j - 1].end
            out.append(RegionMatch(start, end, text[start:end], slug(city.name), city.country, text[start:end]))
            sep = _TOWN_SEPARATORS.match(text, end)
            i = j
            if sep is None or sep.end() not in by_start:
                break
            i = by_start[sep.end()]
            hit = _town_at(text, toks, i)
        i += 1
    return out
