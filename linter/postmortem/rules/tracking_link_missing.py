"""
## What it does
Reports an action item without a Tracking reference when its priority is `required-from`
or more urgent. The default, `""`, requires none; set it to the lowest priority that must
be tracked:

```toml
[tool.postmortem.rules.PM318]
required-from = "P1"   # P0 and P1 items need a ticket
```

An item marked `wont-do` needs none. An action-item table without a Tracking column is
reported once, on its header, when an item needs a reference. What a reference must look
like is PM317's.

## Why it matters
An urgent action item that lives only in the post-mortem is invisible to the team's
planning: it is not on a board, nobody is reminded of it, and it is found again at the next
incident.

## Example
```markdown
| ID | Action | Category | Owner | Priority | Due | Status | Tracking |
|----|--------|----------|-------|----------|-----|--------|----------|
| A1 | Enable validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-03-20 | open | |
```

## Use instead
```markdown
| A1 | Enable validation on borrow in the checkout pool | prevent | payments-team | P1 | 2026-03-20 | open | OPS-4411 |
```
"""

from ..config import ConfigError
from ..rule import Finding, Severity
from ..vocabulary import ACTION_PRIORITIES, ACTION_STATUSES
from ._tracking import is_empty

CODE = "PM318"
NAME = "tracking-link-missing"
SEVERITY = Severity.ERROR
OPTIONS = {"required-from": ""}

_WONT_DO = ACTION_STATUSES.values[-1]


def validate_options(options):
    value = options.get("required-from")
    if value and value not in ACTION_PRIORITIES:
        raise ConfigError(
            f"[tool.postmortem.rules.{CODE}]: required-from must be one of {', '.join(ACTION_PRIORITIES)}, "
            f"or \"\" for none, not {value!r}"
        )


def check(doc, ctx):
    limit = ctx.options.get("required-from")
    table = doc.table("actions")
    if not limit or table is None:
        return
    rank = ACTION_PRIORITIES.rank(limit)
    needing = [
        item for item in doc.actions
        if (priority := ACTION_PRIORITIES.canonical(item.priority)) is not None
        and ACTION_PRIORITIES.rank(priority) <= rank
        and ACTION_STATUSES.canonical(item.status) != _WONT_DO
    ]
    if not needing:
        return
    if "tracking" not in table.columns:
        ids = ", ".join(item.id or "?" for item in needing)
        yield Finding(
            doc.source.line_span(table.line),
            f"the action items table has no Tracking column, and {ids} ({_range(limit)}) need a tracking reference",
            "Add a Tracking column with the ticket key or issue URL of each item.",
        )
        return
    for item in needing:
        if is_empty(item.cell("tracking")):
            yield Finding(
                item.cell_span("tracking"),
                f"action item {item.id or '?'} is {ACTION_PRIORITIES.canonical(item.priority)} and has no tracking reference",
                f"Open a ticket and put its key or URL in the Tracking cell; items {_range(limit)} are tracked.",
            )


def _range(limit: str) -> str:
    first = ACTION_PRIORITIES.values[0]
    return limit if limit == first else f"{first}–{limit}"
