"""What the harvest tests share: running the real command in-process, reading the store after it."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from innograph import cli
from innograph.harvest.pages import doc_id_for_url
from innograph.iris import Iris
from innograph.store.embedded import EmbeddedStore

BASE = "https://w3id.org/innograph/"
IRIS = Iris(BASE)
# fast and permissive for the local site: no politeness delay, loopback allowed, short timeouts
TEST_ENV = {
    "INNOGRAPH_HARVEST_CONTACT": "harvest-tests@example.org",
    "INNOGRAPH_HARVEST_DELAY": "0",
    "INNOGRAPH_HARVEST_ALLOW_NETWORKS": "127.0.0.1/32",
    "INNOGRAPH_HARVEST_READ_TIMEOUT": "1",
    "INNOGRAPH_HARVEST_MAX_BYTES": "200000",
    "INNOGRAPH_HARVEST_MAX_RETRY_AFTER": "5",
}


def set_env(monkeypatch: pytest.MonkeyPatch, **overrides: str) -> None:
    """The test settings (``TEST_ENV``), with ``overrides``, for the rest of the test."""
    for name, value in {**TEST_ENV, **overrides}.items():
        monkeypatch.setenv(name, value)


def run_harvest(store: Path, *args: str) -> tuple[int, str]:
    """``innograph harvest --store STORE ARGS`` in this process; returns (exit code, stdout)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["harvest", "--store", str(store), "--jobs", "1", "--no-progress", *args])
    return code, out.getvalue()


def graph_of(url: str) -> str:
    return IRIS.graph(doc_id_for_url(url))


@contextmanager
def opened(store_dir: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(store_dir, IRIS, workers=1)
    try:
        yield store
    finally:
        store.close()


def graphs(store_dir: Path) -> set[str]:
    with opened(store_dir) as store, store.snapshot() as view:
        return {row["g"].value for row in view.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}


def literals_in(store_dir: Path, graph: str) -> list[str]:
    with opened(store_dir) as store, store.snapshot() as view:
        rows = view.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o)) } }", {"g": _node(graph)})
        return [row["o"].value for row in rows]


def objects(store_dir: Path, graph: str, predicate: str, subject: str | None = None) -> list[str]:
    """Values of ``predicate`` in ``graph`` (of ``subject`` only, when given), sorted."""
    with opened(store_dir) as store, store.snapshot() as view:
        rows = view.select("SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": _node(graph), "p": _node(predicate)})
        return sorted(row["o"].value for row in rows if subject is None or row["s"].value == subject)


def change_events(store_dir: Path, graph: str) -> list[str]:
    """The change log's types of change of one graph, oldest first."""
    query = ("SELECT ?type ?when WHERE { GRAPH ?log { ?e ?changed ?g ; ?typed ?type ; ?modified ?when } } "
             "ORDER BY ?when")
    with opened(store_dir) as store, store.snapshot() as view:
        rows = view.select(query, {"log": _node(IRIS.graph("changes")), "g": _node(graph),
                                   "changed": _node(IRIS.term("changedGraph")),
                                   "typed": _node(IRIS.term("changeType")),
                                   "modified": _node("http://purl.org/dc/terms/modified")})
        return [row["type"].value for row in rows]


def _node(iri: str) -> NamedNode:
    return NamedNode(iri)
