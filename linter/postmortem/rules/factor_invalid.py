"""
## What it does
Checks each row of the contributing factors table: the category is one of Technical,
Process, Human or External; the contribution is primary, contributing or minor; the
preventable column says yes, no or partially; the id is present and unique.

## Why it matters
The insights page counts factor categories across the archive to show where incidents
really come from; a free-text category is a factor nobody counts, and action items refer
to factors by id.

## Example
```markdown
| CF1 | Failover script assumed one replica | Tech | main | yes |
```

## Use instead
```markdown
| CF1 | Failover script assumed one replica | Technical | primary | yes |
```
"""

from ..vocabulary import FACTOR_CATEGORIES, FACTOR_CONTRIBUTIONS
from ..rule import Finding, Severity

CODE = "PM206"
NAME = "factor-invalid"
SEVERITY = Severity.ERROR

PREVENTABLE = ("yes", "no", "partially")


def check(doc, ctx):
    table = doc.table("factors")
    if table is None:
        return
    seen = {}
    for factor in doc.factors:
        row = factor.row
        id_cell = table.value(row, "id")
        if id_cell is not None:
            if not factor.id:
                yield Finding(id_cell.span, "contributing factor has no id", "Number factors CF1, CF2, … so action items can refer to them.")
            elif factor.id in seen:
                yield Finding(id_cell.span, f"factor id {factor.id} is used twice (line {seen[factor.id]})")
            else:
                seen[factor.id] = row.line
        checks = (
            ("category", factor.category, FACTOR_CATEGORIES),
            ("contribution", factor.contribution, FACTOR_CONTRIBUTIONS),
            ("preventable", factor.preventable, PREVENTABLE),
        )
        for column, value, allowed in checks:
            cell = table.value(row, column)
            if cell is None:
                continue
            if value.strip().lower() not in {a.lower() for a in allowed}:
                yield Finding(cell.span, f"{column} {value!r} is not one of {', '.join(allowed)}")
