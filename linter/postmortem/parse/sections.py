"""Typed tables: the timeline, contributing-factor and action-item tables recognised by
their section and columns (``spec.TABLES``), and their rows turned into model objects."""

from __future__ import annotations

import re

from .. import spec
from ..model import ActionItem, ContributingFactor, Document, Span, Table, TimelineEntry
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
            keys = [column_at.get(index) for index in range(len(table.header))]
            # (a row has a cell per header cell; a cell past them would keep its column None)
            for cell, key in zip(table.header, keys):
                cell.prose.column = key
            for row in table.rows:
                for cell, key in zip(row.cells, keys):
                    cell.prose.column = key
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


def _texts(table: Table, columns: tuple[str, ...]):
    """Per row of ``table``, the plain text of each of ``columns`` ("" where the row has no
    such cell): the columns are looked up once per table, not once per cell."""
    indexes = [table.columns.get(column) for column in columns]
    for row in table.rows:
        cells = row.cells
        count = len(cells)
        yield row, [cells[index].text if index is not None and index < count else "" for index in indexes]


def _timeline(doc: Document, table: Table) -> None:
    day = doc.incident.started.date() if doc.incident.started else None
    tz = doc.incident.started.tzinfo if doc.incident.started else None
    for row, (time_text, event, actor, notes) in _texts(table, ("time", "event", "actor", "notes")):
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
        doc.timeline.append(TimelineEntry(row, table, time_text, when, has_date, has_tz, event, actor, notes))


def _factors(doc: Document, table: Table) -> None:
    for row, texts in _texts(table, ("id", "factor", "category", "contribution", "preventable")):
        doc.factors.append(ContributingFactor(row, table, *texts))


_ID_LIST = re.compile(r"[\s,;/]+")
_ACTION_COLUMNS = ("id", "action", "category", "owner", "priority", "due", "status", "tracking", "addresses")


def _actions(doc: Document, table: Table) -> None:
    for row, (id_, action, category, owner, priority, due_text, status, tracking, addressed) in _texts(table, _ACTION_COLUMNS):
        addresses = [part for part in _ID_LIST.split(addressed) if part and part != "—"]
        doc.actions.append(
            ActionItem(row, table, id_, action, category, owner, priority, due_text, parse_date(due_text), status, tracking, addresses)
        )


_TYPERS = {"timeline": _timeline, "factors": _factors, "actions": _actions}
