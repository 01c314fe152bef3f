"""
## What it does
Checks that the incident timestamps in the frontmatter happen in a possible order:
`started` ≤ `detected` ≤ `acknowledged` ≤ `resolved`, and `started` ≤ `mitigated` ≤
`resolved`. The finding points at the later key that comes too early.

## Why it matters
MTTD, MTTA and MTTR are computed from these timestamps; a `detected` before `started`
gives a negative time to detect and skews every trend on the insights page. It is nearly
always a typo or a timezone slip.

## Example
```yaml
started: 2026-03-04T14:02:00Z
detected: 2026-03-04T13:58:00Z
```

## Use instead
```yaml
started: 2026-03-04T13:55:00Z   # impact began before the alert
detected: 2026-03-04T13:58:00Z
```
"""

from ..rule import Finding, Severity

CODE = "PM104"
NAME = "timestamp-order"
SEVERITY = Severity.ERROR

ORDER = (
    ("started", "detected"),
    ("detected", "acknowledged"),
    ("started", "mitigated"),
    ("acknowledged", "resolved"),
    ("detected", "resolved"),
    ("mitigated", "resolved"),
    ("started", "resolved"),
)


def check(doc, ctx):
    if doc.frontmatter is None:
        return
    incident = doc.incident
    reported = set()
    for earlier, later in ORDER:
        first, second = getattr(incident, earlier), getattr(incident, later)
        if first is None or second is None or second >= first or later in reported:
            continue
        reported.add(later)
        yield Finding(
            doc.frontmatter.span((later,)),
            f"`{later}` ({doc.frontmatter.data[later]}) is before `{earlier}` ({doc.frontmatter.data[earlier]})",
            "Check the date and the timezone offset of both timestamps.",
        )
