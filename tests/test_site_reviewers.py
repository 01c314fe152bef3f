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
        assert '<td class="pm-draft"' in row[row.rindex("<tr") :]
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
