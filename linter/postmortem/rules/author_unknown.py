"""
## What it does
Checks that each entry of `authors` is a team or role from the owner registry
(`postmortems/owners.yml`, or the file named by `owners` in `[tool.postmortem]`), and
suggests the closest known name. Skipped when there is no registry.

## Why it matters
Post-mortems are written by roles and teams, not named people: it keeps the document
about the system, and the archive stays correct when people change teams.

## Example
```yaml
authors: [jane.doe, payments]
```

## Use instead
```yaml
authors: [payments-team, incident-commander]
```
"""

from ..rule import Finding, Severity

CODE = "PM105"
NAME = "author-unknown"
READS_OWNERS = True  # the CLI says so when there is no registry to read
SEVERITY = Severity.ERROR


def check(doc, ctx):
    fm = doc.frontmatter
    owners = ctx.owners
    if fm is None or owners is None or not isinstance(fm.data.get("authors"), list):
        return
    for index, author in enumerate(fm.data["authors"]):
        if isinstance(author, str) and not owners.known(author):
            suggestion = owners.closest(author)
            yield Finding(
                fm.span(("authors", index)),
                f"author {author!r} is not a team or role in the owner registry",
                f"Did you mean {suggestion!r}?" if suggestion else f"Use a team or role listed in {owners.path.name}, or add it there.",
            )
