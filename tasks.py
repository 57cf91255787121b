#!/usr/bin/env python3
"""The two commands of the README's quick start. Needs only Python 3.11+ (and Java for the reasoner).

    python3 tasks.py serve   # set up .venv, ingest data/ into the embedded store, serve on :8000
    python3 tasks.py test    # set up .venv and the test tools, run the whole test suite
    python3 tasks.py test -m "not slow"   # the quick loop: no real server processes (tests/README.md)

Both create or refresh the virtual environment at ``.venv`` from the pinned ``requirements.lock``
and install the ``innograph`` command there. Extra arguments go to ``innograph serve`` or pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".innograph-installed"
SETUPTOOLS = "setuptools==80.9.0"  # the build backend, pinned like everything else
SYSTEM_TEST_PACKAGES = {
    "chromedriver": ["chromium", "chromium-driver"],
    "java": ["default-jre-headless"],
    "virtuoso-t": ["virtuoso-opensource"],  # the Virtuoso backend tests start private instances (never the service)
}


def sh(*cmd: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on the system Python
        sys.exit("innograph needs Python 3.11 or newer")
    inputs = b"".join((ROOT / name).read_bytes() for name in ("requirements.lock", "pyproject.toml", "setup.py"))
    wanted = hashlib.sha256(inputs).hexdigest()
    if not (BIN / "python").exists():
        sh(sys.executable, "-m", "venv", VENV)
    if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "innograph").exists():
        return
    pip = [BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    sh(*pip, SETUPTOOLS, "wheel")
    sh(*pip, "-r", ROOT / "requirements.lock")
    sh(*pip, "--no-deps", "--no-build-isolation", "-e", ROOT)
    STAMP.write_text(wanted)


def ensure_system_test_tools() -> None:
    """Chromium + ChromeDriver for the page tests, Java for the reasoner, Virtuoso for the remote
    backend tests (Debian packages; installing Virtuoso does not start its service in a container)."""
    missing = [pkg for tool, pkgs in SYSTEM_TEST_PACKAGES.items() if not shutil.which(tool) for pkg in pkgs]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(f"note: {', '.join(missing)} not installed and apt-get unavailable: "
              "the tests that need them will be skipped", file=sys.stderr)
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    sh("apt-get", "update", "-qq", env=env)
    sh("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def serve(args: list[str]) -> int:
    ensure_venv()
    os.chdir(ROOT)
    ingest = subprocess.run([BIN / "innograph", "ingest", "data"])
    if ingest.returncode != 0:
        print("some documents failed to ingest (see above); serving what was loaded", file=sys.stderr)
    os.execv(BIN / "innograph", [str(BIN / "innograph"), "serve", *args])
    return 0


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_system_test_tools()
    os.chdir(ROOT)
    return subprocess.run([BIN / "python", "-m", "pytest", *args]).returncode


def main() -> int:
    commands = {"serve": serve, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
