"""The reference data (ontology and reference graphs) is written when its sources change, and only
then: its fingerprint covers every source file of the ontology package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import IRIS

from innograph import ontology
from innograph.ingest import ensure_reference_data, reference_fingerprint
from innograph.store.embedded import EmbeddedStore

PACKAGE = Path(ontology.__file__).parent


def copy_of_ontology(tmp_path: Path) -> Path:
    target = tmp_path / "ontology"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_fingerprint_of_an_unchanged_folder_is_the_same(tmp_path: Path) -> None:
    copy = copy_of_ontology(tmp_path)
    assert reference_fingerprint(IRIS.base, copy) == reference_fingerprint(IRIS.base, PACKAGE)


def test_a_changed_ontology_file_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = copy_of_ontology(tmp_path)
    before = reference_fingerprint(IRIS.base, copy)
    source = sorted(copy.rglob("*.ttl"))[0]
    source.write_bytes(source.read_bytes() + b"\n# one more line\n")
    assert reference_fingerprint(IRIS.base, copy) != before


def test_a_file_of_another_kind_does_not_count_but_a_new_source_does(tmp_path: Path) -> None:
    copy = copy_of_ontology(tmp_path)
    before = reference_fingerprint(IRIS.base, copy)
    (copy / "notes.txt").write_text("not a source")
    assert reference_fingerprint(IRIS.base, copy) == before
    (copy / "extra.tsv").write_text("code\tlabel\n")
    assert reference_fingerprint(IRIS.base, copy) != before


def test_the_base_iri_is_part_of_the_fingerprint() -> None:
    assert reference_fingerprint("https://example.org/a/") != reference_fingerprint("https://example.org/b/")


@pytest.mark.slow  # builds the reference graphs: ~5 s alone, 30 s on a busy machine
def test_reference_data_is_written_once_then_left_alone(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1)
    try:
        first = ensure_reference_data(store, IRIS, store.graph_hashes())
        known = store.graph_hashes()
        generation = store.generation()
        assert first > 0
        assert known[IRIS.graph("ontology")] == known[IRIS.graph("reference")] == reference_fingerprint(IRIS.base)
        assert ensure_reference_data(store, IRIS, known) == 0
        assert store.generation() == generation  # nothing written
    finally:
        store.close()
