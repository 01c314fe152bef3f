"""
## What it does
Reports timeline times that are read but not written in the documented form: a 12-hour
clock (`2:54 PM`) or a zone abbreviation that names one offset (`PST`, `CET`, `AEST`).
`postmortem lint --fix` rewrites each as a 24-hour time with a numeric offset
(`2:54 PM PST` becomes `14:54 -08:00`), keeping the date when there is one.

## Why it matters
The time is understood, so nothing is lost; but an archive that writes times one way is
easier to compare with logs and alerts (which use offsets), and the same abbreviation
names different offsets in different places, so readers elsewhere must look it up.

## Example
```markdown
| 2:54 PM PST | Configuration change merged | CI | |
| 14:02 CET | Error rate alert fires | monitoring | |
```

## Use instead
```markdown
| 14:54 -08:00 | Configuration change merged | CI | |
| 14:02 +01:00 | Error rate alert fires | monitoring | |
```
"""

from ..rule import Finding, Severity
from ..times import standard_clock
from ._fixes import cell_edit

FIX = "12-hour times and zone abbreviations (`2:54 PM PST` -> `14:54 -08:00`)"
CODE = "PM405"
NAME = "timeline-time-informal"
SEVERITY = Severity.WARNING


def check(doc, ctx):
    for entry in doc.timeline:
        fixed = standard_clock(entry.time_text)
        if fixed is None:
            continue
        cell = entry.cell("time")
        fix = cell_edit(cell, fixed) if cell is not None else None
        hint = f"Write `{fixed}`" + (": `postmortem lint --fix` rewrites it." if fix else ".")
        yield Finding(entry.cell_span("time"), f"timeline time {entry.time_text.strip()!r} is written as `{fixed}` in this format", hint, fix)
