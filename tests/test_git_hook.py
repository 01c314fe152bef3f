"""``hooks/pre-commit``, the plain git hook, in a throw-away repository: real ``git commit``.

The repository uses the hook the way ``hooks/README.md`` says: a copy in its own ``hooks/``
folder and ``git config core.hooksPath hooks``. ``POSTMORTEM`` points the hook at this
environment's ``postmortem``.
"""

from __future__ import annotations

import shutil

import pytest

from .conftest import ROOT
from .test_precommit import BLAMING, NEUTRAL, POSTMORTEM, Repo, post_mortem

HOOK = ROOT / "hooks" / "pre-commit"


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path)
    (repo.root / "hooks").mkdir()
    shutil.copy(HOOK, repo.root / "hooks" / "pre-commit")
    repo.git("config", "core.hooksPath", "hooks")
    repo.env["POSTMORTEM"] = POSTMORTEM
    return repo


def commits(repo) -> int:
    return repo.run("git", "log", "--oneline").stdout.count("\n")


def test_hook_blocks_a_failing_post_mortem_and_passes_it_once_fixed(repo):
    before = commits(repo)
    name = repo.write("postmortems/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", name)
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode != 0
    assert f"{name}:28:1: PM501 [error]" in commit.stdout + commit.stderr
    assert commits(repo) == before

    repo.write(name, post_mortem("PM-2026-050", NEUTRAL))
    repo.git("add", name)
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert commits(repo) == before + 1


def test_hook_reads_file_names_as_written(repo):
    name = repo.write("postmortems/2026-11-20-café rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", name)
    commit = repo.run("git", "commit", "-m", "Add the café rollout post-mortem")
    assert commit.returncode != 0
    assert f"{name}:28:1: PM501 [error]" in commit.stdout + commit.stderr


def test_hook_checks_what_is_committed_not_unstaged_edits(repo):
    name = repo.write("postmortems/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", name)
    repo.write(name, post_mortem("PM-2026-050", NEUTRAL))  # fixed, but not staged
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode != 0
    assert "unstaged changes" in commit.stderr and name in commit.stderr


def test_hook_lets_other_commits_through(repo):
    before = commits(repo)
    repo.write("postmortems/README.md", "# About this archive\n")
    repo.write("notes.txt", "not a post-mortem\n")
    repo.git("add", ".")
    commit = repo.run("git", "commit", "-m", "Notes")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert commits(repo) == before + 1


def test_hook_follows_the_configured_archive_and_says_when_no_file_is_in_it(repo):
    from .projects import PYPROJECT

    repo.git("mv", "postmortems", "incidents")
    (repo.root / "pyproject.toml").write_text(PYPROJECT.replace('archive = "postmortems"', 'archive = "incidents"'), encoding="utf-8")
    repo.git("add", ".")
    repo.git("commit", "-q", "--no-verify", "-m", "move the archive")
    before = commits(repo)

    notes = repo.write("docs/notes.md", "# Notes\n\nDave pushed the broken config.\n")  # not a post-mortem
    repo.git("add", notes)
    commit = repo.run("git", "commit", "-m", "Notes")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert ("postmortem: the file given is not in the archive folder incidents/ ([tool.postmortem] archive in "
            "pyproject.toml), which holds") in commit.stderr

    name = repo.write("incidents/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", name)
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode != 0
    assert f"{name}:28:1: PM501 [error]" in commit.stdout + commit.stderr
    assert commits(repo) == before + 1
