"""How project evidence weighs in the ranking, and which owl:sameAs merges candidates, on a small
hand-written graph in a real store: a theme on N projects counts more than on one, up to the cap
(weights.PROJECT_THEME_CAP); only the sameAs of the resolution graph makes two IRIs one candidate,
and an update that adds or removes that link gives the index a full build gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from innograph.imports.resolve import Resolution, write_resolution
from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.partners.build import build, build_state, update
from innograph.partners.holder import IndexHolder
from innograph.partners.rank import PartnerQuery, rank
from innograph.partners.weights import project_theme_weight
from innograph.store import DocumentWrite
from innograph.store.embedded import EmbeddedStore

IRIS = Iris("https://w3id.org/innograph/")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
ENERGY = IRIS.entity("theme", "energy")
DCAT_DATASET = "http://www.w3.org/ns/dcat#Dataset"
HAS_PART = "http://purl.org/dc/terms/hasPart"
# organisation -> how many energy projects it took part in (all in NL; the seeker is in FR)
PROJECT_COUNTS = {"one": 1, "three": 3, "five": 5, "twelve": 12}


def _t(s: str, p: str, o: str | Literal) -> Triple:
    return Triple(NamedNode(s), NamedNode(p), o if isinstance(o, Literal) else NamedNode(o))


def org(key: str) -> str:
    return IRIS.entity("organisation", key)


def organisation(key: str, label: str, country: str) -> list[Triple]:
    return [_t(org(key), RDF_TYPE, IRIS.term("Organisation")), _t(org(key), RDFS_LABEL, Literal(label, language="en")),
            _t(org(key), IRIS.term("country"), IRIS.entity("country", country))]


def projects(key: str, count: int) -> list[Triple]:
    triples = organisation(key, f"Lab {key}", "NL")
    for n in range(count):
        project, role = IRIS.entity("project", f"{key}-{n}"), IRIS.entity("role", f"{key}-{n}")
        triples += [_t(project, RDF_TYPE, IRIS.term("Project")), _t(project, IRIS.term("theme"), ENERGY),
                    _t(role, IRIS.term("agent"), org(key)), _t(role, IRIS.term("roleIn"), project)]
    return triples


def write(store: EmbeddedStore, name: str, triples: list[Triple]) -> str:
    graph = IRIS.graph(name)
    store.write_document(DocumentWrite(graph=graph, content_hash=f"sha256:{name}-{hash(tuple(triples))}",
                                       public=triples))
    return graph


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    with opened.writing():
        for key, count in PROJECT_COUNTS.items():
            write(opened, f"doc-{key}", projects(key, count))
    yield opened
    opened.close()


def test_the_weight_grows_with_projects_up_to_the_cap() -> None:
    assert [round(project_theme_weight(n), 3) for n in (1, 2, 3, 4, 5, 12)] == [0.8, 0.85, 0.9, 0.95, 1.0, 1.0]


def test_more_projects_rank_higher_and_the_cap_levels_a_large_organisation(store: EmbeddedStore) -> None:
    answer = rank(build(store, IRIS), PartnerQuery(themes=[ENERGY], country="FR"))
    assert [(r["label"], r["parts"]["themes"], r["matched_themes"][0]["project_count"]) for r in answer["results"]] == [
        ("Lab five", 0.5, 5),  # the cap: five projects weigh as much as twelve, ties go by IRI
        ("Lab twelve", 0.5, 12),
        ("Lab three", 0.45, 3),
        ("Lab one", 0.4, 1),
    ]


def test_only_the_resolution_graph_merges_candidates(store: EmbeddedStore) -> None:
    """A page's own owl:sameAs does not merge two candidates; the same link written by resolution
    does, and the group shows the themes, labels and projects of both; taking the link away splits
    it again. Each state, followed incrementally, equals a full build."""
    write(store, "doc-twin", [*organisation("twin", "Twin Lab", "NL"), _t(org("twin"), IRIS.term("theme"), ENERGY)])
    state = build_state(store, IRIS).state
    page_link = write(store, "doc-page-link", [_t(org("twin"), SAME_AS, org("one"))])
    query = PartnerQuery(themes=[ENERGY], country="FR")

    def followed(*graphs: str) -> dict:
        with store.snapshot("public") as view:
            index = update(state, view, graphs, store.generation())
        answer = rank(index, query)
        assert answer == rank(build(store, IRIS), query)
        return answer

    assert len(followed(page_link)["results"]) == 5
    links = [_t(org("one"), SAME_AS, org("twin")), _t(org("twin"), SAME_AS, org("one"))]
    resolution = write(store, "resolution", links)
    merged = followed(resolution)
    [group] = [r for r in merged["results"] if r["same_as"]]
    assert (group["iri"], group["same_as"], group["label"]) == (org("one"), [org("one"), org("twin")], "Lab one")
    assert (group["parts"]["themes"], group["matched_themes"][0]["project_count"]) == (0.5, 1)  # Twin Lab's own theme
    assert len(merged["results"]) == 4
    store.remove_graphs([resolution])
    assert len(followed(resolution)["results"]) == 5


def test_the_holder_follows_a_resolution_without_a_full_build(store: EmbeddedStore) -> None:
    """`innograph resolve` logs its graph like an import: the index follows the new group from the
    change log (no full rebuild) and answers as a full build does."""
    holder = IndexHolder(store, IRIS, follow=False)
    assert len(holder.get()) == 4
    write_resolution(store, IRIS, Resolution(groups=[[org("one"), org("three")]]))
    followed = holder.get()
    assert (len(followed), holder.full_builds) == (3, 1)
    query = PartnerQuery(themes=[ENERGY], country="FR")
    assert rank(followed, query) == rank(build(store, IRIS), query)
    assert [r["same_as"] for r in rank(followed, query)["results"]] == [[], [], [org("one"), org("three")]]


def _logged(store: EmbeddedStore, graph: str, triples: list[Triple]) -> None:
    fingerprint = f"{IMPORT_FINGERPRINT_PREFIX}sha256:{abs(hash(tuple(triples)))}"
    store.write_document(DocumentWrite(graph=graph, content_hash=fingerprint, public=triples,
                                       extra_graph=IRIS.graph("changes"),
                                       extra_public=change_log(IRIS, graph, "updated", fingerprint)))


def test_the_index_reads_only_the_shards_a_manifest_lists(store: EmbeddedStore) -> None:
    """An import writes its shards, then the manifest that lists them (the switch): followed from
    the change log, the index shows neither a shard before it is listed nor one no longer listed."""
    manifest = IRIS.graph("import/test-ds")
    dataset = IRIS.entity("dataset", "test-ds")
    shard_1, shard_2 = manifest + "/001-of-001-aaaa", manifest + "/001-of-001-bbbb"
    holder = IndexHolder(store, IRIS, follow=False)
    query = PartnerQuery(themes=[ENERGY], country="FR")

    def labels() -> list[str]:
        answer = rank(holder.get(), query)
        assert answer == rank(build(store, IRIS), query)
        return sorted(r["label"] for r in answer["results"])

    before = labels()
    _logged(store, shard_1, projects("imported", 1))
    assert labels() == before  # written, not yet listed
    _logged(store, manifest, [_t(dataset, RDF_TYPE, DCAT_DATASET), _t(dataset, HAS_PART, shard_1)])
    assert labels() == sorted([*before, "Lab imported"])
    _logged(store, shard_2, projects("reimported", 1))
    _logged(store, manifest, [_t(dataset, RDF_TYPE, DCAT_DATASET), _t(dataset, HAS_PART, shard_2)])
    assert labels() == sorted([*before, "Lab reimported"])  # shard_1 is still in the store, no longer listed
    assert holder.full_builds == 1
