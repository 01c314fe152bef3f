"""Cross-file facts: the ids of every post-mortem in the archive, and the owner registry.

A pre-commit run lints a few files but must still know every id in the archive, so the
index reads the frontmatter of the files it was not given (ids only, not the whole file).
"""

from __future__ import annotations

import operator
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .lazy_re import lazy
from .model import Document
from .vocabulary import ID_PATTERN

_ID_LINE_PATTERN = r"""^id:[ \t]*["']?(%s)["']?[ \t]*(?:#.*)?$""" % ID_PATTERN.pattern.removeprefix("^").removesuffix("$")
_ID_LINE_ASCII = re.compile(_ID_LINE_PATTERN.encode("ascii"), re.MULTILINE)  # for frontmatter in ASCII
_ID_LINE = lazy(_ID_LINE_PATTERN, re.MULTILINE)  # for the rest


def archive_files(folder: Path) -> list[Path]:
    """Post-mortem files under ``folder``: every ``*.md`` except README and index pages.

    Entries that are not readable files (a dangling link, a FIFO) are listed too, so that
    the linter reports them instead of silently skipping a post-mortem.
    """
    return sorted(Path(entry.path) for entry in _scan(folder))


_NOT_POSTMORTEMS = ("readme.md", "index.md")  # file names (in lower case) never post-mortems


def _scan(folder: Path) -> Iterator[os.DirEntry]:
    """The entries :func:`archive_files` lists, in no order. Hidden files and folders are
    left out and links to folders not followed. One ``scandir`` per folder and no ``stat``
    per file: a pre-commit run in an archive of thousands of files lists it every time."""
    pending = [os.fspath(folder)]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not entry.is_symlink():
                            pending.append(entry.path)
                    elif name.endswith(".md") and name.lower() not in _NOT_POSTMORTEMS:
                        yield entry
        except OSError:
            continue


def _listed_names(names: Iterable[str]) -> list[str]:
    """Of ``names`` (paths below an archive folder, ``/`` between folders, each a file in a
    folder the walk enters), those :func:`_scan` lists: no part hidden, a post-mortem's file name."""
    return [name for name in names if name.endswith(".md") and not name.startswith(".") and "/." not in name
            and name.lower().rpartition("/")[2] not in _NOT_POSTMORTEMS]


class _Looked:
    """What :func:`_scan`'s ``os.DirEntry`` tells of a file, from its ``lstat``: for a file
    git lists but does not vouch for (:meth:`Archive._add_listed`)."""

    __slots__ = ("path", "_status")

    def __init__(self, path: str, status: os.stat_result):
        self.path, self._status = path, status

    def inode(self) -> int:
        return self._status.st_ino

    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self._status.st_mode)

    def is_file(self) -> bool:
        if not self.is_symlink():
            return stat.S_ISREG(self._status.st_mode)
        try:
            return stat.S_ISREG(os.stat(self.path).st_mode)
        except (OSError, ValueError):
            return False


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on a command line: a folder means its post-mortems; each file once.

    Raises FileNotFoundError naming the first path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(archive_files(path))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"path does not exist: {raw}")
    unique: dict[Path, Path] = {}
    folders: dict[str, str] = {}  # folder as given -> with links followed
    for path in files:
        unique.setdefault(_real_path_in(path, folders), path)
    return list(unique.values())


def _real_path_in(path: Path, folders: dict[str, str]) -> Path:
    """``real_path(path)``, resolving each folder once (``folders`` keeps them): a file that
    is not a link is its folder's real path and its name, one ``lstat`` instead of one per
    component of the path (a run over an archive of thousands of files lists them all)."""
    head, name = os.path.split(os.fspath(path))
    if name in ("", os.curdir, os.pardir) or os.path.islink(path):
        return real_path(path)
    if head not in folders:
        folders[head] = os.path.realpath(head)
    return Path(os.path.join(folders[head], name))


def quick_id(path: Path) -> str | None:
    """The ``id`` of a post-mortem, reading only its frontmatter."""
    if not path.is_file():  # opening a FIFO would wait forever
        return None
    return _read_id(path)


_HEAD = 4096  # the first read: the frontmatter of almost every post-mortem
_MORE = 60 * 1024  # read on only when the frontmatter does not close within _HEAD


def _read_id(path: str | Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY)  # unbuffered: one small read per file
        try:
            # A pre-commit run reads every file of the archive: the first 4 KiB hold the
            # frontmatter of almost every post-mortem; read on only when they do not.
            data = os.read(fd, _HEAD)
            end = data.find(b"\n---", 3)
            if end < 0:
                data += os.read(fd, _MORE)
        finally:
            os.close(fd)
    except OSError:
        return None
    # What nearly every file is, checked here once instead of step by step in _id_of: a
    # frontmatter in ASCII with LF line ends, closed within the first read. Only the
    # frontmatter is looked at (about a sixth of the bytes read).
    if end > 0 and data.startswith(b"---"):
        head = data[:end]
        if head.isascii() and b"\r" not in head:
            match = _ID_LINE_ASCII.search(head)
            if match:
                return match.group(1).decode("ascii")
    return _id_of(data, path)


