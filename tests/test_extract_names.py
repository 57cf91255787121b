"""Names found by where they stand (loaders/extract/names_*.py), on tiny made-up texts."""

from __future__ import annotations

import pytest
from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts
from innograph.loaders.extract.names_lists import (
    after_person_roles,
    after_type_nouns,
    list_items,
    name_sequence,
    type_head,
)
from innograph.loaders.extract.pipeline import extract_facts


def _facts(text: str) -> DocumentFacts:
    return extract_facts(text, SourceMeta(doc_id="t"))


def _names(facts: DocumentFacts, kind: str) -> list[str]:
    return sorted(e.name for e in facts.entities if e.kind == kind)


def test_type_heads_take_plurals_and_compounds_but_not_bare_words() -> None:
    assert type_head("pôles") == ("pôle", "ClusterOrganisation")
    assert type_head("topclusters") == ("cluster", "ClusterOrganisation")
    assert type_head("klynger") == ("klynge", "ClusterOrganisation")
    assert type_head("kennisinstituut") == ("instituut", "ResearchOrganisation")
    assert type_head("province") is None  # an area word: left to the area rules
    assert type_head("rapport") is None


def test_a_name_sequence_ends_at_its_conjunction() -> None:
    text = "Zorba, Blue Harbour en Qix vragen meer"
    assert [text[s:e] for s, e in name_sequence(text, 0)] == ["Zorba", "Blue Harbour", "Qix"]


def test_names_after_a_type_noun_are_organisations_and_clusters_when_the_noun_says_so() -> None:
    placed = after_type_nouns("Les pôles de compétitivité Zorbalim et Quintex sont associés.")
    assert [(p.name, p.cluster) for p in placed] == [("Zorbalim", True), ("Quintex", True)]
    facts = _facts("Les pôles de compétitivité Zorbalim et Quintex et le Cluster Nordique sont associés.")
    assert _names(facts, "organisation") == ["Cluster Nordique", "Quintex", "Zorbalim"]
    assert _names(facts, "cluster") == ["Quintex", "Zorbalim"]


def test_research_institute_before_a_name_is_not_a_cluster() -> None:
    placed = after_type_nouns("Volgens het kennisinstituut QORB en de Acme Hogeschool groeit het.")
    assert [(p.name, p.cluster, p.org_type) for p in placed] == [("QORB", False, "ResearchOrganisation")]


def test_partner_list_items_with_countries_and_descriptions() -> None:
    text = (
        "Lead partner: Zorba University of Applied Sciences\n\n"
        "  • Blue Harbour Development Ltd (IE)\n"
        "  • Qix Institute of Technology, with Tarn Labs (SE)\n"
    )
    assert [i.name for i in list_items(text)] == ["Blue Harbour Development Ltd", "Qix Institute of Technology"]
    facts = _facts(text)
    assert _names(facts, "organisation") == [
        "Blue Harbour Development Ltd",
        "Qix Institute of Technology",
        "Zorba University of Applied Sciences",
    ]


def test_a_description_with_the_name_in_parentheses() -> None:
    text = (
        "Styrelsen har støttet fire klynger:\n\n"
        "  • Klyngen for vandteknologi (AQUAX)\n"
        "  • Klyngen for robotter (Robo Nord)\n"
    )
    items = list_items(text)
    assert [(i.name, i.aliases, i.cluster) for i in items] == [
        ("AQUAX", ["Klyngen for vandteknologi"], True),
        ("Robo Nord", ["Klyngen for robotter"], True),
    ]


def test_plain_bullets_without_a_heading_or_marks_are_not_names() -> None:
    assert list_items("Our activities:\n  • Development of Tools\n  • Support for Members\n") == []


