"""``innograph import operations PATH --mapping FILE``: a cohesion-policy list of operations.

Every managing authority publishes one (Common Provisions Regulation): beneficiary, operation
name and purpose, dates, total cost, Union co-financing rate, location, country, category of
intervention, fund and programme, in its own columns, language and formats; the mapping
(``mapping.py``) says which is which. Each row gives an ``ig:Project`` (the operation), an
``ig:Organisation`` (the beneficiary) and the ``ig:Role`` joining them.

The beneficiary's node is keyed by its VAT number where the list gives one
(``id/organisation/vat-{number}``, shared with every source that gives the same number), else by
country, postcode and name (``op-{cc}-{postcode}-{name}``): never by a name alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode, Triple

from innograph.imports import rdf
from innograph.imports.cordis import vat_key
from innograph.imports.mapping import Mapping
from innograph.imports.places import Places
from innograph.imports.rdf import TYPE, Vocabulary
from innograph.imports.report import ImportReport
from innograph.imports.rows import ImportOptions, Record, import_rows
from innograph.imports.shards import Spill, write_dataset
from innograph.imports.sheets import read_sheet
from innograph.imports.table import BadRow, Row, Source, SourceError, find_sources, read_rows
from innograph.imports.values import BadValue, Rejected, parse_date, parse_percentage
from innograph.iris import Iris, slug
from innograph.ontology.programme_mentions import match_programmes
from innograph.ontology.reference import programme_iri, programmes, role_type_iri
from innograph.store import Store


@dataclass
class OperationsRun:
    iris: Iris
    mapping: Mapping
    places: Places
    ig: Vocabulary
    file: NamedNode
    seen: set[str] = field(default_factory=set)
    programme_nodes: dict[str, list[Triple]] = field(default_factory=dict)

    def cell(self, row: Row, name: str) -> str:
        column = self.mapping.column(name)
        return row.cells[column].strip() if column else ""

    def operation(self, row: Row) -> list[Record]:
        beneficiary, name = self.cell(row, "beneficiary"), self.cell(row, "operation")
        if not beneficiary or not name:
            raise Rejected("missing_name", "no beneficiary or no operation name")
        start = parse_date(self.mapping.column("start_date") or "", self.cell(row, "start_date"),
                           self.mapping.date_formats)
        key = self.cell(row, "operation_id") or _digest(beneficiary, name, str(start or ""))
        if key in self.seen:
            raise Rejected("duplicate", f"operation {key!r} already read")
        country_raw = self.cell(row, "country") or self.mapping.country or ""
        country = self.places.country_code(country_raw)
        if country_raw and country is None:
            raise BadValue("unknown_country", self.mapping.column("country") or "country", country_raw)
        project = NamedNode(self.iris.entity("project", f"op-{slug(self.mapping.dataset)}-{slug(key, 60)}"))
        organisation = self._organisation_node(row, beneficiary, country)
        records = [(f"project:{key}", self._project(row, project, key, start, country)),
                   (f"organisation:{organisation.value}", self._organisation(row, organisation, beneficiary, country)),
                   (f"project:{key}", self._role(project, organisation, key))]
        self.seen.add(key)
        return records

    def _project(self, row: Row, node: NamedNode, key: str, start: date | None, country: str | None) -> list[Triple]:
        ig, lang, mapping = self.ig, self.mapping.language, self.mapping
        end = parse_date(mapping.column("end_date") or "", self.cell(row, "end_date"), mapping.date_formats)
        cost = mapping.numbers.parse(mapping.column("total_cost") or "", self.cell(row, "total_cost"))
        rate = parse_percentage(mapping.column("cofinancing_rate") or "", self.cell(row, "cofinancing_rate"),
                                mapping.numbers)
        triples = [Triple(node, TYPE, ig.Project), *rdf.labelled(node, self.cell(row, "operation"), lang),
                   Triple(node, rdf.IDENTIFIER, rdf.plain(key)), Triple(node, rdf.DERIVED_FROM, self.file)]
        purpose = self.cell(row, "purpose")
        triples += [Triple(node, ig.objective, rdf.text(purpose, lang))] if purpose else []
        triples += [Triple(node, ig.startDate, rdf.day(start))] if start else []
        triples += [Triple(node, ig.endDate, rdf.day(end))] if end else []
        triples += rdf.amount(node, "total-cost", cost, "total cost", ig) if cost is not None else []
        triples += [Triple(node, ig.cofinancingRate, rdf.decimal(rate))] if rate is not None else []
        triples += [Triple(node, ig.country, NamedNode(self.places.country(country) or ""))] if country else []
        region = self.places.region(self.cell(row, "nuts")) if self.cell(row, "nuts") else None
        triples += [Triple(node, ig.region, NamedNode(region))] if region else []
        category = self.cell(row, "category")
        triples += [Triple(node, rdf.SUBJECT, rdf.plain(category))] if category else []
        return triples + self._funding(row, node)

    def _funding(self, row: Row, node: NamedNode) -> list[Triple]:
        """The fund (``ig:fundedBy``) and the programme (``ig:programme``) of an operation."""
        triples = []
        fund = self.cell(row, "fund") or self.mapping.fund or ""
        if fund:
            key = _reference_key(fund)
            if key is None:
                raise BadValue("unknown_fund", self.mapping.column("fund") or "fund", fund)
            triples.append(Triple(node, self.ig.fundedBy, NamedNode(programme_iri(key, self.iris.base))))
        programme = self.cell(row, "programme") or self.mapping.programme or ""
        if programme:
            triples.append(Triple(node, self.ig.programme, self._programme(programme)))
            triples += self.programme_nodes.get(programme, [])
        return triples

    def _programme(self, name: str) -> NamedNode:
        """A reference programme, or a programme node of its own named as the list names it."""
        key = _reference_key(name)
        if key is not None:
            return NamedNode(programme_iri(key, self.iris.base))
        node = NamedNode(self.iris.entity("programme", slug(name)))
        self.programme_nodes[name] = [Triple(node, TYPE, self.ig.Programme),
                                      *rdf.labelled(node, name, self.mapping.language)]
        return node

    def vat(self, row: Row, country: str | None) -> str:
        """The beneficiary's VAT number with its country prefix (a Danish CVR number 12345678 is
        the VAT number DK12345678), so that it meets the same number in CORDIS."""
        vat = vat_key(self.cell(row, "beneficiary_id"))
        if vat and country and not vat[:2].isalpha():
            vat = ("EL" if country == "GR" else country) + vat
        return vat

    def _organisation_node(self, row: Row, name: str, country: str | None) -> NamedNode:
        vat = self.vat(row, country)
        if vat:
            return NamedNode(self.iris.entity("organisation", f"vat-{slug(vat)}"))
        place = "-".join(p for p in ((country or "xx").lower(), slug(self.cell(row, "postcode"))) if p)
        return NamedNode(self.iris.entity("organisation", f"op-{place}-{slug(name, 60)}"))

    def _organisation(self, row: Row, node: NamedNode, name: str, country: str | None) -> list[Triple]:
        ig = self.ig
        triples = [Triple(node, TYPE, ig.Organisation), *rdf.labelled(node, name, self.mapping.language),
                   Triple(node, rdf.DERIVED_FROM, self.file)]
        vat = self.vat(row, country)
        triples += [Triple(node, rdf.VAT_ID, rdf.plain(vat))] if vat else []
        triples += [Triple(node, ig.country, NamedNode(self.places.country(country) or ""))] if country else []
        parts = [(p, self.cell(row, f)) for p, f in ((rdf.POSTCODE, "postcode"), (rdf.LOCALITY, "city"))]
        parts = [(p, v) for p, v in parts if v]
        if parts:
            address = NamedNode(f"{node.value}/address")
            triples += [Triple(node, rdf.ADDRESS, address), Triple(address, TYPE, rdf.POSTAL_ADDRESS),
                        *(Triple(address, p, rdf.plain(v)) for p, v in parts)]
        return triples

    def _role(self, project: NamedNode, organisation: NamedNode, key: str) -> list[Triple]:
        ig, mapping = self.ig, self.mapping
        node = NamedNode(self.iris.entity("role", f"op-{slug(mapping.dataset)}-{slug(key, 60)}"))
        return [Triple(node, TYPE, ig.Role), Triple(node, ig.agent, organisation), Triple(node, ig.roleIn, project),
                Triple(node, ig.roleType, NamedNode(role_type_iri(mapping.role_type, self.iris.base))),
                Triple(node, rdf.LABEL, rdf.text(mapping.role, mapping.language)),
                Triple(node, rdf.IDENTIFIER, rdf.plain(key)), Triple(node, rdf.DERIVED_FROM, self.file)]


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _reference_key(name: str) -> str | None:
    """A reference programme or fund by key or by any of its names ('FEDER', 'EFRU', 'ESF+')."""
    keys = {p.key for p in programmes()}
    if name.strip().lower() in keys:
        return name.strip().lower()
    found = match_programmes(name)
    return found[0] if found else None


def import_operations(path: Path, mapping: Mapping, store: Store, iris: Iris, options: ImportOptions) -> ImportReport:
    sources = find_sources(path, suffixes=(".csv", ".xlsx"))
    if len(sources) != 1:
        raise SourceError(f"{path}: a list of operations is one CSV or XLSX file; found {len(sources)}: "
                          f"{', '.join(sources) or 'none'}")
    source = next(iter(sources.values()))
    dataset = options.dataset or mapping.dataset
    mapping = Mapping(**{**mapping.__dict__, "dataset": dataset})
    dataset_node = NamedNode(iris.entity("dataset", dataset))
    run = OperationsRun(iris, mapping, Places(iris.base), Vocabulary(iris),
                        file=NamedNode(f"{dataset_node.value}/file/{source.name}"))
    report = ImportReport(dataset=dataset)
    with Spill() as spill:
        import_rows(operation_rows(source, mapping), run.operation, spill, report, label=source.name,
                    progress=options.progress)
        described = describe(run, dataset_node, options.issued or source.modified(), source.name)
        write_dataset(store, iris, dataset, spill, described, report,
                      triples_per_graph=options.triples_per_graph, progress=options.progress)
    return report


def operation_rows(source: Source, mapping: Mapping) -> Iterator[Row | BadRow]:
    """The rows of a list of operations, a CSV file or a sheet of an XLSX workbook."""
    required = list(mapping.columns.values())
    if source.is_xlsx:
        return read_sheet(source, sheet=mapping.sheet, numbers=mapping.numbers, date_format=mapping.date_formats[0],
                          required=required)
    return read_rows(source, delimiter=mapping.delimiter, encoding=mapping.encoding, required=required)


def describe(run: OperationsRun, dataset: NamedNode, issued: date, file_name: str) -> list[Triple]:
    mapping = run.mapping
    return [Triple(dataset, TYPE, rdf.DATASET), Triple(dataset, TYPE, rdf.PROV_ENTITY),
            Triple(dataset, rdf.TITLE, rdf.text(f"List of operations: {mapping.name}", "en")),
            Triple(dataset, rdf.LANGUAGE, rdf.plain(mapping.language)), Triple(dataset, rdf.ISSUED, rdf.day(issued)),
            Triple(dataset, rdf.DISTRIBUTION_OF, run.file), Triple(run.file, TYPE, rdf.DISTRIBUTION),
            Triple(run.file, TYPE, rdf.PROV_ENTITY), Triple(run.file, rdf.TITLE, rdf.plain(file_name)),
            Triple(run.file, rdf.IS_PART_OF, dataset)]
