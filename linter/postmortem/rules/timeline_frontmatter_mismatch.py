"""
## What it does
Checks that each incident timestamp in the frontmatter (`started`, `detected`,
`acknowledged`, `mitigated`, `resolved`) has a timeline row at the same minute. The option
`keys` lists which timestamps must appear (default: all five that are present).

## Why it matters
The frontmatter timestamps produce MTTD, MTTA and MTTR; the timeline is what reviewers
check them against. When the two disagree, one of them is wrong, and the metrics on the
insights page are built on it.

## Example
```yaml
detected: 2026-03-04T14:09:00Z
```
with the timeline's alert row at `14:19 UTC`.

## Use instead
Correct whichever is wrong so that the `detected` time and the alert row agree.
"""

from ..rule import Finding, Severity

CODE = "PM403"
NAME = "timeline-frontmatter-mismatch"
SEVERITY = Severity.ERROR
OPTIONS = {"keys": ["started", "detected", "acknowledged", "mitigated", "resolved"]}


def check(doc, ctx):
    if doc.frontmatter is None or not doc.timeline:
        return
    minutes = {entry.time.replace(second=0, microsecond=0) for entry in doc.timeline if entry.time}
    if not minutes:
        return
    for key in ctx.options["keys"]:
        stamp = getattr(doc.incident, key, None)
        if stamp is None:
            continue
        if stamp.replace(second=0, microsecond=0) not in minutes:
            yield Finding(
                doc.frontmatter.span((key,)),
                f"`{key}` ({stamp.strftime('%Y-%m-%d %H:%M %Z').strip()}) has no timeline row at that minute",
                "Add the row to the timeline, or correct whichever of the two is wrong.",
            )
