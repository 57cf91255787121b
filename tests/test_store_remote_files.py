"""A large RDF file into a remote store (``oxigraph serve`` and Virtuoso): streamed in chunks into
a staging graph, then swapped in by one update per partition; never one request per statement,
never the whole file in one request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import IRIS
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse

from innograph.ingest import ingest
from innograph.partners.synthetic import generate
from innograph.sparql_text import term
from innograph.store import DocumentWrite
from innograph.store.base import FileWrite, InvalidFile

pytestmark = pytest.mark.slow
REMOTES = [pytest.param("remote", marks=pytest.mark.remote), pytest.param("virtuoso", marks=pytest.mark.virtuoso)]
GRAPH = IRIS.graph("dump")
CHANGES = IRIS.graph("changes")
SOURCE = Triple(NamedNode(GRAPH), NamedNode(IRIS.term("sourceDocument")), NamedNode(IRIS.document("dump")))
P = NamedNode("http://e/p")
Q = NamedNode("http://e/q")


def file_write(path: Path, fingerprint: str = "sha256:file") -> FileWrite:
    return FileWrite(graph=GRAPH, content_hash=fingerprint, path=path, format=RdfFormat.N_TRIPLES,
                     base_iri=IRIS.document("dump"), public=[SOURCE], personal_graph=IRIS.personal_graph("dump"),
                     extra_graph=CHANGES, extra_public=[Triple(NamedNode(GRAPH), P, Literal("changed"))])


def numbered_file(path: Path, count: int) -> list[Triple]:
    """``count`` statements; the first and the last have the same blank node as subject."""
    node = BlankNode("shared")
    triples = [Triple(node, P, Literal("first"))]
    triples += [Triple(NamedNode(f"http://e/s{i}"), P, Literal(i)) for i in range(1, count - 1)]
    triples.append(Triple(node, Q, Literal("last")))
    path.write_text("".join(f"{t} .\n" for t in triples))
    return triples


def graph_of(store: Any, partition: str, graph: str) -> set[Triple]:
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)},
                        partition=partition)
    return {Triple(r["s"], r["p"], r["o"]) for r in rows}


def named_graphs(store: Any, partition: str) -> set[str]:
    return {r["g"].value for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                               partition=partition)}


def counting_stages(store: Any) -> list[tuple[str, int]]:
    """The staging requests the store sends, as (partition, statements), recorded on the way."""
    sent: list[tuple[str, int]] = []
    send = store._append_stage

    def recorded(partition: str, stage: str, triples: list[Triple]) -> None:
        sent.append((partition, len(triples)))
        send(partition, stage, triples)

    store._append_stage = recorded
    return sent


def old_document(store: Any) -> None:
    store.write_document(DocumentWrite(
        graph=GRAPH, content_hash="sha256:old", public=[Triple(NamedNode("http://e/old"), P, Literal("old"))],
        personal_graph=IRIS.personal_graph("dump"),
        personal=[Triple(NamedNode("http://e/person"), P, Literal("someone@example.org"))]))


@pytest.mark.parametrize("any_store", REMOTES, indirect=True)
def test_a_file_is_staged_in_chunks_and_swapped_in_whole(any_store: Any, tmp_path: Path) -> None:
    store = any_store
    old_document(store)
    store.stage_triples = 10
    sent = counting_stages(store)
    triples = numbered_file(tmp_path / "dump.nt", 25)
    assert store.write_document_file(file_write(tmp_path / "dump.nt")) == 25
    assert sent == [("full", 10), ("public", 10), ("full", 10), ("public", 10), ("full", 5), ("public", 5)]
    skolem = NamedNode(f"{IRIS.base}.well-known/genid/")
    public = graph_of(store, "public", GRAPH)
    shared = {t.subject for t in public if t.subject.value.startswith(skolem.value)}
    assert len(shared) == 1  # one blank node across chunks stays one node (a Skolem IRI)
    (node,) = shared
    expected = {Triple(node, P, Literal("first")), Triple(node, Q, Literal("last")), SOURCE,
                Triple(NamedNode(GRAPH), NamedNode(IRIS.term("fingerprint")), term("sha256:file"))}
    expected |= set(triples[1:-1])
    assert public == expected
    assert graph_of(store, "full", GRAPH) == expected
    assert named_graphs(store, "full") == {GRAPH}  # the personal graph of the old version is gone
    assert named_graphs(store, "public") == {GRAPH, CHANGES}  # no staging graph left
    assert graph_of(store, "public", CHANGES) == {Triple(NamedNode(GRAPH), P, Literal("changed"))}


@pytest.mark.parametrize("any_store", REMOTES, indirect=True)
def test_a_broken_file_leaves_the_old_graph_and_no_staging_graph(any_store: Any, tmp_path: Path) -> None:
    store = any_store
    old_document(store)
    store.stage_triples = 10
    path = tmp_path / "broken.nt"
    numbered_file(path, 25)
    path.write_text(path.read_text() + "<http://e/s> <http://e/p> 'not N-Triples' .\n")
    with pytest.raises(InvalidFile):
        store.write_document_file(file_write(path))
    assert graph_of(store, "public", GRAPH) == {
        Triple(NamedNode("http://e/old"), P, Literal("old")),
        Triple(NamedNode(GRAPH), NamedNode(IRIS.term("fingerprint")), term("sha256:old"))}
    assert named_graphs(store, "full") == {GRAPH, IRIS.personal_graph("dump")}
    assert named_graphs(store, "public") == {GRAPH}


@pytest.mark.parametrize("any_store", REMOTES, indirect=True)
def test_ingest_streams_a_large_dump_into_one_graph_as_on_the_embedded_store(any_store: Any, tmp_path: Path) -> None:
    store = any_store
    dump = tmp_path / "dump.nq"
    generate(dump, 300, IRIS)  # ~4,000 quads
    statements = {Triple(q.subject, q.predicate, q.object) for q in parse(path=str(dump), format=RdfFormat.N_QUADS)}
    report = ingest([dump], store, IRIS, bulk_from=1)
    assert (report.written, report.failed) == (1, [])
    loaded = graph_of(store, "public", GRAPH)
    assert loaded - statements == {SOURCE, Triple(NamedNode(GRAPH), NamedNode(IRIS.term("fingerprint")),
                                                  term(store.graph_hashes()[GRAPH]))}
    assert statements - loaded == set()
