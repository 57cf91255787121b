"""``innograph import cordis PATH``: the CORDIS per-programme bulk download (FP7, Horizon 2020,
Horizon Europe), as a folder or the zip as downloaded.

Files and columns, as CORDIS documents them (semicolon-separated, fields in double quotes):

- ``project.csv``, one row per project: id, acronym, status, title, startDate, endDate,
  totalCost, ecMaxContribution, legalBasis, topics, ecSignatureDate, frameworkProgramme,
  masterCall, subCall, fundingScheme, nature, objective, contentUpdateDate, rcn, grantDoi;
- ``organization.csv``, one row per participation: projectID, projectAcronym, organisationID,
  vatNumber, name, shortName, SME, activityType, street, postCode, city, country, nutsCode,
  geolocation, organizationURL, contactForm, contentUpdateDate, rcn, order, role, ecContribution,
  netEcContribution, totalCost, endOfParticipation, active.

Written against the ontology (aligned with EURIO through its classes): ``ig:Project`` (with its
programme, call, dates, amounts, objective), ``ig:Organisation`` keyed by the CORDIS organisation
id (``id/organisation/cordis-{id}``: the same organisation in every programme's download is one
node), and one reified ``ig:Role`` per participation with its role type and EU contribution.
Each record points to the file it came from (``prov:wasDerivedFrom``), and carries its row
identifier (``dcterms:identifier``); the file belongs to the dataset, which has its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode, Triple

from innograph.imports import rdf
from innograph.imports.places import Places
from innograph.imports.rdf import TYPE, Vocabulary
from innograph.imports.report import ImportReport
from innograph.imports.rows import ImportOptions, Record, import_rows
from innograph.imports.shards import Spill, write_dataset
from innograph.imports.table import Row, Source, SourceError, find_sources, read_rows
from innograph.imports.values import BadValue, Rejected, lenient_number, parse_date, parse_flag
from innograph.iris import Iris
from innograph.ontology.reference import programme_iri, role_type_iri
from innograph.store import Store

DELIMITER = ";"
LANGUAGE = "en"  # the language CORDIS publishes titles, objectives and roles in
PROJECT_COLUMNS = ("id", "acronym", "status", "title", "startDate", "endDate", "totalCost", "ecMaxContribution",
                   "frameworkProgramme", "fundingScheme")
ORGANISATION_COLUMNS = ("projectID", "organisationID", "name", "shortName", "activityType", "country", "role",
                        "ecContribution")
PROGRAMMES = {"FP7": "fp7", "H2020": "horizon-2020", "HORIZON": "horizon-europe"}
PROGRAMME_TITLES = {"fp7": "FP7", "horizon-2020": "Horizon 2020", "horizon-europe": "Horizon Europe"}
# CORDIS role -> the ontology's role type (the role as written stays the role's label)
ROLE_TYPES = {"coordinator": "coordinator", "participant": "partner", "partner": "partner",
              "beneficiary": "partner", "associatedpartner": "other", "thirdparty": "other",
              "internationalpartner": "partner"}
ACTIVITY_CLASSES = {"HES": "ResearchOrganisation", "REC": "ResearchOrganisation", "PUB": "PublicAuthority",
                    "PRC": "Company"}
DATES = ("%Y-%m-%d", "%d/%m/%Y")
_VAT_NOISE = re.compile(r"[\s.\-]")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def vat_key(raw: str) -> str:
    """A VAT number compared across sources: upper case, no spaces, dots or dashes."""
    return _VAT_NOISE.sub("", raw).upper()


@dataclass
class CordisRun:
    """The state of one import: the vocabulary, the records seen (duplicates), the dataset's date."""

    iris: Iris
    places: Places
    ig: Vocabulary
    files: dict[str, NamedNode] = field(default_factory=dict)
    projects: set[str] = field(default_factory=set)
    participations: set[tuple[str, str, str]] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)
    latest: date | None = None

    def node(self, kind: str, key: str) -> NamedNode:
        return NamedNode(self.iris.entity(kind, key))

    def saw_update(self, row: Row) -> None:
        stamp = row.cells.get("contentUpdateDate", "").strip()[:10]
        if stamp:
            day = parse_date("contentUpdateDate", stamp, DATES)
            if day and (self.latest is None or day > self.latest):
                self.latest = day

    # -- project.csv ---------------------------------------------------------------------------

    def project(self, row: Row) -> list[Record]:
        cells = row.cells
        grant = cells["id"].strip()
        if not grant:
            raise Rejected("missing_id", "no project id")
        if grant in self.projects:
            raise Rejected("duplicate", f"project {grant} already read")
        programme = PROGRAMMES.get(cells["frameworkProgramme"].strip().upper())
        if programme is None:
            raise BadValue("unknown_programme", "frameworkProgramme", cells["frameworkProgramme"])
        triples = self._project_triples(row, grant, programme)
        self.saw_update(row)
        self.projects.add(grant)
        self.programmes.add(programme)
        return [(f"project:{grant}", triples)]

    def _project_triples(self, row: Row, grant: str, programme: str) -> list[Triple]:
        cells, ig = row.cells, self.ig
        node = self.node("project", f"cordis-{grant}")
        start, end = parse_date("startDate", cells["startDate"], DATES), parse_date("endDate", cells["endDate"], DATES)
        total, eu = lenient_number("totalCost", cells["totalCost"]), lenient_number("ecMaxContribution",
                                                                                     cells["ecMaxContribution"])
        title = cells["title"].strip() or cells["acronym"].strip() or grant
        triples = [Triple(node, TYPE, ig.Project), *rdf.labelled(node, title, LANGUAGE, (cells["acronym"],)),
                   Triple(node, rdf.IDENTIFIER, rdf.plain(grant)),
                   Triple(node, rdf.DERIVED_FROM, self.files["project"]),
                   Triple(node, ig.programme, NamedNode(programme_iri(programme, self.iris.base)))]
        triples += [Triple(node, ig.startDate, rdf.day(start))] if start else []
        triples += [Triple(node, ig.endDate, rdf.day(end))] if end else []
        triples += rdf.amount(node, "total-cost", total, "total cost", ig) if total is not None else []
        triples += rdf.amount(node, "eu-contribution", eu, "EU contribution", ig) if eu is not None else []
        for column, predicate in (("status", ig.status), ("fundingScheme", rdf.DCT_TYPE), ("legalBasis", rdf.SUBJECT),
                                  ("topics", rdf.SUBJECT)):
            value = cells.get(column, "").strip()
            triples += [Triple(node, predicate, rdf.plain(value))] if value else []
        objective = cells.get("objective", "").strip()
        triples += [Triple(node, ig.objective, rdf.text(objective, LANGUAGE))] if objective else []
        return triples + self._call(node, cells, programme)

    def _call(self, project: NamedNode, cells: dict[str, str], programme: str) -> list[Triple]:
        call_id = (cells.get("subCall") or cells.get("masterCall") or "").strip()
        if not call_id:
            return []
        call = self.node("call", "cordis-" + re.sub(r"[^A-Za-z0-9]+", "-", call_id).strip("-").lower())
        return [Triple(project, self.ig.call, call), Triple(call, TYPE, self.ig.Call),
                *rdf.labelled(call, call_id, LANGUAGE), Triple(call, rdf.IDENTIFIER, rdf.plain(call_id)),
                Triple(call, self.ig.programme, NamedNode(programme_iri(programme, self.iris.base)))]

    # -- organization.csv ----------------------------------------------------------------------

    def participation(self, row: Row) -> list[Record]:
        cells = row.cells
        grant, org_id = cells["projectID"].strip(), cells["organisationID"].strip()
        role = cells["role"].strip()
        if not grant or not org_id:
            raise Rejected("missing_id", "no projectID or organisationID")
        if grant not in self.projects:
            raise Rejected("unknown_project", f"project {grant} is not in project.csv")
        role_type = ROLE_TYPES.get(role.lower())
        if role_type is None:
            raise BadValue("unknown_role", "role", role)
        key = (grant, org_id, role.lower())
        if key in self.participations:
            raise Rejected("duplicate", f"organisation {org_id} already has role {role} in project {grant}")
        records = [(f"organisation:{org_id}", self._organisation(row, org_id)),
                   (f"project:{grant}", self._role(row, grant, org_id, role, role_type))]
        self.saw_update(row)
        self.participations.add(key)
        return records

    def _organisation(self, row: Row, org_id: str) -> list[Triple]:
        cells, ig = row.cells, self.ig
        node = self.node("organisation", f"cordis-{org_id}")
        name = cells["name"].strip() or cells["shortName"].strip()
        if not name:
            raise Rejected("missing_name", f"organisation {org_id} has no name")
        triples = [Triple(node, TYPE, ig.Organisation), *rdf.labelled(node, name, LANGUAGE, (cells["shortName"],)),
                   Triple(node, rdf.IDENTIFIER, rdf.plain(org_id)),
                   Triple(node, rdf.DERIVED_FROM, self.files["organization"])]
        kind = ACTIVITY_CLASSES.get(cells["activityType"].strip().upper())
        if parse_flag("SME", cells.get("SME", "")):
            kind = "Company"
        triples += [Triple(node, TYPE, getattr(ig, kind))] if kind else []
        vat = vat_key(cells.get("vatNumber", ""))
        triples += [Triple(node, rdf.VAT_ID, rdf.plain(vat))] if vat else []
        country = self.places.country(cells["country"])
        triples += [Triple(node, ig.country, NamedNode(country))] if country else []
        nuts = cells.get("nutsCode", "").strip().upper()
        region = self.places.region(nuts) if nuts else None
        triples += [Triple(node, ig.nutsCode, rdf.plain(nuts))] if nuts else []
        triples += [Triple(node, ig.region, NamedNode(region))] if region else []
        url = cells.get("organizationURL", "").strip()
        triples += [Triple(node, ig.website, NamedNode(url))] if _WEB_ADDRESS.fullmatch(url) else []
        return triples + self._address(node, cells)

    def _address(self, org: NamedNode, cells: dict[str, str]) -> list[Triple]:
        parts = [(rdf.STREET, cells.get("street", "")), (rdf.POSTCODE, cells.get("postCode", "")),
                 (rdf.LOCALITY, cells.get("city", ""))]
        parts = [(p, v.strip()) for p, v in parts if v.strip()]
        if not parts:
            return []
        address = NamedNode(f"{org.value}/address")
        return [Triple(org, rdf.ADDRESS, address), Triple(address, TYPE, rdf.POSTAL_ADDRESS),
                *(Triple(address, p, rdf.plain(v)) for p, v in parts)]

    def _role(self, row: Row, grant: str, org_id: str, role: str, role_type: str) -> list[Triple]:
        cells, ig = row.cells, self.ig
        node = self.node("role", f"cordis-{grant}-{org_id}-{role.lower()}")
        triples = [Triple(node, TYPE, ig.Role),
                   Triple(node, ig.agent, self.node("organisation", f"cordis-{org_id}")),
                   Triple(node, ig.roleIn, self.node("project", f"cordis-{grant}")),
                   Triple(node, ig.roleType, NamedNode(role_type_iri(role_type, self.iris.base))),
                   Triple(node, rdf.LABEL, rdf.text(role, LANGUAGE)),
                   Triple(node, rdf.IDENTIFIER, rdf.plain(f"{grant}/{org_id}/{role}")),
                   Triple(node, rdf.DERIVED_FROM, self.files["organization"])]
        for column, key, meaning in (("ecContribution", "eu-contribution", "EU contribution"),
                                     ("netEcContribution", "net-eu-contribution", "net EU contribution"),
                                     ("totalCost", "total-cost", "total cost")):
            value = lenient_number(column, cells.get(column, ""))
            triples += rdf.amount(node, key, value, meaning, ig) if value is not None else []
        if parse_flag("endOfParticipation", cells.get("endOfParticipation", "")):
            triples.append(Triple(node, ig.status, rdf.plain("participation ended")))
        return triples


