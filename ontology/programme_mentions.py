"""Programme mentions resolved to the keys of the reference programmes: 'INTERREG IV A Euregio
Meuse-Rhin', 'Atlantic Area 2000-2006', 'Europees Fonds Regionale Ontwikkeling (EFRO)'. Used by the
open-data imports, whose tables name programmes in free text.
"""

from __future__ import annotations

import re
from functools import cache

from innograph.ontology.reference import programmes
from innograph.ontology.text import normalise

_PERIOD = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*(19|20)?\d{2}\b")
_GENERATION = re.compile(r"\binterreg\s+(vi|iv|v|iii|ii|i|[1-6])(?:\s*-?\s*([abcd])\b|([abcd])\b)?", re.IGNORECASE)
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi"}
_PARENS = re.compile(r"\(([^)]*)\)")


@cache
def _programme_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for programme in programmes():
        for name in programme.names():
            keys = index.setdefault(normalise(name), [])
            if programme.key not in keys:
                keys.append(programme.key)
    return {name: tuple(keys) for name, keys in index.items()}


def match_programmes(text: str) -> list[str]:
    """Programme keys a mention refers to, most specific first.

    'INTERREG IV A Euregio Meuse-Rhin' -> ['euregio-meuse-rhine', 'interreg-iv'];
    'Atlantic Area 2000-2006' -> ['atlantic-area']; 'Europees Fonds Regionale Ontwikkeling (EFRO)' ->
    ['erdf']. Names are compared without accents, case or punctuation.
    """
    index = _programme_index()
    found: list[str] = []

    def add(candidate: str) -> bool:
        keys = index.get(normalise(candidate), ())
        found.extend(k for k in keys if k not in found)
        return bool(keys)

    if add(text):
        return found
    inner = _PARENS.findall(text)
    outer = _PARENS.sub(" ", text)
    add(outer)
    for part in inner:
        add(part)
    rest = _PERIOD.sub(" ", outer)
    generation = _GENERATION.search(rest)
    if generation:
        numeral = generation.group(1).lower()
        numeral = _ROMAN.get(numeral, numeral)
        remainder = (rest[: generation.start()] + " " + rest[generation.end():]).strip(" -–,")
        if remainder and not add("Interreg " + remainder):
            add(remainder)
        if f"interreg-{numeral}" not in found:
            found.append(f"interreg-{numeral}")
    elif rest.strip() != outer.strip():
        add(rest)
    return found
