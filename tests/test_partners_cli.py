"""``innograph partners`` on a real store directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IRIS
from test_partners_fixture import write_partner_graph

from innograph.cli import main
from innograph.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("partners-cli")) / "store"
    store = EmbeddedStore(path, IRIS, workers=1)
    write_partner_graph(store, IRIS)
    store.close()
    return path


def test_cli_prints_explained_suggestions(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["partners", "partnere inden for grøn omstilling", "--country", "DK", "--store", str(store_dir)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Groningen Energie Cluster (NL)" in out
    assert "hernieuwbare energie" in out  # the evidence sentence is quoted
    assert "Grøn Omstilling Fyn" not in out  # same country as the seeker


def test_cli_json_matches_the_api_shape(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["partners", "--org", "ad-normandie", "--same-country", "--json", "--store", str(store_dir)])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0
    assert answer["query"]["org"] == IRIS.entity("org", "ad-normandie")
    assert IRIS.entity("org", "normandie-ia-lab") in [r["iri"] for r in answer["results"]]


def test_cli_rejects_invalid_input(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["partners", "x", "--country", "France", "--store", str(store_dir)]) == 2
    assert "country" in capsys.readouterr().err
