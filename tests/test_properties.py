"""Property tests: whatever a post-mortem file holds, the linter answers with findings.

Documents are generated from their parts: frontmatter (valid and invalid YAML, anchors
and aliases, merge keys, deep nesting, odd scalars, non-string keys, tags), sections under
canonical and invented headings, tables with random cells and pipes, code fences, lists,
quotes, HTML, and text in every script: combining characters, right-to-left text and
overrides, NUL, zero-width and line-separator characters; then the bytes get mixed line
endings, a BOM, invalid UTF-8 such as UTF-8-encoded lone surrogates.

Properties:

* no exception escapes the parser, a rule or ``--fix``;
* every diagnostic's line and column lie inside the file;
* linting is deterministic (twice in a process, and across hash seeds);
* linting never changes the file;
* ``--fix`` output re-lints without the findings it fixed, a second ``--fix`` changes
  nothing, and everything but the fixed text (line endings included) is kept.

The default run takes seconds (the "dev" profile). The long run is
``make fuzz`` (HYPOTHESIS_PROFILE=long: 100,000 examples per property).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem.engine import Linter
from postmortem.fix import fix_bytes
from postmortem.rule import fixable
from postmortem.parse import parse_bytes, parse_file

from .conftest import FIXTURES, ROOT, TODAY, make_config

FIXABLE = fixable()

EXAMPLE = (FIXTURES / "complete.md").read_text(encoding="utf-8")

# --------------------------------------------------------------------------- text

ODD_CHARACTERS = [
    "\u0301", "\u0308", "\u20dd",  # combining marks
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f",  # bidi overrides, isolates, RLM
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",  # Hebrew, Arabic
    "\x00", "\x1b[31m", "\x7f", "\x0b", "\x0c",  # NUL, an escape sequence, DEL, VT, FF
    "\u200b", "\u200d", "\ufeff", "\u2028", "\u2029", "\u0085", "\u00a0", "\u3000",
    "\uff0f", "\u2215", "\u2025",  # fullwidth solidus, division slash, two-dot leader
    "\U0001f469\u200d\U0001f4bb", "\U0001f525", "e\u0301", "\u65e5\u672c\u8a9e", "\ud55c",
    "\\", "\\|", "|", "`", "*", "_", "[", "]", "(", ")", "<", ">", "&", "#", "!", "{{", "}}",
]
WORDS = [
    "the", "checkout", "pods", "were", "restarted", "at", "14:02", "UTC", "Dave", "human", "error",
    "should", "have", "obviously", "careless", "TODO", "failed", "Kafka", "on-call", "engineer",
    "AKIAM8CG3Y5ACW37WNP4", "jane@customer-corp.com", "+44 7911 123456", "password=hunter22",
    "https://grafana.internal/d/x?a=1&b=2", "javascript:alert(1)", "<script>alert(1)</script>",
    "[ESTIMATE: method]", "[ASSUMPTION]", "{{ placeholder }}", "`code`", "**bold**", "_em_",
]

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD_CHARACTERS), st.text(max_size=6))
sentence = st.lists(word, max_size=12).map(" ".join)
cell = st.one_of(sentence, st.sampled_from(["", " ", "|", "\\|", "a | b", "`a|b`", "14:02 UTC", "2026-03-04 14:02",
                                            "2026/3/4 2:02", "25:61", "open", "Done", "p1", "Detect", "sre-team",
                                            "2026-02-30", "2026-12-01", "CF1", "CF1, CF9", "A1", "—"]))

# --------------------------------------------------------------------------- frontmatter

yaml_scalar = st.one_of(
    st.sampled_from([
        "", "~", "null", "Null", "yes", "no", "on", "off", "true", "False", "0x1F", "0o17", "017", "1_000",
        "1e999", "-.inf", ".NaN", "12:30:00", "2026-03-04", "2026-03-04T14:02:00Z", "2026-03-04 14:02:00 +01:00",
        "2026-13-45T99:99:99Z", "'single'", '"double \\u202e \\x00"', '"unterminated', "'it''s'", "|", ">-",
        "!!binary aGVsbG8=", "!!int many", "!custom x", "!!str 12", "&anchor x", "*anchor", "*missing",
        "{{ placeholder }}", "SEV2", "sev2", "restricted", "internal", "PM-2026-001", "[a, b", "{a: 1",
        "- item", "key: value", "a # comment", "#not a comment", "@at", "`tick", "%percent", "!bang",
        "9" * 400, "x" * 300,
    ]),
    st.integers(-10**20, 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=20).map(json.dumps),  # any text, quoted and escaped
    sentence,
)
KEYS = ["id", "title", "status", "severity", "services", "tags", "visibility", "authors", "responders", "started",
        "detected", "acknowledged", "mitigated", "resolved", "detection_method", "impact", "related", "published",
        "summary", "users_affected", "1", "true", "null", "~", "2026-03-04", "? complex", "<<", "ключ", "\u202ekey"]


@st.composite
def yaml_block(draw, depth=0):
    """A YAML mapping as text, nested up to a few levels, with anchors, aliases and merges."""
    lines = []
    indent = "  " * depth
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(KEYS))
        choice = draw(st.integers(0, 9))
        if choice <= 4 or depth >= 3:
            lines.append(f"{indent}{key}: {draw(yaml_scalar)}")
        elif choice == 5:
            lines.append(f"{indent}{key}: [{', '.join(draw(st.lists(yaml_scalar, max_size=4)))}]")
        elif choice == 6:
            lines.append(f"{indent}{key}:")
            lines.extend(f"{indent}  - {item}" for item in draw(st.lists(yaml_scalar, max_size=4)))
        elif choice == 7:
            lines.append(f"{indent}{key}: &a{depth}")
            lines.append(draw(yaml_block(depth + 1)) or f"{indent}  x: 1")
            lines.append(f"{indent}other: *a{depth}")
            lines.append(f"{indent}merged: {{<<: *a{depth}, extra: 1}}")
        elif choice == 8:
            lines.append(f"{indent}? [{draw(yaml_scalar)}, {draw(yaml_scalar)}]")
            lines.append(f"{indent}: {draw(yaml_scalar)}")
        else:
            lines.append(f"{indent}{key}:")
            lines.append(draw(yaml_block(depth + 1)))
    return "\n".join(line for line in lines if line)


frontmatter = st.one_of(
    yaml_block(),
    st.just(EXAMPLE.split("---\n")[1].rstrip("\n")),
    st.builds(lambda n: "impact: " + "[" * n + "]" * n, st.integers(0, 60)),
    st.builds(lambda n: "a: &a [x, x]\n" + "".join(f"a{i}: &a{i} [*{'a' if i == 0 else f'a{i - 1}'}] \n"
                                                     for i in range(n)), st.integers(0, 12)),
    st.lists(st.sampled_from(ODD_CHARACTERS + WORDS + [":", "- ", "\t", "  ", "\n"]), max_size=30).map("".join),
)

# --------------------------------------------------------------------------- body

HEADINGS = ["Summary", "Impact", "Timeline", "Root Cause Analysis", "Contributing Factors", "5 Whys",
            "What Went Well", "What Could Improve", "Action Items", "Stakeholder Communication",
            "External Summary", "Internal Summary", "Lessons Learned", "Summary", "Notes", "", "#", "`code`"]
TABLE_HEADERS = [
    ["Time", "Event", "Actor", "Notes"],
    ["ID", "Action", "Category", "Owner", "Priority", "Due", "Status", "Addresses"],
    ["ID", "Factor", "Category", "Contribution", "Preventable"],
    ["A", "B"],
]


@st.composite
def table(draw):
    header = draw(st.sampled_from(TABLE_HEADERS))
    if draw(st.booleans()):
        header = header[: draw(st.integers(1, len(header)))]
    lead, trail = draw(st.sampled_from([("| ", " |"), ("", ""), ("|", "|"), ("| ", "")]))
    rows = [lead + " | ".join(header) + trail, lead + " | ".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"]))
                                                                  for _ in header) + trail]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(cell, min_size=max(0, len(header) - 2), max_size=len(header) + 2))
        rows.append(lead + " | ".join(cells) + trail)
    return "\n".join(rows)


block = st.one_of(
    st.builds(lambda level, title: "#" * level + " " + title, st.integers(1, 7), st.sampled_from(HEADINGS)),
    st.builds(lambda title, under: f"{title}\n{under}", st.sampled_from(HEADINGS), st.sampled_from(["===", "---"])),
    sentence,
    table(),
    st.builds(lambda fence, info, body, close: f"{fence}{info}\n{body}\n" + (fence if close else ""),
              st.sampled_from(["```", "~~~", "````"]), st.sampled_from(["", "python", "yaml", "{{x}}"]),
              sentence, st.booleans()),
    st.builds(lambda items: "\n".join("- " + item for item in items), st.lists(sentence, max_size=4)),
    st.builds(lambda items: "\n".join(f"{i}. " + item for i, item in enumerate(items, 1)), st.lists(sentence, max_size=4)),
    st.builds(lambda depth, text: "> " * depth + text, st.integers(1, 30), sentence),
    st.sampled_from([
        "<!-- postmortem: disable=PM301 -->", "<!-- postmortem: disable-file=PM205 -->", "<!-- postmortem: disable -->",
        "<!-- unclosed comment", "-->", "<div onclick=\"x()\">raw</div>", "<script>alert(1)</script>", "---", "***",
        "[link](javascript:alert(1))", "![img](http://x/y.png)", "<https://x>", "    indented code",
        "[ref]: https://x", "| not | a table", "\\", "&#0;", "&#x110000;", "&bogus;",
    ]),
)
body = st.lists(block, max_size=14).map("\n\n".join)


@st.composite
def document(draw) -> bytes:
    """The bytes of a post-mortem-like file."""
    shape = draw(st.integers(0, 9))
    if shape == 0:
        text = draw(body)  # no frontmatter
    elif shape == 1:
        text = "---\n" + draw(frontmatter) + "\n" + draw(body)  # unterminated
    elif shape == 2:
        text = _mutate(draw, EXAMPLE)
    else:
        text = "---\n" + draw(frontmatter) + "\n---\n\n" + draw(body)
    if draw(st.booleans()):
        text = _mutate(draw, text)
    return _encode(draw, text)


def _mutate(draw, text: str) -> str:
    for where, snippet, delete in draw(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(ODD_CHARACTERS + WORDS),
                                                          st.booleans()), max_size=6)):
        at = int(where * len(text))
        text = text[:at] + text[at + len(snippet):] if delete else text[:at] + snippet + text[at:]
    return text


def _encode(draw, text: str) -> bytes:
    lines = text.split("\n")
    endings = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)))
    style = draw(st.sampled_from(["lf", "crlf", "mixed"]))
    if style != "mixed":
        endings = ["\n" if style == "lf" else "\r\n"] * len(lines)
    text = "".join(line + ending for line, ending in zip(lines, endings))[: -len(endings[-1]) or None]
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8 bytes
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        bad = draw(st.sampled_from([b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xff", b"\xc3", b"\xe2\x82", b"\xf4\x90\x80\x80"]))
        data = data[:at] + bad + data[at:]
    return data


# --------------------------------------------------------------------------- checking


def lint(data: bytes, select=None):
    linter = Linter(make_config(archive=FIXTURES / "no-archive"), select=select, today=TODAY)
    doc = parse_bytes(data, "fuzz.md", linter.limits)
    internal: list[str] = []
    diagnostics = linter.lint_documents([doc], internal).diagnostics
    return diagnostics, internal


def file_lines(data: bytes) -> list[str]:
    """The file's lines as the model counts them, also for a file that is not UTF-8."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def assert_inside(diagnostics, data: bytes) -> None:
    lines = file_lines(data)
    for d in diagnostics:
        assert 1 <= d.line <= d.end_line <= len(lines), d
        assert 1 <= d.col <= len(lines[d.line - 1]) + 1, (d, lines[d.line - 1])
        assert 1 <= d.end_col <= len(lines[d.end_line - 1]) + 1, (d, lines[d.end_line - 1])
        assert (d.line, d.col) <= (d.end_line, d.end_col), d


