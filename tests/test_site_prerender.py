"""The pages' Markdown rendered in a second process (``site/prerender.py``): the same pages
byte for byte as in one process, a result used only for the very Markdown it was made from,
and the warnings of a page rendered there still counted by ``--strict``; under ``mkdocs
serve``, the last build's renderings used again for the pages whose Markdown and site are
the same, and only for those."""

from __future__ import annotations

import time

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from postmortem.site.prerender import Prerender, PrerenderedPage, RenderMemory

from .conftest import ROOT
from .sitebuild import TODAY, archive_config, build, default_site, site_bytes, site_files, temp_dir

needs_two_cpus = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the second process runs with two CPUs or more")


def _plain_config(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return load_config(str(tmp_path / "mkdocs.yml"))


def _pages(config, texts: dict[str, str]) -> tuple[Files, list[PrerenderedPage]]:
    files = Files([])
    pages = []
    for name, text in texts.items():
        source = Path(config.docs_dir) / name
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(text, encoding="utf-8")
        file = File(name, src_dir=config.docs_dir, dest_dir=config.site_dir, use_directory_urls=True,
                    inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        pages.append(PrerenderedPage(None, file, config))
    return files, pages


def _rendered_here(config, files, page: Page) -> Page:
    """``page`` rendered in this process, by MkDocs alone."""
    alone = Page(None, page.file, config)
    page.file.page = page  # Page() made itself the file's page
    alone.read_source(config)
    Page.render(alone, config, files)
    return alone


TEXTS = {
    f"postmortems/p{number}.md": f"# Incident {number}\n\n## What happened\n\nText of page {number}, see [the first](p0.md#what-happened).\n"
    for number in range(6)
}


def _render_after_the_helper(config, files, pages) -> Prerender:
    """Start the helper, wait until it has taken every page (none is left for this process),
    then render the pages here as MkDocs does: each gets the helper's rendering."""
    prerender = Prerender(pages)
    prerender.start(config, files)
    prerender.join()
    try:
        for page in pages:
            page.read_source(config)
            page.render(config, files)
    finally:
        prerender.close()
    return prerender


@needs_two_cpus
def test_pages_rendered_by_the_helper_are_what_mkdocs_renders(tmp_path):
    config = _plain_config(tmp_path)
    files, pages = _pages(config, TEXTS)
    prerender = _render_after_the_helper(config, files, pages)
    assert prerender.taken == len(pages)
    for page in pages:
        alone = _rendered_here(config, files, page)
        assert page.content == alone.content
        assert [(a.id, a.title, a.level) for a in page.toc] == [(a.id, a.title, a.level) for a in alone.toc]
        assert page.title == alone.title and page.title.startswith("Incident ")
        assert page.present_anchor_ids == alone.present_anchor_ids
        assert page.links_to_anchors == alone.links_to_anchors
        # the heading's permalink on the page itself, and the link to the first page
        assert {linked.src_uri for linked in page.links_to_anchors} == {page.file.src_uri, "postmortems/p0.md"}
        assert all(linked is files.get_file_from_path(linked.src_uri) for linked in page.links_to_anchors)


@needs_two_cpus
def test_a_page_whose_markdown_changed_is_rendered_again(tmp_path):
    """The build uses the helper's HTML only for the Markdown the helper rendered: a plugin
    that gives another answer in the build (or a page changed since) gets its own."""
    config = _plain_config(tmp_path)
    files, pages = _pages(config, TEXTS)
    prerender = Prerender(pages)
    prerender.start(config, files)
    prerender.join()
    try:
        for page in pages:
            page.read_source(config)
            if page.file.src_uri == "postmortems/p3.md":
                page.markdown = page.markdown.replace("Text of page 3", "Other text of page 3")
            page.render(config, files)
    finally:
        prerender.close()
    assert prerender.taken == len(pages) - 1
    changed = next(page for page in pages if page.file.src_uri == "postmortems/p3.md")
    assert "Other text of page 3" in changed.content


@needs_two_cpus
def test_warnings_of_a_page_rendered_by_the_helper_are_logged_by_the_build(tmp_path, caplog):
    config = _plain_config(tmp_path)
    files, pages = _pages(config, {"postmortems/a.md": "# A\n\nSee [the missing page](missing.md).\n",
                                   "postmortems/b.md": "# B\n"})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        prerender = _render_after_the_helper(config, files, pages)
    assert prerender.taken == 2
    warnings = [record for record in caplog.records if "missing.md" in record.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert warnings[0].name.startswith("mkdocs.")


@needs_two_cpus
def test_the_helper_renders_pages_of_a_real_build(tmp_path, caplog, monkeypatch):
    """The build and the helper race for the pages; on a busy machine (or in a large test
    process, slower to fork) the build can render the small example archive before the helper
    takes a page. The build's first claim here waits until the helper has taken one, so the
    test sees the helper's results used, whatever the machine's speed."""
    from postmortem.site.prerender import Prerender

    claim = Prerender._claim

    def claim_after_the_helper(self, number):
        deadline = time.monotonic() + 60
        while self._back.value == len(self.pages) and time.monotonic() < deadline:
            time.sleep(0.005)  # the helper has taken no page yet
        return claim(self, number)

    monkeypatch.setattr(Prerender, "_claim", claim_after_the_helper)
    config = load_config(str(archive_config(tmp_path, ROOT / "postmortems")), site_dir=str(tmp_path / "site"))
    # as `mkdocs build` does: MkDocs keeps a plugin with on_startup from one load_config to the
    # next in a process, and an earlier test's `mkdocs serve` build of the same pages would
    # otherwise hand this build its renderings, leaving the helper nothing to do
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.postmortem-archive"):
        mkdocs_build(config)
    said = [record.getMessage() for record in caplog.records if "second process" in record.getMessage()]
    assert len(said) == 1
    taken, total = [int(word) for word in said[0].split() if word.isdigit()][:2]
    assert 0 < taken <= total


def test_one_process_and_two_build_the_same_pages():
    """The whole site, with the second process (the default) and without it (``jobs: 1``):
    every file the same, Pagefind's filter index apart (it differs from one build to the
    next of the same pages, and the two files that name it with it)."""
    folder = temp_dir("pm-site-one-process-")
    result = build(folder / "site", archive_config(folder, ROOT / "postmortems", jobs=1))
    assert result.returncode == 0, result.stderr
    one, two = _kept(folder / "site"), _kept(default_site())
    assert sorted(one) == sorted(two)
    assert any(name.suffix == ".html" for name in one)
    for name, path in two.items():
        assert site_bytes(path) == site_bytes(one[name]), name


def _kept(site):
    def varies(name):
        return name.parts[0] == "pagefind" and (
            name.parent.name == "filter" or name.name.startswith(("pagefind.en_", "pagefind-entry")))
    return {path.relative_to(site): path for path in site_files(site) if not varies(path.relative_to(site))}


def _serve_twice(tmp_path, change):
    """Build as ``mkdocs serve`` does, ``change`` the archive, rebuild; the plugin, and the
    rebuilt site next to a cold build of the changed archive."""
    from .test_site_cache import project_with_archive

    project = project_with_archive(tmp_path, cache=False)
    config_file = archive_config(tmp_path, project / "postmortems", project / "pyproject.toml")
    serve_site = tmp_path / "serve-site"
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("POSTMORTEM_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file=str(config_file), site_dir=str(serve_site))
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["postmortem-archive"]
        mkdocs_build(config, dirty=False)
        first = plugin.rendered.used
        change(project / "postmortems")
        mkdocs_build(load_config(config_file=str(config_file), site_dir=str(serve_site)), dirty=False)
        config.plugins.on_shutdown()
    finally:
        monkeypatch.undo()
    cold_site = tmp_path / "cold-site"
    result = build(cold_site, config_file)
    assert result.returncode == 0, result.stdout + result.stderr
    served, cold = _kept(serve_site), _kept(cold_site)
    assert sorted(served) == sorted(cold)
    assert [str(name) for name, path in served.items() if site_bytes(path) != site_bytes(cold[name])] == []
    return plugin, first, cold_site


def test_a_serve_rebuild_renders_again_only_the_pages_whose_markdown_changed(tmp_path):
    def edit(archive):
        target = next(archive.glob("2026-03-04-*.md"))
        target.write_text(target.read_text(encoding="utf-8") + "\nA sentence added while serving.\n", encoding="utf-8")
        edit.stem = target.stem

    plugin, first, cold_site = _serve_twice(tmp_path, edit)
    assert first == 0  # nothing to keep in the first build
    pages = len(plugin.rendered._kept)
    assert pages > 10
    assert plugin.rendered.used == pages - 1  # every page but the edited post-mortem's
    assert "A sentence added while serving." in (cold_site / "postmortems" / edit.stem / "index.html").read_text("utf-8")


def test_a_serve_rebuild_after_a_post_mortem_is_added_renders_every_page_again(tmp_path):
    """A new file may be where a link of another page leads: nothing is kept."""
    def add(archive):
        source = next(archive.glob("2026-03-04-*.md"))
        text = source.read_text(encoding="utf-8")
        (archive / "2026-03-05-copy.md").write_text(re.sub(r"(?m)^id: PM-(\d+)-\d+", r"id: PM-\1-907", text, count=1),
                                                    encoding="utf-8")

    plugin, _, _ = _serve_twice(tmp_path, add)
    assert plugin.rendered.used == 0


def test_the_memory_of_renderings_is_used_for_the_same_markdown_and_site_only(tmp_path):
    config = _plain_config(tmp_path)
    files, pages = _pages(config, TEXTS)
    memory = RenderMemory()
    memory.begin(config, files, pages)
    for page in pages:
        page.read_source(config)
        page.render(config, files)
    assert memory.used == 0
    again_files, again = _pages(config, TEXTS)
    memory.begin(config, again_files, again)
    for page in again:
        page.read_source(config)
        if page.file.src_uri == "postmortems/p2.md":
            page.markdown += "\nOne more sentence.\n"
        page.render(config, again_files)
    assert memory.used == len(pages) - 1
    assert "One more sentence." in again[2].content and "One more sentence." not in pages[2].content
    for old, new in zip(pages, again):
        if old.file.src_uri != "postmortems/p2.md":
            assert (new.content, new.title, new.present_anchor_ids) == (old.content, old.title, old.present_anchor_ids)
            assert {f.src_uri for f in new.links_to_anchors} == {f.src_uri for f in old.links_to_anchors}
            assert all(linked is again_files.get_file_from_path(linked.src_uri) for linked in new.links_to_anchors)
    # another site: a file more (where a link may lead), or another Markdown configuration
    more_files, more = _pages(config, {**TEXTS, "postmortems/p9.md": "# Nine\n"})
    memory.begin(config, more_files, more)
    for page in more:
        page.read_source(config)
        page.render(config, more_files)
    assert memory.used == 0
    config.mdx_configs["toc"] = {"permalink": False}
    memory.begin(config, more_files, more)
    for page in more:
        page.read_source(config)
        page.render(config, more_files)
    assert memory.used == 0


def test_warnings_of_a_kept_rendering_are_logged_again(tmp_path, caplog):
    config = _plain_config(tmp_path)
    texts = {"postmortems/a.md": "# A\n\nSee [the missing page](missing.md).\n"}
    memory = RenderMemory()
    for build in range(2):
        files, pages = _pages(config, texts)
        memory.begin(config, files, pages)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            caplog.clear()
            pages[0].read_source(config)
            pages[0].render(config, files)
        assert memory.used == build
        assert [record.levelno for record in caplog.records if "missing.md" in record.getMessage()] == [logging.WARNING]
