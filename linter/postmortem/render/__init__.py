"""Renderers: pure functions from a list of diagnostics to output text.

Each takes ``(diagnostics, summary)`` and returns a string. ``summary`` is a
:class:`Summary` with file counts and what some formats need besides the findings (the rule
catalogue for SARIF, the repository root for relative URIs). Add a format by adding a module
and a line to FORMATS.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Summary:
    """What the formats need besides the findings."""

    files: int
    files_with_findings: int
    color: bool = False
    rules: tuple = ()  # RuleInfo of every rule that ran (SARIF's rule catalogue)
    root: str | None = None  # absolute repository root; SARIF URIs are relative to it
    fixed: int = 0  # fixes applied by --fix
    quiet: bool = False  # text formats: findings only, no summary


FORMATS = {
    "text": "postmortem.render.text",
    "concise": "postmortem.render.text",
    "grouped": "postmortem.render.text",
    "json": "postmortem.render.json_format",
    "github": "postmortem.render.github",
    "sarif": "postmortem.render.sarif",
}


def render(fmt: str, diagnostics, summary: Summary) -> str:
    module = import_module(FORMATS[fmt])
    if fmt in ("concise", "grouped"):
        return module.render(diagnostics, summary, style=fmt)
    return module.render(diagnostics, summary)
