"""A throw-away project for command-line tests: a pyproject.toml with [tool.postmortem], an
owner registry and an archive folder, plus a way to run ``postmortem`` in it."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from postmortem.cli import main

from .conftest import FIXTURES

ARCHIVE = FIXTURES / "archive"  # small archive with exactly known action items and figures
PYPROJECT = """\
[tool.postmortem]
archive = "postmortems"
owners = "owners.yml"
"""


def make_project(root: Path, files: dict[str, str | bytes] | None = None, copy_archive: bool = False,
                 extra_config: str = "") -> Path:
    """A project in ``root``; ``files`` maps names in ``postmortems/`` to their content."""
    archive = root / "postmortems"
    archive.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(PYPROJECT + extra_config, encoding="utf-8")
    shutil.copy(FIXTURES / "owners.yml", root / "owners.yml")
    if copy_archive:
        for path in ARCHIVE.glob("*.md"):
            shutil.copy(path, archive / path.name)
    for name, content in (files or {}).items():
        target = archive / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    return root


@contextmanager
def cwd(path: Path):
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run(project: Path, *args: str):
    """Run ``postmortem ARGS`` in ``project``; returns click's Result (stdout, stderr, exit_code)."""
    with cwd(project):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)


def archive_text(name: str) -> str:
    return (ARCHIVE / name).read_text(encoding="utf-8")


def git_env(home: Path, pre_commit_home: Path) -> dict[str, str]:
    """Settings for git and pre-commit in a throw-away repository: no user or system git
    configuration, a fixed author, pre-commit's cache in ``pre_commit_home``, plain output."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "gitconfig").write_text("", encoding="utf-8")
    return {
        "PRE_COMMIT_HOME": str(pre_commit_home),
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Post Mortem",
        "GIT_AUTHOR_EMAIL": "postmortem@example.invalid",
        "GIT_COMMITTER_NAME": "Post Mortem",
        "GIT_COMMITTER_EMAIL": "postmortem@example.invalid",
        "NO_COLOR": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }
