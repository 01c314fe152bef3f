"""
## What it does
Checks the shape of the timeline, contributing-factor and action-item tables: every
required column is present (matched by header, case-insensitively, with the documented
aliases) and every row has as many cells as the header.

## Why it matters
Markdown silently drops extra cells and pads missing ones, so a row with an unescaped `|`
in its text ends up with its owner in the priority column, and the tracker shows nonsense.

## Example
```markdown
| ID | Action | Category | Owner | Priority | Due | Status |
|----|--------|----------|-------|----------|-----|--------|
| A1 | Add a lag | lock alert | detect | dba-team | P1 | 2026-04-01 | open |
```

## Use instead
```markdown
| A1 | Add a lag \\| lock alert | detect | dba-team | P1 | 2026-04-01 | open |
```
"""

from ..parse import TABLE
from ..rule import Severity

CODE = "PM204"
NAME = "table-malformed"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    yield from ctx.problems(doc, TABLE)
