"""Edges between entities: an organisation's place and role, a project's programmes."""

from __future__ import annotations

import pytest
from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention, ValueFact
from innograph.loaders.extract.organisation_roles import _MAX_CUE_GAP, _share_along_enumerations
from innograph.loaders.extract.relations import extract_relations
from innograph.loaders.extract.to_rdf import to_rdf

from innograph.iris import Iris

IRIS = Iris("https://w3id.org/innograph/")


def _entity(text: str, kind: str, name: str, **kw: object) -> EntityFact:
    """An entity with one mention per place its name is written in the text."""
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name, "test"))
        start = text.find(name, start + 1)
    return EntityFact(kind=kind, name=name, mentions=mentions, reference_key=None, **kw)  # type: ignore[arg-type]


def _facts(text: str, *entities: EntityFact, language: str = "en", main: EntityFact | None = None) -> DocumentFacts:
    facts = DocumentFacts(doc_id="doc", text=text, language=language, entities=list(entities))
    facts.main_entity = main
    return facts


# (case, text, language, organisation names, their roles after the relations pass)
ROLE_CASES = [
    (
        "a cue goes to the nearest organisation and along its enumeration",
        "Alpha Agency is lead partner of the project, which also counts Beta University, "
        "Gamma Institute and Delta Foundation as partners.\n",
        "en",
        ("Alpha Agency", "Beta University", "Gamma Institute", "Delta Foundation"),
        ["lead-partner", "partner", "partner", "partner"],
    ),
    (
        "a list heading gives the role of its items",
        "Projektpartnere\n\n  • Alpha Forsyning\n  • Beta Akademi\n\nAndet afsnit uden roller her.\n",
        "da",
        ("Alpha Forsyning", "Beta Akademi"),
        ["partner", "partner"],
    ),
    ("no cue, no role", "Alpha Agency works on energy.\n", "en", ("Alpha Agency",), [None]),
    (
        "long bullet items stay in the list under their heading",
        "Project partners\n\n"
        "  • Alpha Chamber of Commerce and Industry of the Northern Coast Region (XX)\n"
        "  • Beta Research and Development Centre of the Applied University (XX)\n"
        "  • Gamma Utility\n\nSomething else entirely, written as prose, no roles here.\n",
        "en",
        ("Alpha Chamber of Commerce and Industry of the Northern Coast Region", "Beta Research", "Gamma Utility"),
        ["partner", "partner", "partner"],
    ),
    (
        "the list under a lead partner field names the partners",
        "The aim is to build a model.\n\nLead partner: Alpha Agency\n\n\n  • Beta Council (IE)\n  • Gamma Ltd (FI)\n",
        "en",
        ("Alpha Agency", "Beta Council", "Gamma Ltd"),
        ["lead-partner", "partner", "partner"],
    ),
    (
        "a sentence introducing a list gives its items the role of its agent cue",
        "The network is coordinated by two partners, with many others:\n"
        "· Alpha Agency runs it;\n· Beta Centre helps.\n",
        "en",
        ("Alpha Agency", "Beta Centre"),
        ["coordinator", "coordinator"],
    ),
    (
        "a heading word names the role of the line under it",
        "Varighed\n\nJuni 2015 – marts 2019\n\nFinansiering\n\nAlpha Fond og Beta Region\n",
        "da",
        ("Alpha Fond", "Beta Region"),
        ["funder", "funder"],
    ),
    (
        "a field label beats a cue of the same sentence",
        "Chef de file : Alpha Innovation SA, partenaire historique du réseau.\n",
        "fr",
        ("Alpha Innovation SA",),
        ["lead-partner"],
    ),
    (
        "a funding cue speaks of its agent only",
        "Alpha Agency's portal lists projects co-financed by the Omega Fund and the Psi Fund.\n",
        "en",
        ("Alpha Agency",),
        [None],
    ),
    (
        "a funding cue names the funder after it",
        "Alpha Agency's portal lists projects co-financed by the Omega Fund and Beta Bank.\n",
        "en",
        ("Alpha Agency", "Beta Bank"),
        [None, "funder"],
    ),
    (
        "a cue inside a programme compound is no role",
        "Daarvoor heeft de Alpha Unie het subsidieprogramma Omega in het leven geroepen.\n",
        "nl",
        ("Alpha Unie",),
        [None],
    ),
    (
        "a prose paragraph takes the role of a heading that is a role word alone",
        "Financiers\nAlpha wordt gefinancierd binnen een programma. De Beta Commissie stelt via het fonds geld ter "
        "beschikking voor de regio.\n\nFinanciële zekerheid\n\nHet akkoord is voorbereid door Gamma Provincie en "
        "Delta Provincie, die de economie van het noorden willen stimuleren.\n",
        "nl",
        ("Beta Commissie", "Gamma Provincie", "Delta Provincie"),
        ["funder", None, None],
    ),
    (
        "a cue in an apposition describes the name after the comma",
        "Verder betrekt de Alpha Stad ook haar raadgevende vergadering, het BETAFORUM, bij haar werk.\n",
        "nl",
        ("Alpha Stad", "BETAFORUM"),
        [None, "advisory-body"],
    ),
    (
        "a bullet item that describes its organisation in a long sentence stays in the list",
        "Zorba is coordinated by three partners:\n"
        "· The Alpha Department of the Region coordinates the network, runs the secretariat, keeps the budget, "
        "writes the reports for the funders and provides an open data platform to every member;\n"
        "· The Beta Agency provides its expertise;\n· Gamma Centre provides computing.\n",
        "en",
        ("Alpha Department", "Beta Agency", "Gamma Centre"),
        ["coordinator", "coordinator", "coordinator"],
    ),
    (
        "a cue that ends in its agent word speaks of the name after it only",
        "The day was organised by Alpha Agency and was supported by many ministers.\n",
        "en",
        ("Alpha Agency",),
        [None],
    ),
    (
        "the body a project is anchored at leads it",
        "Analysen er forankret hos Alpha Kommune, og Beta Akademi er partner.\n",
        "da",
        ("Alpha Kommune", "Beta Akademi"),
        ["lead-partner", "partner"],
    ),
    (
        "the signatories of a founding memorandum initiate the partnership",
        "The memorandum was signed by three clusters: Alpha Cluster, Beta Cluster and Gamma Cluster.\n",
        "en",
        ("Alpha Cluster", "Beta Cluster", "Gamma Cluster"),
        ["initiator", "initiator", "initiator"],
    ),
    (
        "the bodies associated with a centre are its partners, along an enumeration with articles",
        "Les pôles Alpha Pôle et Beta Pôle et le Gamma Cluster y sont également associés.\n",
        "fr",
        ("Alpha Pôle", "Beta Pôle", "Gamma Cluster"),
        ["partner", "partner", "partner"],
    ),
]


