"""The archive's index of ids, as a one-file run (the pre-commit hook) builds it: read from
every file, or kept in the cache folder between runs (``cache = true``, ``--cache``).

Whatever the index comes from, a run on one file reports exactly the cross-file findings a
run on the whole archive reports for that file: a duplicate id, a related link to an id
that no file has. A kept index is used only for files unchanged since it was written, and
never when it is corrupt, foreign (another archive folder, another version of the code) or
unreadable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from postmortem import archive as archive_module
from postmortem import archive_index
from postmortem.archive import Archive
from postmortem.config import load_config
from postmortem.engine import Linter

from .conftest import TODAY
from .projects import ARCHIVE, make_project, run

BASE = "2026-01-10-card-payments-timing-out.md"  # id PM-2026-001, related: [PM-2026-002]
CACHE = ".postmortem_cache"


def post_mortem(id_: str, related: str = "[]") -> str:
    text = (ARCHIVE / BASE).read_text(encoding="utf-8").replace("PM-2026-001", id_)
    return text.replace("related: [PM-2026-002]", f"related: {related}")


def archive_of(tmp_path: Path, count: int = 40) -> Path:
    """A project whose archive holds ``count`` post-mortems PM-2026-100... (one folder of
    them in a sub-folder), plus one whose id repeats another's and one with a dangling link."""
    files = {f"2026-02-{number % 28 + 1:02d}-incident-{number:03d}.md": post_mortem(f"PM-2026-{100 + number}")
             for number in range(count)}
    files["2026-03-01-same-id.md"] = post_mortem("PM-2026-107")
    files["2026-03-02-dangling.md"] = post_mortem("PM-2026-300", "[PM-2026-101, PM-2026-999]")
    project = make_project(tmp_path, files)
    (project / "postmortems" / "2025").mkdir()
    (project / "postmortems" / "2025" / "2025-12-01-older.md").write_text(post_mortem("PM-2025-001"), encoding="utf-8")
    return project


