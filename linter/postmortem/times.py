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
