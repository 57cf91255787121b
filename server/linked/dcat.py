"""The DCAT-AP 3 catalogue at ``/catalog`` (https://semiceu.github.io/DCAT-AP/releases/3.0.1/).

Catalog ``{base}catalog`` -> Dataset ``{base}catalog#dataset`` -> Distributions (the two dumps with
size and sha256, the SPARQL endpoint, the LDES feed, the triple pattern fragments) and DataServices
(SPARQL, fragments). Controlled values are EU authority IRIs (languages, countries, file types,
data themes, frequency, availability); each is typed and put in its scheme in the document itself,
so the catalogue validates against the DCAT-AP range and vocabulary shapes without fetching them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pycountry
from innograph.server.linked.stats import Stats
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from innograph.dump import DumpFile
from innograph.iris import Iris
from innograph.namespaces import (
    ADMS_LICENCE_TYPE,
    ADMS_PUBLISHER_TYPE,
    DCAT,
    DCATAP,
    DCT,
    FOAF,
    RDF_TYPE,
    SKOS,
    SPDX,
    VCARD,
    XSD,
)
from innograph.namespaces import EU_AUTHORITY as EU

IANA = "https://www.iana.org/assignments/media-types/"
LICENCE = EU + "licence/CC_BY_4_0"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
LDES_SPECIFICATION = "https://w3id.org/ldes/specification"
TPF_SPECIFICATION = "https://www.hydra-cg.com/spec/latest/triple-pattern-fragments/"
LANGUAGES = {"en": ("ENG", "English"), "fr": ("FRA", "French"), "da": ("DAN", "Danish"), "nl": ("NLD", "Dutch")}
THEMES = {"ECON": "Economy and finance", "REGI": "Regions and cities", "TECH": "Science and technology"}
# EU country table codes that differ from ISO 3166-1 alpha-3.
COUNTRY_EXCEPTIONS = {"XK": "XKX"}
TITLE = {
    "en": "innograph: Europe's regional innovation actors",
    "fr": "innograph : les acteurs régionaux de l'innovation en Europe",
    "da": "innograph: Europas regionale innovationsaktører",
    "nl": "innograph: regionale innovatie-actoren in Europa",
}
DESCRIPTION = {
    "en": "A knowledge graph of regions, innovation actors, clusters, programmes, calls, projects and "
          "their roles, extracted from French, Danish, Dutch and English documents; every statement "
          "carries the sentence and source it was read from. Personal data is not published.",
    "fr": "Un graphe de connaissances des régions, acteurs de l'innovation, pôles, programmes, appels, "
          "projets et de leurs rôles, extrait de documents en français, danois, néerlandais et anglais.",
    "da": "En vidensgraf over regioner, innovationsaktører, klynger, programmer, indkaldelser, projekter "
          "og deres roller, udtrukket af franske, danske, nederlandske og engelske dokumenter.",
    "nl": "Een kennisgraaf van regio's, innovatie-actoren, clusters, programma's, oproepen, projecten en "
          "hun rollen, gehaald uit Franse, Deense, Nederlandse en Engelse documenten.",
}
KEYWORDS = {"en": ("innovation", "region", "cluster", "Interreg", "linked data"),
            "fr": ("innovation", "région", "pôle de compétitivité"),
            "da": ("innovation", "region", "klynge"),
            "nl": ("innovatie", "regio", "cluster")}


def catalog_iri(iris: Iris) -> str:
    return iris.base + "catalog"


def eu_country(code: str) -> tuple[str, str] | None:
    """The EU country authority IRI and English name of an ISO 3166-1 alpha-2 code."""
    lookup = "GB" if code == "UK" else code
    country = pycountry.countries.get(alpha_2=lookup)
    if country is None:
        return None
    return EU + "country/" + COUNTRY_EXCEPTIONS.get(lookup, country.alpha_3), country.name


class _Builder:
    def __init__(self) -> None:
        self.triples: list[Triple] = []
        self.schemes: set[str] = set()

    def add(self, s: NamedNode | BlankNode, p: str, o: NamedNode | Literal | BlankNode) -> None:
        self.triples.append(Triple(s, NamedNode(p), o))

    def typed(self, s: NamedNode | BlankNode, *classes: str) -> None:
        for cls in classes:
            self.add(s, RDF_TYPE.value, NamedNode(cls))

    def concept(self, iri: str, scheme: str, label: str, *classes: str) -> NamedNode:
        node = NamedNode(iri)
        self.typed(node, SKOS + "Concept", *classes)
        self.add(node, SKOS + "inScheme", NamedNode(scheme))
        self.add(node, SKOS + "prefLabel", Literal(label, language="en"))
        if scheme not in self.schemes:
            self.schemes.add(scheme)
            self.typed(NamedNode(scheme), SKOS + "ConceptScheme")
            name = scheme.rstrip("/").rsplit("/", 2)[-2 if scheme.endswith("1.0") else -1]
            self.add(NamedNode(scheme), DCT + "title", Literal(name.replace("-", " "), language="en"))
        return node

    def texts(self, s: NamedNode, p: str, values: dict[str, str]) -> None:
        for lang, text in values.items():
            self.add(s, p, Literal(text, language=lang))


def _date(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=NamedNode(XSD + "dateTime"))


@dataclass(frozen=True)
class _Nodes:
    """The catalogue's own resources, and the shared values every part points to."""

    base: str
    catalog: NamedNode
    dataset: NamedNode
    publisher: NamedNode
    contact: NamedNode
    homepage: NamedNode
    licence: NamedNode
    sparql: NamedNode
    fragments: NamedNode
    modified: Literal
    languages: list[NamedNode] = field(default_factory=list)
    places: list[NamedNode] = field(default_factory=list)
    themes: list[NamedNode] = field(default_factory=list)


