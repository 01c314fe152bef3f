"""Shared helper for the timeline rules."""


def time_span(doc, entry):
    for table in doc.tables:
        if table.kind == "timeline" and table.line <= entry.row.line <= table.end_line:  # not `in rows`: quadratic
            cell = table.value(entry.row, "time")
            if cell is not None:
                return cell.span
    from ..model import Span

    return Span.point(entry.row.line)
