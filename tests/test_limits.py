"""Resource limits: hostile or accidental input gets a diagnostic, in bounded time and memory.

Post-mortems are pasted together from chat logs, dashboards and terminals. Whatever a file
holds, `postmortem lint` answers with findings, never with a hang, a traceback or the
machine's memory. The limits (README, "Limits and fuzzing"):

* a file over ``max-file-size`` (1 MiB), over 10,000 lines or with more than 50,000
  Markdown markup characters (``| [ ! * _ < \\ &``, what the Markdown parser works hardest
  on) is reported (PM001) without being parsed; a file over the size limit is not even read;
* frontmatter over 64 KiB, nested more than 32 levels, or expanding (through YAML aliases)
  to more than 5,000 values is reported (PM002) without being turned into data;
* everything under those limits lints in time linear in its size.

Times are measured by ``bench/limits.py``, not here: each test only carries a generous
deadline so that a hang or a quadratic blow-up fails it instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from postmortem.engine import Linter
from postmortem.parse import Limits, parse_bytes, parse_file
from postmortem.parse.source import MAX_LINES, MAX_MARKUP_CHARS

from .conftest import FIXTURES, TODAY, make_config
from .projects import make_project

EXAMPLE = (FIXTURES / "complete.md").read_bytes()
HEAD = EXAMPLE[: EXAMPLE.index(b"\n---\n", 4) + 5]  # the example's frontmatter, no body
DEADLINE = 60  # seconds; every case here takes well under 3 s on a shared 2-core machine


@contextmanager
def deadline(seconds: int = DEADLINE):
    """Fail (rather than stall the suite) when the block runs for ``seconds``."""

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: a hang or a super-linear blow-up")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def lint(data: bytes, select=None, limits: Limits | None = None, **settings):
    config = make_config(**settings)
    linter = Linter(config, select=select, today=TODAY)
    with deadline():
        doc = parse_bytes(data, "incident.md", limits or linter.limits)
        return linter.lint_documents([doc]).diagnostics


def codes(diagnostics) -> set[str]:
    return {d.code for d in diagnostics}


def only(diagnostics, code: str):
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[(d.code, d.message) for d in diagnostics]}"
    return found


# --------------------------------------------------------------------------- frontmatter


BILLION_LAUGHS = b"---\n" + b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
    b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 10)) for i in range(1, 10)
) + b"---\n\n## Summary\n\nText.\n"


def test_alias_bomb_is_refused_without_expanding_it():
    # Nine levels of ten aliases each: 10^9 values if expanded.
    diagnostics = lint(BILLION_LAUGHS)
    assert "too many values" in only(diagnostics, "PM002")[0].message


def test_aliases_within_the_budget_are_fine():
    data = HEAD.replace(b"services: [checkout-api, payments-db]", b"services: &s [checkout-api, payments-db]")
    data = data.replace(b"tags: [database, failover, connection-pool]", b"tags: *s")
    assert "PM002" not in codes(lint(data))


@pytest.mark.parametrize(
    "yaml",
    [
        b"impact: " + b"[" * 10_000 + b"]" * 10_000,  # flow sequences
        b"impact: " + b"{a: " * 10_000 + b"}" * 10_000,  # flow mappings
        b"impact:\n  " + b"- " * 10_000 + b"x",  # block sequences on one line
        b"" + b"? " * 10_000 + b"x",  # complex keys
        b"impact: " + b"[" * 10_000,  # unclosed
        b"impact: " + b"&a [" * 5_000 + b"]" * 5_000,  # an anchor on every level
        b"".join(b" " * depth + b"k:\n" for depth in range(300)) + b" " * 300 + b"k: v",  # indentation, under 64 KiB
    ],
    ids=["flow-seq", "flow-map", "block-seq-one-line", "complex-keys", "unclosed", "anchors", "indentation"],
)
def test_deep_frontmatter_nesting_is_refused(yaml):
    data = b"---\n" + yaml + b"\n---\n\n## Summary\n\nText.\n"
    assert len(data) < 64 * 1024
    message = only(lint(data), "PM002")[0].message
    assert "nested more than 32 levels" in message or "YAML error" in message


def test_nesting_bound_follows_flow_brackets_across_lines():
    from postmortem.parse.frontmatter import _nesting_bound

    assert _nesting_bound("a: [\n  [\n    [x]]]\nb: plain\nc: '[[[['  # [[[[") == 3
    # closing brackets on lines of their own close what earlier lines opened
    assert _nesting_bound("a: [[[\n]]]\nb: [[[\n]]]") == 3
    assert _nesting_bound("a: [[[\nb: x\n]]] ]]]\nc: [[[") == 3
    assert _nesting_bound("a: x\nb: y\n- - - z") == 3


def test_frontmatter_over_its_size_limit():
    data = b"---\nimpact:\n  summary: \"" + b"x" * 70_000 + b"\"\n---\n\n## Summary\n\nText.\n"
    assert "65,536-byte limit" in only(lint(data), "PM002")[0].message


def test_frontmatter_with_too_many_values():
    data = b"---\nservices: [" + b", ".join(b"s%d" % i for i in range(6_000)) + b"]\n---\n"
    assert "too many values" in only(lint(data), "PM002")[0].message


# --------------------------------------------------------------------------- file size and lines


def test_a_50_mb_file_is_reported_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "dump.md"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.write(HEAD)
        handle.truncate(50 * 1024 * 1024)

    def no_reading(self, *args, **kwargs):
        raise AssertionError("a file over the size limit must not be read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with deadline():
        doc = parse_file(path, "dump.md")
    [problem] = doc.problems
    assert problem.kind == "unreadable"
    assert "52,428,800 bytes, over the 1,048,576-byte limit" in problem.message


def test_a_5_mb_line_is_over_the_size_limit():
    data = HEAD + b"\n## Summary\n\n" + b"x" * (5 * 1024 * 1024) + b"\n"
    assert "over the 1,048,576-byte limit" in only(lint(data), "PM001")[0].message


def test_a_5_mb_line_lints_when_the_size_limit_allows_it():
    body = b"\n## Summary\n\n" + b"The pool kept stale connections open " * 150_000 + b"\n"
    data = HEAD + body
    assert len(data) > 5 * 1024 * 1024
    diagnostics = lint(data, max_file_size=8 * 1024 * 1024)
    assert "PM001" not in codes(diagnostics)
    assert all(1 <= d.line <= data.count(b"\n") + 1 for d in diagnostics)


def test_a_table_of_100000_rows_is_over_the_line_limit():
    table = b"\n## Timeline\n\n| Time | Event |\n|---|---|\n" + b"|1|x|\n" * 100_000
    data = HEAD + table
    assert len(data) < 1024 * 1024  # under the size limit: the line limit answers it
    message = only(lint(data), "PM001")[0].message
    assert f"over the {MAX_LINES:,}-line limit" in message


def test_line_limit_is_exact():
    under = HEAD + b"\n" * (MAX_LINES - HEAD.count(b"\n"))
    assert len(parse_bytes(under, "x.md").source.lines) == MAX_LINES + 1  # the last line is empty
    assert "PM001" not in codes(lint(under[:-1]))
    assert "PM001" in codes(lint(under + b"x"))


# --------------------------------------------------------------------------- linear in size


def action_rows(count: int) -> bytes:
    rows = b"".join(
        b"A%d | Add a lag alert | detect | sre-team | P1 | 2026-12-01 | Open\n" % i for i in range(count)
    )
    return (HEAD + b"\n## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
            b"|---|---|---|---|---|---|---|\n" + rows)


ACTION_ROWS = (MAX_MARKUP_CHARS - 200) // 6  # six pipes a row: just under the markup limit


def test_an_action_table_at_the_limits_lints():
    data = action_rows(ACTION_ROWS)
    diagnostics = lint(data)
    assert "PM001" not in codes(diagnostics)
    assert len([d for d in diagnostics if d.code == "PM314"]) == ACTION_ROWS  # "Open" is written "open"


def test_rules_never_compare_rows_by_value(monkeypatch):
    """Finding an item's table by ``row in table.rows`` compared rows field by field with
    every row of the table, for every item: a 9,000-row table took a minute to lint."""
    from postmortem import model

    compared = []
    for cls in (model.Row, model.Cell):
        original = cls.__eq__

        def counting(self, other, original=original):
            compared.append(type(self).__name__)
            return original(self, other)

        monkeypatch.setattr(cls, "__eq__", counting)
    timeline = b"\n## Timeline\n\n| Time | Event |\n|---|---|\n" + b"| 25:00 UTC | x |\n" * 200
    diagnostics = lint(action_rows(200) + timeline)
    assert {"PM314", "PM404"} <= codes(diagnostics)
    assert compared == []


def test_a_timeline_of_bad_times_at_the_line_limit():
    rows = b"".join(b"| 25:%02d UTC | Something happened |\n" % (i % 60) for i in range(MAX_LINES - 60))
    data = HEAD + b"\n## Timeline\n\n| Time | Event |\n|---|---|\n" + rows
    diagnostics = lint(data, select=["PM401", "PM402", "PM403", "PM404"])
    assert len(diagnostics) >= MAX_LINES - 60


def test_many_headings():
    data = HEAD + b"\n" + b"## Summary\n\nText.\n" * ((MAX_LINES - 40) // 3)
    assert "PM202" in codes(lint(data))  # duplicate sections


@pytest.mark.parametrize(
    "body",
    [
        b"> " * 10_000 + b"deep quote\n",
        b"".join(b"  " * min(depth, 100) + b"- item\n" for depth in range(5_000)),
        b"[" * 49_000 + b"\n",
        b"![" * 24_000 + b"a" * 900_000 + b"\n",
        b"*_" * 24_000 + b"\n",
        b"*a " * 48_000 + b"\n",
        b"<" * 49_000 + b"\n",
        b"`" * 300_000 + b"\n",
        b":" * 900_000 + b"\n",
        b"\x00" * 300_000 + b"\n",
        b"[a]: http://example.com\n" * 9_000,
        b"| a |\n|---|\n" + b"|" * 49_000 + b"\n",
        b"| " + b"a | " * 1_000 + b"\n|" + b"---|" * 1_000 + b"\n" + (b"|" + b"x|" * 1_000 + b"\n") * 45,
    ],
    ids=["quotes", "lists", "brackets", "images", "emphasis-runs", "emphasis", "angles", "backticks", "colons",
         "nul", "link-refs", "pipe-row", "wide-table"],
)
def test_pathological_markdown_under_the_limits_lints(body):
    data = HEAD + b"\n" + body
    assert len(data) <= 1024 * 1024
    diagnostics = lint(data)
    assert "PM001" not in codes(diagnostics)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 1_000_000,
        b"![" * 500_000,
        b"*_" * 500_000,
        b"| " + b"a | " * 50 + b"\n|" + b"---|" * 50 + b"\n" + (b"|" + b"x|" * 50 + b"\n") * 9_000,
    ],
    ids=["brackets", "images", "emphasis", "cells"],
)
def test_too_much_markup_is_refused_before_parsing(body):
    data = HEAD + b"\n" + body + b"\n"
    assert len(data) <= 1024 * 1024
    message = only(lint(data), "PM001")[0].message
    assert f"over the {MAX_MARKUP_CHARS:,} limit" in message
    assert "Markdown markup characters" in message


def test_fix_of_a_file_at_the_line_limit():
    from postmortem.fix import fix_bytes
    from postmortem.rule import fixable

    data = EXAMPLE + b"\nTrailing whitespace on every line.  \t \n" * ((MAX_LINES - 200) // 2)
    checker = Linter(make_config(), select=fixable(), today=TODAY)
    with deadline():
        result = fix_bytes(data, "incident.md", checker)
    assert result.fixed.count(b" \t \n") == 0
    assert len(result.applied) >= (MAX_LINES - 200) // 2


# --------------------------------------------------------------------------- the real command


def test_every_limit_through_the_command_line_in_bounded_memory(tmp_path):
    """The installed command on all of the above at once, in a process limited to 1 GiB."""
    files = {
        "bomb.md": BILLION_LAUGHS,
        "deep.md": b"---\nimpact: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\n",
        "rows.md": HEAD + b"\n## Timeline\n\n| Time | Event |\n|---|---|\n" + b"|1|x|\n" * 100_000,
        "line.md": HEAD + b"\n## Summary\n\n" + b"x" * (5 * 1024 * 1024) + b"\n",
        "actions.md": action_rows(ACTION_ROWS),
        "bad-utf8.md": HEAD + b"\n## Summary\n\nCaf\xe9 \xff\n",
    }
    project = make_project(tmp_path, files)
    with (project / "postmortems" / "big.md").open("wb") as handle:
        handle.write(HEAD)
        handle.truncate(50 * 1024 * 1024)

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    proc = subprocess.run(
        [str(Path(sys.executable).parent / "postmortem"), "lint", "--format", "json", "--jobs", "1",
         "--today", "2026-11-23"],
        cwd=project, capture_output=True, text=True, timeout=DEADLINE * 2, preexec_fn=limit_memory,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    found = {(d["path"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}
    expected = {"bomb.md": "PM002", "deep.md": "PM002", "rows.md": "PM001", "line.md": "PM001",
                "big.md": "PM001", "bad-utf8.md": "PM001", "actions.md": "PM314"}
    for name, code in expected.items():
        assert (f"postmortems/{name}", code) in found, name


def test_invalid_utf8_position_is_line_and_column_of_the_byte():
    data = "---\nid: x\n---\r\n\r\n## Summary\r\rCafé naïve ".encode() + b"\xc3(" + b" more\n"
    [problem] = parse_bytes(data, "x.md").problems
    assert problem.kind == "unreadable"
    # line 7 (CRLF, CRLF and CR each end a line); "Café naïve " is 11 code points
    assert (problem.span.line, problem.span.col) == (7, 12)
    assert "byte 0xC3" in problem.message


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_neither_reads_an_oversized_file_nor_waits_on_a_fifo(tmp_path, mode):
    """`lint --fix` read every file whole before looking at it: a FIFO made it wait forever,
    a 50 MB file was read into memory. Both are reported by the lint and left alone."""
    project = make_project(tmp_path, {"ok.md": EXAMPLE})
    os.mkfifo(project / "postmortems" / "pipe.md")
    with (project / "postmortems" / "big.md").open("wb") as handle:
        handle.write(HEAD)
        handle.truncate(50 * 1024 * 1024)
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "postmortem"), "lint", mode, "--jobs", "1", "--today", "2026-11-23"],
        cwd=project, capture_output=True, text=True, timeout=DEADLINE,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    if mode == "--fix":
        assert "postmortems/pipe.md:1:1: PM001" in proc.stdout
        assert "postmortems/big.md:1:1: PM001" in proc.stdout
