"""A deterministic synthetic innovation-actor graph for the partner-search benchmark.

Same seed and size -> the same N-Quads, byte for byte. The graph follows the vocabulary contract
(organisations typed with the ig:Organisation subclasses, labels in four languages, countries,
regions within countries and programme areas, themes from the ontology's SKOS scheme with evidence
nodes, keywords, projects with roles and programmes) so the index and the ranking do the same work
as on real data. It is written to a file for a benchmark store and is NEVER loaded into the public
graph: every IRI lives under ``{base}id/synthetic/`` / ``{base}graph/synthetic-...``.

About 10-12 triples per organisation: 100,000 organisations ~ 1.1 M quads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from innograph.iris import Iris
from innograph.partners.scheme import concepts_from_ontology

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"

COUNTRIES = ("FR", "DK", "NL", "BE", "DE", "SE", "NO", "PL", "ES", "IT", "PT", "IE", "FI", "EE", "LT", "AT")
LANG_OF = {"FR": "fr", "DK": "da", "NL": "nl", "BE": "nl"}  # others write in English
REGIONS_PER_COUNTRY = 8
TYPES = ("PublicAuthority", "DevelopmentAgency", "ResearchOrganisation", "Company", "ClusterOrganisation",
         "Network", "EUOffice")
TYPE_WEIGHTS = (10, 8, 15, 45, 12, 6, 4)
NAME_PARTS = {
    "fr": (("Agence", "Pôle", "Institut", "Société", "Centre", "Réseau"), ("Innovation", "Numérique", "Énergie",
           "Santé", "Mer", "Industrie")),
    "da": (("Center", "Klynge", "Institut", "Selskab", "Hus", "Netværk"), ("Innovation", "Digital", "Energi",
           "Sundhed", "Hav", "Industri")),
    "nl": (("Centrum", "Cluster", "Instituut", "Bedrijf", "Huis", "Netwerk"), ("Innovatie", "Digitaal", "Energie",
           "Gezondheid", "Zee", "Industrie")),
    "en": (("Agency", "Cluster", "Institute", "Company", "Hub", "Network"), ("Innovation", "Digital", "Energy",
           "Health", "Marine", "Industry")),
}
SYLLABLES = ("ka", "lo", "mer", "vin", "dal", "or", "sen", "ber", "ta", "ni", "rup", "gar", "el", "wi", "sto", "ha")
SENTENCE = {
    "fr": "{org} travaille sur le thème {theme} avec des partenaires régionaux.",
    "da": "{org} arbejder med {theme} sammen med regionale partnere.",
    "nl": "{org} werkt aan {theme} met regionale partners.",
    "en": "{org} works on {theme} with regional partners.",
}


@dataclass(frozen=True)
class SyntheticGraph:
    organisations: int
    quads: int
    orgs: list[str]  # organisation IRIs (seekers for the benchmark)
    countries: dict[str, str]  # organisation -> country code
    programmes: list[str]
    concepts: list[str]


def _lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def generate(path: Path, organisations: int, iris: Iris, *, seed: int = 7) -> SyntheticGraph:
    """Write the graph as N-Quads to ``path``; returns what the benchmark needs to know of it."""
    rng = random.Random(seed)
    concepts = concepts_from_ontology(iris.base)
    if not concepts:
        raise RuntimeError("the ontology's theme scheme is needed to generate a synthetic graph")
    concept_iris = [c.iri for c in concepts]
    ref = f"<{iris.reference_graph}>"
    t = iris.term
    count = 0
    orgs: list[str] = []
    countries: dict[str, str] = {}

    with path.open("w", encoding="utf-8") as out:

        def quad(s: str, p: str, o: str, g: str) -> None:
            nonlocal count
            out.write(f"<{s}> <{p}> {o} {g} .\n")
            count += 1

        # Reference data: scheme, countries, regions (within a country and a programme area), programmes.
        scheme = iris.entity("theme", "scheme")
        for c in concepts:
            quad(c.iri, SKOS + "inScheme", f"<{scheme}>", ref)
            for lang, label in c.pref.items():
                quad(c.iri, SKOS + "prefLabel", _lit(label, lang), ref)
            for b in sorted(c.broader):
                quad(c.iri, SKOS + "broader", f"<{iris.entity('theme', b) if ':' not in b else b}>", ref)
        regions: dict[str, list[str]] = {}
        areas = [iris.entity("region", f"synthetic-area-{k}") for k in range(6)]
        for code in COUNTRIES:
            country = iris.entity("country", code)
            regions[code] = []
            for r in range(REGIONS_PER_COUNTRY):
                region = iris.entity("region", f"{code}-S{r}")
                regions[code].append(region)
                quad(region, RDF_TYPE, f"<{t('Region')}>", ref)
                quad(region, RDFS_LABEL, _lit(f"{_name(rng)} ({code})"), ref)
                quad(region, t("withinArea"), f"<{country}>", ref)
                quad(region, t("withinArea"), f"<{rng.choice(areas)}>", ref)
        programmes = []
        for k in range(12):
            programme = iris.entity("programme", f"synthetic-programme-{k}")
            programmes.append(programme)
            quad(programme, RDF_TYPE, f"<{t('Programme')}>", ref)
            quad(programme, RDFS_LABEL, _lit(f"Synthetic Programme {k}", "en"), ref)
            if k % 3 == 0:  # an area-based programme
                quad(programme, t("eligibleArea"), f"<{areas[k % len(areas)]}>", ref)
            else:  # a list of countries
                for code in rng.sample(COUNTRIES, 6):
                    quad(programme, t("eligibleArea"), f"<{iris.entity('country', code)}>", ref)

        # Organisations, ten per source document.
        for n in range(organisations):
            if n % 10 == 0:
                doc_id = f"synthetic-{n // 10}"
                graph = f"<{iris.graph(doc_id)}>"
                doc = iris.document(doc_id)
                quad(doc, RDF_TYPE, f"<{t('SourceDocument')}>", graph)
                quad(doc, DCT + "title", _lit(f"Synthetic document {n // 10}", "en"), graph)
            code = rng.choice(COUNTRIES)
            lang = LANG_OF.get(code, "en")
            org = iris.entity("synthetic", f"org-{n}")
            orgs.append(org)
            countries[org] = code
            kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
            heads, tails = NAME_PARTS[lang]
            label = f"{rng.choice(heads)} {_name(rng)} {rng.choice(tails)}"
            quad(org, RDF_TYPE, f"<{t(kind)}>", graph)
            quad(org, RDFS_LABEL, _lit(label, lang), graph)
            quad(org, t("country"), f"<{iris.entity('country', code)}>", graph)
            quad(org, t("region"), f"<{rng.choice(regions[code])}>", graph)
            themes = rng.sample(concept_iris, rng.choice((1, 1, 2, 2, 3)))
            for theme in themes:
                quad(org, t("theme"), f"<{theme}>", graph)
            theme_label = next(c.pref.get(lang) or c.pref.get("en", "") for c in concepts if c.iri == themes[0])
            if n % 2 == 0:
                quad(org, t("keyword"), _lit(theme_label, lang), graph)
            ev = f"{doc}/evidence/{n}"
            quad(ev, t("evidenceFor"), f"<{org}>", graph)
            quad(ev, t("evidenceProperty"), f"<{t('theme')}>", graph)
            quad(ev, t("evidenceValue"), f"<{themes[0]}>", graph)
            quad(ev, t("sentence"), _lit(SENTENCE[lang].format(org=label, theme=theme_label), lang), graph)
            quad(ev, t("inDocument"), f"<{doc}>", graph)

        # Projects: one per 20 organisations, 3-6 partners each, in a programme.
        for k in range(organisations // 20):
            doc_id = f"synthetic-project-{k}"
            graph = f"<{iris.graph(doc_id)}>"
            project = iris.entity("synthetic", f"project-{k}")
            quad(project, RDF_TYPE, f"<{t('Project')}>", graph)
            quad(project, RDFS_LABEL, _lit(f"Project {_name(rng)} {k}", "en"), graph)
            quad(project, t("programme"), f"<{rng.choice(programmes)}>", graph)
            quad(project, t("theme"), f"<{rng.choice(concept_iris)}>", graph)
            for m, partner in enumerate(rng.sample(orgs, rng.randint(3, 6))):
                role = f"{iris.graph(doc_id)}/role/{m}"
                quad(role, t("agent"), f"<{partner}>", graph)
                quad(role, t("roleIn"), f"<{project}>", graph)
                quad(role, t("roleType"), f"<{iris.entity('role-type', 'lead-partner' if m == 0 else 'partner')}>",
                     graph)
    return SyntheticGraph(organisations, count, orgs, countries, programmes, concept_iris)


NEED_TEMPLATES = {
    "fr": "nous cherchons des partenaires en {a} et {b}",
    "da": "vi søger partnere inden for {a} og {b}",
    "nl": "wij zoeken partners voor {a} en {b}",
    "en": "looking for partners in {a} and {b}",
}


def sample_needs(iris: Iris, count: int, *, seed: int = 11) -> list[str]:
    """Free-text needs in the four languages naming two theme labels each (deterministic)."""
    rng = random.Random(seed)
    concepts = concepts_from_ontology(iris.base)
    out = []
    for _ in range(count):
        lang = rng.choice(("fr", "da", "nl", "en"))
        a, b = rng.sample(concepts, 2)
        out.append(NEED_TEMPLATES[lang].format(a=a.pref.get(lang, ""), b=b.pref.get(lang, "")))
    return out
