"""The cyclic garbage collector, run less often where a command allocates much and frees it."""

from __future__ import annotations

import gc
from contextlib import contextmanager


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
    gc.set_threshold(max(old[0], 50_000), max(old[1], 20), *old[2:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
