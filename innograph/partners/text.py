"""Cross-lingual text normalisation for partner search.

Three layers, each cheap and predictable:

1. ``fold``: case folding plus accent removal, with the Nordic letters NFKD leaves alone
   (``ø`` -> ``o``, ``æ`` -> ``ae``, ``å`` -> ``a``), so "Grøn Omstilling" == "gron omstilling".
2. ``keys``: one token becomes a small set of comparison keys, the Snowball stem of the token in a
   language (stemmed before and after folding, because the stemmers' rules look at accented
   vowels and people type without accents). Two tokens match when their key sets intersect.
3. ``ThemeMatcher``: finds the SKOS theme concepts named in a free-text need by matching every
   pref/alt label of every concept, in its own language, against the need stemmed in that same
   language. The need's language does not have to be known: a French need is compared with French
   labels using the French stemmer, with Danish labels using the Danish stemmer, and so on. A one-
   letter typo in a long word is forgiven.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz.distance import Levenshtein

LANGUAGES: tuple[str, ...] = ("en", "fr", "da", "nl")
_STEMMER_NAMES = {"en": "english", "fr": "french", "da": "danish", "nl": "dutch"}
_NOT_DECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# French and Dutch elisions glued to the next word: l'innovation, d'entreprises, qu'il, 's-Hertogenbosch
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)

# Words that carry no topic in a partner-search need (function words and the search's own words).
# Kept short on purpose: topic words are matched through the theme scheme, not through this list.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a an and are as at be by for from in into is of on or our the their this to we with looking
    search seek seeking need needs want partner partners partnership cooperation project projects
    au aux avec ce ces dans de des du en est et la le les leur nous notre nos ou par pour sur un une
    cherchons cherche recherche recherchons partenaire partenaires projet projets cooperation
    af at de den der det en er et for fra i med og om paa pa som til vi vores sog soger partner
    partnere samarbejde projekt projekter inden indenfor
    aan als bij de den der een en het in is met naar of om onze op te van voor wij we zoeken zoekt
    partners samenwerking project projecten
    """.split()  # noqa: SIM905 - one readable block of words
)


def fold(text: str) -> str:
    """Lower case, no accents, Nordic letters spelled out: the form used for every comparison."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_NOT_DECOMPOSED)


def tokens(text: str) -> list[str]:
    """Word tokens in lower case (accents kept for the stemmers), elisions removed."""
    out: list[str] = []
    for raw in re.split(r"\s+", text.casefold()):
        raw = _ELISION.sub("", raw)
        out.extend(_TOKEN.findall(raw))
    return out


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMER_NAMES[lang])


@lru_cache(maxsize=200_000)
def keys(token: str, lang: str) -> frozenset[str]:
    """Comparison keys of one lower-case token in ``lang`` (any other language: folding only)."""
    folded = fold(token)
    if lang not in _STEMMER_NAMES or len(token) <= 3:  # acronyms and short words are not stemmed
        return frozenset((folded,))
    stemmer = _stemmer(lang)
    return frozenset((fold(stemmer.stemWord(token)), stemmer.stemWord(folded)))


def all_keys(token: str) -> frozenset[str]:
    """Keys of a token whose language is unknown: the union over the four languages."""
    out: set[str] = set()
    for lang in LANGUAGES:
        out |= keys(token, lang)
    return frozenset(out)


def content_tokens(text: str) -> list[str]:
    """Tokens of a need that may name a topic (stop words and digits dropped)."""
    return [t for t in tokens(text) if fold(t) not in STOP_WORDS and not t.isdigit() and len(t) > 1]


def _token_matches(label_keys: frozenset[str], query_keys: frozenset[str], query_token: str) -> bool:
    if label_keys & query_keys:
        return True
    # One edit in a long word (typo) still matches; short words must match exactly.
    if len(query_token) >= 7:
        folded = fold(query_token)
        return any(len(k) >= 6 and Levenshtein.distance(k, folded, score_cutoff=1) <= 1 for k in label_keys) or any(
            len(k) >= 6 and Levenshtein.distance(k, q, score_cutoff=1) <= 1 for k in label_keys for q in query_keys
        )
    return False


@dataclass(frozen=True)
class LabelMatch:
    """A theme concept named in a text: which label matched, and where (token positions)."""

    concept: str
    label: str
    lang: str
    start: int
    end: int  # exclusive token index


@dataclass(frozen=True)
class _Label:
    concept: str
    text: str
    lang: str
    keys: tuple[frozenset[str], ...]


class ThemeMatcher:
    """Finds theme concepts in free text through their labels in the four languages."""

    def __init__(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """``labels``: (concept IRI, label text, language tag) for every pref and alt label."""
        self._labels: list[_Label] = []
        for concept, text, lang in labels:
            lang = (lang or "").split("-")[0].lower()
            toks = tokens(text)
            if not toks:
                continue
            self._labels.append(_Label(concept, text, lang, tuple(keys(t, lang) for t in toks)))
        self._labels.sort(key=lambda label: -len(label.keys))  # longest labels first

    def find(self, text: str) -> list[LabelMatch]:
        """Concepts named in ``text``, longest label first; a match inside a longer one is dropped."""
        toks = tokens(text)
        per_lang: dict[str, list[frozenset[str]]] = {}
        found: list[LabelMatch] = []
        covered: list[tuple[int, int]] = []
        for label in self._labels:
            lang = label.lang if label.lang in _STEMMER_NAMES else ""
            query_keys = per_lang.get(lang)
            if query_keys is None:
                query_keys = per_lang[lang] = [keys(t, lang) if lang else all_keys(t) for t in toks]
            if any(m.concept == label.concept for m in found):
                continue
            n = len(label.keys)
            for start in range(len(toks) - n + 1):
                end = start + n
                if any(s <= start and end <= e for s, e in covered):
                    continue  # inside a longer match ("intelligence" in "intelligence artificielle")
                if all(_token_matches(label.keys[i], query_keys[start + i], toks[start + i]) for i in range(n)):
                    found.append(LabelMatch(label.concept, label.text, label.lang, start, end))
                    covered.append((start, end))
                    break
        return sorted(found, key=lambda m: m.start)

    def unmatched_tokens(self, text: str, matches: Sequence[LabelMatch]) -> list[str]:
        """Content tokens of ``text`` outside every theme match (used for keyword matching)."""
        toks = tokens(text)
        inside = {i for m in matches for i in range(m.start, m.end)}
        return [t for i, t in enumerate(toks) if i not in inside and fold(t) not in STOP_WORDS and len(t) > 1]
