"""The Markdown of a post-mortem page: the file's body with model-driven edits.

Every edit is placed by a position from the document model, never by reading Markdown here:

- confidence markers (found in the model's prose blocks) become badges;
- the Status, Due and ID cells of the action-item table become a status badge, a due date
  that says when it is overdue, and an anchor the tracker links to;
- HTML comments (suppression directives) are dropped: with raw HTML escaped they would
  otherwise show as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postmortem import metrics
from postmortem.model import Document, Span
from postmortem.spec import CONFIDENCE_MARKER

from . import markup
from .tokens import Tokens


@dataclass(frozen=True, order=True)
class Edit:
    line: int
    col: int
    end_col: int  # exclusive, on the same line
    text: str


def action_anchor(action_id: str) -> str:
    return f"action-{markup.slug(action_id)}"


def page_body(doc: Document, tokens: Tokens, today: date) -> str:
    """The body of ``doc`` (frontmatter removed) with badges, as Markdown."""
    edits = [*_comment_edits(doc), *_action_edits(doc, tokens, today), *_marker_edits(doc, tokens)]
    lines = _apply(list(doc.source.lines), edits)
    return "\n".join(lines[doc.body_line - 1 :]).strip("\n") + "\n"


def without_comments(doc: Document) -> list[str]:
    """The file's lines with HTML comments removed (positions of other lines unchanged)."""
    return _apply(list(doc.source.lines), _comment_edits(doc))


def _one_line(span: Span) -> bool:
    return span.line == span.end_line and span.end_col >= span.col


def _marker_edits(doc: Document, tokens: Tokens) -> list[Edit]:
    edits = []
    for block in doc.prose:
        if block.kind == "heading" or block.column in ("id", "status", "due"):
            continue
        for match in CONFIDENCE_MARKER.finditer(block.text):
            kind, note = match.group(1), match.group(2)
            if not note:
                span = block.span(match.start(), match.end())
                if _one_line(span):
                    edits.append(Edit(span.line, span.col, span.end_col, tokens.add(markup.marker(kind))))
                continue
            # Only "[KIND:" and "]": the note between may hold code, masked as spaces.
            opening = block.span(match.start(), match.start() + len(kind) + 2)
            closing = block.span(match.end() - 1, match.end())
            if _one_line(opening) and _one_line(closing):
                edits.append(Edit(opening.line, opening.col, opening.end_col, tokens.add(markup.marker_open(kind))))
                edits.append(Edit(closing.line, closing.col, closing.end_col, tokens.add(markup.MARKER_CLOSE)))
    return edits


def _action_edits(doc: Document, tokens: Tokens, today: date) -> list[Edit]:
    table = doc.table("actions")
    if table is None:
        return []
    edits = []
    for item in doc.actions:
        overdue = metrics.overdue_days(item, today)
        status = table.value(item.row, "status")
        if status is not None and status.raw:
            html = markup.action_status_badge(item.status, None)
            edits.append(Edit(status.span.line, status.span.col, status.span.end_col, tokens.add(html)))
        due = table.value(item.row, "due")
        if due is not None and due.raw:
            html = f'<span class="pm-due">{markup.esc(item.due_text)}</span>'
            if overdue:
                html = f'<span class="pm-due pm-due--overdue">{markup.esc(item.due_text)}</span> {markup.overdue_badge(overdue)}'
            edits.append(Edit(due.span.line, due.span.col, due.span.end_col, tokens.add(html)))
        ident = table.value(item.row, "id")
        if ident is not None and ident.raw and item.id:
            html = f'<span class="pm-action-id" id="{markup.attr(action_anchor(item.id))}">{markup.esc(item.id)}</span>'
            edits.append(Edit(ident.span.line, ident.span.col, ident.span.end_col, tokens.add(html)))
    return edits


def _comment_edits(doc: Document) -> list[Edit]:
    """Remove every ``<!-- … -->`` in the HTML blocks the model found comments in."""
    edits = []
    done: set[tuple[int, int]] = set()
    for comment in doc.comments:
        block = (comment.line, comment.end_line)
        if any(start <= comment.line <= end for start, end in done):
            continue
        done.add(block)
        lines = doc.source.lines
        line, col = comment.line, 0
        while line <= comment.end_line:
            text = lines[line - 1]
            start = text.find("<!--", col)
            if start < 0:
                line, col = line + 1, 0
                continue
            end_line, end = line, text.find("-->", start + 4)
            while end < 0 and end_line < comment.end_line:
                end_line += 1
                end = lines[end_line - 1].find("-->")
            if end < 0:
                break
            if end_line == line:
                edits.append(Edit(line, start + 1, end + 4, ""))
            else:
                edits.append(Edit(line, start + 1, len(text) + 1, ""))
                for middle in range(line + 1, end_line):
                    edits.append(Edit(middle, 1, len(lines[middle - 1]) + 1, ""))
                edits.append(Edit(end_line, 1, end + 4, ""))
            line, col = end_line, end + 3
    return edits


def _apply(lines: list[str], edits: list[Edit]) -> list[str]:
    """Apply non-overlapping edits; an edit that overlaps an earlier one is skipped."""
    by_line: dict[int, list[Edit]] = {}
    for edit in sorted(edits):
        kept = by_line.setdefault(edit.line, [])
        if kept and edit.col < kept[-1].end_col:
            continue
        kept.append(edit)
    for number, line_edits in by_line.items():
        text = lines[number - 1]
        for edit in reversed(line_edits):
            text = text[: edit.col - 1] + edit.text + text[edit.end_col - 1 :]
        lines[number - 1] = text
    return lines
