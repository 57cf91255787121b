"""Importing a user-supplied NUTS CSV (GISCO and Eurostat-table layouts) into reference triples."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from innograph.ontology.nuts import NutsCsvError, load_nuts_csv, read_nuts_csv

from innograph.cli import main

GISCO = """NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN,NUTS_NAME
FR,0,FR,France,France
FRD,1,FR,Normandie,Normandie
FRD1,2,FR,Basse-Normandie,Basse-Normandie
FRD11,3,FR,Calvados,Calvados
EL30,2,EL,Attiki,Αττική
DK05,2,DK,Nordjylland,Nordjylland
"""
TABLE = """Code 2021;Country;NUTS level 1;NUTS level 2;NUTS level 3;Country order;NUTS level
BE;Belgique/België;;;;1;0
BE2;;Vlaams Gewest;;;2;1
BE25;;;Prov. West-Vlaanderen;;3;2
BE251;;;;Arr. Brugge;4;3
"""
BASE = "https://w3id.org/innograph/"


def _store(triples: list[pyoxigraph.Triple]) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
    return store


def _ask(store: pyoxigraph.Store, pattern: str) -> bool:
    return bool(store.query(f"PREFIX ig: <{BASE}ontology#> ASK {{ {pattern} }}"))


def test_gisco_layout(tmp_path: Path) -> None:
    path = tmp_path / "NUTS_RG_2021.csv"
    path.write_text(GISCO, encoding="utf-8")
    units = read_nuts_csv(path)
    assert [(u.code, u.level) for u in units][:4] == [("FR", 0), ("FRD", 1), ("FRD1", 2), ("FRD11", 3)]
    store = _store(load_nuts_csv(path))
    # Codes the ISO regions already carry enrich them ...
    assert _ask(store, f'<{BASE}id/region/FR-NOR> ig:nutsCode "FRD"')
    assert _ask(store, f'<{BASE}id/region/FR-14> <http://www.w3.org/2004/02/skos/core#exactMatch> '
                       '<http://data.europa.eu/nuts/code/FRD11>')
    # ... the others become regions of their own, inside their parent, in their country.
    assert _ask(store, f'<{BASE}id/region/FRD1> a ig:Region ; ig:withinArea <{BASE}id/region/FR-NOR> ; '
                       f'ig:country <{BASE}id/country/FR> ; <http://www.w3.org/2000/01/rdf-schema#label> '
                       '"Basse-Normandie"@fr')
    assert _ask(store, f'<{BASE}id/region/EL30> ig:country <{BASE}id/country/GR>')
    assert _ask(store, f'<{BASE}id/country/FR> ig:nutsCode "FR"')


def test_eurostat_table_layout() -> None:
    units = read_nuts_csv(TABLE)
    assert [(u.code, u.level, u.name) for u in units] == [
        ("BE", 0, "Belgique/België"),
        ("BE2", 1, "Vlaams Gewest"),
        ("BE25", 2, "Prov. West-Vlaanderen"),
        ("BE251", 3, "Arr. Brugge"),
    ]
    store = _store(load_nuts_csv_text(TABLE))
    assert _ask(store, f'<{BASE}id/region/BE251> ig:withinArea <{BASE}id/region/BE-VWV>')


def load_nuts_csv_text(text: str) -> list[pyoxigraph.Triple]:
    from innograph.ontology.nuts import nuts_triples

    return nuts_triples(read_nuts_csv(text))


def test_unrecognised_csv() -> None:
    with pytest.raises(NutsCsvError):
        read_nuts_csv("a,b\n1,2\n")


def test_cli_writes_ntriples(tmp_path: Path) -> None:
    source = tmp_path / "nuts.csv"
    source.write_text(GISCO, encoding="utf-8")
    out = tmp_path / "nuts.nt"
    assert main(["ontology", "--nuts-csv", str(source), "--output", str(out)]) == 0
    triples = list(pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(triples) == len(load_nuts_csv(source))
