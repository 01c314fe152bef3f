"""The site's summaries in the findings cache: a warm build parses nothing it has parsed,
a build after one edit parses that file alone, and the pages are the same byte for byte.

The cache's own invalidation (configuration, owner registry, related post-mortems, the
linter's version, corrupted and foreign entries) is tested in ``test_cache.py`` for the
findings; here the same changes are checked for the summaries the site reads.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest

from postmortem import cache as cache_module
from postmortem.config import load_config
from postmortem.parse import parse_file
from postmortem.site import catalog, summary

from .conftest import ROOT, TODAY
from .projects import make_project
from .sitebuild import archive_config, build

ARCHIVE = ROOT / "postmortems"


def project_with_archive(tmp_path: Path, cache: bool = True) -> Path:
    project = make_project(tmp_path, extra_config="cache = true\n" if cache else "")
    for path in ARCHIVE.glob("*"):
        shutil.copy(path, project / "postmortems" / path.name)
    return project


def load(project: Path, **config_changes) -> catalog.Catalog:
    config = load_config(project / "pyproject.toml")
    for key, value in config_changes.items():
        setattr(config, key, value)
    config.archive = str(project / "postmortems")
    found, _ = catalog.load(project / "postmortems", config, today=TODAY, allow_lint_errors=True)
    return found


def files_of(project: Path) -> int:
    return len([p for p in (project / "postmortems").glob("*.md")])


def test_every_bundled_summary_reads_back_the_same():
    for path in sorted(ARCHIVE.glob("2*.md")):
        made = summary.of(parse_file(path, str(path)))
        data = summary.to_data(made, path.read_bytes())
        assert data is not None, path.name
        assert summary.from_data(json.loads(json.dumps(data)), path.read_bytes()) == made


def test_a_summary_that_would_not_read_back_is_not_cached(tmp_path):
    path = next(ARCHIVE.glob("2026-03-04-*.md"))
    text = path.read_text(encoding="utf-8").replace("impact:\n", "impact:\n  1: a key JSON turns into a string\n", 1)
    made = summary.of(parse_file(path, str(path)))
    made.incident.impact = {1: "a key JSON turns into a string"}
    assert summary.to_data(made, text.encode()) is None


def test_a_warm_catalog_parses_nothing_and_an_edit_parses_one_file(tmp_path):
    project = project_with_archive(tmp_path)
    cold = load(project)
    assert cold.parsed == files_of(project)
    warm = load(project)
    assert warm.parsed == 0
    assert [(e.stem, e.doc, e.diagnostics) for e in warm.entries] == [(e.stem, e.doc, e.diagnostics) for e in cold.entries]
    target = next((project / "postmortems").glob("2026-03-04-*.md"))
    target.write_text(target.read_text(encoding="utf-8").replace("## Summary\n", "## Summary\n\nAn added sentence.\n", 1),
                      encoding="utf-8")
    edited = load(project)
    assert edited.parsed == 1
    assert "An added sentence." in next(e for e in edited.entries if e.stem == target.stem).doc.text


def test_without_the_setting_the_site_writes_no_cache(tmp_path):
    project = project_with_archive(tmp_path, cache=False)
    assert load(project).parsed == files_of(project) and load(project).parsed == files_of(project)
    assert not (project / ".postmortem_cache").exists()


def make_change(project, change: str, monkeypatch) -> dict:
    """Change one thing the findings depend on; return the plugin options the change needs."""
    options: dict = {}
    if change == "configuration":
        options["ignore"] = ["PM313"]
    elif change == "owners":
        registry = project / "owners.yml"
        registry.write_text(registry.read_text(encoding="utf-8").replace("  sre-team:", "  sre-crew:"), encoding="utf-8")
    elif change == "related":
        texts = {p: p.read_text(encoding="utf-8") for p in (project / "postmortems").glob("2*.md")}
        named = set(re.findall(r"^related: \[(PM-[0-9-]+)", "".join(texts.values()), re.MULTILINE))
        victim = next(p for p, text in texts.items() if any(f"id: {id_}\n" in text for id_ in named))
        victim.write_text(texts[victim].replace("id: PM-", "id: PM-9", 1), encoding="utf-8")  # a related link now dangles
    else:
        monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    return options


@pytest.mark.parametrize("change", ["configuration", "owners", "related", "version"])
def test_a_change_the_findings_depend_on_parses_again(tmp_path, monkeypatch, change):
    project = project_with_archive(tmp_path)
    load(project)
    options = make_change(project, change, monkeypatch)
    again = load(project, **options)
    assert again.parsed == files_of(project)
    fresh = load(project_with_archive(tmp_path / "fresh", cache=False), **options) if change == "configuration" else None
    if fresh is not None:
        assert [e.diagnostics for e in again.entries] == [e.diagnostics for e in fresh.entries]


def test_corrupted_and_foreign_summaries_are_never_trusted(tmp_path):
    project = project_with_archive(tmp_path)
    cold = load(project)
    entries = [p for p in sorted((project / ".postmortem_cache").glob("*/*.json"))
               if "summary" in json.loads(p.read_text(encoding="utf-8"))]
    assert len(entries) >= 3
    entries[0].write_text("{not json", encoding="utf-8")
    foreign = json.loads(entries[2].read_text(encoding="utf-8"))
    entries[1].write_text(json.dumps(foreign), encoding="utf-8")  # another file's summary under this key
    shaped = json.loads(entries[2].read_text(encoding="utf-8"))
    shaped["summary"]["sections"] = [["Summary", "two", 1]]
    entries[2].write_text(json.dumps(shaped), encoding="utf-8")
    again = load(project)
    assert again.parsed == 3
    assert [(e.stem, e.doc) for e in again.entries] == [(e.stem, e.doc) for e in cold.entries]
    assert load(project).parsed == 0  # rewritten


def test_a_warm_site_build_is_byte_identical_to_a_cold_one(tmp_path):
    project = project_with_archive(tmp_path)
    config = archive_config(tmp_path, project / "postmortems")
    text = config.read_text(encoding="utf-8").replace(str(ROOT / "pyproject.toml"), str(project / "pyproject.toml"))
    config.write_text(text + "      allow_lint_errors: true\n", encoding="utf-8")
    sites = []
    for name in ("cold", "warm"):
        site = tmp_path / name
        result = build(site, config)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(site)
    assert any((project / ".postmortem_cache").glob("*/*.json"))
    # Pagefind's index is left out: its file names are not the same from one run to the next
    # even on the same pages. The sitemap's gzip header holds a time.
    cold, warm = ({p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*"))
                   if p.is_file() and p.relative_to(site).parts[0] != "pagefind" and p.suffix != ".gz"} for site in sites)
    assert sorted(cold) == sorted(warm)
    assert [str(path) for path in cold if cold[path] != warm[path]] == []
    assert len([path for path in cold if path.suffix == ".html"]) > files_of(project)


def _generated_project(tmp_path: Path, count: int, cache: bool) -> Path:
    from .test_parallel import _generator

    project = make_project(tmp_path, extra_config="cache = true\n" if cache else "")
    _generator().write_archive(tmp_path / "generated", count=count, seed=11)
    for path in (tmp_path / "generated" / "postmortems").glob("*.md"):
        shutil.copy(path, project / "postmortems" / path.name)
    return project


def _catalog(project: Path, jobs: int) -> catalog.Catalog:
    config = load_config(project / "pyproject.toml")
    config.archive = str(project / "postmortems")
    found, _ = catalog.load(project / "postmortems", config, today=TODAY, allow_lint_errors=True, jobs=jobs)
    return found


@pytest.mark.parametrize("cache", [False, True])
def test_a_catalog_made_in_worker_processes_is_the_serial_one(tmp_path, cache):
    # Enough files for two processes (engine.PARALLEL_MIN_FILES each): the workers parse,
    # lint and summarise, and only findings and summaries come back.
    project = _generated_project(tmp_path, 140, cache)
    serial = _catalog(project, 1)
    if cache:
        shutil.rmtree(project / ".postmortem_cache")
    parallel = _catalog(project, 2)
    assert parallel.parsed == serial.parsed == files_of(project)
    assert [(e.stem, e.doc, e.diagnostics, e.errors) for e in parallel.entries] == \
        [(e.stem, e.doc, e.diagnostics, e.errors) for e in serial.entries]
    assert any(e.errors for e in parallel.entries)  # the generator plants findings
    if cache:  # what the workers made was written to the cache and reads back the same
        warm = _catalog(project, 2)
        assert warm.parsed == 0
        assert [(e.stem, e.doc, e.diagnostics) for e in warm.entries] == [(e.stem, e.doc, e.diagnostics) for e in serial.entries]


# ---------------------------------------------------------------- the last build, kept in memory
# Under `mkdocs serve` the plugin keeps the cache entries of its last build in memory, under
# the same keys as the cache folder: a rebuild parses only what changed, even without
# `cache = true`.


def load_kept(project: Path, memory: dict, **config_changes) -> catalog.Catalog:
    config = load_config(project / "pyproject.toml")
    for key, value in config_changes.items():
        setattr(config, key, value)
    config.archive = str(project / "postmortems")
    found, _ = catalog.load(project / "postmortems", config, today=TODAY, allow_lint_errors=True, memory=memory)
    return found


def _same(one: catalog.Catalog, other: catalog.Catalog) -> bool:
    return [(e.stem, e.doc, e.diagnostics, e.errors) for e in one.entries] == \
        [(e.stem, e.doc, e.diagnostics, e.errors) for e in other.entries]


def test_the_last_build_in_memory_parses_only_the_edited_file(tmp_path):
    project = project_with_archive(tmp_path, cache=False)
    memory: dict = {}
    cold = load_kept(project, memory)
    assert cold.parsed == files_of(project)
    assert len(memory) == 2 * files_of(project)  # findings and summary of each file
    warm = load_kept(project, memory)
    assert warm.parsed == 0 and _same(warm, cold)
    target = next((project / "postmortems").glob("2026-03-04-*.md"))
    target.write_text(target.read_text(encoding="utf-8").replace("## Summary\n", "## Summary\n\nAn added sentence.\n", 1),
                      encoding="utf-8")
    edited = load_kept(project, memory)
    assert edited.parsed == 1
    assert _same(edited, load(project))  # as a build without memory
    assert len(memory) == 2 * files_of(project)  # the edited file's old entries are gone
    assert not (project / ".postmortem_cache").exists()  # memory only: no folder written


@pytest.mark.parametrize("change", ["configuration", "owners", "related", "version"])
def test_a_change_the_findings_depend_on_parses_again_from_memory(tmp_path, monkeypatch, change):
    project = project_with_archive(tmp_path, cache=False)
    memory: dict = {}
    load_kept(project, memory)
    options = make_change(project, change, monkeypatch)
    again = load_kept(project, memory, **options)
    assert again.parsed == files_of(project)
    assert _same(again, load(project, **options))


def test_a_summary_kept_in_memory_is_not_shared_with_the_next_build(tmp_path):
    project = project_with_archive(tmp_path)
    memory: dict = {}
    first = load_kept(project, memory)
    before = copy.deepcopy([(e.stem, e.doc, e.diagnostics) for e in first.entries])
    for entry in first.entries:  # what a page builder might do to what it was given
        entry.incident.services.append("changed-after-the-build")
        entry.doc.sections.clear()
    second = load_kept(project, memory)
    assert second.parsed == 0
    assert [(e.stem, e.doc, e.diagnostics) for e in second.entries] == before


def test_a_serve_rebuild_keeps_the_plugin_and_writes_the_pages_a_cold_build_writes(tmp_path):
    """As ``mkdocs serve`` rebuilds (``bench/rebuild.py``): the configuration is loaded again,
    the plugin instance is kept, and after an edit the site is byte for byte a cold build's."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config as mkdocs_config

    project = project_with_archive(tmp_path, cache=False)
    config_file = archive_config(tmp_path, project / "postmortems", project / "pyproject.toml")
    serve_site = tmp_path / "serve-site"
    monkeypatch = pytest.MonkeyPatch()  # undone before the cold build below, which reads the environment itself
    monkeypatch.setenv("POSTMORTEM_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    try:
        def get_config():
            return mkdocs_config(config_file=str(config_file), site_dir=str(serve_site))

        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["postmortem-archive"]
        mkdocs_build(config, dirty=False)
        assert len(plugin.memory) == 2 * files_of(project)
        target = next((project / "postmortems").glob("2026-03-04-*.md"))
        target.write_text(target.read_text(encoding="utf-8") + "\nA sentence added while serving.\n", encoding="utf-8")
        again = get_config()
        assert again.plugins["postmortem-archive"] is plugin
        parsed = []
        real_load = catalog.load

        def counting_load(*args, **kwargs):
            found = real_load(*args, **kwargs)
            parsed.append(found[0].parsed)
            return found

        monkeypatch.setattr(catalog, "load", counting_load)
        mkdocs_build(again, dirty=False)
        assert parsed == [1]
        config.plugins.on_shutdown()
    finally:
        monkeypatch.undo()
    cold_site = tmp_path / "cold-site"
    result = build(cold_site, config_file)
    assert result.returncode == 0, result.stdout + result.stderr
    served, cold = ({p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*"))
                     if p.is_file() and p.relative_to(site).parts[0] != "pagefind" and p.suffix != ".gz"}
                    for site in (serve_site, cold_site))
    assert sorted(served) == sorted(cold)
    assert [str(path) for path in served if served[path] != cold[path]] == []
    assert "A sentence added while serving." in (cold_site / "postmortems" / target.stem / "index.html").read_text("utf-8")


@pytest.mark.parametrize("option, expected", [(None, None), (1, 1), (3, 3)])
def test_the_jobs_option_reaches_the_catalog(tmp_path, monkeypatch, option, expected):
    from mkdocs.config import load_config as mkdocs_config

    project = project_with_archive(tmp_path, cache=False)
    options = {} if option is None else {"jobs": option}
    config = mkdocs_config(config_file=str(archive_config(tmp_path, project / "postmortems", project / "pyproject.toml",
                                                          **options)))
    config = config.plugins.on_config(config)
    seen = []
    real_load = catalog.load
    monkeypatch.setattr(catalog, "load", lambda *args, **kwargs: seen.append(kwargs["jobs"]) or real_load(*args, **kwargs))
    config.plugins["postmortem-archive"]._catalog()
    assert seen == [expected]
