"""The findings cache (``lint --cache``) and ``lint --shard K/N``.

A cached run must report exactly what an uncached run reports, for every change that can
change a finding: the file, the configuration, the owner registry, another post-mortem the
cross-file rules read, the date, the linter itself. A corrupted or foreign cache entry is
never trusted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from postmortem import cache as cache_module
from postmortem.config import load_config
from postmortem.engine import Linter

from .conftest import ROOT, TODAY
from .projects import make_project, run

ARCHIVE = ROOT / "postmortems"


def project_with_archive(tmp_path: Path) -> Path:
    project = make_project(tmp_path)
    for path in ARCHIVE.glob("*"):
        shutil.copy(path, project / "postmortems" / path.name)
    return project


def lint(project: Path, today=TODAY, **config_changes):
    config = load_config(project / "pyproject.toml")
    for key, value in config_changes.items():
        setattr(config, key, value)
    linter = Linter(config, today=today)
    files = linter.collect([str(project / "postmortems")])
    cached = linter.lint_paths(files, cache_dir=project / ".postmortem_cache")
    fresh = Linter(config, today=today).lint_paths(files)
    assert [d.to_dict() for d in cached.diagnostics] == [d.to_dict() for d in fresh.diagnostics]
    return cached


def test_a_warm_run_reads_every_finding_from_the_cache(tmp_path):
    project = project_with_archive(tmp_path)
    cold = lint(project)
    assert cold.cache_hits == 0
    warm = lint(project)
    assert warm.cache_hits == warm.files == len(list((project / "postmortems").glob("2*.md")))
    assert (project / ".postmortem_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_edited_file_is_linted_again_and_only_it(tmp_path):
    project = project_with_archive(tmp_path)
    lint(project)
    target = next((project / "postmortems").glob("2026-03-04-*.md"))
    target.write_text(target.read_text(encoding="utf-8").replace("## Summary", "## Summary\n\nDave broke it.", 1), encoding="utf-8")
    again = lint(project)
    assert again.cache_hits == again.files - 1


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: {"today": TODAY.replace(year=TODAY.year + 1)}, id="today"),
        pytest.param(lambda p: {"ignore": ["PM313"]}, id="configuration"),
        pytest.param(lambda p: {"required_sections": {"SEV1": ("summary",), "SEV2": ("summary",), "SEV3": ("summary",), "SEV4": ("summary",)}}, id="required-sections"),
    ],
)
def test_a_change_of_setup_misses_the_cache(tmp_path, change):
    project = project_with_archive(tmp_path)
    lint(project)
    options = change(project)
    today = options.pop("today", TODAY)
    again = lint(project, today=today, **options)
    assert again.cache_hits == 0


def test_a_changed_owner_registry_misses_the_cache(tmp_path):
    project = project_with_archive(tmp_path)
    lint(project)
    registry = project / "owners.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("  sre-team:", "  sre-crew:"), encoding="utf-8")
    again = lint(project)
    assert again.cache_hits == 0
    assert any(d.code == "PM311" for d in again.diagnostics)  # the unknown owner is found


def test_a_related_postmortem_removed_misses_the_cache(tmp_path):
    project = project_with_archive(tmp_path)
    lint(project)
    referenced = [p for p in (project / "postmortems").glob("2*.md") if "related:" in p.read_text(encoding="utf-8")]
    assert referenced, "the bundled archive links post-mortems with related:"
    text = referenced[0].read_text(encoding="utf-8")
    target_id = text.split("related:")[1].split("PM-", 1)[1][:8]
    victim = next(p for p in (project / "postmortems").glob("2*.md") if f"id: PM-{target_id}" in p.read_text(encoding="utf-8"))
    victim.unlink()
    again = lint(project)
    assert again.cache_hits == 0
    assert any(d.code == "PM103" for d in again.diagnostics)  # the related link now dangles


def test_another_version_of_the_linter_misses_the_cache(tmp_path, monkeypatch):
    project = project_with_archive(tmp_path)
    lint(project)
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    assert lint(project).cache_hits == 0


def test_corrupted_and_foreign_entries_are_never_trusted(tmp_path):
    project = project_with_archive(tmp_path)
    lint(project)
    entries = sorted((project / ".postmortem_cache").glob("*/*.json"))
    assert len(entries) >= 4
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_bytes(b"\xff\xfe\x00")
    foreign = json.loads(entries[3].read_text(encoding="utf-8"))
    entries[2].write_text(json.dumps(foreign), encoding="utf-8")  # another file's findings under this key
    shaped = json.loads(entries[3].read_text(encoding="utf-8"))
    shaped["diagnostics"] = [{"path": "x.md", "line": "1"}]
    entries[3].write_text(json.dumps(shaped), encoding="utf-8")
    again = lint(project)  # asserts the findings equal a fresh run's
    assert again.cache_hits == again.files - 4
    assert lint(project).cache_hits == again.files  # rewritten


def test_cli_cache_flag_and_setting(tmp_path):
    project = project_with_archive(tmp_path)
    plain = run(project, "lint", "--format", "json", "--today", "2026-11-23")
    assert not (project / ".postmortem_cache").exists()  # off unless asked: lint writes nothing
    cold = run(project, "lint", "--cache", "--format", "json", "--today", "2026-11-23")
    warm = run(project, "lint", "--cache", "--format", "json", "--today", "2026-11-23")
    assert plain.stdout == cold.stdout == warm.stdout
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + 'cache = true\ncache-dir = "build/pm-cache"\n')
    run(project, "lint", "--today", "2026-11-23")
    assert (project / "build" / "pm-cache" / ".gitignore").exists()


# --------------------------------------------------------------------------- --shard


def test_shards_together_report_exactly_one_run(tmp_path):
    project = project_with_archive(tmp_path)
    whole = json.loads(run(project, "lint", "--format", "json", "--today", "2026-11-23").stdout)["diagnostics"]
    parts = []
    for k in (1, 2, 3):
        result = run(project, "lint", "--shard", f"{k}/3", "--format", "json", "--today", "2026-11-23")
        parts.extend(json.loads(result.stdout)["diagnostics"])
    key = lambda d: json.dumps(d, sort_keys=True)
    assert sorted(map(key, parts)) == sorted(map(key, whole))
    assert whole  # the bundled archive has overdue items: the comparison is not vacuous


def test_shards_keep_cross_file_checks_exact(tmp_path):
    project = project_with_archive(tmp_path)
    first = next((project / "postmortems").glob("2026-03-04-*.md"))
    twin = first.with_name("2026-03-05-twin.md")
    twin.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")  # the same id twice
    found = []
    for k in (1, 2, 3, 4):
        result = run(project, "lint", "--shard", f"{k}/4", "--format", "json", "--select", "PM102")
        found.extend(d["path"] for d in json.loads(result.stdout)["diagnostics"])
    assert sorted(found) == sorted(["postmortems/" + first.name, "postmortems/" + twin.name])


@pytest.mark.parametrize("spec", ["0/3", "4/3", "a/b", "1"])
def test_a_bad_shard_is_a_usage_error(tmp_path, spec):
    project = project_with_archive(tmp_path)
    result = run(project, "lint", "--shard", spec)
    assert result.exit_code == 2 and "--shard" in result.output


def test_a_hint_depends_on_the_archive_ids_not_on_the_order_files_are_found(tmp_path):
    """Two files whose ids name the same incident: the hint for a near miss names the first id
    by sort order whichever file the archive lists first, as the cache key sorts the ids."""
    source = (ROOT / "tests/fixtures/rules/PM103/2026-02-12-related-exists.md").read_text(encoding="utf-8")
    own_id = source.split("id: ", 1)[1].split("\n", 1)[0]
    related_line = next(line for line in source.splitlines(keepends=True) if line.startswith("related:"))

    def with_id(new_id: str, related: str | None = None) -> str:
        text = source.replace(f"id: {own_id}", f"id: {new_id}", 1)
        return text.replace(related_line, f"related: [{related}]\n" if related else "", 1)

    hints = []
    for first, second in (("PM-2025-041", "PM-2025-0041"), ("PM-2025-0041", "PM-2025-041")):
        project = make_project(tmp_path / first, {
            "a.md": with_id(first), "b.md": with_id(second), "c.md": with_id("PM-2026-099", related="PM-2025-00041"),
        })
        result = lint(project)
        found = [d for d in result.diagnostics if d.code == "PM103"]
        assert [d.path.rsplit("/", 1)[-1] for d in found] == ["c.md"], [d.to_dict() for d in result.diagnostics]
        hints.append(found[0].hint)
    assert hints == ["Did you mean PM-2025-0041?"] * 2
