"""The command line: exit codes, output, `explain`, `rules` and `new`."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from postmortem.parse import parse_file
from postmortem.rule import all_rules

from .conftest import FIXTURES, ROOT
from .projects import make_project, run

EXAMPLE = (FIXTURES / "complete.md").read_text(encoding="utf-8")  # a complete post-mortem, one overdue item
CLEAN = EXAMPLE.replace("| 2026-06-30 | in-progress |", "| 2026-06-30 | done |")  # no overdue item left


# --------------------------------------------------------------------------- lint: exit codes


def test_clean_file_exits_0(tmp_path):
    project = make_project(tmp_path, {"incident.md": CLEAN})
    result = run(project, "lint", "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert result.output == "All checks passed (1 file).\n"


def test_findings_exit_1_with_text_format_and_summary(tmp_path):
    broken = CLEAN.replace("severity: SEV2", "severity: high")
    project = make_project(tmp_path, {"incident.md": broken})
    result = run(project, "lint", "--today", "2026-11-23")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "postmortems/incident.md:5:11: PM101 [error] `severity` must be one of SEV1, SEV2, SEV3, SEV4; got 'high'"
    assert lines[1] == "    hint: Incident severity, SEV1 (most severe) to SEV4."
    assert lines[-1] == "Found 1 problem (1 error) in 1 of 1 file."


def test_warnings_only_exit_0_unless_fail_on_warning(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    result = run(project, "lint", "--today", "2026-11-23")
    assert result.exit_code == 0
    assert "PM313 [warning] action item A4 is 146 days overdue" in result.output
    assert result.output.splitlines()[-1] == "Found 1 problem (1 warning) in 1 of 1 file."
    assert run(project, "lint", "--today", "2026-11-23", "--fail-on", "warning").exit_code == 1
    assert run(project, "lint", "--today", "2026-06-01").exit_code == 0


def test_json_format(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    result = run(project, "lint", "--today", "2026-11-23", "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["files"] == 1
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0}
    (diag,) = data["diagnostics"]
    assert {k: diag[k] for k in ("path", "line", "col", "end_line", "end_col", "code", "name", "severity")} == {
        "path": "postmortems/incident.md", "line": 90, "col": 129, "end_line": 90, "end_col": 139,
        "code": "PM313", "name": "action-overdue", "severity": "warning",
    }


def test_select_and_ignore_by_code_prefix_and_name(tmp_path):
    broken = CLEAN.replace("severity: SEV2", "severity: high").replace("| P1 | 2026-03-20 | done |", "| high | 2026-03-20 | done |")
    project = make_project(tmp_path, {"incident.md": broken})

    def codes(*args):
        result = run(project, "lint", "--format", "json", "--today", "2026-11-23", *args)
        return sorted({d["code"] for d in json.loads(result.stdout)["diagnostics"]})

    assert codes() == ["PM101", "PM315"]
    assert codes("--select", "PM101") == ["PM101"]
    assert codes("--select", "PM3") == ["PM315"]
    assert codes("--select", "action-priority-unknown") == ["PM315"]
    assert codes("--select", "PM1,PM315") == ["PM101", "PM315"]
    assert codes("--ignore", "schema-violation") == ["PM315"]
    assert codes("--select", "ALL", "--ignore", "PM1", "--ignore", "PM3") == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--select", "PM999"], "unknown rule code or name 'PM999'"),
        (["--ignore", "no-such-rule"], "unknown rule code or name 'no-such-rule'"),
        (["postmortems/missing.md"], "path does not exist: postmortems/missing.md"),
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--today", "tomorrow"], "Invalid value for '--today'"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    project = make_project(tmp_path, {"incident.md": CLEAN})
    result = run(project, "lint", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_folder_without_post_mortems(tmp_path):
    project = make_project(tmp_path)
    (project / "postmortems" / "README.md").write_text("# Our post-mortems\n", encoding="utf-8")
    result = run(project, "lint")
    assert result.exit_code == 0
    assert result.output == "No post-mortems found.\n"


def test_default_path_is_the_configured_archive(tmp_path):
    project = make_project(tmp_path, {"incident.md": EXAMPLE})
    (project / "elsewhere.md").write_text("not a post-mortem\n", encoding="utf-8")
    result = run(project, "lint", "--today", "2026-11-23", "--format", "json")
    assert [d["path"] for d in json.loads(result.stdout)["diagnostics"]] == ["postmortems/incident.md"]


def test_the_bundled_archive_lints_without_errors(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(ROOT, "lint", "postmortems", "--today", "2026-11-23")
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- explain and rules

PARTS = ["What it does", "Why it matters", "Example", "Use instead"]


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_docstring_has_the_four_parts(code):
    info = all_rules()[code]
    headings = [line[3:].strip() for line in _outside_fences(info.doc) if line.startswith("## ")]
    assert headings == PARTS, f"{code}: {headings}"
    for part in PARTS:
        body = info.doc.split(f"## {part}", 1)[1].split("\n## ", 1)[0].strip()
        assert body, f"{code}: `## {part}` is empty"
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", info.name), info.name
    assert re.fullmatch(r"PM[0-9]{3}", info.code)


def _outside_fences(doc: str):
    fenced = False
    for line in doc.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            yield line


@pytest.mark.parametrize("code", list(all_rules()))
def test_explain_every_rule(tmp_path, code):
    info = all_rules()[code]
    for key in (code, code.lower(), info.name):
        result = run(tmp_path, "explain", key)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"# {code} {info.name}\n")
        assert f"Default severity: {info.severity}" in result.output
        for part in PARTS:
            assert f"## {part}" in result.output


def test_explain_unknown_rule_exits_2(tmp_path):
    result = run(tmp_path, "explain", "PM999")
    assert result.exit_code == 2
    assert "unknown rule 'PM999'" in result.output
    assert run(tmp_path, "explain", "PM2").exit_code == 2  # a prefix names several rules


def test_rules_table(tmp_path):
    result = run(tmp_path, "rules")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(all_rules())
    for line, info in zip(lines, all_rules().values()):
        code, name, severity = line.split()[:3]
        assert (code, name, severity) == (info.code, info.name, str(info.severity))
        assert line.endswith(info.summary)
        assert (line.split()[3] == "fix") == bool(info.fix)
    assert any(info.fix for info in all_rules().values())


def test_rules_json(tmp_path):
    result = run(tmp_path, "rules", "--format", "json")
    data = json.loads(result.output)
    assert [item["code"] for item in data] == list(all_rules())
    for item in data:
        info = all_rules()[item["code"]]
        assert item == {"code": info.code, "name": info.name, "severity": str(info.severity),
                        "options": info.options, "fix": info.fix, "summary": info.summary}


# --------------------------------------------------------------------------- new


def new(project: Path, title: str = "Checkout errors for EU customers", started: str = "2026-03-04T14:02:00Z", *extra):
    return run(project, "new", "--title", title, "--severity", "SEV2", "--services", "checkout-api,payments-db",
               "--started", started, *extra)


def created_path(project: Path, result) -> Path:
    match = re.match(r"Created (.+)\n", result.output)
    assert match, result.output
    return project / match.group(1)


def test_new_writes_the_next_free_id_and_never_overwrites(tmp_path):
    project = make_project(tmp_path, {"2026-03-04-old.md": EXAMPLE, "2026-05-01-other.md": EXAMPLE.replace("PM-2026-007", "PM-2026-012")})
    first = new(project)
    assert first.exit_code == 0, first.output
    path = created_path(project, first)
    assert path.parent == project / "postmortems"
    assert path.name == "2026-03-04-checkout-errors-for-eu-customers.md"
    assert "\nid: PM-2026-013\n" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited by hand.\n", encoding="utf-8")
    second = new(project)
    second_path = created_path(project, second)
    assert second_path.name == "2026-03-04-checkout-errors-for-eu-customers-2.md"
    assert "\nid: PM-2026-014\n" in second_path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").endswith("\nEdited by hand.\n")
    other_year = created_path(project, new(project, "Search slow for EU customers", "2025-12-31T23:30:00-02:00"))
    assert other_year.name == "2025-12-31-search-slow-for-eu-customers.md"
    assert "\nid: PM-2025-001\n" in other_year.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "title",
    [
        "../../../etc/passwd outage",
        "/etc/passwd",
        "..\\..\\windows\\system32 errors",
        "\u2025\uff0f\u2025\uff0fetc\uff0fpasswd errors",  # two-dot leaders and fullwidth solidi
        "\u202eevil right-to-left title\u202c",
        "Caf\u00e9 checkout: \u201cquoted\u201d # not a comment",
        "\x00\x1b[31m control characters in a title",
        "\u4e2d\u6587\u6807\u9898\u6ca1\u6709\u62c9\u4e01\u5b57\u6bcd",
    ],
)
def test_new_never_writes_outside_the_archive(tmp_path, title):
    project = make_project(tmp_path)
    before = sorted(p for p in tmp_path.rglob("*") if "postmortems" not in p.parts)
    result = new(project, title)
    assert result.exit_code == 0, result.output
    path = created_path(project, result)
    assert path.resolve().parent == (project / "postmortems").resolve()
    assert re.fullmatch(r"2026-03-04-[a-z0-9-]+\.md", path.name), path.name
    assert sorted(p for p in tmp_path.rglob("*") if "postmortems" not in p.parts) == before
    # the title is kept, safely quoted and without control characters, and the frontmatter parses
    lint = run(project, "lint", "--select", "PM001,PM002", str(path.relative_to(project)))
    assert lint.exit_code == 0, lint.output
    written = parse_file(path).frontmatter.data["title"]
    assert written == " ".join("".join(c for c in title if unicodedata.category(c) not in ("Cc", "Cf")).split())


def test_new_rejects_bad_input_with_exit_2(tmp_path):
    project = make_project(tmp_path)
    assert new(project, "Outage").exit_code == 2  # too short to name the impact
    assert new(project, started="2026-03-04 14:02").exit_code == 2  # no timezone
    bad_service = run(project, "new", "--title", "Checkout errors for EU customers", "--severity", "SEV2",
                      "--services", "Checkout API", "--started", "2026-03-04T14:02:00Z")
    assert bad_service.exit_code == 2
    assert not list((project / "postmortems").glob("*.md"))


def test_new_prompts_for_what_is_missing(tmp_path):
    project = make_project(tmp_path)
    from click.testing import CliRunner

    from postmortem.cli import main

    from .projects import cwd

    with cwd(project):
        result = CliRunner().invoke(main, ["new"], input="Checkout errors for EU customers\nsev2\ncheckout-api\n2026-03-04T14:02:00Z\n\n")
    assert result.exit_code == 0, result.output
    assert "Title (name the impact, not the cause):" in result.output
    text = (project / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md").read_text(encoding="utf-8")
    assert "\nseverity: SEV2\n" in text and "\nservices: [checkout-api]\n" in text


PLACEHOLDER = re.compile(r"\{\{.*?\}\}")

# Every placeholder of the template, keyed by its text, and what an author writes instead.
# A list is used in order for a placeholder that appears more than once.
FILLED = {
    '"{{ your team or role, as listed in owners.yml }}"': "payments-team",
    '"{{ roles that responded, e.g. incident commander, on-call SRE }}"': "incident commander",
    '"{{ when the organisation first knew, e.g. 2026-03-04T14:09:00Z }}"': "2026-03-04T14:09:00Z",
    '"{{ when a responder acknowledged, ISO 8601 with timezone }}"': "2026-03-04T14:12:00Z",
    '"{{ when customer impact stopped, ISO 8601 with timezone }}"': "2026-03-04T15:20:00Z",
    '"{{ when the system was back to normal, ISO 8601 with timezone }}"': "2026-03-04T16:45:00Z",
    '"{{ monitoring-alert | user-report | customer-support | manual-discovery | automated-test | third-party | other }}"':
        "monitoring-alert",
    "{{ who was affected and how, in one sentence }}": "EU customers saw errors at checkout for 78 minutes.",
    '"{{ a number, or unknown }}"': "18400",
    '"{{ none | some | unknown }}"': "none",
    '"{{ percent of the period\'s error budget, or unknown }}"': "41",
    "{{ Two or three sentences: what happened, who was affected, how it ended. Describe systems and roles, not people. }}":
        "A database failover left the checkout connection pool pointing at the old primary. "
        "About one EU checkout in five failed for 78 minutes, until the checkout pods were restarted.",
    "{{ Who was affected, how, for how long, and how you measured it. Mark estimates with [ESTIMATE: method] and guesses with [ASSUMPTION]. }}":
        "18,400 EU customers saw at least one failed checkout [ESTIMATE: distinct sessions with a 503]. "
        "No orders were lost.",
    "{{ what changed }}": "the replica was promoted and checkout requests started to fail",
    "{{ system or role }}": "payments-db",
    "{{ HH:MM UTC of detection }}": "14:09 UTC",
    "{{ first alert or report }}": "The checkout error-rate alert fires",
    "{{ monitoring, customer support… }}": "monitoring",
    "{{ HH:MM UTC of acknowledgement }}": "14:12 UTC",
    "{{ a responder acknowledges the page }}": "The payments on-call engineer acknowledges the page",
    "{{ role }}": ["payments on-call engineer", "payments on-call engineer", "database on-call engineer"],
    "{{ HH:MM UTC of mitigation }}": "15:20 UTC",
    "{{ what stopped the impact }}": "A rolling restart of the checkout pods completes and errors stop",
    "{{ HH:MM UTC of resolution }}": "16:45 UTC",
    "{{ what returned the system to normal }}": "Replication is verified healthy and the incident is resolved",
    "{{ Why did the impact happen? }}": "Why did checkouts fail? Requests reached a node that no longer accepted writes.",
    "{{ Why was that? }}": [
        "Why did requests reach it? The pool kept connections opened before the failover.",
        "Why were they kept? The pool validates connections only when it opens them.",
    ],
    "{{ a condition of the system or process that made the incident possible }}":
        "The connection pool does not validate connections when they are borrowed",
    "{{ Technical, Process, Human or External }}": "Technical",
    "{{ yes, no or partially }}": "yes",
    "{{ what helped: an alert that fired, a runbook that worked }}": "The error-rate alert fired seven minutes after impact began.",
    "{{ what slowed detection or recovery, described as system and process gaps }}":
        "The database dashboard did not show client connections per node.",
    '{{ start with a verb and say when it is done: "Add an alert when queue depth exceeds 10,000 for 5 min" }}':
        "Add an alert when more than 5% of pooled connections point at a read-only node",
    "{{ owner team or role }}": ["sre-team", "payments-team"],
    "{{ P0, P1, P2 or P3 }}": ["P1", "P1"],
    "{{ YYYY-MM-DD }}": ["2026-12-15", "2026-12-15"],
    "{{ a change that prevents or limits a recurrence }}": "Enable connection validation on borrow in the checkout API pool",
    "{{ What engineering and leadership were told, when, and through which channel. }}":
        "The incident channel was opened at 14:30 UTC and leadership had updates every 30 minutes.",
    "{{ What customers were told: impact and resolution in plain language, no internal detail. }}":
        "Some customers in Europe could not complete checkout between 14:02 and 15:20 UTC. No payments were taken.",
    "{{ what the organisation learned about its systems and processes }}":
        "A failover is finished only when every client has reconnected to the new primary.",
}


def fill(text: str, values: dict) -> str:
    for placeholder, value in values.items():
        for replacement in value if isinstance(value, list) else [value] * text.count(placeholder):
            assert placeholder in text, placeholder
            text = text.replace(placeholder, replacement, 1)
    return text


TWO_DAYS_LATER = "2026-03-06"  # the draft of an incident of 2026-03-04, written within days (PM108)


def test_new_file_reports_each_placeholder_once_then_lints_clean_when_filled(tmp_path):
    project = make_project(tmp_path)
    path = created_path(project, new(project))
    relative = str(path.relative_to(project))
    text = path.read_text(encoding="utf-8")

    # a new file is a draft: its placeholders are warnings (PM208), so it can be merged early
    result = run(project, "lint", relative, "--format", "json", "--today", TWO_DAYS_LATER)
    assert result.exit_code == 0
    assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} == {"PM208"}
    # in review they are errors (PM205)
    path.write_text(text.replace("status: draft", "status: in-review", 1), encoding="utf-8")
    result = run(project, "lint", relative, "--format", "json", "--today", TWO_DAYS_LATER)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["diagnostics"]
    assert {d["code"] for d in findings} == {"PM205"}
    lines = text.split("\n")
    holes = [
        (number, match.start() + 1)
        for number, line in enumerate(lines, 1)
        for match in PLACEHOLDER.finditer(line)
    ]
    # one finding per placeholder, each at its placeholder (or at the quote around it)
    assert len(findings) == len(holes) == 46
    for finding, (line, col) in zip(findings, holes):
        assert finding["line"] == line
        assert finding["col"] in (col, col - 1)

    # every placeholder of the template has a value in FILLED, and nothing else is left
    assert {m.group(0) for m in PLACEHOLDER.finditer(text)} <= {PLACEHOLDER.search(k).group(0) for k in FILLED}
    filled = fill(text, FILLED)
    assert not PLACEHOLDER.search(filled)
    path.write_text(filled, encoding="utf-8")
    result = run(project, "lint", relative, "--today", TWO_DAYS_LATER)
    assert result.exit_code == 0, result.output
    assert result.output == "All checks passed (1 file).\n"


def test_new_with_half_the_placeholders_filled_lists_the_rest(tmp_path):
    project = make_project(tmp_path)
    path = created_path(project, new(project))
    half = dict(list(FILLED.items())[: len(FILLED) // 2])
    text = fill(path.read_text(encoding="utf-8"), half)
    path.write_text(text, encoding="utf-8")
    result = run(project, "lint", str(path.relative_to(project)), "--format", "json", "--today", "2026-11-23")
    findings = json.loads(result.stdout)["diagnostics"]
    assert not [d for d in findings if d["code"] == "PM205"]  # a draft: its gaps are PM208's warnings
    assert len([d for d in findings if d["code"] == "PM208"]) == len(PLACEHOLDER.findall(text))


def test_a_missing_owner_registry_is_said_not_skipped_silently(tmp_path):
    archive = tmp_path / "incidents"
    archive.mkdir()
    (archive / "a.md").write_text((ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(tmp_path, "lint", "incidents", "--today", "2026-11-23")
    assert "no owner registry at postmortems/owners.yml" in result.stderr and "were not checked" in result.stderr
    quiet = run(tmp_path, "lint", "incidents", "--today", "2026-11-23", "--select", "PM301")
    assert "owner registry" not in quiet.stderr  # no rule that reads it was selected
