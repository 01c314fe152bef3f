"""The timeline table built from a foreign timeline: list items, a table, or both.

Times are read as written and written in the documented form: the date on the first row
and wherever it changes, the zone on the first row and wherever it changes, a 12-hour clock
as 24-hour, a zone abbreviation that names one offset as that offset. Nothing is guessed:
a time the source does not give stays a placeholder, an ambiguous zone stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from .. import spec
from ..times import AMBIGUOUS_ZONES, ZONE_ABBREVIATIONS
from .blocks import Block, list_items, table_rows
from .reading import find_date

_CLOCK = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})[T ]\s*|(?P<md>\d{2}-\d{2})\s+)?"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>[aApP]\.?[mM]\.?)(?![A-Za-z]))?"
)
_ZONE = re.compile(r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{2,5})(?![A-Za-z0-9])")
_SEPARATOR = re.compile(r"^\s*(?:[:\-–—]\s*)?")
_BRACKET = re.compile(r"^\[(?P<inner>[^\]]*)\]\s*(?P<rest>.*)$", re.DOTALL)
_UNKNOWN_TIME = re.compile(r"^\?+$")
_ATTRIBUTES = re.compile(r"^\{:.*\}$")  # a kramdown attribute list, such as {: .timeline }
_ZONE_NOTE = re.compile(
    r"\b(?:[Aa]ll\s+)?[Tt]imes?\s+(?:are\s+)?(?:in\s+)?\(?(?P<tz>UTC|GMT|[A-Z]{2,5}|[+-]\d{2}:?\d{2})\b")
_HEADER_ZONE = re.compile(r"\(\s*(UTC|GMT|Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})\s*\)")
_BARE_DATE = re.compile(r"^\s*\**\s*\d{4}-\d{2}-\d{2}\s*\**\s*(?:\([^)]*\))?\s*$")
# Events that say when impact began and ended, in the words post-mortems use.
# (An incident is declared after impact starts: "incident begins" is not when impact began.)
STARTED = re.compile(r"\b(outage|impact)\s+(begins|began|starts|started)\b", re.IGNORECASE)
MITIGATED = re.compile(r"\b(outage|impact)\s+(ends|ended|stops|stopped)\b", re.IGNORECASE)
RESOLVED = re.compile(r"\bincident\s+(ends|ended|resolved|closed)\b", re.IGNORECASE)


@dataclass
class Row:
    time: str  # as the table shows it
    event: str
    actor: str = ""
    notes: str = ""
    when: datetime | None = None  # the full instant, when date and zone are known
    source_line: int = 0


@dataclass
class Timeline:
    rows: list[Row] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # body lines turned into rows
    zone_stated: str | None = None
    unknown_times: int = 0
    backwards: list[tuple[str, str]] = field(default_factory=list)  # (time, the time of the row above)

    def merge(self, other: "Timeline") -> "Timeline":
        """One timeline from two sections that both hold one."""
        self.rows += other.rows
        self.consumed |= other.consumed
        self.zone_stated = self.zone_stated or other.zone_stated
        self.unknown_times += other.unknown_times
        self.backwards += other.backwards
        return self


def zone_offset(text: str) -> tuple[str, timezone | None] | None:
    """How a zone is written in the table, and its offset (None when ambiguous)."""
    upper = text.upper()
    if upper in ("Z", "UTC", "GMT"):
        return "UTC", timezone.utc
    if upper in ZONE_ABBREVIATIONS:
        text = ZONE_ABBREVIATIONS[upper]
    elif upper in AMBIGUOUS_ZONES:
        return upper, None
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        if len(digits) != 4:
            return None
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            return None
        sign = -1 if text[0] == "-" else 1
        return f"{text[0]}{digits[:2]}:{digits[2:]}", timezone(sign * timedelta(hours=hours, minutes=minutes))
    return None


@dataclass
class _Reading:
    day: date | None
    md: tuple[int, int] | None
    hour: int
    minute: int
    second: str | None
    zone: str | None
    rest: str


def read_time(text: str) -> _Reading | None:
    """A time at the start of ``text`` and the text after it, or None."""
    match = _CLOCK.match(text)
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"][0] in "pP" else 0)
    if hour > 23 or minute > 59:
        return None
    rest = text[match.end():]
    zone = None
    zone_match = _ZONE.match(rest)
    if zone_match and zone_offset(zone_match["tz"]) is not None:
        zone = zone_match["tz"]
        rest = rest[zone_match.end():]
    day = None
    if match["date"]:
        day = find_date(match["date"])
        if day is None:
            return None
    md = (int(match["md"][:2]), int(match["md"][3:])) if match["md"] else None
    return _Reading(day, md, hour, minute, match["s"], zone, rest)


def header_zone(text: str) -> str | None:
    """The zone a heading or header names in brackets, ``Time (UTC)``, when the format reads it."""
    match = _HEADER_ZONE.search(text)
    return match[1] if match and zone_offset(match[1]) else None


def zone_note(text: str, all_times: bool = False) -> str | None:
    """The zone a note such as "All times in PST" states, when the format can read it;
    with ``all_times``, only a note that says "all times"."""
    for match in _ZONE_NOTE.finditer(text):
        if all_times and not match[0].lower().startswith("all"):
            continue
        if zone_offset(match["tz"]):
            return match["tz"]
    return None


def build(blocks: list[Block], lines: list[str], date_hint: date | None, zone_hint: str | None = None) -> Timeline:
    """Rows from the list items and tables of a timeline section's blocks. ``zone_hint`` is a
    zone stated elsewhere in the post-mortem ("All times in PDT"), for a timeline that states none."""
    timeline = Timeline()
    day: date | None = None
    zone_text: str | None = None  # the zone as the table writes it
    zone: timezone | None = None
    last = None  # (sort key, time) of the row above
    if zone_hint:
        zone_text, zone = zone_offset(zone_hint)
        timeline.zone_stated = zone_hint
    written_day: date | None = None
    written_zone: str | None = None
    for block in blocks:
        text = "\n".join(lines[block.start : block.end])
        if block.kind in ("paragraph", "heading"):
            note = zone_note(text)
            if note:
                zone_text, zone = zone_offset(note)
                timeline.zone_stated = note
            found = find_date(text)
            if found:
                day = found
            if block.kind == "heading" or _BARE_DATE.match(text):
                if found:
                    timeline.consumed.update(range(block.start, block.end))
            continue
        if block.kind == "list":
            entries = [(start, end, item) for start, end, item in list_items(block, lines)]
        elif block.kind == "table":
            entries = list(_table_entries(block, lines))
            if not entries:
                continue
            header = table_rows(block, lines)[0][1]
            stated = header_zone(header[0][1]) if header else None
            if stated and zone is None:  # "| Time (UTC) |"
                zone_text, zone = zone_offset(stated)
                timeline.zone_stated = stated
            timeline.consumed.update(range(block.start, block.end))
        else:
            continue
        for start, end, item in entries:
            parsed = _item(item)
            if parsed is None:
                if block.kind == "table" and item.strip() and not _ATTRIBUTES.match(item.strip()):  # a row without a time: kept, its time to fill
                    timeline.rows.append(Row("{{ time }}", _cell(item), source_line=start))
                continue
            reading, event, notes = parsed
            timeline.consumed.update(range(start, end))
            if reading is None:  # "[???]": a row the source gives no time for
                timeline.unknown_times += 1
                timeline.rows.append(Row("{{ time, not given in the source }}", f"{event} [UNCERTAIN: the source gives no time]", notes=notes, source_line=start))
                continue
            if reading.day:
                day = reading.day
            elif reading.md:  # "[03-26 17:40]": a month and day without a year
                anchor = day or date_hint
                if anchor is None:
                    timeline.rows.append(Row("{{ date and time }}", event, notes=notes, source_line=start))
                    continue
                try:
                    candidate = date(anchor.year, *reading.md)
                    if day is None:  # the first such row: its year is the post-mortem's, or the one before
                        if candidate > date_hint + timedelta(days=7):
                            candidate = date(anchor.year - 1, *reading.md)
                        notes = _join(notes, "[ASSUMPTION: year from the post-mortem's date]")
                    elif candidate < day - timedelta(days=7):  # a timeline runs forward: into the next year
                        candidate = date(anchor.year + 1, *reading.md)
                except ValueError:
                    continue
                day = candidate
            if reading.zone:
                zone_text, zone = zone_offset(reading.zone)
            cell = ""
            if day is not None and day != written_day:
                cell = day.isoformat() + " "
                written_day = day
            cell += f"{reading.hour:02d}:{reading.minute:02d}" + (f":{reading.second}" if reading.second else "")
            if zone_text and zone_text != written_zone:
                cell += " " + zone_text
                written_zone = zone_text
            key = (day or date.min, reading.hour, reading.minute)
            if last is not None and key < last[0]:
                timeline.backwards.append((f"{reading.hour:02d}:{reading.minute:02d}", last[1]))
            last = (key, f"{reading.hour:02d}:{reading.minute:02d}")
            when = None
            if day is not None and zone is not None:
                when = datetime(day.year, day.month, day.day, reading.hour, reading.minute, int(reading.second or 0), tzinfo=zone)
            timeline.rows.append(Row(cell, event, notes=notes, when=when, source_line=start))
    return timeline


def _join(a: str, b: str) -> str:
    return f"{a} {b}".strip()


def _item(text: str):
    """``(reading or None, event, notes)`` for a list item or row that starts with a time."""
    text = " ".join(text.split())
    bold = text.startswith("**") and text.endswith("**") and len(text) > 4
    if bold:
        text = text[2:-2].strip()
    bracket = _BRACKET.match(text)
    if bracket:
        inner = bracket["inner"].strip()
        if _UNKNOWN_TIME.match(inner):
            rest = _SEPARATOR.sub("", bracket["rest"], count=1).strip()
            return (None, _cell(rest, bold), "") if rest else None
        reading = read_time(inner)
        if reading is None or reading.rest.strip():
            return None
        reading.rest = bracket["rest"]
    else:
        reading = read_time(text)
        if reading is None:
            return None
    event = _SEPARATOR.sub("", reading.rest, count=1).strip()
    if not event:
        return None
    return reading, _cell(event, bold), ""


def _cell(text: str, bold: bool = False) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return f"**{text}**" if bold and "**" not in text else text


def _table_entries(block: Block, lines: list[str]):
    rows = table_rows(block, lines)
    if not rows:
        return
    header, body = rows[0][1], rows[1:]
    columns = {}
    for index, (_, cell) in enumerate(header):
        key = spec.column_key("timeline", cell)
        if key and key not in columns:
            columns[key] = index
    if "time" not in columns:
        return
    for line, cells in body:
        values = [cell for _, cell in cells]
        time = values[columns["time"]] if columns["time"] < len(values) else ""
        event = values[columns["event"]] if "event" in columns and columns["event"] < len(values) else ""
        others = [v for i, v in enumerate(values) if i not in columns.values() and v]
        yield line, line + 1, " ".join(part for part in (time, event, *others) if part)
