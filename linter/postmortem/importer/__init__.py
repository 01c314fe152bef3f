"""``postmortem import``: bring a post-mortem written in another shape into this format.

The Google SRE book's template, the Markdown post-mortems projects keep in their
repositories and blog-style incident reports all become a file of this format:

- each heading is mapped through the section names the format accepts (``spec.SECTIONS``),
  a known extra heading (``spec.KNOWN_EXTRAS``) is kept under its own name, and a level-3
  heading that names a section of its own (``### What went well`` under ``## Lessons``)
  becomes that section;
- the timeline and the action items become the format's tables, built from the source's
  lists or tables; every sentence that does not fit a table stays in its section;
- the frontmatter takes what the source states (its title, the first sentence of its Impact
  section, the times of timeline rows that say when the outage began and ended); everything
  else is a ``{{ placeholder }}``.

Nothing is invented: a value the source does not give is a placeholder, a year read from
the post-mortem's date is marked ``[ASSUMPTION: …]``, a time the source does not give is
``[UNCERTAIN: …]``. The report lists the headings and how each was mapped, and every
finding ``postmortem lint`` reports on the result: what a person must still fill in.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import spec
from ..new import next_id, slugify
from ..times import ambiguous_zone
from ..vocabulary import ACTION_CATEGORIES, ACTION_STATUSES, DETECTION_METHODS, SEVERITIES
from . import actions as action_table
from . import timeline as timeline_table
from .blocks import blocks
from .reading import Classified, classify, find_date, is_end_matter, read_source

__all__ = ["Imported", "Mapping", "import_text", "write_new"]


def _choice(values) -> str:
    values = list(values)
    return ", ".join(values[:-1]) + " or " + values[-1]


PLACEHOLDERS = {
    "category": "{{ " + _choice(ACTION_CATEGORIES) + " }}",
    "owner": "{{ owner, as listed in owners.yml }}",
    "priority": "{{ P0–P3 }}",
    "due": "{{ YYYY-MM-DD }}",
    "status": "{{ " + _choice(ACTION_STATUSES) + " }}",
}
_EMPTY = {
    "summary": "{{ Two or three sentences: what happened, who was affected, how it ended. }}",
    "impact": "{{ Who was affected, how, for how long, and how you measured it. }}",
    "timeline": "",
    "root-cause": "{{ Why it happened: the conditions of the system and the process that allowed it. }}",
    "went-well": "{{ What helped: detection, tooling, people and process that worked. }}",
    "could-improve": "{{ What made the incident longer or worse, and where you got lucky. }}",
    "action-items": "",
    "communication": "{{ What was said to whom, and when. }}",
    "lessons": "{{ What the organisation learned, beyond this incident. }}",
}


@dataclass
class Mapping:
    """Where one heading of the source went."""

    level: int
    title: str
    line: int  # 1-based line in the source file
    kind: str  # section | extra | end-matter | unknown
    target: str  # the section's canonical title, the extra's name, or the heading as written
    how: str


@dataclass
class Imported:
    source: str
    text: str  # the post-mortem in this format
    name: str  # suggested file name, YYYY-MM-DD-<slug>.md
    mappings: list[Mapping] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import could not do or assumed

    @property
    def unmapped(self) -> list[Mapping]:
        return [m for m in self.mappings if m.kind == "unknown"]


@dataclass
class _Part:
    title: str | None
    level: int
    line: int  # body line of the heading (0-based); -1 for the text before the first heading
    end: int
    start: int  # first body line of its content (after a setext heading's underline too)
    classified: Classified
    mapping: Mapping | None = None


def import_text(text: str, source_path: str, archive: Path, today: date | None = None) -> Imported:
    """The source ``text`` as a post-mortem of this format; ``archive`` gives the next free id."""
    source = read_source(text, source_path)
    lines = source.lines
    body_offset = _body_offset(text, lines)
    notes = list(source.problems)
    mappings: list[Mapping] = []
    parts = _parts(source, mappings, body_offset)
    title = source.title or "{{ title: name the impact, not the cause }}"
    doc_date = _document_date(source)

    by_key: dict[str, list[_Part]] = {}
    extras: list[_Part] = []
    for part in parts:
        if part.classified.kind == "section":
            same = by_key.setdefault(part.classified.target, [])
            if same and part.mapping:  # a second heading for one section: a sub-section of the first
                part.mapping.how = f"{part.classified.how}; kept as `### {part.title}` in it"
            same.append(part)
        elif part.title is not None:
            extras.append(part)
    preamble = next((p for p in parts if p.title is None), None)

    out_sections: dict[str, list[str]] = {}
    timeline = None
    actions = None
    for key in spec.SECTION_ORDER:
        chunks: list[str] = []
        for index, part in enumerate(by_key.get(key, [])):
            own = _own_heading(part, index)
            if own:
                chunks.append(own)
            start, end = part.start, part.end
            if key == "timeline":
                elsewhere = "\n".join(lines[:part.line] + lines[part.end:])
                heading_zone = timeline_table.header_zone(part.title or "")  # "## Timeline (UTC)"
                found = timeline_table.build(blocks(lines, start, end), lines, doc_date,
                                             heading_zone or timeline_table.zone_note(elsewhere, all_times=True))
                timeline = found if timeline is None else timeline.merge(found)
                chunks.append(_kept(lines, start, end, found.consumed, part, 1 if own else 0))
            elif key == "action-items":
                found = action_table.build(blocks(lines, start, end), lines)
                actions = found if actions is None else actions.merge(found)
                chunks.append(_kept(lines, start, end, found.consumed, part, 1 if own else 0))
            else:
                chunks.append(_kept(lines, start, end, set(), part, 1 if own else 0))
        if key == "summary" and preamble is not None:
            chunks.insert(0, _kept(lines, preamble.start, preamble.end, _skip_title(source), preamble, 0))
        out_sections[key] = [chunk for chunk in chunks if chunk.strip()]

    body: list[str] = []
    for key in spec.SECTION_ORDER:
        if key == "communication" and not by_key.get(key):
            continue
        body.append(f"## {spec.SECTIONS[key][0]}")
        chunks = out_sections[key]
        if key == "timeline":  # the table after the notes that say how to read it
            chunks = chunks[:1] + [_timeline_markdown(timeline)] + chunks[1:]
        elif key == "root-cause" and not _has_whys(by_key.get(key, []), lines):
            chunks = chunks + [_FACTORS]
        elif key == "action-items":
            chunks = chunks[:1] + [_actions_markdown(actions)] + chunks[1:]
        if not any(chunk.strip() for chunk in chunks):
            chunks = [_EMPTY[key]]
        body.extend(["", *_join_chunks(chunks), ""])
    for part in extras:
        body.append(f"## {part.classified.target if part.classified.kind == 'extra' and part.classified.how != 'prefix' else part.title}")
        content = _kept(lines, part.start, part.end, set(), part, 0)
        body.extend(["", content.strip("\n") if content.strip() else "", ""])

    impact = next((p for p in by_key.get("impact", [])), None)
    impact_summary = _first_sentence(lines, impact.start, impact.end) if impact else None
    frontmatter, when = _frontmatter(title, timeline, archive, doc_date, today, impact_summary)
    left = {key: value for key, value in source.meta.items() if key != "title"}
    if left:
        notes.append("the source's frontmatter is not carried over: " + "; ".join(
            f"{key} = {value!r}" for key, value in left.items()) + " (authors here are teams or roles from owners.yml)")
    if timeline:
        notes.extend(_timeline_notes(timeline))
    if actions and actions.items:
        notes.append(f"{len(actions.items)} action item(s) read from the source: give each its category, owner, priority, due date and status")
    if not (timeline and timeline.rows):
        notes.append("no timeline the import could read: write the timeline table")
    text_out = frontmatter + "\n\n" + "\n".join(_squeeze(body)).rstrip("\n") + "\n"
    day = when or doc_date
    name = f"{day.isoformat()}-{slugify(source.title or Path(source_path).stem)}.md" if day else f"{slugify(Path(source_path).stem)}.md"
    if not day:
        notes.append("no date found: the file name has none; rename it YYYY-MM-DD-<slug>.md")
    return Imported(source_path, text_out, name, mappings, notes)


# --------------------------------------------------------------------------- structure


def _body_offset(text: str, lines: list[str]) -> int:
    """Lines before the body in the source file (its frontmatter), for 1-based source lines."""
    total = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    return total - len(lines)


def _parts(source, mappings: list[Mapping], body_offset: int) -> list[_Part]:
    headings = source.headings
    parts: list[_Part] = []
    first = headings[0].line if headings else len(source.lines)
    parts.append(_Part(None, 0, -1, first, 0, Classified("preamble", "", "")))
    if not headings:
        return parts
    base = min(h.level for h in headings)
    end_matter = False
    parent: _Part | None = None  # the last part at the base level
    for heading in headings:
        classified = classify(heading.title, end_matter)
        top = parent
        new_part = heading.level == base and classified.kind != "end-matter"
        promoted = (heading.level == base + 1 and classified.kind == "section" and top is not None
                    and not (top.classified.kind == "section" and top.classified.target == classified.target)
                    and not end_matter)
        if new_part or promoted:
            parts[-1].end = heading.line
            parts.append(_Part(heading.title, heading.level, heading.line, len(source.lines), heading.end, classified))
            if new_part:
                parent = parts[-1]
            end_matter = end_matter or is_end_matter(classified)
            kind = classified.kind
            target = spec.SECTIONS[classified.target][0] if kind == "section" else classified.target
            how = classified.how + (f"; a sub-section of {top.title}, now a section of its own" if promoted and top else "")
            parts[-1].mapping = Mapping(heading.level, heading.title, heading.line + 1 + body_offset, kind, target, how)
            mappings.append(parts[-1].mapping)
        else:
            holder = parts[-1]
            where = (spec.SECTIONS[holder.classified.target][0] if holder.classified.kind == "section"
                     else holder.classified.target or holder.title or "")
            kind = "end-matter" if classified.kind == "end-matter" else "sub-section"
            how = f"kept as a sub-section of {where}"
            if holder.classified.target == "timeline" and find_date(heading.title):
                how = "a date: written on the timeline rows below it"
            mappings.append(Mapping(heading.level, heading.title, heading.line + 1 + body_offset, kind, where, how))
    return parts


def _own_heading(part: _Part, index: int) -> str:
    """A sub-heading keeping the source's own words when they say more than the section name."""
    if part.title is None or (index == 0 and part.classified.how == "alias"):
        return ""
    return f"### {part.title}"


