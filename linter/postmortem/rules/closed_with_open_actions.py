"""
## What it does
Reports a post-mortem whose `status` is `closed` while action items are still open
(`open`, `in-progress` or `blocked`). The finding is on the `status` value and names the
open items.

## Why it matters
`closed` tells readers and reports that the follow-up work is finished. A closed
post-mortem with open items drops those items from every "what is still open" question
the archive answers, so the work is forgotten.

## Example
```markdown
status: closed
...
| A2 | Add an alert on replication lag above 60 s | detect | sre-team | P1 | 2026-04-01 | in-progress |
```

## Use instead
Keep `status: published` until every item is `done`, or `wont-do` with the reason written
under the table; then set `status: closed`.
"""

from ..rule import Finding, Severity
from ._workflow import CLOSED as _CLOSED

CODE = "PM106"
NAME = "closed-with-open-actions"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    fm = doc.frontmatter
    if fm is None or doc.incident.status != _CLOSED:
        return
    still_open = [item for item in doc.actions if item.is_open]
    if not still_open:
        return
    ids = ", ".join(item.id or "?" for item in still_open)
    count = len(still_open)
    yield Finding(
        fm.span(("status",)),
        f"status is {_CLOSED} but {count} action item{'s are' if count != 1 else ' is'} still open: {ids}",
        f"Keep the previous status until every item is done or wont-do, then set `status: {_CLOSED}`.",
    )
