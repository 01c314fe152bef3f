"""Text edits, the one kind of change the linter and the site make to a post-mortem's text.

A rule's finding may carry an :class:`Edit` (its fix); the site uses edits to put badges
in place of status cells and to drop HTML comments. Both apply them with
:func:`apply_edits`, which keeps every character outside the edited spans, line endings
included.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable

from .model import LineIndex, Span

__all__ = ["Edit", "apply_edits", "disjoint"]


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


def disjoint(edits: Iterable[Edit], index: LineIndex) -> list[int]:
    """Positions in ``edits`` of those that overlap none taken before them (two insertions
    at one place overlap): the first edit wins, and a fixer's next pass sees its result."""
    starts: list[int] = []  # of the taken edits, sorted; their extents never overlap
    ends: list[int] = []
    kept: list[int] = []
    for position, edit in enumerate(edits):
        start, end = edit._bounds(index)
        end = max(end, start + 1)  # an insertion occupies its place
        at = bisect.bisect_right(starts, start)
        if (at and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        kept.append(position)
    return kept


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied, in order of position.

    An edit that overlaps one taken before it is skipped (see :func:`disjoint`). ``text``
    may have LF, CRLF or CR line endings: spans count lines the same way for all three.
    """
    index = LineIndex(text)
    edits = list(edits)
    chosen = []
    for position in disjoint(edits, index):
        start, end = edits[position]._bounds(index)
        chosen.append((start, end, edits[position].text))
    out, at = [], 0
    for start, end, replacement in sorted(chosen, key=lambda c: (c[0], c[1])):
        out.append(text[at:start])
        out.append(replacement)
        at = end
    out.append(text[at:])
    return "".join(out)
