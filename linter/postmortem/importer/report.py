"""What ``postmortem import`` tells a person: where each heading went, what the import
assumed, and every finding ``postmortem lint`` reports on the result, placeholders first."""

from __future__ import annotations

from dataclasses import dataclass

from ..parse import parse_bytes
from ..rule import all_rules


@dataclass(frozen=True)
class Listed:
    line: int
    code: str
    message: str


def findings(imported, linter, path: str) -> list[Listed]:
    """The findings ``postmortem lint`` reports on the imported text, as if it were at ``path``."""
    doc = parse_bytes(imported.text.encode("utf-8"), path)
    result = linter.lint_documents([doc])
    return [Listed(d.line, d.code, d.message) for d in result.diagnostics if d.path == path]


def render(imported, listed: list[Listed], target: str) -> str:
    out = [f"{imported.source} -> {target}", "", "Headings:"]
    for mapping in imported.mappings:
        marker = "#" * mapping.level
        if mapping.kind == "section":
            where = f"{mapping.target} ({mapping.how})"
        elif mapping.kind == "extra":
            where = f"kept as `## {mapping.target}`, a known extra section ({mapping.how})"
        elif mapping.kind in ("sub-section", "end-matter"):
            where = mapping.how
        else:
            where = "NOT MAPPED: kept under its own name; move its text where it belongs"
        out.append(f"  line {mapping.line}: {marker} {mapping.title} -> {where}")
    if imported.notes:
        out += ["", "Notes:"] + [f"  - {note}" for note in imported.notes]
    placeholders = {code for code, info in all_rules().items() if info.subsumes}  # the placeholder rules
    fill = [item for item in listed if item.code in placeholders]
    other = [item for item in listed if item.code not in placeholders]
    if fill:
        out += ["", f"To fill in ({len(fill)} placeholder(s) and markers):"]
        out += [f"  line {item.line}: {item.message}" for item in fill]
    if other:
        out += ["", f"Then resolve ({len(other)} finding(s); `postmortem lint {target}` gives hints):"]
        out += [f"  line {item.line}: {item.code} {item.message}" for item in other]
    if not listed:
        out += ["", "postmortem lint reports nothing on it."]
    return "\n".join(out)
