"""Cross-lingual text normalisation for partner search.

Three layers, each cheap and predictable:

1. ``fold``: the project's one letter fold (``innograph.ontology.text.fold_letters``: case, accents,
   ``ø`` -> ``o``, ``æ`` -> ``ae``, ``å`` -> ``aa``...), so "Grøn Omstilling" == "gron omstilling".
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from innograph.ontology.tables import LANGUAGES
from innograph.ontology.text import fold_letters

_STEMMER_NAMES = {"en": "english", "fr": "french", "da": "danish", "nl": "dutch"}
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
    folded = fold_letters(token)
    if lang not in _STEMMER_NAMES or len(token) <= 3:  # acronyms and short words are not stemmed
        return frozenset((folded,))
    stemmer = _stemmer(lang)
    return frozenset((fold_letters(stemmer.stemWord(token)), stemmer.stemWord(folded), folded))


def all_keys(token: str) -> frozenset[str]:
    """Keys of a token whose language is unknown: the union over the four languages."""
    out: set[str] = set()
    for lang in LANGUAGES:
        out |= keys(token, lang)
    return frozenset(out)


def content_tokens(text: str) -> list[str]:
    """Tokens of a need that may name a topic (stop words and digits dropped)."""
    return [t for t in tokens(text) if fold_letters(t) not in STOP_WORDS and not t.isdigit() and len(t) > 1]


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
    """Finds theme concepts in free text through their labels in the four languages.

    Labels are indexed by (language, key of their first word), so a need of ten words costs a few
    dictionary look-ups per word and language, not a scan of every label.
    """

    def __init__(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """``labels``: (concept IRI, label text, language tag) for every pref and alt label."""
        self._first: dict[tuple[str, str], list[_Label]] = {}
        self._vocab: dict[str, list[str]] = {}  # lang -> every key of every label word (typo repair)
        for concept, text, lang in labels:
            lang = (lang or "").split("-")[0].lower()
            lang = lang if lang in _STEMMER_NAMES else ""
            toks = tokens(text)
            if not toks:
                continue
            label = _Label(concept, text, lang, tuple(keys(t, lang) if lang else all_keys(t) for t in toks))
            for k in label.keys[0]:
                self._first.setdefault((lang, k), []).append(label)
            vocab = self._vocab.setdefault(lang, [])
            vocab.extend(k for ks in label.keys for k in ks if len(k) >= 6)
        self._vocab = {lang: sorted(set(v)) for lang, v in self._vocab.items()}
        self._known = {lang: set(v) for lang, v in self._vocab.items()}
        self._languages = frozenset(lang for lang, _k in self._first)

    def _query_keys(self, token: str, lang: str, forgive_typos: bool) -> frozenset[str]:
        found = keys(token, lang) if lang else all_keys(token)
        vocab = self._vocab.get(lang, [])
        if forgive_typos and len(token) >= 7 and vocab and not found & self._known.get(lang, set()):
            # A typo still matches a label word: one edit in a long word, two in a very long one.
            cutoff = 2 if len(token) >= 10 else 1
            near: set[str] = set()
            for probe in {fold_letters(token), *found}:
                near |= {
                    vocab[j]
                    for _k, _d, j in process.extract(
                        probe, vocab, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=5
                    )
                }
            found = found | near
        return found

    def find(self, text: str, *, lang: str | None = None, forgive_typos: bool = True) -> list[LabelMatch]:
        """Concepts named in ``text``, longest label first; a match inside a longer one is dropped.

        ``lang``: compare with the labels of that language only (a text whose language is known,
        such as a project's objective); ``forgive_typos`` False for long texts written with care
        (typo repair is the costly part, and it is there for what people type)."""
        toks = tokens(text)
        candidates: list[tuple[int, int, _Label]] = []
        languages = self._languages & {lang, ""} if lang else self._languages
        for label_lang in languages:
            qkeys = [self._query_keys(t, label_lang, forgive_typos) for t in toks]
            for start, first in enumerate(qkeys):
                seen: set[int] = set()
                for k in first:
                    for label in self._first.get((label_lang, k), ()):
                        n = len(label.keys)
                        if id(label) in seen or start + n > len(toks):
                            continue
                        seen.add(id(label))
                        if all(label.keys[j] & qkeys[start + j] for j in range(1, n)):
                            candidates.append((start, start + n, label))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2].concept, c[2].lang, c[2].text))
        found: list[LabelMatch] = []
        covered: list[tuple[int, int]] = []
        for start, end, label in candidates:
            if any(m.concept == label.concept for m in found):
                continue
            if end - start == 1 and fold_letters(toks[start]) in STOP_WORDS:
                continue  # 'recherche' in "recherche partenaire" asks for partners, not research
            if any(s <= start and end <= e for s, e in covered):
                continue  # inside a longer match ("intelligence" in "intelligence artificielle")
            found.append(LabelMatch(label.concept, label.text, label.lang, start, end))
            covered.append((start, end))
        return sorted(found, key=lambda m: m.start)

    def unmatched_tokens(self, text: str, matches: Sequence[LabelMatch]) -> list[str]:
        """Content tokens of ``text`` outside every theme match (used for keyword matching)."""
        toks = tokens(text)
        inside = {i for m in matches for i in range(m.start, m.end)}
        return [t for i, t in enumerate(toks) if i not in inside and fold_letters(t) not in STOP_WORDS and len(t) > 1]
