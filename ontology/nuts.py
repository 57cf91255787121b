"""Import Eurostat's NUTS classification from a CSV the user supplies (innograph ships only the
NUTS codes of the regions it knows, in ``src/nuts-codes.tsv``).

Two layouts are understood, as Eurostat and GISCO publish them:

- GISCO: ``NUTS_ID, LEVL_CODE, CNTR_CODE, NAME_LATN[, NUTS_NAME]``;
- the classification table: ``Code 2021`` (or 2016, 2024...), ``Country``, ``NUTS level 1``,
  ``NUTS level 2``, ``NUTS level 3`` (the name sits in the column of its level).

A unit whose code an ISO 3166-2 region already carries enriches that region; any other becomes
``{base}id/region/{NUTS code}`` (upper case, no hyphen, so it never collides with an ISO code or
a slug). Level-0 units are the countries themselves (EL is Greece, UK the United Kingdom).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from innograph.ontology.reference import (
    DEFAULT_BASE_IRI,
    NUTS0,
    country_iri,
    region_iri,
    regions,
)
from pyoxigraph import Literal, NamedNode, Triple

from innograph.namespaces import NUTS, RDF_TYPE, RDFS_LABEL, SKOS

ISO_FROM_NUTS0 = {nuts: iso for iso, nuts in NUTS0.items()}
# Our languages spoken where the NUTS name is the local name.
NATIVE = {"FR": "fr", "LU": "fr", "DK": "da", "NL": "nl"}

CODE_COLUMNS = ("nuts_id", "code", "nuts_code", "code 2024", "code 2021", "code 2016", "code 2013", "code 2010")
NAME_COLUMNS = ("name_latn", "nuts_name", "name", "label", "name_asci")
LEVEL_COLUMNS = ("levl_code", "level", "nuts level")


class NutsCsvError(ValueError):
    """The CSV has no recognisable code or name column."""


@dataclass(frozen=True)
class NutsUnit:
    code: str  # e.g. "FRD11"
    level: int  # 0 (country) to 3
    name: str

    @property
    def country(self) -> str:
        """ISO 3166-1 alpha-2 of the unit's country (GR for EL, GB for UK)."""
        return ISO_FROM_NUTS0.get(self.code[:2], self.code[:2])

    @property
    def parent(self) -> str | None:
        return self.code[:-1] if self.level > 0 else None


def _pick(columns: dict[str, str], candidates: tuple[str, ...]) -> str | None:
    for candidate in candidates:
        if candidate in columns:
            return columns[candidate]
    return None


def read_nuts_csv(source: Path | str) -> list[NutsUnit]:
    """Units of a NUTS CSV file (path) or CSV text; delimiter and header layout are detected."""
    text = Path(source).read_text(encoding="utf-8-sig") if isinstance(source, Path) else source
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = {name.strip().lower(): name for name in reader.fieldnames or ()}
    code_column = _pick(columns, CODE_COLUMNS)
    name_column = _pick(columns, NAME_COLUMNS)
    level_column = _pick(columns, LEVEL_COLUMNS)
    level_names = ("country", "nuts level 1", "nuts level 2", "nuts level 3")
    level_name_columns = [columns[c] for c in level_names if c in columns]
    if code_column is None or (name_column is None and not level_name_columns):
        raise NutsCsvError(f"no NUTS code/name columns among {list(columns.values())}")
    units: list[NutsUnit] = []
    for row in reader:
        code = (row.get(code_column) or "").strip().upper()
        if not code or not code[:2].isalpha() or len(code) > 5:
            continue  # footnotes, extra-regio "Z" lines keep their codes; blank lines do not
        level = len(code) - 2
        if level_column and (row.get(level_column) or "").strip().isdigit():
            level = int(row[level_column])
        name = (row.get(name_column) or "").strip() if name_column else ""
        if not name:
            name = next((row[c].strip() for c in level_name_columns if (row.get(c) or "").strip()), "")
        if name:
            units.append(NutsUnit(code, level, name))
    return units


def nuts_triples(units: list[NutsUnit], base_iri: str = DEFAULT_BASE_IRI) -> list[Triple]:
    """Reference-graph triples for NUTS units (to load next to :func:`reference_triples`)."""
    ig = base_iri + "ontology#"
    iso_by_nuts = {r.nuts_code: r.code for r in regions(base_iri) if r.nuts_code and r.kind == "iso"}

    def node_of(code: str) -> NamedNode:
        if len(code) == 2:
            return NamedNode(country_iri(ISO_FROM_NUTS0.get(code, code), base_iri))
        return NamedNode(region_iri(iso_by_nuts.get(code, code), base_iri))

    triples: list[Triple] = []
    for unit in units:
        node = node_of(unit.code)
        triples.append(Triple(node, NamedNode(ig + "nutsCode"), Literal(unit.code)))
        triples.append(Triple(node, NamedNode(SKOS + "exactMatch"), NamedNode(NUTS + unit.code)))
        if unit.level == 0 or unit.code in iso_by_nuts:
            continue  # countries and ISO regions already have labels and a country
        triples.append(Triple(node, RDF_TYPE, NamedNode(ig + "Region")))
        languages = ["en"] + ([NATIVE[unit.country]] if unit.country in NATIVE else [])
        for lang in languages:
            literal = Literal(unit.name, language=lang)
            triples.append(Triple(node, RDFS_LABEL, literal))
            triples.append(Triple(node, NamedNode(SKOS + "prefLabel"), literal))
        triples.append(Triple(node, NamedNode(ig + "country"), NamedNode(country_iri(unit.country, base_iri))))
        if unit.parent and len(unit.parent) > 2:
            triples.append(Triple(node, NamedNode(ig + "withinArea"), node_of(unit.parent)))
    return triples


def load_nuts_csv(path: Path, base_iri: str = DEFAULT_BASE_IRI) -> list[Triple]:
    """Read a NUTS CSV and return its reference triples."""
    return nuts_triples(read_nuts_csv(path), base_iri)
