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
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

FORMAT = 1  # bump when the layout changes
NAME = "archive-ids.json"
SETTLED_NS = 2_000_000_000  # a file is recorded once it has not changed for this long


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

    def carry(self, entry: os.DirEntry) -> None:
        """Keep the record of a file whose id was read elsewhere in this run (a linted file)."""
        name = entry.path[len(self.prefix):]
        if name in self._recorded:
            self._now[name] = self._recorded[name]

    def save(self) -> None:
        """Write the index when what it would record has changed since it was read."""
        if self._now == self._recorded:
            return
        import tempfile

        from .cache import _IGNORE_ALL

        data = {"format": FORMAT, "code": self.code, "folder": self.folder, "files": self._now}
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            ignore = self.cache_dir / ".gitignore"
            if not ignore.exists():
                ignore.write_text(_IGNORE_ALL, encoding="utf-8")
            fd, temporary = tempfile.mkstemp(dir=self.cache_dir, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout lints as fast as without a cache


def _an_id(value) -> bool:
    return value is None or type(value) is str
