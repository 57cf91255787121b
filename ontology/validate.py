"""``innograph validate PATH``: check an RDF file or an embedded store directory against the SHACL
shapes (``ontology/shapes.ttl``) with pySHACL, print the violations, exit 1 when there are any.

The ontology is passed to pySHACL as ``ont_graph`` (so a shape on ig:Organisation also checks
ig:Company...). Reference entities the data points to (countries, regions, programmes, themes,
role types) are added from :mod:`innograph.ontology.reference`, so a document graph validates on
its own; ``--no-reference`` turns that off.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph
import pyshacl
from innograph.ontology import DEFAULT_BASE_IRI, SHAPES_FILE, ontology_graph
from innograph.ontology.reference_graph import reference_triples
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from innograph.namespaces import FOAF, RDF_TYPE, VCARD

FILE_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        return f"[{self.severity}] {self.focus}{where}{value}: {self.message}"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation]
    triples: int


@cache
def _shapes_text(base_iri: str) -> str:
    text = SHAPES_FILE.read_text(encoding="utf-8")
    return text if base_iri == DEFAULT_BASE_IRI else text.replace(DEFAULT_BASE_IRI, base_iri)


def shapes_graph(base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    return Graph().parse(data=_shapes_text(base_iri), format="turtle")


@cache
def _reference_index(base_iri: str) -> dict[Node, tuple[tuple[Node, Node, Node], ...]]:
    """Reference triples grouped by subject (rdflib terms), for pulling in what data points to."""
    text = pyoxigraph.serialize(reference_triples(base_iri), format=pyoxigraph.RdfFormat.N_TRIPLES)
    graph = Graph().parse(data=text, format="nt")
    index: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for triple in graph:
        index[triple[0]].append(triple)
    return {subject: tuple(triples) for subject, triples in index.items()}


def add_referenced_reference_data(data: Graph, base_iri: str = DEFAULT_BASE_IRI) -> int:
    """Copy into ``data`` the reference descriptions of every IRI it mentions (transitively)."""
    index = _reference_index(base_iri)
    todo = [node for node in set(data.objects()) | set(data.subjects()) if isinstance(node, URIRef)]
    seen: set[Node] = set()
    added = 0
    while todo:
        node = todo.pop()
        if node in seen or node not in index:
            continue
        seen.add(node)
        for triple in index[node]:
            if triple not in data:
                data.add(triple)
                added += 1
            if isinstance(triple[2], URIRef):
                todo.append(triple[2])
    return added


def store_directory(path: Path) -> Path:
    """The Oxigraph directory to read: ``path`` itself, or the ``full`` partition (public and
    personal graphs) of an innograph store root, else its ``public`` partition."""
    for candidate in (path, path / "full", path / "public"):
        if (candidate / "CURRENT").exists():
            return candidate
    raise ValueError(f"{path} is neither an Oxigraph store nor an innograph store root (full/, public/)")


def graph_from_store(path: Path) -> Graph:
    """Union of every named graph of an embedded (on-disk Oxigraph) store, opened read-only."""
    store = pyoxigraph.Store.read_only(str(store_directory(path)))
    text = pyoxigraph.serialize((quad.triple for quad in store), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=text, format="nt")


def graph_from_file(path: Path, rdf_format: str | None = None) -> Graph:
    fmt = rdf_format or FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path.name}; pass --format")
    if fmt in QUAD_FORMATS:
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        graph = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(path, format=fmt)


def validate_graph(data: Graph, base_iri: str = DEFAULT_BASE_IRI, with_reference: bool = True) -> Report:
    if with_reference:
        add_referenced_reference_data(data, base_iri)
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(base_iri),
        ont_graph=ontology_graph(base_iri),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        def text(predicate: URIRef, node: Node = result) -> str:
            value = results.value(node, predicate)
            return "" if value is None else str(value)

        violations.append(
            Violation(
                focus=text(SH.focusNode),
                path=text(SH.resultPath),
                value=text(SH.value),
                message=text(SH.resultMessage),
                severity=text(SH.resultSeverity).rsplit("#", 1)[-1],
                shape=text(SH.sourceShape),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), violations, len(data))


PERSONAL_PREDICATES = (FOAF + "name", VCARD + "hasEmail", VCARD + "hasTelephone")


def personal_data_in_public(root: Path, base_iri: str = DEFAULT_BASE_IRI, limit: int = 50) -> list[Violation]:
    """Personal data found in the ``public`` partition of an innograph store root (a GDPR leak)."""
    public = root / "public"
    if not (public / "CURRENT").exists():
        return []
    store = pyoxigraph.Store.read_only(str(public))
    patterns: list[tuple[None, pyoxigraph.NamedNode, pyoxigraph.NamedNode | None]] = [
        (None, pyoxigraph.NamedNode(p), None) for p in PERSONAL_PREDICATES
    ]
    patterns.append((None, pyoxigraph.NamedNode(base_iri + "ontology#mentionsPerson"), None))
    patterns.append((None, RDF_TYPE, pyoxigraph.NamedNode(base_iri + "ontology#Person")))
    found: list[Violation] = []
    for subject, predicate, obj in patterns:
        for quad in store.quads_for_pattern(subject, predicate, obj):
            graph = getattr(quad.graph_name, "value", "default graph")
            found.append(
                Violation(
                    focus=quad.subject.value if hasattr(quad.subject, "value") else str(quad.subject),
                    path=quad.predicate.value,
                    value="",
                    message=f"personal data in the public partition (graph {graph}); it belongs in "
                    "{base}graph/{doc}/personal only",
                    severity="Violation",
                    shape="",
                )
            )
            if len(found) >= limit:
                return found
    return found


def validate_path(path: Path, base_iri: str = DEFAULT_BASE_IRI, with_reference: bool = True,
                  rdf_format: str | None = None) -> Report:
    data = graph_from_store(path) if path.is_dir() else graph_from_file(path, rdf_format)
    report = validate_graph(data, base_iri, with_reference)
    leaks = personal_data_in_public(path, base_iri) if path.is_dir() else []
    if not leaks:
        return report
    return Report(False, leaks + report.violations, report.triples)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", type=Path, help="An RDF file (.ttl, .nt, .nq, .trig, .jsonld, .rdf) or a store directory."
    )
    parser.add_argument("--format", dest="rdf_format", help="RDF format of the file when its suffix says nothing.")
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="Do not add the reference entities (countries, programmes, themes...) the data points to.",
    )
    parser.add_argument("--limit", type=int, default=200, help="Print at most this many violations.")


def run(args: argparse.Namespace) -> int:
    from innograph.settings import Settings

    base_iri = Settings().base_iri  # fields come from the environment
    if not args.path.exists():
        print(f"innograph validate: {args.path} does not exist", file=sys.stderr)
        return 2
    try:
        report = validate_path(args.path, base_iri, not args.no_reference, args.rdf_format)
    except (OSError, ValueError, SyntaxError) as exc:
        print(f"innograph validate: cannot read {args.path}: {exc}", file=sys.stderr)
        return 2
    for violation in report.violations[: args.limit]:
        print(violation)
    hidden = len(report.violations) - args.limit
    if hidden > 0:
        print(f"... and {hidden} more")
    verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    print(f"{args.path}: {report.triples} triples, {verdict}", file=sys.stderr)
    return 0 if report.conforms else 1