@given(document())
def test_any_document_lints_with_findings_inside_the_file_deterministically(data):
    first, internal = lint(data)
    assert internal == []
    assert_inside(first, data)
    again, _ = lint(data)
    assert again == first
    for d in first:
        assert d.message and "\n" not in d.message, d


@given(document())
def test_fix_output_relints_without_what_it_fixed_and_a_second_fix_changes_nothing(data):
    checker = Linter(make_config(archive=FIXTURES / "no-archive"), select=FIXABLE, today=TODAY)
    result = fix_bytes(data, "fuzz.md", checker)
    if not result.applied:
        assert result.fixed == data
        return
    before, _ = lint(data)
    after, internal = lint(result.fixed)
    assert internal == []
    assert_inside(after, result.fixed)
    # the fixed findings are gone: where an edit wrote, no finding of its rule with a message
    # it had before (the same rule may find something else in the corrected text: a due date
    # made valid may be before the incident started)
    for code, edit in result.applied:
        if code is None:
            continue
        fixed = {d.message for d in before if d.code == code and d.line == edit.span.line}
        for d in after:
            if d.code == code and d.line == edit.span.line and d.message in fixed:
                written = (edit.span.col, edit.span.col + len(edit.text))
                assert not (d.col < written[1] and written[0] < max(d.end_col, d.col + 1)), (edit, d)
    # the file was readable and still is; line endings and line count are kept
    assert {d.code for d in after} & {"PM001", "PM002"} <= {d.code for d in before}
    assert _endings(result.fixed) == _endings(data)
    assert result.fixed.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    second = fix_bytes(result.fixed, "fuzz.md", checker)
    assert second.applied == [] and second.fixed == result.fixed


