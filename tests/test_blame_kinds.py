"""Blame recognised by WHAT is said of a person: a judgement (a word class from the VADER
lexicon), a sanction (every inflection of the sanction verbs), a counterfactual (any past
participle). Each shape comes with sentences of the same words that are blameless. Written
for these tests (the real-text corpus is measured by test_accuracy.py)."""

from __future__ import annotations


import pytest

from postmortem.rules import blame_punishment

from .conftest import lint_text, loaded_after_each

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # a judging word said of a person: copula, attributive, predicate noun, act
    ("The release engineer was arrogant and skipped the canary.", "PM503"),
    ("We're clueless about our own failover.", "PM503"),
    ("Some thoughtless admin restarted the primary.", "PM503"),
    ("Honestly the whole ops team seemed irresponsible that night.", "PM503"),
    ("He is such an idiot.", "PM503"),
    ("That was a stupid mistake.", "PM503"),
    ("The operator could not have been more careless.", "PM503"),
    ("It was a poor decision to skip the canary.", "PM503"),
    # sanctions, any inflection, with a person as patient
    ("The engineer was dismissed after the outage.", "PM508"),
    ("They terminated him on Monday.", "PM508"),
    ("Two engineers lost their jobs over the outage.", "PM508"),
    ("The mistake cost him his job.", "PM508"),
    ("The engineer was written up.", "PM508"),
    ("There must be consequences for the engineer.", "PM508"),
    ("The CTO resigned two weeks later.", "PM508"),
    # hindsight: "obviously" about what people did
    ("Obviously we did not test the update with a similar setup.", "PM504"),
    # counterfactuals: any participle in a passive duty, an inverted question, a conditional
    ("The version should have been bumped before releasing.", "PM505"),
    ("The migration ought to have been split into two steps.", "PM505"),
    ("What could the on-call engineer have done differently?", "PM505"),
    ("Had it been taken care of sooner, this would have been fixed days earlier.", "PM505"),
    ("If the change had been reviewed, the typo would have been caught.", "PM505"),
])
def test_blame_by_what_is_said(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    # the same words about systems, states, sympathy, or denied
    "The deploy was bad and the rollback was worse.",
    "The database was useless during the outage.",
    "The on-call engineer was frustrated by the noisy alerts.",
    "The poor engineer had been paged twice that night.",
    "We were unaware that the job had stopped.",
    "Nobody was careless.",
    "The engineer was not careless.",
    "The connection was terminated by the load balancer.",
    "The account got suspended for a billing issue.",
    "We dismissed the alert as noise after checking the graphs.",
    "We fired off a message to the vendor.",
    "The e-mail should have been sent out after the third failure.",
    "The request should have been retried.",
    "The backup should have been restored automatically.",
    "If the retry budget had been capped, the database would have recovered on its own.",
    "What could the load balancer have done differently?",
    "It could have been a lot worse.",
    "We resigned ourselves to a long night of restores.",
    "The config had obviously been copied from staging, since it still pointed at the staging bucket.",
    "Blaming them for making those mistakes doesn't help prevent mistakes in the future.",
    "There are multiple fails here, none of which are the fault of the author.",
    "Most issues were not caused by cryptographic weakness or reckless behavior.",
])
def test_the_same_words_about_systems_stay_clean(sentence):
    assert _codes(sentence) == set()


def test_every_inflection_of_a_sanction_is_known():
    """The sanction verbs are listed by hand for speed; lemminflect's tables say what the
    list must hold."""
    lemminflect = pytest.importorskip("lemminflect")
    known = blame_punishment._PUNISHED | blame_punishment._PUNISH_VERBS
    for lemma in blame_punishment.SANCTION_LEMMAS:
        forms = {form for tag in ("VB", "VBZ", "VBG", "VBD", "VBN") for form in lemminflect.getInflection(lemma, tag=tag)}
        assert forms <= known, (lemma, forms - known)


def test_the_judgement_lexicon_loads_only_when_prose_is_checked():
    texts = ["## Summary\n\nThe admin was clueless.\n"]
    assert loaded_after_each("postmortem.rules._judgement_words", ["PM503"], texts) == [False, True]
