"""Text edits, the one kind of change the linter and the site make to a post-mortem's text.

A rule's finding may carry an :class:`Edit` (its fix); the site uses edits to put badges
in place of status cells and to drop HTML comments. Both apply them with
:func:`apply_edits`, which keeps every character outside the edited spans, line endings
included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import LineIndex, Span

__all__ = ["Edit", "apply_edits", "overlapping"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` (1-based, end exclusive, may cover several lines)."""

    span: Span
    text: str

    @classmethod
    def delete(cls, span: Span) -> "Edit":
        return cls(span, "")

    def _bounds(self, index: LineIndex) -> tuple[int, int]:
        s = self.span
        return index.offset(s.line, s.col), index.offset(s.end_line, s.end_col)


def overlapping(a: Edit, b: Edit, index: LineIndex) -> bool:
    """True when the two edits touch the same text (two insertions at one place count)."""
    (a0, a1), (b0, b1) = a._bounds(index), b._bounds(index)
    return a0 < max(b1, b0 + 1) and b0 < max(a1, a0 + 1)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied, in order of position.

    An edit that overlaps one already taken is skipped (a fixer's next pass sees the result
    of the first). ``text`` may have LF, CRLF or CR line endings: spans count lines the
    same way for all three.
    """
    index = LineIndex(text)
    chosen: list[tuple[int, int, str]] = []
    for edit in edits:
        start, end = edit._bounds(index)
        if any(start < max(e, s + 1) and s < max(end, start + 1) for s, e, _ in chosen):
            continue
        chosen.append((start, end, edit.text))
    out, at = [], 0
    for start, end, replacement in sorted(chosen, key=lambda c: (c[0], c[1])):
        out.append(text[at:start])
        out.append(replacement)
        at = end
    out.append(text[at:])
    return "".join(out)
