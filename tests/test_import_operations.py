"""``innograph import operations`` with the shipped French and Danish mappings, and the resolution
of organisations across CORDIS, the lists of operations and a French web page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_import_cordis import IG, IRIS, XSD, objects, quads, run_import
from test_import_fixtures import DA_OPERATIONS, FR_OPERATIONS, WEB_PAGE, write_cordis

from innograph.cli import main
from innograph.imports.mapping import MappingError, parse_mapping

ORG = IRIS.entity("organisation", "")


def fr_list(tmp_path: Path) -> Path:
    path = tmp_path / "liste-operations.csv"
    path.write_text(FR_OPERATIONS, encoding="utf-8")
    return path


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_french_list_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_import(tmp_path / "store", "operations", str(fr_list(tmp_path)), "--mapping",
                              "fr-liste-operations", capsys=capsys)
    assert code == 1
    assert (report["rows_read"], report["rows_written"]) == (5, 2)
    assert report["skipped_by_reason"] == {"bad_date": 1, "column_count": 1, "duplicate": 1}
    assert [(p["line"], p["reason"]) for p in report["problems"]] == [(4, "duplicate"), (5, "column_count"),
                                                                       (6, "bad_date")]


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_french_list_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(tmp_path / "store", "operations", str(fr_list(tmp_path)), "--mapping", "fr-liste-operations",
               capsys=capsys)
    found = quads(tmp_path / "store")
    project = IRIS.entity("project", "op-operations-fr-no0012345")
    assert objects(found, project, "http://www.w3.org/2000/01/rdf-schema#label") == {'"Hydrogène; ports normands"@fr'}
    assert objects(found, project, IG + "endDate") == set()  # empty date
    assert objects(found, project + "/amount/total-cost", IG + "value") == {f'"1250000.5"^^<{XSD}decimal>'}
    assert objects(found, project, IG + "cofinancingRate") == {f'"60"^^<{XSD}decimal>'}
    assert objects(found, project, IG + "fundedBy") == {f"<{IRIS.entity('programme', 'erdf')}>"}
    beneficiary = ORG + "op-fr-14035-region-normandie"
    role = IRIS.entity("role", "op-operations-fr-no0012345")
    assert objects(found, role, IG + "agent") == {f"<{beneficiary}>"}
    assert objects(found, role, "http://www.w3.org/2000/01/rdf-schema#label") == {'"bénéficiaire"@fr'}
    assert objects(found, beneficiary, IG + "country") == {f"<{IRIS.entity('country', 'FR')}>"}


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_danish_list_reads_danish_numbers_and_cvr_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "operationer.csv"
    path.write_text(DA_OPERATIONS, encoding="utf-8")
    code, report = run_import(tmp_path / "store", "operations", str(path), "--mapping", "da-liste-over-operationer",
                              capsys=capsys)
    assert (code, report["rows_written"]) == (0, 2)
    found = quads(tmp_path / "store")
    project = IRIS.entity("project", "op-operations-dk-rfd-21-0001")
    assert objects(found, project + "/amount/total-cost", IG + "value") == {f'"2500000.75"^^<{XSD}decimal>'}
    assert objects(found, project, IG + "region") == {f"<{IRIS.entity('region', 'DK-84')}>"}
    assert objects(found, ORG + "vat-dk30060946", "https://schema.org/vatID") == {'"DK30060946"'}


def test_a_mapping_with_an_unknown_field_is_refused() -> None:
    with pytest.raises(MappingError, match=r"columns\.beneficary"):
        parse_mapping({"language": "fr", "delimiter": ";",
                       "columns": {"beneficiary": "A", "operation": "B", "beneficary": "C"}}, "typo.toml")


def resolution(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    store = str(tmp_path / "store")
    assert main(["resolve", "--store", store, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def three_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page" / "hydrogene-normandie-danemark.txt"
    page.parent.mkdir()
    page.write_text(WEB_PAGE, encoding="utf-8")
    assert main(["ingest", str(page), "--store", str(tmp_path / "store"), "--no-progress"]) == 0
    capsys.readouterr()
    run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl", broken=False)), capsys=capsys)
    da = tmp_path / "operationer.csv"
    da.write_text(DA_OPERATIONS, encoding="utf-8")
    run_import(tmp_path / "store", "operations", str(da), "--mapping", "da-liste-over-operationer", capsys=capsys)
    capsys.readouterr()


@pytest.mark.slow  # several seconds of store writes or a real process
def test_one_node_per_organisation_across_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three_sources(tmp_path, capsys)
    result = resolution(tmp_path, capsys)
    pairs = {(p["a"].removeprefix(ORG), p["b"].removeprefix(ORG), p["verdict"], p["rule"]) for p in result["pairs"]}
    assert pairs == {
        ("authority-fr-nor", "cordis-999990655", "merge", "name"),  # 'Région Normandie' (FR page) = REGION NORMANDIE
        ("cordis-999977945", "danmarks-tekniske-universitet", "merge", "name"),  # named in a French page
        ("cordis-999977945", "vat-dk30060946", "merge", "vat"),  # the CVR number of the Danish list
        ("danmarks-tekniske-universitet", "vat-dk30060946", "merge", "name"),
        ("cnrs", "cordis-999997930", "review", "no-country"),  # the page gives no country for CNRS
        ("cnrs", "op-dk-1000-cnrs", "review", "no-country"),
        ("cordis-999997930", "op-dk-1000-cnrs", "apart", "country"),  # same name, FR and DK: never merged
    }
    assert {k: result["counts"][k] for k in ("merged_pairs", "merged_groups", "kept_apart", "to_review")} == {
        "merged_pairs": 4, "merged_groups": 2, "kept_apart": 1, "to_review": 2}
    found = quads(tmp_path / "store")
    same_as = "http://www.w3.org/2002/07/owl#sameAs"
    assert objects(found, ORG + "cordis-999977945", same_as) == {f"<{ORG}danmarks-tekniske-universitet>",
                                                                  f"<{ORG}vat-dk30060946>"}


@pytest.mark.slow  # several seconds of store writes or a real process
def test_decisions_are_kept_across_reimports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three_sources(tmp_path, capsys)
    store = str(tmp_path / "store")
    assert main(["resolve", "--store", store, "--same", ORG + "cnrs", ORG + "cordis-999997930"]) == 0
    assert main(["resolve", "--store", store, "--apart", ORG + "cnrs", ORG + "op-dk-1000-cnrs"]) == 0
    capsys.readouterr()
    run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl", broken=False)), "--dataset",
               "cordis-horizon-europe", capsys=capsys)
    result = resolution(tmp_path, capsys)
    decided = {(p["a"].removeprefix(ORG), p["b"].removeprefix(ORG), p["verdict"]) for p in result["pairs"]
               if p["rule"] == "decision"}
    assert decided == {("cnrs", "cordis-999997930", "merge"), ("cnrs", "op-dk-1000-cnrs", "apart")}
    assert result["counts"]["to_review"] == 0
    assert main(["resolve", "--store", store, "--report"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "nothing to review"
