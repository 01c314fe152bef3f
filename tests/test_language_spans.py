"""Findings of the language rules point at exactly the offending words in the file,
whatever the line endings, tabs and non-ASCII text around them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.engine import Linter
from postmortem.parse import parse_bytes

from .conftest import TODAY, make_config

PROSE = [
    ("Dave pushed the broken config to production.", "Dave", "PM501"),
    ("The outage was caused by @jsmith's typo.", "@jsmith", "PM501"),
    ("The root cause was human error.", "human error", "PM502"),
    ("The reviewer was careless with the diff.", "careless", "PM503"),
    ("Obviously, nobody read the log.", "Obviously", "PM504"),
    ("The on-call engineer should have escalated.", "The on-call engineer should have", "PM505"),
    ("Had Priyanka paused the rollout, we would have been fine.", "Had Priyanka", "PM505"),
    ("Thanks, Niels Lunn, for the report.", "Niels Lunn", "PM506"),
    ("A tired engineer ran the script on the wrong server.", "A tired engineer ran the script on the wrong server", "PM507"),
    ("Either way, he got fired.", "he got fired", "PM508"),
]
ACTIONS = [
    ("Improve monitoring", "Improve monitoring", "PM302"),
    ("Better alerting on lag", "Better", "PM301"),
    ("The team will add a lag alert", "The team will", "PM301"),
    ("Be more careful when running migrations", "Be more careful", "PM303"),
]
WORDS = ["Zürich", "naïve", "café", "日本語", "data", "the", "service", "was", "slow", "Ωmega", "😀", "señal", "tab\there", "x\t\ty", "ünïcödé"]

filler = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
newline = st.sampled_from(["\n", "\r\n"])


def _lint(text: str, newline: str, bom: bool, code: str):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8")
    linter = Linter(make_config(), select=[code], today=TODAY)
    result = linter.lint_documents([parse_bytes(data, "incident.md")])
    lines = data.decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    return result.diagnostics, lines


def _slice(lines, d):
    assert d.line == d.end_line
    return lines[d.line - 1][d.col - 1 : d.end_col - 1]


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    planted=st.sampled_from(PROSE),
    before=filler,
    after=filler,
    break_line=st.booleans(),
    list_item=st.booleans(),
    newline=newline,
    bom=st.booleans(),
)
def test_prose_span_slices_out_the_offending_words(planted, before, after, break_line, list_item, newline, bom):
    sentence, words, code = planted
    lead = f"{before}." if before else ""
    joint = "\n" if break_line and lead else " "
    paragraph = f"{lead}{joint}{sentence} {after}".strip()
    if list_item:
        paragraph = "- " + paragraph
    text = f"---\nid: PM-2026-001\n---\n\n## Summary\n\n{before or 'Intro'} text.\n\n{paragraph}\n"
    diagnostics, lines = _lint(text, newline, bom, code)
    assert diagnostics, f"{code} did not fire on {paragraph!r}"
    assert [_slice(lines, d) for d in diagnostics] == [words]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted=st.sampled_from(ACTIONS), owner_note=filler, newline=newline, bom=st.booleans(), pad=st.sampled_from(["", " ", "\t", "  "]))
def test_action_span_slices_out_the_offending_words(planted, owner_note, newline, bom, pad):
    action, words, code = planted
    notes = owner_note.replace("|", "/") or "—"
    text = (
        "---\nid: PM-2026-001\n---\n\n## Action Items\n\n"
        "| ID | Tracking | Action | Category | Owner | Priority | Due | Status |\n"
        "|----|----------|--------|----------|-------|----------|-----|--------|\n"
        f"| A1 | {notes} |{pad}{action}{pad}| detect | sre-team | P2 | 2026-04-15 | open |\n"
    )
    diagnostics, lines = _lint(text, newline, bom, code)
    assert diagnostics, f"{code} did not fire on {action!r}"
    assert [_slice(lines, d) for d in diagnostics] == [words]
