"""The hand-written Turtle examples (one per seed document) state the seeds' facts with the
ontology: they parse in rdflib, pyoxigraph and owlready2, conform to the shapes, are consistent
under HermiT, keep personal data apart, and carry the facts the seed documents hold."""

from __future__ import annotations

import hashlib
import io
import shutil
from decimal import Decimal
from pathlib import Path

import owlready2
import pyoxigraph
import pytest
from innograph.ontology import ontology_graph
from innograph.ontology.validate import validate_graph
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DOC_IDS = sorted(p.stem for p in (ROOT / "data").glob("*.txt"))
IG = Namespace("https://w3id.org/innograph/ontology#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# Plain Namespace (not rdflib's closed XSD) so pytest's collection does not trip over it.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = "https://w3id.org/innograph/id/"

MAIN_TYPE = {
    "000_f9080ea94353f169": IG.Partnership,
    "001_f6f95d138ad4bb8a": IG.Call,
    "002_553ed0569ff5614e": IG.Project,
    "003_4927c5ff21e69780": IG.Platform,
    "004_bb30414c2a0db206": IG.Project,
}


def _public(doc_id: str) -> Graph:
    return Graph().parse(SEEDS / f"{doc_id}.ttl")


def _with_personal(doc_id: str) -> Graph:
    graph = _public(doc_id)
    personal = SEEDS / f"{doc_id}.personal.ttl"
    if personal.exists():
        graph.parse(personal)
    return graph


def _main(graph: Graph, doc_id: str) -> URIRef:
    main = graph.value(URIRef(ID + "document/" + doc_id), IG.mainSubject)
    assert isinstance(main, URIRef)
    return main


def test_every_seed_has_an_example() -> None:
    assert len(DOC_IDS) == 5
    for doc_id in DOC_IDS:
        assert (SEEDS / f"{doc_id}.ttl").exists(), doc_id


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_example_conforms_to_the_shapes(doc_id: str) -> None:
    report = validate_graph(_with_personal(doc_id))
    assert report.conforms, "\n".join(map(str, report.violations))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_example_loads_in_pyoxigraph(doc_id: str) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(SEEDS / f"{doc_id}.ttl"), format=pyoxigraph.RdfFormat.TURTLE,
               to_graph=pyoxigraph.NamedNode(f"https://w3id.org/innograph/graph/{doc_id}"))
    assert len(store) == len(_public(doc_id))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_example_describes_the_seed_bytes(doc_id: str) -> None:
    graph = _public(doc_id)
    digest = hashlib.sha256((ROOT / "data" / f"{doc_id}.txt").read_bytes()).hexdigest()
    assert graph.value(URIRef(ID + "document/" + doc_id), IG.contentHash) == Literal("sha256:" + digest)
    assert (_main(graph, doc_id), RDF.type, MAIN_TYPE[doc_id]) in graph


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_personal_data_stays_out_of_the_public_example(doc_id: str) -> None:
    graph = _public(doc_id)
    assert not list(graph.subjects(RDF.type, IG.Person))
    for predicate in (FOAF.name, VCARD.hasEmail, VCARD.hasTelephone, IG.mentionsPerson):
        assert not list(graph.triples((None, predicate, None))), predicate


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_evidence_offsets_point_at_the_text(doc_id: str) -> None:
    graph = _public(doc_id)
    text = (ROOT / "data" / f"{doc_id}.txt").read_text(encoding="utf-8")
    evidence = list(graph.subjects(RDF.type, IG.Evidence))
    assert evidence
    for node in evidence:
        start, end = int(graph.value(node, IG.startOffset)), int(graph.value(node, IG.endOffset))
        assert text[start:end].strip()
        assert text[start:end] in str(graph.value(node, IG.sentence))


def test_seed_facts_with_their_precision() -> None:
    techlink = _public("004_bb30414c2a0db206")
    project = URIRef(ID + "project/techlink")
    amount = techlink.value(project, IG.amount)
    assert techlink.value(amount, IG.value).toPython() == Decimal("1103559.81")
    assert str(techlink.value(amount, IG.currency)) == "EUR"
    assert techlink.value(project, IG.startDate) == Literal("2004-01-31", datatype=XSD.date)
    assert techlink.value(project, IG.partnerCount).toPython() == 6
    assert techlink.value(techlink.value(project, IG.percentage), IG.value).toPython() == Decimal(56)

    alloni3 = _public("002_553ed0569ff5614e")
    project = URIRef(ID + "project/alloni3")
    assert alloni3.value(project, IG.startDate) == Literal("2023-10", datatype=XSD.gYearMonth)
    assert len(list(alloni3.objects(URIRef(ID + "document/002_553ed0569ff5614e"), IG.mentionsCountry))) == 5

    platform = _public("003_4927c5ff21e69780")
    hub = URIRef(ID + "platform/innov-eurometropolis")
    parts = list(platform.subjects(IG.partOf, hub))
    assert sum((p, RDF.type, IG.Cluster) in platform for p in parts) == 4
    assert sum((p, RDF.type, IG.Desk) in platform for p in parts) == 4

    call = _public("001_f6f95d138ad4bb8a")
    events = list(call.objects(URIRef(ID + "call/fabrique-d-initiatives"), IG.event))
    assert {call.value(e, IG.date).datatype for e in events} == {XSD.gYearMonth}
    assert len(list(call.objects(URIRef(ID + "call/fabrique-d-initiatives"), IG.eligibleBeneficiary))) == 7


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")
def test_examples_load_in_owlready2_and_are_consistent() -> None:
    graph = ontology_graph()
    for doc_id in DOC_IDS:
        graph += _with_personal(doc_id)
    # HermiT only knows the OWL 2 datatype map (no xsd:date/gYearMonth/gYear): check those as strings.
    for s, p, o in list(graph):
        if isinstance(o, Literal) and o.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear):
            graph.remove((s, p, o))
            graph.add((s, p, Literal(str(o))))
    world = owlready2.World()
    onto = world.get_ontology("https://w3id.org/innograph/ontology").load(
        fileobj=io.BytesIO(graph.serialize(format="nt", encoding="utf-8")), format="ntriples"
    )
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert [c for c in world.inconsistent_classes() if c is not owlready2.Nothing] == []
    region = world[ID + "organisation/normandy-region"]
    ancestors = {c.iri for c in region.INDIRECT_is_a if hasattr(c, "iri")}
    # A harvester that knows W3C ORG or schema.org sees what our organisations are.
    assert "http://www.w3.org/ns/org#Organization" in ancestors
    assert "https://schema.org/GovernmentOrganization" in ancestors


@pytest.mark.parametrize(
    "check", ["undefined-ontology-term.rq", "label-without-language.rq", "two-preflabels-one-language.rq"]
)
def test_label_checks_hold_on_the_examples(check: str) -> None:
    from innograph.ontology import ontology_triples

    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in ontology_triples())
    for doc_id in DOC_IDS:
        for path in SEEDS.glob(f"{doc_id}*.ttl"):
            store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    query = (ROOT / "queries" / "checks" / check).read_text(encoding="utf-8")
    assert list(store.query(query)) == []
