"""
## What it does
Reports confidence markers that the site cannot read or that lack their note. Paragraphs,
list items, headings and table cells are checked, for:

- a kind not in capitals: `[Estimate: log sample]`, `[assumption]`;
- an unknown kind: `[ASSUMED]`, `[ESTIMATED: …]`, `[UNCERTAINTY: …]`, `[UNVERIFIED]`;
- `[ESTIMATE]` without its method and `[UNCERTAIN]` without its reason, or with an empty
  note: `[UNCERTAIN:]`;
- spaces where the syntax has none: `[ ESTIMATE: …]`, `[ESTIMATE : …]`;
- a marker split over two lines of the file.

The accepted forms are `[ASSUMPTION]`, `[ESTIMATE: method]` and `[UNCERTAIN: reason]`.
Code, blockquotes and link texts are not checked. `--fix` rewrites a marker whose kind is
known and whose note is there into its accepted form on one line.

## Why it matters
The markers tell readers how far to trust a statement, and the site shows them as badges.
A marker it cannot read is shown as plain bracketed text, and an estimate without its
method or an uncertainty without its reason says "we are not sure" without saying why.

## Example
```markdown
About 400 users were affected [Estimate: sampled logs]. The cache was cold [ASSUMED].
The retry storm started the outage [UNCERTAIN:].
```

## Use instead
```markdown
About 400 users were affected [ESTIMATE: sampled logs]. The cache was cold [ASSUMPTION].
The retry storm started the outage [UNCERTAIN: the broker logs of that hour are gone].
```
"""

import re

from ..edits import Edit
from ..lazy_re import lazy
from ..rule import Finding, Severity
from ..spec import CONFIDENCE_MARKER

CODE = "PM209"
NAME = "confidence-marker-malformed"
SEVERITY = Severity.ERROR
FIX = "confidence marker spelling (`[Estimate: x]` -> `[ESTIMATE: x]`) and markers split over two lines"

# What each kind's note says, or None when the kind takes no note.
KINDS = {"ASSUMPTION": None, "ESTIMATE": "method", "UNCERTAIN": "reason"}
# Words that mean one of the kinds, and which: an unknown marker is one of these in brackets.
_NEAR = (
    (lazy(r"assum\w*|presum\w*|guess\w*", re.IGNORECASE), "ASSUMPTION"),
    (lazy(r"estim\w*|approx\w*|est", re.IGNORECASE), "ESTIMATE"),
    (lazy(r"uncertain\w*|unsure|unverified|unconfirmed|unclear|unknown", re.IGNORECASE), "UNCERTAIN"),
)
# One word in square brackets, optionally followed by a colon and a note.
_CANDIDATE = re.compile(r"\[(\s*)([A-Za-z]+)(\s*)(?:(:)([^\[\]]*))?\]")


def accepted(kind: str) -> str:
    note = KINDS[kind]
    return f"[{kind}: {note}]" if note else f"[{kind}]"


def check(doc, ctx):
    for block in doc.prose:
        if "[" not in block.text:
            continue
        for match in _CANDIDATE.finditer(block.text):
            finding = _judge(doc, block, match)
            if finding is not None:
                yield finding


def _judge(doc, block, match):
    lead, word, gap, colon, note = match.groups()
    kind = word.upper() if word.upper() in KINDS else _near(word)
    if kind is None:
        return None
    note_text = " ".join((note or "").split())
    text = match.group(0)
    shown = " ".join(text.split())
    span = block.span(match.start(), match.end())
    if word.upper() not in KINDS:
        if colon is None and not word.isupper():
            return None  # `[unknown]`, `[Guess]`: a word in brackets, not a marker
        return Finding(span, f"unknown confidence marker `{shown}`", f"Use {_forms(kind)}.")
    needs = KINDS[kind]
    if needs and not note_text:
        what = "an empty note" if colon else f"no {needs}"
        return Finding(span, f"confidence marker `{shown}` has {what}", f"Write `{accepted(kind)}`: say {_why(kind)}.")
    problems = []
    if word != kind:
        problems.append("its kind is not in capitals")
    if lead or gap:
        places = [place for place, space in (("after `[`", lead), ("before `:`", gap)) if space]
        problems.append(f"it has {'a space' if len(places) == 1 else 'spaces'} {' and '.join(places)}")
    if "\n" in text:
        problems.append("it is split over two lines")
    if not problems and CONFIDENCE_MARKER.fullmatch(text):
        return None
    if not problems:  # what the shared pattern rejects that the checks above do not name
        problems.append("the site cannot read it")
    fixed = f"[{kind}: {note_text}]" if note_text else f"[{kind}]"
    fix = _edit(doc, span, text, fixed)
    return Finding(
        span,
        f"confidence marker `{shown}` is malformed: {' and '.join(problems)}",
        f"Write `{fixed}` on one line" + ("; `postmortem lint --fix` rewrites it." if fix else "."),
        fix=fix,
    )


def _near(word: str) -> str | None:
    for pattern, kind in _NEAR:
        if pattern.fullmatch(word):
            return kind
    return None


def _forms(kind: str) -> str:
    others = " or ".join(f"`{accepted(other)}`" for other in KINDS if other != kind)
    return f"`{accepted(kind)}` (or {others})"


def _why(kind: str) -> str:
    return "how the figure was estimated" if kind == "ESTIMATE" else "why it could not be established"


def _edit(doc, span, text: str, fixed: str) -> Edit | None:
    """The fix, when the file holds exactly the marker's text there (whitespace aside)."""
    index = doc.source.index
    start, end = index.offset(span.line, span.col), index.offset(span.end_line, span.end_col)
    if doc.source.text[start:end].split() != text.split():
        return None
    return Edit(span, fixed)
