"""Re-harvesting: unchanged pages cost a 304 (or the same bytes) and no write, a changed page
replaces its graph, a gone page is reported and pruned on request, ``--due`` fetches only what is
due; and the safety rules: no contact, no harvest; no loopback address unless allowed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harvest_site.helpers import change_events, graph_of, graphs, literals_in, opened, run_harvest, set_env
from harvest_site.site import Site


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    served.start()
    try:
        yield served
    finally:
        served.stop()


def base(site: Site) -> str:
    return f"http://127.0.0.1:{site._server.server_address[1]}" if site._server else ""


def generation(store: Path) -> int:
    with opened(store) as opened_store:
        return opened_store.generation()


def test_a_reharvest_of_unchanged_pages_fetches_nothing_new_and_writes_nothing(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_env(monkeypatch)
    store, url = tmp_path / "store", base(site)
    pages = [f"{url}/pages/fr-call.html", f"{url}/legacy.html", f"{url}/changing.html"]
    assert run_harvest(store, *pages)[0] == 0
    before = generation(store)
    code, out = run_harvest(store, *pages)
    assert code == 0
    assert out.startswith("pages 3  new 0  changed 0  unchanged 3")
    assert generation(store) == before  # not one write
    second = site.headers_of("/pages/fr-call.html")[-1]
    assert second["if-none-match"].startswith('"') and second["if-modified-since"] == "Mon, 03 Mar 2025 10:00:00 GMT"

    site.version = 2
    code, out = run_harvest(store, *pages)
    assert out.startswith("pages 3  new 0  changed 1  unchanged 2")
    text = " ".join(literals_in(store, graph_of(f"{url}/changing.html")))
    assert "version 2" in text and "version 1" not in text
    assert change_events(store, graph_of(f"{url}/changing.html")) == ["created", "updated"]
    assert change_events(store, graph_of(f"{url}/legacy.html")) == ["created"]


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_page_is_reported_and_its_graph_kept_until_prune(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int) -> None:
    set_env(monkeypatch)
    store, page = tmp_path / "store", f"{base(site)}/vanishing.html"
    assert run_harvest(store, page)[0] == 0
    site.vanished = status
    code, out = run_harvest(store, page)
    assert code == 1
    assert f"FAILED {page}: [http_{status}]" in out and "(its graph is kept; --prune removes it)" in out
    assert graph_of(page) in graphs(store)
    code, out = run_harvest(store, "--prune", page)
    assert code == 0 and "removed 1" in out
    assert graph_of(page) not in graphs(store)
    assert change_events(store, graph_of(page)) == ["created", "deleted"]
    code, out = run_harvest(store, "--due")  # a removed page is never due again
    assert code == 0 and out.startswith("pages 0 ")


def test_due_fetches_only_what_is_due(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, url = tmp_path / "store", base(site)
    set_env(monkeypatch, INNOGRAPH_HARVEST_INTERVAL="3600")
    assert run_harvest(store, f"{url}/pages/da-news.html", f"{url}/pages/nl-project.html")[0] == 0
    requests = len(site.log)
    code, out = run_harvest(store, "--due")
    assert code == 0 and out.startswith("pages 0 ")  # nothing is due within the hour
    assert len(site.log) == requests
    set_env(monkeypatch, INNOGRAPH_HARVEST_INTERVAL="0.001")
    assert run_harvest(store, f"{url}/pages/da-news.html")[0] == 0  # checked again: due in a millisecond
    asked = site.requests_for("/pages/nl-project.html")
    code, out = run_harvest(store, "--due")
    assert code == 0 and out.startswith("pages 1  new 0  changed 0  unchanged 1")  # da-news only
    assert site.requests_for("/pages/nl-project.html") == asked


def test_loopback_is_refused_unless_allowed(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_env(monkeypatch, INNOGRAPH_HARVEST_ALLOW_NETWORKS="")
    code, out = run_harvest(tmp_path / "store", f"{base(site)}/pages/fr-call.html", "file:///etc/passwd")
    assert code == 1
    assert "[blocked_address] 127.0.0.1, a non-public address" in out
    assert "FAILED file:///etc/passwd: [unsupported_scheme]" in out
    assert site.log == []


def test_no_contact_no_harvest(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_env(monkeypatch, INNOGRAPH_HARVEST_CONTACT="")
    assert run_harvest(tmp_path / "store", f"{base(site)}/pages/fr-call.html")[0] == 2
    assert site.log == []
