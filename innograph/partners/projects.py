"""The projects behind a candidate's theme, as an explanation cites them.

Each project gives its title, acronym and dates, the candidate's roles in it (the role type and the
role as the source wrote it: 'coordinator', 'participant', 'bénéficiaire'), its programmes, and
where each role was read: the imported dataset, file and row (``prov:wasDerivedFrom`` and
``dcterms:identifier`` as the importers write them), or the page (document and URL).
"""

from __future__ import annotations

from typing import Any

from innograph.partners.index import PartnerIndex
from innograph.partners.records import RoleRecord


def project(index: PartnerIndex, i: int, target: str, lang: str) -> dict[str, Any]:
    """The JSON object of one project (or call, platform...) organisation ``i`` took part in."""
    details = index.target_details.get(target, {})
    records = index.participations.get((i, target), ())
    roles = {(r.role_type, r.written) for r in records}
    sources = [source(index, r) for r in records]
    return {
        "iri": target,
        "label": index.label(target, lang),
        "acronym": details.get("altLabel"),
        "start": details.get("startDate"),
        "end": details.get("endDate"),
        "roles": [
            {"iri": role_type or None, "label": index.label(role_type, lang) if role_type else None,
             "as_written": written or None}
            for role_type, written in sorted(roles)
        ],
        "programmes": [
            {"iri": p, "label": index.label(p, lang)} for p in sorted(index.target_programmes.get(target, ()))
        ],
        "sources": [dict(s) for s in sorted({tuple(s.items()) for s in sources})],
    }


def source(index: PartnerIndex, record: RoleRecord) -> dict[str, str | None]:
    """Where a role was read: an imported file's dataset and row, else the page of its graph."""
    if record.file:
        found = index.sources.get(record.file)
        dataset, name, title = found if found else (None, "", "")
        return {"dataset": dataset, "dataset_title": title or None, "file": name or record.file,
                "row": record.row or None, "document": None, "url": None}
    document = index.graph_documents.get(record.graph)
    url = index.documents.get(document, ("", ""))[1] if document else ""
    return {"dataset": None, "dataset_title": None, "file": None, "row": None, "document": document,
            "url": url or None}


def _one(p: dict[str, Any]) -> str:
    """'Offshore electrolysis' (HYDROSEA; coordinator; Horizon Europe; 2022-01-01 to 2025-12-31)"""
    bits = [p["acronym"]] if p["acronym"] else []
    roles = [r["as_written"] or r["label"] for r in p["roles"] if r["as_written"] or r["label"]]
    bits += [" and ".join(roles)] if roles else []
    bits += [", ".join(x["label"] for x in p["programmes"])] if p["programmes"] else []
    if p["start"] or p["end"]:
        bits.append(f"{p['start'] or '?'} to {p['end'] or '?'}")
    return f"'{p['label']}'" + (f" ({'; '.join(bits)})" if bits else "")


def projects_text(projects: list[dict[str, Any]], count: int) -> str:
    """' through 3 projects: 'X' (...), 'Y' (...), 'Z' (...)' (one project: ' through 'X' (...)');
    ``count`` is how many there are, of which ``projects`` are listed."""
    if count == 1:
        return " through " + _one(projects[0])
    more = f" and {count - len(projects)} more" if count > len(projects) else ""
    return f" through {count} projects: " + ", ".join(_one(p) for p in projects) + more
