"""The embedded store's generation counter: ``{root}/generation``, an integer bumped after every
committed write. Query workers reopen their snapshot when it changes.

Its own module so that the worker (run as ``python -m innograph.store.worker``) is not imported
by the package before it runs.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_generation(root: Path) -> int:
    try:
        return int((root / "generation").read_text() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def generation_key(path: str) -> tuple[int, int] | None:
    """Changes whenever writers replace the generation file (a stat is ~5x cheaper than reading it)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)
