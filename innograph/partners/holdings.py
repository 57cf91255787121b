"""What each organisation did and says it does: the part of ``IndexState`` that derives roles,
themes, keywords, programmes, evidence and the records behind participations.

``derivation.py`` keeps who the organisations are (numbering, resolved groups, labels, places) and
publishes the index; this mixin derives, for the organisations a change touches, what they hold:

- **roles**: the targets (projects, calls...) of every member of the organisation's group, each
  with its :class:`~innograph.partners.records.RoleRecord`\\s (role type, role as written, file, row);
- **themes**: stated on a member (1.0), or read on targets: a target's own ``ig:theme``, and, for
  an imported record (one with ``prov:wasDerivedFrom``), the theme labels found in its title,
  objective and subjects by the index's :class:`~innograph.partners.text.ThemeMatcher` in the
  text's language (a page's projects already carry the themes extraction found in the page).
  The more targets support a theme, the more it weighs, up to a cap (``weights.project_theme_weight``);
- **keywords** and **programmes**: the members' own, then those of the targets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import MutableMapping
from typing import Any

import numpy as np

from innograph.iris import Iris
from innograph.partners.clusters import Clusters
from innograph.partners.fact_counts import FactCounts, Touched
from innograph.partners.index import Evidence
from innograph.partners.index_maps import CowMap
from innograph.partners.records import FileSource, RoleRecord
from innograph.partners.text import ThemeMatcher, keys, tokens
from innograph.partners.weights import project_theme_weight

MAX_EVIDENCE = 3  # evidence sentences kept per statement
IMPORTED = "wasDerivedFrom"  # the detail that marks a target as an imported record
Held = list[tuple[str, bool]]  # (subject, is the organisation itself)


def set_or_drop(mapping: MutableMapping[Any, Any], key: Any, value: Any) -> None:
    """Store a non-empty value, drop an empty one."""
    if value:
        mapping[key] = value
    else:
        mapping.pop(key, None)


class Holdings:
    """Roles, themes, keywords, programmes and evidence of the organisations (a mixin of ``IndexState``)."""

    iris: Iris
    counts: FactCounts
    clusters: Clusters
    orgs: list[str]
    slot: dict[str, int]
    pos: CowMap[str, int]
    present: np.ndarray
    role_count: np.ndarray
    sets: dict[str, dict[str, set[int]]]
    matcher: ThemeMatcher
    _dirty: dict[str, set[str]]

    def _init_holdings(self) -> None:
        self.members: CowMap[str, list[int]] = CowMap()
        self.targets_of: CowMap[int, set[str]] = CowMap()
        self.role_types: CowMap[tuple[int, str], frozenset[str]] = CowMap()
        self.participations: CowMap[tuple[int, str], tuple[RoleRecord, ...]] = CowMap()
        self.org_themes: dict[int, dict[str, tuple[float, str | None, tuple[str, ...]]]] = {}
        self.theme_w: dict[str, dict[int, float]] = defaultdict(dict)
        self.theme_via: CowMap[tuple[int, str], str] = CowMap()
        self.theme_projects: CowMap[tuple[int, str], tuple[str, ...]] = CowMap()
        self.text_concepts: dict[tuple[str, str], frozenset[str]] = {}  # (text, lang) -> concepts named
        self.keywords_of: CowMap[int, list[tuple[str, str, frozenset[str]]]] = CowMap()
        self.keyword_keys: dict[tuple[str, str], frozenset[str]] = {}
        self.programmes_of: CowMap[int, frozenset[str]] = CowMap()
        self.programme_via: CowMap[tuple[int, str], str] = CowMap()
        self.target_programmes: CowMap[str, frozenset[str]] = CowMap()
        self.eligible_areas: dict[str, set[str]] = {}
        self.programme_parents: dict[str, set[str]] = {}
        self.evidence: CowMap[tuple[str, str, str], list[Evidence]] = CowMap()
        self.documents: CowMap[str, tuple[str, str]] = CowMap()
        self.graph_documents: CowMap[str, str] = CowMap()
        self._document_graphs: dict[str, set[str]] = {}
        self.target_details: CowMap[str, dict[str, str]] = CowMap()
        self.sources: CowMap[str, FileSource] = CowMap()

    def _slots(self, iris: set[str]) -> set[int]:
        """The numbers of the groups these IRIs belong to."""
        return {self.slot[h] for h in self.clusters.heads_of(iris) if h in self.slot}

    # -- roles ----------------------------------------------------------------------------------------

    def _derive_roles(self, touched: Touched) -> set[int]:
        """Members of each touched target, and targets, role types and records of each touched
        group. Returns the organisations whose participations changed."""
        agents = set(touched["role_agent"]) | touched.status
        targets = set(touched["role"])
        for agent in agents:
            targets.update(self.counts.targets_by_agent.get(agent, ()))
        head_of = self.clusters.head_of
        for t in targets:
            team = {self.pos[head_of(a)] for a, _record in self.counts.values("role", t) if head_of(a) in self.pos}
            set_or_drop(self.members, t, sorted(team))
        changed: set[int] = set()
        for i in self._slots(agents) | {self.slot[a] for a in agents if a in self.slot}:
            if self._roles_of(i):
                changed.add(i)
        return changed

    def _roles_of(self, i: int) -> bool:
        """Derive the targets of organisation ``i`` (all members of its group); True if they changed."""
        group = set(self.clusters.members(self.orgs[i])) if self.present[i] else set()
        mine: set[str] = set()
        for member in group:
            mine.update(self.counts.targets_by_agent.get(member, ()))
        for t in self.targets_of.get(i, ()):
            self.role_types.pop((i, t), None)
            self.participations.pop((i, t), None)
        for t in mine:
            records = tuple(sorted({r for a, r in self.counts.values("role", t) if a in group}))
            self.participations[(i, t)] = records
            set_or_drop(self.role_types, (i, t), frozenset(r.role_type for r in records if r.role_type))
        changed = mine != self.targets_of.get(i, set())
        set_or_drop(self.targets_of, i, mine)
        self.role_count[i] = len(mine)
        return changed

    def _affected(self, subjects: set[str], changed_targets: set[int], touched: Touched) -> set[int]:
        """Organisations whose share of statements on ``subjects`` may have changed: the subjects
        themselves, their members, those whose participations or status changed."""
        orgs = self._slots(subjects) | changed_targets | self._slots(touched.status)
        orgs |= {self.slot[s] for s in touched.status if s in self.slot}  # a member no longer shown alone
        for s in subjects:
            orgs.update(self.members.get(s, ()))
        return orgs

    def _held_subjects(self, i: int) -> Held:
        """What counts for organisation ``i``: its group's members (own), then what it took part in, sorted."""
        if not self.present[i]:
            return []
        own = [(m, True) for m in self.clusters.members(self.orgs[i])]
        return own + [(t, False) for t in sorted(self.targets_of.get(i, ()))]

    # -- themes and keywords ----------------------------------------------------------------------------

    def _derive_themes_and_keywords(self, touched: Touched, changed_targets: set[int], rescan: bool) -> None:
        """``rescan``: the theme scheme changed, so what texts name may have changed for everyone."""
        targets = self.counts.facts["role"]
        subjects = touched["theme"] | touched["keyword"] | touched["text"] | touched["detail"]
        subjects |= {s for s in touched["label"] if s in targets}
        affected = set(self.pos.values()) if rescan else self._affected(subjects, changed_targets, touched)
        for i in affected:
            held = self._held_subjects(i)
            self._theme_org(i, held)
            self._keyword_org(i, held)

    def _target_concepts(self, target: str) -> set[str]:
        """The target's own ig:theme, and for an imported record the concepts its texts name."""
        concepts = set(self.counts.values("theme", target))
        if not any(kind == IMPORTED for kind, _v in self.counts.values("detail", target)):
            return concepts
        texts = [(text, lang) for _pref, lang, text in self.counts.values("label", target)]
        texts += list(self.counts.values("text", target))
        for text, lang in texts:
            found = self.text_concepts.get((text, lang))
            if found is None:
                matches = self.matcher.find(text, lang=lang or None, forgive_typos=False)
                found = self.text_concepts[(text, lang)] = frozenset(m.concept for m in matches)
            concepts |= found
        return concepts

    def _themes_held(self, held: Held) -> dict[str, tuple[float, str | None, tuple[str, ...]]]:
        """concept -> (weight, via: the first target when no member states it, the targets with it)."""
        own: set[str] = set()
        support: dict[str, list[str]] = {}
        for subject, is_own in held:
            if is_own:
                own.update(self.counts.values("theme", subject))
            else:
                for concept in self._target_concepts(subject):
                    support.setdefault(concept, []).append(subject)  # held targets are sorted by IRI
        found: dict[str, tuple[float, str | None, tuple[str, ...]]] = {}
        for concept in own | support.keys():
            projects = tuple(support.get(concept, ()))
            if concept in own:
                found[concept] = (1.0, None, projects)
            else:
                found[concept] = (project_theme_weight(len(projects)), projects[0], projects)
        return found

    def _theme_org(self, i: int, held: Held) -> None:
        new = self._themes_held(held)
        old = self.org_themes.get(i, {})
        for concept in old.keys() | new.keys():
            if old.get(concept) == new.get(concept):
                continue
            self.theme_via.pop((i, concept), None)
            self.theme_projects.pop((i, concept), None)
            if concept in new:
                weight, via, projects = new[concept]
                self.theme_w[concept][i] = weight
                set_or_drop(self.theme_via, (i, concept), via)
                set_or_drop(self.theme_projects, (i, concept), projects)
            else:
                self.theme_w[concept].pop(i, None)
            self._dirty["theme"].add(concept)
        set_or_drop(self.org_themes, i, new)

    def _keyword_org(self, i: int, held: Held) -> None:
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
        set_or_drop(self.keywords_of, i, new)

    def _keys(self, text: str, lang: str) -> frozenset[str]:
        found = self.keyword_keys.get((text, lang))
        if found is None:
            found = self.keyword_keys[(text, lang)] = frozenset(k for t in tokens(text) for k in keys(t, lang))
        return found

    # -- programmes -------------------------------------------------------------------------------------

    def _derive_programmes(self, touched: Touched, changed_targets: set[int]) -> None:
        """Eligible areas and parents of programmes, programmes of targets, and each affected
        organisation's programmes (its group's own ig:programme, then those of what it took part in)."""
        subjects = touched["programme"]
        for s in subjects | touched.status:
            found = self.counts.values("programme", s)
            set_or_drop(self.eligible_areas, s, {o for kind, o in found if kind == "eligibleArea"})
            set_or_drop(self.programme_parents, s, {o for kind, o in found if kind == "parentProgramme"})
            own = frozenset(o for kind, o in found if kind == "programme")
            set_or_drop(self.target_programmes, s, own if s not in self.pos else frozenset())
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
        set_or_drop(self.programmes_of, i, new)

    # -- evidence, documents and the records behind participations ---------------------------------------

    def _derive_evidence_and_documents(self, touched: Touched) -> None:
        for statement in touched["evidence"]:
            found = sorted(self.counts.values("evidence", statement))[:MAX_EVIDENCE]
            set_or_drop(self.evidence, statement, [Evidence(sentence, doc) for sentence, doc in found])
        for doc in touched["document"]:
            found = sorted(self.counts.values("document", doc))
            set_or_drop(self.documents, doc, found[0][:2] if found else None)
            for graph in self._document_graphs.pop(doc, set()):
                self.graph_documents.pop(graph, None)
            graphs = {graph for _title, _url, graph in found}
            set_or_drop(self._document_graphs, doc, graphs)
            self.graph_documents.update((graph, doc) for graph in graphs)

    def _derive_details(self, touched: Touched) -> None:
        """Dates, acronym and record of targets (the first value of each in sorted order), and the
        dataset of each imported file."""
        for target in touched["detail"]:
            details: dict[str, str] = {}
            for kind, value in sorted(self.counts.values("detail", target)):
                details.setdefault(kind, value)
            set_or_drop(self.target_details, target, details)
        for file in touched["source"]:
            found = sorted(self.counts.values("source", file))
            set_or_drop(self.sources, file, FileSource(*found[0]) if found else None)
