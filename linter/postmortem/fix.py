"""``postmortem lint --fix``: safe, mechanical fixes, applied by span to the original text.

A fix is data: an :class:`Edit` replaces the text of a one-line span with new text. The
functions below read the document model and propose edits; nothing here reads Markdown or
YAML. An edit that repairs a finding names the rule (``code``) and is applied only where
that rule reports a finding overlapping the edit's span, so ``--select``, ``--ignore``,
per-file ignores and suppression comments govern fixes exactly as they govern reports.
Edits with ``code=None`` tidy what no rule reports (trailing whitespace, the spelling of a
timezone, the padding of an aligned table).

The fixes:

* frontmatter ``severity`` and ``status`` in the wrong case or spacing (``sev2`` → ``SEV2``,
  ``In Review`` → ``in-review``), and action-item status, priority and category
  (``Done`` → ``done``, ``p1`` → ``P1``);
* dates written ``2026/04/01``, ``2026.04.01`` or ``2026-4-1`` → ``2026-04-01`` (due dates,
  ``published``, timestamps, timeline rows);
* timestamps and timeline times: ``+0100`` → ``+01:00``, ``utc`` → ``UTC``; in the
  frontmatter, a timestamp the schema refuses is rewritten ``2026-03-04T14:02:00Z``;
* trailing whitespace, except a Markdown hard line break (two spaces inside a paragraph)
  and anything in code blocks or YAML block scalars;
* aligned tables stay aligned: a table whose header is padded to line up the pipes is
  re-padded when cells change. Compact tables (``| a | b |`` without padding) are left
  as written.

Edits are applied to the file as read, line by line, so line endings (LF, CRLF, CR), a
byte-order mark and every byte outside the edited spans stay as they were. A file that
cannot be read or whose frontmatter does not parse is never changed. Fixing repeats until
nothing changes (each pass re-parses), so a second ``--fix`` changes nothing.
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
from typing import Iterable, Iterator

from .model import Document, Span
from .vocabulary import ACTION_CATEGORIES, ACTION_PRIORITIES, ACTION_STATUSES, TIMESTAMP_PATTERN, schema
from .parse import Limits, parse_bytes
from .times import parse_clock, parse_date, parse_timestamp

MAX_PASSES = 5
TIMESTAMP_KEYS = ("started", "detected", "acknowledged", "mitigated", "resolved")
BLOCKING = {"PM001", "PM002"}  # unreadable file, frontmatter that does not parse

# The rules whose findings have a fix here.
FIXABLE = {
    "PM101": "frontmatter value spelling, dates and timestamps",
    "PM312": "due dates written with / or . or without leading zeros",
    "PM314": "action-item status spelling",
    "PM315": "action-item priority spelling",
    "PM316": "action-item category spelling",
    "PM404": "timeline dates written with / or .",
}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` (on one line) with ``text``."""

    span: Span
    text: str
    code: str | None  # the rule whose finding this repairs; None: tidying no rule reports
    title: str


@dataclass
class FixResult:
    original: bytes
    fixed: bytes
    applied: list[Edit]

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


# --------------------------------------------------------------------------- value normalisation


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def canonical(value: str, allowed: Iterable[str]) -> str | None:
    """The allowed spelling ``value`` means (``In Progress`` → ``in-progress``), or None."""
    key = _key(value)
    return next((option for option in allowed if _key(option) == key), None)


