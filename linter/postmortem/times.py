"""Timestamps as post-mortems write them: ISO 8601 with an explicit timezone."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from .lazy_re import lazy

_TIMESTAMP = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})?[T ]?\s*"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z][A-Za-z]{1,4})?$",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Zone abbreviations read in timeline times, each naming one offset in common use. A time
# written with one is read, and ``postmortem lint --fix`` rewrites it with the offset
# (PM405). ``PST`` is Pacific Standard Time here, as it is in nearly every post-mortem.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "PST": "-08:00", "PDT": "-07:00", "MST": "-07:00", "MDT": "-06:00",
    "EST": "-05:00", "EDT": "-04:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "ADT": "-03:00", "NST": "-03:30", "NDT": "-02:30",
    "WET": "+00:00", "WEST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
    "WAT": "+01:00", "CAT": "+02:00", "SAST": "+02:00", "EAT": "+03:00",
    "PKT": "+05:00", "WIB": "+07:00", "HKT": "+08:00", "SGT": "+08:00", "AWST": "+08:00",
    "JST": "+09:00", "KST": "+09:00", "ACST": "+09:30", "ACDT": "+10:30",
    "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00",
}

# Abbreviations that name more than one offset: never guessed. Each maps to the offsets
# it is used for, so a hint can name the one to write.
AMBIGUOUS_ZONES: dict[str, tuple[tuple[str, str], ...]] = {
    "IST": (("+05:30", "India Standard Time"), ("+01:00", "Irish Standard Time"), ("+02:00", "Israel Standard Time")),
    "CST": (("-06:00", "US Central Standard Time"), ("+08:00", "China Standard Time"), ("-05:00", "Cuba Standard Time")),
    "CDT": (("-05:00", "US Central Daylight Time"), ("-04:00", "Cuba Daylight Time")),
    "BST": (("+01:00", "British Summer Time"), ("+06:00", "Bangladesh Standard Time"), ("+00:00", "UK time in winter, often written BST")),
    "AST": (("-04:00", "Atlantic Standard Time"), ("+03:00", "Arabia Standard Time")),
    "SST": (("-11:00", "Samoa Standard Time"), ("+08:00", "Singapore Standard Time")),
    "GST": (("+04:00", "Gulf Standard Time"), ("-02:00", "South Georgia Time")),
    "PT": (("-08:00", "Pacific Standard Time, in winter"), ("-07:00", "Pacific Daylight Time, in summer")),
    "MT": (("-07:00", "Mountain Standard Time, in winter"), ("-06:00", "Mountain Daylight Time, in summer")),
    "CT": (("-06:00", "Central Standard Time, in winter"), ("-05:00", "Central Daylight Time, in summer")),
    "ET": (("-05:00", "Eastern Standard Time, in winter"), ("-04:00", "Eastern Daylight Time, in summer")),
}


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() in {"Z", "UTC", "GMT"}:
        return timezone.utc
    if text[0] not in "+-":
        offset = ZONE_ABBREVIATIONS.get(text.upper())
        if offset is None:
            raise ValueError(f"unknown or ambiguous zone {text}")
        text = offset
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError("timezone offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _hour(match: re.Match) -> int:
    """The hour on a 24-hour clock; a 12-hour clock (``2:54 PM``) has hours 1 to 12."""
    hour = int(match["h"])
    if not match["ampm"]:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("a 12-hour clock has hours 1 to 12")
    return hour % 12 + (12 if match["ampm"][0].lower() == "p" else 0)


def parse_timestamp(text: str) -> datetime | None:
    """A full timestamp with date and timezone, or None."""
    parsed = parse_clock(text)
    if parsed is None:
        return None
    day, clock, tz = parsed
    if day is None or tz is None:
        return None
    return datetime.combine(day, clock.time(), tz)


@lru_cache(maxsize=4096)
def parse_clock(text: str) -> tuple[date | None, datetime, timezone | None] | None:
    """Split a timeline time into (date or None, time, timezone or None); None if unreadable.
    Cached (the values are immutable): the parser types the timeline with it and three
    timeline rules read the same cells again."""
    match = _TIMESTAMP.match(text.strip())
    if not match:
        return None
    try:
        day = date.fromisoformat(match["date"]) if match["date"] else None
        clock = datetime(2000, 1, 1, _hour(match), int(match["m"]), int(match["s"] or 0))
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

_OFFSET = lazy(r"([+-]\d{2})(\d{2})$")
_LOOSE_DATE = lazy(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_LOOSE_TIME = lazy(
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


# --------------------------------------------------------------------------- informal times
# Times as people write them in other tools: a 12-hour clock, a zone abbreviation.


def zone_of(text: str) -> str | None:
    """The zone as written at the end of a timeline time (``PST``, ``+01:00``), or None."""
    match = _TIMESTAMP.match(text.strip())
    return match["tz"] if match else None


def ambiguous_zone(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """``(abbreviation, ((offset, meaning), ...))`` when a time ends in an ambiguous zone."""
    zone = zone_of(text)
    if zone and zone.upper() in AMBIGUOUS_ZONES:
        return zone.upper(), AMBIGUOUS_ZONES[zone.upper()]
    return None


def is_informal(text: str) -> bool:
    """True for a readable time on a 12-hour clock or with a zone abbreviation."""
    match = _TIMESTAMP.match(text.strip())
    if not match or parse_clock(text) is None:
        return False
    zone = match["tz"] or ""
    return bool(match["ampm"]) or zone.upper() in ZONE_ABBREVIATIONS


def standard_clock(text: str) -> str | None:
    """A readable informal time in the documented form: ``2:54 PM PST`` -> ``14:54 -08:00``.

    The date and seconds are kept as written; None when ``text`` is not an informal time.
    """
    if not is_informal(text):
        return None
    match = _TIMESTAMP.match(text.strip())
    parsed = parse_clock(text)
    assert match is not None and parsed is not None
    day, clock, _ = parsed
    out = f"{day.isoformat()} " if day is not None else ""
    out += f"{clock:%H:%M}" + (f":{match['s']}" if match["s"] else "")
    zone = match["tz"]
    if zone:
        offset = ZONE_ABBREVIATIONS.get(zone.upper())
        out += " " + (offset if offset else _zone(zone))
    return out if parse_clock(out) else None
