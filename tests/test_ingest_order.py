"""One node per entity, whatever the order: the same documents ingested one by one, forwards and
backwards, give the same graph (the change log aside, whose entries carry their own times)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IRIS

from innograph.ingest import ingest
from innograph.store.embedded import EmbeddedStore

DATA = Path(__file__).resolve().parent.parent / "data"
CHANGES = IRIS.graph("changes")


def ingest_one_by_one(root: Path, files: list[Path]) -> dict[str, set[str]]:
    store = EmbeddedStore(root, IRIS, workers=1, timeout=20)
    try:
        for path in files:
            assert ingest([path], store, IRIS).failed == []
        quads: dict[str, set[str]] = {}
        for partition in ("public", "full"):
            with store.snapshot(partition) as view:
                quads[partition] = {str(q) for q in view if q.graph_name.value != CHANGES}
        return quads
    finally:
        store.close()


@pytest.mark.slow
def test_ingest_order_does_not_change_the_graph(tmp_path: Path) -> None:
    files = sorted(DATA.glob("*.txt"))
    assert len(files) >= 3
    forwards = ingest_one_by_one(tmp_path / "forwards", files)
    backwards = ingest_one_by_one(tmp_path / "backwards", files[::-1])
    for partition in ("public", "full"):
        assert len(forwards[partition]) > 1000  # the bundled corpus, extracted
        assert forwards[partition] == backwards[partition], sorted(forwards[partition] ^ backwards[partition])[:5]
