"""``innograph serve`` starts a real server; its flags override the INNOGRAPH_* settings."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import free_port


@pytest.mark.slow  # starts `innograph serve` in a process of its own
def test_serve_command_answers_sparql(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "INNOGRAPH_PORT": "1", "INNOGRAPH_STORE": str(tmp_path / "ignored")}
    process = subprocess.Popen(
        [sys.executable, "-m", "innograph.cli", "serve", "--store", str(tmp_path / "store"), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        response = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response is not None, process.stderr.read().decode() if process.stderr else ""
        assert response.status_code == 200
        assert response.json() == {"head": {}, "boolean": True}
        assert (tmp_path / "store" / "public").is_dir()  # --store won over INNOGRAPH_STORE
        assert not (tmp_path / "ignored").exists()
    finally:
        process.terminate()
        process.wait(20)
    assert process.returncode is not None  # stopped on SIGTERM (uvicorn re-raises it after shutdown)
