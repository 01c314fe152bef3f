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

def lint_in_processes(linter, paths: list[Path], jobs: int, progress: Callable[[int], None] | None) -> Iterator[tuple]:
    """(diagnostics, internal errors) per path of ``paths``, in order."""
    size = max(1, min(200, len(paths) // (jobs * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(linter,)) as pool:
        for chunk, results in zip(chunks, pool.map(_lint_chunk, chunks)):
            if progress:
                progress(len(chunk))
            yield from results


_linter = None  # in a worker: the linter it was forked with (set by _start)


def _start(linter) -> None:
    global _linter
    _linter = linter


def _lint_chunk(paths: list[Path]) -> list[tuple[list, list[str]]]:
    results = []
    for path in paths:
        errors: list[str] = []
        results.append((_linter.lint_document(_linter.parse(path, errors), errors), errors))
    return results
