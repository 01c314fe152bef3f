"""The built archive site: pages, restricted post-mortems, offline, escaping, lint gate.

Fast checks on the HTML of real ``mkdocs build --strict`` runs (see ``sitebuild.py``).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from postmortem.archive import archive_files
from postmortem.parse import parse_file
from postmortem.rule import all_rules

from .sitebuild import (
    CANARY, GENERATED_PAGES, ROOT, SEARCH_BUNDLE_PAGES, archive_config, broken_links, build, bundled_search_site, default_site,
    internal_site, site_bytes, site_files, temp_dir,
)

CHECKOUT = "postmortems/2026-03-04-checkout-errors-for-eu-customers/index.html"
RESTRICTED = ROOT / "postmortems" / "2026-08-12-deploy-credential-exposed-in-build-log.md"


@pytest.fixture(scope="module")
def site() -> Path:
    return default_site()


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's main content, without the theme's header, navigation and footer."""
    start = re.search(r'<article class="md-content__inner md-typeset"[^>]*>', html).start()
    return html[start : html.index("</article>", start)]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def bundled() -> list:
    return [parse_file(path) for path in archive_files(ROOT / "postmortems")]


# ------------------------------------------------------------------------- pages


def test_every_page_is_built(site):
    pages = [
        *GENERATED_PAGES,
        "writing/index.html",
        "format/index.html",
    ]
    published = [doc for doc in bundled() if doc.incident.visibility == "internal"]
    assert len(published) >= 5
    pages += [f"postmortems/{Path(doc.path).stem}/index.html" for doc in published]
    missing = [page for page in pages if not (site / page).is_file()]
    assert missing == []


def test_postmortem_page_starts_with_the_metadata_card(site):
    content = article(read(site, CHECKOUT))
    card = content[content.index('<section class="pm-card"') : content.index("</section>")]
    text = text_of(card)
    assert re.search(r'pm-badge--sev2"[^>]*>SEV2<', card)
    assert "published" in text and "PM-2026-007" in text
    for label, value in (("Duration", "1h 18m"), ("MTTD", "7m"), ("MTTA", "3m"), ("MTTR", "2h 43m")):
        assert re.search(rf">{label}</abbr></dt>\s*<dd>{re.escape(value)}</dd>", card), label
    assert "checkout-api" in text and "payments-db" in text
    assert "connection-pool" in text
    assert "Monitoring alert" in text
    assert "18,400" in text and "41%" in text
    assert content.index("pm-card") < content.index('id="summary"')


def test_confidence_markers_are_badges(site):
    content = article(read(site, CHECKOUT))
    assert re.search(r'pm-marker--estimate".*?Estimate</span> distinct session ids with a 503 on <code>/checkout/submit</code></span>', content)
    assert 'pm-marker--assumption' in content
    assert "[ASSUMPTION]" not in content and "[ESTIMATE" not in content


def test_action_items_have_status_badges_and_overdue_highlight(site):
    content = article(read(site, CHECKOUT))
    rows = re.findall(r"<tr>(.*?)</tr>", content[content.index('id="action-items"') :], re.DOTALL)
    a1 = next(row for row in rows if 'id="action-a1"' in row)
    a4 = next(row for row in rows if 'id="action-a4"' in row)
    assert 'pm-badge--action-done">Done<' in a1 and "overdue" not in a1
    assert 'pm-badge--action-in-progress">In progress<' in a4
    assert 'pm-due--overdue">2026-06-30<' in a4 and "146 days overdue" in a4


def test_related_incidents_are_linked_both_ways(site):
    checkout = article(read(site, CHECKOUT))
    billing = article(read(site, "postmortems/2026-09-08-duplicate-charges-for-annual-subscribers/index.html"))
    assert 'href="../2026-09-08-duplicate-charges-for-annual-subscribers/"' in checkout
    assert 'href="../2026-03-04-checkout-errors-for-eu-customers/"' in billing


