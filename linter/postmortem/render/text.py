"""Human-readable output: ``path:line:col: CODE [severity] message``, a hint, a summary line."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(diagnostics, summary, concise: bool = False) -> str:
    import click

    def style(text, **kw):
        return click.style(text, **kw) if summary.color else text

    lines = []
    for d in diagnostics:
        where = style(f"{d.path}:{d.line}:{d.col}:", bold=True)
        sev = style(f"[{d.severity}]", fg=_COLORS[d.severity])
        lines.append(f"{where} {style(d.code, fg=_COLORS[d.severity], bold=True)} {sev} {d.message}")
        if d.hint and not concise:
            lines.append(f"    {style('hint:', fg='cyan')} {d.hint}")
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
