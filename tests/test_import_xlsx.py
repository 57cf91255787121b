"""``innograph import operations`` on an XLSX list of operations (the French mapping, with a sheet
name): typed cells (dates, numbers) and text cells read alike, the sheet's own row numbers in the
report, and the resulting graph checked exactly."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_import_cordis import IRIS, quads, run_import

from innograph.cli import main
from innograph.imports.mapping import shipped
from innograph.imports.sheets import as_text
from innograph.imports.values import NumberFormat

HEADER = ["Identifiant de l'opération", "Nom du bénéficiaire", "N° TVA intracommunautaire", "Intitulé de l'opération",
          "Résumé de l'opération", "Date de début", "Date de fin", "Coût total éligible (€)",
          "Taux de cofinancement UE", "Code postal", "Commune", "Catégorie d'intervention", "Fonds", "Programme"]
PROGRAMME = "Programme FEDER-FSE+ Normandie 2021-2027"
SHEET = "Liste des opérations"


def write_workbook(path: Path) -> Path:
    """A cover sheet first (so the mapping's sheet name matters), then the list: a header on row 3,
    a date cell, a number cell, a text cell with a comma decimal, an empty row, a wrong row."""
    book = Workbook()
    cover = book.active
    cover.title = "Lisez-moi"
    cover.append(["Liste publiée au titre de l'article 49 du règlement (UE) 2021/1060"])
    sheet = book.create_sheet(SHEET)
    sheet.append(["Liste des opérations FEDER, mise à jour le 1er mars 2024"])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["NO0012345", "Région Normandie", None, "Hydrogène; ports normands", "Électrolyseurs dans les ports",
                  datetime(2023, 3, 1), None, 1250000.5, 0.6, "14035", "Caen", "056", "FEDER", PROGRAMME])  # row 4
    sheet.append(["NO0012346", "Caen la mer", "FR 12 345678901", "Tramway vert", "Décarbonation", "15/01/2022",
                  date(2024, 12, 31), "800 000,25", "40 %", 14000, "Caen", "073", "FEDER", PROGRAMME])  # row 5
    sheet.append([])  # row 6
    sheet.append(["NO0012348", "Port de Cherbourg", None, "Quai", "Quai", "31/02/2022", None, 100, 0.5, "50100",
                  "Cherbourg", "079", "FEDER", PROGRAMME])  # row 7: no 31 February
    sheet.append(["NO0012349", "Cherbourg en Cotentin", None, "Digue", "Digue", None, None, "beaucoup", 0.5,
                  "50100", "Cherbourg", "079", "FEDER", PROGRAMME])  # row 8: not a number
    book.save(path)
    return path


def mapping_file(tmp_path: Path) -> Path:
    """The shipped French mapping, with the sheet to read."""
    text = shipped()["fr-liste-operations"].read_text("utf-8")
    path = tmp_path / "fr-xlsx.toml"
    path.write_text(text.replace('role_type = "partner"', f'role_type = "partner"\nsheet = "{SHEET}"'), "utf-8")
    return path


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_xlsx_summary_gives_the_sheets_row_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_workbook(tmp_path / "liste-operations.xlsx")
    code, report = run_import(tmp_path / "store", "operations", str(book), "--mapping", str(mapping_file(tmp_path)),
                              capsys=capsys)
    assert code == 1
    assert (report["rows_read"], report["rows_written"], report["rows_skipped"]) == (4, 2, 2)
    assert report["skipped_by_reason"] == {"bad_date": 1, "bad_number": 1}
    assert [(p["file"], p["line"], p["reason"], p["detail"]) for p in report["problems"]] == [
        (f"liste-operations.xlsx[{SHEET}]", 7, "bad_date", "column 'Date de début' holds '31/02/2022'"),
        (f"liste-operations.xlsx[{SHEET}]", 8, "bad_number", "column 'Coût total éligible (€)' holds 'beaucoup'")]


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_xlsx_graph_is_exactly_the_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_workbook(tmp_path / "liste-operations.xlsx")
    run_import(tmp_path / "store", "operations", str(book), "--mapping", str(mapping_file(tmp_path)), capsys=capsys)
    shard = IRIS.graph("import/operations-fr/")
    found = {(q.subject.value, q.predicate.value, str(q.object)) for q in quads(tmp_path / "store")
             if q.graph_name.value.startswith(shard) and not q.subject.value.startswith(shard)}
    assert found == expected_statements()


def expected_statements() -> set[tuple[str, str, str]]:
    ig, xsd, dataset = IRIS.vocab, "http://www.w3.org/2001/XMLSchema#", IRIS.entity("dataset", "operations-fr")
    rdf_type, label, pref = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label",
                             "http://www.w3.org/2004/02/skos/core#prefLabel")
    dct, schema, prov = "http://purl.org/dc/terms/", "https://schema.org/", "http://www.w3.org/ns/prov#"
    file, fund = f"<{dataset}/file/liste-operations.xlsx>", f"<{IRIS.entity('programme', 'erdf')}>"
    programme_node = IRIS.entity("programme", "programme-feder-fse-normandie-2021-2027")  # its own node
    programme = f"<{programme_node}>"
    fr = f"<{IRIS.entity('country', 'FR')}>"
    found: set[tuple[str, str, str]] = set()
    for key, org, name, title, purpose, start, end, cost, rate, postcode, category in (
            ("no0012345", "op-fr-14035-region-normandie", "Région Normandie", "Hydrogène; ports normands",
             "Électrolyseurs dans les ports", "2023-03-01", None, "1250000.5", "60", "14035", "056"),
            ("no0012346", "vat-fr12345678901", "Caen la mer", "Tramway vert", "Décarbonation", "2022-01-15",
             "2024-12-31", "800000.25", "40", "14000", "073")):
        project, role = (IRIS.entity(kind, f"op-operations-fr-{key}") for kind in ("project", "role"))
        node, address = IRIS.entity("organisation", org), IRIS.entity("organisation", org) + "/address"
        amount = project + "/amount/total-cost"
        found |= {
            (project, rdf_type, f"<{ig}Project>"), (project, label, f'"{title}"@fr'), (project, pref, f'"{title}"@fr'),
            (project, dct + "identifier", f'"{key.upper()}"'), (project, prov + "wasDerivedFrom", file),
            (project, ig + "objective", f'"{purpose}"@fr'), (project, ig + "startDate", f'"{start}"^^<{xsd}date>'),
            (project, ig + "amount", f"<{amount}>"), (amount, rdf_type, f"<{ig}MonetaryAmount>"),
            (amount, ig + "value", f'"{cost}"^^<{xsd}decimal>'), (amount, ig + "currency", '"EUR"'),
            (amount, ig + "meaning", '"total cost"'), (project, ig + "cofinancingRate", f'"{rate}"^^<{xsd}decimal>'),
            (project, ig + "country", fr), (project, dct + "subject", f'"{category}"'),
            (project, ig + "fundedBy", fund), (project, ig + "programme", programme),
            (node, rdf_type, f"<{ig}Organisation>"), (node, label, f'"{name}"@fr'), (node, pref, f'"{name}"@fr'),
            (node, prov + "wasDerivedFrom", file), (node, ig + "country", fr),
            (node, schema + "address", f"<{address}>"),
            (address, rdf_type, f"<{schema}PostalAddress>"), (address, schema + "postalCode", f'"{postcode}"'),
            (address, schema + "addressLocality", '"Caen"'),
            (role, rdf_type, f"<{ig}Role>"), (role, ig + "agent", f"<{node}>"), (role, ig + "roleIn", f"<{project}>"),
            (role, ig + "roleType", f"<{IRIS.entity('role-type', 'partner')}>"), (role, label, '"bénéficiaire"@fr'),
            (role, dct + "identifier", f'"{key.upper()}"'), (role, prov + "wasDerivedFrom", file),
        }
        found |= {(project, ig + "endDate", f'"{end}"^^<{xsd}date>')} if end else set()
    found.add((IRIS.entity("organisation", "vat-fr12345678901"), schema + "vatID", '"FR12345678901"'))
    found |= {(programme_node, rdf_type, f"<{ig}Programme>"), (programme_node, label, f'"{PROGRAMME}"@fr'),
              (programme_node, pref, f'"{PROGRAMME}"@fr')}
    return found


def test_typed_cells_are_written_as_the_mapping_reads_them() -> None:
    french = NumberFormat(decimal=",", thousands=" ")
    assert [as_text(v, french, "%d/%m/%Y") for v in (datetime(2023, 3, 1, 0, 0), 1250000.5, 12, 1e16, True, None,
                                                      " texte ")] == [
        "01/03/2023", "1250000,5", "12", "10000000000000000", "true", "", " texte "]


def test_a_missing_sheet_fails_loudly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_workbook(tmp_path / "liste.xlsx")
    mapping = mapping_file(tmp_path)
    mapping.write_text(mapping.read_text("utf-8").replace(SHEET, "Feuil1"), "utf-8")
    assert main(["import", "operations", str(book), "--mapping", str(mapping), "--store", str(tmp_path / "s"),
                 "--no-progress", "--no-resolve"]) == 1
    assert f"no sheet 'Feuil1' (sheets: Lisez-moi, {SHEET})" in capsys.readouterr().err


@pytest.mark.slow  # a whole import into an on-disk store (~2 s)
def test_the_progress_bar_counts_xlsx_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = write_workbook(tmp_path / "liste.xlsx")
    main(["import", "operations", str(book), "--mapping", str(mapping_file(tmp_path)), "--store", str(tmp_path / "s"),
          "--no-resolve", "--progress"])
    bar = capsys.readouterr().err.replace("\r", "\n").splitlines()
    assert any(line.startswith("liste.xlsx: 4 rows [") for line in bar), bar