def test_archive_table_is_sortable_and_complete(site):
    content = article(read(site, "archive/index.html"))
    assert 'class="pm-table pm-incidents pm-sortable pm-filterable"' in content
    published = [doc for doc in bundled() if doc.incident.visibility == "internal"]
    for doc in published:
        assert f'href="../postmortems/{Path(doc.path).stem}/"' in content
    # Sort keys: ISO date, severity rank, duration in minutes.
    assert 'data-sort="2026-03-04"' in content
    assert 'data-sort="000000078"' in content  # 1h 18m
    dates = re.findall(r'<td data-label="Date" data-sort="(\d{4}-\d{2}-\d{2})">', content)
    assert dates == sorted(dates, reverse=True) and len(dates) == len(published)


def test_archive_filters_list_every_value_with_its_count(site):
    content = article(read(site, "archive/index.html"))
    form = content[content.index('<form class="pm-filters"') : content.index("</form>")]
    offered = {
        (facet, html.unescape(value)): int(count)
        for facet, value, count in re.findall(
            r'<input type="checkbox" name="(\w+)" value="([^"]*)">.*?pm-filter__count">(\d+)<', form
        )
    }
    published = [doc for doc in bundled() if doc.incident.visibility == "internal"]
    expected: dict[tuple[str, str], int] = {}
    for doc in published:
        inc = doc.incident
        values = [("severity", inc.severity), ("status", inc.status), ("year", str(inc.started.year))]
        values += [("service", s) for s in set(inc.services)] + [("tag", t) for t in set(inc.tags)]
        for value in values:
            expected[value] = expected.get(value, 0) + 1
    assert offered == expected
    # Each row carries its values for the script; the form waits for it, hidden.
    rows = re.findall(r'<tr data-facets="([^"]+)">', content)
    assert len(rows) == len(published)
    first = json.loads(html.unescape(rows[0]))
    assert set(first) == {"severity", "status", "year", "service", "tag"}
    assert '<form class="pm-filters" aria-label="Filter the incidents" hidden>' in content


def test_browse_pages_group_every_incident(site):
    severity = article(read(site, "archive/severity/index.html"))
    assert severity.index('id="sev1"') < severity.index('id="sev2"') < severity.index('id="sev4"')
    services = article(read(site, "archive/services/index.html"))
    for doc in bundled():
        if doc.incident.visibility == "internal":
            for service in doc.incident.services:
                assert f'id="{service}"' in services, service
    years = article(read(site, "archive/years/index.html"))
    assert years.index('id="year-2026"') < years.index('id="year-2025"')
    tags = article(read(site, "archive/tags/index.html"))
    assert 'id="tag:monitoring-gap"' in tags and "Checkout errors for EU customers" in tags


def data_rows(site: Path, stem: str) -> list[dict]:
    """Every row of a long table's data files (site/listing.py), dictionary codes looked up."""
    rows = []
    for number in range(1, 1000):
        path = site / f"{stem}-{number}.json"
        if not path.is_file():
            break
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data["rows"]:
            found = {}
            for name, value in zip(data["fields"], row):
                table = data["values"].get(name)
                if table is not None:
                    value = [table[i] for i in value] if isinstance(value, list) else table[value]
                found[name] = value
            rows.append(found)
    return rows


def test_tracker_lists_every_item_open_ones_first_overdue_first(site):
    content = article(read(site, "actions/index.html"))
    published = [doc for doc in bundled() if doc.incident.visibility == "internal"]
    items = [(Path(doc.path).stem, item) for doc in published for item in doc.actions]
    open_items = [(stem, item) for stem, item in items if item.is_open]
    assert f">{len(open_items)}</span><span class=\"pm-stat__label\">open action items" in content
    # The page holds the first rows; the data files every item, in the same order.
    listed = data_rows(site, "actions/items")
    assert sorted(row["url"] for row in listed) == sorted(f"postmortems/{stem}/#action-{item.id.lower()}" for stem, item in items)
    table = content[content.index("pm-tracker") : content.index("</table>")]
    rows = re.findall(r"<tr( class=\"pm-row--overdue\")? data-facets=\"([^\"]*)\">", table)
    assert len(rows) == min(len(items), 50) < len(listed)
    for row, found in zip(rows, listed):
        assert json.loads(html.unescape(row[1]))["state"] == found["state"]
        assert f'href="../{found["url"]}"' in table
    states = [row["state"] for row in listed]
    overdue = [row for row in listed if row["overdue"]]
    assert all("overdue" in s for s in states[: len(overdue)])
    assert states.index(["finished"]) == len(open_items) and all(s == ["finished"] for s in states[len(open_items) :])
    assert "146 days overdue" in table
    owners = content[content.index('id="owner-platform-team"') :]
    assert '<td data-label="Open">5</td><td data-label="Overdue">1</td>' in owners[: owners.index("</tr>")]


