"""Diagnostics are plain data; renderers in :mod:`postmortem.render` turn lists of them into text."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}: use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding as reported: the file, the span, the rule and its severity."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    code: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None
    fix: Any = field(default=None, compare=False, repr=False)  # an Edit, or None

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.code, self.message)

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "fix"}
        data["severity"] = str(self.severity)
        return data
