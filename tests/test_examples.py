"""Every example query of the query page answers on the bundled corpus.

``data/`` is ingested once into a real embedded store (the real loaders, extraction and store, as
``innograph ingest data`` does), then each ``queries/examples/*.rq`` runs against it through the
store's query workers, as the page's requests do. The queries that walk edges (roles, regions,
programmes) are also checked for what their rows claim, not only for having rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from innograph.queries import Example, examples
from pyoxigraph import NamedNode

from innograph.ingest import ingest
from innograph.iris import Iris
from innograph.store.embedded import EmbeddedStore

IRIS = Iris("https://w3id.org/innograph/")
DATA = Path(__file__).resolve().parent.parent / "data"
IG = "https://w3id.org/innograph/ontology#"
PREFIXES = f"PREFIX ig: <{IG}>\n"

# Examples that are right but find nothing in data/ yet, with what the corpus or the extraction lacks.
# strict: the test fails as soon as one answers, so that its entry is removed.
EXPECTED_EMPTY = {
    "partners-in-another-country": (
        "data/ names no two organisations of one activity located in different countries: AllonI3's "
        "foreign partners are named by country only, and the Eurometropolis platform has one participant"
    ),
}


def example_params() -> list[Any]:
    params = []
    for example in examples():
        reason = EXPECTED_EMPTY.get(example.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(example, id=example.name, marks=marks))
    return params


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("examples") / "store", IRIS, workers=1, timeout=60)
    try:
        report = ingest([DATA], store, IRIS, jobs=1)
        assert report.failed == [] and report.written == len(list(DATA.glob("*.txt")))
        yield store
    finally:
        store.close()


def run(store: EmbeddedStore, example: Example) -> list[Any]:
    body = "\n".join(line for line in example.text.splitlines() if not line.startswith("#")).lstrip()
    if "CONSTRUCT" in body.split("{", 1)[0].upper():
        return list(store.construct(example.text))
    return store.select(example.text)


def by_name(name: str) -> Example:
    return next(e for e in examples() if e.name == name)


@pytest.mark.parametrize("example", example_params())
def test_example_answers_on_the_bundled_corpus(corpus_store: EmbeddedStore, example: Example) -> None:
    assert run(corpus_store, example) != []


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.name)
def test_example_has_a_title_and_a_description(example: Example) -> None:
    assert example.title != example.name and len(example.description) > 40


def test_cross_border_rows_name_two_countries_or_more(corpus_store: EmbeddedStore) -> None:
    rows = corpus_store.select(by_name("cross-border-activities").text)
    for row in rows:
        codes = row["codes"].value.split(", ")
        assert int(row["countries"].value) == len(codes) >= 2
        assert all(len(code) == 2 and code.isupper() for code in codes)


def test_actors_of_a_region_are_located_in_it(corpus_store: EmbeddedStore) -> None:
    region = NamedNode(IRIS.base + "id/region/FR-NOR")
    rows = corpus_store.select(by_name("actors-of-a-region").text)
    located = f"{PREFIXES}ASK {{ ?org ig:region/ig:withinArea* ?region }}"
    assert {corpus_store.ask(located, {"org": row["org"], "region": region}) for row in rows} == {True}
    holds_role = f"{PREFIXES}ASK {{ ?role ig:agent ?org ; ig:roleIn ?activity }}"
    with_activity = [row for row in rows if "activity" in row]
    assert with_activity != []
    assert {corpus_store.ask(holds_role, {"org": r["org"], "activity": r["activity"]}) for r in with_activity} == {True}


def test_projects_of_a_programme_are_its_projects(corpus_store: EmbeddedStore) -> None:
    rows = corpus_store.select(by_name("projects-of-a-programme").text)
    linked = f"{PREFIXES}ASK {{ ?project a ig:Project ; ig:programme ?programme }}"
    assert {corpus_store.ask(linked, {"project": r["project"], "programme": r["programme"]}) for r in rows} == {True}
    assert any("org" in row and "roleType" in row for row in rows)


def test_organisation_graph_holds_roles_in_projects_of_the_programme(corpus_store: EmbeddedStore) -> None:
    triples = list(corpus_store.construct(by_name("organisation-graph").text))
    role_in = {t.object for t in triples if t.predicate.value == IG + "roleIn"}
    programmes = {(t.subject, t.object.value) for t in triples if t.predicate.value == IG + "programme"}
    assert role_in != set() and role_in <= {project for project, _ in programmes}
    assert {programme for _, programme in programmes} == {IRIS.base + "id/programme/i3"}
