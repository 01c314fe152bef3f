"""Reading a post-mortem written in another shape: its own frontmatter, its title and its
headings, each heading classified against the format's section names (``spec``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .. import spec

_FENCES = {"---": "yaml", "+++": "toml"}
_EXTRAS = {spec.normalise_heading(name): name for name in spec.KNOWN_EXTRAS}
# End matter: once it starts, headings the format does not know belong to it.
_END_MATTER = {"Appendix", "Supporting Information", "References", "Links"}
# How alike a misspelt heading and a known name must be (difflib's ratio): "Apendix".
_CLOSE = 0.85


@dataclass
class Heading:
    level: int
    title: str
    line: int  # 0-based index into the body lines
    end: int  # one past its last line: a setext heading has two


@dataclass
class Classified:
    kind: str  # section | extra | unknown
    target: str  # section key, extra name, or the title as written
    how: str  # alias | prefix | close | end-matter | as written


@dataclass
class Source:
    """A foreign post-mortem: its metadata, body lines and headings (outside code)."""

    path: str
    meta: dict
    meta_format: str | None
    lines: list[str]
    headings: list[Heading]
    title: str | None = None
    title_line: int | None = None
    title_end: int | None = None
    problems: list[str] = field(default_factory=list)


def read_source(text: str, path: str) -> Source:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    meta, meta_format, problems = {}, None, []
    first = lines[0].strip() if lines else ""
    if first in _FENCES:
        for end in range(1, len(lines)):
            closing = (first, "...") if first == "---" else (first,)
            if lines[end].strip() in closing:
                block = "\n".join(lines[1:end])
                meta_format = _FENCES[first]
                try:
                    meta = _load(block, meta_format)
                except Exception as exc:  # a broken block is reported, and its text dropped with the fence
                    problems.append(f"its {meta_format.upper()} frontmatter could not be read ({type(exc).__name__})")
                lines = lines[end + 1 :]
                break
    source = Source(path, meta if isinstance(meta, dict) else {}, meta_format, lines, _headings(lines), problems=problems)
    title = source.meta.get("title")
    h1 = [h for h in source.headings if h.level == 1]
    if len(h1) == 1 and source.headings[0] is h1[0]:
        source.title_line, source.title_end = h1[0].line, h1[0].end
        source.headings = source.headings[1:]
        title = title or h1[0].title
    source.title = str(title).strip() if title else None
    return source


def _load(block: str, kind: str) -> dict:
    if kind == "toml":
        return tomllib.loads(block)
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(block) or {}


def _headings(lines: list[str]) -> list[Heading]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse("\n".join(lines))
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            found.append(Heading(int(token.tag[1]), tokens[index + 1].content.strip(), token.map[0], token.map[1]))
    return found


def classify(title: str, after_end_matter: bool = False) -> Classified:
    """Which section of the format a heading names, or which known extra, or neither."""
    name = spec.normalise_heading(title)
    if name in spec.SECTION_INDEX:
        return Classified("section", spec.SECTION_INDEX[name], "alias")
    if name in _EXTRAS:
        return Classified("extra", _EXTRAS[name], "alias")
    for table, kind in ((spec.SECTION_INDEX, "section"), (_EXTRAS, "extra")):
        for alias in sorted(table, key=len, reverse=True):
            if name.startswith(alias + " "):
                return Classified(kind, table[alias], "prefix")
    best = None
    for table, kind in ((spec.SECTION_INDEX, "section"), (_EXTRAS, "extra")):
        for alias, target in table.items():
            ratio = SequenceMatcher(None, name, alias).ratio()
            if ratio >= _CLOSE and (best is None or ratio > best[0]):
                best = (ratio, kind, target)
    if best:
        return Classified(best[1], best[2], "close")
    if after_end_matter:
        return Classified("end-matter", title, "end-matter")
    return Classified("unknown", title, "as written")


def is_end_matter(classified: Classified) -> bool:
    return classified.kind == "extra" and classified.target in _END_MATTER


# --------------------------------------------------------------------------- dates

MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WORD_DATE = re.compile(
    r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)


def find_date(text: str):
    """The first date written in ``text`` (``2019-01-23`` or ``January 23rd, 2019``), or None."""
    from datetime import date

    candidates = []
    for match in ISO_DATE.finditer(text):
        candidates.append((match.start(), (int(match[1]), int(match[2]), int(match[3]))))
    for match in WORD_DATE.finditer(text):
        candidates.append((match.start(), (int(match[3]), MONTHS[match[1].lower()], int(match[2]))))
    for _, (year, month, day) in sorted(candidates):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None
