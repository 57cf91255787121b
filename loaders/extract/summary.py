"""The extraction summary: the gold files' keys, computed by SPARQL over a document's graphs.

Every value comes from a query in ``queries/summary/*.rq`` run against a store, so the evaluation
measures what the graph really holds, not what the extractor meant to write.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

from innograph.iris import Iris
from innograph.sparql_text import query_text

_SEP = "\u001f"


def _run(store: Store, iris: Iris, name: str, bindings: dict[str, NamedNode]) -> list[dict[str, object]]:
    solutions = store.query(query_text(f"summary/{name}", iris, bindings))
    assert isinstance(solutions, QuerySolutions), name  # every summary query is a SELECT
    names = [v.value for v in solutions.variables]
    return [{n: solution[n] for n in names} for solution in solutions]


def _value(term: object) -> str | None:
    if term is None:
        return None
    return str(term.value)  # type: ignore[attr-defined]


def _text(term: object) -> str:
    return _value(term) or ""


def _number(term: object) -> float | int | None:
    if not isinstance(term, Literal):
        return None
    number = float(term.value)
    return int(number) if number.is_integer() else number


def summarise(store: Store, iris: Iris, doc_id: str) -> dict[str, object]:
    doc = NamedNode(iris.document(doc_id))
    public = {"doc": doc, "g": NamedNode(iris.graph(doc_id))}
    personal = {"doc": doc, "pg": NamedNode(iris.personal_graph(doc_id))}
    ig = iris.vocab
    out: dict[str, object] = {}

    rows = _run(store, iris, "document", public)
    first = rows[0] if rows else {}
    out["language"] = _value(first.get("language"))
    out["title"] = _value(first.get("title"))
    types = sorted({_text(r["type"]) for r in rows if r.get("type") is not None})
    out["main_entity_type"] = types[0][len(ig) :] if types else None

    for key, cls in (
        ("organisations", "Organisation"),
        ("regions", "Region"),
        ("programmes", "Programme"),
        ("projects", "Project"),
        ("clusters", "Cluster"),
        ("desks", "Desk"),
    ):
        items = []
        for row in _run(store, iris, "entity-names", {**public, "class": NamedNode(ig + cls)}):
            aliases = [a for a in (_value(row.get("aliases")) or "").split(_SEP) if a]
            country = _value(row.get("country"))
            item: dict[str, object] = {"name": _value(row["name"])}
            if aliases:
                item["aliases"] = aliases
            if key in ("organisations", "regions"):
                item["country"] = country.rsplit("/", 1)[-1] if country else None
            if key == "organisations":
                role_type = _value(row.get("roleType"))
                item["region"] = _value(row.get("region"))
                item["role_type"] = role_type.rsplit("/", 1)[-1] if role_type else None
            items.append(item if key in ("organisations", "regions") or aliases else item["name"])
        out[key] = items

    out["project_programmes"] = [
        {"project": _value(r["project"]), "programme": _value(r["programme"])}
        for r in _run(store, iris, "project-programmes", public)
    ]
    out["themes"] = [_value(r["keyword"]) for r in _run(store, iris, "themes", public)]
    out["countries"] = [_text(r["country"]).rsplit("/", 1)[-1] for r in _run(store, iris, "countries", public)]
    out["urls"] = sorted({_value(r.get("written")) or _text(r["url"]) for r in _run(store, iris, "urls", public)})

    rows = _run(store, iris, "dates", public)
    out["start_date"] = _value(rows[0].get("start")) if rows else None
    out["end_date"] = _value(rows[0].get("end")) if rows else None
    out["other_dates"] = [
        {"date": _value(r["date"]), "meaning": _value(r.get("meaning")) or ""}
        for r in _run(store, iris, "events", public)
    ]
    out["amounts"] = [
        {"value": _number(r["value"]), "currency": _value(r["currency"]), "meaning": _value(r.get("meaning")) or ""}
        for r in _run(store, iris, "amounts", public)
    ]
    out["percentages"] = [
        {"value": _number(r["value"]), "meaning": _value(r.get("meaning")) or ""}
        for r in _run(store, iris, "percentages", public)
    ]
    out["people"] = [
        {"name": _value(r["name"]), "role": _value(r.get("role"))} for r in _run(store, iris, "people", personal)
    ]
    contacts = _run(store, iris, "contacts", personal)
    out["emails"] = [_text(r["value"]).removeprefix("mailto:") for r in contacts if _value(r["kind"]) == "email"]
    out["phones"] = [_text(r["value"]).removeprefix("tel:") for r in contacts if _value(r["kind"]) == "phone"]
    return out
