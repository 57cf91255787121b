"""Document-level decisions: what a page is about (its main entity type), its title, its own
period, and URLs. Tiny texts written for the test, one mechanism each."""

from __future__ import annotations

import pytest
from innograph.loaders.extract import dates, genre, titles
from innograph.loaders.extract.facts import DocumentFacts


def _type_of(text: str, title: str | None, language: str, **facts: object) -> str:
    doc = DocumentFacts(doc_id="t", text=text, language=language)
    for name, value in facts.items():
        setattr(doc, name, value)
    return genre.main_type(doc, title)


@pytest.mark.parametrize(
    ("language", "title", "body", "expected"),
    [
        ("fr", "Appel à projets Numérique 2030", "Les dossiers de candidature sont attendus.", "Call"),
        ("nl", "Nieuwe openstellingen voor het mkb", "Ondernemers kunnen aanvragen indienen.", "Call"),
        ("da", "Ny ansøgningsrunde åbner", "Ansøgningsfristen er snart.", "Call"),
        ("en", "About us", "We are a regional office. Our team works for the region.", "Organisation"),
        ("da", "Vores kontor i Bruxelles", "Kontoret hjælper kommunerne.", "Organisation"),
        ("nl", "Slimme regio", "Zeewind is een netwerkorganisatie van havens en steden.", "Organisation"),
        ("en", "North Sea cooperation", "Blue Waters is a transnational programme for eleven regions.", "Programme"),
        ("fr", "Plateforme régionale", "Une nouvelle plateforme d'innovation ouvre à Caen.", "Platform"),
        ("da", "Fødevareklyngen vokser", "Klyngen har nu 300 medlemmer.", "Cluster"),
    ],
)
def test_main_type_from_headline_vocabulary_and_definitions(language: str, title: str, body: str, expected: str):
    assert _type_of(f"{title}\n\n{body}", title, language) == expected


def test_a_page_without_evidence_is_about_a_project():
    assert _type_of("Nothing here names a genre.", None, "en") == "Project"


def test_repeated_item_labels_make_a_list_of_projects_a_programme():
    items = "\n".join(f"Acme{i}\nLead partner: Town {i}\nDuration: 24 months\n" for i in range(4))
    text = f"Results of the second round\n{items}"
    assert genre.list_of_items(text, ("en",)) == 4
    assert _type_of(text, "Results of the second round", "en") == "Programme"


def test_one_item_label_is_not_a_list():
    text = "Acme\nLead partner: Town\nThe project improves harbours."
    assert genre.list_of_items(text, ("en",)) == 1
    assert _type_of(text, "Acme", "en") == "Project"


def test_eligible_beneficiaries_are_evidence_for_a_call():
    text = "Soutien aux tiers-lieux\nLa Région soutient les tiers-lieux du territoire."
    assert _type_of(text, "Soutien aux tiers-lieux", "fr") == "Project"
    assert _type_of(text, "Soutien aux tiers-lieux", "fr", eligible_beneficiaries=["associations"]) == "Call"


def test_words_of_a_quoted_name_in_the_title_are_no_genre_vocabulary():
    text = "SEA « Smart Energy Cluster »\nFiche projet. Le projet relie les ports."
    assert _type_of(text, "SEA « Smart Energy Cluster »", "fr") == "Project"


def test_definition_needs_a_name_as_subject():
    assert genre.definitions("There is a programme for towns.", ("en",)) == []
    assert genre.definitions("Blue Waters is a programme for towns.", ("en",)) == [(5, "Programme")]


def test_compound_heads_and_inflections():
    assert genre.definitions("Sydhavn er et regionalt netværk af havne.", ("da",)) == [(0, "Partnership")]
    assert genre.definitions("Zeewind is een netwerkorganisatie.", ("nl",)) == [(0, "Organisation")]
    assert genre.definitions("VertEst est l’un des pôles de la région.", ("fr",)) == [(0, "Cluster")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated on 12 January 2023\n\nApply to our call for harbour pilots today\nBody text.", "Apply to our call"),
        ("03.04.2024\nNieuwe openstellingen voor havens\nTekst.", "Nieuwe openstellingen voor havens"),
        ("88213xkqwe\n\nNy klynge vokser i Vestjylland\nTekst.", "Ny klynge vokser i Vestjylland"),
        ("Countries: Belgium, France\nHarbour Links\nText.", "Harbour Links"),
        ("Home > News > Harbours\nHarbour Links opens\nText.", "Harbour Links opens"),
        ("Contact\n\nAnna Berg (director)\n0597 111 222\n\nSEAPORT\n\nSince 1980 ...", "SEAPORT"),
        ("We use cookies to improve this site\nHarbour Links\nText.", "Harbour Links"),
        ("Appel à projets « MER » 2025\n\nTexte.", "Appel à projets « MER » 2025"),
    ],
)
def test_title_line_skips_furniture_by_its_shape(text: str, expected: str):
    found = titles.title_line(text)
    assert found is not None and found.text.startswith(expected)


def test_a_text_that_opens_with_a_sentence_has_no_title_line():
    text = "[…], director of the harbour cluster, is interviewed by our magazine this week.\nQ: Hello."
    assert titles.title_line(text) is None


def test_title_agrees_with_a_url_slug_without_accents():
    url = "https://example.dk/ny_fodevareklynge_glaeder_sig_over_stor_bevilling"
    assert titles.agrees_with_url("Ny fødevareklynge glæder sig over stor bevilling", url)
    assert not titles.agrees_with_url("Kontakt os i dag", url)


def _dates(text: str, langs: tuple[str, ...]) -> tuple[str | None, str | None, list[str]]:
    start, end, others = dates.extract_dates(text, text, langs)
    return (start.value if start else None, end.value if end else None, [d.value for d in others])


def test_a_specific_cue_beats_a_nearer_generic_word():
    text = "Appel ouvert.\nDate limite pour déposer votre projet : mercredi 12 mars 2025 à midi."
    assert _dates(text, ("fr", "en"))[1] == "2025-03-12"


def test_a_headline_above_a_dateline_is_no_label():
    text = "Nieuwe openstellingen voor havens\n\n03.04.2024\n\nVanaf 15 april 2024 is geld beschikbaar."
    start, _, others = _dates(text, ("nl", "en"))
    assert start == "2024-04-15" and "2024-04-03" in others


def test_a_calls_end_is_its_deadline_not_the_years_it_funds():
    text = "Apply now\nDuration: 2023-2025.\nThe deadline is 16 January 2023."
    doc = DocumentFacts(doc_id="t", text=text, language="en")
    doc.start_date, doc.end_date, doc.other_dates = dates.extract_dates(text, text, ("en",))
    assert doc.start_date is not None and doc.end_date is not None
    assert (doc.start_date.value, doc.end_date.value) == ("2023", "2025")
    doc.main_entity_type = "Call"
    dates.settle_call_window(doc)
    assert doc.start_date is None and doc.end_date is not None and doc.end_date.value == "2023-01-16"
    assert sorted(d.value for d in doc.other_dates) == ["2023", "2025"]
