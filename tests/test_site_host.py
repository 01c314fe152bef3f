"""The archive as a guest in another site: mounted under a sub-path, in the host's nav,
every generated link resolving inside the host, the same configuration as the linter.

Each host is a small mkdocs-material site of its own (home page, two pages, optionally an
explicit ``nav``) with its archive in ``incidents/`` and a ``postmortem.toml`` (no
``pyproject.toml``), built with the real ``mkdocs build --strict`` (``sitebuild.py``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import chromium
from postmortem.rules import action_owner_unknown, missing_section

from .sitebuild import GENERATED_PAGES, ROOT, TODAY, broken_links, build, temp_dir
from .test_site_browser import serve, wait

COPIED = [
    "2026-03-04-checkout-errors-for-eu-customers.md",
    "2026-09-08-duplicate-charges-for-annual-subscribers.md",
    "2026-04-09-site-unreachable-in-asia-pacific.md",
]
DNS = "2026-04-09-site-unreachable-in-asia-pacific.md"
HOST_PAGES = {
    "index.md": "# Team handbook\n\nOur own home page. The rota is in [on-call](guide/on-call.md#rota).\n",
    "guide/on-call.md": "# On-call\n\n## Rota\n\nWho is on call this week. Back to [the handbook](../index.md).\n",
    "about.md": "# About the team\n\nWho we are and what we run.\n",
}
NAV = "nav:\n  - Home: index.md\n  - On-call: guide/on-call.md\n  - About: about.md\n"
MOUNTED = [
    *GENERATED_PAGES,
    "feed.xml",
    *[f"postmortems/{name[:-3]}/index.html" for name in COPIED],
]


def make_host(folder: Path, *, nav: bool = True, plugin: str = "      mount: postmortems\n",
              toml: str = 'archive = "incidents"\n', theme: str = "material") -> Path:
    """A host site in ``folder``; returns its mkdocs.yml. ``plugin``: the plugin's option lines
    (empty: the site without the plugin)."""
    for name, text in HOST_PAGES.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    archive = folder / "incidents"
    archive.mkdir(exist_ok=True)
    for name in [*COPIED, "owners.yml"]:
        shutil.copyfile(ROOT / "postmortems" / name, archive / name)
    (folder / "postmortem.toml").write_text(toml, encoding="utf-8")
    plugins = "  - search\n  - tags\n" + ("  - postmortem-archive:\n" + plugin if plugin else "")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Team handbook\ntheme:\n  name: {theme}\n" + ("  font: false\n" if theme == "material" else "")
        + (NAV if nav else "") + "plugins:\n" + plugins,
        encoding="utf-8",
    )
    return config


def built(folder: Path, **kwargs) -> Path:
    config = make_host(folder, **kwargs)
    result = build(folder / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def article(html: str) -> str:
    """The page's content, inside its article element (whose attributes mark it for search)."""
    start = re.search(r'<article class="md-content__inner md-typeset"[^>]*>', html).end()
    return html[start : html.index("</article>", start)]


def primary_nav(html: str) -> list[str]:
    """The primary navigation as a flat list: section and page titles, and ``-> link``."""
    start = html.index("md-nav--primary")
    nav = html[start:]
    found = re.findall(r'<a href="([^"]+)" class="md-nav__link[^"]*"|<span class="md-ellipsis">\s*(.*?)\s*</span>', nav)
    return [f"-> {href}" if href else title for href, title in found]


@pytest.fixture(scope="module")
def host() -> Path:
    return built(temp_dir("pm-host-"))


@pytest.fixture(scope="module")
def bare_host() -> Path:
    """The same host site without the plugin: what its own pages look like alone."""
    return built(temp_dir("pm-host-bare-"), plugin="")


@pytest.fixture(scope="module")
def host_without_nav() -> Path:
    return built(temp_dir("pm-host-autonav-"), nav=False)


# ------------------------------------------------------------------------- mount


def test_host_pages_are_intact_at_their_urls(host, bare_host):
    for page in ("index.html", "guide/on-call/index.html", "about/index.html"):
        assert article((host / page).read_text(encoding="utf-8")) == article((bare_host / page).read_text(encoding="utf-8")), page
    assert "Our own home page" in (host / "index.html").read_text(encoding="utf-8")


def test_the_archive_lives_under_its_mount(host):
    missing = [page for page in MOUNTED if not (host / "postmortems" / page).is_file()]
    assert missing == []
    charts = list((host / "postmortems" / "insights").glob("*.svg"))
    assert charts, "the insights charts are under the mount too"
    for at_root in ("archive", "actions", "insights", "status-history", "rules", "feed.xml"):
        assert not (host / at_root).exists(), at_root
    # The packaged assets and the search worker stay site-wide.
    assert (host / "assets" / "postmortem" / "postmortem.css").is_file()
    assert (host / "search" / "worker.js").is_file()


