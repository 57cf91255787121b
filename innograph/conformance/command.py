"""``innograph conformance``: replay the W3C SPARQL tests against any endpoint over HTTP.

    innograph conformance --suite ../shared/w3c-tests --endpoint http://127.0.0.1:8000/sparql \\
        [--update-endpoint URL] [--token T] [--manifest sparql11/protocol/manifest.ttl ...] [-v]

Prints passed/failed/skipped per manifest and a total line. Replayed: protocol tests, query
evaluation and result-format tests, syntax tests (sent to the endpoint: 2xx or 4xx expected) and,
with ``--manifest sparql11/manifest-sparql11-update.ttl``, update evaluation tests (the whole
dataset is read back and compared). Entailment, SERVICE, LOAD and withdrawn tests are skipped.
Exit code 0 when nothing failed, 1 when a test failed, 2 when the suite or the endpoint cannot be
used. Every test begins with ``DROP ALL`` on the update endpoint: run it against a scratch store,
never a real one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from innograph.conformance.manifest import IriMap, load_manifests
from innograph.conformance.runner import Endpoint, run_test

DEFAULT_MANIFESTS = (
    "sparql11/protocol/manifest.ttl",
    "sparql11/manifest-sparql11-query.ttl",
    "sparql11/manifest-sparql11-results.ttl",
    "sparql10/manifest-evaluation.ttl",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--suite", required=True, type=Path, help="Folder of the W3C tests (holding sparql11/).")
    parser.add_argument("--endpoint", required=True, help="SPARQL query endpoint URL.")
    parser.add_argument("--update-endpoint", help="SPARQL update endpoint URL (default: the query endpoint).")
    parser.add_argument("--token", help="Bearer token sent with every request (needed for updates on innograph).")
    parser.add_argument(
        "--manifest",
        action="append",
        help="Manifest to run, relative to the suite (repeatable). Default: protocol, sparql11 query and "
        "results formats, sparql10 evaluation. Also useful: sparql11/manifest-sparql11-update.ttl.",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="Seconds per HTTP request (default 30).")
    parser.add_argument("-v", "--verbose", action="store_true", help="List every failed test with its reason.")


def _suite_root(folder: Path) -> Path:
    """Accept the folder holding ``sparql/`` as well as ``sparql/`` itself."""
    return folder / "sparql" if (folder / "sparql").is_dir() else folder


def run(args: argparse.Namespace) -> int:
    suite = _suite_root(args.suite)
    names = args.manifest or list(DEFAULT_MANIFESTS)
    paths = [p if p.is_absolute() else suite / p for p in map(Path, names)]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"innograph conformance: manifest not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    iris = IriMap(suite)
    endpoint = Endpoint(args.endpoint, args.update_endpoint, args.token, args.timeout)
    try:
        endpoint.reset()
    except Exception as exc:  # unreachable endpoint, refused update: nothing can run
        print(f"innograph conformance: {exc}", file=sys.stderr)
        endpoint.close()
        return 2
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    width = 60
    print(f"{'manifest':<{width}} {'passed':>7} {'failed':>7} {'skipped':>8}")
    try:
        for path in paths:
            for manifest in load_manifests(path, iris):
                counts = {"passed": 0, "failed": 0, "skipped": 0}
                failures = []
                for test in manifest.tests:
                    outcome = run_test(endpoint, test, iris)
                    counts[outcome.status] += 1
                    if outcome.status == "failed":
                        failures.append(f"    FAIL {test.name} ({test.iri.rsplit('#', 1)[-1]}): {outcome.reason}")
                name = _display(manifest.path, suite)
                print(f"{name:<{width}} {counts['passed']:>7} {counts['failed']:>7} {counts['skipped']:>8}")
                if args.verbose:
                    print("\n".join(failures)) if failures else None
                for key in totals:
                    totals[key] += counts[key]
                sys.stdout.flush()
    finally:
        endpoint.close()
    print(f"{'TOTAL':<{width}} {totals['passed']:>7} {totals['failed']:>7} {totals['skipped']:>8}")
    return 1 if totals["failed"] else 0


def _display(path: Path, suite: Path) -> str:
    try:
        return path.resolve().relative_to(suite.resolve()).as_posix()
    except ValueError:
        return str(path)
