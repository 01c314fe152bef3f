"""Suppression comments: ``<!-- postmortem: disable=PM301 -->`` and ``disable-file``.

A directive silences the rules it names (codes, prefixes or names; none: every rule) for
the block right after it, or with ``disable-file`` for the whole file. Which directives
suppressed nothing is reported by the ``unused-suppression`` rule, which reads
:attr:`Directive.used` after :func:`suppress` has run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .diagnostics import Diagnostic
from .model import Comment, Document
from .rule import resolve_selector
from .lazy_re import lazy

_DIRECTIVE = lazy(r"^postmortem:\s*(disable-file|disable)\s*(?:=\s*(.*))?$", re.IGNORECASE | re.DOTALL)


@dataclass
class Directive:
    """A suppression comment: the rules it names, and whether it suppressed anything."""

    comment: Comment
    codes: set[str] | None  # None: every rule
    whole_file: bool
    lines: tuple[int, int] | None  # the block it applies to
    used: bool = False

    @property
    def line(self) -> int:
        return self.comment.line

    @property
    def text(self) -> str:
        return self.comment.text

    def covers(self, diag: Diagnostic) -> bool:
        if self.codes is not None and diag.code not in self.codes:
            return False
        return self.whole_file or (self.lines is not None and self.lines[0] <= diag.line <= self.lines[1])


def directives(doc: Document) -> Iterator[Directive]:
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind, names = match.group(1).lower(), (match.group(2) or "").strip()
        codes: set[str] | None = None
        parts = [name for name in re.split(r"[\s,]+", names) if name]
        if parts and not any(name.upper() == "ALL" for name in parts):
            codes = set()
            for name in parts:
                codes.update(resolve_selector(name) or [name])
        yield Directive(comment, codes, kind == "disable-file", comment.next_block)


def suppress(diagnostics: list[Diagnostic], found: list[Directive]) -> list[Diagnostic]:
    """The diagnostics no directive covers; marks the directives that covered one as used."""
    if not found:
        return diagnostics
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        covering = [directive for directive in found if directive.covers(diag)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(diag)
    return kept
