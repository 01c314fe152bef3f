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
    # a person's own work as the subject of damage
    ("One of my commits caused a regression.", "PM507"),
    ("His script wiped the table.", "PM507"),
    ("The tech lead's change broke production.", "PM507"),
    # a misdeed in the passive, by a person
    ("The data was stolen by an employee.", "PM507"),
    # harm a person caused, whatever the word for it (VADER's negative nouns), and "made it worse"
    ("The engineer caused chaos in the data centre.", "PM507"),
    ("The operator made things worse by restarting the primary.", "PM507"),
    # power cut off by a person
    ("A janitor turned off the breaker to a freezer that contained valuable cell cultures.", "PM507"),
    ("But the cleaner had reportedly switched off a breaker instead.", "PM507"),
    ("The technician unplugged the PDU.", "PM507"),
    # a physical mishap with equipment
    ("A newish officer spilled his morning coffee into the circuitry of a device.", "PM507"),
    ("The technician tripped over the power cable.", "PM507"),
    # an adverb of poor conduct (VADER), "badly" after the verb
    ("The engineer foolishly restarted the primary.", "PM507"),
    ("I think I merged badly, sorry", "PM507"),
    # the same classes with a named person as the actor
    ("Kevin turned off the breaker to the freezer.", "PM501"),
    ("Marco sabotaged the backups.", "PM501"),
    ("Priya caused chaos in the data centre.", "PM501"),
    # a cleft that singles out the culprit; fault that lies with a person
    ("It was the intern who deleted the database.", "PM507"),
    ("Now, the BEA report makes it clear that it was the flight crew at fault.", "PM503"),
    ("The fault lies with the operator.", "PM503"),
    # a question that reproaches a person instead of asking
    ("How can you delete your own blog and not notice?", "PM503"),
    ("What on earth were you doing between 8am and 2pm?", "PM503"),
    ("Did you even test this?", "PM503"),
    # sanctions read from what only people suffer or do, whoever is named
    ("Koichiro Miyahara, the head of the exchange, has stepped down over a systems failure.", "PM508"),
    ("Then on Wednesday, Namkoong abruptly announced his resignation as co-CEO.", "PM508"),
    ("Three more people have been given final warnings following investigations into the breaches.", "PM508"),
    ("Within a few months, the company fired Kher, whereupon he returned to Delhi.", "PM508"),
    ("Police arrested Cooley Monday evening.", "PM508"),
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
    "Our change caused the outage.",
    "My fix resolved the outage.",
    "His change did not cause the outage.",
    "Direct merges into my PR (#32 ) broke both style checks and tests.",
    "The data was not stolen by an employee.",
    "The voltage is stepped down by the transformer.",
    "Nobody called for her resignation.",
    "The compiler emits warnings for unused imports.",
    "The alert fired Monday.",
    "The pipeline was arrested by the watchdog.",
    "Nobody was arrested.",
    "The retry storm made things worse.",
    "The engineer did not cause any problems.",
    "The config change caused errors on the API.",
    "How did you fix it?",
    "How can you tell?",
    "Why did the deploy fail?",
    "How could we have detected this earlier?",
    "Why would you ever assign blame based on that?",
    "The on-call engineer turned off the feature flag.",
    "We shut down the replica.",
    "The electrician switched off the breaker as planned for the maintenance.",
    "As per the runbook, the technician switched off the breaker.",
    "The on-call engineer shut down the affected database.",
    "We badly needed a fix.",
    "The CTO pulled the plug on the migration.",
    "It was the on-call engineer who noticed the alert.",
    "It was the cron job that deleted the files.",
    "The fault lies with the load balancer.",
    "It was the load balancer at fault.",
    "Nobody was at fault.",
    "The on-call engineer pulled the latest image.",
    "The engineer kicked off the deploy.",
    "The service was badly damaged.",
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


def test_the_conduct_adverbs_are_vader_words(monkeypatch):
    """The adverbs are listed by hand so that screening needs no lexicon; VADER says they are
    rated -1.0 or lower."""
    pytest.importorskip("vaderSentiment")
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "bench"))
    from build_judgement_words import lexicon

    rated = lexicon()
    assert {w for w in cl.CONDUCT_ADVERBS if rated.get(w, 0.0) > -1.0} == set()


@pytest.mark.parametrize(
    "builder, module",
    [("build_judgement_words", "_judgement_words"), ("build_wrongdoing_verbs", "_wrongdoing_verbs")],
)
def test_the_lexicon_modules_are_what_their_builders_write(builder, module, monkeypatch, tmp_path):
    """The generated word lists are the VADER lexicon read by their builders in bench/, not
    lists edited by hand since."""
    pytest.importorskip("vaderSentiment")
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    monkeypatch.syspath_prepend(str(root / "bench"))
    build = importlib.import_module(builder)
    monkeypatch.setattr(build, "ROOT", tmp_path)
    monkeypatch.setattr(build, "OUT", tmp_path / f"{module}.py")
    build.main()
    shipped = root / "linter" / "postmortem" / "rules" / f"{module}.py"
    assert (tmp_path / f"{module}.py").read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
