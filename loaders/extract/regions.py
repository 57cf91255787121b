"""Regions named in a text: the gazetteer's names (:mod:`region_names`) as tokens, compound area
names ('Euregio Maas-Rhein', 'Zuid-Nederland'), areas after an area word, places listed with
regions, and towns used as areas (:mod:`towns`).
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Candidate, Token, adjacent_spans, is_capitalised, strip_genitive
from innograph.loaders.extract.heads import head_of
from innograph.loaders.extract.region_names import RegionMatch, gazetteer
from innograph.loaders.extract.towns import town_named, towns_used_as_areas
from innograph.loaders.lang import rules as rules_of
from innograph.ontology.text import fold

from innograph.iris import slug

_CROSS_BORDER = (
    "euregio",
    "eurometropool",
    "eurométropole",
    "eurometropolis",
    "eurorégion",
    "euroregion",
    "eurodistri",
)


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k.split()[0] for k in gazetteer() if k)


@cache
def _direction_prefixes() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("entities", "DIRECTION_PREFIXES"))


def find_regions(text: str, toks: list[Token], runs: list[Candidate]) -> list[RegionMatch]:
    gaz = gazetteer()
    found: list[RegionMatch] = []
    taken: set[int] = set()
    n = len(toks)
    firsts = _first_words()
    authorities = _authority_words()
    for i in range(n):
        if i in taken or toks[i].text.casefold() in authorities:
            continue  # 'Region Midtjylland': the region is 'Midtjylland', the authority an organisation
        first = fold(toks[i].bare).split()
        if not first or (first[0] not in firsts and first[0][:-1] not in firsts):
            continue
        for span in adjacent_spans(text, toks, i, 5):
            size = len(span)
            j = i + size
            words = [span[0].bare] + [t.text for t in span[1:]]
            words[-1] = strip_genitive(words[-1])
            key = fold(" ".join(words))
            hit = gaz.get(key)
            if hit and not is_capitalised(span[0].text) and (size < 2 or len(key.split()) < 3):
                hit = None  # lower case: only a long multi-word area name ('euregio rijn-maas-noord')
            if hit is None and words[-1].endswith("s") and size == 1 and is_capitalised(span[0].text):
                hit = gaz.get(fold(words[-1][:-1]))  # Danish genitive: 'Nordjyllands'
                if hit:
                    words[-1] = words[-1][:-1]
            named_country = lexicon.country_names().get(key)
            if hit and named_country not in (None, hit[1]) and not _after_authority(toks, i):
                hit = None  # 'Luxembourg' alone is the country, not the Belgian province; 'Scotland' a region
            if hit:
                found.append(
                    RegionMatch(
                        span[0].start,
                        span[0].start + len(" ".join(words)),
                        text[span[0].start : span[-1].end],
                        hit[0],
                        hit[1],
                        " ".join(words),
                    )
                )
                taken.update(range(i, j))
                break
    found.extend(_compound_areas(text, toks, taken, runs))
    found.extend(_areas_after_area_word(text, toks, taken, found))
    found.extend(_places_listed_with_regions(text, found))
    found.extend(_named_areas(text, runs))
    found.extend(_names_before_area_word(text, runs))
    found.extend(towns_used_as_areas(text, toks, found))
    return found


def _after_authority(toks: list[Token], i: int) -> bool:
    """True when an area authority word stands up to three words before token ``i``."""
    authorities = _authority_words()
    return any(t.text.casefold() in authorities for t in toks[max(0, i - 3) : i])


@cache
def _authority_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.region_authorities() | lexicon.area_authorities())


def _compound_areas(text: str, toks: list[Token], taken: set[int], runs: list[Candidate]) -> list[RegionMatch]:
    """'Zuid-Nederland', 'Nederlands-Limburg', 'euregio rijn-maas-noord', 'Eurometropool'."""
    out = []
    gaz = gazetteer()
    countries = lexicon.country_names(adjectives=False)
    prefixes = _direction_prefixes()
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        word = strip_genitive(tok.text)
        low = word.casefold()
        if "-" in word and is_capitalised(word):
            head, _, rest = word.partition("-")
            rest_key = fold(rest)
            if head.casefold() in prefixes and (rest_key in gaz or rest.casefold() in countries):
                country = gaz[rest_key][1] if rest_key in gaz else countries[rest.casefold()]
                out.append(RegionMatch(tok.start, tok.start + len(word), word, slug(word), country, word))
                continue
        if (compass := _compass_area(text, toks, i, countries)) is not None and not _inside_longer_name(compass, runs):
            out.append(compass)
            continue
        if (compound := _area_compound(tok)) is not None:
            out.append(compound)
            continue
        if low.startswith(_CROSS_BORDER):
            end = tok.start + len(word)
            name = word
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and text[tok.end : nxt.start] == " " and ("-" in nxt.text or is_capitalised(nxt.text)):
                end, name = nxt.end, text[tok.start : nxt.end]
            if (
                "-" in name
                and low.startswith(_CROSS_BORDER)
                and name.partition("-")[2].casefold() in ("regio", "region")
            ):
                name = name.partition("-")[0]
                end = tok.start + len(name)
            known = gaz.get(fold(name))
            out.append(RegionMatch(tok.start, end, name, known[0] if known else slug(name), None, name))
    return out


def _compass_area(text: str, toks: list[Token], i: int, countries: dict[str, str]) -> RegionMatch | None:
    """'Southern Spain', 'West Jutland'... a capitalised compass word before a country: part of that country."""
    tok = toks[i]
    if i + 1 >= len(toks) or not tok.text[:1].isupper() or tok.text.casefold() not in _direction_prefixes():
        return None
    nxt = toks[i + 1]
    code = countries.get(nxt.text.casefold())
    if code is None or text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
        return None
    name = text[tok.start : nxt.end]
    return RegionMatch(tok.start, nxt.end, name, slug(name), code, name)


_JOINERS = frozenset(("and", "et", "og", "en", "und", "&", "or", "ou", "eller"))


def _inside_longer_name(match: RegionMatch, runs: list[Candidate]) -> bool:
    """'South Denmark European Office', 'Municipalities of the South Iceland': part of an
    organisation's name (a run of names joined by 'and' is a list, not one name)."""
    for run in runs:
        if not (run.start <= match.start and match.end <= run.end):
            continue
        part: list[Token] = []
        for tok in run.toks:
            if tok.text.casefold() in _JOINERS:
                if part and part[0].start <= match.start and match.end <= part[-1].end:
                    break
                part = []
            else:
                part.append(tok)
        return bool(part) and (part[0].start, part[-1].end) != (match.start, match.end)
    return False


