"""Real writing accepted where it is harmless: the hints of PM201, PM402 and PM404 point at
the actual cause, and following them fixes the document without breaking it; 12-hour times
and zone abbreviations are read (``times.py``)."""

from __future__ import annotations

import re
from datetime import timedelta, timezone

import pytest

from postmortem import spec
from postmortem.times import parse_clock, standard_clock

from .conftest import FIXTURES, lint_text

SECTIONS = FIXTURES / "rules" / "PM201"


def _hints(text: str, code: str):
    return [d.hint for d in lint_text(text, select=[code])]


@pytest.mark.parametrize("heading, key", [
    ("What went poorly", "could-improve"), ("What Went Wrong", "could-improve"),
    ("Root cause of the outage", "root-cause"), ("Remediations", "action-items"),
    ("Follow-ups", "action-items"), ("Action items and follow-ups", "action-items"),
    ("Lessons", "lessons"), ("Timeline of events", "timeline"), ("TL;DR", "summary"),
])
def test_real_headings_are_aliases(heading, key):
    assert spec.section_key(heading) == key


@pytest.mark.parametrize("heading", ["Trigger", "Detection", "Resolution", "Recovery", "Appendix"])
def test_real_extra_headings_are_known(heading):
    assert heading in spec.KNOWN_EXTRAS and spec.section_key(heading) is None


def test_pm201_names_the_unknown_heading_and_following_the_hint_fixes_it():
    text = (SECTIONS / "unknown-heading-close-to-an-alias.md").read_text(encoding="utf-8")
    [hint] = _hints(text, "PM201")
    assert "`## Action item list`" in hint and "`Action Items`" in hint
    renamed = re.search(r"rename it `## ([^`]+)`", hint)[1]
    fixed = text.replace("## Action item list", f"## {renamed}")
    assert lint_text(fixed, select=["PM201"]) == []
    before = {(d.code, d.message) for d in lint_text(text) if d.code != "PM201"}
    after = {(d.code, d.message) for d in lint_text(fixed)}
    # nothing new but the checks of the section now recognised: the document is not broken
    assert after - before == {("PM207", "the Action Items section has no action-item table")}


def test_pm201_never_suggests_promoting_a_heading_that_would_take_its_siblings_along():
    text = (SECTIONS / "real-world-headings.md").read_text(encoding="utf-8")
    hints = _hints(text, "PM201")
    assert hints and all("make it a level-2 heading" not in hint for hint in hints)
    assert any("`### What went poorly` on line 32 is a sub-section inside `## Lessons`" in hint for hint in hints)


def test_pm201_suggests_promoting_a_last_sub_section_and_that_works():
    text = (SECTIONS / "unknown-heading-close-to-an-alias.md").read_text(encoding="utf-8")
    text = text.replace("## Action item list\n", "## Follow-through\n\nNotes.\n\n### Action Items\n")
    [hint] = _hints(text, "PM201")
    assert "`### Action Items`: make it a level-2 heading (`## Action Items`)" in hint
    promoted = text.replace("### Action Items", "## Action Items")
    assert lint_text(promoted, select=["PM201"]) == []


def _timeline(*rows: str) -> str:
    body = "\n".join(f"| {time} | Something happened | monitoring | |" for time in rows)
    return ("---\nid: PM-2026-301\ntitle: \"Checkout errors for EU customers\"\nstarted: 2026-03-04T14:02:00Z\n---\n\n"
            "## Timeline\n\n| Time | Event | Actor | Notes |\n|------|-------|-------|-------|\n" + body + "\n")


def test_pm404_offers_the_uncertain_marker_for_an_unknown_time():
    [hint] = _hints(_timeline("~2pm"), "PM404")
    assert "[UNCERTAIN: reason]" in hint


def test_pm404_lists_the_offsets_of_an_ambiguous_zone():
    [hint] = _hints(_timeline("09:10 IST"), "PM404")
    assert "`09:10 +05:30` for India Standard Time" in hint and "`09:10 +01:00`" in hint


def test_cet_in_a_timeline_is_read_and_fixable():
    text = _timeline("15:02 CET", "15:09 CET")
    codes = [d.code for d in lint_text(text, select=["PM4"])]
    assert codes == ["PM405", "PM405"]
    assert "`15:02 +01:00`" in _hints(text, "PM405")[0]


def test_pm402_gives_the_offset_a_header_names():
    text = _timeline("6:02 AM").replace("| Time |", "| Time (PST) |")
    [hint] = _hints(text, "PM402")
    assert "`06:02 -08:00`" in hint


@pytest.mark.parametrize("text, hour, minute, offset", [
    ("2:54 PM PST", 14, 54, -8), ("12:05 AM", 0, 5, None), ("12:30 p.m. EDT", 12, 30, -4),
    ("14:02 CET", 14, 2, 1), ("9:15am AEST", 9, 15, 10), ("2026-03-04 4:30 PM +01:00", 16, 30, 1),
])
def test_12_hour_times_and_abbreviations_are_read(text, hour, minute, offset):
    _, clock, tz = parse_clock(text)
    assert (clock.hour, clock.minute) == (hour, minute)
    assert tz == (None if offset is None else timezone(timedelta(hours=offset)))


@pytest.mark.parametrize("text", ["13:00 PM", "0:30 AM", "14:02 IST", "14:02 CST", "14:02 BST", "14:02 XYZ", "~2pm"])
def test_ambiguous_or_impossible_times_are_not_read(text):
    assert parse_clock(text) is None


def test_standard_clock_keeps_what_is_already_documented():
    assert standard_clock("14:02 UTC") is None and standard_clock("2026-03-04 14:02 +01:00") is None
    assert standard_clock("2026-03-04 2:54:30 PM PST") == "2026-03-04 14:54:30 -08:00"
