"""Replays W3C tests against a SPARQL endpoint over HTTP: protocol tests as written, evaluation
tests by loading their data with ``INSERT DATA`` (never ``LOAD``: the endpoint must not fetch
anything) and comparing the answer with the expected result file.

Destructive: every test starts with ``DROP ALL`` on the update endpoint. Point it at a scratch store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from innograph.conformance.manifest import HttpRequest, IriMap, TestCase
from innograph.conformance.results import (
    GRAPH_TYPES,
    SOLUTION_TYPES,
    Solutions,
    csv_rows,
    load_expected,
    parse_response,
    same,
    term,
)

EVALUATION = {"QueryEvaluationTest", "CSVResultFormatTest"}
SYNTAX = {
    "PositiveSyntaxTest": True,
    "PositiveSyntaxTest11": True,
    "NegativeSyntaxTest": False,
    "NegativeSyntaxTest11": False,
    "PositiveUpdateSyntaxTest11": True,
    "NegativeUpdateSyntaxTest11": False,
}
RESULT_ACCEPT = {
    ".srx": "application/sparql-results+xml, application/n-triples;q=0.9",
    ".srj": "application/sparql-results+json, application/n-triples;q=0.9",
    ".tsv": "text/tab-separated-values",
    ".csv": "text/csv",
}
DEFAULT_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
INSERT_CHUNK = 300_000  # characters per INSERT DATA request, under common request-size caps
_COMMENT = re.compile(r"#[^\n]*")
_STRING = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"", re.S)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_LOAD = re.compile(r"\bLOAD\b", re.I)
_REDUCED = re.compile(r"\bREDUCED\b", re.I)
_FROM = re.compile(r"\bFROM\s+(NAMED\s+)?<([^>]*)>", re.I)


@dataclass
class Outcome:
    status: str  # "passed" | "failed" | "skipped"
    reason: str = ""


class Endpoint:
    """The endpoint under test: query URL, update URL, optional bearer token."""

    def __init__(self, query_url: str, update_url: str | None, token: str | None, timeout: float) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.Client(timeout=timeout, headers=headers, follow_redirects=False)

    def close(self) -> None:
        self.client.close()

    def update(self, text: str) -> httpx.Response:
        return self.client.post(
            self.update_url, content=text.encode(), headers={"Content-Type": "application/sparql-update; charset=utf-8"}
        )

    def query(self, text: str, accept: str) -> httpx.Response:
        return self.client.post(
            self.query_url,
            content=text.encode(),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
        )

    def reset(self) -> None:
        response = self.update("DROP SILENT ALL")
        if response.status_code >= 300:
            raise RuntimeError(f"cannot reset the store (DROP ALL): HTTP {response.status_code} {response.text[:200]}")

    def insert(self, graphs: Iterable[tuple[str | None, Path, str]]) -> None:
        """Loads files into graphs (None = default graph) with INSERT DATA, in chunks."""
        blocks: list[str] = []
        for index, (graph, path, base) in enumerate(graphs):
            lines = list(_ntriples(path, base, f"f{index}x"))
            for start in range(0, len(lines), 2000):
                chunk = "\n".join(lines[start : start + 2000])
                blocks.append(f"GRAPH <{graph}> {{\n{chunk}\n}}" if graph else chunk)
        batch: list[str] = []
        size = 0
        for block in blocks:
            if batch and size + len(block) > INSERT_CHUNK:
                self._insert_batch(batch)
                batch, size = [], 0
            batch.append(block)
            size += len(block)
        if batch:
            self._insert_batch(batch)

    def _insert_batch(self, blocks: list[str]) -> None:
        response = self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if response.status_code >= 300:
            raise RuntimeError(f"INSERT DATA refused: HTTP {response.status_code} {response.text[:200]}")


def _ntriples(path: Path, base: str, bnode_prefix: str) -> Iterable[str]:
    """Triples of a data file as SPARQL text, blank nodes renamed apart per file."""
    fmt = RDF_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)

    def show(term: object) -> str:
        if isinstance(term, ox.BlankNode):
            return f"_:{bnode_prefix}{term.value}"
        if isinstance(term, ox.Triple):
            return f"<<( {show(term.subject)} {show(term.predicate)} {show(term.object)} )>>"
        return str(term)

    for quad in ox.parse(path=path, format=fmt, base_iri=base):
        yield f"{show(quad.subject)} {show(quad.predicate)} {show(quad.object)} ."


def _code(text: str) -> str:
    """Query text without strings and comments, for keyword checks."""
    return _COMMENT.sub(" ", _STRING.sub('""', text))


def run_evaluation(endpoint: Endpoint, test: TestCase, iris: IriMap) -> Outcome:
    if test.query is None or not test.query.exists():
        return Outcome("skipped", "no query file")
    if test.entailment:
        return Outcome("skipped", "entailment regime")
    text = test.query.read_text(encoding="utf-8")
    if test.service_data or _SERVICE.search(_code(text)):
        return Outcome("skipped", "SERVICE")
    if test.result is None or not test.result.exists():
        return Outcome("skipped", "no result file")
    query_iri = iris.iri(test.query)
    endpoint.reset()
    graphs: list[tuple[str | None, Path, str]] = [(None, p, iris.iri(p)) for p in test.data]
    graphs += [(name, p, iris.iri(p)) for name, p in test.graph_data]
    loaded = {name for name, _, _ in graphs}
    for match in _FROM.finditer(_code(text)):  # FROM <file>: the engine looks it up among named graphs
        target = _resolve(query_iri, match.group(2))
        path = iris.path(target)
        if target not in loaded and path is not None and path.is_file():
            graphs.append((target, path, target))
            loaded.add(target)
    endpoint.insert(graphs)
    suffix = test.result.suffix.lower()
    response = endpoint.query(f"BASE <{query_iri}>\n{text}", RESULT_ACCEPT.get(suffix, DEFAULT_ACCEPT))
    if response.status_code != 200:
        return Outcome("failed", f"HTTP {response.status_code}: {_brief(response.text)}")
    try:
        if suffix == ".csv":
            return _compare_csv(test.result.read_text(encoding="utf-8"), response.text)
        expected = load_expected(test.result, iris.iri(test.result))
        actual = parse_response(response.headers.get("content-type", ""), response.content)
    except (ValueError, SyntaxError, OSError) as exc:
        return Outcome("failed", f"unreadable result: {_brief(str(exc))}")
    if _REDUCED.search(_code(text)) and isinstance(expected, Solutions) and isinstance(actual, Solutions):
        # REDUCED may drop any number of duplicates: compare the distinct solutions
        expected.rows, actual.rows = list(set(expected.rows)), list(set(actual.rows))
    difference = same(expected, actual)
    return Outcome("failed", difference) if difference else Outcome("passed")


def _compare_csv(expected_text: str, actual_text: str) -> Outcome:
    def table(text: str) -> Solutions:
        rows = csv_rows(text)
        header, body = rows[0], rows[1:]
        return Solutions(
            header,
            [
                frozenset(
                    (h, ("bnode", c[2:]) if c.startswith("_:") else ("lit", c)) for h, c in zip(header, r, strict=False)
                )
                for r in body
            ],
        )

    expected, actual = table(expected_text), table(actual_text)
    if sorted(expected.variables) != sorted(actual.variables):  # SELECT * leaves the order open
        return Outcome("failed", f"header {actual.variables} != {expected.variables}")
    difference = same(expected, actual)
    return Outcome("failed", difference) if difference else Outcome("passed")


def run_update_evaluation(endpoint: Endpoint, test: TestCase, iris: IriMap) -> Outcome:
    """Load the dataset, apply the update, compare the whole dataset with the expected one."""
    if test.query is None or not test.query.exists():
        return Outcome("skipped", "no update file")
    text = test.query.read_text(encoding="utf-8")
    code = _code(text)
    if _SERVICE.search(code):
        return Outcome("skipped", "SERVICE")
    if _LOAD.search(code):
        return Outcome("skipped", "LOAD would fetch a URL")
    endpoint.reset()
    endpoint.insert(
        [(None, p, iris.iri(p)) for p in test.data] + [(name, p, iris.iri(p)) for name, p in test.graph_data]
    )
    response = endpoint.update(f"BASE <{iris.iri(test.query)}>\n{text}")
    if response.status_code >= 300:
        return Outcome("failed", f"HTTP {response.status_code}: {_brief(response.text)}")
    files = [(("default",), p) for p in test.result_data] + [(("iri", n), p) for n, p in test.result_graph_data]
    expected = [(g, t) for i, (g, p) in enumerate(files) for t in _triples(p, iris.iri(p), f"f{i}x")]
    actual = _dataset(endpoint)
    if isinstance(actual, Outcome):
        return actual
    rows = [frozenset({(0, s), (1, p), (2, o), (3, g)}) for g, (s, p, o) in set(expected)]
    got = [frozenset({(0, s), (1, p), (2, o), (3, g)}) for g, (s, p, o) in set(actual)]
    difference = same(Solutions([], rows), Solutions([], got))
    return Outcome("failed", difference) if difference else Outcome("passed")


def _triples(path: Path, base: str, bnode_prefix: str) -> list[tuple]:
    """The triples of a file as comparable terms, blank nodes kept apart from other files'."""
    fmt = RDF_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)

    def own(value: tuple) -> tuple:
        return ("bnode", bnode_prefix + value[1]) if value[0] == "bnode" else value

    quads = ox.parse(path=path, format=fmt, base_iri=base)
    return [(own(term(q.subject)), term(q.predicate), own(term(q.object))) for q in quads]