def findings(project: Path, *args: str) -> list[dict]:
    result = run(project, "lint", "--format", "json", "--today", TODAY.isoformat(), "--select", "PM102,PM103", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["diagnostics"]


def of_file(diagnostics: list[dict], name: str) -> list[dict]:
    return [d for d in diagnostics if Path(d["path"]).name == name]


@pytest.fixture
def settled(monkeypatch):
    """Files written by the test count as settled (unchanged long enough to be recorded)."""
    monkeypatch.setattr(archive_index, "SETTLED_NS", -10**15)


@pytest.fixture
def reads(monkeypatch):
    """The files whose frontmatter the index reads (the real reader, counted)."""
    seen: list[str] = []
    real = archive_module._read_id

    def counted(path):
        seen.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(archive_module, "_read_id", counted)
    return seen


@pytest.mark.parametrize("cached", [False, True], ids=["read", "kept"])
def test_a_one_file_run_finds_the_duplicate_id_and_the_dangling_link_of_a_whole_run(tmp_path, settled, cached):
    project = archive_of(tmp_path)
    options = ("--cache",) if cached else ("--no-cache",)
    whole = findings(project, "--no-cache")
    assert {d["code"] for d in whole} == {"PM102", "PM103"}
    for name in ("2026-03-01-same-id.md", "2026-03-02-dangling.md", "2026-02-08-incident-007.md", "2026-02-02-incident-001.md"):
        path = f"postmortems/{name}"
        for _ in range(2):  # the second run reads the kept index, when there is one
            assert findings(project, *options, path) == of_file(whole, name)
    messages = [d["message"] for d in whole]
    assert "id PM-2026-107 is also used by postmortems/2026-03-01-same-id.md" in messages
    assert "related id PM-2026-999 does not exist in the archive" in messages
    assert (project / CACHE / archive_index.NAME).is_file() == cached


def test_a_kept_index_spares_reading_the_unchanged_files(tmp_path, settled, reads):
    project = archive_of(tmp_path)
    folder, cache = project / "postmortems", project / CACHE
    linted = [folder / "2026-03-01-same-id.md"]
    first = Archive.from_paths(folder, linted, cache)
    assert len(reads) == 43  # every file once
    reads.clear()
    second = Archive.from_paths(folder, linted, cache)
    assert reads == ["2026-03-01-same-id.md"]  # the linted file only; the others' ids were kept
    assert second.ids == first.ids == Archive.from_paths(folder, linted).ids


def test_a_file_changed_since_the_index_was_written_is_read_again(tmp_path, settled, reads):
    project = archive_of(tmp_path)
    folder, cache = project / "postmortems", project / CACHE
    linted = [folder / "2026-03-01-same-id.md"]
    Archive.from_paths(folder, linted, cache)
    # The same size, and the modification time put back: the change time still moves.
    target = folder / "2026-02-04-incident-003.md"
    before = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-103", "PM-2026-107"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size and target.stat().st_mtime_ns == before.st_mtime_ns
    reads.clear()
    again = Archive.from_paths(folder, linted, cache)
    assert sorted(reads) == sorted(["2026-03-01-same-id.md", target.name])
    assert sorted(os.path.basename(path) for path in again.ids["PM-2026-107"]) == [
        target.name, "2026-02-08-incident-007.md", "2026-03-01-same-id.md"]
    assert "PM-2026-103" not in again.ids
    assert again.ids == Archive.from_paths(folder, linted).ids
    # A file removed, another added: the index follows.
    (folder / "2026-02-05-incident-004.md").unlink()
    (folder / "2026-04-01-new.md").write_text(post_mortem("PM-2026-104"), encoding="utf-8")
    assert Archive.from_paths(folder, linted, cache).ids == Archive.from_paths(folder, linted).ids
    # A file renamed (its size, times and inode unchanged): known by its new name.
    (folder / "2026-02-06-incident-005.md").rename(folder / "2026-05-01-renamed.md")
    reads.clear()
    renamed = Archive.from_paths(folder, linted, cache)
    assert sorted(reads) == ["2026-03-01-same-id.md", "2026-05-01-renamed.md"]
    assert renamed.ids["PM-2026-105"] == [os.path.relpath(folder / "2026-05-01-renamed.md")]
    assert renamed.ids == Archive.from_paths(folder, linted).ids


def test_files_changed_in_the_last_seconds_are_not_recorded(tmp_path, reads):
    # Without the fixture that settles them, every file was written a moment ago: a file
    # rewritten within the same tick of the clock at the same size would look unchanged.
    project = archive_of(tmp_path, count=3)
    folder, cache = project / "postmortems", project / CACHE
    Archive.from_paths(folder, [], cache)
    reads.clear()
    Archive.from_paths(folder, [], cache)
    assert len(reads) == 6  # read again, every one
    kept = json.loads((cache / archive_index.NAME).read_text(encoding="utf-8")) if (cache / archive_index.NAME).exists() else None
    assert kept is None or kept["files"] == {}


@pytest.mark.parametrize("content", [
    b"\x00\xff not json",
    b"[]",
    b'{"format": 1}',
    "{}",  # filled in below: the right header, entries of the wrong shape
], ids=["garbage", "a-list", "no-files", "bad-entries"])
def test_a_corrupt_index_is_never_trusted_and_is_rewritten(tmp_path, settled, reads, content):
    project = archive_of(tmp_path, count=5)
    folder, cache = project / "postmortems", project / CACHE
    Archive.from_paths(folder, [], cache)
    index = cache / archive_index.NAME
    if content == "{}":
        data = json.loads(index.read_text(encoding="utf-8"))
        names = sorted(data["files"])
        data["files"][names[0]] = data["files"][names[0]][:4] + [7]  # an id that is not text
        data["files"][names[1]] = "PM-2026-104"
        data["files"][names[2]] = [True, True, True, True, "PM-2026-999"]
        data["files"][names[3]] = data["files"][names[3]][:3]
        index.write_text(json.dumps(data), encoding="utf-8")
    else:
        index.write_bytes(content)
    reads.clear()
    found = Archive.from_paths(folder, [], cache)
    assert found.ids == Archive.from_paths(folder, []).ids
    assert "PM-2026-999" not in found.ids
    assert len(reads) >= (4 if content == "{}" else 8)
    assert json.loads(index.read_text(encoding="utf-8"))["format"] == archive_index.FORMAT  # rewritten whole


def test_an_index_of_another_archive_or_another_version_is_ignored(tmp_path, settled, reads):
    one = archive_of(tmp_path / "one", count=3)
    other = make_project(tmp_path / "other", {name: path.read_text(encoding="utf-8").replace("PM-2026-10", "PM-2026-90")
                                              for name, path in ((p.name, p) for p in (one / "postmortems").glob("*.md"))})
    Archive.from_paths(one / "postmortems", [], one / CACHE)
    (other / CACHE).mkdir()
    index = (one / CACHE / archive_index.NAME).read_text(encoding="utf-8")
    (other / CACHE / archive_index.NAME).write_text(index, encoding="utf-8")  # another folder's
    reads.clear()
    found = Archive.from_paths(other / "postmortems", [], other / CACHE)
    assert "PM-2026-100" not in found.ids and "PM-2026-900" in found.ids
    assert len(reads) == 5
    moved = tmp_path / "moved"
    (tmp_path / "one").rename(moved)  # the same files (sizes, times, inodes) in another folder
    reads.clear()
    Archive.from_paths(moved / "postmortems", [], moved / CACHE)
    assert len(reads) == 6
    one = tmp_path / "one"
    moved.rename(one)
    Archive.from_paths(one / "postmortems", [], one / CACHE)
    data = json.loads((one / CACHE / archive_index.NAME).read_text(encoding="utf-8"))
    data["code"] = "another version"
    (one / CACHE / archive_index.NAME).write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    Archive.from_paths(one / "postmortems", [], one / CACHE)
    assert len(reads) == 6


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(tmp_path, settled):
    project = archive_of(tmp_path, count=3)
    (project / CACHE).write_text("a file where the folder should be", encoding="utf-8")
    config = load_config(project / "pyproject.toml")
    files = [project / "postmortems" / "2026-03-01-same-id.md"]
    with_cache = Linter(config, select=["PM102", "PM103"], today=TODAY).lint_paths(files, cache_dir=project / CACHE)
    without = Linter(config, select=["PM102", "PM103"], today=TODAY).lint_paths(files)
    assert [d.to_dict() for d in with_cache.diagnostics] == [d.to_dict() for d in without.diagnostics]


@pytest.mark.parametrize("head, expected", [
    ("---\nid: PM-2026-001\ntitle: Plain\n---\nbody", "PM-2026-001"),
    ("\ufeff---\r\nid: 'PM-2026-002'  # kept\r\ntitle: Café au lait\r\n---\r\n", "PM-2026-002"),
    ("---\ntitle: Folded\nid:\n  PM-2026-003\n---\n", "PM-2026-003"),
    ('---\nid: "PM\\x2D2026-004"\n---\n', "PM-2026-004"),
    ("---\ntitle: « no id »\n---\n", None),
    ("no frontmatter\nid: PM-2026-005\n", None),
    ("---\ntitle: Plain\n---\nid: PM-2026-006\n", None),
    ("---\nid: PM-2026-007\n---\nCafé « au lait »\n", "PM-2026-007"),
    ("---\nid: PM-2026-008\n---\nWindows line ends in the body\r\n", "PM-2026-008"),
    ("---\n" + "title: long\n" * 400 + "id: PM-2026-009\n---\n", "PM-2026-009"),
    ("---\nid: [PM-2026-010]\n---\n", None),
    ("---\nid: PM-2026-011 # an id \u00e0 la carte\n---\n", "PM-2026-011"),
], ids=["plain", "bom-crlf-quoted-non-ascii", "on-the-next-line", "escaped", "none", "no-frontmatter",
        "id-in-the-body", "non-ascii-body", "cr-in-the-body", "frontmatter-past-4-kib", "not-a-string",
        "non-ascii-comment"])
def test_the_id_is_read_as_the_frontmatter_says_it(tmp_path, head, expected):
    path = tmp_path / "x.md"
    path.write_bytes(head.encode("utf-8"))
    assert archive_module._read_id(path) == expected
    assert archive_module._read_id_and_blob(path, "sha1")[0] == expected  # the reader that also hashes


def test_collected_files_and_shown_paths_are_those_of_realpath_and_relpath(tmp_path, monkeypatch):
    """collect_files resolves each folder once and display_path skips relpath for a path
    below the working directory: both give what resolving and relpath give, through linked
    folders, linked files, dangling links, ``..`` and ``.`` components."""
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "arch").mkdir()
    for name in ("real/a.md", "real/sub/b.md", "arch/c.md"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "arch" / "linkdir").symlink_to("../real")
    (tmp_path / "arch" / "la.md").symlink_to("../real/a.md")
    (tmp_path / "arch" / "dangling.md").symlink_to("nowhere.md")
    paths = ["arch/c.md", "arch/la.md", "arch/linkdir/a.md", "arch/linkdir/sub/b.md", "./arch/c.md", "arch/../real/a.md",
             "arch/linkdir/../arch/c.md", "arch/dangling.md", "arch//c.md", "arch/./c.md", "../x.md", ".", "..",
             str(tmp_path / "arch" / "c.md")]
    for cwd in (tmp_path, tmp_path / "arch", tmp_path / "real" / "sub"):
        monkeypatch.chdir(cwd)
        folders: dict[str, str] = {}
        for path in paths:
            for given in (path, Path(path)):
                assert archive_module.display_path(given) == os.path.relpath(given)
                assert archive_module._real_path_in(Path(given), folders) == Path(os.path.realpath(given))
    monkeypatch.chdir(tmp_path)
    found = archive_module.collect_files(["arch", "real", "arch/la.md"])
    assert sorted(os.path.realpath(path) for path in found) == sorted({os.path.realpath(p) for p in
                                                                       ("real/a.md", "real/sub/b.md", "arch/c.md", "arch/dangling.md")})


