"""The same store behaviour on both backends: embedded Oxigraph and a remote SPARQL server."""

from __future__ import annotations

import io
from typing import Any

import pytest
from conftest import IRIS, seed_document
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, parse, parse_query_results

from innograph.store import DocumentWrite, QueryRequest, QuerySyntaxError
from innograph.store.embedded import NEVER_WRITTEN

FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NAMES = f"SELECT ?n WHERE {{ ?p <{FOAF_NAME}> ?n }}"
LABELS = f"SELECT ?l WHERE {{ ?s <{LABEL}> ?l }}"


def values(store: Any, query: str, var: str, partition: str = "public") -> list[str]:
    return sorted(row[var].value for row in store.select(query, partition=partition) if var in row)


def test_personal_data_lives_in_the_full_partition_only(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    assert values(any_store, NAMES, "n", "public") == []
    assert values(any_store, NAMES, "n", "full") == ["Secret Person doc-a"]
    assert values(any_store, LABELS, "l", "public") == ["Organisation doc-a"]
    assert values(any_store, LABELS, "l", "full") == ["Organisation doc-a"]


def test_rewriting_a_document_replaces_its_graphs(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    seed_document(any_store, "doc-a")  # same again: no duplicates
    assert values(any_store, LABELS, "l", "full") == ["Organisation doc-a"]
    any_store.write_document(DocumentWrite(graph=IRIS.graph("doc-a"), content_hash="sha256:new"))
    assert values(any_store, LABELS, "l", "full") == []
    assert any_store.graph_hashes() == {IRIS.graph("doc-a"): "sha256:new"}


def test_graph_hashes_and_removal(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    seed_document(any_store, "doc-b")
    assert any_store.graph_hashes() == {IRIS.graph("doc-a"): "sha256:doc-a", IRIS.graph("doc-b"): "sha256:doc-b"}
    any_store.remove_graphs([IRIS.graph("doc-a")])
    assert any_store.graph_hashes() == {IRIS.graph("doc-b"): "sha256:doc-b"}
    assert values(any_store, NAMES, "n", "full") == ["Secret Person doc-b"]


def test_query_result_kinds_and_formats(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    solutions = any_store.query(QueryRequest(LABELS, accept=("application/sparql-results+xml",)))
    boolean = any_store.query(QueryRequest("ASK { ?s ?p ?o }", accept=("application/sparql-results+json",)))
    construct = f"CONSTRUCT {{ ?s <{LABEL}> ?l }} WHERE {{ ?s <{LABEL}> ?l }}"
    graph = any_store.query(QueryRequest(construct, accept=("text/turtle",)))
    assert (solutions.kind, solutions.media_type) == ("solutions", "application/sparql-results+xml")
    rows = parse_query_results(solutions.body, format=QueryResultsFormat.XML)
    assert [s["l"].value for s in rows] == ["Organisation doc-a"]  # type: ignore[union-attr,index]
    assert boolean.kind == "boolean"
    assert bool(parse_query_results(boolean.body, format=QueryResultsFormat.JSON)) is True
    assert (graph.kind, graph.media_type) == ("graph", "text/turtle")
    assert len(list(parse(io.BytesIO(graph.body), format=RdfFormat.TURTLE))) == 1


def test_protocol_dataset_restricts_the_query(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    seed_document(any_store, "doc-b")
    request = QueryRequest(LABELS, default_graphs=(IRIS.graph("doc-b"),), accept=("application/sparql-results+json",))
    rows = parse_query_results(any_store.query(request).body, format=QueryResultsFormat.JSON)
    assert [s["l"].value for s in rows] == ["Organisation doc-b"]  # type: ignore[union-attr,index]


def test_syntax_errors_raise_query_syntax_error(any_store: Any) -> None:
    with pytest.raises(QuerySyntaxError):
        any_store.query(QueryRequest("SELECT * WHERE {"))


def test_update_targets_one_partition(any_store: Any) -> None:
    graph = IRIS.graph("doc-x")
    any_store.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <http://e/s> <{LABEL}> "only full" }} }}', partition="full")
    assert values(any_store, LABELS, "l", "full") == ["only full"]
    assert values(any_store, LABELS, "l", "public") == []


def test_bindings_are_values_not_query_text(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    query = f"SELECT ?s WHERE {{ ?s <{LABEL}> ?l }}"
    hostile = 'Organisation doc-a" } ; DROP ALL ; SELECT * { "'
    assert any_store.select(query, {"l": hostile}) == []
    assert len(any_store.select(query)) == 1


def test_embedded_default_graph_is_the_union_until_it_holds_data(embedded_store: Any) -> None:
    seed_document(embedded_store, "doc-a")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert embedded_store.select(count)[0]["n"].value == "3"  # 2 triples + the content hash
    embedded_store.update("INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }", partition="public")
    assert embedded_store.select(count)[0]["n"].value == "1"  # standard SPARQL: the default graph itself
    in_from = f"SELECT (COUNT(*) AS ?n) FROM <{IRIS.graph('doc-a')}> WHERE {{ ?s ?p ?o }}"
    assert embedded_store.select(in_from)[0]["n"].value == "3"


def test_the_read_view_holds_its_partition_only(any_store: Any) -> None:
    seed_document(any_store, "doc-a")
    any_store.update(f'INSERT DATA {{ <http://ex/x> <{LABEL}> "default graph" }}', partition="public")
    with any_store.snapshot("public") as view:
        public = sorted((q.graph_name.value, q.object.value) for q in view if q.predicate.value == LABEL)
        org = NamedNode(IRIS.entity("org", "doc-a"))
        rows = list(view.select(f"SELECT ?l WHERE {{ ?s <{LABEL}> ?l }}", {"s": org}))
    assert public == [(IRIS.graph("doc-a"), "Organisation doc-a")]  # named graphs only
    assert [r["l"].value for r in rows] == ["Organisation doc-a"]
    with any_store.snapshot("full") as view:
        graphs = {q.graph_name.value for q in view}
    assert graphs == {IRIS.graph("doc-a"), IRIS.personal_graph("doc-a")}


def test_generation_and_change_time_move_with_each_write(embedded_store: Any) -> None:
    before = (embedded_store.generation(), embedded_store.changed_at())
    assert before[1] == NEVER_WRITTEN
    seed_document(embedded_store, "doc-a")
    after = (embedded_store.generation(), embedded_store.changed_at())
    assert after[0] == before[0] + 1 and after[1] > before[1]
    assert embedded_store.data_dir is not None and (embedded_store.data_dir / "public").is_dir()
