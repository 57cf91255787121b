"""An organisation's linked-data page lists its projects from every source: the CORDIS roles of its
own IRI, and those of the IRIs `innograph resolve` found to name it (a list of operations by its
VAT number), each with role, programme, dates and the file and row it was read from.

The store is the one of tests/test_partners_open_data.py (a Danish page, CORDIS, a Danish list,
resolved), read through the whole app in-process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from conftest import api_for, make_settings
from test_partners_open_data import DTU, IRIS, ORG, open_data_store

from innograph.store.embedded import EmbeddedStore

pytestmark = pytest.mark.slow  # the command line ingests, imports and resolves into a real store

ROW = re.compile(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", re.S)
TAG = re.compile(r"<[^>]+>")
OPERATIONS = "Danmarks Erhvervsfremmeprogram 2021-2027"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, EmbeddedStore]]:
    with open_data_store(tmp_path_factory.mktemp("linked-projects")) as found:
        yield found


def project_rows(loaded: tuple[Path, EmbeddedStore], iri: str, lang: str = "en") -> list[tuple[str, ...]]:
    store_dir, store = loaded
    api = api_for(store, make_settings(store_dir))
    path = "/page/" + iri[len(IRIS.base) + len("id/"):]
    response = api.client().get(path, params={"lang": lang}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    table = response.text.split("<table class=projects>", 1)
    assert len(table) == 2, "no projects table"
    return [tuple(unescape(TAG.sub("", cell)).strip() for cell in row) for row in ROW.findall(table[1])]


def test_the_organisation_page_lists_its_projects_from_every_source(loaded: tuple[Path, EmbeddedStore]) -> None:
    assert project_rows(loaded, DTU) == [
        ("Offshore electrolysis; green hydrogen at sea (HYDROSEA)", "coordinator", "Horizon Europe",
         "2022-01-01 – 2025-12-31", "organization.csv · row 101000001/999977945/coordinator"),
        ("Patients own their records (PATIENTDATA)", "participant", "Horizon Europe", "2022-05-01 – 2024-04-30",
         "organization.csv · row 101000023/999977945/participant"),
        ("Energy storage next to offshore wind farms (WINDSTORE)", "participant", "Horizon Europe", "2022-09-01 – ?",
         "organization.csv · row 101000022/999977945/participant"),
        ("Digitale tvillinger", "støttemodtager named as Danmarks Tekniske Universitet", OPERATIONS,
         "2022-09-01 – 2025-08-31", "operationer.csv · row RFD-21-0001"),
        ("Hydrogen refuelling in North Sea ports (H2PORTS)", "participant", "Horizon Europe",
         "2023-01-01 – 2026-06-30", "organization.csv · row 101000021/999977945/participant"),
    ]


def test_a_member_page_lists_the_same_projects(loaded: tuple[Path, EmbeddedStore]) -> None:
    """Resolution writes sameAs both ways: the page of the VAT node lists the CORDIS projects too."""
    rows = project_rows(loaded, ORG + "vat-dk30060946")
    cordis = " named as DANMARKS TEKNISKE UNIVERSITET"
    assert [(r[0], r[1]) for r in rows] == [
        ("Offshore electrolysis; green hydrogen at sea (HYDROSEA)", "coordinator" + cordis),
        ("Patients own their records (PATIENTDATA)", "participant" + cordis),
        ("Energy storage next to offshore wind farms (WINDSTORE)", "participant" + cordis),
        ("Digitale tvillinger", "støttemodtager"),
        ("Hydrogen refuelling in North Sea ports (H2PORTS)", "participant" + cordis),
    ]


def test_the_same_name_in_another_country_does_not_lend_its_projects(loaded: tuple[Path, EmbeddedStore]) -> None:
    assert project_rows(loaded, ORG + "op-dk-1000-cnrs") == [
        ("Brint i havne", "støttemodtager", OPERATIONS, "2023-01-01 – ?", "operationer.csv · row RFD-21-0002"),
    ]
