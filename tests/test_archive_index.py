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
