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


def _direction_prefixes() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.words("entities", "DIRECTION_PREFIXES"))


def find_regions(text: str, toks: list[Token], runs: list[Candidate]) -> list[RegionMatch]:
    gaz = gazetteer()
    found: list[RegionMatch] = []
    taken: set[int] = set()
    n = len(toks)
    firsts = _first_words()
    authorities = {w.casefold() for w in lexicon.region_authorities() | lexicon.area_authorities()}
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
            if hit is None and words[-1].endswith("s") and size == 1:
                hit = gaz.get(fold(words[-1][:-1]))  # Danish genitive: 'Nordjyllands'
                if hit:
                    words[-1] = words[-1][:-1]
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
    found.extend(_compound_areas(text, toks, taken))
    found.extend(_areas_after_area_word(text, toks, taken, found))
    found.extend(_places_listed_with_regions(text, found))
    found.extend(_named_areas(text, runs))
    return found


def _compound_areas(text: str, toks: list[Token], taken: set[int]) -> list[RegionMatch]:
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
        if not any((s, e) in known for s, e, _ in spans):
            continue
        others = [(s, e, p) for s, e, p in spans if (s, e) not in known]
        if any(p.casefold() in countries or head_of_place(p) or " " in p for _, _, p in others):
            continue  # a list of countries, organisations or people ('Rudy Demotte'), not of places
        out.extend(RegionMatch(s, e, p, slug(p), None, p) for s, e, p in others)
    return out


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
        ):
            out.append(RegionMatch(run.start, run.end, run.text, slug(run.text), None, run.text))
    return out
