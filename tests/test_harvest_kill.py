"""A real ``innograph harvest`` process killed with SIGKILL in the middle of a run resumes, when
run again, without fetching or writing again what it had committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harvest_site.helpers import TEST_ENV, change_events, graph_of, graphs
from harvest_site.site import MANY, Site


def done_urls(state: Path) -> set[str]:
    if not state.exists():
        return set()
    with sqlite3.connect(state) as db:
        try:
            return {row[0] for row in db.execute("SELECT url FROM queue WHERE done = 1")}
        except sqlite3.OperationalError:  # the schema is not there yet
            return set()


@pytest.mark.slow
def test_a_killed_harvest_resumes_without_redoing_what_was_committed(tmp_path: Path) -> None:
    site = Site()
    url = site.start()
    site.page_delay = 0.3  # slow enough to land the kill in the middle of the run
    store = tmp_path / "store"
    pages = [f"{url}/many/{n}.html" for n in range(MANY)]
    command = [sys.executable, "-m", "innograph.cli", "harvest", "--store", str(store), "--jobs", "1",
               "--no-progress", *pages]
    env = {**os.environ, **TEST_ENV}
    try:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 120
        while len(done_urls(store / "harvest.sqlite")) < 4 and process.poll() is None:
            assert time.monotonic() < deadline, "the harvest committed nothing in two minutes"
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        committed = done_urls(store / "harvest.sqlite")
        assert 4 <= len(committed) < MANY, "the kill did not land in the middle of the run"
        asked_before = {page: site.requests_for(page.removeprefix(url)) for page in pages}

        site.page_delay = 0.0
        resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert f"resumed an interrupted harvest: {len(committed)} pages were already done" in resumed.stdout
        again = [p for p in committed if site.requests_for(p.removeprefix(url)) != asked_before[p]]
        assert again == []  # nothing committed was fetched again
        stored = graphs(store)
        assert all(graph_of(p) in stored for p in pages)
        assert {p: change_events(store, graph_of(p)) for p in pages} == {p: ["created"] for p in pages}
    finally:
        site.stop()
