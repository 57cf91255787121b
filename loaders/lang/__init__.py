"""Language rules as data: one folder per language (``en``, ``fr``, ``da``, ``nl``).

Each folder holds plain constants in small modules (month names, magnitude words, role cues,
organisation-type words, legal forms, stop words...). Code asks for them by language and module
name, so adding a language is adding a folder, never an ``if`` branch.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from innograph.ontology.tables import LANGUAGES  # the languages of the ontology's labels


@cache
def rules(lang: str, module: str) -> ModuleType | None:
    """The rules module ``loaders/lang/{lang}/{module}.py``, or None when that language lacks it."""
    if lang not in LANGUAGES:
        return None
    try:
        return importlib.import_module(f"innograph.loaders.lang.{lang}.{module}")
    except ModuleNotFoundError:
        return None


def all_rules(module: str) -> dict[str, ModuleType]:
    """The same rules module for every language that has it."""
    found = {lang: rules(lang, module) for lang in LANGUAGES}
    return {lang: mod for lang, mod in found.items() if mod is not None}