def _endings(data: bytes) -> list[bytes]:
    import re

    return re.findall(rb"\r\n|\r|\n", data)


@settings(max_examples=min(settings.default.max_examples, 300))
@given(document())
def test_linting_never_changes_the_file(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("lint") / "incident.md"
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.stat()
    linter = Linter(make_config(archive=path.parent), today=TODAY)
    result = linter.lint_paths([path])
    assert result.internal_errors == []
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (before.st_mtime_ns, before.st_size, before.st_ino)
    assert sorted(p.name for p in path.parent.iterdir()) == ["incident.md"]
    assert parse_file(path).source.text == parse_bytes(data, str(path)).source.text


@given(st.binary(max_size=400), st.integers(0, 400), st.sampled_from([b"\xed\xa0\x80", b"\xff", b"\xc3(", b"\xe2\x82"]))
def test_invalid_utf8_is_reported_at_the_line_and_column_of_its_byte(prefix, at, bad):
    head = prefix.decode("utf-8", "ignore").encode("utf-8")  # valid UTF-8, of any content
    at = min(at, len(head))
    while 0 < at < len(head) and (head[at] & 0xC0) == 0x80:
        at -= 1  # not inside a character
    data = head[:at] + bad + head[at:]
    doc = parse_bytes(data, "x.md")
    [problem] = [p for p in doc.problems if p.kind == "unreadable"]
    before = data[:at].removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    assert problem.span.line == before.count("\n") + 1
    assert problem.span.col == len(before) - before.rfind("\n")


@settings(max_examples=1)
@given(st.lists(document(), min_size=30, max_size=30))
def test_the_command_line_output_does_not_depend_on_the_hash_seed(tmp_path_factory, documents):
    folder = tmp_path_factory.mktemp("seeds")
    archive = folder / "postmortems"
    archive.mkdir()
    for index, data in enumerate(documents):
        (archive / f"{index:02d}.md").write_bytes(data)
    (folder / "pyproject.toml").write_text(
        f'[tool.postmortem]\narchive = "postmortems"\nowners = "{(FIXTURES / "owners.yml").as_posix()}"\n')
    outputs = []
    for seed in ("1", "2", "random"):
        proc = subprocess.run(
            [str(Path(sys.executable).parent / "postmortem"), "lint", "--format", "json", "--today", "2026-11-23"],
            cwd=folder, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300,
        )
        assert proc.returncode in (0, 1), proc.stderr.decode()
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1] == outputs[2]


