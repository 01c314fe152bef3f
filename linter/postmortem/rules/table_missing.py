"""
## What it does
Checks that the Timeline section holds a timeline table (Time, Event, Actor, Notes), that
the Action Items section holds an action-item table (ID, Action, Category, Owner,
Priority, Due, Status), and that the Root Cause Analysis section holds a contributing
factors table (ID, Factor, Category, Contribution, Preventable) or a "5 Whys" subsection.

## Why it matters
The tracker, the overdue report and the insights read these tables. Action items written as
a bullet list have no owner, due date or status anyone can follow up on.

## Example
```markdown
## Action Items
- Fix the alert
- Add retries
```

## Use instead
```markdown
## Action Items
| ID | Action | Category | Owner | Priority | Due | Status |
|----|--------|----------|-------|----------|-----|--------|
| A1 | Add an alert when queue depth exceeds 10,000 for 5 min | detect | sre-team | P1 | 2026-04-01 | open |
```
"""


from ..rule import Finding, Severity

CODE = "PM207"
NAME = "table-missing"
SEVERITY = Severity.ERROR

_NEEDS = {"timeline": ("timeline", "timeline table"), "action-items": ("actions", "action-item table")}


def check(doc, ctx):
    for key, (kind, what) in _NEEDS.items():
        section = doc.section(key)
        if section is not None and not any(t.kind == kind for t in doc.tables):
            yield Finding(section.title_span, f"the {section.title} section has no {what}", "Copy the table from the template (`postmortem new`).")
    section = doc.section("root-cause")
    if section is None or any(t.kind == "factors" for t in doc.tables):
        return
    if not doc.subsections("five-whys", within=section):
        yield Finding(
            section.title_span,
            f"the {section.title} section has neither a contributing factors table nor a 5 Whys subsection",
            "Add `### Contributing Factors` with the template's table, or `### 5 Whys`.",
        )
