"""Why a candidate is suggested: the result object of one candidate, its reasons and evidence.

Every reason is one sentence (``kind``: theme, keywords, participation, programmes, cooperation,
type, border); the explanation is their concatenation. A theme reason quotes its evidence sentence;
a participation reason walks the graph's edges: "Lead partner in project 'X' (Interreg Europe)
with you, Z (NL)." (the role from ``ig:roleType``, the programme from the project's
``ig:programme``, the partners from the other roles in the same project).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from innograph.partners.holdings import MAX_EVIDENCE
from innograph.partners.index import Evidence, PartnerIndex
from innograph.partners.projects import project, projects_text
from innograph.partners.text import LabelMatch
from innograph.partners.weights import COMPLEMENTARY, WEIGHTS, complement

MAX_PARTICIPATIONS = 3  # participation sentences per candidate
MAX_PARTNERS_NAMED = 3  # partners named per participation sentence ("and 4 more")
MAX_PARTNERS_LISTED = 20  # partners listed per participation in the JSON (a platform may have hundreds)
MAX_THEME_PROJECTS = 5  # projects listed per matched theme (as many as the weight counts: PROJECT_THEME_CAP)
TARGET_KINDS = ("Project", "Call", "Platform", "Partnership", "Programme", "Cluster")
RELATION_WORDS = {
    "broader": "a broader theme than",
    "narrower": "a narrower theme than",
    "sibling": "a theme next to",
}


@dataclass
class Search:
    """A partner query resolved against the index: who seeks, what is needed (``rank.resolve``)."""

    seeker: int | None
    country: str | None
    region: str | None
    programme: str | None
    lang: str
    needs: dict[str, str] = field(default_factory=dict)  # concept -> why it is needed
    matches: list[LabelMatch] = field(default_factory=list)  # theme labels found in q
    residual: list[str] = field(default_factory=list)  # other content words of q
    wanted_keys: frozenset[str] = frozenset()  # comparison keys of those words
    seeker_types: tuple[str, ...] = ()
    seeker_programmes: set[str] = field(default_factory=set)
    seeker_targets: set[str] = field(default_factory=set)


def contains(sorted_ids: np.ndarray, i: int) -> bool:
    j = int(np.searchsorted(sorted_ids, i))
    return j < sorted_ids.size and int(sorted_ids[j]) == i


def result(
    index: PartnerIndex, i: int, score: np.ndarray, parts: dict[str, np.ndarray], search: Search
) -> dict[str, Any]:
    """The JSON object of candidate ``i`` (``PartnerResult`` in the route documents its fields)."""
    iri, lang = index.orgs[i], search.lang
    matched = _matched_themes(index, i, search)
    keywords = _matched_keywords(index, i, search) if parts["keywords"][i] > 0 else []
    programmes = _shared_programmes(index, i, search)
    participations = _participations(index, i, search)
    together = sorted(index.targets_of.get(i, set()) & search.seeker_targets)
    cooperation = [{"iri": t, "label": index.label(t, lang)} for t in together]
    reasons = _reasons(index, i, search, matched, keywords, programmes, participations)
    return {
        "iri": iri,
        "label": index.label(iri, lang),
        "same_as": list(index.same_as.get(i, ())),
        "country": index.country_of(i),
        "regions": [{"iri": r, "label": index.label(r, lang)} for r in index.regions_of.get(i, ())],
        "types": list(index.types_of[i]),
        "score": round(float(score[i]), 4),
        "parts": {name: round(float(WEIGHTS[name] * parts[name][i]), 4) for name in WEIGHTS},
        "matched_themes": matched,
        "matched_keywords": keywords[:5],
        "shared_programmes": programmes,
        "cooperation": cooperation,
        "participations": participations,
        "reasons": reasons,
        "explanation": " ".join(r["text"] for r in reasons),
        "page": page(index, iri),
    }


def page(index: PartnerIndex, iri: str) -> str | None:
    """The local path of the entity's page (``{base}id/...`` dereferences to it)."""
    base = index.iris.base
    return "/" + iri[len(base) :] if iri.startswith(base) else None


def _evidence(index: PartnerIndex, subject: str, prop: str, value: str) -> list[dict[str, str | None]]:
    out: list[dict[str, str | None]] = []
    for ev in _statement_evidence(index, subject, prop, value):
        title, url = index.documents.get(ev.document, ("", ""))
        out.append(
            {"sentence": ev.sentence, "document": ev.document, "title": title, "url": url,
             "page": page(index, ev.document)}
        )  # fmt: skip
    return out