# Pages that list the archive, and so would grow with it were they not bounded.
LISTING_PAGES = ("index.html", "archive/index.html", "archive/severity/index.html", "archive/services/index.html",
                 "archive/years/index.html", "archive/tags/index.html", "actions/index.html", "insights/index.html",
                 "status-history/index.html")
# The test site's budget for any page (the largest today is the rule reference, ~160 KB);
# bench/page_weight.py checks the real one, 1 MB, on a site of 20,000 post-mortems.
PAGE_BUDGET = 300_000


def test_no_page_of_the_site_is_over_its_budget(site):
    over = {path.relative_to(site).as_posix(): path.stat().st_size for path in site.rglob("*.html") if path.stat().st_size > PAGE_BUDGET}
    assert over == {}


def test_the_theme_writes_no_tags_json(site):
    """The tags plugin's export (every page's tags in one file, 3.6 MB at 20,000
    post-mortems) is read by nothing of the site, and mkdocs.yml turns it off."""
    assert not (site / "tags.json").exists()
    assert (site / "archive" / "tags" / "index.html").is_file()  # the tags plugin still lists each tag's incidents


def test_no_page_grows_with_the_archive():
    """Three times the post-mortems, the same page weight: the long tables hold a page of
    rows (the rest is in data files of bounded size), the other lists their newest few."""
    from bench.generate import write_archive

    sizes = []
    for count in (150, 450):
        folder = temp_dir(f"pm-site-{count}-")
        write_archive(folder / "archive", count, 1)
        config = archive_config(folder, folder / "archive" / "postmortems", folder / "archive" / "pyproject.toml",
                                rows_per_page=5, allow_lint_errors="true")
        site = folder / "site"
        result = build(site, config)
        assert result.returncode == 0, result.stderr
        sizes.append({page: (site / page).stat().st_size for page in LISTING_PAGES})
        data = [path for path in site.rglob("*.json") if path.parent.name in ("archive", "actions")]
        assert data and all(path.stat().st_size < 1_000_000 for path in data)
        assert all(path.stat().st_size <= PAGE_BUDGET for path in site.rglob("*.html"))
    small, large = sizes
    grown = {page: round(large[page] / small[page], 2) for page in LISTING_PAGES if large[page] > 1.25 * small[page]}
    assert grown == {}


def test_insights_charts_are_inline_svg_and_local_files(site):
    content = article(read(site, "insights/index.html"))
    charts = sorted((site / "insights").glob("*.svg"))
    assert {c.stem for c in charts} == {"incidents-by-month", "mttr-trend", "factor-categories", "top-services"}
    for chart in charts:
        svg = chart.read_text(encoding="utf-8")
        root = ElementTree.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<script" not in svg and "<!--" not in svg
        assert f'href="{chart.name}" download' in content
        # In the page, the same chart: an image to screen readers, named and described, its
        # colours the stylesheet's (the light scheme's as fallbacks, for the file alone).
        chart_id = f"chart-{chart.stem}"
        assert root.get("role") == "img" and root.get("aria-labelledby") == f"{chart_id}-title"
        assert root.get("aria-describedby") == f"{chart_id}-desc"
        title, desc = root[0], root[1]
        assert title.tag.endswith("title") and title.text and desc.tag.endswith("desc") and "table below" in desc.text
        assert f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}"' in content
        assert "var(--pm-chart-text,#37474f)" in svg and not re.search(r"(fill|stroke):#", svg)
    assert "var(--pm-sev1,#b71c1c)" in content
    assert 'id="activate-serie-' not in content  # pygal's ids, the same in every chart
    assert "monitoring-gap" in content  # recurring theme
    assert "Numbers behind the chart" in content


