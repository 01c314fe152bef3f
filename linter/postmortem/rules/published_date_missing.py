"""
## What it does
Reports a post-mortem whose `status` is `published` or `closed` but whose frontmatter has
no `published:` date.

## Why it matters
The publication date is when the organisation agreed on the account of the incident. The
archive sorts and reports by it, and review-time figures (resolution to publication) need
it. Without it a published post-mortem looks as if it was never reviewed.

## Example
```yaml
status: published
resolved: 2026-03-04T16:45:00Z
```

## Use instead
```yaml
status: published
resolved: 2026-03-04T16:45:00Z
published: 2026-03-09
```
"""

from ..rule import Finding, Severity
from ._workflow import REVIEWED

CODE = "PM107"
NAME = "published-date-missing"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    fm = doc.frontmatter
    status = doc.incident.status
    if fm is None or status not in REVIEWED or fm.data.get("published") not in (None, ""):
        return
    yield Finding(
        fm.span(("status",)),
        f"status is {status} but there is no `published:` date",
        "Add `published: YYYY-MM-DD`, the date the review was merged.",
    )
