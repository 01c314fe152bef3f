"""The document model: one post-mortem parsed once into plain typed objects.

Every position is 1-based. Columns count Unicode code points on the line as the file
stores it (a tab is one column, a UTF-8 BOM is not counted); ``end_col`` is exclusive, so
``line_text[col - 1:end_col - 1]`` is the text a span covers on a one-line span.

The linter rules, the CLI reports and the site all read these objects; only
:mod:`postmortem.parse` knows Markdown and YAML.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .vocabulary import DECLINED_ACTION_STATUSES, OPEN_ACTION_STATUSES, REVIEWED_STATUSES, STATUSES


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the file: 1-based lines and columns, ``end_col`` exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int

    def __init__(self, line: int, col: int, end_line: int, end_col: int) -> None:
        # The generated __init__ of a frozen class sets each field with object.__setattr__;
        # setting the slots directly does the same in half the time (a document makes a
        # span for every table cell and frontmatter value).
        _set_line(self, line)
        _set_col(self, col)
        _set_end_line(self, end_line)
        _set_end_col(self, end_col)

    def __reduce__(self):
        # A frozen class with slots is pickled through the dataclass module's state
        # functions, which look the fields up for every object; lint workers send the site
        # about a hundred spans a post-mortem (its summary's cells, sections and comments),
        # and the build's process takes them in one at a time. Rebuilt by __init__ instead.
        return Span, (self.line, self.col, self.end_line, self.end_col)

    @classmethod
    def point(cls, line: int, col: int = 1) -> "Span":
        return cls(line, col, line, col)


_set_line, _set_col, _set_end_line, _set_end_col = (Span.__dict__[name].__set__ for name in ("line", "col", "end_line", "end_col"))


class LineIndex:
    """Offsets in a text <-> 1-based (line, column), as ruff's ``LineIndex``.

    Lines end at LF, CRLF or a lone CR, so the same index serves the decoded model text
    (LF only) and a file's text with its own line endings. Columns count code points.
    """

    __slots__ = ("starts", "length")

    def __init__(self, text: str):
        starts = [0]
        if "\r" in text:
            i, n = 0, len(text)
            while i < n:
                ch = text[i]
                if ch == "\r":
                    i += 2 if text.startswith("\n", i + 1) else 1
                    starts.append(i)
                    continue
                i += 1
                if ch == "\n":
                    starts.append(i)
        else:
            find, at = text.find, text.find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = find("\n", at + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, col: int = 1) -> int:
        """Offset of 1-based (line, column); past the last line, the end of the text."""
        if line > len(self.starts):
            return self.length
        return min(self.starts[line - 1] + col - 1, self.length)

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (end exclusive)."""
        return Span(*self.position(start), *self.position(max(start, end)))


@dataclass(slots=True)
class Source:
    """The decoded text of a file: BOM removed, CRLF and CR turned into LF."""

    path: str
    text: str
    lines: list[str]
    had_bom: bool = False
    newline: str = "\n"
    _index: LineIndex | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> LineIndex:
        """Offsets in ``text`` <-> line and column (built on first use)."""
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def line_span(self, line: int) -> Span:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return Span(line, 1, line, len(text) + 1)


# --------------------------------------------------------------------------- frontmatter