def _read_id_and_blob(path: str | Path, algorithm: str) -> tuple[str | None, str | None]:
    """The id :func:`_read_id` reads, and the git object name of the file's whole content
    (``algorithm``: ``sha1`` or ``sha256``, the repository's), None for a file larger than
    :data:`_BLOB_LIMIT`. The id and the name come from the same bytes, read once."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks = [os.read(fd, _HEAD + _MORE)]
            size = len(chunks[0])
            while chunks[-1] and size <= _BLOB_LIMIT:
                chunks.append(os.read(fd, _HEAD + _MORE))
                size += len(chunks[-1])
        finally:
            os.close(fd)
    except OSError:
        return None, None
    data = b"".join(chunks)
    # what _read_id reads: the first _HEAD bytes, or _HEAD + _MORE when the frontmatter does
    # not close within them (its shortcut for plain ASCII frontmatter finds what _id_of finds)
    found = _id_of(data[:_HEAD] if data.find(b"\n---", 3, _HEAD) >= 0 else data[:_HEAD + _MORE], path)
    if size > _BLOB_LIMIT:
        return found, None
    import hashlib

    digest = hashlib.new(algorithm, b"blob %d\0" % len(data))
    digest.update(data)
    return found, digest.hexdigest()


_BLOB_LIMIT = 4 * 1024 * 1024  # larger files are read for their id every time, never hashed


def _id_of(data: bytes, path: str | Path) -> str | None:
    """The ``id`` in the frontmatter that starts ``data`` (a file's first bytes)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if not data.startswith(b"---"):
        return None
    end = data.find(b"\n---", 3)
    end = end if end >= 0 else len(data)
    if data.find(b"\r", 0, end) >= 0:
        data = data[:end].replace(b"\r\n", b"\n")
        end = len(data)
    # Nearly always ASCII: the same pattern over the bytes up to the closing fence (as if
    # cut there: ``$`` matches at ``end``), nothing copied or decoded.
    if data.isascii() or data[:end].isascii():
        match = _ID_LINE_ASCII.search(data, 0, end)
        if match:
            return match.group(1).decode("ascii")
    text = data[:end].decode("utf-8", "replace")
    match = _ID_LINE.search(text)
    if match:
        return match.group(1)
    from .parse import parse_text

    return parse_text(text + "\n---\n", str(path)).incident.id


@dataclass
class Archive:
    """Which files carry which post-mortem id."""

    ids: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, folder: Path | None, documents: list[Document]) -> "Archive":
        archive = cls()
        seen: set[tuple[int, int]] = set()  # (device, inode): one stat per file, links followed
        for doc in documents:
            identity = _identity(doc.path)
            if identity:
                seen.add(identity)
            if doc.incident.id:
                archive.ids.setdefault(doc.incident.id, []).append(doc.path)
        archive._add_folder(folder, seen)
        return archive

    @classmethod
    def from_paths(cls, folder: Path | None, paths: list[Path], cache_dir: Path | None = None) -> "Archive":
        """The index ``build`` makes, from the files' frontmatter only (for parallel runs).
        With ``cache_dir``, the ids of the archive's files that have not changed since the
        last run come from the index kept there (:mod:`postmortem.archive_index`)."""
        archive = cls()
        seen: set[tuple[int, int]] = set()
        linted: list[tuple[Path, os.stat_result]] = []
        for path in paths:
            try:
                status = os.stat(path)
            except (OSError, ValueError):
                continue
            seen.add((status.st_dev, status.st_ino))
            linted.append((path, status))
            found = _read_id(path) if stat.S_ISREG(status.st_mode) else None  # never open a FIFO
            if found:
                archive.ids.setdefault(found, []).append(display_path(path))
        archive._add_folder(folder, seen, cache_dir, linted)
        return archive

    def _add_folder(self, folder: Path | None, seen: set[tuple[int, int]], cache_dir: Path | None = None,
                    linted_files: "list[tuple[Path, os.stat_result]] | None" = None) -> None:
        """Index the archive files not already seen among the linted ones (``linted_files``:
        their paths and ``stat``, whose identities ``seen`` holds)."""
        if folder is None or not folder.is_dir():
            return
        listing = None
        if cache_dir is not None and linted_files is not None and os.sep == "/" and sys.platform != "darwin":
            from .archive_index import listed_in_git

            listing = listed_in_git(folder)  # None unless git was asked ahead (a hook's run)
            if (listing is not None and listing.unchanged is not None
                    and self._add_listed(folder, seen, linted_files, cache_dir, listing)):
                return
        # Sorted as Paths sort, part by part: "\0" sorts before every character of a name.
        entries = sorted(_scan(folder), key=lambda entry: entry.path.replace(os.sep, "\0"))
        inodes = {inode for _, inode in seen}
        linted, unseen = [], []
        for entry in entries:
            if (entry.inode() in inodes or entry.is_symlink()) and _identity(entry.path) in seen:
                linted.append(entry)
            else:
                unseen.append(entry)
        kept = None
        if cache_dir is not None and unseen:  # every file linted: no id to look up, no index to keep
            from .archive_index import kept_index

            kept = kept_index(cache_dir, folder, len(entries), _read_id_and_blob, listing)
            for entry in linted:
                kept.carry(entry)
        regular = [entry for entry in unseen if _is_file(entry)]  # a FIFO would block the read
        found_ids = [_read_id(entry.path) for entry in regular] if kept is None else kept.ids_of(regular, _read_id)
        shown: dict[str, str] = {}  # folder as scanned -> how paths in it are shown, up to the name
        for entry, found in zip(regular, found_ids):
            if found:
                scanned = entry.path[: len(entry.path) - len(entry.name)]
                if scanned not in shown:
                    parent = display_path(os.path.dirname(entry.path))
                    shown[scanned] = "" if parent == os.curdir else os.path.join(parent, "")
                self.ids.setdefault(found, []).append(shown[scanned] + entry.name)
        if kept is not None:
            kept.save()

    def _add_listed(self, folder: Path, seen: set[tuple[int, int]], linted_files: list[tuple[Path, os.stat_result]],
                    cache_dir: Path, listing) -> bool:
        """:meth:`_add_folder` from git's listing of the folder (``listing``, an
        :class:`postmortem.archive_index.GitListing`) instead of a walk: the same files, the
        same ids, the same order. False, and nothing done, where only the walk can tell.

        A file git vouches for (tracked, unchanged: a regular file, no link on its way from
        the folder) is listed when its path has no hidden part and its name is a post-mortem's,
        with no system call; it is one of the linted files when a linted file's real path is
        its own. Any other path git lists is looked at as the walk looks at it (``lstat``),
        and a folder git does not list file by file (a nested repository, a submodule) is
        walked. Only the walk can tell (by ``stat``) when a linted regular file has other
        names (hard links), when one lies outside the folder, or when a file git does not
        track is also reached by another spelling of its name (a folder that ignores case
        or normalises names); and the walk costs less when git vouches for fewer files
        than it lists otherwise."""
        from .archive_index import BlobIndex

        if len(listing.others) > len(listing.unchanged):
            return False  # git vouches for few of the files: looking at each costs more than the walk
        base = os.fspath(folder)
        prefix = os.path.join(base, "")
        real = os.path.join(os.path.realpath(base), "")
        linted: set[str] = set()  # names below the folder of the linted regular files
        for path, status in linted_files:
            if stat.S_ISREG(status.st_mode):
                resolved = os.path.realpath(path)
                if status.st_nlink != 1 or not resolved.startswith(real):
                    return False
                linted.add(resolved[len(real):])
        # The paths git does not vouch for, as the walk sees them.
        looked: dict[str, object] = {}  # name below the folder -> its entry (_Looked, or the walk's)
        walked: list[str] = []  # folders to walk: nested repositories, submodules
        folders: dict[str, bool] = {}  # folder below the folder ("" itself) -> listed by the walk
        for name in listing.others:
            name = name.rstrip("/")
            if not name or name.startswith(".") or "/." in name:
                continue
            head, _, tail = name.rpartition("/")
            if not _entered(prefix, head, folders):
                continue
            path = prefix + name
            try:
                status = os.lstat(path)
            except (OSError, ValueError):
                continue  # deleted, or gone since
            if stat.S_ISDIR(status.st_mode):
                walked.append(name)
            elif tail.endswith(".md") and tail.lower() not in _NOT_POSTMORTEMS:  # a link to a folder: no file, below
                if _spelt_otherwise(path, tail, status):
                    return False
                looked[name] = _Looked(path, status)
        names = _listed_names(listing.unchanged)
        heads = {"", *(name.rpartition("/")[0] for name in names if "/" in name)}
        if not all(_entered(prefix, head, folders) for head in heads):
            return False  # git lists a file in a folder the walk cannot read
        if walked:
            cut = len(prefix)
            for top in walked:
                for entry in _scan(prefix + top):
                    looked[entry.path[cut:]] = entry
        names.extend(looked)
        names.sort(key=_PARTS)  # as the walk's entries are sorted
        kept = BlobIndex(cache_dir, folder, listing.unchanged, _read_id_and_blob)
        inodes = {inode for _, inode in seen}
        unseen: list[str] = []
        entries: list[object] = []
        for name in names:
            entry = looked.get(name)
            if entry is None:
                if name in linted:
                    kept.carry_name(name)
                    continue
            elif (entry.inode() in inodes or entry.is_symlink()) and _identity(entry.path) in seen:
                kept.carry_name(name)
                continue
            elif not _is_file(entry):  # a FIFO would block the read
                continue
            unseen.append(name)
            entries.append(entry)
        shown: dict[str, str] = {}  # folder below the folder -> how paths in it are shown, up to the name
        ids = self.ids
        for name, found in zip(unseen, kept.ids_by_name(unseen, entries, _read_id)):
            if found:
                head, _, tail = name.rpartition("/")
                if head not in shown:
                    parent = display_path(os.path.dirname(prefix + name))
                    shown[head] = "" if parent == os.curdir else os.path.join(parent, "")
                ids.setdefault(found, []).append(shown[head] + tail)
        kept.save()
        return True

    def others_with(self, id_: str, path: str) -> list[str]:
        listed = [p for p in self.ids.get(id_, []) if p != path]  # the same path is the same file
        if not listed:  # the usual case: no path to resolve (two system calls per path component)
            return []
        me = real_path(path)
        return [p for p in listed if real_path(p) != me]


