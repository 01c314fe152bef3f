"""Bad input through the real command line: every broken file gets a diagnostic with its
file and line, exit code 1 and no traceback; a file that cannot be read is reported and the
other files are still linted; CRLF and BOM files lint exactly like LF ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.engine import Linter
from postmortem.new import create, template_text
from postmortem.parse import parse_bytes
from postmortem.rule import all_rules

from .conftest import FIXTURES, TODAY, make_config
from .projects import make_project, run

EXAMPLE = (FIXTURES / "complete.md").read_bytes()  # a complete post-mortem, one overdue item
TEMPLATE = template_text()

# name -> (content, rule code, line) of the finding the file must get
BAD_FILES = {
    "empty.md": (b"", "PM002", 1),
    "only-bom.md": (b"\xef\xbb\xbf", "PM002", 1),
    "whitespace.md": (b"  \n\n\t\n", "PM002", 1),
    "no-frontmatter.md": (b"# Checkout errors\n\n## Summary\n\nText.\n", "PM002", 1),
    "unterminated.md": (b"---\nid: PM-2026-001\ntitle: Checkout errors\n\n## Summary\n", "PM002", 1),
    "empty-frontmatter.md": (b"---\n---\n\n## Summary\n", "PM002", 1),
    "list-frontmatter.md": (b"---\n- id: PM-2026-001\n---\n", "PM002", 2),
    "scalar-frontmatter.md": (b"---\njust a sentence\n---\n", "PM002", 2),
    "duplicate-keys.md": (b"---\nid: PM-2026-001\nseverity: SEV2\nseverity: SEV1\n---\n", "PM002", 4),
    "yaml-syntax.md": (b"---\nid: PM-2026-001\nservices: [checkout-api\nseverity: SEV2\n---\n", "PM002", 4),
    "yaml-unclosed-quote.md": (b'---\nid: PM-2026-001\ntitle: "Checkout errors\nseverity: SEV2\n---\n', "PM002", 3),
    "yaml-tab-indent.md": (b"---\nimpact:\n\tsummary: x\n---\n", "PM002", 3),
    "yaml-unknown-alias.md": (b"---\nid: *nothing\n---\n", "PM002", 2),
    "yaml-bad-tag.md": (b"---\nid: PM-2026-001\nusers: !!int many\n---\n", "PM002", 3),
    "wrong-type-date.md": (b"---\nid: PM-2026-001\npublished: tomorrow\n---\n", "PM101", 3),
    "wrong-type-list.md": (b"---\nid: PM-2026-001\nservices: checkout-api\n---\n", "PM101", 3),
    "wrong-type-number.md": (b"---\nid: 2026\n---\n", "PM101", 2),
    "invalid-utf8.md": (b"---\nid: PM-2026-001\ntitle: caf\xe9 errors\n---\n", "PM001", 3),
    "truncated-utf8.md": (b"---\nid: PM-2026-001\n---\n\n## Summary\n\nEnds mid-character \xe2\x82", "PM001", 7),
    "binary.md": (bytes(range(256)) * 4, "PM001", 3),  # bytes 10 (LF) and 13 (CR) end lines 1 and 2
    "invalid-utf8-cr.md": (b"---\rid: PM-2026-001\r---\r\rcaf\xe9\r", "PM001", 5),
    "nul-bytes.md": (b"---\nid: PM-2026-001\x00\n---\n\n## Summary\n\nA\x00B\n", "PM002", 2),
    "deep-nesting.md": (b"---\nimpact: " + b"[" * 200 + b"]" * 200 + b"\n---\n", "PM002", 2),
    "alias-bomb.md": (
        b"---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
        "PM002",
        2,
    ),
}


def assert_reported(result, name: str, code: str, line: int):
    expected = f"postmortems/{name}:{line}:"
    lines = [text for text in result.output.splitlines() if text.startswith(expected) and f" {code} " in text]
    assert lines, f"no {code} at {expected} in:\n{result.output}"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_a_diagnostic_with_file_and_line(tmp_path, name):
    content, code, line = BAD_FILES[name]
    project = make_project(tmp_path, {name: content})
    result = run(project, "lint", f"postmortems/{name}", "--today", "2026-11-23")
    assert result.exit_code == 1, result.output
    assert_reported(result, name, code, line)


def test_all_bad_files_in_one_run_as_a_real_process(tmp_path):
    """The installed command, as pre-commit and CI run it: one finding per file, no traceback."""
    project = make_project(tmp_path, {name: content for name, (content, _, _) in BAD_FILES.items()})
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "postmortem"), "lint", "--format", "json", "--today", "2026-11-23"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    found = {(d["path"], d["code"], d["line"]) for d in json.loads(proc.stdout)["diagnostics"]}
    for name, (_, code, line) in BAD_FILES.items():
        assert (f"postmortems/{name}", code, line) in found, name


def test_file_over_the_size_limit(tmp_path):
    big = EXAMPLE + b"\n" + b"log line that someone pasted in\n" * 100
    project = make_project(tmp_path, {"big.md": big}, extra_config="max-file-size = 4096\n")
    result = run(project, "lint", "postmortems/big.md")
    assert result.exit_code == 1
    assert_reported(result, "big.md", "PM001", 1)
    assert "4,096-byte limit" in result.output


# --------------------------------------------------------------------------- unreadable files


def test_unreadable_files_are_reported_and_the_others_still_linted(tmp_path):
    project = make_project(tmp_path, {"2026-03-04-good.md": EXAMPLE, "latin-1.md": b"---\nid: caf\xe9\n---\n"})
    archive = project / "postmortems"
    (archive / "dangling.md").symlink_to(archive / "deleted-long-ago.md")
    (archive / "loop.md").symlink_to(archive / "loop.md")
    os.mkfifo(archive / "fifo.md")  # opening it for reading would block forever
    (archive / "folder.md").mkdir()  # a folder named like a post-mortem is a folder
    (archive / "folder.md" / "inside.md").write_bytes(b"## Summary\n")
    result = run(project, "lint", "--today", "2026-11-23", "--format", "concise")
    out = result.output
    assert result.exit_code == 1
    assert "postmortems/dangling.md:1:1: PM001 [error] cannot read file: No such file or directory" in out
    assert "postmortems/loop.md:1:1: PM001 [error] cannot read file:" in out
    assert "postmortems/fifo.md:1:1: PM001 [error] cannot read file: not a regular file" in out
    assert "postmortems/latin-1.md:2:8: PM001" in out
    assert "postmortems/folder.md/inside.md:1:1: PM002" in out
    # the readable post-mortem was linted in the same run: its overdue action item is reported
    assert "postmortems/2026-03-04-good.md:90:129: PM313 [warning]" in out
    assert "of 6 files." in out
    assert "Traceback" not in out


def test_a_fifo_named_on_the_command_line_is_reported(tmp_path):
    project = make_project(tmp_path, {"good.md": EXAMPLE})
    os.mkfifo(project / "postmortems" / "fifo.md")
    result = run(project, "lint", "postmortems/fifo.md", "postmortems/good.md", "--today", "2026-11-23")
    assert result.exit_code == 1
    assert "postmortems/fifo.md:1:1: PM001" in result.output
    assert "postmortems/good.md:90:129: PM313" in result.output


def test_a_parser_crash_is_a_finding_and_exit_2_not_a_traceback(tmp_path, monkeypatch):
    import postmortem.engine as engine

    real = engine.parse_file

    def crashing(path, display=None, limits=None):
        if Path(path).name == "crash.md":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, display, limits)

    monkeypatch.setattr(engine, "parse_file", crashing)
    project = make_project(tmp_path, {"crash.md": EXAMPLE, "good.md": EXAMPLE.replace(b"PM-2026-007", b"PM-2026-008")})
    result = run(project, "lint", "--today", "2026-11-23")
    assert result.exit_code == 2
    assert "postmortems/crash.md:1:1: PM001 [error] cannot be checked: internal error in the parser (RecursionError)" in result.output
    assert "internal error: the parser failed on postmortems/crash.md: RecursionError" in result.stderr
    assert "postmortems/good.md:90:129: PM313" in result.stdout
    assert "Traceback" not in result.output


def test_a_rule_crash_keeps_the_other_findings_and_exits_2(tmp_path, monkeypatch):
    def broken(doc, ctx):
        raise KeyError("boom")
        yield

    monkeypatch.setitem(all_rules(), "PM207", replace(all_rules()["PM207"], check=broken))
    project = make_project(tmp_path, {"good.md": EXAMPLE})
    result = run(project, "lint", "--today", "2026-11-23")
    assert result.exit_code == 2
    assert "internal error: rule PM207 (table-missing) failed on postmortems/good.md: KeyError" in result.stderr
    assert "postmortems/good.md:90:129: PM313" in result.stdout


# --------------------------------------------------------------------------- line endings and BOM


def broken_document(tmp_path: Path) -> bytes:
    """A generated post-mortem with placeholders and a few structural errors."""
    path = create(tmp_path / "scratch", "Checkout errors for EU customers", "SEV2", ["checkout-api"], [], "2026-03-04T14:02:00Z")
    text = path.read_text(encoding="utf-8")
    text = text.replace("| open | CF1 |", "| Open | CF1 |", 1).replace("## Impact", "## Timeline\n\nDuplicate.\n\n## Impact")
    return text.encode("utf-8")


@pytest.mark.parametrize("source", ["example", "broken"])
def test_crlf_and_bom_lint_exactly_like_lf(tmp_path, source):
    lf = EXAMPLE if source == "example" else broken_document(tmp_path)
    variants = {
        "lf.md": lf,
        "crlf.md": lf.replace(b"\n", b"\r\n"),
        "bom.md": b"\xef\xbb\xbf" + lf,
        "bom-crlf.md": b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"),
        "cr.md": lf.replace(b"\n", b"\r"),
    }
    outputs = {}
    for name, data in variants.items():
        project = make_project(tmp_path / name.removesuffix(".md"), {"incident.md": data})
        result = run(project, "lint", "--format", "json", "--today", "2026-11-23", "--ignore", "PM102")
        assert "Traceback" not in result.output
        outputs[name] = (result.exit_code, json.loads(result.stdout)["diagnostics"])
    assert outputs["lf.md"][1] or source == "example"
    for name, output in outputs.items():
        assert output == outputs["lf.md"], name


# --------------------------------------------------------------------------- Markdown corner cases


def test_heading_only_in_code_block_or_comment_does_not_count(tmp_path):
    text = EXAMPLE.decode("utf-8")
    hidden = text.replace("## Timeline\n", "```markdown\n## Timeline\n```\n", 1).replace(
        "## Lessons Learned\n", "<!--\n## Lessons Learned\n-->\n", 1
    )
    project = make_project(tmp_path, {"incident.md": hidden.encode("utf-8")})
    result = run(project, "lint", "--select", "PM201", "--format", "concise")
    assert result.exit_code == 1
    assert "missing required section: Timeline (required for SEV2)" in result.output
    assert "missing required section: Lessons Learned (required for SEV2)" in result.output


def test_table_with_escaped_pipes_is_well_formed(tmp_path):
    text = EXAMPLE.decode("utf-8").replace(
        "| Enable validation on borrow in the checkout API connection pool |",
        "| Enable validation on borrow \\| on return in the `pool \\| driver` settings |",
    )
    project = make_project(tmp_path, {"incident.md": text.encode("utf-8")})
    result = run(project, "lint", "--select", "PM204,PM311,PM312,PM314,PM315,PM316", "--today", "2026-11-23")
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- any content at all

SNIPPETS = [
    "---", "\n", "\r\n", "\r", "|", "\\|", "`", "```", "~~~", "<!--", "-->", "{{", "}}", ": ", "- ", "> ",
    "## Timeline", "## Action Items", "#", "[x](", ")", "*", "_", "&amp;", "\t", "\x00", "\u00a0", "\u0085",
    "\u2028", "\ufeff", "\U0001f525", "e\u0301", "&", "*a", "&a ", "!!", "? ", "[", "]", "{", "}", "'", '"',
    "14:02 UTC", "2026-02-30", "PM-2026-007", "<!-- postmortem: disable=PM205 -->", "<!-- postmortem: disable-file -->",
    "| A9 | x | detect | nobody | P9 | soon | WIP |", "| 99:99 | x | y | |",
]


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(["example", "template", "empty"]),
    edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(SNIPPETS), st.booleans()), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "crlf", "latin-1"]),
)
def test_any_content_lints_without_an_exception(base, edits, encoding):
    text = {"example": EXAMPLE.decode("utf-8"), "template": TEMPLATE, "empty": ""}[base]
    for where, snippet, delete in edits:
        at = int(where * len(text))
        text = text[:at] + text[at + len(snippet):] if delete else text[:at] + snippet + text[at:]
    if encoding == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    else:
        data = text.encode(encoding, errors="replace")
    internal_errors: list[str] = []
    linter = Linter(make_config(archive=FIXTURES / "no-archive"), today=TODAY)
    doc = parse_bytes(data, "fuzz.md")
    diagnostics = linter.lint_document(doc, internal_errors)
    assert internal_errors == []
    # positions count lines as the model does, also in a file that is not valid UTF-8
    lines = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for d in diagnostics:
        assert 1 <= d.line <= d.end_line <= max(1, len(lines)), d
        assert 1 <= d.col and 1 <= d.end_col, d
        assert d.end_col <= len(lines[d.end_line - 1]) + 2, d
        assert "\n" not in d.message, d