def catalog_triples(iris: Iris, stats: Stats, dumps: list[DumpFile], issued: datetime,
                    modified: datetime) -> list[Triple]:
    b = _Builder()
    base = iris.base
    n = _Nodes(
        base, NamedNode(catalog_iri(iris)), NamedNode(base + "catalog#dataset"),
        NamedNode(base + "catalog#publisher"), NamedNode(base + "catalog#contact"), NamedNode(base),
        NamedNode(LICENCE), NamedNode(base + "catalog#sparql-service"), NamedNode(base + "catalog#fragments-service"),
        _date(modified),
    )
    _shared_values(b, n, stats)
    _catalogue(b, n, _date(issued))
    _dataset(b, n, iris, stats, _date(issued))
    for dump in dumps:
        _dump_distribution(b, n, dump)
    _service_distributions(b, n)
    _data_services(b, n)
    return b.triples


def _shared_values(b: _Builder, n: _Nodes, stats: Stats) -> None:
    """Publisher, contact, licence, languages, places and themes: typed for the range shapes and
    put in their EU scheme for the vocabulary shapes."""
    b.typed(n.publisher, FOAF + "Agent")
    b.add(n.publisher, FOAF + "name", Literal("innograph", language="en"))
    b.add(n.publisher, DCT + "type", b.concept(ADMS_PUBLISHER_TYPE + "NonProfitOrganisation",
                                               ADMS_PUBLISHER_TYPE + "1.0", "Non-profit organisation"))
    b.typed(n.contact, VCARD + "Kind", VCARD + "Organization")
    b.add(n.contact, VCARD + "fn", Literal("innograph maintainers"))
    b.add(n.contact, VCARD + "hasURL", n.homepage)
    b.typed(n.homepage, FOAF + "Document")
    b.typed(n.licence, DCT + "LicenseDocument")
    b.add(n.licence, DCT + "type", b.concept(ADMS_LICENCE_TYPE + "Attribution",
                                             ADMS_LICENCE_TYPE + "1.0", "Attribution"))
    n.languages.extend(b.concept(f"{EU}language/{code}", EU + "language", name, DCT + "LinguisticSystem")
                       for code, name in LANGUAGES.values())
    n.places.append(b.concept(EU + "continent/EUROPE", EU + "continent", "Europe", DCT + "Location"))
    for code in stats.countries:
        found = eu_country(code)
        if found:
            n.places.append(b.concept(found[0], EU + "country", found[1], DCT + "Location"))
    n.themes.extend(b.concept(f"{EU}data-theme/{t}", EU + "data-theme", name) for t, name in THEMES.items())


