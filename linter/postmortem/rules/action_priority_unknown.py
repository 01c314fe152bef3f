"""
## What it does
Checks that every action item's priority is one of `P0` (do now), `P1` (this sprint), `P2`
(this quarter) or `P3` (when convenient). Lower-case spellings are reported with the
canonical form, and `--fix` rewrites them.

## Why it matters
Priorities are compared across teams on the tracker; "high", "urgent" and "!!!" do not
sort.

## Example
```markdown
| A1 | Add a canary stage | prevent | release-eng | high | 2026-04-01 | open |
```

## Use instead
```markdown
| A1 | Add a canary stage | prevent | release-eng | P1 | 2026-04-01 | open |
```
"""

from ..vocabulary import ACTION_PRIORITIES
from ..rule import Severity
from ._actions import vocabulary

FIX = "action-item priority spelling (`p1` -> `P1`)"
CODE = "PM315"
NAME = "action-priority-unknown"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    yield from vocabulary(doc, "priority", ACTION_PRIORITIES, "priority")
