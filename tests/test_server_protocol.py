"""The SPARQL 1.1 Protocol on /sparql: the whole app in-process (TestClient) against a real store."""

from __future__ import annotations

import io

import pytest
from conftest import IRIS, TOKEN, Api
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

SELECT_ORGS = "SELECT ?s WHERE { ?s a <https://w3id.org/innograph/ontology#Organisation> } ORDER BY ?s"
CONSTRUCT_ORGS = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }"
SRX = "application/sparql-results+xml"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
ORG_A = IRIS.entity("org", "doc-a")
ORG_B = IRIS.entity("org", "doc-b")


def rows(body: bytes, fmt: QueryResultsFormat = QueryResultsFormat.JSON) -> list[str]:
    return [s["s"].value for s in parse_query_results(body, format=fmt)]  # type: ignore[union-attr,index]


def error_code(response: object) -> str:
    return response.json()["error"]["code"]  # type: ignore[attr-defined,no-any-return]


def test_get_query_defaults_to_sparql_json(shared_api: Api) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": SELECT_ORGS})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert r.headers["vary"] == "Accept"
    assert rows(r.content) == [ORG_A, ORG_B]


def test_post_form_and_direct_give_the_same_answer(shared_api: Api) -> None:
    with shared_api.client() as c:
        form = c.post("/sparql", data={"query": SELECT_ORGS})
        direct = c.post("/sparql", content=SELECT_ORGS, headers={"Content-Type": "application/sparql-query"})
        utf8 = c.post(
            "/sparql", content=SELECT_ORGS, headers={"Content-Type": "application/sparql-query; charset=UTF-8"}
        )
        slash = c.get("/sparql/", params={"query": SELECT_ORGS})
    assert form.status_code == direct.status_code == utf8.status_code == slash.status_code == 200
    assert rows(form.content) == rows(direct.content) == rows(utf8.content) == rows(slash.content) == [ORG_A, ORG_B]


@pytest.mark.parametrize(
    ("accept", "media_type", "fmt"),
    [
        ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", QueryResultsFormat.TSV),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", SRX, QueryResultsFormat.XML),
        ("text/csv, application/sparql-results+xml;q=0.9", "text/csv; charset=utf-8", None),
        ("*/*", "application/sparql-results+json", QueryResultsFormat.JSON),
    ],
)
def test_select_result_formats_by_accept(
    shared_api: Api, accept: str, media_type: str, fmt: QueryResultsFormat | None
) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": SELECT_ORGS}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"] == media_type
    if fmt is None:  # CSV: pyoxigraph cannot parse it back
        assert r.text.splitlines() == ["s", ORG_A, ORG_B]
    else:
        assert rows(r.content, fmt) == [ORG_A, ORG_B]


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/n-quads", RdfFormat.N_QUADS),
        ("application/trig", RdfFormat.TRIG),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("application/sparql-results+json;q=1, application/rdf+xml;q=0.2", RdfFormat.RDF_XML),
    ],
)
def test_graph_result_formats_by_accept(shared_api: Api, accept: str, fmt: RdfFormat) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": CONSTRUCT_ORGS}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == fmt.media_type
    subjects = {q.subject.value for q in parse(io.BytesIO(r.content), format=fmt)}
    assert {ORG_A, ORG_B} <= subjects


