"""``innograph validate`` on files and on an embedded store directory: exit 0 when the data
conforms, 1 with the violations printed when it does not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from innograph.cli import main

SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "004_bb30414c2a0db206.ttl"
BAD = """
@prefix ig: <https://w3id.org/innograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/innograph/id/project/p> a ig:Project ;
    rdfs:label "untagged name" ;
    ig:startDate "31/01/2004" ;
    ig:country <https://w3id.org/innograph/id/country/ZZ> ;
    ig:amount [ a ig:MonetaryAmount ; ig:value 10.0 ; ig:currency "euro" ] .
"""


def _write_store(directory: Path, *sources: Path | str, graph: str | None = None) -> None:
    """A persistent store at ``directory`` holding these Turtle files (a Path) or texts (a str), closed
    again so that ``innograph validate`` opens it as a user would."""
    store = pyoxigraph.Store(str(directory))
    to_graph = pyoxigraph.NamedNode(graph) if graph else None
    for source in sources:
        if isinstance(source, Path):
            store.load(path=str(source), format=pyoxigraph.RdfFormat.TURTLE, to_graph=to_graph)
        else:
            store.load(source, format=pyoxigraph.RdfFormat.TURTLE, to_graph=to_graph)
    store.flush()
    del store


def test_conforming_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEED)]) == 0
    assert "conforms" in capsys.readouterr().err


def test_violations_are_printed_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(BAD, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "rdf-schema#label" in out
    assert "ontology#startDate" in out
    assert "country/ZZ" in out
    assert "ISO 4217" in out


def test_store_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "store"
    _write_store(directory, SEED, graph="https://w3id.org/innograph/graph/004_bb30414c2a0db206")
    assert main(["validate", str(directory)]) == 0

    _write_store(directory, BAD, graph="https://w3id.org/innograph/graph/bad")
    assert main(["validate", str(directory)]) == 1
    assert "country/ZZ" in capsys.readouterr().out


def test_unknown_format_and_missing_path(tmp_path: Path) -> None:
    odd = tmp_path / "data.xyz"
    odd.write_text("x", encoding="utf-8")
    assert main(["validate", str(odd)]) == 2
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2


def test_innograph_store_root_reads_the_full_partition(tmp_path: Path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    _write_store(root / "full", BAD, graph="https://w3id.org/innograph/graph/x")
    _write_store(root / "public", SEED)
    assert main(["validate", str(root)]) == 1  # the full partition (with the bad graph) was read
    assert main(["validate", str(tmp_path)]) == 2  # not a store


def test_personal_data_in_the_public_partition_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "store"
    root.mkdir()
    personal = SEED.parent / "002_553ed0569ff5614e.personal.ttl"
    public_part = SEED.parent / "002_553ed0569ff5614e.ttl"
    for partition, files in (("full", [public_part, personal]), ("public", [public_part, personal])):
        _write_store(root / partition, *files)
    assert main(["validate", str(root)]) == 1
    assert "personal data in the public partition" in capsys.readouterr().out


def test_clean_partitions_conform(tmp_path: Path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    personal = SEED.parent / "002_553ed0569ff5614e.personal.ttl"
    public_part = SEED.parent / "002_553ed0569ff5614e.ttl"
    for partition, files in (("full", [public_part, personal]), ("public", [public_part])):
        _write_store(root / partition, *files)
    assert main(["validate", str(root)]) == 0
