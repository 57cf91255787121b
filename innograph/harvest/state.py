"""The harvest state: one SQLite file next to the store (``harvest.sqlite`` in its folder, or
``INNOGRAPH_HARVEST_STATE``).

- ``pages``: per URL (as queued, the first of its redirect chain): the final URL and its graph,
  the HTTP validators, the last status and outcome, when it was last checked and last changed,
  when it is due again, and (for crawled pages) the links it had, so a 304 still leads on;
- ``runs`` and ``queue``: the frontier of each run. A URL's row is marked done in the same
  transaction that records its outcome, after its graph is committed to the store, so a run
  killed at any point (``kill -9``) resumes with what was not done yet.

WAL journal with full sync: a committed transaction survives a kill and a power cut.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, final_url TEXT, graph TEXT, etag TEXT, last_modified TEXT, content_hash TEXT,
    status INTEGER, outcome TEXT, reason TEXT, checked REAL, changed REAL, due REAL, links TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, started REAL NOT NULL, finished REAL, seeded INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS queue (
    run INTEGER NOT NULL, url TEXT NOT NULL, depth INTEGER NOT NULL, scope TEXT, done INTEGER DEFAULT 0,
    seq INTEGER NOT NULL, PRIMARY KEY (run, url)
);
"""


@dataclass
class PageState:
    url: str
    final_url: str | None = None
    graph: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    status: int | None = None
    outcome: str | None = None  # new, changed, unchanged, failed, gone, removed, robots_denied
    reason: str | None = None
    checked: float | None = None
    changed: float | None = None
    due: float | None = None
    links: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class QueueItem:
    url: str
    depth: int = 0
    scope: str | None = None  # crawl scope prefix: the page's links are followed within it


_COLUMNS = [f.name for f in fields(PageState)]


class HarvestState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None)  # explicit transactions below
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # -- pages ---------------------------------------------------------------------------------

    def page(self, url: str) -> PageState | None:
        row = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM pages WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        values = dict(zip(_COLUMNS, row, strict=True))
        values["links"] = json.loads(values["links"] or "[]")
        return PageState(**values)

    def pages_of_graph(self, graph: str) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT url FROM pages WHERE graph = ?", (graph,))]

    def due(self, now: float) -> list[str]:
        """URLs due for a check: known pages whose due time has come (removed pages never are)."""
        rows = self._db.execute(
            "SELECT url FROM pages WHERE due IS NOT NULL AND due <= ? AND outcome != 'removed' ORDER BY due, url",
            (now,),
        )
        return [r[0] for r in rows]

    def is_due(self, url: str, now: float) -> bool:
        row = self._db.execute("SELECT due FROM pages WHERE url = ?", (url,)).fetchone()
        return row is None or row[0] is None or row[0] <= now

    def record(self, pages: Iterable[PageState], run: int | None = None, done: str | None = None) -> None:
        """Store the pages' states and, in the same transaction, mark ``done`` in the run's queue."""
        with self._transaction():
            for page in pages:
                values = asdict(page)
                values["links"] = json.dumps(values["links"])
                self._db.execute(
                    f"INSERT OR REPLACE INTO pages ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [values[c] for c in _COLUMNS],
                )
            if run is not None and done is not None:
                self._db.execute("UPDATE queue SET done = 1 WHERE run = ? AND url = ?", (run, done))

    # -- runs and their queues -----------------------------------------------------------------

    def start_run(self, key: str) -> tuple[int, bool]:
        """``(run id, resumed)``: the unfinished run with the same key is resumed; any other
        unfinished run is closed (its queue is not ours) and a new one starts."""
        with self._transaction():
            row = self._db.execute(
                "SELECT id FROM runs WHERE finished IS NULL AND key = ? ORDER BY id DESC LIMIT 1", (key,)
            ).fetchone()
            if row is not None:
                return int(row[0]), True
            now = time.time()
            self._db.execute("UPDATE runs SET finished = ? WHERE finished IS NULL", (now,))
            cursor = self._db.execute("INSERT INTO runs (key, started) VALUES (?, ?)", (key, now))
            return int(cursor.lastrowid or 0), False

    def is_seeded(self, run: int) -> bool:
        row = self._db.execute("SELECT seeded FROM runs WHERE id = ?", (run,)).fetchone()
        return bool(row and row[0])

    def seed(self, run: int, items: Sequence[QueueItem]) -> None:
        """The run's start URLs, all at once: a run killed while seeding seeds again."""
        with self._transaction():
            self._insert(run, items)
            self._db.execute("UPDATE runs SET seeded = 1 WHERE id = ?", (run,))

    def enqueue(self, run: int, items: Sequence[QueueItem]) -> list[QueueItem]:
        """Add URLs to the run's queue; returns those that were not in it yet."""
        with self._transaction():
            return self._insert(run, items)

    def _insert(self, run: int, items: Sequence[QueueItem]) -> list[QueueItem]:
        added = []
        (seq,) = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM queue WHERE run = ?", (run,)).fetchone()
        for item in items:
            seq += 1
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO queue (run, url, depth, scope, seq) VALUES (?, ?, ?, ?, ?)",
                (run, item.url, item.depth, item.scope, seq),
            )
            if cursor.rowcount:
                added.append(item)
        return added

    def pending(self, run: int) -> list[QueueItem]:
        rows = self._db.execute("SELECT url, depth, scope FROM queue WHERE run = ? AND done = 0 ORDER BY seq", (run,))
        return [QueueItem(url, depth, scope) for url, depth, scope in rows]

    def done_count(self, run: int) -> int:
        (count,) = self._db.execute("SELECT COUNT(*) FROM queue WHERE run = ? AND done = 1", (run,)).fetchone()
        return int(count)

    def finish_run(self, run: int) -> None:
        with self._transaction():
            self._db.execute("UPDATE runs SET finished = ? WHERE id = ?", (time.time(), run))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, trace: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
