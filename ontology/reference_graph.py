"""The reference graph, ``{base}graph/reference`` of every store: the records of
:mod:`innograph.ontology.reference` (countries, regions, programmes, EU bodies, role types), the
categories of region and the theme scheme as triples, labelled in four languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, partial

from innograph.ontology import reference, themes
from innograph.ontology.reference import RoleType
from pyoxigraph import Literal, NamedNode, Triple

from innograph.namespaces import DEFAULT_BASE_IRI, NUTS, RDF_TYPE, RDFS_LABEL, SKOS, SKOS_ALT_LABEL, SKOS_PREF_LABEL

_EXACT = NamedNode(SKOS + "exactMatch")
_IN_SCHEME = NamedNode(SKOS + "inScheme")


def _labelled(node: NamedNode, labels: Mapping[str, str], alts: Mapping[str, tuple[str, ...]]) -> list[Triple]:
    triples = []
    for lang, label in labels.items():
        literal = Literal(label, language=lang)
        triples += [Triple(node, RDFS_LABEL, literal), Triple(node, SKOS_PREF_LABEL, literal)]
    for lang, values in alts.items():
        triples += [Triple(node, SKOS_ALT_LABEL, Literal(value, language=lang)) for value in values]
    return triples


def _terms(base_iri: str) -> dict[str, NamedNode]:
    """The ig: terms the reference graph uses, under this base IRI."""
    names = (
        "Country", "Region", "Programme", "Fund", "Organisation", "RoleType", "RegionCategory", "isoCode",
        "nutsCode", "country", "withinArea", "subdivisionType", "period", "strand", "parentProgramme",
        "fundedBy", "eligibleArea",
    )  # fmt: skip
    return {name: NamedNode(base_iri + "ontology#" + name) for name in names}


def _country_triples(base_iri: str, ig: dict[str, NamedNode]) -> list[Triple]:
    triples: list[Triple] = []
    for country in reference.countries(base_iri):
        node = NamedNode(country.iri)
        triples += [
            Triple(node, RDF_TYPE, ig["Country"]),
            Triple(node, ig["isoCode"], Literal(country.code)),
            Triple(node, ig["nutsCode"], Literal(country.nuts_code)),
            Triple(node, _EXACT, NamedNode(country.authority_iri)),
        ]
        triples += _labelled(node, country.labels, country.alt_labels)
    return triples


def _region_triples(base_iri: str, ig: dict[str, NamedNode]) -> list[Triple]:
    triples: list[Triple] = []
    for region in reference.regions(base_iri):
        node = NamedNode(region.iri)
        triples.append(Triple(node, RDF_TYPE, ig["Region"]))
        triples += _labelled(node, region.labels, region.alt_labels)
        if region.kind == "iso":
            triples.append(Triple(node, ig["isoCode"], Literal(region.code)))
        for code in region.countries:
            triples.append(Triple(node, ig["country"], NamedNode(reference.country_iri(code, base_iri))))
        if region.parent:
            triples.append(Triple(node, ig["withinArea"], NamedNode(reference.region_iri(region.parent, base_iri))))
        if region.subdivision_type:
            triples.append(Triple(node, ig["subdivisionType"], Literal(region.subdivision_type)))
        if region.nuts_code:
            triples.append(Triple(node, ig["nutsCode"], Literal(region.nuts_code)))
            triples.append(Triple(node, _EXACT, NamedNode(NUTS + region.nuts_code)))
        for part in region.parts:
            triples.append(Triple(NamedNode(reference.region_iri(part, base_iri)), ig["withinArea"], node))
    return triples


def _programme_triples(base_iri: str, ig: dict[str, NamedNode]) -> list[Triple]:
    triples: list[Triple] = []
    for programme in reference.programmes(base_iri):
        node = NamedNode(programme.iri)
        triples.append(Triple(node, RDF_TYPE, ig["Fund" if programme.kind == "fund" else "Programme"]))
        triples += _labelled(node, programme.labels, programme.aliases)
        triples += [Triple(node, ig["period"], Literal(period)) for period in programme.periods]
        if programme.strand:
            triples.append(Triple(node, ig["strand"], Literal(programme.strand)))
        for parent in programme.parents:
            triples.append(Triple(node, ig["parentProgramme"], NamedNode(reference.programme_iri(parent, base_iri))))
        for fund in programme.funds:
            triples.append(Triple(node, ig["fundedBy"], NamedNode(reference.programme_iri(fund, base_iri))))
        areas = [reference.region_iri(code, base_iri) for code in programme.eligible_regions] or [
            reference.country_iri(code, base_iri) for code in programme.eligible_countries
        ]
        triples += [Triple(node, ig["eligibleArea"], NamedNode(iri)) for iri in areas]
    return triples


def _eu_body_triples(base_iri: str, ig: dict[str, NamedNode]) -> list[Triple]:
    triples: list[Triple] = []
    organisation = ig["Organisation"]
    for body in reference.eu_bodies(base_iri):
        node = NamedNode(body.iri)
        body_type = NamedNode(base_iri + "ontology#" + body.org_type)
        triples += [Triple(node, RDF_TYPE, organisation), Triple(node, RDF_TYPE, body_type)]
        triples += _labelled(node, body.labels, body.alt_labels)
    return triples


_SCHEME_LABELS = {
    "role-type": {"en": "innograph role types", "fr": "types de rôle d'innograph", "da": "innographs rolletyper",
                  "nl": "roltypen van innograph"},
    "region-category": {"en": "categories of region", "fr": "catégories de régions", "da": "regionskategorier",
                        "nl": "regiocategorieën"},
}  # fmt: skip


def _concept_scheme(base_iri: str, segment: str, concept_class: NamedNode, concepts: list[RoleType]) -> list[Triple]:
    """A SKOS scheme of the reference graph (role types, categories of region) and its concepts."""
    scheme = NamedNode(f"{base_iri}id/{segment}/scheme")
    triples = [Triple(scheme, RDF_TYPE, NamedNode(SKOS + "ConceptScheme"))]
    triples += _labelled(scheme, _SCHEME_LABELS[segment], {})
    for concept in concepts:
        node = NamedNode(concept.iri)
        triples += [
            Triple(node, RDF_TYPE, concept_class),
            Triple(node, RDF_TYPE, NamedNode(SKOS + "Concept")),
            Triple(node, _IN_SCHEME, scheme),
        ]
        triples += _labelled(node, concept.labels, concept.alt_labels)
    return triples


def region_category_iri(key: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    return f"{base_iri}id/region-category/{key}"


@cache
def _region_categories(base_iri: str) -> tuple[RoleType, ...]:
    return reference.scheme_concepts("region-categories.tsv", partial(region_category_iri, base_iri=base_iri))


def region_categories(base_iri: str = DEFAULT_BASE_IRI) -> list[RoleType]:
    """Cohesion-policy categories of regions (less developed, transition, more developed)."""
    return list(_region_categories(base_iri))


@cache
def _reference_triples(base_iri: str) -> tuple[Triple, ...]:
    ig = _terms(base_iri)
    triples = _country_triples(base_iri, ig) + _region_triples(base_iri, ig) + _programme_triples(base_iri, ig)
    triples += _eu_body_triples(base_iri, ig)
    triples += _concept_scheme(base_iri, "role-type", ig["RoleType"], reference.role_types(base_iri))
    triples += _concept_scheme(base_iri, "region-category", ig["RegionCategory"], region_categories(base_iri))
    triples += themes.theme_triples(base_iri)
    return tuple(triples)


def reference_triples(base_iri: str = DEFAULT_BASE_IRI) -> list[Triple]:
    """Every reference triple (countries, regions, programmes, role types, themes)."""
    return list(_reference_triples(base_iri))
