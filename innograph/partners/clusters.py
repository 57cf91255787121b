"""Organisations that resolution says are one: the partner index shows each group as one candidate.

``innograph resolve`` writes ``owl:sameAs`` links in ``{base}graph/resolution`` (``facts.py`` reads
no other sameAs: a page's own link to an outside dataset never merges two candidates). A group is a
connected set of such links; it is shown under its *head*, the first member IRI in sorted order (a
choice by value, so a full build and an update agree), and holds the labels, places, roles,
themes and programmes of all its members.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class Clusters:
    """The current groups: ``head_of`` every member, ``members`` of every head (sorted)."""

    def __init__(self) -> None:
        self._head: dict[str, str] = {}
        self._members: dict[str, tuple[str, ...]] = {}

    def head_of(self, iri: str) -> str:
        return self._head.get(iri, iri)

    def members(self, head: str) -> tuple[str, ...]:
        return self._members.get(head, (head,))

    def grouped(self) -> Mapping[str, tuple[str, ...]]:
        """Head -> members, for groups of two or more."""
        return self._members

    def heads_of(self, iris: Iterable[str]) -> set[str]:
        return {self.head_of(x) for x in iris}

    def rebuild(self, links: Mapping[str, Mapping[str, int]]) -> set[str]:
        """Groups from the sameAs facts (subject -> objects); returns every IRI whose group changed
        (members of the old groups and of the new ones)."""
        neighbours: dict[str, set[str]] = {}
        for a, objects in links.items():
            for b in objects:
                if a != b:
                    neighbours.setdefault(a, set()).add(b)
                    neighbours.setdefault(b, set()).add(a)
        members: dict[str, tuple[str, ...]] = {}
        seen: set[str] = set()
        for start in sorted(neighbours):
            if start in seen:
                continue
            group, todo = {start}, [start]
            while todo:
                for nxt in neighbours[todo.pop()] - group:
                    group.add(nxt)
                    todo.append(nxt)
            seen |= group
            ordered = tuple(sorted(group))
            members[ordered[0]] = ordered
        moved = {x for head, group in self._members.items() if members.get(head) != group for x in group}
        moved |= {x for head, group in members.items() if self._members.get(head) != group for x in group}
        self._members = members
        self._head = {x: head for head, group in members.items() for x in group}
        return moved
