"""Project names found by how pages present them (tiny fixtures, no corpus text)."""

from __future__ import annotations

from innograph.loaders.extract.candidates import tokens
from innograph.loaders.extract.projects import find_projects


def _projects(text: str) -> list[str]:
    return sorted({m.name for m in find_projects(text, tokens(text))})


def test_list_items_described_as_projects_are_projects() -> None:
    text = (
        "Programme Alpha: 12 fiches\n"
        "• ZORBA\n"
        "Code : 12 AB 3 4 567\n"
        "Le projet vise à rapprocher les entreprises et les laboratoires de la zone.\n"
        "• Quarto Nova\n"
        "The project will pilot a transfer model with local firms.\n"
    )
    assert _projects(text) == ["Quarto Nova", "ZORBA"]


def test_items_without_a_project_description_or_naming_a_project_page_are_not_projects() -> None:
    text = (
        "• Kontakt Os\n"
        "Vi hjælper virksomheder med at finde partnere i hele regionen.\n"
        "• Projet sur la plateforme\n"
        "Projet Website\n"
        "• Beta Gamma\n"
        "Projektet\n"
    )
    assert _projects(text) == []


def test_a_name_with_an_objective_of_its_own_is_a_project() -> None:
    text = (
        "Learn more\n\nZORBAX’s overall objective is to help public bodies adopt new tools.\n"
        "Blue Harbour's aim is to clean the port. Planen har til formål at hjælpe. QUIXOs formål er klart.\n"
    )
    assert _projects(text) == ["Blue Harbour", "QUIXO", "ZORBAX"]


def test_an_ordinary_word_with_an_objective_is_not_a_project() -> None:
    text = "The Region's objective is growth. Danmarks mål er klart. Our aims are simple.\n"
    assert _projects(text) == []
