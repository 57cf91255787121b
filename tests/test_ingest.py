"""Ingest: one named graph per document, skip by fingerprint, bad documents reported, crash safety."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import IRIS
from innograph.loaders.base import doc_id_for
from pyoxigraph import NamedNode, Triple

from innograph.harvest.pages import page_hash
from innograph.ingest import ingest
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

DATA = Path(__file__).resolve().parent.parent / "data"
INNOGRAPH = [sys.executable, "-m", "innograph.cli"]


@pytest.fixture
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=20)
    yield s
    s.close()


def doc_graphs(store: EmbeddedStore) -> set[str]:
    return {g for g in store.graph_hashes() if g.rsplit("/", 1)[-1] not in {"ontology", "reference"}}


def test_ingest_writes_one_graph_per_document_and_skips_unchanged(store: EmbeddedStore) -> None:
    first = ingest([DATA], store, IRIS)
    assert first.failed == []
    assert first.written == len(list(DATA.glob("*.txt")))
    assert doc_graphs(store) == {IRIS.graph(doc_id_for(p)) for p in DATA.glob("*.txt")}
    second = ingest([DATA], store, IRIS)
    assert (second.written, second.skipped) == (0, first.written)
    forced = ingest([DATA], store, IRIS, force=True)
    assert forced.written == first.written


def test_reingest_replaces_the_graph_without_duplicates(store: EmbeddedStore, tmp_path: Path) -> None:
    doc = tmp_path / "doc.nt"
    doc.write_text('<http://ex/a> <http://ex/p> "one" .\n<http://ex/a> <http://ex/p> "two" .\n')
    ingest([doc], store, IRIS)
    doc.write_text('<http://ex/a> <http://ex/p> "three" .\n')
    ingest([doc], store, IRIS)
    rows = store.select("SELECT ?o WHERE { GRAPH ?g { <http://ex/a> <http://ex/p> ?o } }",
                        {"g": NamedNode(IRIS.graph("doc"))})
    assert sorted(r["o"].value for r in rows) == ["three"]


def test_bad_documents_are_reported_and_lose_nothing(store: EmbeddedStore, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.nt").write_text('<http://ex/a> <http://ex/p> "ok" .\n')
    (docs / "broken.ttl").write_text("this is not turtle <<<")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 10)
    report = ingest([docs], store, IRIS)
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert {name: reason.split("]")[0] + "]" for name, reason in failed.items()} == {
        "broken.ttl": "[invalid_rdf]", "binary.txt": "[binary]",
    }  # a code says what went wrong
    assert doc_graphs(store) == {IRIS.graph("good")}


def test_cli_exits_non_zero_when_a_document_failed(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ok.nt").write_text('<http://ex/a> <http://ex/p> "ok" .\n')
    (tmp_path / "docs" / "bad.nt").write_text("<http://ex/a> oops")
    result = subprocess.run([*INNOGRAPH, "ingest", str(tmp_path / "docs"), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    summary, failure = result.stdout.splitlines()
    assert summary == "documents 2  written 1  skipped 0  failed 1  triples 1 (+0 personal)"
    assert failure.startswith(f"FAILED {tmp_path / 'docs' / 'bad.nt'}: [invalid_rdf] ")


def test_prune_removes_graphs_of_vanished_documents_and_logs_it(store: EmbeddedStore, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b"):
        (docs / f"{name}.nt").write_text(f'<http://ex/{name}> <http://ex/p> "x" .\n')
    ingest([docs], store, IRIS)
    (docs / "b.nt").unlink()
    ingest([docs], store, IRIS, prune=True)
    assert doc_graphs(store) == {IRIS.graph("a")}
    events = store.select(
        f"SELECT ?x ?t WHERE {{ ?c <{IRIS.term('changedGraph')}> ?x ; <{IRIS.term('changeType')}> ?t }}"
    )
    assert sorted((r["x"].value, r["t"].value) for r in events) == [
        (IRIS.graph("a"), "created"), (IRIS.graph("b"), "created"), (IRIS.graph("b"), "deleted"),
    ]
    deleted = store.select(
        f"SELECT ?x WHERE {{ ?c <{IRIS.term('changeType')}> \"deleted\" ; <{IRIS.term('changedGraph')}> ?x }}"
    )
    assert [r["x"].value for r in deleted] == [IRIS.graph("b")]


def _write_version(folder: Path, version: int, docs: int) -> None:
    for i in range(docs):
        lines = [f'<http://ex/d{i}/s{j}> <http://ex/p> "v{version}-{j}" .' for j in range(20 + version * 7)]
        (folder / f"d{i:03}.nt").write_text("\n".join(lines) + "\n")


def _graph_versions(store_dir: Path, docs: int) -> dict[str, dict[int, set[str]]]:
    """For each partition and document: the versions its triples carry (asserts no partial graph)."""
    from pyoxigraph import Store

    seen: dict[str, dict[int, set[str]]] = {}
    for partition in ("public", "full"):
        snapshot = Store.read_only(str(store_dir / partition))
        values: dict[int, list[str]] = {i: [] for i in range(docs)}
        for quad in snapshot.quads_for_pattern(None, NamedNode("http://ex/p"), None, None):
            values[int(quad.subject.value.split("/")[3][1:])].append(quad.object.value)
        del snapshot
        per_doc: dict[int, set[str]] = {}
        for i, found in values.items():
            per_doc[i] = {v.split("-")[0] for v in found}
            if found:
                version = int(found[0].split("-")[0][1:])
                assert len(found) == 20 + version * 7, f"{partition} d{i}: partial graph ({len(found)} triples)"
        seen[partition] = per_doc
    return seen


def _generation(store_dir: Path) -> int:
    try:
        return int((store_dir / "generation").read_text() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def kill_after_writes(command: list[str], store_dir: Path, writes: int) -> int:
    """Run ``command`` and SIGKILL it once the store has committed ``writes`` more writes (or
    when it ends first); the killed process's id."""
    start = _generation(store_dir)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _generation(store_dir) - start < writes and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    with contextlib.suppress(ProcessLookupError):  # it may have finished first
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.pid


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_each_graph_old_or_new(tmp_path: Path) -> None:
    docs, folder, store_dir = 40, tmp_path / "docs", tmp_path / "store"
    folder.mkdir()
    _write_version(folder, 0, docs)
    base = [*INNOGRAPH, "ingest", str(folder), "--store", str(store_dir), "--jobs", "1", "--no-progress"]
    subprocess.run(base, check=True, capture_output=True, timeout=300)
    rng = random.Random(20261123)
    mixed_rounds = 0
    for version in range(1, 5):
        _write_version(folder, version, docs)
        kill_after_writes(base, store_dir, rng.randint(1, docs - 2))  # one generation per committed document
        state = _graph_versions(store_dir, docs)  # asserts: no partial graph in either partition
        for partition, per_doc in state.items():
            for i, versions in per_doc.items():
                assert len(versions) == 1, f"{partition} d{i} mixes versions {versions}"
                assert int(next(iter(versions))[1:]) in range(version + 1)
        mixed_rounds += len({next(iter(v)) for v in state["public"].values()}) > 1
    assert mixed_rounds > 0, "no kill landed in the middle of a batch: the test proved nothing"
    # and an ingest after the crashes completes and converges on the last version
    subprocess.run(base, check=True, capture_output=True, timeout=300)
    final = _graph_versions(store_dir, docs)
    assert all(v == {"v4"} for per_doc in final.values() for v in per_doc.values())


