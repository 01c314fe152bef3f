"""What the site keeps of one post-mortem: its :class:`Summary`, made once from the parsed
:class:`~postmortem.model.Document` and then the only thing the page builders read.

A parsed document holds markdown-it's tokens, every prose block and every table cell; the
site needs a small part of it: the typed frontmatter, the action-item and
contributing-factor tables, the sections, the comments, the positions of the confidence
markers, and the text. A summary holds just that, so a build keeps one per post-mortem
instead of a parse tree, and it is plain data: :func:`to_data` and :func:`from_data`
write it to and read it from the findings cache (:mod:`postmortem.cache`), so a build with
a warm cache parses only the post-mortems that changed.

The text is not written to the cache: it is the file's bytes, which the cache reads anyway
to find the entry (:func:`text_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from postmortem import metrics
from postmortem.model import ActionItem, Cell, Comment, ContributingFactor, Document, Incident, Row, Section, Span, Table
from postmortem.spec import CONFIDENCE_MARKER

FORMAT = 1  # bump when the layout of to_data changes

# The tables the pages read, and the typed rows each holds.
_TABLES = ("actions", "factors")


@dataclass(frozen=True, slots=True)
class Marker:
    """A confidence marker's place in the text: the whole ``[ESTIMATE]``, or the opening
    ``[ESTIMATE:`` and the closing ``]`` of a marker with a note (``part``)."""

    part: str  # whole | open | close
    kind: str  # ASSUMPTION | ESTIMATE | UNCERTAIN
    span: Span


@dataclass(eq=True)
class Summary:
    path: str
    text: str  # the decoded file, as the model has it (LF line ends, no BOM)
    incident: Incident
    body_line: int
    sections: list[Section]
    comments: list[Comment]
    markers: list[Marker]
    tables: list[Table]  # the action-item and contributing-factor tables, cells without prose
    actions: list[ActionItem]
    factors: list[ContributingFactor]
    counted: bool  # metrics.counted(doc)
    counted_restricted: bool  # metrics.counted(doc, include_restricted=True)
    problems: list = field(default_factory=list, compare=False, repr=False)  # not kept

    def table(self, kind: str) -> Table | None:
        return next((table for table in self.tables if table.kind == kind), None)

    def publishable(self, internal: bool) -> bool:
        return self.counted_restricted if internal else self.counted


def of(doc: Document) -> Summary:
    """The summary of a parsed document."""
    tables, rows = [], {}
    for kind in _TABLES:
        table = doc.table(kind)
        if table is None:
            continue
        copy = Table(table.line, table.end_line, [_bare(cell) for cell in table.header], [], table.section, table.kind,
                     dict(table.columns), list(table.align))
        for row in table.rows:
            rows[id(row)] = (copy, Row(row.line, [_bare(cell) for cell in row.cells], row.raw_cell_count))
            copy.rows.append(rows[id(row)][1])
        tables.append(copy)

    def moved(item):
        table, row = rows[id(item.row)]
        return type(item)(row=row, table=table, **_item_values(item))

    return Summary(
        path=doc.path,
        text=doc.source.text,
        incident=doc.incident,
        body_line=doc.body_line,
        sections=list(doc.sections),
        comments=list(doc.comments),
        markers=_markers(doc),
        tables=tables,
        actions=[moved(item) for item in doc.actions if id(item.row) in rows],
        factors=[moved(item) for item in doc.factors if id(item.row) in rows],
        counted=metrics.counted(doc),
        counted_restricted=metrics.counted(doc, include_restricted=True),
    )


def _bare(cell: Cell) -> Cell:
    return Cell(cell.raw, cell.text, cell.span, None)


def _markers(doc: Document) -> list[Marker]:
    """Confidence markers of the prose (not in headings, nor in id, status and due cells),
    where a badge can replace them: on one line."""
    found = []
    for block in doc.prose:
        if block.kind == "heading" or block.column in ("id", "status", "due"):
            continue
        for match in CONFIDENCE_MARKER.finditer(block.text):
            kind, note = match.group(1), match.group(2)
            if not note:
                span = block.span(match.start(), match.end())
                if _one_line(span):
                    found.append(Marker("whole", kind, span))
                continue
            # Only "[KIND:" and "]": the note between may hold code, masked as spaces.
            opening = block.span(match.start(), match.start() + len(kind) + 2)
            closing = block.span(match.end() - 1, match.end())
            if _one_line(opening) and _one_line(closing):
                found += [Marker("open", kind, opening), Marker("close", kind, closing)]
    return found


def _one_line(span: Span) -> bool:
    return span.line == span.end_line and span.end_col >= span.col


# --------------------------------------------------------------------------- plain data


def text_of(data: bytes) -> str:
    """The text the model makes of a file's bytes (as :func:`postmortem.parse.parse_bytes`)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def to_data(summary: Summary, data: bytes) -> dict | None:
    """``summary`` as JSON-ready data, or None when it would not read back the same (a
    frontmatter value JSON cannot hold, a text the bytes do not give back): such a summary
    is not cached."""
    try:
        if summary.text and text_of(data) != summary.text:
            return None
    except UnicodeDecodeError:
        return None
    out = {
        "format": FORMAT,
        "path": summary.path,
        "has_text": bool(summary.text),
        "incident": {f.name: _value(getattr(summary.incident, f.name)) for f in fields(Incident)},
        "body_line": summary.body_line,
        "sections": [[s.title, s.level, s.line, s.end_line, s.key, _span(s.title_span)] for s in summary.sections],
        "comments": [[c.line, c.end_line, c.text, list(c.next_block) if c.next_block else None, _span(c.span)]
                     for c in summary.comments],
        "markers": [[m.part, m.kind, _span(m.span)] for m in summary.markers],
        "tables": [_table(table) for table in summary.tables],
        "actions": [_row_item(summary, item) for item in summary.actions],
        "factors": [_row_item(summary, item) for item in summary.factors],
        "counted": [summary.counted, summary.counted_restricted],
    }
    try:
        if from_data(out, data) != summary:
            return None
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return out


