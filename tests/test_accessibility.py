"""Accessibility of the built archive site: axe-core in headless Chromium, both colour schemes.

axe-core (installed from npm by ``make a11y-deps`` into ``tests/.node``) is injected into
every kind of page the site generates, in the light and the dark scheme, and any serious or
critical violation fails the test, unless it lies in the theme's own markup, cannot be fixed
by the site and is listed in :data:`THEME_FINDINGS` with the reason. A swatch of every
badge, label and marker of ``site/assets/postmortem.css`` is checked for contrast in both
schemes, whether or not the bundled archive uses it. At phone widths no page scrolls
sideways and every action item's status is in view.
"""

from __future__ import annotations

import re

import pytest

from bench import chromium

from .sitebuild import ROOT, default_site, paged_site, temp_dir
from .test_site_browser import ARTIFACTS, CHECKOUT, serve, wait

AXE = ROOT / "tests" / ".node" / "node_modules" / "axe-core" / "axe.min.js"
CSS = ROOT / "linter" / "postmortem" / "site" / "assets" / "postmortem.css"

pytestmark = [
    pytest.mark.skipif(not chromium.available(), reason="Chromium and chromium-driver are not installed: run `make browser-deps`"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `make a11y-deps`"),
]

# One page of every kind the site has: generated pages and the guides.
PAGES = {
    "home": "",
    "archive": "archive/",
    "archive by severity": "archive/severity/",
    "archive by service": "archive/services/",
    "archive by year": "archive/years/",
    "archive by tag": "archive/tags/",
    "post-mortem": CHECKOUT,
    "action items": "actions/",
    "insights": "insights/",
    "status history": "status-history/",
    "status of one incident": "status-history/2026-03-04/",
    "rule reference": "rules/",
    "writing guide": "writing/",
    "format reference": "format/",
    "finding guide": "finding/",
    "contributing guide": "contributing/",
    "search results open": "",  # the home page with the search dialog showing results
}
SCHEMES = {"light": "default", "dark": "slate"}  # as the reader's system asks; the theme's name

# Serious or critical findings inside the theme's own markup that the site cannot fix, as
# (axe rule id, a CSS selector that matches the node): each with the reason. Fix a finding
# with a template override in overrides/ or with the site's CSS where possible (as for the
# search dialog's name, overrides/partials/search.html); list it here only when not.
THEME_FINDINGS: dict[tuple[str, str], str] = {}

SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def base_url():
    with serve(default_site()) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    driver = chromium.headless(temp_dir("pm-chromium-a11y-"))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def open_page(browser, base_url: str, path: str, scheme: str = "light", width: int | None = None) -> None:
    """Open ``path`` as a reader whose system asks for ``scheme``, with nothing remembered
    (the theme stores the palette once it is toggled), at a phone ``width`` if given."""
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if scheme == "dark" else "light"}]}
    )
    if width:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    else:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(base_url + path)
    if browser.execute_script("return localStorage.length"):  # the theme's palette of the page before
        browser.execute_script("localStorage.clear()")
        browser.refresh()
    assert browser.execute_script("return document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
    wait(browser, lambda b: b.execute_script("return document.querySelector('.md-typeset table:not([data-labelled])') === null"))


def open_search_results(browser) -> None:
    from selenium.webdriver.common.by import By

    box = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "input.md-search__input"))
    box.click()
    meta = lambda b: b.find_element(By.CSS_SELECTOR, ".md-search-result__meta").get_attribute("textContent")  # noqa: E731
    wait(browser, lambda b: "Type to start searching" in meta(b))
    box.send_keys("database")
    wait(browser, lambda b: "matching document" in meta(b))
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "li.md-search-result__item mark"))


def axe_violations(browser, axe_source: str, context: object = None, options: dict | None = None) -> list[dict]:
    """axe-core's violations on the open page (or in ``context``, a CSS selector)."""
    browser.execute_script(axe_source)
    return browser.execute_async_script(
        """
        const [context, options, done] = arguments;
        axe.run(context || document, options || {}).then(
            result => done(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary, impact: n.impact})),
            }))),
            error => done([{id: "axe-error", impact: "critical", help: String(error), nodes: []}]),
        );
        """,
        context,
        options,
    )


