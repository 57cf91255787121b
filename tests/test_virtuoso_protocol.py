"""The SPARQL protocol through innograph with Virtuoso behind it: `innograph conformance` runs the
tiny suite of our own and the W3C protocol suite (when present) against innograph's /sparql on a
real uvicorn, whose store is the Virtuoso pair."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS, TOKEN, make_settings, seed_document, serve
from innograph.server.app import create_app
from test_conformance_runner import FIXTURES, W3C_TESTS, run_cli, table
from virtuoso.fixtures import VirtuosoPair, virtuoso_store

pytestmark = pytest.mark.virtuoso


@pytest.fixture
def endpoint(virtuoso_pair: VirtuosoPair, tmp_path: Path) -> Iterator[str]:
    """innograph's /sparql URL, on uvicorn, over a seeded Virtuoso pair (token ``TOKEN``)."""
    store = virtuoso_store(virtuoso_pair, IRIS)
    seed_document(store, "doc-a")  # type: ignore[arg-type]  # any Store: it only writes a document
    settings = make_settings(tmp_path / "unused", token=TOKEN, backend="remote")
    with serve(create_app(settings, store)) as url:
        yield f"{url}/sparql"


def test_tiny_suite_through_innograph_on_virtuoso(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Blank nodes in INSERT DATA, relative IRIs under a file: BASE, a constant GRAPH: as on the
    embedded store (one failure planted). The update manifest is left out: it reads the default
    graph back, and Virtuoso's default graph is the union of all graphs (README, Virtuoso)."""
    manifests = ("eval/manifest.ttl", "protocol/manifest.ttl")
    args = ["--suite", str(FIXTURES), *(f"--manifest={m}" for m in manifests), "--endpoint", endpoint]
    code, out = run_cli(capsys, *args, "--token", TOKEN, "-v")
    counts = table(out)
    assert (counts["eval/manifest.ttl"], counts["protocol/manifest.ttl"]) == ((3, 1, 2), (2, 0, 0)), out
    assert "FAIL ASK whose expected answer is wrong" in out
    assert code == 1


@pytest.mark.skipif(not (W3C_TESTS / "sparql").is_dir(), reason=f"W3C test data not present at {W3C_TESTS}")
def test_w3c_protocol_suite_through_innograph_on_virtuoso(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    protocol = "sparql11/protocol/manifest.ttl"
    code, out = run_cli(capsys, "--suite", str(W3C_TESTS), "--manifest", protocol, "--endpoint", endpoint, "-v",
                        "--token", TOKEN)
    assert table(out)["TOTAL"] == (34, 0, 0), out
    assert code == 0
