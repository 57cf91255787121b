"""Entity rules on tiny made-up texts: each rule can fail on its own."""

from __future__ import annotations

import pytest
from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts
from innograph.loaders.extract.pipeline import extract_facts


def _facts(text: str) -> DocumentFacts:
    return extract_facts(text, SourceMeta(doc_id="t"))


def _names(facts: DocumentFacts, kind: str) -> set[str]:
    return {e.name for e in facts.entities if e.kind == kind}


def test_organisation_head_words_and_legal_forms() -> None:
    facts = _facts(
        "Het project wordt gefinancierd door de Provincie Utrecht en de Hogeschool Rotterdam.\n"
        "Partner: Nordic Widgets A/S."
    )
    assert _names(facts, "organisation") == {"Provincie Utrecht", "Hogeschool Rotterdam", "Nordic Widgets A/S"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le chef de file est ABCD, Agence Bretonne de Coopération Durable, basée à Rennes.",
         [("Agence Bretonne de Coopération Durable", ["ABCD"])]),
        # only a name the acronym spells: "XY" is not "Grote Markt"
        ("De Zuidelijke Groei Beweging (ZGB) investeert. De Grote Markt (XY) is mooi.",
         [("Zuidelijke Groei Beweging", ["ZGB"])]),
    ],
    ids=["an acronym in apposition", "a name spelled by the acronym after it"],
)
def test_an_acronym_beside_a_name_makes_one_organisation_with_an_alias(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    orgs = [(e.name, e.aliases) for e in _facts(text).entities if e.kind == "organisation"]
    assert orgs == expected


def test_regions_resolve_to_iso_codes_in_any_language() -> None:
    facts = _facts("Partners come from Brittany, Bretagne and Syddanmark.")
    keys = {e.reference_key for e in facts.entities if e.kind == "region"}
    assert keys == {"FR-BRE", "DK-83"}


def test_interreg_programme_names_merge() -> None:
    facts = _facts("Het Interreg project Foo is deel van het interreg VI programma Noordzee-Regio. Interreg helpt.")
    programmes = [e for e in facts.entities if e.kind == "programme"]
    assert [p.name for p in programmes] == ["Interreg VI Noordzee-Regio"]


def test_programme_area_with_period() -> None:
    facts = _facts("Programme: 2007 - 2013 North Sea Region")
    assert _names(facts, "programme") == {"North Sea Region 2007-2013"}


def test_project_named_after_a_project_word() -> None:
    facts = _facts("The new Interreg project WaveLink started in May. WaveLink connects ports.")
    assert _names(facts, "project") == {"WaveLink"}
    assert facts.main_entity is not None and facts.main_entity.name == "WaveLink"


def test_people_from_role_words_and_contact_blocks() -> None:
    facts = _facts("Det siger direktør Hanne Kjærgaard Olsen fra kommunen.\n\nANNE BERG\nPROJEKTLEDER\n+45 1234 5678\n")
    names = {p.name for p in facts.people}
    assert names == {"Hanne Kjærgaard Olsen", "Anne Berg"}


def test_desk_items_and_cluster_lists() -> None:
    text = (
        "Het platform heeft 2 clusters:Energie\n\nWater\n\nEr zijn desks:\n  • Juridische desk\n  • Financieringsdesk\n"
    )
    facts = _facts(text)
    assert _names(facts, "desk") == {"Juridische desk", "Financieringsdesk"}
    assert _names(facts, "cluster") == {"Energie", "Water"}


def test_themes_keep_enumerations_as_written() -> None:
    facts = _facts("Projektet har fokus på digitalisering, grøn omstilling og sundhed.")
    themes = [(t.text, t.concept) for t in facts.themes]
    assert themes == [("digitalisering", "digital"), ("grøn omstilling", "green-transition"), ("sundhed", "health")]


def test_french_names_go_on_in_lower_case_and_keep_their_head() -> None:
    facts = _facts(
        "Le chef de file est la Chambre d'agriculture de Bretagne, avec l'Agence de développement "
        "économique de la Région Occitanie et Aarhus Universitet."
    )
    orgs = {e.name: e for e in facts.entities if e.kind == "organisation"}
    assert set(orgs) == {
        "Chambre d'agriculture de Bretagne",
        "Agence de développement économique de la Région Occitanie",
        "Aarhus Universitet",
    }
    agency = orgs["Agence de développement économique de la Région Occitanie"]
    assert agency.org_type == "DevelopmentAgency"


def test_area_word_before_a_name_and_role_word_before_a_person() -> None:
    facts = _facts('Wij werken in de regio Twente.\nDirecteur Pieter van den Berg: "Samen sterk."')
    assert _names(facts, "region") == {"Twente"}
    assert [(p.name, p.role) for p in facts.people] == [("Pieter van den Berg", "directeur")]


def test_places_listed_with_a_known_region_are_areas() -> None:
    facts = _facts("Du côté wallon (Mons, Tournai, Liège), le partenaire est wallon.")
    assert _names(facts, "region") == {"Mons", "Tournai", "Liège"}
    facts = _facts("Partners come from Portugal, Sicily, Greece and Norway.")
    assert _names(facts, "region") == {"Sicily"}


def test_country_codes_in_parentheses_give_the_country_not_an_alias() -> None:
    facts = _facts("Partners: Galway-Mayo Institute of Technology (IE), Cornwall Council (UK)")
    orgs = {e.name: e for e in facts.entities if e.kind == "organisation"}
    assert orgs["Cornwall Council"].country == "GB" and orgs["Cornwall Council"].aliases == []
    assert orgs["Galway-Mayo Institute of Technology"].country == "IE"


def test_municipalities_regional_authorities_and_projects_after_til() -> None:
    facts = _facts(
        "Aarhus Kommune og Region Midtjylland har fået 12 mio. kr. til projektet CoastRes, der løber i 3 år.\n"
        "La Région Hauts-de-France et Bpifrance lancent un appel."
    )
    orgs = _names(facts, "organisation")
    assert orgs == {"Aarhus Kommune", "Region Midtjylland", "Région Hauts-de-France", "Bpifrance"}
    assert _names(facts, "project") == {"CoastRes"}


def _org_country(facts: DocumentFacts, name: str) -> str | None:
    org = next(e for e in facts.entities if e.kind == "organisation" and e.name == name)
    return org.country


def test_a_compound_that_ends_in_a_country_name_gives_the_country() -> None:
    facts = _facts("Projektet ledes af SydSverige Innovationskontor, som samarbejder med mange partnere.")
    assert _org_country(facts, "SydSverige Innovationskontor") == "SE"


def test_organisations_take_the_country_of_a_single_country_document() -> None:
    text = (
        "Appel à projets\n\nLa Région Normandie et le Pôle Numérique Alpha lancent un appel à projets "
        "pour les entreprises normandes."
    )
    assert _org_country(_facts(text), "Pôle Numérique Alpha") == "FR"


def _org_countries(text: str) -> list[tuple[str, str | None]]:
    return sorted((e.name, e.country) for e in _facts(text).entities if e.kind == "organisation")


def test_no_home_country_when_another_country_is_named() -> None:
    text = "Appel à projets\n\nLe Pôle Numérique Alpha et la Région Normandie cherchent des partenaires au Portugal."
    assert _org_countries(text) == [("Pôle Numérique Alpha", None), ("Région Normandie", "FR")]


def test_no_home_country_for_eu_bodies() -> None:
    text = (
        "Appel à projets\n\nLe Pôle Numérique Alpha et la Région Normandie lancent un appel avec la "
        "Commission Européenne."
    )
    assert _org_countries(text) == [
        ("Commission Européenne", None),
        ("Pôle Numérique Alpha", "FR"),
        ("Région Normandie", "FR"),
    ]
