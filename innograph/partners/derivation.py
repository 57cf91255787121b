"""The partner index derived from the fact counts, updated for what a change touches, and published.

``IndexState`` holds a :class:`~innograph.partners.fact_counts.FactCounts` (the facts of every
graph and how many graphs state each) and everything derived from it. Applying a change counts the
facts again there, then derives again only what those facts touch: the organisations, targets,
concepts, areas, keys and evidence statements involved. ``publish()`` then hands out a new,
immutable :class:`~innograph.partners.index.PartnerIndex`; earlier ones stay valid for the
requests still using them (no published list, set, dict or array is ever changed in place).

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
from typing import Any

import numpy as np

from innograph.iris import Iris
from innograph.partners.fact_counts import NO_VALUES, FactCounts, Touched
from innograph.partners.facts import GraphFacts
from innograph.partners.index import ORG_TYPES, Evidence, PartnerIndex, reachable
from innograph.partners.scheme import Concept, ThemeScheme, concepts_from_ontology
from innograph.partners.text import ThemeMatcher, keys, tokens
from innograph.partners.weights import ROLE_THEME_WEIGHT

MAX_EVIDENCE = 3  # evidence sentences kept per statement
_ORG_TYPE_SET = frozenset(ORG_TYPES)
_POSTINGS = ("type", "area", "keyword", "programme")
_COUNTRY_IRI = re.compile(r"/id/country/([A-Z]{2})$")
_REGION_IRI = re.compile(r"/id/region/([A-Z]{2})-[A-Z0-9]{1,3}$")


def _as_ids(values: set[int]) -> np.ndarray:
    return np.fromiter(sorted(values), dtype=np.int32, count=len(values))


def _country_code(area: str, iso: dict[str, str]) -> str | None:
    code = iso.get(area)
    if code and len(code) == 2:
        return code
    m = _COUNTRY_IRI.search(area) or _REGION_IRI.search(area)
    return m.group(1) if m else None


class IndexState:
    """The index derived from the fact counts (``fact_counts.py``), and its publishing."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self.vocab = iris.vocab
        self.counts = FactCounts()
        self._init_organisations()
        self._init_derived()

    def _init_organisations(self) -> None:
        self.orgs: list[str] = []
        self.slot: dict[str, int] = {}  # every IRI ever numbered
        self.pos: dict[str, int] = {}  # the present ones
        self.present = np.zeros(0, dtype=bool)
        self.country = np.zeros(0, dtype=np.int16)
        self.role_count = np.zeros(0, dtype=np.int32)
        self.iri_rank = np.zeros(0, dtype=np.int32)
        self.types_of: list[tuple[str, ...]] = []
        self.country_codes: list[str] = []

    def _init_derived(self) -> None:
        self.sets: dict[str, dict[str, set[int]]] = {kind: defaultdict(set) for kind in _POSTINGS}
        self.posts: dict[str, dict[str, np.ndarray]] = {kind: {} for kind in _POSTINGS}
        self.labels: dict[str, dict[str, list[str]]] = {}
        self.entity_types: dict[str, set[str]] = {}
        self.area_parents: dict[str, set[str]] = {}
        self.iso: dict[str, str] = {}
        self.areas_in: dict[int, tuple[str, ...]] = {}
        self.regions_of: dict[int, tuple[str, ...]] = {}
        self.members: dict[str, list[int]] = {}
        self.targets_of: dict[int, set[str]] = {}
        self.role_types: dict[tuple[int, str], frozenset[str]] = {}
        self.org_themes: dict[int, dict[str, tuple[float, str | None]]] = {}
        self.theme_w: dict[str, dict[int, float]] = defaultdict(dict)
        self.theme_post: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.theme_via: dict[tuple[int, str], str] = {}
        self.keywords_of: dict[int, list[tuple[str, str, frozenset[str]]]] = {}
        self.keyword_keys: dict[tuple[str, str], frozenset[str]] = {}
        self.programmes_of: dict[int, frozenset[str]] = {}
        self.programme_via: dict[tuple[int, str], str] = {}
        self.target_programmes: dict[str, frozenset[str]] = {}
        self.eligible_areas: dict[str, set[str]] = {}
        self.programme_parents: dict[str, set[str]] = {}
        self.evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        self.documents: dict[str, tuple[str, str]] = {}
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
        self._derive_organisations(touched)
        self._derive_labels(touched)
        if touched["concept"] or self._scheme_changed:
            self._derive_scheme()
        self._derive_places(touched)
        changed_targets = self._derive_roles(touched)
        self._derive_themes_and_keywords(touched, changed_targets)
        self._derive_programmes(touched, changed_targets)
        self._derive_evidence_and_documents(touched)

    def _org_slots(self, iris: set[str]) -> set[int]:
        return {self.slot[s] for s in iris if s in self.slot}

    def _derive_organisations(self, touched: Touched) -> None:
        """Entity types, who is an organisation, its number and its specific types."""
        vocab_len = len(self.vocab)
        org_types: dict[str, tuple[str, ...]] = {}
        for s in touched["type"]:
            local = {t[vocab_len:] for t in self.counts.values("type", s) if t.startswith(self.vocab)}
            if local:
                self.entity_types[s] = local
            else:
                self.entity_types.pop(s, None)
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
        for s in touched["label"]:
            found = self.counts.values("label", s)
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
            located = (touched["place"] & self.slot.keys()) | touched.status
        for s in located:
            self._place(self.slot[s])

    def _place(self, i: int) -> None:
        found = self.counts.values("place", self.orgs[i]) if self.present[i] else NO_VALUES
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
        self._set(self.areas_in, i, new_areas)
        self._set(self.regions_of, i, regions)

    @staticmethod
    def _set(mapping: dict[Any, Any], key: Any, value: Any) -> None:
        """Store a non-empty value, drop an empty one."""
        if value:
            mapping[key] = value
        else:
            mapping.pop(key, None)

    def _derive_roles(self, touched: Touched) -> set[int]:
        """Members of each touched target, and targets and role types of each touched agent.
        Returns the organisations whose participations changed."""
        targets = set(touched["role"])
        agents = set(touched["role_agent"]) | touched.status
        for s in touched.status:
            targets.update(self.counts.targets_by_agent.get(s, ()))
        for t in targets:
            team = {self.pos[a] for a, _rt in self.counts.values("role", t) if a in self.pos}
            self._set(self.members, t, sorted(team))
        changed: set[int] = set()
        for agent in agents & self.slot.keys():
            i = self.slot[agent]
            mine = set(self.counts.targets_by_agent.get(agent, ())) if self.present[i] else set()
            for t in self.targets_of.get(i, ()):
                self.role_types.pop((i, t), None)
            for t in mine:
                role_types = {rt for a, rt in self.counts.values("role", t) if a == agent and rt}
                if role_types:
                    self.role_types[(i, t)] = frozenset(role_types)
            if mine != self.targets_of.get(i, set()):
                changed.add(i)
            self._set(self.targets_of, i, mine)
            self.role_count[i] = len(mine)
        return changed

    def _affected(self, subjects: set[str], changed_targets: set[int], touched: Touched) -> set[int]:
        """Organisations whose share of statements on ``subjects`` may have changed: the subjects
        themselves, their members, those whose participations or status changed."""
        orgs = self._org_slots(subjects) | changed_targets | self._org_slots(touched.status)
        for s in subjects:
            orgs.update(self.members.get(s, ()))
        return orgs

    def _derive_themes_and_keywords(self, touched: Touched, changed_targets: set[int]) -> None:
        subjects = touched["theme"] | touched["keyword"]
        for i in self._affected(subjects, changed_targets, touched):
            held = self._held_subjects(i)
            self._theme_org(i, held)
            self._keyword_org(i, held)

    def _held_subjects(self, i: int) -> list[tuple[str, bool]]:
        """What counts for organisation ``i``: itself (own), then what it took part in, sorted."""
        if not self.present[i]:
            return []
        return [(self.orgs[i], True)] + [(t, False) for t in sorted(self.targets_of.get(i, ()))]

    def _theme_org(self, i: int, held: list[tuple[str, bool]]) -> None:
        new: dict[str, tuple[float, str | None]] = {}
        for subject, own in held:
            for concept in self.counts.values("theme", subject):
                if own:
                    new[concept] = (1.0, None)
                elif concept not in new:  # the first target in IRI order gives the 'via'
                    new[concept] = (ROLE_THEME_WEIGHT, subject)
        old = self.org_themes.get(i, {})
        for concept in old.keys() | new.keys():
            if old.get(concept) == new.get(concept):
                continue
            self.theme_via.pop((i, concept), None)
            if concept in new:
                weight, via = new[concept]
                self.theme_w[concept][i] = weight
                if via is not None:
                    self.theme_via[(i, concept)] = via
            else:
                self.theme_w[concept].pop(i, None)
            self._dirty["theme"].add(concept)
        self._set(self.org_themes, i, new)

    def _keyword_org(self, i: int, held: list[tuple[str, bool]]) -> None:
        found: dict[tuple[str, str], set[str]] = {}
        for subject, _own in held:
            for text, lang in self.counts.values("keyword", subject):
                found.setdefault((text, subject), set()).update(self._keys(text, lang))
        new = [(text, subject, frozenset(k)) for (text, subject), k in sorted(found.items())]
        old_keys = {k for _t, _s, ks in self.keywords_of.get(i, ()) for k in ks}
        new_keys = {k for _t, _s, ks in new for k in ks}
        for k in old_keys - new_keys:
            self.sets["keyword"][k].discard(i)
            self._dirty["keyword"].add(k)
        for k in new_keys - old_keys:
            self.sets["keyword"][k].add(i)
            self._dirty["keyword"].add(k)
        self._set(self.keywords_of, i, new)

    def _keys(self, text: str, lang: str) -> frozenset[str]:
        found = self.keyword_keys.get((text, lang))
        if found is None:
            found = self.keyword_keys[(text, lang)] = frozenset(k for t in tokens(text) for k in keys(t, lang))
        return found

    def _derive_programmes(self, touched: Touched, changed_targets: set[int]) -> None:
        """Eligible areas and parents of programmes, programmes of targets, and each affected
        organisation's programmes (its own ig:programme, then those of what it took part in)."""
        subjects = touched["programme"]
        for s in subjects | touched.status:
            found = self.counts.values("programme", s)
            self._set(self.eligible_areas, s, {o for kind, o in found if kind == "eligibleArea"})
            self._set(self.programme_parents, s, {o for kind, o in found if kind == "parentProgramme"})
            own = frozenset(o for kind, o in found if kind == "programme")
            self._set(self.target_programmes, s, own if s not in self.pos else frozenset())
        for i in self._affected(subjects, changed_targets, touched):
            self._programme_org(i)

    def _programme_org(self, i: int) -> None:
        progs: dict[str, str | None] = {}
        for subject, own in self._held_subjects(i):
            for kind, programme in sorted(self.counts.values("programme", subject)):
                if kind == "programme" and (own or programme not in progs):
                    progs[programme] = None if own else subject
        old = self.programmes_of.get(i, frozenset())
        for programme in old:
            self.programme_via.pop((i, programme), None)
        for programme, via in progs.items():
            if via is not None:
                self.programme_via[(i, programme)] = via
        new = frozenset(progs)
        for programme in old ^ new:
            (self.sets["programme"][programme].add if programme in new else
             self.sets["programme"][programme].discard)(i)
            self._dirty["programme"].add(programme)
        self._set(self.programmes_of, i, new)

    def _derive_evidence_and_documents(self, touched: Touched) -> None:
        for statement in touched["evidence"]:
            found = sorted(self.counts.values("evidence", statement))[:MAX_EVIDENCE]
            self._set(self.evidence, statement, [Evidence(sentence, doc) for sentence, doc in found])
        for doc in touched["document"]:
            found = sorted(self.counts.values("document", doc))
            self._set(self.documents, doc, found[0] if found else None)

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
        if new_orgs or self.iri_rank.size != len(self.orgs):
            by_iri = sorted(range(len(self.orgs)), key=self.orgs.__getitem__)
            rank = np.empty(len(self.orgs), dtype=np.int32)
            rank[np.asarray(by_iri, dtype=np.int64)] = np.arange(len(self.orgs), dtype=np.int32)
            self.iri_rank = rank

    def publish(self, generation: int, *, new_orgs: bool = True) -> PartnerIndex:
        """A new immutable index of the current state (shallow copies: values are never changed in place)."""
        self._publish_postings(new_orgs)
        return PartnerIndex(
            iris=self.iris,
            generation=generation,
            orgs=list(self.orgs),
            pos=dict(self.pos),
            present=self.present.copy(),
            iri_rank=self.iri_rank,
            country=self.country.copy(),
            country_codes=list(self.country_codes),
            types_of=list(self.types_of),
            type_post=dict(self.posts["type"]),
            regions_of=dict(self.regions_of),
            area_post=dict(self.posts["area"]),
            area_parents=dict(self.area_parents),
            theme_post=dict(self.theme_post),
            theme_via=dict(self.theme_via),
            keyword_post=dict(self.posts["keyword"]),
            keywords_of=dict(self.keywords_of),
            programmes_of=dict(self.programmes_of),
            programme_post=dict(self.posts["programme"]),
            programme_via=dict(self.programme_via),
            target_programmes=dict(self.target_programmes),
            eligible_areas=dict(self.eligible_areas),
            programme_parents=dict(self.programme_parents),
            targets_of=dict(self.targets_of),
            members=dict(self.members),
            role_types=dict(self.role_types),
            role_count=self.role_count.copy(),
            evidence=dict(self.evidence),
            documents=dict(self.documents),
            labels=dict(self.labels),
            entity_types=dict(self.entity_types),
            scheme=self.scheme,
            matcher=self.matcher,
        )
