"""``postmortem lint --fix``: apply the fixes that findings carry, and tidy the layout.

A rule's finding may carry a fix (an :class:`~postmortem.edits.Edit`, see
``rules/_fixes.py``); this module applies the fixes of the findings a lint run keeps, so
``--select``, ``--ignore``, per-file ignores and suppression comments govern fixes exactly
as they govern reports. Which rules fix what: ``postmortem rules`` and each rule's page.

Besides those fixes it tidies what no rule reports, as a formatter would: trailing
whitespace (except a Markdown hard line break and anything in code blocks or YAML block
scalars), the spelling of a valid offset or zone (``+0100`` -> ``+01:00``, ``utc`` ->
``UTC``), and the padding of an aligned table, so that a table whose header is padded to
line up the pipes stays aligned when cells change (compact tables stay compact).

Edits are applied to the file as read, so line endings (LF, CRLF, CR), a byte-order mark
and every character outside the edited spans stay as they were. A file that cannot be read
or whose frontmatter does not parse is never changed. Fixing repeats until nothing changes
(each pass re-parses), so a second ``--fix`` changes nothing.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .edits import Edit, apply_edits, disjoint
from .model import Document, Span
from .parse import Limits, parse_bytes
from .parse.tables import pipe_offsets
from .times import normalise_clock, parse_clock, tidy_offset
from .vocabulary import TIMESTAMP_KEYS, TIMESTAMP_PATTERN

MAX_PASSES = 5


@dataclass
class FixResult:
    original: bytes
    fixed: bytes
    applied: list[tuple[str | None, Edit]]  # (the rule whose finding it fixed, or None: tidying)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


# --------------------------------------------------------------------------- tidying


def tidy(doc: Document) -> list[Edit]:
    """Layout edits no rule reports: offsets, clock spelling, table padding, trailing spaces."""
    edits: list[Edit] = []
    edits.extend(_offset_edits(doc))
    edits.extend(_clock_edits(doc))
    edits.extend(_table_alignment_edits(doc))
    edits.extend(_trailing_whitespace_edits(doc))
    return edits


def _offset_edits(doc: Document) -> Iterator[Edit]:
    from .rules._fixes import scalar_edit

    fm = doc.frontmatter
    for key in TIMESTAMP_KEYS if fm is not None else ():
        value = fm.data.get(key)
        if isinstance(value, str) and TIMESTAMP_PATTERN.match(value):
            fixed = tidy_offset(value)
            edit = scalar_edit(doc, (key,), value, fixed) if TIMESTAMP_PATTERN.match(fixed) else None
            if edit:
                yield edit


def _clock_edits(doc: Document) -> Iterator[Edit]:
    """A readable timeline time spelled loosely (``+0100``, ``utc``); an unreadable one is
    a finding of its own, whose fix the rule carries."""
    from .rules._fixes import cell_edit

    for entry in doc.timeline:
        cell = entry.cell("time")
        if cell is not None and cell.raw and parse_clock(cell.raw) is not None:
            edit = cell_edit(cell, normalise_clock(cell.raw))
            if edit:
                yield edit


# --------------------------------------------------------------------------- tables


def display_width(text: str) -> int:
    """Columns a terminal or editor uses for ``text`` (wide East Asian characters count 2)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pipes(line: str) -> list[int]:
    """Display positions of the cell separators on a table line (the parser's escaping)."""
    positions, width, at = [], 0, 0
    for offset in pipe_offsets(line):
        width += display_width(line[at:offset])
        positions.append(width)
        at = offset
    return positions


def _pad(text: str, width: int, align: str | None) -> str:
    gap = width - display_width(text)
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def _delimiter(width: int, align: str | None) -> str:
    if align == "center":
        return ":" + "-" * (width - 2) + ":"
    if align == "right":
        return "-" * (width - 1) + ":"
    if align == "left":
        return ":" + "-" * (width - 1)
    return "-" * width


