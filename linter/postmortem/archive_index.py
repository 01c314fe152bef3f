"""The archive's ids kept between runs in the cache folder (``cache = true`` or ``--cache``).

A run that lints a few files still needs the id of every post-mortem in the archive (for
duplicate ids and ``related`` links). Without a cache it opens and reads the start of each
file; with one, ``archive-ids.json`` in the cache folder holds the id read from each file
beside the file's size, modification time, change time and inode at that moment, so an
unchanged file costs one ``stat`` instead of an open and a read.

An entry is used only when all four are as recorded. Only files that had not changed for
:data:`SETTLED_NS` when they were read are recorded: a file rewritten twice within one tick
of the file system's clock, at the same size, could otherwise look unchanged. The change time
moves whenever a file is written or its times are set, so restoring a file's modification
time does not hide an edit. The index is ignored, then rewritten, when it cannot be read, is
not of the expected shape, or was written by another version of the linter's code or for
another archive folder. It is written atomically, and only when something changed; a cache
folder that cannot be written to only costs speed.

In an archive of :data:`GIT_FROM` files or more inside a git work tree, git says which files
changed instead (:func:`unchanged_in_git`: ``git ls-files --stage`` and ``git diff-files``,
git's own check of the work tree against its index, in C): ``archive-blobs.json`` then holds
the id read from each content, keyed by the git object name of the content's bytes
(:class:`BlobIndex`). A file git tracks, whose work-tree copy git finds unchanged, takes its
id from the record of its index entry's object name; every other file (modified, untracked,
ignored, a link, a conflict, marked ``assume-unchanged`` or ``skip-worktree``, a content a
filter or line-end conversion changes, not yet recorded) is read, and its bytes hashed. No
clock is trusted beyond git's own; and when git is missing, fails or is not asked (a smaller
archive, a folder outside a work tree), the index of sizes and times above is used.

When git was asked ahead (:func:`start_early`, a run on a few files named one by one, as the
pre-commit hook runs), the same answer also lists the folder (:func:`listed_in_git`: the
command lists the files git does not track too, ignored ones included), and the archive's
files are known without walking the folder in Python: the files git vouches for as above
need no system call at all; every other name git lists is looked at as the walk would
(:func:`postmortem.archive.Archive._add_listed`), and whatever git cannot list file by file
(a nested repository, a submodule) is walked.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from itertools import repeat
from pathlib import Path
from typing import Callable, NamedTuple

FORMAT = 1  # bump when the layout changes
NAME = "archive-ids.json"
SETTLED_NS = 2_000_000_000  # a file is recorded once it has not changed for this long
BLOBS_FORMAT = 1
BLOBS_NAME = "archive-blobs.json"
GIT_FROM = 2000  # archives of fewer files are indexed by size and times: starting git costs more

# git's view of the files: `ls-files --stage -v`: the tag (H: tracked, cached; lower case:
# assume-unchanged; S: skip-worktree), mode, object name, stage, path. Only a regular file
# at stage 0 (no conflict) whose tag is H can take its id from its object name.
_TRACKED = re.compile(r"(?<![^\0])H 100(?:644|755) ([0-9a-f]{40}|[0-9a-f]{64}) 0\t([^\0]*)\0")
# every other record of that listing: another tag, mode or stage, and "? path" for a file git
# does not track (`--others`; a folder git does not list file by file ends with "/")
_OTHER = re.compile(r"(?<![^\0])(?!H 100(?:644|755) (?:[0-9a-f]{40}|[0-9a-f]{64}) 0\t)([^\0]*)\0")
# what locates a repository or its index: left to git to find from the archive folder
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
                 "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX")
# git's checks as documented by default, whatever the repository's configuration says; names
# compared as they are spelt (a file whose name differs from a tracked one's in case only is
# listed, as the walk of the folder lists it)
_GIT_CONFIG = ("-c", "core.fsmonitor=false", "-c", "core.trustctime=true", "-c", "core.checkStat=default",
               "-c", "core.ignoreStat=false", "-c", "core.ignoreCase=false")


def kept_index(cache_dir: Path, folder: Path, files: int, read_with_blob: Callable,
               listing: "GitListing | None" = None) -> "IndexCache | BlobIndex":
    """The index of ids for an archive ``folder`` of ``files`` files: keyed by git's object
    names when the archive is large enough and git tells which files are unchanged, else by
    each file's size and times. ``listing``: git's answer when :func:`listed_in_git` took it."""
    if files >= GIT_FROM:
        tracked = unchanged_in_git(folder) if listing is None else listing.unchanged
        if tracked is not None:
            return BlobIndex(cache_dir, folder, tracked, read_with_blob)
    return IndexCache(cache_dir, folder)


def unchanged_in_git(folder: Path) -> dict[str, str] | None:
    """The files below ``folder`` that git tracks and finds unchanged in the work tree, by
    path relative to ``folder`` (``/`` between folders) with their object name; None when git
    cannot tell (not installed, the folder outside a work tree, any error).

    Two git commands run side by side, from ``folder``: ``ls-files --stage -v --others`` (the
    index's entries, and the files git does not track) and ``diff-files --name-only`` (the
    tracked files whose work-tree copy differs from the index's, by git's stat check, and by
    content for racily clean entries; deleted ones among them)."""
    answer = _answer(folder)
    return None if answer is None else _unchanged(_TRACKED.findall(answer[0]), answer[1])


class GitListing(NamedTuple):
    """What git says of the files below an archive folder (:func:`listed_in_git`)."""

    unchanged: dict[str, str] | None  # :func:`unchanged_in_git`'s answer (None: git could not tell)
    others: list[str]  # every other path git lists below the folder, once each (see below)


def listed_in_git(folder: Path) -> "GitListing | None":
    """The files below ``folder`` as git lists them, when git was asked ahead for this
    folder (:func:`start_early`); None when it was not (``unchanged`` None when git could
    not tell).

    ``others`` holds, once each, every path git lists that it does not vouch for: the
    changed, deleted and conflicting ones, those not regular files at stage 0, those marked
    ``assume-unchanged`` or ``skip-worktree``, and the files it does not track, ignored ones
    included; a folder git does not list file by file (a nested repository) ends with
    ``/``. With ``unchanged`` they are every path git knows of below the folder."""
    if os.path.abspath(folder) not in _early:
        return None
    answer = _answer(folder)
    if answer is None:
        return GitListing(None, [])
    listed, changed = answer
    tracked = _TRACKED.findall(listed)
    others = [name for name in changed.split("\0") if name]
    if listed.count("\0") != len(tracked):  # records of another kind: read one by one
        records = (record[2:] if record.startswith("? ") else record.partition("\t")[2]
                   for record in _OTHER.findall(listed))
        others.extend(name for name in records if name)
    return GitListing(_unchanged(tracked, changed), list(dict.fromkeys(others)))


def _answer(folder: Path) -> tuple[str, str] | None:
    """The output of :func:`_start_git`'s two commands for ``folder`` (taken from those
    started ahead when they were), decoded as file names are; None on any failure."""
    started = _early.pop(os.path.abspath(folder), None) or _start_git(folder)
    try:
        if len(started) != 2:
            return None
        listed, changed = (process.stdout.read() for process in started)
        if any(process.wait() != 0 for process in started):
            return None
    except (OSError, ValueError):
        return None
    finally:
        _stop(started)
    return os.fsdecode(listed), os.fsdecode(changed)


def _unchanged(records: list[tuple[str, str]], changed: str) -> dict[str, str]:
    """The paths and object names of ``records`` (``_TRACKED``'s) not among ``changed``."""
    tracked = {name: blob for blob, name in records}
    for name in changed.split("\0"):
        tracked.pop(name, None)
    return tracked


_early: dict[str, list[subprocess.Popen]] = {}  # folder -> git commands started ahead (start_git)


def start_early(cache_dir: Path, folder: Path, paths) -> None:
    """Start git's commands for the archive ``folder`` now (:func:`start_git`) when a run on
    the files ``paths`` (named one by one, as the pre-commit hook names them) will ask them:
    when the last run indexed the archive with git (the index of object names is there)."""
    _stop_early()  # never an answer started for an earlier run in this process
    if paths and not any(os.path.isdir(path) for path in paths) and (Path(cache_dir) / BLOBS_NAME).is_file():
        start_git(folder)


def start_git(folder: Path) -> None:
    """Start :func:`unchanged_in_git`'s git commands for ``folder`` now, so that they run
    while the linter loads its rules; the answer is taken when the archive is indexed."""
    key = os.path.abspath(folder)
    if key not in _early:
        if not _early:
            import atexit

            atexit.register(_stop_early)  # commands started but not needed after all
        _early[key] = _start_git(folder)


def _start_git(folder: Path) -> list[subprocess.Popen]:
    """The two git commands of :func:`unchanged_in_git`, started; fewer when one cannot be."""
    env = {name: value for name, value in os.environ.items() if name not in _GIT_LOCATION}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # a read-only look: never refresh the index
    commands = (["git", *_GIT_CONFIG, "ls-files", "--stage", "-v", "--others", "-z"],
                ["git", *_GIT_CONFIG, "diff-files", "--name-only", "-z", "--relative", "--", "."])
    started: list[subprocess.Popen] = []
    try:
        for command in commands:
            started.append(subprocess.Popen(command, cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL))
    except (OSError, ValueError, subprocess.SubprocessError):
        _stop(started)
    return started


def _stop(started: list[subprocess.Popen]) -> None:
    for process in started:
        if process.returncode is None:
            process.kill()
            process.wait()
        process.stdout.close()


def _stop_early() -> None:
    for started in _early.values():
        _stop(started)
    _early.clear()


class BlobIndex:
    """The ids of an archive's contents by git object name, from ``cache_dir`` and kept up
    to date; ``tracked``: :func:`unchanged_in_git`'s answer for the folder."""

    def __init__(self, cache_dir: Path, folder: Path, tracked: dict[str, str], read_with_blob: Callable):
        from .cache import _code_fingerprint

        self.path = Path(cache_dir) / BLOBS_NAME
        self.cache_dir = Path(cache_dir)
        self.prefix = os.path.join(os.fspath(folder), "")
        self.tracked = tracked
        self.algorithm = "sha256" if len(next(iter(tracked.values()), "")) == 64 else "sha1"  # the repository's
        self.read_with_blob = read_with_blob  # path, algorithm -> (id, object name or None)
        self.code = _code_fingerprint()
        self.reads = 0  # files read in this run (the others' ids came from the index)
        self._recorded = self._load()
        self._now: dict[str, str | None] = {}

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if (isinstance(data, dict) and data.get("format") == BLOBS_FORMAT and data.get("code") == self.code
                    and isinstance(data.get("blobs"), dict)):
                return data["blobs"]
        except (OSError, ValueError):
            pass
        return {}

    def _name(self, entry: os.DirEntry) -> str:
        name = entry.path[len(self.prefix):]  # every entry of the folder's scan starts with it
        return name if os.sep == "/" else name.replace(os.sep, "/")

    def ids_of(self, entries: list[os.DirEntry], read) -> list[str | None]:
        """The ids of the archive files ``entries`` (regular files, or links to them), in
        order: recorded for their object names, or read (``read(path)`` for a link)."""
        cut = len(self.prefix)  # every entry of the folder's scan starts with it
        names = [entry.path[cut:] for entry in entries]
        if os.sep != "/":
            names = [name.replace(os.sep, "/") for name in names]
        return self.ids_by_name(names, entries, read)

    def ids_by_name(self, names: list[str], entries, read) -> list[str | None]:
        """The ids of the archive files ``names`` (paths below the folder, ``/`` between
        folders), in order; ``entries[i]`` is the entry of ``names[i]`` (its ``path`` and
        ``is_symlink()``), or None for a regular file git vouches for (one of ``tracked``)."""
        blobs = list(map(self.tracked.get, names))  # None: git cannot vouch for the file
        found = list(map(self._recorded.get, blobs, repeat(False)))
        now = self._now
        for index, value in enumerate(found):
            if value is None or type(value) is str:
                now[blobs[index]] = value
            else:  # not recorded (False), or not an id
                entry = entries[index]
                if entry is None:
                    found[index] = self._read(self.prefix + names[index].replace("/", os.sep), False, read)
                else:
                    found[index] = self._read(entry.path, entry.is_symlink(), read)
        return found

    def _read(self, path: str, link: bool, read) -> str | None:
        self.reads += 1
        if link:  # git records a link's target, not the content it leads to
            return read(path)
        found, content = self.read_with_blob(path, self.algorithm)
        if content is not None:
            self._now[content] = found
        return found

    def carry(self, entry: os.DirEntry) -> None:
        """Keep the record of a file whose id was read elsewhere in this run (a linted file)."""
        self.carry_name(self._name(entry))

    def carry_name(self, name: str) -> None:
        """:meth:`carry` for the file at ``name`` below the folder (``/`` between folders)."""
        blob = self.tracked.get(name)
        if blob in self._recorded:
            self._now[blob] = self._recorded[blob]

    def save(self) -> None:
        """Write the index when it would record an object name it does not hold as it should.
        Records only dropped (the content of a file since edited, the file linted in this run)
        are left as they are: an object name's id never changes, and rewriting the whole
        index at every commit would cost more than the stale records' bytes."""
        if not self._now.items() <= self._recorded.items():
            _write(self.cache_dir, self.path, {"format": BLOBS_FORMAT, "code": self.code, "blobs": self._now})


class IndexCache:
    """The ids of the files of one archive folder, from ``cache_dir`` and kept up to date."""

    def __init__(self, cache_dir: Path, folder: Path):
        from .cache import _code_fingerprint

        self.path = Path(cache_dir) / NAME
        self.cache_dir = Path(cache_dir)
        self.folder = os.fspath(folder)
        self.prefix = os.path.join(self.folder, "")
        self.code = _code_fingerprint()
        self.settled = time.time_ns() - SETTLED_NS  # files changed since are not recorded
        self.reads = 0  # files read in this run (the others' ids came from the index)
        self._recorded = self._load()
        self._now: dict[str, list] = {}

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if (isinstance(data, dict) and data.get("format") == FORMAT and data.get("code") == self.code
                    and data.get("folder") == self.folder and isinstance(data.get("files"), dict)):
                return data["files"]
        except (OSError, ValueError):
            pass
        return {}

    def id_of(self, entry: os.DirEntry, read) -> str | None:
        """The id of the archive file ``entry``: recorded, or ``read(entry.path)``."""
        try:
            info = entry.stat()
        except OSError:
            return read(entry.path)
        name = entry.path[len(self.prefix):]  # every entry of the folder's scan starts with it
        recorded = self._recorded.get(name)
        if (type(recorded) is list and len(recorded) == 5 and recorded[0] == info.st_size
                and recorded[1] == info.st_mtime_ns and recorded[2] == info.st_ctime_ns and recorded[3] == info.st_ino
                and _an_id(recorded[4])):
            if info.st_mtime_ns < self.settled and info.st_ctime_ns < self.settled:
                self._now[name] = recorded  # the same object: save() compares it in one step
            return recorded[4]
        found = read(entry.path)
        self.reads += 1
        if info.st_mtime_ns < self.settled and info.st_ctime_ns < self.settled:
            self._now[name] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, found]
        return found

    def ids_of(self, entries: list[os.DirEntry], read) -> list[str | None]:
        """:meth:`id_of` of each of ``entries``, in order."""
        return [self.id_of(entry, read) for entry in entries]

    def carry(self, entry: os.DirEntry) -> None:
        """Keep the record of a file whose id was read elsewhere in this run (a linted file)."""
        name = entry.path[len(self.prefix):]
        if name in self._recorded:
            self._now[name] = self._recorded[name]

    def save(self) -> None:
        """Write the index when what it would record has changed since it was read."""
        if self._now == self._recorded:
            return
        data = {"format": FORMAT, "code": self.code, "folder": self.folder, "files": self._now}
        _write(self.cache_dir, self.path, data)


def _write(cache_dir: Path, path: Path, data: dict) -> None:
    """Write ``data`` as JSON to ``path`` in ``cache_dir``, atomically; nothing when the
    folder cannot be written to (a read-only checkout lints as fast as without a cache)."""
    import tempfile

    from .cache import _IGNORE_ALL

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ignore = cache_dir / ".gitignore"
        if not ignore.exists():
            ignore.write_text(_IGNORE_ALL, encoding="utf-8")
        fd, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError:
        pass


def _an_id(value) -> bool:
    return value is None or type(value) is str
