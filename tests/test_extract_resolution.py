"""Resolution: one text fold, IRI keys that transliterate, one node per real thing."""

from __future__ import annotations

from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention
from innograph.loaders.extract.resolve import entity_slug, name_key
from innograph.loaders.extract.resolve_reference import resolve_organisations
from innograph.loaders.extract.to_rdf import entity_iri
from innograph.ontology.text import fold, fold_letters, key_slug

from innograph.iris import Iris, slug

IRIS = Iris("https://w3id.org/innograph/")


def test_fold_transliterates_letters_without_a_decomposition() -> None:
    assert fold("Grøn  Omstilling") == "gron omstilling"
    assert fold("Æblerød Œuvre Straße") == "aeblerod oeuvre strasse"
    assert fold("Århus") == "aarhus"
    assert fold("La Région d’Île-de-France") == "la region d ile de france"


def test_fold_letters_keeps_punctuation() -> None:
    assert fold_letters("Tiers-Lieux, Ærø!") == "tiers-lieux, aero!"


def test_iri_keys_keep_every_letter() -> None:
    assert slug("Interreg Østersøen") == "interreg-ostersoen"
    assert key_slug("Københavns Universitet") == "kobenhavns-universitet"
    assert entity_slug("Den Store Bæltforbindelse") == "store-baeltforbindelse"
    assert slug("Ελλάδα").startswith("h")  # nothing ascii left: a stable hash, never an empty key


def test_name_key_drops_a_leading_article_only() -> None:
    assert name_key("La Région Normandie") == "region normandie"
    assert name_key("Le") == "le"


def _org(text: str, name: str) -> EntityFact:
    start = text.find(name)
    return EntityFact(kind="organisation", name=name, mentions=[Mention(start, start + len(name), name, "test")])


def _iris_of(text: str, names: list[str], doc_id: str = "doc") -> list[str]:
    facts = DocumentFacts(doc_id=doc_id, text=text, entities=[_org(text, n) for n in names])
    resolve_organisations(facts)
    return [entity_iri(IRIS, e) for e in facts.entities]


def test_the_european_commission_is_one_node_in_every_language() -> None:
    written = [
        "European Commission",
        "Commission européenne",
        "Europese Commissie",
        "EU-Kommissionen",
        "Europa-Kommissionen",
    ]
    iris = {iri for name in written for iri in _iris_of(f"{name} opens a call.", [name])}
    assert iris == {IRIS.entity("organisation", "european-commission")}
    regions = {_iris_of(f"{n} meets.", [n])[0] for n in ("Committee of the Regions", "Comité des Régions")}
    assert regions == {IRIS.entity("organisation", "committee-of-the-regions")}


def test_two_names_of_one_body_in_one_document_merge() -> None:
    text = "EU-Kommissionen har åbnet. Europa-Kommissionen og EU-Kommissionens folk."
    facts = DocumentFacts(
        doc_id="d", text=text, entities=[_org(text, "EU-Kommissionen"), _org(text, "Europa-Kommissionen")]
    )
    resolve_organisations(facts)
    assert len(facts.entities) == 1 and facts.entities[0].aliases == ["Europa-Kommissionen"]


def test_a_bare_short_form_resolves_only_beside_the_full_name() -> None:
    # alone, a bare "Kommissionen" is a generic name: one body within its document only
    assert _iris_of("Kommissionen siger nej.", ["Kommissionen"]) == [IRIS.entity("organisation", "kommissionen-in-doc")]
    text = "Europa-Kommissionen åbner. Kommissionen siger ja."
    assert set(_iris_of(text, ["Europa-Kommissionen", "Kommissionen"])) == {
        IRIS.entity("organisation", "european-commission")
    }


def test_generic_names_stay_inside_their_document() -> None:
    one = _iris_of("The Steering Committee decides.", ["Steering Committee"], doc_id="doc-1")
    two = _iris_of("The Steering Committee decides.", ["Steering Committee"], doc_id="doc-2")
    assert one != two
    named = _iris_of("The Alpha Steering Committee decides.", ["Alpha Steering Committee"], doc_id="doc-1")
    assert named == _iris_of("The Alpha Steering Committee decides.", ["Alpha Steering Committee"], doc_id="doc-2")
