"""Ranking of partner candidates (the numbers are in ``weights.py``, the explanations in ``explain.py``).

The score (0..1) is a weighted sum of five parts, each between 0 and 1:

    score = 0.50 * themes + 0.10 * keywords + 0.15 * types + 0.15 * programmes + 0.10 * cooperation

- **themes**: for each needed theme concept, the best match among the candidate's concepts:
  1.0 the same concept, 0.5 one step up or down the SKOS scheme (broader/narrower), 0.25 two
  steps (grandparent, grandchild, sibling). A theme the candidate only has through projects it
  took part in counts 0.8 of that for one project, up to 1.0 for five or more
  (``weights.project_theme_weight``). The part is the mean over the needed themes.
  A candidate is an organisation, or a group of IRIs `innograph resolve` found to name one
  organisation (``clusters.py``), with the statements of all its members.
  Needed themes = the ``theme`` parameters + the concepts whose labels (in any of the four
  languages, stemmed, accent- and case-blind) occur in ``q``; with neither, the seeker
  organisation's own themes (its profile).
- **keywords**: the share of the other content words of ``q`` found (stemmed) among the
  candidate's keywords as written (``ig:keyword``).
- **types**: how well the candidate's organisation type complements the seeker's
  (``weights.COMPLEMENTS``; e.g. company <-> research organisation 1.0, same type 0.4); 0 when
  either is unknown.
- **programmes**: the share of the seeker's programmes (its own, those of the projects it took
  part in, and the ``programme`` parameter) the candidate also has, itself or through a project.
- **cooperation**: 1.0 the candidate already worked with the seeker (a shared project, call or
  platform in the graph), 0.5 it worked with an organisation of the seeker's country, 0.2 it has
  any participation on record, else 0.

Filters (not scored): candidates are organisations in another country than the seeker's
(``same_country`` lets in other regions of the same country: every region but the seeker's own
``ig:region``\\s), of the requested ``type``\\s, inside the ``programme``'s eligible area
(``ig:eligibleArea``, through ``ig:withinArea``; a sub-programme without one has its parent's) or
already in one of its projects or those of its sub-programmes; when a need
names themes or words, a candidate must match at least one of them. Ties go to the IRI order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pycountry

from innograph.ontology.tables import LANGUAGES
from innograph.partners.explain import Search, contains, result
from innograph.partners.index import ORG_TYPES, PartnerIndex
from innograph.partners.text import all_keys
from innograph.partners.weights import (
    ANY_PARTICIPATION,
    COOPERATED,
    COOPERATED_WITH_COUNTRY,
    WEIGHTS,
    complement,
)

_ALPHA2 = re.compile(r"^[A-Z]{2}$")
KNOWN_TYPES = ORG_TYPES[1:]


class QueryError(ValueError):
    """Invalid input; ``field`` names the parameter (the API answers with ``invalid_parameters``)."""

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


def rank(index: PartnerIndex, query: PartnerQuery) -> dict[str, Any]:
    """The answer object of ``GET /api/partners`` (without contacts; see the route)."""
    search = resolve(index, query)
    notes: list[str] = []
    alive, unknown = _filters(index, query, search, notes)
    parts = _score_parts(index, search)
    if search.needs or search.residual:  # a need was stated: a candidate must meet some of it
        meets = (parts["themes"] > 0) | (parts["keywords"] > 0)
        alive &= meets
        unknown &= meets
        if query.q and not search.matches and not parts["keywords"].any():
            notes.append("no theme of the scheme and no keyword of the graph was recognised in q")
    left_out = int(unknown.sum())
    if left_out:
        notes.append(
            f"{left_out} matching organisation(s) with no known country were left out: "
            "they cannot be shown to be across the border"
        )
    score = np.zeros(index.size, dtype=np.float32)
    for name, part in parts.items():
        score += WEIGHTS[name] * part
    candidates = np.flatnonzero(alive)
    page = _page_of(candidates, score, index.iri_rank, query.offset, query.limit)
    return {
        "query": _echo(index, query, search),
        "weights": WEIGHTS,
        "total": int(candidates.size),
        "limit": query.limit,
        "offset": query.offset,
        "generation": index.generation,
        "notes": notes,
        "results": [result(index, int(i), score, parts, search) for i in page],
    }


# -- the query, resolved against the index ----------------------------------------------------------


def resolve(index: PartnerIndex, query: PartnerQuery) -> Search:
    """Check every parameter and work out the seeker and what is needed; QueryError names a bad one."""
    seeker = _seeker(index, query)
    country = _country(index, query, seeker)
    search = Search(
        seeker=seeker,
        country=country,
        region=_resolve(index, query.region, "region") if query.region else None,
        programme=_programme(index, query),
        lang=query.lang if query.lang in LANGUAGES else "en",
    )
    if search.country is None and search.region is not None:
        search.country = _country_of_area(index, search.region)
    if seeker is not None:
        search.seeker_types = index.types_of[seeker]
        search.seeker_programmes = set(index.programmes_of.get(seeker, ()))
        search.seeker_targets = index.targets_of.get(seeker, set())
    if search.programme:
        search.seeker_programmes.add(search.programme)
    _needs(index, query, search)
    for t in query.types:
        if t not in index.type_post and t not in KNOWN_TYPES:
            raise QueryError("type", f"'{t}' is not an organisation type; use one of {', '.join(KNOWN_TYPES)}")
    if not (seeker is not None or query.q or search.needs or search.programme):
        raise QueryError("q", "give at least one of org, q, theme or programme")
    return search


def _resolve(index: PartnerIndex, value: str, kind: str) -> str:
    """An IRI for a parameter given as an IRI or as the key of ``{base}id/{kind}/{key}``."""
    if "://" in value or value.startswith("urn:"):
        return value
    return index.iris.entity(kind, value)


def _seeker(index: PartnerIndex, query: PartnerQuery) -> int | None:
    if not query.org:
        return None
    seeker = index.pos.get(_resolve(index, query.org, "org"))
    if seeker is None:
        raise QueryError("org", f"'{query.org}' is not an organisation in the graph")
    return seeker


def _country(index: PartnerIndex, query: PartnerQuery, seeker: int | None) -> str | None:
    """The seeker's country: the parameter, else the seeker organisation's."""
    if not query.country:
        return index.country_of(seeker) if seeker is not None else None
    country = query.country.upper()
    if not _ALPHA2.match(country):
        raise QueryError("country", f"country must be an ISO 3166-1 alpha-2 code such as 'DK', not '{query.country}'")
    if pycountry.countries.get(alpha_2=country) is None:
        hint = {"UK": " (the United Kingdom is 'GB')", "EL": " (Greece is 'GR')"}.get(country, "")
        raise QueryError("country", f"'{query.country}' is not an ISO 3166-1 alpha-2 country code{hint}")
    return country


def _country_of_area(index: PartnerIndex, area: str) -> str | None:
    m = re.search(r"/id/(?:country|region)/([A-Z]{2})(?:-|$)", area)
    if m:
        return m.group(1)
    for parent in sorted(index.area_parents.get(area, ())):
        code = _country_of_area(index, parent)
        if code:
            return code
    return None


def _programme(index: PartnerIndex, query: PartnerQuery) -> str | None:
    if not query.programme:
        return None
    programme = _resolve(index, query.programme, "programme")
    if not any(programme in known for known in (index.eligible_areas, index.programme_post, index.labels)):
        raise QueryError("programme", f"'{query.programme}' is not a programme in the graph")
    return programme


def _needs(index: PartnerIndex, query: PartnerQuery, search: Search) -> None:
    """The needed theme concepts (and why), and the other content words of ``q``."""
    for theme in query.themes:
        concept = _resolve(index, theme, "theme")
        if concept not in index.scheme:
            raise QueryError("theme", f"'{theme}' is not a concept of the theme scheme")
        search.needs.setdefault(concept, "theme parameter")
    if query.q:
        search.matches = index.matcher.find(query.q)
        search.residual = index.matcher.unmatched_tokens(query.q, search.matches)
    for m in search.matches:
        search.needs.setdefault(m.concept, f"'{m.label}' in q")
    if search.seeker is not None and not search.needs and not query.q:  # an explicit need wins over the profile
        for concept, (ids, _weights) in sorted(index.theme_post.items()):  # by IRI, whatever the build order
            if contains(ids, search.seeker):
                search.needs.setdefault(concept, "theme of the seeker")
    search.wanted_keys = frozenset(k for token in search.residual for k in all_keys(token))


# -- filters ----------------------------------------------------------------------------------------


def _filters(index: PartnerIndex, query: PartnerQuery, search: Search, notes: list[str]) -> tuple[np.ndarray, ...]:
    """(alive, unknown): who may be suggested, and who is left out only for lack of a known country."""
    n = index.size
    alive = index.present.copy()
    if search.seeker is not None:
        alive[search.seeker] = False
    unknown = np.zeros(n, dtype=bool)
    if search.country is not None:
        unknown = alive & (index.country == -1)
        alive &= _across_border(index, query, search)
    if search.programme is not None:
        if not index.eligible_area_of(search.programme):
            notes.append("the programme's eligible area is not in the graph: only its known participants can be shown")
        eligible = index.mask("eligible", search.programme)
        alive &= eligible
        unknown &= eligible
    if query.types:
        wanted = np.zeros(n, dtype=bool)
        for t in query.types:
            wanted |= index.mask("type", t)
        alive &= wanted
        unknown &= wanted
    return alive, unknown


def _across_border(index: PartnerIndex, query: PartnerQuery, search: Search) -> np.ndarray:
    """Organisations of another country; with ``same_country``, of any region but the seeker's."""
    known = index.country != -1
    if not query.same_country:
        return known & (index.country != index.country_id(search.country or ""))
    if search.region:
        own_regions = [search.region]
    else:
        own_regions = list(index.regions_of.get(search.seeker, ())) if search.seeker is not None else []
    for region in own_regions:
        known = known & ~index.mask("area", region)
    return known


