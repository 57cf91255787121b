"""The few words of the linked-data pages, in the four languages of the corpus.

The texts are data: ``words.tsv`` (page words) and ``predicate-labels.tsv`` (labels of common
predicates from other vocabularies, as prefixed names; ours come from the ontology), read once at
import. A missing or malformed table is an error at start-up.
"""

from __future__ import annotations

from pathlib import Path

from innograph.ontology.tables import read_ui_texts

from innograph.namespaces import expand

_HERE = Path(__file__).resolve().parent

WORDS: dict[str, dict[str, str]] = read_ui_texts(_HERE / "words.tsv")


_PREDICATE_LABELS: dict[str, dict[str, str]] = {
    lang: {expand(name): label for name, label in labels.items()}
    for lang, labels in read_ui_texts(_HERE / "predicate-labels.tsv").items()
}


def word(lang: str, key: str) -> str:
    return WORDS.get(lang, WORDS["en"])[key]


def common_label(iri: str, lang: str) -> str | None:
    return _PREDICATE_LABELS.get(lang, _PREDICATE_LABELS["en"]).get(iri)
