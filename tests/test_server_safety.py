"""Safety: no outbound fetches (SSRF), personal graphs hidden without the token, guarded updates
(the whole app in-process against a real store: the store is what would connect)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS, TOKEN, Api, api_for, make_settings, seed_document
from pyoxigraph import QueryResultsFormat, Store, parse_query_results

from innograph.store.embedded import EmbeddedStore
from innograph.store.remote import RemoteStore

FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
PERSONAL_A = IRIS.personal_graph("doc-a")
PUBLIC_A = IRIS.graph("doc-a")


@contextlib.contextmanager
def listening_socket() -> Iterator[socket.socket]:
    """A socket on 127.0.0.1 that records whether anything connected to it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        s.settimeout(2.0)
        yield s


# After the request has been answered, a connection it made is already in the listen queue.
ANSWERED_WAIT = 0.2


def connected(s: socket.socket, wait: float = 2.0) -> bool:
    s.settimeout(wait)
    try:
        conn, _ = s.accept()
    except TimeoutError:
        return False
    conn.close()
    return True


@pytest.fixture(scope="module")
def writable_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One seeded store (token ``TOKEN``) for the update tests of this module: each writes its own
    graphs and checks only those, so they share it (a store of their own each cost ~1 s)."""
    store_dir = tmp_path_factory.mktemp("safety") / "store"
    store = EmbeddedStore(store_dir, IRIS, workers=2, timeout=10.0)
    try:
        seed_document(store, "doc-a")
        seed_document(store, "doc-b")
        yield api_for(store, make_settings(store_dir, token=TOKEN))
    finally:
        store.close()


def names(body: bytes) -> set[str]:
    return {s["n"].value for s in parse_query_results(body, format=QueryResultsFormat.JSON)}  # type: ignore[union-attr,index]


def fetching_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b 3.SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\# SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    ]


def test_control_pyoxigraph_itself_would_connect() -> None:
    """Without the endpoint's guard a SERVICE query does reach the port: the check below can fail."""

    def run(url: str) -> None:
        with contextlib.suppress(Exception):  # the connection is closed unanswered: the query fails
            list(Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))  # type: ignore[arg-type]

    with listening_socket() as s:
        thread = threading.Thread(target=run, args=(f"http://127.0.0.1:{s.getsockname()[1]}/",), daemon=True)
        thread.start()
        assert connected(s)  # closing the accepted connection lets the query fail and return
        thread.join(10)


def test_service_is_refused_and_nothing_connects(shared_api: Api) -> None:
    with listening_socket() as s, shared_api.client(token=TOKEN) as c:
        url = f"http://127.0.0.1:{s.getsockname()[1]}/"
        for query in fetching_queries(url):
            for r in (
                c.get("/sparql", params={"query": query}),
                c.post("/sparql", data={"query": query}),
                c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
            ):
                assert r.status_code == 400, query
                assert r.json()["error"]["code"] == "service_refused"
        assert not connected(s, ANSWERED_WAIT)


def test_load_is_refused_and_nothing_connects(writable_api: Api) -> None:
    with listening_socket() as s, writable_api.client(token=TOKEN) as c:
        url = f"http://127.0.0.1:{s.getsockname()[1]}/data.ttl"
        for update in (f"LOAD <{url}>", f"load silent <{url}> into graph <http://g>", f"CLEAR ALL ; LOAD <{url}>"):
            r = c.post("/sparql", data={"update": update})
            assert r.status_code == 400
            assert r.json()["error"]["code"] == "service_refused"
        assert not connected(s, ANSWERED_WAIT)
        # Nothing was applied: CLEAR ALL came in the same request as the refused LOAD.
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_service_in_strings_iris_and_comments_is_allowed(shared_api: Api) -> None:
    harmless = 'SELECT ("SERVICE <http://x/>" AS ?n) WHERE { ?s <http://e/SERVICE> ?o } # SERVICE <http://x/>'
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": harmless})
    assert r.status_code == 200