def test_format_parameter_overrides_accept(shared_api: Api) -> None:
    with shared_api.client() as c:
        csv = c.get("/sparql", params={"query": SELECT_ORGS, "format": "csv"}, headers={"Accept": "text/turtle"})
        ttl = c.get("/sparql", params={"query": CONSTRUCT_ORGS, "format": "ttl"})
        bad = c.get("/sparql", params={"query": SELECT_ORGS, "format": "docx"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert bad.status_code == 406


def test_ask_boolean(shared_api: Api) -> None:
    with shared_api.client() as c:
        yes = c.get("/sparql", params={"query": f"ASK {{ <{ORG_A}> ?p ?o }}"})
        no = c.get("/sparql", params={"query": "ASK { <http://example.org/none> ?p ?o }"})
    assert yes.json()["boolean"] is True
    assert no.json()["boolean"] is False


def test_406_when_nothing_acceptable(shared_api: Api) -> None:
    with shared_api.client() as c:
        select = c.get("/sparql", params={"query": SELECT_ORGS}, headers={"Accept": "image/png"})
        construct = c.get("/sparql", params={"query": CONSTRUCT_ORGS}, headers={"Accept": "text/csv"})
        refused = c.get("/sparql", params={"query": SELECT_ORGS}, headers={"Accept": "*/*;q=0"})
    for r in (select, construct, refused):
        assert r.status_code == 406
        assert error_code(r) == "not_acceptable"


@pytest.mark.parametrize(
    ("headers", "content", "status", "code"),
    [
        ({"Content-Type": "text/plain"}, "ASK {}", 415, "unsupported_media_type"),
        ({}, "query=ASK%20%7B%7D", 415, "unsupported_media_type"),
        ({"Content-Type": "application/sparql-query; charset=UTF-16"}, "ASK {}", 415, "unsupported_charset"),
        ({"Content-Type": "application/sparql-update; charset=UTF-16"}, "CLEAR ALL", 415, "unsupported_charset"),
        (FORM, "query=ASK%7B%7D&update=CLEAR+ALL", 400, "ambiguous_request"),
        (FORM, "update=CLEAR+NAMED&update=CLEAR+DEFAULT", 400, "ambiguous_request"),
        (FORM, "", 400, "missing_query"),
        ({"Content-Type": "application/sparql-query"}, "ASK {", 400, "query_syntax"),
    ],
)
def test_bad_posts(shared_api: Api, headers: dict[str, str], content: str, status: int, code: str) -> None:
    with shared_api.client() as c:
        r = c.post("/sparql", content=content.encode(), headers=headers)
    assert r.status_code == status
    assert error_code(r) == code


def test_bad_gets(shared_api: Api) -> None:
    with shared_api.client() as c:
        two = c.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D")
        syntax = c.get("/sparql", params={"query": "ASK {"})
        update = c.get("/sparql", params={"update": "CLEAR ALL"})
        put = c.put("/sparql?query=ASK%20%7B%7D")
        graph = c.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert (two.status_code, error_code(two)) == (400, "ambiguous_request")
    assert (syntax.status_code, error_code(syntax)) == (400, "query_syntax")
    assert (update.status_code, error_code(update)) == (400, "update_needs_post")
    assert put.status_code == 405
    assert (graph.status_code, error_code(graph)) == (400, "invalid_graph_iri")


def test_error_shape_is_uniform_and_uncached(shared_api: Api) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    body = r.json()
    assert set(body) == {"error", "status"}
    assert body["status"] == r.status_code == 400
    assert set(body["error"]) == {"code", "message", "hint"}
    assert body["error"]["message"] and body["error"]["hint"]
    assert r.headers["cache-control"] == "no-store"


def test_request_size_caps(shared_api: Api) -> None:
    cap = shared_api.settings.max_request_bytes
    padding = "#" + "x" * (cap + 10) + "\nASK {}"
    with shared_api.client() as c:
        body = c.post("/sparql", content=padding, headers={"Content-Type": "application/sparql-query"})
        url = c.get("/sparql", params={"query": padding})
    assert (body.status_code, error_code(body)) == (413, "request_too_large")
    assert url.status_code in (413, 414)


def test_protocol_dataset_parameters(shared_api: Api) -> None:
    graph_a, graph_b = IRIS.graph("doc-a"), IRIS.graph("doc-b")
    with shared_api.client() as c:
        default = c.get("/sparql", params={"query": SELECT_ORGS, "default-graph-uri": graph_a})
        named = c.get(
            "/sparql",
            params={"query": "SELECT ?g WHERE { GRAPH ?g { ?x ?y ?z } } GROUP BY ?g", "named-graph-uri": graph_b},
        )
        # A default-graph-uri without named-graph-uri leaves no named graphs.
        none_named = c.get(
            "/sparql", params={"query": "ASK { GRAPH ?g { ?x ?y ?z } }", "default-graph-uri": graph_a}
        )
        # Form POST: parameters in the URL and in the body both count.
        post = c.post(f"/sparql?default-graph-uri={graph_b}", data={"query": SELECT_ORGS})
    assert rows(default.content) == [ORG_A]
    assert [s["g"].value for s in parse_query_results(named.content, format=QueryResultsFormat.JSON)] == [graph_b]
    assert none_named.json()["boolean"] is False
    assert rows(post.content) == [ORG_B]


def test_from_is_honoured_and_protocol_dataset_wins(shared_api: Api) -> None:
    graph_a, graph_b = IRIS.graph("doc-a"), IRIS.graph("doc-b")
    from_a = f"SELECT ?s FROM <{graph_a}> WHERE {{ ?s a ?t }}"
    with shared_api.client() as c:
        union = c.get("/sparql", params={"query": SELECT_ORGS})
        own = c.get("/sparql", params={"query": from_a})
        overridden = c.get("/sparql", params={"query": from_a, "default-graph-uri": graph_b})
    assert rows(union.content) == [ORG_A, ORG_B]  # no dataset anywhere: union of the named graphs
    assert rows(own.content) == [ORG_A]  # the query's FROM, not the union
    assert rows(overridden.content) == [ORG_B]  # the protocol's dataset overrides FROM


def test_service_description(shared_api: Api) -> None:
    with shared_api.client() as c:
        ttl = c.get("/sparql", headers={"Accept": "text/turtle"})
        xml = c.get("/sparql", headers={"Accept": "application/rdf+xml"})
        bad = c.get("/sparql", headers={"Accept": "image/png"})
    assert ttl.status_code == xml.status_code == 200
    sd = "http://www.w3.org/ns/sparql-service-description#"
    for r, fmt in ((ttl, RdfFormat.TURTLE), (xml, RdfFormat.RDF_XML)):
        triples = [q.triple for q in parse(io.BytesIO(r.content), format=fmt)]
        endpoints = {t.object.value for t in triples if t.predicate.value == sd + "endpoint"}
        assert endpoints == {shared_api.url + "/sparql"}
        comments = " ".join(t.object.value for t in triples if t.predicate.value.endswith("#comment"))
        assert "503" in comments and "query_timeout" in comments and "SERVICE" in comments
        languages = {t.object.value for t in triples if t.predicate.value == sd + "supportedLanguage"}
        assert sd + "SPARQL11Update" in languages  # the live server has a token
    assert bad.status_code == 406


def test_cors_preflight_and_header(shared_api: Api) -> None:
    with shared_api.client() as c:
        pre = c.options(
            "/sparql", headers={"Origin": "https://x.example", "Access-Control-Request-Method": "POST"}
        )
        r = c.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://x.example"})
    assert pre.status_code == 204
    assert "POST" in pre.headers["access-control-allow-methods"]
    assert r.headers["access-control-allow-origin"] == "*"


def test_relative_iris_resolve_against_the_endpoint(shared_api: Api) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    subjects = {q.subject.value for q in parse(io.BytesIO(r.content), format=RdfFormat.TURTLE)}
    assert subjects == {shared_api.url + "/s"}


def test_wrong_token_on_a_query_is_refused(shared_api: Api) -> None:
    with shared_api.client(token="not-" + TOKEN) as c:
        r = c.get("/sparql", params={"query": "ASK {}"})
    assert (r.status_code, error_code(r)) == (403, "token_invalid")


def test_browsers_asking_for_html_go_to_the_query_page(shared_api: Api) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    with shared_api.client() as c:
        r = c.get("/sparql", headers={"Accept": browser})
    assert (r.status_code, r.headers["location"]) == (303, "/")


def test_evaluation_errors_are_client_errors(shared_api: Api) -> None:
    with shared_api.client() as c:
        r = c.get("/sparql", params={"query": "SELECT (<http://example/unknown-function>(1) AS ?x) WHERE {}"})
    assert (r.status_code, r.json()["error"]["code"]) == (400, "query_failed")


def test_union_default_graph_can_be_turned_off(shared_api: Api) -> None:
    with shared_api.client() as c:
        union = c.get("/sparql", params={"query": SELECT_ORGS})
        plain = c.get("/sparql", params={"query": SELECT_ORGS, "union-default-graph": "false"})
    assert rows(union.content) == [ORG_A, ORG_B]
    assert rows(plain.content) == []  # the store's own default graph is empty
