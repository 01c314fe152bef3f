"""
## What it does
Warns about an action item whose due date has passed while its status is still open,
in-progress or blocked. "Today" is the date of the run (`--today` sets it).

## Why it matters
Overdue remediation is how the same incident happens twice. The warning keeps the
post-mortem honest: either the work is done and the status should say so, or the date
should move with a note on why.

## Example
```markdown
| A2 | Rotate the replication credentials | repair | dba-team | P1 | 2026-01-10 | open |
```
(linted on 2026-02-01)

## Use instead
Mark it `done` when it is, or agree a new due date with the owner.
"""

from ..rule import Finding, Severity

CODE = "PM313"
NAME = "action-overdue"
SEVERITY = Severity.WARNING


def check(doc, ctx):
    for item in doc.actions:
        if item.overdue(ctx.today):
            days = (ctx.today - item.due).days
            yield Finding(
                item.cell_span("due"),
                f"action item {item.id or '?'} is {days} day{'s' if days != 1 else ''} overdue (due {item.due}, status {item.status})",
                "Close it, or agree a new due date with its owner.",
            )
