"""One node per organisation across sources: CORDIS, lists of operations and web pages.

Nodes that name one organisation are linked with ``owl:sameAs`` in the graph
``{base}graph/resolution``, each link with its evidence. The rules, strongest first:

1. a person's decision (``innograph resolve --same A B`` / ``--apart A B``), kept as data in
   ``{base}graph/resolution-decisions``, which no import touches;
2. the same VAT number: one organisation; two different VAT numbers, or two different CORDIS
   organisation ids: two organisations, whatever their names;
3. the same name (any label, in any language, or the same acronym) and the same country: one
   organisation, unless both give a town and the towns differ, or the name fits several nodes
   that are known to be different (then a person decides: ``--report``);
4. the same name in different countries: two organisations, always; a name alone without a
   country on one side: a person decides.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal as Kind

from pyoxigraph import Literal, NamedNode, Triple

from innograph import __version__, queries
from innograph.imports import rdf
from innograph.imports.rdf import DIFFERENT_FROM, SAME_AS, TYPE, Vocabulary
from innograph.imports.versions import is_shard, listed_shards
from innograph.ingest import change_log
from innograph.iris import Iris
from innograph.loaders.extract.resolve import name_key
from innograph.loading import IMPORT_FINGERPRINT_PREFIX
from innograph.store import DocumentWrite, Store

Verdict = Kind["merge", "apart", "review"]
RESOLUTION = "resolution"
DECISIONS = "resolution-decisions"
# legal forms left out of a name's key ('Danfoss A/S' and 'DANFOSS' meet)
LEGAL_FORMS = {"sa", "sas", "sarl", "as", "a s", "aps", "bv", "nv", "gmbh", "ag", "ltd", "limited", "plc", "srl",
               "spa", "ab", "oy", "asbl", "vzw", "ivs", "amba", "i s", "cvba", "eurl"}
KEY_PRIORITY = ("vat", "name", "acronym")  # a pair sharing several keys is explained by the first
SOURCE_RANK = ("cordis-", "vat-", "op-")  # the node a merged group is presented under: identifiers first


@dataclass
class OrgNode:
    iri: str
    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    vats: set[str] = field(default_factory=set)
    cordis_id: str | None = None

    def keys(self) -> set[str]:
        found = set()
        for name in self.names:
            key = strip_legal_form(name_key(name))
            if key:
                found.add(("acronym:" if _is_acronym(name) else "name:") + key)
        return found

    @property
    def country(self) -> str | None:
        return next(iter(self.countries)) if len(self.countries) == 1 else None


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    verdict: Verdict
    rule: str
    reason: str


@dataclass
class Resolution:
    nodes: int = 0
    pairs: list[Pair] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # iri -> a name, for the report

    def of(self, verdict: Verdict) -> list[Pair]:
        return [p for p in self.pairs if p.verdict == verdict]

    def counts(self) -> dict[str, int]:
        return {"organisations": self.nodes, "merged_pairs": len(self.of("merge")), "merged_groups": len(self.groups),
                "kept_apart": len(self.of("apart")), "to_review": len(self.of("review"))}

    def summary_line(self) -> str:
        c = self.counts()
        return (f"resolution: organisations {c['organisations']}  merged {c['merged_pairs']} pairs in "
                f"{c['merged_groups']} groups  kept apart {c['kept_apart']}  to review {c['to_review']}")


def strip_legal_form(key: str) -> str:
    words = key.split()
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in LEGAL_FORMS:
            return " ".join(words[:-size])
    return key


def _is_acronym(name: str) -> bool:
    compact = name.strip()
    return 2 <= len(compact) <= 10 and " " not in compact and sum(c.isupper() for c in compact) >= 2 \
        and compact.upper() == compact


def read_nodes(store: Store, iris: Iris) -> dict[str, OrgNode]:
    nodes: dict[str, OrgNode] = {}
    cordis_prefix = iris.entity("organisation", "cordis-")
    country_prefix = iris.entity("country", "")
    with store.snapshot("public") as view:
        listed = set().union(*listed_shards(view, iris).values())
        for row in view.select(queries.text("imports/organisations", iris.vocab)):
            if is_shard(iris, row["g"].value) and row["g"].value not in listed:
                continue  # an import killed before its switch (versions.py): never read
            iri, kind, value = row["org"].value, row["field"].value, row["value"].value
            node = nodes.setdefault(iri, OrgNode(iri))
            if kind == "name":
                node.names.add(value)
            elif kind == "country" and value.startswith(country_prefix):
                node.countries.add(value[len(country_prefix):])
            elif kind == "city":
                node.cities.add(name_key(value))
            elif kind == "vat":
                node.vats.add(value)
            elif kind == "id" and iri.startswith(cordis_prefix):
                node.cordis_id = value
    return nodes


def read_decisions(store: Store, iris: Iris) -> dict[frozenset[str], bool]:
    with store.snapshot("public") as view:
        rows = view.select(queries.text("imports/decisions"), {"g": NamedNode(iris.graph(DECISIONS))})
        return {frozenset((r["a"].value, r["b"].value)): r["same"].value == "true" for r in rows}


def judge(a: OrgNode, b: OrgNode, key: str) -> Pair:
    """The verdict on two nodes that share ``key`` (a name, an acronym or a VAT number)."""
    shown = key.split(":", 1)[1]
    if a.vats and b.vats:
        if a.vats & b.vats:
            return Pair(a.iri, b.iri, "merge", "vat", f"same VAT number {sorted(a.vats & b.vats)[0]}")
        return Pair(a.iri, b.iri, "apart", "vat", "different VAT numbers")
    if a.cordis_id and b.cordis_id:
        return Pair(a.iri, b.iri, "apart", "cordis-id", "different CORDIS organisation ids")
    if a.country and b.country and a.country != b.country:
        return Pair(a.iri, b.iri, "apart", "country", f"'{shown}' in {a.country} and in {b.country}")
    if not (a.country and b.country):
        return Pair(a.iri, b.iri, "review", "no-country", f"'{shown}', and no country on one side")
    if a.cities and b.cities and not a.cities & b.cities:
        return Pair(a.iri, b.iri, "review", "town",
                    f"'{shown}' in {a.country}, in {sorted(a.cities)[0]} and in {sorted(b.cities)[0]}")
    rule = key.split(":", 1)[0]
    where = f"{a.country}" + (f", {sorted(a.cities & b.cities)[0]}" if a.cities & b.cities else "")
    return Pair(a.iri, b.iri, "merge", rule, f"same {rule} '{shown}' in {where}")


def candidate_pairs(nodes: dict[str, OrgNode]) -> dict[frozenset[str], Pair]:
    """Every pair of nodes sharing a name, an acronym or a VAT number, with its verdict (the
    strongest when a pair shares several keys)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for node in nodes.values():
        for key in node.keys() | {f"vat:{v}" for v in node.vats}:
            by_key[key].append(node.iri)
    pairs: dict[frozenset[str], Pair] = {}
    order = {"apart": 0, "merge": 1, "review": 2}
    for key in sorted(by_key, key=lambda k: (KEY_PRIORITY.index(k.split(':', 1)[0]), k)):
        for a, b in itertools.combinations(sorted(set(by_key[key])), 2):
            pair = judge(nodes[a], nodes[b], key)
            known = pairs.get(frozenset((a, b)))
            if known is None or order[pair.verdict] < order[known.verdict]:
                pairs[frozenset((a, b))] = pair
    return pairs


