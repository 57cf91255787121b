"""Limits that hold: a runaway query is killed at the time limit while other queries answer.

Real uvicorn and real worker processes (slow), except the size cap, which the worker enforces
before any byte is sent (in-process)."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import IRIS, TOKEN, Api, LiveServer, seeded_server


def values(name: str, n: int) -> str:
    return f"VALUES ?{name} {{ {' '.join(str(i) for i in range(n))} }}"


# Six 32-row VALUES blocks: 32^6 = 1.07e9 rows counted by a blocking aggregate; about 60 s of CPU
# in pyoxigraph on the development machine (measured 115 s), far beyond the test's 2 s limit.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(values(v, 32) for v in "abcdef") + " }"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LOOKUP = f"SELECT ?label WHERE {{ <{IRIS.entity('org', 'doc-a')}> <{RDFS_LABEL}> ?label }}"
# The same lookup in a shape the server does not answer in-process (a FILTER): a worker answers it.
POOLED_LOOKUP = LOOKUP.replace("?label }", "?label FILTER(isLiteral(?label)) }")
# The runaway's limit. It was 2 s, and the test failed now and then on the loaded VM: the lookup
# (a new client, a request, in the process that also runs the server) must finish before the
# runaway is stopped, and a stall of the machine could outlast 2 s. A wider margin, same property.
RUNAWAY_LIMIT = 6.0


@pytest.mark.slow  # a real server: the time limit kills a worker while another answers
def test_runaway_query_is_killed_while_a_lookup_answers(tmp_path: Path) -> None:
    with seeded_server(tmp_path / "store", token=TOKEN, query_timeout=RUNAWAY_LIMIT, query_workers=2) as server:
        pool = server.store.pool
        workers = {w.process.pid for w in list(pool._free.queue)}
        assert len(workers) == 2
        with httpx.Client(base_url=server.url, timeout=30) as c:  # the worker and the in-process path answer
            assert [c.get("/sparql", params={"query": q}).status_code for q in (POOLED_LOOKUP, LOOKUP)] == [200, 200]
        outcome: dict[str, object] = {}

        def runaway() -> None:
            started = time.perf_counter()
            with httpx.Client(base_url=server.url, timeout=120) as c:
                outcome["response"] = c.get("/sparql", params={"query": RUNAWAY})
            outcome["seconds"] = time.perf_counter() - started

        thread = threading.Thread(target=runaway)
        thread.start()
        deadline = time.monotonic() + 30
        while pool._free.qsize() != 1 and time.monotonic() < deadline:  # wait until a worker took it
            time.sleep(0.01)
        busy = workers - {w.process.pid for w in list(pool._free.queue)}
        assert len(busy) == 1
        (busy_pid,) = busy

        answered_in_process = server.store.direct.answered
        with httpx.Client(base_url=server.url, timeout=30) as c:
            started = time.perf_counter()
            lookups = [c.get("/sparql", params={"query": q}) for q in (POOLED_LOOKUP, LOOKUP)]
            lookup_seconds = time.perf_counter() - started
        assert thread.is_alive(), "the lookups must have answered while the runaway was still running"
        assert server.store.direct.answered == answered_in_process + 1  # one by the free worker, one here
        for lookup in lookups:
            assert lookup.status_code == 200
            assert lookup.json()["results"]["bindings"][0]["label"]["value"] == "Organisation doc-a"

        thread.join(60)
        response = outcome["response"]
        assert isinstance(response, httpx.Response)
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "query_timeout"
        assert response.headers["retry-after"]
        assert response.headers["cache-control"] == "no-store"
        assert float(outcome["seconds"]) < 40  # type: ignore[arg-type]  # stopped, not finished (~60 s)
        assert pool.killed == 1
        # The worker that ran it is gone: killed and reaped, so its CPU is back.
        try:
            os.kill(busy_pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        assert not alive
        assert not Path(f"/proc/{busy_pid}").exists()

        # The server keeps answering, on the remaining worker and on the respawned one.
        with httpx.Client(base_url=server.url, timeout=30) as c:
            after = [c.get("/sparql", params={"query": q}).status_code for q in (POOLED_LOOKUP, LOOKUP) * 2]
        assert after == [200] * 4
        print(
            f"\nrunaway stopped after {outcome['seconds']:.2f} s (limit {RUNAWAY_LIMIT:g} s); "
            f"two lookups during the runaway (a worker's, in-process): {lookup_seconds * 1000:.1f} ms"
        )


def test_result_size_cap_gives_422_never_a_truncated_200(shared_api: Api) -> None:
    pairs = values("a", 100) + " " + values("b", 100)
    big = "SELECT ?x WHERE { " + pairs + ' BIND(CONCAT(STR(?a), "-", STR(?b)) AS ?x) }'
    small = "SELECT ?x WHERE { " + values("a", 10) + ' BIND(STR(?a) AS ?x) }'
    with shared_api.client() as c:
        too_big = c.get("/sparql", params={"query": big})
        fine = c.get("/sparql", params={"query": small})
    assert too_big.status_code == 422
    assert too_big.json()["error"]["code"] == "result_too_large"
    assert fine.status_code == 200
    assert len(fine.json()["results"]["bindings"]) == 10


def test_more_concurrent_queries_than_workers_all_answer(shared_server: LiveServer) -> None:
    """24 lookups at once on 2 workers: the extra ones wait for a worker, none fails or starves."""
    from concurrent.futures import ThreadPoolExecutor

    def lookup(_: int) -> int:
        with httpx.Client(base_url=shared_server.url, timeout=30) as c:
            return c.get("/sparql", params={"query": LOOKUP}).status_code

    with ThreadPoolExecutor(24) as pool:
        statuses = list(pool.map(lookup, range(48)))
    assert statuses == [200] * 48


@pytest.mark.slow  # a real server and a worker killed from outside
def test_a_worker_killed_while_idle_is_replaced_without_failing_a_request(tmp_path: Path) -> None:
    with seeded_server(tmp_path / "store", query_workers=2) as server:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            assert c.get("/sparql", params={"query": LOOKUP}).status_code == 200
            pid = next(iter(server.store.pool._free.queue)).process.pid
            os.kill(pid, signal.SIGKILL)  # from outside, as the OOM killer would
            deadline = time.monotonic() + 10
            while Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z":
                assert time.monotonic() < deadline
                time.sleep(0.01)
            statuses = [c.get("/sparql", params={"query": LOOKUP}).status_code for _ in range(6)]
        assert statuses == [200] * 6


def test_replies_bigger_than_the_socket_buffer_come_through_every_time(live_server: LiveServer) -> None:
    """A ~400 kB result arrives in pieces from the worker; the event loop must wait for all of it."""
    pairs = values("a", 100) + " " + values("b", 100)
    big = "SELECT ?x WHERE { " + pairs + ' BIND(CONCAT("padding-padding-padding-", STR(?a), "-", STR(?b)) AS ?x) }'
    with live_server.client() as c:
        sizes = [len(c.get("/sparql", params={"query": big}).content) for _ in range(4)]
        statuses = [c.get("/sparql", params={"query": LOOKUP}).status_code for _ in range(3)]
    assert sizes[0] > 300_000
    assert sizes == [sizes[0]] * 4
    assert statuses == [200] * 3
