"""The Markdown of a post-mortem page: the file's body with model-driven edits.

Every edit is placed by a position from the document model, never by reading Markdown here,
and applied with the linter's own :func:`postmortem.edits.apply_edits`:

- confidence markers (found in the model's prose blocks) become badges;
- the Status, Due and ID cells of the action-item table become a status badge, a due date
  that says when it is overdue, and an anchor the tracker links to;
- HTML comments (suppression directives; the model's ``Comment.span``) are dropped: with
  raw HTML escaped they would otherwise show as text.

The badges' HTML comes from the templates and reaches the page through placeholders
(:mod:`.tokens`).
"""

from __future__ import annotations

from datetime import date

from postmortem import metrics
from postmortem.edits import Edit, apply_edits
from postmortem.model import Document, Span
from postmortem.spec import CONFIDENCE_MARKER

from . import markup
from .templating import Templates
from .tokens import Tokens


def action_anchor(action_id: str) -> str:
    return f"action-{markup.slug(action_id)}"


def page_body(doc: Document, tokens: Tokens, today: date, templates: Templates) -> str:
    """The body of ``doc`` (frontmatter removed) with badges, as Markdown."""
    edits = [*_comment_edits(doc), *_action_edits(doc, tokens, today, templates), *_marker_edits(doc, tokens, templates)]
    lines = _edited_lines(doc, edits)
    return "\n".join(lines[doc.body_line - 1 :]).strip("\n") + "\n"


def without_comments(doc: Document) -> list[str]:
    """The file's lines with HTML comments removed (positions of other lines unchanged)."""
    return _edited_lines(doc, _comment_edits(doc))


def _edited_lines(doc: Document, edits: list[Edit]) -> list[str]:
    # Sorted by position: of two overlapping edits, the earlier one is kept.
    ordered = sorted(edits, key=lambda e: (e.span.line, e.span.col, e.span.end_line, e.span.end_col))
    return apply_edits(doc.source.text, ordered).split("\n")


def _one_line(span: Span) -> bool:
    return span.line == span.end_line and span.end_col >= span.col


def _marker_edits(doc: Document, tokens: Tokens, templates: Templates) -> list[Edit]:
    edits = []
    for block in doc.prose:
        if block.kind == "heading" or block.column in ("id", "status", "due"):
            continue
        for match in CONFIDENCE_MARKER.finditer(block.text):
            kind, note = match.group(1), match.group(2)
            if not note:
                span = block.span(match.start(), match.end())
                if _one_line(span):
                    edits.append(Edit(span, tokens.add(templates.marker(kind))))
                continue
            # Only "[KIND:" and "]": the note between may hold code, masked as spaces.
            opening = block.span(match.start(), match.start() + len(kind) + 2)
            closing = block.span(match.end() - 1, match.end())
            if _one_line(opening) and _one_line(closing):
                before, after = templates.marker_parts(kind)
                edits.append(Edit(opening, tokens.add(before)))
                edits.append(Edit(closing, tokens.add(after)))
    return edits


def _action_edits(doc: Document, tokens: Tokens, today: date, templates: Templates) -> list[Edit]:
    table = doc.table("actions")
    if table is None:
        return []
    edits = []
    for item in doc.actions:
        status = table.value(item.row, "status")
        if status is not None and status.raw:
            edits.append(Edit(status.span, tokens.add(templates.action_status_badge(item.status))))
        due = table.value(item.row, "due")
        if due is not None and due.raw:
            edits.append(Edit(due.span, tokens.add(templates.due(item.due_text, metrics.overdue_days(item, today)))))
        ident = table.value(item.row, "id")
        if ident is not None and ident.raw and item.id:
            edits.append(Edit(ident.span, tokens.add(templates.action_id(item.id, action_anchor(item.id)))))
    return edits


def _comment_edits(doc: Document) -> list[Edit]:
    """Remove every ``<!-- … -->`` the model found, keeping its line breaks."""
    return [Edit(c.span, "\n" * (c.span.end_line - c.span.line)) for c in doc.comments]
