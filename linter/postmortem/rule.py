"""What a rule is, and the registry of all rules.

A rule is one module in :mod:`postmortem.rules` with a docstring written for users (*What it
does*, *Why it matters*, *Example*, *Use instead*) and four names::

    CODE = "PM201"                  # stable, never reused
    NAME = "missing-section"        # kebab-case, stable
    SEVERITY = Severity.ERROR       # default; configurable per project
    OPTIONS = {"name": default}     # options a project may set under [tool.postmortem.rules.CODE]
    FIX = "what --fix rewrites"     # optional: the rule's findings may carry a fix
    def validate_options(options):  # optional: raise ConfigError for a bad option value
        ...

    def check(doc, ctx):            # yields Finding(span, message, hint, fix=Edit | None)
        ...
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Any, Callable, Iterable

from .diagnostics import Severity
from .edits import Edit
from .model import Span

__all__ = ["Finding", "RuleInfo", "Severity", "all_rules", "fixable", "resolve_selector"]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: where, what, how to fix it, and the fix itself when it has one."""

    span: Span
    message: str
    hint: str | None = None
    fix: Edit | None = None  # applied by ``postmortem lint --fix`` when the finding is kept


@dataclass(frozen=True)
class RuleInfo:
    """A rule as the engine runs it and the CLI documents it, read from its module."""

    code: str
    name: str
    severity: Severity
    options: dict[str, Any]
    doc: str
    check: Callable[..., Iterable[Finding]]
    needs_archive: bool = False
    fix: str | None = None  # what the fixes its findings carry rewrite, if any
    reads_unreadable: bool = False  # runs on a file that could not be read
    after_suppression: bool = False  # runs after suppression comments are applied
    subsumes: bool = False  # its findings hide the other rules' findings they overlap
    # rules whose findings it hides where they say the same: at the same "start" or "span"
    outranks: dict[str, str] = field(default_factory=dict)
    reads_owners: bool = False  # checks names against the owner registry
    module: ModuleType | None = field(default=None, compare=False, repr=False)

    @property
    def summary(self) -> str:
        """The first sentence of *What it does*."""
        text = section_text(self.doc, "What it does") or self.doc
        sentence = " ".join(text.split())
        return sentence.split(". ")[0].rstrip(".") + "."


def section_text(doc: str, title: str) -> str:
    """The body of a ``## Title`` part of a rule docstring (``## `` lines in code fences are text)."""
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    fence = ""
    for line in doc.split("\n"):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif line.startswith("## "):
            current = parts.setdefault(line[3:].strip().lower(), [])
            continue
        if current is not None:
            current.append(line)
    return "\n".join(parts.get(title.lower(), [])).strip()


@lru_cache(maxsize=1)
def all_rules() -> dict[str, RuleInfo]:
    """Every rule, by code, in code order."""
    from . import rules as package

    found: dict[str, RuleInfo] = {}
    # The package's folder listed directly: pkgutil costs a one-file run 2 ms of imports.
    names = {entry[:-3] for folder in package.__path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    for name in sorted(names):
        if name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{name}")
        info = RuleInfo(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            options=dict(getattr(module, "OPTIONS", {})),
            doc=(module.__doc__ or "").strip(),
            check=module.check,
            needs_archive=getattr(module, "NEEDS_ARCHIVE", False),
            fix=getattr(module, "FIX", None),
            reads_unreadable=getattr(module, "READS_UNREADABLE", False),
            after_suppression=getattr(module, "AFTER_SUPPRESSION", False),
            subsumes=getattr(module, "SUBSUMES", False),
            outranks=dict(getattr(module, "OUTRANKS", {})),
            reads_owners=getattr(module, "READS_OWNERS", False),
            module=module,
        )
        if info.code in found:
            raise RuntimeError(f"rule code {info.code} is used twice")
        found[info.code] = info
    return dict(sorted(found.items()))


def fixable() -> list[str]:
    """Codes of the rules whose findings may carry a fix."""
    return [code for code, info in all_rules().items() if info.fix]


def resolve_selector(selector: str) -> list[str]:
    """Codes matching ``ALL``, a code, a code prefix (``PM3``) or a rule name; [] if none."""
    rules = all_rules()
    token = selector.strip()
    if token.upper() == "ALL":
        return list(rules)
    by_name = [code for code, info in rules.items() if info.name == token.lower()]
    if by_name:
        return by_name
    return [code for code in rules if code.startswith(token.upper())] if token.upper().startswith("PM") else []