def _table_alignment_edits(doc: Document) -> Iterator[Edit]:
    lines = doc.source.lines
    for table in doc.tables:
        edit_lines = _aligned_table(table, lines)
        if edit_lines is None:
            continue
        for number, text in edit_lines:
            old = lines[number - 1]
            if text != old:
                yield Edit(Span(number, 1, number, len(old) + 1), text)


def _aligned_table(table, lines: list[str]) -> list[tuple[int, str]] | None:
    """The table's lines re-padded, or None when it is not written in the aligned style."""
    columns = len(table.header)
    rows = [table.header] + [row.cells for row in table.rows]
    numbers = [table.line, table.line + 1] + [row.line for row in table.rows]
    if columns < 1 or any(len(cells) != columns for cells in rows):
        return None
    if any(row.raw_cell_count != columns for row in table.rows):
        return None
    if numbers[-1] > len(lines) or len(set(numbers)) != len(numbers):
        return None
    texts = [lines[n - 1] for n in numbers]
    indent = texts[0][: len(texts[0]) - len(texts[0].lstrip(" "))]
    for text in texts:
        stripped = text.strip()
        if not text.startswith(indent) or text[len(indent) :].startswith(" ") or not (
            stripped.startswith("|") and stripped.endswith("|") and not stripped.endswith("\\|")
        ):
            return None  # indented differently, in a blockquote, or without outer pipes
    header_pipes, delimiter_pipes = _pipes(texts[0]), _pipes(texts[1])
    if header_pipes != delimiter_pipes or len(header_pipes) != columns + 1:
        return None
    padded_header = any(
        (end - start - 1) - display_width(cell.raw) > 2
        for cell, start, end in zip(table.header, header_pipes, header_pipes[1:])
    )
    if not padded_header and any(_pipes(text) != header_pipes for text in texts[2:]):
        return None  # compact style: the author did not align this table
    widths = [max(3, *(display_width(cells[j].raw) for cells in rows)) for j in range(columns)]
    align = list(table.align) + [None] * (columns - len(table.align))
    spaced = not re.match(r"^\s*\|[-:]", texts[1])

    def line(cells: list[str]) -> str:
        return indent + "| " + " | ".join(cells) + " |"

    out = [(numbers[0], line([_pad(c.raw, w, a) for c, w, a in zip(table.header, widths, align)]))]
    if spaced:
        out.append((numbers[1], line([_delimiter(w, a) for w, a in zip(widths, align)])))
    else:
        out.append((numbers[1], indent + "|" + "|".join(_delimiter(w + 2, a) for w, a in zip(widths, align)) + "|"))
    for row, number in zip(table.rows, numbers[2:]):
        out.append((number, line([_pad(c.raw, w, a) for c, w, a in zip(row.cells, widths, align)])))
    return out


# --------------------------------------------------------------------------- trailing whitespace


def _trailing_whitespace_edits(doc: Document) -> Iterator[Edit]:
    lines = doc.source.lines
    keep: set[int] = set()  # lines whose trailing whitespace is content
    strip: set[int] = set()  # lines where it is not
    for block in doc.code_blocks:
        keep.update(range(block.line, block.end_line + 1))
    fm = doc.frontmatter
    if fm is not None:
        strip.update((fm.start_line, fm.end_line))
        strip.update(span.line for span in fm.key_positions.values())
        for path, span in fm.positions.items():
            if path and isinstance(path[-1], int):
                strip.add(span.line)
        frontmatter = set(range(fm.start_line, fm.end_line + 1))
    else:
        frontmatter = set()
    for section in doc.sections:
        strip.add(section.line)
    for table in doc.tables:
        strip.update(range(table.line, table.end_line + 1))
    for block in doc.prose:
        if block.kind != "paragraph":
            continue
        numbers = block.lines
        for number in numbers[:-1]:
            if lines[number - 1].endswith("  "):
                keep.add(number)  # a hard line break
        strip.update(numbers)
    for number, text in enumerate(lines, start=1):
        if number in keep or text == text.rstrip():
            continue
        if number in strip or (not text.strip() and number not in frontmatter and number >= doc.body_line):
            end = len(text.rstrip())
            yield Edit(Span(number, end + 1, number, len(text) + 1), "")


