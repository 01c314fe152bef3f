"""The Markdown body: markdown-it-py's tokens walked once into sections, prose blocks,
code blocks, comments and tables.

markdown-it is set up in one place, :func:`markdown`. Two speed-ups change how its tokens
are made, never what they are (``tests/test_markdown_tokens.py`` compares them with the
library's own and fails when a markdown-it release changes what they rely on):

* the core ``inline`` rule is replaced, through the core rule chain, by one that skips
  the inline parser for text with no markup character;
* the block ``table`` rule is the library's own function re-bound to a faster row
  splitter (the one exception to the public API: it relies on the module's
  ``escapedSplit`` name, and is left out when the module is not laid out as expected).

The block rules are also re-bound, the same way, to a logger that does nothing
(:func:`_quiet_block_rules`): that changes what markdown-it logs, not what it makes.
"""

from __future__ import annotations

import re
import types
from functools import lru_cache

from .. import spec
from ..model import CodeBlock, Comment, Document, Section, Span
from .prose import heading_prose, paragraph_prose, plain_text
from .tables import table_of_tokens
from ..lazy_re import lazy

_COMMENT = lazy(r"<!--(.*?)-->", re.DOTALL)
_TASK_BOX = re.compile(r"\[[ xX]\](?= )")


def parser_for(body: str):
    """The parser for ``body``: the plain one, or one that also reads the site's admonitions
    or footnotes when the body has their markers (:func:`_markdown`)."""
    return _markdown("!!!" in body or "???" in body, "[^" in body)


@lru_cache(maxsize=4)
def _markdown(admonitions: bool = False, footnotes: bool = False):
    """The parser; with ``admonitions``, one that also reads "!!! note", "??? warning" and
    "???+ tip" blocks as the site's Markdown renders them (their indented body is prose, not an
    indented code block); with ``footnotes``, one that reads a footnote's definition ("[^1]:
    The cleanup job …") as the site does, prose in the place it is written, and its reference
    ("…[^1]") as no word of the sentence. Only a body that holds such a marker needs them: a
    rule costs every line of every other body."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    if admonitions:
        from mdit_py_plugins.admon import admon_plugin

        md.use(admon_plugin)
    if footnotes:
        from mdit_py_plugins.footnote import footnote_plugin

        md.use(footnote_plugin, inline=False, move_to_end=False)  # the site's footnotes have no inline form
    # Keep text tokens as verbatim slices of the source so prose maps back to columns.
    md.disable("text_join")
    # Two shortcuts that give markdown-it's own tokens, faster (a post-mortem's tables
    # hold most of its cells and rows): see _plain_inline_rule and _table_rule.
    if md.inline.ruler.get_active_rules() == _INLINE_RULES and md.inline.ruler2.get_active_rules() == _INLINE_RULES2:
        md.core.ruler.at("inline", _plain_inline_rule)
    table = _table_rule()
    if table is not None:
        from markdown_it.rules_block import table as library_table

        alt = [chain for chain in ("paragraph", "reference", "blockquote", "list") if library_table in md.block.ruler.getRules(chain)]
        md.block.ruler.at("table", table, {"alt": alt})
    _quiet_block_rules(md)
    return md


# The inline rules of the preset above, and the characters at which one of them can match:
# newline, escape, backticks, emphasis, link, image, autolink, html_inline, entity. Text
# without any of them is one text token whatever the rules do, so markdown-it's inline
# parser (a state, a loop over ten rules per run of text, three post-passes) is skipped.
_INLINE_RULES = ["text", "newline", "escape", "backticks", "emphasis", "link", "image", "autolink", "html_inline", "entity"]
_INLINE_RULES2 = ["balance_pairs", "emphasis", "fragments_join"]
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[\]!<&]")


def _plain_inline_rule(state) -> None:
    """markdown-it's core ``inline`` rule, with a shortcut for inline content without markup."""
    from markdown_it.token import Token

    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if _INLINE_MARKUP.search(content) is None:
            if content:
                token.children.append(Token("text", "", 0, content=content))
        else:
            parse(content, state.md, state.env, token.children)


def _table_rule():
    """markdown-it's own table rule, with its row splitter made fast for rows without ``\\``.

    The library's ``escapedSplit`` walks each row character by character in Python; on a
    row without a backslash no pipe is escaped and it returns exactly ``str.split("|")``.
    The rule's code is reused as is, with that one name bound to the faster splitter.
    None when the library's module is not laid out as expected (the rule stays as it is).
    """
    import importlib
    import types

    module = importlib.import_module("markdown_it.rules_block.table")
    original, rule = getattr(module, "escapedSplit", None), getattr(module, "table", None)
    if not callable(original) or not isinstance(rule, types.FunctionType):
        return None

    def split(text: str) -> list[str]:
        return original(text) if "\\" in text else text.split("|")

    return types.FunctionType(rule.__code__, {**vars(module), "escapedSplit": split}, rule.__name__, rule.__defaults__, rule.__closure__)


def _ignore(*args) -> None:
    """Stands for ``Logger.debug`` in markdown-it's block rules: does nothing."""


_QUIET_LOGGER = types.SimpleNamespace(debug=_ignore)


