"""
## What it does
Reports phone numbers in the parts of a post-mortem the site publishes (everything but HTML
comments). Numbers are found and validated with libphonenumber, so dates, times, versions,
counts and ids are not mistaken for them. Numbers written in international form
(`+44 20 7946 0018`) are always checked; national forms such as `(415) 867-5309` or
`030 901820` for the regions named in the `regions` option (ISO 3166 codes; by default the
United States, the United Kingdom, Germany, France and Australia). A national form counts
when it is written as the region groups its numbers, starts with the trunk prefix `0` or an
area code in parentheses (or has North America's 3-3-4 digits), and is not glued to an id:
an order number written as one run of digits, `INV-0309-01820` or a version is not a phone
number. The message shows the country code and the last two digits.

Numbers reserved for fiction and documentation (North America's 555-0100 to 555-0199,
Ofcom's and ACMA's drama ranges) are not reported; the `allow` option takes glob patterns
matched against the number in E.164 form (`+4420*`).

```toml
[tool.postmortem.rules.PM605]
regions = ["US", "GB"]     # [] checks international forms only
allow = ["+18005550100"]   # the public support line
```

## Why it matters
A customer's or an engineer's phone number in the archive is personal data published far
beyond the people who needed it, and stays in the git history.

## Example
```markdown
The customer called the on-call engineer directly on +44 7911 123456.
```

## Use instead
```markdown
The customer called the on-call engineer directly instead of the support line.
```
"""

from ..rule import Finding, Severity
from ._secrets import DEFAULT_REGIONS, FICTIONAL_NUMBERS, allowed, mask_phone, phones, span

CODE = "PM605"
NAME = "phone-number-published"
SEVERITY = Severity.WARNING
OPTIONS = {"allow": [], "regions": list(DEFAULT_REGIONS)}


def check(doc, ctx):
    allow = ctx.options.get("allow") or []
    regions = [str(region).upper() for region in ctx.options.get("regions") or []]
    for hit in phones(doc, tuple(regions)):
        if allowed(hit.value, allow, FICTIONAL_NUMBERS):
            continue
        yield Finding(
            span(doc, hit),
            f"phone number {mask_phone(hit.value)} is published with the post-mortem",
            "Name the role or the channel instead (\"the support line\").",
        )
