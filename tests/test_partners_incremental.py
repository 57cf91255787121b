"""An index updated change by change equals a fresh build of the same store, field by field.

test_partners_follow.py compares ranking answers; here the whole published index is compared, with
organisation numbers replaced by IRIs (an updated index numbers organisations in order of first
appearance, a fresh one in one sorted batch; an organisation that left keeps its number but is
absent). The store is a small synthetic graph (``innograph.partners.synthetic``: evidence, keywords,
projects with roles and programmes) changed as ingest changes it: documents rewritten with their
change-log entry, deleted, an organisation moving country, a theme that disappears from the graph.
The index is published with copy-on-write maps (``index_maps.py``), so each step also checks that
an index published earlier did not change.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import IRIS
from pyoxigraph import NamedNode, RdfFormat, Triple
from test_partners_follow import remove as remove_document
from test_partners_follow import write

from innograph.partners.build import build
from innograph.partners.holder import IndexHolder
from innograph.partners.index import PartnerIndex
from innograph.partners.synthetic import generate
from innograph.store.embedded import EmbeddedStore

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
IG = IRIS.vocab
# Encodings, not content: numbers (orgs, iri_rank: compared through IRIs) and country numbers
# (country_codes: each organisation's country is compared as a code).
NOT_COMPARED = {"iris", "generation", "build_seconds", "_masks", "_search", "scheme", "matcher", "orgs", "iri_rank",
                "country_codes"}
PER_ORG_ARRAYS = {"present", "country", "role_count", "types_of"}

pytestmark = pytest.mark.slow  # a fresh build after each of seven changes (~10 s on the shared machine)


def canonical(index: PartnerIndex) -> dict[str, Any]:
    """Every field of the index with organisation numbers replaced by IRIs (present ones only for
    the per-organisation arrays), plus the order of the present organisations by ``iri_rank``."""
    iri = index.orgs

    def key(k: Any) -> Any:
        if isinstance(k, int):
            return iri[k]
        if isinstance(k, tuple) and k and isinstance(k[0], int):
            return (iri[k[0]], *k[1:])
        return k

    def value(v: Any) -> Any:
        if isinstance(v, np.ndarray) and v.dtype.kind == "i":
            return sorted(iri[i] for i in v.tolist())
        if isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], np.ndarray):
            return sorted(zip((iri[i] for i in v[0].tolist()), v[1].tolist(), strict=True))
        if isinstance(v, list) and v and all(isinstance(i, int) for i in v):
            return sorted(iri[i] for i in v)
        return v

    out: dict[str, Any] = {}
    for field in dataclasses.fields(PartnerIndex):
        if field.name in NOT_COMPARED:
            continue
        found = getattr(index, field.name)
        if field.name == "country":
            out[field.name] = {s: index.country_of(i) for s, i in index.pos.items()}
        elif field.name in PER_ORG_ARRAYS:
            out[field.name] = {s: value(found[i]) if not isinstance(found, np.ndarray) else found[i].item()
                               for s, i in index.pos.items()}
        elif field.name == "pos":
            out[field.name] = sorted(found)
        elif hasattr(found, "items"):
            out[field.name] = {key(k): value(v) for k, v in found.items()}
        else:
            out[field.name] = found
    out["by_iri_rank"] = sorted(index.pos, key=lambda s: int(index.iri_rank[index.pos[s]]))
    return out


def graph_triples(store: EmbeddedStore, doc: str) -> list[Triple]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{IRIS.graph(doc)}> {{ ?s ?p ?o }} }}")
    return [Triple(r["s"], r["p"], r["o"]) for r in rows]


def rewrite(store: EmbeddedStore, doc: str, change: Callable[[Triple], Triple | None]) -> None:
    """Write ``doc`` again with each triple changed (None: left out)."""
    changed = [c for c in (change(t) for t in graph_triples(store, doc)) if c is not None]
    write(store, doc, changed)


REMOVED: dict[str, list[Triple]] = {}  # what a removed document held, to bring it back


def remove(store: EmbeddedStore, doc: str) -> None:
    REMOVED[doc] = graph_triples(store, doc)
    remove_document(store, doc)


def _t(s: str, p: str, o: str) -> Triple:
    return Triple(NamedNode(s), NamedNode(p), NamedNode(o))


ORG = IRIS.entity("synthetic", "org-30")  # in synthetic-3 (IT)
NEW_ORG = IRIS.entity("synthetic", "org-incremental")
ONLY_THEME = IRIS.entity("theme", "only-in-one-document")


def move_to_denmark(t: Triple) -> Triple | None:
    if t.subject.value == ORG and t.predicate.value == IG + "region":
        return None  # its regions would keep it in Italy
    if t.subject.value == ORG and t.predicate.value == IG + "country":
        return Triple(t.subject, t.predicate, NamedNode(IRIS.entity("country", "DK")))
    return t


def drop_only_theme(t: Triple) -> Triple | None:
    return None if t.object.value == ONLY_THEME else t


def no_longer_an_organisation(t: Triple) -> Triple | None:
    first = IRIS.entity("synthetic", "org-50")
    if t.subject.value == first and t.predicate.value == RDF_TYPE:
        return _t(first, RDF_TYPE, IG + "Project")
    return t


STEPS: dict[str, Callable[[EmbeddedStore], None]] = {
    "an organisation moves country": lambda s: rewrite(s, "synthetic-3", move_to_denmark),
    "a new organisation with a theme no one else has": lambda s: write(s, "doc-incremental", [
        _t(NEW_ORG, RDF_TYPE, IG + "Company"), _t(NEW_ORG, IG + "country", IRIS.entity("country", "FR")),
        _t(NEW_ORG, IG + "theme", ONLY_THEME), _t(ORG, IG + "theme", ONLY_THEME)]),
    "the theme disappears": lambda s: rewrite(s, "doc-incremental", drop_only_theme),
    "a document is deleted": lambda s: remove(s, "synthetic-7"),
    "an organisation stops being one": lambda s: rewrite(s, "synthetic-5", no_longer_an_organisation),
    "the new organisation's document is deleted": lambda s: remove(s, "doc-incremental"),
    "the deleted document comes back": lambda s: write(s, "synthetic-7", REMOVED["synthetic-7"]),
}


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "graph.nq"
    generate(path, 150, IRIS)
    return path


@pytest.fixture
def store(tmp_path: Path, graph_file: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    store.bulk_load(graph_file, RdfFormat.N_QUADS, partitions=("public",))
    yield store
    store.close()


def test_the_steps_change_the_graph_as_described(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS, follow=False)
    assert holder.get().country_of(holder.get().pos[ORG]) == "IT"
    STEPS["an organisation moves country"](store)
    assert holder.get().country_of(holder.get().pos[ORG]) == "DK"
    STEPS["a new organisation with a theme no one else has"](store)
    assert sorted(holder.get().orgs[i] for i in holder.get().theme_post[ONLY_THEME][0]) == sorted([ORG, NEW_ORG])
    STEPS["the theme disappears"](store)
    assert ONLY_THEME not in holder.get().theme_post
    assert IRIS.entity("synthetic", "org-70") in holder.get().pos
    STEPS["a document is deleted"](store)
    assert IRIS.entity("synthetic", "org-70") not in holder.get().pos
    holder.stop()


def test_each_step_updated_equals_a_fresh_build_and_earlier_indexes_stay_as_published(store: EmbeddedStore) -> None:
    holder = IndexHolder(store, IRIS, follow=False)
    published = [(holder.get(), copy.deepcopy(canonical(holder.get())))]
    for step, change in STEPS.items():
        change(store)
        followed = holder.get()
        assert followed.generation == store.generation(), step
        assert canonical(followed) == canonical(build(store, IRIS)), step
        published.append((followed, copy.deepcopy(canonical(followed))))
    for earlier, as_published in published:
        assert canonical(earlier) == as_published
    assert [canonical(a) != canonical(b) for (a, _x), (b, _y) in itertools.pairwise(published)] == [
        True] * len(STEPS)
    assert holder.full_builds == 1
