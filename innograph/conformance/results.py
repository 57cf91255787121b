"""Expected and actual SPARQL results, compared as multisets up to blank-node renaming.

A result is either a ``bool`` (ASK), a ``Solutions`` table, or a set of triples (CONSTRUCT and
DESCRIBE). Terms become small tuples so that equality is cheap and visible in failure messages.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from innograph.namespaces import RDF_TYPE, XSD
from innograph.namespaces import RESULT_SET as RS

NUMERIC = {XSD + "integer", XSD + "decimal"}
FLOATS = {XSD + "double", XSD + "float"}

Term = tuple  # ("iri", v) | ("bnode", id) | ("lit", value, datatype, lang) | ("triple", s, p, o)
Row = frozenset  # of (variable, Term)


@dataclass
class Solutions:
    variables: list[str]
    rows: list[Row]


Result = bool | Solutions | list[tuple[Term, Term, Term]]

SOLUTION_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def term(value: object) -> Term:
    """A pyoxigraph term as a comparable tuple; numeric literals compare by value."""
    if isinstance(value, ox.NamedNode):
        return ("iri", value.value)
    if isinstance(value, ox.BlankNode):
        return ("bnode", value.value)
    if isinstance(value, ox.Literal):
        datatype = value.datatype.value
        lexical: object = value.value
        if datatype in NUMERIC:
            with contextlib.suppress(InvalidOperation):
                lexical = Decimal(value.value.strip())
        elif datatype in FLOATS:
            with contextlib.suppress(ValueError):
                lexical = repr(float(value.value.strip()))  # repr: NaN equals NaN
        return ("lit", lexical, datatype, (value.language or "").lower())
    if isinstance(value, ox.Triple):
        return ("triple", term(value.subject), term(value.predicate), term(value.object))
    raise TypeError(f"not an RDF term: {value!r}")


def parse_solutions(data: bytes, fmt: ox.QueryResultsFormat) -> Result:
    parsed = ox.parse_query_results(data, fmt)
    if isinstance(parsed, ox.QueryBoolean):
        return bool(parsed)
    variables = [v.value for v in parsed.variables]
    rows = []
    for solution in parsed:
        rows.append(frozenset((v, term(solution[v])) for v in variables if solution[v] is not None))
    return Solutions(variables, rows)


def parse_graph(data: bytes, fmt: ox.RdfFormat, base_iri: str | None = None) -> list[tuple[Term, Term, Term]]:
    return [(term(t.subject), term(t.predicate), term(t.object)) for t in ox.parse(data, fmt, base_iri=base_iri)]


def parse_response(content_type: str, body: bytes) -> Result:
    media = content_type.split(";")[0].strip().lower()
    if media in SOLUTION_TYPES:
        return parse_solutions(body, SOLUTION_TYPES[media])
    if media in GRAPH_TYPES:
        return parse_graph(body, GRAPH_TYPES[media])
    raise ValueError(f"unexpected result media type {media or '(none)'!r}")


def load_expected(path: Path, iri: str) -> Result:
    """An expected result file: .srx/.srj/.tsv directly, RDF either a graph or an rs:ResultSet."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".srx":
        return parse_solutions(data, ox.QueryResultsFormat.XML)
    if suffix == ".srj":
        return parse_solutions(data, ox.QueryResultsFormat.JSON)
    if suffix == ".tsv":
        return parse_solutions(data, ox.QueryResultsFormat.TSV)
    fmt = ox.RdfFormat.RDF_XML if suffix in (".rdf", ".xml") else ox.RdfFormat.TURTLE
    triples = parse_graph(data, fmt, base_iri=iri)
    if any(p == ("iri", RDF_TYPE.value) and o == ("iri", RS + "ResultSet") for _, p, o in triples):
        return _result_set(triples)
    return triples


def _result_set(triples: list[tuple[Term, Term, Term]]) -> Result:
    """The DAWG ``rs:`` vocabulary (result sets written as RDF) as a Result."""
    by_subject: dict[Term, list[tuple[Term, Term]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))

    def values(node: Term, prop: str) -> list[Term]:
        return [o for p, o in by_subject.get(node, []) if p == ("iri", RS + prop)]

    root = next(s for s, p, o in triples if p == ("iri", RDF_TYPE.value) and o == ("iri", RS + "ResultSet"))
    boolean = values(root, "boolean")
    if boolean:
        return str(boolean[0][1]).lower() == "true"
    variables = [str(v[1]) for v in values(root, "resultVariable")]
    rows = []
    for solution in values(root, "solution"):
        row = []
        for binding in values(solution, "binding"):
            row.append((str(values(binding, "variable")[0][1]), values(binding, "value")[0]))
        rows.append(frozenset(row))
    return Solutions(variables, rows)


