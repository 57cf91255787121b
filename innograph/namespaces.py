"""The RDF names every part of innograph shares: the default base IRI, the namespaces of the
vocabularies it uses, the prefixes written in serialisations, and the common terms.

A leaf module (no import of the project), so that every layer may use it, from the ontology data
up to the server. The ``ig:`` terms themselves are in the generated ``innograph.ontology.namespace``
(a closed namespace: a misspelt term is an error); their namespace follows the base IRI, so it
is not a constant here: ``prefixes(base_iri)`` adds it.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

DEFAULT_BASE_IRI = "https://w3id.org/innograph/"  # the one default of INNOGRAPH_BASE_IRI
ONTOLOGY_SUFFIX = "ontology#"  # ig: terms are {base}ontology#Term

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
DCATAP = "http://data.europa.eu/r5r/"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
TREE = "https://w3id.org/tree#"
LDES = "https://w3id.org/ldes#"
SPDX = "http://spdx.org/rdf/terms#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SH = "http://www.w3.org/ns/shacl#"
EURIO = "http://data.europa.eu/s66#"  # EU Research Information Ontology (alignments of the ontology)

# Bases used by one part each (not written as prefixes), kept here so that each is spelt once
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"  # EU controlled vocabularies
EU_COUNTRY = EU_AUTHORITY + "country/"
NUTS = "http://data.europa.eu/nuts/code/"
FORMATS = "http://www.w3.org/ns/formats/"  # W3C unique URIs for file formats
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/"
HTTP = "http://www.w3.org/2011/http#"  # W3C HTTP Vocabulary in RDF 1.0
HTTP_STATUS = "http://www.w3.org/2011/http-statusCodes#"
CNT = "http://www.w3.org/2011/content#"
# the vocabularies of the W3C SPARQL test suites (``innograph conformance``)
TEST_MANIFEST = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
TEST_QUERY = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
TEST_UPDATE = "http://www.w3.org/2009/sparql/tests/test-update#"
TEST_DAWG = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
RESULT_SET = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"

# prefix -> namespace, as written in Turtle, TriG, JSON-LD contexts and SPARQL headers
PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCT,
    "dcat": DCAT,
    "dcatap": DCATAP,
    "prov": PROV,
    "foaf": FOAF,
    "vcard": VCARD,
    "void": VOID,
    "sd": SD,
    "hydra": HYDRA,
    "tree": TREE,
    "ldes": LDES,
    "spdx": SPDX,
    "schema": SCHEMA,
    "org": ORG,
}


def vocab(base_iri: str) -> str:
    """The namespace of the ``ig:`` terms under ``base_iri``."""
    return base_iri + ONTOLOGY_SUFFIX


def expand(prefixed: str) -> str:
    """'skos:prefLabel' -> the full IRI, for a prefix of :data:`PREFIXES` (an unknown one is a KeyError)."""
    prefix, _, local = prefixed.partition(":")
    return PREFIXES[prefix] + local


def prefixes(base_iri: str) -> dict[str, str]:
    """Every prefix of a serialisation, ``ig:`` first (it follows the base IRI)."""
    return {"ig": vocab(base_iri), **PREFIXES}


# Terms used across modules, as pyoxigraph nodes
RDF_TYPE = NamedNode(RDF + "type")
RDFS_LABEL = NamedNode(RDFS + "label")
SKOS_PREF_LABEL = NamedNode(SKOS + "prefLabel")
SKOS_ALT_LABEL = NamedNode(SKOS + "altLabel")
DCT_MODIFIED = NamedNode(DCT + "modified")
XSD_DATETIME = NamedNode(XSD + "dateTime")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_DOUBLE = NamedNode(XSD + "double")
XSD_BOOLEAN = NamedNode(XSD + "boolean")
FOAF_NAME = NamedNode(FOAF + "name")
