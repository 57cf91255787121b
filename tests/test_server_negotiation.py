"""Accept negotiation with q-values."""

from __future__ import annotations

import pytest
from innograph.server.negotiation import GRAPH, SOLUTIONS, from_format_parameter, negotiate


@pytest.mark.parametrize(
    ("accept", "offers", "expected"),
    [
        (None, SOLUTIONS, "application/sparql-results+json"),
        ("", GRAPH, "text/turtle"),
        ("*/*", GRAPH, "text/turtle"),
        ("application/rdf+xml, text/turtle;q=0.9", GRAPH, "application/rdf+xml"),
        ("application/rdf+xml;q=0.5, text/turtle;q=0.9", GRAPH, "text/turtle"),
        ("text/*;q=0.3, text/tab-separated-values", SOLUTIONS, "text/tab-separated-values"),
        ("text/*", SOLUTIONS, "text/csv"),
        ("application/*, */*;q=0.1", SOLUTIONS, "application/sparql-results+json"),
        ("text/csv;q=0, */*", SOLUTIONS, "application/sparql-results+json"),
        ("*/*, text/csv;q=0", (("text/csv",)), None),
        ("image/png", SOLUTIONS, None),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", SOLUTIONS, "application/xml"),
        ("TEXT/TURTLE ; Q=0.8, application/n-triples;q=0.7", GRAPH, "text/turtle"),
        ("garbage", SOLUTIONS, "application/sparql-results+json"),
    ],
)
def test_negotiate(accept: str | None, offers: tuple[str, ...], expected: str | None) -> None:
    assert negotiate(accept, offers) == expected


def test_format_parameter() -> None:
    assert from_format_parameter("csv", "SELECT") == "text/csv"
    assert from_format_parameter("json", "SELECT") == "application/sparql-results+json"
    assert from_format_parameter("json", "CONSTRUCT") == "application/ld+json"
    assert from_format_parameter("text/turtle", "DESCRIBE") == "text/turtle"
    assert from_format_parameter("docx", "SELECT") is None