def _dataset(endpoint: Endpoint) -> list[tuple] | Outcome:
    """Every quad the endpoint holds, read with two queries (default graph, named graphs)."""
    quads: list[tuple] = []
    for graph_var, query in (
        (None, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"),
        ("g", "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ):
        response = endpoint.query(query, "application/sparql-results+json")
        if response.status_code != 200:
            return Outcome("failed", f"reading the dataset: HTTP {response.status_code}: {_brief(response.text)}")
        result = parse_response(response.headers.get("content-type", ""), response.content)
        assert isinstance(result, Solutions)
        for row in result.rows:
            values = dict(row)
            graph = values["g"] if graph_var else ("default",)
            quads.append((graph, (values["s"], values["p"], values["o"])))
    return quads


def run_syntax(endpoint: Endpoint, test: TestCase, iris: IriMap) -> Outcome:
    if test.query is None or not test.query.exists():
        return Outcome("skipped", "no query file")
    text = test.query.read_text(encoding="utf-8", errors="replace")
    code = _code(text)
    if _SERVICE.search(code):
        return Outcome("skipped", "SERVICE")
    is_update = "Update" in test.kind
    if is_update and _LOAD.search(code):
        return Outcome("skipped", "LOAD would fetch a URL")
    positive = SYNTAX[test.kind]
    body = f"BASE <{iris.iri(test.query)}>\n{text}"
    response = endpoint.update(body) if is_update else endpoint.query(body, DEFAULT_ACCEPT)
    if positive and response.status_code < 300:
        return Outcome("passed")
    if not positive and 400 <= response.status_code < 500:
        return Outcome("passed")
    return Outcome("failed", f"HTTP {response.status_code}: {_brief(response.text)}")


def run_protocol(endpoint: Endpoint, test: TestCase, iris: IriMap) -> Outcome:
    endpoint.reset()
    endpoint.insert((name, path, iris.iri(path)) for name, path in test.graph_data)
    for number, request in enumerate(test.requests, 1):
        problem = _replay(endpoint, request)
        if problem:
            return Outcome("failed", f"request {number}: {problem}")
    return Outcome("passed")


def _replay(endpoint: Endpoint, request: HttpRequest) -> str | None:
    headers = dict(request.headers)
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    rest = request.path.split("/sparql/", 1)[-1]
    body = request.body or ""
    is_update = content_type.startswith("application/sparql-update") or body.startswith("update=") or "update=" in rest
    base_url = endpoint.update_url if is_update else endpoint.query_url
    if rest.startswith("?") and "?" in base_url:
        rest = "&" + rest[1:]
    charset = re.search(r"charset=([\w-]+)", content_type, re.I)
    payload = body.encode(charset.group(1) if charset else "utf-8") if request.body is not None else None
    response = endpoint.client.request(request.method, base_url + rest, content=payload, headers=headers)
    status_class = f"{response.status_code // 100}xx"
    if status_class not in request.expected_status:
        return f"HTTP {response.status_code}, expected {'/'.join(sorted(request.expected_status))}"
    if status_class != "2xx" or request.expected_format is None:
        return None
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    wanted = request.expected_format
    if wanted in ("boolean", "tabular") and media not in SOLUTION_TYPES and media != "text/csv":
        return f"expected a {wanted} result, got {media or 'no content type'}"
    if wanted == "RDF" and media not in GRAPH_TYPES:
        return f"expected RDF, got {media or 'no content type'}"
    if media == "text/csv":
        return None
    try:
        result = parse_response(media, response.content)
    except (ValueError, SyntaxError) as exc:
        return f"unreadable {media}: {_brief(str(exc))}"
    if wanted == "boolean" and not isinstance(result, bool):
        return "expected a boolean result"
    if request.expected_boolean is not None and result != request.expected_boolean:
        return f"expected {request.expected_boolean}, got {result}"
    return None


def _resolve(base: str, relative: str) -> str:
    return relative if re.match(r"[A-Za-z][\w+.-]*:", relative) else _join(base, relative)


def _join(base: str, relative: str) -> str:
    if relative.startswith("/"):
        scheme_host = re.match(r"[a-z]+://[^/]*", base)
        return (scheme_host.group(0) if scheme_host else "") + relative
    return base.rsplit("/", 1)[0] + "/" + relative


def _brief(text: str) -> str:
    return " ".join(text.split())[:160]


def run_test(endpoint: Endpoint, test: TestCase, iris: IriMap) -> Outcome:
    if test.approval in ("Withdrawn", "Rejected"):
        return Outcome("skipped", f"{test.approval.lower()} by the W3C")
    try:
        if test.kind == "ProtocolTest":
            return run_protocol(endpoint, test, iris)
        if test.kind in EVALUATION:
            return run_evaluation(endpoint, test, iris)
        if test.kind == "UpdateEvaluationTest":
            return run_update_evaluation(endpoint, test, iris)
        if test.kind in SYNTAX:
            return run_syntax(endpoint, test, iris)
    except httpx.HTTPError as exc:
        return Outcome("failed", f"{type(exc).__name__}: {_brief(str(exc))}")
    except (RuntimeError, SyntaxError, ValueError) as exc:
        return Outcome("failed", _brief(str(exc)))
    return Outcome("skipped", f"{test.kind} is not replayed over HTTP")
