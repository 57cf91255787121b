"""The ``innograph`` command. Each subcommand lives in its own module, which exposes
``add_arguments(parser)`` and ``run(args) -> exit code``.

Every command module is imported plainly: a missing or broken part is an import error at start-up,
never a smaller command. (Building the parser already needed every module's ``add_arguments``.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from innograph import dump, ingest
from innograph.conformance import command as conformance
from innograph.harvest import command as harvest
from innograph.imports import command as import_command
from innograph.imports import resolve_command
from innograph.loaders.extract import command as extract
from innograph.ontology import build as ontology_build
from innograph.ontology import validate
from innograph.partners import command as partners
from innograph.server import main as serve

# subcommand -> (module, help)
COMMANDS: dict[str, tuple[ModuleType, str]] = {
    "ingest": (ingest, "Load documents (files or folders) into the store, one named graph each."),
    "harvest": (harvest, "Fetch web pages (URLs, sitemaps, feeds, crawls) into the store, one named graph each."),
    "serve": (serve, "Serve the SPARQL endpoint, linked data and the web UI."),
    "extract": (extract, "Extract one document and print its graph or summary."),
    "dump": (dump, "Write the public graph as gzipped N-Quads and Turtle."),
    "validate": (validate, "Validate a store or an RDF file against the SHACL shapes."),
    "conformance": (conformance, "Replay the W3C SPARQL 1.1 tests against an endpoint."),
    "partners": (partners, "Suggest cross-border partners (like GET /api/partners)."),
    "import": (import_command, "Import open data (CORDIS bulk files, lists of operations) into the store."),
    "resolve": (resolve_command, "Link the nodes that name one organisation across sources; list cases to review."),
    "ontology": (ontology_build, "Rebuild ontology/innograph.ttl and its documentation."),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="innograph", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(_run=module.run)
        module.add_arguments(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    exit_code: int = args._run(args)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