@cache
def _area_suffixes() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lexicon.words("countries", "AREA_SUFFIXES"))


def _area_compound(tok: Token) -> RegionMatch | None:
    """'Østersøregionen', 'Øresundsregionen': a capitalised compound ending with an area word."""
    low = tok.text.casefold()
    suffix = next((s for s in _area_suffixes() if low.endswith(s)), None)
    if suffix is None or len(low) < len(suffix) + 3 or not tok.text[:1].isupper() or "-" in tok.text:
        return None
    return RegionMatch(tok.start, tok.end, tok.text, slug(tok.text), None, tok.text)


@cache
def _heads_before_names() -> frozenset[str]:
    """Area words written before the name in lower case ('regio Twente', 'région Bourgogne')."""
    out: set[str] = set()
    for lang in ("fr", "nl"):
        out.update(w.casefold() for w in rules_of(lang, "entities").AREA_HEADS)
    return frozenset(out)


def _areas_after_area_word(
    text: str, toks: list[Token], taken: set[int], found: list[RegionMatch]
) -> list[RegionMatch]:
    """'in de regio Twente', 'la région Bourgogne': a lower-case area word before a capitalised name."""
    heads = _heads_before_names()
    spans = [(r.start, r.end) for r in found]
    out = []
    for i, tok in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if tok.text not in heads or text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
            continue
        if any(s <= nxt.start < e for s, e in spans) or i + 1 in taken:
            continue
        name = strip_genitive(nxt.text)
        if name.casefold() in lexicon.country_names() or name.casefold() in lexicon.stop_words():
            continue
        out.append(RegionMatch(nxt.start, nxt.start + len(name), name, slug(name), None, name))
    return out


