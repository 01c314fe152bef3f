"""Prose blocks: a paragraph's, heading's or cell's text with everything that is not prose
(inline code, raw HTML, link destinations, bare URLs, markup) blanked out, so offsets
into the text map back to the file."""

from __future__ import annotations

import re

from ..model import ProseBlock
from ..lazy_re import lazy

_URL = lazy(r"(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[a-z0-9-]+\.[^\s<>()\[\]]+", re.IGNORECASE)


def plain_text(inline) -> str:
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def masked(inline, content: str) -> str:
    """``content`` with everything but prose text replaced by spaces (newlines kept)."""
    children = inline.children or ()
    if len(children) == 1 and children[0].type == "text" and children[0].content == content:
        return mask_urls(content)  # plain text, the common case in tables
    out = ["\n" if ch == "\n" else " " for ch in content]
    cursor = 0
    autolink = 0
    for child in inline.children or ():
        kind = child.type
        if kind == "link_open" and child.markup in ("autolink", "linkify"):
            autolink += 1
        elif kind == "link_close" and child.markup in ("autolink", "linkify"):
            autolink -= 1
        elif kind in ("text", "text_special"):
            raw = child.content if kind == "text" else child.markup
            if not raw:
                continue
            at = content.find(raw, cursor)
            if at < 0:
                continue
            if not autolink:
                out[at : at + len(raw)] = raw
            cursor = at + len(raw)
        elif kind == "code_inline":
            opening = content.find(child.markup, cursor)
            if opening >= 0:
                closing = content.find(child.markup, opening + len(child.markup))
                if closing >= 0:
                    cursor = closing + len(child.markup)
        elif kind == "html_inline":
            at = content.find(child.content, cursor)
            if at >= 0:
                cursor = at + len(child.content)
    return mask_urls("".join(out))


def mask_urls(text: str) -> str:
    if "://" not in text and ("." not in text or "www." not in text.lower()):
        return text
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


def paragraph_prose(inline, lines: list[str], first: int) -> ProseBlock:
    content = inline.content
    starts, origins = [], []
    offset = 0
    # markdown-it trims lines of exotic whitespace (U+00A0, U+2028, U+000B) off the front
    # of a paragraph: a line without a visible character cannot hold the first line of
    # text, nor can a list item's marker line without it when the next line has it.
    head = content.split("\n", 1)[0].strip()
    while head and first < len(lines) - 1 and (
        not lines[first].strip() or (head not in lines[first] and head in lines[first + 1])
    ):
        first += 1
    for i, part in enumerate(content.split("\n")):
        source = lines[first + i] if first + i < len(lines) else ""
        stripped, tail = source.rstrip(), part.rstrip()
        if stripped.endswith(tail):
            col = len(stripped) - len(tail)
        else:
            found = source.find(tail)
            col = found if found >= 0 else 0
        starts.append(offset)
        origins.append((first + i + 1, col + 1))
        offset += len(part) + 1
    return ProseBlock("paragraph", masked(inline, content), None, None, starts, origins)


def heading_prose(inline, lines: list[str], line: int, atx: bool) -> ProseBlock:
    if not atx:
        block = paragraph_prose(inline, lines, line - 1)
        block.kind = "heading"
        return block
    source = lines[line - 1]
    hashes = len(source) - len(source.lstrip(" ").lstrip("#"))
    found = source.find(inline.content, hashes) if inline.content else -1
    col = found if found >= 0 else hashes
    return ProseBlock("heading", masked(inline, inline.content), None, None, [0], [(line, col + 1)])


# The frontmatter's free text: what the site shows beside every post-mortem's name, read by
# the language rules as the body is; and its responders, read as the timeline's Actor cells.
FRONTMATTER_PROSE = (("title",), ("impact", "summary"))


