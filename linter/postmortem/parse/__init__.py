"""Parse a post-mortem file once into the :mod:`postmortem.model` objects.

This is the only module that knows YAML and Markdown: ruamel.yaml (round-trip, for the
line and column of every key and value) reads the frontmatter, markdown-it-py (tokens with
line maps) reads the body. Everything downstream works on the model.
"""

from __future__ import annotations

import bisect
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import spec
from ..model import (
    ActionItem,
    Cell,
    CodeBlock,
    Comment,
    ContributingFactor,
    Document,
    Frontmatter,
    Incident,
    ProseBlock,
    Row,
    Section,
    Source,
    Span,
    Table,
    TimelineEntry,
)
from ..times import parse_clock, parse_date, parse_timestamp

MAX_FILE_BYTES = 1024 * 1024
MAX_FRONTMATTER_BYTES = 64 * 1024
MAX_YAML_VALUES = 5_000
MAX_YAML_DEPTH = 32
MAX_LINES = 10_000  # bounds the Markdown parser's tokens (and memory) whatever the bytes hold
# The characters that make markdown-it work hardest: table cells (`|`), link and image
# openers, emphasis delimiters, raw HTML, escapes and entities cost it 1-30 µs each (any
# other character well under 1 µs), so their number, not the byte count, bounds the time.
MAX_MARKUP_CHARS = 50_000
MARKUP_CHARS = "|[!*_<\\&"

_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[a-z0-9-]+\.[^\s<>()\[\]]+", re.IGNORECASE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")


# Kinds of parse problem; each is reported by the rule that reads that kind.
UNREADABLE = "unreadable"  # the file cannot be read or decoded, or is over a limit
FRONTMATTER = "frontmatter"  # the YAML frontmatter is missing, empty or does not parse
TABLE = "table"  # a row of a recognised table has the wrong number of cells


@dataclass(frozen=True, slots=True)
class Problem:
    """Something found while parsing, reported by the rule that reads ``kind``."""

    kind: str
    span: Span
    message: str
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = MAX_FILE_BYTES
    max_frontmatter_bytes: int = MAX_FRONTMATTER_BYTES
    max_yaml_values: int = MAX_YAML_VALUES
    max_lines: int = MAX_LINES
    max_markup_chars: int = MAX_MARKUP_CHARS


# --------------------------------------------------------------------------- entry points


def parse_file(path: str | Path, display: str | None = None, limits: Limits = Limits()) -> Document:
    """Read and parse ``path``. Never raises for bad content; problems land in ``doc.problems``."""
    name = display or str(path)
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(name, "cannot read file: it is a directory")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return _unreadable(name, "cannot read file: not a regular file")
        size = info.st_size
        if size > limits.max_file_bytes:
            return _unreadable(
                name,
                f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit for a post-mortem",
                "Move logs and dumps out of the post-mortem and link to them.",
            )
        data = Path(path).read_bytes()
    except OSError as exc:
        return _unreadable(name, f"cannot read file: {exc.strerror or exc}")
    return parse_bytes(data, name, limits)


def parse_bytes(data: bytes, path: str, limits: Limits = Limits()) -> Document:
    if len(data) > limits.max_file_bytes:
        return _unreadable(path, f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,}-byte limit")
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
        return _unreadable(
            path,
            f"file has {count:,} lines, over the {limits.max_lines:,}-line limit for a post-mortem",
            "Move logs and dumps out of the post-mortem and link to them.",
        )
    markup = sum(text.count(ch) for ch in MARKUP_CHARS)
    if markup > limits.max_markup_chars:
        return _unreadable(
            path,
            f"file has {markup:,} Markdown markup characters ({' '.join(MARKUP_CHARS)}), "
            f"over the {limits.max_markup_chars:,} limit for a post-mortem",
            "Move logs, dumps and large tables out of the post-mortem and link to them.",
        )
    doc = Document(source=source)
    if not text.strip():
        doc.problems.append(Problem(FRONTMATTER, Span(1, 1, 1, 1), "file is empty", "Start from `postmortem new`."))
        return doc
    body_start = _read_frontmatter(doc, limits)
    doc.body_line = body_start + 1
    body = "\n".join(source.lines[body_start:])
    _parse_body(doc, body, body_start)
    _type_tables(doc)
    return doc


