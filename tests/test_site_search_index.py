"""How the site's build hands its pages to Pagefind (``site/search.py``): as they are
written or after the build, the same pages in the same bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from postmortem.site import search

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


def test_the_last_bundle_written_beside_the_build_is_the_one_written_at_the_end(tmp_path):
    """Pagefind writes the last bundle once ``last`` is added; the bundles are those of
    an index written at the end, and a page that comes after ``last`` all the same is in
    them too (the bundle is written again with it)."""
    found = pages(7)
    paths = list(found)
    sites = {}
    for name, last in (("end", None), ("early", paths[-1]), ("late-page", paths[4]), ("full-bundle", paths[2])):
        site = tmp_path / name
        write_site(site, found)
        index = search.SiteIndex(site, bundle_pages=3, live=True, last=last)
        for path, html in found.items():
            index.add(path, html)
        assert index.finish() == ["pagefind/", "pagefind-2/", "pagefind-3/"]
        sites[name] = records(site)
    assert sites["early"] == sites["end"] == sites["late-page"] == sites["full-bundle"]
    assert sum(len(bundle) for bundle in sites["late-page"]) == 7


def test_an_early_write_of_a_stopped_pagefind_is_an_error(tmp_path):
    found = pages(2)
    write_site(tmp_path, found)
    index = search.SiteIndex(tmp_path, live=True, last=list(found)[-1])
    for path, html in found.items():
        index.add(path, html)
    index._pagefind._process.kill()
    with pytest.raises(PluginError, match="Pagefind"):
        index.finish()
    index.close()


def test_a_large_site_gets_smaller_bundles_unless_the_site_sets_their_size():
    """Over LARGE_SITE_PAGES pages the build holds more memory while Pagefind indexes beside
    it: a bundle holds LARGE_BUNDLE_PAGES pages there, BUNDLE_PAGES up to it."""
    assert search.bundle_pages(1) == search.bundle_pages(search.LARGE_SITE_PAGES) == search.BUNDLE_PAGES
    assert search.bundle_pages(search.LARGE_SITE_PAGES + 1) == search.bundle_pages(20_000) == search.LARGE_BUNDLE_PAGES
    assert search.LARGE_BUNDLE_PAGES < search.BUNDLE_PAGES
    assert search.bundle_pages(20_000, configured=2_000) == 2_000  # the plugin's search_bundle_pages
    assert search.bundle_pages(5, configured=3) == 3
    assert search.bundle_pages(5, configured=0) == 1


def test_a_full_bundle_pagefind_cannot_write_is_an_error_not_a_hang(tmp_path):
    """A full bundle is written while the next pages are sent (``Pagefind.next_index``):
    its failure still stops the build, when Pagefind's answers are checked."""
    found = pages(2)
    write_site(tmp_path, found)
    (tmp_path / "pagefind").write_text("a file where the first bundle goes", encoding="utf-8")
    index = search.SiteIndex(tmp_path, bundle_pages=1, live=True)
    with pytest.raises(PluginError, match="Pagefind"):
        for path, html in found.items():
            index.add(path, html)
        index.finish()
    index.close()


def test_pagefind_gets_the_article_and_the_head_only_when_its_index_is_the_same(tmp_path, monkeypatch):
    """What the header, navigation and footer hold is left out of what Pagefind reads,
    unless Pagefind would read it: a page's first <h1> is its title and an <img> its image
    wherever they are, and its attributes count anywhere."""
    page = PAGE.format(title="Incident 1", text="failover number 1")
    trimmed = search.what_pagefind_reads(page)
    assert "Everywhere" not in trimmed and '<html lang="en">' in trimmed and "<title>Incident 1</title>" in trimmed
    assert "failover number 1" in trimmed and trimmed.endswith("</article></body></html>")
    outside = {
        "logo": page.replace("</body>", '<footer><img src="/logo.png" alt="Logo"></footer></body>'),
        "heading": page.replace("<nav>", "<nav><H1>Site</H1>"),
        "filter": page.replace("</body>", '<footer data-pagefind-filter="team:sre">SRE</footer></body>'),
        "nested": page.replace("<h1>", "<article><p>quoted</p></article><h1>"),
        "unmarked": page.replace(" data-pagefind-body", ""),
    }
    for html in outside.values():
        assert search.what_pagefind_reads(html) == html
    found = {"postmortems/plain/index.html": page,
             **{f"postmortems/{name}/index.html": html for name, html in outside.items() if name != "unmarked"}}
    sites = {}
    for name in ("trimmed", "whole"):
        if name == "whole":  # every page as written, as Pagefind got them before
            monkeypatch.setattr(search, "what_pagefind_reads", lambda html: html)
        site = tmp_path / name
        write_site(site, found)
        index = search.SiteIndex(site, live=True)
        for path, html in found.items():
            index.add(path, html)
        index.finish()
        sites[name] = records(site)
    assert sites["trimmed"] == sites["whole"]
    indexed = sites["trimmed"][0]
    assert indexed["/postmortems/logo/"]["meta"]["image"] == "/logo.png"
    assert indexed["/postmortems/heading/"]["meta"]["title"] == "Site"
    assert indexed["/postmortems/filter/"]["filters"] == {"team": ["sre"]}
    assert indexed["/postmortems/plain/"]["meta"]["title"] == "Incident 1"
