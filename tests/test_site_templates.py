"""The site's HTML comes from Jinja templates: escaped, and overridable from a site's theme.

Unit tests render the templates straight from a parsed post-mortem whose fields hold
``<script>`` and ``&``; one build overrides the card template from a temporary site's
``custom_dir`` and finds it used.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from postmortem.parse import parse_file
from postmortem.site import body, browse, cards, filters, home, insights, tracker
from postmortem.site.catalog import Catalog, Entry
from postmortem.site.templating import PACKAGE_TEMPLATES, Templates
from postmortem.site.tokens import Tokens
from postmortem.site.urls import Urls

from .conftest import FIXTURES
from .sitebuild import ROOT, archive_config, build, temp_dir

EVIL = "<script>alert(1)</script> & co"


def hostile_text() -> str:
    text = (FIXTURES / "complete.md").read_text(encoding="utf-8")
    text = text.replace('title: "Checkout errors for EU customers after payments database failover"', f'title: "{EVIL}"')
    text = text.replace("services: [checkout-api, payments-db]", f'services: ["{EVIL}", payments-db]')
    text = text.replace("tags: [database, failover, connection-pool]", f'tags: ["{EVIL}", database]')
    text = text.replace("authors: [payments-team, incident-commander]", f'authors: ["{EVIL}"]')
    text = text.replace("revenue_impact: \"About", f'revenue_impact: "{EVIL} About')
    text = text.replace(
        'summary: "EU customers saw errors at checkout;', f'summary: "{EVIL} EU customers saw errors at checkout;'
    )
    text = text.replace("| A4 | Move pool settings", f"| A4 | {EVIL.replace('<', '&lt;')} Move pool settings")
    text = text.replace("| platform-team |", f"| {EVIL} |")
    return text


@pytest.fixture(scope="module")
def catalog(tmp_path_factory) -> Catalog:
    path = tmp_path_factory.mktemp("hostile") / "2026-03-04-hostile.md"
    path.write_text(hostile_text(), encoding="utf-8")
    doc = parse_file(path)
    assert doc.incident.title == EVIL and EVIL in doc.incident.services
    return Catalog([Entry(doc, "2026-03-04-hostile")], date(2026, 11, 23), internal=True)


def fragments(catalog: Catalog) -> dict[str, str]:
    t, urls, entry = Templates(), Urls(True), catalog.entries[0]
    charts = insights.all_charts(catalog, {})
    return {
        "card": cards.card(entry, catalog, urls, t),
        "incident table": browse.incident_table(catalog.entries, urls, "archive/index.md", t, filterable=True),
        "filters": filters.form(catalog.entries, t),
        "grouped": browse.service_page(catalog, urls, t),
        "home": home.home_page(catalog, urls, t),
        "tracker": tracker.tracker_page(catalog, urls, t),
        "insights": insights.insights_page(catalog, urls, charts, t),
        "with markers": t.with_markers(f"{EVIL} [ESTIMATE: {EVIL}]"),
        "chip": t.chip(EVIL, EVIL, "tag"),
        "table": t.table([EVIL], [[EVIL, (EVIL, EVIL)]], row_attrs=[{"data-x": EVIL}]),
    }


def test_every_field_is_escaped(catalog):
    for name, html in fragments(catalog).items():
        assert "<script>" not in html, name
        assert "&lt;script&gt;" in html or "\\&lt;script\\&gt;" in html, name
        assert "</script> & co" not in html, name  # the ampersand is escaped too
    card = fragments(catalog)["card"]
    assert card.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") >= 4  # title aside: services, tags, authors, impact


def test_the_body_keeps_the_post_mortems_text_for_markdown(catalog):
    tokens = Tokens()
    page = body.page_body(catalog.entries[0].doc, tokens, catalog.today, Templates())
    # The body is Markdown, rendered with raw HTML escaped (guard.py); the badges are placeholders.
    assert re.search(r"pmsite\w+t\d+z", page)
    html = tokens.substitute(page)
    assert 'class="pm-badge pm-badge--action-in-progress"' in html


def test_an_override_replaces_the_packaged_template(tmp_path):
    (tmp_path / "postmortem").mkdir()
    (tmp_path / "postmortem" / "badge.html").write_text('<b class="mine">{{ text }}</b>', encoding="utf-8")
    t = Templates(tmp_path)
    assert t.severity_badge("SEV1") == '<b class="mine">SEV1</b>'
    assert t.status_badge("draft") == '<b class="mine">draft</b>'  # every badge
    assert 'class="pm-badge' in Templates().severity_badge("SEV1")


def test_every_packaged_template_is_in_the_package_data():
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["postmortem"]
    site = PACKAGE_TEMPLATES.parent
    shipped = {p for pattern in patterns if pattern.startswith("site/") for p in site.parent.glob(pattern)}
    templates = {p for p in PACKAGE_TEMPLATES.rglob("*") if p.is_file()}
    assert templates and templates <= shipped, sorted(str(p) for p in templates - shipped)


def test_a_site_overrides_the_card_from_its_custom_dir():
    folder = temp_dir("pm-override-")
    overrides = folder / "overrides" / "postmortem"
    overrides.mkdir(parents=True)
    (overrides / "card.html").write_text(
        '<section class="custom-card" aria-label="Incident summary">{{ entry.label }}: {{ entry.title }}</section>',
        encoding="utf-8",
    )
    config = archive_config(folder, ROOT / "postmortems")
    config.write_text(
        config.read_text(encoding="utf-8") + f"theme:\n  name: material\n  custom_dir: {folder / 'overrides'}\n",
        encoding="utf-8",
    )
    site = folder / "site"
    result = build(site, config)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers" / "index.html").read_text(encoding="utf-8")
    assert '<section class="custom-card" aria-label="Incident summary">PM-2026-007: ' in page
    assert "pm-card__facts" not in page
    # Templates not overridden stay the package's.
    assert 'class="pm-table pm-incidents' in (site / "index.html").read_text(encoding="utf-8")


def test_placeholders_stay_apart_past_100000():
    """A site of 20,000 post-mortems makes some 200,000 placeholders: none may be read as
    another one followed by digits."""
    from postmortem.site.tokens import Tokens

    tokens = Tokens()
    placed = [tokens.add(f"<b>{n}</b>") for n in range(100_012)]
    html = f"<p>{placed[100_011]}</p><p>{placed[10_001]}</p>{placed[1]}"
    assert tokens.substitute(html) == "<b>100011</b><b>10001</b><b>1</b>"
    assert tokens.leftover(html) == placed[100_011:100_012] + [placed[10_001], placed[1]]
