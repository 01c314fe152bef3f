"""Blame found by word classes and clause structure rather than by listed phrases: verbs of a
misdeed from the VADER lexicon, a body of data destroyed, a person's own artefact as the cause,
sanctions read from what only people do."""

from __future__ import annotations

import pytest

from postmortem.rules import _clauses as cl

from .conftest import lint_text, loaded_after_each

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # a misdeed (VADER's negative verbs of harm or wrong) done by a person
    ("The nurse had violated the privacy act by accessing patients' records.", "PM507"),
    ("The admin abused his powers.", "PM507"),
    ("The contractor sabotaged the backups.", "PM507"),
    ("The employee stole customer data.", "PM507"),
    ("The intern leaked the customer list.", "PM507"),
    # a body of data destroyed by a person
    ("Angered at being fired, a production manager deleted 20 documents stored in the company's Google Drive.", "PM507"),
    ("I deleted the entire production database.", "PM507"),
])
def test_blame_by_class(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    "We did not violate any policy.",
    "The credentials leaked on GitHub.",
    "The storm damaged the cable.",
    "The on-call engineer deleted 20 stuck pods.",
    "The engineer deleted all stale branches.",
    "An engineer deleted all temporary files to free disk space.",
    "We deleted all the data in the staging database.",
    "The script deleted all records older than 30 days.",
])
def test_the_same_classes_without_a_person_or_a_loss_stay_clean(sentence):
    assert _codes(sentence) == set()


def test_every_form_of_a_data_destroyer_is_known():
    """The forms are listed by hand so that screening a sentence needs no library; lemminflect's
    tables say what the list must hold."""
    lemminflect = pytest.importorskip("lemminflect")
    for lemma in cl._DATA_DESTROYERS:
        forms = {form for tag in ("VBZ", "VBD", "VBN") for form in lemminflect.getInflection(lemma, tag=tag)}
        assert forms <= cl.DATA_DESTROYER_FORMS, (lemma, forms - cl.DATA_DESTROYER_FORMS)


def test_the_misdeed_lexicon_loads_only_when_prose_is_checked():
    texts = ["## Summary\n\nThe contractor sabotaged the backups.\n"]
    assert loaded_after_each("postmortem.rules._wrongdoing_verbs", ["PM507"], texts) == [False, True]
