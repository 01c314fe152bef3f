"""The format's closed vocabularies, read from ``schema/postmortem.schema.json``.

The schema is the one place where severities, statuses, priorities, categories and the id
pattern are written down; everything else (rules, fixes, the CLI, the site) takes them from
here. A value's display label comes from the schema's ``x-labels`` annotation, a list in
the order of the ``enum``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from .lazy_re import lazy

__all__ = [
    "Vocabulary",
    "canonical",
    "schema",
    "SEVERITIES",
    "STATUSES",
    "REVIEWED_STATUSES",
    "VISIBILITIES",
    "DETECTION_METHODS",
    "DATA_LOSS",
    "ACTION_STATUSES",
    "OPEN_ACTION_STATUSES",
    "DECLINED_ACTION_STATUSES",
    "ACTION_PRIORITIES",
    "ACTION_CATEGORIES",
    "FACTOR_CATEGORIES",
    "FACTOR_CONTRIBUTIONS",
    "ID_PATTERN",
    "TIMESTAMP_PATTERN",
    "TIMESTAMP_KEYS",
]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The frontmatter schema as shipped with the package (parsed once per process)."""
    # next to this module, as package data (a plain path: importlib.resources costs imports)
    return json.loads((Path(__file__).parent / "schema" / "postmortem.schema.json").read_text("utf-8"))


@dataclass(frozen=True)
class Vocabulary:
    """One closed list of values, in the schema's order, with display labels."""

    values: tuple[str, ...]
    labels: tuple[str, ...]

    @classmethod
    def of(cls, node: dict[str, Any]) -> "Vocabulary":
        values = tuple(node["enum"])
        labels = tuple(node.get("x-labels") or ())
        if labels and len(labels) != len(values):
            raise ValueError(f"x-labels has {len(labels)} entries for {len(values)} values")
        return cls(values, labels or values)

    def __iter__(self):
        return iter(self.values)

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def __len__(self) -> int:
        return len(self.values)

    def label(self, value: str) -> str:
        """The display label of ``value``; the value itself when it is not in the list."""
        try:
            return self.labels[self.values.index(value)]
        except ValueError:
            return value

    def canonical(self, value: str) -> str | None:
        """The value ``value`` means, ignoring case, spaces and punctuation
        (``In Progress`` -> ``in-progress``); None when it means none of them."""
        return _by_spelling(self.values).get(_spelling(value))

    def rank(self, value: str) -> int:
        """Sort key: the value's place in the list, unknown values last."""
        try:
            return self.values.index(value)
        except ValueError:
            return len(self.values)


@lru_cache(maxsize=4096)  # the same few spellings, for every action item of the archive
def _spelling(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@lru_cache(maxsize=64)
def _by_spelling(values: tuple[str, ...]) -> dict[str, str]:
    """Each spelling key of ``values`` to the first value with that key (as :func:`canonical`)."""
    found: dict[str, str] = {}
    for value in values:
        found.setdefault(_spelling(value), value)
    return found


def canonical(value: str, allowed) -> str | None:
    """The one of ``allowed`` that ``value`` means, ignoring case, spaces and punctuation."""
    key = _spelling(value)
    return next((option for option in allowed if _spelling(option) == key), None)


def _node(*path: str) -> dict[str, Any]:
    node: Any = schema()
    for part in path:
        node = node[part]
    return node


SEVERITIES = Vocabulary.of(_node("properties", "severity"))
STATUSES = Vocabulary.of(_node("properties", "status"))
REVIEWED_STATUSES = Vocabulary.of(_node("$defs", "reviewed_status"))
VISIBILITIES = Vocabulary.of(_node("properties", "visibility"))
DETECTION_METHODS = Vocabulary.of(_node("properties", "detection_method"))
DATA_LOSS = Vocabulary.of(_node("properties", "impact", "properties", "data_loss"))
ACTION_STATUSES = Vocabulary.of(_node("$defs", "action_status"))
OPEN_ACTION_STATUSES = Vocabulary.of(_node("$defs", "open_action_status"))
DECLINED_ACTION_STATUSES = Vocabulary.of(_node("$defs", "declined_action_status"))
ACTION_PRIORITIES = Vocabulary.of(_node("$defs", "action_priority"))
ACTION_CATEGORIES = Vocabulary.of(_node("$defs", "action_category"))
FACTOR_CATEGORIES = Vocabulary.of(_node("$defs", "factor_category"))
FACTOR_CONTRIBUTIONS = Vocabulary.of(_node("$defs", "factor_contribution"))
ID_PATTERN = re.compile(_node("$defs", "id")["pattern"])
TIMESTAMP_PATTERN = lazy(_node("$defs", "timestamp")["pattern"])
# The frontmatter keys that hold a timestamp: started, detected, ...
TIMESTAMP_KEYS = tuple(key for key, node in _node("properties").items() if node.get("$ref") == "#/$defs/timestamp")
