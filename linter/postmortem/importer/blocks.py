"""The top-level blocks of part of a document, with their line ranges (markdown-it maps)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Block:
    kind: str  # paragraph | heading | list | table | code | html | other
    start: int  # first body line (0-based)
    end: int  # one past the last line
    tokens: list  # the block's tokens, for lists and tables


_KINDS = {"paragraph_open": "paragraph", "heading_open": "heading", "bullet_list_open": "list",
          "ordered_list_open": "list", "table_open": "table", "fence": "code", "code_block": "code",
          "html_block": "html", "blockquote_open": "other", "hr": "other"}


def blocks(lines: list[str], start: int, end: int) -> list[Block]:
    """The blocks of ``lines[start:end]``; line numbers stay those of ``lines``."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse("\n".join(lines[start:end]))
    found: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level == 0 and token.map and token.type in _KINDS:
            close = index
            if token.nesting == 1:
                depth = 0
                for close in range(index, len(tokens)):
                    depth += tokens[close].nesting
                    if depth == 0:
                        break
            found.append(Block(_KINDS[token.type], start + token.map[0], start + token.map[1], tokens[index : close + 1]))
            index = close + 1
            continue
        index += 1
    return found


def list_items(block: Block, lines: list[str]):
    """``(start, end, text)`` of each item of a list block: its lines, markers removed."""
    offset = block.start - block.tokens[0].map[0]
    for token in block.tokens:
        if token.type == "list_item_open" and token.level == 1 and token.map:
            start, end = offset + token.map[0], offset + token.map[1]
            while end > start + 1 and not lines[end - 1].strip():
                end -= 1
            text = "\n".join(lines[start:end]).lstrip()
            marker = token.markup or "-"
            if token.info:  # ordered: "1." or "1)"
                marker = token.info + marker
            if text.startswith(marker):
                text = text[len(marker):]
            yield start, end, text.strip()


def table_rows(block: Block, lines: list[str]):
    """``[(line, [(column, cell text)])]`` of a table block, header first."""
    rows, current, column = [], None, 0
    offset = block.start - block.tokens[0].map[0]
    for token in block.tokens:
        if token.type == "tr_open":
            current, column = [], 0
            rows.append((offset + token.map[0] if token.map else block.start, current))
        elif token.type == "inline" and current is not None:
            current.append((column, token.content.strip()))
            column += 1
    return rows
