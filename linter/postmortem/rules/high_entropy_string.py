"""
## What it does
Reports random-looking strings that are probably secrets of a kind no detector knows: at
least `min-length` (20) characters of the base64 alphabet mixing upper- and lower-case
letters and digits, with a Shannon entropy above `entropy` (4.5) bits per character,
detect-secrets' measure and default for base64 strings. Every part of the file is checked.

Not reported: hexadecimal strings (commit hashes, digests, UUIDs, trace ids), paths and
names made of words (`checkout-api/Deployment/v2`), and what PM601 or PM602 already report.
The message shows at most the first four characters. The `allow` option takes glob patterns
matched against the string.

## Why it matters
Session cookies, signed URLs, webhook secrets and internal API keys have no recognisable
prefix. They end up in post-mortems the same way as the known kinds: pasted from a
request log or a terminal while the incident was running.

## Example
```markdown
The callback was signed with `whsec_Zq8Xy2Wv4Ut6Sr0Pq9On7Ml5Kj3Hg1Fe`.
```

## Use instead
```markdown
The callback was signed with the payment provider's webhook secret (rotated on 4 March).
```
"""

from ..rule import Finding, Severity
from ._secrets import BASE64_LIMIT, allowed, high_entropy, mask, span

CODE = "PM603"
NAME = "high-entropy-string"
SEVERITY = Severity.ERROR
OPTIONS = {"allow": [], "min-length": 20, "entropy": BASE64_LIMIT}


def check(doc, ctx):
    allow = ctx.options.get("allow") or []
    minimum = int(ctx.options.get("min-length", 20))
    limit = float(ctx.options.get("entropy", BASE64_LIMIT))
    for hit in high_entropy(doc, ctx, minimum, limit):
        if allowed(hit.value, allow):
            continue
        yield Finding(
            span(doc, hit),
            f"random-looking string {mask(hit.value)} may be a secret",
            "If it is a key, token or signature, revoke it and describe it instead; if it is not, "
            "add it to `allow` for PM603.",
        )