def _unreadable(path: str, message: str, hint: str | None = None) -> Document:
    doc = Document(source=Source(path, "", [""]))
    doc.problems.append(Problem(UNREADABLE, Span(1, 1, 1, 1), message, hint))
    return doc


# --------------------------------------------------------------------------- frontmatter


def _read_frontmatter(doc: Document, limits: Limits) -> int:
    """Parse the frontmatter; return the 0-based index of the first body line."""
    lines = doc.source.lines
    if lines[0].rstrip() != "---":
        doc.problems.append(
            Problem(
                FRONTMATTER,
                Span(1, 1, 1, len(lines[0]) + 1),
                "no frontmatter: a post-mortem starts with a `---` line, its YAML metadata, and another `---`",
                "Start from the template: `postmortem new`.",
            )
        )
        return 0
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        doc.problems.append(
            Problem(
                FRONTMATTER,
                Span(1, 1, 1, 4),
                "unterminated frontmatter: no closing `---` line",
                "Close the YAML block with a line containing only `---`.",
            )
        )
        # Read the body from the first section heading, so that its sections are not
        # reported missing on top of the one real problem.
        return next((i for i in range(1, len(lines)) if lines[i].startswith("## ")), len(lines))
    yaml_text = "\n".join(lines[1:end])
    if len(yaml_text.encode("utf-8")) > limits.max_frontmatter_bytes:
        doc.problems.append(
            Problem(
                FRONTMATTER,
                Span(1, 1, 1, 4),
                f"frontmatter is over the {limits.max_frontmatter_bytes:,}-byte limit",
            )
        )
        return end + 1
    loaded = _load_yaml(doc, yaml_text, first_line=2, limits=limits)
    if loaded is not None:
        data, positions, key_positions = loaded
        doc.frontmatter = Frontmatter(data, positions, key_positions, 1, end + 1, yaml_text)
        doc.incident = _incident(data)
    return end + 1


class _YamlTooLarge(Exception):
    pass


