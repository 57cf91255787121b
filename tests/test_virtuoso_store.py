"""Each Virtuoso deviation, handled: on two real private Virtuoso instances (tests/virtuoso/)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from conftest import IRIS, seed_document
from pyoxigraph import BlankNode, Literal, NamedNode, QueryResultsFormat, Triple, parse_query_results
from virtuoso.fixtures import VIRTUOSO_TIME_LIMIT, VirtuosoPair, virtuoso_store
from virtuoso.instance import MAX_ROWS

import innograph.sparql_text as sparql_text
import innograph.store.virtuoso_stage as staging
from innograph.partners.facts import read_all
from innograph.store import DocumentWrite, QueryRequest, QueryTimeout, ResultTooLarge, StoreError
from innograph.store.virtuoso import VirtuosoStore
from innograph.store.virtuoso_rewrite import (
    ExtensionRefused,
    blank_nodes_by_template,
    default_graph_explicit,
    graphs_as_variables,
    paging_order,
    refuse_extensions,
    resolved_against_base,
)

pytestmark = pytest.mark.virtuoso
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def store(virtuoso_pair: VirtuosoPair) -> VirtuosoStore:
    return virtuoso_store(virtuoso_pair, IRIS)


def count(store: Any, query: str = COUNT_ALL, partition: str = "public") -> int:
    return int(store.select(query, partition=partition)[0]["n"].value)


def big_document(doc_id: str, size: int) -> DocumentWrite:
    """``size`` labelled things, each also pointed at by a blank node (INSERT DATA refuses those)."""
    triples = []
    for i in range(size):
        thing = NamedNode(IRIS.entity("org", f"{doc_id}-{i}"))
        triples.append(Triple(thing, LABEL, Literal(f"thing {i}")))
        triples.append(Triple(BlankNode(f"b{i}"), NamedNode("http://e/about"), thing))
    return DocumentWrite(graph=IRIS.graph(doc_id), content_hash=f"sha256:{doc_id}-{size}", public=triples)


def test_system_graphs_are_neither_in_the_default_graph_nor_named(store: VirtuosoStore) -> None:
    assert count(store) == 0  # a fresh Virtuoso holds ~2,500 triples of its own
    assert store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") == []
    seed_document(store, "doc-a")
    assert count(store) == 3
    with store.snapshot("full") as view:
        assert {q.graph_name.value for q in view} == {IRIS.graph("doc-a"), IRIS.personal_graph("doc-a")}
    one_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{IRIS.graph('doc-a')}> {{ ?s ?p ?o }} }}"
    assert count(store, one_graph) == 3  # an exclusion alone would empty a constant GRAPH


def test_a_constant_graph_keeps_the_system_graphs_out_of_the_rest_of_the_query(store: VirtuosoStore) -> None:
    seed_document(store, "doc-a")
    seed_document(store, "doc-b")
    a = IRIS.graph("doc-a")
    joined = f"PREFIX d: <{IRIS.base}graph/> SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH d:doc-a {{ ?s ?p ?o }} ?x ?y ?z }}"
    assert count(store, joined) == 3 * 6  # Virtuoso's ~2,500 triples would join here without exclusions
    optional = (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} OPTIONAL {{ GRAPH <{a}> {{ ?s ?q ?r }} }} }} "
        "GROUP BY ?g"
    )
    per_graph = {r["g"].value: int(r["n"].value) for r in store.select(optional)}
    assert per_graph == {a: 2 * 2 + 1, IRIS.graph("doc-b"): 3}  # the organisation's 2 triples, the fingerprint
    assert len(store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{a}> {{ ?s ?p ?o }} }}")) == 3
    rows = store.select(f"SELECT * WHERE {{ GRAPH <{a}> {{ ?s ?p ?o }} }}")  # sent as it is: * shows every variable
    assert len(rows) == 3 and all(set(r) == {"s", "p", "o"} for r in rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?s WHERE { ?x ?y ?z GRAPH <http://e/g> { ?s ?p ?o } }",
         "SELECT ?s WHERE { ?x ?y ?z VALUES ?innograph_graph_0 { <http://e/g> } "
         "GRAPH ?innograph_graph_0 { ?s ?p ?o } }"),
        ("ASK { GRAPH ex:g {} GRAPH :h {} }",
         "ASK { VALUES ?innograph_graph_0 { ex:g } GRAPH ?innograph_graph_0 {} "
         "VALUES ?innograph_graph_1 { :h } GRAPH ?innograph_graph_1 {} }"),
        ("SELECT ?graph WHERE { ?graph <http://e/GRAPH> 'GRAPH <http://e/g>' } # GRAPH <http://e/g>", None),
        ("SELECT * WHERE { GRAPH <http://e/g> { ?s ?p ?o } }", "refused"),
    ],
)
def test_constant_graphs_become_values_bound_variables(query: str, expected: str | None) -> None:
    rewritten = graphs_as_variables(query)
    assert rewritten == {None: query, "refused": None}.get(expected, expected)


def test_ask_answers_are_booleans_in_every_format(store: VirtuosoStore) -> None:
    seed_document(store, "doc-a")
    assert store.ask("ASK { ?s ?p ?o }") is True
    assert store.ask(f"ASK {{ ?s <{LABEL.value}> 'nothing' }}") is False
    xml = store.query(QueryRequest("ASK { ?s ?p ?o }", accept=("application/sparql-results+xml",)))
    assert bool(parse_query_results(xml.body, format=QueryResultsFormat.XML)) is True


def test_a_large_document_with_blank_nodes_is_replaced_whole(store: VirtuosoStore) -> None:
    store.write_document(big_document("doc-big", 1500))  # 3,000 triples: Graph Store Protocol + one swap
    assert count(store) == 3001  # + the fingerprint
    store.write_document(big_document("doc-big", 700))  # replaced, not added to
    assert count(store) == 1401
    assert store.graph_hashes() == {IRIS.graph("doc-big"): "sha256:doc-big-700"}
    stages = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:innograph:')) }"
    assert count(store, stages) == 0  # no staging graph left behind


def test_a_staging_graph_left_by_a_crash_is_dropped_at_the_next_start(store: VirtuosoStore) -> None:
    """A crash between staging and swap leaves a staging slot full: the next process drops it at
    its first use of the partition, unless it is young enough to belong to a write under way."""
    seed_document(store, "doc-a")
    old = staging.marker(staging.SLOTS[0], "crashed", now=time.time() - staging.STALE_STAGE_SECONDS - 60)
    store.update(sparql_text.insert_data({staging.SLOTS[0]: [old, *big_document("x", 2).public]}), partition="public")
    young = store._open_stage("public")  # claimed and filled, never swapped in
    store._append_stage("public", young, big_document("doc-staged", 3).public)
    restarted = VirtuosoStore(store.iris, *store._endpoints["public"], user=store.user, password=store.password)
    restarted.start()
    assert set(restarted._slot_markers("public")) == {young}  # the old one is gone, the young one kept
    assert restarted.drop_stale_stages("public", older_than=0) == [young]
    assert restarted._slot_markers("public") == {}
    assert restarted.named_graphs("public") == [IRIS.graph("doc-a")]


def test_readers_never_see_a_write_under_way(store: VirtuosoStore) -> None:
    """Staging slots are excluded from every query like the system graphs: the default graph, the
    named graphs and a GRAPH ?g pattern do not see a staged write before its swap."""
    seed_document(store, "doc-a")
    before = (count(store), store.named_graphs("public"))
    stage = store._open_stage("public")
    store._append_stage("public", stage, big_document("doc-staged", 50).public)
    assert (count(store), store.named_graphs("public")) == before
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{stage}> {{ ?s ?p ?o }} }}") == 0
    with store.snapshot("public") as view:
        assert {q.graph_name.value for q in view} == {IRIS.graph("doc-a")}
    store._swap("public", {stage: IRIS.graph("doc-staged")}, [IRIS.graph("doc-staged")], {})
    assert count(store) == before[0] + 100
    assert store._slot_markers("public") == {}  # the marker went with the swap


def test_every_slot_taken_is_an_error_not_a_wait(store: VirtuosoStore) -> None:
    for _ in staging.SLOTS:
        store._open_stage("public")
    with pytest.raises(staging.NoFreeSlot):
        store._open_stage("public")
    assert len(store.drop_stale_stages("public", older_than=-1)) == len(staging.SLOTS)


def test_updates_with_where_reach_named_graphs(store: VirtuosoStore) -> None:
    """Virtuoso matches an update's WHERE in its default-graph-uri alone: sent with one (the way to
    write without GRAPH), this DELETE WHERE would delete nothing and answer 200. The statements
    without a graph go to the default graph by a rewrite instead, in the same request."""
    seed_document(store, "doc-a")
    graph = IRIS.graph("doc-a")
    store.update(f"INSERT DATA {{ <http://e/a> <http://e/b> 'no graph' }} ;\n"
                 f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s <{LABEL.value}> ?o }} }}", partition="public")
    assert count(store) == 3  # the type and the fingerprint; the label gone, one default-graph statement
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { <http://e/a> <http://e/b> 'no graph' }") == 1
    store.update(f"INSERT {{ GRAPH <http://e/copy> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                 partition="public")
    assert count(store) == 5


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ("INSERT DATA { <a> <b> 'GRAPH <x> {' . GRAPH <g> { <x> <y> <z> } <d> <e> <f> # c\n }",
         "INSERT DATA {\nGRAPH <g> { <x> <y> <z> }\nGRAPH <urn:D> {\n<a> <b> 'GRAPH <x> {'\n.\n<d> <e> <f> # c\n}\n}"),
        ("DELETE DATA { GRAPH ex:g { ex:a ex:b ex:c } } ; DELETE WHERE { ?s ?p ?o }",
         "DELETE DATA {\nGRAPH ex:g { ex:a ex:b ex:c }\n} ; DELETE WHERE { ?s ?p ?o }"),
        ("INSERT { <a> <b> ?o } WHERE { ?s ?p ?o }", "INSERT { <a> <b> ?o } WHERE { ?s ?p ?o }"),
    ],
)
def test_statements_without_a_graph_go_to_the_update_default_graph(update: str, expected: str) -> None:
    assert default_graph_explicit(update, "urn:D") == expected


def test_an_answer_cut_by_the_row_cap_is_refused(store: VirtuosoStore) -> None:
    store.write_document(big_document("doc-rows", MAX_ROWS // 2 + 1))
    with pytest.raises(ResultTooLarge, match="ResultSetMaxRows"):
        store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(store.select(f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS - 1}")) == MAX_ROWS - 1


def test_the_partner_index_reads_a_store_above_the_row_cap_in_pages(store: VirtuosoStore) -> None:
    """The partner index's whole-store reads (one query per section) go through the read view,
    which pages them: a section with more rows than ResultSetMaxRows comes back whole."""
    organisation = NamedNode(IRIS.term("Organisation"))
    things = [NamedNode(IRIS.entity("org", f"many-{i}")) for i in range(MAX_ROWS + 500)]
    store.write_document(DocumentWrite(
        graph=IRIS.graph("doc-many"), content_hash="sha256:many",
        public=[Triple(thing, RDF_TYPE, organisation) for thing in things],
    ))
    with pytest.raises(ResultTooLarge):
        store.select("SELECT ?s WHERE { ?s a ?type }")  # one request: over the cap
    with store.snapshot("public") as view:
        facts = read_all(view, IRIS)[IRIS.graph("doc-many")]
    assert sorted(key for kind, key, _ in facts if kind == "type") == sorted(t.value for t in things)


def test_paging_order_is_the_projection_or_nothing() -> None:
    assert paging_order("SELECT DISTINCT ?g (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?x ?p ?o } } GROUP BY ?g") == [
        "?g", "?n"
    ]
    assert paging_order("SELECT ?x WHERE { VALUES ?x { <http://e/a> } ?x ?p 'a LIMIT in a string' }") == ["?x"]
    for own in ("SELECT * WHERE { ?x ?p ?o }", "SELECT ?x WHERE { ?x ?p ?o } LIMIT 5",
                "SELECT ?x WHERE { ?x ?p ?o } VALUES ?x { <http://e/a> }", "ASK { ?x ?p ?o }"):
        assert paging_order(own) is None, own


def test_blank_nodes_in_insert_data_and_relative_iris_under_a_file_base(store: VirtuosoStore) -> None:
    """Virtuoso refuses blank nodes in INSERT DATA, a second BASE, and resolves a file:/// base
    wrongly: innograph sends a template and absolute IRIs instead."""
    base = "BASE <http://innograph.test/sparql>\nBASE <file:///suite/update/copy.ru>\nPREFIX : <v#>\n"
    store.update(base + "INSERT DATA { GRAPH <named.ttl> { :org :funder _:f . _:f :name 'Fund [F] _:x' } }",
                 partition="public")
    rows = store.select("SELECT ?g ?p WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sorted((r["g"].value, r["p"].value) for r in rows) == [
        ("file:///suite/update/named.ttl", "file:///suite/update/v#funder"),
        ("file:///suite/update/named.ttl", "file:///suite/update/v#name"),
    ]
    relative = "BASE <file:///suite/eval/q.rq>\nASK { GRAPH <../update/named.ttl> { ?s ?p 'Fund [F] _:x' } }"
    assert store.ask(relative) is True
    assert blank_nodes_by_template("INSERT DATA { <http://e/s> <http://e/p> '_:not a blank node' }").startswith(
        "INSERT DATA"
    )
    assert resolved_against_base("SELECT * WHERE { ?s <p> ?o }") == "SELECT * WHERE { ?s <p> ?o }"  # no BASE


def test_drop_all_and_clear_all_really_delete(store: VirtuosoStore) -> None:
    seed_document(store, "doc-a")
    seed_document(store, "doc-b")
    store.update("INSERT DATA { <http://e/s> <http://e/p> 'in the default graph' }", partition="public")
    assert count(store) == 7
    store.update("DROP DEFAULT", partition="public")
    assert count(store) == 6
    store.update("CLEAR ALL", partition="public")
    assert count(store) == 0
    assert count(store, partition="full") == 10
    store.update("DROP ALL", partition="full")
    assert count(store, partition="full") == 0


def test_updates_without_graph_write_a_default_graph_that_is_no_named_graph(store: VirtuosoStore) -> None:
    store.update("INSERT DATA { <http://e/s> <http://e/p> 'x' }", partition="public")
    assert count(store) == 1
    assert store.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") == []


def test_a_query_past_the_time_limit_is_an_error_never_a_partial_answer(store: VirtuosoStore) -> None:
    store.write_document(big_document("doc-slow", 1500))
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    slow = VirtuosoStore(store.iris, *store._endpoints["public"], timeout=VIRTUOSO_TIME_LIMIT)
    with pytest.raises(QueryTimeout):
        slow.select(cartesian)
    assert count(slow) == 3001  # the server answers again afterwards


def test_a_limit_longer_than_innograph_s_is_refused_at_start(virtuoso_pair: VirtuosoPair) -> None:
    too_short = virtuoso_store(virtuoso_pair, IRIS, timeout=VIRTUOSO_TIME_LIMIT - 2)
    with pytest.raises(StoreError, match="MaxQueryExecutionTime"):
        too_short.start()


@pytest.mark.parametrize(
    "text",
    [
        "SELECT (bif:http_get('http://127.0.0.1:9/') AS ?x) WHERE { }",
        "SELECT (<bif:http_get>('http://127.0.0.1:9/') AS ?x) WHERE { }",
        "PREFIX f: <BIF:> SELECT (f:http_get('http://127.0.0.1:9/') AS ?x) WHERE { }",
        'DEFINE get:soft "replace" SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }',
        "SELECT * WHERE { ?s ?p ?o FILTER(sql:anything(?o)) }",
        # a "#" inside an IRI starts no comment: what follows it on the line is still read
        "PREFIX r: <http://e/#> SELECT (bif:http_get('http://127.0.0.1:9/') AS ?x) WHERE { }",
    ],
)
def test_virtuoso_extensions_are_refused(text: str) -> None:
    with pytest.raises(ExtensionRefused):
        refuse_extensions(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?define WHERE { ?s <http://e/define> ?define }",
        "SELECT * WHERE { ?s ?p 'bif:http_get and DEFINE are words here' } # DEFINE",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:sql ?o }",
    ],
)
def test_standard_queries_that_merely_mention_those_words_pass(text: str) -> None:
    refuse_extensions(text)


def test_blank_nodes_come_back_as_blank_nodes(store: VirtuosoStore) -> None:
    """Virtuoso labels blank nodes ``nodeID://...`` in its answers: put back as plain labels."""
    store.write_document(big_document("doc-b", 2))
    query = "SELECT ?b WHERE { ?b <http://e/about> ?thing }"
    rows = store.select(query)
    assert len(rows) == 2 and all(isinstance(r["b"], BlankNode) for r in rows)
    for media in ("application/sparql-results+json", "application/sparql-results+xml"):
        answer = store.query(QueryRequest(query, accept=(media,)))
        assert b"nodeID://" not in answer.body and answer.body.count(b"bnode") >= 2


def test_a_query_longer_than_virtuoso_s_url_limit_is_answered_whole(store: VirtuosoStore) -> None:
    """Virtuoso cuts URLs past ~10 KB without a word: every query goes by POST."""
    seed_document(store, "doc-a")
    unused = ", ".join(f"<http://e/unused-{i}>" for i in range(600))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(?o NOT IN ({unused})) }}"
    assert len(query) > 12_000
    assert count(store, query) == 3
