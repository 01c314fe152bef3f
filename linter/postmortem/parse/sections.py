"""Typed tables: the timeline, contributing-factor and action-item tables recognised by
their section and columns (``spec.TABLES``), and their rows turned into model objects."""

from __future__ import annotations

import re

from .. import spec
from ..model import ActionItem, ContributingFactor, Document, Row, Span, Table, TimelineEntry
from ..times import parse_clock, parse_date
from .source import TABLE, Problem


def type_tables(doc: Document) -> None:
    """Recognise the timeline, contributing-factor and action-item tables and type their rows."""
    for table in doc.tables:
        for kind, layout in spec.TABLES.items():
            if table.section != layout["section"]:
                continue
            columns = {}
            for index, cell in enumerate(table.header):
                key = spec.column_key(kind, cell.text)
                if key and key not in columns:
                    columns[key] = index
            if layout["signature"] not in columns:
                continue
            table.kind, table.columns = kind, columns
            column_at = {index: key for key, index in columns.items()}  # one key per header cell
            for index, cell in enumerate(table.header):
                cell.prose.column = column_at.get(index)
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    cell.prose.column = column_at.get(index)
            for row in table.rows:
                if row.raw_cell_count != len(table.header):
                    doc.problems.append(
                        Problem(
                            TABLE,
                            doc.source.line_span(row.line),
                            f"table row has {row.raw_cell_count} cells but the header has {len(table.header)}",
                            "Give every row one cell per column; escape a literal pipe as `\\|`.",
                        )
                    )
            missing = [c for c in layout["required"] if c not in columns]
            if missing:
                names = ", ".join(spec.TABLES[kind]["columns"][c][0] for c in missing)
                doc.problems.append(
                    Problem(
                        TABLE,
                        Span(table.line, 1, table.line, len(doc.source.lines[table.line - 1]) + 1),
                        f"{_TABLE_NAMES[kind]} table is missing column(s): {names}",
                        "Use the columns of the template: `postmortem new` writes them.",
                    )
                )
            _TYPERS[kind](doc, table)
            break


_TABLE_NAMES = {"timeline": "timeline", "factors": "contributing factors", "actions": "action items"}


def _text(table: Table, row: Row, column: str) -> str:
    cell = table.value(row, column)
    return cell.text if cell else ""


def _timeline(doc: Document, table: Table) -> None:
    day = doc.incident.started.date() if doc.incident.started else None
    tz = doc.incident.started.tzinfo if doc.incident.started else None
    for row in table.rows:
        time_text = _text(table, row, "time")
        parsed = parse_clock(time_text)
        when = None
        has_date = has_tz = False
        if parsed:
            row_day, clock, row_tz = parsed
            has_date, has_tz = row_day is not None, row_tz is not None
            day = row_day or day
            tz = row_tz or tz
            if day is not None and tz is not None:
                when = clock.replace(year=day.year, month=day.month, day=day.day, tzinfo=tz)
        doc.timeline.append(
            TimelineEntry(
                row,
                table,
                time_text,
                when,
                has_date,
                has_tz,
                _text(table, row, "event"),
                _text(table, row, "actor"),
                _text(table, row, "notes"),
            )
        )


def _factors(doc: Document, table: Table) -> None:
    for row in table.rows:
        doc.factors.append(
            ContributingFactor(
                row,
                table,
                _text(table, row, "id"),
                _text(table, row, "factor"),
                _text(table, row, "category"),
                _text(table, row, "contribution"),
                _text(table, row, "preventable"),
            )
        )


_ID_LIST = re.compile(r"[\s,;/]+")


def _actions(doc: Document, table: Table) -> None:
    for row in table.rows:
        due_text = _text(table, row, "due")
        addresses = [part for part in _ID_LIST.split(_text(table, row, "addresses")) if part and part != "—"]
        doc.actions.append(
            ActionItem(
                row,
                table,
                _text(table, row, "id"),
                _text(table, row, "action"),
                _text(table, row, "category"),
                _text(table, row, "owner"),
                _text(table, row, "priority"),
                due_text,
                parse_date(due_text),
                _text(table, row, "status"),
                _text(table, row, "tracking"),
                addresses,
            )
        )


_TYPERS = {"timeline": _timeline, "factors": _factors, "actions": _actions}
