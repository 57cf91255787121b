"""The partner index of a store, kept in step with the store's writes through the change log.

Following: every write ingest or harvest makes adds an ``ig:GraphChange`` to the change log
(``{base}graph/changes``) in the same transaction as the document graph. When
``store.generation()`` moves, the holder reads the log entries written since its position
(``LOG_SLACK`` before it, as an entry's time is taken just before its write commits) and reads
those graphs alone again (``build.update``), through the store's query workers (``PoolView``), so
that little of the work holds this process's interpreter lock (``bench/PARTNERS.md``). A follower thread polls
every ``POLL_SECONDS``, so changes are applied without a request; ``get()`` also catches up before
answering, so an answer reflects the last write it can see.

A full build happens at start, and when the generation moved but the log explains nothing (a
SPARQL Update, reference data, a bulk load: writes that leave no entry): then a small graph
(last full build under ``SYNC_BUILD_SECONDS``) is rebuilt before answering and a big one in a
background thread while the previous index keeps answering (each answer says its generation).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from innograph import sparql_text
from innograph.iris import Iris
from innograph.namespaces import XSD_DATETIME
from innograph.partners.build import Built, build_state, update
from innograph.partners.index import PartnerIndex
from innograph.store import Store
from innograph.store.base import ReadView

log = logging.getLogger(__name__)

SYNC_BUILD_SECONDS = 2.0
POLL_SECONDS = 0.2
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


class IndexHolder:
    """Keeps one PartnerIndex in step with a store (see the module docstring)."""

    def __init__(self, store: Store, iris: Iris, *, follow: bool = True) -> None:
        self.store = store
        self.iris = iris
        self.follow = follow
        self.full_builds = 0  # how many times the whole graph was read (tests, benchmarks)
        self._built: Built | None = None
        self._index: PartnerIndex | None = None
        self._position = LogPosition()
        self._uncertain_until: int | None = None  # see _catch_up
        self._lock = threading.Lock()
        self._rebuilding = False
        self._full_seconds = 0.0  # time of the last full build
        self._stop = threading.Event()

    def get(self) -> PartnerIndex:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._full_build()
                    self._start_follower()
            assert self._index is not None
            return self._index
        if self._rebuilding or index.generation == self.store.generation():
            return index
        with self._lock:  # the follower may be applying this change already: wait for it
            self._catch_up()
        assert self._index is not None
        return self._index

    def stop(self) -> None:
        """Stop the follower thread (it also stops by itself when the holder is collected)."""
        self._stop.set()

    # -- following the log -------------------------------------------------------------------------

    def poll(self) -> None:
        """One step of the follower: catch up if the store's generation moved."""
        index = self._index
        if index is None or self._rebuilding or index.generation == self.store.generation():
            return
        with self._lock:
            self._catch_up()

    def _catch_up(self) -> None:
        """Apply the graphs the log names since the last position; a full build when the log
        explains nothing. Called with the lock held."""
        assert self._built is not None and self._index is not None
        generation = self.store.generation()
        if self._rebuilding or self._index.generation == generation:
            return
        view = PoolView(self.store)  # evaluated in the store's query workers, not under this GIL
        entries = self._position.new_entries(view, self.iris)
        if entries:
            graphs = sorted({graph for graph, _moment in entries.values()})
            self._index = update(self._built.state, view, graphs, generation)
            self._built.index = self._index
            self._position.advance(entries)
        after = self.store.generation()  # read last: every entry read above is counted by now
        if entries:
            # A write that committed after the generation was read may already be applied; its
            # generation will then show no new entry, which is not a gap.
            self._uncertain_until = after if after > generation else None
            return
        if self._uncertain_until is not None and generation <= self._uncertain_until:
            self._index = self._built.index = dataclasses.replace(self._index, generation=generation)
            return
        log.info("partner index: generation %s not explained by the change log; full build", generation)
        self._rebuild(generation)

    def _full_build(self, generation: int | None = None) -> None:
        generation = self.store.generation() if generation is None else generation
        with self.store.snapshot("public") as view:
            position = LogPosition()
            position.advance(position.new_entries(view, self.iris))
        built = build_state(self.store, self.iris, generation=generation)
        self.full_builds += 1
        self._full_seconds = built.index.build_seconds
        self._built, self._index, self._position = built, built.index, position
        self._uncertain_until = None

    def _rebuild(self, generation: int) -> None:
        if self._full_seconds <= SYNC_BUILD_SECONDS:
            self._full_build(generation)
            return
        self._rebuilding = True

        def run() -> None:
            try:
                with self._lock:
                    self._full_build(generation)
            except Exception:  # the old index keeps answering; the next poll retries and logs again
                log.exception("partner index rebuild failed")
            finally:
                self._rebuilding = False

        threading.Thread(target=run, name="partner-index-rebuild", daemon=True).start()

    def _start_follower(self) -> None:
        if not self.follow:
            return
        ref = weakref.ref(self)
        stop = self._stop

        def follow() -> None:
            while not stop.wait(POLL_SECONDS):
                holder = ref()
                if holder is None:
                    return
                try:
                    holder.poll()
                except Exception:  # logged; get() retries and reports to the caller
                    log.exception("partner index: following the change log failed")
                del holder

        threading.Thread(target=follow, name="partner-index-follower", daemon=True).start()

