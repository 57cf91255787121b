"""Language detection and the value extractors (dates, money, contacts, countries) on small texts
written for these tests, and on the bundled seed documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from innograph.loaders.extract.facts import DocumentFacts
from innograph.loaders.extract.language import detect
from innograph.loaders.extract.money import parse_number
from innograph.loaders.extract.values import extract_values

DATA = Path(__file__).resolve().parents[1] / "data"


def run(text: str, source_url: str | None = None) -> DocumentFacts:
    facts = DocumentFacts("t", text)
    facts.source_url = source_url
    facts.language, facts.segments = detect(text)
    extract_values(facts)
    return facts


def amounts(facts: DocumentFacts) -> list[tuple[Decimal, str]]:
    return [(a.value, a.currency) for a in facts.amounts]


# --- language -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Projektet skal styrke samarbejdet mellem virksomheder og videninstitutioner i regionen.", "da"),
        ("Het project versterkt de samenwerking tussen bedrijven en kennisinstellingen in de regio.", "nl"),
        ("Le projet renforce la coopération entre les entreprises et les laboratoires de la région.", "fr"),
        ("The project strengthens cooperation between companies and universities in the region.", "en"),
        ("Das Projekt stärkt die Zusammenarbeit zwischen Unternehmen und Hochschulen in der Region.", None),
        ("El proyecto refuerza la cooperación entre las empresas y las universidades de la región.", None),
        ("Projektet stärker samarbetet mellan företag och universitet i regionen.", None),
        ("Kontakt os på tlf. 7020 3040", "da"),
        ("Neem contact met ons op.", "nl"),
        ("", None),
        ("12 345 678", None),
    ],
)
def test_detect_main_language(text: str, expected: str | None) -> None:
    assert detect(text)[0] == expected


def test_french_page_furniture_around_english_body_is_english() -> None:
    text = (
        "Rechercher des projets européens\n\n"
        "Date du début: 1 janv. 2010, Date de fin: 31 déc. 2012 PROJET TERMINÉ\n\n"
        "The project builds a network of regional agencies that support small companies in adopting "
        "new technologies. Partners exchange good practices, train their staff and design regional "
        "action plans that are tested in pilot actions across the participating regions.\n\n"
        "Projet sur la plateforme\n\n6 Participants partenaires"
    )
    language, segments = detect(text)
    assert language == "en"
    assert segments[0].language == "fr"
    assert {s.language for s in segments} == {"fr", "en"}
    assert all(text[s.start:s.end].strip() for s in segments)


# --- numbers and money ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "decimal", "magnitude", "expected"),
    [
        ("1 103 559,81", ",", False, Decimal("1103559.81")),
        ("1,635,670.00", ".", False, Decimal("1635670.00")),
        ("1.635.670,00", ",", False, Decimal("1635670.00")),
        ("11,3", ",", True, Decimal("11.3")),
        ("2.1", ".", True, Decimal("2.1")),
        ("500.000", ",", False, Decimal("500000")),
        ("1,250", ".", True, Decimal("1.250")),
    ],
)
def test_parse_number(raw: str, decimal: str, magnitude: bool, expected: Decimal) -> None:
    assert parse_number(raw, decimal, magnitude, money=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Projektets budget er på 11,3 mio. EUR i alt.", [(Decimal("11300000"), "EUR")]),
        ("Instrumentet udmønter 1,1 mia. kr. til samarbejder.", [(Decimal("1100000000"), "DKK")]),
        ("Fonden har afsat 15 millioner euro til projekterne.", [(Decimal("15000000"), "EUR")]),
        ("Le budget du projet est de 2 M€ sur trois ans.", [(Decimal("2000000"), "EUR")]),
        ("De provincie stelt € 500.000 beschikbaar voor de regeling.", [(Decimal("500000"), "EUR")]),
        ("The programme grants EUR 3.5 million to the partnership.", [(Decimal("3500000"), "EUR")]),
        ("The project budget is € 2,417,380.00 in total.", [(Decimal("2417380.00"), "EUR")]),
        ("Une enveloppe de 500 k€ est prévue pour les études.", [(Decimal("500000"), "EUR")]),
        ("Er is 4,25 miljoen euro beschikbaar voor de haalbaarheidsstudies.", [(Decimal("4250000"), "EUR")]),
        ("Kommunen har afsat 45 mio. kroner til indsatsen.", [(Decimal("45000000"), "DKK")]),
        ("La Région consacre 15 millions d'euros à ce programme.", [(Decimal("15000000"), "EUR")]),
        ("Der gives tilskud på 2.000.000,- kr. til projektet.", [(Decimal("2000000"), "DKK")]),
        ("The partners received 2,5 MEUR and DKK 250.000 from the fund.", [(Decimal("2500000"), "EUR"),
                                                                           (Decimal("250000"), "DKK")]),
    ],
)
def test_amounts_with_currency_and_magnitude(text: str, expected: list) -> None:
    assert amounts(run(text)) == expected


def test_bare_amount_takes_the_document_currency() -> None:
    text = "Partnership for innovation in the Atlantic Area.\n\n  • 56%   1 103 559,81\n  • 2000 - 2006 Atlantic Area\n"
    facts = run(text)
    assert amounts(facts) == [(Decimal("1103559.81"), "EUR")]
    assert [p.value for p in facts.percentages] == [Decimal("56")]
    assert facts.start_date is None and facts.other_dates == []  # a programme's period is no date


def test_repeated_amount_counts_once_but_two_in_one_sentence_count_twice() -> None:
    text = (
        "Grant\n€3.4M\n\nThe fund grants €3.4M of the €5.1M needed.\n\n"
        "Het geld komt voor €3 miljoen uit Europa en voor €3 miljoen uit de gemeente."
    )
    values = [a.value for a in run(text).amounts]
    assert values == [Decimal("3400000"), Decimal("5100000"), Decimal("3000000"), Decimal("3000000")]


def test_percentages_and_cofinancing_meaning() -> None:
    facts = run("The EU co-financing rate is 60 %. About 35% of the pilots should reach the market.")
    assert [(p.value, p.meaning) for p in facts.percentages] == [
        (Decimal("60"), "co-financing rate"), (Decimal("35"), "share")
    ]
    assert [(p.value) for p in run("et mål om 40 procent færre udledninger").percentages] == [Decimal("40")]


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("PROJEKTFORLØB:\n\nOktober 2023- September 2025\n\nBELØB: 11,3 mio. EUR", "2023-10", "2025-09"),
        ("Date du début: 31 janv. 2004, Date de fin: 28 déc. 2007 PROJET TERMINÉ", "2004-01-31", "2007-12-28"),
        ("Les réponses sont attendues entre le 1er janvier 2020 et le 1er mars 2020.", "2020-01-01", "2020-03-01"),
        ("Period\n2015-09-01 → 2018-08-31\nPriority axis", "2015-09-01", "2018-08-31"),
        ("Duration: the project runs for 3 years (2020 - 2023)", "2020", "2023"),
        ("Het project loopt van 1 februari 2021 tot 31 januari 2024.", "2021-02-01", "2024-01-31"),
        ("The partnership runs from 1 March 2021 to 28 February 2023.", "2021-03-01", "2023-02-28"),
        ("Projektperiode: 01.01.2019 - 31.12.2021", "2019-01-01", "2021-12-31"),
        ("Ansøgningsfrist: 1/3-2024 kl. 12.00", None, "2024-03-01"),
        ("Date limite de candidature :\n30 avril 2025\n\nLes laboratoires peuvent candidater.", None, "2025-04-30"),
        ("Fristen for ansøgninger er den 3. maj 2023. Der holdes et møde den 2. marts 2023.", None, "2023-05-03"),
        ("Subsidie kan vanaf 15 juni 2019 worden aangevraagd.", "2019-06-15", None),
        ("Le projet se déroule de 2019 à 2022 dans la région.", "2019", "2022"),
        ("Projektet kører fra 2019 til 2022.", "2019", "2022"),
        ("Startdato: 1. januar 2022\nSlutdato: 31. december 2024\nAnsøgningsfrist: 1. marts 2021", "2022-01-01",
         "2024-12-31"),
    ],
)
def test_start_and_end_at_written_precision(text: str, start: str | None, end: str | None) -> None:
    facts = run(text)
    assert (facts.start_date.value if facts.start_date else None) == start
    assert (facts.end_date.value if facts.end_date else None) == end


def test_other_dates_have_meanings_and_years_need_context() -> None:
    text = (
        "Appel à projets « INNOVATION » 2025\n\n"
        "La Région a adopté son schéma en mai 2016. Fondée en 1989, l'association réunit trois pays. "
        "La réunion du 4 juillet 2022 a lieu en ligne. Le lancement officiel a eu lieu le 12 octobre."
    )
    facts = run(text)
    assert [(d.value, d.meaning) for d in facts.other_dates] == [
        ("2016-05", "adoption"), ("1989", "creation"), ("2022-07-04", "meeting")
    ]
    assert facts.start_date is None and facts.end_date is None


def test_year_range_without_cue_gives_two_other_dates() -> None:
    facts = run("Styrelsen har valgt de netværk, som fra 2019-2022 skal hjælpe virksomhederne, og målet i 2035.")
    assert [d.value for d in facts.other_dates] == ["2019", "2022", "2035"]
    assert facts.start_date is None


def test_programme_periods_and_events_are_not_the_subjects_period() -> None:
    facts = run(
        "Le projet est financé pendant la période de programmation 2021-2027 du FEDER.\n\n"
        "Het project valt onder Interreg V (2014-2020). Funded in the 2014-2020 programming period.\n\n"
        "The conference takes place from 5 March 2024 to 7 March 2024 in Aarhus."
    )
    assert facts.start_date is None and facts.end_date is None
    assert [(d.value, d.meaning) for d in facts.other_dates] == [
        ("2024-03-05", "meeting"), ("2024-03-07", "meeting end")
    ]


def test_a_lone_year_in_running_text_is_never_the_subjects_period() -> None:
    facts = run("Founded in 2011, the cluster has grown. From 2021 it also hosts a lab, at least until 2030.")
    assert facts.start_date is None and facts.end_date is None
    assert [d.value for d in facts.other_dates] == ["2011", "2021", "2030"]
    labelled = run("Start: 2019\nEnd: 2022\n\nA project on circular design.")
    assert (labelled.start_date.value, labelled.end_date.value) == ("2019", "2022")  # type: ignore[union-attr]


def test_founding_in_first_sentence_is_the_start() -> None:
    facts = run("Het platform X\n\nOp 15 maart 2011 werd het project opgericht door drie regio's. Het groeit.")
    assert facts.start_date is not None and facts.start_date.value == "2011-03-15"


def test_mentions_point_at_the_written_words() -> None:
    text = "Intro.\n\nPROJEKTFORLØB:\n\nOktober 2023- September 2025\n"
    facts = run(text)
    assert facts.start_date is not None and facts.end_date is not None
    m = facts.start_date.mention
    assert text[m.start:m.end] == "Oktober 2023" == m.text
    assert text[facts.end_date.mention.start:facts.end_date.mention.end] == "September 2025"


# --- contacts -------------------------------------------------------------------------------

def test_emails_phones_urls() -> None:
    text = (
        "Kontakt styrelsen: Tove Hansen, th@example.dk, 3312 4455.\n"
        "STEFFEN\n +45 6188 0059\n sth@example.dk\n"
        "Se www.example-cluster.eu og https://www.example.dk/side/ samt portal.ec.europa.eu.\n"
        "Projektnummer 2016 1 103 559 er ikke et telefonnummer."
    )
    facts = run(text, source_url="https://www.example.dk/side")
    assert [e.value for e in facts.emails] == ["th@example.dk", "sth@example.dk"]
    assert [p.value for p in facts.phones] == ["+4533124455", "+4561880059"]
    assert [u.value for u in facts.urls] == ["www.example-cluster.eu", "portal.ec.europa.eu"]


def test_bare_hosts_with_a_path_or_subdomain_are_urls_but_names_and_abbreviations_are_not() -> None:
    text = (
        "Zie Voorbeeldfonds.nl/subsidie en bl.a. ASP.NET, e.g. docs; meer op data.example.eu → en mail a@b.dk."
        " Het bedrijf Zeewind.nl groeit."
    )
    assert [u.value for u in run(text).urls] == ["Voorbeeldfonds.nl/subsidie", "data.example.eu"]


def test_urls_glued_to_the_word_before_them() -> None:
    text = "Read more on our websitehttps://www.example.eu/news or Websitewww.example.dk today."
    assert [u.value for u in run(text).urls] == ["https://www.example.eu/news", "www.example.dk"]


def test_registration_numbers_are_not_phones() -> None:
    text = "Region Midtjylland · CVR 29190925 · kontakt@example.dk\nTlf. nr. 7841 0000"
    assert [p.value for p in run(text).phones] == ["+4578410000"]


def test_phone_region_follows_language() -> None:
    assert [p.value for p in run("Pour tout renseignement, contactez-nous. Tél. : 01 42 68 53 00").phones] == [
        "+33142685300"
    ]
    assert [p.value for p in run("Voor vragen over de regeling: bel 070 123 4567").phones] == ["+31701234567"]
    text = "Le guichet de la Région wallonne en Belgique répond à vos questions. Contact : tél. 081 33 31 00"
    assert [p.value for p in run(text).phones] == ["+3281333100"]


# --- countries ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I projektet samarbejder NordDanmarks EU-Kontor med partnere i Portugal, Sicilien og Norge.", ["PT", "NO"]),
        ("Vi samarbejder med finske og polske partnere om projektet.", ["FI", "PL"]),
        ("Energy Cluster Denmark vil styrke de danske virksomheder.", ["DK"]),
        ("Het is een Interreg Deutschland-Nederland project in Noord-Nederland en Nederlands-Brabant.", []),
        ("Het wordt een Frans-Belgisch netwerk met partners.", ["FR", "BE"]),
        ("PAYS Espagne / Pays-Bas / Suède", ["ES", "NL", "SE"]),
        ("It involves 5 partners from 4 countries Austria, Spain, Netherland, Latvia.", ["AT", "ES", "NL", "LV"]),
        ("DATABASE · Q987 · EE\n\nA project in the North Sea Region.", ["EE"]),
        ("Partners welcome 🇩🇰 🇪🇺", ["DK"]),
        ("Topics: Digital · IT · AI\n\nA page about tools.", []),
        ("Partners: Technical University of Denmark, the Republic of Croatia and firms in Spain.", ["HR", "ES"]),
        ("Le site existe en français et en anglais ; la Banque de France participe.", []),
        ("Le projet couvre l'Île-de-France et la Région Normandie.", []),
    ],
)
def test_countries(text: str, expected: list[str]) -> None:
    assert [c.value for c in run(text).countries] == expected


# --- seeds ------------------------------------------------------------------------------------

def test_seed_project_page_values() -> None:
    facts = run((DATA / "002_553ed0569ff5614e.txt").read_text(encoding="utf-8"))
    assert facts.language == "da"
    assert (facts.start_date.value, facts.end_date.value) == ("2023-10", "2025-09")  # type: ignore[union-attr]
    assert amounts(facts) == [(Decimal("11300000"), "EUR")]
    assert sorted(p.value for p in facts.phones) == ["+4561880018", "+4561880059"]
    assert sorted(c.value for c in facts.countries) == ["BG", "CY", "GR", "NO", "PT"]


def test_eligible_beneficiaries_and_partner_count() -> None:
    text = (
        "Qui peut candidater :\n  • Les PME, les associations et les fondations\n  • Les communes. Sous conditions.\n\n"
        "Le réseau compte 12 partenaires dans 5 pays."
    )
    facts = run(text)
    assert facts.eligible_beneficiaries == ["PME", "associations", "fondations", "communes"]
    assert facts.partner_count == 12


def test_seed_keep_record_values() -> None:
    facts = run((DATA / "004_bb30414c2a0db206.txt").read_text(encoding="utf-8"))
    assert facts.language == "en"
    assert (facts.start_date.value, facts.end_date.value) == ("2004-01-31", "2007-12-28")  # type: ignore[union-attr]
    assert facts.partner_count == 6
    assert facts.countries == [] and facts.other_dates == []