def _statement_evidence(index: PartnerIndex, subject: str, prop: str, value: str) -> list[Evidence]:
    """The sentences behind a statement on ``subject``; on an organisation, on any member of its
    resolved group (a page names the organisation under its own IRI)."""
    i = index.pos.get(subject)
    group = index.same_as.get(i, (subject,)) if i is not None else (subject,)
    found = sorted({ev for member in group for ev in index.evidence_for(member, prop, value)},
                   key=lambda ev: (ev.sentence, ev.document))
    return found[:MAX_EVIDENCE]


# -- what matched ----------------------------------------------------------------------------------


def _best_concept(index: PartnerIndex, i: int, need: str) -> tuple[float, str, str] | None:
    """(weight, concept, relation) of the candidate's concept closest to ``need``."""
    best: tuple[float, str, str] | None = None
    for concept, rel in index.scheme.near(need).items():  # only concepts near the need can match
        posting = index.theme_post.get(concept)
        if posting is None or not contains(posting[0], i):
            continue
        ids, weights = posting
        weight = rel.weight * float(weights[int(np.searchsorted(ids, i))])  # as ranked (projects: capped)
        if best is None or weight > best[0] or (weight == best[0] and concept < best[1]):
            best = (weight, concept, rel.kind)
    return best


def _matched_themes(index: PartnerIndex, i: int, search: Search) -> list[dict[str, Any]]:
    iri, lang = index.orgs[i], search.lang
    matched = []
    for need in search.needs:
        best = _best_concept(index, i, need)
        if best is None:
            continue
        weight, concept, kind = best
        via = index.theme_via.get((i, concept))
        supporting = index.theme_projects.get((i, concept), ())
        matched.append(
            {
                "need": need,
                "need_label": index.scheme.label(need, lang),
                "iri": concept,
                "label": index.scheme.label(concept, lang),
                "relation": kind,
                "weight": round(weight, 3),
                "via": via,
                "via_label": index.label(via, lang) if via else None,
                "evidence": _evidence(index, via or iri, "theme", concept),
                "projects": [project(index, i, t, lang) for t in supporting[:MAX_THEME_PROJECTS]],
                "project_count": len(supporting),
            }
        )
    return matched


def _matched_keywords(index: PartnerIndex, i: int, search: Search) -> list[dict[str, Any]]:
    """The candidate's keywords that matched words of the need, with their evidence."""
    return [
        {"keyword": text, "evidence": _evidence(index, subject, "keyword", text)}
        for text, subject, kw_keys in index.keywords_of.get(i, [])
        if kw_keys & search.wanted_keys
    ]


def _shared_programmes(index: PartnerIndex, i: int, search: Search) -> list[dict[str, Any]]:
    out = []
    for programme in sorted(search.seeker_programmes & set(index.programmes_of.get(i, ()))):
        via = index.programme_via.get((i, programme))
        out.append(
            {
                "iri": programme,
                "label": index.label(programme, search.lang),
                "via": via,
                "evidence": _evidence(index, via or index.orgs[i], "programme", programme),
            }
        )
    return out


# -- participations: the edges around the candidate -------------------------------------------------


def _relevant_targets(index: PartnerIndex, i: int, search: Search) -> list[str]:
    """What the candidate took part in that matters to this seeker, most telling first: together
    with the seeker, in one of the seeker's programmes, with an organisation of the seeker's country."""
    mine = index.targets_of.get(i, set())
    in_programme = {
        t for t in mine if index.target_programmes.get(t, frozenset()) & search.seeker_programmes
    }
    cid = index.country_id(search.country) if search.country else None
    with_country = {
        t for t in mine if cid is not None and any(int(index.country[m]) == cid for m in index.members[t] if m != i)
    }
    ranked = sorted(
        mine & (search.seeker_targets | in_programme | with_country),
        key=lambda t: (t not in search.seeker_targets, t not in in_programme, t),
    )
    return ranked[:MAX_PARTICIPATIONS]


