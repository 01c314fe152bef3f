"""
## What it does
Reports action items that are vague or have no finish line: open-ended verbs ("look into",
"consider", "explore", "discuss", "follow up", "try to") and verbs such as "improve",
"investigate", "review", "ensure" or "enhance" without a concrete object ("Improve
monitoring", "Investigate the issue", "Ensure this does not happen again", "Add more
alerting"). A specific artefact, threshold, number, scope or date makes an item bounded:
"Investigate why the pool did not reconnect and record the findings in an ADR" and
"Improve p99 latency of the search API to under 300 ms" are fine.

## Why it matters
Vague action items are the ones that stay open forever: nobody can tell when "improve
monitoring" is done, so it never is, and the same incident happens again.

## Example
```markdown
| A1 | Improve monitoring | detect | sre-team | P2 | 2026-04-15 | open |
```

## Use instead
```markdown
| A1 | Add an alert when replication lag exceeds 60 s for 5 min | detect | sre-team | P2 | 2026-04-15 | open |
```
"""

from ..rule import Finding, Severity
from ._actions import action_cells, vague

CODE = "PM302"
NAME = "action-vague"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    for item, cell, an in action_cells(doc):
        found = vague(an, cell.raw)
        if found is None:
            continue
        start, end, reason = found
        yield Finding(
            cell.prose.span(start, end),
            f"action item {item.id or '?'} is vague: {reason}",
            "Say what done looks like: a specific artefact, threshold, number, scope or date, e.g. "
            "\"Add an alert when replication lag exceeds 60 s for 5 min\".",
        )