# --------------------------------------------------------------------------- applying


_NEWLINE = re.compile(r"\r\n|\r|\n")


def apply(data: bytes, edits: list[Edit]) -> bytes:
    """``data`` with ``edits`` applied; everything outside them is kept byte for byte."""
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    return (b"\xef\xbb\xbf" if bom else b"") + apply_edits(text, edits).encode("utf-8")


def _keeping_line_breaks(data: bytes, doc: Document, edits: list[tuple]) -> list[tuple]:
    """``edits`` without those that would empty a line between a lone CR and a LF: the two
    line breaks would then read as one CRLF, and the file would lose a line."""
    endings = _NEWLINE.findall(data.decode("utf-8", "replace"))
    lines = doc.source.lines

    def joins(edit: Edit) -> bool:
        span, number = edit.span, edit.span.line
        empties = edit.text == "" and span.end_line == number and span.col == 1 and span.end_col == len(lines[number - 1]) + 1
        return empties and 2 <= number <= len(endings) and endings[number - 2] == "\r" and endings[number - 1] == "\n"

    return [pair for pair in edits if not joins(pair[1])]


def fix_bytes(data: bytes, path: str, checker, limits: Limits = Limits()) -> FixResult:
    """Apply fixes to ``data`` until nothing changes.

    ``checker`` is a :class:`~postmortem.engine.Linter` running the selected rules that
    can fix: the fixes of the findings it keeps are applied first, then the tidying.
    """
    current = data
    applied: list[tuple[str | None, Edit]] = []
    for _ in range(MAX_PASSES):
        doc = parse_bytes(current, path, limits)
        if doc.unreadable or doc.frontmatter_broken:
            break
        fixes = [(d.code, d.fix) for d in checker.lint_document(doc, []) if d.fix is not None]
        chosen = _keeping_line_breaks(current, doc, _disjoint(fixes + [(None, edit) for edit in tidy(doc)], doc))
        if not chosen:
            break
        updated = apply(current, [edit for _, edit in chosen])
        if updated == current:
            break
        applied.extend(chosen)
        current = updated
    return FixResult(data, current, applied)


def _disjoint(edits: list[tuple], doc: Document) -> list[tuple]:
    """The (code, edit) pairs whose edit overlaps none before it: the next pass sees the
    result of the first."""
    return [edits[position] for position in disjoint([edit for _, edit in edits], doc.source.index)]


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: a temporary file in the same folder, then os.replace."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def unified_diff(path: str, result: FixResult) -> str:
    """The change ``result`` would make, as a unified diff (``a/`` and ``b/`` prefixes)."""
    before = result.original.decode("utf-8", "replace").splitlines(keepends=True)
    after = result.fixed.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fix_files(linter, files: list[Path], limits: Limits | None = None) -> list[tuple[Path, FixResult]]:
    """Fix results for ``files`` under ``linter``'s rule selection; writes nothing."""
    from .archive import display_path
    from .engine import Linter
    from .rule import fixable

    codes = [code for code in fixable() if code in linter.selected]
    checker = Linter(linter.config, select=codes, ignore=[], today=linter.today)
    results = []
    for path in files:
        try:
            # Look before reading: a FIFO would block for ever, an oversized file fill memory.
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > linter.limits.max_file_bytes:
                continue  # the lint run reports it
            data = Path(path).read_bytes()
        except OSError:
            continue  # the lint run reports an unreadable file
        if len(data) > linter.limits.max_file_bytes:
            continue
        results.append((path, fix_bytes(data, display_path(path), checker, limits or linter.limits)))
    return results
