"""Reference data read by the loaders: EU bodies in four languages, European towns."""

from __future__ import annotations

from innograph.ontology.cities import city_index
from innograph.ontology.reference import eu_bodies, organisation_iri
from innograph.ontology.reference_graph import reference_triples
from innograph.ontology.tables import LANGUAGES

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"


def test_every_eu_body_has_a_name_in_every_language() -> None:
    bodies = eu_bodies()
    assert {b.key for b in bodies} >= {"european-commission", "committee-of-the-regions", "european-parliament"}
    for body in bodies:
        assert set(body.labels) == set(LANGUAGES), body.key


def test_eu_bodies_are_organisations_with_language_tagged_labels_in_the_reference_graph() -> None:
    node = organisation_iri("european-commission")
    labels = {
        (t.object.value, t.object.language)
        for t in reference_triples()
        if t.subject.value == node and t.predicate.value == SKOS_PREF
    }
    assert labels == {
        ("European Commission", "en"),
        ("Commission européenne", "fr"),
        ("Europa-Kommissionen", "da"),
        ("Europese Commissie", "nl"),
    }


def test_towns_are_found_by_any_of_their_names_and_the_larger_wins() -> None:
    index = city_index()
    assert (index["aarhus"].country, index["aix la chapelle"].name) == ("DK", "Aachen")
    assert index["lille"].country == "FR"  # the French city, not the Belgian village
    assert "europe" not in index
