"""The query page in a real headless Chromium, against the whole app on a real uvicorn.

Needs Debian's ``chromium`` and ``chromium-driver``; skipped (with the reason) only when they are absent.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest import BROWSER_WAIT, TOKEN, LiveServer

pytestmark = pytest.mark.browser

WAIT = BROWSER_WAIT




def test_query_page_end_to_end(browser, live_server: LiveServer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    browser.get(live_server.url + "/")
    assert "innograph" in browser.title

    # the examples arrive from /api/examples; one click loads one into the editor
    example = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, 'button.example[data-name="counts-per-class"]')))
    example.click()
    editor = browser.find_element(By.ID, "editor")
    assert "COUNT(DISTINCT ?thing)" in editor.get_attribute("value")
    assert example.get_attribute("aria-current") == "true"
    # the overlay highlights keywords and variables of what is in the editor
    assert browser.find_elements(By.CSS_SELECTOR, "#highlight .t-kw")
    assert "?class" in [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#highlight .t-var")]

    # run it: rows appear in the table (the seeded store types two organisations)
    browser.find_element(By.ID, "run").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".result-table tbody tr")))
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, ".result-table thead th")]
    assert headers == ["#", "?class", "?instances"]
    cells = {
        tuple(td.text for td in row.find_elements(By.TAG_NAME, "td"))
        for row in browser.find_elements(By.CSS_SELECTOR, ".result-table tbody tr")
    }
    assert ("ig:Organisation", "2") in cells
    assert "row" in browser.find_element(By.ID, "status").text
    browser.save_screenshot(str(tmp_path / "results.png"))

    # download links: one per result format, each a working GET on /sparql
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.download")}
    assert set(links) == {"JSON", "XML", "CSV", "TSV"}
    csv = httpx.get(links["CSV"], timeout=30)
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0] == "class,instances"
    assert "https://w3id.org/innograph/ontology#Organisation,2" in csv.text

    # a bad query: the server's JSON error is shown readably, with its hint and code
    editor.clear()
    editor.send_keys("SELECT * WHERE { ?s ?p }")
    browser.find_element(By.ID, "run").click()
    error = wait.until(ec.visibility_of_element_located((By.ID, "error")))
    assert "The query has a problem" in error.text
    assert "query_syntax" in error.text
    assert "Fix the SPARQL syntax" in error.text
    assert not browser.find_elements(By.CSS_SELECTOR, ".result-table")
    assert not browser.find_element(By.ID, "downloads").is_displayed()


def test_graph_results_and_token_kept_for_the_tab(browser, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    browser.get(live_server.url + "/")
    editor = wait.until(ec.element_to_be_clickable((By.ID, "editor")))
    editor.clear()
    editor.send_keys("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }")
    browser.find_element(By.ID, "run").click()
    text = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".graph-text"))).text
    assert "ontology#Organisation" in text
    links = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.download")}
    assert links == {"Turtle", "N-Triples", "JSON-LD", "RDF/XML"}
    permalink = browser.find_element(By.CSS_SELECTOR, "a.permalink").get_attribute("href")
    browser.get(permalink)  # the link brings the same query back into the editor
    editor = wait.until(ec.presence_of_element_located((By.ID, "editor")))
    assert editor.get_attribute("value") == "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }"

    # the service description opens in the page (a browser asking /sparql for HTML lands on /)
    browser.find_element(By.ID, "show-sd").click()
    description = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".graph-text"))).text
    assert "endpoint" in description and "/sparql" in description

    # an update without the token is refused, with the token it goes through
    update = 'INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> "o" } }'
    editor = browser.find_element(By.ID, "editor")
    editor.clear()
    editor.send_keys(update)
    browser.find_element(By.ID, "run").click()
    error = wait.until(ec.visibility_of_element_located((By.ID, "error")))
    assert "Not allowed" in error.text or "401" in error.text
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.refresh()  # the token stays for this tab
    token = wait.until(ec.presence_of_element_located((By.ID, "token")))
    assert token.get_attribute("value") == TOKEN
    editor = browser.find_element(By.ID, "editor")
    editor.clear()
    editor.send_keys(update)
    browser.find_element(By.ID, "run").click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "Update done"))
    with live_server.client() as client:
        ask = client.get("/sparql", params={"query": "ASK { GRAPH <https://example.org/g> { ?s ?p 'o' } }"})
    assert ask.json()["boolean"] is True

    browser.find_element(By.ID, "forget-token").click()
    assert browser.execute_script("return sessionStorage.getItem('innograph.token')") is None
