"""Regular expressions compiled on first use.

Every rule module is imported on every run, including a pre-commit run on one file, but
many of their patterns only run on some documents (a factor with no action item, a password
written in prose). ``lazy(pattern, flags)`` stands for ``re.compile(pattern, flags)`` and
compiles it the first time one of its methods is called, so a run pays only for the
patterns its documents reach.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A compiled pattern's methods (``search``, ``finditer``, ...), compiled on first use."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
