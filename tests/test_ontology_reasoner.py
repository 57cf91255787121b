"""The ontology is consistent under HermiT (through owlready2), and the reasoner does notice an
inconsistency, so the check can fail."""

from __future__ import annotations

import io
import shutil

import owlready2
import pytest
from innograph.ontology import ontology_graph
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")

VOCAB = "https://w3id.org/innograph/ontology#"


def _reason(graph: Graph) -> owlready2.World:
    world = owlready2.World()
    data = graph.serialize(format="nt", encoding="utf-8")
    onto = world.get_ontology("https://w3id.org/innograph/ontology").load(
        fileobj=io.BytesIO(data), format="ntriples"
    )
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


def _unsatisfiable(world: owlready2.World) -> list[str]:
    return sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)


def test_ontology_is_consistent_and_satisfiable() -> None:
    world = _reason(ontology_graph())
    assert _unsatisfiable(world) == []
    onto = world.get_ontology("https://w3id.org/innograph/ontology")
    assert onto.search_one(iri=VOCAB + "PublicAuthority") is not None


def test_reasoner_detects_a_contradiction() -> None:
    graph = ontology_graph()
    thing = URIRef("https://w3id.org/innograph/id/organisation/both")
    graph.add((thing, RDF.type, OWL.NamedIndividual))
    graph.add((thing, RDF.type, URIRef(VOCAB + "PublicAuthority")))
    graph.add((thing, RDF.type, URIRef(VOCAB + "Person")))  # organisations and persons are disjoint
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(graph)


def test_unsatisfiable_class_is_reported() -> None:
    graph = ontology_graph()
    odd = URIRef(VOCAB + "CompanyPerson")
    graph.add((odd, RDF.type, OWL.Class))
    graph.add((odd, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), URIRef(VOCAB + "Company")))
    graph.add((odd, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), URIRef(VOCAB + "Person")))
    world = _reason(graph)
    assert _unsatisfiable(world) == [str(odd)]
