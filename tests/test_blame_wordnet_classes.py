"""Judgement and punishment found by word classes read from WordNet (rules/_wordnet_classes.py,
built by bench/build_wordnet_classes.py) and by two shapes of the predicate: being held
answerable, a noun for a foolish or incompetent person, a judged quality owned by a person, a
mistake called a novice's, not taking the trouble, a comparison of equality, and the verbs of
sanctioning a person."""

from __future__ import annotations

import pytest

from .conftest import lint_text, loaded_after_each

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # held or made answerable (ANSWERABLE after "hold" or "make")
    ("The engineer will be held responsible.", "PM503"),
    ("Management said the on-call SRE would be held personally liable for the lost orders.", "PM503"),
    ("We will hold the contractor answerable for the deleted volumes.", "PM503"),
    ("Developers must be made accountable for their own changes.", "PM503"),
    # a noun for a person lacking sense or competence, referring to someone (FOLLY_NOUNS)
    ("Some nitwit pushed the schema change on a Friday evening.", "PM503"),
    ("We were told a blockhead in the build team owned the job.", "PM503"),
    ("He is such a nincompoop.", "PM503"),
    # a judged quality owned by a person (QUALITY_NOUNS)
    ("His ignorance of the failover procedure turned a blip into an outage.", "PM503"),
    ("The admin's arrogance led to the skipped review.", "PM503"),
    ("The outage came from the thoughtlessness of the contractor.", "PM503"),
    # a mistake called a novice's (NOVICE_NOUNS before a word for a mistake)
    ("Deleting the volume by hand looks like a beginner mistake.", "PM503"),
    ("That was a classic newbie error.", "PM503"),
    # not taking the trouble, with any auxiliary
    ("The reviewer hasn't even bothered reading the diff.", "PM503"),
    ("Apparently the release manager hasn't bothered to reply.", "PM503"),
    # a comparison of equality as the predicate about a person
    ("The release manager was as useless as a chocolate teapot.", "PM503"),
    # sanctions from WordNet with a person as patient (SANCTION_PHRASES)
    ("The engineer was laid off a week after the outage.", "PM508"),
    ("Leadership took the on-call engineer to task in front of the team.", "PM508"),
    ("The CTO berated the intern on the incident call.", "PM508"),
    ("They laid him off the next week.", "PM508"),
    ("The contractor was ousted after the breach.", "PM508"),
])
def test_a_class_finds_what_the_rules_did_not(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    # responsibility as ownership, denied, or an adjective before its noun
    "The platform team is responsible for the ingress controllers.",
    "We made the platform team responsible for the on-call rota.",
    "The SRE team was made accountable for capacity planning.",
    "Nobody will be held responsible for the outage.",
    "The vendor holds a responsible position in the market.",
    "The lock held by the compactor was responsible for the stall.",
    "They hold that the database team is responsible for backups.",
    # folly nouns as modifiers and in compounds; roles doing ordinary things
    "The idiot-proof wizard now asks for the cluster name twice.",
    "That was a bonehead move by the retry loop.",
    "The trainee opened the incident channel and paged the database team.",
    # a quality with no owner, a team's, or denied
    "The runbook rewards carefulness and penalises speed.",
    "Our ignorance of the failover path cost an hour.",
    "Nobody's arrogance caused this.",
    # a novice's budget, not a mistake
    "The trainee error budget is small on purpose.",
    # "bother" as annoyance
    "The alert noise doesn't bother me anymore.",
    # sanctions of things, and particles of ordinary verbs
    "We kicked out the stale connections and laid down the new routes.",
    "The process was punished by the OOM killer's scoring.",
    "The pager took the page to the secondary after five minutes.",
])
def test_the_classes_leave_ordinary_sentences_alone(sentence):
    assert _codes(sentence) == set()


