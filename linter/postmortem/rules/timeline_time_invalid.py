"""
## What it does
Checks that every timeline row's time can be read: `HH:MM` or `HH:MM:SS` (or a 12-hour
`2:54 PM`), optionally after an ISO date (`2026-03-04 14:02` or `2026-03-04T14:02`),
optionally followed by a timezone (`UTC`, `Z`, `+01:00`, or an abbreviation that names one
offset, such as `CET` or `PST`). An abbreviation that names several offsets (`IST`, `CST`,
`BST`) is not guessed: the hint lists the offsets it may mean.

## Why it matters
Rows with "around lunchtime" or "T+5" cannot be ordered, compared with the frontmatter or
used for time-to-detect figures.

## Example
```markdown
| ~2pm | Customer reports errors | customer support | |
| 09:10 IST | Vendor confirms the fix | third-party vendor | |
```

## Use instead
```markdown
| 14:00 UTC | Customer reports errors [ESTIMATE: support ticket timestamp] | customer support | |
| 09:10 +05:30 | Vendor confirms the fix | third-party vendor | |
```

When a time is not known, give the row the nearest time you can establish and say so in
the event: `| 14:00 UTC | Customer reports errors [UNCERTAIN: no timestamp in the ticket] | … |`.
"""

from ..rule import Finding, Severity
from ..times import ambiguous_zone, normalise_clock, parse_clock, zone_of
from ._fixes import cell_edit

FIX = "timeline dates written with / or ."
CODE = "PM404"
NAME = "timeline-time-invalid"
SEVERITY = Severity.ERROR

_UNKNOWN = (
    "If the time is not known, write the nearest time you can establish and mark the event "
    "`[UNCERTAIN: reason]`, e.g. `| 14:00 UTC | Customer reports errors [UNCERTAIN: no timestamp in the ticket] | … |`."
)


def check(doc, ctx):
    for entry in doc.timeline:
        text = entry.time_text.strip()
        if not text:
            yield Finding(entry.cell_span("time"), "timeline row has no time", "Give every row a time, e.g. `14:02 UTC`. " + _UNKNOWN)
        elif parse_clock(text) is None:
            cell = entry.cell("time")
            fix = cell_edit(cell, normalise_clock(cell.raw)) if cell is not None else None
            yield Finding(entry.cell_span("time"), f"timeline time {text!r} cannot be read", _hint(text, fix), fix)


def _hint(text: str, fix) -> str:
    if fix:
        return "`postmortem lint --fix` rewrites it."
    ambiguous = ambiguous_zone(text)
    if ambiguous:
        zone, meanings = ambiguous
        clock = text[: text.upper().rfind(zone)].strip()
        options = "; ".join(f"`{clock} {offset}` for {meaning}" for offset, meaning in meanings)
        return f"`{zone}` names more than one timezone, so it is not guessed: write the offset instead: {options}."
    zone = zone_of(text)
    if zone and zone[0].isalpha() and zone.upper() not in ("Z", "UTC", "GMT"):
        return (f"`{zone}` is not a timezone this format reads: write the offset, e.g. `{text[: text.rfind(zone)].strip()} +01:00`, "
                "or `UTC`.")
    return "Write `HH:MM`, optionally with an ISO date before it and a timezone after it. " + _UNKNOWN
