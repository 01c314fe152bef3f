"""The site for reviewers and managers: drafts marked (or left out), the Atom feed, the
"edit this page" link, recurring contributing factors. Real ``mkdocs build --strict`` runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem.archive import archive_files
from postmortem.parse import parse_file
from postmortem.vocabulary import STATUSES

from .sitebuild import ROOT, build, default_site, site_bytes, site_files, temp_dir
from .test_site_build import article, read

DRAFT = STATUSES.values[0]


@pytest.fixture(scope="module")
def site() -> Path:
    return default_site()


def drafts() -> list:
    found = [parse_file(path) for path in archive_files(ROOT / "postmortems")]
    return [doc for doc in found if doc.incident.status == DRAFT and doc.incident.visibility == "internal"]


@pytest.fixture(scope="module")
def site_without_drafts() -> Path:
    folder = temp_dir("pm-site-nodrafts-") / "site"
    result = build(folder, POSTMORTEM_DRAFTS="0")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


# ------------------------------------------------------------------------- drafts


def test_a_draft_page_has_a_draft_banner_and_is_marked_in_tables(site):
    assert drafts()
    for doc in drafts():
        page = article(read(site, f"postmortems/{Path(doc.path).stem}/index.html"))
        assert 'class="admonition warning pm-draft"' in page and '<p class="admonition-title">Draft</p>' in page
        archive = article(read(site, "archive/index.html"))
        row = archive[: archive.index(doc.incident.title)]
        assert 'class="pm-draft"' in row[row.rindex("<tr") :]
    filters = article(read(site, "archive/index.html"))
    assert f'name="status" value="{DRAFT}"' in filters


def test_drafts_can_be_left_out_of_the_site(site_without_drafts):
    for doc in drafts():
        stem = Path(doc.path).stem
        assert not (site_without_drafts / "postmortems" / stem).exists()
        for path in site_files(site_without_drafts):
            if path.suffix in (".html", ".xml", ".json"):
                data = site_bytes(path)
                assert stem.encode() not in data and doc.incident.title.encode() not in data, path


# ------------------------------------------------------------------------- recurring factors


def test_insights_show_recurring_contributing_factors_with_links(site):
    page = article(read(site, "insights/index.html"))
    section = page[page.index('id="recurring-contributing-factors"') :]
    assert "seen in 2 incidents" in section
    theme = section[section.index("validate connections on borrow") :]
    theme = theme[: theme.index("</ul>")]
    assert 'href="../postmortems/2026-03-04-checkout-errors-for-eu-customers/"' in theme
    assert 'href="../postmortems/2026-10-14-order-history-errors-after-orders-database-failover/"' in theme


# ------------------------------------------------------------------------- feed, edit link, print

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_lists_published_postmortems_only(site):
    from xml.etree import ElementTree

    from postmortem.site.catalog import PUBLISHED_STATUSES

    root = ElementTree.fromstring(site_bytes(site / "feed.xml"))
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}updated") is not None
    docs = [parse_file(path) for path in archive_files(ROOT / "postmortems")]
    expected = {
        doc.incident.title for doc in docs
        if doc.incident.status in PUBLISHED_STATUSES and doc.incident.visibility == "internal"
    }
    entries = root.findall(f"{ATOM}entry")
    assert {entry.findtext(f"{ATOM}title") for entry in entries} == expected
    left_out = [doc for doc in docs if doc.incident.title not in expected]
    assert any(doc.incident.status == DRAFT for doc in left_out) and any(doc.incident.visibility == "restricted" for doc in left_out)
    text = site_bytes(site / "feed.xml").decode()
    for doc in left_out:
        assert doc.incident.title not in text and Path(doc.path).stem not in text
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert (site / link / "index.html").is_file(), link
    assert 'href="../feed.xml"' in read(site, "archive/index.html")


def test_no_edit_link_unless_configured(site):
    assert "Edit this page" not in read(site, "postmortems/2026-03-04-checkout-errors-for-eu-customers/index.html")


def test_the_edit_link_points_at_the_source_file(tmp_path):
    from .sitebuild import archive_config

    folder = temp_dir("pm-site-edit-")
    config = archive_config(folder, ROOT / "postmortems")
    text = config.read_text(encoding="utf-8").replace(
        "      pyproject:", "      edit_url: https://git.example.com/ops/archive/-/edit/main/{path}\n      pyproject:", 1
    )
    config.write_text(text, encoding="utf-8")
    result = build(folder / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (folder / "site" / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers" / "index.html").read_text(encoding="utf-8")
    assert ('<a href="https://git.example.com/ops/archive/-/edit/main/postmortems/'
            '2026-03-04-checkout-errors-for-eu-customers.md" rel="noopener">Edit this page</a>') in page


def test_the_print_stylesheet_hides_the_site_around_the_text():
    css = (ROOT / "linter" / "postmortem" / "site" / "assets" / "postmortem.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".pm-filters"):
        assert hidden in block[: block.index("display: none")]
    assert "break-inside: avoid" in block


def test_the_internal_build_keeps_restricted_postmortems_out_of_the_feed():
    from .sitebuild import internal_site

    site = internal_site()
    restricted = [parse_file(path) for path in archive_files(ROOT / "postmortems")]
    restricted = [doc for doc in restricted if doc.incident.visibility == "restricted"]
    assert restricted
    feed = site_bytes(site / "feed.xml").decode()
    for doc in restricted:
        assert (site / "postmortems" / Path(doc.path).stem / "index.html").is_file()  # on the internal site
        assert doc.incident.title not in feed and Path(doc.path).stem not in feed  # never in the feed


def test_every_page_names_the_feed_in_its_head(site):
    assert '<link rel="alternate" type="application/atom+xml" title="Post-mortem archive: published post-mortems" href="feed.xml">' in read(site, "index.html")
    page = read(site, "postmortems/2026-03-04-checkout-errors-for-eu-customers/index.html")
    head = page[: page.index("</head>")]
    assert 'type="application/atom+xml"' in head and 'href="../../feed.xml"' in head
