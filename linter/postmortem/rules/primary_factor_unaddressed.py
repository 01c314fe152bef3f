"""
## What it does
Checks that every contributing factor marked `primary` is addressed by at least one action
item: its id appears in the Addresses column of an action that is not `wont-do`. The other
contribution levels are PM307's, which also accepts a stated reason for having no action.

## Why it matters
The primary factors are the ones that made the incident happen. A post-mortem whose
actions address only the secondary ones leaves the main cause in place.

## Example
```markdown
| ID | Factor | Category | Contribution | Preventable |
|----|--------|----------|--------------|-------------|
| CF1 | Connection pool does not validate connections on borrow | Technical | primary | yes |

| ID | Action | Category | Owner | Priority | Due | Status | Addresses |
|----|--------|----------|-------|----------|-----|--------|-----------|
| A1 | Add a runbook step that checks reconnects | process | dba-team | P2 | 2026-04-15 | open | CF2 |
```

## Use instead
```markdown
| A1 | Enable validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-03-20 | open | CF1 |
```
"""

from ..model import Span
from ..rule import Finding, Severity

CODE = "PM305"
NAME = "primary-factor-unaddressed"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    factors = doc.table("factors")
    actions = doc.table("actions")
    if factors is None or actions is None:
        return
    primary = [f for f in doc.factors if f.primary and f.id.strip()]
    if not primary:
        return
    if "addresses" not in actions.columns:
        ids = ", ".join(f.id for f in primary)
        yield Finding(
            Span(actions.line, 1, actions.line, len(doc.source.lines[actions.line - 1]) + 1),
            f"the action items table has no Addresses column, so primary factor(s) {ids} cannot be traced to an action",
            "Add an Addresses column listing the factor ids (CF1, CF2) each action addresses.",
        )
        return
    addressed = {
        ref.strip().upper()
        for item in doc.actions
        if not item.declined
        for ref in item.addresses
    }
    for factor in primary:
        if factor.id.strip().upper() in addressed:
            continue
        cell = factors.value(factor.row, "id")
        span = cell.span if cell is not None else Span.point(factor.row.line)
        yield Finding(
            span,
            f"primary factor {factor.id} is not addressed by any action item",
            f"Add an action item that removes or limits {factor.id} and list {factor.id} in its Addresses column.",
        )
