"""The partner index of a store, kept in step with the store's writes.

Freshness: ``IndexHolder.get()`` compares ``store.generation()`` (bumped by every committed write)
with the generation the index was built from. A small graph (last build under
``SYNC_BUILD_SECONDS``) is rebuilt before answering, so an answer always reflects the last write;
a big one is rebuilt in a background thread while the previous index keeps answering (each answer
says which generation it reflects).
"""

from __future__ import annotations

import logging
import threading

from innograph.iris import Iris
from innograph.partners.build import build
from innograph.partners.index import PartnerIndex
from innograph.store import Store

log = logging.getLogger(__name__)

SYNC_BUILD_SECONDS = 2.0


class IndexHolder:
    """Keeps one PartnerIndex in step with a store (see the module docstring)."""

    def __init__(self, store: Store, iris: Iris) -> None:
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
            except Exception:  # the old index keeps answering; the next request retries and logs again
                log.exception("partner index rebuild failed")
            finally:
                self._building = False

        threading.Thread(target=run, name="partner-index", daemon=True).start()
