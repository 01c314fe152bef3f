"""
## What it does
Checks the due date of every action item: present, written as an ISO date
(`YYYY-MM-DD`), a real calendar date, and not before the incident started.

## Why it matters
Due dates drive the overdue report and the tracker. "Q3", "next sprint" or `04/05/2026`
(April or May?) cannot be sorted, compared or chased.

## Example
```markdown
| A1 | Add an alert on disk usage above 85% | detect | sre-team | P2 | next sprint | open |
```

## Use instead
```markdown
| A1 | Add an alert on disk usage above 85% | detect | sre-team | P2 | 2026-04-15 | open |
```
"""

import re

from ..rule import Finding, Severity
from ..times import normalise_date, parse_date
from ._fixes import cell_edit

FIX = "due dates written with / or . or without leading zeros"
CODE = "PM312"
NAME = "action-due-invalid"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    started = doc.incident.started
    for item in doc.actions:
        span = item.cell_span("due")
        label = item.id or "?"
        if not item.due_text.strip():
            yield Finding(span, f"action item {label} has no due date", "Give a due date as YYYY-MM-DD.")
        elif item.due is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.due_text.strip()):
            yield Finding(span, f"due date {item.due_text.strip()} of action item {label} does not exist", "Check the month and the day.")
        elif item.due is None:
            fix = _fix(item.cell("due"))
            hint = "`postmortem lint --fix` rewrites it." if fix else "Write it as YYYY-MM-DD, e.g. 2026-04-15."
            yield Finding(span, f"due date {item.due_text!r} of action item {label} is not an ISO date", hint, fix)
        elif started is not None and item.due < started.date():
            yield Finding(span, f"action item {label} is due {item.due}, before the incident started ({started.date()})", "Check the year of the due date.")


def _fix(cell):
    if cell is None or not cell.raw or parse_date(cell.raw) is not None:
        return None
    return cell_edit(cell, normalise_date(cell.raw))
