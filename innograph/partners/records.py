"""Small records the partner index keeps about participations (values of facts, so hashable)."""

from __future__ import annotations

from typing import NamedTuple


class RoleRecord(NamedTuple):
    """One reified role as a graph states it: its type, the role as written, and its origin (the
    imported file and row, empty for a role read from a page; the graph that states it)."""

    role_type: str
    written: str
    file: str
    row: str
    graph: str


class FileSource(NamedTuple):
    """An imported file (``prov:wasDerivedFrom`` of a record): its dataset, name and dataset title."""

    dataset: str
    name: str
    dataset_title: str
