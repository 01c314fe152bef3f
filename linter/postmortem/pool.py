"""Linting files in worker processes, for ``postmortem lint --jobs N``.

The workers are forked from the process that built the linter, so they start with its
rules, configuration and archive index; each lints chunks of paths and sends back only
diagnostics and internal errors.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

PARALLEL_MIN_FILES = 64  # below this many files per process, starting processes costs more than it saves


def workers(jobs: int, files: int) -> int:
    """How many processes are worth starting for ``files`` files."""
    return max(1, min(jobs, files // PARALLEL_MIN_FILES))


def lint_in_processes(linter, paths: list[Path], jobs: int, progress: Callable[[int], None] | None) -> Iterator[tuple]:
    """(diagnostics, internal errors) per chunk of ``paths``, in order."""
    size = max(1, min(200, len(paths) // (jobs * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(linter,)) as pool:
        for chunk, result in zip(chunks, pool.map(_lint_chunk, chunks)):
            if progress:
                progress(len(chunk))
            yield result


_linter = None  # in a worker: the linter it was forked with (set by _start)


def _start(linter) -> None:
    global _linter
    _linter = linter


def _lint_chunk(paths: list[Path]) -> tuple[list, list[str]]:
    errors: list[str] = []
    diagnostics = []
    for path in paths:
        diagnostics.extend(_linter.lint_document(_linter.parse(path, errors), errors))
    return diagnostics, errors
