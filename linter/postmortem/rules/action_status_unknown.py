"""
## What it does
Checks that every action item's status is one of `open`, `in-progress`, `blocked`, `done`
or `wont-do`, spelled exactly so. Other spellings of a known status ("Done", "In
Progress") are reported with the canonical form, and `--fix` rewrites them.

## Why it matters
The tracker and the overdue report decide what is still open from this column; "WIP" or
"finished" is an item they cannot place.

## Example
```markdown
| A1 | ... | P1 | 2026-04-01 | WIP |
```

## Use instead
```markdown
| A1 | ... | P1 | 2026-04-01 | in-progress |
```
"""

from ..vocabulary import ACTION_STATUSES
from ..rule import Severity
from ._actions import vocabulary

FIX = "action-item status spelling (`Done` -> `done`)"
CODE = "PM314"
NAME = "action-status-unknown"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    yield from vocabulary(doc, "status", ACTION_STATUSES, "status")
