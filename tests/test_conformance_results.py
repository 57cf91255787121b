"""The result comparer of `innograph conformance`: multisets, blank-node renaming, numeric values."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode

from innograph.conformance.results import Solutions, load_expected, parse_response, same, term

XSD = "http://www.w3.org/2001/XMLSchema#"


def sol(*rows: dict[str, tuple]) -> Solutions:
    return Solutions(sorted({k for r in rows for k in r}), [frozenset(r.items()) for r in rows])


def iri(v: str) -> tuple:
    return ("iri", v)


def bnode(v: str) -> tuple:
    return ("bnode", v)


def test_rows_compare_as_multisets() -> None:
    a, b = {"x": iri("a")}, {"x": iri("b")}
    assert same(sol(a, b), sol(b, a)) is None
    assert same(sol(a, a, b), sol(a, b, b)) is not None  # duplicates count
    assert "expected 2 rows, got 1" in (same(sol(a, b), sol(a)) or "")


def test_blank_nodes_match_up_to_a_consistent_renaming() -> None:
    expected = sol({"s": bnode("x"), "o": bnode("y")}, {"s": bnode("y"), "o": iri("end")})
    renamed = sol({"s": bnode("b2"), "o": iri("end")}, {"s": bnode("b1"), "o": bnode("b2")})
    assert same(expected, renamed) is None
    broken = sol({"s": bnode("b1"), "o": bnode("b2")}, {"s": bnode("b3"), "o": iri("end")})  # chain broken
    assert same(expected, broken) is not None
    merged = sol({"s": bnode("b1"), "o": bnode("b1")}, {"s": bnode("b1"), "o": iri("end")})  # not a bijection
    assert same(expected, merged) is not None


def test_numeric_literals_compare_by_value_other_literals_exactly() -> None:
    assert term(Literal("1.50", datatype=NamedNode(XSD + "decimal"))) == term(
        Literal("1.5", datatype=NamedNode(XSD + "decimal"))
    )
    assert term(Literal("NaN", datatype=NamedNode(XSD + "double"))) == term(
        Literal("NaN", datatype=NamedNode(XSD + "double"))
    )
    assert term(Literal("1", datatype=NamedNode(XSD + "integer"))) != term(
        Literal("1", datatype=NamedNode(XSD + "decimal"))
    )
    assert term(Literal("chat", language="FR")) == term(Literal("chat", language="fr"))
    assert term(Literal("a ")) != term(Literal("a"))
    assert term(BlankNode("q")) == ("bnode", "q")


def test_booleans_and_kinds() -> None:
    assert same(True, True) is None
    assert same(True, False) == "expected True, got False"
    assert "expected a boolean" in (same(True, sol()) or "")


def test_graph_results_are_sets_up_to_blank_nodes() -> None:
    expected = parse_response("text/turtle", b"<http://a> <http://p> [ <http://q> 1 ] .")
    actual = parse_response(
        "application/n-triples",
        b'_:z <http://q> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n<http://a> <http://p> _:z .\n'
        b"<http://a> <http://p> _:z .\n",
    )
    assert same(expected, actual) is None
    assert same(expected, parse_response("application/n-triples", b"<http://a> <http://p> <http://b> .\n"))


def test_result_set_vocabulary_files_are_read_as_solutions(tmp_path: Path) -> None:
    path = tmp_path / "result.ttl"
    path.write_text(
        "@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .\n"
        '[] a rs:ResultSet ; rs:resultVariable "g" ;\n'
        '   rs:solution [ rs:binding [ rs:variable "g" ; rs:value <data-g1.ttl> ] ] .\n'
    )
    result = load_expected(path, "http://example.org/tests/result.ttl")
    assert isinstance(result, Solutions)
    assert result.rows == [frozenset({("g", iri("http://example.org/tests/data-g1.ttl"))})]