def test_status_history_holds_only_external_summaries(site):
    page = article(read(site, "status-history/2026-03-04/index.html"))
    text = text_of(page)
    assert "some customers in Europe could not complete checkout" in text
    for other in ("PM-2026-007", "Checkout errors for EU customers", "checkout-api", "leadership received updates", "Lessons"):
        assert other not in text, other
    index = article(read(site, "status-history/index.html"))
    assert "postmortems/" not in index
    drafts = [doc for doc in bundled() if doc.incident.status in ("draft", "in-review")]
    assert drafts
    for doc in drafts:
        assert not (site / "status-history" / doc.incident.started.date().isoformat()).exists()


def test_rule_reference_documents_every_rule(site):
    content = article(read(site, "rules/index.html"))
    for info in all_rules().values():
        assert f'id="{info.code.lower()}"' in content, info.code
        assert info.name in content
    assert content.count('class="pm-rule-part">Use instead<') == len(all_rules())


def pagefind_pages(site: Path, bundle: str = "pagefind") -> dict[str, dict]:
    """Pagefind's record of each page indexed in ``bundle`` (its fragment), by URL."""
    pages = {}
    for fragment in (site / bundle / "fragment").glob("*.pf_fragment"):
        data = site_bytes(fragment)
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        pages[record["url"]] = record
    return pages


def test_search_index_has_postmortems_with_services_and_tags(site):
    pages = pagefind_pages(site)
    record = pages["/postmortems/2026-03-04-checkout-errors-for-eu-customers/"]
    assert record["meta"]["title"] == "Checkout errors for EU customers after payments database failover"
    text = record["content"]
    assert "checkout-api" in text and "connection-pool" in text and "stale connections" in text
    assert sorted(record["filters"]["tag"]) == sorted(parse_file(CHECKOUT_SOURCE).incident.tags)
    assert "MTTD" not in text and "¶" not in text  # the card's badges and times, heading permalinks
    published = [doc for doc in bundled() if doc.incident.visibility == "internal"]
    assert {f"/postmortems/{Path(doc.path).stem}/" for doc in published} <= set(pages)
    assert {"/writing/", "/format/", "/rules/"} <= set(pages)
    for listing in ("/", "/actions/", "/archive/", "/archive/tags/", "/insights/", "/status-history/"):
        assert listing not in pages, listing
    # The theme's own index keeps its configuration (highlighting reads it), no documents.
    theme_index = json.loads(read(site, "search/search_index.json"))
    assert theme_index["docs"] == [] and theme_index["config"]["lang"] == ["en"]


def test_a_large_archive_is_indexed_in_bundles_holding_each_page_once(site):
    bundled_site = bundled_search_site()
    bundles = json.loads(read(bundled_site, "pagefind/bundles.json"))["bundles"]
    assert bundles[0] == "pagefind/" and len(bundles) > 2
    assert json.loads(read(site, "pagefind/bundles.json")) == {"bundles": ["pagefind/"]}  # a small archive: one
    indexed: list[str] = []
    for bundle in bundles:
        pages = pagefind_pages(bundled_site, bundle.rstrip("/"))
        assert 0 < len(pages) <= SEARCH_BUNDLE_PAGES, bundle
        assert (bundled_site / bundle / "pagefind-entry.json").is_file()
        indexed += pages
        for url, record in pages.items():  # the same records as in one bundle
            assert record["meta"]["title"] == pagefind_pages(site)[url]["meta"]["title"], url
    assert sorted(indexed) == sorted(pagefind_pages(site))  # every page, each once, listings still left out


def test_pages_use_the_pagefind_search_worker(site):
    for page in ("index.html", "404.html", CHECKOUT):
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', read(site, page)).group(1))
        assert config["search"].endswith("search/worker.js"), page
    assert (site / "search" / "worker.js").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert not list((site / "pagefind").glob("pagefind-ui.*"))  # only what the worker uses


# ------------------------------------------------------------------------- restricted


