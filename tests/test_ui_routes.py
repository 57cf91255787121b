"""The query page's routes (page, static files, examples), the app in-process, and the example queries."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from conftest import Api
from innograph.queries import examples, parse_header

from innograph import queries


def test_page_is_served_with_its_assets(shared_api: Api) -> None:
    with shared_api.client() as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in page.headers["content-security-policy"]
        for asset in ("/static/app.js", "/static/highlight.js", "/static/app.css"):
            assert asset in page.text
            response = client.get(asset)
            assert response.status_code == 200, asset
            assert len(response.content) > 500
        assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
        assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN


@pytest.mark.parametrize("name", ["missing.js", "..%2Fui.py", ".hidden.css", "ui.py"])
def test_static_route_serves_only_package_assets(shared_api: Api, name: str) -> None:
    with shared_api.client() as client:
        assert client.get(f"/static/{name}").status_code == 404


def test_examples_endpoint_lists_every_example(shared_api: Api) -> None:
    with shared_api.client() as client:
        response = client.get("/api/examples")
    assert response.status_code == 200
    items = response.json()
    assert {i["name"] for i in items} == {e.name for e in examples()}
    by_name = {i["name"]: i for i in items}
    assert by_name["organisations-by-country"]["title"] == "Organisations per country"
    assert "SELECT" in by_name["organisations-by-country"]["query"]


def test_every_example_has_a_header_and_parses() -> None:
    found = examples()
    shipped = {f.stem for f in Path(queries.__file__).parent.joinpath("examples").glob("*.rq")}
    assert sorted(e.name for e in found) == sorted(shipped)  # every file, each once
    store = pyoxigraph.Store()
    for example in found:
        assert example.title and example.title != example.name, example.name
        assert len(example.description) > 20, example.name
        store.query(example.text)  # raises SyntaxError on a broken example


def test_header_parser_joins_continuation_lines() -> None:
    text = "# title: A title\n# description: first part,\n#   second part.\n# note: ignored\nSELECT * {}"
    assert parse_header(text) == ("A title", "first part, second part.")
    assert parse_header("SELECT * {}") == ("", "")
