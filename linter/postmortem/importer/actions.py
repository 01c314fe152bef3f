"""The action-item table built from a foreign list of follow-ups or a table of them.

Only what the source says is filled in: the action's text, a tracking link or ticket, an
owner, category or status the source gives in a form the format reads. Everything else is
a placeholder for a person to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import spec
from ..vocabulary import ACTION_CATEGORIES, ACTION_STATUSES, DECLINED_ACTION_STATUSES, OPEN_ACTION_STATUSES
from .blocks import Block, list_items, table_rows

_LEADING_TRACKER = re.compile(r"^(?P<ref>\[#?\d+\](?:\([^)]*\))?)\s*:?\s*")
_TRAILING_TRACKER = re.compile(r"\s*\(?(?P<ref>\[#?\d+\](?:\([^)]*\))?|#\d+|https?://\S+/(?:issues|pull)/\d+)\)?\.?\s*$")
_PRIORITY_WORD = re.compile(r"^\*\*(?P<word>HIGH|MEDIUM|LOW|CRITICAL|P[0-4])\*\*\s*", re.IGNORECASE)
_STATUS_WORD = re.compile(r"\b(DONE|TODO|IN PROGRESS|BLOCKED|WONTFIX)\b")
# The source's status words in the format's vocabulary (DONE, IN PROGRESS, BLOCKED spell it).
_STATUS = {
    word: ACTION_STATUSES.canonical(word)
    or {"TODO": OPEN_ACTION_STATUSES.values[0], "WONTFIX": DECLINED_ACTION_STATUSES.values[0]}[word]
    for word in ("DONE", "TODO", "IN PROGRESS", "BLOCKED", "WONTFIX")
}
# Columns a foreign action table may have that the format names otherwise.
_EXTRA_COLUMNS = {"bug": "tracking", "issue": "tracking", "ticket": "tracking", "action items": "action"}


@dataclass
class Item:
    action: str
    cells: dict[str, str] = field(default_factory=dict)  # canonical column -> what the source gave
    notes: list[str] = field(default_factory=list)
    source_line: int = 0


@dataclass
class Actions:
    items: list[Item] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)

    def merge(self, other: "Actions") -> "Actions":
        """One list from two sections that both hold action items."""
        self.items += other.items
        self.consumed |= other.consumed
        return self


def build(blocks: list[Block], lines: list[str]) -> Actions:
    actions = Actions()
    for block in blocks:
        if block.kind == "list":
            for start, end, text in list_items(block, lines):
                item = _from_text(text, start)
                if item:
                    actions.items.append(item)
                    actions.consumed.update(range(start, end))
        elif block.kind == "table":
            found = list(_from_table(block, lines))
            if found:
                actions.items.extend(found)
                actions.consumed.update(range(block.start, block.end))
    return actions


def _from_text(text: str, line: int) -> Item | None:
    text = " ".join(text.split())
    if not text:
        return None
    cells: dict[str, str] = {}
    notes = []
    priority = _PRIORITY_WORD.match(text)
    if priority:
        notes.append(f"priority in the source: {priority['word']}")
        text = text[priority.end():]
    lead = _LEADING_TRACKER.match(text)
    if lead:
        cells["tracking"] = lead["ref"]
        text = text[lead.end():]
    else:
        trail = _TRAILING_TRACKER.search(text)
        if trail and trail.start() > 0:
            cells["tracking"] = trail["ref"]
            text = text[: trail.start()].rstrip(" :")
    return Item(_cell(text), cells, notes, line)


def _from_table(block: Block, lines: list[str]):
    rows = table_rows(block, lines)
    if len(rows) < 2:
        return
    columns: dict[str, int] = {}
    for index, (_, header) in enumerate(rows[0][1]):
        key = spec.column_key("actions", header) or _EXTRA_COLUMNS.get(spec.normalise_heading(header))
        if key and key not in columns:
            columns[key] = index
    if "action" not in columns:
        return
    for line, cells in rows[1:]:
        values = {column: text for column, text in cells}
        action = values.get(columns["action"], "").strip()
        if not action:
            continue
        item = Item(_cell(action), {}, [], line)
        for key, index in columns.items():
            value = values.get(index, "").strip()
            if key == "action" or not value:
                continue
            status = _STATUS_WORD.search(value)
            if status and "status" not in columns:
                item.cells["status"] = _STATUS[status[1]]
                value = _STATUS_WORD.sub("", value).strip()
            if key == "category" and value.lower() not in ACTION_CATEGORIES:
                item.notes.append(f"type in the source: {value}")
                continue
            if key == "status" and value.lower() not in ACTION_STATUSES:
                item.notes.append(f"status in the source: {value}")
                continue
            if value and value.lower() != "n/a":
                item.cells[key] = _cell(value.lower() if key in ("category", "status") else value)
        yield item


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
