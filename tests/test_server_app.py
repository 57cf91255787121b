"""The app factory: without a store it opens the one its settings name (and closes it); with a store
given by dependency override it leaves that store alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IRIS, Api, api_for, make_settings, seed_document
from fastapi.testclient import TestClient
from innograph.server.app import create_app

from innograph.store.embedded import EmbeddedStore

ASK_ORG = f"ASK {{ <{IRIS.entity('org', 'doc-a')}> ?p ?o }}"


@pytest.mark.slow  # a store of its own, and the app starts its query workers
def test_the_app_opens_and_closes_the_store_its_settings_name(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    seeded = EmbeddedStore(store_dir, IRIS, workers=1, timeout=10.0)
    seed_document(seeded, "doc-a")
    seeded.close()
    app = create_app(make_settings(store_dir))
    assert app.state.store is None  # nothing is opened before the app starts
    with TestClient(app) as c:  # runs the lifespan
        opened = app.state.store
        answer = c.get("/sparql", params={"query": ASK_ORG}, headers={"Accept": "application/sparql-results+json"})
        assert opened is not None and opened.data_dir == store_dir
    assert answer.json()["boolean"] is True
    assert app.state.store is None  # closed on shutdown


def test_a_store_given_by_override_stays_the_callers(shared_api: Api) -> None:
    api = api_for(shared_api.store, shared_api.settings)  # a second app on the shared store
    with api.client() as c:  # the lifespan runs, and must neither open another store nor close this one
        assert c.get("/sparql", params={"query": ASK_ORG}).json()["boolean"] is True
    assert api.app.state.store is None
    assert shared_api.store.select(ASK_ORG.replace("ASK", "SELECT * WHERE", 1)) != []  # still open
