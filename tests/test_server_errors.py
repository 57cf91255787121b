"""Every route's errors have the one JSON shape, the documented status and ``Cache-Control: no-store``.

The table below holds at least one error a client can cause on every route the app serves; a new
route without a row fails ``test_every_route_has_an_error_case``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from conftest import Api
from innograph.server.app import ROUTERS


@dataclass(frozen=True)
class Case:
    route: str  # the route's path template, as registered
    method: str
    url: str
    status: int
    code: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    token: str | None = None


TURTLE = {"Accept": "text/turtle"}
PNG = {"Accept": "image/png"}
DIRECT_QUERY = {"Content-Type": "application/sparql-query"}

CASES = [
    Case("/sparql", "GET", "/sparql?query=ASK%20%7B", 400, "query_syntax"),
    Case("/sparql", "GET", "/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D", 400, "ambiguous_request"),
    Case("/sparql", "GET", "/sparql?update=CLEAR%20ALL", 400, "update_needs_post"),
    Case("/sparql", "GET", "/sparql?query=SELECT%20*%20%7B%20SERVICE%20%3Chttp%3A%2F%2Fx%2F%3E%20%7B%7D%20%7D",
         400, "service_refused"),
    Case("/sparql", "GET", "/sparql?query=ASK%20%7B%7D&format=png", 406, "not_acceptable"),
    Case("/sparql", "GET", "/sparql?query=ASK%20%7B%7D", 403, "token_invalid", token="wrong"),
    Case("/sparql", "POST", "/sparql", 400, "missing_query", {"Content-Type": "application/x-www-form-urlencoded"}),
    Case("/sparql", "POST", "/sparql", 415, "unsupported_media_type", {"Content-Type": "text/plain"}, "ASK {}"),
    Case("/sparql", "POST", "/sparql", 413, "request_too_large", DIRECT_QUERY, "#" + "x" * 30_000 + "\nASK {}"),
    Case("/sparql", "POST", "/sparql", 401, "token_required", {"Content-Type": "application/sparql-update"},
         "CLEAR ALL"),
    Case("/sparql", "PUT", "/sparql", 405, "method_not_allowed"),
    Case("/sparql", "GET", "/sparql?query=ASK%20%7B%7D", 406, "not_acceptable", PNG),
    Case("/sparql/", "GET", "/sparql/?query=ASK%20%7B", 400, "query_syntax"),
    Case("/", "POST", "/", 405, "method_not_allowed"),
    Case("/static/{name}", "GET", "/static/no-such-file.js", 404, "not_found"),
    Case("/api/examples", "POST", "/api/examples", 405, "method_not_allowed"),
    Case("/id/{rest:path}", "GET", "/id/organisation/no-such-thing", 404, "not_found", TURTLE),
    Case("/page/{rest:path}", "GET", "/page/org/doc-a?format=png", 400, "unknown_format"),
    Case("/page/{rest:path}", "GET", "/page/org/doc-a", 406, "not_acceptable", PNG),
    Case("/page/{rest:path}", "GET", "/page/org/no-such-thing", 404, "not_found", TURTLE),
    Case("/graph/{name:path}", "GET", "/graph/doc-a/personal", 404, "not_found", TURTLE),
    Case("/graph/{name:path}", "GET", "/graph/doc-a", 406, "not_acceptable", PNG),
    Case("/ontology", "GET", "/ontology", 406, "not_acceptable", PNG),
    Case("/ontology/{version}", "GET", "/ontology/0.0.0-never", 404, "not_found", TURTLE),
    Case("/context.jsonld", "POST", "/context.jsonld", 405, "method_not_allowed"),
    Case("/.well-known/void", "GET", "/.well-known/void?format=png", 400, "unknown_format"),
    Case("/catalog", "GET", "/catalog", 406, "not_acceptable", PNG),
    Case("/dumps/", "GET", "/dumps/", 406, "not_acceptable", PNG),
    Case("/dumps/{name}", "GET", "/dumps/no-such-dump.nq.gz", 404, "not_found"),
    Case("/feed", "GET", "/feed?from=yesterday", 400, "bad_from", {"Accept": "application/trig"}),
    Case("/fragments", "GET", "/fragments?page=0", 400, "bad_pattern", TURTLE),
    Case("/sitemap.xml", "POST", "/sitemap.xml", 405, "method_not_allowed"),
    Case("/robots.txt", "POST", "/robots.txt", 405, "method_not_allowed"),
    Case("/api/partners", "GET", "/api/partners?limit=0", 422, "invalid_parameters"),
    Case("/api/partners", "GET", "/api/partners?country=France", 422, "invalid_parameters"),
    Case("/api/search", "GET", "/api/search", 422, "invalid_parameters"),
    Case("/api/search", "GET", "/api/search?q=%20", 422, "invalid_parameters"),
    Case("/partners", "POST", "/partners", 405, "method_not_allowed"),
    Case("/partners/static/{name}", "GET", "/partners/static/no-such-file.js", 404, "not_found"),
    Case("(none)", "GET", "/no/such/route", 404, "not_found"),
]


def served_paths() -> set[str]:
    return {route.path for router in ROUTERS for route in router.routes}  # type: ignore[attr-defined]


def test_every_route_has_an_error_case() -> None:
    assert served_paths() == {case.route for case in CASES} - {"(none)"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.method} {c.url[:60]} {c.status}" for c in CASES])
def test_error_has_the_one_shape_and_its_status(shared_api: Api, case: Case) -> None:
    with shared_api.client(token=case.token) as c:
        r = c.request(case.method, case.url, headers=case.headers, content=case.body)
    assert r.status_code == case.status, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == case.status
    assert set(body["error"]) == {"code", "message", "hint"}
    assert body["error"]["code"] == case.code
    assert body["error"]["message"] and body["error"]["hint"]

