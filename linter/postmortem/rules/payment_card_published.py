"""
## What it does
Reports payment card numbers anywhere in a post-mortem, HTML comments included. A card
number is 13 to 19 digits that fall in a card network's number ranges and lengths (Visa,
Mastercard, American Express, Discover, Diners Club, JCB, UnionPay, Maestro) and pass the
Luhn checksum, written in one run (`4929123456781236`) or grouped as cards are printed
(`4929 1234 5678 1236`, `3412-345678-90127`). Order numbers, timestamps, ids and versions almost never pass all
three tests. The networks' published test numbers (`4242 4242 4242 4242`,
`4111 1111 1111 1111`, …) are not reported; the `allow` option adds glob patterns matched
against the digits. The message shows the network and the last four digits only.

## Why it matters
A card number in a post-mortem puts the archive, and every clone of the repository, in
scope of the card industry's data security rules, and the customer's card has to be
replaced. It stays in the git history after it is deleted.

## Example
```markdown
| 14:20 UTC | Support confirmed the duplicate charge on card 4929 1234 5678 1236 | support lead |
```

## Use instead
```markdown
| 14:20 UTC | Support confirmed the duplicate charge on the customer's card (payment id in SUP-4411) | support lead |
```
"""

from ..rule import Finding, Severity
from ._secrets import allowed, cards, span

CODE = "PM606"
NAME = "payment-card-published"
SEVERITY = Severity.ERROR
OPTIONS = {"allow": []}


def check(doc, ctx):
    allow = ctx.options.get("allow") or []
    for hit in cards(doc):
        if allowed(hit.value, allow, ()):
            continue
        yield Finding(
            span(doc, hit),
            f"payment card number ({hit.kind}, ending {hit.value[-4:]}) in the post-mortem",
            "Remove it and refer to the payment by its id in the payment system; the card stays in the git history.",
        )
