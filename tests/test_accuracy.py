"""The language rules keep their measured precision and recall on the labelled corpora.

Runs the same computation as ``python bench/accuracy.py``: every corpus item linted by the
real engine inside a minimal post-mortem. The real-text development set has to meet the
floors in ``bench/accuracy.py`` (``REAL_DEV_FLOORS``); the test set is never read here.
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
def self_written():
    return accuracy.measure_self()


@pytest.fixture(scope="module")
def real_dev():
    return accuracy.measure_real("dev")


def test_corpora_are_large_enough(self_written, real_dev):
    assert len(self_written["prose"]["all"].items) >= 300
    assert len(self_written["actions"]["all"].items) >= 200
    assert len(real_dev["prose"].items) >= 600
    assert len(real_dev["actions"].items) >= 300
    for result in [*(parts["all"] for parts in self_written.values()), *real_dev.values()]:
        labels = {item.label for item in result.items}
        assert len(labels) == 2, labels


@pytest.mark.parametrize("kind", ["prose", "actions"])
def test_real_development_set_meets_its_floors(real_dev, kind):
    precision, recall = accuracy.REAL_DEV_FLOORS[kind]
    score = real_dev[kind].overall
    errors = "\n".join(f"{what}: {item.text!r}" for what, item, _ in real_dev[kind].errors)
    assert score.precision >= precision, errors
    assert score.recall >= recall, errors


def test_names_on_the_real_development_set(real_dev):
    precision, recall = accuracy.REAL_DEV_FLOORS["names"]
    score = real_dev["prose"].names
    errors = "\n".join(f"{what}: {item.text!r}" for what, item in real_dev["prose"].name_errors)
    assert score.precision >= precision, errors
    assert score.recall >= recall, errors


@pytest.mark.parametrize("kind", ["prose", "actions"])
def test_self_written_corpus_meets_the_targets(self_written, kind):
    score = self_written[kind]["all"].overall
    errors = "\n".join(f"{what}: {item.text!r}" for what, item, _ in self_written[kind]["all"].errors)
    assert score.precision >= accuracy.TARGET_PRECISION, errors
    assert score.recall >= accuracy.TARGET_RECALL, errors


def test_every_rule_is_exercised_by_the_corpus(self_written):
    for kind, parts in self_written.items():
        for code, rule in parts["all"].per_rule.items():
            assert rule.labelled > 0, f"{code}: no corpus item is labelled with it"
            assert rule.flagged_bad > 0, f"{code}: flags nothing in the corpus"


def test_every_test_item_recorded_as_seen_is_in_the_test_set_and_not_in_development():
    """``real/test-seen.tsv`` names test items seen while tuning by the hash of their text; the
    test set is measured with and without them. Only hashes are compared here."""
    seen = accuracy.seen_test_items()
    keys = {
        part: {accuracy.seen_key(item.text) for kind in ("prose", "actions") for item in accuracy.load_real(accuracy.REAL / f"{kind}-{part}.tsv")}
        for part in ("dev", "test")
    }
    assert seen <= keys["test"], sorted(seen - keys["test"])
    assert not seen & keys["dev"]
    assert all(len(key) == 64 for key in seen)


def test_halves_split_the_development_set_by_document(real_dev):
    for kind, whole in real_dev.items():
        tune = accuracy.measure_real("dev", half="tune")[kind].items
        check = accuracy.measure_real("dev", half="check")[kind].items
        assert sorted(i.source for i in tune + check) == sorted(i.source for i in whole.items)
        assert not {i.doc for i in tune} & {i.doc for i in check}
        assert tune and check and all(i.doc for i in whole.items)
