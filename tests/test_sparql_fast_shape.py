"""The recogniser of cheap query shapes: what it accepts, and the look-alikes it sends to the pool."""

from __future__ import annotations

import pytest
from innograph.server.sparql_guard import Analysis, _analyse, analyse

from innograph.store.direct_shape import _scan, cheap_form, is_cheap

ORG = "<https://w3id.org/innograph/id/org/x>"

CHEAP = [
    "ASK {}",
    "ask where { }",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }}",
    f"SELECT * {{ {ORG} ?p ?o . }}",
    f"select ?o where {{ {ORG} a ?o }} limit 5",
    "SELECT ?s WHERE { ?s <http://ex/p> <http://ex/o> }",
    'SELECT ?s WHERE { ?s <http://ex/p> "a } b"@en }',
    'SELECT ?s WHERE { ?s <http://ex/p> "4"^^<http://www.w3.org/2001/XMLSchema#integer> }',
    "PREFIX ex: <http://ex/> BASE <http://base/> SELECT ?o WHERE { ex:s ex:p ?o }",
    "SELECT ?o WHERE { ex:s ex:p ?o }",  # an undeclared prefix: cheap; the store reports the error
    f"# a comment with {{ braces }} and GRAPH\nSELECT ?p ?o WHERE {{ {ORG} ?p ?o }} # FILTER",
    "ASK { ?s <http://ex/p> 42 }",
    "ASK { ?s <http://ex/p> true }",
    "SELECT $p ?o WHERE { <http://ex/s> $p ?o }",
]

NOT_CHEAP = [
    "",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <http://ex/s>",
    f"SELECT ?p ?o FROM <http://ex/g> WHERE {{ {ORG} ?p ?o }}",
    f"SELECT ?p ?o FROM NAMED <http://ex/g> WHERE {{ {ORG} ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ {ORG} ?p ?o }} }}",
    f"SELECT ?p ?o WHERE {{ {{ {ORG} ?p ?o }} }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} VALUES ?p {{ <http://ex/p> }}",
    f"SELECT ?p ?o WHERE {{ VALUES ?p {{ <http://ex/p> }} {ORG} ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o FILTER(?o > 3) }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o OPTIONAL {{ ?o ?q ?r }} }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o . ?o ?q ?r }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o ; ?q ?r }}",
    f"SELECT ?o WHERE {{ {ORG} <http://ex/p> ?o , ?r }}",
    f"SELECT ?o WHERE {{ {ORG} <http://ex/p>/<http://ex/q> ?o }}",
    f"SELECT ?o WHERE {{ {ORG} <http://ex/p>* ?o }}",
    f"SELECT ?o WHERE {{ {ORG} ^<http://ex/p> ?o }}",
    f"SELECT ?o WHERE {{ {ORG} (<http://ex/p>|<http://ex/q>) ?o }}",
    f"SELECT DISTINCT ?p WHERE {{ {ORG} ?p ?o }}",
    f"SELECT REDUCED ?p WHERE {{ {ORG} ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} ORDER BY ?o",
    f"SELECT ?p WHERE {{ {ORG} ?p ?o }} GROUP BY ?p",
    f"SELECT (COUNT(*) AS ?n) WHERE {{ {ORG} ?p ?o }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} LIMIT 5 OFFSET 1000000",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} OFFSET 10",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o BIND(1 AS ?x) }}",
    f"SELECT ?p ?o WHERE {{ {{ SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} }} }}",
    f"SELECT ?p ?o WHERE {{ SERVICE <http://ex/sparql> {{ {ORG} ?p ?o }} }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o MINUS {{ ?o ?q ?r }} }}",
    f"SELECT ?p ?o WHERE {{ {{ {ORG} ?p ?o }} UNION {{ ?o ?p {ORG} }} }}",
    "SELECT ?s WHERE { ?s <http://ex/p> ?s }",  # scans every p-row for the few with s = o
    "SELECT ?s WHERE { ?s ?s ?o }",
    "SELECT ?s WHERE { ?s <http://ex/p> $s }",  # ?s and $s are one variable
    "SELECT ?s WHERE { [] <http://ex/p> ?s }",
    "SELECT ?s WHERE { _:b <http://ex/p> ?s }",
    "SELECT ?s WHERE { ?s <http://ex/p> _:b }",
    "SELECT ?s WHERE { ?s _:b ?o }",
    "SELECT ?s WHERE { ?s <http://ex/p> [ <http://ex/q> ?o ] }",
    'SELECT ?s WHERE { "s" <http://ex/p> ?s }',
    "SELECT ?s WHERE { ?s <http://ex/p> -4 }",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} }}",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o",
    f"SELECT ?p ?o WHERE {ORG} ?p ?o }}",
    f"PREFIX ex <http://ex/> SELECT ?p ?o WHERE {{ {ORG} ?p ?o }}",
    f'SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} # "}}" then\nORDER BY ?o',
    f'SELECT ?p ?o WHERE {{ {ORG} ?p "}}" }} ORDER BY ?o',
    "INSERT DATA { <http://ex/s> <http://ex/p> <http://ex/o> }",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }} ; DROP ALL",
    f"SELECT ?p ?o WHERE {{ {ORG} ?p ?o }}" + " " * 5000,  # long texts are not scanned
]


@pytest.mark.parametrize("query", CHEAP)
def test_cheap_shapes_are_recognised(query: str) -> None:
    assert is_cheap(query) is True


@pytest.mark.parametrize("query", NOT_CHEAP)
def test_look_alikes_go_to_the_pool(query: str) -> None:
    assert is_cheap(query) is False


@pytest.mark.parametrize("query", CHEAP)
def test_the_guard_reads_a_cheap_shape_as_its_full_scan_does(query: str) -> None:
    # The guard answers cheap shapes from their form: the same Analysis as scanning every token.
    assert analyse(query) == _analyse(query)


def test_the_form_of_a_cheap_shape() -> None:
    assert [cheap_form(q) for q in ("ask where { }", f"select ?o where {{ {ORG} a ?o }} limit 5")] == ["ASK", "SELECT"]
    assert cheap_form("CONSTRUCT WHERE { ?s ?p ?o }") is None


def test_the_guard_still_refuses_what_is_not_a_cheap_shape() -> None:
    query = f"SELECT ?p ?o WHERE {{ SERVICE <http://ex/sparql> {{ {ORG} ?p ?o }} }}"
    assert analyse(query) == Analysis("SELECT", False, ("SERVICE",), False, ())
    with_from = f"SELECT ?p ?o FROM <http://ex/g> WHERE {{ {ORG} ?p ?o }}"
    assert analyse(with_from) == Analysis("SELECT", True, (), False, ())


def test_tokens_keep_their_names_and_positions() -> None:
    toks = _scan('ASK { ?s <http://ex/p> "x"@en } # note')
    assert [(t.kind, t.text, t.start) for t in toks] == [
        ("word", "ASK", 0), ("punct", "{", 4), ("var", "?s", 6), ("iri", "<http://ex/p>", 9),
        ("string", '"x"', 23), ("lang", "@en", 26), ("punct", "}", 30)]