def from_data(item: dict, data: bytes) -> Summary:
    """The summary ``to_data`` wrote; raises ValueError, TypeError, KeyError or IndexError
    on anything else."""
    if item["format"] != FORMAT:
        raise ValueError("another summary layout")
    written = item["incident"]
    incident = Incident(**{f.name: _typed(f.name, written[f.name]) for f in fields(Incident)})
    tables = [_read_table(raw) for raw in item["tables"]]
    return Summary(
        path=str(item["path"]),
        text=text_of(data) if item["has_text"] else "",
        incident=incident,
        body_line=int(item["body_line"]),
        sections=[Section(t, int(lv), int(a), int(b), k, Span(*s)) for t, lv, a, b, k, s in item["sections"]],
        comments=[Comment(int(a), int(b), t, tuple(n) if n else None, Span(*s)) for a, b, t, n, s in item["comments"]],
        markers=[Marker(part, kind, Span(*s)) for part, kind, s in item["markers"]],
        tables=tables,
        actions=[_read_item(ActionItem, raw, tables) for raw in item["actions"]],
        factors=[_read_item(ContributingFactor, raw, tables) for raw in item["factors"]],
        counted=bool(item["counted"][0]),
        counted_restricted=bool(item["counted"][1]),
    )


_DATETIMES = {"started", "detected", "acknowledged", "mitigated", "resolved"}


def _value(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _typed(name: str, value):
    if value is None:
        return None
    if name in _DATETIMES:
        return datetime.fromisoformat(value)
    if name == "published":
        return date.fromisoformat(value)
    return value


def _span(span: Span) -> list[int]:
    return [span.line, span.col, span.end_line, span.end_col]


def _cell(cell: Cell) -> list:
    return [cell.raw, cell.text, _span(cell.span)]


def _read_cell(raw: list) -> Cell:
    return Cell(raw[0], raw[1], Span(*raw[2]), None)


def _table(table: Table) -> dict:
    return {
        "line": table.line, "end_line": table.end_line, "header": [_cell(c) for c in table.header],
        "rows": [[row.line, row.raw_cell_count, [_cell(c) for c in row.cells]] for row in table.rows],
        "section": table.section, "kind": table.kind, "columns": table.columns, "align": table.align,
    }


def _read_table(raw: dict) -> Table:
    rows = [Row(int(line), [_read_cell(c) for c in cells], int(count)) for line, count, cells in raw["rows"]]
    return Table(int(raw["line"]), int(raw["end_line"]), [_read_cell(c) for c in raw["header"]], rows, raw["section"],
                 raw["kind"], {str(k): int(v) for k, v in raw["columns"].items()}, list(raw["align"]))


def _item_values(item) -> dict:
    """A typed row's own fields (its row and table apart)."""
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name not in ("row", "table")}


def _row_item(summary: Summary, item) -> dict:
    table = next(i for i, table in enumerate(summary.tables) if table is item.table)
    row = next(i for i, row in enumerate(item.table.rows) if row is item.row)
    values = {name: _value(value) for name, value in _item_values(item).items()}
    return {"table": table, "row": row, "values": values}


def _read_item(kind, raw: dict, tables: list[Table]):
    table = tables[raw["table"]]
    values = dict(raw["values"])
    if "due" in values and values["due"] is not None:
        values["due"] = date.fromisoformat(values["due"])
    return kind(row=table.rows[raw["row"]], table=table, **values)