def dataset_name(project_source: Source) -> str:
    """``cordis-{programme}`` from the first project row (a CORDIS download holds one programme)."""
    for item in read_rows(project_source, delimiter=DELIMITER, required=PROJECT_COLUMNS):
        if isinstance(item, Row):
            key = PROGRAMMES.get(item.cells["frameworkProgramme"].strip().upper())
            if key:
                return f"cordis-{key}"
    raise SourceError(f"{project_source.name}: no row names a known frameworkProgramme ({', '.join(PROGRAMMES)})")


def import_cordis(path: Path, store: Store, iris: Iris, options: ImportOptions) -> ImportReport:
    sources = find_sources(path, ("project", "organization"))
    dataset = options.dataset or dataset_name(sources["project"])
    dataset_node = NamedNode(iris.entity("dataset", dataset))
    run = CordisRun(iris, Places(iris.base), Vocabulary(iris),
                    files={stem: NamedNode(f"{dataset_node.value}/file/{s.name}") for stem, s in sources.items()})
    report = ImportReport(dataset=dataset)
    with Spill() as spill:
        import_rows(read_rows(sources["project"], delimiter=DELIMITER, required=PROJECT_COLUMNS), run.project, spill,
                    report, label="project.csv", progress=options.progress)
        import_rows(read_rows(sources["organization"], delimiter=DELIMITER, required=ORGANISATION_COLUMNS),
                    run.participation, spill, report, label="organization.csv", progress=options.progress)
        described = describe(run, dataset_node, options.issued or run.latest, sources)
        write_dataset(store, iris, dataset, spill, described, report,
                      triples_per_graph=options.triples_per_graph, progress=options.progress)
    return report


