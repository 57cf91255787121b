"""Labels of ISO 3166 countries and subdivisions in innograph's languages, from pycountry's gettext
tables: bracketed remarks dropped, inverted names ('Moldova, République de') set upright, with the
inverted form kept as an alternative label.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry
from innograph.ontology.tables import LANGUAGES

_BRACKET = re.compile(r"\s*\[[^\]]*\]\s*$")


def without_bracket(name: str) -> str:
    """An ISO name without the remark in square brackets that may end it."""
    return _BRACKET.sub("", name).strip()


@cache
def _translator(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _uninvert(name: str) -> str:
    """'Moldova, République de' -> 'République de Moldova': ISO lists sort by the key word."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail or len(tail.split()) > 3:
        return name
    return f"{tail} {head}"


def iso_labels(
    domain: str, msgid: str, english: str, native: tuple[str, ...] = ()
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Labels per language from pycountry's gettext tables, and the inverted forms as alt labels.

    ``native``: our languages in which the ISO name is itself the local name (Normandie is
    French), so that language gets the name even when no translation differs from it.
    """
    source = without_bracket(msgid)
    labels: dict[str, str] = {"en": english}
    alts: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES[1:]:
        translated = without_bracket(_translator(domain, lang).gettext(msgid))
        if translated and translated != source:
            labels[lang] = translated
        elif lang in native:
            labels[lang] = source
    for lang, label in list(labels.items()):
        upright = _uninvert(label)
        if upright != label:
            labels[lang] = upright
            alts[lang] = (label,)
    return labels, alts
