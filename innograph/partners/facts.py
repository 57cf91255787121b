"""What each document graph gives the partner index: its *facts*, read graph by graph.

Each query of ``queries/partners/`` runs inside ``GRAPH ?g``, so every row says which graph it
came from. The index keeps, per graph, the facts that graph gave (``GraphFacts``): when the graph
changes or goes, exactly those facts are taken away and the graph alone is read again
(``fact_counts.py``, ``derivation.py``). A full build reads every graph with one query per
section; an update binds ``?g`` to each changed graph.

A fact is ``(kind, key, value)``: the key is what the index looks facts up by (a subject, a
target, an evidence statement...), the value the rest. Joins stay inside one graph (a role's
agent and target, an evidence node's parts, a region's country), as the extraction writes them.
Imported records (CORDIS, lists of operations) give the same kinds of facts, plus their texts,
dates, files and rows; ``owl:sameAs`` is read from the resolution graph alone (``same-as.rq``).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pyoxigraph import NamedNode

from innograph import sparql_text
from innograph.imports.resolve import RESOLUTION
from innograph.imports.versions import import_prefix, is_shard, listed_shards
from innograph.iris import Iris
from innograph.partners.records import RoleRecord
from innograph.store.base import ReadView

Fact = tuple[str, Any, Any]  # (kind, key, value)
GraphFacts = tuple[Fact, ...]

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
KINDS = ("type", "label", "concept", "area", "place", "role", "theme", "keyword", "programme", "evidence", "document",
         "same", "text", "detail", "source")

_intern = sys.intern  # IRIs repeat across facts and graphs: one string object each


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _language(term: Any) -> str:
    """The primary language of a literal ('da' for 'da-DK'), '' for none."""
    return _intern((getattr(term, "language", None) or "").split("-")[0].lower())


def _opt(row: dict[str, Any], name: str) -> str:
    return _intern(row[name].value) if name in row else ""


class FactReader:
    """Turns the rows of each section query into facts (one method per query)."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self.vocab = iris.vocab
        self.scheme = NamedNode(iris.entity("theme", "scheme"))
        self.resolution = NamedNode(iris.graph(RESOLUTION))  # only the sameAs resolution wrote
        self.sections: dict[str, Callable[[dict[str, Any]], Fact]] = {
            "types": self.type_fact,
            "labels": self.label_fact,
            "theme-scheme": self.concept_fact,
            "areas": self.area_fact,
            "places": self.place_fact,
            "roles": self.role_fact,
            "themes": self.theme_fact,
            "programmes": self.programme_fact,
            "evidence": self.evidence_fact,
            "documents": self.document_fact,
            "same-as": self.same_fact,
            "target-texts": self.text_fact,
            "target-details": self.detail_fact,
            "sources": self.source_fact,
        }

    def query(self, section: str) -> str:
        return sparql_text.query_text(f"partners/{section}", self.iris)

    def bindings(self, section: str, graph: str | None) -> dict[str, Any]:
        bound: dict[str, Any] = {"scheme": self.scheme} if section == "theme-scheme" else {}
        if section == "same-as":
            bound["resolution"] = self.resolution
        if graph is not None:
            bound["g"] = NamedNode(graph)
        return bound

    @staticmethod
    def type_fact(row: dict[str, Any]) -> Fact:
        return ("type", _intern(row["s"].value), _intern(row["type"].value))

    @staticmethod
    def label_fact(row: dict[str, Any]) -> Fact:
        lit = row["label"]
        lang = _intern((lit.language or "").lower())
        return ("label", _intern(row["s"].value), (row["p"].value == SKOS_PREF, lang, lit.value))

    @staticmethod
    def concept_fact(row: dict[str, Any]) -> Fact:
        return ("concept", _intern(row["concept"].value), _opt(row, "broader"))

    @staticmethod
    def area_fact(row: dict[str, Any]) -> Fact:
        if "code" in row:
            return ("area", _intern(row["area"].value), ("code", row["code"].value.upper()))
        return ("area", _intern(row["area"].value), ("larger", _intern(row["larger"].value)))

    def place_fact(self, row: dict[str, Any]) -> Fact:
        kind = _local(row["p"].value)
        return ("place", _intern(row["s"].value), (_intern(kind), _intern(row["place"].value)))

    @staticmethod
    def role_fact(row: dict[str, Any]) -> Fact:
        """The agent comes first in the value (``FactCounts`` follows agents); the rest says who
        wrote the role down: the role as written, the imported file and row, the graph."""
        record = RoleRecord(_opt(row, "roleType"), row["written"].value if "written" in row else "",
                            _opt(row, "file"), row["row"].value if "row" in row else "", _intern(row["g"].value))
        return ("role", _intern(row["target"].value), (_intern(row["agent"].value), record))

    def theme_fact(self, row: dict[str, Any]) -> Fact:
        subject, obj = _intern(row["s"].value), row["o"]
        if row["p"].value == self.vocab + "theme":
            return ("theme", subject, _intern(obj.value))
        return ("keyword", subject, (obj.value, _language(obj)))

    @staticmethod
    def programme_fact(row: dict[str, Any]) -> Fact:
        kind = _intern(_local(row["p"].value))
        return ("programme", _intern(row["s"].value), (kind, _intern(row["o"].value)))

    @staticmethod
    def evidence_fact(row: dict[str, Any]) -> Fact:
        statement = (_intern(row["s"].value), _intern(_local(row["p"].value)), _intern(row["o"].value))
        return ("evidence", statement, (row["sentence"].value, _intern(row["doc"].value)))

    @staticmethod
    def document_fact(row: dict[str, Any]) -> Fact:
        return ("document", _intern(row["doc"].value), (row["title"].value if "title" in row else "",
                                                        row["url"].value if "url" in row else "",
                                                        _intern(row["g"].value)))

    @staticmethod
    def same_fact(row: dict[str, Any]) -> Fact:
        return ("same", _intern(row["a"].value), _intern(row["b"].value))

    @staticmethod
    def text_fact(row: dict[str, Any]) -> Fact:
        return ("text", _intern(row["s"].value), (row["text"].value, _language(row["text"])))

    @staticmethod
    def detail_fact(row: dict[str, Any]) -> Fact:
        return ("detail", _intern(row["s"].value), (_intern(_local(row["p"].value)), row["o"].value))

    @staticmethod
    def source_fact(row: dict[str, Any]) -> Fact:
        return ("source", _intern(row["file"].value), (_intern(row["dataset"].value), _opt(row, "name"),
                                                       _opt(row, "datasetTitle")))

    def rows(self, view: ReadView, section: str, graph: str | None) -> Iterator[dict[str, Any]]:
        return view.select(self.query(section), self.bindings(section, graph))


