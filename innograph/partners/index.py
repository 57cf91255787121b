"""The partner index: the part of the graph partner search needs, in memory.

Why: the ranking written as one SPARQL query takes ~0.7 s on the on-disk store at 100k
organisations. The index holds posting lists (theme -> organisations, area -> organisations,
programme -> organisations) as numpy arrays, so a query is a handful of vector operations over
all organisations and a few dictionary look-ups for the page of results.

This module is the data and its look-ups; ``derivation.py`` derives it from the graph's facts and
``holder.py`` keeps it in step with the store. Organisations are numbered 0..n-1 (``orgs[i]``,
``pos[iri]``) in order of first appearance; one that is no longer typed keeps its number with
``present[i]`` False. "Target" is anything an organisation took part in through a reified role
(a project, call, platform...). An index is never changed once published (caches aside).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from innograph.iris import Iris
from innograph.partners.labels import LabelSearch
from innograph.partners.records import FileSource, RoleRecord
from innograph.partners.scheme import ThemeScheme
from innograph.partners.text import ThemeMatcher

# ig:Organisation first, then its subclasses (the contract's list); index = type id.
ORG_TYPES: tuple[str, ...] = (
    "Organisation",
    "PublicAuthority",
    "DevelopmentAgency",
    "ResearchOrganisation",
    "Company",
    "ClusterOrganisation",
    "Network",
    "EUOffice",
)


def reachable(start: str, links: Mapping[str, Iterable[str]]) -> set[str]:
    """Everything reachable from ``start`` through ``links`` (any depth; ``start`` itself only on a cycle)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in links.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@dataclass(frozen=True)
class Evidence:
    sentence: str
    document: str


