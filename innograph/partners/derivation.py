"""The partner index derived from the fact counts, updated for what a change touches, and published.

``IndexState`` holds a :class:`~innograph.partners.fact_counts.FactCounts` (the facts of every
graph and how many graphs state each) and everything derived from it. Applying a change counts the
facts again there, then derives again only what those facts touch: the organisations, targets,
concepts, areas, keys and evidence statements involved. ``publish()`` then hands out a new,
immutable :class:`~innograph.partners.index.PartnerIndex`; earlier ones stay valid for the
requests still using them (no published list, set, dict or array is ever changed in place).

Organisations that resolution says are one (``clusters.py``) are one candidate, numbered under
the group's head; what they did and say they do is derived in ``holdings.py``.

A full build is the same code applied to every graph at once, so an index updated change by
change equals one built from scratch (tests/test_partners_follow.py checks this). Where several
statements compete (two prefLabels, two own countries, a theme reached through two projects) the
choice is by value, never by reading order.

Organisations are numbered in order of first appearance (sorted within one apply); one that
loses its last ``ig:Organisation`` type keeps its number but is absent (``present`` is False,
``pos`` no longer has it). Ties in ranking go by ``iri_rank``, the place of the IRI in sorted
order, so numbering never shows in results.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from innograph.iris import Iris
from innograph.partners.clusters import Clusters
from innograph.partners.fact_counts import FactCounts, Touched
from innograph.partners.facts import GraphFacts
from innograph.partners.holdings import Holdings, set_or_drop
from innograph.partners.index import ORG_TYPES, PartnerIndex, reachable
from innograph.partners.index_maps import CowMap, IriOrder
from innograph.partners.scheme import Concept, ThemeScheme, concepts_from_ontology
from innograph.partners.text import ThemeMatcher

_ORG_TYPE_SET = frozenset(ORG_TYPES)
_POSTINGS = ("type", "area", "keyword", "programme")
_COUNTRY_IRI = re.compile(r"/id/country/([A-Z]{2})$")
_REGION_IRI = re.compile(r"/id/region/([A-Z]{2})-[A-Z0-9]{1,3}$")
# what a change of the resolved groups makes every moved IRI derive again
_REGROUPED = ("type", "label", "place", "role_agent", "theme", "keyword", "programme")


def _as_ids(values: set[int]) -> np.ndarray:
    return np.fromiter(sorted(values), dtype=np.int32, count=len(values))


def _country_code(area: str, iso: dict[str, str]) -> str | None:
    code = iso.get(area)
    if code and len(code) == 2:
        return code
    m = _COUNTRY_IRI.search(area) or _REGION_IRI.search(area)
    return m.group(1) if m else None


class IndexState(Holdings):
    """The index derived from the fact counts (``fact_counts.py``), and its publishing."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self.vocab = iris.vocab
        self.counts = FactCounts()
        self.clusters = Clusters()
        self._init_organisations()
        self._init_derived()
        self._init_holdings()

    def _init_organisations(self) -> None:
        self.orgs: list[str] = []
        self.slot: dict[str, int] = {}  # every IRI ever numbered
        self.pos: CowMap[str, int] = CowMap()  # the present ones
        self.present = np.zeros(0, dtype=bool)
        self.country = np.zeros(0, dtype=np.int16)
        self.role_count = np.zeros(0, dtype=np.int32)
        self.iri_rank = np.zeros(0, dtype=np.int32)
        self.iri_order = IriOrder()
        self.types_of: list[tuple[str, ...]] = []
        self.country_codes: list[str] = []

    def _init_derived(self) -> None:
        self.sets: dict[str, dict[str, set[int]]] = {kind: defaultdict(set) for kind in _POSTINGS}
        self.posts: dict[str, CowMap[str, np.ndarray]] = {kind: CowMap() for kind in _POSTINGS}
        self.labels: CowMap[str, dict[str, list[str]]] = CowMap()
        self.entity_types: CowMap[str, set[str]] = CowMap()
        self.area_parents: dict[str, set[str]] = {}
        self.iso: dict[str, str] = {}
        self.areas_in: dict[int, tuple[str, ...]] = {}
        self.regions_of: CowMap[int, tuple[str, ...]] = CowMap()
        self.theme_post: CowMap[str, tuple[np.ndarray, np.ndarray]] = CowMap()
        self.scheme = ThemeScheme(concepts_from_ontology(self.iris.base))
        self.matcher = ThemeMatcher(self.scheme.labels())
        self._dirty: dict[str, set[str]] = defaultdict(set)  # posting keys to publish again
        self._scheme_changed = True

    def apply(self, changes: dict[str, GraphFacts]) -> Touched:
        """Replace the facts of each graph in ``changes`` (an empty tuple: the graph is gone) and
        derive again what they touch."""
        touched = self.counts.apply(changes)
        self._derive(touched)
        return touched

    # -- deriving -----------------------------------------------------------------------------------

    def _derive(self, touched: Touched) -> None:
        if touched["same"]:
            moved = self.clusters.rebuild(self.counts.facts["same"])
            for kind in _REGROUPED:
                touched[kind].update(moved)
        self._derive_organisations(touched)
        self._derive_labels(touched)
        rescan = bool(touched["concept"] or self._scheme_changed)
        if rescan:
            self._derive_scheme()
        self._derive_places(touched)
        changed_targets = self._derive_roles(touched)
        self._derive_themes_and_keywords(touched, changed_targets, rescan)
        self._derive_programmes(touched, changed_targets)
        self._derive_evidence_and_documents(touched)
        self._derive_details(touched)

    def _derive_organisations(self, touched: Touched) -> None:
        """Entity types, who is an organisation (a group's head: the others are shown through it),
        its number and its specific types (those of every member)."""
        vocab_len = len(self.vocab)
        for s in touched["type"]:
            local = {t[vocab_len:] for t in self.counts.values("type", s) if t.startswith(self.vocab)}
            set_or_drop(self.entity_types, s, local)
        org_types: dict[str, tuple[str, ...]] = {}
        for s in touched["type"] | self.clusters.heads_of(touched["type"]):
            if self.clusters.head_of(s) != s:
                org_types[s] = ()
                continue
            local = set().union(*(self.entity_types.get(m, set()) for m in self.clusters.members(s)))
            org_types[s] = tuple(sorted(local & _ORG_TYPE_SET))
        self._number_new([s for s, types in org_types.items() if types and s not in self.slot], touched)
        for s, types in org_types.items():
            i = self.slot.get(s)
            if i is None:
                continue
            is_org = bool(types)
            if bool(self.present[i]) != is_org:
                touched.status.add(s)
                self.present[i] = is_org
                if is_org:
                    self.pos[s] = i
                else:
                    self.pos.pop(s, None)
            specific = tuple(t for t in types if t != "Organisation")
            for t in set(self.types_of[i]) ^ set(specific):
                (self.sets["type"][t].add if t in specific else self.sets["type"][t].discard)(i)
                self._dirty["type"].add(t)
            self.types_of[i] = specific

    def _number_new(self, new: list[str], touched: Touched) -> None:
        if not new:
            return
        start = len(self.orgs)
        new.sort()
        self.orgs.extend(new)
        self.types_of.extend(() for _ in new)
        for k, s in enumerate(new, start):
            self.slot[s] = k
        grow = len(new)
        self.present = np.concatenate([self.present, np.zeros(grow, dtype=bool)])
        self.country = np.concatenate([self.country, np.full(grow, -1, dtype=np.int16)])
        self.role_count = np.concatenate([self.role_count, np.zeros(grow, dtype=np.int32)])
        touched.new_orgs = True

    def _derive_labels(self, touched: Touched) -> None:
        """Labels per language: prefLabels first, then the others, each group in sorted order."""
        concepts = self.counts.facts["concept"]
        for s in touched["label"] | self.clusters.heads_of(touched["label"]):
            group = self.clusters.members(s) if self.clusters.head_of(s) == s else (s,)
            found = {label for member in group for label in self.counts.values("label", member)}
            if not found:
                self.labels.pop(s, None)
            else:
                by_lang: dict[str, list[str]] = {}
                for _pref, lang, text in sorted(found, key=lambda v: (not v[0], v[2])):
                    texts = by_lang.setdefault(lang, [])
                    if text not in texts:
                        texts.append(text)
                self.labels[s] = by_lang
            if s in concepts:
                self._scheme_changed = True

    def _derive_scheme(self) -> None:
        """The theme scheme the store holds, merged with the one shipped with the ontology."""
        concepts: dict[str, Concept] = {}
        for iri, broader in self.counts.facts["concept"].items():
            concept = concepts[iri] = Concept(iri)
            concept.broader.update(b for b in broader if b)
            for lang, texts in self.labels.get(iri, {}).items():
                concept.pref.setdefault(lang, texts[0])
                concept.alt.setdefault(lang, []).extend(texts[1:])
        self.scheme = ThemeScheme([*concepts.values(), *concepts_from_ontology(self.iris.base)])
        self.matcher = ThemeMatcher(self.scheme.labels())
        self.text_concepts.clear()
        self._scheme_changed = False

    def _derive_places(self, touched: Touched) -> None:
        """An organisation's areas (own ig:country, its ig:region, and everything above them) and
        its country code: its own ig:country's, else its regions'."""
        if touched["area"]:
            parents: dict[str, set[str]] = defaultdict(set)
            iso: dict[str, str] = {}
            for area, found in self.counts.facts["area"].items():
                for kind, value in sorted(found):
                    if kind == "larger":
                        parents[area].add(value)
                    else:
                        iso.setdefault(area, value)
            self.area_parents, self.iso = dict(parents), iso
            located = set(self.pos)
        else:
            located = (self.clusters.heads_of(touched["place"]) & self.slot.keys()) | touched.status
        for s in located:
            self._place(self.slot[s])

    def _place(self, i: int) -> None:
        group = self.clusters.members(self.orgs[i]) if self.present[i] else ()
        found = {place for member in group for place in self.counts.values("place", member)}
        countries = sorted(p for kind, p in found if kind == "country")
        regions = tuple(sorted(p for kind, p in found if kind == "region"))
        areas: list[str] = []
        code = None
        for place in countries[:1] + list(regions):
            for area in (place, *sorted(reachable(place, self.area_parents))):
                areas.append(area)
                code = code or _country_code(area, self.iso)
        if code:
            areas.append(self.iris.entity("country", code))
            if code not in self.country_codes:
                self.country_codes.append(code)
        self.country[i] = self.country_codes.index(code) if code else -1
        new_areas = tuple(dict.fromkeys(areas))
        old_areas = self.areas_in.get(i, ())
        for area in set(old_areas) - set(new_areas):
            self.sets["area"][area].discard(i)
            self._dirty["area"].add(area)
        for area in set(new_areas) - set(old_areas):
            self.sets["area"][area].add(i)
            self._dirty["area"].add(area)
        set_or_drop(self.areas_in, i, new_areas)
        set_or_drop(self.regions_of, i, regions)

    # -- publishing ---------------------------------------------------------------------------------

    def _publish_postings(self, new_orgs: bool) -> None:
        for kind in _POSTINGS:
            for key in self._dirty.pop(kind, set()):
                members = self.sets[kind].get(key)
                if members:
                    self.posts[kind][key] = _as_ids(members)
                else:
                    self.posts[kind].pop(key, None)
                    self.sets[kind].pop(key, None)
        for concept in self._dirty.pop("theme", set()):
            by_org = self.theme_w.get(concept)
            if not by_org:
                self.theme_post.pop(concept, None)
                self.theme_w.pop(concept, None)
                continue
            ids = np.fromiter(by_org.keys(), dtype=np.int32, count=len(by_org))
            weights = np.fromiter(by_org.values(), dtype=np.float32, count=len(by_org))
            order = np.argsort(ids)  # sorted ids: membership by binary search
            self.theme_post[concept] = (ids[order], weights[order])
        self.iri_rank = self.iri_order.ranks(self.orgs)  # only the new IRIs are placed (index_maps.py)

    def publish(self, generation: int, *, new_orgs: bool = True) -> PartnerIndex:
        """A new immutable index of the current state: the big maps as copy-on-write snapshots (index_maps.py),
        the rest as shallow copies; values are never changed in place."""
        self._publish_postings(new_orgs)
        return PartnerIndex(
            iris=self.iris,
            generation=generation,
            orgs=list(self.orgs),
            pos=self.pos.frozen(),
            present=self.present.copy(),
            iri_rank=self.iri_rank,
            country=self.country.copy(),
            country_codes=list(self.country_codes),
            types_of=list(self.types_of),
            type_post=self.posts["type"].frozen(),
            regions_of=self.regions_of.frozen(),
            area_post=self.posts["area"].frozen(),
            area_parents=dict(self.area_parents),
            theme_post=self.theme_post.frozen(),
            theme_via=self.theme_via.frozen(),
            keyword_post=self.posts["keyword"].frozen(),
            keywords_of=self.keywords_of.frozen(),
            programmes_of=self.programmes_of.frozen(),
            programme_post=self.posts["programme"].frozen(),
            programme_via=self.programme_via.frozen(),
            target_programmes=self.target_programmes.frozen(),
            eligible_areas=dict(self.eligible_areas),
            programme_parents=dict(self.programme_parents),
            targets_of=self.targets_of.frozen(),
            members=self.members.frozen(),
            role_types=self.role_types.frozen(),
            role_count=self.role_count.copy(),
            evidence=self.evidence.frozen(),
            documents=self.documents.frozen(),
            labels=self.labels.frozen(),
            entity_types=self.entity_types.frozen(),
            scheme=self.scheme,
            matcher=self.matcher,
            same_as={self.slot[h]: group for h, group in self.clusters.grouped().items() if h in self.slot},
            theme_projects=self.theme_projects.frozen(),
            participations=self.participations.frozen(),
            target_details=self.target_details.frozen(),
            sources=self.sources.frozen(),
            graph_documents=self.graph_documents.frozen(),
        )
