"""`innograph conformance` on a tiny suite of our own (tests/fixtures/conformance), over real HTTP:
against a real `oxigraph serve`, and against our own server. The W3C suite itself is used only when
`shared/w3c-tests` beside the checkout (or INNOGRAPH_W3C_TESTS) is present."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, LiveServer, free_port

from innograph.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "conformance"
SHARED = Path(__file__).resolve().parents[2] / "shared"  # evaluation data beside the checkout
W3C_TESTS = Path(os.environ.get("INNOGRAPH_W3C_TESTS", SHARED / "w3c-tests"))
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


@pytest.fixture
def oxigraph_endpoint() -> Iterator[str]:
    """A fresh in-memory `oxigraph serve` on 127.0.0.1; yields its /sparql URL."""
    if OXIGRAPH is None:
        pytest.skip("the `oxigraph` command (PyPI package oxigraph, test extra) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def table(output: str) -> dict[str, tuple[int, int, int]]:
    """The printed counts: manifest (or TOTAL) -> (passed, failed, skipped)."""
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[1].isdigit():
            rows[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]))
    return rows


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["conformance", *args])
    return code, capsys.readouterr().out


@pytest.mark.remote
def test_tiny_suite_against_oxigraph_serve(oxigraph_endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(
        capsys, "--suite", str(FIXTURES), "--manifest", "manifest.ttl", "--endpoint", oxigraph_endpoint, "-v"
    )
    counts = table(out)
    assert counts["eval/manifest.ttl"] == (3, 1, 2)  # SERVICE and withdrawn skipped, one failure planted
    assert counts["protocol/manifest.ttl"] == (2, 0, 0)
    assert counts["update/manifest.ttl"] == (1, 0, 0)
    assert counts["TOTAL"] == (6, 1, 2)
    assert "FAIL ASK whose expected answer is wrong" in out and "expected False, got True" in out
    assert code == 1  # a failed test makes the command fail


def test_tiny_suite_against_our_server(live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(
        capsys,
        "--suite", str(FIXTURES),
        "--manifest", "eval/manifest.ttl",
        "--manifest", "protocol/manifest.ttl",
        "--manifest", "update/manifest.ttl",
        "--endpoint", f"{live_server.url}/sparql",
        "--token", TOKEN,
    )  # fmt: skip
    assert table(out)["TOTAL"] == (6, 1, 2), out
    assert code == 1


def test_refused_updates_stop_the_run_with_a_clear_message(
    live_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "conformance",
            "--suite",
            str(FIXTURES),
            "--manifest",
            "manifest.ttl",
            "--endpoint",
            f"{live_server.url}/sparql",
        ]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert "DROP ALL" in captured.err and "401" in captured.err


def test_missing_manifest_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["conformance", "--suite", str(FIXTURES), "--manifest", "nope.ttl", "--endpoint", "http://127.0.0.1:9"])
    assert code == 2
    assert "nope.ttl" in capsys.readouterr().err


@pytest.mark.remote
@pytest.mark.skipif(not (W3C_TESTS / "sparql").is_dir(), reason=f"W3C test data not present at {W3C_TESTS}")
def test_w3c_protocol_suite_passes_on_oxigraph_serve(
    oxigraph_endpoint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_cli(
        capsys,
        "--suite",
        str(W3C_TESTS),
        "--manifest",
        "sparql11/protocol/manifest.ttl",
        "--endpoint",
        oxigraph_endpoint,
    )
    assert table(out)["TOTAL"] == (34, 0, 0), out
    assert code == 0


@pytest.mark.slow
@pytest.mark.skipif(not (W3C_TESTS / "sparql").is_dir(), reason=f"W3C test data not present at {W3C_TESTS}")
def test_w3c_protocol_suite_passes_on_our_server(live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    protocol = "sparql11/protocol/manifest.ttl"
    endpoint = f"{live_server.url}/sparql"
    args = ["--suite", str(W3C_TESTS), "--manifest", protocol, "--endpoint", endpoint, "--token", TOKEN]
    code, out = run_cli(capsys, *args)
    assert table(out)["TOTAL"] == (34, 0, 0), out
    assert code == 0