_PARTS = operator.methodcaller("replace", "/", "\0")  # sorts paths part by part, as Paths sort


def _entered(prefix: str, folder: str, known: dict[str, bool]) -> bool:
    """Whether the walk of the archive folder ``prefix`` lists what ``folder`` holds (a
    folder below it, ``/`` between folders; "" itself): every folder on the way a folder,
    none a link, each one readable (``known`` keeps the answers)."""
    entered = known.get(folder)
    if entered is None:
        path = prefix + folder
        try:
            if folder:
                head = folder.rpartition("/")[0]
                entered = _entered(prefix, head, known) and stat.S_ISDIR(os.lstat(path).st_mode)
            else:
                entered = os.path.isdir(path)
            entered = entered and os.access(path, os.R_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids)
        except (OSError, ValueError):
            entered = False
        known[folder] = entered
    return entered


def _spelt_otherwise(path: str, name: str, status: os.stat_result) -> bool:
    """Whether the file ``path`` (named ``name``, ``lstat`` ``status``) is also reached by
    another spelling of its name: in a folder that ignores case or normalises names, git's
    name for a tracked file and the walk's may then differ."""
    import unicodedata

    folder = path[: len(path) - len(name)]
    for other in {name.swapcase(), *(unicodedata.normalize(form, name) for form in ("NFC", "NFD"))} - {name}:
        try:
            found = os.lstat(folder + other)
        except (OSError, ValueError):
            continue
        if (found.st_dev, found.st_ino) == (status.st_dev, status.st_ino):
            return True
    return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def real_path(path: str | Path) -> Path:
    """The file a path names, links followed; unlike ``Path.resolve`` never raises on a link loop."""
    return Path(os.path.realpath(path))


