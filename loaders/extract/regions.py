"""Regions: ISO 3166-2 subdivisions (pycountry) plus exonyms in four languages, and named areas.

'Normandy', 'Normandie' and 'Normandiet' all resolve to ``FR-NOR``; areas that ISO does not list
(Euregios, programme areas, 'Zuid-Nederland') are keyed by the slug of their name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import pycountry
from innograph.loaders.extract import lexicon
from innograph.loaders.extract.candidates import Candidate, Token, is_capitalised, strip_genitive
from innograph.loaders.extract.heads import head_of
from innograph.loaders.lang import rules as rules_of
from innograph.ontology.cities import City, city_index
from innograph.ontology.text import fold

from innograph.iris import slug

# countries whose subdivisions are looked up: the EU, the EEA, the UK and Switzerland
EUROPE = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "NO",
    "IS",
    "CH",
    "GB",
    "LI",
]
# subdivision types kept below the top level (French départements are used as areas)
_SECOND_LEVEL = {"FR": ("Metropolitan department",), "BE": ("Province",)}
_MIN_NAME = 5  # shorter names ('Ain', 'Lot') are common words far more often than areas
_CROSS_BORDER = (
    "euregio",
    "eurometropool",
    "eurométropole",
    "eurometropolis",
    "eurorégion",
    "euroregion",
    "eurodistri",
)


@dataclass(frozen=True)
class RegionMatch:
    start: int
    end: int
    text: str
    key: str  # ISO 3166-2 code or slug of the name
    country: str | None
    name: str  # the name as written (without a genitive)


def _clean_iso_name(name: str) -> list[str]:
    names = [name]
    if "," in name:  # 'wallonne, Région' -> 'Région wallonne'
        head, _, tail = name.partition(",")
        names.append(f"{tail.strip()} {head.strip()}")
    names.append(re.sub(r"\s*\(.*?\)", "", name))
    return names


@cache
def _common_words() -> frozenset[str]:
    """Words that name a region only in another sense ('Ouest', 'Centre')."""
    return frozenset(w.casefold() for w in lexicon.words("entities", "DIRECTION_PREFIXES")) | lexicon.stop_words()


def _wanted(country: str | None, parent: str | None, subdivision_type: str | None) -> bool:
    if country not in EUROPE:
        return False
    return parent is None or subdivision_type in _SECOND_LEVEL.get(country, ())


def _reference_names() -> dict[str, tuple[str, str | None]]:
    """Names in four languages of the ontology's reference regions (ISO and named areas), when available."""
    out: dict[str, tuple[str, str | None]] = {}
    try:
        from innograph.ontology.reference import regions as reference_regions

        items = reference_regions()
    except Exception:  # the reference data is optional: pycountry alone still resolves ISO names
        return out
    for region in items:
        if region.kind == "iso" and not _wanted(region.country, region.parent, region.subdivision_type):
            continue
        names = list(region.labels.values())
        for alts in region.alt_labels.values():
            names.extend(alts)
        for name in names:
            key = fold(name)
            if len(key) >= _MIN_NAME and key not in out and key not in _common_words():
                out[key] = (region.code, region.country)
    return out


@cache
def area_names() -> frozenset[str]:
    """Folded names of the named areas (not ISO subdivisions): 'atlantic area', 'baltic sea region'."""
    return frozenset(name for name, (code, _) in gazetteer().items() if not re.fullmatch(r"[A-Z]{2}-\w+", code))


@cache
def reference_codes() -> frozenset[str]:
    return frozenset(code for code, _ in _reference_names().values())


@cache
def gazetteer() -> dict[str, tuple[str, str | None]]:
    """folded name -> (ISO 3166-2 code or area slug, country)."""
    out: dict[str, tuple[str, str | None]] = dict(_reference_names())
    for country in EUROPE:
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if not _wanted(country, sub.parent_code, sub.type):
                continue
            for name in _clean_iso_name(sub.name):
                key = fold(name)
                if len(key) >= _MIN_NAME and key not in out:
                    out[key] = (sub.code, country)
    for name, code in lexicon.table("entities", "REGION_NAMES").items():
        out.setdefault(fold(name), (code, code.split("-")[0]))
    return out


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
        for size in (5, 4, 3, 2, 1):
            j = i + size
            if j > n:
                continue
            span = toks[i:j]
            if any(text[a.end : b.start].strip() for a, b in pairwise(span)):
                continue
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
    found.extend(_towns_used_as_areas(text, toks, found))
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


# ---- towns used as areas -------------------------------------------------------------------------

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


def _towns_used_as_areas(text: str, toks: list[Token], found: list[RegionMatch]) -> list[RegionMatch]:
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
