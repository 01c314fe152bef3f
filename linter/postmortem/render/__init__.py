"""Renderers: pure functions from a list of diagnostics to output text.

Each takes ``(diagnostics, summary)`` and returns a string. ``summary`` is a
:class:`Summary` with file counts. Add a format by adding a module and a line to FORMATS.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Summary:
    files: int
    files_with_findings: int
    color: bool = False


FORMATS = {
    "text": "postmortem.render.text",
    "concise": "postmortem.render.text",
    "json": "postmortem.render.json_format",
}


def render(fmt: str, diagnostics, summary: Summary) -> str:
    module = import_module(FORMATS[fmt])
    if fmt == "concise":
        return module.render(diagnostics, summary, concise=True)
    return module.render(diagnostics, summary)