def test_parallel_loading_works_from_any_caller_and_keeps_order(tmp_path: Path) -> None:
    """ingest() from stdin (no main module to re-import) with several loader processes."""
    docs = tmp_path / "docs"
    for folder in ("a", "b"):
        (docs / folder).mkdir(parents=True)
    for i in range(12):
        (docs / "a" / f"d{i:02}.nt").write_text(f'<http://ex/d{i}> <http://ex/p> "a{i}" .\n')
    (docs / "b" / "d03.nt").write_text('<http://ex/d3> <http://ex/p> "b3" .\n')  # same id as a/d03.nt
    script = (
        "import json, sys\nfrom pathlib import Path\nfrom innograph.iris import Iris\n"
        "from innograph.ingest import ingest\nfrom innograph.store.embedded import EmbeddedStore\n"
        f"iris = Iris({IRIS.base!r})\nstore = EmbeddedStore(Path({str(tmp_path / 'store')!r}), iris, workers=1)\n"
        f"report = ingest([Path({str(docs)!r})], store, iris, jobs=3)\n"
        "print(json.dumps(report.as_dict()))\nstore.close()\n"
    )
    result = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["written"] == 12
    assert [(Path(f["path"]).parent.name, f["reason"].split("]")[0]) for f in report["failed"]] == [
        ("b", "[duplicate_id")
    ]


def test_prune_keeps_the_graphs_of_harvested_pages_and_imports(store: EmbeddedStore, tmp_path: Path) -> None:
    page = IRIS.graph("www-region-example-calls-0123456789")
    dataset = IRIS.graph("import-cordis-h2020-1")
    triple = Triple(NamedNode("http://ex/page"), NamedNode("http://ex/p"), NamedNode("http://ex/o"))
    store.write_document(DocumentWrite(graph=page, content_hash=page_hash(b"<html/>", "http://region.example/"),
                                       public=[triple]))
    store.write_document(DocumentWrite(graph=dataset, content_hash=IMPORT_FINGERPRINT_PREFIX + "sha256:00",
                                       public=[triple]))
    old = tmp_path / "old.nt"
    old.write_text('<http://ex/a> <http://ex/p> "one" .\n')
    ingest([old], store, IRIS)
    kept = tmp_path / "kept.nt"
    kept.write_text('<http://ex/b> <http://ex/p> "two" .\n')
    ingest([kept], store, IRIS, prune=True)
    assert doc_graphs(store) == {page, dataset, IRIS.graph("kept")}
