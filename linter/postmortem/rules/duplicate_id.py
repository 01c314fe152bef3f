"""
## What it does
Reports a post-mortem whose `id` is already used by another file in the archive. The whole
archive folder is read for ids, so the rule is exact even when only a few files are linted
(as in a pre-commit run).

## Why it matters
Ids are how post-mortems link to each other (`related`) and how action items are tracked;
two incidents with one id make links point at the wrong incident.

## Example
`postmortems/2026-05-02-cdn.md` and `postmortems/2026-05-09-dns.md` both say
`id: PM-2026-021`.

## Use instead
Give the newer post-mortem the next free id; `postmortem new` picks it for you.
"""

from ..rule import Finding, Severity

CODE = "PM102"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
NEEDS_ARCHIVE = True


def check(doc, ctx):
    id_ = doc.incident.id
    if not id_ or ctx.archive is None or doc.frontmatter is None:
        return
    others = ctx.archive.others_with(id_, doc.path)
    if others:
        yield Finding(
            doc.frontmatter.span(("id",)),
            f"id {id_} is also used by {', '.join(sorted(others))}",
            "Ids are unique across the archive: `postmortem new` picks the next free one.",
        )
