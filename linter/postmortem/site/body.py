"""The Markdown of a post-mortem page: the file's body with model-driven edits.

Every edit is placed by a position from the document model (kept in the post-mortem's
:class:`~.summary.Summary`), never by reading Markdown here,
and applied with the linter's own :func:`postmortem.edits.apply_edits`:

- confidence markers (found in the model's prose blocks: :attr:`.summary.Summary.markers`) become badges;
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

from . import markup
from .summary import Summary
from .templating import Templates
from .tokens import Tokens


def action_anchor(action_id: str) -> str:
    return f"action-{markup.slug(action_id)}"


def page_body(doc: Summary, tokens: Tokens, today: date, templates: Templates) -> str:
    """The body of ``doc`` (frontmatter removed) with badges, as Markdown."""
    edits = [*_comment_edits(doc), *_action_edits(doc, tokens, today, templates), *_marker_edits(doc, tokens, templates)]
    lines = _edited_lines(doc, edits)
    return "\n".join(lines[doc.body_line - 1 :]).strip("\n") + "\n"


def without_comments(doc: Summary) -> list[str]:
    """The file's lines with HTML comments removed (positions of other lines unchanged)."""
    return _edited_lines(doc, _comment_edits(doc))


def _edited_lines(doc: Summary, edits: list[Edit]) -> list[str]:
    # Sorted by position: of two overlapping edits, the earlier one is kept.
    ordered = sorted(edits, key=lambda e: (e.span.line, e.span.col, e.span.end_line, e.span.end_col))
    return apply_edits(doc.text, ordered).split("\n")


def _marker_edits(doc: Summary, tokens: Tokens, templates: Templates) -> list[Edit]:
    edits = []
    for marker in doc.markers:
        if marker.part == "whole":
            html = templates.marker(marker.kind)
        else:
            before, after = templates.marker_parts(marker.kind)
            html = before if marker.part == "open" else after
        edits.append(Edit(marker.span, tokens.add(html)))
    return edits


def _action_edits(doc: Summary, tokens: Tokens, today: date, templates: Templates) -> list[Edit]:
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


def _comment_edits(doc: Summary) -> list[Edit]:
    """Remove every ``<!-- … -->`` the model found, keeping its line breaks."""
    return [Edit(c.span, "\n" * (c.span.end_line - c.span.line)) for c in doc.comments]
