"""The HTML documentation and the class diagram are generated from the ontology: every term with
its labels in four languages, its definition and its alignments."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from innograph.ontology import ontology_graph
from innograph.ontology.build import ontology_terms
from innograph.ontology.docs import diagram_svg, render_html
from innograph.ontology.tables import LANGUAGES


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_has_a_section_with_four_labels(lang: str) -> None:
    page = render_html(lang)
    collector = _Collector()
    collector.feed(page)
    terms = ontology_terms(ontology_graph())
    assert len(terms) > 80
    for name in terms:
        assert name in collector.ids, name
    assert f'<html lang="{lang}">' in page
    for code in LANGUAGES:
        assert f'<li lang="{code}">' in page


def test_definitions_and_alignments_are_shown() -> None:
    page = render_html("fr")
    assert "Territoire infranational ou transfrontalier" in page  # ig:Region's French definition
    assert 'href="http://www.w3.org/ns/org#Organization"' in page
    assert "eurio:OrganisationRole" in page
    assert "Sous-classe de" in page
    assert "numérique" in page.lower()  # the theme scheme is listed too


def test_other_base_iri() -> None:
    page = render_html("en", "https://data.example.eu/ig/")
    assert "https://data.example.eu/ig/ontology#Region" in page
    assert "w3id.org/innograph" not in page


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render_html("de")


def test_diagram_is_well_formed_svg_with_the_main_classes() -> None:
    svg = diagram_svg()
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for name in ("Organisation", "Role", "Project", "Programme", "Region", "Theme", "SourceDocument", "Evidence"):
        assert f'id="box-{name}"' in svg
    assert "ig:roleIn" in svg
    assert "ig:PublicAuthority" in svg
    assert "organisatie" in diagram_svg("nl")