def describe(run: CordisRun, dataset: NamedNode, issued: date | None, sources: dict[str, Source]) -> list[Triple]:
    """The dataset (DCAT, PROV): title, programme, date, and its files."""
    programmes = sorted(run.programmes)
    title = "CORDIS " + ", ".join(PROGRAMME_TITLES[p] for p in programmes) + " projects and participants"
    triples = [Triple(dataset, TYPE, rdf.DATASET), Triple(dataset, TYPE, rdf.PROV_ENTITY),
               Triple(dataset, rdf.TITLE, rdf.text(title, LANGUAGE)),
               Triple(dataset, rdf.LANGUAGE, rdf.plain(LANGUAGE))]
    triples += [Triple(dataset, run.ig.programme, NamedNode(programme_iri(p, run.iris.base))) for p in programmes]
    triples += [Triple(dataset, rdf.ISSUED, rdf.day(issued))] if issued else []
    for stem, node in run.files.items():
        triples += [Triple(dataset, rdf.DISTRIBUTION_OF, node), Triple(node, TYPE, rdf.DISTRIBUTION),
                    Triple(node, TYPE, rdf.PROV_ENTITY), Triple(node, rdf.TITLE, rdf.plain(sources[stem].name)),
                    Triple(node, rdf.IS_PART_OF, dataset)]
    return triples
