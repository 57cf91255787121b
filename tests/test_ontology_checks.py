"""Label and vocabulary checks: every ``queries/checks/*.rq`` returns no rows on the ontology plus
the reference data, and each one does catch the fault it is written for."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from innograph.ontology import ontology_triples
from innograph.ontology.reference_graph import reference_triples

CHECKS = sorted((Path(__file__).resolve().parents[1] / "queries" / "checks").glob("*.rq"))

PREFIXES = """
@prefix ig: <https://w3id.org/innograph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/innograph/ontology> a owl:Ontology .
"""
FULL_TERM = """
ig:Ok rdfs:isDefinedBy <https://w3id.org/innograph/ontology> ;
  rdfs:label "ok"@en, "ok"@fr, "ok"@da, "ok"@nl ;
  skos:definition "d"@en, "d"@fr, "d"@da, "d"@nl .
"""
# One broken snippet per check: the check must report it.
BROKEN = {
    "term-without-label.rq": 'ig:Bad rdfs:isDefinedBy <https://w3id.org/innograph/ontology> ; rdfs:label "bad"@en .',
    "term-without-definition.rq": (
        'ig:Bad rdfs:isDefinedBy <https://w3id.org/innograph/ontology> ; skos:definition "d"@en .'
    ),
    "label-without-language.rq": '<https://example.org/x> rdfs:label "untagged" .',
    "two-preflabels-one-language.rq": '<https://example.org/x> skos:prefLabel "one"@fr, "two"@fr .',
    "term-two-labels-one-language.rq": 'ig:Ok rdfs:label "other"@nl .',
    "preflabel-also-altlabel.rq": '<https://example.org/x> skos:prefLabel "same"@da ; skos:altLabel "same"@da .',
    "concept-without-label.rq": (
        '<https://example.org/s> a skos:ConceptScheme . '
        '<https://example.org/c> a skos:Concept ; skos:inScheme <https://example.org/s> ; '
        'skos:prefLabel "c"@en, "c"@fr, "c"@da .'
    ),
    "concept-without-scheme.rq": "<https://example.org/c> a skos:Concept .",
    "label-shared-by-two-concepts.rq": (
        '<https://example.org/a> skos:inScheme <https://example.org/s> ; skos:prefLabel "Data"@en . '
        '<https://example.org/b> skos:inScheme <https://example.org/s> ; skos:altLabel "data"@en .'
    ),
    "broader-without-narrower.rq": "<https://example.org/a> skos:broader <https://example.org/b> .",
    "undefined-ontology-term.rq": "<https://example.org/x> ig:regoin <https://example.org/y> .",
}


def _rows(store: pyoxigraph.Store, check: Path) -> list:
    return list(store.query(check.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in ontology_triples())
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in reference_triples())
    return store


def test_there_are_checks() -> None:
    assert len(CHECKS) >= 8


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_returns_no_rows(store: pyoxigraph.Store, check: Path) -> None:
    rows = _rows(store, check)
    assert rows == [], f"{check.name}: {[str(r) for r in rows[:10]]}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_catches_its_fault(check: Path) -> None:
    assert check.name in BROKEN, f"add a broken example for {check.name}"
    store = pyoxigraph.Store()
    store.load(PREFIXES + FULL_TERM + BROKEN[check.name], format=pyoxigraph.RdfFormat.TURTLE)
    assert _rows(store, check), f"{check.name} missed its fault"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_has_header(check: Path) -> None:
    text = check.read_text(encoding="utf-8")
    assert text.startswith("# title: ")
    assert "\n# description: " in text
