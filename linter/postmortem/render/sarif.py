"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` holds every rule that ran (id, name, descriptions and help
from its documentation, default level), results point at their rule by ``ruleId`` and
``ruleIndex``. File locations are URIs relative to the repository root (``%SRCROOT%``),
regions use 1-based lines and columns counted in Unicode code points with an exclusive
``endColumn``. ``partialFingerprints["postmortemFinding/v1"]`` identifies a finding by file,
rule, message and occurrence, not by line, so moving text around does not open new alerts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Severity
from ..rule import section_text
from ._encode import dumps

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT_ID = "%SRCROOT%"
FINGERPRINT = "postmortemFinding/v1"


def artifact_location(path: str, root: str | None) -> dict:
    """A URI relative to ``root`` when the file is inside it, else an absolute file URI."""
    if root is not None:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, root) if _inside(absolute, root) else None
        if relative is not None:
            return {"uri": quote(Path(relative).as_posix(), safe="/"), "uriBaseId": ROOT_ID}
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(Path(path).as_posix(), safe="/")}


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == os.path.abspath(root)
    except ValueError:
        return False


def rule_descriptor(info) -> dict:
    what = section_text(info.doc, "What it does") or info.summary
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": info.doc, "markdown": info.doc},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["post-mortem"]},
    }


def render(diagnostics, summary) -> str:
    infos = {info.code: info for info in summary.rules}
    missing = sorted({d.code for d in diagnostics} - set(infos))
    if missing:  # a finding from a rule not in the catalogue still needs a descriptor
        from ..rule import all_rules

        infos.update({code: all_rules()[code] for code in missing if code in all_rules()})
    codes = sorted(infos)
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "postmortem",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(infos[code]) for code in codes],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": None,
    }
    if summary.root is not None:
        base = Path(summary.root).as_uri()
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": base if base.endswith("/") else base + "/"}}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return dumps(log, ("runs", 0, "results"), _results(diagnostics, summary.root, index))


def _results(diagnostics, root: str | None, index: dict[str, int]):
    """One result per finding, made as the output takes it."""
    seen: dict[tuple, int] = {}
    for d in diagnostics:
        location = artifact_location(d.path, root)
        key = (location["uri"], d.code, d.message)
        occurrence = seen[key] = seen.get(key, -1) + 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8")).hexdigest()
        text = d.message + (f"\nHint: {d.hint}" if d.hint else "")
        result = {
            "ruleId": d.code,
            "level": LEVELS[d.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.col,
                            "endLine": max(d.end_line, d.line),
                            "endColumn": max(d.end_col, d.col) if d.end_line <= d.line else max(d.end_col, 1),
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: digest[:32]},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        yield result
