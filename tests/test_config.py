"""[tool.postmortem] in pyproject.toml: every setting changes what `postmortem lint` does,
and every mistake in it is a clear message with exit code 2."""

from __future__ import annotations

import json
import shutil

import pytest

from postmortem.config import ConfigError, find_config, load_config

from .conftest import FIXTURES, ROOT
from .projects import make_project, run

EXAMPLE = (FIXTURES / "complete.md").read_text(encoding="utf-8")  # one overdue action item (PM313)

SHORT_SEV2 = """\
---
id: PM-2026-301
title: "Checkout errors for EU customers"
severity: SEV2
---

## Summary

The checkout API returned errors for 12 minutes.

## Timeline

All times in UTC.
"""


def lint(project, *args):
    result = run(project, "lint", "--format", "json", "--today", "2026-11-23", *args)
    diagnostics = json.loads(result.stdout)["diagnostics"] if result.exit_code in (0, 1) else None
    return result, diagnostics


def test_defaults_without_configuration(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    result, found = lint(project)
    assert result.exit_code == 0
    assert [(d["code"], d["severity"]) for d in found] == [("PM313", "warning")]


@pytest.mark.parametrize("selector", ["PM313", "action-overdue"])
def test_severity_override_by_code_or_name(tmp_path, selector):
    project = make_project(tmp_path, {"incident.md": EXAMPLE},
                           extra_config=f'\n[tool.postmortem.rules.{selector}]\nseverity = "error"\n')
    result, found = lint(project)
    assert result.exit_code == 1
    assert [(d["code"], d["severity"]) for d in found] == [("PM313", "error")]


def test_severity_override_to_info_and_fail_on(tmp_path):
    config = 'fail-on = "info"\n\n[tool.postmortem.rules.PM313]\nseverity = "info"\n'
    project = make_project(tmp_path, {"incident.md": EXAMPLE}, extra_config=config)
    result, found = lint(project)
    assert [(d["code"], d["severity"]) for d in found] == [("PM313", "info")]
    assert result.exit_code == 1
    assert run(project, "lint", "--today", "2026-11-23", "--fail-on", "warning").exit_code == 0


def test_rule_options(tmp_path):
    text = EXAMPLE.replace("detected: 2026-03-04T14:09:00Z", "detected: 2026-03-04T14:08:00Z")
    project = make_project(tmp_path, {"incident.md": text})
    _, found = lint(project, "--select", "PM403")
    assert [d["message"][:10] for d in found] == ["`detected`"]
    project = make_project(tmp_path / "only-started", {"incident.md": text},
                           extra_config='\n[tool.postmortem.rules.timeline-frontmatter-mismatch]\nkeys = ["started", "resolved"]\n')
    result, found = lint(project, "--select", "PM403")
    assert result.exit_code == 0 and found == []


@pytest.mark.parametrize(
    "config, message",
    [
        ('\n[tool.postmortem.rules.PM313]\nbogus = 1\n', "[tool.postmortem.rules.PM313]: unknown option(s) bogus; action-overdue takes no options"),
        ('\n[tool.postmortem.rules.PM403]\nkeyz = ["started"]\n',
         "[tool.postmortem.rules.PM403]: unknown option(s) keyz; timeline-frontmatter-mismatch takes: keys"),
        ('\n[tool.postmortem.rules.PM403]\nkeys = "started"\n', "option keys must be a list of strings"),
        ('\n[tool.postmortem.rules.PM403]\nkeys = [1, 2]\n', "option keys must be a list of strings"),
        ('\n[tool.postmortem.rules.PM999]\nseverity = "error"\n', "unknown rule 'PM999'"),
        ('\n[tool.postmortem.rules.PM313]\nseverity = "fatal"\n', "unknown severity 'fatal'"),
        ("bogus = 1\n", "unknown setting(s): bogus"),
        ('select = "PM1"\n', "select must be a list of strings"),
        ('fail-on = "never"\n', "fail-on: unknown severity 'never'"),
        ("max-file-size = -1\n", "max-file-size must be a positive number of bytes"),
        ('required-sections = ["summary"]\n', "required-sections must be a table"),
        ('\n[tool.postmortem.required-sections]\nSEV2 = "summary"\n', "required-sections.SEV2 must be a list of section names"),
        ('\n[tool.postmortem.required-sections]\nSEV9 = ["summary"]\n', "unknown severity 'SEV9'"),
        ('\n[tool.postmortem.required-sections]\nSEV2 = ["summary", "postscript"]\n', "unknown section(s) postscript"),
        ("rules = 3\n", "rules must be a table"),
        ('\n[tool.postmortem.per-file-ignores]\n"*.md" = "PM313"\n', "per-file-ignores.*.md must be a list of codes"),
        ('\n[tool.postmortem.per-file-ignores]\n"*.md" = ["PM999"]\n', "unknown rule code or name 'PM999'"),
    ],
)
def test_configuration_mistakes_exit_2_with_a_clear_message(tmp_path, config, message):
    project = make_project(tmp_path, {"incident.md": EXAMPLE}, extra_config=config)
    result = run(project, "lint")
    assert result.exit_code == 2, result.output
    assert "postmortem: configuration error:" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_invalid_toml_is_not_silently_ignored(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    (project / "pyproject.toml").write_text('[tool.postmortem\narchive = "postmortems"\n', encoding="utf-8")
    result = run(project, "lint")
    assert result.exit_code == 2
    assert "invalid TOML" in result.stderr


def test_select_and_ignore_in_configuration(tmp_path):
    broken = EXAMPLE.replace("severity: SEV2", "severity: high")
    project = make_project(tmp_path, {"incident.md": broken}, extra_config='select = ["PM1", "PM3"]\nignore = ["PM101"]\n')
    _, found = lint(project)
    assert {d["code"] for d in found} == {"PM313"}
    _, found = lint(project, "--select", "PM101")  # the command line replaces the selection
    assert {d["code"] for d in found} == set()  # ... but the configured ignore still applies
    _, found = lint(project, "--ignore", "PM313")
    assert found == []


def test_per_file_ignores(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE}, extra_config="")
    (project / "postmortems" / "legacy").mkdir()
    (project / "postmortems" / "legacy" / "2019-old.md").write_text(EXAMPLE.replace("PM-2026-007", "PM-2019-001"), encoding="utf-8")
    config = '\n[tool.postmortem.per-file-ignores]\n"postmortems/legacy/*.md" = ["action-overdue", "PM1"]\n'
    (project / "pyproject.toml").write_text((project / "pyproject.toml").read_text() + config, encoding="utf-8")
    _, found = lint(project)
    assert sorted(d["path"] for d in found) == ["postmortems/incident.md"]
    # a pattern may also name just the file
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text().replace('"postmortems/legacy/*.md"', '"2019-*.md"'), encoding="utf-8"
    )
    _, found = lint(project)
    assert sorted(d["path"] for d in found) == ["postmortems/incident.md"]


