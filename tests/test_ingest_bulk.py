"""Large RDF files: streamed into the store by path (store/bulk.py), same graph as a loaded file,
skip when unchanged, atomic replacement, personal graphs kept apart, kill -9 safe."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import IRIS
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple, parse

from innograph.ingest import BULK_FROM_BYTES, ingest
from innograph.partners.synthetic import generate
from innograph.sparql_text import term
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

INNOGRAPH = [sys.executable, "-m", "innograph.cli"]
ORGANISATIONS = 2_000  # ~25,000 quads in ~150 named graphs: a quick test of the streamed path


@pytest.fixture
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=60)
    yield s
    s.close()


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "dump.nq"
    generate(path, ORGANISATIONS, IRIS)
    return path


def triples_of(path: Path) -> set[Triple]:
    """What the document graph must hold: every statement of the file, graph names dropped."""
    return {q.triple for q in parse(path=str(path), format=RdfFormat.N_QUADS)}


def graph_content(store: EmbeddedStore, partition: str, graph: str) -> set[Triple]:
    with store.snapshot(partition) as view:  # type: ignore[arg-type]
        return {q.triple for q in view if q.graph_name == NamedNode(graph)}


def own_statements(graph: str, doc: str, fingerprint: str) -> set[Triple]:
    return {Triple(NamedNode(graph), NamedNode(IRIS.term("sourceDocument")), NamedNode(IRIS.document(doc))),
            Triple(NamedNode(graph), NamedNode(IRIS.term("fingerprint")), term(fingerprint))}


@pytest.mark.slow  # several seconds of store writes or a real process
def test_a_large_file_streams_into_both_partitions_as_a_loaded_one_would(store: EmbeddedStore, dump: Path,
                                                                          tmp_path: Path) -> None:
    report = ingest([dump], store, IRIS, bulk_from=1)  # every RDF file streamed
    expected = triples_of(dump)
    assert (report.written, report.triples, report.failed) == (1, len(expected), [])
    graph = IRIS.graph("dump")
    fingerprint = store.graph_hashes()[graph]
    for partition in ("public", "full"):
        assert graph_content(store, partition, graph) == expected | own_statements(graph, "dump", fingerprint)
    # the loaders' path gives the very same graph and fingerprint
    loaded = EmbeddedStore(tmp_path / "loaded", IRIS, workers=1)
    try:
        assert ingest([dump], loaded, IRIS, bulk_from=10**12).triples == len(expected)
        assert loaded.graph_hashes()[graph] == fingerprint
        assert graph_content(loaded, "public", graph) == graph_content(store, "public", graph)
    finally:
        loaded.close()


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_an_unchanged_file_is_skipped_and_writes_nothing(store: EmbeddedStore, dump: Path) -> None:
    ingest([dump], store, IRIS, bulk_from=1)
    generation = store.generation()
    again = ingest([dump], store, IRIS, bulk_from=1)
    assert (again.written, again.skipped) == (0, 1)
    assert store.generation() == generation


@pytest.mark.slow  # several seconds of store writes or a real process
def test_a_changed_file_replaces_the_graph_and_keeps_everything_else(store: EmbeddedStore, dump: Path,
                                                                      tmp_path: Path) -> None:
    other = IRIS.graph("other")
    person = Triple(NamedNode("http://ex/person"), NamedNode("http://ex/name"), term("A. Person"))
    store.write_document(DocumentWrite(graph=other, content_hash="h", public=[person],
                                       personal_graph=IRIS.personal_graph("other"), personal=[person]))
    copy = tmp_path / "dump.nq"
    copy.write_bytes(dump.read_bytes())
    ingest([copy], store, IRIS, bulk_from=1)
    generate(copy, ORGANISATIONS // 2, IRIS, seed=99)  # a new version: other statements, fewer
    report = ingest([copy], store, IRIS, bulk_from=1)
    assert (report.written, report.failed) == (1, [])
    graph, fingerprint = IRIS.graph("dump"), store.graph_hashes()[IRIS.graph("dump")]
    for partition in ("public", "full"):
        assert graph_content(store, partition, graph) == triples_of(copy) | own_statements(graph, "dump", fingerprint)
        assert graph_content(store, partition, other) == {
            person, Triple(NamedNode(other), NamedNode(IRIS.term("fingerprint")), term("h"))}
    assert graph_content(store, "full", IRIS.personal_graph("other")) == {person}
    assert graph_content(store, "public", IRIS.personal_graph("other")) == set()
    events = store.select(f"SELECT ?t WHERE {{ ?c <{IRIS.term('changedGraph')}> <{graph}> ; "
                          f"<{IRIS.term('changeType')}> ?t }}")
    assert sorted(r["t"].value for r in events) == ["created", "updated"]
    assert graph_content(store, "full", IRIS.graph("changes")) == set()  # the change log is public only


@pytest.mark.slow  # several seconds of store writes or a real process
def test_a_broken_file_fails_alone_and_leaves_the_old_graph(store: EmbeddedStore, tmp_path: Path) -> None:
    doc = tmp_path / "doc.nt"
    doc.write_text('<http://ex/a> <http://ex/p> "one" .\n')
    ingest([doc], store, IRIS, bulk_from=1)
    doc.write_text('<http://ex/a> <http://ex/p> "two" .\n<http://ex/a> oops\n')
    report = ingest([doc], store, IRIS, bulk_from=1)
    assert [f.reason.split("]")[0] + "]" for f in report.failed] == ["[invalid_rdf]"]
    assert {t.object for t in graph_content(store, "public", IRIS.graph("doc"))
            if t.predicate == NamedNode("http://ex/p")} == {Literal("one")}
    versions = sorted(p.name for p in (tmp_path / "store").iterdir() if ".v" in p.name)
    assert versions == ["full.v1", "public.v1"]  # the live ones: the half-built ones are gone
    assert {(tmp_path / "store" / p).resolve().name for p in ("full", "public")} == set(versions)


def test_a_store_killed_while_adopting_the_versioned_layout_opens_again(tmp_path: Path) -> None:
    root = tmp_path / "store"
    EmbeddedStore(root, IRIS, workers=1).close()
    os.rename(root / "public", root / "public.v0")  # killed between the rename and the link
    reopened = EmbeddedStore(root, IRIS, workers=1)
    try:
        assert os.readlink(root / "public") == "public.v0"
        assert reopened.graph_hashes() == {}
    finally:
        reopened.close()


# -- kill -9 in the middle of a streamed write --------------------------------------------------

def _write_version(path: Path, version: int) -> int:
    """A file above the streaming threshold whose statements all carry their version."""
    count = BULK_FROM_BYTES // 50 + version * 997  # lines of ~66 bytes
    with path.open("w") as out:
        for j in range(count):
            out.write(f'<http://ex/s{j}> <http://ex/p> "v{version}-{j:07}" <http://ex/g{j % 7}> .\n')
    assert path.stat().st_size >= BULK_FROM_BYTES  # the streamed path, not the loaders
    return count


def _versions_in(root: Path, counts: dict[int, int]) -> dict[str, int | None]:
    """For each partition, the one complete version the document has (asserts: never a part)."""
    found: dict[str, int | None] = {}
    for partition in ("public", "full"):
        store = Store.read_only(str((root / partition).resolve()))
        values = [str(q.object.value) for q in store.quads_for_pattern(None, NamedNode("http://ex/p"), None, None)
                  if isinstance(q.object, Literal)]
        del store
        versions = {int(v.split("-")[0][1:]) for v in values}
        assert len(versions) <= 1, f"{partition} mixes versions {versions}"
        version = next(iter(versions), None)
        assert version is None or len(values) == counts[version], f"{partition}: partial graph"
        found[partition] = version
    return found


def _half_built(root: Path, partition: str) -> bool:
    """A version folder newer than the live one: the kill came while it was being built."""
    def number(name: str) -> int:
        return int(name.rsplit(".v", 1)[1])
    live = number((root / partition).resolve().name)
    return any(number(p.name) > live for p in root.glob(f"{partition}.v*"))


@pytest.mark.slow
def test_kill_9_during_a_streamed_ingest_leaves_the_old_or_the_new_graph(tmp_path: Path) -> None:
    doc, root = tmp_path / "big.nq", tmp_path / "store"
    counts = {0: _write_version(doc, 0)}
    command = [*INNOGRAPH, "ingest", str(doc), "--store", str(root), "--no-progress"]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    rng = random.Random(20261204)
    killed_while_building = 0
    for version in range(1, 5):
        counts[version] = _write_version(doc, version)
        before = _versions_in(root, counts)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        with contextlib.suppress(ProcessLookupError):  # it may have finished first
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = _versions_in(root, counts)  # asserts: one whole version per partition
        for partition, found in after.items():
            assert found in {before[partition], version}
        assert after["public"] != version or after["full"] == version  # full is swapped first
        killed_while_building += any(_half_built(root, p) for p in ("public", "full"))
    assert killed_while_building > 0, "no kill landed while a version was being built: the test proved nothing"
    subprocess.run(command, check=True, capture_output=True, timeout=600)  # and the next ingest converges
    assert _versions_in(root, counts) == {"public": 4, "full": 4}

