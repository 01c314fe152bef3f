"""
## What it does
Checks that every action item's category is one of `detect` (find it sooner), `mitigate`
(limit the impact), `prevent` (stop it recurring), `repair` (undo the damage),
`investigate` (answer an open question), `process` (change how people work) or `document`.

## Why it matters
Severe incidents need both detection and prevention work; the category is how that is
checked and how the insights page shows where remediation effort goes.

## Example
```markdown
| A1 | Add a lag alert | monitoring | dba-team | P1 | 2026-04-01 | open |
```

## Use instead
```markdown
| A1 | Add a lag alert | detect | dba-team | P1 | 2026-04-01 | open |
```
"""

from ..vocabulary import ACTION_CATEGORIES
from ..rule import Severity
from ._actions import vocabulary

FIX = "action-item category spelling (`Prevent` -> `prevent`)"
CODE = "PM316"
NAME = "action-category-unknown"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    yield from vocabulary(doc, "category", ACTION_CATEGORIES, "category")
