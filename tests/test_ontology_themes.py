"""The SKOS theme scheme: four languages per concept, hierarchy both ways, and a look-up that
brings words from different languages (and inflections) to one concept."""

from __future__ import annotations

import pytest
from innograph.ontology.tables import LANGUAGES
from innograph.ontology.text import normalise
from innograph.ontology.themes import concept, concepts, label_index, lookup, scheme_iri, theme_triples

BASE = "https://data.example.eu/ig/"


def test_scheme_covers_objectives_strands_and_sectors() -> None:
    keys = {c.key for c in concepts()}
    assert {"po1", "po2", "po3", "po4", "po5", "iso1", "iso2"} <= keys
    assert {"strand-a", "strand-b", "strand-c", "strand-d"} <= keys
    for key in ("digital", "artificial-intelligence", "data", "green-transition", "energy", "mobility",
                "health", "agri-food", "tourism", "materials", "textile", "design", "logistics",
                "manufacturing", "ict", "imaging", "environment", "culture-creative", "innovation",
                "entrepreneurship", "coworking", "research", "education", "smes"):
        assert key in keys, key
    assert len(keys) >= 50


def test_every_concept_is_labelled_in_four_languages() -> None:
    for item in concepts():
        assert set(item.pref_labels) == set(LANGUAGES), item.key
        assert sum(len(v) for v in item.alt_labels.values()) >= 3, item.key
        assert item.iri.endswith("/id/theme/" + item.key)


def test_hierarchy_is_stated_both_ways() -> None:
    by_key = {c.key: c for c in concepts()}
    for item in by_key.values():
        for parent in item.broader_keys:
            assert item.key in by_key[parent].narrower_keys
            assert by_key[parent].iri in item.broader
    assert "artificial-intelligence" in concept("digital").narrower_keys
    assert concept("artificial-intelligence").broader == (concept("digital").iri,)
    assert "numérique" in concept("digital").labels["fr"]
    assert concept("strand-a").notation == "A"
    assert concept("po1").notation == "PO1"


@pytest.mark.parametrize(
    ("word", "lang"),
    [("numérique", "fr"), ("digitalisering", "da"), ("digitalisering", "nl"), ("digital transformation", "en"),
     ("Digitaliseringen", "da"), ("transformation numérique", None), ("DIGITALE TRANSITIE", None)],
)
def test_digital_words_meet_at_one_concept(word: str, lang: str | None) -> None:
    assert lookup(word, lang) == ["digital"]


@pytest.mark.parametrize(
    ("word", "key"),
    [("grøn omstilling", "green-transition"), ("tiers-lieux", "coworking"), ("agro-voeding", "agri-food"),
     ("Logistiek", "logistics"), ("textiles intelligents", "textile"), ("Turisme", "tourism"),
     ("kmo", "smes"), ("innovatieve", "innovation"), ("Smarter Europe", "po1"),
     ("cross-border cooperation", "strand-a"), ("spécialisation intelligente", "smart-specialisation"),
     ("energiteknologi", "energy"), ("beeldvorming", "imaging")],
)
def test_lookup_across_languages(word: str, key: str) -> None:
    assert key in lookup(word)


def test_inflections_fall_back_to_stems() -> None:
    assert lookup("innovationerne", "da") == ["innovation"]  # not a label, same stem
    assert lookup("tourismes", "fr") == ["tourism"]
    assert lookup("turismens", "da") == ["tourism"]
    assert lookup("quantum gravity") == []


def test_normalise() -> None:
    assert normalise("  Numérique ") == "numerique"
    assert normalise("Grøn Omstilling") == "gron omstilling"
    assert normalise("Tiers-Lieux") == "tiers lieux"


def test_index_maps_each_label_to_one_concept() -> None:
    index = label_index()
    assert index[normalise("numérique")] == ("digital",)
    assert all(len(keys) == 1 for keys in index.values())


def test_triples_follow_the_base_iri() -> None:
    triples = theme_triples(BASE)
    subjects = {t.subject.value for t in triples}
    assert scheme_iri(BASE) in subjects
    assert BASE + "id/theme/digital" in subjects
    assert not any(s.startswith("https://w3id.org/") for s in subjects)
    assert any(t.object.value == BASE + "ontology#Theme" for t in triples)


def test_formal_concepts_are_defined_in_four_languages() -> None:
    for key in ("po1", "po2", "po3", "po4", "po5", "iso1", "iso2", "strand-a", "strand-b", "strand-c", "strand-d"):
        assert set(concept(key).definitions) == set(LANGUAGES), key
    assert any(t.predicate.value.endswith("#definition") for t in theme_triples())
