"""The SKOS theme scheme as the partner search sees it: concepts, labels, and how close two are.

Closeness (used by the score, documented in ``rank.py``):

- the same concept: 1.0
- one step apart (one is the direct broader of the other): 0.5
- two steps apart (grandparent/grandchild, or siblings under the same broader): 0.25
- otherwise: 0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from innograph.ontology import themes

EXACT = 1.0
ONE_STEP = 0.5
TWO_STEPS = 0.25


@dataclass
class Concept:
    iri: str
    pref: dict[str, str] = field(default_factory=dict)  # lang -> preferred label
    alt: dict[str, list[str]] = field(default_factory=dict)  # lang -> alternative labels
    broader: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Relation:
    concept: str
    weight: float
    kind: str  # exact | broader | narrower | sibling | related


class ThemeScheme:
    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.concepts: dict[str, Concept] = {}
        for c in concepts:
            self._merge(c)
        self.narrower: dict[str, set[str]] = {iri: set() for iri in self.concepts}
        for c in self.concepts.values():
            for b in c.broader:
                self.narrower.setdefault(b, set()).add(c.iri)
        self._near: dict[str, dict[str, Relation]] = {}

    def _merge(self, c: Concept) -> None:
        have = self.concepts.get(c.iri)
        if have is None:
            self.concepts[c.iri] = Concept(c.iri, dict(c.pref), {k: list(v) for k, v in c.alt.items()}, set(c.broader))
            return
        for lang, text in c.pref.items():
            have.pref.setdefault(lang, text)
        for lang, texts in c.alt.items():
            have.alt.setdefault(lang, [])
            have.alt[lang].extend(t for t in texts if t not in have.alt[lang])
        have.broader |= c.broader

    def __contains__(self, iri: object) -> bool:
        return iri in self.concepts

    def __len__(self) -> int:
        return len(self.concepts)

    def labels(self) -> list[tuple[str, str, str]]:
        """(concept, text, lang) for every pref and alt label: the input of the ThemeMatcher."""
        out: list[tuple[str, str, str]] = []
        for c in self.concepts.values():
            out.extend((c.iri, text, lang) for lang, text in c.pref.items())
            out.extend((c.iri, text, lang) for lang, texts in c.alt.items() for text in texts)
        return out

    def label(self, iri: str, lang: str = "en") -> str:
        c = self.concepts.get(iri)
        if c is None:
            return iri.rsplit("/", 1)[-1]
        return c.pref.get(lang) or c.pref.get("en") or next(iter(c.pref.values()), iri.rsplit("/", 1)[-1])

    def near(self, iri: str) -> dict[str, Relation]:
        """Concepts close to ``iri`` (itself included) with their weight; cached."""
        found = self._near.get(iri)
        if found is not None:
            return found
        out: dict[str, Relation] = {iri: Relation(iri, EXACT, "exact")}

        def add(other: str, weight: float, kind: str) -> None:
            if other not in out or out[other].weight < weight:
                out[other] = Relation(other, weight, kind)

        up = self.concepts[iri].broader if iri in self.concepts else set()
        down = self.narrower.get(iri, set())
        for b in up:
            add(b, ONE_STEP, "broader")
            for bb in self.concepts[b].broader if b in self.concepts else ():
                add(bb, TWO_STEPS, "broader")
            for sibling in self.narrower.get(b, ()):
                add(sibling, TWO_STEPS, "sibling")
        for n in down:
            add(n, ONE_STEP, "narrower")
            for nn in self.narrower.get(n, ()):
                add(nn, TWO_STEPS, "narrower")
        out[iri] = Relation(iri, EXACT, "exact")
        self._near[iri] = out
        return out


def concepts_from_ontology(base_iri: str) -> list[Concept]:
    """The scheme shipped with the ontology (``ontology/src/themes.tsv``), with IRIs under ``base_iri``.

    Themes carry half of the partner score, so an empty scheme is an error, not a smaller product.
    """
    shipped = themes.concepts(base_iri)
    if not shipped:
        raise RuntimeError("the ontology's theme scheme (ontology/src/themes.tsv) has no concepts")
    return [
        Concept(
            c.iri,
            dict(c.pref_labels),
            {lang: list(texts) for lang, texts in c.alt_labels.items()},
            set(c.broader),
        )
        for c in shipped
    ]
