"""Reading a file: limits, decoding, and the problems a parse reports.

The limits bound what any input can cost: a post-mortem is read whole, so its size, lines
and the markup characters markdown-it works hardest on are capped before parsing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Source, Span

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


def unreadable(path: str, message: str, hint: str | None = None) -> Document:
    """A document with nothing in it but the problem that stopped it being read."""
    doc = Document(source=Source(path, "", [""]))
    doc.problems.append(Problem(UNREADABLE, Span(1, 1, 1, 1), message, hint))
    return doc