_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_LOOSE_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_LOOSE_TIME = re.compile(
    r"^(?:(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?P<sep>[Tt]|\s+))?"
    r"(?P<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<space>\s*)(?P<tz>[Zz]|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def normalise_date(text: str) -> str | None:
    """``2026/4/1`` → ``2026-04-01``; None unless ``text`` is a year-month-day date."""
    match = _LOOSE_DATE.fullmatch(text.strip())
    if not match:
        return None
    fixed = f"{match[1]}-{int(match[3]):02d}-{int(match[4]):02d}"
    return fixed if parse_date(fixed) else None


def _zone(text: str | None) -> str:
    if not text:
        return ""
    if text.upper() in ("Z", "UTC", "GMT"):
        return text.upper()
    digits = text[1:].replace(":", "")
    return f"{text[0]}{digits[:2]}:{digits[2:]}"


def normalise_clock(text: str) -> str | None:
    """A timeline time with ISO date separators and a canonical zone; None if unreadable."""
    match = _LOOSE_TIME.match(text.strip())
    if not match:
        return None
    out = ""
    if match["date"]:
        day = normalise_date(match["date"])
        if day is None:
            return None
        out = day + ("T" if match["sep"] in "Tt" else " ")
    out += match["clock"]
    if match["tz"]:
        out += (" " if match["space"] else "") + _zone(match["tz"])
    return out if parse_clock(out) else None


def normalise_timestamp(text: str) -> str | None:
    """A frontmatter timestamp in the schema's form, ``2026-03-04T14:02:00Z``; None if unsure."""
    match = _LOOSE_TIME.match(text.strip())
    if not match or not match["date"] or not match["tz"]:
        return None
    day = normalise_date(match["date"])
    if day is None:
        return None
    clock = match["clock"]
    if len(clock.split(":")[0]) == 1:
        clock = "0" + clock
    zone = _zone(match["tz"])
    fixed = f"{day}T{clock}{'Z' if zone.isalpha() else zone}"
    return fixed if parse_timestamp(fixed) else None




# --------------------------------------------------------------------------- proposing edits


def propose(doc: Document) -> list[Edit]:
    """Every edit the model suggests, before checking them against findings."""
    if any(problem.code in BLOCKING for problem in doc.problems):
        return []
    edits: list[Edit] = []
    edits.extend(_frontmatter_edits(doc))
    edits.extend(_action_edits(doc))
    edits.extend(_timeline_edits(doc))
    edits.extend(_table_alignment_edits(doc))
    edits.extend(_trailing_whitespace_edits(doc))
    return edits


def _scalar_edit(doc: Document, path: tuple, value: str, fixed: str, code: str | None, title: str) -> Edit | None:
    """An edit of a frontmatter scalar, inside its quotes if it has them."""
    span = doc.frontmatter.positions.get(path)
    if span is None or span.line != span.end_line:
        return None
    line = doc.source.lines[span.line - 1]
    raw = line[span.col - 1 : span.end_col - 1]
    start, end = span.col, span.end_col
    if raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) >= 2:
        raw, start, end = raw[1:-1], start + 1, end - 1
    if raw != value:  # escapes or folding: the text is not the value; leave it alone
        return None
    return Edit(Span(span.line, start, span.line, end), fixed, code, title)


def _frontmatter_edits(doc: Document) -> Iterator[Edit]:
    fm = doc.frontmatter
    if fm is None:
        return
    properties = schema()["properties"]
    for key in ("severity", "status"):
        value = fm.data.get(key)
        allowed = properties[key]["enum"]
        if isinstance(value, str) and value not in allowed:
            meant = canonical(value, allowed)
            if meant:
                edit = _scalar_edit(doc, (key,), value, meant, "PM101", f"{key} {value!r} → {meant!r}")
                if edit:
                    yield edit
    pattern = TIMESTAMP_PATTERN
    for key in TIMESTAMP_KEYS:
        value = fm.data.get(key)
        if not isinstance(value, str):
            continue
        if pattern.match(value):  # valid: only tidy the offset (+0100 → +01:00)
            fixed, code = _OFFSET.sub(r"\1:\2", value), None
        else:
            fixed, code = normalise_timestamp(value), "PM101"
        if not fixed or fixed == value or not pattern.match(fixed):
            continue
        edit = _scalar_edit(doc, (key,), value, fixed, code, f"{key} {value!r} → {fixed!r}")
        if edit:
            yield edit
    value = fm.data.get("published")
    if isinstance(value, str) and parse_date(value) is None:
        fixed = normalise_date(value)
        if fixed:
            edit = _scalar_edit(doc, ("published",), value, fixed, "PM101", f"published {value!r} → {fixed!r}")
            if edit:
                yield edit


def _plain_cell(table, row, column):
    """The cell of ``column`` when its source text is exactly its plain text (no markup)."""
    cell = table.value(row, column)
    if cell is None or cell.raw != cell.text or cell.span.line != cell.span.end_line:
        return None
    return cell


def _action_edits(doc: Document) -> Iterator[Edit]:
    vocabularies = (
        ("status", ACTION_STATUSES, "PM314"),
        ("priority", ACTION_PRIORITIES, "PM315"),
        ("category", ACTION_CATEGORIES, "PM316"),
    )
    for table in doc.tables:
        if table.kind != "actions":
            continue
        for row in table.rows:
            for column, allowed, code in vocabularies:
                cell = _plain_cell(table, row, column)
                if cell is None or not cell.raw or cell.raw in allowed:
                    continue
                meant = canonical(cell.raw, allowed)
                if meant:
                    yield Edit(cell.span, meant, code, f"{column} {cell.raw!r} → {meant!r}")
            cell = _plain_cell(table, row, "due")
            if cell is not None and cell.raw and parse_date(cell.raw) is None:
                fixed = normalise_date(cell.raw)
                if fixed:
                    yield Edit(cell.span, fixed, "PM312", f"due {cell.raw!r} → {fixed!r}")


def _timeline_edits(doc: Document) -> Iterator[Edit]:
    for table in doc.tables:
        if table.kind != "timeline":
            continue
        for row in table.rows:
            cell = _plain_cell(table, row, "time")
            if cell is None or not cell.raw:
                continue
            fixed = normalise_clock(cell.raw)
            if fixed and fixed != cell.raw:
                code = "PM404" if parse_clock(cell.raw) is None else None
                yield Edit(cell.span, fixed, code, f"time {cell.raw!r} → {fixed!r}")


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
    """Display positions of the unescaped cell separators on a table line."""
    positions, width, escaped = [], 0, False
    for ch in line:
        if ch == "|" and not escaped:
            positions.append(width)
        escaped = ch == "\\" and not escaped
        width += display_width(ch)
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
                yield Edit(Span(number, 1, number, len(old) + 1), text, None, "realign table")


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
            yield Edit(Span(number, end + 1, number, len(text) + 1), "", None, "trailing whitespace")


# --------------------------------------------------------------------------- applying


_NEWLINE = re.compile(r"\r\n|\r|\n")


def apply(data: bytes, edits: list[Edit]) -> bytes:
    """``data`` with ``edits`` applied; everything outside them is kept byte for byte."""
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    parts = _NEWLINE.split(text)
    endings = _NEWLINE.findall(text)
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.span.line, []).append(edit)
    for number, line_edits in by_line.items():
        line = parts[number - 1]
        for edit in sorted(line_edits, key=lambda e: e.span.col, reverse=True):
            line = line[: edit.span.col - 1] + edit.text + line[edit.span.end_col - 1 :]
        parts[number - 1] = line
    out = "".join(part + ending for part, ending in zip(parts, endings + [""]))
    return (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8")


def _keeping_line_breaks(data: bytes, doc: Document, edits: list[Edit]) -> list[Edit]:
    """``edits`` without those that would empty a line between a lone CR and a LF: the two
    line breaks would then read as one CRLF, and the file would lose a line."""
    endings = _NEWLINE.findall(data.decode("utf-8", "replace"))
    lines = doc.source.lines

    def joins(edit: Edit) -> bool:
        span, number = edit.span, edit.span.line
        empties = edit.text == "" and span.end_line == number and span.col == 1 and span.end_col == len(lines[number - 1]) + 1
        return empties and 2 <= number <= len(endings) and endings[number - 2] == "\r" and endings[number - 1] == "\n"

    return [edit for edit in edits if not joins(edit)]


def _overlaps(edit: Edit, diag) -> bool:
    span = edit.span
    if not (diag.line <= span.line <= diag.end_line):
        return False
    start = diag.col if diag.line == span.line else 1
    end = diag.end_col if diag.end_line == span.line else 10**9
    return start < span.end_col and span.col < max(end, start + 1)


def _disjoint(edits: list[Edit]) -> list[Edit]:
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.code is None, e.span.line, e.span.col)):
        s = edit.span
        if any(c.span.line == s.line and c.span.col < max(s.end_col, s.col + 1) and s.col < max(c.span.end_col, c.span.col + 1) for c in chosen):
            continue  # the next pass sees the result of the first edit
        chosen.append(edit)
    return chosen


def fix_bytes(data: bytes, path: str, checker, limits: Limits = Limits()) -> FixResult:
    """Apply fixes to ``data`` until nothing changes.

    ``checker`` is a :class:`~postmortem.engine.Linter` running (at most) the rules in
    :data:`FIXABLE` that the user selected: an edit that names a rule is applied only where
    that linter reports a finding of the rule.
    """
    current = data
    applied: list[Edit] = []
    for _ in range(MAX_PASSES):
        doc = parse_bytes(current, path, limits)
        if any(problem.code in BLOCKING for problem in doc.problems):
            break
        proposals = propose(doc)
        if not proposals:
            break
        findings = checker.lint_document(doc, []) if any(e.code for e in proposals) else []
        wanted = [e for e in proposals if e.code is None or any(d.code == e.code and _overlaps(e, d) for d in findings)]
        chosen = _keeping_line_breaks(current, doc, _disjoint(wanted))
        if not chosen:
            break
        updated = apply(current, chosen)
        if updated == current:
            break
        applied.extend(chosen)
        current = updated
    return FixResult(data, current, applied)


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

    codes = sorted(set(FIXABLE) & linter.selected)
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
