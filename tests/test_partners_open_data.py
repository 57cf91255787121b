"""The partner search on imported open data: a Danish organisation known from a Danish page, from
three CORDIS projects on the theme and from a Danish list of operations is one candidate (the
owl:sameAs group `innograph resolve` wrote), found by a French need, explained by its projects
(title, role, programme, source) next to the page's sentence; an organisation of the same name in
another country stays apart; a re-import followed incrementally gives the index a full build gives.

Real parts: the page is ingested, the CORDIS and operations files imported and resolved by the
command line into an on-disk store (fixture rows in the layouts of tests/test_import_fixtures.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import api_for, make_settings
from test_import_fixtures import DUPLICATE_PROJECT, ORGS, PROJECTS, write_cordis

from innograph.cli import main
from innograph.iris import Iris
from innograph.partners.build import build, build_state, update
from innograph.partners.index import PartnerIndex
from innograph.partners.rank import PartnerQuery, rank
from innograph.store.embedded import EmbeddedStore

pytestmark = pytest.mark.slow  # the command line ingests, imports and resolves into real stores (~80 s)

IRIS = Iris("https://w3id.org/innograph/")
ORG = IRIS.entity("organisation", "")
ENERGY = IRIS.entity("theme", "energy")
DTU = ORG + "cordis-999977945"  # the group's head: the first of its IRIs in sorted order
DTU_GROUP = [DTU, ORG + "danmarks-tekniske-universitet", ORG + "vat-dk30060946"]
CORDIS_FILES = IRIS.entity("dataset", "cordis-horizon-europe") + "/file/"

DANISH_PAGE = "Brint i Danmark\n\nDanmarks Tekniske Universitet (DTU) i Kongens Lyngby forsker i grøn brint.\n"
PAGE_SENTENCE = "Danmarks Tekniske Universitet (DTU) i Kongens Lyngby forsker i grøn brint."


def _project(grant: str, acronym: str, title: str, start: str, end: str, objective: str) -> str:
    return (f'"{grant}";"{acronym}";"SIGNED";"{title}";"{start}";"{end}";"1000000";"1000000";"HORIZON.2.5";'
            f'"HORIZON-CL5-2022-D3-01-0{grant[-1]}";"2022-01-01";"HORIZON";"HORIZON-CL5-2022-D3-01";'
            f'"HORIZON-CL5-2022-D3-01";"HORIZON-RIA";"";"{objective}";"2023-03-01 10:00:00";"2400{grant[-2:]}";""')


def _dtu(grant: str, acronym: str, role: str) -> str:
    return ORGS[0].replace('"101000001";"HYDROSEA"', f'"{grant}";"{acronym}"').replace('"coordinator"', f'"{role}"')


# HYDROSEA (from the shared fixture) and two more projects on energy; one on something else
PROJECT_ROWS = [
    PROJECTS[0],
    _project("101000021", "H2PORTS", "Hydrogen refuelling in North Sea ports", "2023-01-01", "2026-06-30",
             "Clean fuel for ships."),
    _project("101000022", "WINDSTORE", "Energy storage next to offshore wind farms", "2022-09-01", "", "Batteries."),
    _project("101000023", "PATIENTDATA", "Patients own their records", "2022-05-01", "2024-04-30", "Records."),
]
ORG_ROWS = [
    ORGS[0],  # DTU coordinates HYDROSEA
    ORGS[2],  # CNRS (FR), third party in HYDROSEA
    _dtu("101000021", "H2PORTS", "participant"),
    _dtu("101000022", "WINDSTORE", "participant"),
    _dtu("101000023", "PATIENTDATA", "participant"),
]
# the Danish list: DTU by its CVR number on another theme, and a Danish 'CNRS' on hydrogen
DANISH_OPERATIONS = (
    "Journalnummer;Støttemodtager;CVR-nummer;Projekttitel;Projektets formål;Startdato;Slutdato;"
    "Samlede støtteberettigede udgifter (EUR);EU-medfinansieringssats;Postnummer;By;NUTS;Interventionskategori;"
    "Fond;Program\n"
    "RFD-21-0001;Danmarks Tekniske Universitet;30060946;Digitale tvillinger;Fabrikker;01-09-2022;31-08-2025;"
    "2.500.000,75;40 %;2800;Kongens Lyngby;DK012;013;EFRU;Danmarks Erhvervsfremmeprogram 2021-2027\n"
    "RFD-21-0002;CNRS;;Brint i havne;Grøn brint;01-01-2023;;100.000;40 %;1000;København;DK011;056;EFRU;"
    "Danmarks Erhvervsfremmeprogram 2021-2027\n"
)
FRENCH_NEED = PartnerQuery(q="nous cherchons des partenaires pour l'hydrogène", country="FR", lang="fr")


def _cli(*args: str) -> None:
    assert main([*args, "--no-progress"]) in (0, 1)


def load_sources(tmp: Path, store: Path, *, cordis: tuple[list[str], list[str]] = (PROJECT_ROWS, ORG_ROWS)) -> None:
    """Ingest the Danish page, import CORDIS and the Danish list, resolve (the command line)."""
    page = tmp / "page" / "brint.txt"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(DANISH_PAGE, encoding="utf-8")
    _cli("ingest", str(page), "--store", str(store))
    folder = write_cordis(tmp / "cordis", projects=cordis[0], orgs=cordis[1], broken=False)
    _cli("import", "cordis", str(folder), "--store", str(store), "--no-resolve", "--json")
    operations = tmp / "operationer.csv"
    operations.write_text(DANISH_OPERATIONS, encoding="utf-8")
    _cli("import", "operations", str(operations), "--mapping", "da-liste-over-operationer", "--store", str(store),
         "--no-resolve", "--json")
    assert main(["resolve", "--store", str(store), "--json"]) == 0


@contextmanager
def open_data_store(tmp: Path) -> Iterator[tuple[Path, EmbeddedStore]]:
    """The store of all three sources, resolved, and its folder (also for test_linked_projects.py)."""
    load_sources(tmp, tmp / "store")
    opened = EmbeddedStore(tmp / "store", IRIS, workers=1, timeout=30.0)
    try:
        yield tmp / "store", opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, EmbeddedStore]]:
    with open_data_store(tmp_path_factory.mktemp("open-data")) as found:
        yield found


@pytest.fixture(scope="module")
def store(loaded: tuple[Path, EmbeddedStore]) -> EmbeddedStore:
    return loaded[1]


@pytest.fixture(scope="module")
def index(store: EmbeddedStore) -> PartnerIndex:
    return build(store, IRIS)


def _hit(answer: dict, iri: str) -> dict:
    return next(r for r in answer["results"] if r["iri"] == iri)


def _cordis_source(file: str, row: str) -> dict:
    return {"dataset": IRIS.entity("dataset", "cordis-horizon-europe"),
            "dataset_title": "CORDIS Horizon Europe projects and participants", "file": file, "row": row,
            "document": None, "url": None}


def test_a_french_need_finds_the_danish_group_as_one_candidate(index: PartnerIndex) -> None:
    answer = rank(index, FRENCH_NEED)
    assert [(r["iri"], r["country"]) for r in answer["results"]] == [(DTU, "DK"), (ORG + "op-dk-1000-cnrs", "DK")]
    dtu = _hit(answer, DTU)
    assert dtu["same_as"] == DTU_GROUP
    assert dtu["types"] == ["ResearchOrganisation"]
    assert dtu["parts"]["themes"] == 0.5  # stated on its own page: the full weight


def test_the_explanation_lists_the_three_projects_and_the_page_sentence(index: PartnerIndex) -> None:
    theme = _hit(rank(index, FRENCH_NEED), DTU)["matched_themes"][0]
    assert (theme["iri"], theme["label"], theme["relation"], theme["weight"]) == (ENERGY, "énergie", "exact", 1.0)
    assert [(e["sentence"], e["title"]) for e in theme["evidence"]] == [(PAGE_SENTENCE, "Brint i Danmark")]
    assert theme["project_count"] == 3
    assert [(p["label"], p["acronym"], [r["as_written"] for r in p["roles"]], [x["iri"] for x in p["programmes"]],
             p["start"], p["end"]) for p in theme["projects"]] == [
        ("Offshore electrolysis; green hydrogen at sea", "HYDROSEA", ["coordinator"],
         [IRIS.entity("programme", "horizon-europe")], "2022-01-01", "2025-12-31"),
        ("Hydrogen refuelling in North Sea ports", "H2PORTS", ["participant"],
         [IRIS.entity("programme", "horizon-europe")], "2023-01-01", "2026-06-30"),
        ("Energy storage next to offshore wind farms", "WINDSTORE", ["participant"],
         [IRIS.entity("programme", "horizon-europe")], "2022-09-01", None),
    ]
    assert [p["sources"] for p in theme["projects"]] == [
        [_cordis_source("organization.csv", "101000001/999977945/coordinator")],
        [_cordis_source("organization.csv", "101000021/999977945/participant")],
        [_cordis_source("organization.csv", "101000022/999977945/participant")],
    ]


def test_the_theme_reason_names_projects_roles_programmes_and_the_sentence(index: PartnerIndex) -> None:
    dtu = _hit(rank(index, FRENCH_NEED), DTU)
    assert dtu["reasons"][0] == {"kind": "theme", "text": (
        "Shares the theme 'énergie' through 3 projects: 'Offshore electrolysis; green hydrogen at sea' "
        "(HYDROSEA; coordinator; Horizon Europe; 2022-01-01 to 2025-12-31), "
        "'Hydrogen refuelling in North Sea ports' (H2PORTS; participant; Horizon Europe; 2023-01-01 to 2026-06-30), "
        "'Energy storage next to offshore wind farms' (WINDSTORE; participant; Horizon Europe; 2022-09-01 to ?): "
        f"\u201c{PAGE_SENTENCE}\u201d (Brint i Danmark).")}


def test_the_api_answers_the_same_projects_and_group(loaded: tuple[Path, EmbeddedStore], index: PartnerIndex) -> None:
    """Through the route and its response models (the new fields are part of PartnerResult)."""
    store_dir, store = loaded
    client = api_for(store, make_settings(store_dir)).client()
    body = client.get("/api/partners", params={"q": FRENCH_NEED.q, "country": "FR", "lang": "fr"}).json()
    hit, expected = _hit(body, DTU), _hit(rank(index, FRENCH_NEED), DTU)
    assert hit["same_as"] == DTU_GROUP
    assert hit["matched_themes"][0]["projects"] == expected["matched_themes"][0]["projects"]
    assert hit["explanation"] == expected["explanation"]


def test_a_project_only_theme_weighs_by_its_one_project(index: PartnerIndex) -> None:
    cnrs_dk = _hit(rank(index, FRENCH_NEED), ORG + "op-dk-1000-cnrs")
    theme = cnrs_dk["matched_themes"][0]
    assert (theme["weight"], theme["via"], theme["project_count"]) == (0.8, IRIS.entity(
        "project", "op-operations-dk-rfd-21-0002"), 1)
    assert cnrs_dk["parts"]["themes"] == pytest.approx(0.5 * 0.8)
    [project] = theme["projects"]
    assert (project["label"], [r["as_written"] for r in project["roles"]]) == ("Brint i havne", ["støttemodtager"])


def test_the_same_name_in_another_country_stays_a_separate_candidate(index: PartnerIndex) -> None:
    answer = rank(index, PartnerQuery(q="hydrogène", lang="fr", limit=10))
    cnrs = [(r["iri"], r["country"], r["same_as"]) for r in answer["results"] if "cnrs" in r["label"].lower()]
    assert cnrs == [(ORG + "cordis-999997930", "FR", []), (ORG + "op-dk-1000-cnrs", "DK", [])]
    assert [r["iri"] for r in answer["results"]].count(DTU) == 1
    assert not set(DTU_GROUP[1:]) & {r["iri"] for r in answer["results"]}  # members are shown through the head


def test_an_incremental_update_after_a_reimport_equals_a_full_build(tmp_path: Path) -> None:
    """Re-import CORDIS without WINDSTORE and with DTU as coordinator of H2PORTS, resolve again, and
    follow only the graphs that changed: the index equals a full build of the new store."""
    load_sources(tmp_path, tmp_path / "store")
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=30.0)
    try:
        before = store.graph_hashes()
        state = build_state(store, IRIS).state
        store.close()
        fewer = [r for r in ORG_ROWS if "WINDSTORE" not in r]
        fewer[2] = _dtu("101000021", "H2PORTS", "coordinator")
        load_sources(tmp_path, tmp_path / "store", cordis=([p for p in PROJECT_ROWS if "WINDSTORE" not in p], fewer))
        store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=30.0)
        after = store.graph_hashes()
        changed = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
        with store.snapshot("public") as view:
            followed = update(state, view, sorted(changed), store.generation())
        rebuilt = build(store, IRIS)
        queries = [FRENCH_NEED, PartnerQuery(q="hydrogène", lang="fr"), PartnerQuery(q="energy storage", lang="en")]
        assert [rank(followed, q) for q in queries] == [rank(rebuilt, q) for q in queries]
        assert sorted(followed.pos) == sorted(rebuilt.pos)
        theme = _hit(rank(followed, FRENCH_NEED), DTU)["matched_themes"][0]
        assert [(p["acronym"], [r["as_written"] for r in p["roles"]]) for p in theme["projects"]] == [
            ("HYDROSEA", ["coordinator"]), ("H2PORTS", ["coordinator"])]
    finally:
        store.close()


def test_fixture_rows_keep_the_documented_layout() -> None:
    assert all(row.count('";"') == PROJECTS[0].count('";"') for row in PROJECT_ROWS)
    assert all(row.count('";"') == ORGS[0].count('";"') for row in ORG_ROWS)
    assert DUPLICATE_PROJECT not in PROJECT_ROWS
    assert json.dumps(DANISH_OPERATIONS).count("\\n") == 3