PERSONAL_QUERIES = {
    "union default graph": f"SELECT ?n WHERE {{ ?p <{FOAF_NAME}> ?n }}",
    "FROM": f"SELECT ?n FROM <{PERSONAL_A}> WHERE {{ ?p <{FOAF_NAME}> ?n }}",
    "FROM NAMED": f"SELECT ?n FROM NAMED <{PERSONAL_A}> WHERE {{ GRAPH ?g {{ ?p <{FOAF_NAME}> ?n }} }}",
    "GRAPH iri": f"SELECT ?n WHERE {{ GRAPH <{PERSONAL_A}> {{ ?p <{FOAF_NAME}> ?n }} }}",
    "GRAPH var": f"SELECT ?n WHERE {{ GRAPH ?g {{ ?p <{FOAF_NAME}> ?n }} }}",
    "graph names": "SELECT (STR(?g) AS ?n) WHERE { GRAPH ?g { } }",
}


@pytest.mark.parametrize("shape", sorted(PERSONAL_QUERIES))
def test_personal_graphs_hidden_anonymously_and_visible_with_token(shared_api: Api, shape: str) -> None:
    query = PERSONAL_QUERIES[shape]
    with shared_api.client() as anonymous, shared_api.client(token=TOKEN) as holder:
        hidden = names(anonymous.get("/sparql", params={"query": query}).content)
        visible = names(holder.get("/sparql", params={"query": query}).content)
    if shape == "graph names":
        assert PUBLIC_A in hidden and PERSONAL_A not in hidden
        assert PERSONAL_A in visible
    else:
        assert not any("Secret" in n for n in hidden)
        assert "Secret Person doc-a" in visible


def test_personal_graphs_hidden_from_protocol_dataset(shared_api: Api) -> None:
    name_query = f"SELECT ?n WHERE {{ {{ ?p <{FOAF_NAME}> ?n }} UNION {{ GRAPH ?g {{ ?p <{FOAF_NAME}> ?n }} }} }}"
    params = {"query": name_query, "default-graph-uri": PERSONAL_A, "named-graph-uri": PERSONAL_A}
    with shared_api.client() as anonymous, shared_api.client(token=TOKEN) as holder:
        assert names(anonymous.get("/sparql", params=params).content) == set()
        assert names(holder.get("/sparql", params=params).content) == {"Secret Person doc-a"}


# -- updates --------------------------------------------------------------------------------------


def test_updates_refused_without_or_with_a_wrong_token(writable_api: Api) -> None:
    update = {"update": "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }"}
    with writable_api.client() as c:
        missing = c.post("/sparql", data=update)
    with writable_api.client(token="wrong") as c:
        wrong = c.post("/sparql", data=update)
    with writable_api.client(token=TOKEN) as c:
        assert c.get("/sparql", params={"query": "ASK { <http://e/s> ?p ?o }"}).json()["boolean"] is False
    assert (missing.status_code, missing.json()["error"]["code"]) == (401, "token_required")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (403, "token_invalid")


def test_updates_off_when_no_token_is_configured(writable_api: Api) -> None:
    """The same store, other settings (no token): handed to the routes by the dependency override."""
    api = api_for(writable_api.store, make_settings(writable_api.settings.store, token=""))
    with api.client(token="anything") as c:
        r = c.post("/sparql", data={"update": "CLEAR ALL"})
        assert (r.status_code, r.json()["error"]["code"]) == (403, "updates_disabled")
        query = c.get("/sparql", params={"query": "ASK {}"})  # any token authorises nobody
        assert (query.status_code, query.json()["error"]["code"]) == (403, "token_invalid")


