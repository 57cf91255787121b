"""Label search finds things, not the parts of statements that happen to carry a label."""

from __future__ import annotations

from conftest import IRIS

from innograph.partners.labels import LabelSearch


def test_evidence_roles_and_amounts_are_not_search_hits() -> None:
    org = IRIS.entity("organisation", "region-normandie")
    parts = {
        IRIS.document("d1") + "/evidence/1": "Evidence",
        IRIS.document("d1") + "/role/1": "Role",
        IRIS.document("d1") + "/amount/1": "MonetaryAmount",
    }
    labels = {org: {"fr": ["Région Normandie"]}, **{iri: {"fr": ["Région Normandie"]} for iri in parts}}
    types = {org: {"PublicAuthority"}, **{iri: {kind} for iri, kind in parts.items()}}
    hits = LabelSearch(labels, types, IRIS).search("normandie", lang="fr")
    assert [hit["iri"] for hit in hits["results"]] == [org]
