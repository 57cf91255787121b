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
from typing import Protocol

from innograph.iris import Iris
from innograph.partners.build import Built, Handover, InProcessBuilder, update
from innograph.partners.index import PartnerIndex
from innograph.partners.index_log import LogPosition, PoolView
from innograph.store import Store

log = logging.getLogger(__name__)

SYNC_BUILD_SECONDS = 2.0
POLL_SECONDS = 0.2


class FullBuilder(Protocol):
    """Who does a full build: ``build.InProcessBuilder``, or ``builder.ProcessBuilder`` (the server)."""

    def build(self, store: Store, iris: Iris, generation: int) -> Handover: ...


class IndexHolder:
    """Keeps one PartnerIndex in step with a store (see the module docstring)."""

    def __init__(self, store: Store, iris: Iris, *, follow: bool = True, builder: FullBuilder | None = None) -> None:
        self.store = store
        self.iris = iris
        self.follow = follow
        self.builder: FullBuilder = builder or InProcessBuilder()  # the server passes a ProcessBuilder
        self.full_builds = 0  # how many times the whole graph was read (tests, benchmarks)
        self._built: Built | None = None
        self._index: PartnerIndex | None = None
        self._position = LogPosition()
        self._uncertain_until: int | None = None  # see _catch_up
        self._lock = threading.Lock()
        self._rebuilding = False
        self._full_seconds = 0.0  # time of the last full build
        self.last_handover: Handover | None = None  # the last full build's figures (benchmarks)
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
        handover = self.builder.build(self.store, self.iris, generation)
        index = handover.state.publish(generation)
        index.build_seconds = handover.seconds + handover.load_seconds
        self.full_builds += 1
        self.last_handover = handover
        self._full_seconds = index.build_seconds
        self._built, self._index, self._position = Built(handover.state, index), index, handover.position
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

