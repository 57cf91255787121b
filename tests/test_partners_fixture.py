"""A tiny partner-search graph, written through the real store API, shared by the partner tests.

Who is in it (country, region, types, themes):

- AD Normandie (FR, FR-NOR, DevelopmentAgency): AI, SMEs; took part in project "Smart Regions"
- Normandie IA Lab (FR, FR-IDF, ResearchOrganisation): AI            -> same country as the seeker
- Syddansk Innovation (DK, DK-83, Company; described in Danish): AI  -> the cross-lingual hit
- Grøn Omstilling Fyn (DK, DK-83, ClusterOrganisation): green transition
- Groningen Energie Cluster (NL, NL-GR, ClusterOrganisation; Dutch): renewable energy (narrower of
  green transition); partner of AD Normandie in "Smart Regions" (Interreg Europe)
- Flanders AI Hub (BE, BE-VLG, ResearchOrganisation; English): AI

Programmes: Interreg Europe (eligible FR, DK, NL, BE); Interreg North Sea (eligible area
"north-sea-region", which DK-83 and NL-GR are within: BE and FR are outside).
The theme scheme (reference graph) is the test's own small SKOS scheme in four languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.store import DocumentWrite, Store
from innograph.store.embedded import EmbeddedStore

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")

SCHEME: dict[str, tuple[str | None, dict[str, list[str]]]] = {
    # key: (broader key, {lang: [pref, alt...]})
    "digital-transition": (
        None,
        {"en": ["digital transition"], "fr": ["transition numérique"], "da": ["digital omstilling"],
         "nl": ["digitale transitie"]},
    ),
    "artificial-intelligence": (
        "digital-transition",
        {"en": ["artificial intelligence", "AI"], "fr": ["intelligence artificielle", "IA"],
         "da": ["kunstig intelligens"], "nl": ["kunstmatige intelligentie"]},
    ),
    "green-transition": (
        None,
        {"en": ["green transition"], "fr": ["transition écologique", "transition verte"],
         "da": ["grøn omstilling"], "nl": ["groene transitie"]},
    ),
    "renewable-energy": (
        "green-transition",
        {"en": ["renewable energy"], "fr": ["énergies renouvelables"], "da": ["vedvarende energi"],
         "nl": ["hernieuwbare energie"]},
    ),
    "smes": (
        None,
        {"en": ["SMEs", "small and medium-sized enterprises"], "fr": ["PME", "petites et moyennes entreprises"],
         "da": ["SMV", "små og mellemstore virksomheder"], "nl": ["kmo", "mkb"]},
    ),
}

# key, label, lang, country, region, type, themes, keywords, evidence sentence (for every theme)
ORGS: list[tuple[str, str, str, str, str, str, list[str], list[str], str]] = [
    ("ad-normandie", "AD Normandie", "fr", "FR", "FR-NOR", "DevelopmentAgency",
     ["artificial-intelligence", "smes"], ["intelligence artificielle"],
     "AD Normandie accompagne les PME normandes dans l'intelligence artificielle."),
    ("normandie-ia-lab", "Normandie IA Lab", "fr", "FR", "FR-IDF", "ResearchOrganisation",
     ["artificial-intelligence"], [], "Normandie IA Lab mène des recherches en intelligence artificielle."),
    ("syddansk-innovation", "Syddansk Innovation", "da", "DK", "DK-83", "Company",
     ["artificial-intelligence"], ["kunstig intelligens", "robotteknologi", "droner"],
     "Syddansk Innovation hjælper små virksomheder med at tage kunstig intelligens i brug."),
    ("gron-omstilling-fyn", "Grøn Omstilling Fyn", "da", "DK", "DK-83", "ClusterOrganisation",
     ["green-transition"], [], "Grøn Omstilling Fyn samler virksomheder om den grønne omstilling."),
    ("groningen-energie-cluster", "Groningen Energie Cluster", "nl", "NL", "NL-GR", "ClusterOrganisation",
     ["renewable-energy"], ["waterstof"], "Het Groningen Energie Cluster werkt aan hernieuwbare energie en waterstof."),
    ("flanders-ai-hub", "Flanders AI Hub", "en", "BE", "BE-VLG", "ResearchOrganisation",
     ["artificial-intelligence"], [], "Flanders AI Hub supports companies adopting artificial intelligence."),
]

REGIONS = {
    "FR-NOR": ("Normandie", "FR", []),
    "FR-IDF": ("Île-de-France", "FR", []),
    "DK-83": ("Syddanmark", "DK", ["north-sea-region"]),
    "NL-GR": ("Groningen", "NL", ["north-sea-region"]),
    "BE-VLG": ("Vlaanderen", "BE", []),
}
PROGRAMMES = {
    "interreg-europe": ("Interreg Europe", ["country/FR", "country/DK", "country/NL", "country/BE"]),
    "interreg-north-sea": ("Interreg North Sea", ["region/north-sea-region"]),
}


def _t(s: str, p: str, o: NamedNode | Literal) -> Triple:
    return Triple(NamedNode(s), NamedNode(p), o)


def reference_triples(iris: Iris) -> list[Triple]:
    """The test scheme, regions and programmes (as the reference graph would hold them)."""
    out: list[Triple] = []
    scheme = iris.entity("theme", "scheme")
    for key, (broader, labels) in SCHEME.items():
        c = iris.entity("theme", key)
        out.append(_t(c, RDF_TYPE.value, NamedNode(SKOS + "Concept")))
        out.append(_t(c, SKOS + "inScheme", NamedNode(scheme)))
        if broader:
            out.append(_t(c, SKOS + "broader", NamedNode(iris.entity("theme", broader))))
        for lang, (pref, *alts) in labels.items():
            out.append(_t(c, SKOS + "prefLabel", Literal(pref, language=lang)))
            out.extend(_t(c, SKOS + "altLabel", Literal(a, language=lang)) for a in alts)
    for code, (name, country, within) in REGIONS.items():
        r = iris.entity("region", code)
        out.append(_t(r, RDF_TYPE.value, NamedNode(iris.term("Region"))))
        out.append(_t(r, RDFS_LABEL.value, Literal(name)))
        out.append(_t(r, iris.term("withinArea"), NamedNode(iris.entity("country", country))))
        out.extend(_t(r, iris.term("withinArea"), NamedNode(iris.entity("region", w))) for w in within)
    north_sea = iris.entity("region", "north-sea-region")
    out.append(_t(north_sea, RDFS_LABEL.value, Literal("North Sea Region", language="en")))
    for key, (name, areas) in PROGRAMMES.items():
        p = iris.entity("programme", key)
        out.append(_t(p, RDF_TYPE.value, NamedNode(iris.term("Programme"))))
        out.append(_t(p, RDFS_LABEL.value, Literal(name, language="en")))
        out.extend(_t(p, iris.term("eligibleArea"), NamedNode(iris.base + "id/" + a)) for a in areas)
    return out


def org_document(iris: Iris, row: tuple[str, str, str, str, str, str, list[str], list[str], str]) -> DocumentWrite:
    key, label, lang, country, region, org_type, themes, keywords, sentence = row
    doc_id = f"doc-{key}"
    org = iris.entity("org", key)
    doc = iris.document(doc_id)
    t = iris.term
    public = [
        _t(org, RDF_TYPE.value, NamedNode(t(org_type))),
        _t(org, RDFS_LABEL.value, Literal(label, language=lang)),
        _t(org, t("country"), NamedNode(iris.entity("country", country))),
        _t(org, t("region"), NamedNode(iris.entity("region", region))),
        _t(doc, RDF_TYPE.value, NamedNode(t("SourceDocument"))),
        _t(doc, DCT_TITLE.value, Literal(f"About {label}", language=lang)),
        _t(doc, t("mainSubject"), NamedNode(org)),
    ]
    for n, (prop, value) in enumerate(
        [("theme", NamedNode(iris.entity("theme", th))) for th in themes]
        + [("keyword", Literal(k, language=lang)) for k in keywords]
    ):
        public.append(_t(org, t(prop), value))
        ev = f"{doc}/evidence/{n}"
        public += [
            _t(ev, RDF_TYPE.value, NamedNode(t("Evidence"))),
            _t(ev, t("evidenceFor"), NamedNode(org)),
            _t(ev, t("evidenceProperty"), NamedNode(t(prop))),
            _t(ev, t("evidenceValue"), value),
            _t(ev, t("sentence"), Literal(sentence, language=lang)),
            _t(ev, t("inDocument"), NamedNode(doc)),
        ]
    person = iris.entity("person", f"contact-{key}")
    personal = [
        _t(person, RDF_TYPE.value, NamedNode(t("Person"))),
        _t(person, "http://xmlns.com/foaf/0.1/name", Literal(f"Contact of {label}")),
        _t(person, t("affiliation"), NamedNode(org)),
        _t(person, "http://www.w3.org/2006/vcard/ns#hasEmail", NamedNode(f"mailto:contact@{key}.example")),
    ]
    return DocumentWrite(
        graph=iris.graph(doc_id),
        content_hash=f"sha256:{doc_id}",
        public=public,
        personal_graph=iris.personal_graph(doc_id),
        personal=personal,
    )


def project_document(iris: Iris) -> DocumentWrite:
    """'Smart Regions', an Interreg Europe project of AD Normandie and Groningen Energie Cluster."""
    t = iris.term
    project = iris.entity("project", "smart-regions")
    public = [
        _t(project, RDF_TYPE.value, NamedNode(t("Project"))),
        _t(project, RDFS_LABEL.value, Literal("Smart Regions", language="en")),
        _t(project, t("programme"), NamedNode(iris.entity("programme", "interreg-europe"))),
    ]
    for n, key in enumerate(("ad-normandie", "groningen-energie-cluster")):
        role = f"{iris.graph('doc-smart-regions')}/role/{n}"
        public += [
            _t(role, RDF_TYPE.value, NamedNode(t("Role"))),
            _t(role, t("agent"), NamedNode(iris.entity("org", key))),
            _t(role, t("roleIn"), NamedNode(project)),
            _t(role, t("roleType"), NamedNode(iris.entity("role-type", "partner"))),
        ]
    return DocumentWrite(graph=iris.graph("doc-smart-regions"), content_hash="sha256:smart-regions", public=public)


def write_partner_graph(store: Store, iris: Iris) -> None:
    """Everything above, one document (named graph) per organisation, in one write session."""
    with store.writing():
        store.write_document(
            DocumentWrite(graph=iris.reference_graph, content_hash="sha256:reference", public=reference_triples(iris))
        )
        for row in ORGS:
            store.write_document(org_document(iris, row))
        store.write_document(project_document(iris))


@contextmanager
def partner_store(folder: Path, iris: Iris) -> Iterator[EmbeddedStore]:
    """A real embedded store in ``folder`` holding the graph above; closed afterwards."""
    store = EmbeddedStore(folder / "store", iris, workers=1, timeout=10.0)
    try:
        write_partner_graph(store, iris)
        yield store
    finally:
        store.close()


def test_fixture_scheme_has_four_languages_per_concept() -> None:
    for key, (_broader, labels) in SCHEME.items():
        assert set(labels) == {"en", "fr", "da", "nl"}, key
