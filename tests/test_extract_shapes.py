"""An extracted seed document (public and personal graph) conforms to the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import command
from innograph.loaders.extract.pipeline import build_document
from innograph.ontology.validate import validate_path
from pyoxigraph import RdfFormat, serialize

from innograph.iris import Iris

IRIS = Iris("https://w3id.org/innograph/")
SEED = Path(__file__).resolve().parent.parent / "data" / "000_f9080ea94353f169.txt"


def test_seed_graph_conforms(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    meta = SourceMeta(doc_id="seed", url="https://example.org/seed", retrieved="2024-01-31")
    loaded = build_document(data.decode("utf-8"), meta, IRIS, data=data, loader="text")
    store = command.to_store(loaded, IRIS)
    path = tmp_path / "seed.nq"
    path.write_bytes(serialize(store.quads_for_pattern(None, None, None, None), format=RdfFormat.N_QUADS) or b"")
    report = validate_path(path)
    assert report.conforms, [f"{v.focus} {v.path} {v.message}" for v in report.violations[:5]]
