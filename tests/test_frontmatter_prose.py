"""The frontmatter's free text, the title and the impact's summary, is prose: the site shows
it beside every post-mortem's name, so the language rules read it as they read the body, and
report the exact span in the YAML, however the scalar is written."""

from __future__ import annotations

import pytest

from postmortem.parse import parse_text

from .conftest import lint_text

LANGUAGE = ["PM501", "PM502", "PM503", "PM504", "PM505", "PM506", "PM507", "PM508"]


def _document(title_line: str, summary_lines: str) -> str:
    return (
        "---\n"
        f"{title_line}\n"
        "severity: SEV3\n"
        "impact:\n"
        f"{summary_lines}"
        "  users_affected: 120\n"
        "---\n\n"
        "## Summary\n\nCheckout failed for twenty minutes.\n"
    )


def _found(text: str) -> list[tuple]:
    """(code, line, column, end column, the words reported) of each finding on one line, and
    (code, line, column, end line, end column) of one over several."""
    lines = text.split("\n")
    return sorted(
        (d.code, d.line, d.col, d.end_col, lines[d.line - 1][d.col - 1 : d.end_col - 1])
        if d.end_line == d.line else (d.code, d.line, d.col, d.end_line, d.end_col)
        for d in lint_text(text, select=LANGUAGE)
    )


def test_blame_in_the_title_is_reported_where_it_is_written():
    text = _document("title: Bob deleted the production database", "  summary: Checkout failed.\n")
    assert _found(text) == [("PM501", 2, 8, 11, "Bob"), ("PM506", 2, 8, 11, "Bob")]


def test_blame_in_a_folded_summary_is_reported_on_its_line():
    text = _document(
        "title: Checkout errors for EU customers",
        "  summary: >-\n    Checkout failed for everyone because\n    the careless engineer skipped the canary.\n",
    )
    assert _found(text) == [("PM503", 7, 9, 17, "careless"), ("PM507", 6, 34, 7, 34)]  # "because … skipped"


@pytest.mark.parametrize(
    "title_line",
    [
        'title: "Checkout broke after \\"the fix\\" that Bob shipped"',  # escaped quotes keep the columns
        "title: 'It''s the change Bob shipped that broke checkout'",
        "title: The change Bob shipped broke checkout  # Bob wrote this comment",
    ],
)
def test_a_quoted_or_commented_title_keeps_its_columns(title_line):
    text = _document(title_line, "  summary: Checkout failed.\n")
    column = title_line.index("Bob") + 1
    assert [found for found in _found(text) if found[0] == "PM506"] == [("PM506", 2, column, column + 3, "Bob")]


def test_a_blameless_title_and_summary_stay_clean():
    text = _document(
        "title: Checkout errors after a configuration change",
        "  summary: |\n    The on-call engineer rolled back the change at 14:20.\n\n    Checkout recovered.\n",
    )
    assert _found(text) == []


def test_the_frontmatter_prose_is_its_own_part_of_the_model():
    doc = parse_text(_document("title: Bob's change", "  summary: >\n    One line\n    and another.\n"), "incident.md")
    assert [(block.kind, block.text) for block in doc.frontmatter_prose] == [
        ("frontmatter", "Bob's change"),
        ("frontmatter", "One line\nand another."),
    ]
    assert all(block.kind != "frontmatter" for block in doc.prose)  # the body's prose as before
    assert [block.span(0, 3) for block in doc.frontmatter_prose][1].line == 6


def test_a_person_among_the_responders_is_named_where_the_list_holds_them():
    """Responders are roles: a name or a handle among them is reported as in the timeline's
    Actor column, in a flow list and in a block list."""
    text = (
        "---\ntitle: Checkout errors\n"
        "responders: [incident commander, Bob Smith, 'dsmith']\n"
        "authors: [sre-team]\n---\n\n## Summary\n\nCheckout failed.\n"
    )
    assert _found(text) == [("PM506", 3, 34, 43, "Bob Smith"), ("PM506", 3, 46, 52, "dsmith")]
    block = text.replace("responders: [incident commander, Bob Smith, 'dsmith']", "responders:\n  - Priya\n  - on-call SRE")
    assert _found(block) == [("PM506", 4, 5, 10, "Priya")]


@pytest.mark.parametrize(
    "role",
    ["on-call SRE", "incident commander", "Communications Lead", "database on-call", "AWS Support", "VP Engineering",
     "Infra", "Ops", "Scribe", "Subject Matter Expert", "support team lead", "Datacenter technician", "NOC"],
)
def test_roles_among_the_responders_stay_clean(role):
    text = f"---\ntitle: Checkout errors\nresponders: [{role}]\n---\n\n## Summary\n\nCheckout failed.\n"
    assert _found(text) == []