# ---------------------------------------------------------------- the index keyed by git's object names

def git(project: Path, *args: str) -> str:
    import subprocess

    done = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def in_git(tmp_path, monkeypatch):
    """A project of 40 post-mortems committed in a git repository of its own, indexed with
    git whatever its size (GIT_FROM 0); git configured by nothing but the test."""
    (tmp_path / "gitconfig").write_text("", encoding="utf-8")
    for name, value in {"GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
                        "GIT_AUTHOR_NAME": "Post Mortem", "GIT_AUTHOR_EMAIL": "postmortem@example.invalid",
                        "GIT_COMMITTER_NAME": "Post Mortem", "GIT_COMMITTER_EMAIL": "postmortem@example.invalid"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(archive_index, "GIT_FROM", 0)
    project = archive_of(tmp_path / "repo")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "archive")
    return project


@pytest.fixture
def blob_reads(monkeypatch):
    """The files the index of object names reads and hashes (the real reader, counted)."""
    seen: list[str] = []
    real = archive_module._read_id_and_blob

    def counted(path, algorithm):
        seen.append(os.path.basename(path))
        return real(path, algorithm)

    monkeypatch.setattr(archive_module, "_read_id_and_blob", counted)
    return seen


LINTED = ("2026-03-01-same-id.md", "2026-03-02-dangling.md", "2026-02-08-incident-007.md", "2026-02-02-incident-001.md")


