"""Cheap queries answered in the server process (innograph/store/direct.py) against the worker pool.

``EmbeddedStore.query`` always asks a worker; ``aquery`` answers cheap public queries in-process.
Both run on real on-disk stores; the counters of ``store.direct`` say which path answered.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS, TOKEN, api_for, make_settings, seed_document
from innograph.server import negotiation
from innograph.server.routes.sparql import RESULT_HEADERS, ResultResponse
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from starlette.responses import Response

from innograph.store.base import DocumentWrite, QueryRequest, QueryResponse, QueryTimeout, ResultTooLarge
from innograph.store.embedded import EmbeddedStore

EX = "http://ex/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SUBJECT = f"<{EX}s>"
MANY = 12_000  # rows of the bound-object pattern: ~540 kB of JSON, past the in-process slice (256 kB)
FORMATS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values")


def _write_examples(store: EmbeddedStore) -> None:
    s, p = NamedNode(f"{EX}s"), NamedNode(f"{EX}p")
    store.write_document(DocumentWrite(graph=IRIS.graph("examples"), content_hash="h1", public=[
        Triple(s, p, Literal("Région Normandie", language="fr")),
        Triple(s, p, Literal("Region, \"quoted\"\ttab\nline", language="en-GB")),
        Triple(s, p, Literal("42", datatype=NamedNode(f"{XSD}integer"))),
        Triple(s, p, Literal("2024-05-01", datatype=NamedNode(f"{XSD}date"))),
        Triple(s, p, Literal("plain <b>&amp;</b>")),
        Triple(s, p, BlankNode("node1")),
        Triple(s, NamedNode(f"{EX}q"), NamedNode(f"{EX}o")),
    ]))
    store.write_document(DocumentWrite(graph=IRIS.graph("many"), content_hash="h2", public=[
        Triple(NamedNode(f"{EX}m{i}"), NamedNode(f"{EX}in"), NamedNode(f"{EX}bucket")) for i in range(MANY)
    ]))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("fast") / "store", IRIS, workers=1, timeout=20.0)
    try:
        seed_document(store, "doc-a")
        _write_examples(store)
        store.start()  # opens the in-process snapshot now
        yield store
    finally:
        store.close()


def _direct(store: EmbeddedStore, request: QueryRequest) -> QueryResponse:
    """``aquery``, checking that the in-process path (not the pool) answered."""
    before = store.direct.answered
    response = asyncio.run(store.aquery(request))
    assert store.direct.answered == before + 1
    return response


QUERIES = [
    f"SELECT ?p ?o WHERE {{ {SUBJECT} ?p ?o }}",  # language tags, datatypes, a blank node, escapes
    f"SELECT * WHERE {{ {SUBJECT} <{EX}p> ?o }} LIMIT 3",
    f"SELECT ?o WHERE {{ <{EX}nothing> ?p ?o }}",  # empty
    'SELECT ?s WHERE { ?s ?p "Région Normandie"@fr }',
    f'SELECT ?s ?p WHERE {{ ?s ?p "42"^^<{XSD}integer> }}',
    f"PREFIX ex: <{EX}> SELECT ?s WHERE {{ ?s ex:q ex:o }}",
    f"SELECT ?p WHERE {{ {SUBJECT} ?p ?o }}",  # a projection
    f"SELECT ?x WHERE {{ {SUBJECT} a ?o }}",  # a variable the pattern does not bind
]
ASKS = ["ASK {}", f"ASK {{ {SUBJECT} <{EX}q> <{EX}o> }}", f"ASK {{ {SUBJECT} <{EX}q> <{EX}nothing> }}"]


@pytest.mark.parametrize("media", FORMATS)
@pytest.mark.parametrize("query", QUERIES + ASKS)
def test_in_process_answers_are_the_pools_byte_for_byte(store: EmbeddedStore, query: str, media: str) -> None:
    request = QueryRequest(query, accept=(media,))
    pooled = store.query(request)
    direct = _direct(store, request)
    assert (direct.kind, direct.media_type, direct.body) == (pooled.kind, pooled.media_type, pooled.body)


def test_an_in_process_answer_is_exactly_the_expected_text(store: EmbeddedStore) -> None:
    """Equal to the pool's, and also right: the CSV of one lookup, spelled out."""
    query = f"SELECT ?o WHERE {{ {SUBJECT} <{EX}q> ?o }}"
    response = _direct(store, QueryRequest(query, accept=("text/csv",)))
    assert response.body == b"o\r\nhttp://ex/o\r\n"
    boolean = _direct(store, QueryRequest("ASK {}", accept=("application/sparql-results+json",)))
    assert boolean.body == b'{"head":{},"boolean":true}'


def test_errors_are_the_pools(store: EmbeddedStore) -> None:
    for query, accept in [("SELECT ?o WHERE { ex:s ex:p ?o }", FORMATS[0]), ("ASK {}", "text/turtle")]:
        request = QueryRequest(query, accept=(accept,))
        with pytest.raises(Exception) as pooled:
            store.query(request)
        before = store.direct.answered
        with pytest.raises(type(pooled.value)) as direct:
            asyncio.run(store.aquery(request))
        assert store.direct.answered == before + 1
        assert str(direct.value) == str(pooled.value)


BUCKET = f"SELECT ?s WHERE {{ ?s <{EX}in> <{EX}bucket> }}"  # a bound object: MANY rows


