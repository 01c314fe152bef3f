"""Parse a post-mortem file once into the :mod:`postmortem.model` objects.

This package is the only code that knows YAML and Markdown: :mod:`.source` reads and
decodes the file within limits, :mod:`.frontmatter` reads the YAML (every key and value
with its span), :mod:`.markdown` walks markdown-it-py's tokens (with line maps) into
sections, prose and tables, :mod:`.tables` splits table rows into cells, and
:mod:`.sections` types the timeline, contributing-factor and action-item tables.
Everything downstream works on the model.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..model import Document, Source, Span
from .frontmatter import read_frontmatter
from .markdown import parse_body
from .prose import frontmatter_prose
from .sections import type_tables
from .source import (
    FRONTMATTER,
    MARKUP_CHARS,
    TABLE,
    UNREADABLE,
    Limits,
    Problem,
    unreadable,
)

__all__ = ["FRONTMATTER", "TABLE", "UNREADABLE", "Limits", "Problem", "parse_bytes", "parse_file", "parse_text"]


def parse_file(path: str | Path, display: str | None = None, limits: Limits = Limits()) -> Document:
    """Read and parse ``path``. Never raises for bad content; problems land in ``doc.problems``."""
    name = display or str(path)
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            return unreadable(name, "cannot read file: it is a directory")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return unreadable(name, "cannot read file: not a regular file")
        size = info.st_size
        if size > limits.max_file_bytes:
            return unreadable(
                name,
                f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit for a post-mortem",
                "Move logs and dumps out of the post-mortem and link to them.",
            )
        data = Path(path).read_bytes()
    except OSError as exc:
        return unreadable(name, f"cannot read file: {exc.strerror or exc}")
    return parse_bytes(data, name, limits)


def parse_bytes(data: bytes, path: str, limits: Limits = Limits()) -> Document:
    if len(data) > limits.max_file_bytes:
        return unreadable(path, f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,}-byte limit")
    had_bom = data.startswith(b"\xef\xbb\xbf")
    if had_bom:
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc = Document(source=Source(path, "", [""]))
        doc.problems.append(Problem(UNREADABLE, Span(1, 1, 1, 2), "the file is UTF-16, not UTF-8", "Save the file as UTF-8."))
        return doc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # count lines and columns as the model does: CRLF and CR end a line too
        before = data[: exc.start].decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
        line = before.count("\n") + 1
        col = len(before) - before.rfind("\n")
        doc = Document(source=Source(path, "", [""], had_bom))
        doc.problems.append(
            Problem(
                UNREADABLE,
                Span(line, col, line, col + 1),
                f"invalid UTF-8: byte 0x{data[exc.start]:02X} is not valid here ({exc.reason})",
                "Save the file as UTF-8.",
            )
        )
        return doc
    return parse_text(text, path, had_bom=had_bom, limits=limits)


def parse_text(text: str, path: str = "<string>", had_bom: bool = False, limits: Limits = Limits()) -> Document:
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(path, text, text.split("\n"), had_bom, newline)
    count = len(source.lines) - (source.lines[-1] == "")  # a final newline ends a line, not starts one
    if count > limits.max_lines:
        return unreadable(
            path,
            f"file has {count:,} lines, over the {limits.max_lines:,}-line limit for a post-mortem",
            "Move logs and dumps out of the post-mortem and link to them.",
        )
    # Counted only in a text long enough to hold too many (eight scans of the whole text).
    markup = sum(text.count(ch) for ch in MARKUP_CHARS) if len(text) > limits.max_markup_chars else 0
    if markup > limits.max_markup_chars:
        return unreadable(
            path,
            f"file has {markup:,} Markdown markup characters ({' '.join(MARKUP_CHARS)}), "
            f"over the {limits.max_markup_chars:,} limit for a post-mortem",
            "Move logs, dumps and large tables out of the post-mortem and link to them.",
        )
    doc = Document(source=source)
    if not text.strip():
        doc.problems.append(Problem(FRONTMATTER, Span(1, 1, 1, 1), "file is empty", "Start from `postmortem new`."))
        return doc
    body_start = read_frontmatter(doc, limits)
    doc.frontmatter_prose = frontmatter_prose(doc)
    doc.body_line = body_start + 1
    body = "\n".join(source.lines[body_start:])
    parse_body(doc, body, body_start)
    type_tables(doc)
    return doc
