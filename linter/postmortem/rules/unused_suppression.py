"""
## What it does
Reports a suppression comment that suppresses nothing, or that names a rule that does not
exist. Suppressions are HTML comments: `<!-- postmortem: disable=PM301 -->` silences the
named rules (codes or names, comma-separated) for the next block: the paragraph, list or
table right after it. `<!-- postmortem: disable-file=PM313 -->` silences them for the whole
file; without `=…`, every rule is silenced.

## Why it matters
A suppression outlives the text it was written for. Once the sentence is reworded, a stale
suppression hides the next real finding in that block.

## Example
```markdown
<!-- postmortem: disable=PM301 -->
| A1 | Add an alert on replication lag above 60 s | detect | ... |
```
(the action already starts with a verb: nothing to suppress)

## Use instead
Delete the comment.
"""

from ..rule import Finding, Severity, all_rules

CODE = "PM003"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING
AFTER_SUPPRESSION = True  # reads which suppression comments suppressed something


def check(doc, ctx):
    known = all_rules()
    for directive in ctx.suppressions:
        unknown = sorted((directive.codes or set()) - set(known))
        if unknown:
            message = f"suppression names unknown rule(s): {', '.join(unknown)}"
        elif directive.used:
            continue
        elif directive.codes is not None and not directive.codes & ctx.selected:
            continue  # the rules it names are not running: nothing to judge
        else:
            message = f"suppression `{directive.text}` suppresses nothing"
        line = directive.line
        yield Finding(doc.source.line_span(line), message, "Remove the comment.")
