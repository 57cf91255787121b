"""The per-document write of the embedded store: a replacement written as its difference
(store/graph_replace.py), write stores kept open between writes and released when idle, and a
document committed without a flush surviving a kill -9 in both partitions."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import IRIS
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store, Triple

from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore
from innograph.store.graph_replace import replace_graphs

LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
A, B, C = (NamedNode(f"urn:x:{n}") for n in "abc")
DOC, OTHER, LOG = "urn:g:doc", "urn:g:other", "urn:g:log"


def label(thing: NamedNode, text: str) -> Triple:
    return Triple(thing, LABEL, Literal(text, language="en"))


def graph(store: Store, name: str) -> set[Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(name))}


def in_graph(triple: Triple, name: str) -> Quad:
    return Quad(triple.subject, triple.predicate, triple.object, NamedNode(name))


def seeded(tmp_path: Path, doc: list[Triple]) -> Store:
    store = Store(str(tmp_path / "raw"))
    store.extend([in_graph(t, DOC) for t in doc] + [in_graph(label(C, "other"), OTHER),
                                                    in_graph(label(C, "first entry"), LOG)])
    return store


def test_a_replacement_keeps_the_new_statements_exactly_and_adds_to_graphs_not_replaced(tmp_path: Path) -> None:
    store = seeded(tmp_path, [label(A, "kept"), label(A, "gone"), label(B, "gone too")])
    new = [label(A, "kept"), label(B, "new"), label(B, "new")]  # a repeated statement is one quad
    replace_graphs(store, [DOC], {DOC: new, LOG: [label(C, "second entry")]})
    assert graph(store, DOC) == {label(A, "kept"), label(B, "new")}
    assert graph(store, LOG) == {label(C, "first entry"), label(C, "second entry")}
    assert graph(store, OTHER) == {label(C, "other")}


def test_a_replaced_graph_with_nothing_given_is_emptied(tmp_path: Path) -> None:
    store = seeded(tmp_path, [label(A, "old")])
    replace_graphs(store, [DOC], {})
    assert graph(store, DOC) == set()
    assert graph(store, OTHER) == {label(C, "other")}


def test_old_blank_nodes_are_dropped_with_their_graph(tmp_path: Path) -> None:
    node = BlankNode("b1")
    store = seeded(tmp_path, [Triple(A, LABEL, node), Triple(node, LABEL, Literal("inner")), label(A, "kept")])
    replace_graphs(store, [DOC], {DOC: [label(A, "kept"), label(B, "new")]})
    assert graph(store, DOC) == {label(A, "kept"), label(B, "new")}


def test_a_new_graph_is_written_as_given(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "raw"))
    replace_graphs(store, [DOC], {DOC: [label(A, "one"), label(B, "two")]})
    assert graph(store, DOC) == {label(A, "one"), label(B, "two")}


def doc(version: str) -> DocumentWrite:
    return DocumentWrite(graph=DOC, content_hash=f"sha256:{version}", public=[label(A, version), label(B, "same")],
                         personal_graph=DOC + "/personal", personal=[label(C, f"person {version}")])


def contents(root: Path, partition: str) -> set[Triple]:
    store = Store.read_only(str((root / partition).resolve()))
    return {q.triple for q in store.quads_for_pattern(None, None, None, None)}


def test_rewriting_a_document_replaces_it_in_both_partitions(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1)
    fingerprint = NamedNode(IRIS.term("fingerprint"))
    try:
        store.write_document(doc("v1"))
        store.write_document(doc("v2"))
    finally:
        store.close()
    public = {label(A, "v2"), label(B, "same"), Triple(NamedNode(DOC), fingerprint, Literal("sha256:v2"))}
    assert contents(tmp_path / "store", "public") == public
    assert contents(tmp_path / "store", "full") == public | {label(C, "person v2")}


@pytest.mark.slow  # several seconds of store writes or a real process
def test_an_idle_writer_lets_another_writer_in(tmp_path: Path) -> None:
    """The first store keeps its write stores open after a write; once idle it releases them, so
    a second store (another writer: RocksDB's lock) gets in without the first being closed."""
    first = EmbeddedStore(tmp_path / "store", IRIS, workers=1)
    second = EmbeddedStore(tmp_path / "store", IRIS, workers=1, lock_wait=60)
    try:
        first.write_document(doc("v1"))
        second.write_document(doc("v2"))  # waits for the first one's lingering writers
    finally:
        second.close()
        first.close()
    assert label(A, "v2") in contents(tmp_path / "store", "public")


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from conftest import IRIS
    from test_ingest_bulk_writes import doc
    from innograph.store.embedded import EmbeddedStore
    store = EmbeddedStore(Path({root!r}), IRIS, workers=1)
    store.write_document(doc("v1"))
    store.write_document(doc("v2"))
    print("written", flush=True)
    time.sleep(600)
""")


@pytest.mark.slow
def test_a_document_written_without_a_flush_survives_kill_9(tmp_path: Path) -> None:
    root = tmp_path / "store"
    script = WRITER.format(tests=str(Path(__file__).parent), root=str(root))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "written\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert label(A, "v2") in contents(root, "public") and label(A, "v1") not in contents(root, "public")
    assert label(C, "person v2") in contents(root, "full") and label(C, "person v1") not in contents(root, "full")