def _catalogue(b: _Builder, n: _Nodes, issued: Literal) -> None:
    b.typed(n.catalog, DCAT + "Catalog")
    b.texts(n.catalog, DCT + "title", {k: v + " (catalogue)" for k, v in TITLE.items()})
    b.texts(n.catalog, DCT + "description", DESCRIPTION)
    b.add(n.catalog, DCT + "publisher", n.publisher)
    b.add(n.catalog, FOAF + "homepage", n.homepage)
    b.add(n.catalog, DCT + "license", n.licence)
    b.add(n.catalog, DCT + "issued", issued)
    b.add(n.catalog, DCT + "modified", n.modified)
    b.add(n.catalog, DCAT + "themeTaxonomy", NamedNode(EU + "data-theme"))
    b.add(n.catalog, DCAT + "dataset", n.dataset)
    b.add(n.catalog, DCAT + "service", n.sparql)
    b.add(n.catalog, DCAT + "service", n.fragments)
    for node in n.languages:
        b.add(n.catalog, DCT + "language", node)
    for node in n.places:
        b.add(n.catalog, DCT + "spatial", node)


def _dataset(b: _Builder, n: _Nodes, iris: Iris, stats: Stats, issued: Literal) -> None:
    dataset = n.dataset
    b.typed(dataset, DCAT + "Dataset")
    b.texts(dataset, DCT + "title", TITLE)
    b.texts(dataset, DCT + "description", DESCRIPTION)
    b.add(dataset, DCT + "publisher", n.publisher)
    b.add(dataset, DCAT + "contactPoint", n.contact)
    b.add(dataset, DCAT + "landingPage", n.homepage)
    b.add(dataset, DCT + "identifier", Literal(dataset.value))
    b.add(dataset, DCT + "issued", issued)
    b.add(dataset, DCT + "modified", n.modified)
    b.add(dataset, DCT + "accrualPeriodicity", b.concept(EU + "frequency/IRREG", EU + "frequency", "irregular",
                                                         DCT + "Frequency"))
    b.add(dataset, DCT + "conformsTo", _standard(b, iris.ontology))
    for lang, words in KEYWORDS.items():
        for kw in words:
            b.add(dataset, DCAT + "keyword", Literal(kw, language=lang))
    for node in n.themes:
        b.add(dataset, DCAT + "theme", node)
    for node in n.languages:
        b.add(dataset, DCT + "language", node)
    for node in n.places:
        b.add(dataset, DCT + "spatial", node)
    if stats.first_year and stats.last_year:
        period = NamedNode(n.base + "catalog#period")
        b.typed(period, DCT + "PeriodOfTime")
        b.add(period, DCAT + "startDate", Literal(f"{stats.first_year}-01-01", datatype=NamedNode(XSD + "date")))
        b.add(period, DCAT + "endDate", Literal(f"{stats.last_year}-12-31", datatype=NamedNode(XSD + "date")))
        b.add(dataset, DCT + "temporal", period)


@dataclass(frozen=True)
class _Access:
    """One way to get the data: a distribution of the dataset."""

    key: str  # the fragment of its IRI, {base}catalog#{key}
    title: str
    description: str
    url: str
    media: str
    file_type: str  # EU file-type code
    download: bool = False
    service: NamedNode | None = None
    conforms: str | None = None


def _distribution(b: _Builder, n: _Nodes, access: _Access) -> NamedNode:
    dist = NamedNode(f"{n.base}catalog#{access.key}")
    b.typed(dist, DCAT + "Distribution")
    b.add(n.dataset, DCAT + "distribution", dist)
    b.add(dist, DCT + "title", Literal(access.title, language="en"))
    b.add(dist, DCT + "description", Literal(access.description, language="en"))
    b.add(dist, DCAT + "accessURL", NamedNode(access.url))
    if access.download:
        b.add(dist, DCAT + "downloadURL", NamedNode(access.url))
    media_node = NamedNode(IANA + access.media)
    b.typed(media_node, DCT + "MediaType")
    b.add(dist, DCAT + "mediaType", media_node)
    b.add(dist, DCT + "format", b.concept(f"{EU}file-type/{access.file_type}", EU + "file-type", access.file_type,
                                          DCT + "MediaTypeOrExtent"))
    b.add(dist, DCT + "license", n.licence)
    b.add(dist, DCATAP + "availability", b.concept(EU + "planned-availability/STABLE",
                                                   EU + "planned-availability", "stable"))
    b.add(dist, DCT + "modified", n.modified)
    if access.service is not None:
        b.add(dist, DCAT + "accessService", access.service)
    if access.conforms:
        b.add(dist, DCT + "conformsTo", _standard(b, access.conforms))
    return dist