def _participations(index: PartnerIndex, i: int, search: Search) -> list[dict[str, Any]]:
    lang = search.lang
    out = []
    for target in _relevant_targets(index, i, search):
        kinds = sorted(index.entity_types.get(target, set()) & set(TARGET_KINDS))
        partners = [m for m in index.members[target] if m != i]
        partners.sort(key=lambda m: (m != search.seeker, index.orgs[m]))  # the seeker first
        out.append(
            {
                "iri": target,
                "label": index.label(target, lang),
                "kind": kinds[0] if kinds else None,
                "roles": [
                    {"iri": r, "label": index.label(r, lang)} for r in sorted(index.role_types.get((i, target), ()))
                ],
                "programmes": [
                    {"iri": p, "label": index.label(p, lang)}
                    for p in sorted(index.target_programmes.get(target, ()))
                ],
                "partners": [
                    {"iri": index.orgs[m], "label": index.label(index.orgs[m], lang), "country": index.country_of(m)}
                    for m in partners[:MAX_PARTNERS_LISTED]
                ],
                "partner_count": len(partners),
            }
        )
    return out


def _participation_text(index: PartnerIndex, p: dict[str, Any], seeker: str | None) -> str:
    """'Lead partner in project 'X' (Interreg Europe) with you, Z (NL) and 2 more.'"""
    roles = [index.label(r["iri"], "en").replace("-", " ") for r in p["roles"]]
    role = " and ".join(roles) if roles else "took part"
    text = f"{role[0].upper()}{role[1:]} in "
    text += f"{_words((p['kind'],))} " if p["kind"] else ""
    text += f"'{p['label']}'"
    if p["programmes"]:
        text += " (" + ", ".join(x["label"] for x in p["programmes"]) + ")"
    names = [
        "you" if x["iri"] == seeker else f"{x['label']} ({x['country']})" if x["country"] else x["label"]
        for x in p["partners"]
    ]
    if names:
        shown = ", ".join(names[:MAX_PARTNERS_NAMED])
        more = p["partner_count"] - MAX_PARTNERS_NAMED
        text += f" with {shown}" + (f" and {more} more" if more > 0 else "")
    return text + "."


# -- the reasons -----------------------------------------------------------------------------------


def _words(types: tuple[str, ...]) -> str:
    """'ClusterOrganisation' -> 'cluster organisation' (for sentences)."""
    return " / ".join("EU office" if t == "EUOffice" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t).lower() for t in types)


def _theme_reason(m: dict[str, Any]) -> dict[str, str]:
    if m["relation"] == "exact":
        text = f"Shares the theme '{m['label']}'"
    else:
        relation = RELATION_WORDS.get(m["relation"], "a theme related to")
        text = f"Has '{m['label']}', {relation} '{m['need_label']}'"
    if m["projects"]:
        text += projects_text(m["projects"], m["project_count"])
    elif m["via"]:
        text += f" through '{m['via_label']}'"
    if m["evidence"]:
        ev = m["evidence"][0]
        source = f" ({ev['title']})" if ev["title"] else ""
        text += f": \u201c{ev['sentence']}\u201d{source}"
    return {"kind": "theme", "text": text + "."}


def _reasons(
    index: PartnerIndex,
    i: int,
    search: Search,
    matched: list[dict[str, Any]],
    keywords: list[dict[str, Any]],
    programmes: list[dict[str, Any]],
    participations: list[dict[str, Any]],
) -> list[dict[str, str]]:
    seeker = index.orgs[search.seeker] if search.seeker is not None else None
    bits = [_theme_reason(m) for m in matched]
    if keywords:
        words = ", ".join(f"'{k['keyword']}'" for k in keywords[:3])
        bits.append({"kind": "keywords", "text": f"Keywords: {words}."})
    bits += [{"kind": "participation", "text": _participation_text(index, p, seeker)} for p in participations]
    told = {x["iri"] for p in participations for x in p["programmes"]}
    untold = [p["label"] for p in programmes if p["iri"] not in told]  # an own ig:programme, not through a project
    if untold:
        bits.append({"kind": "programmes", "text": "Took part in " + ", ".join(untold) + "."})
    if complement(search.seeker_types, index.types_of[i]) >= COMPLEMENTARY:
        text = f"Complementary type: {_words(index.types_of[i])} for a {_words(search.seeker_types)}."
        bits.append({"kind": "type", "text": text})
    country = index.country_of(i)
    if country and search.country and country != search.country:
        bits.append({"kind": "border", "text": f"Cross-border: {country} (you: {search.country})."})
    return bits
