"""The fast paths of the extraction give what the plain definitions give.

Each speed-up (a per-character fold table, caches, indexes instead of scans) is checked here
against a direct, slow statement of the same rule, on inputs written in the test.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from innograph.loaders.extract import candidates, genre, language
from innograph.ontology.text import fold, fold_letters, key_slug, stem_key

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "å": "aa", "œ": "oe", "ß": "ss", "ẞ": "ss", "đ": "d", "ð": "d",
                          "þ": "th", "ł": "l", "ı": "i", "ŀ": "l"})


def _slow_fold_letters(text: str) -> str:
    """The fold as first written: whole-string case fold, NFKD, marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def _slow_fold(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", _slow_fold_letters(text)).split())


# every letter of the Latin, Greek and Cyrillic blocks, combining marks, ligatures, spaces, punctuation
_CHARACTERS = "".join(chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x370, 0x530),
                                       *range(0x1E00, 0x1F00), *range(0x2000, 0x2070), *range(0xFB00, 0xFB07)])
_SAMPLES = [
    "Grøn  Omstilling",
    "La Région d’Île-de-France",
    "Æblerød Œuvre STRASSE Straße ẞ",
    "e\u0301te\u0301 ça\u0327",  # decomposed accents, in the order a keyboard gives them
    "A\u0308\u0301 o\u0301\u0308",  # two marks in both orders
    "snake_case, ﬁnance — 2021–2027",
    "İstanbul ΣΟΦΊΑ ǅemal",
    "",
    "plain ascii Words, 42!",
]


def test_fold_letters_of_every_character_is_the_whole_string_fold() -> None:
    for char in _CHARACTERS:
        assert fold_letters(char) == _slow_fold_letters(char), hex(ord(char))
    assert fold_letters(_CHARACTERS) == _slow_fold_letters(_CHARACTERS)


def test_fold_and_slug_match_the_plain_definitions() -> None:
    for text in [*_SAMPLES, _CHARACTERS]:
        assert fold_letters(text) == _slow_fold_letters(text), text
        assert fold(text) == _slow_fold(text), text
        assert fold(text) == fold(text)  # a cached answer is the same answer
    assert key_slug("Interreg Østersøen") == "interreg-ostersoen"


def test_stem_key_is_cached_per_language() -> None:
    assert stem_key("Regions", "en") == "region"
    assert stem_key("Regions", "xx") == "regions"  # no stemmer: the fold
    assert stem_key("kommunerne", "da") != stem_key("kommunerne", "en")


def _slow_stop_word_shares(text: str) -> dict[str, float]:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)]
    if not words:
        return dict.fromkeys(language._stop_words(), 0.0)
    return {lang: sum(w in stops for w in words) / len(words) for lang, stops in language._stop_words().items()}


def test_stop_word_shares_count_each_word_for_every_language_it_belongs_to() -> None:
    for text in ("the project and the region", "le projet et la région", "projektet og regionen er",
                 "het project en de provincie", "de en et og the", "", "2024 – 31.12.", "Nantes Aarhus Gent"):
        assert language.stop_word_shares(text) == _slow_stop_word_shares(text), text


def _without_first_word_index(cues: genre._Cues, words: list[str]) -> genre._Cues:
    """The same cues with every word allowed to open a cue of several words (the index off)."""
    return dataclasses.replace(cues, starts=frozenset(words), affix_memo={})


def test_genre_cue_matches_equal_the_plain_scan() -> None:
    cues = genre._cue_set({
        "Call": ["call for proposals", "deadline", "appel*", "l’appel à projets"],
        "Cluster": ["*klynge", "cluster*", "erhvervsklynge"],
        "Project": ["work package*", "project", "co-operation project"],
    })
    texts = [
        "The call for proposals has a deadline; the call for projects does not.",
        "L’appel à projets et les appels d’offres du cluster",
        "Erhvervsklyngerne og klyngen, en erhvervsklynge og clusterorganisatie",
        "A co-operation project with work packages and a project call for",
        "",
    ]
    for text in texts:
        words = genre._words(text)
        plain = genre._cue_matches(_without_first_word_index(cues, words), words)
        assert genre._cue_matches(cues, words) == plain, text
        assert genre._cue_matches(cues, words) == plain, text  # memo filled
        for word in words:
            assert genre._affix_match(cues, word) == genre._scan_affixes(cues, word), word
    assert genre._cue_matches(cues, genre._words("the call for proposals")) == [
        (1, "call for proposals", ("Call",), genre.PHRASE_WEIGHT)]


_WORDS = ["d'Applications", "l’Europe", "qu'Erasmus", "Qu’il", "D'", "dApp", "Région", "EU", "INNOVOp",
          "INTERREGEurope", "ABCDef", "AbCDEFg", "Nordjyllands", "Region's", "Regions’", "Jens'", "Region's\n",
          "s'", "'s", "2024", "3D-Printing", "x", "É", "ÉCOLEs", "ŒUVREs", "NIJMEGENs"]


def test_token_helpers_give_what_their_patterns_give() -> None:
    for word in _WORDS:
        assert candidates.strip_genitive(word) == re.sub(r"(?:['’]s|['’])$", "", word), word
        without_elision = re.sub(r"^(?:[dlDL]|qu|Qu)['’]", "", word)
        assert candidates.Token(0, len(word), word).bare == without_elision, word
        assert candidates.is_capitalised(word) == (
            bool(without_elision) and (without_elision[0].isupper() or (
                without_elision[0].isdigit() and any(c.isupper() for c in without_elision)))), word
    text = " ".join(_WORDS) + " the ACMEWidgets and INNOVOp (INTERREGEurope) ÉCOLEs"
    plain = []
    for m in candidates.TOKEN.finditer(text):
        pos = m.start()
        for piece in re.split(r"(?<=[A-Z]{3})(?=[A-Z][a-z])", m.group()):
            plain.append(candidates.Token(pos, pos + len(piece), piece))
            pos += len(piece)
    assert candidates.tokens(text) == plain
    assert [t.text for t in candidates.tokens("INNOVOp")] == ["INNOV", "Op"]