def test_the_wordnet_classes_load_only_when_prose_is_checked():
    texts = ["## Summary\n\nThe admin was a nitwit.\n"]
    assert loaded_after_each("postmortem.rules._wordnet_classes", ["PM503"], texts) == [False, True]
    texts = ["## Summary\n\nThe deploy finished on time.\n", "## Summary\n\nThe engineer was laid off.\n"]
    assert loaded_after_each("postmortem.rules._wordnet_classes", ["PM508"], texts) == [False, True, True]


def _builder():
    import importlib
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    try:
        return importlib.import_module("build_wordnet_classes")
    finally:
        sys.path.remove(str(root / "bench"))


def test_the_builder_reads_each_class_by_its_synsets(tmp_path):
    """bench/build_wordnet_classes.py on a WordNet fragment in its own format: a folly noun
    stays only if every sense lies under the roots, a sanction verb only if every sense is
    social, communicative or stative, and a quality noun only when derived from a judging
    adjective and not also a verb."""
    pytest.importorskip("lemminflect")
    build = _builder()
    lexnames = "00\tadj.all\t3\n07\tnoun.attribute\t1\n18\tnoun.person\t1\n05\tnoun.animal\t1\n41\tverb.social\t2\n30\tverb.change\t2\n"
    nouns = "\n".join([
        "  1 This header line is the licence",
        "10599354 18 n 01 simpleton 0 001 ~ 10013114 n 0000 | a person lacking intelligence",
        "10013114 18 n 02 dimwit 0 nitwit 0 001 @ 10599354 n 0000 | a stupid incompetent person",
        "09813632 18 n 01 ass 0 001 @ 10599354 n 0000 | a pompous fool",
        "02389346 05 n 01 ass 0 000 | an animal",
        "10202363 18 n 01 incompetent 0 000 | someone not competent",
        "10363913 18 n 01 novice 0 000 | someone new to a field",
        "04669000 07 n 01 arrogance 0 000 | overbearing pride",
        "04669001 07 n 01 push 0 000 | the trait of being pushy",
        "",
    ])
    adjectives = "\n".join([
        "01996377 00 a 01 responsible 0 000 | held accountable",
        "01996875 00 s 01 accountable 0 000 | liable to account",
        "01996376 00 a 01 trustworthy 0 000 | worthy of trust",
        "00001111 00 a 01 arrogant 0 001 + 04669000 n 0101 | having pride",
        "00001112 00 a 01 pushy 0 001 + 04669001 n 0101 | offensively assertive",
        "",
    ])
    verbs = "\n".join([
        "02402825 41 v 02 fire 0 sack 0 000 | terminate the employment of",
        "02403537 41 v 01 lay_off 0 000 | dismiss for economic reasons",
        "02399331 41 v 01 demote 0 000 | assign to a lower position",
        "09999999 30 v 01 fire 0 000 | bake in a kiln",
        "",
    ])
    files = {
        "lexnames": lexnames, "data.noun1": nouns, "data.noun2": "", "data.adj": adjectives, "data.verb": verbs,
        "index.adj": "arrogant a 1 0 1 0 00001111\n", "index.verb": "fire v 2 0 2 0 02402825 09999999\nsack v 1 0 1 0 02402825\n"
        "lay_off v 1 0 1 0 02403537\ndemote v 1 0 1 0 02399331\npush v 1 0 1 0 00000002\n",
        "index.noun": "novice n 1 0 1 0 10363913\n",
    }
    assert build.answerable(files) == ["accountable", "responsible"]
    folly = build.folly_nouns(files)
    assert {"dimwit", "nitwit", "nitwits"} <= set(folly) and "ass" not in folly and "simpleton" in folly
    assert build.quality_nouns(files, frozenset({"arrogant", "pushy"})) == ["arrogance"]
    assert {"novice", "novices"} == set(build.novice_nouns(files))
    sanctions = set(build.sanction_phrases(files))
    assert {"laid_off", "lays_off", "demoted", "demote", "sacked", "sacking"} <= sanctions
    assert not {"fire", "fired"} & sanctions  # "fire" also bakes pottery
    shipped = (build.OUT).read_text(encoding="utf-8")
    assert "# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in shipped
