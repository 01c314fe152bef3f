"""Who did the act when the sentence does not put the subject right before the verb: one
subject for a series of acts, a sanction joined to an earlier act of the same person, the
person who forgot named over a relative clause or a prepositional phrase, a person's work
named by a relative clause, and a headline in title case. Written for these
tests in an author's voice (the real-text corpus is measured by test_accuracy.py)."""

from __future__ import annotations

import pytest

from .conftest import lint_text

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _findings(sentence: str, select=BLAME):
    return lint_text(f"## Summary\n\n{sentence}\n", select=list(select))


@pytest.mark.parametrize("sentence, code, actor", [
    # a series of acts with one subject: the last act is the subject's too
    ("The technician opened the cabinet, checked the labels and then pulled the wrong cable.", "PM507", "The technician"),
    ("The operator logged in, stopped the replica, and deleted the wrong volume.", "PM507", "The operator"),
    ("I rebased the branch, fixed the conflicts and accidentally pushed to main.", "PM507", "I"),
    # a sanction joined to an earlier act of the same person
    ("The employee has not been identified but has been fired.", "PM508", "The employee"),
    ("The contractor arrived late and was dismissed.", "PM508", "The contractor"),
    # a person's work by a relative clause, with a pronoun or a role, as the cause
    ("The changes I made broke the build.", "PM507", "I"),
    ("The change the engineer made broke the build.", "PM507", "the engineer"),
    ("The change that the engineer pushed broke the build.", "PM507", "the engineer"),
    # a headline in title case: capitals say nothing of names or products there
    ("An Engineer Accidentally Deleted the Production Database", "PM507", "An Engineer"),
    ("A Webmaster Accidentally Erased His Entire Company With A Keystroke", "PM507", "A Webmaster"),
    ("I Accidentally Nuked the Main Branch with a Force Push", "PM507", "I"),
    ("The Data Protection Authority Accidentally Leaked Its Employees' Data", "PM507", "The Data Protection Authority"),
])
def test_the_subject_of_a_joined_act_is_found(sentence, code, actor):
    found = [d for d in _findings(sentence) if d.code == code]
    assert found, sentence
    assert found[0].col == sentence.index(actor) + 1


@pytest.mark.parametrize("sentence", [
    # a subordinate clause's subject is not that of the main clause's participle
    "After the on-call engineer restarted the service, deleted rows were replayed from the log.",
    # things are joined too
    "The alert fired twice and was dismissed as noise.",
    "The replica lagged behind and was demoted to a secondary.",
    "The deploy job pulled the image, checked the digest and restarted the pods.",
    "Database Failover Accidentally Deleted Cached Sessions For Two Hours",
    "How The Retry Storm Took Down Checkout",
    "The change the on-call engineer rolled back fixed the errors.",
    "The changes the team reviewed last week shipped on Monday.",
])
def test_joined_acts_of_things_stay_clean(sentence):
    assert not _findings(sentence), sentence


@pytest.mark.parametrize("sentence, actor", [
    ("The engineer, who was new to the team, forgot to run the tests.", "The engineer"),
    ("An engineer on the platform team forgot to renew the certificate.", "An engineer"),
])
def test_the_person_who_forgot_is_the_subject_not_the_last_noun(sentence, actor):
    found = [d for d in _findings(sentence, ("PM503",))]
    assert found and found[0].col == 1, sentence
    assert repr(actor)[:-1] in found[0].message, found[0].message


@pytest.mark.parametrize("entry", [
    "- **14:05** — The on-call engineer accidentally deleted the orders table.",
    "- **14:05 UTC** The on-call engineer accidentally deleted the orders table.",
    "| **14:05** | The on-call engineer accidentally deleted the orders table. |",
])
def test_a_timeline_entry_with_a_bold_time_is_read(entry):
    """The markup around a time is blanked to spaces; they are no chat log's columns."""
    text = entry if not entry.startswith("|") else "| Time | Event |\n|---|---|\n" + entry
    found = lint_text(f"## Timeline\n\n{text}\n", select=["PM507"])
    assert [d.code for d in found] == ["PM507"], entry


def test_a_chat_log_in_columns_is_still_quoted():
    assert not lint_text("## Timeline\n\n14:05    dave    I accidentally deleted the orders table\n", select=["PM507"])


@pytest.mark.parametrize("sentence, code", [
    # a label before the sentence ("Root cause:", a time) does not change who did what
    ("Root cause: An engineer preparing to do maintenance work knocked out both power sources.", "PM507"),
    ("Root cause: The technician, the report said, inadvertently pulled a circuit board from a live unit.", "PM507"),
    ("Root cause: copied a test config from my branch and forgot to change the cluster selector.", "PM507"),
    ("14:05: Forgot to bump the version before the release.", "PM507"),
    ("Root cause: Neither engineer adequately monitored the replication lag.", "PM507"),
    ("Root cause: Howard, this is the second time you have submitted a change that breaks the build.", "PM501"),
    ("Root cause: How can you delete the production database and not notice?", "PM503"),
    # an opening phrase with no verb of its own before a series of acts
    ("Yesterday, she had been fixing another issue, had typed the wrong value, and had inadvertently broken the service.", "PM507"),
])
def test_a_label_or_an_opening_phrase_keeps_the_subject(sentence, code):
    assert code in {d.code for d in _findings(sentence)}, sentence
