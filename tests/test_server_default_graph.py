"""INNOGRAPH_UNION_DEFAULT_GRAPH: the union of named graphs, or plain SPARQL default-graph semantics.

One store, two settings: the settings reach the route through the dependency override."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IRIS, api_for, make_settings, seed_document

from innograph.store.embedded import EmbeddedStore

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.mark.parametrize(("union", "expected_count"), [(True, 3), (False, 0)])
def test_default_graph_setting(embedded_store: EmbeddedStore, store_dir: Path, union: bool,
                               expected_count: int) -> None:
    seed_document(embedded_store, "doc-a", with_personal=False)  # type, label, fingerprint: in a named graph
    api = api_for(embedded_store, make_settings(store_dir, union_default_graph=union))
    with api.client() as c:
        answer = c.get("/sparql", params={"query": QUERY}, headers=JSON).json()
        named = c.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                      headers=JSON).json()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == expected_count
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [IRIS.graph("doc-a")]  # either way
