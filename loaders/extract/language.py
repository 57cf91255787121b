"""Language of a document's main body and of each of its blocks.

Two pieces of evidence per block: py3langid (a maintained n-gram classifier, restricted to the four
languages we have rules for) and the share of the block's words that are stop words of each language
(``loaders/lang/{xx}/stop_words.py``). The document's language is the one that covers most
characters of the body, so French page furniture ('Rechercher des projets', 'Date de fin') around a
long English description still gives 'en'. A guard on the unrestricted classifier returns None for a
text in another language (German, Spanish...).
"""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract.facts import Segment
from innograph.loaders.lang import LANGUAGES, all_rules
from py3langid.langid import MODEL_FILE, LanguageIdentifier

_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")  # runs of non-blank lines
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NO_LANGUAGE = "zxx"
_MIN_BLOCK_CHARS = 25  # shorter blocks (menu items, numbers) borrow their neighbours' language
_MAX_CLASSIFY_CHARS = 4000  # a block's language is clear long before that
_STOP_WEIGHT = 2.0  # how much the stop-word share counts against the classifier's probability
_OTHER_MIN_SHARE = 0.6  # text share another language needs before the document is 'not ours'
# close relatives the classifier confuses with ours: a Danish block scored as Norwegian is Danish
_NEIGHBOURS = {"no": "da", "nn": "da", "nb": "da", "fo": "da", "af": "nl", "fy": "nl", "li": "nl", "lb": "nl",
               "wa": "fr", "oc": "fr", "sco": "en"}
_FOREIGN_UNSURE = 0.5  # below this the classifier's foreign guess is no evidence at all
_FOREIGN_SURE = 0.9  # the unrestricted classifier is trusted above this probability
_OTHER_MAX_STOP = 0.3  # a block the classifier calls foreign stays ours above this stop-word share


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # ~0.7 s, once per process


@cache
def _stop_words() -> dict[str, frozenset[str]]:
    return {lang: mod.STOP_WORDS for lang, mod in all_rules("stop_words").items()}


@cache
def _stop_word_languages() -> dict[str, tuple[str, ...]]:
    """stop word -> the languages it is a stop word of: one look-up per word, not one per language."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, stops in _stop_words().items():
        for word in stops:
            out[word] = (*out.get(word, ()), lang)
    return out


def stop_word_shares(text: str) -> dict[str, float]:
    """Share of the words of ``text`` that are stop words of each language."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return dict.fromkeys(LANGUAGES, 0.0)
    counts = dict.fromkeys(_stop_words(), 0)
    languages_of = _stop_word_languages()
    for word in words:
        for lang in languages_of.get(word, ()):
            counts[lang] += 1
    return {lang: count / len(words) for lang, count in counts.items()}


def _block_language(text: str) -> tuple[str, float, str]:
    """(best of our languages, its best stop-word share, the unrestricted classifier's language).

    One pass of the classifier over all its languages: the probabilities of our four, renormalised,
    are what a classifier restricted to them would give (a softmax over a subset). The unrestricted
    language is reported as ours when the classifier hesitates and stop words say it is one of ours
    (short English blocks are sometimes called 'la' or 'sco')."""
    sample = text[:_MAX_CLASSIFY_CHARS]
    ranked = _identifier().rank(sample)
    probs = {lang: p for lang, p in ranked if lang in LANGUAGES}
    total = sum(probs.values()) or 1.0
    shares = stop_word_shares(sample)
    best = max(LANGUAGES, key=lambda lang: probs.get(lang, 0.0) / total + _STOP_WEIGHT * shares[lang])
    foreign, confidence = ranked[0]
    if foreign not in LANGUAGES and (
        _NEIGHBOURS.get(foreign) == best
        or confidence < _FOREIGN_UNSURE
        or (confidence < _FOREIGN_SURE and max(shares.values()) >= _OTHER_MAX_STOP)
    ):
        foreign = best
    return best, max(shares.values()), foreign


def detect(text: str) -> tuple[str | None, list[Segment]]:
    """The main-body language (en/fr/da/nl or None) and one :class:`Segment` per text block.

    A block in another language (German, Spanish...) gets None; a block too short to tell takes
    the language of the block before it."""
    segments: list[Segment] = []
    short: list[Segment] = []
    weight: dict[str, float] = {}
    other_weight = 0.0
    for match in _BLOCK.finditer(text):
        block = match.group()
        letters = sum(map(str.isalpha, block))
        segment = Segment(match.start(), match.end(), None)
        segments.append(segment)
        if letters < _MIN_BLOCK_CHARS:
            short.append(segment)
            continue
        lang, _, unrestricted = _block_language(block)
        if unrestricted in LANGUAGES:
            segment.language = lang
            weight[lang] = weight.get(lang, 0.0) + letters
        elif unrestricted == _NO_LANGUAGE:
            short.append(segment)  # codes, numbers, names: borrows its neighbour's language
        else:
            other_weight += letters
    if not weight:
        # no block long enough (or all foreign): classify the whole text once
        letters = sum(map(str.isalpha, text))
        if letters < 3 or other_weight:
            return None, segments
        lang, _, unrestricted = _block_language(text)
        if unrestricted not in LANGUAGES:
            return None, segments
        weight[lang] = letters
    main = max(weight, key=lambda lang: weight[lang])
    if other_weight / (sum(weight.values()) + other_weight) >= _OTHER_MIN_SHARE:
        return None, segments
    _fill_short_segments(segments, short, main)
    return main, segments


def _fill_short_segments(segments: list[Segment], short: list[Segment], main: str) -> None:
    """Short blocks take the language of the block before them (or the main one)."""
    is_short = {id(s) for s in short}
    previous: str | None = main
    for seg in segments:
        if id(seg) in is_short:
            seg.language = previous
        elif seg.language is not None:
            previous = seg.language
