"""The SPARQL scanner that decides, before evaluation, what a query may do."""

from __future__ import annotations

import pytest
from innograph.server.sparql_guard import analyse, mentioned_iris, with_using
from innograph.server.sparql_update import touches_personal_graph

from innograph.iris import Iris


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
        "select * where { service silent ?u { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b 3.SERVICE <http://x/> {} }",  # 3 . SERVICE, not a number
        "PREFIX e: <http://e/> SELECT * WHERE { ?s e:a\\# SERVICE <http://x/> {} }",  # \\# is not a comment
        "SELECT * WHERE { FILTER(?a<?b) SERVICE <http://x/> {} }",  # ?a<?b is not an IRI
        "SELECT * WHERE { ?s ?p '''it''s''' . SERVICE <http://x/> {} }",
        "SELECT * WHERE { ?s ?p \"\\\"\" SERVICE <http://x/> {} }",
        "LOAD <http://x/data.ttl>",
        "CLEAR ALL ; load silent <http://x/> into graph <http://g>",
    ],
)
def test_fetching_keywords_are_found(query: str) -> None:
    assert analyse(query).fetches


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ("SERVICE <http://x/>" AS ?x) WHERE { }',
        "SELECT * WHERE { ?s <http://e/SERVICE> ?o } # SERVICE <http://x/>",
        "PREFIX service: <http://e/> SELECT * WHERE { ?s service:load ?load }",
        "SELECT * WHERE { ?s ?p \"x\"@service }",
        "SELECT ?service WHERE { ?service ?p ?o }",
    ],
)
def test_harmless_mentions_are_not_refused(query: str) -> None:
    assert not analyse(query).fetches


def test_query_form_and_dataset() -> None:
    assert analyse("PREFIX a: <http://a/> ASK { ?s ?p ?o }").form == "ASK"
    assert analyse("# SELECT\nCONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    assert analyse("DESCRIBE <http://x>").form == "DESCRIBE"
    assert analyse("INSERT DATA { <a> <b> <c> }").form is None
    assert analyse("SELECT * FROM <http://g> { ?s ?p ?o }").has_dataset
    assert analyse("SELECT * FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } }").has_dataset
    assert not analyse('SELECT * { ?s ?p "FROM" } # FROM <x>').has_dataset


def test_using_clauses_go_before_each_modify_where() -> None:
    update = "INSERT { ?s a 1 } WHERE { ?s a 2 } ; DELETE WHERE { ?s a 3 } ; DELETE { ?s a 4 } WHERE { ?s a 4 }"
    analysis = analyse(update)
    assert not analysis.has_using_or_with
    rewritten = with_using(update, analysis, ["http://g"], ["http://n"])
    assert rewritten.count("USING <http://g> USING NAMED <http://n> WHERE") == 2
    assert "DELETE WHERE { ?s a 3 }" in rewritten  # the shortcut form takes no USING
    assert analyse("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").has_using_or_with
    with pytest.raises(ValueError):
        with_using(update, analysis, ["http://g> } ; DROP ALL ; <x"], [])


def test_iris_are_expanded_for_the_personal_graph_check() -> None:
    iris = Iris("https://w3id.org/innograph/")
    text = "BASE <https://w3id.org/innograph/graph/> PREFIX g: <https://w3id.org/innograph/graph/> "
    assert "https://w3id.org/innograph/graph/d/personal" in set(mentioned_iris(text + "CLEAR GRAPH <d/personal>"))
    assert touches_personal_graph(text + "DROP GRAPH g:d\\/personal", iris)
    assert touches_personal_graph(text + "DROP GRAPH <d/personal>", iris)
    assert not touches_personal_graph(text + "DROP GRAPH g:d", iris)
    assert not touches_personal_graph('INSERT DATA { <http://e/s> <http://e/p> "graph/d/personal" }', iris)


def test_dataset_clauses_are_resolved() -> None:
    from innograph.server.sparql_guard import dataset_clauses

    query = 'BASE <http://b/> PREFIX g: <http://g/> SELECT * FROM <x> FROM g:y FROM NAMED <z> { ?s ?p "FROM <q>" }'
    assert dataset_clauses(query) == (["http://b/x", "http://g/y"], ["http://b/z"])
    assert dataset_clauses("SELECT * { ?s ?p ?o }") == ([], [])
