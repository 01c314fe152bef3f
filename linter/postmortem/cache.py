"""A content-addressed cache of each file's findings, so an unchanged archive lints at the
speed of reading it, and of each file's site summary, so an unchanged archive builds its
site without parsing it again.

An entry's key is a hash of everything a file's findings depend on: the file's bytes and
the path it is shown by, the linter's own code, the rules selected with their severities
and options, the configuration that shapes them, the owner registry, the archive's index
of ids (for the cross-file rules) and the date due dates are judged against. Change any of
them and the key changes; nothing is ever invalidated in place. An entry that cannot be
read, is not JSON of the expected shape, or was written for another key is ignored and
rewritten. A summary (:mod:`postmortem.site.summary`) depends on the file alone: its key is
the file's bytes and path, the linter's code and the parser's limits, so it outlives a
change of configuration. Entries are written atomically; a cache folder that cannot be written to only
costs speed.

A long-running process that lints the same archive again and again (the site under
``mkdocs serve``, rebuilding after each edit) also keeps the entries of its last run in
memory, under the same keys: a rebuild then parses only the files whose key changed, with
or without a cache folder, and memory holds one entry per file of the last run, never more.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .diagnostics import Diagnostic, Severity

FORMAT = 1  # bump when the entry layout changes
_IGNORE_ALL = "# Written by `postmortem lint`: a cache, safe to delete.\n*\n"


def _code_fingerprint() -> str:
    """The linter's version and the size and time of each of its source and data files."""
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    digest.update(_code_files())
    return digest.hexdigest()


@functools.cache
def _code_files() -> bytes:
    """The path, size and time of each source and data file of the linter, as this process
    found them first: the code it runs (a one-file run with a cache asks twice)."""
    root = Path(__file__).parent
    listed = []
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json", ".txt", ".tsv", ".yml")):
                info = os.stat(os.path.join(folder, name))
                listed.append(f"{os.path.relpath(os.path.join(folder, name), root)}\0{info.st_size}\0{info.st_mtime_ns}\n")
    return "".join(listed).encode()


class FindingsCache:
    """Findings per file under ``folder``, for one linter set-up (see :meth:`for_linter`).

    ``memory``, a dict the caller keeps from one run to the next, holds the entries of the
    last run: they are read from it before the folder (``folder`` may be None: memory
    only), and at the end of this run it holds this run's entries only."""

    def __init__(self, folder: Path | None, context: str, parse_context: str = "", memory: dict | None = None):
        self.folder = folder
        self.context = hashlib.sha256(context.encode()).hexdigest()
        self.parse_context = hashlib.sha256(f"summary\0{parse_context}".encode()).hexdigest()
        self.hits = self.misses = 0
        self._ready = False
        self._last: dict = dict(memory) if memory is not None else {}
        if memory is not None:
            memory.clear()
        self._memory = memory

    @classmethod
    def for_linter(cls, folder: Path | None, linter, memory: dict | None = None) -> "FindingsCache":
        """A cache keyed by everything ``linter``'s findings depend on besides the file."""
        config = linter.config
        code = _code_fingerprint()
        parts = [
            code,
            repr(sorted((rule.info.code, int(rule.severity), repr(sorted(rule.ctx.options.items()))) for rule in linter.rules)),
            repr(sorted(config.per_file_ignores.items())),
            repr(sorted(config.required_sections.items())),
            repr((config.max_file_size, str(config.root), str(config.archive_dir))),
            linter.today.isoformat(),
            _file_digest(config.owners_path),
        ]
        if linter.needs_archive and linter.archive is not None:
            ids = linter.archive.ids
            # sorted by id, each id's paths sorted: only the few ids of more than one file need it
            parts.append(repr(sorted({**ids, **{key: sorted(paths) for key, paths in ids.items() if len(paths) > 1}}.items())))
        # A summary depends on the file alone, as the parser reads it within its limits.
        return cls(folder, "\0".join(parts), f"{code}\0{linter.limits!r}", memory)

    def key(self, display: str, data: bytes) -> str:
        digest = hashlib.sha256(self.context.encode())
        digest.update(display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def summary_key(self, display: str, data: bytes, version: int) -> str:
        """The key of a file's summary (the site's): the file, its path, the parser, ``version``."""
        digest = hashlib.sha256(f"{self.parse_context}\0{version}".encode())
        digest.update(display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get_summary(self, key: str, data: bytes, read: Callable[[dict, bytes], Any]) -> Any | None:
        """``read(entry's summary, data)``, or None when there is no trustworthy entry."""
        try:
            # Kept in memory as JSON text, read as the folder's entry is: nothing the
            # summary read back holds is shared with the next run's.
            stored = self._last.get(key)
            summary = json.loads(stored) if stored is not None else self._entry(key)["summary"]
            if self._memory is not None and stored is None:
                stored = _json(summary)
            found = read(summary, data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        self._remember(key, stored)
        return found

    def put_summary(self, key: str, summary: dict | None) -> None:
        if summary is not None:
            self._remember(key, _json(summary))
            self._write(key, {"format": FORMAT, "key": key, "summary": summary})

    def _entry(self, key: str) -> dict:
        if self.folder is None:
            raise KeyError(key)
        entry = json.loads(self._path(key).read_text("utf-8"))
        if entry.get("format") != FORMAT or entry.get("key") != key:
            raise ValueError("an entry of another key or layout")
        return entry

    def _remember(self, key: str, value) -> None:
        if self._memory is not None:
            self._memory[key] = value

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            if key in self._last:
                found = list(self._last[key])  # Diagnostic is frozen: the list is the caller's
            else:
                found = [_diagnostic(item) for item in self._entry(key)["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        self._remember(key, tuple(found))
        return found

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self._remember(key, tuple(diagnostics))
        self._write(key, {"format": FORMAT, "key": key, "diagnostics": [d.to_dict() for d in diagnostics]})

    def _write(self, key: str, entry: dict) -> None:
        if self.folder is None:
            return
        target = self._path(key)
        try:
            self._prepare()
            target.parent.mkdir(exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, target)
        except OSError:
            pass  # a read-only checkout lints as fast as without a cache

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text(_IGNORE_ALL, encoding="utf-8")
        self._ready = True


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "absent"


_FIELDS = ("path", "line", "col", "end_line", "end_col", "code", "name", "severity", "message", "hint")


def _diagnostic(item: dict) -> Diagnostic:
    values = {name: item[name] for name in _FIELDS}
    for name in ("line", "col", "end_line", "end_col"):
        if not isinstance(values[name], int):
            raise TypeError(name)
    values["severity"] = Severity.parse(values["severity"])
    return Diagnostic(**values)
