"""
## What it does
Reports credentials pasted into a post-mortem: cloud access keys (AWS, Azure storage), API
tokens (GitHub, GitLab, Slack, Stripe, SendGrid, Twilio, npm, PyPI, OpenAI and others),
JSON Web Tokens, private key blocks, and tokens in `Authorization` and `X-Api-Key` headers
as curl commands and request logs show them. Every part of the file is checked: the
frontmatter, the text, tables, code blocks, link targets and HTML comments. The detectors
are those of detect-secrets; the message shows at most the first four characters of the
value, never the value.

The example keys of AWS's documentation (`AKIAIOSFODNN7EXAMPLE`) and jwt.io's example token
are not reported. The `allow` option adds your own placeholders, as glob patterns matched
against the value:

```toml
[tool.postmortem.rules.PM601]
allow = ["AKIA*EXAMPLE", "ghp_0000*"]
```

## Why it matters
A post-mortem is read by the whole organisation and kept in git for ever. A key pasted from
a terminal can be used by anyone who can read the archive, and deleting the line later
leaves it in the history: a leaked credential has to be revoked, not just removed.

## Example
```markdown
The deploy job ran `aws s3 sync` with the key AKIAZ7VQ3J5X2MN4KD8P of the
build user.
```

## Use instead
```markdown
The deploy job ran `aws s3 sync` with the access key of the build user (since
revoked).
```
"""

from ..rule import Finding, Severity
from ._secrets import allowed, credentials, mask, span

CODE = "PM601"
NAME = "credential-leaked"
SEVERITY = Severity.ERROR
OPTIONS = {"allow": []}


def check(doc, ctx):
    allow = ctx.options.get("allow") or []
    for hit in credentials(doc, ctx):
        if allowed(hit.value, allow):
            continue
        where = span(doc, hit)
        if hit.kind == "private key":
            message = f"private key block ({where.end_line - where.line + 1} lines) in the post-mortem"
        else:
            message = f"{hit.kind} {mask(hit.value)} in the post-mortem"
        yield Finding(
            where,
            message,
            "Revoke it now: it stays in the git history. Then describe it instead "
            "(\"the build user's access key\").",
        )
