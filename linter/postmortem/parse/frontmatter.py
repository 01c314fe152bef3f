"""The YAML frontmatter: composed with ruamel.yaml (libyaml when installed), turned into
plain values with the span of every key and value, and the incident's typed fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..model import Document, Frontmatter, Incident, LineIndex, Span
from ..times import parse_date, parse_timestamp
from .source import FRONTMATTER, Limits, Problem

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
MAX_YAML_DEPTH = 32


def read_frontmatter(doc: Document, limits: Limits) -> int:
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


@lru_cache(maxsize=1)
def _loader_class():
    """The loader class ruamel.yaml's ``YAML.compose`` builds for the C parser, built once.

    ``compose`` builds this class anew for every document it reads (a class of three bases
    made, then thrown away); made once here, each document costs one instance of it. None
    when :func:`_yaml` does not use the C parser on its own (``compose`` then does it all).
    """
    from ruamel.yaml.cyaml import CParser

    yaml = _yaml()
    if yaml.Parser is not CParser or yaml.Reader is not None or yaml.Scanner is not None:
        return None
    parser, constructor, resolver = yaml.Parser, yaml.Constructor, yaml.Resolver
    version, allow_duplicate_keys = yaml.version, yaml.allow_duplicate_keys

    class Loader(parser, constructor, resolver):  # as YAML.get_constructor_parser's XLoader
        def __init__(self, stream: str) -> None:
            parser.__init__(self, stream)
            self._parser = self._composer = self
            constructor.__init__(self, loader=self)
            self.allow_duplicate_keys = allow_duplicate_keys
            resolver.__init__(self, version=version, loadumper=self)
            if versioned is not None:
                self._implicit = versioned.fget(self)

    # The resolver asks for the YAML version's implicit tags twice per scalar, and works the
    # version out each time through three attribute lookups that fail on this loader (the C
    # parser keeps no scanner of its own), so it is the same for the whole document: asked
    # once per document here.
    versioned = getattr(resolver, "versioned_resolver", None)
    if isinstance(versioned, property):
        Loader.versioned_resolver = property(lambda self: self._implicit)
    else:
        versioned = None
    return Loader


def _compose(text: str):
    """The node tree of ``text``, by the loader :func:`_yaml` would use. ruamel.yaml's own
    ``compose`` adds a record of each document it reads to the composer's ``doc_infos``
    and never drops it: kept, a run over 10,000 files would hold 10,000 of them to the end."""
    loader_class = _loader_class()
    if loader_class is not None:
        loader = loader_class(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    yaml = _yaml()
    try:
        return yaml.compose(text)
    finally:
        yaml.doc_infos.clear()


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
        if not depth and "[" not in line and "{" not in line:
            continue  # no bracket to open, none open to close: the walk below changes nothing
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
    lines = _YamlLines(text)
    positions = _Spans(first_line, lines)
    key_positions = _Spans(first_line, lines)
    budget = [limits.max_yaml_values]
    try:
        node = _compose(text)
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
    Nodes are told apart by their ``id`` ("scalar", "mapping", "sequence"), which every
    ruamel.yaml node class carries: no import statement runs per node.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise _YamlTooLarge("frontmatter expands to too many values (are YAML aliases repeating a large block?)")
    if depth > MAX_YAML_DEPTH:
        raise _YamlTooLarge(f"frontmatter is nested more than {MAX_YAML_DEPTH} levels deep")
    kind = node.id
    if kind == "scalar":
        return _scalar(node)
    if kind == "mapping":
        out: dict[str, Any] = {}
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, path, first_line, lines, _NO_SPANS, _NO_SPANS, budget, depth + 1)
            name = key if isinstance(key, str) else ("null" if key is None else str(key))
            value = _plain(value_node, path + (name,), first_line, lines, positions, key_positions, budget, depth + 1)
            if name in seen:
                from ruamel.yaml.constructor import ConstructorError

                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f'found duplicate key "{name}" with value "{_show(value)}" (original value: "{_show(seen[name])}")',
                    key_node.start_mark,
                )
            seen[name] = value
            key_positions.add(path + (name,), key_node)
            positions.add(path + (name,), value_node)
            out[name] = value
        return out
    if kind == "sequence":
        items = []
        for index, item in enumerate(node.value):
            positions.add(path + (index,), item)
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
    """The frontmatter's lines, with the line index of its text (for :func:`_mark_position`),
    built when a position is first asked for."""

    def __init__(self, text: str):
        super().__init__(text.split("\n"))
        self._text = text
        self._index: LineIndex | None = None

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self._text)
        return self._index


class _Spans(Mapping):
    """Key path -> span of a value (or key), each span worked out from the YAML marks when
    first read: most runs read a few spans of a frontmatter that has dozens (a finding's
    place, a fix), so computing them all as the YAML is read cost more than reading it."""

    __slots__ = ("_marks", "_spans", "_first_line", "_lines")

    def __init__(self, first_line: int, lines: "_YamlLines"):
        self._marks: dict[tuple, tuple] = {}
        self._spans: dict[tuple, Span] = {}
        self._first_line = first_line
        self._lines = lines

    def add(self, path: tuple, node) -> None:
        self._marks[path] = (node.start_mark, node.end_mark)

    def __getitem__(self, path: tuple) -> Span:
        span = self._spans.get(path)
        if span is None:
            start, end = self._marks[path]
            span = self._spans[path] = _marks_span(start, end, self._first_line, self._lines)
        return span

    def __contains__(self, path) -> bool:
        return path in self._marks

    def __iter__(self):
        return iter(self._marks)

    def __len__(self) -> int:
        return len(self._marks)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self.items())!r})"


class _NoSpans:
    """Where the spans inside a key that is itself a mapping or a list go: nowhere."""

    def add(self, path: tuple, node) -> None:
        pass


_NO_SPANS = _NoSpans()


def _mark_position(mark, lines: _YamlLines) -> tuple[int, int]:
    """0-based (line, column) of a YAML mark in the file's terms. YAML also ends lines at
    U+0085, U+2028 and U+2029, the file only at newlines: the mark's character index counts
    the same way for both, its line and column do not."""
    index = getattr(mark, "index", None)
    if not isinstance(index, int) or not lines:
        return mark.line, mark.column
    line, col = lines.index.position(max(0, min(index, lines.index.length)))
    return line - 1, col - 1


def _marks_span(start_mark, end_mark, first_line: int, lines: _YamlLines) -> Span:
    """Span of a node on its first line (a value that goes on runs to the end of that line)."""
    (start_line, start_col), (end_line, end_col) = _mark_position(start_mark, lines), _mark_position(end_mark, lines)
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