def assert_one_file_runs_report_a_whole_run(project: Path, names=LINTED) -> list[dict]:
    """Each one-file run with the cache (twice: the second reads the index the first kept)
    reports what a whole run without a cache reports for that file."""
    whole = findings(project, "--no-cache")
    for name in names:
        for _ in range(2):
            assert findings(project, "--cache", f"postmortems/{name}") == of_file(whole, name), name
    return whole


def messages(diagnostics: list[dict]) -> set[str]:
    return {f"{Path(d['path']).name}: {d['message']}" for d in diagnostics}


def test_git_tells_which_files_changed_and_the_others_ids_come_from_the_index(in_git, blob_reads, reads):
    folder, cache = in_git / "postmortems", in_git / CACHE
    whole = assert_one_file_runs_report_a_whole_run(in_git)
    assert (cache / archive_index.BLOBS_NAME).is_file() and not (cache / archive_index.NAME).exists()
    blob_reads.clear()
    reads.clear()
    linted = [folder / "2026-03-01-same-id.md"]
    with_git = Archive.from_paths(folder, linted, cache)
    assert blob_reads == [] and reads == ["2026-03-01-same-id.md"]  # the linted file only
    assert with_git.ids == Archive.from_paths(folder, linted).ids
    assert "id PM-2026-107 is also used by postmortems/2026-03-01-same-id.md" in {d["message"] for d in whole}


def test_every_state_of_the_work_tree_is_seen(in_git, blob_reads):
    folder = in_git / "postmortems"
    assert_one_file_runs_report_a_whole_run(in_git)

    def check() -> set[str]:  # one of the files linted is the one edited each time
        return messages(assert_one_file_runs_report_a_whole_run(in_git, LINTED[:3] + ("2026-02-04-incident-003.md",)))

    # A tracked file edited, not staged: its id now repeats another's.
    target = folder / "2026-02-04-incident-003.md"
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-103", "PM-2026-101"), encoding="utf-8")
    assert "2026-02-04-incident-003.md: id PM-2026-101 is also used by postmortems/2026-02-02-incident-001.md" in check()
    # The same edit staged, then committed: the id comes from the index of object names.
    git(in_git, "add", "postmortems")
    blob_reads.clear()
    assert "2026-02-04-incident-003.md: id PM-2026-101 is also used by postmortems/2026-02-02-incident-001.md" in check()
    assert "2026-02-04-incident-003.md" not in blob_reads  # recorded when it was read, unstaged
    git(in_git, "commit", "-q", "-m", "edit")
    check()
    # An untracked file with the id of a tracked one, and an untracked one that fills the dangling link.
    (folder / "2026-04-01-untracked.md").write_text(post_mortem("PM-2026-105"), encoding="utf-8")
    (folder / "2026-04-02-untracked.md").write_text(post_mortem("PM-2026-999"), encoding="utf-8")
    found = check()
    assert "2026-04-01-untracked.md: id PM-2026-105 is also used by postmortems/2026-02-06-incident-005.md" in found
    assert "2026-03-02-dangling.md: related id PM-2026-999 does not exist in the archive" not in found
    # A tracked file deleted from the work tree, another renamed (plainly, then with git).
    (folder / "2026-02-02-incident-001.md").unlink()
    (folder / "2026-02-09-incident-008.md").rename(folder / "2026-05-01-renamed.md")
    found = messages(assert_one_file_runs_report_a_whole_run(in_git, LINTED[:3] + ("2026-05-01-renamed.md",)))
    assert not any("2026-02-02-incident-001.md" in message for message in found)
    git(in_git, "add", "-A", "postmortems")
    git(in_git, "mv", "postmortems/2026-05-01-renamed.md", "postmortems/2026-05-02-renamed-again.md")
    assert_one_file_runs_report_a_whole_run(in_git, LINTED[:3] + ("2026-05-02-renamed-again.md",))
    # The same size, the modification time put back, right after the commit: git still sees it.
    git(in_git, "commit", "-q", "-m", "more")
    target = folder / "2026-02-06-incident-005.md"
    before = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-105", "PM-2026-107"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert any(message.startswith("2026-02-06-incident-005.md: id PM-2026-107 is also used by") for message in check())
    # Marked assume-unchanged (git would not look at it), then edited: read all the same.
    git(in_git, "update-index", "--assume-unchanged", "postmortems/2026-02-07-incident-006.md")
    target = folder / "2026-02-07-incident-006.md"
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-106", "PM-2026-108"), encoding="utf-8")
    assert "2026-02-07-incident-006.md: id PM-2026-108 is also used by postmortems/2026-05-02-renamed-again.md" in messages(
        assert_one_file_runs_report_a_whole_run(in_git, ("2026-02-07-incident-006.md", "2026-05-02-renamed-again.md")))