def test_the_size_cap_holds_in_process(store: EmbeddedStore) -> None:
    request = QueryRequest(BUCKET, max_bytes=20_000)
    with pytest.raises(ResultTooLarge) as pooled:
        store.query(request)
    answered, handed_on = store.direct.answered, store.direct.handed_on
    with pytest.raises(ResultTooLarge) as direct:
        asyncio.run(store.aquery(request))
    assert (store.direct.answered, store.direct.handed_on) == (answered + 1, handed_on)
    assert str(direct.value) == str(pooled.value) == "the result is larger than 20000 bytes"


def test_an_answer_past_the_slice_is_completed_by_the_pool(store: EmbeddedStore) -> None:
    request = QueryRequest(BUCKET, accept=(FORMATS[0],))
    answered, handed_on = store.direct.answered, store.direct.handed_on
    response = asyncio.run(store.aquery(request))
    assert (store.direct.answered, store.direct.handed_on) == (answered, handed_on + 1)
    assert response.body == store.query(request).body
    assert response.body.count(b'"type":"uri"') == MANY  # complete, never cut at the slice
    assert 400_000 < len(response.body) < 1_000_000
    # A cap between the slice and the answer's size: the pool reports it, as for any query.
    with pytest.raises(ResultTooLarge, match="larger than 400000 bytes"):
        asyncio.run(store.aquery(QueryRequest(BUCKET, max_bytes=400_000)))


def test_the_time_limit_holds_in_process(store: EmbeddedStore) -> None:
    killed, answered = store.pool.killed, store.direct.answered
    with pytest.raises(QueryTimeout) as direct:
        asyncio.run(store.aquery(QueryRequest(BUCKET, timeout=1e-6)))
    assert str(direct.value) == "the query ran longer than the 1e-06 s limit and was stopped"
    assert (store.pool.killed, store.direct.answered) == (killed, answered)  # not the pool's doing


def test_personal_graphs_are_never_read_in_process(store: EmbeddedStore) -> None:
    person = f"<{IRIS.entity('person', 'p-doc-a')}>"
    name = '"Secret Person doc-a"'
    anonymous = [
        QueryRequest(f"SELECT ?p ?o WHERE {{ {person} ?p ?o }}", accept=("text/csv",)),
        QueryRequest(f"SELECT ?s WHERE {{ ?s ?p {name} }}", accept=("text/csv",)),
        QueryRequest(f"ASK {{ ?s <http://xmlns.com/foaf/0.1/name> {name} }}", accept=(FORMATS[0],)),
    ]
    bodies = [_direct(store, request).body for request in anonymous]
    assert bodies == [b"p,o\r\n", b"s\r\n", b'{"head":{},"boolean":false}']
    # The token holder's view is the full partition, answered by a worker.
    answered = store.direct.answered
    full = asyncio.run(store.aquery(QueryRequest(anonymous[1].query, partition="full", accept=("text/csv",))))
    assert full.body == f"s\r\n{IRIS.entity('person', 'p-doc-a')}\r\n".encode()
    assert store.direct.answered == answered


def test_a_protocol_dataset_goes_to_the_pool(store: EmbeddedStore) -> None:
    query = f"SELECT ?o WHERE {{ {SUBJECT} <{EX}q> ?o }}"
    answered = store.direct.answered
    named_graph_only = QueryRequest(query, default_graphs=[IRIS.graph("doc-a")], accept=("text/csv",))
    assert asyncio.run(store.aquery(named_graph_only)).body == b"o\r\n"
    assert store.direct.answered == answered


@pytest.mark.slow  # a store of its own, written twice
def test_a_write_is_seen_once_the_snapshot_is_reopened(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=20.0)
    try:
        seed_document(store, "doc-a")
        store.start()
        query = QueryRequest(f"ASK {{ <{IRIS.entity('org', 'doc-b')}> ?p ?o }}", accept=(FORMATS[0],))
        assert _direct(store, query).body == b'{"head":{},"boolean":false}'
        seed_document(store, "doc-b")
        bodies = set()
        deadline = time.monotonic() + 30  # the reopen runs in a thread; meanwhile the pool answers
        answered = store.direct.answered
        while store.direct.answered == answered and time.monotonic() < deadline:
            bodies.add(asyncio.run(store.aquery(query)).body)
            time.sleep(0.01)
        assert store.direct.answered == answered + 1
        assert bodies == {b'{"head":{},"boolean":true}'}  # never the old snapshot's answer
    finally:
        store.close()


def test_the_endpoint_answers_lookups_in_process_and_token_holders_through_the_pool(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    api = api_for(store, make_settings(tmp_path / "unused", token=TOKEN))
    person = IRIS.entity("person", "p-doc-a")
    query = f"SELECT ?o WHERE {{ <{person}> <http://xmlns.com/foaf/0.1/name> ?o }}"
    answered = store.direct.answered
    with api.client() as anonymous, api.client(TOKEN) as holder:
        hidden = anonymous.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        assert store.direct.answered == answered + 1
        shown = holder.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        assert store.direct.answered == answered + 1
    assert (hidden.status_code, hidden.text) == (200, "o\r\n")
    assert (shown.status_code, shown.text) == (200, "o\r\nSecret Person doc-a\r\n")
    assert hidden.headers["content-type"] == shown.headers["content-type"] == "text/csv; charset=utf-8"


@pytest.mark.parametrize("media_type", [*FORMATS, "text/turtle", "application/n-triples", "text/x-unknown"])
def test_a_result_response_has_the_headers_of_a_plain_response(media_type: str) -> None:
    body = b'{"head": {}}'
    plain = Response(body, media_type=negotiation.content_type(media_type), headers=RESULT_HEADERS)
    fast = ResultResponse(body, media_type)
    assert (fast.status_code, fast.raw_headers, fast.body) == (plain.status_code, plain.raw_headers, plain.body)
