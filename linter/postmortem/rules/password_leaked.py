"""
## What it does
Reports passwords pasted into a post-mortem: in a URL (`postgres://app:s3cret@db:5432/orders`),
in a connection string or on a command line (`Password=s3cret;`, `PGPASSWORD=s3cret`,
`--password=s3cret`), and assigned to a secret-sounding key in code or configuration
(`"api_key": "…"`, `password: s3cret` in a code block), and given in prose ("the password
was Tr0ub4dor&3", "pw: hunter2", "the password was changed to Welcome1"). Every part of the
file is checked. The patterns are those of detect-secrets' basic-auth and keyword detectors. The
message never shows the password, only its length.

Placeholders and references are not passwords: `$DB_PASSWORD`, `${PASSWORD}`, `<password>`,
`***`, `REDACTED`, `settings.DB_PASSWORD`, `getpass()`, `password=db_password`; nor is
`password = x` with spaces, which is code assigning a variable. In prose, only a value with
a digit or a symbol counts, so "the password was rotated", "the password is 12 characters",
"the password was sha256-hashed" and "pwd: /srv/app" are not reported. The `allow` option adds
glob patterns matched against the value.

## Why it matters
Connection strings are copied from dashboards and terminals into the timeline while the
incident is still running. Once published, the password is readable by everyone with
access to the archive and stays in the git history: it has to be changed.

## Example
```markdown
| 14:20 UTC | Connected with `psql postgres://admin:Tr0ub4dor@payments-db-eu/orders` | dba |
```

## Use instead
```markdown
| 14:20 UTC | Connected with `psql postgres://admin:<redacted>@payments-db-eu/orders` | dba |
```
"""

from ..rule import Finding, Severity
from ._secrets import allowed, passwords, span

CODE = "PM602"
NAME = "password-leaked"
SEVERITY = Severity.ERROR
OPTIONS = {"allow": []}


def check(doc, ctx):
    allow = ctx.options.get("allow") or []
    for hit in passwords(doc, ctx):
        if allowed(hit.value, allow, ()):
            continue
        yield Finding(
            span(doc, hit),
            f"{hit.kind} in the post-mortem ({len(hit.value)} characters, not shown)",
            "Change the password: it stays in the git history. Write `<redacted>` in its place.",
        )
