"""``GET /api/partners``, ``GET /api/search`` and the page, through FastAPI's TestClient.

The store is a real embedded store, handed to the routes with ``dependency_overrides`` (no
server process: HTTP adds nothing to what these tests check).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import BASE, FRENCH_NEED, IRIS, TOKEN, make_settings
from fastapi.testclient import TestClient
from innograph.server.app import create_app
from innograph.server.deps import get_store
from pyld import jsonld
from test_partners_fixture import partner_store, write_partner_graph

from innograph.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def client(partner_graph_store: EmbeddedStore) -> TestClient:
    app = create_app(make_settings(partner_graph_store.root, token=TOKEN))
    app.dependency_overrides[get_store] = lambda: partner_graph_store
    return TestClient(app)


def test_french_need_finds_danish_organisation_with_evidence(client: TestClient) -> None:
    r = client.get("/api/partners", params={"q": FRENCH_NEED, "country": "FR", "lang": "fr"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    hit = next(x for x in body["results"] if x["iri"] == IRIS.entity("org", "syddansk-innovation"))
    assert hit["country"] == "DK" and hit["label"] == "Syddansk Innovation"
    assert "kunstig intelligens" in hit["explanation"]
    assert set(hit["parts"]) == {"themes", "keywords", "types", "programmes", "cooperation"}
    assert hit["page"] == "/id/org/syddansk-innovation"
    assert all(x["country"] != "FR" for x in body["results"])


def test_repeatable_parameters_and_programme_filter(client: TestClient) -> None:
    params = [
        ("theme", IRIS.entity("theme", "artificial-intelligence")),
        ("country", "fr"),
        ("programme", "interreg-north-sea"),
        ("type", "Company"),
        ("type", "ResearchOrganisation"),
    ]
    body = client.get("/api/partners", params=params).json()
    assert [x["iri"] for x in body["results"]] == [IRIS.entity("org", "syddansk-innovation")]
    assert body["query"]["programme"] == IRIS.entity("programme", "interreg-north-sea")


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({"q": "ai", "limit": "0"}, "limit"),
        ({"q": "ai", "limit": "101"}, "limit"),
        ({"q": "ai", "offset": "-1"}, "offset"),
        ({"q": "ai", "country": "France"}, "country"),
        ({"q": "ai", "lang": "de"}, "lang"),
        ({"org": IRIS.entity("org", "nobody")}, "org"),
        ({"theme": "no-such-theme"}, "theme"),
        ({"q": "ai", "programme": "no-such-programme"}, "programme"),
        ({"q": "ai", "type": "Spaceship"}, "type"),
        ({}, "q"),
    ],
)
def test_invalid_input_is_422_with_a_clear_message(client: TestClient, params: dict, mentions: str) -> None:
    r = client.get("/api/partners", params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_parameters"
    assert mentions in error["message"]
    assert error["hint"]


def test_json_ld_on_request(client: TestClient) -> None:
    r = client.get(
        "/api/partners", params={"q": FRENCH_NEED, "country": "FR"}, headers={"Accept": "application/ld+json"}
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert "@context" in doc
    expanded = jsonld.expand(doc)
    results = expanded[0][BASE + "api/partners#result"][0]["@list"]
    org_ids = [node["@id"] for node in results]
    assert IRIS.entity("org", "syddansk-innovation") in org_ids
    danish = results[org_ids.index(IRIS.entity("org", "syddansk-innovation"))]
    matched = danish[BASE + "api/partners#matched_themes"][0]
    assert matched[IRIS.term("theme")][0]["@id"] == IRIS.entity("theme", "artificial-intelligence")


def test_contacts_only_with_the_token(client: TestClient) -> None:
    params = {"q": FRENCH_NEED, "country": "FR"}
    anonymous = client.get("/api/partners", params=params)
    assert "contact@" not in anonymous.text
    assert all(x.get("contacts") is None for x in anonymous.json()["results"])
    wrong = client.get("/api/partners", params=params, headers={"Authorization": "Bearer nope"})
    assert "contact@" not in wrong.text
    authorised = client.get("/api/partners", params=params, headers={"Authorization": f"Bearer {TOKEN}"})
    danish = next(
        x for x in authorised.json()["results"] if x["iri"] == IRIS.entity("org", "syddansk-innovation")
    )
    assert danish["contacts"][0]["emails"] == ["contact@syddansk-innovation.example"]
    assert danish["contacts"][0]["name"] == "Contact of Syddansk Innovation"


def test_search_by_label_in_any_language_with_typos_and_no_accents(client: TestClient) -> None:
    typo = client.get("/api/search", params={"q": "Syddansk Inovation"}).json()
    assert typo["results"][0]["iri"] == IRIS.entity("org", "syddansk-innovation")
    accents = client.get("/api/search", params={"q": "gron omstilling fyn"}).json()
    assert accents["results"][0]["iri"] == IRIS.entity("org", "gron-omstilling-fyn")
    french_label = client.get("/api/search", params={"q": "intelligence artificielle", "lang": "da"}).json()
    top = french_label["results"][0]
    assert top["iri"] == IRIS.entity("theme", "artificial-intelligence")
    assert top["label"] == "kunstig intelligens"  # answered in the requested language
    typed = client.get("/api/search", params={"q": "normandie", "type": "ResearchOrganisation"}).json()
    assert [x["iri"] for x in typed["results"]] == [IRIS.entity("org", "normandie-ia-lab")]


def test_search_rejects_empty_query(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": ""})
    assert r.status_code == 422
    assert "q" in r.json()["error"]["message"]


def test_openapi_documents_the_parameters_and_the_answer(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    op = spec["paths"]["/api/partners"]["get"]
    names = {p["name"] for p in op["parameters"]}
    assert {"org", "q", "theme", "country", "region", "programme", "type", "lang", "limit", "offset",
            "same_country"} <= names
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/PartnerAnswer")
    assert "PartnerResult" in spec["components"]["schemas"]
    assert "/api/search" in spec["paths"]


def test_partner_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/partners")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/partners/static/partners.js" in page.text
    assert client.get("/partners/static/partners.js").status_code == 200
    assert client.get("/partners/static/..%2Fapp.py").status_code == 404


def test_index_is_built_when_the_app_starts(tmp_path: Path) -> None:
    with partner_store(tmp_path, IRIS) as store:
        app = create_app(make_settings(store.root), store)
        with TestClient(app):  # runs the lifespan, which starts the build in the background
            holder = app.state.partner_index
            deadline = time.monotonic() + 30  # a bound for a stuck build, not a timing assertion
            while holder._index is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert holder._index is not None and len(holder._index) == 6


class PublicOnlyStore(EmbeddedStore):
    """The same real store, declaring no personal view (as a remote store with one dataset does)."""

    @property
    def has_personal_view(self) -> bool:
        return False


def test_token_holder_on_a_store_without_personal_view_gets_a_note_not_an_error(tmp_path: Path) -> None:
    store = PublicOnlyStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    write_partner_graph(store, IRIS)
    app = create_app(make_settings(store.root, token=TOKEN))
    app.dependency_overrides[get_store] = lambda: store
    try:
        r = TestClient(app).get(
            "/api/partners", params={"q": FRENCH_NEED, "country": "FR"}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert r.status_code == 200, r.text
        assert "contacts are not available: this store keeps no personal data" in r.json()["notes"]
        assert all(x.get("contacts") is None for x in r.json()["results"])
    finally:
        store.close()