def read_all(view: ReadView, iris: Iris) -> dict[str, GraphFacts]:
    """The facts of every graph of the view: one query per section (an imported dataset's shards
    only when its manifest lists them: never half of a re-import)."""
    reader = FactReader(iris)
    by_graph: dict[str, set[Fact]] = defaultdict(set)
    for section, to_fact in reader.sections.items():
        for row in reader.rows(view, section, None):
            by_graph[_intern(row["g"].value)].add(to_fact(row))
    current = set().union(*listed_shards(view, iris).values())
    return {graph: tuple(facts) for graph, facts in by_graph.items() if graph in current or not is_shard(iris, graph)}


def read_graphs(view: ReadView, iris: Iris, graphs: Iterable[str], known: Iterable[str] = ()) -> dict[str, GraphFacts]:
    """The facts of the given graphs (an empty tuple for a graph that is gone or gives nothing).

    An imported dataset switches version when its manifest is written (``innograph.imports.versions``):
    a manifest among ``graphs`` brings the shards it lists now and, among the ``known`` graphs (those
    the index holds), its shards it no longer lists; a shard no manifest lists gives nothing."""
    listed = listed_shards(view, iris)
    current = set().union(*listed.values())
    wanted = dict.fromkeys(graphs)
    known = list(known)
    for manifest in [g for g in wanted if g.startswith(import_prefix(iris)) and not is_shard(iris, g)]:
        wanted.update(dict.fromkeys(sorted(listed.get(manifest, ()))))
        wanted.update(dict.fromkeys(k for k in known if k.startswith(manifest + "/") and is_shard(iris, k)))
    reader = FactReader(iris)
    out: dict[str, GraphFacts] = {}
    for graph in wanted:
        facts: set[Fact] = set()
        if graph in current or not is_shard(iris, graph):
            for section, to_fact in reader.sections.items():
                facts.update(to_fact(row) for row in reader.rows(view, section, graph))
        out[graph] = tuple(facts)
    return out
