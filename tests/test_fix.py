"""``postmortem lint --fix`` and ``--diff``.

Fix fixtures are data: each ``tests/fixtures/fix/NAME.md`` is fixed with every fixable rule
selected, and the result must equal ``NAME.fixed.md`` byte for byte. Fixing the result again
must change nothing, and the CRLF and BOM variants of every fixture must give the CRLF and
BOM variants of the expected file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from postmortem.engine import Linter
from postmortem.fix import apply, fix_bytes
from postmortem.parse import parse_bytes
from postmortem.rule import fixable

from .conftest import FIXTURES, TODAY, make_config
from .projects import archive_text, make_project, run

FIX_FIXTURES = FIXTURES / "fix"
FIXABLE = fixable()
CASES = sorted(p for p in FIX_FIXTURES.glob("*.md") if not p.name.endswith(".fixed.md"))


def checker(select=None) -> Linter:
    return Linter(make_config(archive=FIX_FIXTURES), select=sorted(FIXABLE if select is None else select), today=TODAY)


def fixed(data: bytes, select=None) -> bytes:
    return fix_bytes(data, "incident.md", checker(select)).fixed


def crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fix_fixture(path: Path):
    expected = path.with_name(path.stem + ".fixed.md").read_bytes()
    assert fixed(path.read_bytes()) == expected


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fix_is_idempotent(path: Path):
    once = fixed(path.read_bytes())
    assert fixed(once) == once


@pytest.mark.parametrize("variant", [crlf, bom, lambda d: bom(crlf(d))], ids=["crlf", "bom", "bom-crlf"])
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fix_keeps_line_endings_and_bom(path: Path, variant):
    expected = path.with_name(path.stem + ".fixed.md").read_bytes()
    assert fixed(variant(path.read_bytes())) == variant(expected)


def test_mixed_line_endings_are_kept_line_by_line():
    data = b"---\r\nid: PM-2026-001\nseverity: sev1\r---\n\n## Summary \r\n\ntext\n"
    assert fixed(data) == b"---\r\nid: PM-2026-001\nseverity: SEV1\r---\n\n## Summary\r\n\ntext\n"


def test_yaml_comments_and_quotes_are_kept():
    data = b'---\nseverity: "sev2"   # was SEV3\nstatus: \'In Review\' # pending\n---\n'
    assert fixed(data) == b'---\nseverity: "SEV2"   # was SEV3\nstatus: \'in-review\' # pending\n---\n'


def test_yaml_syntax_error_changes_nothing():
    data = (FIX_FIXTURES / "yaml-error.md").read_bytes()
    assert parse_bytes(data, "x.md").frontmatter_broken
    assert fixed(data) == data


def test_fix_respects_the_rule_selection():
    data = b"---\nseverity: sev2\n---\n\n## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n" \
           b"|----|--------|----------|-------|----------|-----|--------|\n| A1 | Do it | detect | sre-team | p1 | 2026-01-01 | Done |\n"
    only_status = fixed(data, select=["PM314"])
    assert b"| p1 | 2026-01-01 | done |" in only_status and b"severity: sev2" in only_status
    nothing = fixed(data, select=[])
    assert nothing == data


def test_fix_respects_suppression_comments():
    data = b"---\nid: PM-2026-001\n---\n\n## Action Items\n\n<!-- postmortem: disable=PM314 -->\n" \
           b"| ID | Action | Category | Owner | Priority | Due | Status |\n|----|--------|----------|-------|----------|-----|--------|\n" \
           b"| A1 | Do it | detect | sre-team | p1 | 2026-01-01 | Done |\n"
    assert fixed(data) == data.replace(b"| p1 |", b"| P1 |")


def test_edits_are_applied_by_span_only():
    doc = parse_bytes(b"---\nseverity: sev2\n---\n", "x.md")
    edits = [d.fix for d in checker(["PM101"]).lint_document(doc) if d.fix]
    assert [(e.span.line, e.span.col, e.span.end_col, e.text) for e in edits] == [(2, 11, 15, "SEV2")]
    assert apply(b"\xef\xbb\xbf---\r\nseverity: sev2\r\n---\r\n", edits) == b"\xef\xbb\xbf---\r\nseverity: SEV2\r\n---\r\n"


# --------------------------------------------------------------------------- command line


def broken_text() -> str:
    text = archive_text("2026-01-10-card-payments-timing-out.md")
    text = text.replace("severity: SEV2", "severity: sev2  # escalated", 1)
    return text.replace("| P1 | 2026-01-20 | done |", "| p1 | 2026/1/20 | Done |", 1)


def test_cli_fix_writes_atomically_and_reports_what_is_left(tmp_path):
    project = make_project(tmp_path, {"a.md": broken_text()})
    path = project / "postmortems" / "a.md"
    os.chmod(path, 0o640)
    inode = path.stat().st_ino
    result = run(project, "lint", "--fix", "--today", "2026-11-23", "--ignore", "PM103")
    text = path.read_text(encoding="utf-8")
    assert "severity: SEV2  # escalated" in text and "| P1 | 2026-01-20 | done |" in text
    assert text == archive_text("2026-01-10-card-payments-timing-out.md").replace("severity: SEV2", "severity: SEV2  # escalated")
    assert path.stat().st_ino != inode  # replaced, not rewritten in place
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.md"]  # no temporary file left
    assert "Applied 4 fixes." in result.stdout
    assert "PM101" not in result.stdout and "PM314" not in result.stdout  # fixed findings are gone
    assert "PM313" in result.stdout  # overdue items cannot be fixed
    assert result.exit_code == 0  # only warnings remain
    again = run(project, "lint", "--fix", "--today", "2026-11-23", "--ignore", "PM103")
    assert "Applied" not in again.stdout and path.read_text(encoding="utf-8") == text


def test_cli_diff_shows_changes_and_writes_nothing(tmp_path):
    project = make_project(tmp_path, {"a.md": broken_text()})
    path = project / "postmortems" / "a.md"
    before = path.read_bytes()
    result = run(project, "lint", "--diff")
    assert result.exit_code == 1
    assert path.read_bytes() == before
    assert result.stdout.startswith("--- a/postmortems/a.md\n+++ b/postmortems/a.md\n")
    assert "-severity: sev2  # escalated\n+severity: SEV2  # escalated\n" in result.stdout
    assert "Would apply 4 fixes to 1 file." in result.stderr
    run(project, "lint", "--fix")
    clean = run(project, "lint", "--diff")
    assert clean.exit_code == 0 and clean.stdout == "" and "Nothing to fix." in clean.stderr


def test_cli_fix_on_yaml_error_changes_nothing_and_reports_it(tmp_path):
    data = (FIX_FIXTURES / "yaml-error.md").read_bytes()
    project = make_project(tmp_path, {"broken.md": data})
    result = run(project, "lint", "--fix", "--format", "concise")
    assert (project / "postmortems" / "broken.md").read_bytes() == data
    assert result.exit_code == 1
    assert "postmortems/broken.md:4:9:" in result.stdout and "PM002 [error] YAML error" in result.stdout


def test_cli_fix_then_json_output_stays_json(tmp_path):
    import json

    project = make_project(tmp_path, {"a.md": broken_text()})
    result = run(project, "lint", "--fix", "--format", "json", "--select", "PM101,PM314")
    assert json.loads(result.stdout)["diagnostics"] == []


def test_fix_keeps_the_bundled_archive_stable(tmp_path):
    """Every post-mortem of the bundled archive: a second --fix pass changes nothing."""
    root = Path(__file__).resolve().parent.parent / "postmortems"
    for path in sorted(root.glob("*.md")):
        once = fixed(path.read_bytes())
        assert fixed(once) == once, path.name
