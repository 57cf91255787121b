"""A store without a personal view refuses personal writes loudly, and never redirects them to the
public dataset. No external program: the remote backend talks to a small SPARQL endpoint served
from this process (http.server over an in-memory Oxigraph store), so every byte really goes over
HTTP through SPARQLWrapper, as with any remote server.
"""

from __future__ import annotations

import asyncio
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import IRIS
from innograph.server.sparql_update import apply_update
from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
)

from innograph.ingest import ingest
from innograph.store import (
    DocumentWrite,
    EmbeddedStore,
    PersonalViewUnavailable,
    QueryRequest,
    RemoteStore,
    StoreError,
    StoreUnavailable,
)

NAME = NamedNode("http://xmlns.com/foaf/0.1/name")


class _Endpoint(BaseHTTPRequestHandler):
    """SPARQL 1.1 protocol, the part SPARQLWrapper uses: POST form ``query=`` / ``update=``."""

    dataset: Store

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = urllib.parse.parse_qs(body)
        try:
            if "update" in form:
                self.dataset.update(form["update"][0])
                self._reply(204, b"", "text/plain")
            else:
                self._answer(form["query"][0])
        except SyntaxError as exc:
            self._reply(400, str(exc).encode(), "text/plain")

    def _answer(self, query: str) -> None:
        result = self.dataset.query(query, use_default_graph_as_union=True)
        if isinstance(result, QuerySolutions | QueryBoolean):
            body = result.serialize(format=QueryResultsFormat.JSON) or b""
            self._reply(200, body, "application/sparql-results+json")
        else:
            self._reply(200, result.serialize(format=RdfFormat.N_TRIPLES) or b"", "application/n-triples")

    def _reply(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def public_dataset() -> Iterator[tuple[Store, str]]:
    """An in-memory dataset behind http://127.0.0.1:PORT/sparql; yields (dataset, url)."""
    dataset = Store()
    handler = type("Endpoint", (_Endpoint,), {"dataset": dataset})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield dataset, f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def one_dataset_store(public_dataset: tuple[Store, str]) -> RemoteStore:
    return RemoteStore(IRIS, public_dataset[1])


def _names(dataset: Store) -> set[str]:
    return {q.object.value for q in dataset.quads_for_pattern(None, NAME, None, None)}


def test_the_personal_view_is_a_capability_of_each_backend(tmp_path: Path) -> None:
    assert RemoteStore(IRIS, "http://127.0.0.1:9/q").has_personal_view is False
    assert RemoteStore(IRIS, "http://127.0.0.1:9/q", full_query_url="http://127.0.0.1:9/f").has_personal_view
    embedded = EmbeddedStore(tmp_path / "store", IRIS, workers=1)
    try:
        assert embedded.has_personal_view is True
        assert embedded.data_dir == tmp_path / "store"
    finally:
        embedded.close()
    assert RemoteStore(IRIS, "http://127.0.0.1:9/q").data_dir is None


def test_half_a_full_view_is_a_configuration_error() -> None:
    with pytest.raises(StoreError, match="FULL_UPDATE_URL is set without"):
        RemoteStore(IRIS, "http://127.0.0.1:9/q", full_update_url="http://127.0.0.1:9/fu")


def test_an_update_of_the_full_view_is_refused_not_sent_to_public(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str]
) -> None:
    with pytest.raises(PersonalViewUnavailable):
        one_dataset_store.update('INSERT DATA { <http://e/p> <http://xmlns.com/foaf/0.1/name> "Secret" }')
    assert _names(public_dataset[0]) == set()


def test_a_personal_document_write_is_refused_before_anything_is_written(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str]
) -> None:
    person = NamedNode(IRIS.entity("person", "p1"))
    write = DocumentWrite(
        graph=IRIS.graph("doc-p"), content_hash="sha256:x",
        public=[Triple(NamedNode(IRIS.entity("org", "o1")), NAME, Literal("Public Org"))],
        personal_graph=IRIS.personal_graph("doc-p"), personal=[Triple(person, NAME, Literal("Secret Person"))],
    )
    with pytest.raises(PersonalViewUnavailable):
        one_dataset_store.write_document(write)
    assert len(public_dataset[0]) == 0


def test_server_updates_on_one_dataset_go_to_public_only_when_not_personal(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str]
) -> None:
    personal = f'INSERT DATA {{ GRAPH <{IRIS.personal_graph("doc-r")}> {{ <http://e/p> <{NAME.value}> "Secret" }} }}'
    with pytest.raises(StoreUnavailable):
        apply_update(one_dataset_store, personal, IRIS)
    public = f'INSERT DATA {{ GRAPH <{IRIS.graph("doc-r")}> {{ <http://e/o> <{NAME.value}> "Public" }} }}'
    assert apply_update(one_dataset_store, public, IRIS) == "public"
    assert _names(public_dataset[0]) == {"Public"}


def test_ingest_into_one_dataset_leaves_personal_graphs_out_and_says_so(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str], tmp_path: Path
) -> None:
    doc = tmp_path / "contact.txt"
    doc.write_text(
        "Agence Normandie Innovation, Caen, France.\n\n"
        "Contact: Marie Dupont, marie.dupont@example.fr, +33 2 31 00 00 00.\n",
        encoding="utf-8",
    )
    report = ingest([doc], one_dataset_store, IRIS, jobs=1)
    assert (report.written, report.failed) == (1, [])
    assert report.personal_triples == 0 and report.personal_left_out > 0
    graphs = {q.graph_name.value for q in public_dataset[0] if isinstance(q.graph_name, NamedNode)}
    assert graphs == {IRIS.graph("contact"), IRIS.graph("changes"), IRIS.ontology_graph, IRIS.reference_graph}
    assert "marie.dupont@example.fr" not in {q.object.value for q in public_dataset[0]}


def test_the_read_view_of_a_remote_store_lists_named_graph_quads(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str]
) -> None:
    public_dataset[0].update(f'INSERT DATA {{ GRAPH <{IRIS.graph("d")}> {{ <http://e/o> <{NAME.value}> "O" }} }}')
    public_dataset[0].update(f'INSERT DATA {{ <http://e/x> <{NAME.value}> "in the default graph" }}')
    with one_dataset_store.snapshot("public") as view:
        assert [(str(q.subject), q.graph_name.value) for q in view] == [("<http://e/o>", IRIS.graph("d"))]
        rows = view.select(f"SELECT ?n WHERE {{ ?s <{NAME.value}> ?n }}", {"s": NamedNode("http://e/o")})
        assert [r["n"].value for r in rows] == ["O"]
    with pytest.raises(PersonalViewUnavailable), one_dataset_store.snapshot("full"):
        pass


def test_a_remote_store_answers_async_callers_and_refuses_the_full_view(
    one_dataset_store: RemoteStore, public_dataset: tuple[Store, str]
) -> None:
    public_dataset[0].update(f'INSERT DATA {{ GRAPH <{IRIS.graph("d")}> {{ <http://e/o> <{NAME.value}> "O" }} }}')
    ask = "ASK { ?s ?p ?o }"
    reply = asyncio.run(one_dataset_store.aquery(QueryRequest(ask, accept=("application/sparql-results+json",))))
    assert (reply.kind, reply.media_type) == ("boolean", "application/sparql-results+json")
    with pytest.raises(PersonalViewUnavailable):
        asyncio.run(one_dataset_store.aquery(QueryRequest(ask, partition="full")))
