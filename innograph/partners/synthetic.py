"""The one deterministic synthetic innovation-actor graph, for both benchmarks and any test.

``bench/partners_bench.py`` (the partner index and ranking) and ``bench/sparql_vs_oxigraph.py``
(our ``/sparql`` against ``oxigraph serve``) load the same kind of graph. Same seed and size ->
the same N-Quads, byte for byte. The graph follows the vocabulary contract
(organisations typed with the ig:Organisation subclasses, labels in four languages, countries,
regions within countries and programme areas, themes from the ontology's SKOS scheme with evidence
nodes, keywords, projects with roles and programmes) so the index and the ranking do the same work
as on real data. It is written to a file for a benchmark store and is NEVER loaded into the public
graph: every IRI lives under ``{base}id/synthetic/`` / ``{base}graph/synthetic-...``.

About 12.4 quads per organisation: 100,000 organisations ~ 1.24 M quads.

    .venv/bin/python -m innograph.partners.synthetic --orgs 8000 --out /tmp/kg.nq
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from innograph.iris import Iris
from innograph.namespaces import DEFAULT_BASE_IRI
from innograph.partners.scheme import Concept, concepts_from_ontology

BASE = DEFAULT_BASE_IRI
IG = Iris(BASE).vocab
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


@dataclass
class SyntheticGraph:
    """What was generated, for choosing query parameters that match something (all IRIs)."""

    organisations: list[str] = field(default_factory=list)
    country_of: dict[str, str] = field(default_factory=dict)  # organisation -> ISO code
    countries: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    quads: int = 0


def _lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class _Writer:
    """Writes quads in a fixed order from one seeded random source (the order is the determinism)."""

    def __init__(self, out: TextIO, iris: Iris, rng: random.Random, concepts: list[Concept]) -> None:
        self.out, self.iris, self.rng, self.concepts = out, iris, rng, concepts
        self.t: Callable[[str], str] = iris.term
        self.graph = SyntheticGraph(
            countries=[iris.entity("country", code) for code in COUNTRIES], themes=[c.iri for c in concepts]
        )
        self.regions: dict[str, list[str]] = {}

    def quad(self, s: str, p: str, o: str, g: str) -> None:
        self.out.write(f"<{s}> <{p}> {o} {g} .\n")
        self.graph.quads += 1

    def reference(self) -> None:
        """The theme scheme, countries' regions (within a country and a programme area), programmes."""
        iris, t, ref = self.iris, self.t, f"<{self.iris.reference_graph}>"
        scheme = iris.entity("theme", "scheme")
        for c in self.concepts:
            self.quad(c.iri, SKOS + "inScheme", f"<{scheme}>", ref)
            for lang, label in c.pref.items():
                self.quad(c.iri, SKOS + "prefLabel", _lit(label, lang), ref)
            for broader in sorted(c.broader):
                self.quad(c.iri, SKOS + "broader", f"<{broader}>", ref)
        areas = [iris.entity("region", f"synthetic-area-{k}") for k in range(6)]
        for code in COUNTRIES:
            self.regions[code] = []
            for r in range(REGIONS_PER_COUNTRY):
                region = iris.entity("region", f"{code}-S{r}")
                self.regions[code].append(region)
                self.quad(region, RDF_TYPE, f"<{t('Region')}>", ref)
                self.quad(region, RDFS_LABEL, _lit(f"{_name(self.rng)} ({code})"), ref)
                self.quad(region, t("withinArea"), f"<{iris.entity('country', code)}>", ref)
                self.quad(region, t("withinArea"), f"<{self.rng.choice(areas)}>", ref)
        for k in range(12):
            programme = iris.entity("programme", f"synthetic-programme-{k}")
            self.graph.programmes.append(programme)
            self.quad(programme, RDF_TYPE, f"<{t('Programme')}>", ref)
            self.quad(programme, RDFS_LABEL, _lit(f"Synthetic Programme {k}", "en"), ref)
            if k % 3 == 0:  # an area-based programme
                self.quad(programme, t("eligibleArea"), f"<{areas[k % len(areas)]}>", ref)
            else:  # a list of countries
                for code in self.rng.sample(COUNTRIES, 6):
                    self.quad(programme, t("eligibleArea"), f"<{iris.entity('country', code)}>", ref)

    def organisation(self, n: int, doc: str, graph: str) -> None:
        """One organisation: type, label, country, region, 1-3 themes, a keyword, an evidence node."""
        rng, t, iris = self.rng, self.t, self.iris
        code = rng.choice(COUNTRIES)
        lang = LANG_OF.get(code, "en")
        org = iris.entity("synthetic", f"org-{n}")
        self.graph.organisations.append(org)
        self.graph.country_of[org] = code
        kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        heads, tails = NAME_PARTS[lang]
        label = f"{rng.choice(heads)} {_name(rng)} {rng.choice(tails)}"
        self.quad(org, RDF_TYPE, f"<{t(kind)}>", graph)
        self.quad(org, RDFS_LABEL, _lit(label, lang), graph)
        self.quad(org, t("country"), f"<{iris.entity('country', code)}>", graph)
        self.quad(org, t("region"), f"<{rng.choice(self.regions[code])}>", graph)
        themes = rng.sample(self.concepts, rng.choice((1, 1, 2, 2, 3)))
        for theme in themes:
            self.quad(org, t("theme"), f"<{theme.iri}>", graph)
        theme_label = themes[0].pref.get(lang) or themes[0].pref.get("en", "")
        if n % 2 == 0:
            self.quad(org, t("keyword"), _lit(theme_label, lang), graph)
        ev = f"{doc}/evidence/{n}"
        self.quad(ev, t("evidenceFor"), f"<{org}>", graph)
        self.quad(ev, t("evidenceProperty"), f"<{t('theme')}>", graph)
        self.quad(ev, t("evidenceValue"), f"<{themes[0].iri}>", graph)
        self.quad(ev, t("sentence"), _lit(SENTENCE[lang].format(org=label, theme=theme_label), lang), graph)
        self.quad(ev, t("inDocument"), f"<{doc}>", graph)

    def documents(self, organisations: int) -> None:
        """Ten organisations per source document."""
        for n in range(organisations):
            if n % 10 == 0:
                doc_id = f"synthetic-{n // 10}"
                graph, doc = f"<{self.iris.graph(doc_id)}>", self.iris.document(doc_id)
                self.quad(doc, RDF_TYPE, f"<{self.t('SourceDocument')}>", graph)
                self.quad(doc, DCT + "title", _lit(f"Synthetic document {n // 10}", "en"), graph)
            self.organisation(n, doc, graph)

    def projects(self, count: int) -> None:
        """Projects with 3-6 partners each (reified roles), in a programme, with a theme."""
        rng, t, iris = self.rng, self.t, self.iris
        for k in range(count):
            doc_id = f"synthetic-project-{k}"
            graph = f"<{iris.graph(doc_id)}>"
            project = iris.entity("synthetic", f"project-{k}")
            self.quad(project, RDF_TYPE, f"<{t('Project')}>", graph)
            self.quad(project, RDFS_LABEL, _lit(f"Project {_name(rng)} {k}", "en"), graph)
            self.quad(project, t("programme"), f"<{rng.choice(self.graph.programmes)}>", graph)
            self.quad(project, t("theme"), f"<{rng.choice(self.concepts).iri}>", graph)
            for m, partner in enumerate(rng.sample(self.graph.organisations, rng.randint(3, 6))):
                role = f"{iris.graph(doc_id)}/role/{m}"
                role_type = iris.entity("role-type", "lead-partner" if m == 0 else "partner")
                self.quad(role, t("agent"), f"<{partner}>", graph)
                self.quad(role, t("roleIn"), f"<{project}>", graph)
                self.quad(role, t("roleType"), f"<{role_type}>", graph)


def generate(path: Path, organisations: int, iris: Iris | None = None, *, seed: int = 7) -> SyntheticGraph:
    """Write the graph as N-Quads to ``path`` (IRIs under ``iris``, default the standard base)."""
    iris = iris or Iris(BASE)
    with path.open("w", encoding="utf-8") as out:
        writer = _Writer(out, iris, random.Random(seed), concepts_from_ontology(iris.base))
        writer.reference()
        writer.documents(organisations)
        writer.projects(organisations // 20)  # one project per 20 organisations
    return writer.graph


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    graph = generate(args.out, args.orgs, seed=args.seed)
    print(f"{graph.quads:,} quads, {len(graph.organisations):,} organisations -> {args.out}")


if __name__ == "__main__":
    main()