def of_the_project(browser, violations: list[dict]) -> list[str]:
    """Serious and critical findings, one line per node, less those of :data:`THEME_FINDINGS`."""
    found = []
    for violation in violations:
        for node in violation["nodes"]:
            if (node["impact"] or violation["impact"]) not in SERIOUS:
                continue
            allowed = any(
                rule == violation["id"] and browser.execute_script("return !!document.querySelector(arguments[0])?.matches(arguments[1])", node["target"], selector)
                for rule, selector in THEME_FINDINGS
            )
            if not allowed:
                found.append(f"{violation['id']} ({violation['help']}): {node['target']}\n    {node['html'][:160]}\n    {node['summary']}")
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_axe_findings(browser, base_url, axe_source, page, scheme):
    open_page(browser, base_url, PAGES[page], scheme)
    if page == "search results open":
        open_search_results(browser)
    problems = of_the_project(browser, axe_violations(browser, axe_source))
    assert problems == [], f"{page}, {scheme} scheme:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", ["archive/?severity=SEV2", "actions/?state=open"])
def test_no_serious_axe_findings_in_rows_built_from_data_files(browser, axe_source, page, scheme):
    """A long table's rows built in the browser from its data files, and its pager."""
    from selenium.webdriver.common.by import By

    with serve(paged_site()) as (url, _):
        open_page(browser, url, page, scheme)
        wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".pm-listing[data-loaded] form.pm-filters[data-filters-bound]"))
        assert browser.find_element(By.CSS_SELECTOR, ".pm-pager").is_displayed()
        problems = of_the_project(browser, axe_violations(browser, axe_source))
    assert problems == [], f"{page}, {scheme} scheme:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", ["archive", "post-mortem", "action items"])
def test_no_serious_axe_findings_on_a_phone(browser, base_url, axe_source, page, scheme):
    """The pages whose tables become cards, at 390 px."""
    open_page(browser, base_url, PAGES[page], scheme, width=390)
    problems = of_the_project(browser, axe_violations(browser, axe_source))
    assert problems == [], f"{page}, {scheme} scheme, 390 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", ["post-mortem", "archive by service", "action items"])
def test_no_serious_axe_findings_on_a_tablet(browser, base_url, axe_source, page):
    """At 700 px the tables keep their columns and scroll sideways in their box: the box
    must then take keyboard focus (axe-core: scrollable-region-focusable)."""
    open_page(browser, base_url, PAGES[page], width=700)
    assert browser.execute_script("return document.querySelectorAll('.md-content [role=region][tabindex]').length") > 0
    problems = of_the_project(browser, axe_violations(browser, axe_source))
    assert problems == [], f"{page}, 700 px:\n" + "\n".join(problems)