def _skip_title(source) -> set[int]:
    if source.title_line is None:
        return set()
    return set(range(source.title_line, source.title_end))


def _kept(lines: list[str], start: int, end: int, consumed: set[int], part: _Part, shift: int) -> str:
    """The lines of a part that were not turned into table rows, headings re-levelled."""
    headings = {block.start: block for block in blocks(lines, start, end) if block.kind == "heading"}
    out = []
    underline = -1
    for number in range(max(start, 0), end):
        if number in consumed or number == underline:
            continue
        line = lines[number]
        if number in headings:
            token = headings[number].tokens[0]
            level = int(token.tag[1])
            # the part's heading becomes level 2 (or 3 under its own words): keep the nesting below it
            new_level = min(6, max(3, level - part.level + 2 + shift))
            if token.markup.startswith("#"):
                stripped = line.lstrip()
                line = "#" * new_level + stripped[len(stripped) - len(stripped.lstrip("#")):]
            else:  # a setext heading: its text, then an underline that is not kept
                line = "#" * new_level + " " + line.strip()
                underline = headings[number].end - 1
        out.append(line)
    return "\n".join(_squeeze(out)).strip("\n")


def _squeeze(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip() and out and not out[-1].strip():
            continue
        out.append(line.rstrip() if not line.strip() else line)
    return out


def _join_chunks(chunks: list[str]) -> list[str]:
    out: list[str] = []
    for chunk in chunks:
        if out:
            out.append("")
        out.extend(chunk.split("\n"))
    return out


def _has_whys(parts: list[_Part], lines: list[str]) -> bool:
    for part in parts:
        if part.title and "whys" in spec.normalise_heading(part.title):
            return True
        for number in range(part.start, part.end):
            text = lines[number].lstrip()
            if text.startswith("#") and "whys" in spec.normalise_heading(text.lstrip("#")):
                return True
    return False


def _document_date(source) -> date | None:
    """The date the source is about: its frontmatter, title or first lines."""
    meta_date = source.meta.get("date")
    if isinstance(meta_date, date):
        return meta_date
    for text in (source.title or "", "\n".join(source.lines[:12]), str(meta_date or ""),
                 str(source.meta.get("path", "")).replace("/", "-")):
        found = find_date(text)
        if found:
            return found
    return None


# --------------------------------------------------------------------------- tables

_FACTORS = """| ID | Factor | Category | Contribution | Preventable |
|----|--------|----------|--------------|-------------|
| CF1 | {{ a condition of the system or process, from the text above }} | {{ Technical, Process, Human or External }} | {{ primary, contributing or minor }} | {{ yes, no or partially }} |"""


def _timeline_markdown(timeline) -> str:
    head = "| Time | Event | Actor | Notes |\n|------|-------|-------|-------|"
    if not timeline or not timeline.rows:
        return head + "\n| {{ YYYY-MM-DD HH:MM UTC }} | {{ what happened }} | {{ system or role }} | |"
    return head + "\n" + "\n".join(_row([row.time, row.event, row.actor, row.notes]) for row in timeline.rows)


def _row(cells: list[str]) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def _actions_markdown(actions) -> str:
    head = ("| ID | Action | Category | Owner | Priority | Due | Status | Tracking |\n"
            "|----|--------|----------|-------|----------|-----|--------|----------|")
    if not actions or not actions.items:
        return head + "\n" + _row(["A1", "{{ an action starting with a verb }}",
                                     *(PLACEHOLDERS[c] for c in ("category", "owner", "priority", "due", "status")), ""])
    rows = []
    for number, item in enumerate(actions.items, start=1):
        cells = [f"A{number}", item.action]
        for column in ("category", "owner", "priority", "due", "status"):
            value = item.cells.get(column)
            if not value:
                value = PLACEHOLDERS[column]
                if item.notes and column == "priority":
                    value = "{{ P0–P3; " + "; ".join(item.notes) + " }}"
            cells.append(value)
        cells.append(item.cells.get("tracking", ""))
        rows.append(_row(cells))
    return head + "\n" + "\n".join(rows)


def _timeline_notes(timeline) -> list[str]:
    notes = []
    if timeline.rows and not any(row.actor for row in timeline.rows):
        notes.append("the Actor column is empty: name the system or role of each row")
    ambiguous = []
    for row in timeline.rows:
        found = ambiguous_zone(row.time)
        if found and found[0] not in ambiguous:
            ambiguous.append(found[0])
    for zone in ambiguous:
        notes.append(f"the timeline uses {zone}, which names more than one timezone: write the offset (`postmortem explain timeline-time-invalid`)")
    if timeline.unknown_times:
        notes.append(f"{timeline.unknown_times} timeline row(s) have no time in the source and are marked [UNCERTAIN]")
    for time, above in timeline.backwards:
        notes.append(f"the row at {time} is earlier than the one above it ({above}): if it is after midnight, "
                     "the source gives no new date; write the date on that row")
    if any("[ASSUMPTION" in row.notes for row in timeline.rows):
        notes.append("some timeline dates take their year from the post-mortem's date, marked [ASSUMPTION]")
    return notes


# --------------------------------------------------------------------------- frontmatter


def _stamp(when) -> str:
    text = when.isoformat()
    return text.replace("+00:00", "Z")


def _first_sentence(lines: list[str], start: int, end: int) -> str | None:
    """The first sentence of a section, when it is plain text short enough for ``impact.summary``."""
    for block in blocks(lines, start, end):
        if block.kind != "paragraph":
            continue
        text = " ".join(" ".join(lines[block.start : block.end]).split())
        sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        if 10 <= len(sentence) <= 200 and not re.search(r"[\[\]`*_<>{}|\\]", sentence):
            return sentence
        return None
    return None


def _frontmatter(title: str, timeline, archive: Path, doc_date: date | None, today: date | None,
                 impact_summary: str | None = None):
    rows = timeline.rows if timeline else []
    found = {}
    for key, pattern in (("started", timeline_table.STARTED), ("mitigated", timeline_table.MITIGATED),
                         ("resolved", timeline_table.RESOLVED)):
        row = next((r for r in rows if r.when and pattern.search(r.event)), None)
        if row:
            found[key] = _stamp(row.when)
    started_day = None
    if "started" in found:
        started_day = date.fromisoformat(found["started"][:10])
    day = started_day or doc_date or next((r.when.date() for r in rows if r.when), None)
    year = (day or today or date.today()).year
    lines = [
        "---",
        f"id: {next_id(archive, year)}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "status: draft",
        'severity: "{{ ' + _choice(SEVERITIES) + ' }}"',
        'services: ["{{ affected service, lower-case-with-hyphens }}"]',
        "tags: []",
        "visibility: internal",
        'authors: ["{{ your team or role, as listed in owners.yml }}"]',
        "started: " + found.get("started", '"{{ when impact began, e.g. 2026-03-04T14:02:00Z }}"'),
        'detected: "{{ when the organisation first knew, ISO 8601 with timezone }}"',
    ]
    if "mitigated" in found:
        lines.append(f"mitigated: {found['mitigated']}")
    lines += [
        "resolved: " + found.get("resolved", '"{{ when the system was back to normal, ISO 8601 with timezone }}"'),
        'detection_method: "{{ ' + " | ".join(DETECTION_METHODS) + ' }}"',
        "impact:",
        "  summary: " + (json.dumps(impact_summary, ensure_ascii=False) if impact_summary
                         else '"{{ who was affected and how, in one sentence }}"'),
        '  users_affected: "{{ a number, or unknown }}"',
        '  data_loss: "{{ none | some | unknown }}"',
        '  slo_budget_consumed: "{{ percent of the period\'s error budget, or unknown }}"',
        "---",
    ]
    return "\n".join(lines), day


# --------------------------------------------------------------------------- writing


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically; never replace an existing file (FileExistsError)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.link(temporary, path)  # fails if the file exists: the file appears whole or not at all
    finally:
        os.unlink(temporary)
