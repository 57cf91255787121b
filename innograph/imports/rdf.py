"""The RDF the importers write: the ontology's terms (checked against the generated closed
namespace, so a misspelt term fails at start-up), typed literals and the minted nodes of a
dataset (its files, roles and amounts live under the dataset's IRI)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import (
    DCAT,
    DCT,
    OWL,
    PROV,
    RDF_TYPE,
    RDFS_LABEL,
    SCHEMA,
    SKOS_ALT_LABEL,
    SKOS_PREF_LABEL,
    XSD,
)
from innograph.ontology.namespace import IG

XSD_DATE = NamedNode(XSD + "date")
XSD_DECIMAL = NamedNode(XSD + "decimal")
XSD_DATETIME = NamedNode(XSD + "dateTime")

# terms of other vocabularies the imports write (schema.org and EURIO are what the ontology's
# classes are aligned with; PROV and DCAT for the provenance)
TYPE = RDF_TYPE
LABEL = RDFS_LABEL
PREF_LABEL = SKOS_PREF_LABEL
ALT_LABEL = SKOS_ALT_LABEL
IDENTIFIER = NamedNode(DCT + "identifier")
SUBJECT = NamedNode(DCT + "subject")
DCT_TYPE = NamedNode(DCT + "type")
ISSUED = NamedNode(DCT + "issued")
TITLE = NamedNode(DCT + "title")
LANGUAGE = NamedNode(DCT + "language")
IS_PART_OF = NamedNode(DCT + "isPartOf")
HAS_PART = NamedNode(DCT + "hasPart")  # a dataset's manifest -> the graphs of its current version
DERIVED_FROM = NamedNode(PROV + "wasDerivedFrom")
PROV_ENTITY = NamedNode(PROV + "Entity")
DATASET = NamedNode(DCAT + "Dataset")
DISTRIBUTION = NamedNode(DCAT + "Distribution")
DISTRIBUTION_OF = NamedNode(DCAT + "distribution")
SAME_AS = NamedNode(OWL + "sameAs")
DIFFERENT_FROM = NamedNode(OWL + "differentFrom")
VAT_ID = NamedNode(SCHEMA + "vatID")
ADDRESS = NamedNode(SCHEMA + "address")
POSTAL_ADDRESS = NamedNode(SCHEMA + "PostalAddress")
STREET = NamedNode(SCHEMA + "streetAddress")
POSTCODE = NamedNode(SCHEMA + "postalCode")
LOCALITY = NamedNode(SCHEMA + "addressLocality")
LATITUDE = NamedNode(SCHEMA + "latitude")
LONGITUDE = NamedNode(SCHEMA + "longitude")


class Vocabulary:
    """``ig:`` terms as pyoxigraph nodes under the deployment's base IRI."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris

    def __getattr__(self, name: str) -> NamedNode:
        getattr(IG, name)  # AttributeError for a term the ontology does not define
        node = NamedNode(self.iris.term(name))
        setattr(self, name, node)
        return node


def text(value: str, lang: str) -> Literal:
    return Literal(" ".join(value.split()), language=lang)


def plain(value: str) -> Literal:
    return Literal(value)


def decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD_DECIMAL)


def day(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD_DATE)


def amount(owner: NamedNode, key: str, value: Decimal, meaning: str, ig: Vocabulary) -> list[Triple]:
    """A MonetaryAmount in euros under its owner's IRI (``{owner}/amount/{key}``)."""
    node = NamedNode(f"{owner.value}/amount/{key}")
    return [
        Triple(owner, ig.amount, node),
        Triple(node, TYPE, ig.MonetaryAmount),
        Triple(node, ig.value, decimal(value)),
        Triple(node, ig.currency, plain("EUR")),
        Triple(node, ig.meaning, plain(meaning)),
    ]


def labelled(node: NamedNode, name: str, lang: str, aliases: tuple[str, ...] = ()) -> list[Triple]:
    triples = [Triple(node, LABEL, text(name, lang)), Triple(node, PREF_LABEL, text(name, lang))]
    folded = {" ".join(name.split()).lower()}
    for alias in aliases:
        if alias.strip() and " ".join(alias.split()).lower() not in folded:
            folded.add(" ".join(alias.split()).lower())
            triples.append(Triple(node, ALT_LABEL, text(alias, lang)))
    return triples