def test_links_ignored_files_hidden_files_and_conflicts(in_git):
    folder = in_git / "postmortems"
    outside = in_git / "elsewhere.md"
    outside.write_text(post_mortem("PM-2026-101"), encoding="utf-8")
    (folder / "2026-06-01-link.md").symlink_to(outside)  # a link, committed: git records its target only
    git(in_git, "add", ".")
    git(in_git, "commit", "-q", "-m", "link")
    assert "2026-06-01-link.md: id PM-2026-101 is also used by postmortems/2026-02-02-incident-001.md" in messages(
        assert_one_file_runs_report_a_whole_run(in_git))
    outside.write_text(post_mortem("PM-2026-102"), encoding="utf-8")  # the link's target changes, the link does not
    assert "2026-06-01-link.md: id PM-2026-102 is also used by postmortems/2026-02-03-incident-002.md" in messages(
        assert_one_file_runs_report_a_whole_run(in_git))
    # A file git ignores is still a post-mortem of the archive; hidden files and READMEs are not.
    (in_git / ".gitignore").write_text("postmortems/2026-07-*\n", encoding="utf-8")
    (folder / "2026-07-01-ignored.md").write_text(post_mortem("PM-2026-103"), encoding="utf-8")
    (folder / ".hidden.md").write_text(post_mortem("PM-2026-104"), encoding="utf-8")
    (folder / "README.md").write_text(post_mortem("PM-2026-104"), encoding="utf-8")
    git(in_git, "add", "-f", "postmortems/.hidden.md", "postmortems/README.md")
    found = messages(assert_one_file_runs_report_a_whole_run(in_git))
    assert "2026-07-01-ignored.md: id PM-2026-103 is also used by postmortems/2026-02-04-incident-003.md" in found
    assert not any("PM-2026-104" in message for message in found)
    # A conflict: the file at stages 1-3 in git's index, its work-tree copy the one to read.
    git(in_git, "checkout", "-q", "-b", "other")
    target = folder / "2026-02-05-incident-004.md"
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-104", "PM-2026-110"), encoding="utf-8")
    git(in_git, "commit", "-q", "-am", "other")
    git(in_git, "checkout", "-q", "-")
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-104", "PM-2026-120"), encoding="utf-8")
    git(in_git, "commit", "-q", "-am", "this")
    import subprocess

    assert subprocess.run(["git", "merge", "-q", "other"], cwd=in_git, capture_output=True).returncode != 0
    assert "<<<<<<<" in target.read_text(encoding="utf-8")
    assert_one_file_runs_report_a_whole_run(in_git, LINTED[:2] + ("2026-02-05-incident-004.md",))


@pytest.mark.parametrize("content", [b"\x00\xff not json", b"[]", b'{"format": 1, "code": "another version", "blobs": {}}',
                                     "wrong-entries"], ids=["garbage", "a-list", "another-version", "wrong-entries"])
def test_a_corrupt_or_foreign_index_of_object_names_is_never_trusted(in_git, blob_reads, content):
    folder, cache = in_git / "postmortems", in_git / CACHE
    linted = [folder / "2026-03-01-same-id.md"]
    Archive.from_paths(folder, linted, cache)
    index = cache / archive_index.BLOBS_NAME
    if content == "wrong-entries":  # the right header; entries that are not ids
        data = json.loads(index.read_text(encoding="utf-8"))
        for blob in list(data["blobs"])[:5]:
            data["blobs"][blob] = [data["blobs"][blob]]
        index.write_text(json.dumps(data), encoding="utf-8")
    else:
        index.write_bytes(content)
    blob_reads.clear()
    assert Archive.from_paths(folder, linted, cache).ids == Archive.from_paths(folder, linted).ids
    assert len(blob_reads) == (5 if content == "wrong-entries" else 42)
    assert json.loads(index.read_text(encoding="utf-8"))["format"] == archive_index.BLOBS_FORMAT  # rewritten
    blob_reads.clear()
    Archive.from_paths(folder, linted, cache)
    assert blob_reads == []


def test_without_git_or_outside_a_work_tree_the_index_of_sizes_and_times_is_used(in_git, tmp_path, monkeypatch, settled):
    findings(in_git, "--cache", "postmortems/2026-03-01-same-id.md")  # indexed with git once
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    target = in_git / "postmortems" / "2026-02-04-incident-003.md"
    target.write_text(target.read_text(encoding="utf-8").replace("PM-2026-103", "PM-2026-101"), encoding="utf-8")
    assert "2026-02-04-incident-003.md: id PM-2026-101 is also used by postmortems/2026-02-02-incident-001.md" in messages(
        assert_one_file_runs_report_a_whole_run(in_git))
    assert (in_git / CACHE / archive_index.NAME).is_file()
    assert archive_index.unchanged_in_git(in_git / "postmortems") is None
    monkeypatch.undo()  # git on PATH again (and the fixtures' settings undone: set again below)
    outside = archive_of(tmp_path / "outside")
    monkeypatch.setattr(archive_index, "GIT_FROM", 0)
    monkeypatch.setattr(archive_index, "SETTLED_NS", -10**15)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above tmp_path is found
    assert archive_index.unchanged_in_git(outside / "postmortems") is None
    assert_one_file_runs_report_a_whole_run(outside)
    assert (outside / CACHE / archive_index.NAME).is_file() and not (outside / CACHE / archive_index.BLOBS_NAME).exists()


