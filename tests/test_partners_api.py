"""``GET /api/partners`` and ``GET /api/search`` over real HTTP (uvicorn on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, make_settings, serve
from test_partners_fixture import write_partner_graph

from innograph.iris import Iris
from innograph.store.embedded import EmbeddedStore

BASE = "https://w3id.org/innograph/"
IRIS = Iris(BASE)
FRENCH_NEED = "nous cherchons des partenaires en intelligence artificielle pour PME"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from innograph.server.app import create_app

    store_dir = Path(tmp_path_factory.mktemp("partners-api")) / "store"
    store = EmbeddedStore(store_dir, IRIS, workers=2, timeout=10.0)
    write_partner_graph(store, IRIS)
    app = create_app(make_settings(store_dir, token=TOKEN), store)
    try:
        with serve(app) as url:
            yield url
    finally:
        store.close()


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


def test_french_need_over_http_finds_danish_organisation_with_evidence(client: httpx.Client) -> None:
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


def test_repeatable_parameters_and_programme_filter(client: httpx.Client) -> None:
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
def test_invalid_input_is_422_with_a_clear_message(client: httpx.Client, params: dict, mentions: str) -> None:
    r = client.get("/api/partners", params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_parameters"
    assert mentions in error["message"]
    assert error["hint"]


def test_json_ld_on_request(client: httpx.Client) -> None:
    from pyld import jsonld

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


def test_contacts_only_with_the_token(client: httpx.Client) -> None:
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


def test_search_by_label_in_any_language_with_typos_and_no_accents(client: httpx.Client) -> None:
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


def test_search_rejects_empty_query(client: httpx.Client) -> None:
    r = client.get("/api/search", params={"q": ""})
    assert r.status_code == 422
    assert "q" in r.json()["error"]["message"]


def test_openapi_documents_the_parameters_and_the_answer(client: httpx.Client) -> None:
    spec = client.get("/api/openapi.json").json()
    op = spec["paths"]["/api/partners"]["get"]
    names = {p["name"] for p in op["parameters"]}
    assert {"org", "q", "theme", "country", "region", "programme", "type", "lang", "limit", "offset",
            "same_country"} <= names
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/PartnerAnswer")
    assert "PartnerResult" in spec["components"]["schemas"]
    assert "/api/search" in spec["paths"]


def test_partner_page_and_assets_are_served(client: httpx.Client) -> None:
    page = client.get("/partners")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/partners/static/partners.js" in page.text
    assert client.get("/partners/static/partners.js").status_code == 200
    assert client.get("/partners/static/..%2Fapp.py").status_code == 404


def test_index_is_built_when_the_server_starts(tmp_path: Path) -> None:
    import time

    from innograph.server.app import create_app

    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    write_partner_graph(store, IRIS)
    app = create_app(make_settings(tmp_path / "store"), store)
    try:
        with serve(app):
            holder = app.state.partner_index
            deadline = time.monotonic() + 30  # a bound for a stuck build, not a timing assertion
            while holder._index is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert holder._index is not None and len(holder._index) == 6
    finally:
        store.close()
