"""GitHub Actions output: one workflow command per finding, then a plain summary.

```
::error file=postmortems/x.md,line=12,col=5,endLine=12,endColumn=23,title=PM301::message%0Ahint: ...
```
Errors become ``error``, warnings ``warning`` and infos ``notice`` annotations. GitHub shows
only the first few annotations of each level per step, so every finding is also listed as a
plain line inside a collapsed group, followed by the usual summary line. Command processing
is paused around that list (``::stop-commands::``), so text quoted from a post-mortem can
never be read as a workflow command.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from ..diagnostics import Severity
from .text import summary_line

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SHOWN_PER_LEVEL = 10  # annotations GitHub displays per level and step


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): the message escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d) -> str:
    properties = {
        "file": d.path.replace("\\", "/"),
        "line": d.line,
        "col": d.col,
        "endLine": d.end_line,
        "endColumn": d.end_col,
        "title": d.code,
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    return f"::{LEVELS[d.severity]} {props}::{escape_data(message)}"


def render(diagnostics, summary) -> str:
    lines = [annotation(d) for d in diagnostics]
    if diagnostics:
        levels = Counter(LEVELS[d.severity] for d in diagnostics)
        hidden = any(count > SHOWN_PER_LEVEL for count in levels.values())
        title = f"All {len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}"
        if hidden:
            title += f" (GitHub shows at most {SHOWN_PER_LEVEL} annotations of each level per step)"
        plain = [
            f"{d.path}:{d.line}:{d.col}: {d.code} [{d.severity}] {d.message}".replace("\r", " ").replace("\n", " ")
            for d in diagnostics
        ]
        token = hashlib.sha256("\n".join(plain).encode("utf-8")).hexdigest()[:32]
        lines.append(f"::group::{escape_data(title)}")
        lines.append(f"::stop-commands::{token}")
        lines.extend(plain)
        lines.append(f"::{token}::")
        lines.append("::endgroup::")
    lines.append(summary_line(diagnostics, summary))
    return "\n".join(lines)
