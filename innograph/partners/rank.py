"""Ranking of partner candidates, and why each one is suggested.

The score (0..1) is a weighted sum of five parts, each between 0 and 1:

    score = 0.50 * themes + 0.10 * keywords + 0.15 * types + 0.15 * programmes + 0.10 * cooperation

- **themes**: for each needed theme concept, the best match among the candidate's concepts:
  1.0 the same concept, 0.5 one step up or down the SKOS scheme (broader/narrower), 0.25 two
  steps (grandparent, grandchild, sibling). A theme the candidate only has through a project it
  took part in counts 0.8 of that. The part is the mean over the needed themes.
  Needed themes = the ``theme`` parameters + the concepts whose labels (in any of the four
  languages, stemmed, accent- and case-blind) occur in ``q``; with neither, the seeker
  organisation's own themes (its profile).
- **keywords**: the share of the other content words of ``q`` found (stemmed) among the
  candidate's keywords as written (``ig:keyword``).
- **types**: how well the candidate's organisation type complements the seeker's
  (``COMPLEMENTS``; e.g. company <-> research organisation 1.0, same type 0.4); 0 when either is
  unknown.
- **programmes**: the share of the seeker's programmes (its own + the ``programme`` parameter)
  the candidate also took part in.
- **cooperation**: 1.0 the candidate already worked with the seeker (a shared project, call or
  platform in the graph), 0.5 it worked with an organisation of the seeker's country, 0.2 it has
  any participation on record, else 0.

Filters (not scored): candidates are organisations in another country than the seeker's
(``same_country`` lets in other regions of the same country), of the requested ``type``\\s, inside
the ``programme``'s eligible area (``ig:eligibleArea``, through ``ig:withinArea``); when a need
names themes or words, a candidate must match at least one of them. Ties go to the IRI order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from innograph.partners.index import ROLE_THEME_WEIGHT, PartnerIndex
from innograph.partners.text import LANGUAGES, all_keys

WEIGHTS: dict[str, float] = {"themes": 0.50, "keywords": 0.10, "types": 0.15, "programmes": 0.15, "cooperation": 0.10}
SAME_TYPE = 0.4
OTHER_PAIR = 0.3
COMPLEMENTS: dict[frozenset[str], float] = {
    frozenset(("Company", "ResearchOrganisation")): 1.0,
    frozenset(("Company", "ClusterOrganisation")): 0.8,
    frozenset(("ResearchOrganisation", "ClusterOrganisation")): 0.8,
    frozenset(("PublicAuthority", "DevelopmentAgency")): 0.8,
    frozenset(("DevelopmentAgency", "ClusterOrganisation")): 0.8,
    frozenset(("PublicAuthority", "ResearchOrganisation")): 0.6,
    frozenset(("DevelopmentAgency", "Company")): 0.6,
    frozenset(("DevelopmentAgency", "ResearchOrganisation")): 0.6,
    frozenset(("EUOffice", "PublicAuthority")): 0.6,
    frozenset(("EUOffice", "DevelopmentAgency")): 0.6,
    frozenset(("PublicAuthority", "ClusterOrganisation")): 0.5,
}
COOPERATED = 1.0
COOPERATED_WITH_COUNTRY = 0.5
ANY_PARTICIPATION = 0.2
_ALPHA2 = re.compile(r"^[A-Z]{2}$")


class QueryError(ValueError):
    """Invalid input; ``field`` names the parameter (the API answers 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class PartnerQuery:
    org: str | None = None
    q: str | None = None
    themes: list[str] = field(default_factory=list)
    country: str | None = None
    region: str | None = None
    programme: str | None = None
    types: list[str] = field(default_factory=list)
    lang: str = "en"
    limit: int = 20
    offset: int = 0
    same_country: bool = False


def complement(seeker: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    if not seeker or not candidate:
        return 0.0
    best = 0.0
    for a in seeker:
        for b in candidate:
            value = SAME_TYPE if a == b else COMPLEMENTS.get(frozenset((a, b)), OTHER_PAIR)
            best = max(best, value)
    return best


def _resolve(index: PartnerIndex, value: str, kind: str) -> str:
    """An IRI for a parameter given as an IRI or as the key of ``{base}id/{kind}/{key}``."""
    if "://" in value or value.startswith("urn:"):
        return value
    return index.iris.entity(kind, value)


def rank(index: PartnerIndex, query: PartnerQuery) -> dict[str, Any]:
    """The answer object of ``GET /api/partners`` (without contacts; see the route)."""
    lang = query.lang if query.lang in LANGUAGES else "en"
    n = len(index)
    notes: list[str] = []

    # -- the seeker ------------------------------------------------------------------------------
    seeker: int | None = None
    if query.org:
        org = _resolve(index, query.org, "org")
        seeker = index.pos.get(org)
        if seeker is None:
            raise QueryError("org", f"'{query.org}' is not an organisation in the graph")
    country = query.country.upper() if query.country else None
    if country and not _ALPHA2.match(country):
        raise QueryError("country", f"country must be an ISO 3166-1 alpha-2 code such as 'DK', not '{query.country}'")
    if country and not _is_country(country):
        hint = {"UK": " (the United Kingdom is 'GB')", "EL": " (Greece is 'GR')"}.get(country, "")
        raise QueryError("country", f"'{query.country}' is not an ISO 3166-1 alpha-2 country code{hint}")
    region = _resolve(index, query.region, "region") if query.region else None
    if country is None and seeker is not None:
        country = index.country_of(seeker)
    if country is None and region is not None:
        country = _country_of_area(index, region)
    seeker_types = index.types_of[seeker] if seeker is not None else ()

    # -- what is needed ----------------------------------------------------------------------------
    needs: dict[str, str] = {}  # concept -> why it is needed
    for theme in query.themes:
        concept = _resolve(index, theme, "theme")
        if concept not in index.scheme:
            raise QueryError("theme", f"'{theme}' is not a concept of the theme scheme")
        needs.setdefault(concept, "theme parameter")
    matches = index.matcher.find(query.q) if query.q else []
    for m in matches:
        needs.setdefault(m.concept, f"'{m.label}' in q")
    if seeker is not None and not needs and not query.q:  # an explicit need wins over the org's profile
        for concept in _themes_of(index, seeker):
            needs.setdefault(concept, "theme of the seeker")
    residual = index.matcher.unmatched_tokens(query.q, matches) if query.q else []
    programme = _resolve(index, query.programme, "programme") if query.programme else None
    known = (index.eligible_areas, index.programme_post, index.labels)
    if programme is not None and not any(programme in d for d in known):
        raise QueryError("programme", f"'{query.programme}' is not a programme in the graph")
    for t in query.types:
        if t not in index.type_post and t not in _known_types():
            raise QueryError("type", f"'{t}' is not an organisation type; use one of {', '.join(_known_types())}")
    if not (seeker is not None or query.q or needs or programme):
        raise QueryError("q", "give at least one of org, q, theme or programme")

    # -- filters ---------------------------------------------------------------------------------
    alive = np.ones(n, dtype=bool)
    if seeker is not None:
        alive[seeker] = False
    unknown = np.zeros(n, dtype=bool)  # left out only because their country is not in the graph
    if country is not None:
        cid = index.country_id(country)
        unknown = alive & (index.country == -1)
        if query.same_country:
            alive &= index.country != -1
            if region is not None:
                alive &= ~index.mask("area", region)
            elif seeker is not None:
                for r in index.regions_of.get(seeker, ()):
                    alive &= ~index.mask("area", r)
        else:
            alive &= (index.country != cid) & (index.country != -1)
    if programme is not None:
        if not index.eligible_areas.get(programme):
            notes.append("the programme's eligible area is not in the graph: no candidate can be shown to be inside it")
        alive &= index.mask("eligible", programme)
        unknown &= index.mask("eligible", programme)
    if query.types:
        wanted = np.zeros(n, dtype=bool)
        for t in query.types:
            wanted |= index.mask("type", t)
        alive &= wanted
        unknown &= wanted

    # -- the parts of the score ------------------------------------------------------------------
    parts: dict[str, np.ndarray] = {}
    theme_part = np.zeros(n, dtype=np.float32)
    for need in needs:
        best = np.zeros(n, dtype=np.float32)
        for concept, relation in index.scheme.near(need).items():
            posting = index.theme_post.get(concept)
            if posting is None:
                continue
            ids, weights = posting
            best[ids] = np.maximum(best[ids], weights * relation.weight)  # ids are unique
        theme_part += best
    if needs:
        theme_part /= len(needs)
    parts["themes"] = theme_part
    keyword_part = np.zeros(n, dtype=np.float32)
    for token in residual:
        hit = np.zeros(n, dtype=bool)
        for k in all_keys(token):
            kw_ids = index.keyword_post.get(k)
            if kw_ids is not None:
                hit[kw_ids] = True
        keyword_part += hit
    if residual:
        keyword_part /= len(residual)
    parts["keywords"] = keyword_part
    wanted_keys = frozenset(k for token in residual for k in all_keys(token))
    if needs or residual:
        alive &= (theme_part > 0) | (keyword_part > 0)
        unknown &= (theme_part > 0) | (keyword_part > 0)
        if query.q and not matches and not keyword_part.any():
            notes.append("no theme of the scheme and no keyword of the graph was recognised in q")

    type_part = np.zeros(n, dtype=np.float32)
    if seeker_types:
        for t, ids in index.type_post.items():
            type_part[ids] = np.maximum(type_part[ids], complement(seeker_types, (t,)))
    parts["types"] = type_part

    seeker_programmes = set(index.programmes_of.get(seeker, ())) if seeker is not None else set()
    if programme:
        seeker_programmes.add(programme)
    programme_part = np.zeros(n, dtype=np.float32)
    for p in seeker_programmes:
        p_ids = index.programme_post.get(p)
        if p_ids is not None:
            programme_part[p_ids] += 1.0
    if seeker_programmes:
        programme_part /= len(seeker_programmes)
    parts["programmes"] = programme_part

    left_out = int(unknown.sum())
    if left_out:
        notes.append(
            f"{left_out} matching organisation(s) with no known country were left out: "
            "they cannot be shown to be across the border"
        )

    coop_part = np.where(index.role_count > 0, ANY_PARTICIPATION, 0.0).astype(np.float32)
    if country is not None:
        coop_part[index.mask("partnered-with-country", country)] = COOPERATED_WITH_COUNTRY
    co_partners: set[int] = set()
    seeker_targets = index.targets_of.get(seeker, set()) if seeker is not None else set()
    if seeker is not None:
        for target in seeker_targets:
            co_partners.update(index.members.get(target, ()))
        co_partners.discard(seeker)
        if co_partners:
            coop_part[list(co_partners)] = COOPERATED
    parts["cooperation"] = coop_part

    score = np.zeros(n, dtype=np.float32)
    for name, part in parts.items():
        score += WEIGHTS[name] * part
    candidates = np.flatnonzero(alive)
    total = int(candidates.size)
    end = min(query.offset + query.limit, total)
    if query.offset < total:
        cand_scores = score[candidates]
        if end < total:  # only the first `end` need an order
            top = np.argpartition(-cand_scores, end - 1)[:end]
            cutoff = cand_scores[top].min()
            top = np.flatnonzero(cand_scores >= cutoff)  # keep ties at the edge for a stable order
        else:
            top = np.arange(total)
        order = top[np.lexsort((candidates[top], -cand_scores[top]))]
        page = candidates[order][query.offset : end]
    else:
        page = np.empty(0, dtype=np.int64)

    results = [
        _result(
            index, int(i), score, parts, needs, wanted_keys, seeker_programmes, seeker_targets, seeker_types, country,
            lang,
        )
        for i in page
    ]
    return {
        "query": {
            "org": index.orgs[seeker] if seeker is not None else None,
            "q": query.q,
            "country": country,
            "region": region,
            "programme": programme,
            "types": list(query.types),
            "same_country": query.same_country,
            "lang": lang,
            "themes": [
                {"iri": c, "label": index.scheme.label(c, lang), "source": why} for c, why in needs.items()
            ],
            "keywords": residual,
        },
        "weights": WEIGHTS,
        "total": total,
        "limit": query.limit,
        "offset": query.offset,
        "generation": index.generation,
        "notes": notes,
        "results": results,
    }


def _is_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None


def _known_types() -> list[str]:
    from innograph.partners.index import ORG_TYPES

    return list(ORG_TYPES[1:])


def _themes_of(index: PartnerIndex, i: int) -> list[str]:
    """The concepts an organisation has (own or through what it took part in)."""
    return [c for c, (ids, _w) in index.theme_post.items() if _contains(ids, i)]


def _contains(sorted_ids: np.ndarray, i: int) -> bool:
    j = int(np.searchsorted(sorted_ids, i))
    return j < sorted_ids.size and int(sorted_ids[j]) == i


def _country_of_area(index: PartnerIndex, area: str) -> str | None:
    m = re.search(r"/id/(?:country|region)/([A-Z]{2})(?:-|$)", area)
    if m:
        return m.group(1)
    for parent in index.area_parents.get(area, ()):
        code = _country_of_area(index, parent)
        if code:
            return code
    return None


def _evidence(index: PartnerIndex, subject: str, prop: str, value: str) -> list[dict[str, str | None]]:
    out = []
    for ev in index.evidence_for(subject, prop, value):
        title, url = index.documents.get(ev.document, ("", ""))
        out.append(
            {"sentence": ev.sentence, "document": ev.document, "title": title, "url": url,
             "page": _page(index, ev.document)}
        )
    return out


def _result(
    index: PartnerIndex,
    i: int,
    score: np.ndarray,
    parts: dict[str, np.ndarray],
    needs: dict[str, str],
    wanted_keys: frozenset[str],
    seeker_programmes: set[str],
    seeker_targets: set[str],
    seeker_types: tuple[str, ...],
    seeker_country: str | None,
    lang: str,
) -> dict[str, Any]:
    iri = index.orgs[i]
    matched = []
    for need in needs:
        best: tuple[float, str, str] | None = None
        for concept, rel in index.scheme.near(need).items():  # only concepts near the need can match
            posting = index.theme_post.get(concept)
            if posting is None or not _contains(posting[0], i):
                continue
            via = index.theme_via.get((i, concept))
            weight = rel.weight * (ROLE_THEME_WEIGHT if via else 1.0)
            if best is None or weight > best[0] or (weight == best[0] and concept < best[1]):
                best = (weight, concept, rel.kind)
        if best is None:
            continue
        weight, concept, kind = best
        subject = index.theme_via.get((i, concept), iri)
        matched.append(
            {
                "need": need,
                "need_label": index.scheme.label(need, lang),
                "iri": concept,
                "label": index.scheme.label(concept, lang),
                "relation": kind,
                "weight": round(weight, 3),
                "via": subject if subject != iri else None,
                "via_label": index.label(subject, lang) if subject != iri else None,
                "evidence": _evidence(index, subject, "theme", concept),
            }
        )
    keywords = []
    if parts["keywords"][i] > 0:
        for text, subject, kw_keys in index.keywords_of.get(i, []):
            if kw_keys & wanted_keys:  # only the keywords that matched words of the need
                keywords.append({"keyword": text, "evidence": _evidence(index, subject, "keyword", text)})
    programmes = []
    for p in sorted(seeker_programmes & set(index.programmes_of.get(i, ()))):
        via = index.programme_via.get((i, p))
        programmes.append(
            {
                "iri": p,
                "label": index.label(p, lang),
                "via": via,
                "evidence": _evidence(index, via or iri, "programme", p),
            }
        )
    together = sorted(index.targets_of.get(i, set()) & seeker_targets)
    cooperation = [{"iri": t, "label": index.label(t, lang)} for t in together]
    score_parts = {name: round(float(WEIGHTS[name] * parts[name][i]), 4) for name in WEIGHTS}
    reasons = _reasons(index, i, matched, keywords, programmes, cooperation, seeker_types, seeker_country)
    return {
        "iri": iri,
        "label": index.label(iri, lang),
        "country": index.country_of(i),
        "regions": [{"iri": r, "label": index.label(r, lang)} for r in index.regions_of.get(i, ())],
        "types": list(index.types_of[i]),
        "score": round(float(score[i]), 4),
        "parts": score_parts,
        "matched_themes": matched,
        "matched_keywords": keywords[:5],
        "shared_programmes": programmes,
        "cooperation": cooperation,
        "reasons": reasons,
        "explanation": " ".join(r["text"] for r in reasons),
        "page": _page(index, iri),
    }


def _words(types: tuple[str, ...]) -> str:
    """'ClusterOrganisation' -> 'cluster organisation' (for sentences)."""
    return " / ".join("EU office" if t == "EUOffice" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t).lower() for t in types)


def _page(index: PartnerIndex, iri: str) -> str | None:
    """The local path of the entity's page (``{base}id/...`` dereferences to it)."""
    base = index.iris.base
    return "/" + iri[len(base) :] if iri.startswith(base) else None


def _reasons(
    index: PartnerIndex,
    i: int,
    matched: list[dict[str, Any]],
    keywords: list[dict[str, Any]],
    programmes: list[dict[str, Any]],
    cooperation: list[dict[str, Any]],
    seeker_types: tuple[str, ...],
    seeker_country: str | None,
) -> list[dict[str, str]]:
    """The reasons, one sentence each (``kind``: theme, keywords, programmes, cooperation, type,
    border); the explanation is their concatenation. A theme reason quotes its evidence sentence."""
    bits: list[dict[str, str]] = []
    for m in matched:
        relation = {
            "exact": "the theme",
            "broader": "a broader theme than",
            "narrower": "a narrower theme than",
            "sibling": "a theme next to",
        }.get(m["relation"], "a theme related to")
        if m["relation"] == "exact":
            text = f"Shares the theme '{m['label']}'"
        else:
            text = f"Has '{m['label']}', {relation} '{m['need_label']}'"
        if m["via"]:
            text += f" through '{m['via_label']}'"
        if m["evidence"]:
            ev = m["evidence"][0]
            source = f" ({ev['title']})" if ev["title"] else ""
            text += f": \u201c{ev['sentence']}\u201d{source}"
        bits.append({"kind": "theme", "text": text + "."})
    if keywords:
        words = ", ".join(f"'{k['keyword']}'" for k in keywords[:3])
        bits.append({"kind": "keywords", "text": f"Keywords: {words}."})
    if programmes:
        bits.append({"kind": "programmes", "text": "Took part in " + ", ".join(p["label"] for p in programmes) + "."})
    if cooperation:
        together = ", ".join(c["label"] for c in cooperation)
        bits.append({"kind": "cooperation", "text": f"Already worked with you in {together}."})
    if seeker_types and index.types_of[i]:
        value = complement(seeker_types, index.types_of[i])
        if value >= 0.6:
            text = f"Complementary type: {_words(index.types_of[i])} for a {_words(seeker_types)}."
            bits.append({"kind": "type", "text": text})
    country = index.country_of(i)
    if country and seeker_country and country != seeker_country:
        bits.append({"kind": "border", "text": f"Cross-border: {country} (you: {seeker_country})."})
    return bits
