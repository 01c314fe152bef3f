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

from collections import Counter

from ._encode import dumps


def render(diagnostics, summary) -> str:
    """``json.dumps(..., indent=2, ensure_ascii=False)``, byte for byte, one finding at a time."""
    counts = Counter(str(d.severity) for d in diagnostics)
    totals = {name: counts.get(name, 0) for name in ("error", "warning", "info")}
    document = {"version": 1, "files": summary.files, "diagnostics": None, "summary": totals}
    return dumps(document, ("diagnostics",), (diagnostic.to_dict() for diagnostic in diagnostics))
