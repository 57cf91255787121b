"""Reading what the store knows about one resource, and the labels to show for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from innograph.ontology import ontology_triples
from pyoxigraph import Literal, NamedNode, Triple

from innograph.imports.resolve import RESOLUTION
from innograph.iris import Iris
from innograph.namespaces import DCT, FOAF, RDFS, SKOS
from innograph.sparql_text import query_text
from innograph.store import Store
from innograph.store.base import Partition

LABEL_ORDER = (
    SKOS + "prefLabel",
    RDFS + "label",
    DCT + "title",
    FOAF + "name",
)
LABEL_BATCH = 400  # IRIs per labels query (keeps the VALUES block small)


def exists(store: Store, iris: Iris, iri: str, partition: Partition) -> bool:
    return bool(store.ask(query_text("linked/exists", iris, {"s": NamedNode(iri)}), partition=partition))


def graph_exists(store: Store, iris: Iris, graph: str, partition: Partition) -> bool:
    return bool(store.ask(query_text("linked/graph-exists", iris, {"g": NamedNode(graph)}), partition=partition))


def describe(store: Store, iris: Iris, iri: str, partition: Partition) -> list[Triple]:
    return store.construct(query_text("linked/describe", iris, {"s": NamedNode(iri)}), partition=partition)


def graph_content(store: Store, iris: Iris, graph: str, partition: Partition) -> list[Triple]:
    return store.construct(query_text("linked/graph-content", iris, {"g": NamedNode(graph)}), partition=partition)


@dataclass
class ProjectRow:
    """One participation of an organisation (or of an IRI resolution found to name it)."""

    project: str
    agent: str  # the IRI the source names the organisation by
    role_type: str | None
    written: str | None  # the role as the source wrote it
    file: str | None  # the imported file (prov:wasDerivedFrom), None for a page's role
    row: str | None
    graph: str
    start: str | None = None
    end: str | None = None
    programmes: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)


def _opt(row: dict[str, object], name: str) -> str | None:
    found = row.get(name)
    return found.value if isinstance(found, NamedNode | Literal) else None


def projects(store: Store, iris: Iris, iri: str, partition: Partition) -> list[ProjectRow]:
    """What ``iri`` took part in, from every source (following resolution's owl:sameAs), one row
    per role, sorted by start date (unknown last), then project and agent."""
    bound = {"s": NamedNode(iri), "resolution": NamedNode(iris.graph(RESOLUTION))}
    found: dict[tuple[str | None, ...], ProjectRow] = {}
    for r in store.select(query_text("linked/projects", iris, bound), partition=partition):
        key = tuple(_opt(r, n) for n in ("project", "agent", "roleType", "written", "file", "row", "graph"))
        entry = found.get(key)
        if entry is None:
            project, agent, role_type, written, file, row_id, graph = key
            entry = found[key] = ProjectRow(project or "", agent or "", role_type, written, file, row_id, graph or "")
        entry.start, entry.end = entry.start or _opt(r, "start"), entry.end or _opt(r, "end")
        for value, into in ((_opt(r, "programme"), entry.programmes), (_opt(r, "acronym"), entry.acronyms)):
            if value and value not in into:
                into.append(value)
                into.sort()
    return sorted(found.values(), key=lambda p: (p.start is None, p.start or "", p.project, p.agent, p.row or ""))


@dataclass
class Labels:
    """Labels by resource and language; ``get`` picks the best one for a visitor."""

    by_iri: dict[str, dict[str, list[tuple[int, str]]]] = field(default_factory=dict)

    def add(self, iri: str, kind: str, label: Literal) -> None:
        rank = LABEL_ORDER.index(kind) if kind in LABEL_ORDER else len(LABEL_ORDER)
        self.by_iri.setdefault(iri, {}).setdefault(label.language or "", []).append((rank, label.value))

    def get(self, iri: str, lang: str) -> str | None:
        found = self.by_iri.get(iri)
        if not found:
            return None
        for candidate in (lang, "en", ""):
            if candidate in found:
                return min(found[candidate])[1]
        return min(min(v) for v in found.values())[1]


@cache
def _ontology_labels(base: str) -> dict[str, list[tuple[str, Literal]]]:
    """Labels of our terms from the ontology module, for stores loaded without the ontology graph."""
    out: dict[str, list[tuple[str, Literal]]] = {}
    for t in ontology_triples(base):
        if t.predicate.value in LABEL_ORDER and isinstance(t.object, Literal) and isinstance(t.subject, NamedNode):
            out.setdefault(t.subject.value, []).append((t.predicate.value, t.object))
    return out


def labels(store: Store, iris: Iris, resources: Iterable[str], partition: Partition) -> Labels:
    out = Labels()
    wanted = sorted({r for r in resources if r.startswith(("http://", "https://"))})
    vocabulary = _ontology_labels(iris.base)
    for iri in wanted:
        for kind, label in vocabulary.get(iri, ()):
            out.add(iri, kind, label)
    wanted = [w for w in wanted if w not in vocabulary]
    for start in range(0, len(wanted), LABEL_BATCH):
        batch = [NamedNode(r) for r in wanted[start : start + LABEL_BATCH]]
        for row in store.select(query_text("linked/labels", iris, {"s": batch}), partition=partition):
            text, subject, predicate = row.get("label"), row.get("s"), row.get("kind")
            if isinstance(text, Literal) and isinstance(subject, NamedNode) and isinstance(predicate, NamedNode):
                out.add(subject.value, predicate.value, text)
    return out


def sources(store: Store, iris: Iris, docs: Iterable[str], partition: Partition) -> dict[str, dict[str, str]]:
    """Source URL and named graph of each source document."""
    wanted = sorted(set(docs))
    out: dict[str, dict[str, str]] = {d: {} for d in wanted}
    if not wanted:
        return out
    text = query_text("linked/sources", iris, {"doc": [NamedNode(d) for d in wanted]})
    rows = store.select(text, partition=partition)
    for row in rows:
        entry = out.setdefault(row["doc"].value, {})
        for key in ("url", "graph"):
            if key in row:
                entry[key] = row[key].value
    return out
