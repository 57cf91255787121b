"""Label normalisation shared by the theme and programme look-ups (accents, case, punctuation)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer

_PUNCT = re.compile(r"[^\w&]+")
_STEMMERS = {"en": "english", "fr": "french", "da": "danish", "nl": "dutch"}


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation to single spaces: 'Numérique ' -> 'numerique'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    ascii_ish = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters like ø/æ/ß have no decomposition; fold them so 'grøn' == 'gron' == 'groen'.
    ascii_ish = ascii_ish.replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae")
    ascii_ish = ascii_ish.replace("ß", "ss")
    return _PUNCT.sub(" ", ascii_ish.casefold()).replace("_", " ").strip()


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMERS[lang])


def stem_key(text: str, lang: str) -> str:
    """Normalised text with every word stemmed in ``lang``: catches inflections and plurals."""
    if lang not in _STEMMERS:
        return normalise(text)
    words = normalise(text).split()
    return " ".join(_stemmer(lang).stemWords(words))
