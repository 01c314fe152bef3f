"""The garbage collector's settings during a lint run, and as a `postmortem lint` process exits."""

from __future__ import annotations

import gc
import subprocess
import sys

from postmortem import gc_tuning

from .conftest import FIXTURES, ROOT


def test_fewer_collections_restores_the_thresholds():
    old = gc.get_threshold()
    with gc_tuning.fewer_collections():
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == old


def test_until_exit_keeps_the_thresholds_raised_and_freezes_once(monkeypatch):
    registered = []
    monkeypatch.setattr(gc_tuning.atexit, "register", registered.append)
    monkeypatch.setattr(gc_tuning, "_freeze_registered", False)
    old = gc.get_threshold()
    try:
        gc_tuning.fewer_collections_until_exit()
        gc_tuning.fewer_collections_until_exit()
        assert gc.get_threshold()[0] >= 50_000 and gc.get_threshold()[1] >= 20
    finally:
        gc.set_threshold(*old)
    assert registered == [gc.freeze]


def _frozen_at_exit(code: str) -> str:
    """What ``code`` prints, then whether the heap was frozen before the interpreter's last
    collection (an exit handler registered first runs last)."""
    prologue = "import atexit, gc; atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'not frozen'))\n"
    done = subprocess.run([sys.executable, "-c", prologue + code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return done.stdout


def test_a_lint_process_exits_with_its_heap_frozen():
    code = (
        "import sys; from postmortem.cli import main\n"
        f"sys.argv = ['postmortem', 'lint', '--select', 'PM201', {str(FIXTURES / 'complete.md')!r}]\n"
        "main()\n"
    )
    out = _frozen_at_exit(code)
    assert out.splitlines()[-1] == "frozen", out
    assert "1 file" in out


def test_a_plain_import_does_not_freeze():
    assert _frozen_at_exit("import postmortem.cli, postmortem.engine").strip() == "not frozen"
