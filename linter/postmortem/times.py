"""Timestamps as post-mortems write them: ISO 8601 with an explicit timezone."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_TIMESTAMP = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})?[T ]?\s*"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() in {"Z", "UTC", "GMT"}:
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError("timezone offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_timestamp(text: str) -> datetime | None:
    """A full timestamp with date and timezone, or None."""
    parsed = parse_clock(text)
    if parsed is None:
        return None
    day, clock, tz = parsed
    if day is None or tz is None:
        return None
    return datetime.combine(day, clock.time(), tz)


def parse_clock(text: str) -> tuple[date | None, datetime, timezone | None] | None:
    """Split a timeline time into (date or None, time, timezone or None); None if unreadable."""
    match = _TIMESTAMP.match(text.strip())
    if not match:
        return None
    try:
        day = date.fromisoformat(match["date"]) if match["date"] else None
        clock = datetime(2000, 1, 1, int(match["h"]), int(match["m"]), int(match["s"] or 0))
        tz = _tz(match["tz"])
    except ValueError:
        return None
    return day, clock, tz


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def format_duration(delta: timedelta | None) -> str:
    """``1h 05m``, ``3d 2h``, ``12m``; an em dash when unknown."""
    if delta is None:
        return "—"
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}h"
    if hours:
        return f"{sign}{hours}h {mins:02d}m"
    return f"{sign}{mins}m"


# --------------------------------------------------------------------------- normalising
# What `postmortem lint --fix` rewrites: loose spellings of dates, clocks and offsets.

_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_LOOSE_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_LOOSE_TIME = re.compile(
    r"^(?:(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?P<sep>[Tt]|\s+))?"
    r"(?P<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<space>\s*)(?P<tz>[Zz]|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def normalise_date(text: str) -> str | None:
    """``2026/4/1`` → ``2026-04-01``; None unless ``text`` is a year-month-day date."""
    match = _LOOSE_DATE.fullmatch(text.strip())
    if not match:
        return None
    fixed = f"{match[1]}-{int(match[3]):02d}-{int(match[4]):02d}"
    return fixed if parse_date(fixed) else None


def _zone(text: str | None) -> str:
    if not text:
        return ""
    if text.upper() in ("Z", "UTC", "GMT"):
        return text.upper()
    digits = text[1:].replace(":", "")
    return f"{text[0]}{digits[:2]}:{digits[2:]}"


def normalise_clock(text: str) -> str | None:
    """A timeline time with ISO date separators and a canonical zone; None if unreadable."""
    match = _LOOSE_TIME.match(text.strip())
    if not match:
        return None
    out = ""
    if match["date"]:
        day = normalise_date(match["date"])
        if day is None:
            return None
        out = day + ("T" if match["sep"] in "Tt" else " ")
    out += match["clock"]
    if match["tz"]:
        out += (" " if match["space"] else "") + _zone(match["tz"])
    return out if parse_clock(out) else None


def normalise_timestamp(text: str) -> str | None:
    """A frontmatter timestamp in the schema's form, ``2026-03-04T14:02:00Z``; None if unsure."""
    match = _LOOSE_TIME.match(text.strip())
    if not match or not match["date"] or not match["tz"]:
        return None
    day = normalise_date(match["date"])
    if day is None:
        return None
    clock = match["clock"]
    if len(clock.split(":")[0]) == 1:
        clock = "0" + clock
    zone = _zone(match["tz"])
    fixed = f"{day}T{clock}{'Z' if zone.isalpha() else zone}"
    return fixed if parse_timestamp(fixed) else None


def tidy_offset(text: str) -> str:
    """``...+0100`` -> ``...+01:00``: the offset spelled the way the format documents it."""
    return _OFFSET.sub(r"\1:\2", text)
