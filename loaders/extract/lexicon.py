"""The language rules of ``loaders/lang/*`` merged into lookup tables.

Names cross languages (a Danish page names a French region, a Dutch page a German university), so
entity rules use the words of all four languages at once; cue words are merged the same way.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from innograph.loaders.lang import all_rules


def _merged_dict(module: str, name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for rules in all_rules(module).values():
        out.update(getattr(rules, name))
    return out


def _merged_tuple(module: str, name: str) -> tuple[str, ...]:
    out: list[str] = []
    for rules in all_rules(module).values():
        out.extend(getattr(rules, name))
    return tuple(dict.fromkeys(out))


@cache
def org_heads() -> dict[str, str]:
    return {k.casefold(): v for k, v in _merged_dict("organisations", "HEADS").items()}


@cache
def org_suffixes() -> dict[str, str]:
    return {k.casefold(): v for k, v in _merged_dict("organisations", "SUFFIXES").items()}


@cache
def trailing_heads() -> frozenset[str]:
    return frozenset(_merged_tuple("organisations", "TRAILING_HEADS"))


@cache
def legal_forms() -> frozenset[str]:
    return frozenset(_merged_tuple("organisations", "LEGAL_FORMS"))


@cache
def connectors() -> frozenset[str]:
    return frozenset(w.casefold() for w in _merged_tuple("organisations", "CONNECTORS"))


@cache
def region_authorities() -> frozenset[str]:
    return frozenset(_merged_tuple("organisations", "REGION_AUTHORITIES"))


@cache
def area_authorities() -> frozenset[str]:
    return frozenset(_merged_tuple("organisations", "AREA_AUTHORITIES"))


@cache
def stop_words() -> frozenset[str]:
    words: set[str] = set()
    for rules in all_rules("stop_words").values():
        words.update(w.casefold() for w in rules.STOP_WORDS)
    return frozenset(words)


@cache
def words(module: str, name: str) -> tuple[str, ...]:
    return _merged_tuple(module, name)


@cache
def table(module: str, name: str) -> dict[str, Any]:
    return _merged_dict(module, name)


@cache
def country_names(adjectives: bool = True) -> dict[str, str]:
    """Country names (and adjectives) of all languages -> ISO code (case-folded keys)."""
    out: dict[str, str] = {}
    for rules in all_rules("countries").values():
        for attr in ("NAMES", "ADJECTIVES") if adjectives else ("NAMES",):
            for name, code in getattr(rules, attr).items():
                out[name.casefold()] = code
    return out


@cache
def role_cues() -> dict[str, str]:
    return {k.casefold(): v for k, v in _merged_dict("roles", "ORG_ROLE_CUES").items()}
