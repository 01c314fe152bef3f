"""
## What it does
Checks that every action item has an owner, and that the owner is a team or role listed in
the owner registry (`postmortems/owners.yml` by default). Suggests the closest known
name for a typo. Only the presence check runs when there is no registry.

## Why it matters
An action item without a known owner is the one that is still open a year later. Owners
are teams or roles so the item survives people changing jobs.

## Example
```markdown
| A1 | Add a canary stage to the deploy pipeline | prevent | Bob | P1 | 2026-04-01 | open |
```

## Use instead
```markdown
| A1 | Add a canary stage to the deploy pipeline | prevent | release-eng | P1 | 2026-04-01 | open |
```
"""

from ..rule import Finding, Severity

CODE = "PM311"
NAME = "action-owner-unknown"
READS_OWNERS = True  # the CLI says so when there is no registry to read
SEVERITY = Severity.ERROR


def check(doc, ctx):
    owners = ctx.owners
    for item in doc.actions:
        if not item.owner.strip():
            yield Finding(item.cell_span("owner"), f"action item {item.id or '?'} has no owner", "Name the owning team or role from the owner registry.")
        elif owners is not None and not owners.known(item.owner):
            suggestion = owners.closest(item.owner)
            yield Finding(
                item.cell_span("owner"),
                f"owner {item.owner!r} is not in the owner registry",
                f"Did you mean {suggestion!r}?" if suggestion else f"Use a team or role listed in {owners.path.name}, or add it there.",
            )
