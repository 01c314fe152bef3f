"""Building the edits that findings carry as their fix (``postmortem lint --fix``).

A fix only ever touches text that is exactly the value it replaces: a scalar written
with escapes or folded over lines, or a cell with markup, is left for a person.
"""

from __future__ import annotations

from ..edits import Edit
from ..model import Span


def scalar_edit(doc, path: tuple, value: str, fixed: str) -> Edit | None:
    """An edit of a frontmatter scalar to ``fixed``, inside its quotes if it has them."""
    span = doc.frontmatter.positions.get(path) if doc.frontmatter else None
    if span is None or span.line != span.end_line or fixed == value:
        return None
    line = doc.source.lines[span.line - 1]
    raw = line[span.col - 1 : span.end_col - 1]
    start, end = span.col, span.end_col
    if raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) >= 2:
        raw, start, end = raw[1:-1], start + 1, end - 1
    if raw != value:  # escapes or folding: the text is not the value
        return None
    return Edit(Span(span.line, start, span.line, end), fixed)


def cell_edit(cell, fixed: str | None) -> Edit | None:
    """An edit of a table cell to ``fixed`` when its source text is exactly its plain text."""
    if cell is None or fixed is None or fixed == cell.raw:
        return None
    if cell.raw != cell.text or cell.span.line != cell.span.end_line:
        return None
    return Edit(cell.span, fixed)