def apply_decisions(pairs: dict[frozenset[str], Pair], decisions: dict[frozenset[str], bool]) -> None:
    for members, same in decisions.items():
        a, b = sorted(members)
        verdict: Verdict = "merge" if same else "apart"
        pairs[members] = Pair(a, b, verdict, "decision", "decided by a person")


def groups_of(pairs: Iterable[Pair]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    members: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        members[root(x)].append(x)
    return sorted(sorted(m, key=_rank) for m in members.values() if len(m) > 1)


def _rank(iri: str) -> tuple[int, str]:
    key = iri.rsplit("/", 1)[-1]
    return next((i for i, p in enumerate(SOURCE_RANK) if key.startswith(p)), len(SOURCE_RANK)), iri


def settle_conflicts(pairs: dict[frozenset[str], Pair]) -> None:
    """A group must never hold two nodes known to be different: then the name-based links of that
    group go to a person instead (the name fits several organisations)."""
    apart = {k for k, p in pairs.items() if p.verdict == "apart"}
    for group in groups_of(p for p in pairs.values() if p.verdict == "merge"):
        if not any(frozenset(c) in apart for c in itertools.combinations(group, 2)):
            continue
        for members in itertools.combinations(group, 2):
            pair = pairs.get(frozenset(members))
            if pair and pair.verdict == "merge" and pair.rule in ("name", "acronym"):
                pairs[frozenset(members)] = Pair(pair.a, pair.b, "review", "several",
                                                 pair.reason + ", but the name fits several organisations")


def resolve(store: Store, iris: Iris, *, write: bool = True) -> Resolution:
    nodes = read_nodes(store, iris)
    pairs = candidate_pairs(nodes)
    apply_decisions(pairs, read_decisions(store, iris))
    settle_conflicts(pairs)
    ordered = sorted(pairs.values(), key=lambda p: (p.verdict, p.a, p.b))
    result = Resolution(nodes=len(nodes), pairs=ordered, groups=groups_of(p for p in ordered if p.verdict == "merge"),
                        names={iri: sorted(n.names)[0] for iri, n in nodes.items() if n.names})
    if write:
        write_resolution(store, iris, result)
    return result


def resolution_triples(iris: Iris, result: Resolution) -> list[Triple]:
    ig = Vocabulary(iris)
    triples = []
    for group in result.groups:
        head = NamedNode(group[0])
        for other in map(NamedNode, group[1:]):
            triples += [Triple(head, SAME_AS, other), Triple(other, SAME_AS, head)]
    for pair in result.of("merge"):
        node = NamedNode(iris.entity("match", hashlib.sha1(f"{pair.a}\0{pair.b}".encode()).hexdigest()[:16]))
        triples += [Triple(node, TYPE, rdf.PROV_ENTITY), Triple(node, ig.evidenceFor, NamedNode(pair.a)),
                    Triple(node, ig.evidenceProperty, SAME_AS), Triple(node, ig.evidenceValue, NamedNode(pair.b)),
                    Triple(node, ig.extractor, Literal(f"resolve.{pair.rule}")),
                    Triple(node, ig.sentence, Literal(pair.reason))]
    return triples


def write_resolution(store: Store, iris: Iris, result: Resolution) -> None:
    triples = resolution_triples(iris, result)
    lines = sorted(f"{t} .\n" for t in triples)
    digest = hashlib.sha256("".join([__version__, *lines]).encode()).hexdigest()
    fingerprint = IMPORT_FINGERPRINT_PREFIX + "sha256:" + digest
    graph = iris.graph(RESOLUTION)
    known = store.graph_hashes().get(graph)
    if known == fingerprint:
        return
    # logged like an import, so the partner index follows the new groups without a full rebuild
    log = change_log(iris, graph, "updated" if known else "created", fingerprint)
    store.write_document(DocumentWrite(graph=graph, content_hash=fingerprint, public=triples,
                                       extra_graph=iris.graph("changes"), extra_public=log))


def record_decision(store: Store, iris: Iris, a: str, b: str, same: bool) -> None:
    """Add a person's decision to the decisions graph (replacing any earlier one on that pair)."""
    decisions = read_decisions(store, iris)
    decisions[frozenset((a, b))] = same
    triples = [Triple(NamedNode(x), SAME_AS if s else DIFFERENT_FROM, NamedNode(y))
               for members, s in sorted(decisions.items(), key=lambda d: sorted(d[0]))
               for x, y in [sorted(members)]]
    lines = sorted(f"{t} .\n" for t in triples)
    fingerprint = IMPORT_FINGERPRINT_PREFIX + "sha256:" + hashlib.sha256("".join(lines).encode()).hexdigest()
    store.write_document(DocumentWrite(graph=iris.graph(DECISIONS), content_hash=fingerprint, public=triples))