def test_restricted_postmortem_is_in_no_file_of_the_default_build(site):
    restricted = parse_file(RESTRICTED)
    assert restricted.incident.visibility == "restricted" and CANARY in RESTRICTED.read_text(encoding="utf-8")
    needles = [CANARY, restricted.incident.id, "Registry deploy credential"]
    # Pagefind's files are compressed (read decompressed) and its word index keeps words
    # lower-cased and split at hyphens: look for the canary's last part there too.
    token = CANARY.rsplit("-", 1)[1].lower().encode()
    files = site_files(site)
    assert any(path.suffix == ".pf_fragment" for path in files) and any(path.suffix == ".pf_index" for path in files)
    found = [
        (str(path.relative_to(site)), needle)
        for path in files
        for needle in needles
        if needle.encode() in site_bytes(path)
    ]
    found += [(str(path.relative_to(site)), "token") for path in files if token in site_bytes(path).lower()]
    assert found == []


def test_internal_build_includes_restricted_postmortems():
    site = internal_site()
    token = CANARY.rsplit("-", 1)[1].encode()
    with_canary = {path.relative_to(site).as_posix() for path in site_files(site) if token in site_bytes(path).lower()}
    assert f"postmortems/{RESTRICTED.stem}/index.html" in with_canary
    assert any(path.endswith(".pf_fragment") for path in with_canary)  # the search index holds it
    assert any(path.endswith(".pf_index") for path in with_canary)
    page = read(site, f"postmortems/{RESTRICTED.stem}/index.html")
    assert "Restricted post-mortem" in page and 'pm-badge--restricted' in page
    assert "Internal build" in read(site, "index.html")


# ------------------------------------------------------------------------- offline

_LOADS = {"src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href"}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)


class _Requests(HTMLParser):
    """External URLs a browser would fetch, or link to from the site's own chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        for name, value in attrs:
            value = value or ""
            if name in _LOADS or (name == "href" and tag != "a") or (name == "content" and "url=" in value.lower()):
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.found += [f"<{tag} {name}={url}>" for url in urls if _EXTERNAL.match(url)]
            elif name == "href" and tag == "a" and _EXTERNAL.match(value) and not self.in_article:
                self.found.append(f"<a href={value}> outside the content")
            elif name == "style":
                self.found += [f"<{tag} style url({u})>" for u in _CSS_URL.findall(value) if _EXTERNAL.match(u)]

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1


def external_requests(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        parser = _Requests()
        parser.feed(text)
        styles = re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL)
        return parser.found + [u for css in styles for u in _CSS_URL.findall(css) if _EXTERNAL.match(u)]
    if path.suffix == ".css":
        return [u for u in _CSS_URL.findall(text) if _EXTERNAL.match(u)]
    if path.suffix == ".svg":
        root = ElementTree.fromstring(text)
        found = [el.tag for el in root.iter() if str(el.tag).endswith("script")]
        for el in root.iter():
            for name, value in el.attrib.items():
                if name.rsplit("}", 1)[-1] in ("href", "src") and _EXTERNAL.match(value):
                    found.append(value)
        return found + [u for u in _CSS_URL.findall(text) if _EXTERNAL.match(u)]
    if path.suffix == ".xml":
        return [loc for loc in re.findall(r"<loc>(.*?)</loc>", text) if _EXTERNAL.match(loc)]
    return []


def test_no_built_file_requests_another_host(site):
    problems = {}
    for path in site_files(site):
        found = external_requests(path)
        if found:
            problems[str(path.relative_to(site))] = found
    assert problems == {}
    html = read(site, "index.html")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert "Made with" not in html  # extra.generator: false


def test_the_sites_own_scripts_name_no_other_host(site):
    ours = ["assets/postmortem/tables.js", "assets/postmortem/filters.js", "assets/postmortem/vendor/tablesort.min.js", "search/worker.js"]
    for script in ours:
        code = re.sub(r"/\*.*?\*/", "", (site / script).read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not re.search(r"https?://|//[a-z0-9-]+\.[a-z]", code), script
    # Every other script is the theme's own bundle or Pagefind's, checked in the browser tests.
    scripts = {p.relative_to(site).as_posix() for p in site.rglob("*.js")}
    theirs = {s for s in scripts if s.startswith(("assets/javascripts/", "pagefind/"))}
    assert scripts - theirs == set(ours)


def test_every_relative_link_and_anchor_resolves(site):
    assert broken_links(site) == []


# ------------------------------------------------------------------------- bad input

CHECKOUT_SOURCE = ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md"
HOSTILE = """
<script>alert("pm-xss-block")</script>

Inline <img src=x onerror=alert(1)> and <b>bold</b> stay text; so does [a link](javascript:alert(2)).