def test_update_goes_to_the_right_partitions(writable_api: Api) -> None:
    graph_c = IRIS.graph("doc-c")
    updates = [
        # A public graph: both partitions.
        f'INSERT DATA {{ GRAPH <{graph_c}> {{ <http://e/org> <{FOAF_NAME}> "Public Name" }} }}',
        # A personal graph named through a prefix: the full partition only.
        f"PREFIX g: <{IRIS.base}graph/> "
        f'INSERT DATA {{ GRAPH g:doc-c\\/personal {{ <http://e/p> <{FOAF_NAME}> "Secret C" }} }}',
        # A personal graph name computed at run time: the guard keeps it out of the public partition.
        f'INSERT {{ GRAPH ?g {{ <http://e/q> <{FOAF_NAME}> "Secret D" }} }} '
        f'WHERE {{ BIND(IRI(CONCAT("{IRIS.base}graph/", "doc-d/personal")) AS ?g) }}',
    ]
    query = {"query": f"SELECT ?n WHERE {{ ?s <{FOAF_NAME}> ?n }}"}
    with writable_api.client(token=TOKEN) as holder, writable_api.client() as anonymous:
        for update in updates:
            r = holder.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
            assert r.status_code == 204, r.text
        seen_by_holder = names(holder.get("/sparql", params=query).content)
        seen_anonymously = names(anonymous.get("/sparql", params=query).content)
    assert {"Public Name", "Secret C", "Secret D"} <= seen_by_holder
    assert "Public Name" in seen_anonymously
    assert not any("Secret" in n for n in seen_anonymously)


def test_update_protocol_dataset_and_conflict(writable_api: Api) -> None:
    target = "http://example.org/protocol-update-dataset-test/"
    update = (
        f"INSERT {{ GRAPH <{target}> {{ ?s a <http://e/Copied> }} }} "
        "WHERE { ?s a <https://w3id.org/innograph/ontology#Organisation> }"
    )
    with writable_api.client(token=TOKEN) as c:
        r = c.post(
            f"/sparql?using-graph-uri={PUBLIC_A}", content=update, headers={"Content-Type": "application/sparql-update"}
        )
        assert r.status_code == 204, r.text
        copied = c.get("/sparql", params={"query": f"SELECT ?s WHERE {{ GRAPH <{target}> {{ ?s ?p ?o }} }}"})
        conflict = c.post(
            f"/sparql?using-named-graph-uri={PUBLIC_A}",
            content=f"WITH <{target}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
            headers={"Content-Type": "application/sparql-update"},
        )
        bad = c.post("/sparql", data={"update": "CLEAR XYZ"})
        failed = c.post("/sparql", data={"update": "DROP GRAPH <http://e/never-created>"})
    rows = parse_query_results(copied.content, format=QueryResultsFormat.JSON)
    assert [s["s"].value for s in rows] == [IRIS.entity("org", "doc-a")]  # type: ignore[union-attr,index]
    assert (conflict.status_code, conflict.json()["error"]["code"]) == (400, "dataset_conflict")
    assert (bad.status_code, bad.json()["error"]["code"]) == (400, "query_syntax")
    assert (failed.status_code, failed.json()["error"]["code"]) == (400, "update_failed")


def test_store_without_a_personal_view_refuses_personal_updates_before_any_request(tmp_path: Path) -> None:
    """A remote store with a public endpoint only: a personal-graph update is refused by the server
    and never sent (nothing connects); a public one is sent (the control: the check can fail)."""
    with listening_socket() as s:
        endpoint = f"http://127.0.0.1:{s.getsockname()[1]}"
        store = RemoteStore(IRIS, endpoint + "/query", endpoint + "/update", timeout=1.0)
        assert not store.has_personal_view
        api = api_for(store, make_settings(tmp_path / "unused", token=TOKEN, backend="remote"))
        personal = f'INSERT DATA {{ GRAPH <{IRIS.personal_graph("doc-r")}> {{ <http://e/p> <{FOAF_NAME}> "S" }} }}'
        public = f'INSERT DATA {{ GRAPH <{PUBLIC_A}> {{ <http://e/o> <{FOAF_NAME}> "P" }} }}'
        with api.client(token=TOKEN) as c:
            refused = c.post("/sparql", data={"update": personal})
            assert (refused.status_code, refused.json()["error"]["code"]) == (503, "store_unavailable")
            assert not connected(s, ANSWERED_WAIT)
            sent = c.post("/sparql", data={"update": public})  # the listener never answers: an error
        assert sent.status_code >= 500 and sent.json()["status"] == sent.status_code
        assert connected(s)
