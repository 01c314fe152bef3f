"""The name rule PM506 where post-mortems put names: a speaker after a quotation that follows
another sentence or is wrapped over two lines, and the actor of a timeline line (written for
these tests; the real-text corpus is measured by test_accuracy.py and test_robustness.py)."""

from __future__ import annotations

import pytest

from .conftest import lint_text


def _named(markdown: str) -> list[str]:
    return [d.message for d in lint_text(markdown, select=["PM506"])]


@pytest.mark.parametrize("text", [
    "The deploy started at 14:00 UTC. “We apologise for the inconvenience,” Namkoong said in a briefing.",
    "“We apologise for the\ninconvenience,” Namkoong said in a briefing.",
])
def test_the_speaker_after_a_quotation_is_named(text):
    assert any("Namkoong" in m for m in _named(f"## Summary\n\n{text}\n")), text


@pytest.mark.parametrize("line, name", [
    ("14:05 Bob deploys the fix.", "Bob"),
    ("14:06 Maria restarts the pods.", "Maria"),
    ("20:39: Hem enters the conversation.", "Hem"),
])
def test_a_timeline_line_names_its_actor(line, name):
    assert any(name in m for m in _named(f"## Timeline\n\n{line}\n")), line


@pytest.mark.parametrize("line", [
    "14:05 Monitoring pages the on-call engineer.",
    "14:05: Two checks were merged together.",
    "- **14:05** — Sending emails like that is a risky move.",
])
def test_a_timeline_line_that_opens_with_a_word_names_nobody(line):
    assert _named(f"## Timeline\n\n{line}\n") == [], line


@pytest.mark.parametrize("sentence", [
    "Because she immediately realised her mistake, she sent a correction to the list.",
    "Since he had paged the database team, he waited for their answer.",
])
def test_a_subordinator_that_opens_a_sentence_is_no_name(sentence):
    assert _named(f"## Summary\n\n{sentence}\n") == [], sentence


@pytest.mark.parametrize("text, name", [
    ("Alaska's Revenue Commissioner at the time, Bill\nCorbus, said no one was blamed.", "Bill Corbus"),
    ("The thread was started by Charity Majors (and Liz\nFong-Jones in reply).", "Liz Fong-Jones"),
    ("The review was done by Liz  \nFong-Jones the next day.", "Liz Fong-Jones"),  # a hard line break
])
def test_a_name_wrapped_over_two_lines_is_one_name(text, name):
    assert f"names {name!r};" in _named(f"## Summary\n\n{text}\n")[0]


def test_a_word_alone_on_its_line_is_no_part_of_the_name_after_it():
    """Lines of a record pasted into a post-mortem: "Assignees" names the field, and
    "Katharine" on the next line is the name."""
    assert any("'Katharine'" in m for m in _named("## Timeline\n\nAssignees\nKatharine, on the next day\n"))
