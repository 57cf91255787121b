"""Reads W3C test manifests (``mf:Manifest`` in Turtle) into plain test records.

Files are named by IRIs: the W3C folders get the IRIs their expected results were written with
(``sparql10`` -> ``.../data-r2/``, ``sparql11`` -> ``.../data-sparql11/``), anything else its
``file://`` IRI. Data, queries and results of one run all use the same mapping, so relative graph
names (``FROM <data-g1.ttl>``) agree between the data we load and the results we expect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from innograph import namespaces

# rdflib views of the shared namespaces (attribute access: MF.entries)
MF = Namespace(namespaces.TEST_MANIFEST)
QT = Namespace(namespaces.TEST_QUERY)
UT = Namespace(namespaces.TEST_UPDATE)
DAWGT = Namespace(namespaces.TEST_DAWG)
HT = Namespace(namespaces.HTTP)
CNT = Namespace(namespaces.CNT)
HTS = Namespace(namespaces.HTTP_STATUS)

W3C_BASES = {
    "sparql10": "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/",
    "sparql11": "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/",
    "sparql12": "https://w3c.github.io/rdf-tests/sparql/sparql12/",
}


class IriMap:
    """Two-way mapping between local files and the IRIs the tests expect them to have."""

    def __init__(self, suite: Path) -> None:
        self.roots: list[tuple[Path, str]] = []
        for folder, base in W3C_BASES.items():
            if (suite / folder).is_dir():
                self.roots.append(((suite / folder).resolve(), base))

    def iri(self, path: Path) -> str:
        path = path.resolve()
        for root, base in self.roots:
            if path.is_relative_to(root):
                return base + path.relative_to(root).as_posix()
        return path.as_uri()

    def path(self, iri: str) -> Path | None:
        for root, base in self.roots:
            if iri.startswith(base):
                return root / iri[len(base) :]
        if iri.startswith("file://"):
            return Path(iri[len("file://") :])
        return None


@dataclass
class HttpRequest:
    method: str
    path: str  # as written in the manifest, e.g. "/sparql/?query=..."
    headers: list[tuple[str, str]]
    body: str | None
    expected_status: set[str]  # "2xx", "3xx", "4xx"...
    expected_format: str | None  # "boolean", "tabular", "RDF"
    expected_boolean: bool | None


@dataclass
class TestCase:
    iri: str
    name: str
    kind: str  # local name of the mf: type, e.g. QueryEvaluationTest
    approval: str | None = None
    query: Path | None = None
    data: list[Path] = field(default_factory=list)
    graph_data: list[tuple[str, Path]] = field(default_factory=list)  # (graph IRI, file)
    result: Path | None = None
    # update tests: the dataset expected after the update (default-graph files, named graphs)
    result_data: list[Path] = field(default_factory=list)
    result_graph_data: list[tuple[str, Path]] = field(default_factory=list)
    service_data: bool = False
    entailment: bool = False
    requests: list[HttpRequest] = field(default_factory=list)


@dataclass
class Manifest:
    path: Path
    label: str
    tests: list[TestCase]


def load_manifests(manifest: Path, iris: IriMap) -> list[Manifest]:
    """The manifest and every manifest it includes (depth first), each with its own tests."""
    seen: set[Path] = set()
    out: list[Manifest] = []
    _walk(manifest.resolve(), iris, seen, out)
    return out


def _walk(path: Path, iris: IriMap, seen: set[Path], out: list[Manifest]) -> None:
    if path in seen or not path.exists():
        return
    seen.add(path)
    graph = Graph()
    graph.parse(path, format="turtle", publicID=iris.iri(path))
    root = URIRef(iris.iri(path))
    label = str(graph.value(root, RDFS.label) or path.parent.name)
    entries = _list(graph, graph.value(root, MF.entries))
    tests = [_test(graph, entry, iris) for entry in entries]
    if tests:
        out.append(Manifest(path, label, tests))
    for include in _list(graph, graph.value(root, MF.include)):
        target = iris.path(str(include))
        if target is not None:
            _walk(target.resolve(), iris, seen, out)


def _list(graph: Graph, head: Node | None) -> list[Node]:
    if head is None:
        return []
    return list(Collection(graph, head))


def _local(iri: Node | str) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _file(iris: IriMap, node: Node | None) -> Path | None:
    return iris.path(str(node)) if isinstance(node, URIRef) else None


def _test(graph: Graph, entry: Node, iris: IriMap) -> TestCase:
    kind = _local(graph.value(entry, RDF.type) or "Unknown")
    approval = graph.value(entry, DAWGT.approval)
    test = TestCase(
        iri=str(entry),
        name=str(graph.value(entry, MF.name) or _local(entry)),
        kind=kind,
        approval=_local(approval) if approval is not None else None,
    )
    result = graph.value(entry, MF.result)
    test.result = _file(iris, result)
    if isinstance(result, BNode):  # an update test's expected dataset
        test.result_data = [p for d in graph.objects(result, UT.data) if (p := _file(iris, d))]
        expected = TestCase(iri="", name="", kind="")
        for node in graph.objects(result, UT.graphData):
            _add_graph_data(graph, node, iris, expected)
        test.result_graph_data = expected.graph_data
    action = graph.value(entry, MF.action)
    if isinstance(action, URIRef):  # syntax tests: the action is the query file itself
        test.query = _file(iris, action)
    elif isinstance(action, BNode):
        if (action, RDF.type, HT.Connection) in graph:
            test.requests = [_request(graph, r) for r in _list(graph, graph.value(action, HT.requests))]
        test.query = _file(iris, graph.value(action, QT.query) or graph.value(action, UT.request))
        test.data = [p for d in graph.objects(action, QT.data) if (p := _file(iris, d))]
        test.data += [p for d in graph.objects(action, UT.data) if (p := _file(iris, d))]
        for node in [*graph.objects(action, QT.graphData), *graph.objects(action, UT.graphData)]:
            _add_graph_data(graph, node, iris, test)
        test.service_data = graph.value(action, QT.serviceData) is not None
        test.entailment = any("entailment" in str(p) for p in graph.predicates(action))
    # protocol tests put graph data on the test itself, named by rdfs:label
    for node in graph.objects(entry, UT.graphData):
        _add_graph_data(graph, node, iris, test)
    return test


def _add_graph_data(graph: Graph, node: Node, iris: IriMap, test: TestCase) -> None:
    if isinstance(node, URIRef):
        if (path := _file(iris, node)) is not None:
            test.graph_data.append((str(node), path))
        return
    file = _file(iris, graph.value(node, UT.graph))
    label = graph.value(node, RDFS.label)
    if file is not None:
        test.graph_data.append((str(label) if label is not None else iris.iri(file), file))


def _request(graph: Graph, node: Node) -> HttpRequest:
    headers = [
        (str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
        for h in _list(graph, graph.value(node, HT.headers))
    ]
    body_node = graph.value(node, HT.body)
    body = graph.value(body_node, CNT.chars) if body_node is not None else None
    resp = graph.value(node, HT.resp)
    statuses = {_local(s).replace("StatusCode", "").lower() for s in graph.objects(resp, MF.expectedStatus)}
    fmt = graph.value(resp, MF.expectedFormat)
    boolean = graph.value(resp, MF.expectedBoolean)
    return HttpRequest(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=headers,
        body=str(body) if body is not None else None,
        expected_status=statuses,
        expected_format=str(fmt) if fmt is not None else None,
        expected_boolean=bool(boolean.toPython()) if isinstance(boolean, Literal) else None,
    )
