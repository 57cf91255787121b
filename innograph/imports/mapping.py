"""The declarative mapping of a list of operations: which column holds which field, how numbers
and dates are written, and what the whole file is about (fund, programme, country, language).

A mapping is a TOML file::

    name = "..."                  # what layout this is, for people
    language = "fr"               # the language of the names and texts in the file
    delimiter = ";"               # ";" or ","
    encoding = "utf-8-sig"        # optional (utf-8-sig reads files with and without a BOM)
    sheet = "Opérations"          # optional, XLSX only: the sheet to read (default: the first)
    dataset = "operations-..."    # default dataset name (graph IRIs); --dataset overrides
    fund = "erdf"                 # optional: the fund of every row (a reference key or a name)
    programme = "..."             # optional: the programme of every row (a reference key or a name)
    country = "FR"                # optional: the country of every row
    role = "bénéficiaire"         # the beneficiary's role as the publisher names it
    role_type = "partner"         # its role type in the ontology
    [numbers]  decimal = ","  thousands = " "
    [dates]    formats = ["%d/%m/%Y"]
    [columns]  field = "Column header as published"

Fields: see ``FIELDS``. ``beneficiary`` and ``operation`` are required. A field or a setting the
importer does not know is an error (a typo would otherwise drop a column silently).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from innograph.imports.values import NumberFormat
from innograph.ontology.reference import role_types

FIELDS = {
    "operation_id": "the operation's identifier in the list",
    "beneficiary": "the beneficiary's name",
    "beneficiary_id": "the beneficiary's VAT number (or national company number)",
    "operation": "the operation's name",
    "purpose": "the operation's purpose, as summarised by the publisher",
    "start_date": "start date", "end_date": "end date",
    "total_cost": "total (eligible) cost, in euros",
    "cofinancing_rate": "Union co-financing rate",
    "postcode": "the operation's postcode", "city": "its town", "nuts": "its NUTS code",
    "country": "its country (ISO 3166-1 code)",
    "category": "category of intervention",
    "fund": "the fund (ERDF, ESF+, JTF, CF, Interreg...)",
    "programme": "the programme (name or CCI)",
}
REQUIRED = ("beneficiary", "operation")
SETTINGS = {"name", "language", "delimiter", "encoding", "sheet", "dataset", "fund", "programme", "country", "role",
            "role_type", "numbers", "dates", "columns"}
LANGUAGES = ("en", "fr", "da", "nl")


class MappingError(ValueError):
    """A mapping file that cannot be used as it is."""


@dataclass(frozen=True)
class Mapping:
    name: str
    language: str
    delimiter: str
    dataset: str
    columns: dict[str, str]
    numbers: NumberFormat = field(default_factory=NumberFormat)
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    encoding: str = "utf-8-sig"
    sheet: str | None = None
    fund: str | None = None
    programme: str | None = None
    country: str | None = None
    role: str = "beneficiary"
    role_type: str = "partner"

    def column(self, name: str) -> str | None:
        return self.columns.get(name)


def shipped() -> dict[str, Path]:
    """The mappings shipped with innograph, by name (file stem)."""
    folder = files(__package__).joinpath("mappings")
    return {entry.name[:-5]: Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml")}


def load_mapping(name_or_path: str | Path) -> Mapping:
    path = Path(name_or_path)
    if not path.exists():
        known = shipped()
        if str(name_or_path) not in known:
            raise MappingError(f"{name_or_path}: no such mapping file, and no shipped mapping of that name "
                               f"(shipped: {', '.join(sorted(known))})")
        path = known[str(name_or_path)]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MappingError(f"{path}: {exc}") from exc
    return parse_mapping(data, str(path))


def parse_mapping(data: dict[str, Any], where: str) -> Mapping:
    unknown = sorted(set(data) - SETTINGS)
    columns = data.get("columns", {})
    unknown += sorted(f"columns.{f}" for f in set(columns) - set(FIELDS))
    if unknown:
        raise MappingError(f"{where}: unknown settings {', '.join(unknown)}")
    missing = [f for f in REQUIRED if f not in columns]
    if missing or data.get("language") not in LANGUAGES or data.get("delimiter") not in (";", ",", "\t"):
        raise MappingError(f"{where}: needs columns {', '.join(REQUIRED)}, a language among {', '.join(LANGUAGES)} "
                           "and a delimiter (';', ',' or a tab)")
    role_type = data.get("role_type", "partner")
    if role_type not in {r.key for r in role_types()}:
        raise MappingError(f"{where}: role_type {role_type!r} is not a role type of the ontology")
    numbers = data.get("numbers", {})
    return Mapping(
        name=data.get("name", where), language=data["language"], delimiter=data["delimiter"],
        dataset=data.get("dataset") or Path(where).stem, columns=dict(columns),
        numbers=NumberFormat(decimal=numbers.get("decimal", "."), thousands=numbers.get("thousands", "")),
        date_formats=tuple(data.get("dates", {}).get("formats", ["%Y-%m-%d"])),
        encoding=data.get("encoding", "utf-8-sig"), sheet=data.get("sheet"), fund=data.get("fund"),
        programme=data.get("programme"),
        country=data.get("country"), role=data.get("role", "beneficiary"), role_type=role_type,
    )