def test_required_sections_per_severity(tmp_path):
    project = make_project(tmp_path, {"incident.md": SHORT_SEV2})
    _, found = lint(project, "--select", "PM201")
    assert len(found) == 7  # SEV2 needs nine sections by default
    project = make_project(tmp_path / "custom", {"incident.md": SHORT_SEV2},
                           extra_config='\n[tool.postmortem.required-sections]\nSEV2 = ["summary", "timeline", "action-items"]\n')
    result, found = lint(project, "--select", "PM201")
    assert [d["message"] for d in found] == ["missing required section: Action Items (required for SEV2)"]
    assert found[0]["line"] == 13  # the last line: Action Items comes after the Timeline


def test_owner_registry_location(tmp_path):
    text = EXAMPLE.replace("| prevent | platform-team |", "| prevent | platform-teem |")
    project = make_project(tmp_path, {"incident.md": text})
    (project / "teams.yml").write_text("owners:\n  platform-team: Kubernetes\n  payments-team: Checkout\n"
                                       "  dba-team: Databases\n  sre-team: Monitoring\n  incident-commander: IC\n",
                                       encoding="utf-8")
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text().replace('owners = "owners.yml"', 'owners = "teams.yml"'), encoding="utf-8"
    )
    result = run(project, "lint", "--select", "PM311", "--today", "2026-11-23")
    assert "owner 'platform-teem' is not in the owner registry" in result.output
    assert "hint: Did you mean 'platform-team'?" in result.output
    (project / "teams.yml").unlink()
    result = run(project, "lint", "--select", "PM311")
    assert result.exit_code == 2
    assert "owner registry teams.yml does not exist" in result.stderr


