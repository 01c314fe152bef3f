"""
## What it does
Checks that every id listed under `related` names a post-mortem in the archive, and that a
post-mortem does not list itself.

## Why it matters
Related incidents are how readers follow a recurring cause across the archive; a typo in an
id is a dead link on the published site and a missed pattern.

## Example
```yaml
related: [PM-2025-0041]
```
when the archive has `PM-2025-041`.

## Use instead
```yaml
related: [PM-2025-041]
```
"""

import re

from ..rule import Finding, Severity

CODE = "PM103"
NAME = "related-unknown"
SEVERITY = Severity.ERROR
NEEDS_ARCHIVE = True


def check(doc, ctx):
    fm = doc.frontmatter
    if fm is None or ctx.archive is None:
        return
    related = fm.data.get("related")
    if not isinstance(related, list):
        return
    for index, value in enumerate(related):
        if not isinstance(value, str):
            continue
        if value == doc.incident.id:
            yield Finding(fm.span(("related", index)), f"post-mortem lists itself ({value}) as related")
        elif value not in ctx.archive.ids:
            # the first of the ids by sort order, not by the order the files were found:
            # findings depend on the archive's ids alone (the findings cache keys them sorted)
            meant = min((known for known in ctx.archive.ids if _number(known) == _number(value) is not None), default=None)
            yield Finding(
                fm.span(("related", index)),
                f"related id {value} does not exist in the archive",
                f"Did you mean {meant}?" if meant else "List only ids of post-mortems in the archive.",
            )


def _number(id_: str) -> tuple[str, int] | None:
    """``PM-2025-0041`` and ``PM-2025-041`` both name incident 41 of 2025."""
    match = re.fullmatch(r"PM-([0-9]{4})-([0-9]+)", id_.strip().upper())
    return (match[1], int(match[2])) if match else None
