"""Output formats of ``postmortem lint --format``, ``--fail-on``, and bad command-line input.

The SARIF output is validated against the official OASIS SARIF 2.1.0 JSON schema, vendored
as ``tests/schemas/sarif-schema-2.1.0.json`` (from the oasis-tcs/sarif-spec repository,
``Schemata/sarif-schema-2.1.0.json``, unchanged).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from postmortem.diagnostics import Diagnostic, Severity
from postmortem.render import Summary, render
from postmortem.render.github import annotation, escape_data, escape_property
from postmortem.rule import all_rules

from .projects import archive_text, make_project, run

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
BASE = "2026-01-10-card-payments-timing-out.md"


def broken_text() -> str:
    """Known findings: PM101 (severity), PM314 (status); PM313 for A2 and A4 as in the original."""
    text = archive_text(BASE)
    text = text.replace("severity: SEV2", "severity: sev2", 1)
    text = text.replace("| P1 | 2026-01-20 | done |", "| P1 | 2026-01-20 | Done |", 1)
    return text


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"broken.md": broken_text(), "clean.md": archive_text(BASE).replace("PM-2026-001", "PM-2026-009")})


def diag(message="m", path="postmortems/a.md", severity=Severity.ERROR, hint=None, code="PM101", line=3):
    return Diagnostic(path, line, 5, line, 9, code, all_rules()[code].name, severity, message, hint)


SELECT = ("--select", "PM101,PM313,PM314", "--today", "2026-11-23")


# --------------------------------------------------------------------------- github


def test_github_escapes_message_data():
    assert escape_data("100% done: a, b\r\nnext") == "100%25 done: a, b%0D%0Anext"


def test_github_escapes_properties():
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_annotation_escapes_every_part():
    d = diag("50% of rows: id, time\nand more", path="post,mortems/a:b.md", hint="Use 100%")
    line = annotation(d)
    assert line == (
        "::error file=post%2Cmortems/a%3Ab.md,line=3,col=5,endLine=3,endColumn=9,title=PM101"
        "::50%25 of rows: id, time%0Aand more%0Ahint: Use 100%25"
    )
    assert "\n" not in line


@pytest.mark.parametrize("severity,level", [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")])
def test_github_levels(severity, level):
    assert annotation(diag(severity=severity)).startswith(f"::{level} ")


def test_github_output_lists_every_finding_with_commands_stopped_and_a_summary():
    findings = [diag(f"finding {i}", line=i + 1) for i in range(12)]
    findings.append(diag("::warning::injected", line=20))
    out = render("github", findings, Summary(files=1, files_with_findings=1)).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 13
    start = out.index(next(line for line in out if line.startswith("::stop-commands::")))
    token = out[start].removeprefix("::stop-commands::")
    assert len(token) >= 16 and out[start + 14] == f"::{token}::"
    plain = out[start + 1 : start + 14]
    assert plain[0] == "postmortems/a.md:1:5: PM101 [error] finding 0"
    assert all(not line.startswith("::") for line in plain)
    assert "GitHub shows at most 10" in out[start - 1]
    assert out[-1] == "Found 13 problems (13 errors) in 1 of 1 file."


def test_github_format_end_to_end(project):
    result = run(project, "lint", "--format", "github", *SELECT)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith(("::error ", "::warning ", "::notice "))]
    assert len(annotations) == 6
    assert any(
        line.startswith("::error file=postmortems/broken.md,line=5,col=11,endLine=5,endColumn=15,title=PM101::")
        for line in annotations
    )
    assert lines[-1] == "Found 6 problems (2 errors, 4 warnings) in 2 of 2 files."


# --------------------------------------------------------------------------- sarif


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")  # the vendored file is the official one
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator, log):
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_validates_and_describes_every_rule(project, sarif_validator):
    result = run(project, "lint", "--format", "sarif", "--today", "2026-11-23")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert _errors(sarif_validator, log) == []
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(all_rules())
    for rule in rules:
        info = all_rules()[rule["id"]]
        assert rule["name"] == info.name
        assert rule["shortDescription"]["text"] == info.summary
        assert rule["fullDescription"]["text"]
        assert rule["help"]["markdown"] == info.doc
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[str(info.severity)]
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"].startswith("postmortems/")
        assert location["region"]["startLine"] >= 1
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"


def test_sarif_results_match_the_json_format(project, sarif_validator):
    sarif = json.loads(run(project, "lint", "--format", "sarif", *SELECT).stdout)
    plain = json.loads(run(project, "lint", "--format", "json", *SELECT).stdout)
    results = sarif["runs"][0]["results"]
    assert _errors(sarif_validator, sarif) == []
    assert [r["ruleId"] for r in results] == [d["code"] for d in plain["diagnostics"]]
    first, d = results[0], plain["diagnostics"][0]
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": d["line"], "startColumn": d["col"], "endLine": d["end_line"], "endColumn": d["end_col"],
    }
    assert first["level"] == "error" and first["message"]["text"].startswith(d["message"])
    assert {r["level"] for r in results} == {"error", "warning"}
    fingerprints = [r["partialFingerprints"]["postmortemFinding/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fingerprints_do_not_depend_on_line_numbers(project):
    before = json.loads(run(project, "lint", "--format", "sarif", *SELECT).stdout)["runs"][0]["results"]
    path = project / "postmortems" / "broken.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Summary\n", "## Summary\n\nAn added paragraph.\n"), encoding="utf-8")
    after = json.loads(run(project, "lint", "--format", "sarif", *SELECT).stdout)["runs"][0]["results"]
    key = lambda r: r["partialFingerprints"]["postmortemFinding/v1"]  # noqa: E731
    assert [key(r) for r in before] == [key(r) for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after
    ]


def test_sarif_with_no_findings_validates(tmp_path, sarif_validator):
    project = make_project(tmp_path, {"clean.md": archive_text(BASE)})
    result = run(project, "lint", "--format", "sarif", "--select", "PM101")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    assert _errors(sarif_validator, log) == []
    assert log["runs"][0]["results"] == []
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == ["PM101"]


def test_sarif_uri_of_a_file_outside_the_repository(tmp_path, sarif_validator):
    findings = [diag(path=str(tmp_path / "elsewhere" / "a b.md"))]
    log = json.loads(render("sarif", findings, Summary(1, 1, rules=(all_rules()["PM101"],), root=str(tmp_path / "repo"))))
    assert _errors(sarif_validator, log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "elsewhere" / "a b.md").as_uri()}


# --------------------------------------------------------------------------- json and text


@pytest.mark.parametrize("findings", [
    [],
    [diag()],
    [diag('a "quoted" name\\ over\nlines, ünïcode — and 😀', hint="Write “this” instead.\t"),
     diag(severity=Severity.WARNING, path="postmortems/ä b.md", line=7), diag(severity=Severity.INFO, hint="h")],
])
def test_json_text_is_what_the_json_module_writes_for_the_whole_document(findings):
    """Put together finding by finding, the text is byte for byte the one document."""
    whole = {"version": 1, "files": 3, "diagnostics": [d.to_dict() for d in findings],
             "summary": {name: sum(str(d.severity) == name for d in findings) for name in ("error", "warning", "info")}}
    assert render("json", findings, Summary(3, 1)) == json.dumps(whole, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("findings", [
    [],
    [diag('a "quoted" name\\ over\nlines, ünïcode — and 😀', hint="Write “this” instead.\t"),
     diag(severity=Severity.WARNING, path="postmortems/ä b.md", line=7), diag(severity=Severity.INFO, hint="h")],
])
def test_sarif_text_is_what_the_json_module_writes_for_the_whole_log(findings):
    """The results, encoded one at a time, are placed in the log as the whole would be."""
    summary = Summary(3, 1, rules=tuple(all_rules().values())[:3], root="/repo")
    log = json.loads(render("sarif", findings, summary))
    assert render("sarif", findings, summary) == json.dumps(log, indent=2, ensure_ascii=False)
    assert len(log["runs"][0]["results"]) == len(findings)


@pytest.mark.parametrize("document, path, elements", [
    ({"a": None}, ("a",), []),
    ({"a": None, "b": [1, {"c": "\\u0000elements\\u0000"}]}, ("a",), [{"x": ["y", "\u0000elements\u0000"]}, 2, "three"]),
    ({"runs": [{"tool": {"n": 1}, "results": None, "after": {"k": [1, 2]}}]}, ("runs", 0, "results"), [{"r": {"s": [1]}}] * 3),
])
def test_one_list_encoded_element_by_element_is_the_whole_document(document, path, elements):
    from postmortem.render._encode import dumps

    whole = json.loads(json.dumps(document))
    holder = whole
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = list(elements)
    assert dumps(document, path, iter(elements)) == json.dumps(whole, indent=2, ensure_ascii=False)


def test_json_format_is_stable(project):
    data = json.loads(run(project, "lint", "--format", "json", *SELECT).stdout)
    assert set(data) == {"version", "files", "diagnostics", "summary"}
    assert data["version"] == 1 and data["files"] == 2
    assert data["summary"] == {"error": 2, "warning": 4, "info": 0}
    assert set(data["diagnostics"][0]) == {
        "path", "line", "col", "end_line", "end_col", "code", "name", "severity", "message", "hint",
    }
    assert data["diagnostics"][0]["path"] == "postmortems/broken.md"


def test_text_formats(project):
    full = run(project, "lint", *SELECT).stdout.splitlines()
    assert full[0] == "postmortems/broken.md:5:11: PM101 [error] `severity` must be one of SEV1, SEV2, SEV3, SEV4; got 'sev2'"
    assert full[1].startswith("    hint: ")
    concise = run(project, "lint", "--format", "concise", *SELECT).stdout.splitlines()
    assert len(concise) == 7 and not any("hint:" in line for line in concise)
    grouped = run(project, "lint", "--format", "grouped", *SELECT).stdout.splitlines()
    assert grouped[0] == "postmortems/broken.md:"
    assert grouped[1].startswith("  5:11    PM101 [error] `severity` must be one of")
    assert grouped[-1] == "Found 6 problems (2 errors, 4 warnings) in 2 of 2 files."
    quiet = run(project, "lint", "-q", *SELECT).stdout.splitlines()
    assert quiet == full[:-1]


# --------------------------------------------------------------------------- exit codes


def test_fail_on(tmp_path):
    only_warning = archive_text(BASE)  # A2 and A4 are overdue on 2026-11-23: PM313 warnings
    project = make_project(tmp_path, {"a.md": only_warning})
    args = ("lint", "--select", "PM313", "--today", "2026-11-23")
    assert run(project, *args).exit_code == 0
    assert run(project, *args, "--fail-on", "error").exit_code == 0
    assert run(project, *args, "--fail-on", "warning").exit_code == 1
    assert run(project, *args, "--fail-on", "info").exit_code == 1
    assert run(project, "lint", "--select", "PM313", "--today", "2026-01-01", "--fail-on", "info").exit_code == 0


def test_fail_on_info_and_configured_fail_on(tmp_path):
    extra = '\n[tool.postmortem.rules.PM313]\nseverity = "info"\n'
    project = make_project(tmp_path, {"a.md": archive_text(BASE)}, extra_config=extra)
    args = ("lint", "--select", "PM313", "--today", "2026-11-23")
    assert run(project, *args, "--fail-on", "warning").exit_code == 0
    assert run(project, *args, "--fail-on", "info").exit_code == 1
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text(encoding="utf-8").replace('owners = "owners.yml"', 'owners = "owners.yml"\nfail-on = "info"'),
        encoding="utf-8",
    )
    assert run(project, *args).exit_code == 1
    assert run(project, *args, "--fail-on", "error").exit_code == 0


# --------------------------------------------------------------------------- bad input


def test_unknown_format_is_a_usage_error(project):
    result = run(project, "lint", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr and "'xml' is not one of" in result.stderr


def test_unknown_rule_in_select_is_a_usage_error(project):
    result = run(project, "lint", "--select", "PM999")
    assert result.exit_code == 2
    assert "unknown rule code or name 'PM999'" in result.stderr


def test_missing_path_is_a_usage_error(project):
    result = run(project, "lint", "postmortems/nope.md")
    assert result.exit_code == 2
    assert "path does not exist: postmortems/nope.md" in result.stderr


def test_folder_without_post_mortems(tmp_path):
    project = make_project(tmp_path)
    (project / "postmortems" / "README.md").write_text("# About\n", encoding="utf-8")
    result = run(project, "lint")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No post-mortems found."
    empty = run(project, "lint", "--format", "json")
    assert empty.exit_code == 0 and json.loads(empty.stdout)["files"] == 0