@dataclass(slots=True)
class Frontmatter:
    """The YAML block between the ``---`` fences, as plain data plus positions.

    ``data`` holds plain Python values (dict, list, str, int, float, bool, None); timestamps
    stay strings exactly as written. ``positions`` maps a key path such as
    ``("impact", "users_affected")`` or ``("services", 0)`` to the span of its value, and
    ``key_positions`` maps it to the span of the key.
    """

    data: dict[str, Any]
    positions: dict[tuple, Span]
    key_positions: dict[tuple, Span]
    start_line: int  # the opening fence
    end_line: int  # the closing fence
    yaml_text: str

    def span(self, path: tuple, key: bool = False) -> Span:
        """Span of the value at ``path`` (or of its key), falling back to the nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.key_positions:
                return self.key_positions[probe]
            probe = probe[:-1]
        return Span(self.start_line, 1, self.start_line, 4)


@dataclass(slots=True)
class Incident:
    """Typed view of the frontmatter; fields are None where missing or invalid."""

    id: str | None = None
    title: str | None = None
    status: str | None = None
    severity: str | None = None
    services: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    visibility: str = "internal"
    authors: list[str] = field(default_factory=list)
    responders: list[str] = field(default_factory=list)
    started: datetime | None = None
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None
    detection_method: str | None = None
    impact: dict[str, Any] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)
    published: date | None = None

    @property
    def restricted(self) -> bool:
        return self.visibility == "restricted"

    @staticmethod
    def _delta(a: datetime | None, b: datetime | None) -> timedelta | None:
        if a is None or b is None:
            return None
        return b - a

    @property
    def time_to_detect(self) -> timedelta | None:
        """MTTD for this incident: ``detected - started``."""
        return self._delta(self.started, self.detected)

    @property
    def time_to_acknowledge(self) -> timedelta | None:
        """MTTA for this incident: ``acknowledged - detected``."""
        return self._delta(self.detected, self.acknowledged)

    @property
    def time_to_mitigate(self) -> timedelta | None:
        """``mitigated - started``: how long customers were affected."""
        return self._delta(self.started, self.mitigated)

    @property
    def time_to_resolve(self) -> timedelta | None:
        """MTTR for this incident: ``resolved - started``."""
        return self._delta(self.started, self.resolved)

    @property
    def duration(self) -> timedelta | None:
        """Impact duration: until mitigation, or until resolution when never mitigated."""
        return self.time_to_mitigate if self.mitigated else self.time_to_resolve


# --------------------------------------------------------------------------- the review workflow
# (here, beside the incident, so that the review-stalled rule does not load postmortem.metrics)

REVIEW_DAYS = 30  # how long a post-mortem may stay unreviewed after the incident ended, by default


def days_unreviewed(incident: Incident, today: date) -> int | None:
    """Days since the incident ended (``resolved``, else ``started``) for a post-mortem not yet
    reviewed (a status before the schema's reviewed ones: draft, in-review); None when it is
    reviewed, has an unknown status or has no date. One definition for the review-stalled
    rule and for ``postmortem stats``."""
    if incident.status not in STATUSES or incident.status in REVIEWED_STATUSES:
        return None
    end = incident.resolved or incident.started
    return None if end is None else (today - end.date()).days


# --------------------------------------------------------------------------- body


@dataclass(slots=True)
class Section:
    """A heading and the lines it governs (up to the next heading of the same or higher level)."""

    title: str
    level: int
    line: int  # heading line
    end_line: int  # last line of the section's content
    key: str | None  # "timeline", "external-summary", ... (spec.SECTIONS at level 2, else also spec.SUBSECTIONS)
    title_span: Span

    def contains(self, line: int) -> bool:
        return self.line <= line <= self.end_line


@dataclass(slots=True)
class ProseBlock:
    """Running text of one paragraph, list item, heading or table cell.

    ``text`` keeps every character of the source that is prose at its place and replaces
    everything that is not (inline code, raw HTML, link destinations, bare URLs, Markdown
    markup) with spaces, so offsets into ``text`` map back to the file. Code blocks, HTML
    comments and blockquotes never become prose blocks.
    """

    kind: str  # paragraph | heading | table-cell | frontmatter
    text: str
    section: str | None  # canonical key of the enclosing level-2 section
    column: str | None  # canonical table column name, for table cells
    _starts: list[int]  # offset in ``text`` where each source line starts
    _origins: list[tuple[int, int]]  # (line, col) of each of those starts

    def span(self, start: int, end: int) -> Span:
        """Span in the file of ``text[start:end]`` (end exclusive)."""
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end - 1))
        return Span(line, col, end_line, end_col + (1 if end > start else 0))

    @property
    def lines(self) -> list[int]:
        """File lines the block's text comes from, in order."""
        return [line for line, _ in self._origins]

    def position(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        line, col = self._origins[i]
        return line, col + (offset - self._starts[i])


class Cell:
    """A table cell: its source text, its plain text, where it is, and its text as prose.

    ``raw``: source text of the cell, trimmed; ``text``: plain text (markup removed, escapes
    resolved, code spans kept); ``span``; ``prose``. A plain data class (equality, repr and
    pickling by those four), written out so that its span can be made when first read: a
    post-mortem has a hundred-odd cells, the rules read the span of about one in five (where
    a finding is), and a span costs about as much to make as the cell itself. The parser
    gives ``place`` = (line, column, end column) instead of a span.
    """

    __slots__ = ("raw", "text", "_span", "prose", "_place")
    __match_args__ = ("raw", "text", "span", "prose")
    __hash__ = None  # as a data class that is not frozen

    def __init__(self, raw: str, text: str, span: Span | None, prose: ProseBlock | None,
                 place: tuple[int, int, int] | None = None) -> None:
        self.raw = raw
        self.text = text
        self._span = span
        self.prose = prose
        self._place = place

    @property
    def span(self) -> Span:
        span = self._span
        if span is None:
            line, col, end_col = self._place
            span = self._span = Span(line, col, line, end_col)
        return span

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.raw, self.text, self.span, self.prose) == (other.raw, other.text, other.span, other.prose)

    def __repr__(self) -> str:
        return f"Cell(raw={self.raw!r}, text={self.text!r}, span={self.span!r}, prose={self.prose!r})"

    def __reduce__(self):
        return Cell, (self.raw, self.text, self.span, self.prose)


@dataclass(slots=True)
class Row:
    """A body row of a table, with the cells Markdown keeps."""

    line: int
    cells: list[Cell]
    raw_cell_count: int  # cells written on the source line (Markdown drops extras)

    def cell(self, index: int | None) -> Cell | None:
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]


