"""Linting files in worker processes, for ``postmortem lint --jobs N``.

The workers are forked from the process that built the linter, so they start with its
rules, configuration and archive index; each lints chunks of paths and sends back only
diagnostics and internal errors, and for the site the summary it keeps of each document
(small plain data, where the parsed document holds every Markdown token).
"""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

def lint_in_processes(linter, paths: list[Path], jobs: int, progress: Callable[[int], None] | None,
                      summaries=None, data: list[bytes | None] | None = None) -> Iterator[tuple]:
    """(diagnostics, internal errors, summary or None) per path of ``paths``, in order.

    With ``summaries`` (an :class:`~postmortem.engine.Summaries`), each document's
    ``summaries.make`` comes back too. ``data``, when given, holds each file's bytes as
    already read (None: read it in the worker), so the findings are those of the bytes the
    caller keyed its cache with."""
    items = list(zip(paths, data if data is not None else [None] * len(paths)))
    chunks = _chunks(items, jobs)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(linter, summaries)) as pool:
        done = pool.map(_lint_chunk, chunks)  # every chunk submitted: the workers are forked
        # What comes back is plain data without cycles (diagnostics, summaries), and this
        # process does little else until the last chunk: the cyclic collector, which would
        # walk every result taken in so far again and again (half this process's CPU at
        # 2,000 files), is off until then, here only.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for chunk, results in zip(chunks, done):
                if progress:
                    progress(len(chunk))
                yield from results
        finally:
            if collecting:
                gc.enable()


LARGEST_CHUNK = 100  # files a worker takes at once at the start of a run
SMALLEST_CHUNK = 4  # and towards its end


def _chunks(items: list, jobs: int) -> list[list]:
    """``items`` in consecutive chunks that shrink as the run goes on (guided scheduling):
    large ones first, so the workers ask for work rarely, then small ones, so they run out of
    work together instead of one idling while the other finishes a large last chunk (with
    equal chunks of 200 files, that wait was about a second of a 2,000-file run)."""
    chunks = []
    start = 0
    while start < len(items):
        size = max(SMALLEST_CHUNK, min(LARGEST_CHUNK, (len(items) - start) // (jobs * 4)))
        chunks.append(items[start : start + size])
        start += size
    return chunks


_linter = None  # in a worker: the linter it was forked with (set by _start)
_summaries = None  # and what it keeps of each document, if anything


def _start(linter, summaries=None) -> None:
    global _linter, _summaries
    _linter, _summaries = linter, summaries
    gc.enable()  # a worker forked while its parent takes in results: each document holds cycles


def _lint_chunk(items: list[tuple[Path, bytes | None]]) -> list[tuple[list, list[str], object]]:
    from .engine import display_path
    from .parse import parse_bytes

    results = []
    for path, data in items:
        errors: list[str] = []
        doc = parse_bytes(data, display_path(path), _linter.limits) if data is not None else _linter.parse(path, errors)
        diagnostics = _linter.lint_document(doc, errors)
        results.append((diagnostics, errors, _summaries.make(doc) if _summaries is not None else None))
    return results
