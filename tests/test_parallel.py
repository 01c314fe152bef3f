"""``postmortem lint --jobs N`` gives exactly the output of a serial run."""

from __future__ import annotations

import importlib.util
import json
import shutil

from click.testing import CliRunner

from postmortem.cli import main

from .conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_parallel_lint_matches_serial(tmp_path, monkeypatch):
    _generator().write_archive(tmp_path, count=160, seed=7)
    # Two files with one id: the cross-file rule must see both though they land in different processes.
    files = sorted((tmp_path / "postmortems").glob("*.md"))
    shutil.copy(files[0], tmp_path / "postmortems" / "zz-copy-of-the-first.md")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["lint", "--today", "2026-11-23", "--format", "json", "--jobs", jobs])
        assert result.exit_code == 1, result.output
        outputs[jobs] = json.loads(result.stdout)
    assert outputs["1"] == outputs["2"]
    codes = {d["code"] for d in outputs["2"]["diagnostics"]}
    assert "PM102" in codes  # the duplicate id was found across processes
    assert outputs["2"]["files"] == 161


def test_chunks_cover_every_file_once_in_order_and_shrink_towards_the_end():
    from postmortem.pool import LARGEST_CHUNK, SMALLEST_CHUNK, _chunks

    for count in (1, 5, 130, 2000, 10_001):
        for jobs in (2, 3, 8):
            chunks = _chunks(list(range(count)), jobs)
            assert [item for chunk in chunks for item in chunk] == list(range(count))
            sizes = [len(chunk) for chunk in chunks]
            assert sizes == sorted(sizes, reverse=True)
            assert max(sizes) <= LARGEST_CHUNK
            assert all(size >= SMALLEST_CHUNK for size in sizes[:-1])
            if count >= 2000:  # the last chunks are small, so the workers finish together
                assert sizes[-1] <= SMALLEST_CHUNK


def _collecting(doc) -> bool:
    import gc

    return gc.isenabled()


def test_the_parent_takes_in_results_without_collecting_and_the_workers_collect(tmp_path):
    """The results of a parallel run are plain data without cycles: the process taking them
    in keeps the cyclic collector off until the last one (it walked every result taken in so
    far again and again), while the workers, whose documents hold cycles, keep it on; it is
    on again after the run."""
    import gc
    from datetime import date

    from postmortem.config import Config
    from postmortem.engine import Linter, Summaries

    _generator().write_archive(tmp_path, count=24, seed=3)
    paths = sorted((tmp_path / "postmortems").glob("*.md"))
    linter = Linter(Config(root=tmp_path), today=date(2026, 11, 23))
    seen = []
    kept = Summaries(make=_collecting, to_data=lambda made, data: None, from_data=lambda data, raw: None, version=1)
    assert gc.isenabled()
    result = linter.lint_paths(paths, jobs=2, progress=lambda done: seen.append(gc.isenabled()), summaries=kept,
                               min_files_per_job=4)
    assert result.summaries == [True] * len(paths)  # each worker collected
    assert seen and not any(seen)  # the parent, while results came in
    assert gc.isenabled()
