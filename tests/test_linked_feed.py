"""The LDES change feed: a harvester replays it from an empty store and gets the same public
document graphs; it then stays in sync by polling the newest page; no personal data in it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from innograph.server.linked import feed
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse
from test_linked_support import SECRETS, LinkedServer, delete_document, linked_server, write_document

TREE = "https://w3id.org/tree#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
AS_DELETE = "https://www.w3.org/ns/activitystreams#Delete"


@contextmanager
def feed_server(store_dir: Path) -> Iterator[LinkedServer]:
    with pytest.MonkeyPatch.context() as patch, linked_server(store_dir) as server:
        patch.setattr(feed, "PAGE_SIZE", 2)  # several pages from a handful of documents
        with server.store.writing():  # one write session for the batch (each write stays atomic)
            for n, key in enumerate(("c", "d", "e")):
                write_document(server.store, server.iris, f"doc-{key}", [f"org-{key}", "alpha"],
                               title=f"Report {n}", lang="en")
            write_document(server.store, server.iris, "doc-a", ["alpha", "delta"], title="Rapport révisé",
                           change="updated")
            delete_document(server.store, server.iris, "doc-b")
        yield server


@pytest.fixture(scope="module")
def ld(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LinkedServer]:
    """Shared by the tests that only read the feed."""
    with feed_server(tmp_path_factory.mktemp("feed") / "store") as server:
        yield server


class Harvester:
    """Follows tree:relation links and applies members (version objects) to its own store."""

    def __init__(self, ld: LinkedServer) -> None:
        self.ld = ld
        self.mirror = Store()
        self.done: set[str] = set()
        self.pages: list[str] = []
        self.bodies: list[str] = []

    def fetch(self, url: str) -> list[Quad]:
        with self.ld.client() as c:
            r = c.get(url, headers={"Accept": "application/trig"})
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("application/trig")
        self.bodies.append(r.text)
        return list(parse(r.content, format=RdfFormat.TRIG, base_iri=url))

    def crawl(self, start: str) -> None:
        queue, seen = [start], set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            quads = self.fetch(url)
            if url != feed.feed_iri(self.ld.iris):
                self.pages.append(url)
            queue += [q.object.value for q in quads if q.predicate.value == TREE + "node"]
            self.apply(quads)

    def apply(self, quads: list[Quad]) -> None:
        default = [q for q in quads if isinstance(q.graph_name, DefaultGraph)]
        members = {q.object.value for q in default if q.predicate.value == TREE + "member"}

        def value(subject: str, predicate: str) -> str | None:
            return next((q.object.value for q in default
                         if q.subject.value == subject and q.predicate.value == predicate), None)

        for member in sorted(members, key=lambda m: (value(m, DCT + "modified") or "", m)):
            if member in self.done:
                continue
            self.done.add(member)
            graph = NamedNode(value(member, DCT + "isVersionOf") or "")
            self.mirror.remove_graph(graph) if self.mirror.contains_named_graph(graph) else None
            deleted = any(q.subject.value == member and q.object.value == AS_DELETE for q in default)
            if not deleted:
                for q in quads:
                    if q.graph_name == NamedNode(member):
                        self.mirror.add(Quad(q.subject, q.predicate, q.object, graph))


def document_graphs(store: Store, ld: LinkedServer) -> list[str]:
    skip = {ld.iris.reference_graph, ld.iris.graph("changes"), ld.iris.ontology_graph}
    return sorted(str(q) for q in store if isinstance(q.graph_name, NamedNode) and q.graph_name.value not in skip)


def served(ld: LinkedServer) -> list[str]:
    with ld.store.snapshot("public") as view:
        return document_graphs(view, ld)


def test_replaying_the_feed_from_an_empty_store_gives_the_public_graphs(ld: LinkedServer) -> None:
    harvester = Harvester(ld)
    harvester.crawl(feed.feed_iri(ld.iris))
    # the latest change of doc-a..doc-e (doc-a updated, doc-b deleted): 5 members, 2 per page
    assert (len(harvester.done), len(harvester.pages)) == (5, 3)
    replayed = document_graphs(harvester.mirror, ld)
    assert replayed and replayed == served(ld)
    assert not any(ld.iris.graph("doc-b") in q for q in replayed)  # the deletion was replayed
    for body in harvester.bodies:
        assert not any(secret in body for secret in SECRETS) and "/personal" not in body


@pytest.mark.slow  # a store of its own, written twice
def test_polling_the_newest_page_keeps_a_mirror_in_sync(tmp_path: Path) -> None:
    with feed_server(tmp_path / "store") as ld:
        poll_after_changes(ld)


def poll_after_changes(ld: LinkedServer) -> None:
    harvester = Harvester(ld)
    harvester.crawl(feed.feed_iri(ld.iris))
    newest = harvester.pages[-1]
    with ld.store.writing():
        write_document(ld.store, ld.iris, "doc-f", ["org-f"], title="New", lang="en")
        write_document(ld.store, ld.iris, "doc-c", ["org-c"], title="Report 0 (second edition)", lang="en",
                       change="updated")
        delete_document(ld.store, ld.iris, "doc-d")
    harvester.crawl(newest)  # re-reading the remembered page finds the relation to the new ones
    assert document_graphs(harvester.mirror, ld) == served(ld)


def test_feed_structure_retention_and_cache_headers(ld: LinkedServer) -> None:
    with ld.client() as c:
        root = c.get("/feed", headers={"Accept": "application/trig"})
        quads = list(parse(root.content, format=RdfFormat.TRIG))
        first = next(q.object.value for q in quads if q.predicate.value == TREE + "node")
        page = c.get(first, headers={"Accept": "application/n-quads"})
        html = c.get("/feed", headers={"Accept": "text/html"})
        turtle = c.get("/feed", headers={"Accept": "text/turtle"})
        bad = c.get("/feed?from=yesterday", headers={"Accept": "application/trig"})
    predicates = {q.predicate.value for q in quads}
    types = {q.object.value for q in quads if q.predicate.value == RDF_TYPE}
    assert "https://w3id.org/ldes#EventStream" in types and "https://w3id.org/ldes#LatestVersionSubset" in types
    assert {"https://w3id.org/ldes#timestampPath", "https://w3id.org/ldes#versionOfPath"} <= predicates
    assert page.status_code == 200 and "max-age=3600" in page.headers["cache-control"]  # a closed page
    assert "max-age=60" in root.headers["cache-control"]
    assert html.status_code == 200 and turtle.status_code == 406 and bad.status_code == 400
    members = {q.subject.value for q in parse(page.content, format=RdfFormat.N_QUADS)
               if q.predicate.value == DCT + "isVersionOf"}
    assert len(members) == 2 and all(m.startswith(ld.base + "id/change/") for m in members)
