"""
## What it does
Checks that timeline rows are in chronological order. Rows may give a full timestamp
(`2026-03-04 14:02 UTC`) or only a time (`14:09`), which takes the date and timezone of the
row above (the first row takes them from `started`).

## Why it matters
A timeline read top to bottom is how reviewers reconstruct what responders knew and
when; a row out of place, often a wrong date after midnight, tells a different story.

## Example
```markdown
| 23:50 UTC | Deploy of api v2.3 begins | deploy pipeline | |
| 00:10 UTC | Error rate alert fires | monitoring | |
```

## Use instead
```markdown
| 2026-03-04 23:50 UTC | Deploy of api v2.3 begins | deploy pipeline | |
| 2026-03-05 00:10 UTC | Error rate alert fires | monitoring | |
```
"""

from ..rule import Finding, Severity

CODE = "PM401"
NAME = "timeline-out-of-order"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    latest = None
    for entry in doc.timeline:
        if entry.time is None:
            continue
        if latest is not None and entry.time < latest.time:
            yield Finding(
                entry.cell_span("time"),
                f"timeline row at {entry.time_text} comes after {latest.time_text} (line {latest.row.line})",
                "Order rows by time; after midnight, write the date too.",
            )
        else:
            latest = entry
