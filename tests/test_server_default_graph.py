"""INNOGRAPH_UNION_DEFAULT_GRAPH: the union of named graphs, or plain SPARQL default-graph semantics."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest import IRIS, make_settings, seed_document, serve

from innograph.store.embedded import EmbeddedStore

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(("union", "expect_rows"), [(True, True), (False, False)])
def test_default_graph_setting(tmp_path: Path, union: bool, expect_rows: bool) -> None:
    from innograph.server.app import create_app

    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10)
    seed_document(store, "doc-a", with_personal=False)  # data only in a named graph
    try:
        settings = make_settings(tmp_path / "store", union_default_graph=union)
        with serve(create_app(settings, store)) as url:
            answer = httpx.get(url + "/sparql", params={"query": QUERY},
                               headers={"Accept": "application/sparql-results+json"}).json()
            named = httpx.get(url + "/sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                              headers={"Accept": "application/sparql-results+json"}).json()
    finally:
        store.close()
    count = int(answer["results"]["bindings"][0]["n"]["value"])
    assert (count > 0) is expect_rows
    assert named["results"]["bindings"], "named graphs are queryable either way"
