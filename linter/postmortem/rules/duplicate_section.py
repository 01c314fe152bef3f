"""
## What it does
Reports a required section that appears more than once as a level-2 heading, counting
aliases as the same section ("Root Cause Analysis" and "Contributing Factors").

## Why it matters
Readers and the site take the first one; the second copy is either stale or holds content
nobody will see in the archive's summaries.

## Example
```markdown
## Root Cause Analysis
...
## Contributing Factors
```

## Use instead
```markdown
## Root Cause Analysis
### Contributing Factors
```
"""

from ..rule import Finding, Severity

CODE = "PM202"
NAME = "duplicate-section"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    first = {}
    for section in doc.top_sections:
        if not section.key:
            continue
        if section.key in first:
            earlier = first[section.key]
            message = (
                f"section `{section.title}` appears twice (first at line {earlier.line})"
                if section.title.lower() == earlier.title.lower()
                else f"section `{section.title}` repeats `{earlier.title}` (line {earlier.line})"
            )
            yield Finding(section.title_span, message, "Merge the two, or make one a level-3 subsection.")
        else:
            first[section.key] = section
