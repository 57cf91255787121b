"""Reference data: countries, regions, programmes and role types as records and as triples."""

from __future__ import annotations

import pyoxigraph
from innograph.ontology.reference import (
    EU27,
    countries,
    programmes,
    reference_triples,
    regions,
    role_types,
)
from innograph.ontology.tables import LANGUAGES

BASE = "https://w3id.org/innograph/"


def _store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in reference_triples())
    return store


def test_countries_have_four_labels_and_eu_authority_links() -> None:
    by_code = {c.code: c for c in countries()}
    for code in [*EU27, "NO", "IS", "CH", "GB", "UA", "TR"]:
        assert set(by_code[code].labels) == set(LANGUAGES), code
    assert by_code["FR"].labels == {"en": "France", "fr": "France", "da": "Frankrig", "nl": "Frankrijk"}
    assert by_code["GB"].authority_iri == "http://publications.europa.eu/resource/authority/country/GBR"
    assert by_code["GR"].nuts_code == "EL"
    assert by_code["NL"].labels["da"] == "Nederlandene"
    assert "Holland" in by_code["NL"].alt_labels["da"]
    assert by_code["MD"].labels["fr"] == "République de Moldova"


def test_regions_from_iso_3166_2_with_nuts_codes() -> None:
    by_code = {r.code: r for r in regions()}
    normandy = by_code["FR-NOR"]
    assert normandy.labels["en"] == "Normandy"
    assert normandy.labels["fr"] == "Normandie"
    assert normandy.nuts_code == "FRD"
    assert normandy.country == "FR"
    assert by_code["DK-81"].labels["da"] == "Nordjylland"
    assert by_code["IT-82"].labels["da"] == "Sicilien"
    assert by_code["BE-VLI"].parent == "BE-VLG"
    assert by_code["FR-08"].nuts_code == "FRF21"
    assert len([r for r in regions() if r.kind == "iso"]) > 1500


def test_cross_border_areas() -> None:
    by_code = {r.code: r for r in regions()}
    area = by_code["euregio-meuse-rhine"]
    assert area.kind == "area"
    assert set(area.countries) == {"BE", "NL", "DE"}
    assert area.labels["nl"] == "Euregio Maas-Rijn"
    assert by_code["eurometropolis-lille-kortrijk-tournai"].labels["nl"].startswith("Eurometropool")


def test_programmes_resolve_mentions_in_four_languages() -> None:
    by_key = {p.key: p for p in programmes()}
    for key in ("interreg-i", "interreg-ii", "interreg-iii", "interreg-iv", "interreg-v", "interreg-vi",
                "interreg-europe", "urbact", "atlantic-area", "north-sea", "baltic-sea-region",
                "oresund-kattegat-skagerrak", "flanders-netherlands", "euregio-meuse-rhine",
                "deutschland-nederland", "france-wallonie-vlaanderen", "upper-rhine", "grande-region",
                "two-seas", "north-west-europe", "i3", "erdf", "horizon-europe"):
        assert set(by_key[key].labels) == set(LANGUAGES), key
    assert by_key["interreg-iii"].periods == ("2000-2006",)
    assert by_key["interreg-europe"].strand == "C"
    assert "FEDER" in by_key["erdf"].names("fr")
    assert "EFRU" in by_key["erdf"].names("da")
    assert "EFRO" in by_key["erdf"].names("nl")
    assert "ØKS" in by_key["oresund-kattegat-skagerrak"].names()
    assert "Interreg Vlaanderen-Nederland" in by_key["flanders-netherlands"].names("nl")
    assert {"DK", "SE", "NO"} <= set(by_key["oresund-kattegat-skagerrak"].eligible_countries)
    assert "NO" in by_key["interreg-europe"].eligible_countries
    assert "interreg" in by_key["interreg-europe"].parents


def test_role_types_match_the_contract() -> None:
    keys = {r.key for r in role_types()}
    assert keys == {"lead-partner", "partner", "coordinator", "funder", "managing-authority", "host",
                    "advisory-body", "initiator", "network", "member", "decision-body", "other"}
    assert all(set(r.labels) == set(LANGUAGES) for r in role_types())


def test_triples_state_eligibility_and_hierarchy() -> None:
    store = _store()
    ask = f"""PREFIX ig: <{BASE}ontology#>
    ASK {{ <{BASE}id/programme/oresund-kattegat-skagerrak> ig:eligibleArea ?area ;
                                                           ig:parentProgramme <{BASE}id/programme/interreg> .
           <{BASE}id/region/DK-84> ig:withinArea ?area .
           <{BASE}id/programme/interreg-iv> ig:period "2007-2013" . }}"""
    assert store.query(ask)
    assert store.query(f"ASK {{ <{BASE}id/country/DK> a <{BASE}ontology#Country> }}")


def test_triples_are_cached_and_follow_the_base_iri() -> None:
    assert reference_triples() == reference_triples()
    other = reference_triples("https://data.example.eu/ig/")
    assert len(other) == len(reference_triples())
    assert not any(t.subject.value.startswith("https://w3id.org/") for t in other)


def test_programme_mentions_resolve_to_keys() -> None:
    from innograph.ontology.reference import match_programmes

    assert match_programmes("INTERREG IV A Euregio Meuse-Rhin") == ["euregio-meuse-rhine", "interreg-iv"]
    assert match_programmes("Atlantic Area 2000-2006") == ["atlantic-area"]
    assert match_programmes("Europees Fonds Regionale Ontwikkeling (EFRO)") == ["erdf"]
    assert match_programmes("Interreg V Vlaanderen-Nederland") == ["flanders-netherlands", "interreg-v"]
    assert match_programmes("Interreg VI-A France-Wallonie-Vlaanderen") == ["france-wallonie-vlaanderen", "interreg-vi"]
    assert match_programmes("Interreg IV C") == ["interreg-ivc"]
    assert match_programmes("EU's Regionalfond") == ["erdf"]
    assert match_programmes("Horisont Europa") == ["horizon-europe"]
    assert match_programmes("a programme nobody runs") == []


def test_region_categories() -> None:
    from innograph.ontology.reference import region_categories

    keys = {c.key for c in region_categories()}
    assert keys == {"less-developed", "transition", "more-developed"}
    for category in region_categories():
        assert set(category.labels) == set(LANGUAGES)
        assert category.iri.startswith(BASE + "id/region-category/")
    assert _store().query(f"ASK {{ <{BASE}id/region-category/transition> a <{BASE}ontology#RegionCategory> }}")