# (case, text, the people found in it, sorted)
PEOPLE_CASES = [
    ("a name line above an email is a person", "Contact\n\nMarta Quell\n\nmq@example.org\n+45 12 34 56 78\n",
     ["Marta Quell"]),
    ("a name line without an email is not", "Nieuws\n\nMarta Quell\n\nEen lange tekst zonder adres.\n", []),
    ("letters beyond latin-1 after a byline", "Submitted by Ilse Brzęk on 3 May 2019", ["Ilse Brzęk"]),
    ("letters beyond latin-1 after a title", "Commissioner Dorota Wiśniewska opened the day.", ["Dorota Wiśniewska"]),
    ("a role in parentheses", "Jaap Ruis (beleidsmedewerker)\n0597 000 000\n", ["Jaap Ruis"]),
    ("a role with its domain before the name", "De Vlaamse minister van Cultuur Lotte Vinck zegt: ja.",
     ["Lotte Vinck"]),
    ("a hyphenated first name is whole", "Le directeur Jean-Pierre Qorvan a présenté le plan.",
     ["Jean-Pierre Qorvan"]),
    ("a hyphenated surname is whole", "Kontakt: projektleder Helle Bech Qorvan-Tarn, tlf. 12 34 56 78.",
     ["Helle Bech Qorvan-Tarn"]),
    ("a minister named by the surname", 'Minister Qorvan van Economische Zaken: "Dit is een goede stap."',
     ["Qorvan"]),
    ("a minister named after the domain", "Vlaams minister van Economie Ann Qorvan kende vandaag steun toe.",
     ["Ann Qorvan"]),
    ("a name with a particle after a title", "Gedeputeerde Jean de Qorvan opende het gebouw.", ["Jean de Qorvan"]),
    ("a name cut short in a by-line is the full name below",
     "Submitted by Armin Qorvan-… on 5 July\n\nRepresentative of the network – Armin Qorvan-Tarn, said the chair.",
     ["Armin Qorvan-Tarn"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PEOPLE_CASES], ids=[c[0] for c in PEOPLE_CASES])
def test_the_people_named_in_a_text(text: str, expected: list[str]) -> None:
    assert sorted(p.name for p in _facts(text).people) == expected


def test_the_employer_after_a_role_word_but_not_a_ministers_domain() -> None:
    text = "Ann Berg, algemeen directeur van Zorbalim. Minister van Economie Jan Smit. Direktør for Qix & Co A/S."
    assert [p.name for p in after_person_roles(text)] == ["Zorbalim", "Qix & Co A/S"]
    assert after_person_roles("Ann Berg, Head of Communications at Zorba Labs") == []


def test_names_listed_with_an_organisation_are_organisations_acronyms_too() -> None:
    facts = _facts("Kontoret er Zorbax Universitets, QRT's, BLX' og Tarnfonden fælles kontor i byen.")
    assert _names(facts, "organisation") == ["BLX", "QRT", "Tarnfonden", "Zorbax Universitet"]
    alone = _facts("Kontoret samarbejder med QRT om nye projekter i byen.")
    assert "QRT" not in _names(alone, "organisation")


def test_a_name_in_capitals_is_not_taken_for_a_stop_word_of_another_language() -> None:
    placed = after_type_nouns("De speerpuntclusters Zorbalim, Qix en MED vragen meer steun.")
    assert [p.name for p in placed] == ["Zorbalim", "Qix", "MED"]
    assert _names(_facts("De speerpuntclusters Zorbalim, Qix en MED vragen meer steun."), "cluster") == [
        "MED",
        "Qix",
        "Zorbalim",
    ]


def _organisations(facts: DocumentFacts) -> list[tuple[str, list[str]]]:
    return sorted((e.name, e.aliases) for e in facts.entities if e.kind == "organisation")


def test_two_spellings_of_one_name_in_a_document_are_one_organisation() -> None:
    facts = _facts("Zorba Products Quality Cluster is a member.\n\nThe Zorba Product Quality Cluster signed too.")
    assert _organisations(facts) == [("Zorba Products Quality Cluster", ["Zorba Product Quality Cluster"])]


def test_a_name_cut_by_a_line_break_is_the_longer_name() -> None:
    text = (
        "The Qorvan Regional Network for Green Shipping opened today.\n\n"
        "Regions join the Qorvan Regional Network on Green \nShipping to share tools."
    )
    assert _organisations(_facts(text)) == [
        ("Qorvan Regional Network for Green Shipping", ["Qorvan Regional Network on Green"])
    ]


# (case, text, the organisations found in it, sorted)
ORGANISATION_CASES = [
    ("a plural head is not a genitive",
     "It was a good day for Sector Clusters of Norvania and for the Norvanian Clusters: none.", []),
    ("an authority that acts is an organisation",
     "Met deze regeling investeert de provincie Utrecht 3 miljoen euro in bedrijven.", ["provincie Utrecht"]),
    ("the place an authority governs is not", "De regeling geldt voor bedrijven in de provincie Utrecht.", []),
    ("a plural authority word gives one authority per listed name",
     "Ook richten de gemeenten Qorbdam en Zinkstad zich op nieuwe initiatieven.",
     ["gemeente Qorbdam", "gemeente Zinkstad"]),
    ("listed places after a plural authority word are no authorities",
     "De subsidie is er voor de gemeenten Qorbdam en Zinkstad.", []),
    ("an action opening a run is no part of a name",
     "The Development of Qorvan Clusters Network took two years.", ["Qorvan Clusters Network"]),
    ("a call opening a run is no name", "Announcing the Call for Qorvan Hub Activities, open to all regions.", []),
    ("the union where it acts", "De Europese Unie creëerde een fonds voor de grensregio's.", ["Europese Unie"]),
    ("the union where it is the place", "Bedrijven in de Europese Unie groeien snel.", []),
    ("a council of the union", "Le Conseil de l'Union européenne a décidé de financer les régions.",
     ["Conseil de l'Union"]),
    ("a directorate-general", "The event was organised by DG Qorva and the regions of the north.", ["DG Qorva"]),
    ("no run over 'et le' into the next name", "La Région Normandie et le Pôle Numérique Zorba lancent un appel.",
     ["Pôle Numérique Zorba", "Région Normandie"]),
    ("no run over 'og det' into the next name", "Region Midtjylland og det Zorba Universitet samarbejder.",
     ["Region Midtjylland", "Zorba Universitet"]),
    ("no run over 'en de' into the next name", "De provincie Utrecht en de Hogeschool Zorba werken samen.",
     ["Hogeschool Zorba", "provincie Utrecht"]),
    ("no run over 'and the' into the next name", "The Donegal County Council and the Zorba Agency work together.",
     ["Donegal County Council", "Zorba Agency"]),
    ("a compound broken by a wrap is one word, a suspended compound goes on",
     "Projektet samler Zorbas EU- kontor og Uddannelses- og Forskningsministeriet i et netværk.",
     ["Uddannelses- og Forskningsministeriet", "Zorbas EU- kontor"]),
    ("a Dutch article after a head word ends the name",
     "Op vrijdag keurde de Zorba Regering de Vlaamse cofinanciering goed, samen met het Comité van de Regio.",
     ["Comité van de Regio", "Zorba Regering"]),
    ("a French article after a head word ends the name", "L'Université de Zorbaville a lancé le projet.",
     ["Université de Zorbaville"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ORGANISATION_CASES], ids=[c[0] for c in ORGANISATION_CASES]
)
def test_the_organisations_named_in_a_text(text: str, expected: list[str]) -> None:
    assert _names(_facts(text), "organisation") == expected
