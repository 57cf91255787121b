"""``innograph harvest`` against a real local site (tests/harvest_site): one harvest of every kind
of start point and answer, then what reached the store, page by page.

The site runs in a thread of this process; the command runs in-process (``innograph.cli.main``)
with its extraction in a worker process, as a user runs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from harvest_site.helpers import IRIS, graph_of, graphs, literals_in, objects, opened, run_harvest, set_env
from harvest_site.site import Site

from innograph.harvest.state import HarvestState

PROV = "http://www.w3.org/ns/prov#"
HTTP = "http://www.w3.org/2011/http#"
SCHEMA = "https://schema.org/"

PAGES = ["/crawl/index.html", "/old-call", "/loop/a", "/gone-404.html", "/gone-410.html", "/error.html",
         "/busy.html", "/very-busy.html", "/slow.html", "/big.html", "/big-declared.html", "/image.png",
         "/files/brochure.html", "/notes.txt", "/charset/header-latin1.html", "/charset/meta-only.html",
         "/charset/none.html", "/charset/wrong-header.html", "/charset/utf8-called-latin1.html",
         "/charset/no-type.html", "/to-private", "/to-elsewhere"]
EXPECTED_FAILURES = {
    "/loop/a": "redirect_loop", "/gone-404.html": "http_404", "/gone-410.html": "http_410",
    "/error.html": "http_500", "/very-busy.html": "http_503", "/slow.html": "read_timeout",
    "/big.html": "too_large", "/big-declared.html": "too_large", "/image.png": "unsupported_type",
    "/to-elsewhere": "blocked_address", "/crawl/missing.html": "http_404",
}


@dataclass
class FirstHarvest:
    site: Site
    url: str
    store: Path
    code: int
    out: str


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirstHarvest]:
    site = Site()
    url = site.start()
    store = tmp_path_factory.mktemp("harvest") / "store"
    with pytest.MonkeyPatch.context() as monkeypatch:
        set_env(monkeypatch)
        code, out = run_harvest(store, "--sitemap", f"{url}/sitemap.xml", "--feed", f"{url}/atom.xml",
                                "--feed", f"{url}/rss.xml", "--crawl", f"{url}/crawl/index.html", "--depth", "1",
                                *(url + path for path in PAGES))
    try:
        yield FirstHarvest(site, url, store, code, out)
    finally:
        site.stop()


def failure_lines(out: str) -> dict[str, str]:
    """url path -> reason code, from the FAILED lines of a summary."""
    found = {}
    for line in out.splitlines():
        if line.startswith("FAILED "):
            url, _, reason = line[len("FAILED "):].partition(": [")
            found["/" + url.split("/", 3)[3]] = reason.split("]")[0]
    return found


def test_every_failure_is_one_line_with_its_url_and_reason_and_the_exit_code_is_1(first: FirstHarvest) -> None:
    assert first.code == 1
    assert failure_lines(first.out) == EXPECTED_FAILURES
    assert "failed by reason: blocked_address 1, http_404 2, http_410 1, http_500 1, http_503 1, read_timeout 1, " \
           "redirect_loop 1, too_large 2, unsupported_type 1" in first.out


def test_pages_from_every_kind_of_start_point_have_their_graph(first: FirstHarvest) -> None:
    expected = ["/pages/fr-call.html", "/pages/da-news.html", "/legacy.html", "/changing.html",  # sitemap index
                "/pages/nl-project.html", "/pages/en-cluster.html", "/files/report",  # Atom and RSS
                "/crawl/index.html", "/crawl/a.html", "/crawl/b.html", "/crawl/sub/c.html",  # crawl to depth 1
                "/pages/en-call.html", "/busy.html", "/notes.txt", "/files/brochure.html"]  # URLs
    stored = graphs(first.store)
    assert [p for p in expected if graph_of(first.url + p) not in stored] == []
    failed = [p for p in EXPECTED_FAILURES if graph_of(first.url + p) in stored]
    assert failed == []
    assert "pages 34  new 21  changed 0  unchanged 0  removed 0  gone 0  robots-denied 2  not-due 0  failed 11" \
        in first.out


def test_robots_txt_is_obeyed_also_after_a_redirect(first: FirstHarvest) -> None:
    assert first.site.requests_for("/private/secret.html") == 0
    assert f"ROBOTS {first.url}/private/secret.html: robots.txt disallows it" in first.out
    assert f"ROBOTS {first.url}/to-private -> {first.url}/private/secret.html: robots.txt disallows it" in first.out
    assert first.site.requests_for("/robots.txt") == 1
    agents = {h["user-agent"] for _, h in first.site.log}
    assert agents == {"innograph-harvest/0.1 (+https://w3id.org/innograph/; harvest-tests@example.org)"}


def test_crawl_stays_in_its_folder_to_its_depth_and_skips_nofollow(first: FirstHarvest) -> None:
    assert first.site.requests_for("/crawl/sub/d.html") == 0  # depth 2 (index -> sub/c -> sub/d), over --depth 1
    assert first.site.requests_for("/crawl/nofollow.html") == 0
    assert first.site.requests_for("/crawl/b.html") == 1  # linked twice (once with a fragment), fetched once
    assert "example.invalid" not in first.out


def test_redirects_are_followed_and_recorded(first: FirstHarvest) -> None:
    final, asked = f"{first.url}/pages/en-call.html", f"{first.url}/old-call"
    graph = graph_of(final)
    assert objects(first.store, graph, IRIS.term("sourceUrl")) == [final]
    assert objects(first.store, graph, SCHEMA + "sameAs") == sorted([asked, f"{first.url}/moved/call"])
    retrieval = IRIS.document(graph.rsplit("/", 1)[1]) + "/retrieval"
    assert objects(first.store, graph, PROV + "used", retrieval) == sorted([asked, f"{first.url}/moved/call", final])
    assert graph_of(asked) not in graphs(first.store)


def test_the_graph_records_retrieval_time_and_validators(first: FirstHarvest) -> None:
    graph = graph_of(f"{first.url}/pages/fr-call.html")
    etag = first.site.routes["/pages/fr-call.html"]({}).headers["ETag"]
    values = objects(first.store, graph, HTTP + "fieldValue")
    assert values == sorted([etag, "Mon, 03 Mar 2025 10:00:00 GMT", "text/html; charset=utf-8"])
    [ended] = objects(first.store, graph, PROV + "endedAtTime")
    assert ended.startswith("20") and ended.endswith("Z")
    assert objects(first.store, graph, HTTP + "statusCodeValue") == ["200"]


def test_pdfs_are_read_by_their_bytes_whatever_their_name_or_type(first: FirstHarvest) -> None:
    report = " ".join(literals_in(first.store, graph_of(f"{first.url}/files/report")))
    brochure = " ".join(literals_in(first.store, graph_of(f"{first.url}/files/brochure.html")))
    assert "Southern Denmark" in report
    assert "Business Region Aarhus" in brochure


@pytest.mark.parametrize("page", ["header-latin1", "meta-only", "none", "wrong-header", "utf8-called-latin1",
                                  "no-type"])
def test_charsets_declared_wrong_or_not_at_all_give_the_right_text(first: FirstHarvest, page: str) -> None:
    text = " ".join(literals_in(first.store, graph_of(f"{first.url}/charset/{page}.html")))
    assert "Coopération régionale" in text
    assert "Ã" not in text and "\ufffd" not in text


def test_retry_after_is_honoured(first: FirstHarvest) -> None:
    assert first.site.requests_for("/busy.html") == 2  # 429 with Retry-After: 1, then 200
    state = HarvestState(first.store / "harvest.sqlite")
    try:
        page = state.page(f"{first.url}/very-busy.html")  # 503 with Retry-After: 3600 (over the 5 s allowed)
        assert page is not None and page.outcome == "failed" and page.checked is not None and page.due is not None
        assert page.due - page.checked > 3000  # not due before the server said
    finally:
        state.close()
    assert first.site.requests_for("/very-busy.html") == 1


def test_the_store_is_readable_and_holds_reference_data(first: FirstHarvest) -> None:
    with opened(first.store) as store:
        assert store.graph_hashes()[IRIS.graph("reference")].startswith("sha256:")
