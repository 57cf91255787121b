"""Where the partner index stands in the store's change log, and how it reads the store.

``LogPosition``: the newest change-log entry applied and those within ``LOG_SLACK`` of it (an
entry's time is taken just before its write commits, so one may appear late). ``PoolView``: reads
through ``store.select``, evaluated in the store's query worker processes, so an update holds this
process's interpreter lock only to parse a few rows. ``read_position``: the log as it is now, read
before a full build (entries written during the build are read again and applied after it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from innograph import sparql_text
from innograph.iris import Iris
from innograph.namespaces import XSD_DATETIME
from innograph.store import Store
from innograph.store.base import ReadView

LOG_SLACK = timedelta(seconds=30)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _parse_time(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass
class LogPosition:
    """How far the change log was read: the newest entry's time, and the entries applied within
    ``LOG_SLACK`` of it (read again at the next poll, and skipped)."""

    newest: datetime = _EPOCH
    applied: dict[str, datetime] = field(default_factory=dict)

    def since(self) -> datetime:
        return self.newest - LOG_SLACK if self.newest > _EPOCH + LOG_SLACK else _EPOCH

    def new_entries(self, view: ReadView, iris: Iris) -> dict[str, tuple[str, datetime]]:
        """Entries of the log not applied yet: change IRI -> (graph, time)."""
        query = sparql_text.query_text("partners/changes-since", iris)
        since = Literal(self.since().strftime("%Y-%m-%dT%H:%M:%S.%fZ"), datatype=XSD_DATETIME)
        found: dict[str, tuple[str, datetime]] = {}
        for row in view.select(query, {"log": NamedNode(iris.graph("changes")), "since": since}):
            change = row["change"].value
            moment = _parse_time(row["modified"].value)
            if moment is not None and change not in self.applied:
                found[change] = (row["graph"].value, moment)
        return found

    def advance(self, entries: dict[str, tuple[str, datetime]]) -> None:
        for change, (_graph, moment) in entries.items():
            self.applied[change] = moment
            self.newest = max(self.newest, moment)
        horizon = self.since()
        self.applied = {c: m for c, m in self.applied.items() if m >= horizon}


class PoolView:
    """Reads through ``store.select``: the embedded store evaluates them in its query worker
    processes, so an update holds this process's interpreter lock only to parse a few rows. Each
    read sees the store as it is then (not one snapshot): a graph read after its log entry may
    already be newer, which is harmless, as the newer write's entry names it again."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __iter__(self) -> Iterator[Quad]:
        raise NotImplementedError("the partner index reads rows, never whole partitions")

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        return iter(self.store.select(query, bindings, partition="public"))


def read_position(store: Store, iris: Iris) -> LogPosition:
    """The change log's position now (every entry counted as applied)."""
    with store.snapshot("public") as view:
        position = LogPosition()
        position.advance(position.new_entries(view, iris))
    return position
