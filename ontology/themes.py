"""The innograph theme scheme (SKOS): policy objectives, Interreg strands, smart-specialisation and
sector themes, labelled in English, French, Danish and Dutch.

The data is ``src/themes.tsv``; this module turns it into :class:`ThemeConcept` records (for the
loaders and the partner search) and into triples for the reference graph. ``lookup`` maps a word
as written ('numérique', 'Digitaliseringen', 'digital transformation') to concept keys.

>>> "digital" in lookup("numérique", "fr") and "digital" in lookup("digitalisering", "da")
True
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from innograph.ontology.tables import LANGUAGES, SRC, Record, read_table
from innograph.ontology.text import normalise, stem_key
from pyoxigraph import Literal, NamedNode, Triple

from innograph.namespaces import DEFAULT_BASE_IRI, RDF_TYPE, RDFS_LABEL, SKOS

TABLE = "themes.tsv"
DEFINITIONS = "theme-definitions.tsv"


SCHEME_LABELS = {
    "en": "innograph themes",
    "fr": "thèmes d'innograph",
    "da": "innograph-temaer",
    "nl": "innograph-thema's",
}


@dataclass(frozen=True)
class ThemeConcept:
    iri: str
    key: str
    notation: str | None
    pref_labels: Mapping[str, str]  # language -> preferred label
    alt_labels: Mapping[str, tuple[str, ...]]  # language -> alternative labels
    broader_keys: tuple[str, ...]  # keys of broader concepts
    narrower_keys: tuple[str, ...]  # keys of narrower concepts
    base_iri: str = DEFAULT_BASE_IRI
    definitions: Mapping[str, str] = field(default_factory=dict)  # language -> skos:definition

    @property
    def slug(self) -> str:
        return self.key

    @property
    def broader(self) -> tuple[str, ...]:
        """IRIs of the broader concepts (concepts are identified by IRI, like in the graph)."""
        return tuple(concept_iri(key, self.base_iri) for key in self.broader_keys)

    @property
    def narrower(self) -> tuple[str, ...]:
        return tuple(concept_iri(key, self.base_iri) for key in self.narrower_keys)

    @property
    def labels(self) -> dict[str, tuple[str, ...]]:
        """Language -> every label (preferred first, then alternatives): what a gazetteer needs."""
        return {lang: tuple(self.all_labels(lang)) for lang in LANGUAGES if lang in self.pref_labels}

    def all_labels(self, lang: str | None = None) -> list[str]:
        """Preferred then alternative labels, in one language or all."""
        langs = [lang] if lang else list(LANGUAGES)
        out: list[str] = []
        for code in langs:
            if code in self.pref_labels:
                out.append(self.pref_labels[code])
            out.extend(self.alt_labels.get(code, ()))
        return out


def scheme_iri(base_iri: str = DEFAULT_BASE_IRI) -> str:
    return f"{base_iri}id/theme/scheme"


def concept_iri(key: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    return f"{base_iri}id/theme/{key}"


@cache
def _records() -> tuple[Record, ...]:
    records = tuple(read_table(TABLE))
    keys = {r.key for r in records}
    for record in records:
        missing = [b for b in record.attr_list("broader") if b not in keys]
        if missing:
            raise ValueError(f"{TABLE}: {record.key} has unknown broader {missing}")
        if set(record.pref) != set(LANGUAGES):
            raise ValueError(f"{TABLE}: {record.key} lacks a label in {set(LANGUAGES) - set(record.pref)}")
    return records


@cache
def _definitions() -> dict[str, dict[str, str]]:
    """key -> language -> definition, from src/theme-definitions.tsv (formal concepts only)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    with (SRC / DEFINITIONS).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[row["key"]][row["lang"]] = row["definition"]
    return dict(out)


@cache
def _concepts(base_iri: str) -> tuple[ThemeConcept, ...]:
    records = _records()
    definitions = _definitions()
    unknown = set(definitions) - {r.key for r in records}
    if unknown:
        raise ValueError(f"{DEFINITIONS}: definitions for unknown concepts {sorted(unknown)}")
    narrower: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for parent in record.attr_list("broader"):
            narrower[parent].append(record.key)
    return tuple(
        ThemeConcept(
            iri=concept_iri(r.key, base_iri),
            key=r.key,
            notation=r.attrs.get("notation"),
            pref_labels=dict(r.pref),
            alt_labels=dict(r.alts),
            broader_keys=r.attr_list("broader"),
            narrower_keys=tuple(narrower[r.key]),
            base_iri=base_iri,
            definitions=definitions.get(r.key, {}),
        )
        for r in records
    )