def frontmatter_prose(doc) -> list[ProseBlock]:
    """The title and the impact's summary as prose blocks at their place in the file: a plain
    or quoted scalar from its first character (inside the quotes) over the lines indented
    under its key, a block scalar (``|``, ``>``) over the lines after its indicator."""
    fm = doc.frontmatter
    if fm is None:
        return []
    lines = doc.source.lines
    blocks = []
    for path in FRONTMATTER_PROSE:
        value = fm.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, str) or not value.strip() or path not in fm.positions:
            continue
        span = fm.positions[path]
        key_line = fm.span(path, key=True).line
        if not (0 < span.line < fm.end_line and 0 < key_line <= len(lines)):
            continue
        rows = _scalar_rows(lines, span.line, span.col - 1, _indent(lines[key_line - 1]), fm.end_line)
        if not rows:
            continue
        quote = lines[span.line - 1][span.col - 1 : span.col]
        starts, origins, parts, offset = [], [], [], 0
        for n, (line, col, text) in enumerate(rows):
            if n:
                parts.append("\n")
                offset += 1
            # a quote escaped inside quotes ('' or \") is one character of the text: each
            # piece between escapes keeps its own place in the file
            for piece, at in _unescaped(text, quote):
                starts.append(offset)
                origins.append((line, col + at + 1))
                parts.append(piece)
                offset += len(piece)
        blocks.append(ProseBlock("frontmatter", mask_urls("".join(parts)), None, None, starts, origins))
    responders = fm.data.get("responders")
    for index, value in enumerate(responders if isinstance(responders, list) else ()):
        block = _item_block(fm, lines, ("responders", index), value)
        if block is not None:
            blocks.append(block)
    return blocks


def _item_block(fm, lines: list[str], path: tuple, value) -> ProseBlock | None:
    """A one-line item of a list (``responders: [on-call SRE, …]`` or ``- on-call SRE``) as
    the prose of an Actor cell: it names a role, or a person."""
    span = fm.positions.get(path) if isinstance(value, str) and value.strip() else None
    if span is None or not 0 < span.line < fm.end_line:
        return None
    line = lines[span.line - 1]
    at = span.col - 1
    if line[at : at + 1] in ("'", '"'):
        at += 1
    if line[at : at + len(value)] != value:
        return None  # escaped or folded: left to the schema's checks
    return ProseBlock("frontmatter", value, None, "actor", [0], [(span.line, at + 1)])


def _unescaped(text: str, quote: str) -> list[tuple[str, int]]:
    """(piece, column in ``text``) of ``text`` read as the inside of a ``quote``d scalar."""
    escape = {"'": "''", '"': "\\"}.get(quote)
    if escape is None or escape not in text:
        return [(text, 0)]
    pieces, at = [], 0
    while True:
        found = text.find(escape, at)
        if found < 0:
            pieces.append((text[at:], at))
            return pieces
        pieces.append((text[at:found] + text[found + 1 : found + 2], at))  # the escaped character kept
        at = found + 2


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _scalar_rows(lines: list[str], first: int, at: int, indent: int, fence: int) -> list[tuple[int, int, str]]:
    """(line, 0-based column, text) of each line of the scalar that starts on line ``first``
    at column ``at``, under a key indented by ``indent``, before the closing fence."""
    head = lines[first - 1]
    mark = head[at : at + 1]
    rows: list[tuple[int, int, str]] = []
    if mark in ("|", ">"):
        row = first + 1
    else:
        start = at + 1 if mark in ("'", '"') else at
        rows.append((first, start, head[start:]))
        row = first + 1
    while row < fence and row <= len(lines):
        text = lines[row - 1]
        if text.strip() and _indent(text) <= indent or not text.strip() and mark not in ("|", ">"):
            break
        lead = _indent(text)
        rows.append((row, lead, text[lead:]))
        row += 1
    if mark in ("'", '"'):
        for k, (line, col, text) in enumerate(rows):
            close = _closing_quote(text, mark, 0)
            if close >= 0:
                rows = rows[:k] + [(line, col, text[:close])]
                break
    elif mark not in ("|", ">"):
        rows = [(line, col, _COMMENT_TAIL.sub("", text)) for line, col, text in rows]
    while rows and not rows[-1][2].strip():
        rows.pop()
    return [(line, col, text.rstrip()) for line, col, text in rows]


_COMMENT_TAIL = re.compile(r"\s+#.*$")


def _closing_quote(text: str, mark: str, start: int) -> int:
    i = start
    while i < len(text):
        ch = text[i]
        if mark == '"' and ch == "\\":
            i += 2
            continue
        if ch == mark:
            if mark == "'" and text[i + 1 : i + 2] == "'":
                i += 2  # '' is a quote inside single quotes
                continue
            return i
        i += 1
    return -1
