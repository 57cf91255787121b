"""The full build in a separate process (``innograph.partners.builder``): a real child process
opens the same on-disk store from the server's settings, and what it hands over publishes the same
index as a build in this process, and keeps following the change log afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import IRIS
from pyoxigraph import RdfFormat
from test_partners_incremental import ORG, STEPS, canonical

from innograph.partners.build import InProcessBuilder, build
from innograph.partners.builder import BuildFailed, ProcessBuilder
from innograph.partners.holder import IndexHolder
from innograph.partners.synthetic import generate
from innograph.settings import Settings
from innograph.store.embedded import EmbeddedStore

pytestmark = pytest.mark.slow  # starts Python processes that import the whole package


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    generate(tmp_path / "graph.nq", 200, IRIS)
    store = EmbeddedStore(tmp_path / "store", IRIS, workers=1, timeout=10.0)
    store.bulk_load(tmp_path / "graph.nq", RdfFormat.N_QUADS, partitions=("public",))
    yield store
    store.close()


def test_the_builder_process_hands_over_what_a_build_here_gives(store: EmbeddedStore, tmp_path: Path) -> None:
    STEPS["an organisation moves country"](store)  # a change-log entry: the position is handed over too
    generation = store.generation()
    builder = ProcessBuilder(Settings(store=tmp_path / "store", base_iri=IRIS.base))
    handover = builder.build(store, IRIS, generation)
    here = InProcessBuilder().build(store, IRIS, generation)
    assert canonical(handover.state.publish(generation)) == canonical(here.state.publish(generation))
    assert handover.position == here.position and len(handover.position.applied) == 1
    assert handover.seconds > 0 and handover.load_seconds > 0


def test_a_holder_with_the_builder_process_follows_the_log_afterwards(store: EmbeddedStore, tmp_path: Path) -> None:
    holder = IndexHolder(store, IRIS, follow=False,
                         builder=ProcessBuilder(Settings(store=tmp_path / "store", base_iri=IRIS.base)))
    assert holder.get().country_of(holder.get().pos[ORG]) == "IT"
    for change in STEPS.values():
        change(store)
        assert canonical(holder.get()) == canonical(build(store, IRIS))
    assert holder.full_builds == 1 and holder.get().country_of(holder.get().pos[ORG]) == "DK"


def test_settings_that_open_another_store_fail_loudly(store: EmbeddedStore, tmp_path: Path) -> None:
    builder = ProcessBuilder(Settings(store=tmp_path / "another-store", base_iri=IRIS.base))
    with pytest.raises(BuildFailed, match="another-store"):
        builder.build(store, IRIS, store.generation())


_BLOCKED_CHILD = (
    "import ctypes, os, sys\n"
    "from innograph.partners.builder import _exit_with_parent\n"
    "_exit_with_parent(int(sys.argv[1]))\n"
    "print(os.getpid(), flush=True)\n"
    "ctypes.PyDLL(None).sleep(120)  # in C with the interpreter lock held, like a long query\n"
)
_PARENT = (
    "import os, subprocess, sys, time\n"
    "child = subprocess.Popen([sys.executable, '-c', sys.argv[1], str(os.getpid())], stdout=subprocess.PIPE)\n"
    "print(child.stdout.readline().decode().strip(), flush=True)\n"
    "time.sleep(120)\n"
)


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_builder_dies_with_its_server_even_inside_a_call_that_holds_the_interpreter_lock() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, _BLOCKED_CHILD], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 60  # a bound for a busy machine, not a measured time
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive
