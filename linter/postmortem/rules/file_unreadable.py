r"""
## What it does
Reports a file that cannot be read as a post-mortem: it does not exist any more, cannot be
opened, is larger than the configured `max-file-size` (1 MiB by default), has more than
10,000 lines or more than 50,000 Markdown markup characters (`|`, `[`, `!`, `*`, `_`, `<`,
`\`, `&`: table cells, links, emphasis, HTML), or is not valid UTF-8 (the diagnostic gives
the line and column of the first bad byte). Such a file is not parsed at all, so that no
input can make the linter hang or run out of memory.

## Why it matters
Nothing else can be checked in a file that cannot be decoded, and a post-mortem padded with
megabytes of pasted logs is unreadable for people too.

## Example
A file saved as Windows-1252 with `café` in the summary:
`postmortems/2026-03-04-db.md:12:7: PM001 invalid UTF-8: byte 0xE9 is not valid here (invalid continuation byte)`

## Use instead
Save post-mortems as UTF-8 (a BOM is accepted and ignored). Keep logs and dumps in the
incident ticket and link to them.
"""

from ..parse import UNREADABLE
from ..rule import Severity

CODE = "PM001"
NAME = "file-unreadable"
SEVERITY = Severity.ERROR
READS_UNREADABLE = True  # runs on files no other rule can check


def check(doc, ctx):
    yield from ctx.problems(doc, UNREADABLE)