def test_the_object_name_of_a_content_is_git_s(tmp_path):
    path = tmp_path / "x.md"
    for content in (b"", b"---\nid: PM-2026-001\n---\n", "---\nid: PM-2026-002\n---\n\u00e9t\u00e9\r\n".encode() * 5000):
        path.write_bytes(content)
        assert archive_module._read_id_and_blob(path, "sha1")[1] == git(tmp_path, "hash-object", "x.md").strip()
    assert archive_module._read_id_and_blob(tmp_path / "missing.md", "sha1") == (None, None)


def test_git_is_asked_about_the_archive_folder_whatever_a_hook_s_environment_says(in_git, monkeypatch):
    """A hook runs with git's location variables set for its own repository (a relative
    GIT_DIR, a temporary index): git is asked from the archive folder all the same."""
    expected = archive_index.unchanged_in_git(in_git / "postmortems")
    assert expected["2026-02-02-incident-001.md"] == git(in_git, "rev-parse", ":postmortems/2026-02-02-incident-001.md").strip()
    assert "2025/2025-12-01-older.md" in expected and len(expected) == 43  # paths below the folder, "/" between folders
    monkeypatch.setenv("GIT_DIR", ".git")
    monkeypatch.setenv("GIT_INDEX_FILE", str(in_git / "another-index"))
    monkeypatch.setenv("GIT_WORK_TREE", str(in_git / "postmortems"))
    assert archive_index.unchanged_in_git(in_git / "postmortems") == expected


# ---------------------------------------------------------------- the folder listed by git instead of walked


@pytest.fixture
def listing_used(monkeypatch):
    """What each indexing from git's listing answered (the real method, its answers kept):
    True when the listing was used, False when only the walk could tell."""
    answers: list[bool] = []
    real = Archive._add_listed

    def kept(self, *args):
        answers.append(real(self, *args))
        return answers[-1]

    monkeypatch.setattr(Archive, "_add_listed", kept)
    return answers


def assert_listed_as_walked(folder: Path, linted: list[Path], answers: list[bool], used: bool = True) -> None:
    """With git asked ahead (as a hook's run asks it), the archive's index holds what the
    walk of the folder reading every file holds: the same files, ids and order (a hint names
    the first id of a number); twice, the second time with the index of object names the
    first kept."""
    walked = list(Archive.from_paths(folder, linted).ids.items())
    for _ in range(2):
        answers.clear()
        archive_index.start_git(folder)
        assert list(Archive.from_paths(folder, linted, folder.parent / CACHE).ids.items()) == walked
        assert answers == [used]


class Ids:
    """A new id for each post-mortem written (the index then names every file it holds)."""

    def __init__(self):
        self.number = 500

    def __call__(self, same: str | None = None) -> str:
        self.number += 1
        return post_mortem(same or f"PM-2026-{self.number}")


