"""Each fact in one place: the vocabularies come from the schema, a rule code from its rule.

The code (docstrings and comments aside, which document values) never spells out a
severity, a post-mortem status or an action-item status as a string: it takes them from
``postmortem.vocabulary``. A rule code appears as a string only in its own rule module.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from postmortem import vocabulary
from postmortem.rule import all_rules

from .conftest import ROOT

PACKAGE = ROOT / "linter" / "postmortem"
CODE = re.compile(r"PM\d{3}")


def string_literals(path: Path):
    """(line, value) of every string constant that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_vocabulary_values_are_written_only_in_the_schema():
    # "published" and "open" are also the names of a frontmatter key and a report column
    values = set(vocabulary.SEVERITIES) | set(vocabulary.STATUSES) | set(vocabulary.ACTION_STATUSES)
    values -= {"published", "open"}
    found = [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in sources()
        for line, value in string_literals(path)
        if value in values
    ]
    assert found == []


def test_each_rule_code_is_written_once_in_its_own_rule():
    rules = all_rules()
    owners = {info.code: Path(info.module.__file__).resolve() for info in rules.values()}
    found = []
    for path in sources():
        for line, value in string_literals(path):
            for code in CODE.findall(value):
                if code in owners and owners[code] != path.resolve():
                    found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert found == []
    for code, path in owners.items():
        literals = [value for _, value in string_literals(path) if value == code]
        assert literals == [code], code  # CODE = "PMnnn", once
