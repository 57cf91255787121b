"""Language rules as data: one folder per language (``en``, ``fr``, ``da``, ``nl``).

Each folder holds plain constants in small modules (month names, magnitude words, role cues,
organisation-type words, legal forms, stop words...). Code asks for them by language and module
name, so adding a language is adding a folder, never an ``if`` branch.

Every folder defines the same modules and, in each, the same constant names with the same types
(``tests/test_lang_rules.py``): callers read constants as plain attributes, so a missing or renamed
one is an error, never a silently smaller set of rules.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

from innograph.ontology.tables import LANGUAGES  # the languages of the ontology's labels

RULES_DIR = Path(__file__).resolve().parent


class MissingRules(LookupError):
    """A language that innograph does not know, or a rules module that a language folder lacks."""


@cache
def rules(lang: str, module: str) -> ModuleType:
    """The rules module ``loaders/lang/{lang}/{module}.py``; raises :class:`MissingRules` for a
    language outside ``LANGUAGES`` or a module the folder does not have."""
    if lang not in LANGUAGES:
        raise MissingRules(f"no language rules for {lang!r}: the languages are {', '.join(LANGUAGES)}")
    name = f"{__name__}.{lang}.{module}"
    if importlib.util.find_spec(name) is None:
        raise MissingRules(f"loaders/lang/{lang}/{module}.py does not exist: every language folder "
                           f"defines the same rules modules")
    return importlib.import_module(name)


def all_rules(module: str) -> dict[str, ModuleType]:
    """The same rules module for every language, in the order of ``LANGUAGES``."""
    return {lang: rules(lang, module) for lang in LANGUAGES}


def module_names(lang: str) -> list[str]:
    """The rules modules of one language folder, sorted."""
    folder = RULES_DIR / lang
    if not folder.is_dir():
        raise MissingRules(f"no folder loaders/lang/{lang}/")
    return sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
