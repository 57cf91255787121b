"""/sparql over the remote backend (two real `oxigraph serve`: public view and full view), the app
in-process with the remote store handed to it by the dependency override."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IRIS, TOKEN, Api, OxigraphServer, api_for, make_settings
from pyoxigraph import QueryResultsFormat, parse_query_results

from innograph.store.remote import RemoteStore

pytestmark = pytest.mark.remote
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
NAMES = {"query": f"SELECT ?n WHERE {{ ?s <{FOAF_NAME}> ?n }}"}


def names(body: bytes) -> set[str]:
    return {s["n"].value for s in parse_query_results(body, format=QueryResultsFormat.JSON)}  # type: ignore[union-attr,index]


@pytest.fixture
def remote_api(oxigraph_pair: tuple[OxigraphServer, OxigraphServer], tmp_path: Path) -> Api:
    public, full = oxigraph_pair
    public.clear()
    full.clear()
    store = RemoteStore(
        IRIS, public.query_url, public.update_url, full_query_url=full.query_url, full_update_url=full.update_url
    )
    return api_for(store, make_settings(tmp_path / "unused", token=TOKEN, backend="remote"))


def test_remote_backend_keeps_personal_graphs_in_the_full_view(remote_api: Api) -> None:
    public_graph, personal_graph = IRIS.graph("doc-r"), IRIS.personal_graph("doc-r")
    with remote_api.client(token=TOKEN) as holder, remote_api.client() as anonymous:
        for update in (
            f'INSERT DATA {{ GRAPH <{public_graph}> {{ <http://e/o> <{FOAF_NAME}> "Public R" }} }}',
            f'INSERT DATA {{ GRAPH <{personal_graph}> {{ <http://e/p> <{FOAF_NAME}> "Secret R" }} }}',
        ):
            assert holder.post("/sparql", data={"update": update}).status_code == 204
        assert names(holder.get("/sparql", params=NAMES).content) == {"Public R", "Secret R"}
        assert names(anonymous.get("/sparql", params=NAMES).content) == {"Public R"}
        from_personal = {"query": f"SELECT ?n FROM <{personal_graph}> WHERE {{ ?s <{FOAF_NAME}> ?n }}"}
        assert names(anonymous.get("/sparql", params=from_personal).content) == set()
        refused = anonymous.get("/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        assert refused.status_code == 400


def test_remote_backend_without_full_view_refuses_personal_updates(
    oxigraph_pair: tuple[OxigraphServer, OxigraphServer], tmp_path: Path
) -> None:
    public, _ = oxigraph_pair
    public.clear()
    store = RemoteStore(IRIS, public.query_url, public.update_url)
    api = api_for(store, make_settings(tmp_path / "unused", token=TOKEN, backend="remote"))
    with api.client(token=TOKEN) as c:
        personal = f'INSERT DATA {{ GRAPH <{IRIS.personal_graph("doc-r")}> {{ <http://e/p> <{FOAF_NAME}> "S" }} }}'
        r = c.post("/sparql", data={"update": personal})
        assert (r.status_code, r.json()["error"]["code"]) == (503, "store_unavailable")
        ok = c.post("/sparql", data={"update": f'INSERT DATA {{ <http://e/o> <{FOAF_NAME}> "Once" }}'})
        assert ok.status_code == 204
        count = c.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) {{ ?s <{FOAF_NAME}> ?o }}"})
        assert count.status_code == 200, count.text
        assert count.json()["results"]["bindings"][0]["n"]["value"] == "1"
