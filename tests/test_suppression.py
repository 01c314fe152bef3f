"""Inline suppression: `<!-- postmortem: disable=CODES -->` silences the next block,
`disable-file=CODES` the whole file, and a suppression that suppresses nothing is PM003."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, lint_text, make_config
from .projects import make_project, run

EXAMPLE = (FIXTURES / "complete.md").read_text(encoding="utf-8")  # one overdue action item: A4, line 90

WHAT_COULD_IMPROVE = """\
## What Could Improve

- The dashboard for the payments database did not show client connection counts per node.
- The failover runbook assumed that applications reconnect on their own [ASSUMPTION].
"""

TWO_TODOS = """\
## What Could Improve

{directive}
The dashboard did not show connection counts per node (TODO: link the dashboard).

The failover runbook assumed that applications reconnect on their own (TODO: link it).
"""


def with_improve(section: str) -> str:
    assert WHAT_COULD_IMPROVE in EXAMPLE
    return EXAMPLE.replace(WHAT_COULD_IMPROVE, section)


NO_ARCHIVE = make_config(archive=FIXTURES / "no-archive")  # no other post-mortems, so no id clashes


def found(text: str, select=None):
    return [(d.line, d.code, d.message) for d in lint_text(text, select=select, config=NO_ARCHIVE)]


def test_without_suppression():
    text = with_improve(TWO_TODOS.format(directive=""))
    assert [(line, code) for line, code, _ in found(text)] == [(81, "PM205"), (83, "PM205"), (92, "PM313")]


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- postmortem: disable=PM205 -->",
        "<!-- postmortem: disable=placeholder-left -->",
        "<!-- postmortem: disable=PM2 -->",
        "<!-- postmortem: disable=PM313, PM205 -->",
        "<!-- postmortem: disable -->",
        "<!--postmortem:disable=pm205-->",
        "<!-- POSTMORTEM: Disable = Placeholder-Left -->",
    ],
)
def test_disable_silences_the_next_block_only(directive):
    text = with_improve(TWO_TODOS.format(directive=directive))
    assert [(line, code) for line, code, _ in found(text)] == [(83, "PM205"), (92, "PM313")]


def test_disable_before_a_table_silences_the_whole_table():
    text = EXAMPLE.replace("## Action Items\n\n", "## Action Items\n\n<!-- postmortem: disable=action-overdue -->\n")
    assert found(text) == []


def test_disable_file_silences_every_block():
    text = with_improve(TWO_TODOS.format(directive="")) + "\n<!-- postmortem: disable-file=PM205 -->\n"
    assert [(line, code) for line, code, _ in found(text)] == [(92, "PM313")]


def test_disable_file_reaches_the_frontmatter():
    text = EXAMPLE.replace("severity: SEV2", "severity: high")
    assert ("PM101" in {code for _, code, _ in found(text)})
    text += "\n<!-- postmortem: disable-file=schema-violation,PM313 -->\n"
    assert found(text) == []


def test_unused_suppression_is_reported_where_it_stands():
    text = with_improve(WHAT_COULD_IMPROVE.replace("\n- The dashboard", "\n<!-- postmortem: disable=PM205 -->\n- The dashboard"))
    assert found(text) == [
        (80, "PM003", "suppression `postmortem: disable=PM205` suppresses nothing"),
        (91, "PM313", "action item A4 is 146 days overdue (due 2026-06-30, status in-progress)"),
    ]
    (diag,) = [d for d in lint_text(text, config=NO_ARCHIVE) if d.code == "PM003"]
    assert (diag.col, diag.end_col, str(diag.severity)) == (1, 35, "warning")


def test_unused_disable_file_and_directive_with_nothing_after_it():
    text = EXAMPLE + "\n<!-- postmortem: disable-file=PM201 -->\n\n<!-- postmortem: disable=PM313 -->\n"
    assert [(line, code, message) for line, code, message in found(text) if code == "PM003"] == [
        (110, "PM003", "suppression `postmortem: disable-file=PM201` suppresses nothing"),
        (112, "PM003", "suppression `postmortem: disable=PM313` suppresses nothing"),
    ]


def test_unknown_code_in_a_directive_is_reported_even_when_it_suppresses_something():
    text = EXAMPLE.replace("## Action Items\n\n", "## Action Items\n\n<!-- postmortem: disable=PM313,PM999,no-such-rule -->\n")
    assert found(text) == [(85, "PM003", "suppression names unknown rule(s): PM999, no-such-rule")]


def test_directive_for_a_rule_that_is_not_running_is_not_judged():
    text = with_improve(TWO_TODOS.format(directive="<!-- postmortem: disable=PM205 -->"))
    assert found(text, select=["PM003", "PM313"]) == [(92, "PM313", "action item A4 is 146 days overdue (due 2026-06-30, status in-progress)")]


def test_a_directive_in_a_code_block_is_text():
    text = with_improve(TWO_TODOS.format(directive="```\n<!-- postmortem: disable=PM205 -->\n```"))
    assert [(line, code) for line, code, _ in found(text)] == [(83, "PM205"), (85, "PM205"), (94, "PM313")]


def test_an_ordinary_comment_is_not_a_directive():
    text = with_improve(TWO_TODOS.format(directive="<!-- postmortem reviewers: disable nothing here -->"))
    assert [(line, code) for line, code, _ in found(text)] == [(81, "PM205"), (83, "PM205"), (92, "PM313")]


def test_unused_suppression_through_the_cli(tmp_path):
    text = EXAMPLE.replace("## Lessons Learned\n", "## Lessons Learned\n\n<!-- postmortem: disable=PM205 -->\n")
    project = make_project(tmp_path, {"incident.md": text})
    result = run(project, "lint", "--today", "2026-11-23", "--format", "concise")
    assert "postmortems/incident.md:107:1: PM003 [warning] suppression `postmortem: disable=PM205` suppresses nothing" in result.output
    assert result.exit_code == 0  # a warning
    assert run(project, "lint", "--today", "2026-11-23", "--fail-on", "warning").exit_code == 1
    result = run(project, "lint", "--today", "2026-11-23", "--ignore", "PM003", "--format", "concise")
    assert "PM003" not in result.output


def test_disable_all_silences_every_rule_for_the_next_block():
    from .conftest import lint_text

    text = (
        "---\nid: PM-2026-001\n---\n\n## Timeline\n\n"
        "<!-- postmortem: disable=ALL -->\n"
        "| Time | Event | Actor | Notes |\n|---|---|---|---|\n| 14:02 | Alert fires | monitoring | |\n"
    )
    found = lint_text(text, select=["PM402", "PM003"])
    assert [d.code for d in found] == []
