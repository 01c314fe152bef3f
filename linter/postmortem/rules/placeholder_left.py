"""
## What it does
Reports template placeholders (`{{ … }}`) left in the frontmatter or the text, and `TODO`,
`TBD`, `FIXME` and `XXX` markers in prose and tables. Code blocks are not checked.

In a post-mortem with `status: draft` these are warnings of PM208 instead, so a draft can be
merged early with honest gaps; from `in-review` on they are errors.

## Why it matters
A placeholder that reaches the archive reads as an unfinished investigation, and a
`{{ detected }}` timestamp silently drops the incident from MTTD figures.

## Example
```markdown
detected: "{{ when the first alert fired, ISO 8601 with timezone }}"
The fix was rolled out at TBD.
```

## Use instead
```markdown
detected: 2026-03-04T14:09:00Z
The fix was rolled out at 15:20 UTC.
```
"""

import re

from ..rule import Finding, Severity
from ..spec import PLACEHOLDER
from ._workflow import DRAFT
from ..lazy_re import lazy

CODE = "PM205"
NAME = "placeholder-left"
SEVERITY = Severity.ERROR
SUBSUMES = True  # a finding inside a placeholder would only repeat "fill this in"

_MARKER_WORDS = ("TODO", "TBD", "FIXME", "XXX")
_MARKER = lazy(r"\b(?:%s)\b" % "|".join(_MARKER_WORDS))


def check(doc, ctx):
    if doc.incident.status == DRAFT:
        return  # PM208 reports them, as warnings
    yield from gaps(doc)


def gaps(doc):
    """Unfilled placeholders and TODO-style markers (shared with PM208)."""
    fm = doc.frontmatter
    if fm is not None:
        yield from _frontmatter(fm, fm.data, ())
    # A block's text is the file's characters or spaces in their place: what the file does
    # not hold, no block holds, so most files skip the scans.
    source = doc.source.text
    placeholders = "{{" in source
    markers = any(word in source for word in _MARKER_WORDS)
    if not (placeholders or markers):
        return
    for block in doc.prose:
        for match in PLACEHOLDER.finditer(block.text) if placeholders else ():
            text = " ".join(match.group(0).split())
            yield Finding(block.span(match.start(), match.end()), f"unfilled placeholder {text}", "Replace it with the real content.")
        for match in _MARKER.finditer(block.text) if markers else ():
            yield Finding(block.span(match.start(), match.end()), f"`{match.group(0)}` left in the text", "Finish the sentence, or state what is unknown with [UNCERTAIN: reason].")


def _frontmatter(fm, value, path):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _frontmatter(fm, child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _frontmatter(fm, child, path + (index,))
    elif isinstance(value, str) and PLACEHOLDER.search(value):
        name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
        yield Finding(fm.span(path), f"unfilled placeholder in `{name}`: {' '.join(value.split())}", "Replace it with the real value.")
