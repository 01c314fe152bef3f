"""
## What it does
Checks that the timeline states its timezone on its first row: `UTC`, `Z`, an offset
such as `+01:00`, or an abbreviation that names one offset (`CET`). Later rows without one
take the zone of the row above. A timeline that starts without a zone is reported once, at
its first row; a zone named only in the header (`Time (PST)`) does not count, and the hint
gives the offset to write.

## Why it matters
Responders in different offices read "14:02" differently, and comparing the timeline with
alert and deploy logs needs the zone. A timeline that never says is ambiguous.

## Example
```markdown
| 14:02 | Error rate alert fires | monitoring | |
```

## Use instead
```markdown
| 14:02 UTC | Error rate alert fires | monitoring | |
```
"""

import re

from ..rule import Finding, Severity
from ..times import AMBIGUOUS_ZONES, ZONE_ABBREVIATIONS, parse_clock, standard_clock
from ..lazy_re import lazy

_HEADER_ZONE = lazy(r"\(\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})\s*\)")

CODE = "PM402"
NAME = "timeline-missing-timezone"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    stated = False
    for entry in doc.timeline:
        if entry.has_timezone:
            stated = True
        elif not stated and entry.time_text.strip():
            if parse_clock(entry.time_text) is None:
                continue  # PM404 reports unreadable times
            yield Finding(
                entry.cell_span("time"),
                f"timeline time {entry.time_text!r} has no timezone",
                _hint(entry),
            )
            stated = True  # one finding per timeline: the rows below follow the first one


def _hint(entry) -> str:
    later = "later rows take the zone of the row above."
    clock = entry.time_text.strip()
    header = entry.table.header[entry.table.columns["time"]].text if "time" in entry.table.columns else ""
    match = _HEADER_ZONE.search(header)
    if match:
        zone = match[1].upper()
        if zone in ("UTC", "GMT", "Z"):
            offset = "UTC"
        elif zone[0] in "+-":
            offset = zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
        else:
            offset = ZONE_ABBREVIATIONS.get(zone)
        if offset:
            return f"The header's `{match[1]}` does not count: write `{_written(clock, offset)}` on the first row; {later}"
        if zone in AMBIGUOUS_ZONES:
            options = " or ".join(f"`{_written(clock, o)}` ({meaning})" for o, meaning in AMBIGUOUS_ZONES[zone])
            return f"The header's `{match[1]}` does not count and names more than one zone: write {options} on the first row; {later}"
    return f"Write the zone on the first row, e.g. `{_written(clock, 'UTC')}` or `{_written(clock, '+01:00')}`; {later}"


def _written(clock: str, zone: str) -> str:
    """``clock`` with ``zone``, in the documented form (a 12-hour clock becomes 24-hour)."""
    text = f"{clock} {zone}"
    return standard_clock(text) or text
