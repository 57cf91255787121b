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
    store = pyoxigraph.Store(str(directory))
    graph = pyoxigraph.NamedNode("https://w3id.org/innograph/graph/004_bb30414c2a0db206")
    store.load(path=str(SEED), format=pyoxigraph.RdfFormat.TURTLE, to_graph=graph)
    store.flush()
    del store
    assert main(["validate", str(directory)]) == 0

    store = pyoxigraph.Store(str(directory))
    store.load(BAD, format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode("https://w3id.org/innograph/graph/bad"))
    store.flush()
    del store
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
    full = pyoxigraph.Store(str(root / "full"))
    full.load(BAD, format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode("https://w3id.org/innograph/graph/x"))
    full.flush()
    del full
    public = pyoxigraph.Store(str(root / "public"))
    public.load(path=str(SEED), format=pyoxigraph.RdfFormat.TURTLE)
    public.flush()
    del public
    assert main(["validate", str(root)]) == 1  # the full partition (with the bad graph) was read
    assert main(["validate", str(tmp_path)]) == 2  # not a store


def test_personal_data_in_the_public_partition_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "store"
    root.mkdir()
    personal = SEED.parent / "002_553ed0569ff5614e.personal.ttl"
    public_part = SEED.parent / "002_553ed0569ff5614e.ttl"
    for partition, files in (("full", [public_part, personal]), ("public", [public_part, personal])):
        store = pyoxigraph.Store(str(root / partition))
        for path in files:
            store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        del store
    assert main(["validate", str(root)]) == 1
    assert "personal data in the public partition" in capsys.readouterr().out


def test_clean_partitions_conform(tmp_path: Path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    personal = SEED.parent / "002_553ed0569ff5614e.personal.ttl"
    public_part = SEED.parent / "002_553ed0569ff5614e.ttl"
    for partition, files in (("full", [public_part, personal]), ("public", [public_part])):
        store = pyoxigraph.Store(str(root / partition))
        for path in files:
            store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        del store
    assert main(["validate", str(root)]) == 0