_PLACE = r"[A-ZÀ-Ý][\w'’\-]+(?: [A-ZÀ-Ý][\w'’\-]+)?"
_PLACE_LIST = re.compile(rf"({_PLACE})((?:,\s*{_PLACE})+)(?:,?\s+(?:and|et|og|en|und)\s+({_PLACE}))?(?=[)\s.,;:])")


def _places_listed_with_regions(text: str, found: list[RegionMatch]) -> list[RegionMatch]:
    """'(Mons, Tournai, Liège)': places listed with a known region are areas too (cities used as areas)."""
    known = {(r.start, r.end) for r in found}
    countries = lexicon.country_names()
    out: list[RegionMatch] = []
    for m in _PLACE_LIST.finditer(text):
        parts = [m.group(1), *[p.strip() for p in m.group(2).split(",") if p.strip()]]
        if m.group(3):
            parts.append(m.group(3))
        if len(parts) < 3:
            continue
        spans = []
        pos = m.start()
        for part in parts:
            start = text.find(part, pos)
            spans.append((start, start + len(part), part))
            pos = start + len(part)
        towns = {(s, e) for s, e, p in spans if town_named(p) is not None}
        if not any((s, e) in known for s, e, _ in spans) and len(towns) < len(spans):
            continue  # a list with a known region in it, or of towns only
        others = [(s, e, p) for s, e, p in spans if (s, e) not in known]
        if any(_not_a_place(p, (s, e) in towns, countries) for s, e, p in others):
            continue  # a list of countries, organisations or people ('Rudy Demotte'), not of places
        for s, e, p in others:
            town = town_named(p)
            out.append(RegionMatch(s, e, p, slug(town.name if town else p), town.country if town else None, p))
    return out


def _not_a_place(name: str, is_town: bool, countries: dict[str, str]) -> bool:
    return name.casefold() in countries or head_of_place(name) or (" " in name and not is_town)


def head_of_place(name: str) -> bool:
    """True when a listed name is an organisation ('Aalborg Universitet') rather than a place."""
    return head_of(name.split()) is not None


def _named_areas(text: str, runs: list[Candidate]) -> list[RegionMatch]:
    """Capitalised names ending with an area word: 'Atlantic Area', 'Baltic Sea Region'."""
    heads = {w.casefold() for w in lexicon.words("entities", "AREA_HEADS")}
    out = []
    for run in runs:
        words = [t.text for t in run.toks]
        if (
            len(words) >= 2
            and words[-1].casefold() in heads
            and words[-1][0].isupper()
            and all(is_capitalised(w) for w in words)
            and fold(" ".join(words[:-1])) not in gazetteer()
            and head_of(words[:-1]) is None  # 'DG Regio' is a service
        ):
            out.append(RegionMatch(run.start, run.end, run.text, slug(run.text), None, run.text))
    return out


@cache
def _heads_after_names() -> frozenset[str]:
    """Area words written after the name in lower case ('the NPA area', 'de Randstad regio')."""
    out: set[str] = set()
    for lang in ("en", "da", "nl"):
        out.update(w.casefold() for w in rules_of(lang, "entities").AREA_HEADS)
    return frozenset(out)


_DEFINITE = frozenset(("the", "de", "het", "den", "det"))


def _names_before_area_word(text: str, runs: list[Candidate]) -> list[RegionMatch]:
    """'the NPA area', 'the West of Ireland region': a name between a definite article and a
    lower-case area word names an area (the name is taken with its area word)."""
    heads = _heads_after_names()
    countries = lexicon.country_names()
    out = []
    for run in runs:
        head = _WORD_AFTER.match(text, run.end)
        if head is None or head.group(1) not in heads:
            continue
        words = [t.text for t in run.toks]
        if words[0].casefold() in _DEFINITE:
            words, start = words[1:], run.toks[1].start if len(run.toks) > 1 else run.end
        else:
            before = text[max(0, run.start - 5) : run.start].split()
            if not before or before[-1] not in _DEFINITE:
                continue
            start = run.start
        name = " ".join(words)
        if not words or head_of(words) is not None or fold(name) in gazetteer() or name.casefold() in countries:
            continue
        end = head.end(1)
        out.append(RegionMatch(start, end, text[start:end], slug(text[start:end]), None, text[start:end]))
    return out


_WORD_AFTER = re.compile(r" (\w+)\b")