@dataclass
class PartnerIndex:
    iris: Iris
    generation: int
    orgs: list[str]  # every organisation ever numbered, present or not
    pos: Mapping[str, int]  # the present ones
    present: np.ndarray  # bool: still typed ig:Organisation (a number is never reused for another IRI)
    iri_rank: np.ndarray  # int32: place of each IRI in sorted order (ties in ranking go by IRI)
    country: np.ndarray  # int16 index into country_codes, -1 unknown
    country_codes: list[str]
    types_of: list[tuple[str, ...]]  # specific types (local names) per organisation
    type_post: Mapping[str, np.ndarray]
    regions_of: Mapping[int, tuple[str, ...]]  # ig:region of each organisation
    area_post: Mapping[str, np.ndarray]  # area IRI (country, region, larger areas) -> organisations in it
    area_parents: dict[str, set[str]]  # ig:withinArea, and a region's ig:country
    theme_post: Mapping[str, tuple[np.ndarray, np.ndarray]]  # concept -> (organisations, weights)
    theme_via: Mapping[tuple[int, str], str]  # (org, concept) -> subject the theme was read on (project...)
    keyword_post: Mapping[str, np.ndarray]  # comparison key -> organisations
    keywords_of: Mapping[int, list[tuple[str, str, frozenset[str]]]]  # org -> (keyword, subject, keys)
    programmes_of: Mapping[int, frozenset[str]]  # own ig:programme, and those of its targets
    programme_post: Mapping[str, np.ndarray]
    programme_via: Mapping[tuple[int, str], str]  # (org, programme) -> the target that brought it
    target_programmes: Mapping[str, frozenset[str]]  # target -> its ig:programme
    eligible_areas: dict[str, set[str]]
    programme_parents: dict[str, set[str]]  # ig:parentProgramme
    targets_of: Mapping[int, set[str]]
    members: Mapping[str, list[int]]  # target -> organisations that took part in it
    role_types: Mapping[tuple[int, str], frozenset[str]]  # (org, target) -> role type IRIs
    role_count: np.ndarray  # int32, participations per organisation
    evidence: Mapping[tuple[str, str, str], list[Evidence]]  # (subject, property local name, object) -> sentences
    documents: Mapping[str, tuple[str, str]]  # document -> (title, source URL)
    labels: Mapping[str, dict[str, list[str]]]  # entity -> lang -> labels (pref first)
    entity_types: Mapping[str, set[str]]
    scheme: ThemeScheme
    matcher: ThemeMatcher
    # open data (derivation.py): resolved groups, what supports a theme, where participations come from
    same_as: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # org -> its group's IRIs (2 or more)
    theme_projects: Mapping[tuple[int, str], tuple[str, ...]] = field(default_factory=dict)  # targets with the theme
    participations: Mapping[tuple[int, str], tuple[RoleRecord, ...]] = field(default_factory=dict)  # (org, target)
    target_details: Mapping[str, dict[str, str]] = field(default_factory=dict)  # startDate, endDate, altLabel...
    sources: Mapping[str, FileSource] = field(default_factory=dict)  # imported file -> its dataset
    graph_documents: Mapping[str, str] = field(default_factory=dict)  # graph -> its source document
    build_seconds: float = 0.0
    _masks: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, repr=False)
    _search: LabelSearch | None = field(default=None, repr=False)

    def __len__(self) -> int:
        """Organisations present."""
        return len(self.pos)

    @property
    def size(self) -> int:
        """Length of the per-organisation arrays (present or not)."""
        return len(self.orgs)

    def label(self, iri: str, lang: str | None = None) -> str:
        """The label of ``iri`` in ``lang``, else English, else any, else the IRI's last segment."""
        if iri in self.scheme and iri not in self.labels:
            return self.scheme.label(iri, lang or "en")
        by_lang = self.labels.get(iri)
        if not by_lang:
            return iri.rstrip("/").rsplit("/", 1)[-1]
        for candidate in (lang, "en", ""):
            if candidate is not None and by_lang.get(candidate):
                return by_lang[candidate][0]
        return next(iter(by_lang.values()))[0]

    def country_of(self, i: int) -> str | None:
        c = int(self.country[i])
        return self.country_codes[c] if c >= 0 else None

    def country_id(self, code: str) -> int:
        try:
            return self.country_codes.index(code)
        except ValueError:
            return -2  # a country no organisation is in: matches nothing, excludes nothing

    def mask(self, kind: str, key: str) -> np.ndarray:
        """A cached boolean mask over organisations: ``area``, ``eligible`` (programme), ``type``,
        ``partnered-with-country`` (took part in something with an organisation of that country)."""
        cached = self._masks.get((kind, key))
        if cached is None:
            makers = {
                "area": self._area_mask,
                "eligible": self._eligible_mask,
                "type": self._type_mask,
                "partnered-with-country": self._partnered_with_country_mask,
            }
            cached = self._masks[(kind, key)] = makers[kind](key)
        return cached

    def _ids_mask(self, *postings: np.ndarray | None) -> np.ndarray:
        m = np.zeros(len(self.orgs), dtype=bool)
        for ids in postings:
            if ids is not None:
                m[ids] = True
        return m

    def _area_mask(self, area: str) -> np.ndarray:
        return self._ids_mask(self.area_post.get(area))

    def _eligible_mask(self, programme: str) -> np.ndarray:
        """Inside the programme's eligible area, or shown eligible by having taken part in it or in
        one of its sub-programmes."""
        areas = [self.area_post.get(a) for a in self.eligible_area_of(programme)]
        participants = [self.programme_post.get(p) for p in self.programme_family(programme)]
        return self._ids_mask(*areas, *participants)

    def eligible_area_of(self, programme: str) -> set[str]:
        """The programme's own ig:eligibleArea, else that of its nearest parent programme that has one
        (a sub-programme lies within its parent's area: Interreg IV within Interreg's)."""
        level, seen = {programme}, set()
        while level:
            found = set().union(*(self.eligible_areas.get(p, set()) for p in level))
            if found:
                return found
            seen |= level
            level = {parent for p in level for parent in self.programme_parents.get(p, ())} - seen
        return set()

    def programme_family(self, programme: str) -> set[str]:
        """The programme and every programme below it (ig:parentProgramme, any depth)."""
        children: dict[str, set[str]] = {}
        for child, parents in self.programme_parents.items():
            for parent in parents:
                children.setdefault(parent, set()).add(child)
        return {programme} | reachable(programme, children)

    def _type_mask(self, org_type: str) -> np.ndarray:
        return self._ids_mask(self.type_post.get(org_type))

    def _partnered_with_country_mask(self, code: str) -> np.ndarray:
        m = np.zeros(len(self.orgs), dtype=bool)
        cid = self.country_id(code)
        for team in self.members.values():
            if len(team) > 1 and any(int(self.country[i]) == cid for i in team):
                m[team] = True
        return m

    def evidence_for(self, subject: str, prop: str, value: str) -> list[Evidence]:
        return self.evidence.get((subject, prop, value), [])

    def search_index(self) -> LabelSearch:
        """The label search index (built on first use: only /api/search needs it)."""
        if self._search is None:
            self._search = LabelSearch(self.labels, self.entity_types, self.iris)
        return self._search
