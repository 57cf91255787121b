"""The one text fold of innograph: every comparison of names and labels goes through it.

- :func:`fold_letters`: lower case, accents removed, letters without a decomposition transliterated
  (``ø`` -> ``o``, ``æ`` -> ``ae``, ``å`` -> ``aa``, ``ß`` -> ``ss``, ``œ`` -> ``oe``...); spacing and
  punctuation are kept, so offsets into short tokens stay meaningful.
- :func:`fold`: :func:`fold_letters`, then words only, one space apart: the comparison form of a name.
- :func:`key_slug`: the ascii, hyphenated form of :func:`fold`, for IRI keys
  (``'Interreg Østersøen'`` -> ``'interreg-ostersoen'``; never a dropped letter).
- :func:`stem_key`: :func:`fold` with every word stemmed (Snowball) in one language.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

# letters NFKD leaves whole, and 'å' (which NFKD would turn into a bare 'a'): spelled out
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "å": "aa",
        "œ": "oe",
        "ß": "ss",
        "ẞ": "ss",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "ı": "i",
        "ŀ": "l",
    }
)
_WORD_RUN = re.compile(r"[^\W_]+", re.UNICODE)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_STEMMERS = {"en": "english", "fr": "french", "da": "danish", "nl": "dutch"}
# names repeat within and across documents: folds and stems are looked up, not recomputed
_FOLD_CACHE_SIZE = 1 << 16


def _fold_char(char: str) -> str:
    """The fold of one character: case folded, transliterated, decomposed, marks dropped."""
    decomposed = unicodedata.normalize("NFKD", char.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


class _CharFolds(dict[int, str]):
    """code point -> its fold, filled on first sight: ``str.translate`` then folds in C.

    Folding character by character gives the fold of the whole text: case folding, the letter
    table and NFKD decomposition act per character, and canonical reordering only moves the
    combining marks that the fold drops."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_CHAR_FOLDS = _CharFolds()


def fold_letters(text: str) -> str:
    """Lower case, no accents, transliterated letters; punctuation and spacing as they were."""
    if text.isascii():
        return text.lower()
    return text.translate(_CHAR_FOLDS)


@lru_cache(maxsize=_FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Comparison form: 'La Région  Normandie' -> 'la region normandie', 'Grøn' -> 'gron'."""
    return " ".join(_WORD_RUN.findall(fold_letters(text)))


def key_slug(text: str, max_len: int = 80) -> str:
    """An ascii IRI key: folded, hyphens between words; a hash when nothing ascii is left."""
    value = _NON_SLUG.sub("-", fold_letters(text)).strip("-")[:max_len].strip("-")
    return value or "h" + hashlib.sha1(text.encode()).hexdigest()[:12]


def normalise(text: str) -> str:
    """The theme and programme look-up form; the same as :func:`fold`."""
    return fold(text)


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMERS[lang])


@lru_cache(maxsize=_FOLD_CACHE_SIZE)
def stem_key(text: str, lang: str) -> str:
    """Folded text with every word stemmed in ``lang``: catches inflections and plurals."""
    if lang not in _STEMMERS:
        return fold(text)
    words = fold(text).split()
    return " ".join(_stemmer(lang).stemWords(words))
