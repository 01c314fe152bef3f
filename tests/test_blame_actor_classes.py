"""The actor side of blame by classes: a person's possessive before a noun of a slip, an act
not done in the right manner, a person judged by a degree, a catenative's subject as the doer
of its complement, a person's own work as the cause and an error verb in the passive with a
person as its agent. Written for these tests in an
author's voice (the real-text corpus is measured by test_accuracy.py)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from .conftest import lint_text, loaded_after_each

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")
ROOT = Path(__file__).resolve().parent.parent


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # a person's possessive before a noun of a slip (WordNet's mistake.n.01) or a failure to act
    ("The operator's error caused the outage.", "PM507"),
    ("The technician's error took the storage rack offline.", "PM507"),
    ("The operator's lapse left the valve open.", "PM507"),
    ("Her failure to renew the certificate let it expire on Friday.", "PM507"),
    ("The on-call engineer's omission of the region flag broke the deploy.", "PM507"),
    # an act not done in the right manner (the antonyms of the adverbs of error)
    ("The operators did not respond properly to the first alarm.", "PM507"),
    ("The admin did not configure the firewall correctly.", "PM507"),
    ("We never documented the failover properly.", "PM507"),
    # a person judged by a degree
    ("The on-call engineer was too slow to respond.", "PM507"),
    ("The reviewer was not thorough enough.", "PM507"),
    ("I was too hasty with the rollback.", "PM507"),
    ("The engineer was too lazy to read the runbook.", "PM507"),
    ("The operator was not careful enough with the valve.", "PM507"),
    # a catenative's subject does the act of its complement
    ("I managed to push broken code to main twice.", "PM507"),
    ("I keep misusing the release script.", "PM507"),
    ("The engineer proceeded to wipe the entire customer database.", "PM507"),
    # a person's own work as the cause: a relative clause, "of mine", a phrase of cause
    ("The change I made broke the build.", "PM507"),
    ("This PR of mine broke the nightly build.", "PM507"),
    ("Main was broken for hours because of my release commit.", "PM507"),
    ("The site went down due to the intern's change.", "PM507"),
    ("I introduced a second bug while chasing the first.", "PM507"),
    ("The engineer introduced a regression in the billing path.", "PM507"),
    # an error verb in the passive with a person as its agent
    ("The migration was botched by an engineer.", "PM507"),
    ("The canary step was skipped by the operator.", "PM507"),
    ("The load balancer was misconfigured by a contractor.", "PM507"),
    # the same classes with a named person: the name rule reports them
    ("Dave proceeded to erase the entire customer database.", "PM501"),
    ("Dave did not respond properly to the page.", "PM501"),
    ("Marco was too slow to respond.", "PM501"),
])
def test_the_actor_classes_report(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    # a possessive before a slip noun that is a modifier, denied, of no one in particular
    "The operator's error budget was exhausted by noon.",
    "It was not the operator's error.",
    "The services logged their errors to the collector.",
    "A person's error is rarely the whole story.",
    "The engineer's notes on the failover were thorough.",
    # not done right by a system, for a reason, or not possible
    "The script did not run properly.",
    "The engineer did not respond properly because the page never reached her phone.",
    "The operator could not configure the switch properly.",
    "The team did not deploy properly tested builds on Fridays.",
    # a degree of a thing, an amount, a team
    "The cache was too slow to respond.",
    "There were too many people on the bridge call.",
    "The team was too small to cover the rotation.",
    "The on-call engineer was quick enough to roll back before customers noticed.",
    "The reviewer was not senior enough to approve schema changes.",
    "I was too far from a laptop to respond.",
    # a status, an occupation, a time, a nearness or a certainty: what the person could not do
    "The on-call engineer was too busy with a second incident to look at the alert.",
    "The on-call engineer was too late to stop the rollout.",
    "The author was too close to the change to review it.",
    "The reviewer was too new to the service to spot the missing index.",
    "The responder was not sure enough of the cause to page the database team.",
    "The on-call engineer was too tired to continue after 14 hours.",
    # catenatives doing ordinary things; a condition
    "I managed to restore the service within ten minutes.",
    "The on-call engineer kept checking the dashboards.",
    "We started deploying the fix at 14:05.",
    "In the event that a maintainer continues to ignore the review rules, access is revoked.",
    # the organisation's work, a system's, a cause of something good, a bounty
    "The change we made broke the build.",
    "Because of our release, main was broken.",
    "The change introduced a regression.",
    "Latency fell because of my patch.",
    "Because of my change, the latency dropped.",
    "We introduced a bug bounty programme.",
    # an error verb in the passive with a system as its agent, or denied
    "The flaky test was skipped by the CI job.",
    "The migration was not botched by the engineer.",
])
def test_the_same_words_without_blame_stay_clean(sentence):
    assert _codes(sentence) == set()


def test_the_slip_words_load_only_for_a_block_that_needs_them():
    texts = [
        "## Summary\n\nThe deploy finished on time.\n",
        "## Summary\n\nThe on-call engineer acknowledged the page.\n",
        "## Summary\n\nThe operator's error caused the outage.\n",
    ]
    assert loaded_after_each("postmortem.rules._slip_words", ["PM507"], texts) == [False, False, False, True]


def _builder():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module("build_slip_words")
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_the_slip_word_builder_reads_wordnet(tmp_path):
    """bench/build_slip_words.py on a WordNet fragment in its own format: a noun whose first
    sense is under mistake.n.01 stays (with its plural), one whose first sense is elsewhere
    does not; the antonym of an adverb of error stays, that of an adverb of intent does not."""
    build = _builder()
    nouns = "\n".join([
        "  1 This header line is the licence",
        "00070965 04 n 02 mistake 0 error 0 002 ~ 00074790 n 0000 ~ 00074524 n 0000 | a wrong action",
        "00074790 04 n 01 blunder 0 001 @ 00070965 n 0000 | an embarrassing mistake",
        "00074524 04 n 02 oversight 0 lapse 0 001 @ 00070965 n 0000 | a mistake resulting from inattention",
        "00000001 04 n 01 oversight 0 000 | supervision",
        "",
    ])
    index = "\n".join([
        "  1 licence",
        "mistake n 1 1 @ 1 0 00070965",
        "error n 1 1 @ 1 0 00070965",
        "blunder n 1 1 @ 1 0 00074790",
        "lapse n 1 1 @ 1 0 00074524",
        "oversight n 2 1 @ 2 0 00000001 00074524",
        "",
    ])
    adverbs = "\n".join([
        "  1 licence",
        "00100001 02 r 01 improperly 0 001 ! 00100002 r 0101 | in an improper manner",
        "00100002 02 r 01 properly 0 001 ! 00100001 r 0101 | in the right manner",
        "00100003 02 r 01 accidentally 0 001 ! 00100004 r 0101 | without intention",
        "00100004 02 r 01 deliberately 0 001 ! 00100003 r 0101 | with intention; in an intentional manner",
        "",
    ])
    (tmp_path / "data.noun1").write_text(nouns, encoding="latin-1")
    (tmp_path / "data.noun2").write_text("", encoding="latin-1")
    (tmp_path / "index.noun").write_text(index, encoding="latin-1")
    (tmp_path / "data.adv").write_text(adverbs, encoding="latin-1")
    files = build._read(tmp_path)
    slips = set(build.slip_nouns(files))
    assert {"mistake", "mistakes", "error", "errors", "blunder", "blunders", "lapse"} <= slips
    assert "oversight" not in slips  # its first sense is supervision
    assert build.manner_adverbs(files) == ["properly"]
    assert build.licence(files) == "This header line is the licence"
    shipped = (ROOT / "linter/postmortem/rules/_slip_words.py").read_text(encoding="utf-8")
    assert "# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in shipped
