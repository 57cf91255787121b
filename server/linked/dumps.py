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
    root = getattr(store, "root", None)
    return default_dir(Path(root) if root is not None else store_setting)


def current_dumps(store: Store, iris: Iris, folder: Path) -> list[DumpFile]:
    """The dumps of the current store generation, written now if missing or stale."""
    with _lock:
        found = read_manifest(folder)
        if found is not None and found[0] == store.generation():
            return found[1]
        return write_dumps(store, folder, prefixes(iris))
