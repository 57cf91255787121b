"""Reading the partner index from a store (``holder.py`` keeps it in step with the store's writes).

The index is read from the ``public`` partition only (personal data never enters it), through
one ``store.snapshot("public")`` view: the queries of ``queries/partners/*.rq`` run on one
consistent state (embedded: an in-process read-only snapshot, no JSON round trip).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np
from pyoxigraph import NamedNode

from innograph.iris import Iris
from innograph.partners.index import ORG_TYPES, Evidence, PartnerIndex, reachable
from innograph.partners.scheme import Concept, ThemeScheme, concepts_from_ontology
from innograph.partners.text import ThemeMatcher, keys, tokens
from innograph.partners.weights import ROLE_THEME_WEIGHT
from innograph.store import Store, sparql_text
from innograph.store.base import ReadView

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
MAX_EVIDENCE = 3  # evidence sentences kept per statement
_COUNTRY_IRI = re.compile(r"/id/country/([A-Z]{2})$")
_REGION_IRI = re.compile(r"/id/region/([A-Z]{2})-[A-Z0-9]{1,3}$")


def build(store: Store, iris: Iris, *, generation: int | None = None) -> PartnerIndex:
    """Read the public partition into a new index (see the module docstring)."""
    started = time.perf_counter()
    generation = store.generation() if generation is None else generation
    with store.snapshot("public") as view:
        index = _Builder(view, iris).index(generation)
    index.build_seconds = time.perf_counter() - started
    return index


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _as_ids(values: set[int] | list[int]) -> np.ndarray:
    return np.fromiter(sorted(values), dtype=np.int32, count=len(values))


class _Builder:
    """One build: each ``read_*`` method is one section of the index, in dependency order
    (organisations first; roles before themes and programmes, which reach members through them)."""

    def __init__(self, view: ReadView, iris: Iris) -> None:
        self.view = view
        self.iris = iris
        self.vocab = iris.vocab

    def rows(self, name: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        return self.view.select(sparql_text.query_text(f"partners/{name}", self.iris), bindings)

    def index(self, generation: int) -> PartnerIndex:
        self.read_organisations()
        self.read_labels_and_types()
        scheme = self.read_scheme()
        self.read_places()
        self.read_roles()
        self.read_themes_and_keywords()
        self.read_programmes()
        self.read_evidence_and_documents()
        return PartnerIndex(
            iris=self.iris,
            generation=generation,
            orgs=self.orgs,
            pos=self.pos,
            country=self.country,
            country_codes=self.country_codes,
            types_of=self.types_of,
            type_post=self.type_post,
            regions_of=self.regions_of,
            area_post=self.area_post,
            area_parents=self.area_parents,
            theme_post=self.theme_post,
            theme_via=self.theme_via,
            keyword_post=self.keyword_post,
            keywords_of=self.keywords_of,
            programmes_of=self.programmes_of,
            programme_post=self.programme_post,
            programme_via=self.programme_via,
            target_programmes=self.target_programmes,
            eligible_areas=self.eligible_areas,
            programme_parents=self.programme_parents,
            targets_of=self.targets_of,
            members=self.members,
            role_types=self.role_types,
            role_count=self.role_count,
            evidence=self.evidence,
            documents=self.documents,
            labels=self.labels,
            entity_types=self.entity_types,
            scheme=scheme,
            matcher=ThemeMatcher(scheme.labels()),
        )

    # -- sections ---------------------------------------------------------------------------------

    def read_organisations(self) -> None:
        """Organisations and their types (ig:Organisation and its subclasses)."""
        type_iris = [NamedNode(self.vocab + t) for t in ORG_TYPES]
        raw_types: dict[str, set[str]] = defaultdict(set)
        for row in self.rows("organisations", {"type": type_iris}):
            raw_types[row["org"].value].add(row["type"].value[len(self.vocab) :])
        self.orgs = sorted(raw_types)
        self.pos = {iri: i for i, iri in enumerate(self.orgs)}
        self.types_of = [tuple(sorted(t for t in raw_types[o] if t != "Organisation")) for o in self.orgs]
        type_sets: dict[str, set[int]] = defaultdict(set)
        for i, org_types in enumerate(self.types_of):
            for t in org_types:
                type_sets[t].add(i)
        self.type_post = {t: _as_ids(s) for t, s in type_sets.items()}

    def read_labels_and_types(self) -> None:
        """Labels of everything (answers in the requested language; /api/search) and entity types."""
        labels: dict[str, dict[str, list[str]]] = {}
        for row in self.rows("labels"):
            lit = row["label"]
            texts = labels.setdefault(row["s"].value, {}).setdefault((lit.language or "").lower(), [])
            if lit.value not in texts:
                if row["p"].value == SKOS_PREF:
                    texts.insert(0, lit.value)
                else:
                    texts.append(lit.value)
        entity_types: dict[str, set[str]] = defaultdict(set)
        for row in self.rows("types"):
            t = row["type"].value
            if t.startswith(self.vocab):
                entity_types[row["s"].value].add(t[len(self.vocab) :])
        self.labels = labels
        self.entity_types = dict(entity_types)

    def read_scheme(self) -> ThemeScheme:
        """The theme scheme the store holds, merged with the one shipped with the ontology."""
        concepts: dict[str, Concept] = {}
        for row in self.rows("theme-scheme", {"scheme": NamedNode(self.iris.entity("theme", "scheme"))}):
            concept = concepts.setdefault(row["concept"].value, Concept(row["concept"].value))
            if "broader" in row:
                concept.broader.add(row["broader"].value)
        for iri, concept in concepts.items():
            for lang, texts in self.labels.get(iri, {}).items():
                if texts:
                    concept.pref.setdefault(lang, texts[0])
                    concept.alt.setdefault(lang, []).extend(texts[1:])
        return ThemeScheme([*concepts.values(), *concepts_from_ontology(self.iris.base)])

    def read_places(self) -> None:
        """Where each organisation is: ig:country and ig:region, widened through the area
        hierarchy (ig:withinArea, a region's ig:country) into area posting lists and a country."""
        parents: dict[str, set[str]] = defaultdict(set)
        iso: dict[str, str] = {}
        for row in self.rows("areas"):
            if "larger" in row:
                parents[row["area"].value].add(row["larger"].value)
            if "code" in row:
                iso[row["area"].value] = row["code"].value.upper()
        own_country: dict[int, str] = {}
        regions: dict[int, list[str]] = defaultdict(list)
        country_p = self.vocab + "country"
        for row in self.rows("places"):
            located = self.pos.get(row["s"].value)
            if located is None:
                continue
            if row["p"].value == country_p:
                own_country[located] = row["place"].value
            else:
                regions[located].append(row["place"].value)
        self._place_organisations(own_country, regions, parents, iso)
        self.area_parents = dict(parents)
        self.regions_of = {i: tuple(r) for i, r in regions.items()}

    def _place_organisations(
        self, own_country: dict[int, str], regions: dict[int, list[str]], parents: dict[str, set[str]],
        iso: dict[str, str],
    ) -> None:
        def country_code(area: str) -> str | None:
            code = iso.get(area)
            if code and len(code) == 2:
                return code
            m = _COUNTRY_IRI.search(area) or _REGION_IRI.search(area)
            return m.group(1) if m else None

        area_sets: dict[str, set[int]] = defaultdict(set)
        country_codes: list[str] = []
        country = np.full(len(self.orgs), -1, dtype=np.int16)
        for i in range(len(self.orgs)):
            places = ([own_country[i]] if i in own_country else []) + regions.get(i, [])
            codes = []
            for place in places:  # the organisation's own ig:country first, then its regions'
                for area in (place, *sorted(reachable(place, parents))):
                    area_sets[area].add(i)
                    codes.append(country_code(area))
            code = next((c for c in codes if c), None)
            if code:
                if code not in country_codes:
                    country_codes.append(code)
                country[i] = country_codes.index(code)
                area_sets[self.iris.entity("country", code)].add(i)
        self.country = country
        self.country_codes = country_codes
        self.area_post = {a: _as_ids(s) for a, s in area_sets.items()}

    def read_roles(self) -> None:
        """Who took part in what, and as what (reified ig:Role: agent, roleIn, roleType)."""
        targets_of: dict[int, set[str]] = defaultdict(set)
        members: dict[str, set[int]] = defaultdict(set)
        role_types: dict[tuple[int, str], set[str]] = defaultdict(set)
        for row in self.rows("roles"):
            agent = self.pos.get(row["agent"].value)
            if agent is None:
                continue
            target = row["target"].value
            targets_of[agent].add(target)
            members[target].add(agent)
            if "roleType" in row:
                role_types[(agent, target)].add(row["roleType"].value)
        self.targets_of = dict(targets_of)
        self.members = {t: sorted(team) for t, team in members.items()}
        self.role_types = {k: frozenset(v) for k, v in role_types.items()}
        self.role_count = np.zeros(len(self.orgs), dtype=np.int32)
        for agent, done in targets_of.items():
            self.role_count[agent] = len(done)

    def _holders(self, subject: str) -> list[tuple[int, float]]:
        """Organisations a statement on ``subject`` counts for: itself, and whoever took part in it."""
        holders: list[tuple[int, float]] = []
        own = self.pos.get(subject)
        if own is not None:
            holders.append((own, 1.0))
        holders.extend((member, ROLE_THEME_WEIGHT) for member in self.members.get(subject, ()))
        return holders

    def read_themes_and_keywords(self) -> None:
        """Themes and keywords, on the organisation itself or on what it took part in."""
        theme_w: dict[str, dict[int, float]] = defaultdict(dict)
        self.theme_via: dict[tuple[int, str], str] = {}
        keyword_sets: dict[str, set[int]] = defaultdict(set)
        self.keywords_of: dict[int, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
        theme_p = self.vocab + "theme"
        for row in self.rows("themes"):
            subject = row["s"].value
            holders = self._holders(subject)
            if not holders:
                continue
            if row["p"].value == theme_p:
                self._add_theme(theme_w[row["o"].value], row["o"].value, subject, holders)
            else:
                self._add_keyword(keyword_sets, row["o"], subject, holders)
        self.theme_post = {}
        for concept, by_org in theme_w.items():
            ids = np.fromiter(by_org.keys(), dtype=np.int32, count=len(by_org))
            order = np.argsort(ids)  # sorted ids: membership by binary search
            weights = np.fromiter(by_org.values(), dtype=np.float32, count=len(by_org))
            self.theme_post[concept] = (ids[order], weights[order])
        self.keyword_post = {k: _as_ids(s) for k, s in keyword_sets.items()}
        self.keywords_of = dict(self.keywords_of)

    def _add_theme(
        self, weights: dict[int, float], concept: str, subject: str, holders: list[tuple[int, float]]
    ) -> None:
        for holder, weight in holders:
            if weights.get(holder, 0.0) < weight:
                weights[holder] = weight
                if weight < 1.0:
                    self.theme_via[(holder, concept)] = subject
                else:
                    self.theme_via.pop((holder, concept), None)

    def _add_keyword(
        self, keyword_sets: dict[str, set[int]], keyword: Any, subject: str, holders: list[tuple[int, float]]
    ) -> None:
        lang = (keyword.language or "").split("-")[0].lower()
        kw_keys = frozenset(k for t in tokens(keyword.value) for k in keys(t, lang))
        for holder, _weight in holders:
            self.keywords_of[holder].append((keyword.value, subject, kw_keys))
            for k in kw_keys:
                keyword_sets[k].add(holder)

    def read_programmes(self) -> None:
        """Programmes (own ig:programme, or that of a project the organisation took part in), each
        programme's eligible area and its parent programmes."""
        programme_sets: dict[str, set[int]] = defaultdict(set)
        programmes_of: dict[int, set[str]] = defaultdict(set)
        programme_via: dict[tuple[int, str], str] = {}
        target_programmes: dict[str, set[str]] = defaultdict(set)
        eligible: dict[str, set[str]] = defaultdict(set)
        parents: dict[str, set[str]] = defaultdict(set)
        programme_p, eligible_p = self.vocab + "programme", self.vocab + "eligibleArea"
        for row in self.rows("programmes"):
            subject, programme = row["s"].value, row["o"].value
            if row["p"].value != programme_p:
                (eligible if row["p"].value == eligible_p else parents)[subject].add(programme)
                continue
            own = self.pos.get(subject)
            if own is not None:
                programme_via.pop((own, programme), None)
                programmes_of[own].add(programme)
                programme_sets[programme].add(own)
            else:
                target_programmes[subject].add(programme)
            for member in self.members.get(subject, ()):
                if programme not in programmes_of[member]:
                    programme_via[(member, programme)] = subject
                programmes_of[member].add(programme)
                programme_sets[programme].add(member)
        self.programmes_of = {i: frozenset(p) for i, p in programmes_of.items()}
        self.programme_post = {p: _as_ids(s) for p, s in programme_sets.items()}
        self.programme_via = programme_via
        self.target_programmes = {t: frozenset(p) for t, p in target_programmes.items()}
        self.eligible_areas = dict(eligible)
        self.programme_parents = dict(parents)

    def read_evidence_and_documents(self) -> None:
        """Evidence sentences of themes, keywords and programmes, and their source documents."""
        evidence: dict[tuple[str, str, str], list[Evidence]] = {}
        for row in self.rows("evidence"):
            found = evidence.setdefault((row["s"].value, _local(row["p"].value), row["o"].value), [])
            if len(found) < MAX_EVIDENCE:
                ev = Evidence(row["sentence"].value, row["doc"].value)
                if ev not in found:
                    found.append(ev)
        documents: dict[str, tuple[str, str]] = {}
        for row in self.rows("documents"):
            title = row["title"].value if "title" in row else ""
            documents[row["doc"].value] = (title, row["url"].value if "url" in row else "")
        self.evidence = evidence
        self.documents = documents
