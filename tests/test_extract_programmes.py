"""Funding programmes as texts name them: Interreg generations, names beside a programme word, fund heads."""

from __future__ import annotations

from innograph.loaders.extract.candidates import capitalised_runs, tokens
from innograph.loaders.extract.programmes import ProgrammeMatch, find_programmes


def _programmes(text: str) -> list[ProgrammeMatch]:
    toks = tokens(text)
    return find_programmes(text, toks, capitalised_runs(text, toks))


def _names(text: str) -> list[str]:
    return sorted({p.name for p in _programmes(text)})


def test_an_interreg_generation_with_its_strand_glued_on_stays_in_the_name() -> None:
    assert _names("The project is funded by Interreg 5A this year.") == ["Interreg 5A"]
    assert _names("Descriptions - INTERREG VA Northland\n") == ["INTERREG VA Northland"]


def test_a_generation_is_no_part_of_the_programme_area() -> None:
    (match,) = _programmes("Funded by Interreg IV-A Northland.")
    assert match.name == "Interreg IV-A Northland" and match.key == "interreg-northland"


def test_a_name_between_an_article_and_a_programme_word_is_a_programme() -> None:
    assert _names("Het FoodValley programma steunt het mkb.") == ["FoodValley"]
    assert _names("Apply to the Seaboard programme before May.") == ["Seaboard"]
    assert _names("Les lauréats du programme Cap Export sont connus.") == ["Cap Export"]


def test_a_country_or_an_organisation_beside_a_programme_word_is_no_programme() -> None:
    assert _names("The Danish programme supports clusters.") == []
    assert _names("The Aalborg University programme starts.") == []


def test_a_capitalised_name_ending_with_a_fund_word_is_a_programme_with_its_acronym() -> None:
    assert _names("Companies from Regional Growth Scheme (RGS) regions may apply.") == ["Regional Growth Scheme (RGS)"]
    assert _names("It seizes the chances of the Coastal Funds now.") == ["Coastal Funds"]


def test_a_lone_fund_word_is_no_programme() -> None:
    assert _names("Fund managers met in the morning.") == []
