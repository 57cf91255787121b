"""innograph end to end on Virtuoso: ingest of data/, then /sparql, linked data, the feed, the dumps
and the partner search through the app (in-process), and no URL ever fetched on the way."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import IRIS, TOKEN, Api, api_for, make_settings
from pyoxigraph import NamedNode, RdfFormat, parse
from virtuoso.fixtures import VirtuosoPair, virtuoso_store

from innograph.ingest import expand, ingest
from innograph.store.virtuoso import VirtuosoStore

pytestmark = pytest.mark.virtuoso
DATA = Path(__file__).resolve().parents[1] / "data"
ORGS = (
    "PREFIX ig: <https://w3id.org/innograph/ontology#> "
    "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a ig:Organisation }"
)
IS_VERSION_OF = NamedNode("http://purl.org/dc/terms/isVersionOf")
CHANGE_TYPE = NamedNode(IRIS.term("changeType"))
TREE_NODE = NamedNode("https://w3id.org/tree#node")
NAMES = "SELECT (COUNT(*) AS ?n) WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name }"


@pytest.fixture(scope="module")
def ingested(
    virtuoso_pair: VirtuosoPair, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Api, VirtuosoStore]]:
    store = virtuoso_store(virtuoso_pair, IRIS)
    report = ingest([DATA], store, IRIS, jobs=1)
    assert report.failed == [] and report.written == 5, report
    settings = make_settings(tmp_path_factory.mktemp("unused-store"), token=TOKEN, backend="remote")
    yield api_for(store, settings), store


def count(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_ingest_then_sparql_keeps_personal_graphs_to_the_token_holder(ingested: tuple[Api, VirtuosoStore]) -> None:
    api, store = ingested
    with api.client() as anonymous, api.client(token=TOKEN) as holder:
        assert count(anonymous.get("/sparql", params={"query": ORGS})) > 5
        assert count(anonymous.get("/sparql", params={"query": NAMES})) == 0
        assert count(holder.get("/sparql", params={"query": NAMES})) > 0
    assert ingest([DATA], store, IRIS, jobs=1).skipped == 5  # fingerprints read back: unchanged


def test_linked_data_feed_dumps_and_partner_search(ingested: tuple[Api, VirtuosoStore]) -> None:
    api, _ = ingested
    with api.client() as c:
        entity = c.get("/sparql", params={"query": ORGS.replace("(COUNT(DISTINCT ?o) AS ?n)", "?o") + " LIMIT 1"})
        iri = entity.json()["results"]["bindings"][0]["o"]["value"]
        seen = c.get(iri.replace(IRIS.base, "/"), headers={"Accept": "text/turtle"})
        assert seen.status_code == 303
        page = c.get(seen.headers["location"].replace(IRIS.base, "/"), headers={"Accept": "text/turtle"})
        assert page.status_code == 200 and iri in page.text
        partners = c.get("/api/partners", params={"q": "innovation regionale", "lang": "fr"})
        assert partners.status_code == 200, partners.text[:500]


def feed_members(client: httpx.Client) -> dict[str, str]:
    """Every page of the feed, from its root along the tree:node relations: the graph each member
    is a version of, and its change type."""
    members: dict[str, str] = {}
    pending, seen = [IRIS.base + "feed"], set()
    while pending:
        url = pending.pop()
        seen.add(url)
        page = client.get(url.replace(IRIS.base, "/"), headers={"Accept": "application/n-quads"})
        assert page.status_code == 200, page.text[:300]
        quads = list(parse(page.content, format=RdfFormat.N_QUADS))
        versions = {q.subject: q.object.value for q in quads if q.predicate == IS_VERSION_OF}
        types = {q.subject: q.object.value for q in quads if q.predicate == CHANGE_TYPE}
        members.update({graph: types[change] for change, graph in versions.items()})
        pending += [q.object.value for q in quads if q.predicate == TREE_NODE and q.object.value not in seen]
    return members


def test_the_feed_lists_exactly_the_graphs_of_the_documents(ingested: tuple[Api, VirtuosoStore]) -> None:
    api, _ = ingested
    documents = {IRIS.graph(path.stem) for path in expand([DATA])}
    with api.client() as c:
        assert feed_members(c) == dict.fromkeys(documents, "created")


def test_the_page_of_a_graph_lists_its_triples(ingested: tuple[Api, VirtuosoStore]) -> None:
    api, store = ingested
    graph = IRIS.graph(expand([DATA])[0].stem)
    stored = {q.triple for q in store.graph_quads("public", graph)}
    with api.client() as c:
        page = c.get(graph.replace(IRIS.base, "/"), headers={"Accept": "application/n-triples"})
    assert page.status_code == 200, page.text[:300]
    listed = {q.triple for q in parse(page.content, format=RdfFormat.N_TRIPLES)}
    assert len(stored) > 100 and listed == stored


def test_dumps_read_the_store_graph_by_graph_in_pages(ingested: tuple[Api, VirtuosoStore]) -> None:
    api, _ = ingested
    with api.client() as c:
        dump = c.get("/dumps/innograph.nq.gz")
        assert dump.status_code == 200, dump.text[:400]
        assert gzip.decompress(dump.content).count(b"\n") > 100


class Listener:
    """A TCP port that records every connection (a URL that Virtuoso must never fetch)."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.socket.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/data.ttl"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        time.sleep(0.3)  # a fetch started by the last request gets the time to arrive
        self._stop.set()
        self._thread.join(5)
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    listening = Listener()
    try:
        yield listening
    finally:
        listening.close()


def test_no_url_is_ever_fetched_through_innograph(ingested: tuple[Api, VirtuosoStore], listener: Listener) -> None:
    api, _ = ingested
    url = listener.url
    queries = {
        "service": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "bif": f"SELECT (bif:http_get('{url}') AS ?x) WHERE {{ }}",
        "define": f'DEFINE get:soft "replace" SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}',
    }
    with api.client(token=TOKEN) as holder:
        for name, query in queries.items():
            refused = holder.get("/sparql", params={"query": query})
            assert (name, refused.status_code, refused.json()["error"]["code"]) == (name, 400, "service_refused")
        named = (f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}", f"SELECT * WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}")
        for query in named:
            answered = holder.get("/sparql", params={"query": query})
            assert answered.status_code == 200 and answered.json()["results"]["bindings"] == []
        assert holder.post("/sparql", data={"update": f"LOAD <{url}>"}).status_code == 400
    listener.close()
    assert listener.connections == 0


def test_the_documented_anonymous_endpoint_does_not_sponge(virtuoso_pair: VirtuosoPair, listener: Listener) -> None:
    public, _ = virtuoso_pair
    for form in (
        {"query": f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}", "should-sponge": "soft"},
        {"query": f'DEFINE get:soft "replace" SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}'},
        {"query": f"LOAD <{listener.url}>"},
    ):
        httpx.post(public.query_url, data=form, timeout=30)
    listener.close()
    assert listener.connections == 0


def test_why_virtuoso_must_be_reachable_by_innograph_only(virtuoso_pair: VirtuosoPair, listener: Listener) -> None:
    """Virtuoso's own anonymous endpoint runs bif:http_get: innograph refuses it (above), so the
    documented configuration binds Virtuoso to 127.0.0.1 for innograph alone."""
    public, _ = virtuoso_pair
    httpx.post(public.query_url, data={"query": f"SELECT (bif:http_get('{listener.url}') AS ?x) {{ }}"}, timeout=30)
    listener.close()
    assert listener.connections == 1
