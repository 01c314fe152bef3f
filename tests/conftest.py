"""Shared test helpers: the repository root, a fixed 'today', and one-call linting."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from postmortem.config import Config
from postmortem.engine import Linter
from postmortem.parse import parse_text

# Property tests run a bounded number of examples by default (seconds); the long fuzz run
# (README, "Limits and fuzzing") selects the "long" profile: HYPOTHESIS_PROFILE=long or
# pytest --hypothesis-profile=long. Tests with their own max_examples keep it.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=_SLOW_OK)
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=_SLOW_OK,
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 23)


def corpus_cells(*names: str) -> list[str]:
    """Every cell longer than three characters of the named corpus files (``tests/corpus/…``),
    escaped line breaks restored: the texts a screen test runs its screens over."""
    texts = []
    for name in names:
        path = ROOT / "tests" / "corpus" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                texts.extend(part.replace("\\n", "\n") for part in line.split("\t") if len(part) > 3)
    return texts


def make_config(archive: Path | None = None, owners: Path | None = None, **settings) -> Config:
    """A configuration rooted at ``archive`` (default: the bundled archive)."""
    archive = archive or ROOT / "postmortems"
    config = Config(root=archive.parent, archive=archive.name)
    config.owners = str(owners or FIXTURES / "owners.yml")
    for key, value in settings.items():
        setattr(config, key, value)
    return config


def lint_text(text: str, select=None, path: str = "incident.md", config: Config | None = None, today: date = TODAY):
    """Diagnostics for one document given as text."""
    linter = Linter(config or make_config(), select=select, today=today)
    doc = parse_text(text, path)
    return linter.lint_documents([doc]).diagnostics


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_addoption(parser):
    parser.addoption("--update-fixtures", action="store_true", help="rewrite .expected files from the current output")


def loaded_after_each(module: str, select: list[str], texts: list[str]) -> list[bool]:
    """In a fresh interpreter: whether ``module`` is imported after all rules are imported,
    then after linting each text in turn with only the ``select`` rules (lazy data stays
    unloaded until a text needs it)."""
    import subprocess
    import sys
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from postmortem.engine import Linter\n"
        "from postmortem.config import Config\n"
        "from postmortem.parse import parse_text\n"
        "from postmortem.rule import all_rules\n"
        "all_rules()\n"
        f"print({module!r} in sys.modules)\n"
        f"linter = Linter(Config(root=Path('.')), select={select!r})\n"
        f"for i, text in enumerate({texts!r}):\n"
        "    linter.lint_documents([parse_text(text, f'{i}.md')])\n"
        f"    print({module!r} in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [word == "True" for word in out.stdout.split()]
