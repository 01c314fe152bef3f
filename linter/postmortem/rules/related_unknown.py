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
            yield Finding(
                fm.span(("related", index)),
                f"related id {value} does not exist in the archive",
                "List ids of post-mortems that exist (`postmortem actions` and the site show them).",
            )
