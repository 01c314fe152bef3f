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

