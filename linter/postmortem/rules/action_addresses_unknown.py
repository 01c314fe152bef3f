"""
## What it does
Checks the Addresses column of the action items: every id in it must be the id of a row in
the contributing factors table.

## Why it matters
The link from action to factor is how the archive shows which causes were dealt with. A
typo (`CF4` when there are three factors) silently breaks it.

## Example
```markdown
| A1 | Enable validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-03-20 | open | CF4 |
```

## Use instead
```markdown
| A1 | Enable validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-03-20 | open | CF1 |
```
"""

from ..rule import Finding, Severity

CODE = "PM306"
NAME = "action-addresses-unknown"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    if doc.table("factors") is None:
        return
    known = {f.id.strip().upper() for f in doc.factors if f.id.strip()}
    for item in doc.actions:
        unknown = [ref for ref in item.addresses if ref.strip().upper() not in known]
        if not unknown:
            continue
        span = item.cell_span("addresses")
        yield Finding(
            span,
            f"action item {item.id or '?'} addresses unknown factor(s) {', '.join(unknown)}",
            f"Use the ids of the contributing factors table: {', '.join(sorted(known)) or 'none defined'}.",
        )
