"""``innograph import cordis``: the graph, the provenance, the summary and the change-only re-import,
on small files in the CORDIS layout (tests/test_import_fixtures.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad
from test_import_fixtures import ORGS, PROJECTS, write_cordis, zip_of

from innograph.cli import main
from innograph.imports import shards
from innograph.iris import Iris
from innograph.settings import Settings
from innograph.store import open_store

IRIS = Iris("https://w3id.org/innograph/")
IG = IRIS.vocab
XSD = "http://www.w3.org/2001/XMLSchema#"


def run_import(store: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["import", *args, "--store", str(store), "--no-resolve", "--json", "--no-progress"])
    return code, json.loads(capsys.readouterr().out)["import"]


def quads(store_dir: Path) -> set[Quad]:
    store = open_store(Settings(store=store_dir))
    try:
        with store.snapshot("public") as view:
            return set(view)
    finally:
        store.close()


def objects(found: set[Quad], subject: str, predicate: str) -> set[str]:
    return {str(q.object) for q in found if q.subject == NamedNode(subject) and q.predicate == NamedNode(predicate)}


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_summary_lists_every_skipped_row_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl")), capsys=capsys)
    assert code == 1
    assert (report["rows_read"], report["rows_written"], report["rows_skipped"]) == (9, 6, 3)
    assert report["skipped_by_reason"] == {"column_count": 1, "duplicate": 1, "unknown_project": 1}
    assert [(p["file"], p["line"], p["reason"]) for p in report["problems"]] == [
        ("project.csv", 4, "duplicate"), ("project.csv", 5, "column_count"), ("organization.csv", 6, "unknown_project")]
    assert report["dataset"] == "cordis-horizon-europe"
    assert (report["graphs_written"], report["graphs_unchanged"], report["graphs_removed"]) == (2, 0, 0)


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_a_clean_download_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl", broken=False)),
                              capsys=capsys)
    assert (code, report["rows_skipped"], report["rows_written"]) == (0, 0, 6)


@pytest.mark.slow  # several seconds of store writes or a real process
def test_projects_organisations_and_roles_against_the_ontology(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl")), capsys=capsys)
    found = quads(tmp_path / "store")
    project, dtu = IRIS.entity("project", "cordis-101000001"), IRIS.entity("organisation", "cordis-999977945")
    label = "http://www.w3.org/2004/02/skos/core#prefLabel"
    assert objects(found, project, label) == {'"Offshore electrolysis; green hydrogen at sea"@en'}  # quoted ';'
    assert objects(found, project, IG + "startDate") == {f'"2022-01-01"^^<{XSD}date>'}
    assert objects(found, IRIS.entity("project", "cordis-101000002"), IG + "endDate") == set()  # empty date
    assert objects(found, project + "/amount/total-cost", IG + "value") == {f'"4999875.5"^^<{XSD}decimal>'}
    assert objects(found, project, IG + "programme") == {f"<{IRIS.entity('programme', 'horizon-europe')}>"}
    assert objects(found, project, IG + "call") == {f"<{IRIS.entity('call', 'cordis-horizon-cl5-2021-d3-01')}>"}
    assert objects(found, dtu, IG + "country") == {f"<{IRIS.entity('country', 'DK')}>"}
    assert objects(found, dtu, "http://www.w3.org/2004/02/skos/core#altLabel") == {'"DTU"@en'}
    assert objects(found, dtu, "https://schema.org/vatID") == {'"DK30060946"'}
    normandie = IRIS.entity("organisation", "cordis-999990655")
    assert objects(found, normandie, IG + "region") == {f"<{IRIS.entity('region', 'FR-14')}>"}  # FRD11: Calvados
    roles = {(str(q.subject)) for q in found if q.predicate == NamedNode(IG + "roleIn")}
    assert len(roles) == 4
    coordinator = IRIS.entity("role", "cordis-101000001-999977945-coordinator")
    assert objects(found, coordinator, IG + "roleType") == {f"<{IRIS.entity('role-type', 'coordinator')}>"}
    assert objects(found, coordinator, IG + "agent") == {f"<{dtu}>"}
    third = IRIS.entity("role", "cordis-101000001-999997930-thirdparty")
    assert objects(found, third, IG + "roleType") == {f"<{IRIS.entity('role-type', 'other')}>"}
    assert objects(found, third, "http://www.w3.org/2000/01/rdf-schema#label") == {'"thirdParty"@en'}
    ended = IRIS.entity("role", "cordis-101000002-999977945-participant")
    assert objects(found, ended, IG + "status") == {'"participation ended"'}
    assert objects(found, ended + "/amount/eu-contribution", IG + "value") == {f'"500000"^^<{XSD}decimal>'}


@pytest.mark.slow  # several seconds of store writes or a real process
def test_provenance_dataset_file_row_and_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_import(tmp_path / "store", "cordis", str(write_cordis(tmp_path / "dl")), capsys=capsys)
    found = quads(tmp_path / "store")
    dataset = IRIS.entity("dataset", "cordis-horizon-europe")
    project_file = f"{dataset}/file/project.csv"
    role = IRIS.entity("role", "cordis-101000001-999977945-coordinator")
    prov, dct = "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/"
    assert objects(found, IRIS.entity("project", "cordis-101000001"), prov + "wasDerivedFrom") == {f"<{project_file}>"}
    assert objects(found, role, prov + "wasDerivedFrom") == {f"<{dataset}/file/organization.csv>"}
    assert objects(found, role, dct + "identifier") == {'"101000001/999977945/coordinator"'}
    assert objects(found, project_file, dct + "isPartOf") == {f"<{dataset}>"}
    assert objects(found, dataset, dct + "issued") == {f'"2023-03-01"^^<{XSD}date>'}  # latest contentUpdateDate
    graphs = {q.graph_name.value for q in found if q.subject == NamedNode(IRIS.entity("project", "cordis-101000001"))}
    manifest = IRIS.graph("import/cordis-horizon-europe")
    assert graphs == {g.strip("<>") for g in objects(found, dataset, dct + "hasPart")}  # the manifest lists it
    assert re.fullmatch(re.escape(manifest) + r"/001-of-001-[0-9a-f]{16}", graphs.pop())


@pytest.mark.slow  # several seconds of store writes or a real process
def test_the_zip_as_downloaded_gives_the_same_graphs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_cordis(tmp_path / "dl")
    run_import(tmp_path / "a", "cordis", str(folder), capsys=capsys)
    run_import(tmp_path / "b", "cordis", str(zip_of(folder, tmp_path / "cordis.zip")), capsys=capsys)
    assert quads(tmp_path / "a") - _changes(tmp_path / "a") == quads(tmp_path / "b") - _changes(tmp_path / "b")


def _changes(store_dir: Path) -> set[Quad]:
    return {q for q in quads(store_dir) if q.graph_name == NamedNode(IRIS.graph("changes"))}


def _feed(store_dir: Path) -> set[tuple[str, str]]:
    """(graph, change type) of every change-log entry."""
    found = _changes(store_dir)
    changed = {q.subject: q.object.value for q in found if q.predicate == NamedNode(IG + "changedGraph")}
    kinds = {q.subject: q.object.value for q in found if q.predicate == NamedNode(IG + "changeType")}
    return {(changed[event], kinds[event]) for event in changed}


def _shards(store_dir: Path) -> set[str]:
    return {g for g in _graphs(store_dir) if g.startswith(IRIS.graph("import/cordis-horizon-europe/"))}


def _graphs(store_dir: Path) -> set[str]:
    return {q.graph_name.value for q in quads(store_dir)}


@pytest.mark.slow  # several seconds of store writes or a real process
def test_reimport_changes_only_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, manifest = tmp_path / "store", IRIS.graph("import/cordis-horizon-europe")
    shard_size = ["--triples-per-graph", "15"]  # 16 shards of the fixture's projects, organisations, roles
    run_import(store, "cordis", str(write_cordis(tmp_path / "dl", broken=False)), *shard_size, capsys=capsys)
    before, feed = _shards(store), _feed(store)
    assert len(before) == 16 and feed == {(g, "created") for g in [*before, manifest]}
    _, same = run_import(store, "cordis", str(write_cordis(tmp_path / "dl", broken=False)), *shard_size, capsys=capsys)
    assert (same["graphs_written"], same["graphs_unchanged"], same["graphs_removed"]) == (0, 17, 0)
    assert _feed(store) == feed  # nothing in the change feed
    retitled = [PROJECTS[0].replace("green hydrogen at sea", "green hydrogen offshore"), PROJECTS[1]]
    _, changed = run_import(store, "cordis", str(write_cordis(tmp_path / "dl", projects=retitled, broken=False)),
                            *shard_size, capsys=capsys)
    after = _shards(store)
    (old,), (new,) = before - after, after - before  # one shard replaced: the retitled project's
    assert old.split("-")[-3:-1] == new.split("-")[-3:-1]  # same place ({i}-of-{n}), new content
    assert (changed["graphs_written"], changed["graphs_unchanged"], changed["graphs_removed"]) == (2, 15, 1)
    assert _feed(store) - feed == {(new, "created"), (old, "deleted"), (manifest, "updated")}
    titles = objects(quads(store), IRIS.entity("project", "cordis-101000001"), "http://www.w3.org/2000/01/rdf-schema#label")
    assert titles == {'"Offshore electrolysis; green hydrogen offshore"@en'}  # old title gone: replaced, not added


@pytest.mark.slow  # several seconds of store writes or a real process
def test_a_large_dataset_is_split_into_graphs_with_the_same_triples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_cordis(tmp_path / "dl", broken=False)
    run_import(tmp_path / "one", "cordis", str(folder), capsys=capsys)
    monkeypatch.setattr(shards, "TRIPLES_PER_GRAPH", 20)
    monkeypatch.setattr(shards, "STREAMED_FROM", 10)  # the larger shards go to the store as files
    _, split = run_import(tmp_path / "many", "cordis", str(folder), capsys=capsys)
    assert split["graphs_written"] == 1 + shards.graph_count(split["triples"])  # shards + manifest

    def triples(store_dir: Path) -> set[tuple[str, str, str]]:
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads(store_dir)
                if "/graph/import/" in q.graph_name.value and not str(q.subject).startswith(f"<{IRIS.base}graph/")
                and q.predicate != NamedNode("http://purl.org/dc/terms/hasPart")}  # the manifest names its shards
    assert triples(tmp_path / "one") == triples(tmp_path / "many")
    _, again = run_import(tmp_path / "many", "cordis", str(folder), capsys=capsys)
    assert again["graphs_written"] == 0


def test_graph_count_is_one_for_a_small_dataset_and_bounded() -> None:
    assert shards.graph_count(0) == 1
    assert shards.graph_count(shards.TRIPLES_PER_GRAPH) == 1
    assert shards.graph_count(shards.TRIPLES_PER_GRAPH + 1) == 2
    assert shards.graph_count(10**12) == shards.BUCKETS


def test_a_download_without_its_files_fails_loudly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "project.csv").write_text("id;acronym\n", encoding="utf-8")
    assert main(["import", "cordis", str(tmp_path / "dl"), "--store", str(tmp_path / "s"), "--no-progress"]) == 1
    assert "no organization.csv" in capsys.readouterr().err


def test_unused_fixture_rows_stay_in_the_layout() -> None:
    assert all(row.count('";"') == 24 for row in ORGS)
