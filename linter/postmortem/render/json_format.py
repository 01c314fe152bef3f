"""Machine-readable output, stable across releases (version 1).

```json
{"version": 1, "files": 8, "diagnostics": [
  {"path": "postmortems/x.md", "line": 12, "col": 5, "end_line": 12, "end_col": 23,
   "code": "PM301", "name": "action-not-verb-first", "severity": "error",
   "message": "...", "hint": "..."}],
 "summary": {"error": 1, "warning": 0, "info": 0}}
```
Lines and columns are 1-based; ``end_col`` is exclusive.
"""

from __future__ import annotations

import json
from collections import Counter


def render(diagnostics, summary) -> str:
    counts = Counter(str(d.severity) for d in diagnostics)
    return json.dumps(
        {
            "version": 1,
            "files": summary.files,
            "diagnostics": [d.to_dict() for d in diagnostics],
            "summary": {name: counts.get(name, 0) for name in ("error", "warning", "info")},
        },
        indent=2,
        ensure_ascii=False,
    )
