"""The partner index follows the graph: after each add, change or removal of a document (written
with its change-log entry, as ingest writes it), the index the holder updated from the log answers
exactly as one built from scratch, and the holder never read the whole graph again.

The graph is the hand-written one of test_partners_edges.py (regions, programmes, roles); the
steps below move an organisation, give it a theme, rewrite a project's team, take an organisation
away (while a project still names it) and bring it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS
from pyoxigraph import Literal, NamedNode, Triple
from test_partners_edges import AI, edge_graph, org

from innograph.ingest import change_log
from innograph.partners.build import build
from innograph.partners.holder import IndexHolder
from innograph.partners.index import PartnerIndex
from innograph.partners.rank import PartnerQuery, rank
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
GREEN = IRIS.entity("theme", "green-transition")
NORTH_SEA = IRIS.entity("programme", "interreg-north-sea-test")

QUERIES = [
    PartnerQuery(themes=[AI], country="FR"),
    PartnerQuery(themes=[AI], country="DK", same_country=True),
    PartnerQuery(org=org("caen-agency")),
    PartnerQuery(org=org("odense-firm"), programme=NORTH_SEA),
    PartnerQuery(themes=[GREEN], country="NL", lang="fr"),
    PartnerQuery(q="artificial intelligence green", country="BE", types=["Company", "ResearchOrganisation"]),
    PartnerQuery(themes=[AI], country="FR", limit=2, offset=1),
]


def _t(s: str, p: str, o: str | Literal) -> Triple:
    return Triple(NamedNode(s), NamedNode(p), o if isinstance(o, Literal) else NamedNode(o))


def organisation(key: str, label: str, region: str, org_type: str, *themes: str) -> list[Triple]:
    return [
        _t(org(key), RDF_TYPE, IRIS.term(org_type)),
        _t(org(key), RDFS_LABEL, Literal(label, language="en")),
        _t(org(key), IRIS.term("region"), IRIS.entity("region", region)),
        *(_t(org(key), IRIS.term("theme"), theme) for theme in themes),
    ]


def project(key: str, label: str, members: list[str], *themes: str) -> list[Triple]:
    p = IRIS.entity("project", key)
    triples = [_t(p, RDF_TYPE, IRIS.term("Project")), _t(p, RDFS_LABEL, Literal(label, language="en")),
               _t(p, IRIS.term("programme"), NORTH_SEA), *(_t(p, IRIS.term("theme"), t) for t in themes)]
    for n, member in enumerate(members):
        role = f"{IRIS.graph(f'doc-{key}')}/role/{n}"
        triples += [_t(role, IRIS.term("agent"), org(member)), _t(role, IRIS.term("roleIn"), p),
                    _t(role, IRIS.term("roleType"), IRIS.entity("role-type", "partner"))]
    return triples


def write(store: EmbeddedStore, doc: str, triples: list[Triple]) -> None:
    graph = IRIS.graph(doc)
    fp = f"sha256:{doc}-{len(triples)}-{hash(tuple(triples))}"
    store.write_document(DocumentWrite(graph=graph, content_hash=fp, public=triples,
                                       extra_graph=IRIS.graph("changes"),
                                       extra_public=change_log(IRIS, graph, "updated", fp)))


def remove(store: EmbeddedStore, doc: str) -> None:
    graph = IRIS.graph(doc)
    store.remove_graphs([graph], log_graph=IRIS.graph("changes"), log=change_log(IRIS, graph, "deleted", "-"))


STEPS = {
    "a new organisation": lambda s: write(s, "doc-ghent-lab", organisation(
        "ghent-lab", "Ghent Lab", "BE21", "ResearchOrganisation", AI, GREEN)),
    "an organisation moves and changes theme": lambda s: write(s, "doc-rouen-lab", organisation(
        "rouen-lab", "Rouen Lab", "NL11", "Company", GREEN)),
    "a project with themes and a new team": lambda s: write(s, "doc-north-sea-ai", project(
        "north-sea-ai", "North Sea AI", ["caen-agency", "rouen-lab", "ghent-lab"], GREEN)),
    "an organisation is removed while a project names it": lambda s: remove(s, "doc-ghent-lab"),
    "a new project document": lambda s: write(s, "doc-green-sea", project(
        "green-sea", "Green Sea", ["antwerp-lab", "odense-firm", "ghent-lab"], AI)),
    "the organisation comes back": lambda s: write(s, "doc-ghent-lab", organisation(
        "ghent-lab", "Ghent Lab", "BE21", "Company", AI)),
    "a project document is removed": lambda s: remove(s, "doc-baltic-data"),
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    with store.writing():
        for first in edge_graph():
            store.write_document(first)
    yield store
    store.close()


def answers(index: PartnerIndex) -> list[dict]:
    return [rank(index, q) for q in QUERIES]


@pytest.mark.slow  # several seconds of store writes or a real process
def test_updates_from_the_change_log_equal_a_full_build(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS, follow=False)
    holder.get()
    for step, change in STEPS.items():
        change(store)
        followed = holder.get()
        assert followed.generation == store.generation(), step
        assert answers(followed) == answers(build(store, IRIS)), step
        assert len(followed) == len(build(store, IRIS)), step
    assert holder.full_builds == 1


def test_each_step_changes_the_answers(store: EmbeddedStore) -> None:
    """The steps are not idle: each one changes what some query answers."""
    holder = IndexHolder(store, IRIS, follow=False)
    before = answers(holder.get())
    for step, change in STEPS.items():
        change(store)
        after = answers(holder.get())
        assert after != before, step
        before = after


def test_an_organisation_removed_is_gone_from_answers_and_look_ups(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS, follow=False)
    STEPS["a new organisation"](store)
    assert org("ghent-lab") in holder.get().pos
    remove(store, "doc-ghent-lab")
    index = holder.get()
    assert org("ghent-lab") not in index.pos
    assert all(r["iri"] != org("ghent-lab") for a in answers(index) for r in a["results"])


def test_a_write_the_log_does_not_explain_rebuilds_the_whole_index(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS, follow=False)
    holder.get()
    store.update(f"INSERT DATA {{ GRAPH <{IRIS.graph('doc-notes')}> "
                 f"{{ <{org('note-org')}> a <{IRIS.term('Company')}> }} }}", partition="public")
    index = holder.get()
    assert holder.full_builds == 2
    assert org("note-org") in index.pos
    assert answers(index) == answers(build(store, IRIS))


def test_the_follower_applies_a_change_without_a_request(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS)
    first = holder.get()
    STEPS["a new organisation"](store)
    generation = store.generation()
    for _ in range(100):  # the follower polls every 0.2 s
        index = holder._index
        if index is not None and index.generation == generation:
            break
        holder._stop.wait(0.1)
    holder.stop()
    assert index is not first and index is not None and org("ghent-lab") in index.pos
    assert holder.full_builds == 1