# -- the parts of the score -------------------------------------------------------------------------


def _score_parts(index: PartnerIndex, search: Search) -> dict[str, np.ndarray]:
    return {
        "themes": _theme_part(index, search),
        "keywords": _keyword_part(index, search),
        "types": _type_part(index, search),
        "programmes": _programme_part(index, search),
        "cooperation": _cooperation_part(index, search),
    }


def _theme_part(index: PartnerIndex, search: Search) -> np.ndarray:
    part = np.zeros(index.size, dtype=np.float32)
    for need in search.needs:
        best = np.zeros(index.size, dtype=np.float32)
        for concept, relation in index.scheme.near(need).items():
            posting = index.theme_post.get(concept)
            if posting is not None:
                ids, weights = posting
                best[ids] = np.maximum(best[ids], weights * relation.weight)  # ids are unique
        part += best
    return part / len(search.needs) if search.needs else part


def _keyword_part(index: PartnerIndex, search: Search) -> np.ndarray:
    part = np.zeros(index.size, dtype=np.float32)
    for token in search.residual:
        hit = np.zeros(index.size, dtype=bool)
        for k in all_keys(token):
            ids = index.keyword_post.get(k)
            if ids is not None:
                hit[ids] = True
        part += hit
    return part / len(search.residual) if search.residual else part