def test_git_s_listing_holds_the_files_the_walk_lists_in_every_state_of_the_work_tree(in_git, listing_used):
    folder = in_git / "postmortems"
    new = Ids()
    tracked = folder / "2026-02-05-incident-004.md"

    def check(*changed: str, outside: tuple[str, ...] = ()) -> None:
        """``outside``: linted files whose real path is outside the folder (only the walk tells)."""
        for linted in ([], [tracked], *([folder / name] for name in changed)):
            assert_listed_as_walked(folder, linted, listing_used)
        for name in outside:
            assert_listed_as_walked(folder, [folder / name], listing_used, used=False)

    def commit() -> None:
        git(in_git, "add", "-A", ".")
        git(in_git, "commit", "-q", "-m", "state")

    check()
    # Folders and names the walk sorts part by part ("z/" before "z-b/"), one id shared.
    for name in ("z/a.md", "z-b/a.md", "z.md", "z0.md", "z/y/b.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(new("PM-2026-400"), encoding="utf-8")
    check("z.md")
    commit()
    check("z-b/a.md")
    # Untracked: at the top, in a new folder; hidden ones, READMEs and other extensions are not post-mortems.
    for name in ("2026-04-01-untracked.md", "new/deeper/2026-04-02-untracked.md", ".draft.md", ".hidden/x.md",
                 "z/.draft.md", "new/.hidden/x.md", "README.md", "new/Index.md", "notes.MD", "notes.markdown",
                 "new/readme.md.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(new(), encoding="utf-8")
    check("2026-04-01-untracked.md", "new/deeper/2026-04-02-untracked.md")
    # Ignored by .gitignore: a file, a folder, a pattern.
    (in_git / ".gitignore").write_text("postmortems/ignored/\n*.local.md\n", encoding="utf-8")
    (folder / "ignored").mkdir()
    for name in ("ignored/2026-04-03-ignored.md", "2026-04-04-draft.local.md", "z/2026-04-05-x.local.md"):
        (folder / name).write_text(new(), encoding="utf-8")
    check("ignored/2026-04-03-ignored.md", "2026-04-04-draft.local.md")
    # Names beyond ASCII (composed and decomposed), with spaces and a tab, and one that is not UTF-8.
    for name in ("2026-05-01-caf\u00e9.md", "2026-05-02-cafe\u0301.md", "2026-05-03-\u4e8b\u6545.md", "2026-05-04 a\tb.md"):
        (folder / name).write_text(new(), encoding="utf-8")
    commit()
    (folder / "2026-05-05-\u00fcber.md").write_text(new(), encoding="utf-8")  # untracked
    with open(os.fsencode(folder) + b"/2026-05-06-\xff.md", "w", encoding="utf-8") as handle:
        handle.write(new())
    check("2026-05-01-caf\u00e9.md", "2026-05-02-cafe\u0301.md", "2026-05-05-\u00fcber.md", os.fsdecode(b"2026-05-06-\xff.md"))
    # Links: to an archive file, to a file outside, dangling, to a folder (one named as a
    # post-mortem); committed, and one not.
    outside = in_git / "elsewhere.md"
    outside.write_text(new(), encoding="utf-8")
    (folder / "2026-06-01-link.md").symlink_to("2026-02-06-incident-005.md")
    (folder / "2026-06-02-outside.md").symlink_to(outside)
    (folder / "2026-06-03-dangling.md").symlink_to("nowhere.md")
    (folder / "linked-folder").symlink_to("2025")
    (folder / "2026-06-04-folder.md").symlink_to("2025")
    commit()
    (folder / "2026-06-05-untracked-link.md").symlink_to("2026-02-07-incident-006.md")
    check("2026-06-01-link.md", "2026-06-05-untracked-link.md", outside=("2026-06-02-outside.md",))
    # Deleted but tracked; renamed plainly, and with git; edited, staged or not; added with -N.
    (folder / "2026-02-02-incident-001.md").unlink()
    (folder / "2026-02-09-incident-008.md").rename(folder / "2026-07-01-renamed.md")
    git(in_git, "mv", "postmortems/2026-02-10-incident-009.md", "postmortems/2026-07-02-moved.md")
    edited = folder / "2026-02-11-incident-010.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("PM-2026-110", "PM-2026-111"), encoding="utf-8")
    staged = folder / "2026-02-12-incident-011.md"
    staged.write_text(staged.read_text(encoding="utf-8").replace("PM-2026-111", "PM-2026-112"), encoding="utf-8")
    git(in_git, "add", "postmortems/2026-02-12-incident-011.md")
    (folder / "2026-07-03-intent.md").write_text(new(), encoding="utf-8")
    git(in_git, "add", "-N", "postmortems/2026-07-03-intent.md")
    check("2026-07-01-renamed.md", "2026-07-02-moved.md", edited.name, staged.name, "2026-07-03-intent.md")
    commit()
    # A nested repository (its files unknown to this one's index), then added as a submodule would be.
    nested = folder / "nested"
    nested.mkdir()
    for name in ("2026-08-01-nested.md", "deeper/2026-08-02-nested.md"):
        (nested / name).parent.mkdir(parents=True, exist_ok=True)
        (nested / name).write_text(new(), encoding="utf-8")
    git(nested, "init", "-q")
    git(nested, "add", "2026-08-01-nested.md")
    git(nested, "commit", "-q", "-m", "nested")
    check("nested/2026-08-01-nested.md", "nested/deeper/2026-08-02-nested.md")
    git(in_git, "add", "postmortems/nested")  # a gitlink
    assert git(in_git, "ls-files", "-s", "postmortems/nested").startswith("160000 ")
    check("nested/deeper/2026-08-02-nested.md")
    commit()
    # A tracked folder replaced by a link to a folder (its tracked files then unseen); a
    # tracked file replaced by a folder of the same name; a folder named as a post-mortem.
    (folder / "2025").rename(folder / "2025-real")
    (folder / "2025").symlink_to("2025-real")
    (folder / "z0.md").unlink()
    (folder / "z0.md").mkdir()
    (folder / "z0.md" / "2026-09-01-inside.md").write_text(new(), encoding="utf-8")
    (folder / "folder.md").mkdir()
    (folder / "folder.md" / "2026-09-02-inside.md").write_text(new(), encoding="utf-8")
    check("2025-real/2025-12-01-older.md", "z0.md/2026-09-01-inside.md")
    commit()
    check()
    # Marked skip-worktree and deleted (as a sparse checkout leaves it); assume-unchanged and edited.
    git(in_git, "update-index", "--skip-worktree", "postmortems/2026-02-13-incident-012.md")
    (folder / "2026-02-13-incident-012.md").unlink()
    git(in_git, "update-index", "--assume-unchanged", "postmortems/2026-02-14-incident-013.md")
    assumed = folder / "2026-02-14-incident-013.md"
    assumed.write_text(assumed.read_text(encoding="utf-8").replace("PM-2026-113", "PM-2026-114"), encoding="utf-8")
    check(assumed.name)
    # A name that differs from a tracked one's in case only, with the repository configured to ignore case.
    git(in_git, "config", "core.ignorecase", "true")
    (folder / "2026-02-15-Incident-014.md").write_text(new(), encoding="utf-8")
    check("2026-02-15-Incident-014.md")
    # Files outside the archive folder, in the repository: never in the index.
    (in_git / "postmortems-old").mkdir()
    (in_git / "postmortems-old" / "2026-09-04-outside.md").write_text(new("PM-2026-101"), encoding="utf-8")
    commit()
    check()
    # Not regular files: a FIFO named as a post-mortem, and one where a tracked file was.
    os.mkfifo(folder / "2026-09-03-fifo.md")
    (folder / "2026-02-16-incident-015.md").unlink()
    os.mkfifo(folder / "2026-02-16-incident-015.md")
    check()


def test_only_the_walk_tells_a_linted_file_outside_the_folder_or_with_other_names(in_git, listing_used):
    folder = in_git / "postmortems"
    outside = in_git / "elsewhere.md"
    outside.write_text(post_mortem("PM-2026-101"), encoding="utf-8")
    assert_listed_as_walked(folder, [outside], listing_used, used=False)
    link = in_git / "link-to-archive.md"  # a link outside, to a file of the archive: its real path is inside
    link.symlink_to(folder / "2026-02-02-incident-001.md")
    assert_listed_as_walked(folder, [link], listing_used)
    os.link(folder / "2026-02-03-incident-002.md", folder / "2026-09-05-hard-link.md")  # one file, two names
    assert_listed_as_walked(folder, [folder / "2026-02-03-incident-002.md"], listing_used, used=False)
    assert_listed_as_walked(folder, [folder / "2026-02-04-incident-003.md"], listing_used)
    # A file git does not track, reached by another spelling of its name (as in a folder that
    # ignores case): git's names and the walk's could differ.
    (folder / "2026-09-06-Spelt.md").write_text(post_mortem("PM-2026-150"), encoding="utf-8")
    os.link(folder / "2026-09-06-Spelt.md", folder / "2026-09-06-sPELT.MD")
    assert_listed_as_walked(folder, [folder / "2026-02-04-incident-003.md"], listing_used, used=False)


def test_an_archive_git_does_not_track_is_walked(in_git, listing_used):
    folder = in_git / "postmortems"
    assert_listed_as_walked(folder, [folder / "2026-02-02-incident-001.md"], listing_used)
    git(in_git, "rm", "-r", "-q", "--cached", "postmortems")  # every file untracked: each would be looked at
    assert_listed_as_walked(folder, [folder / "2026-02-02-incident-001.md"], listing_used, used=False)


def test_git_s_listing_is_used_by_a_one_file_run_only(in_git, listing_used):
    whole = assert_one_file_runs_report_a_whole_run(in_git)  # the first run keeps the index of object names
    assert listing_used and all(listing_used)  # every run on one file after it: git listed the folder
    listing_used.clear()
    assert findings(in_git, "--cache") == whole  # the whole archive: nothing to look up, nothing asked ahead
    assert listing_used == []
    assert archive_index.listed_in_git(in_git / "postmortems") is None  # not asked ahead


def test_a_commit_of_an_edit_rewrites_the_index_of_object_names_once(in_git, blob_reads):
    """The hook lints the file just edited and committed: its old content's record is only
    dropped, and the index is left as it is; the next run that does not lint the file reads
    it, records its new content, and writes the index once."""
    folder, cache = in_git / "postmortems", in_git / CACHE
    edited, other = folder / "2026-02-04-incident-003.md", folder / "2026-02-05-incident-004.md"
    archive_index.start_git(folder)
    Archive.from_paths(folder, [], cache)  # every file's content recorded
    index = cache / archive_index.BLOBS_NAME
    before = index.read_bytes()
    edited.write_text(edited.read_text(encoding="utf-8").replace("PM-2026-103", "PM-2026-190"), encoding="utf-8")
    git(in_git, "commit", "-q", "-am", "edit")
    for linted, rewritten, read in (([edited], False, []), ([other], True, [edited.name]), ([other], False, [])):
        blob_reads.clear()
        archive_index.start_git(folder)
        found = Archive.from_paths(folder, linted, cache)
        assert found.ids == Archive.from_paths(folder, linted).ids
        assert blob_reads == read
        assert (index.read_bytes() != before) == rewritten
        before = index.read_bytes()
    assert [os.path.basename(path) for path in found.ids["PM-2026-190"]] == [edited.name] and "PM-2026-103" not in found.ids
