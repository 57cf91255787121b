"""A re-import replaces a dataset all at once: a real ``innograph import cordis`` process killed
with SIGKILL in the middle of writing a new version leaves, in each store partition, a manifest
that lists exactly the old version's shards or exactly the new one's (never a mix), and the next
import finishes the job (reusing the shards already written, removing the others)."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad
from test_import_cordis import IRIS
from test_import_fixtures import ORG_HEADER, PROJECT_HEADER
from test_ingest import kill_after_writes

from innograph.cli import main
from innograph.imports.shards import SPILL_PREFIX
from innograph.imports.versions import unlisted_shards
from innograph.settings import Settings
from innograph.store import open_store

INNOGRAPH = [sys.executable, "-m", "innograph.cli"]
MANIFEST = IRIS.graph("import/cordis-horizon-europe")
HAS_PART = NamedNode("http://purl.org/dc/terms/hasPart")
FINGERPRINT = NamedNode(IRIS.vocab + "fingerprint")
SHARD_ARGS = ["--triples-per-graph", "150", "--no-resolve", "--no-progress"]
Statement = tuple[str, str, str]


def write_version(folder: Path, version: int, projects: int = 24, participations: int = 72) -> Path:
    """A CORDIS download whose every project title names its version (so most shards change)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [PROJECT_HEADER]
    for i in range(projects):
        rows.append(";".join(f'"{v}"' for v in [
            str(101_000_000 + i), f"P{i}", "SIGNED", f"Project {i}, version {version}", "2022-01-01", "2025-12-31",
            "1000,5", "900", "HORIZON.2.5", "T", "2021-11-20", "HORIZON", "CALL-1", "CALL-1-01", "HORIZON-RIA", "",
            "Objective.", "2023-03-01 10:00:00", str(i), ""]))
    (folder / "project.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = [ORG_HEADER]
    for i in range(participations):
        org = i % 30
        rows.append(";".join(f'"{v}"' for v in [
            str(101_000_000 + i % projects), f"P{i % projects}", str(900_000 + org), "", f"ORGANISATION {org}", "",
            "false", "REC", "", "", f"City {org}", "DK", "DK011", "", "", "", "2023-03-01 10:00:00", str(i), "1",
            "coordinator" if i < projects else "participant", "10", "10", "10", "false", "true"]))
    (folder / "organization.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def partitions(store_dir: Path) -> dict[str, set[Quad]]:
    store = open_store(Settings(store=store_dir))
    try:
        found = {}
        for partition in ("public", "full"):
            with store.snapshot(partition) as view:
                found[partition] = {q for q in view if q.graph_name.value.startswith(MANIFEST)}
        return found
    finally:
        store.close()


def dataset_as_listed(found: set[Quad]) -> tuple[set[Statement], set[str]]:
    """The statements of the shards the manifest lists, and the shards it does not list."""
    listed = {q.object.value for q in found if q.graph_name == NamedNode(MANIFEST) and q.predicate == HAS_PART}
    present = {q.graph_name.value for q in found if q.graph_name != NamedNode(MANIFEST)}
    assert listed <= present, f"the manifest lists shards that are not there: {sorted(listed - present)}"
    statements = {(str(q.subject), str(q.predicate), str(q.object)) for q in found
                  if q.graph_name.value in listed and q.subject.value not in listed}  # not the shards' own notes
    return statements, present - listed


def unfinished(store_dir: Path) -> set[str]:
    store = open_store(Settings(store=store_dir))
    try:
        return unlisted_shards(store, IRIS)
    finally:
        store.close()


def clean_import(tmp_path: Path, version: int, capsys: pytest.CaptureFixture[str]) -> set[Statement]:
    store = tmp_path / f"clean-{version}"
    main(["import", "cordis", str(write_version(tmp_path / f"dl-{version}", version)), "--store", str(store),
          *SHARD_ARGS])
    capsys.readouterr()
    statements, leftovers = dataset_as_listed(partitions(store)["public"])
    assert not leftovers
    return statements


@pytest.mark.slow
def test_kill_9_during_a_reimport_leaves_the_old_version_or_the_new(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    expected = {version: clean_import(tmp_path, version, capsys) for version in range(4)}
    store_dir, folder = tmp_path / "store", tmp_path / "dl"
    command = [*INNOGRAPH, "import", "cordis", str(folder), "--store", str(store_dir), *SHARD_ARGS]
    write_version(folder, 0)
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    rng, current, interrupted, killed = random.Random(20261204), 0, 0, []
    for version in range(1, 4):
        write_version(folder, version)
        killed.append(kill_after_writes(command, store_dir, rng.randint(1, 24)))  # 32 shards, most of them changed
        for partition, found in partitions(store_dir).items():
            statements, leftovers = dataset_as_listed(found)
            assert statements in (expected[current], expected[version]), f"{partition}: a mix of versions"
            interrupted += bool(leftovers)
        assert unfinished(store_dir) == dataset_as_listed(partitions(store_dir)["public"])[1]  # what readers skip
        current = version if dataset_as_listed(partitions(store_dir)["public"])[0] == expected[version] else current
    assert interrupted, "no kill landed between the first new shard and the switch: the test proved nothing"
    write_version(folder, 3)
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for partition, found in partitions(store_dir).items():
        assert dataset_as_listed(found) == (expected[3], set()), partition  # converged, no leftovers
    spills = [folder for pid in killed for folder in Path(tempfile.gettempdir()).glob(f"{SPILL_PREFIX}{pid}-*")]
    assert spills == []  # the killed imports' spill folders are removed by the next import
