"""
## What it does
Warns about a contributing factor that no action item addresses and whose post-mortem does
not say why. It checks factors from the contribution level `min-contribution` up (default
`contributing`); `primary` factors are PM305's, which accepts no reason. A factor is
addressed when its id is in the Addresses column of an action item; an item marked
`wont-do` counts, since the decision is recorded with it.

A stated reason is a "no action" phrase (`no action because …`, `not addressed: …`,
`accepted risk`, `out of our control`, `outside our control`) in the factor's own row, or in
a sentence of the text that names the factor's id:

```markdown
CF5 needs no action: Android batches crash uploads, which no app change can alter.
```

```toml
[tool.postmortem.rules.PM307]
min-contribution = "minor"   # every factor needs an action or a reason
```

## Why it matters
A contributing factor nobody acts on stays in place for the next incident. Sometimes that
is the right call (the factor is outside the organisation's control, or not worth the
cost), but then the reader should see the decision, not guess at an oversight.

## Example
```markdown
| CF3 | Staging and production pool settings drifted apart | Process | contributing | yes |
```
(and no action item lists CF3)

## Use instead
```markdown
| A4 | Move pool settings into the shared service configuration | prevent | platform-team | P2 | 2026-06-30 | open | CF3 |
```
or say why there is none: "No action for CF3 because the staging cluster is retired in May."
"""

import re

from ..config import ConfigError
from ..lazy_re import Caseless, lazy
from ..model import Span
from ..rule import Finding, Severity
from ..vocabulary import FACTOR_CONTRIBUTIONS

CODE = "PM307"
NAME = "factor-unaddressed"
SEVERITY = Severity.WARNING
OPTIONS = {"min-contribution": FACTOR_CONTRIBUTIONS.values[1]}

_PRIMARY = FACTOR_CONTRIBUTIONS.values[0]  # PM305's
# Phrases that state why a factor gets no action.
REASON = Caseless(
    r"\bno\s+(?:(?:further|follow[- ]up|corrective)\s+)?(?:action|actions|action\s+items?)\b"
    r"|\bnot\s+(?:be\s+)?(?:addressed|actioned|actionable)\b"
    r"|\b(?:won['’]?t|will\s+not)\s+(?:be\s+)?(?:addressed|actioned)\b"
    r"|\baccept(?:ed|s|ing)?\s+(?:the\s+|this\s+|as\s+an?\s+)?risk\b|\brisk\s+(?:is\s+|was\s+)?accepted\b"
    r"|\b(?:out|outside|beyond)\s+(?:of\s+)?(?:our|the\s+organisation['’]s|the\s+organization['’]s)\s+control\b"
    r"|\bout\s+of\s+scope\b",
)
_SENTENCE_END = lazy(r"(?<=[.!?;])\s+|\n\s*\n")


def validate_options(options):
    level = options.get("min-contribution")
    if level not in FACTOR_CONTRIBUTIONS:
        raise ConfigError(
            f"[tool.postmortem.rules.{CODE}]: min-contribution must be one of {', '.join(FACTOR_CONTRIBUTIONS)}, not {level!r}"
        )


def check(doc, ctx):
    if doc.table("factors") is None or doc.table("actions") is None:
        return
    limit = FACTOR_CONTRIBUTIONS.rank(ctx.options["min-contribution"])
    actions = doc.table("actions")
    if "addresses" not in actions.columns:
        yield from _no_addresses_column(doc, actions, limit)
        return
    addressed = {ref.strip().upper() for item in doc.actions for ref in item.addresses}
    sentences = None
    for factor in doc.factors:
        fid = factor.id.strip()
        level = FACTOR_CONTRIBUTIONS.canonical(factor.contribution)
        if not fid or level is None or level == _PRIMARY or FACTOR_CONTRIBUTIONS.rank(level) > limit:
            continue
        if fid.upper() in addressed or any(REASON.occurs(cell.text) for cell in factor.row.cells):
            continue
        if sentences is None:
            sentences = _reasons(doc)
        mention = re.compile(rf"(?<![\w-]){re.escape(fid)}(?![\w-])", re.IGNORECASE)
        if any(mention.search(sentence) for sentence in sentences):
            continue
        cell = factor.cell("id")
        yield Finding(
            cell.span if cell is not None else Span.point(factor.row.line),
            f"{level} factor {fid} is not addressed by any action item, and no reason is given",
            f"List {fid} in the Addresses column of an action item, or say why there is none "
            f"(\"No action for {fid} because …\").",
        )


def _no_addresses_column(doc, actions, limit: int):
    """One finding on the table's header, unless PM305 already reports the missing column
    (it does when there is a primary factor)."""
    if any(factor.primary for factor in doc.factors):
        return
    ids = [
        factor.id.strip() for factor in doc.factors
        if factor.id.strip() and (level := FACTOR_CONTRIBUTIONS.canonical(factor.contribution)) is not None
        and FACTOR_CONTRIBUTIONS.rank(level) <= limit
    ]
    if ids:
        yield Finding(
            doc.source.line_span(actions.line),
            f"the action items table has no Addresses column, so factor(s) {', '.join(ids)} cannot be traced to an action",
            "Add an Addresses column listing the factor ids (CF1, CF2) each action addresses.",
        )


def _reasons(doc) -> list[str]:
    """Sentences of the text (table cells included) that state a reason for no action."""
    out = []
    for block in doc.prose:
        if not REASON.occurs(block.text):  # most blocks: no reason anywhere, no sentence to split
            continue
        for sentence in _SENTENCE_END.split(block.text):
            if REASON.occurs(sentence):
                out.append(sentence)
    return out