def concepts(base_iri: str = DEFAULT_BASE_IRI) -> list[ThemeConcept]:
    """Every concept of the scheme, in table order."""
    return list(_concepts(base_iri))


def concept(key: str, base_iri: str = DEFAULT_BASE_IRI) -> ThemeConcept:
    for item in _concepts(base_iri):
        if item.key == key:
            return item
    raise KeyError(key)


@cache
def _index() -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, dict[str, tuple[str, ...]]]]:
    """(exact, stemmed): language -> normalised label -> concept keys."""
    exact: dict[str, dict[str, list[str]]] = {lang: defaultdict(list) for lang in LANGUAGES}
    stemmed: dict[str, dict[str, list[str]]] = {lang: defaultdict(list) for lang in LANGUAGES}
    for item in _concepts(DEFAULT_BASE_IRI):
        for lang in LANGUAGES:
            for label in item.all_labels(lang):
                for table, value in ((exact, normalise(label)), (stemmed, stem_key(label, lang))):
                    if value and item.key not in table[lang][value]:
                        table[lang][value].append(item.key)
    freeze = {lang: {k: tuple(v) for k, v in table.items()} for lang, table in exact.items()}
    freeze_stem = {lang: {k: tuple(v) for k, v in table.items()} for lang, table in stemmed.items()}
    return freeze, freeze_stem


def label_index(lang: str | None = None) -> dict[str, tuple[str, ...]]:
    """Normalised label -> concept keys, for one language or merged over the four."""
    exact, _ = _index()
    if lang:
        return dict(exact[lang])
    merged: dict[str, list[str]] = defaultdict(list)
    for code in LANGUAGES:
        for label, keys in exact[code].items():
            merged[label].extend(k for k in keys if k not in merged[label])
    return {label: tuple(keys) for label, keys in merged.items()}


def lookup(text: str, lang: str | None = None) -> list[str]:
    """Concept keys whose label matches ``text`` (accents, case and punctuation ignored).

    Tries the exact normalised label first, then the stemmed form (inflections, plurals).
    ``lang`` narrows the search to one language; ``None`` searches all four.
    """
    exact, stemmed = _index()
    langs = [lang] if lang and lang in LANGUAGES else list(LANGUAGES)
    found: list[str] = []
    key = normalise(text)
    for code in langs:
        found.extend(k for k in exact[code].get(key, ()) if k not in found)
    if found:
        return found
    for code in langs:
        found.extend(k for k in stemmed[code].get(stem_key(text, code), ()) if k not in found)
    return found


@cache
def theme_triples(base_iri: str = DEFAULT_BASE_IRI) -> tuple[Triple, ...]:
    """The scheme as RDF (reference graph)."""
    skos = {name: NamedNode(SKOS + name) for name in (
        "ConceptScheme", "Concept", "inScheme", "prefLabel", "altLabel", "broader", "narrower",
        "notation", "topConceptOf", "hasTopConcept", "definition",
    )}
    theme_class = NamedNode(base_iri + "ontology#Theme")
    scheme = NamedNode(scheme_iri(base_iri))
    triples = [Triple(scheme, RDF_TYPE, skos["ConceptScheme"])]
    for lang, label in SCHEME_LABELS.items():
        triples.append(Triple(scheme, skos["prefLabel"], Literal(label, language=lang)))
        triples.append(Triple(scheme, RDFS_LABEL, Literal(label, language=lang)))
    for item in _concepts(base_iri):
        node = NamedNode(item.iri)
        triples += [
            Triple(node, RDF_TYPE, skos["Concept"]),
            Triple(node, RDF_TYPE, theme_class),
            Triple(node, skos["inScheme"], scheme),
        ]
        if item.notation:
            triples.append(Triple(node, skos["notation"], Literal(item.notation)))
        for lang, text in item.definitions.items():
            triples.append(Triple(node, skos["definition"], Literal(text, language=lang)))
        for lang, label in item.pref_labels.items():
            triples.append(Triple(node, skos["prefLabel"], Literal(label, language=lang)))
            triples.append(Triple(node, RDFS_LABEL, Literal(label, language=lang)))
        for lang, alts in item.alt_labels.items():
            triples += [Triple(node, skos["altLabel"], Literal(alt, language=lang)) for alt in alts]
        for parent in item.broader:
            triples.append(Triple(node, skos["broader"], NamedNode(parent)))
        for child in item.narrower:
            triples.append(Triple(node, skos["narrower"], NamedNode(child)))
        if not item.broader_keys:
            triples.append(Triple(node, skos["topConceptOf"], scheme))
            triples.append(Triple(scheme, skos["hasTopConcept"], node))
    return tuple(triples)
