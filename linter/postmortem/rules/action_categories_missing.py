"""
## What it does
For SEV1 and SEV2 incidents, checks that the action items include at least one detection
action (category `detect`) and at least one that prevents a recurrence or limits its
impact (category `prevent` or `mitigate`).

## Why it matters
A serious incident deserves both halves of the answer: finding out sooner next time, and
making next time less likely or less bad. An action list of only process and
documentation items leaves the system as it was.

## Example
```markdown
| ID | Action | Category | Owner | Priority | Due | Status |
|----|--------|----------|-------|----------|-----|--------|
| A1 | Document the failover steps in the runbook | document | dba-team | P2 | 2026-04-15 | open |
```

## Use instead
```markdown
| ID | Action | Category | Owner | Priority | Due | Status |
|----|--------|----------|-------|----------|-----|--------|
| A1 | Add an alert when replication lag exceeds 60 s for 5 min | detect | dba-team | P1 | 2026-04-01 | open |
| A2 | Enable connection validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-04-01 | open |
```
"""

from .. import vocabulary
from ..model import Span
from ..rule import Finding, Severity

CODE = "PM304"
NAME = "action-categories-missing"
SEVERITY = Severity.ERROR

SEVERITIES = vocabulary.SEVERITIES.values[:2]  # the two most severe levels


def check(doc, ctx):
    severity = (doc.incident.severity or "").strip().upper()
    table = doc.table("actions")
    if severity not in SEVERITIES or table is None or "category" not in table.columns:
        return
    categories = {item.category.strip().lower() for item in doc.actions if not item.declined}
    span = Span(table.line, 1, table.line, len(doc.source.lines[table.line - 1]) + 1)
    if "detect" not in categories:
        yield Finding(
            span,
            f"{severity} post-mortem has no detection action item (category detect)",
            "Add an action that finds a recurrence sooner, e.g. an alert or a synthetic check, with category `detect`.",
        )
    if not categories & {"prevent", "mitigate"}:
        yield Finding(
            span,
            f"{severity} post-mortem has no prevention or mitigation action item (category prevent or mitigate)",
            "Add an action that makes a recurrence less likely (`prevent`) or less harmful (`mitigate`).",
        )