A paragraph with attributes{: onclick="alert(3)" }

![remote logo](https://images.example.com/logo.png)

<!-- reviewer note: HIDDEN-COMMENT-TEXT -->
"""


def _variant(text: str, id_: str, title: str, related: str = "[]") -> str:
    text = text.replace("id: PM-2026-007", f"id: {id_}", 1)
    text = re.sub(r'^title: ".*"$', f"title: {json.dumps(title)}", text, count=1, flags=re.MULTILINE)
    return text.replace("related: [PM-2026-027]", f"related: {related}", 1).replace("related: []", f"related: {related}", 1)


@pytest.fixture(scope="module")
def hostile_archive() -> Path:
    folder = temp_dir("pm-hostile-")
    source = folder / "postmortems"
    source.mkdir()
    original = CHECKOUT_SOURCE.read_text(encoding="utf-8")
    hostile = _variant(original, "PM-2026-901", "Checkout errors <script>alert('title')</script> in the EU", "[PM-2026-902]")
    hostile = hostile.replace("## Impact\n", HOSTILE + "\n## Impact\n", 1)
    (source / "2026-03-05-hostile.md").write_text(hostile, encoding="utf-8")
    (source / "2026-03-06-plain.md").write_text(_variant(original, "PM-2026-902", "Checkout errors for EU customers again"), encoding="utf-8")
    broken = _variant(original, "PM-2026-903", "Checkout errors with a missing section").replace("## Lessons Learned\n", "")
    (source / "2026-03-07-broken.md").write_text(broken, encoding="utf-8")
    return folder


def test_lint_errors_fail_the_build_with_file_and_line(hostile_archive):
    config = archive_config(hostile_archive, hostile_archive / "postmortems")
    result = build(hostile_archive / "site", config)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "does not pass `postmortem lint`" in output
    assert re.search(r"2026-03-07-broken\.md:\d+:\d+: PM201 \[error\] missing required section: Lessons Learned", output)
    assert "Traceback" not in output
    assert not (hostile_archive / "site" / "index.html").exists()


@pytest.fixture(scope="module")
def hostile_site(hostile_archive) -> Path:
    config = archive_config(hostile_archive, hostile_archive / "postmortems")
    site = hostile_archive / "site-allowed"
    result = build(site, config, POSTMORTEM_ALLOW_LINT_ERRORS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_allowed_lint_errors_are_published_with_a_banner(hostile_site):
    page = article(read(hostile_site, "postmortems/2026-03-07-broken/index.html"))
    assert "This post-mortem fails linting" in page
    assert re.search(r"<code>\d+:\d+</code> PM201 missing required section: Lessons Learned", page)


def test_raw_html_in_a_postmortem_is_escaped(hostile_site):
    html = read(hostile_site, "postmortems/2026-03-05-hostile/index.html")
    content = article(html)
    assert '<script>alert("pm-xss-block")' not in html
    assert '&lt;script&gt;alert("pm-xss-block")&lt;/script&gt;' in content
    assert "<script>alert('title')" not in html
    assert "Checkout errors &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; in the EU" in html
    assert "onerror" not in re.sub(r"&lt;img src=x onerror=alert\(1\)&gt;", "", content)
    assert "&lt;b&gt;bold&lt;/b&gt;" in content
    assert 'href="javascript:' not in html and "<span>a link</span>" in content
    assert not re.search(r"<[^>]*\sonclick=", html)
    assert "images.example.com" not in re.sub(r'<a href="https://images\.example\.com/logo\.png">remote logo</a>', "", content)
    assert "HIDDEN-COMMENT-TEXT" not in html


def test_backlinks_show_incidents_that_name_this_one(hostile_site):
    plain = article(read(hostile_site, "postmortems/2026-03-06-plain/index.html"))
    assert 'href="../2026-03-05-hostile/"' in plain and "links here" in plain


def test_missing_archive_folder_is_a_clear_error(tmp_path):
    config = archive_config(tmp_path, tmp_path / "nowhere")
    result = build(tmp_path / "site", config)
    assert result.returncode != 0
    assert "archive folder" in result.stdout + result.stderr and "does not exist" in result.stdout + result.stderr
