"""The language rules keep their measured precision and recall on the labelled corpus.

Runs the same computation as ``python bench/accuracy.py``: every corpus item linted by the
real engine inside a minimal post-mortem.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy_module()


@pytest.fixture(scope="module")
def results():
    return accuracy.measure()


def test_corpus_is_large_enough(results):
    assert len(results["prose"]["all"].items) >= 300
    assert len(results["actions"]["all"].items) >= 200
    for parts in results.values():
        labels = {item.label for item in parts["all"].items}
        assert len(labels) == 2, labels


@pytest.mark.parametrize("kind", ["prose", "actions"])
def test_precision_and_recall_meet_the_targets(results, kind):
    score = results[kind]["all"].overall
    errors = "\n".join(f"{what}: {item.text!r}" for what, item, _ in results[kind]["all"].errors)
    assert score.precision >= accuracy.TARGET_PRECISION, errors
    assert score.recall >= accuracy.TARGET_RECALL, errors


def test_every_rule_is_exercised_by_the_corpus(results):
    for kind, parts in results.items():
        for code, rule in parts["all"].per_rule.items():
            assert rule.labelled > 0, f"{code}: no corpus item is labelled with it"
            assert rule.flagged_bad > 0, f"{code}: flags nothing in the corpus"
