"""
## What it does
Checks that the file starts with a YAML frontmatter block (`---`, YAML, `---`) that parses
and is a mapping. Reports an empty file, a missing or unterminated block, YAML syntax
errors at their line and column, duplicate keys, and frontmatter that is a list or a
scalar. YAML aliases that expand to more than 5,000 values and nesting deeper than 32
levels are refused.

## Why it matters
The frontmatter is what the archive, the action-item tracker and the insights are built
from; a post-mortem whose metadata cannot be read is invisible to all of them.

## Example
```markdown
---
id: PM-2026-014
severity: SEV2
severity: SEV1
---
```

## Use instead
```markdown
---
id: PM-2026-014
severity: SEV1
---
```
"""

from ..parse import FRONTMATTER
from ..rule import Severity

CODE = "PM002"
NAME = "frontmatter-invalid"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    yield from ctx.problems(doc, FRONTMATTER)
