r"""
## What it does
Checks each reference in an action item's Tracking cell against the patterns of the
organisation's tracker: an issue URL of a code host, a ticket key. A link's target is
checked (`[OPS-123](https://…/browse/OPS-123)`), so is each bare reference; several are
separated by commas. An empty cell, `—` or `none` is no reference (PM318 decides whether
one is needed). Nothing is fetched: the check runs offline.

The `patterns` option holds regular expressions, each matched against a whole reference.
The defaults accept a ticket key (`OPS-123`), a GitHub or GitLab issue URL, GitHub's
`acme/checkout#87`, a Jira `/browse/KEY-123` URL and a Linear issue URL. Name your own tracker to accept only it:

```toml
[tool.postmortem.rules.PM317]
patterns = ['OPS-[0-9]+', 'https://github\.com/acme/[\w.-]+/issues/[0-9]+']
```

## Why it matters
The Tracking cell is how a reader, and the archive's action-item tracker, find where the
work is followed up. `ops 123`, a pull request, a Slack thread or a URL without an issue
number leads nowhere, and nobody notices until the item is overdue.

## Example
```markdown
| A1 | Add an alert on replication lag above 60 s | detect | sre-team | P1 | 2026-04-01 | open | ops 123 |
| A2 | Enable validation on borrow | prevent | payments-team | P1 | 2026-03-20 | open | https://github.com/acme/checkout/pull/88 |
```

## Use instead
```markdown
| A1 | Add an alert on replication lag above 60 s | detect | sre-team | P1 | 2026-04-01 | open | OPS-123 |
| A2 | Enable validation on borrow | prevent | payments-team | P1 | 2026-03-20 | open | https://github.com/acme/checkout/issues/87 |
```
"""

import re

from ..config import ConfigError
from ..rule import Finding, Severity
from ._tracking import is_empty, unmatched

CODE = "PM317"
NAME = "tracking-link-malformed"
SEVERITY = Severity.ERROR
OPTIONS = {
    "patterns": [
        r"[A-Z][A-Z0-9]{1,9}-[0-9]+",
        r"https://github\.com/[\w.-]+/[\w.-]+/issues/[0-9]+",
        r"[\w.-]+/[\w.-]+#[0-9]+",
        r"https://gitlab\.[\w.-]+(?:/[\w.-]+)+/-/(?:issues|work_items)/[0-9]+",
        r"https://[\w.-]+/browse/[A-Z][A-Z0-9]{1,9}-[0-9]+",
        r"https://linear\.app/[\w-]+/issue/[A-Z][A-Z0-9]{0,9}-[0-9]+(?:/[\w-]*)?",
    ]
}


def validate_options(options):
    for pattern in options.get("patterns") or []:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"[tool.postmortem.rules.{CODE}]: patterns: {pattern!r} is not a regular expression: {exc}") from None


def check(doc, ctx):
    patterns = ctx.cached(f"{CODE}-patterns", lambda _: [re.compile(p) for p in ctx.options["patterns"]], doc)
    for item in doc.actions:
        cell = item.cell("tracking")
        if is_empty(cell):
            continue
        bad = unmatched(cell.raw, patterns)
        if not bad:
            continue
        shown = ", ".join(f"`{ref}`" for ref in bad)
        yield Finding(
            cell.span,
            f"tracking reference{'s' if len(bad) > 1 else ''} {shown} of action item {item.id or '?'} "
            f"{'match' if len(bad) > 1 else 'matches'} no tracker pattern",
            "Give the ticket key (OPS-123) or the issue's URL; `postmortem explain PM317` shows the patterns.",
        )
