"""Reading the Tracking cell of an action item (PM317, PM318): the references it holds.

A reference is a link target (``[OPS-123](https://…)``, ``<https://…>``) or the bare text
between commas and semicolons (``OPS-123``, ``https://…``). Bare text that matches no pattern
whole may still be several references separated by spaces (``OPS-1 OPS-2``).
Nothing is fetched: references are only matched against the project's patterns.
"""

from __future__ import annotations

import re

from ..lazy_re import lazy

# Cells that say "no ticket": the Addresses column's "none" spellings.
NONE = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "no"})
_LINK = lazy(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<([a-z][a-z0-9+.-]*:[^>\s]+)>", re.IGNORECASE)
_SEPARATORS = lazy(r"\s*[,;]\s*")


def is_empty(cell) -> bool:
    return cell is None or cell.text.strip().lower() in NONE


def unmatched(raw: str, patterns) -> list[str]:
    """The references of a Tracking cell that match none of ``patterns`` (whole)."""
    bad = []
    for ref in references(raw):
        if any(p.fullmatch(ref) for p in patterns):
            continue
        words = ref.split()
        if len(words) > 1 and all(any(p.fullmatch(word) for p in patterns) for word in words):
            continue
        bad.append(" ".join(words))
    return bad


def references(raw: str) -> list[str]:
    """The references a Tracking cell's source text holds, in order."""
    out: list[str] = []
    rest = []
    at = 0
    for match in _LINK.finditer(raw):
        rest.append(raw[at : match.start()])
        out.append(match.group(2) or match.group(3))
        at = match.end()
    rest.append(raw[at:])
    for part in _SEPARATORS.split(" ".join(rest).replace("`", " ").replace("\\|", "|")):
        part = part.strip()
        if part and part.lower() not in NONE:
            out.append(part)
    return out
