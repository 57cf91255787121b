"""European towns (GeoNames, CC BY 4.0; ``src/cities.tsv``, made by :mod:`.build_cities`).

:func:`city_index` maps the folded form of every name of a town ('aarhus', 'aix la chapelle') to
the town's name and country; where two towns share a name, the larger one wins. The loaders use it
to place an organisation: 'Aalborg Universitet' sits in Aalborg, Denmark.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from innograph.ontology.reference import EEA_EFTA, EU27
from innograph.ontology.tables import SRC
from innograph.ontology.text import fold

CITIES_FILE = SRC / "cities.tsv"
# the EU, the EEA and EFTA, and the UK
EUROPE = frozenset([*EU27, *EEA_EFTA, "GB"])


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    population: int


@cache
def city_index() -> dict[str, City]:
    """folded name -> the largest town of that name."""
    out: dict[str, City] = {}
    with CITIES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            city = City(row["name"], row["country"], int(row["population"]))
            names = [row["name"], *(n.strip() for n in row["other_names"].split("|") if n.strip())]
            for name in names:
                key = fold(name)
                if key and (key not in out or out[key].population < city.population):
                    out[key] = city
    return out
