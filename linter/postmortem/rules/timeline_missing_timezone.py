"""
## What it does
Checks that the timeline states its timezone on its first row: `UTC`, `Z` or an offset
such as `+01:00`. Later rows without one take the zone of the row above. A timeline that
starts without a zone is reported once, at its first row.

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

from ..rule import Finding, Severity
from ..times import parse_clock

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
                "Write the zone on the first row, e.g. `14:02 UTC` or `2026-03-04 14:02+01:00`; "
                "later rows take the zone of the row above.",
            )
            stated = True  # one finding per timeline: the rows below follow the first one
