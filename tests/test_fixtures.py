"""Rule fixtures as data: every ``tests/fixtures/rules/<CODE>/*.md`` is linted with only
rule <CODE> selected, and the diagnostics must equal the sibling ``.expected`` file.

An ``.expected`` file holds one line per diagnostic, ``LINE:COL-END_LINE:END_COL CODE message``;
an empty one means the fixture must not be flagged. Each fixture folder is its own archive
(for the cross-file rules), with ``tests/fixtures/owners.yml`` as owner registry and
2026-11-23 as today. A folder's ``pyproject.toml``, when it has one, sets the rule's options
(``[tool.postmortem.rules.CODE]``) for every fixture in it. Every rule needs at least one
fixture that flags and one that must not.

Regenerate after an intended change of wording: ``pytest tests/test_fixtures.py --update-fixtures``,
then read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem.config import load_config
from postmortem.engine import Linter
from postmortem.rule import all_rules

from .conftest import FIXTURES, ROOT, TODAY, make_config

RULE_FIXTURES = FIXTURES / "rules"
CASES = sorted(RULE_FIXTURES.glob("*/*.md"))


def render(diagnostics) -> str:
    return "".join(f"{d.line}:{d.col}-{d.end_line}:{d.end_col} {d.code} {d.message}\n" for d in diagnostics)


def lint_fixture(path: Path, newline_variant=None) -> str:
    code = path.parent.name
    config = make_config(archive=path.parent)
    settings = path.parent / "pyproject.toml"
    if settings.is_file():
        config.rules = load_config(settings).rules
    linter = Linter(config, select=[code], today=TODAY)
    if newline_variant is None:
        files = [path]
        result = linter.lint_paths(files)
    else:
        from postmortem.parse import parse_bytes

        data = newline_variant(path.read_bytes())
        result = linter.lint_documents([parse_bytes(data, str(path))])
    mine = [d for d in result.diagnostics if Path(d.path).resolve() == path.resolve() or d.path == str(path)]
    return render(mine)


@pytest.fixture(autouse=True)
def _from_repository_root(monkeypatch):
    """Messages name other files relative to the working directory, as the CLI prints them."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path, request):
    expected_path = path.with_suffix(".expected")
    actual = lint_fixture(path)
    if request.config.getoption("--update-fixtures"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"missing {expected_path.name}"
    assert actual == expected_path.read_text(encoding="utf-8")


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


@pytest.mark.parametrize("variant", [_crlf, _bom], ids=["crlf", "bom"])
@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_lints_the_same_with_crlf_and_bom(path: Path, variant):
    if path.read_bytes().startswith(b"\xef\xbb\xbf") or b"\r" in path.read_bytes():
        pytest.skip("fixture is itself about BOM or CR handling")
    assert lint_fixture(path, variant) == lint_fixture(path)


def test_every_rule_has_flagging_and_clean_fixtures():
    missing = []
    for code in all_rules():
        folder = RULE_FIXTURES / code
        expected = [p.read_text(encoding="utf-8") for p in folder.glob("*.expected")]
        if not any(text.strip() for text in expected):
            missing.append(f"{code}: no fixture that must be flagged")
        if not any(not text.strip() for text in expected):
            missing.append(f"{code}: no fixture that must not be flagged")
    assert not missing, "\n".join(missing)
