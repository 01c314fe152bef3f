"""Shared helpers for the action-item field rules."""

from ..model import Span


def cell_span(table, item, column):
    cell = table.value(item.row, column) if table else None
    if cell is not None:
        return cell.span
    return Span.point(item.row.line)


def table_of(doc, item):
    for table in doc.tables:
        if table.kind == "actions" and item.row in table.rows:
            return table
    return None


def canonical(value: str, allowed) -> str | None:
    """The allowed spelling ``value`` means (``In Progress`` -> ``in-progress``), or None."""
    key = "".join(ch for ch in value.lower() if ch.isalnum())
    for option in allowed:
        if "".join(ch for ch in option.lower() if ch.isalnum()) == key:
            return option
    return None


def vocabulary(doc, column, allowed, what):
    """Findings for action items whose ``column`` is not exactly one of ``allowed``."""
    from ..rule import Finding

    for item in doc.actions:
        value = getattr(item, column).strip()
        span = cell_span(table_of(doc, item), item, column)
        if not value:
            yield Finding(span, f"action item {item.id or '?'} has no {what}", f"Use one of: {', '.join(allowed)}.")
            continue
        if value in allowed:
            continue
        meant = canonical(value, allowed)
        if meant:
            yield Finding(span, f"{what} {value!r} should be written {meant!r}", "`postmortem lint --fix` rewrites it.")
        else:
            yield Finding(span, f"unknown {what} {value!r}", f"Use one of: {', '.join(allowed)}.")