def _quiet_block_rules(md) -> None:
    """markdown-it's block rules, each re-bound to a logger that does nothing.

    Each block rule starts with a ``LOGGER.debug`` call, about 700 per post-mortem (every
    rule is tried at every block, and the list and quote rules retry them in their
    items), each two calls deep into :mod:`logging` to learn that debug logging is off.
    Re-bound like :func:`_table_rule`: the rule's own code, with the module's names and
    ``LOGGER`` bound to a stand-in; the tokens are the same. A rule whose logger is on
    for debug messages when the parser is set up is left as it is.
    """
    import logging

    ruler = md.block.ruler
    chains = ("paragraph", "reference", "blockquote", "list")
    for name, rule in zip(ruler.get_active_rules(), ruler.getRules("")):
        if not isinstance(rule, types.FunctionType) or "LOGGER" not in rule.__code__.co_names:
            continue
        logger = rule.__globals__.get("LOGGER")
        if not isinstance(logger, logging.Logger) or logger.isEnabledFor(logging.DEBUG):
            continue
        alt = [chain for chain in chains if rule in ruler.getRules(chain)]
        quiet = types.FunctionType(
            rule.__code__, {**rule.__globals__, "LOGGER": _QUIET_LOGGER}, rule.__name__, rule.__defaults__, rule.__closure__
        )
        ruler.at(name, quiet, {"alt": alt})


def parse_body(doc: Document, body: str, offset: int) -> None:
    """Walk markdown-it's tokens once; ``offset`` is the 0-based file line of body line 0."""
    tokens = parser_for(body).parse(body)
    lines = doc.source.lines
    if "\x00" in body:  # markdown-it reads NUL as U+FFFD; match it so columns still line up
        lines = [line.replace("\x00", "\ufffd") for line in lines]
    headings: list[tuple[int, int, str, Span]] = []
    quote_depth = 0
    table_start = -1  # index of the open table's first token
    current_key: str | None = None
    for index, token in enumerate(tokens):
        if table_start >= 0:
            if token.type == "table_close":
                table = table_of_tokens(tokens[table_start : index + 1], lines, offset, current_key)
                table_start = -1
                if table is not None:
                    doc.tables.append(table)
                    doc.prose.extend(cell.prose for cell in table.header)
                    doc.prose.extend(cell.prose for row in table.rows for cell in row.cells)
            continue
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "table_open":
            table_start = index
        elif kind == "heading_open" and token.level == 0 and token.map:
            inline = tokens[index + 1]
            level = int(token.tag[1])
            line = offset + token.map[0] + 1
            block = heading_prose(inline, lines, line, token.markup.startswith("#"))
            title = plain_text(inline)
            title_span = block.span(0, len(block.text))  # a setext heading's text may span lines
            headings.append((level, line, title, title_span))
            if level <= 2:
                current_key = spec.section_key(title) if level == 2 else None
            block.section = current_key
            doc.prose.append(block)
        elif kind == "paragraph_open" and quote_depth == 0 and token.map:
            inline = tokens[index + 1]
            block = paragraph_prose(inline, lines, offset + token.map[0])
            block.section = current_key
            if index and tokens[index - 1].type == "list_item_open" and _TASK_BOX.match(block.text):
                block.text = "   " + block.text[3:]  # "- [x] The on-call …": a task's box is no word of it
            doc.prose.append(block)
        elif kind in ("fence", "code_block") and token.map:
            start = offset + token.map[0] + 1
            end = offset + token.map[1]
            first = start + 1 if kind == "fence" else start
            doc.code_blocks.append(CodeBlock(start, end, token.info.strip(), token.content, first))
        elif kind == "html_block" and token.map:
            start = offset + token.map[0] + 1
            end = offset + token.map[1]
            following = _next_block(tokens, index)
            next_range = (offset + following.map[0] + 1, offset + following.map[1]) if following else None
            for match in _COMMENT.finditer(token.content):
                span = _content_span(token.content, match.start(), match.end(), start, lines)
                doc.comments.append(Comment(span.line, end, match.group(1).strip(), next_range, span))
    _sections(doc, headings)


def _content_span(content: str, start: int, end: int, first_line: int, lines: list[str]) -> Span:
    """File span of ``content[start:end]``, where ``content`` is a block's text from
    ``first_line`` on, each line possibly without a container's prefix (``> ``, a list
    indent): the prefix is what the file line has before the content line."""

    def position(at: int) -> tuple[int, int]:
        row = content.count("\n", 0, at)
        line_start = content.rfind("\n", 0, at) + 1
        line_end = content.find("\n", line_start)
        piece = content[line_start : line_end if line_end >= 0 else len(content)]
        file_line = first_line + row
        text = lines[file_line - 1] if 0 < file_line <= len(lines) else piece
        return file_line, len(text) - len(piece) + (at - line_start) + 1

    return Span(*position(start), *position(end))


def _next_block(tokens, index):
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level < level:
            return None
        if token.level == level and token.map and token.nesting >= 0:
            return token
    return None


def _sections(doc: Document, headings: list[tuple[int, int, str, Span]]) -> None:
    last_line = len(doc.source.lines)
    while last_line > 1 and not doc.source.lines[last_line - 1].strip():
        last_line -= 1
    for i, (level, line, title, span) in enumerate(headings):
        end = last_line
        for later_level, later_line, _, _ in headings[i + 1 :]:
            if later_level <= level:
                end = later_line - 1
                break
        key = spec.section_key(title) if level == 2 else spec.heading_key(title)
        doc.sections.append(Section(title, level, line, max(line, end), key, span))
