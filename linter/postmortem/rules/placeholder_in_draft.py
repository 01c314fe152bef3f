"""
## What it does
Warns about template placeholders (`{{ … }}`) and `TODO`, `TBD`, `FIXME` and `XXX` markers
left in a post-mortem whose `status` is `draft`: the same gaps PM205 reports as errors in
every other status.

To make them errors in drafts too, raise the rule's severity:

```toml
[tool.postmortem.rules.PM208]
severity = "error"
```

## Why it matters
A draft merged early, with its gaps in plain sight, is worth more than a polished document
weeks later. The warning keeps the gaps listed without blocking the merge; once the
post-mortem goes to review (`status: in-review`), PM205 blocks them.

## Example
```markdown
status: draft
...
The fix was rolled out at TBD.
```

## Use instead
```markdown
status: draft
...
The fix was rolled out at 15:20 UTC [UNCERTAIN: deploy log not yet checked].
```
"""

from ..rule import Finding, Severity
from ._workflow import DRAFT
from .placeholder_left import gaps

CODE = "PM208"
NAME = "placeholder-in-draft"
SEVERITY = Severity.WARNING
SUBSUMES = True  # as PM205: a finding inside a placeholder would only repeat "fill this in"


def check(doc, ctx):
    if doc.incident.status != DRAFT:
        return
    for finding in gaps(doc):
        yield Finding(finding.span, f"{finding.message} (in a draft)", f"{finding.hint} From `in-review` on, it is an error.")
