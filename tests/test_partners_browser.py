"""The partner-search page in a real headless Chromium against the whole app on a real uvicorn.

Needs Debian's ``chromium`` and ``chromium-driver``; skipped (with the reason) only when they are
absent. A screenshot of the answered page is written to ``bench/out/partners-page.png`` for review.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import BROWSER_WAIT, IRIS, make_settings, serve
from innograph.server.app import create_app
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_partners_fixture import partner_store

pytestmark = pytest.mark.browser

WAIT = BROWSER_WAIT
SCREENSHOT = Path(__file__).parents[1] / "bench" / "out" / "partners-page.png"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with partner_store(tmp_path, IRIS) as store, serve(create_app(make_settings(store.root), store)) as url:
        yield url


def test_partner_page_finds_explains_and_links(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    wait = WebDriverWait(browser, WAIT)
    browser.get(server + "/partners")
    assert "Find partners" in browser.title

    need = browser.find_element(By.ID, "need")
    need.send_keys("nous cherchons des partenaires en intelligence artificielle pour PME")
    Select(browser.find_element(By.ID, "country")).select_by_value("FR")
    Select(browser.find_element(By.ID, "lang")).select_by_value("fr")
    browser.find_element(By.ID, "search").click()

    danish = f'li.pl-card[data-iri="{IRIS.entity("org", "syddansk-innovation")}"]'
    card = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, danish)))
    # what was understood, the explanation with its evidence sentence, score parts, a link to the page
    looking = browser.find_element(By.ID, "looking-for").text
    assert "intelligence artificielle" in looking and "PME" in looking
    assert "kunstig intelligens" in card.find_element(By.CSS_SELECTOR, ".pl-evidence q").text
    assert "kunstig intelligens" in card.get_attribute("title")  # the whole explanation
    assert "Cross-border: DK" in card.find_element(By.CSS_SELECTOR, ".pl-why").text
    source = card.find_element(By.CSS_SELECTOR, ".pl-evidence cite a")
    assert source.get_attribute("href").endswith("/id/document/doc-syddansk-innovation")
    assert card.find_elements(By.CSS_SELECTOR, ".pl-bar .part-themes")
    link = card.find_element(By.CSS_SELECTOR, ".pl-name a")
    assert link.get_attribute("href").endswith("/id/org/syddansk-innovation")
    assert card.find_element(By.CSS_SELECTOR, ".pl-badge.country").text == "DK"
    names = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".pl-name")]
    assert not any("Normandie IA Lab" in n for n in names)  # same country: left out
    # the query is in the address bar, so the answer can be bookmarked and shared
    assert "country=FR" in browser.current_url

    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))

    # the box for the seeker's own country lets the French lab in
    browser.find_element(By.ID, "same-country").click()
    browser.find_element(By.ID, "search").click()
    lab = f'li.pl-card[data-iri="{IRIS.entity("org", "normandie-ia-lab")}"]'
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, lab)))


def test_partner_page_from_a_shared_link_shows_every_reason(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    query = urlencode({"org": IRIS.entity("org", "ad-normandie"), "q": "transition verte", "lang": "nl"})
    browser.get(f"{server}/partners?{query}")
    dutch = f'li.pl-card[data-iri="{IRIS.entity("org", "groningen-energie-cluster")}"]'
    card = WebDriverWait(browser, WAIT).until(ec.presence_of_element_located((By.CSS_SELECTOR, dutch)))
    assert browser.find_element(By.ID, "need").get_attribute("value") == "transition verte"  # form restored
    reasons = card.find_element(By.CSS_SELECTOR, ".pl-why").text
    # one sentence from the graph's edges: the role, the project, its programme, the partners
    assert "Partner in project 'Smart Regions' (Interreg Europe) with you." in reasons.splitlines()
    assert {"part-themes", "part-types", "part-programmes", "part-cooperation"} <= {
        e.get_attribute("class") for e in card.find_elements(By.CSS_SELECTOR, ".pl-bar span")
    }
    assert "hernieuwbare energie" in card.find_element(By.CSS_SELECTOR, ".pl-chip b").text  # Dutch label
    browser.save_screenshot(str(SCREENSHOT.with_name("partners-page-org.png")))


def test_partner_page_shows_api_errors(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    browser.get(server + "/partners?q=ai&programme=no-such-programme")
    box = WebDriverWait(browser, WAIT).until(ec.visibility_of_element_located((By.ID, "error")))
    assert "programme" in box.text
