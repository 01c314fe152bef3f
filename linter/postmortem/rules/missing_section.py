"""
## What it does
Checks that every section required for the post-mortem's severity is present as a
level-2 heading (`## Timeline`). Headings are matched case-insensitively, ignoring
numbering and punctuation, with documented aliases ("Contributing Factors" counts as Root
Cause Analysis, "What Went Poorly" as What Could Improve, "Remediations" as Action Items).
A heading inside a code block or an HTML comment does not count.

By default every severity requires Summary, Impact, Timeline, Root Cause Analysis, What
Went Well, What Could Improve, Action Items and Lessons Learned; SEV1 and SEV2 also
require Stakeholder Communication. Change the sets with
`[tool.postmortem.required-sections]`.

When a level-2 heading the format does not know is close to an accepted name of the
missing section (`## What Went Badly Wrong`), the hint names that heading and the accepted
name to rename it to. A level-3 heading with the section's name is suggested as a
level-2 one only when promoting it moves no other heading.

## Why it matters
A post-mortem without a timeline or action items records that something happened but
not what the organisation learned or will change.

## Example
```markdown
## Summary
## Timeline
## Things we will change
```

## Use instead
```markdown
## Summary
## Timeline
## Action Items
```

Start from `postmortem new`, which writes every section of the template, or bring an
existing post-mortem in with `postmortem import`.
"""


from .. import spec
from ..model import Span
from ..vocabulary import SEVERITIES
from ..rule import Finding, Severity

CODE = "PM201"
NAME = "missing-section"
SEVERITY = Severity.ERROR

# How alike an unknown heading and an accepted name must be (difflib's ratio) to be named.
_CLOSE = 0.75
_KNOWN_EXTRAS = {spec.normalise_heading(name) for name in spec.KNOWN_EXTRAS}


def check(doc, ctx):
    severity = doc.incident.severity if doc.incident.severity in ctx.config.required_sections else SEVERITIES.values[-1]
    required = ctx.config.required_sections[severity]
    present = {section.key for section in doc.top_sections if section.key}
    for key in required:
        if key in present:
            continue
        title = spec.SECTIONS[key][0]
        line = _where(doc, key)
        yield Finding(Span.point(line), f"missing required section: {title} (required for {severity})", _hint(doc, key, title))


def closest_section(heading: str) -> tuple[str, str, float] | None:
    """``(key, accepted name, similarity)`` of the accepted section name closest to ``heading``."""
    from difflib import SequenceMatcher  # only for a missing or misnamed section

    wanted = spec.normalise_heading(heading)
    if not wanted:
        return None
    best = None
    for key, names in spec.SECTIONS.items():
        for name in names:
            ratio = SequenceMatcher(None, wanted, spec.normalise_heading(name)).ratio()
            if best is None or ratio > best[2]:
                best = (key, name, ratio)
    return best


def _hint(doc, key, title) -> str:
    for section in doc.top_sections:
        if section.key or spec.normalise_heading(section.title) in _KNOWN_EXTRAS:
            continue
        close = closest_section(section.title)
        if close and close[0] == key and close[2] >= _CLOSE:
            other = f" (or `## {close[1]}`)" if close[1] != title else ""
            return (f"Line {section.line} has `## {section.title}`, a heading this format does not know; the closest "
                    f"accepted name is `{close[1]}`: rename it `## {title}`{other}.")
    sub = next((s for s in doc.sections if s.level > 2 and s.key == key), None)
    if sub is not None:
        heading = f"`{'#' * sub.level} {sub.title}`"
        if _promotable(doc, sub):
            return f"Line {sub.line} has {heading}: make it a level-2 heading (`## {sub.title}`)."
        parent = next((s for s in reversed(doc.top_sections) if s.line < sub.line), None)
        inside = f" inside `## {parent.title}`" if parent else ""
        return (f"Add a `## {title}` section: {heading} on line {sub.line} is a sub-section{inside} and does not count "
                f"(making it level 2 would take the headings after it along).")
    return f"Add a `## {title}` section (also accepted: {', '.join(spec.SECTIONS[key][1:4])})."


def _promotable(doc, sub) -> bool:
    """Making ``sub`` level 2 moves no heading: no heading between it and the next level-2
    heading is above its own level, and none follows it at its own level."""
    if sub.level != 3:
        return False
    after = [s for s in doc.sections if s.line > sub.line]
    for section in after:
        if section.level <= 2:
            break
        if section.level <= sub.level:
            return False
    return True


def _where(doc, key):
    """The line of the first present section that should come after ``key``, else the last line."""
    order = spec.SECTION_ORDER
    later = set(order[order.index(key) + 1 :])
    for section in doc.top_sections:
        if section.key in later:
            return section.line
    return max(1, len(doc.source.lines) - (1 if doc.source.lines[-1] == "" else 0))
