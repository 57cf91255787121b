"""The server side of dumps: make them on first request (or when the store has moved on)."""

from __future__ import annotations

import threading
from pathlib import Path

from innograph.server.linked.rdf import prefixes

from innograph.dump import DumpFile, default_dir, read_manifest, write_dumps
from innograph.iris import Iris
from innograph.store import Store

_lock = threading.Lock()


def dumps_dir(store: Store, store_setting: Path) -> Path:
    """Beside the store's own files; for a store without a folder (remote), beside the setting."""
    return default_dir(store.data_dir or store_setting)


def current_dumps(store: Store, iris: Iris, folder: Path) -> list[DumpFile]:
    """The dumps of the current store generation, written now if missing or stale."""
    with _lock:
        found = read_manifest(folder)
        if found is not None and found[0] == store.generation():
            return found[1]
        return write_dumps(store, folder, prefixes(iris))
