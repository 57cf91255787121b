"""User input reaches SPARQL only as RDF terms in a VALUES block."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from innograph.store.sparql_text import bind, insert_data

HOSTILE = ['x" } ; DROP ALL ; #', "x' . ?s ?p ?o", "a\\\" }", "<http://evil/> }", "line\nbreak", "é ü ø 🇩🇰"]


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    s.add(Quad(NamedNode("http://ex/a"), NamedNode("http://ex/label"), Literal("safe")))
    for value in HOSTILE:
        s.add(Quad(NamedNode("http://ex/h"), NamedNode("http://ex/label"), Literal(value)))
    return s


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_are_bound_as_literals(store: Store, value: str) -> None:
    query = bind("SELECT ?s WHERE { ?s <http://ex/label> ?name }", {"name": value})
    assert [str(row["s"]) for row in store.query(query)] == ["<http://ex/h>"]
    assert len(store) == 1 + len(HOSTILE)  # nothing was dropped or changed


def test_a_list_binds_one_row_per_value(store: Store) -> None:
    query = bind("SELECT ?s WHERE { ?s <http://ex/label> ?name }", {"name": ["safe", "missing"]})
    assert [str(row["s"]) for row in store.query(query)] == ["<http://ex/a>"]


def test_invalid_variable_names_are_refused() -> None:
    with pytest.raises(ValueError):
        bind("SELECT * {}", {"x) } DROP ALL #": "v"})


def test_insert_data_round_trips_hostile_literals() -> None:
    from pyoxigraph import Triple

    s = Store()
    triples = [Triple(NamedNode("http://ex/h"), NamedNode("http://ex/label"), Literal(v)) for v in HOSTILE]
    s.update(insert_data({"http://ex/g": triples}))
    assert sorted(q.object.value for q in s) == sorted(HOSTILE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE {"),
        ("PREFIX x: <http://x/#SELECT> SELECT * { ?s ?p ?o }", "PREFIX x: <http://x/#SELECT> SELECT * {"),
        ("# { comment\nASK { ?s ?p ?o }", "# { comment\nASK {"),
        ('SELECT * WHERE { ?s ?p "{" }', "SELECT * WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE {"),
    ],
)
def test_values_go_first_in_the_where_group(query: str, expected: str) -> None:
    bound = bind(query, {"s": NamedNode("http://ex/a")})
    assert bound.startswith(expected + "\nVALUES (?s) { (<http://ex/a>) }")
    Store().query(bound)  # still a valid query


def test_construct_where_gets_a_trailing_values_block() -> None:
    bound = bind("CONSTRUCT WHERE { ?s ?p ?o }", {"s": NamedNode("http://ex/a")})
    assert bound.rstrip().endswith("VALUES (?s) { (<http://ex/a>) }")
    Store().query(bound)