def swatch() -> str:
    """Every badge, marker and label of the project's stylesheet, on each surface it sits on.

    Badge and marker variants are read from the stylesheet itself, so a new one is checked
    as soon as it is styled."""
    css = CSS.read_text(encoding="utf-8")
    badges = sorted(kind for kind in set(re.findall(r"\.pm-badge--([a-z0-9-]+)", css)) if not kind.endswith("-"))
    markers = sorted(set(re.findall(r"\.pm-marker--([a-z0-9-]+)", css)) | {"assumption"})
    pieces = [f'<span class="pm-badge pm-badge--{kind}">{kind.replace("-", " ")}</span>' for kind in badges]
    pieces += [f'<span class="pm-marker pm-marker--{kind}"><span class="pm-marker__kind">{kind}</span><span>note</span></span>' for kind in markers]
    pieces += [
        '<span class="pm-muted">muted text</span>',
        '<span class="pm-due pm-due--overdue">2026-01-01</span>',
        '<span class="pm-action-id">A1</span>',
        '<a class="pm-chip pm-chip--service" href="#s">service</a>',
        '<a class="pm-chip pm-chip--tag" href="#t">tag</a>',
        '<span class="pm-chip">chip</span>',
        '<a href="#x">a link</a>',
    ]
    inline = " ".join(pieces)
    labels = (
        '<p class="pm-card__label">Impact</p><p class="pm-rule-part">Example</p>'
        '<div class="pm-stats"><div class="pm-stat pm-stat--alert"><span class="pm-stat__value">3</span>'
        '<span class="pm-stat__label">overdue</span></div></div>'
    )
    filters = (
        '<form class="pm-filters"><fieldset class="pm-filter pm-filter--status"><legend>Status</legend>'
        '<div class="pm-filter__options"><label class="pm-filter__option"><input type="checkbox" checked>'
        '<span class="pm-filter__value">draft</span> <span class="pm-filter__count">2</span></label>'
        '<label class="pm-filter__option pm-filter__option--empty"><input type="checkbox">'
        '<span class="pm-filter__value">closed</span> <span class="pm-filter__count">0</span></label></div></fieldset>'
        '<div class="pm-filters__footer"><p class="pm-filters__status">2 of 9 incidents</p>'
        '<button type="reset" class="md-button pm-filters__reset">Clear filters</button></div></form>'
    )
    return (
        '<div id="pm-swatch">'
        f"<p>{inline}</p>{labels}{filters}"
        f'<section class="pm-card"><div class="pm-card__head">{inline}</div>'
        f'<dl class="pm-card__facts"><div class="pm-fact"><dt><abbr title="t">MTTR</abbr></dt><dd>{inline}</dd></div></dl>'
        f'<dl class="pm-card__meta"><div><dt>Services</dt><dd>{inline}</dd></div></dl></section>'
        f'<div class="pm-table-wrap"><table class="pm-table pm-tracker"><thead><tr><th>Action</th></tr></thead><tbody>'
        f'<tr><td>{inline}</td></tr><tr class="pm-row--overdue"><td>{inline}</td></tr></tbody></table></div>'
        f'<table><thead><tr><th>ID</th><th>Due</th></tr></thead><tbody>'
        f'<tr><td><span class="pm-action-id">A1</span></td><td>{inline}</td></tr></tbody></table>'
        "</div>"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_colour_pair_of_the_stylesheet_meets_wcag_aa(browser, base_url, axe_source, scheme):
    open_page(browser, base_url, "archive/", scheme)
    browser.execute_script("document.querySelector('article').insertAdjacentHTML('afterbegin', arguments[0])", swatch())
    assert browser.execute_script("return document.querySelectorAll('#pm-swatch .pm-badge').length") > 20
    problems = of_the_project(browser, axe_violations(browser, axe_source, "#pm-swatch", {"runOnly": ["color-contrast", "link-in-text-block"]}))
    assert problems == [], f"{scheme} scheme:\n" + "\n".join(problems)


def test_the_palette_toggle_switches_the_scheme_and_is_remembered(browser, base_url):
    from selenium.webdriver.common.by import By

    open_page(browser, base_url, "actions/", "light")
    scheme = lambda b: b.execute_script("return document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    toggle = next(label for label in browser.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label") if label.is_displayed())
    assert toggle.get_attribute("title") == "Switch to the dark scheme"
    toggle.click()
    wait(browser, lambda b: scheme(b) == "slate")
    # The project's colours follow: an overdue row and a badge take the dark scheme's values.
    row = browser.find_element(By.CSS_SELECTOR, "tr.pm-row--overdue")
    assert row.value_of_css_property("background-color") == "rgba(48, 28, 34, 1)"
    browser.get(base_url + "archive/")
    assert scheme(browser) == "slate"
    toggle = next(label for label in browser.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label") if label.is_displayed())
    assert toggle.get_attribute("title") == "Switch to the light scheme"
    toggle.click()
    wait(browser, lambda b: scheme(b) == "default")


def test_filter_boxes_and_charts_have_names(browser, base_url):
    """What a screen reader announces: a filter box's value and what its number counts; a
    chart's title (its description follows)."""
    from selenium.webdriver.common.by import By

    open_page(browser, base_url, "archive/")
    box = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "form.pm-filters[data-filters-bound] input[name=severity][value=SEV2]"))
    assert re.fullmatch(r"SEV2 ?, incidents: \d+", box.accessible_name)  # flex items: a space between
    open_page(browser, base_url, "insights/")
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.pm-chart svg[role=img]")
    assert [chart.accessible_name for chart in charts] == [
        chart.find_element(By.TAG_NAME, "title").get_attribute("textContent") for chart in charts
    ]
    described = [browser.execute_script("return document.getElementById(arguments[0].getAttribute('aria-describedby')).textContent", chart) for chart in charts]
    assert len(charts) == 4 and all("table below" in text for text in described)


