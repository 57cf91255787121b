"""The full build of the partner index in a separate process, handed over as a pickle.

Why: a full build (start-up, or a write the change log does not explain) reads the whole public
partition and derives the index: ~16 s of Python at 100,000 organisations. Run in a thread of the
server process it holds the interpreter lock the event loop needs, and ``/sparql`` latency moves
(bench/PARTNERS.md). Here a child process (``python -m innograph.partners.builder``, like the store's
query workers: no fork of a threaded server) opens the store the server's settings describe, reads
the change-log position and every graph, derives the state and writes it (a ``Handover``) as
one pickle to a temporary file. The server loads it in a
background thread through a reader that gives the interpreter lock away between pickle frames
(``_YieldingReader``), so the event loop waits at most a frame (~64 KB of objects) at a time,
then publishes the index.

The child checks that it opened the same store as the server (``Store.data_dir``) and fails
loudly otherwise; a failed child raises :class:`BuildFailed` with its error output.

Not niced: at niceness 10 on this shared 2-core machine (load ~15) the child got 29 s of CPU in
11 minutes, and while a rebuild runs the index does not follow the change log (bench/PARTNERS.md).
"""

from __future__ import annotations

import ctypes
import io
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innograph.iris import Iris
from innograph.partners.build import Handover, InProcessBuilder
from innograph.settings import Settings
from innograph.store import Store, open_store

BUILD_TIMEOUT_SECONDS = 3600.0  # a child still reading after this is stuck: killed, and the build fails


class BuildFailed(RuntimeError):
    """The builder process failed; the message carries its error output."""


class _YieldingReader:
    """A file for ``pickle.Unpickler`` that releases the interpreter lock before each read, so a
    thread waiting for it (the event loop) gets it between frames."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        time.sleep(0)
        return self.raw.read(size)

    def readinto(self, buffer: Any) -> int:
        time.sleep(0)
        return self.raw.readinto(buffer)

    def readline(self) -> bytes:
        return self.raw.readline()


@dataclass(frozen=True)
class ProcessBuilder:
    """Full builds in a child process for the store ``settings`` describe (see the module docstring)."""

    settings: Settings

    def build(self, store: Store, iris: Iris, generation: int) -> Handover:
        if iris.base != self.settings.iris.base:
            raise BuildFailed(f"the settings mint IRIs under {self.settings.iris.base}, the index under {iris.base}")
        with tempfile.TemporaryDirectory(prefix="innograph-partner-index-") as folder:
            out = Path(folder) / "state.pickle"
            expected = str(store.data_dir.resolve()) if store.data_dir is not None else "-"
            command = [sys.executable, "-m", "innograph.partners.builder", str(os.getpid()), str(generation),
                       str(out), expected]
            started = time.perf_counter()
            done = subprocess.run(command, input=self.settings.model_dump_json().encode(),
                                  capture_output=True, check=False, timeout=BUILD_TIMEOUT_SECONDS)
            child_seconds = time.perf_counter() - started
            if done.returncode != 0:
                raise BuildFailed(f"partner index builder exited with {done.returncode}: "
                                  f"{done.stderr.decode(errors='replace')[-2000:]}")
            started = time.perf_counter()
            with out.open("rb", buffering=0) as raw:
                handover: Handover = pickle.Unpickler(_YieldingReader(raw)).load()
            handover.seconds = child_seconds
            handover.pickle_bytes = out.stat().st_size
            handover.load_seconds = time.perf_counter() - started
            return handover


PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


def _exit_with_parent(parent: int) -> None:
    """Stop the builder when the server that started it (``parent``, passed in: it may be gone
    before this process is up) is gone, killed mid-build: nobody would load its pickle, and it
    would hold a core and the temporary folder.

    On Linux the kernel kills it (``PR_SET_PDEATHSIG``): a watching thread alone is not enough,
    because one long query evaluation holds the interpreter lock for minutes on a large store (a
    builder outlived its stopped server by 18 minutes at 10 M quads). Elsewhere, the thread."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
        if os.getppid() != parent:  # died before the signal was armed
            os._exit(3)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(3)

    threading.Thread(target=watch, name="builder-parent-watch", daemon=True).start()


def _child(parent: int, generation: int, out: Path, expected_dir: str) -> None:
    """In the builder process: build the state of the store the settings on stdin describe."""
    _exit_with_parent(parent)
    settings = Settings.model_validate_json(sys.stdin.buffer.read())
    store = open_store(settings)
    try:
        found = str(store.data_dir.resolve()) if store.data_dir is not None else "-"
        if found != expected_dir:
            raise BuildFailed(f"the settings open {found}, not the server's store {expected_dir}")
        handover = InProcessBuilder().build(store, settings.iris, generation)
        with out.open("wb") as sink:
            pickle.dump(handover, sink, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        store.close()


if __name__ == "__main__":
    _child(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