@dataclass(slots=True)
class Table:
    """A Markdown table of the body; ``kind`` and ``columns`` once it is recognised."""

    line: int
    end_line: int
    header: list[Cell]
    rows: list[Row]
    section: str | None
    kind: str | None = None  # timeline | factors | actions, once recognised
    columns: dict[str, int] = field(default_factory=dict)  # canonical column -> index
    align: list[str | None] = field(default_factory=list)  # per column: left | center | right | None

    def value(self, row: Row, column: str) -> Cell | None:
        index = self.columns.get(column)  # Row.cell, inline: the rules ask for cells by column often
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]


@dataclass(slots=True)
class CodeBlock:
    """A fenced or indented code block of the body."""

    line: int
    end_line: int
    info: str
    content: str
    content_line: int  # file line of the first content line


@dataclass(slots=True)
class Comment:
    """An HTML comment on lines of its own (an HTML block), e.g. a suppression directive.

    Comments inside a paragraph are not recorded: a directive must stand on its own line.
    """

    line: int
    end_line: int
    text: str
    next_block: tuple[int, int] | None  # line range of the block that follows, if any
    span: Span  # from ``<!--`` to ``-->`` inclusive


@dataclass(slots=True)
class TableRow:
    """A row of a typed table, linked to its table and so to its cells."""

    row: Row
    table: Table

    def cell(self, column: str) -> Cell | None:
        return self.table.value(self.row, column)

    def cell_span(self, column: str) -> Span:
        """The span of the ``column`` cell, or the start of the row when it has none."""
        cell = self.table.value(self.row, column)
        return cell.span if cell is not None else Span.point(self.row.line)


@dataclass(slots=True)
class TimelineEntry(TableRow):
    """A row of the Timeline table."""

    time_text: str
    time: datetime | None  # None when unparseable
    has_date: bool
    has_timezone: bool
    event: str
    actor: str
    notes: str


@dataclass(slots=True)
class ContributingFactor(TableRow):
    """A row of the Contributing Factors table."""

    id: str
    factor: str
    category: str
    contribution: str
    preventable: str

    @property
    def primary(self) -> bool:
        return self.contribution.strip().lower() == "primary"


@dataclass(slots=True)
class ActionItem(TableRow):
    """A row of the Action Items table."""

    id: str
    action: str  # plain text of the Action cell
    category: str
    owner: str
    priority: str
    due_text: str
    due: date | None  # None when missing or not an ISO date
    status: str
    tracking: str = ""
    addresses: list[str] = field(default_factory=list)  # contributing factor ids

    @property
    def is_open(self) -> bool:
        return self.status.strip().lower() in OPEN_ACTION_STATUSES

    @property
    def declined(self) -> bool:
        """Decided against (``wont-do``): it does not count as addressing anything."""
        return self.status.strip().lower() in DECLINED_ACTION_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due is not None and self.due < today




@dataclass(slots=True)
class Document:
    """One post-mortem, parsed once: what the rules, the reports and the site read."""

    source: Source
    frontmatter: Frontmatter | None = None
    incident: Incident = field(default_factory=Incident)
    body_line: int = 1  # first file line of the Markdown body
    sections: list[Section] = field(default_factory=list)
    prose: list[ProseBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    frontmatter_prose: list[ProseBlock] = field(default_factory=list)  # the title and the impact's summary, as written
    timeline: list[TimelineEntry] = field(default_factory=list)
    factors: list[ContributingFactor] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    problems: list = field(default_factory=list)  # parse problems (postmortem.parse.Problem)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def unreadable(self) -> bool:
        """The file could not be read or decoded: nothing else in it can be checked."""
        return any(problem.kind == "unreadable" for problem in self.problems)

    @property
    def frontmatter_broken(self) -> bool:
        """The frontmatter is missing, empty or does not parse."""
        return any(problem.kind == "frontmatter" for problem in self.problems)

    @property
    def top_sections(self) -> list[Section]:
        """The level-2 sections: the parts of the format (``spec.SECTIONS``)."""
        return [section for section in self.sections if section.level == 2]

    def section(self, key: str) -> Section | None:
        """The first level-2 section with ``key``."""
        for section in self.sections:
            if section.key == key and section.level == 2:
                return section
        return None

    def subsections(self, key: str, within: Section | None = None) -> list[Section]:
        """Sections below level 2 with ``key`` (``"five-whys"``), optionally inside ``within``."""
        return [
            s for s in self.sections
            if s.key == key and s.level > 2 and (within is None or within.contains(s.line))
        ]

    def table(self, kind: str) -> Table | None:
        for table in self.tables:
            if table.kind == kind:
                return table
        return None

    def section_text(self, key: str) -> str:
        """Source text of a section's content (heading excluded), for display."""
        section = self.section(key)
        if section is None:
            return ""
        return self.section_body(section)

    def section_body(self, section: Section) -> str:
        """Source text of any section's content, sub-sections included, heading excluded."""
        return "\n".join(self.source.lines[section.line : section.end_line]).strip("\n")
