"""The names of Europe's regions: ISO 3166-2 subdivisions (pycountry) plus exonyms in four languages,
and named areas.

'Normandy', 'Normandie' and 'Normandiet' all resolve to ``FR-NOR``; areas that ISO does not list
(Euregios, programme areas, 'Zuid-Nederland') are keyed by the slug of their name. A
:class:`RegionMatch` is one of these names found in a text (:mod:`regions` finds them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from innograph.loaders.extract import lexicon
from innograph.ontology.reference import regions as reference_regions
from innograph.ontology.text import fold

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
    """Names in four languages of the ontology's reference regions (ISO and named areas)."""
    out: dict[str, tuple[str, str | None]] = {}
    for region in reference_regions():
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
def subdivision_countries() -> dict[str, str]:
    """folded name -> country of the ISO 3166-2 subdivisions of every level ('Donegal' -> IE), for
    the place an authority governs; a name shared by subdivisions of two countries is left out."""
    out: dict[str, str | None] = {}
    for country in EUROPE:
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            for name in _clean_iso_name(sub.name):
                key = fold(name)
                if len(key) >= _MIN_NAME:
                    out[key] = country if out.get(key, country) == country else None
    return {key: country for key, country in out.items() if country is not None}


@cache
def _labels_by_language() -> dict[tuple[str, str], frozenset[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for region in reference_regions():
        for lang, label in region.labels.items():
            out.setdefault((region.code, lang), set()).add(fold(label))
        for lang, alts in region.alt_labels.items():
            out.setdefault((region.code, lang), set()).update(fold(a) for a in alts)
    return {key: frozenset(names) for key, names in out.items()}


def named_in(code: str, language: str | None, name: str) -> bool:
    """Is ``name`` how texts in ``language`` name the region ``code``? ('Normandy' in English,
    not in Dutch, where the region is 'Normandië')."""
    return fold(name) in _labels_by_language().get((code, language or ""), frozenset())


@cache
def _region_labels() -> dict[str, dict[str, str]]:
    return {region.code: dict(region.labels) for region in reference_regions()}


def region_label(code: str, language: str | None) -> str | None:
    """The region's name in ``language``, else in English."""
    labels = _region_labels().get(code, {})
    return labels.get(language or "") or labels.get("en")
