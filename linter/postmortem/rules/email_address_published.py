"""
## What it does
Reports email addresses in the parts of a post-mortem the site publishes: the frontmatter
and the body, tables and code blocks included, HTML comments excluded. The message shows the
first character of the address and its domain.

Not reported: the names RFC 2606 reserves for examples (`example.com`, `*.example`,
`*.test`, `*.invalid`, `localhost`), role mailboxes (RFC 2142's `support@`, `security@`,
`postmaster@`… and `noreply@`), and addresses whose local part is a team or role of the
owner registry (`payments-team@…`). The `allow` option takes glob patterns matched against
the whole address, case-insensitively:

```toml
[tool.postmortem.rules.PM604]
allow = ["*@ourcompany.com"]
```

## Why it matters
The archive is read across the organisation; a customer's or a colleague's address in it
is personal data published beyond the people who needed it, and a blameless post-mortem
names roles, not people.

## Example
```markdown
The first report came from jane.doe@customer-corp.com at 14:05.
```

## Use instead
```markdown
The first report came from a customer's administrator at 14:05 (ticket SUP-4411).
```
"""

from ..rule import Finding, Severity
from ._secrets import allowed, emails, mask_email, span

CODE = "PM604"
NAME = "email-address-published"
SEVERITY = Severity.WARNING
OPTIONS = {"allow": []}


def check(doc, ctx):
    allow = [str(pattern).lower() for pattern in ctx.options.get("allow") or []]
    for hit in emails(doc, ctx.owners):
        if allowed(hit.value.lower(), allow, ()):
            continue
        yield Finding(
            span(doc, hit),
            f"email address {mask_email(hit.value)} is published with the post-mortem",
            "Name the role instead (\"the customer's administrator\"); write examples with example.com.",
        )
