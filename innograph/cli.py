"""The ``innograph`` command. Each subcommand lives in its own module and is imported lazily,
so ``innograph --help`` stays fast and a broken optional part never breaks the others."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# subcommand -> (module, function, help). The function takes (args) and returns an exit code;
# the module also exposes ``add_arguments(parser)``.
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("innograph.ingest", "Load documents (files or folders) into the store, one named graph each."),
    "serve": ("innograph.server.main", "Serve the SPARQL endpoint, linked data and the web UI."),
    "extract": ("innograph.loaders.extract.command", "Extract one document and print its graph or summary."),
    "dump": ("innograph.dump", "Write the public graph as gzipped N-Quads and Turtle."),
    "validate": ("innograph.ontology.validate", "Validate a store or an RDF file against the SHACL shapes."),
    "conformance": ("innograph.conformance", "Replay the W3C SPARQL 1.1 tests against an endpoint."),
    "partners": ("innograph.partners.command", "Suggest cross-border partners (like GET /api/partners)."),
    "ontology": ("innograph.ontology.build", "Rebuild ontology/innograph.ttl and its documentation."),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="innograph", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        try:
            importlib.import_module(module).add_arguments(p)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                p.set_defaults(_missing=f"'{name}' is not available in this build ({exc.name})")
            else:
                raise
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "_missing", None):
        print(f"innograph: {args._missing}", file=sys.stderr)
        return 2
    run: Callable[[argparse.Namespace], int] = importlib.import_module(args._module).run
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
