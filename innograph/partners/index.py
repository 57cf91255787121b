"""The partner index: the part of the graph partner search needs, in memory, in step with the store.

Why: the ranking written as one SPARQL query takes ~0.7 s on the on-disk store at 100k
organisations. The index holds posting lists (theme -> organisations, area -> organisations,
programme -> organisations) as numpy arrays, so a query is a handful of vector operations over
all organisations and a few dictionary look-ups for the page of results.

Freshness: ``IndexHolder.get()`` compares ``store.generation()`` (bumped by every committed write)
with the generation the index was built from. A small graph (last build under
``SYNC_BUILD_SECONDS``) is rebuilt before answering, so an answer always reflects the last write;
a big one is rebuilt in a background thread while the previous index keeps answering (each answer
says which generation it reflects).

The index is built only from the ``public`` partition: personal data never enters it.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from pyoxigraph import NamedNode

from innograph.iris import Iris
from innograph.partners.scheme import Concept, ThemeScheme, concepts_from_ontology
from innograph.partners.text import ThemeMatcher, keys, tokens

log = logging.getLogger(__name__)

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

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
ROLE_THEME_WEIGHT = 0.8  # a theme of a project an organisation took part in counts a little less than its own
PAGE_ROWS = 100_000  # rows per SELECT page while building (keeps each answer under the result cap)
MAX_EVIDENCE = 3  # evidence sentences kept per statement
SYNC_BUILD_SECONDS = 2.0
_COUNTRY_IRI = re.compile(r"/id/country/([A-Z]{2})$")
_REGION_IRI = re.compile(r"/id/region/([A-Z]{2})-[A-Z0-9]{1,3}$")


def query_text(name: str, iris: Iris) -> str:
    """A query of ``queries/partners/`` with the ``ig:`` prefix of this deployment."""
    body = files("innograph.queries").joinpath("partners", f"{name}.rq").read_text(encoding="utf-8")
    return f"PREFIX ig: <{iris.vocab}>\n{body}"


@dataclass(frozen=True)
class Evidence:
    sentence: str
    document: str


@dataclass
class PartnerIndex:
    iris: Iris
    generation: int
    orgs: list[str]
    pos: dict[str, int]
    country: np.ndarray  # int16 index into country_codes, -1 unknown
    country_codes: list[str]
    types_of: list[tuple[str, ...]]  # specific types (local names) per organisation
    type_post: dict[str, np.ndarray]
    regions_of: dict[int, tuple[str, ...]]
    area_post: dict[str, np.ndarray]  # area IRI (country, region, larger areas) -> organisations in it
    area_parents: dict[str, set[str]]
    theme_post: dict[str, tuple[np.ndarray, np.ndarray]]  # concept -> (organisations, weights)
    theme_via: dict[tuple[int, str], str]  # (org, concept) -> subject the theme was read on (project...)
    keyword_post: dict[str, np.ndarray]  # comparison key -> organisations
    keywords_of: dict[int, list[tuple[str, str, frozenset[str]]]]  # org -> (keyword, subject, keys)
    programmes_of: dict[int, frozenset[str]]
    programme_post: dict[str, np.ndarray]
    programme_via: dict[tuple[int, str], str]
    eligible_areas: dict[str, set[str]]
    targets_of: dict[int, set[str]]
    members: dict[str, list[int]]
    role_count: np.ndarray  # int32, participations per organisation
    evidence: dict[tuple[str, str, str], list[Evidence]]  # (subject, property local name, object) -> sentences
    documents: dict[str, tuple[str, str]]  # document -> (title, source URL)
    labels: dict[str, dict[str, list[str]]]  # entity -> lang -> labels (pref first)
    entity_types: dict[str, set[str]]
    scheme: ThemeScheme
    matcher: ThemeMatcher
    build_seconds: float = 0.0
    _masks: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, repr=False)
    _search: Any = field(default=None, repr=False)

    # -- look-ups ---------------------------------------------------------------------------------

    def __len__(self) -> int:
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
        if cached is not None:
            return cached
        m = np.zeros(len(self.orgs), dtype=bool)
        if kind == "area":
            ids = self.area_post.get(key)
            if ids is not None:
                m[ids] = True
        elif kind == "eligible":
            for area in self.eligible_areas.get(key, ()):
                ids = self.area_post.get(area)
                if ids is not None:
                    m[ids] = True
        elif kind == "type":
            ids = self.type_post.get(key)
            if ids is not None:
                m[ids] = True
        elif kind == "partnered-with-country":
            cid = self.country_id(key)
            for team in self.members.values():
                if len(team) > 1 and any(int(self.country[i]) == cid for i in team):
                    m[team] = True
        else:
            raise KeyError(kind)
        self._masks[(kind, key)] = m
        return m

    def evidence_for(self, subject: str, prop: str, value: str) -> list[Evidence]:
        return self.evidence.get((subject, prop, value), [])

    def search_index(self) -> Any:
        """The label search index (built on first use: only /api/search needs it)."""
        if self._search is None:
            from innograph.partners.search import LabelSearch

            self._search = LabelSearch(self.labels, self.entity_types, self.iris)
        return self._search


# -- building -------------------------------------------------------------------------------------


def _rows(store: Any, name: str, iris: Iris, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """All rows of a query through ``store.select``, page by page (LIMIT/OFFSET in one generation)."""
    text = query_text(name, iris)
    offset = 0
    while True:
        page = store.select(f"{text}\nLIMIT {PAGE_ROWS} OFFSET {offset}", bindings)
        yield from page
        if len(page) < PAGE_ROWS:
            return
        offset += PAGE_ROWS


class _SnapshotReader:
    """The embedded store's fast path: the same queries on a read-only snapshot in this process.

    Skips serialising every row to JSON in a worker and parsing it back (about half of a build at
    100k organisations). Read-only RocksDB opens are what the query workers do too: safe next to a
    writer, and consistent (one snapshot for the whole build).
    """

    def __init__(self, root: Path) -> None:
        from pyoxigraph import Store

        self.snapshot = Store.read_only(str(root / "public"))

    def __call__(
        self, store: Any, name: str, iris: Iris, bindings: dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        from innograph.store import sparql_text

        solutions = self.snapshot.query(
            sparql_text.bind(query_text(name, iris), bindings), use_default_graph_as_union=True
        )
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        for solution in solutions:  # type: ignore[union-attr]
            yield {n: solution[n] for n in names if solution[n] is not None}


def _reader(store: Any) -> Any:
    from innograph.store.embedded import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        try:
            return _SnapshotReader(store.root)
        except OSError:  # no snapshot possible right now: the portable path still works
            log.warning("partner index: read-only snapshot failed; reading through the query workers")
    return _rows


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _as_ids(values: set[int] | list[int]) -> np.ndarray:
    return np.fromiter(sorted(values), dtype=np.int32, count=len(values))


def build(store: Any, iris: Iris, *, generation: int | None = None, portable: bool = False) -> PartnerIndex:
    """Read the public partition into a new index (see the module docstring).

    ``portable``: read through ``store.select`` even where the embedded fast path is possible.
    """
    started = time.perf_counter()
    generation = store.generation() if generation is None else generation
    vocab = iris.vocab
    rows = _rows if portable else _reader(store)

    # Organisations and their types.
    type_iris = [NamedNode(vocab + t) for t in ORG_TYPES]
    raw_types: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, "organisations", iris, {"type": type_iris}):
        raw_types[row["org"].value].add(row["type"].value[len(vocab) :])
    orgs = sorted(raw_types)
    pos = {iri: i for i, iri in enumerate(orgs)}
    n = len(orgs)
    types_of = [tuple(sorted(t for t in raw_types[o] if t != "Organisation")) for o in orgs]
    type_sets: dict[str, set[int]] = defaultdict(set)
    for i, ts in enumerate(types_of):
        for t in ts:
            type_sets[t].add(i)

    # Labels of everything (answers in the requested language; /api/search).
    labels: dict[str, dict[str, list[str]]] = {}
    for row in rows(store, "labels", iris):
        lit = row["label"]
        by_lang = labels.setdefault(row["s"].value, {})
        lst = by_lang.setdefault((lit.language or "").lower(), [])
        if lit.value not in lst:
            if row["p"].value == SKOS_PREF:
                lst.insert(0, lit.value)
            else:
                lst.append(lit.value)
    entity_types: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, "types", iris):
        t = row["type"].value
        if t.startswith(vocab):
            entity_types[row["s"].value].add(t[len(vocab) :])

    # The theme scheme: what the store holds, merged with the one shipped with the ontology.
    scheme = _load_scheme(store, iris, labels, rows)

    # Areas: parents (withinArea) and ISO codes.
    parents: dict[str, set[str]] = defaultdict(set)
    iso: dict[str, str] = {}
    for row in rows(store, "areas", iris):
        if "larger" in row:
            parents[row["area"].value].add(row["larger"].value)
        if "code" in row:
            iso[row["area"].value] = row["code"].value.upper()

    def ancestors(area: str) -> set[str]:
        seen: set[str] = set()
        todo = [area]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    def country_code(area: str) -> str | None:
        code = iso.get(area)
        if code and len(code) == 2:
            return code
        m = _COUNTRY_IRI.search(area)
        return m.group(1) if m else None

    own_country: dict[int, str] = {}
    regions: dict[int, list[str]] = defaultdict(list)
    area_sets: dict[str, set[int]] = defaultdict(set)
    country_p, region_p = vocab + "country", vocab + "region"
    for row in rows(store, "places", iris):
        located = pos.get(row["s"].value)
        if located is None:
            continue
        place = row["place"].value
        if row["p"].value == country_p:
            own_country[located] = place
        elif row["p"].value == region_p:
            regions[located].append(place)
    country_codes: list[str] = []
    country = np.full(n, -1, dtype=np.int16)
    for i in range(n):
        places = ([own_country[i]] if i in own_country else []) + regions.get(i, [])
        code = country_code(own_country[i]) if i in own_country else None
        for place in places:
            for area in (place, *ancestors(place)):
                area_sets[area].add(i)
                if code is None:
                    code = country_code(area)
            if code is None:
                m = _REGION_IRI.search(place)
                code = m.group(1) if m else None
        if code:
            if code not in country_codes:
                country_codes.append(code)
            country[i] = country_codes.index(code)
            area_sets[iris.entity("country", code)].add(i)

    # Roles: who took part in what (cooperation, and themes/programmes of those things).
    targets_of: dict[int, set[str]] = defaultdict(set)
    members_sets: dict[str, set[int]] = defaultdict(set)
    for row in rows(store, "roles", iris):
        agent = pos.get(row["agent"].value)
        if agent is None:
            continue
        target = row["target"].value
        targets_of[agent].add(target)
        members_sets[target].add(agent)
    members = {t: sorted(team) for t, team in members_sets.items()}
    role_count = np.zeros(n, dtype=np.int32)
    for agent, done in targets_of.items():
        role_count[agent] = len(done)

    # Themes and keywords, on the organisation itself or on what it took part in.
    theme_w: dict[str, dict[int, float]] = defaultdict(dict)
    theme_via: dict[tuple[int, str], str] = {}
    keyword_sets: dict[str, set[int]] = defaultdict(set)
    keywords_of: dict[int, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    theme_p, keyword_p = vocab + "theme", vocab + "keyword"
    for row in rows(store, "themes", iris):
        subject = row["s"].value
        holders: list[tuple[int, float]] = []
        own = pos.get(subject)
        if own is not None:
            holders.append((own, 1.0))
        holders.extend((member, ROLE_THEME_WEIGHT) for member in members.get(subject, ()))
        if not holders:
            continue
        obj = row["o"]
        if row["p"].value == theme_p:
            concept = obj.value
            weights = theme_w[concept]
            for h, weight in holders:
                if weights.get(h, 0.0) < weight:
                    weights[h] = weight
                    if weight < 1.0:
                        theme_via[(h, concept)] = subject
                    else:
                        theme_via.pop((h, concept), None)
        elif row["p"].value == keyword_p:
            lang = (getattr(obj, "language", None) or "").split("-")[0].lower()
            kw_keys = frozenset(k for t in tokens(obj.value) for k in keys(t, lang))
            for h, _w in holders:
                keywords_of[h].append((obj.value, subject, kw_keys))
                for k in kw_keys:
                    keyword_sets[k].add(h)
    theme_post: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for c, by_org in theme_w.items():
        ids = np.fromiter(by_org.keys(), dtype=np.int32, count=len(by_org))
        order = np.argsort(ids)  # sorted ids: membership by binary search
        theme_post[c] = (ids[order], np.fromiter(by_org.values(), dtype=np.float32, count=len(by_org))[order])

    # Programmes (own or of what the organisation took part in) and programme eligibility.
    programme_sets: dict[str, set[int]] = defaultdict(set)
    programmes_of: dict[int, set[str]] = defaultdict(set)
    programme_via: dict[tuple[int, str], str] = {}
    eligible: dict[str, set[str]] = defaultdict(set)
    programme_p = vocab + "programme"
    for row in rows(store, "programmes", iris):
        subject, obj = row["s"].value, row["o"].value
        if row["p"].value == programme_p:
            own = pos.get(subject)
            if own is not None:
                programme_sets[obj].add(own)
                programmes_of[own].add(obj)
                programme_via.pop((own, obj), None)
            for member in members.get(subject, ()):
                if obj not in programmes_of[member]:
                    programme_via[(member, obj)] = subject
                programme_sets[obj].add(member)
                programmes_of[member].add(obj)
        else:
            eligible[subject].add(obj)

    # Evidence sentences and their documents.
    evidence: dict[tuple[str, str, str], list[Evidence]] = {}
    for row in rows(store, "evidence", iris):
        key = (row["s"].value, _local(row["p"].value), row["o"].value)
        found = evidence.setdefault(key, [])
        if len(found) < MAX_EVIDENCE:
            ev = Evidence(row["sentence"].value, row["doc"].value)
            if ev not in found:
                found.append(ev)
    documents: dict[str, tuple[str, str]] = {}
    for row in rows(store, "documents", iris):
        title = row["title"].value if "title" in row else ""
        documents[row["doc"].value] = (title, row["url"].value if "url" in row else "")

    index = PartnerIndex(
        iris=iris,
        generation=generation,
        orgs=orgs,
        pos=pos,
        country=country,
        country_codes=country_codes,
        types_of=types_of,
        type_post={t: _as_ids(s) for t, s in type_sets.items()},
        regions_of={i: tuple(r) for i, r in regions.items()},
        area_post={a: _as_ids(s) for a, s in area_sets.items()},
        area_parents=dict(parents),
        theme_post=theme_post,
        theme_via=theme_via,
        keyword_post={k: _as_ids(s) for k, s in keyword_sets.items()},
        keywords_of=dict(keywords_of),
        programmes_of={i: frozenset(p) for i, p in programmes_of.items()},
        programme_post={p: _as_ids(s) for p, s in programme_sets.items()},
        programme_via=programme_via,
        eligible_areas=dict(eligible),
        targets_of=dict(targets_of),
        members=members,
        role_count=role_count,
        evidence=evidence,
        documents=documents,
        labels=labels,
        entity_types=dict(entity_types),
        scheme=scheme,
        matcher=ThemeMatcher(scheme.labels()),
    )
    index.build_seconds = time.perf_counter() - started
    return index


def _load_scheme(store: Any, iris: Iris, labels: dict[str, dict[str, list[str]]], rows: Any) -> ThemeScheme:
    concepts: dict[str, Concept] = {}
    for row in rows(store, "theme-scheme", iris, {"scheme": NamedNode(iris.entity("theme", "scheme"))}):
        iri = row["concept"].value
        c = concepts.setdefault(iri, Concept(iri))
        if "broader" in row:
            c.broader.add(row["broader"].value)
    for iri, c in concepts.items():
        for lang, texts in labels.get(iri, {}).items():
            if texts:
                c.pref.setdefault(lang, texts[0])
                c.alt.setdefault(lang, []).extend(texts[1:])
    shipped = concepts_from_ontology(iris.base)
    for c in shipped:  # keys instead of IRIs are accepted from the ontology module
        if ":" not in c.iri:
            c.iri = iris.entity("theme", c.iri)
        c.broader = {b if ":" in b else iris.entity("theme", b) for b in c.broader}
    return ThemeScheme([*concepts.values(), *shipped])


class IndexHolder:
    """Keeps one PartnerIndex in step with a store (see the module docstring)."""

    def __init__(self, store: Any, iris: Iris) -> None:
        self.store = store
        self.iris = iris
        self._index: PartnerIndex | None = None
        self._lock = threading.Lock()
        self._building = False

    def get(self) -> PartnerIndex:
        generation = self.store.generation()
        index = self._index
        if index is not None and index.generation == generation:
            return index
        if index is not None and index.build_seconds > SYNC_BUILD_SECONDS:
            self._rebuild_in_background(generation)
            return index
        with self._lock:
            index = self._index
            if index is None or index.generation != generation:
                index = self._index = build(self.store, self.iris, generation=generation)
            return index

    def _rebuild_in_background(self, generation: int) -> None:
        with self._lock:
            if self._building:
                return
            self._building = True

        def run() -> None:
            try:
                fresh = build(self.store, self.iris, generation=generation)
                with self._lock:
                    self._index = fresh
            except Exception:  # the old index keeps answering; the next request retries
                log.exception("partner index rebuild failed")
            finally:
                self._building = False

        threading.Thread(target=run, name="partner-index", daemon=True).start()
