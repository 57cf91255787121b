"""``/api/search?q=``: entities by label in any language, blind to accents and case, tolerant of typos.

How: every label is folded (``fold_letters``, the project's one fold) and split into words. A
query word matches a label word exactly, as a prefix (typing in progress, 3+ letters) or within
a small edit distance (rapidfuzz, words of 4+ letters). Each label gets the sum over query words
of its best word similarity; the best few hundred labels are re-scored against the whole query
(rapidfuzz WRatio) and grouped by entity. The vocabulary of distinct words is far smaller than the
label list, which keeps the fuzzy step fast at 100k organisations.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from innograph.iris import Iris
from innograph.ontology.text import fold_letters
from innograph.partners.text import tokens

RERANK = 300
FUZZY_PER_WORD = 40


# Nodes that carry a label but are parts of a statement, not things a person searches for.
NOT_SEARCHED = frozenset(
    {"Evidence", "Role", "MonetaryAmount", "Percentage", "DatedEvent", "GraphChange", "ExtractionActivity"}
)


class LabelSearch:
    def __init__(self, labels: Mapping[str, dict[str, list[str]]], types: Mapping[str, set[str]], iris: Iris) -> None:
        self.iris = iris
        self.types = types
        self.entity: list[str] = []
        self.text: list[str] = []
        self.lang: list[str] = []
        self.folded: list[str] = []
        postings: dict[str, list[int]] = {}
        prefix = iris.base + "id/"
        for iri, by_lang in labels.items():
            if not iri.startswith(prefix) or types.get(iri, set()) & NOT_SEARCHED:
                continue
            for lang, texts in by_lang.items():
                for text in texts:
                    e = len(self.entity)
                    self.entity.append(iri)
                    self.text.append(text)
                    self.lang.append(lang)
                    self.folded.append(fold_letters(text))
                    for word in {fold_letters(t) for t in tokens(text)}:
                        postings.setdefault(word, []).append(e)
        self.words = sorted(postings)
        self.postings = [np.asarray(postings[w], dtype=np.int32) for w in self.words]

    def _similar_words(self, word: str, last: bool) -> dict[int, float]:
        """Vocabulary words close to ``word`` -> similarity 0..1."""
        found: dict[int, float] = {}
        j = bisect.bisect_left(self.words, word)
        if j < len(self.words) and self.words[j] == word:
            found[j] = 1.0
        if last and len(word) >= 3:  # the word being typed: any completion
            k = j
            while k < len(self.words) and self.words[k].startswith(word) and k - j < 200:
                found.setdefault(k, 0.9)
                k += 1
        if len(word) >= 4:
            cutoff = 80 if len(word) >= 6 else 75
            for _w, sim, k in process.extract(
                word, self.words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=FUZZY_PER_WORD
            ):
                found[k] = max(found.get(k, 0.0), sim / 100 * 0.95)
        return found

    def search(
        self, q: str, *, lang: str = "en", limit: int = 20, offset: int = 0, label: Any = None
    ) -> dict[str, Any]:
        words = [fold_letters(t) for t in tokens(q)]
        if not words or not self.entity:
            return {"q": q, "total": 0, "results": []}
        coverage = np.zeros(len(self.entity), dtype=np.float32)
        for n, word in enumerate(words):
            best = np.zeros(len(self.entity), dtype=np.float32)
            for k, sim in self._similar_words(word, last=n == len(words) - 1).items():
                ids = self.postings[k]
                best[ids] = np.maximum(best[ids], sim)
            coverage += best
        hits = np.flatnonzero(coverage > 0)
        if hits.size > RERANK:
            hits = hits[np.argpartition(-coverage[hits], RERANK - 1)[:RERANK]]
        query = fold_letters(q)
        by_entity: dict[str, tuple[float, int]] = {}
        for e in hits.tolist():
            score = 0.6 * float(coverage[e]) / len(words) + 0.4 * fuzz.WRatio(query, self.folded[e]) / 100
            iri = self.entity[e]
            if iri not in by_entity or score > by_entity[iri][0]:
                by_entity[iri] = (score, e)
        ranked = sorted(by_entity.items(), key=lambda item: (-item[1][0], item[0]))
        page = ranked[offset : offset + limit]
        base = self.iris.base
        results = []
        for iri, (score, e) in page:
            results.append(
                {
                    "iri": iri,
                    "label": label(iri, lang) if label else self.text[e],
                    "matched_label": self.text[e],
                    "matched_lang": self.lang[e] or None,
                    "types": sorted(self.types.get(iri, ())),
                    "score": round(score, 4),
                    "page": "/" + iri[len(base) :],
                }
            )
        return {"q": q, "total": len(ranked), "results": results}