# --------------------------------------------------------------------------- found by the properties above
# Each bug the property tests found, as the smallest input that showed it.


def test_yaml_reader_error_column_counts_characters_not_bytes():
    # libyaml reports the offending character's offset in UTF-8 bytes: after "ࠀ" (three
    # bytes) the column was two past the end of the line.
    for data, col in ((b"---\nid: \xe0\xa0\x80 \x1f\n---\n\n", 7), (b"---\nid: \xcc\x81 \x1f\n---\n\n", 7)):
        diagnostics, internal = lint(data, select=["PM002"])
        assert [(d.line, d.col, d.end_col) for d in diagnostics] == [(2, col, col + 1)]
        assert_inside(diagnostics, data)


def test_yaml_positions_count_only_newlines_as_line_ends():
    # YAML also ends lines at U+2028, U+2029 and U+0085; the file's lines end at newlines
    # only, so a YAML error after such a character pointed past the frontmatter.
    data = b"---\n\xcc\x81\xe2\x80\xa8[ESTIMATE: method]\n---\n\n"
    diagnostics, _ = lint(data, select=["PM002"])
    assert [(d.line, d.col) for d in diagnostics] == [(2, 12)]  # the ":" after ESTIMATE
    assert_inside(diagnostics, data)
    # and the spans of values after one point at the values
    data = "---\ntitle: \"a\u2028b\u0085c\"\nseverity: SEV2\nstatus: nonsense\n---\n".encode()
    diagnostics, _ = lint(data, select=["PM101"])
    lines = file_lines(data)
    covered = {lines[d.line - 1][d.col - 1 : d.end_col - 1] for d in diagnostics}
    assert "nonsense" in covered, diagnostics
    assert_inside(diagnostics, data)