def test_an_archive_page_links_the_packaged_stylesheet_and_scripts(host):
    html = (host / "postmortems" / "archive" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../assets/postmortem/postmortem.css"' in html
    for script in ("vendor/tablesort.min.js", "tables.js", "filters.js"):
        assert f'src="../../assets/postmortem/{script}"' in html, script


def test_every_relative_link_and_anchor_resolves_in_the_host(host):
    assert broken_links(host) == []


def test_the_feed_links_resolve_from_where_the_feed_is(host):
    feed = (host / "postmortems" / "feed.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"/>', feed)
    assert len(links) == 1 + len(COPIED)
    for link in links:
        assert (host / "postmortems" / link / "index.html").is_file(), link


def test_the_archive_home_links_no_guide_the_host_lacks(host):
    home = article((host / "postmortems" / "index.html").read_text(encoding="utf-8"))
    assert "writing/" not in home and "Writing a post-mortem" not in home
    assert 'href="rules/"' in home and 'href="archive/"' in home


# ------------------------------------------------------------------------- nav


def test_the_explicit_nav_gets_one_section_at_its_end(host):
    nav = primary_nav((host / "about" / "index.html").read_text(encoding="utf-8"))
    assert nav.count("Post-mortems") == 1
    section = nav[nav.index("Post-mortems") :]
    assert nav.index("About") < nav.index("Post-mortems")
    links = [item[3:] for item in section if item.startswith("-> ")]
    assert links == [
        "../postmortems/",
        "../postmortems/archive/",
        "../postmortems/archive/severity/",
        "../postmortems/archive/services/",
        "../postmortems/archive/years/",
        "../postmortems/archive/tags/",
        "../postmortems/actions/",
        "../postmortems/insights/",
        "../postmortems/status-history/",
        "../postmortems/rules/",
    ]
    for title in ("Archive", "By severity", "Action items", "Insights", "Status history", "Rule reference"):
        assert title in section, title


def test_a_nav_that_places_the_pages_itself_is_left_alone(tmp_path):
    nav = NAV + "  - Incidents: postmortems/archive/index.md\n"
    config = make_host(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(NAV, nav), encoding="utf-8")
    result = build(tmp_path / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    items = primary_nav((tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8"))
    assert "Post-mortems" not in items and "Incidents" in items and "-> ../postmortems/archive/" in items


def test_without_nav_the_automatic_one_holds_the_archive_section(host_without_nav):
    site = host_without_nav
    nav = primary_nav((site / "about" / "index.html").read_text(encoding="utf-8"))
    assert "Post-mortems" in nav and "Postmortems" not in nav
    section = nav[nav.index("Post-mortems") :]
    for link in ("../postmortems/", "../postmortems/archive/", "../postmortems/actions/", "../postmortems/insights/",
                 "../postmortems/rules/", "../postmortems/status-history/"):
        assert f"-> {link}" in section, link
    assert not any("postmortems/postmortems/" in item for item in nav)  # post-mortem pages stay out of the nav
    assert "Our own home page" in (site / "index.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


# ------------------------------------------------------------------------- errors


def test_a_theme_other_than_material_is_one_clear_error(tmp_path):
    config = make_host(tmp_path, theme="readthedocs")
    config.write_text(config.read_text(encoding="utf-8").replace("  - tags\n", ""), encoding="utf-8")  # material's
    result = build(tmp_path / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "postmortem-archive needs the Material for MkDocs theme (theme: name: material); this site uses 'readthedocs'" in output
    assert "Traceback" not in output and "article element" not in output


def test_without_the_tags_plugin_one_clear_error(tmp_path):
    config = make_host(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("  - tags\n", ""), encoding="utf-8")
    result = build(tmp_path / "site", config)
    assert result.returncode != 0
    assert "postmortem-archive needs the theme's tags plugin" in result.stdout + result.stderr


def test_a_host_page_at_a_generated_path_is_named_with_it(tmp_path):
    config = make_host(tmp_path, plugin="      mount: ''\n")
    result = build(tmp_path / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/index.md clashes with the archive's generated page index.md" in output
    assert "mount" in output and "Traceback" not in output


def test_a_mount_outside_the_site_is_refused(tmp_path):
    config = make_host(tmp_path, plugin="      mount: ../elsewhere\n")
    result = build(tmp_path / "site", config)
    assert result.returncode != 0
    assert "option `mount`" in result.stdout + result.stderr


# ------------------------------------------------------------------------- one configuration


def lint(folder: Path) -> subprocess.CompletedProcess:
    """``postmortem lint incidents`` from the host's root, as a user runs it."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "postmortem"), "lint", "incidents", "--today", TODAY],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )


def _break(folder: Path, old: str, new: str) -> None:
    path = folder / "incidents" / DNS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


UNKNOWN_OWNER = ("| network-team | P2 | 2026-06-30 | open | CF1, CF5 |", "| netwrok-team | P2 | 2026-06-30 | open | CF1, CF5 |")
NO_LESSONS = ("## Lessons Learned\n", "## Afterword\n")


@pytest.mark.parametrize(
    "broken, toml, passes, code",
    [
        (UNKNOWN_OWNER, 'archive = "incidents"\n', False, action_owner_unknown.CODE),
        (UNKNOWN_OWNER, f'archive = "incidents"\nignore = ["{action_owner_unknown.NAME}"]\n', True, action_owner_unknown.CODE),
        (NO_LESSONS, 'archive = "incidents"\n', False, missing_section.CODE),
        (NO_LESSONS, 'archive = "incidents"\n[required-sections]\nSEV2 = ["summary", "impact", "timeline", "root-cause", '
                     '"went-well", "could-improve", "action-items", "communication"]\n', True, missing_section.CODE),
    ],
    ids=["unknown-owner", "unknown-owner-ignored", "missing-section", "section-not-required"],
)
def test_lint_and_build_agree(tmp_path, broken, toml, passes, code):
    config = make_host(tmp_path, toml=toml)
    _break(tmp_path, *broken)
    linted = lint(tmp_path)
    result = build(tmp_path / "site", config)
    assert (linted.returncode == 0) is passes, linted.stdout + linted.stderr
    assert (result.returncode == 0) is passes, result.stdout + result.stderr
    assert (f"{DNS}:" in linted.stdout and code in linted.stdout) is not passes
    assert (code in result.stdout + result.stderr) is not passes


def test_the_config_option_names_the_configuration_file(tmp_path):
    config = make_host(tmp_path, plugin="      mount: postmortems\n      config: settings/postmortem.toml\n")
    _break(tmp_path, *UNKNOWN_OWNER)
    (tmp_path / "settings").mkdir()
    (tmp_path / "settings" / "postmortem.toml").write_text(
        f'archive = "../incidents"\nignore = ["{action_owner_unknown.NAME}"]\n', encoding="utf-8"
    )
    result = build(tmp_path / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr  # not the postmortem.toml beside mkdocs.yml
    assert (tmp_path / "site" / "postmortems" / "postmortems" / DNS[:-3] / "index.html").is_file()


# ------------------------------------------------------------------------- in a browser


@pytest.mark.skipif(not chromium.available(), reason="Chromium and chromium-driver are not installed: run `make browser-deps`")
def test_the_mounted_archive_is_styled_filterable_and_searchable(host):
    from selenium.webdriver.common.by import By

    driver = chromium.headless(temp_dir("pm-chromium-host-"))
    driver.set_page_load_timeout(60)
    try:
        with serve(host) as (url, _):
            driver.get(url + "postmortems/archive/")
            form = wait(driver, lambda b: b.find_element(By.CSS_SELECTOR, "form.pm-filters[data-filters-bound]"))
            rows = "table.pm-filterable tbody tr:not([hidden])"
            assert len(driver.find_elements(By.CSS_SELECTOR, rows)) == len(COPIED)
            badge = driver.find_element(By.CSS_SELECTOR, "table.pm-filterable .pm-badge--sev2")
            assert badge.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
            form.find_element(By.CSS_SELECTOR, "input[name=severity][value=SEV3]").click()
            wait(driver, lambda b: len(b.find_elements(By.CSS_SELECTOR, rows)) == 1)

            driver.get(url + "about/")  # search from a page of the host's own
            box = wait(driver, lambda b: b.find_element(By.CSS_SELECTOR, "input.md-search__input"))
            box.click()
            meta = lambda b: b.find_element(By.CSS_SELECTOR, ".md-search-result__meta").get_attribute("textContent")  # noqa: E731
            wait(driver, lambda b: "Type to start searching" in meta(b))
            box.send_keys("annual subscribers")
            wait(driver, lambda b: "matching document" in meta(b))
            first = driver.find_element(By.CSS_SELECTOR, "li.md-search-result__item a")
            assert "/postmortems/postmortems/2026-09-08-duplicate-charges-for-annual-subscribers/" in first.get_attribute("href")
    finally:
        driver.quit()