def _type_part(index: PartnerIndex, search: Search) -> np.ndarray:
    part = np.zeros(index.size, dtype=np.float32)
    if search.seeker_types:
        for t, ids in index.type_post.items():
            part[ids] = np.maximum(part[ids], complement(search.seeker_types, (t,)))
    return part


def _programme_part(index: PartnerIndex, search: Search) -> np.ndarray:
    part = np.zeros(index.size, dtype=np.float32)
    for programme in search.seeker_programmes:
        ids = index.programme_post.get(programme)
        if ids is not None:
            part[ids] += 1.0
    return part / len(search.seeker_programmes) if search.seeker_programmes else part


def _cooperation_part(index: PartnerIndex, search: Search) -> np.ndarray:
    part = np.where(index.role_count > 0, ANY_PARTICIPATION, 0.0).astype(np.float32)
    if search.country is not None:
        part[index.mask("partnered-with-country", search.country)] = COOPERATED_WITH_COUNTRY
    if search.seeker is not None:
        co_partners = {m for target in search.seeker_targets for m in index.members.get(target, ())}
        co_partners.discard(search.seeker)
        if co_partners:
            part[sorted(co_partners)] = COOPERATED
    return part


# -- the page and the echo of the query -------------------------------------------------------------


def _page_of(candidates: np.ndarray, score: np.ndarray, iri_rank: np.ndarray, offset: int, limit: int) -> np.ndarray:
    """Candidates from ``offset`` to ``offset + limit`` by score, ties by IRI order (``iri_rank``)."""
    total = int(candidates.size)
    end = min(offset + limit, total)
    if offset >= total:
        return np.empty(0, dtype=np.int64)
    cand_scores = score[candidates]
    if end < total:  # only the first `end` need an order
        top = np.argpartition(-cand_scores, end - 1)[:end]
        top = np.flatnonzero(cand_scores >= cand_scores[top].min())  # keep ties at the edge for a stable order
    else:
        top = np.arange(total)
    order = top[np.lexsort((iri_rank[candidates[top]], -cand_scores[top]))]
    return candidates[order][offset:end]


def _echo(index: PartnerIndex, query: PartnerQuery, search: Search) -> dict[str, Any]:
    return {
        "org": index.orgs[search.seeker] if search.seeker is not None else None,
        "q": query.q,
        "country": search.country,
        "region": search.region,
        "programme": search.programme,
        "types": list(query.types),
        "same_country": query.same_country,
        "lang": search.lang,
        "themes": [
            {"iri": c, "label": index.scheme.label(c, search.lang), "source": why} for c, why in search.needs.items()
        ],
        "keywords": search.residual,
    }