def test_yaml_error_at_the_end_of_a_line_stays_on_the_line():
    # libyaml points at the newline after an unclosed flow collection: the one-character
    # span there reached past the end of the line.
    data = b"---\nimpact: [[\n---\n\n"
    diagnostics, _ = lint(data, select=["PM002"])
    assert [(d.line, d.col, d.end_col) for d in diagnostics] == [(2, 11, 11)]
    assert_inside(diagnostics, data)


def test_a_fixed_due_date_may_show_another_finding_of_its_rule():
    # "2026-03-2" is written "2026-03-02"; that date is before the incident started, which
    # the same rule reports next. The malformed date is fixed; the new finding is not it.
    source = (ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md").read_bytes()
    row = next(line for line in source.split(b"\n") if line.startswith(b"| A1 "))
    due = row.split(b"|")[6]
    data = source.replace(row, row.replace(due, b" 2026-03-2 "), 1)
    checker = Linter(make_config(archive=FIXTURES / "no-archive"), select=FIXABLE, today=TODAY)
    result = fix_bytes(data, "fuzz.md", checker)
    assert [edit.text for _, edit in result.applied] == ["2026-03-02"]
    after, _ = lint(result.fixed, select=["PM312"])
    assert [d.message for d in after] == ["action item A1 is due 2026-03-02, before the incident started (2026-03-04)"]
    assert fix_bytes(result.fixed, "fuzz.md", checker).applied == []


def test_a_setext_heading_over_two_lines_spans_both():
    # "\\" then "Timeline" underlined: one heading whose text runs over two lines; its span
    # ran to the length of the whole text on the first line.
    data = b"---\nid: PM-2026-001\n---\n\n\\\r\nTimeline\n---\n\n"
    diagnostics, _ = lint(data, select=["PM207"])
    assert [(d.line, d.col, d.end_line, d.end_col) for d in diagnostics] == [(5, 1, 6, 9)]
    assert_inside(diagnostics, data)


def test_fix_never_joins_a_lone_cr_and_a_newline_into_one_line_break():
    # Emptying the blank line between "\r" and "\n" would make them one CRLF: that trailing
    # whitespace stays; the others go.
    data = b"---\nid: PM-2026-001\n---\n\n## Summary\n\n- a \r \n\n  \ntext\n"
    checker = Linter(make_config(archive=FIXTURES / "no-archive"), select=FIXABLE, today=TODAY)
    result = fix_bytes(data, "fuzz.md", checker)
    assert result.fixed == b"---\nid: PM-2026-001\n---\n\n## Summary\n\n- a\r \n\n\ntext\n"
    assert _endings(result.fixed) == _endings(data)


def test_a_list_item_whose_first_line_is_only_a_vertical_tab_maps_its_text_to_the_next_line():
    # markdown-it strips "\x0b" (whitespace to Python) from the front of the item's
    # paragraph, so its text starts on the next line, not on the marker's line.
    data = b"## Summary\n\n1. a\n2. \x0b\nthe fix was obviously wrong, TODO\n"
    diagnostics, _ = lint(data, select=["PM504", "PM205"])
    line = file_lines(data)[4]
    assert [(d.code, d.line, line[d.col - 1 : d.end_col - 1]) for d in diagnostics] == [
        ("PM504", 5, "obviously"), ("PM205", 5, "TODO")]
    assert_inside(diagnostics, data)
