"""A deterministic synthetic innograph dataset, shaped like ``ontology/CONTRACT.md``.

One named graph per source document (its organisations, projects and roles), plus the reference
graph (countries, regions, themes, programmes, role types). Same seed, same bytes: both servers of
a benchmark load the very same N-Quads file.

    .venv/bin/python bench/synthetic.py --orgs 6000 --out /tmp/kg.nq    # about 100k quads
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BASE = "https://w3id.org/innograph/"
IG = BASE + "ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

COUNTRIES = ["FR", "DK", "NL", "GB", "DE", "BE", "SE", "ES", "IT", "PL", "FI", "IE"]
LANGUAGES = {"FR": "fr", "DK": "da", "NL": "nl", "BE": "nl"}
ORG_TYPES = [
    "PublicAuthority",
    "DevelopmentAgency",
    "ResearchOrganisation",
    "Company",
    "ClusterOrganisation",
    "Network",
    "EUOffice",
]
THEMES = [
    "artificial-intelligence",
    "bioeconomy",
    "blue-growth",
    "circular-economy",
    "clean-energy",
    "creative-industries",
    "cybersecurity",
    "digital-health",
    "e-mobility",
    "food-processing",
    "green-hydrogen",
    "health-technology",
    "industry-4-0",
    "life-sciences",
    "logistics",
    "maritime",
    "microelectronics",
    "nanotechnology",
    "offshore-wind",
    "photonics",
    "quantum",
    "robotics",
    "smart-cities",
    "smart-farming",
    "space",
    "sustainable-tourism",
    "textiles",
    "water-technology",
    "wood-construction",
    "batteries",
]
PROGRAMMES = ["interreg-europe", "i3", "erdf", "horizon-europe", "interreg-north-sea", "cosme"]
ROLE_TYPES = ["lead-partner", "partner", "coordinator", "funder", "managing-authority", "host", "member"]
SYLLABLES = [
    "ag",
    "bel",
    "cor",
    "dan",
    "el",
    "far",
    "gen",
    "hav",
    "in",
    "jor",
    "kel",
    "lun",
    "mar",
    "nor",
    "ost",
    "pal",
    "quo",
    "ros",
    "sund",
    "tor",
    "ul",
    "ver",
    "wes",
    "xan",
    "york",
    "zee",
]
WORDS = {"fr": "Agence", "da": "Agentur", "nl": "Agentschap", "en": "Agency"}


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


@dataclass
class Dataset:
    """What the generator made, for choosing query parameters that match something."""

    organisations: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    quads: int = 0


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def generate(orgs: int, seed: int = 7) -> tuple[Dataset, Iterator[str]]:
    """The dataset summary and its N-Quads lines (a generator: nothing is held in memory)."""
    rng = random.Random(seed)
    data = Dataset(
        organisations=[f"{BASE}id/org/org-{n}" for n in range(orgs)],
        themes=[f"{BASE}id/theme/{t}" for t in THEMES],
        countries=[f"{BASE}id/country/{c}" for c in COUNTRIES],
        programmes=[f"{BASE}id/programme/{p}" for p in PROGRAMMES],
    )

    def lines() -> Iterator[str]:
        ref = iri(f"{BASE}graph/reference")

        def q(s: str, p: str, o: str, g: str) -> str:
            data.quads += 1
            return f"{s} {p} {o} {g} .\n"

        for code, country in zip(COUNTRIES, data.countries, strict=True):
            yield q(iri(country), iri(RDF_TYPE), iri(IG + "Country"), ref)
            yield q(iri(country), iri(RDFS_LABEL), lit(f"Country {code}", "en"), ref)
            for r in range(1, 6):
                region = iri(f"{BASE}id/region/{code}-R{r:02d}")
                yield q(region, iri(RDF_TYPE), iri(IG + "Region"), ref)
                yield q(region, iri(IG + "country"), iri(country), ref)
                yield q(region, iri(RDFS_LABEL), lit(f"Region {r} of {code}", "en"), ref)
        for slug, theme in zip(THEMES, data.themes, strict=True):
            yield q(iri(theme), iri(RDF_TYPE), iri(IG + "Theme"), ref)
            yield q(iri(theme), iri(SKOS + "inScheme"), iri(f"{BASE}id/theme/scheme"), ref)
            yield q(iri(theme), iri(SKOS + "prefLabel"), lit(slug.replace("-", " "), "en"), ref)
        for slug, programme in zip(PROGRAMMES, data.programmes, strict=True):
            yield q(iri(programme), iri(RDF_TYPE), iri(IG + "Programme"), ref)
            yield q(iri(programme), iri(RDFS_LABEL), lit(slug.replace("-", " ").title(), "en"), ref)
        for slug in ROLE_TYPES:
            yield q(iri(f"{BASE}id/role-type/{slug}"), iri(RDF_TYPE), iri(IG + "RoleType"), ref)

        # documents: ~3 organisations each, and every 7th document describes a project with roles
        org_country: dict[str, str] = {}
        for doc, start in enumerate(range(0, orgs, 3)):
            doc_id = f"doc-{doc:05d}"
            graph = iri(f"{BASE}graph/{doc_id}")
            document = iri(f"{BASE}id/document/{doc_id}")
            code = rng.choice(COUNTRIES)
            lang = LANGUAGES.get(code, "en")
            yield q(document, iri(RDF_TYPE), iri(IG + "SourceDocument"), graph)
            yield q(document, iri(DCT + "title"), lit(f"Document {doc} about {_name(rng)}", lang), graph)
            yield q(document, iri(DCT + "language"), lit(lang), graph)
            yield q(document, iri(IG + "contentHash"), lit(f"sha256:{rng.getrandbits(128):032x}"), graph)
            for org in data.organisations[start : start + 3]:
                org_country[org] = code
                name = f"{WORDS[lang]} {_name(rng)}"
                yield q(iri(org), iri(RDF_TYPE), iri(IG + rng.choice(ORG_TYPES)), graph)
                yield q(iri(org), iri(RDFS_LABEL), lit(name, lang), graph)
                yield q(iri(org), iri(SKOS + "prefLabel"), lit(name, lang), graph)
                if rng.random() < 0.5:
                    yield q(iri(org), iri(SKOS + "altLabel"), lit(name.split()[-1].upper()[:5], lang), graph)
                yield q(iri(org), iri(IG + "country"), iri(f"{BASE}id/country/{code}"), graph)
                yield q(iri(org), iri(IG + "region"), iri(f"{BASE}id/region/{code}-R{rng.randint(1, 5):02d}"), graph)
                for theme in rng.sample(data.themes, rng.randint(1, 3)):
                    yield q(iri(org), iri(IG + "theme"), iri(theme), graph)
                yield q(iri(org), iri(IG + "keyword"), lit(_name(rng).lower(), lang), graph)
                yield q(document, iri(IG + "mentions"), iri(org), graph)
            if doc % 7 == 0 and start >= 30:
                project = f"{BASE}id/project/p-{doc}"
                yield q(iri(project), iri(RDF_TYPE), iri(IG + "Project"), graph)
                yield q(iri(project), iri(RDFS_LABEL), lit(f"{_name(rng)} {_name(rng)}", "en"), graph)
                yield q(iri(project), iri(IG + "programme"), iri(rng.choice(data.programmes)), graph)
                yield q(iri(project), iri(IG + "period"), lit(rng.choice(["2014-2020", "2021-2027"])), graph)
                yield q(iri(project), iri(IG + "theme"), iri(rng.choice(data.themes)), graph)
                amount = iri(f"{project}/amount")
                yield q(iri(project), iri(IG + "amount"), amount, graph)
                yield q(amount, iri(RDF_TYPE), iri(IG + "MonetaryAmount"), graph)
                yield q(amount, iri(IG + "value"), lit(str(rng.randint(2, 400) * 10_000), None, XSD + "decimal"), graph)
                yield q(amount, iri(IG + "currency"), lit("EUR"), graph)
                partners = rng.sample(data.organisations[:start], rng.randint(4, 9))
                for k, org in enumerate(partners):
                    role = iri(f"{project}/role/{k}")
                    role_type = "lead-partner" if k == 0 else "partner"
                    yield q(role, iri(RDF_TYPE), iri(IG + "Role"), graph)
                    yield q(role, iri(IG + "agent"), iri(org), graph)
                    yield q(role, iri(IG + "roleIn"), iri(project), graph)
                    yield q(role, iri(IG + "roleType"), iri(f"{BASE}id/role-type/{role_type}"), graph)

    return data, lines()


def write(path: Path, orgs: int, seed: int = 7) -> Dataset:
    data, lines = generate(orgs, seed)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(lines)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    data = write(args.out, args.orgs, args.seed)
    print(f"{data.quads:,} quads, {len(data.organisations):,} organisations -> {args.out}")


if __name__ == "__main__":
    main()