def test_broken_owner_registry_is_a_configuration_error(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    (project / "owners.yml").write_text("owners:\n  - sre-team\n", encoding="utf-8")
    result = run(project, "lint")
    assert result.exit_code == 2
    assert "owner registry owners.yml: expected a mapping `owners:`" in result.stderr


def test_configuration_found_from_a_subfolder_and_paths_relative_to_it(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"incident.md": EXAMPLE}, extra_config='fail-on = "warning"\n')
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    from click.testing import CliRunner

    from postmortem.cli import main

    result = CliRunner().invoke(main, ["lint", "--today", "2026-11-23"])
    assert result.exit_code == 1  # fail-on = warning, read from ../pyproject.toml
    assert "../postmortems/incident.md:90:129: PM313" in result.output


def test_explicit_config_file(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    other = tmp_path / "strict.toml"
    other.write_text('[tool.postmortem]\narchive = "postmortems"\nowners = "owners.yml"\nfail-on = "warning"\n', encoding="utf-8")
    assert run(project, "lint", "--today", "2026-11-23").exit_code == 0
    assert run(project, "lint", "--today", "2026-11-23", "--config", str(other)).exit_code == 1


# --------------------------------------------------------------------------- postmortem.toml


def test_a_repository_without_pyproject_uses_postmortem_toml(tmp_path):
    from .projects import run

    (tmp_path / "incidents").mkdir()
    shutil.copy(FIXTURES / "owners.yml", tmp_path / "incidents" / "owners.yml")
    text = (ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md").read_text(encoding="utf-8")
    (tmp_path / "incidents" / "a.md").write_text(text.replace("owner: payments-team", "owner: nobody-team"), encoding="utf-8")
    (tmp_path / "postmortem.toml").write_text('archive = "incidents"\nignore = ["PM313", "PM103"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    config = load_config(find_config(tmp_path / "sub"))
    assert config.path == tmp_path / "postmortem.toml" and config.archive_dir == (tmp_path / "incidents").resolve()
    assert config.owners_path == (tmp_path / "incidents" / "owners.yml").resolve()
    result = run(tmp_path, "lint")
    assert result.exit_code == 0, result.output  # the archive is found, PM313 ignored


def test_postmortem_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.postmortem]\narchive = "a"\n', encoding="utf-8")
    (tmp_path / "postmortem.toml").write_text('archive = "b"\n', encoding="utf-8")
    assert load_config(find_config(tmp_path)).archive == "b"


def test_postmortem_toml_errors_name_the_file(tmp_path):
    (tmp_path / "postmortem.toml").write_text('archiv = "b"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"postmortem.toml: unknown setting\(s\): archiv"):
        load_config(find_config(tmp_path))


def test_a_broken_owner_registry_is_reported_as_the_pure_yaml_parser_words_it(tmp_path):
    # the registry is read with libyaml's parser when installed; its errors are worded as
    # ruamel.yaml's own parser words them, whichever parser is installed
    from postmortem.archive import Owners

    registry = tmp_path / "owners.yml"
    registry.write_text("owners:\n  a: b\n  c: [d\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^line 4: invalid YAML: expected ',' or '\]', but got '<stream end>'$"):
        Owners.load(registry)
    registry.write_text("owners:\n  sre-team: Site reliability\n", encoding="utf-8")
    assert Owners.load(registry).names == {"sre-team": "Site reliability"}
