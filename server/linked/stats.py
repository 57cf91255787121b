"""Statistics of the public partition, for VoID and DCAT (computed once per store state)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from innograph.iris import Iris
from innograph.sparql_text import query_text
from innograph.store import Store


@dataclass
class Stats:
    triples: int = 0
    subjects: int = 0
    objects: int = 0
    graphs: list[tuple[str, int, int]] = field(default_factory=list)  # (graph, triples, subjects)
    classes: list[tuple[str, int]] = field(default_factory=list)
    properties: list[tuple[str, int, int, int]] = field(default_factory=list)
    external: list[tuple[str, str, int]] = field(default_factory=list)  # (predicate, host, triples)
    first_year: int | None = None
    last_year: int | None = None
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2


def _int(value: object) -> int:
    return int(value.value) if isinstance(value, Literal) else 0


def compute(store: Store, iris: Iris) -> Stats:
    out = Stats()
    totals = store.select(query_text("linked/totals", iris))
    if totals:
        row = totals[0]
        out.triples, out.subjects = _int(row.get("triples")), _int(row.get("subjects"))
        out.objects = _int(row.get("objects"))
    out.graphs = [(r["g"].value, _int(r.get("triples")), _int(r.get("entities")))
                  for r in store.select(query_text("linked/graph-stats", iris)) if isinstance(r.get("g"), NamedNode)]
    out.classes = [(r["class"].value, _int(r.get("entities")))
                   for r in store.select(query_text("linked/class-stats", iris))
                   if isinstance(r.get("class"), NamedNode)]
    out.properties = [
        (r["p"].value, _int(r.get("triples")), _int(r.get("subjects")), _int(r.get("objects")))
        for r in store.select(query_text("linked/property-stats", iris))
    ]
    out.external = [(r["p"].value, r["host"].value, _int(r.get("triples")))
                    for r in store.select(query_text("linked/external-links", iris, {"base": iris.base}))]
    years = store.select(query_text("linked/temporal", iris))
    if years and "first" in years[0]:
        out.first_year, out.last_year = _int(years[0]["first"]), _int(years[0].get("last"))
    prefix = iris.base + "id/country/"
    rows = store.select(query_text("linked/countries", iris, {"reference": NamedNode(iris.reference_graph)}))
    codes = {c.value for r in rows if isinstance(c := r.get("country"), NamedNode)}
    out.countries = sorted(c[len(prefix):] for c in codes if c.startswith(prefix))
    return out
