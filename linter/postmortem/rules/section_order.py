"""
## What it does
Checks that the required sections come in the template's order: Summary, Impact,
Timeline, Root Cause Analysis, What Went Well, What Could Improve, Action Items,
Stakeholder Communication, Lessons Learned. Other sections may stand anywhere.

## Why it matters
Readers of an archive skim many post-mortems; the same order everywhere lets them find
the timeline or the action items without searching.

## Example
```markdown
## Action Items
## Timeline
```

## Use instead
```markdown
## Timeline
## Action Items
```
"""

from .. import spec
from ..rule import Finding, Severity

CODE = "PM203"
NAME = "section-order"
SEVERITY = Severity.WARNING


def check(doc, ctx):
    order = spec.SECTION_ORDER
    furthest = None
    seen = set()
    for section in doc.top_sections:
        if not section.key or section.key in seen:
            continue
        seen.add(section.key)
        if furthest is not None and order.index(section.key) < order.index(furthest.key):
            yield Finding(
                section.title_span,
                f"section `{section.title}` should come before `{furthest.title}` (line {furthest.line})",
                "Order: " + ", ".join(spec.SECTIONS[key][0] for key in order) + ".",
            )
        elif furthest is None or order.index(section.key) > order.index(furthest.key):
            furthest = section
