"""Human-readable output.

``full`` (the default ``text`` format): ``path:line:col: CODE [severity] message`` and a hint
line per finding. ``concise``: the same without hints. ``grouped``: findings under a heading
per file, ``line:col CODE [severity] message``, with hints. Each ends with a summary line.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from ..diagnostics import Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(diagnostics, summary, concise: bool = False, style: str = "full") -> str:
    import click

    style = "concise" if concise else style

    def paint(text, **kw):
        return click.style(text, **kw) if summary.color else text

    def finding(d) -> str:
        sev = paint(f"[{d.severity}]", fg=_COLORS[d.severity])
        return f"{paint(d.code, fg=_COLORS[d.severity], bold=True)} {sev} {d.message}"

    lines = []
    if style == "grouped":
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            group = list(group)
            lines.append(paint(path, bold=True, underline=True) + ":")
            width = max(len(f"{d.line}:{d.col}") for d in group)
            for d in group:
                lines.append(f"  {f'{d.line}:{d.col}':<{width}}  {finding(d)}")
                if d.hint:
                    lines.append(f"  {'':<{width}}    {paint('hint:', fg='cyan')} {d.hint}")
            lines.append("")
    else:
        for d in diagnostics:
            lines.append(f"{paint(f'{d.path}:{d.line}:{d.col}:', bold=True)} {finding(d)}")
            if d.hint and style != "concise":
                lines.append(f"    {paint('hint:', fg='cyan')} {d.hint}")
    if summary.quiet:
        return "\n".join(lines).rstrip("\n")
    if summary.fixed:
        lines.append(f"Applied {summary.fixed} fix{'es' if summary.fixed != 1 else ''}.")
    lines.append(summary_line(diagnostics, summary))
    return "\n".join(lines)


def summary_line(diagnostics, summary) -> str:
    if summary.files == 0:
        return "No post-mortems found."
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if not diagnostics:
        return f"All checks passed ({files})."
    counts = Counter(d.severity for d in diagnostics)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True)]
    total = len(diagnostics)
    return f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {summary.files_with_findings} of {files}."
