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


def alternation(words) -> str:
    """A pattern that matches any of ``words`` (literal strings), as
    ``"|".join(map(re.escape, sorted(words, key=len, reverse=True)))`` does, and prefers a
    longer word where several match at one place, as that join does, but with the words
    sharing their beginnings: ``plan(?:ned|s)?`` for plan, planned and plans. The regular
    expression engine tries the alternatives of a group one after another, so at each place
    it tries about as many as there are first letters instead of as many as there are words.

    The words that can match at one place are prefixes of one another, so each goes deeper
    into the tree of shared beginnings; the tree tries a longer continuation before ending a
    word there, so the engine meets those words from the longest to the shortest, as in the
    join by length, and finds the same matches with the same groups
    (``tests/test_lazy_re.py`` compares them).
    """
    tree: dict = {}
    for word in set(words):
        if not word:
            raise ValueError("alternation() of an empty word")
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _alternation(tree)


def _alternation(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _alternation(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group


class Caseless:
    """A case-insensitive pattern that is only asked whether it occurs in a text, faster on
    ASCII text (nearly every text): there it runs case-sensitively on the text in lower case.

    With ``re.IGNORECASE`` the engine compares every character through its case mappings and
    cannot skip an alternative by its first letter, which made such searches some of the
    costliest of a lint. On ASCII text, lower-casing maps each character to one character,
    changes no word boundary, space or word character, and leaves out none of the non-ASCII
    characters the engine also takes for an ASCII letter (the long s, the Kelvin sign), so a
    pattern whose letters are all lower case matches there exactly where the case-insensitive
    one matches the text (``tests/test_lazy_re.py`` compares them). Other text is searched
    case-insensitively as it is. Compiled on first use, as :func:`lazy`.
    """

    __slots__ = ("_lower", "_caseless")

    def __init__(self, pattern: str, flags: int = 0):
        if re.sub(r"\\.", "", pattern) != re.sub(r"\\.", "", pattern).lower():
            raise ValueError(f"Caseless() needs a pattern in lower case: {pattern!r}")
        self._lower = LazyPattern(pattern, flags)
        self._caseless = LazyPattern(pattern, flags | re.IGNORECASE)

    def occurs(self, text: str) -> bool:
        if text.isascii():
            return self._lower.search(text.lower()) is not None
        return self._caseless.search(text) is not None

    @property
    def pattern(self) -> str:
        return self._lower._source

    def __repr__(self) -> str:
        return f"Caseless({self._lower._source!r})"
