"""INNOGRAPH_UNION_DEFAULT_GRAPH: the union of named graphs, or plain SPARQL default-graph semantics.

One store, two settings: the settings reach the route through the dependency override."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import IRIS, api_for, make_settings, seed_document

from innograph.store.embedded import EmbeddedStore

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def store_with_one_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("default-graph") / "store", IRIS, workers=1, timeout=10.0)
    try:
        seed_document(store, "doc-a", with_personal=False)  # type, label, fingerprint: in a named graph
        yield store
    finally:
        store.close()


@pytest.mark.parametrize(("union", "expected_count"), [(True, 3), (False, 0)])
def test_default_graph_setting(store_with_one_graph: EmbeddedStore, union: bool, expected_count: int) -> None:
    api = api_for(store_with_one_graph, make_settings(store_with_one_graph.data_dir, union_default_graph=union))
    with api.client() as c:
        answer = c.get("/sparql", params={"query": QUERY}, headers=JSON).json()
        named = c.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                      headers=JSON).json()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == expected_count
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [IRIS.graph("doc-a")]  # either way