def display_path(path: str | Path) -> str:
    """``path`` as diagnostics show paths: relative to the working directory when possible."""
    text = os.fspath(path)
    if isinstance(text, str) and text and not os.path.isabs(text):
        # what relpath gives a relative path that stays below the working directory, without
        # the two calls to getcwd and the comparison of every component
        normal = os.path.normpath(text)
        if normal != os.pardir and not normal.startswith(os.pardir + os.sep):
            return normal
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@dataclass
class Owners:
    """The owner registry: teams and roles that may own action items and author post-mortems."""

    names: dict[str, str]
    path: Path | None = None

    @classmethod
    def load(cls, path: Path) -> "Owners":
        from ruamel.yaml import YAML
        from ruamel.yaml.error import MarkedYAMLError

        text = path.read_text(encoding="utf-8")
        try:
            try:
                data = YAML(typ="safe").load(text)  # libyaml's parser when installed: a fifth of the time
            except MarkedYAMLError:
                data = YAML(typ="safe", pure=True).load(text)  # raises again, with the messages of the pure parser
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"line {mark.line + 1}: " if mark else ""
            raise ValueError(f"{where}invalid YAML: {exc.problem or exc.context}") from None
        owners = data.get("owners") if isinstance(data, dict) else None
        if not isinstance(owners, dict):
            raise ValueError("expected a mapping `owners:` of name: description")
        return cls({str(k): str(v) for k, v in owners.items()}, path)

    def known(self, name: str) -> bool:
        return name.strip().lower() in {n.lower() for n in self.names}

    def closest(self, name: str) -> str | None:
        lowered = {n.lower(): n for n in self.names}
        import difflib

        match = difflib.get_close_matches(name.strip().lower(), list(lowered), n=1, cutoff=0.6)
        return lowered[match[0]] if match else None
