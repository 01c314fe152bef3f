"""The built archive site in a real browser: Debian's headless Chromium driven by selenium.

The site is served from 127.0.0.1 by a thread in this process. Chromium's performance log
records every request the pages make; none may leave 127.0.0.1. Screenshots of the pages
are saved in test-artifacts/ to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import socketserver
import threading
from pathlib import Path

import pytest

from .sitebuild import ROOT, default_site, temp_dir

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "test-artifacts"
CHECKOUT = "postmortems/2026-03-04-checkout-errors-for-eu-customers/"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="Chromium and chromium-driver are not installed: run `make browser-deps`",
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url():
    handler = functools.partial(_QuietHandler, directory=str(default_site()))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={temp_dir('pm-chromium-')}",
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def requested(browser):
    """Every URL the browser has requested so far in this module (read from its log)."""
    seen: list[str] = []

    def collect() -> list[str]:
        for entry in browser.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                seen.append(message["params"]["request"]["url"])
        return seen

    return collect


def wait(browser, condition, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(condition)


def screenshot(browser, name: str) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(max(height, 900), 4000))
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    browser.set_window_size(1280, 900)


def test_postmortem_page_shows_its_metadata_card(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + CHECKOUT)
    card = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "section.pm-card"))
    assert browser.find_element(By.CSS_SELECTOR, "h1").text.startswith("Checkout errors for EU customers")
    head = card.find_element(By.CSS_SELECTOR, ".pm-card__head").text
    assert "SEV2" in head and "PM-2026-007" in head
    facts = {
        fact.find_element(By.TAG_NAME, "dt").text: fact.find_element(By.TAG_NAME, "dd").text
        for fact in card.find_elements(By.CSS_SELECTOR, ".pm-fact")
    }
    assert facts == {"Duration": "1h 18m", "MTTD": "7m", "MTTA": "3m", "MTTR": "2h 43m"}
    services = [chip.text for chip in card.find_elements(By.CSS_SELECTOR, ".pm-chip--service")]
    assert services == ["checkout-api", "payments-db"]
    severity = card.find_element(By.CSS_SELECTOR, ".pm-badge--sev2")
    assert severity.value_of_css_property("background-color") == "rgba(232, 89, 12, 1)"
    assert card.find_elements(By.CSS_SELECTOR, ".pm-marker--estimate")
    screenshot(browser, "postmortem-page")


def test_search_finds_a_postmortem_by_words_in_its_text(browser, base_url):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(base_url)
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "input.md-search__input")).click()

    def meta(b) -> str:
        return b.find_element(By.CSS_SELECTOR, ".md-search-result__meta").get_attribute("textContent")

    def titles(b) -> list[str] | None:
        # The result list is redrawn as the index answers: read it whole, or retry.
        try:
            if "matching document" not in meta(b):
                return None
            return [item.get_attribute("textContent") for item in b.find_elements(By.CSS_SELECTOR, "li.md-search-result__item")]
        except StaleElementReferenceException:
            return None

    wait(browser, lambda b: "Type to start searching" in meta(b))
    results = {}
    for query in ("stale connections", "payments-db", "connection-pool"):
        box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        wait(browser, lambda b: "Type to start searching" in meta(b))  # the previous results are gone
        box.send_keys(query)
        results[query] = wait(browser, titles)
    screenshot(browser, "search")
    for query, found in results.items():
        assert any("Checkout errors for EU customers" in text for text in found[:3]), (query, found)
    assert not any("Registry deploy credential" in text for found in results.values() for text in found)


def test_tracker_shows_overdue_items_first(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "actions/")
    table = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "#owner-platform-team ~ .pm-table-wrap table"))
    first = table.find_element(By.CSS_SELECTOR, "tbody tr")
    assert "pm-row--overdue" in first.get_attribute("class")
    assert "146 days overdue" in first.text and "2026-06-30" in first.text
    assert first.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    first.find_element(By.TAG_NAME, "a").click()
    wait(browser, lambda b: b.current_url.endswith("#action-a4"))
    assert browser.find_element(By.ID, "action-a4").text == "A4"
    browser.get(base_url + "actions/")
    screenshot(browser, "action-tracker")


def test_archive_table_sorts_by_severity_and_duration(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "archive/")
    table = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "table.pm-sortable[data-sortable-bound]"))

    def column(index: int) -> list[str]:
        return [row.find_elements(By.TAG_NAME, "td")[index].get_attribute("data-sort") for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]

    header = {th.text.strip(" ↕↑↓"): th for th in table.find_elements(By.TAG_NAME, "th")}
    ranks = column(2)
    assert ranks not in (sorted(ranks), sorted(ranks, reverse=True))  # newest first: mixed severities
    header["Severity"].click()
    ranks = column(2)
    assert ranks in (sorted(ranks), sorted(ranks, reverse=True))
    header["Duration"].click()
    minutes = column(4)
    assert minutes in (sorted(minutes), sorted(minutes, reverse=True)) and len(set(minutes)) > 1
    screenshot(browser, "archive-sorted")


def test_insights_and_status_history_render(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "insights/")
    images = wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "figure.pm-chart img"))
    browser.execute_script("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    wait(browser, lambda b: all(b.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) for img in images))
    assert len(images) == 4
    screenshot(browser, "insights")
    browser.get(base_url + "status-history/")
    assert "some customers in Europe could not complete checkout" in browser.find_element(By.TAG_NAME, "article").text
    screenshot(browser, "status-history")
    browser.get(base_url)
    screenshot(browser, "home")


def test_no_request_leaves_127_0_0_1(browser, base_url, requested):
    # Runs last in this module: the log holds every page visited above, plus these.
    for page in ("", "archive/", "archive/tags/", "rules/", "writing/", CHECKOUT):
        browser.get(base_url + page)
    urls = requested()
    assert len(urls) > 20
    assert any(url.endswith(".svg") for url in urls) and any("search" in url for url in urls)
    # chrome:// is the browser's own start page, not the network; anything else must be ours.
    elsewhere = sorted({url for url in urls if not url.startswith((base_url, "data:", "blob:", "chrome://"))})
    assert elsewhere == []
