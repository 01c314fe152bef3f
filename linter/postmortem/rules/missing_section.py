"""
## What it does
Checks that every section required for the post-mortem's severity is present as a
level-2 heading (`## Timeline`). Headings are matched case-insensitively, ignoring
numbering and punctuation, with documented aliases ("Contributing Factors" counts as Root
Cause Analysis). A heading inside a code block or an HTML comment does not count.

By default every severity requires Summary, Impact, Timeline, Root Cause Analysis, What
Went Well, What Could Improve, Action Items and Lessons Learned; SEV1 and SEV2 also
require Stakeholder Communication. Change the sets with
`[tool.postmortem.required-sections]`.

## Why it matters
A post-mortem without a timeline or action items records that something happened but
not what the organisation learned or will change.

## Example
```markdown
## Summary
## Timeline
## Action Items
```

## Use instead
Start from `postmortem new`, which writes every section of the template.
"""

from .. import spec
from ..model import Span
from ..vocabulary import SEVERITIES
from ..rule import Finding, Severity

CODE = "PM201"
NAME = "missing-section"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    severity = doc.incident.severity if doc.incident.severity in ctx.config.required_sections else SEVERITIES.values[-1]
    required = ctx.config.required_sections[severity]
    present = {section.key for section in doc.top_sections if section.key}
    for key in required:
        if key in present:
            continue
        title = spec.SECTIONS[key][0]
        line = _where(doc, key)
        hint = f"Add a `## {title}` section."
        for section in doc.sections:
            if section.level != 2 and section.key == key:
                hint = f"Line {section.line} has `{'#' * section.level} {section.title}`: make it a level-2 heading (`## {section.title}`)."
                break
        yield Finding(Span.point(line), f"missing required section: {title} (required for {severity})", hint)


def _where(doc, key):
    """The line of the first present section that should come after ``key``, else the last line."""
    order = spec.SECTION_ORDER
    later = set(order[order.index(key) + 1 :])
    for section in doc.top_sections:
        if section.key in later:
            return section.line
    return max(1, len(doc.source.lines) - (1 if doc.source.lines[-1] == "" else 0))