def _dump_distribution(b: _Builder, n: _Nodes, dump: DumpFile) -> None:
    """A dump file: its size, compression and sha256 checksum."""
    is_quads = dump.media_type == "application/n-quads"
    key = "dump-nquads" if is_quads else "dump-turtle"
    dist = _distribution(b, n, _Access(
        key,
        "Full dump, N-Quads (gzip)" if is_quads else "Full dump, Turtle (gzip)",
        "Every public named graph, sorted N-Quads, gzip." if is_quads
        else "Every public triple in one graph (graph names dropped), Turtle, gzip.",
        f"{n.base}dumps/{dump.name}", dump.media_type, "RDF_N_QUADS" if is_quads else "RDF_TURTLE",
        download=True))
    b.add(dist, DCAT + "byteSize", Literal(str(dump.byte_size), datatype=NamedNode(XSD + "nonNegativeInteger")))
    gzip_type = NamedNode("http://www.iana.org/assignments/media-types/application/gzip")
    b.typed(gzip_type, DCT + "MediaType")
    b.add(dist, DCAT + "compressFormat", gzip_type)
    checksum = NamedNode(f"{n.base}catalog#{key}-sha256")
    b.typed(checksum, SPDX + "Checksum")
    algorithm = NamedNode(SPDX + "checksumAlgorithm_sha256")
    b.typed(algorithm, SPDX + "ChecksumAlgorithm")
    b.add(checksum, SPDX + "algorithm", algorithm)
    b.add(checksum, SPDX + "checksumValue", Literal(dump.sha256, datatype=NamedNode(XSD + "hexBinary")))
    b.add(dist, SPDX + "checksum", checksum)


def _service_distributions(b: _Builder, n: _Nodes) -> None:
    """The SPARQL endpoint, the change feed and the fragments, as distributions."""
    for access in (
        _Access("sparql", "SPARQL 1.1 endpoint", "Query the public graph with SPARQL 1.1 (GET or POST).",
                n.base + "sparql", "application/sparql-results+json", "SPARQLQ", service=n.sparql,
                conforms=SPARQL_PROTOCOL),
        _Access("feed", "Change feed (LDES)",
                "A Linked Data Event Stream of document graph versions, paged by time, for incremental "
                "harvesting.", n.base + "feed", "application/trig", "RDF_TRIG", conforms=LDES_SPECIFICATION),
        _Access("fragments", "Triple pattern fragments",
                "Paged triple pattern lookups over the public graph with Hydra controls.",
                n.base + "fragments", "text/turtle", "RDF_TURTLE", service=n.fragments, conforms=TPF_SPECIFICATION),
    ):
        _distribution(b, n, access)


def _data_services(b: _Builder, n: _Nodes) -> None:
    for service, title, url, standard in (
        (n.sparql, "innograph SPARQL endpoint", n.base + "sparql", SPARQL_PROTOCOL),
        (n.fragments, "innograph triple pattern fragments", n.base + "fragments", TPF_SPECIFICATION),
    ):
        b.typed(service, DCAT + "DataService")
        b.add(service, DCT + "title", Literal(title, language="en"))
        b.add(service, DCAT + "endpointURL", NamedNode(url))
        b.add(service, DCAT + "endpointDescription", NamedNode(url))  # the endpoint describes itself
        b.add(service, DCAT + "servesDataset", n.dataset)
        b.add(service, DCT + "conformsTo", _standard(b, standard))
        b.add(service, DCT + "license", n.licence)
        b.add(service, DCT + "publisher", n.publisher)
        b.add(service, DCAT + "contactPoint", n.contact)


def _standard(b: _Builder, iri: str) -> NamedNode:
    node = NamedNode(iri)
    b.typed(node, DCT + "Standard")
    return node