def csv_rows(text: str) -> list[list[str]]:
    """CSV results as rows of cells, blank-node labels kept (renaming handled by ``same``)."""
    return list(csv.reader(io.StringIO(text.replace("\r\n", "\n"))))


def same(expected: Result, actual: Result) -> str | None:
    """None when equal (multisets, blank nodes renamed consistently), else a short reason."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        if isinstance(expected, bool) and isinstance(actual, bool):
            return None if expected == actual else f"expected {expected}, got {actual}"
        return f"expected {_kind(expected)}, got {_kind(actual)}"
    if isinstance(expected, Solutions) != isinstance(actual, Solutions):
        return f"expected {_kind(expected)}, got {_kind(actual)}"
    if isinstance(expected, Solutions) and isinstance(actual, Solutions):
        exp_rows, act_rows = expected.rows, actual.rows
    else:
        # a graph is a set: duplicates in a serialization mean nothing
        exp_rows = [frozenset(enumerate(t)) for t in set(expected)]  # type: ignore[arg-type]
        act_rows = [frozenset(enumerate(t)) for t in set(actual)]  # type: ignore[arg-type]
    if len(exp_rows) != len(act_rows):
        return f"expected {len(exp_rows)} rows, got {len(act_rows)}"
    return None if _isomorphic(exp_rows, act_rows) else _diff(exp_rows, act_rows)


def _kind(result: Result) -> str:
    if isinstance(result, bool):
        return "a boolean"
    return "solutions" if isinstance(result, Solutions) else "a graph"


def _blind(value: Term) -> Term:
    if value[0] == "bnode":
        return ("bnode",)
    if value[0] == "triple":
        return ("triple", *(_blind(v) for v in value[1:]))
    return value


def _signature(row: Row) -> frozenset:
    return frozenset((k, _blind(v)) for k, v in row)


def _bnodes(value: Term) -> list[str]:
    if value[0] == "bnode":
        return [value[1]]
    if value[0] == "triple":
        return [b for v in value[1:] for b in _bnodes(v)]
    return []


def _isomorphic(expected: list[Row], actual: list[Row]) -> bool:
    if Counter(map(_signature, expected)) != Counter(map(_signature, actual)):
        return False
    if not any(_bnodes(v) for row in expected for _, v in row):
        return Counter(expected) == Counter(actual)
    # backtracking over row pairings, keeping one bijective blank-node mapping
    pending = sorted(expected, key=lambda r: -sum(len(_bnodes(v)) for _, v in r))
    candidates = {id(r): [i for i, a in enumerate(actual) if _signature(a) == _signature(r)] for r in pending}
    used = [False] * len(actual)

    def bind(exp: Row, act: Row, mapping: dict[str, str], reverse: dict[str, str]) -> bool:
        act_map = dict(act)
        for key, value in exp:
            for e, a in zip(_bnodes(value), _bnodes(act_map[key]), strict=True):
                if mapping.get(e, a) != a or reverse.get(a, e) != e:
                    return False
                mapping[e], reverse[a] = a, e
        return True

    def search(index: int, mapping: dict[str, str], reverse: dict[str, str]) -> bool:
        if index == len(pending):
            return True
        row = pending[index]
        for i in candidates[id(row)]:
            if used[i]:
                continue
            new_map, new_rev = dict(mapping), dict(reverse)
            if bind(row, actual[i], new_map, new_rev):
                used[i] = True
                if search(index + 1, new_map, new_rev):
                    return True
                used[i] = False
        return False

    return search(0, {}, {})


def _diff(expected: list[Row], actual: list[Row]) -> str:
    missing = Counter(map(_signature, expected)) - Counter(map(_signature, actual))
    extra = Counter(map(_signature, actual)) - Counter(map(_signature, expected))
    if missing or extra:
        first = next(iter(missing or extra))
        what = "missing" if missing else "unexpected"
        return f"{what} row {_show(first)}"
    return "rows differ only in blank-node structure"


def _show(row: frozenset) -> str:
    text = "{" + ", ".join(f"{k}={v}" for k, v in sorted(row, key=lambda kv: str(kv[0]))) + "}"
    return text[:300]
