"""
## What it does
Checks that every timeline row's time can be read: `HH:MM` or `HH:MM:SS`, optionally after
an ISO date (`2026-03-04 14:02` or `2026-03-04T14:02`), optionally followed by a timezone
(`UTC`, `Z`, `+01:00`).

## Why it matters
Rows with "around lunchtime" or "T+5" cannot be ordered, compared with the frontmatter or
used for time-to-detect figures.

## Example
```markdown
| ~2pm | Customer reports errors | customer support | |
```

## Use instead
```markdown
| 14:00 UTC | Customer reports errors [ESTIMATE: support ticket timestamp] | customer support | |
```
"""

from ..rule import Finding, Severity
from ..times import normalise_clock, parse_clock
from ._fixes import cell_edit

FIX = "timeline dates written with / or ."
CODE = "PM404"
NAME = "timeline-time-invalid"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    for entry in doc.timeline:
        text = entry.time_text.strip()
        if not text:
            yield Finding(entry.cell_span("time"), "timeline row has no time", "Give every row a time, e.g. `14:02 UTC`.")
        elif parse_clock(text) is None:
            cell = entry.cell("time")
            fix = cell_edit(cell, normalise_clock(cell.raw)) if cell is not None else None
            hint = "`postmortem lint --fix` rewrites it." if fix else "Write `HH:MM`, optionally with an ISO date before it and a timezone after it."
            yield Finding(entry.cell_span("time"), f"timeline time {text!r} cannot be read", hint, fix)
