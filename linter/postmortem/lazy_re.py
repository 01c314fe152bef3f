"""Regular expressions compiled on first use.

Every rule module is imported on every run, including a pre-commit run on one file, but
many of their patterns only run on some documents (a factor with no action item, a password
written in prose). ``lazy(pattern, flags)`` stands for ``re.compile(pattern, flags)`` and
compiles it the first time one of its methods is called, so a run pays only for the
patterns its documents reach. Once compiled, the matching methods are the compiled
pattern's own bound methods, stored on the object: a call costs what it costs on the
compiled pattern.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A compiled pattern's methods (``search``, ``finditer``, ...), compiled on first use."""

    __slots__ = ("_source", "_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0):
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            compiled = re.compile(self._source, self._flags)
            for name in _METHODS:  # found before __getattr__ from now on
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str):  # only for names not set yet (or not in the slots)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
