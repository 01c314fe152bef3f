"""Blame found where the clause analysis used to stop: roles known by their occupation, steps
left out after "without", a wrong thing "instead of" the right one, subjects across participle
phrases and coordinations, verb groups after contractions and "didn't", an emphatic "did"."""

from __future__ import annotations

import pytest

from postmortem.rules import _clauses as cl

from .conftest import lint_text, loaded_after_each

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # a role by its occupation or its form
    ("A Lehman Brothers trader keyed in £300m instead of £3m at the end of business on Monday.", "PM507"),
    ("Neither flight crewmember adequately monitored the airspeed.", "PM507"),
    ("The surgeon accidentally deleted the patient's chart.", "PM507"),
    ("The technician should have checked the breaker.", "PM505"),
    # a step left out after "without"
    ("The officer sent out an email to hundreds of recipients without using the blind copy (BCC) function.", "PM507"),
    ("A maintenance worker switched it off without knowing.", "PM507"),
    # a wrong thing "instead of" the right one
    ("The employee sent the email to the coordinator via her personal email account instead of the council's secure system.", "PM507"),
    # subjects across participle phrases and coordinations
    ("An FAA technician preparing to do preventive maintenance work on the power system knocked out both the primary and backup power sources.", "PM507"),
    ("A co-worker and I entered the corridor but were distracted and didn't notice that a piece of grating had been moved aside.", "PM507"),
    ("We followed the procedure, but somehow we managed to turn two pages in the manual, skipping several steps.", "PM507"),
    # verb groups after a contraction or "didn't", and an emphatic "did"
    ("I scrambled to roll back the change, but I'd already nuked half the cache.", "PM507"),
    ("During the installation, they turned one of the warning systems off and didn't turn it back on.", "PM507"),
    ("The engineer did delete the production database.", "PM507"),
    ("An employee who had committed sabotage with respect to an important document was dismissed.", "PM507"),
    # fibre cut into
    ("Workers installing a light pole in Missouri cut into a fiber line.", "PM507"),
])
def test_blame_found_by_structure(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    "We restored the service without losing data.",
    "The on-call engineer rolled back the release without being asked.",
    "We release it to customers without testing on older versions.",
    "The customer support lead escalated after the eleventh similar ticket instead of handling each one.",
    "We used a queue instead of calling the service directly.",
    "The speed of matching engines can work against traders, executing orders automatically without spotting incorrect prices.",
    "The outage was caused by \"a human mistake,\" said the agency's spokesman.",
    "The Kafka broker dropped the partition leader.",
    "I'd delete the cache if the disk filled up again.",
    "The engineer committed the crash dump to the incident folder.",
    "The technician did not turn it back on until the checks had passed, because the runbook said so.",
])
def test_the_same_shapes_without_an_error_stay_clean(sentence):
    assert _codes(sentence) == set()


def test_the_occupations_load_only_when_a_subject_is_looked_at():
    texts = ["## Summary\n\nThe deploy finished on time.\n", "## Summary\n\nA trader keyed in the wrong amount.\n"]
    assert loaded_after_each("postmortem.rules._occupations", ["PM507"], texts) == [False, False, True]


def test_a_service_named_like_a_worker_does_not_load_the_lemma_tables():
    # "billing-worker" is a service; "caseworker" a closed compound whose head is looked up
    texts = [
        "## Summary\n\nThe billing-worker caused the outage after the payments-worker restarted.\n",
        "## Summary\n\nThe caseworker caused the outage.\n",
    ]
    assert loaded_after_each("lemminflect", ["PM507"], texts) == [False, False, True]


def test_the_occupations_module_is_what_its_builder_writes(monkeypatch, tmp_path):
    """The generated list is Faker's job titles read by bench/build_occupations.py, not a list
    edited by hand since."""
    pytest.importorskip("faker")
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    monkeypatch.syspath_prepend(str(root / "bench"))
    build = importlib.import_module("build_occupations")
    monkeypatch.setattr(build, "OUT", tmp_path / "_occupations.py")
    build.main()
    shipped = root / "linter" / "postmortem" / "rules" / "_occupations.py"
    assert (tmp_path / "_occupations.py").read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_no_occupation_names_software():
    assert cl.occupations().isdisjoint({"broker", "brokers", "handler", "runner", "writer", "agent", "controller", "interpreter", "planner"})


# A person by any noun WordNet files only under people (rules/_person_nouns.py, built by
# bench/build_person_nouns.py): the roles of press coverage and reports, not only of an
# operations team.
@pytest.mark.parametrize("sentence", [
    "In March 2022, the registrant supplied medication for a child without performing adequate checks.",
    "My friend wiped a live database yesterday.",
    "The clerk accidentally transferred 222 million euros instead of 64 euros.",
    "A trainee deleted the production table by mistake.",
])
def test_a_noun_only_for_people_is_a_role(sentence):
    assert "PM507" in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    # a noun with any sense that is not a person
    "The server deleted the stale cache entries.",
    "The culprit was a simple typo in the database connection string.",
    # kin, attackers and computing homographs are left out of the class
    "My sister should have flown to Rome on Sunday.",
    "The attacker deleted the backups after taking the admin keys.",
    "The peer accidentally dropped the connection during the handshake.",
    "The consumer mistakenly skipped the poisoned message.",
    # a person of the class doing ordinary things
    "The registrant renewed the domain on time.",
])
def test_what_the_person_nouns_leave_alone(sentence):
    assert _codes(sentence) == set()