# What a phone shows: nothing wider than the screen, nothing that scrolls sideways in the
# page (code blocks wrap on devices that do not hover), no badge over its neighbour.
NARROW = """
document.querySelectorAll(".md-content details").forEach(details => { details.open = true; });  // the numbers behind the charts
const width = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
for (const el of document.querySelectorAll(".md-content *")) {
  const style = getComputedStyle(el);
  if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
    problems.push(`scrolls sideways: <${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth} px in ${el.clientWidth}: ${el.textContent.slice(0, 60)}`);
}
for (const badge of document.querySelectorAll(".md-content .pm-badge")) {
  const box = badge.getBoundingClientRect();
  for (const other of [badge.previousElementSibling, badge.nextElementSibling]) {
    if (!other) continue;
    for (const near of other.getClientRects()) {  // a link over two lines: one box a line
      const x = Math.min(box.right, near.right) - Math.max(box.left, near.left);
      const y = Math.min(box.bottom, near.bottom) - Math.max(box.top, near.top);
      if (x > 0.5 && y > 0.5) problems.push(`a badge overlaps its neighbour: ${badge.outerHTML} / ${other.outerHTML.slice(0, 80)}`);
    }
  }
}
return problems;
"""

# Each action item's status badge, in view and not covered: scrolled to, then hit-tested.
STATUS_SHOWN = """
const width = document.documentElement.clientWidth;
const hidden = [];
const items = document.querySelectorAll(".md-content tr:has(.pm-action-id), .md-content table.pm-tracker > tbody > tr");
const badges = document.querySelectorAll(".md-content .pm-badge[class*='pm-badge--action-']");
for (const badge of badges) {
  badge.scrollIntoView({block: "center"});
  const box = badge.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!box.width || box.left < 0 || box.right > width || !(hit && badge.contains(hit)))
    hidden.push(`${badge.textContent} at ${Math.round(box.left)}-${Math.round(box.right)} of ${width} px`);
}
return [items.length, badges.length, hidden];
"""


@pytest.mark.parametrize("width", (360, 390))
@pytest.mark.parametrize("page", [page for page in PAGES if page != "search results open"])
def test_phone_width_nothing_scrolls_sideways(browser, base_url, page, width):
    open_page(browser, base_url, PAGES[page], width=width)
    assert browser.execute_script("return window.innerWidth") == width  # a wider page would widen the viewport
    problems = browser.execute_script(NARROW)
    assert problems == [], f"{page} at {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", ["action items", "post-mortem"])
def test_phone_width_every_action_items_status_is_visible(browser, base_url, page):
    open_page(browser, base_url, PAGES[page], width=390)
    items, badges, hidden = browser.execute_script(STATUS_SHOWN)
    assert items >= 4 and badges == items and hidden == []
    # Each action item is a card whose cells are labelled with their column's name.
    labels = browser.execute_script(
        "return Array.from(document.querySelectorAll('.md-content tr:has(.pm-badge[class*=pm-badge--action-]) td'), "
        "td => [td.getAttribute('data-label'), getComputedStyle(td, '::before').content])"
    )
    assert labels and all(label and content == f'"{label}"' for label, content in labels)
    assert "Status" in {label for label, _ in labels}


@pytest.mark.parametrize("page", ["action items", "archive", "post-mortem"])
def test_phone_width_screenshots(browser, base_url, page):
    """Screenshots at 390 px in test-artifacts/, to look at."""
    open_page(browser, base_url, PAGES[page], width=390)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": True})
    browser.save_screenshot(str(ARTIFACTS / f"phone-{page.replace(' ', '-')}.png"))
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
