"""How the site's build hands its pages to Pagefind (``site/search.py``), and the theme's
navigation rendered once for the pages outside it (``site/navcache.py``): both leave what
the site holds as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from postmortem.site import navcache, search

from .conftest import ROOT, TODAY
from .sitebuild import archive_config
from .test_site_build import pagefind_pages

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Everywhere</nav><article class="md-content__inner md-typeset" data-pagefind-body>
<h1>{title}</h1><p>{text} <a class="headerlink" href="#x">¶</a></p></article></body></html>
"""
WORDS = ["failover", "checkout", "latency", "certificate", "rollback", "queue", "resolver"]


def pages(count: int) -> dict[str, str]:
    return {f"postmortems/page-{n:02d}/index.html": PAGE.format(title=f"Incident {n}", text=f"{WORDS[n % 7]} number {n}")
            for n in range(count)}


def write_site(site: Path, found: dict[str, str]) -> None:
    for path, html in found.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")


def records(site: Path) -> list[dict[str, dict]]:
    """Each bundle's pages, by URL, in the manifest's order."""
    bundles = json.loads((site / search.MANIFEST).read_text(encoding="utf-8"))["bundles"]
    return [{url: {key: record[key] for key in ("url", "content", "meta", "filters")}
             for url, record in pagefind_pages(site, bundle.rstrip("/")).items()} for bundle in bundles]


def test_pages_indexed_as_written_or_after_the_build_land_in_the_same_bundles(tmp_path):
    found = pages(7)
    sites = []
    for live in (True, False):
        site = tmp_path / ("live" if live else "after")
        write_site(site, found)
        index = search.SiteIndex(site, bundle_pages=3, live=live)
        for path, html in found.items():
            index.add(path, html)
        assert index.finish() == ["pagefind/", "pagefind-2/", "pagefind-3/"]
        sites.append(records(site))
    live, after = sites
    assert live == after
    assert [sorted(bundle) for bundle in live] == [
        [f"/postmortems/page-{n:02d}/" for n in numbers] for numbers in ((0, 1, 2), (3, 4, 5), (6,))]
    record = live[0]["/postmortems/page-01/"]
    assert record["meta"]["title"] == "Incident 1"
    assert "checkout number 1" in record["content"] and "Everywhere" not in record["content"] and "¶" not in record["content"]
    for name in ("pagefind", "pagefind-2"):  # only what the site's worker uses
        assert not list((tmp_path / "live" / name).glob("pagefind-ui.*"))
        assert (tmp_path / "live" / name / "pagefind-entry.json").is_file()


def test_a_bundle_of_an_earlier_larger_build_is_removed(tmp_path):
    found = pages(4)
    write_site(tmp_path, found)
    assert search.index_site(tmp_path, list(found), bundle_pages=1)[-1] == "pagefind-4/"
    assert search.index_site(tmp_path, list(found), bundle_pages=2) == ["pagefind/", "pagefind-2/"]
    assert not (tmp_path / "pagefind-3").exists() and not (tmp_path / "pagefind-4").exists()
    assert sum(len(bundle) for bundle in records(tmp_path)) == 4


def test_a_site_with_nothing_to_search_still_gets_an_index(tmp_path):
    assert search.SiteIndex(tmp_path).finish() == ["pagefind/"]
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()
    assert records(tmp_path) == [{}]


def test_a_pagefind_that_stops_is_an_error_not_a_hang(tmp_path):
    stopped = search.Pagefind("/bin/true")
    with pytest.raises(PluginError, match="Pagefind stopped"):
        stopped.new_index(search.EXCLUDE)
    stopped.close()


def test_an_answer_to_a_request_pagefind_could_not_read_names_the_request():
    original = json.dumps({"message_id": 7, "payload": {"type": "Nonsense"}})
    assert search._message_id({"message_id": None, "payload": {"type": "Error", "original_message": original}}) == 7
    assert search._message_id({"message_id": 3, "payload": {}}) == 3
    assert search._message_id({"payload": {"type": "Error", "original_message": "not json"}}) is None


def _build_in_process(config_file: Path, site: Path) -> dict[str, bytes]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=str(config_file), site_dir=str(site)))
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


def test_the_navigation_rendered_once_is_the_navigation_the_theme_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTMORTEM_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = archive_config(tmp_path, ROOT / "postmortems")
    renders: list[str] = []
    real_install = navcache.install

    def counting_install(env, nav, mkdocs_config):  # counts the theme's own renders of the navigation
        template = env.get_template(navcache.NAV)
        theme_render = template.root_render_func

        def counted(context):
            renders.append(getattr(context.get("page"), "url", None))
            yield from theme_render(context)

        template.root_render_func = counted
        real_install(env, nav, mkdocs_config)

    monkeypatch.setattr(navcache, "install", counting_install)
    cached = _build_in_process(config, tmp_path / "cached")
    rendered_once = len(renders)
    monkeypatch.setattr(navcache, "install", lambda env, nav, mkdocs_config: None)
    plain = _build_in_process(config, tmp_path / "plain")
    assert sorted(cached) == sorted(plain)
    assert [path for path in cached if cached[path] != plain[path]] == []
    assert any(path.startswith("postmortems/") for path in cached) and any(path.startswith("status-history/") for path in cached)
    in_nav = 17  # the home page, the browse pages, the tracker, insights, the history's first page, the guides
    assert rendered_once < in_nav + 5 < len(cached)  # the others: once per place in the site
