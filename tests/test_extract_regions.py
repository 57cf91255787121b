"""Regions as texts name them: reference names, towns used as areas, named and compound areas."""

from __future__ import annotations

from innograph.loaders.extract.candidates import capitalised_runs, tokens
from innograph.loaders.extract.region_names import RegionMatch
from innograph.loaders.extract.regions import find_regions
from innograph.loaders.extract.towns import town_named


def _regions(text: str) -> list[RegionMatch]:
    toks = tokens(text)
    return find_regions(text, toks, capitalised_runs(text, toks))


def _names(text: str) -> list[str]:
    return sorted(r.name for r in _regions(text))


def test_a_town_after_a_place_preposition_is_an_area_in_every_language() -> None:
    assert _names("Le centre est implanté à Nantes depuis mai.") == ["Nantes"]
    assert _names("Kontoret ligger i Aarhus og har fem ansatte.") == ["Aarhus"]
    assert _names("Het kantoor is gevestigd te Utrecht.") == ["Utrecht"]
    assert _names("The platform is located in Galway since last year.") == ["Galway"]


def test_the_towns_listed_after_the_first_one_are_areas_too() -> None:
    assert _names("Projects concentrate rondom Nijmegen en Enschede.") == ["Enschede", "Nijmegen"]


def test_a_town_that_starts_a_longer_name_is_no_area() -> None:
    assert _names("She studied in Aalborg Universitet last year.") == []


def test_a_capitalised_preposition_inside_a_foreign_name_is_no_preposition() -> None:
    assert _names("Partner: Teknikcollege I Skellefteå (SE)") == []


def test_a_month_or_a_common_word_is_no_town() -> None:
    assert town_named("March") is None
    assert town_named("Nijmegen") is not None


def test_a_town_alone_in_brackets_after_a_name_is_an_area() -> None:
    found = _regions("The lab Foodtech (Laval) opens soon.")
    assert [(r.name, r.country) for r in found] == [("Laval", "FR")]


def test_a_list_of_towns_is_a_list_of_areas() -> None:
    assert _names("The four cities Amsterdam, Rotterdam, Den Haag and Eindhoven meet.") == [
        "Amsterdam",
        "Den Haag",
        "Eindhoven",
        "Rotterdam",
    ]


def test_a_name_between_the_article_and_a_lower_case_area_word_is_an_area() -> None:
    assert _names("Companies in the Far North area adopt robots.") == ["Far North area"]
    assert _names("It helped the Western Seaboard region grow.") == ["Western Seaboard region"]


def test_a_compass_word_before_a_country_is_part_of_that_country() -> None:
    found = _regions("Applicants from Greece and Southern Spain are welcome.")
    assert [(r.name, r.country) for r in found] == [("Southern Spain", "ES")]


def test_a_compass_area_inside_an_organisation_name_is_no_area() -> None:
    assert _names("Contact the South Denmark European Office today.") == []


def test_a_danish_compound_ending_with_the_area_word_is_an_area() -> None:
    assert _names("Partnere fra hele Nordsøregionen kan deltage.") == ["Nordsøregionen"]


def test_a_country_name_alone_is_the_country_not_a_province_of_another_country() -> None:
    assert _names("Offices in Esch-sur-Alzette (Luxembourg) open.") == ["Esch-sur-Alzette"]


def test_lower_case_plural_words_are_no_genitive_regions() -> None:
    assert _names("faciliter l’accès aux marchés des pays voisins") == []
