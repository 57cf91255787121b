"""The facts of every graph, and which graphs state each fact: the bookkeeping the index follows.

``FactCounts`` keeps the facts each document graph gives (``facts.py``) and, counted over all
graphs, how many graphs state each ``(kind, key, value)``. Applying a change takes away the facts
a changed or removed graph gave and adds those it gives now; the :class:`Touched` it returns names
the keys whose facts moved, which is all ``derivation.py`` derives again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from innograph.partners.facts import Fact, GraphFacts

NO_VALUES: MappingProxyType[Any, int] = MappingProxyType({})  # the values of a key no graph states


class Touched:
    """The keys whose facts changed in one apply, per kind (``role_agent``: agents of changed roles)."""

    def __init__(self) -> None:
        self.keys: dict[str, set[Any]] = defaultdict(set)
        self.status: set[str] = set()  # IRIs that became or stopped being organisations
        self.new_orgs = False

    def __getitem__(self, kind: str) -> set[Any]:
        return self.keys[kind]


class FactCounts:
    """Facts per graph and, per fact, the number of graphs stating it."""

    def __init__(self) -> None:
        self.graphs: dict[str, GraphFacts] = {}
        self.facts: dict[str, dict[Any, dict[Any, int]]] = defaultdict(dict)  # kind -> key -> value -> graphs
        self.targets_by_agent: dict[str, dict[str, int]] = {}  # agent -> target -> role facts

    def apply(self, changes: dict[str, GraphFacts]) -> Touched:
        """Replace the facts of each graph in ``changes`` (an empty tuple: the graph is gone) and
        say which keys they touch."""
        touched = Touched()
        for graph, new in changes.items():
            old = self.graphs.pop(graph, ())
            if new:
                self.graphs[graph] = new
            if not old:
                for fact in new:
                    self._count(fact, 1, touched)
                continue
            old_set, new_set = set(old), set(new)
            for fact in old_set - new_set:
                self._count(fact, -1, touched)
            for fact in new_set - old_set:
                self._count(fact, 1, touched)
        return touched

    def _count(self, fact: Fact, delta: int, touched: Touched) -> None:
        kind, key, value = fact
        by_key = self.facts[kind]
        counter = by_key.get(key)
        if counter is None:
            counter = by_key[key] = {}
        n = counter.get(value, 0) + delta
        if n > 0:
            counter[value] = n
        else:
            del counter[value]
            if not counter:
                del by_key[key]
        touched[kind].add(key)
        if kind == "role":
            agent = value[0]
            targets = self.targets_by_agent.setdefault(agent, {})
            targets[key] = targets.get(key, 0) + delta
            if targets[key] <= 0:
                del targets[key]
                if not targets:
                    del self.targets_by_agent[agent]
            touched["role_agent"].add(agent)

    def values(self, kind: str, key: Any) -> Mapping[Any, int]:
        """The values stated for ``key`` (each with the number of graphs stating it)."""
        return self.facts[kind].get(key) or NO_VALUES
