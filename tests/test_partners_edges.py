"""The partner search walks the graph's edges: ig:region (organisation -> region -> country),
ig:programme (project -> programme) and reified roles (organisation took part in project X).

A small hand-written graph, no corpus text. Organisations have an ig:region and no ig:country;
regions are NUTS-style (``FRD1``): their country comes only from the region's own ig:country.

- Caen Agency (FRD1, DevelopmentAgency): lead partner of "North Sea AI" (Interreg North Sea)
- Caen Startup (FRD1, Company)        -> the seeker's own region
- Rouen Lab (FRD2, ResearchOrganisation) -> another region of the seeker's country
- Groningen Hub (NL11, ClusterOrganisation): partner in "North Sea AI"
- Odense Firm (DK03, Company): partner in "North Sea AI", lead partner of "Baltic Data" (Interreg Baltic)
- Antwerp Lab (BE21, ResearchOrganisation): partner in "Baltic Data"

No programme has an ig:eligibleArea here: taking part in one of its projects is what shows a
candidate is eligible. Every organisation has the theme artificial intelligence.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS
from pyoxigraph import Literal, NamedNode, Triple
from test_partners_fixture import reference_triples

from innograph.partners.build import build
from innograph.partners.index import PartnerIndex
from innograph.partners.rank import PartnerQuery, rank
from innograph.store import DocumentWrite, Store
from innograph.store.embedded import EmbeddedStore

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
AI = IRIS.entity("theme", "artificial-intelligence")

REGIONS = {"FRD1": "FR", "FRD2": "FR", "NL11": "NL", "DK03": "DK", "BE21": "BE"}
ORGS = {  # key: (label, region, type)
    "caen-agency": ("Caen Agency", "FRD1", "DevelopmentAgency"),
    "caen-startup": ("Caen Startup", "FRD1", "Company"),
    "rouen-lab": ("Rouen Lab", "FRD2", "ResearchOrganisation"),
    "groningen-hub": ("Groningen Hub", "NL11", "ClusterOrganisation"),
    "odense-firm": ("Odense Firm", "DK03", "Company"),
    "antwerp-lab": ("Antwerp Lab", "BE21", "ResearchOrganisation"),
}
PROJECTS = {  # key: (label, programme key, programme label, [(org key, role type key)])
    "north-sea-ai": ("North Sea AI", "interreg-north-sea-test", "Interreg North Sea",
                     [("caen-agency", "lead-partner"), ("groningen-hub", "partner"), ("odense-firm", "partner")]),
    "baltic-data": ("Baltic Data", "interreg-baltic-test", "Interreg Baltic",
                    [("odense-firm", "lead-partner"), ("antwerp-lab", "partner")]),
}  # fmt: skip


# Caen Agency seeking: themes 0.50 (own AI) + types 0.15 x complement + programmes 0.15 (North Sea
# through the project) + cooperation 0.10 x (1.0 worked with the seeker, 0.2 any participation).
EXPECTED_RANKING = [
    ("Groningen Hub", 0.5 + 0.15 * 0.8 + 0.15 + 0.10),  # agency <-> cluster 0.8
    ("Odense Firm", 0.5 + 0.15 * 0.6 + 0.15 + 0.10),  # agency <-> company 0.6
    ("Antwerp Lab", 0.5 + 0.15 * 0.6 + 0.10 * 0.2),  # agency <-> research 0.6; no shared programme
]


def org(key: str) -> str:
    return IRIS.entity("org", key)


def _t(s: str, p: str, o: str | Literal) -> Triple:
    return Triple(NamedNode(s), NamedNode(p), o if isinstance(o, Literal) else NamedNode(o))


def edge_graph() -> list[DocumentWrite]:
    t = IRIS.term
    reference = reference_triples(IRIS)  # the test theme scheme (and regions the tests here do not use)
    for code, country in REGIONS.items():
        region = IRIS.entity("region", code)
        reference += [_t(region, RDF_TYPE, t("Region")), _t(region, t("country"), IRIS.entity("country", country))]
    for key, label in (("partner", "partner"), ("lead-partner", "lead partner")):
        reference.append(_t(IRIS.entity("role-type", key), RDFS_LABEL, Literal(label, language="en")))
    umbrella = IRIS.entity("programme", "interreg-test")  # eligible in NL only; parent of the North Sea one
    reference += [
        _t(umbrella, RDFS_LABEL, Literal("Interreg (test)", language="en")),
        _t(umbrella, t("eligibleArea"), IRIS.entity("country", "NL")),
        _t(IRIS.entity("programme", "interreg-north-sea-test"), t("parentProgramme"), umbrella),
    ]
    writes = [DocumentWrite(graph=IRIS.reference_graph, content_hash="sha256:ref", public=reference)]
    for key, (label, region, org_type) in ORGS.items():
        triples = [
            _t(org(key), RDF_TYPE, t(org_type)),
            _t(org(key), RDFS_LABEL, Literal(label, language="en")),
            _t(org(key), t("region"), IRIS.entity("region", region)),
            _t(org(key), t("theme"), AI),
        ]
        writes.append(DocumentWrite(graph=IRIS.graph(f"doc-{key}"), content_hash=f"sha256:{key}", public=triples))
    for key, (label, programme, programme_label, roles) in PROJECTS.items():
        project, programme_iri = IRIS.entity("project", key), IRIS.entity("programme", programme)
        triples = [
            _t(project, RDF_TYPE, t("Project")),
            _t(project, RDFS_LABEL, Literal(label, language="en")),
            _t(project, t("programme"), programme_iri),
            _t(programme_iri, RDFS_LABEL, Literal(programme_label, language="en")),
        ]
        for n, (member, role_type) in enumerate(roles):
            role = f"{IRIS.graph(f'doc-{key}')}/role/{n}"
            triples += [
                _t(role, RDF_TYPE, t("Role")),
                _t(role, t("agent"), org(member)),
                _t(role, t("roleIn"), project),
                _t(role, t("roleType"), IRIS.entity("role-type", role_type)),
            ]
        writes.append(DocumentWrite(graph=IRIS.graph(f"doc-{key}"), content_hash=f"sha256:{key}", public=triples))
    return writes


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PartnerIndex]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("edges")) / "store", IRIS, workers=1, timeout=10.0)
    try:
        with store.writing():
            for write in edge_graph():
                store.write_document(write)
        yield build(store, IRIS)
    finally:
        store.close()


def found(answer: dict) -> list[str]:
    return [r["iri"] for r in answer["results"]]


def result_for(answer: dict, key: str) -> dict:
    return next(r for r in answer["results"] if r["iri"] == org(key))


def test_country_comes_from_the_region_of_the_organisation(index: PartnerIndex) -> None:
    countries = {key: index.country_of(index.pos[org(key)]) for key in ORGS}
    assert countries == {key: REGIONS[region] for key, (_l, region, _t) in ORGS.items()}
    assert index.regions_of[index.pos[org("caen-agency")]] == (IRIS.entity("region", "FRD1"),)


def test_region_filter_keeps_out_the_seekers_country_or_only_its_region(index: PartnerIndex) -> None:
    across = rank(index, PartnerQuery(org=org("caen-agency"), q="artificial intelligence"))
    assert sorted(found(across)) == sorted(org(k) for k in ("groningen-hub", "odense-firm", "antwerp-lab"))
    same_country = rank(index, PartnerQuery(org=org("caen-agency"), q="artificial intelligence", same_country=True))
    assert org("rouen-lab") in found(same_country)  # FRD2: another region of France
    assert org("caen-startup") not in found(same_country)  # FRD1: the seeker's own region
    by_region = rank(index, PartnerQuery(q="artificial intelligence", region="FRD2", same_country=True))
    assert by_region["query"]["country"] == "FR"  # the region's ig:country
    assert org("rouen-lab") not in found(by_region) and org("caen-startup") in found(by_region)


def test_programme_filter_keeps_the_programmes_participants(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(q="artificial intelligence", country="FR", programme="interreg-baltic-test"))
    assert sorted(found(answer)) == [org("antwerp-lab"), org("odense-firm")]  # its two participants
    assert any("eligible area is not in the graph" in note for note in answer["notes"])


def test_sub_programme_has_its_parents_area_and_the_parent_its_childrens_participants(index: PartnerIndex) -> None:
    north_sea = IRIS.entity("programme", "interreg-north-sea-test")
    assert index.eligible_area_of(north_sea) == {IRIS.entity("country", "NL")}  # inherited from Interreg (test)
    child = rank(index, PartnerQuery(q="artificial intelligence", country="FR", programme=north_sea))
    assert sorted(found(child)) == [org("groningen-hub"), org("odense-firm")]  # NL by area, DK by its project
    assert not child["notes"]
    umbrella = rank(index, PartnerQuery(q="artificial intelligence", country="FR", programme="interreg-test"))
    assert sorted(found(umbrella)) == [org("groningen-hub"), org("odense-firm")]  # Odense: the child's project
    assert org("antwerp-lab") not in found(umbrella)  # BE, and Baltic Data is not an Interreg (test) project


def test_same_programme_is_scored_through_the_projects(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(org=org("caen-agency"), q="artificial intelligence"))
    assert result_for(answer, "groningen-hub")["parts"]["programmes"] == pytest.approx(0.15)
    assert result_for(answer, "antwerp-lab")["parts"]["programmes"] == 0.0
    shared = result_for(answer, "odense-firm")["shared_programmes"]
    assert [(p["label"], p["via"]) for p in shared] == [("Interreg North Sea", IRIS.entity("project", "north-sea-ai"))]


def test_explanation_names_project_programme_role_and_partners(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(org=org("caen-agency"), q="artificial intelligence"))
    groningen = result_for(answer, "groningen-hub")
    sentences = [r["text"] for r in groningen["reasons"] if r["kind"] == "participation"]
    assert sentences == ["Partner in project 'North Sea AI' (Interreg North Sea) with you, Odense Firm (DK)."]
    assert sentences[0] in groningen["explanation"]
    participation = groningen["participations"][0]
    assert participation["kind"] == "Project"
    assert [r["label"] for r in participation["roles"]] == ["partner"]
    assert [p["iri"] for p in participation["partners"]] == [org("caen-agency"), org("odense-firm")]
    assert participation["partner_count"] == 2
    assert not [r for r in result_for(answer, "antwerp-lab")["reasons"] if r["kind"] == "participation"]


def test_participation_with_an_organisation_of_the_seekers_country_is_explained(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(q="artificial intelligence", country="FR"))
    odense = result_for(answer, "odense-firm")
    sentences = [r["text"] for r in odense["reasons"] if r["kind"] == "participation"]
    assert sentences == [
        "Partner in project 'North Sea AI' (Interreg North Sea) with Caen Agency (FR), Groningen Hub (NL)."
    ]
    assert odense["parts"]["cooperation"] == pytest.approx(0.10 * 0.5)


def test_lead_partner_in_a_project_of_the_seekers_programme(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(org=org("antwerp-lab"), q="artificial intelligence"))
    odense = result_for(answer, "odense-firm")
    sentences = [r["text"] for r in odense["reasons"] if r["kind"] == "participation"]
    assert sentences[0] == "Lead partner in project 'Baltic Data' (Interreg Baltic) with you."


def test_both_backends_build_the_same_index(any_store: Store) -> None:
    """The index reads only through the Store protocol: the remote backend (two real `oxigraph
    serve`) gives the same organisations, places, roles and answers as the embedded one."""
    with any_store.writing():
        for write in edge_graph():
            any_store.write_document(write)
    index = build(any_store, IRIS)
    assert index.orgs == sorted(org(key) for key in ORGS)
    assert index.country_codes and {index.country_of(i) for i in range(len(index))} == set(REGIONS.values())
    answer = rank(index, PartnerQuery(org=org("caen-agency"), q="artificial intelligence"))
    assert [(r["label"], r["score"]) for r in answer["results"]] == [
        (label, pytest.approx(score, abs=1e-4)) for label, score in EXPECTED_RANKING
    ]
    groningen = result_for(answer, "groningen-hub")
    sentence = "Partner in project 'North Sea AI' (Interreg North Sea) with you, Odense Firm (DK)."
    assert sentence in groningen["explanation"]