def test_the_person_nouns_load_only_when_a_subject_is_looked_at():
    texts = ["## Summary\n\nThe deploy finished on time.\n", "## Summary\n\nThe registrant accidentally deleted the records.\n"]
    assert loaded_after_each("postmortem.rules._person_nouns", ["PM507"], texts) == [False, False, True]


def test_the_person_noun_builder_keeps_only_nouns_filed_under_people(tmp_path):
    """bench/build_person_nouns.py on a WordNet fragment in its own format: a noun every sense
    of which is a person stays (with its plural); a noun with another sense, an adjective, a
    proper name, a hyponym of an excluded synset and a computing homograph do not."""
    import importlib
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    try:
        build = importlib.import_module("build_person_nouns")
    finally:
        sys.path.remove(str(root / "bench"))
    lexnames = "06\tnoun.artifact\t1\n18\tnoun.person\t1\n"
    data = "\n".join([
        "  1 This header line is the licence",
        "00007846 18 n 01 person 0 000 | a human being",
        "10516692 18 n 01 registrant 0 001 @ 00007846 n 0000 | a person formally entered",
        "10576676 18 n 01 server 0 001 @ 00007846 n 0000 | a waiter",
        "04255777 06 n 01 server 0 000 | a computer that serves",
        "10235549 18 n 01 relative 0 001 @ 00007846 n 0000 | a person related by blood",
        "10602985 18 n 01 sister 0 001 @ 10235549 n 0000 | a female sibling",
        "10209082 18 n 01 invalid 0 001 @ 00007846 n 0000 | a sick person",
        "11111111 18 n 01 Dvorak 0 001 @i 00007846 n 0000 | a composer",
        "09626238 18 n 01 peer 0 001 @ 00007846 n 0000 | an equal",
        "",
    ])
    (tmp_path / "lexnames").write_text(lexnames, encoding="latin-1")
    (tmp_path / "data.noun1").write_text(data, encoding="latin-1")
    (tmp_path / "data.noun2").write_text("", encoding="latin-1")
    (tmp_path / "index.adj").write_text("invalid a 1 0 1 0 00000001\n", encoding="latin-1")
    words = build.person_nouns(build._read(tmp_path))
    assert "registrant" in words and "registrants" in words and "person" in words
    assert not {"server", "relative", "sister", "invalid", "dvorak", "peer"} & set(words)
    # the licence asks that its notice appear on every copy: the generated module carries it
    assert build.licence(build._read(tmp_path)) == "This header line is the licence"
    shipped = (root / "linter/postmortem/rules/_person_nouns.py").read_text(encoding="utf-8")
    assert "# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in shipped


# What anyone may say is not the writer's account: a verb of voicing after a modal of
# possibility with the generic "you" or "one" (rules/_modality.py, ``voiced``).
@pytest.mark.parametrize("sentence, codes", [
    ("You can say the outage was caused by the technicians, but that explains nothing.", set()),
    ("One could say the operator deleted the wrong table.", set()),
    # the writer's own claim, or what "you" can see, is still told
    ("I can say the operator deleted the wrong table.", {"PM507"}),
    ("You can see the operator deleted the wrong table.", {"PM507"}),
])
def test_what_anyone_may_say_is_not_an_account(sentence, codes):
    assert _codes(sentence) == codes


# An act in the perfect is the act of its simple past: the participles that differ from it come
# from lemminflect's tables (rules/_participles.py, built by bench/build_participles.py).
@pytest.mark.parametrize("sentence", [
    "I’d broken production before anyone noticed.",
    "He had forgotten to renew the certificate.",
    "The admin had taken down the cluster.",
    "I didn’t even realize I’d broken it.",
])
def test_an_act_in_the_perfect_is_read_as_its_simple_past(sentence):
    assert "PM507" in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    "The pipeline had broken the build.",
    "I had written the runbook.",
    "We had taken the backup before the upgrade.",
    # a thing taken down with its reason given is an operation, not damage
    "We have taken Jenkins down due to some security concerns.",
])
def test_the_perfect_of_ordinary_acts_stays_clean(sentence):
    assert _codes(sentence) == set()


def test_the_participles_load_only_for_a_verb_group_in_the_perfect():
    texts = ["## Summary\n\nThe deploy finished on time.\n", "## Summary\n\nThe engineer had broken the build.\n"]
    assert loaded_after_each("postmortem.rules._participles", ["PM507"], texts) == [False, False, True]


def test_the_participle_table_is_what_its_builder_writes(monkeypatch, tmp_path):
    """The table is lemminflect's, read by bench/build_participles.py, not edited by hand."""
    pytest.importorskip("lemminflect")
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    monkeypatch.syspath_prepend(str(root / "bench"))
    build = importlib.import_module("build_participles")
    monkeypatch.setattr(build, "OUT", tmp_path / "_participles.py")
    build.main()
    shipped = root / "linter" / "postmortem" / "rules" / "_participles.py"
    assert (tmp_path / "_participles.py").read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    from postmortem.rules._participles import PAST_OF

    assert PAST_OF["broken"] == "broke" and PAST_OF["forgotten"] == "forgot" and "been" not in PAST_OF
