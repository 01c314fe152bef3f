r"""Markdown tables: rows split into cells the way markdown-it splits them (one escaping
rule, ``\|``, for the parser and for ``--fix``), each cell with its span and prose."""

from __future__ import annotations

from functools import lru_cache

from ..model import Cell, ProseBlock, Row, Table
from .prose import mask_urls, masked, plain_text

def pipe_offsets(line: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the cell separators on a table row: every ``|`` not right after a
    backslash, as markdown-it's ``escapedSplit`` reads them (so ``\\|`` escapes too)."""
    end = len(line) if end is None else end
    found, find = [], line.find
    pos = find("|", start, end)
    while pos >= 0:
        if pos == 0 or line[pos - 1] != "\\":
            found.append(pos)
        pos = find("|", pos + 1, end)
    return found


def _row_segments(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell on a table row, splitting like markdown-it."""
    space = md_space()
    stripped_start = len(line) - len(line.lstrip(space))
    stripped_end = len(line.rstrip(space))
    bounds, start = [], stripped_start
    if "\\" in line:
        for pos in pipe_offsets(line, stripped_start, stripped_end):
            bounds.append((start, pos))
            start = pos + 1
        bounds.append((start, stripped_end))
    else:  # every pipe separates: the cells are the pieces of one split, read at C speed
        for piece in line[stripped_start:stripped_end].split("|"):
            end = start + len(piece)
            bounds.append((start, end))
            start = end + 1
    if bounds and bounds[0][0] == bounds[0][1]:
        bounds.pop(0)
    if bounds and bounds[-1][0] == bounds[-1][1]:
        bounds.pop()
    return bounds


def _cell(inline, line_text: str, line: int, bounds: tuple[int, int] | None, section: str | None, escapes: bool = True) -> Cell:
    """``escapes``: whether the row may hold a backslash (False only when it holds none)."""
    content = inline.content
    if bounds is None:
        start = max(0, line_text.find(content)) if content else 0
        raw = content
    else:
        start, end = bounds
        at = line_text.find(content, start, end) if content else -1
        if at >= 0 and (not escapes or line_text.find("\\", start, end) < 0) and (
            at == start or at == start + 1 and line_text[start] == " " or not line_text[start:at].strip(md_space())
        ):
            raw = content  # most cells: the content is a slice of the row, after markdown-it's spaces
            start = at
        else:
            raw_full = line_text[start:end]
            lead, length = _cell_extent(raw_full, content)
            raw = raw_full[lead : lead + length]
            if not raw:  # an empty cell: the gap between its pipes
                prose = ProseBlock("table-cell", "", section, None, [0], [(line, start + 1)])
                return Cell("", "", None, prose, (line, start + 1, end + 1))
            start += lead
    if escapes and "\\|" in raw:
        starts, origins = _escape_anchors(raw, line, start)
    else:
        starts, origins = [0], [(line, start + 1)]
    children = inline.children
    if children and len(children) == 1 and children[0].type == "text" and children[0].content == content:
        text, plain = mask_urls(content), content.strip()  # plain text, most cells: what masked() and plain_text() give
    else:
        text, plain = masked(inline, content), plain_text(inline)
    prose = ProseBlock("table-cell", text, section, None, starts, origins)
    return Cell(raw, plain, None, prose, (line, start + 1, start + 1 + len(raw)))  # its span made when read


def _escape_anchors(raw: str, line: int, start: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Anchor each run between escaped pipes: markdown-it drops the backslash of ``\\|``,
    so the cell's content is shorter than its source text by one character per escape."""
    starts, origins = [0], [(line, start + 1)]
    raw_pos, content_pos = 0, 0
    while raw_pos < len(raw):
        if raw[raw_pos] == "\\" and raw[raw_pos + 1 : raw_pos + 2] == "|":
            raw_pos += 1
            starts.append(content_pos)
            origins.append((line, start + raw_pos + 1))
        raw_pos += 1
        content_pos += 1
    return starts, origins


def _cell_extent(raw_full: str, content: str) -> tuple[int, int]:
    """(offset, length) in a cell's source text of markdown-it's trimmed ``content``.

    markdown-it trims its own set of whitespace (not Python's: U+0085 stays, for one) and
    drops the backslash of ``\\|``, so the cell is located by matching, not by ``strip()``.
    """
    if "\\" not in raw_full:  # no escaped pipes: content is a slice of the source
        lead = raw_full.find(content) if content else -1
        if lead == 0 or lead > 0 and not raw_full[:lead].strip(md_space()):
            return lead, len(content)
    for lead in range(len(raw_full) + 1):
        at = lead
        for ch in content:
            if ch == "|" and raw_full.startswith("\\|", at):
                at += 2
            elif raw_full[at : at + 1] == ch:
                at += 1
            else:
                break
        else:
            return lead, at - lead
        if lead < len(raw_full) and not raw_full[lead].isspace():
            break
    stripped = raw_full.strip(md_space())
    return len(raw_full) - len(raw_full.lstrip(md_space())), len(stripped)


def table_of_tokens(tokens, lines: list[str], offset: int, section: str | None) -> Table | None:
    header: list[Cell] = []
    rows: list[Row] = []
    row_cells: list[Cell] = []
    row_line = 0
    segments: list[tuple[int, int]] = []
    in_head = False
    align: list[str | None] = []
    row_text = ""
    escapes = False
    for token in tokens:
        kind = token.type  # most tokens are cells: inline first, then the rest
        if kind == "inline":
            index = len(row_cells)
            bounds = segments[index] if index < len(segments) else None
            row_cells.append(_cell(token, row_text, row_line, bounds, section, escapes))
        elif kind == "td_open" or kind == "td_close":
            continue  # a body cell's own tokens: its inline token holds all of it
        elif kind == "th_open" and in_head:
            style = str(token.attrs.get("style", ""))
            align.append(style.removeprefix("text-align:") if style.startswith("text-align:") else None)
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open" and token.map:
            row_line = offset + token.map[0] + 1
            row_text = lines[row_line - 1]
            segments = _row_segments(row_text)
            escapes = "\\" in row_text
            row_cells = []
        elif kind == "tr_close":
            if in_head:
                header = row_cells
            else:
                rows.append(Row(row_line, row_cells, len(segments)))
    if not header:
        return None
    first = offset + tokens[0].map[0] + 1
    last = offset + tokens[0].map[1]
    return Table(first, last, header, rows, section, align=align)


@lru_cache(maxsize=1)
def md_space() -> str | None:
    """The whitespace markdown-it trims off table rows and cells (None: Python's own set)."""
    try:
        from markdown_it.common.utils import MD_TRIM_CHARS
    except ImportError:  # markdown-it-py before 4 trims with str.strip()
        return None
    return MD_TRIM_CHARS
