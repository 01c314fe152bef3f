"""The cyclic garbage collector, run less often where a command allocates much and frees it."""

from __future__ import annotations

import atexit
import gc
from contextlib import contextmanager

# The thresholds of a lint run: a young collection every 50,000 allocations instead of 700,
# a middle one every 20 young ones instead of 10.
_YOUNG, _MIDDLE = 50_000, 20


@contextmanager
def fewer_collections():
    """Run the cyclic garbage collector less often while linting many files, or loading the
    linter's modules.

    Parsing allocates hundreds of thousands of container objects per hundred files
    (markdown-it's tokens, the model), nearly all freed by reference counting, and a run
    keeps every parsed document. With the default thresholds (700, 10, 10) the collector
    re-walks surviving tokens in each young collection and the whole growing heap in each
    full one: a third of the run's CPU at 2,000 files. Importing the rules and their word
    lists is the same on a smaller scale, a tenth of a one-file run. Higher thresholds
    keep it collecting the few real cycles (ruamel.yaml makes some per file), rarely. The
    old ones are restored.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], _YOUNG), max(old[1], _MIDDLE), *old[2:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


_freeze_registered = False


def fewer_collections_until_exit() -> None:
    """What :func:`fewer_collections` does, for the rest of the process, and no walk of the
    heap as the process exits: for a command of the ``postmortem`` program, whose process
    ends with it.

    Restoring the default thresholds when the command ends would start a young collection
    of everything it allocated (the imported modules among them: 4-9 ms of a one-file
    run), and the interpreter collects once more as it exits, walking the whole heap
    (5-10 ms) only to return memory that the process returns anyway. So the thresholds stay
    raised, and at exit :func:`gc.freeze` moves every object out of the collector's reach
    before that last collection. The linter keeps nothing that needs a collection to be
    finished (files are written and closed as it goes), and reference counting still
    frees what it frees.
    """
    global _freeze_registered
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], _YOUNG), max(old[1], _MIDDLE), *old[2:])
    if not _freeze_registered:
        atexit.register(gc.freeze)
        _freeze_registered = True