@lru_cache(maxsize=1)
def _yaml():
    """A composer for frontmatter: libyaml's C parser when ruamel.yaml.clib is installed.

    Composing nodes (not constructing round-trip objects) is ten times faster and every
    node carries its start and end mark, which is all the model needs. YAML 1.2 rules.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.allow_duplicate_keys = False
    return yaml


_FLOW_OPEN, _FLOW_CLOSE = "[{", "]}"
_BLOCK_INDICATORS = re.compile(r"^[ \t]*((?:[-?][ \t]+)+)")


def _nesting_bound(text: str) -> int:
    """An upper bound of the nesting the composer would recurse into, read without parsing.

    Block nesting by indentation is bounded by the frontmatter size limit; what is not is
    flow nesting (``[[[[…``) and runs of ``- - - -`` on one line, which would exhaust the
    C stack of the composer. Quoted text is skipped.
    """
    deepest = depth = 0
    for line in text.split("\n"):
        run = _BLOCK_INDICATORS.match(line)
        if run:
            deepest = max(deepest, run.group(1).count("-") + run.group(1).count("?"))
        quote = None
        for ch in line:
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                break
            elif ch in _FLOW_OPEN:
                depth += 1
                deepest = max(deepest, depth)
            elif ch in _FLOW_CLOSE:
                depth = max(0, depth - 1)
    return deepest


def _load_yaml(doc: Document, text: str, first_line: int, limits: Limits):
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    if not text.strip():
        doc.problems.append(Problem(FRONTMATTER, Span(first_line - 1, 1, first_line - 1, 4), "frontmatter is empty"))
        return None
    if _nesting_bound(text) > MAX_YAML_DEPTH:
        doc.problems.append(
            Problem(FRONTMATTER, Span(first_line, 1, first_line, 1), f"frontmatter is nested more than {MAX_YAML_DEPTH} levels deep")
        )
        return None
    lines = _YamlLines(text.split("\n"))
    positions: dict[tuple, Span] = {}
    key_positions: dict[tuple, Span] = {}
    budget = [limits.max_yaml_values]
    try:
        node = _yaml().compose(text)
        root = None if node is None else _plain(node, (), first_line, lines, positions, key_positions, budget, 0)
    except _YamlTooLarge as exc:
        doc.problems.append(Problem(FRONTMATTER, Span(first_line, 1, first_line, 1), str(exc)))
        return None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_end = mark is not None and mark.index >= len(text.rstrip())
        if exc.context_mark and (at_end or ("end" in str(exc.problem) and "stream" in str(exc.problem))):
            # "found unexpected end of stream" points past the last line; where the
            # unclosed quote or bracket starts is what the author needs to see.
            mark = exc.context_mark
        line0, col0 = _mark_position(mark, lines) if mark else (0, 0)
        line, col = first_line + line0, col0 + 1
        what = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        what = what.replace("\n", " ")
        hint = "Each key may appear once." if "duplicate key" in what else "Check the YAML syntax on this line."
        # libyaml may point at the newline ending a line: an empty span there, not past it
        end = min(col + 1, len(doc.source.lines[line - 1]) + 1)
        doc.problems.append(Problem(FRONTMATTER, Span(line, col, line, end), f"YAML error: {what}", hint))
        return None
    except RecursionError:
        doc.problems.append(Problem(FRONTMATTER, Span(first_line, 1, first_line, 1), "frontmatter is nested too deeply"))
        return None
    except ReaderError as exc:  # a character YAML does not allow, such as NUL
        char = ord(exc.character) if isinstance(exc.character, str) else exc.character
        # libyaml gives the offset in UTF-8 bytes, the Python reader in characters; the
        # reader stops at the first character it refuses, so that is where it is.
        position = text.find(chr(char)) if isinstance(char, int) and 0 <= char < 0x110000 else -1
        if position < 0:
            position = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
        line = first_line + text.count("\n", 0, position)
        col = position - text.rfind("\n", 0, position)
        what = f"character U+{char:04X} is not allowed in YAML" if isinstance(char, int) else exc.reason
        doc.problems.append(Problem(FRONTMATTER, Span(line, col, line, col + 1), f"YAML error: {what}"))
        return None
    except (YAMLError, ValueError, TypeError, OverflowError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        doc.problems.append(Problem(FRONTMATTER, Span(first_line, 1, first_line, 1), f"YAML error: {message}"))
        return None
    if not isinstance(root, dict):
        kind = "empty" if root is None else "a list" if isinstance(root, list) else f"a single value ({_describe(root)})"
        doc.problems.append(
            Problem(
                FRONTMATTER,
                Span(first_line, 1, first_line, len(doc.source.lines[first_line - 1]) + 1),
                f"frontmatter must be a mapping of keys to values, not {kind}",
            )
        )
        return None
    return root, positions, key_positions


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


def _plain(node, path, first_line, lines, positions, key_positions, budget, depth):
    """Turn composed YAML nodes into plain data, recording spans on the way.

    Timestamps stay the text the author wrote; tags this format does not use read as text.
    """
    from ruamel.yaml.constructor import ConstructorError
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    budget[0] -= 1
    if budget[0] < 0:
        raise _YamlTooLarge("frontmatter expands to too many values (are YAML aliases repeating a large block?)")
    if depth > MAX_YAML_DEPTH:
        raise _YamlTooLarge(f"frontmatter is nested more than {MAX_YAML_DEPTH} levels deep")
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, path, first_line, lines, {}, {}, budget, depth + 1)
            name = key if isinstance(key, str) else ("null" if key is None else str(key))
            value = _plain(value_node, path + (name,), first_line, lines, positions, key_positions, budget, depth + 1)
            if name in seen:
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f'found duplicate key "{name}" with value "{_show(value)}" (original value: "{_show(seen[name])}")',
                    key_node.start_mark,
                )
            seen[name] = value
            key_positions[path + (name,)] = _mark_span(key_node, first_line, lines)
            positions[path + (name,)] = _mark_span(value_node, first_line, lines)
            out[name] = value
        return out
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            positions[path + (index,)] = _mark_span(item, first_line, lines)
            items.append(_plain(item, path + (index,), first_line, lines, positions, key_positions, budget, depth + 1))
        return items
    return _scalar(node)


def _scalar(node):
    tag = node.tag
    if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
        return node.value
    constructor = _yaml().constructor
    try:
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:int":
            return constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return constructor.construct_yaml_float(node)
    except (ValueError, TypeError, OverflowError):
        from ruamel.yaml.constructor import ConstructorError

        kind = tag.rsplit(":", 1)[-1]
        raise ConstructorError(None, None, f"cannot read {node.value!r} as {kind}", node.start_mark) from None
    return str(node.value)


def _show(value) -> str:
    return value if isinstance(value, str) else ("null" if value is None else str(value))


class _YamlLines(list):
    """The frontmatter's lines, with the offset where each starts (for :func:`_mark_position`)."""

    def __init__(self, lines: list[str]):
        super().__init__(lines)
        self.starts, offset = [], 0
        for line in lines:
            self.starts.append(offset)
            offset += len(line) + 1


def _mark_position(mark, lines: _YamlLines) -> tuple[int, int]:
    """0-based (line, column) of a YAML mark in the file's terms. YAML also ends lines at
    U+0085, U+2028 and U+2029, the file only at newlines: the mark's character index counts
    the same way for both, its line and column do not."""
    index = getattr(mark, "index", None)
    if not isinstance(index, int) or not lines.starts:
        return mark.line, mark.column
    line = max(0, bisect.bisect_right(lines.starts, index) - 1)
    return line, index - lines.starts[line]


def _mark_span(node, first_line: int, lines: _YamlLines) -> Span:
    """Span of a node on its first line (a value that goes on runs to the end of that line)."""
    (start_line, start_col), (end_line, end_col) = _mark_position(node.start_mark, lines), _mark_position(node.end_mark, lines)
    line = first_line + start_line
    if end_line == start_line and end_col > start_col:
        stop = end_col
    else:
        text = lines[start_line] if start_line < len(lines) else ""
        stop = max(start_col, len(text.rstrip()))
    return Span(line, start_col + 1, line, stop + 1)


def _incident(data: dict[str, Any]) -> Incident:
    def text(key):
        value = data.get(key)
        return value if isinstance(value, str) else None

    def strings(key):
        value = data.get(key)
        return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []

    def stamp(key):
        value = data.get(key)
        return parse_timestamp(value) if isinstance(value, str) else None

    published = data.get("published")
    impact = data.get("impact")
    return Incident(
        id=text("id"),
        title=text("title"),
        status=text("status"),
        severity=text("severity"),
        services=strings("services"),
        tags=strings("tags"),
        visibility=text("visibility") or "internal",
        authors=strings("authors"),
        responders=strings("responders"),
        started=stamp("started"),
        detected=stamp("detected"),
        acknowledged=stamp("acknowledged"),
        mitigated=stamp("mitigated"),
        resolved=stamp("resolved"),
        detection_method=text("detection_method"),
        impact=impact if isinstance(impact, dict) else {},
        related=strings("related"),
        published=parse_date(published) if isinstance(published, str) else None,
    )


# --------------------------------------------------------------------------- body


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
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


@lru_cache(maxsize=1)
def _md_space() -> str | None:
    """The whitespace markdown-it trims off table rows and cells (None: Python's own set)."""
    try:
        from markdown_it.common.utils import MD_TRIM_CHARS
    except ImportError:  # markdown-it-py before 4 trims with str.strip()
        return None
    return MD_TRIM_CHARS


def _parse_body(doc: Document, body: str, offset: int) -> None:
    """Walk markdown-it's tokens once; ``offset`` is the 0-based file line of body line 0."""
    tokens = _markdown().parse(body)
    lines = doc.source.lines
    if "\x00" in body:  # markdown-it reads NUL as U+FFFD; match it so columns still line up
        lines = [line.replace("\x00", "\ufffd") for line in lines]
    headings: list[tuple[int, int, str, Span]] = []
    quote_depth = 0
    table_tokens: list = []
    in_table = False
    current_key: str | None = None
    for index, token in enumerate(tokens):
        if in_table:
            table_tokens.append(token)
            if token.type == "table_close":
                in_table = False
                table = _table(table_tokens, lines, offset, current_key)
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
            in_table = True
            table_tokens = [token]
        elif kind == "heading_open" and token.level == 0 and token.map:
            inline = tokens[index + 1]
            level = int(token.tag[1])
            line = offset + token.map[0] + 1
            block = _heading_prose(inline, lines, line, token.markup.startswith("#"))
            title = _plain_text(inline)
            title_span = block.span(0, len(block.text))  # a setext heading's text may span lines
            headings.append((level, line, title, title_span))
            if level <= 2:
                current_key = spec.section_key(title) if level == 2 else None
            block.section = current_key
            doc.prose.append(block)
        elif kind == "paragraph_open" and quote_depth == 0 and token.map:
            inline = tokens[index + 1]
            block = _paragraph_prose(inline, lines, offset + token.map[0])
            block.section = current_key
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
        key = spec.section_key(title) if level == 2 else None
        doc.sections.append(Section(title, level, line, max(line, end), key, span))


# --------------------------------------------------------------------------- prose


def _plain_text(inline) -> str:
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def _masked(inline, content: str) -> str:
    """``content`` with everything but prose text replaced by spaces (newlines kept)."""
    children = inline.children or ()
    if len(children) == 1 and children[0].type == "text" and children[0].content == content:
        return _mask_urls(content)  # plain text, the common case in tables
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
    return _mask_urls("".join(out))


def _mask_urls(text: str) -> str:
    if "://" not in text and "www." not in text.lower():
        return text
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


def _paragraph_prose(inline, lines: list[str], first: int) -> ProseBlock:
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
    return ProseBlock("paragraph", _masked(inline, content), None, None, starts, origins)


def _heading_prose(inline, lines: list[str], line: int, atx: bool) -> ProseBlock:
    if not atx:
        block = _paragraph_prose(inline, lines, line - 1)
        block.kind = "heading"
        return block
    source = lines[line - 1]
    hashes = len(source) - len(source.lstrip(" ").lstrip("#"))
    found = source.find(inline.content, hashes) if inline.content else -1
    col = found if found >= 0 else hashes
    return ProseBlock("heading", _masked(inline, inline.content), None, None, [0], [(line, col + 1)])


# --------------------------------------------------------------------------- tables


def _row_segments(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell on a table row, splitting like markdown-it (``\\|`` escapes)."""
    space = _md_space()
    stripped_start = len(line) - len(line.lstrip(space))
    stripped_end = len(line.rstrip(space))
    bounds, start, escaped = [], stripped_start, False
    for pos in range(stripped_start, stripped_end):
        ch = line[pos]
        if ch == "|" and not escaped:
            bounds.append((start, pos))
            start = pos + 1
        escaped = ch == "\\"
    bounds.append((start, stripped_end))
    if bounds and bounds[0][0] == bounds[0][1]:
        bounds.pop(0)
    if bounds and bounds[-1][0] == bounds[-1][1]:
        bounds.pop()
    return bounds


def _cell(inline, line_text: str, line: int, bounds: tuple[int, int] | None) -> Cell:
    content = inline.content
    if bounds is None:
        start = max(0, line_text.find(content)) if content else 0
        raw = content
    else:
        start, end = bounds
        raw_full = line_text[start:end]
        lead, length = _cell_extent(raw_full, content)
        raw = raw_full[lead : lead + length]
        if not raw:  # an empty cell: the gap between its pipes
            span = Span(line, start + 1, line, end + 1)
            prose = ProseBlock("table-cell", "", None, None, [0], [(line, start + 1)])
            return Cell("", "", span, prose)
        start += lead
    # Anchor each run between escaped pipes: markdown-it drops the backslash of ``\|``.
    starts, origins = [0], [(line, start + 1)]
    raw_pos, content_pos = 0, 0
    if "\\|" not in raw:
        raw_pos = len(raw)  # nothing to anchor
    while raw_pos < len(raw):
        if raw[raw_pos] == "\\" and raw[raw_pos + 1 : raw_pos + 2] == "|":
            raw_pos += 1
            starts.append(content_pos)
            origins.append((line, start + raw_pos + 1))
        raw_pos += 1
        content_pos += 1
    prose = ProseBlock("table-cell", _masked(inline, content), None, None, starts, origins)
    span = Span(line, start + 1, line, start + 1 + len(raw))
    return Cell(raw, _plain_text(inline), span, prose)


def _cell_extent(raw_full: str, content: str) -> tuple[int, int]:
    """(offset, length) in a cell's source text of markdown-it's trimmed ``content``.

    markdown-it trims its own set of whitespace (not Python's: U+0085 stays, for one) and
    drops the backslash of ``\\|``, so the cell is located by matching, not by ``strip()``.
    """
    if "\\" not in raw_full:  # no escaped pipes: content is a slice of the source
        lead = raw_full.find(content) if content else -1
        if lead >= 0 and not raw_full[:lead].strip(_md_space()):
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
    stripped = raw_full.strip(_md_space())
    return len(raw_full) - len(raw_full.lstrip(_md_space())), len(stripped)


def _table(tokens, lines: list[str], offset: int, section: str | None) -> Table | None:
    header: list[Cell] = []
    rows: list[Row] = []
    row_cells: list[Cell] = []
    row_line = 0
    segments: list[tuple[int, int]] = []
    in_head = False
    align: list[str | None] = []
    for i, token in enumerate(tokens):
        if token.type == "th_open" and in_head:
            style = str(token.attrs.get("style", ""))
            align.append(style.removeprefix("text-align:") if style.startswith("text-align:") else None)
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and token.map:
            row_line = offset + token.map[0] + 1
            segments = _row_segments(lines[row_line - 1])
            row_cells = []
        elif token.type == "inline":
            index = len(row_cells)
            bounds = segments[index] if index < len(segments) else None
            row_cells.append(_cell(token, lines[row_line - 1], row_line, bounds))
        elif token.type == "tr_close":
            if in_head:
                header = row_cells
            else:
                rows.append(Row(row_line, row_cells, len(segments)))
    if not header:
        return None
    first = offset + tokens[0].map[0] + 1
    last = offset + tokens[0].map[1]
    table = Table(first, last, header, rows, section, align=align)
    for cell in header + [c for row in rows for c in row.cells]:
        cell.prose.section = section
    return table


def _type_tables(doc: Document) -> None:
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
            for index, cell in enumerate(table.header):
                key = next((k for k, v in columns.items() if v == index), None)
                cell.prose.column = key
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    cell.prose.column = next((k for k, v in columns.items() if v == index), None)
            for row in table.rows:
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


def _text(table: Table, row: Row, column: str) -> str:
    cell = table.value(row, column)
    return cell.text if cell else ""


def _timeline(doc: Document, table: Table) -> None:
    day = doc.incident.started.date() if doc.incident.started else None
    tz = doc.incident.started.tzinfo if doc.incident.started else None
    for row in table.rows:
        time_text = _text(table, row, "time")
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
        doc.timeline.append(
            TimelineEntry(
                row,
                table,
                time_text,
                when,
                has_date,
                has_tz,
                _text(table, row, "event"),
                _text(table, row, "actor"),
                _text(table, row, "notes"),
            )
        )


def _factors(doc: Document, table: Table) -> None:
    for row in table.rows:
        doc.factors.append(
            ContributingFactor(
                row,
                table,
                _text(table, row, "id"),
                _text(table, row, "factor"),
                _text(table, row, "category"),
                _text(table, row, "contribution"),
                _text(table, row, "preventable"),
            )
        )


_ID_LIST = re.compile(r"[\s,;/]+")


def _actions(doc: Document, table: Table) -> None:
    for row in table.rows:
        due_text = _text(table, row, "due")
        addresses = [part for part in _ID_LIST.split(_text(table, row, "addresses")) if part and part != "—"]
        doc.actions.append(
            ActionItem(
                row,
                table,
                _text(table, row, "id"),
                _text(table, row, "action"),
                _text(table, row, "category"),
                _text(table, row, "owner"),
                _text(table, row, "priority"),
                due_text,
                parse_date(due_text),
                _text(table, row, "status"),
                _text(table, row, "tracking"),
                addresses,
            )
        )


_TYPERS = {"timeline": _timeline, "factors": _factors, "actions": _actions}