@pytest.mark.parametrize(
    ("text", "language", "names", "expected"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES]
)
def test_the_role_of_an_organisation(
    text: str, language: str, names: tuple[str, ...], expected: list[str | None]
) -> None:
    orgs = [_entity(text, "organisation", n) for n in names]
    extract_relations(_facts(text, *orgs, language=language), SourceMeta(doc_id="doc"))
    assert [o.role for o in orgs] == expected


# (case, text, language, organisation names, their (region, country) after the relations pass)
PLACE_CASES = [
    (
        "a town in the name places the organisation and gives its country",
        "The University of Helsinki and Kiel Chamber work together.\n",
        "en",
        ("University of Helsinki", "Kiel Chamber"),
        [("Helsinki", "FI"), ("Kiel", "DE")],
    ),
    (
        "a town written after the name",
        "Partner: Nordic Test Centre (Aalborg) joins.\n",
        "en",
        ("Nordic Test Centre",),
        [("Aalborg", "DK")],
    ),
    (
        "home country from a Danish text but not for EU bodies",
        "Alpha Akademi og EU-Kommissionen samarbejder.\n",
        "da",
        ("Alpha Akademi", "EU-Kommissionen"),
        [(None, "DK"), (None, None)],
    ),
    (
        "a country or its adjective in the name gives the country",
        "Huis van de Nederlandse Provincies, Alpha Cluster Denmark, Danske Beta Byer and Gamma Lab meet.\n",
        "en",
        ("Huis van de Nederlandse Provincies", "Alpha Cluster Denmark", "Danske Beta Byer", "Gamma Lab"),
        [(None, "NL"), (None, "DK"), (None, "DK"), (None, None)],
    ),
    (
        "an authority is placed in the place it governs",
        "Rebild Kommune, Donegal County Council and Provincie Drenthe work together.\n",
        "en",
        ("Rebild Kommune", "Donegal County Council", "Provincie Drenthe"),
        [("Rebild", "DK"), ("Donegal", "IE"), ("Drenthe", "NL")],
    ),
    (
        "a town adjective in the name places it in the town",
        "The Aachener Gesellschaft für Innovation works with us.\n",
        "en",
        ("Aachener Gesellschaft für Innovation",),
        [("Aachen", "DE")],
    ),
    (
        "a town known by a foreign form places only in the publisher's country",  # 'Arla' is also Arles
        "Arla Mejeri og Københavns Universitet samarbejder.\n",
        "da",
        ("Arla Mejeri", "Københavns Universitet"),
        [(None, "DK"), ("København", "DK")],
    ),
    (
        "a town keeps its name as written",
        "De gemeente Den Haag doet mee.\n",
        "nl",
        ("gemeente Den Haag",),
        [("Den Haag", "NL")],
    ),
    (
        "a seat cue places the organisation nearest to it, before or after",
        "Met een kantoor in Groningen is het Zorba Instituut actief. Het Quix Centrum is gevestigd in Aalborg.\n",
        "nl",
        ("Zorba Instituut", "Quix Centrum"),
        [("Groningen", "NL"), ("Aalborg", "DK")],
    ),
    (
        "a country's adjective next to an authority word is no place it governs",
        "Het Huis van de Nederlandse Provincie werkt samen.\n",
        "nl",
        ("Huis van de Nederlandse Provincie",),
        [(None, "NL")],
    ),
    (
        "a region's adjective in the name places it in the region, named in the document's language",
        "De Vlaamse Zorba Raad en het Nordjysk Quix Center werken samen.\n",
        "nl",
        ("Vlaamse Zorba Raad", "Nordjysk Quix Center"),
        [("Vlaanderen", "BE"), ("Noord-Jutland", "DK")],
    ),
    (
        "an apposition ending in a place places the organisation",
        "Zorba Learning Centre, the new library of the science campus in Aalborg, opened. Quix Lab, a cluster "
        "in the field of food, grows.\n",
        "en",
        ("Zorba Learning Centre", "Quix Lab"),
        [("Aalborg", "DK"), (None, None)],
    ),
    (
        "an EU body sitting in a member state is of no country",
        "The European Zorba Platform, located in Seville, helps regions.\n",
        "en",
        ("European Zorba Platform",),
        [("Seville", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "language", "names", "expected"), [c[1:] for c in PLACE_CASES], ids=[c[0] for c in PLACE_CASES]
)
def test_the_place_and_country_of_an_organisation(
    text: str, language: str, names: tuple[str, ...], expected: list[tuple[str | None, str | None]]
) -> None:
    orgs = [_entity(text, "organisation", n) for n in names]
    extract_relations(_facts(text, *orgs, language=language), SourceMeta(doc_id="doc"))
    assert [(o.region, o.country) for o in orgs] == expected


def test_projects_take_the_programme_of_their_sentence_else_the_framing_one() -> None:
    text = "Alpha is funded by Interreg North Sea. Beta is a project.\nThe ERDF pays part of it.\n"
    alpha, beta = _entity(text, "project", "Alpha"), _entity(text, "project", "Beta")
    north_sea = _entity(text, "programme", "Interreg North Sea")
    north_sea.reference_key = "north-sea"
    erdf = _entity(text, "programme", "ERDF")
    erdf.reference_key = "erdf"
    facts = _facts(text, alpha, beta, north_sea, erdf)
    extract_relations(facts, SourceMeta(doc_id="doc"))
    links = sorted((r.subject.name, r.value) for r in facts.relations if r.kind == "programme")
    assert links == [("Alpha", "Interreg North Sea"), ("Beta", "Interreg North Sea")]


def test_edges_are_written_with_their_evidence() -> None:
    text = "Alpha is funded by Interreg North Sea.\nThe University of Helsinki is lead partner of Alpha.\n"
    alpha = _entity(text, "project", "Alpha")
    programme = _entity(text, "programme", "Interreg North Sea")
    programme.reference_key = "north-sea"
    university = _entity(text, "organisation", "University of Helsinki")
    facts = _facts(text, alpha, programme, university, main=alpha)
    extract_relations(facts, SourceMeta(doc_id="doc"))
    public, _ = to_rdf(facts, SourceMeta(doc_id="doc"), IRIS, content_hash="x")
    ig = IRIS.vocab
    edges = {(t.subject.value, t.predicate.value, t.object.value) for t in public}
    project, org = IRIS.entity("project", "alpha"), IRIS.entity("organisation", "university-of-helsinki")
    assert (project, ig + "programme", IRIS.entity("programme", "north-sea")) in edges
    assert (org, ig + "region", IRIS.entity("region", "helsinki")) in edges
    assert (org, ig + "country", IRIS.entity("country", "FI")) in edges
    evidence = {s for s, p, o in edges if p == ig + "evidenceProperty" and o == ig + "region"}
    assert len(evidence) == 1
    (node,) = evidence
    assert (node, "http://www.w3.org/2000/01/rdf-schema#label", "Helsinki") in edges
    role_types = {o for s, p, o in edges if p == ig + "roleType"}
    assert role_types == {IRIS.entity("role-type", "lead-partner")}


def test_a_text_that_names_one_country_only_is_the_home_of_its_organisations() -> None:
    text = "Alpha Agency and Beta Institute work in Latvia.\n"
    alpha, beta = _entity(text, "organisation", "Alpha Agency"), _entity(text, "organisation", "Beta Institute")
    facts = _facts(text, alpha, beta)
    at = text.find("Latvia")
    facts.countries = [ValueFact("LV", Mention(at, at + 6, "Latvia", "test"))]
    extract_relations(facts, SourceMeta(doc_id="doc"))
    assert (alpha.country, beta.country) == ("LV", "LV")


def test_of_several_framing_programmes_a_listed_project_takes_the_one_heading_its_list() -> None:
    text = "Projects of Interreg Alpha Sea\nProgramme Interreg Beta Land\n• ZORBA\nThe project links firms.\n"
    zorba = _entity(text, "project", "ZORBA")
    alpha, beta = _entity(text, "programme", "Interreg Alpha Sea"), _entity(text, "programme", "Interreg Beta Land")
    facts = _facts(text, zorba, alpha, beta)
    extract_relations(facts, SourceMeta(doc_id="doc"))
    links = [(r.subject.name, r.value) for r in facts.relations if r.kind == "programme"]
    assert links == [("ZORBA", "Interreg Beta Land")]


def test_the_organisation_that_opens_a_call_funds_it() -> None:
    text = "Alpha Styrelsen har for første gang åbnet for ansøgninger til Beta Fonden.\n"
    alpha, beta = _entity(text, "organisation", "Alpha Styrelsen"), _entity(text, "organisation", "Beta Fonden")
    call = _entity(text, "call", "Gamma")
    facts = _facts(text, alpha, beta, call, language="da", main=call)
    facts.main_entity_type = "Call"
    extract_relations(facts, SourceMeta(doc_id="doc"))
    assert (alpha.role, beta.role) == ("funder", None)
    facts.main_entity_type = "Project"  # outside a call, opening something says nothing of funding
    extract_relations(facts, SourceMeta(doc_id="doc"))
    assert alpha.role is None


def test_funds_listed_in_passing_frame_no_project() -> None:
    text = "Zeta builds tools. The portal lists work co-financed by ERDF, ESF+, Cohesion Fund and JTF.\n"
    zeta = _entity(text, "project", "Zeta")
    funds = []
    keys = {"ERDF": "erdf", "ESF+": "esf-plus", "Cohesion Fund": "cohesion-fund", "JTF": "just-transition-fund"}
    for name, key in keys.items():
        fund = _entity(text, "programme", name)
        fund.reference_key = key
        funds.append(fund)
    facts = _facts(text, zeta, *funds)
    extract_relations(facts, SourceMeta(doc_id="doc"))
    assert [r for r in facts.relations if r.kind == "programme"] == []


def test_an_enumeration_shares_its_nearest_cue_whatever_the_hash_seed() -> None:
    text = "Alpha Agency, Beta University and Gamma Institute take part.\n"
    alpha, beta, gamma = (
        _entity(text, "organisation", n) for n in ("Alpha Agency", "Beta University", "Gamma Institute")
    )
    mentions = [(org.mentions[0], org) for org in (alpha, beta, gamma)]
    far, near = Mention(100, 107, "partner", "test"), Mention(80, 87, "partner", "test")
    best = {id(alpha): (9, "partner", far), id(beta): (2, "partner", near)}
    _share_along_enumerations(text, mentions, best)
    assert best[id(gamma)] == (_MAX_CUE_GAP, "partner", near)


def _region_in_name(text: str, language: str, written: str, name: str, code: str) -> EntityFact:
    """An organisation named after a region, in a text that names the region as ``name`` first."""
    org_name = text.split(": ", 1)[1].split(" doet", 1)[0].split(" leads", 1)[0]
    org = _entity(text, "organisation", org_name)
    region = EntityFact(kind="region", name=name, reference_key=code, mentions=[Mention(0, len(name), name, "t")])
    at = text.find(written, len(name))
    region.mentions.append(Mention(at, at + len(written), written, "test"))
    extract_relations(_facts(text, org, region, language=language), SourceMeta(doc_id="doc"))
    return org


def test_the_region_in_a_name_is_named_as_the_documents_language_names_it() -> None:
    english = _region_in_name("Normandie: Normandy Region leads.\n", "en", "Normandy", "Normandie", "FR-NOR")
    assert english.region == "Normandy"
    dutch = _region_in_name("Vlaanderen: Flanders Zorba Food doet mee.\n", "nl", "Flanders", "Vlaanderen", "BE-VLG")
    assert dutch.region == "Vlaanderen"
