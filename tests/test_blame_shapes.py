"""The shapes of blame the clause analysis recognises, each with sentences that keep the same
words and are blameless. Written for these tests (the real-text corpus is measured by
test_accuracy.py)."""

from __future__ import annotations

import pytest

from .conftest import lint_text

BLAME = ("PM501", "PM502", "PM503", "PM504", "PM505", "PM507", "PM508")


def _codes(sentence: str) -> set[str]:
    return {d.code for d in lint_text(f"## Summary\n\n{sentence}\n", select=list(BLAME))}


@pytest.mark.parametrize("sentence, code", [
    # a thing released before its checks, with no article: "un-" and a verb of checking
    ("The junior developer pushed untested code straight to main.", "PM507"),
    ("A contractor shipped unreviewed changes to the billing service.", "PM507"),
    ("The engineer deployed unvalidated config to every region.", "PM507"),
    # a present-tense timeline with a pronoun as the actor
    ("09:14 We restart the primary instead of the replica by mistake.", "PM507"),
    # a participle phrase or a catenative verb takes the subject of its clause
    ("The technician acknowledged the alarm, inadvertently silencing the pager for everyone.", "PM507"),
    ("I managed to accidentally truncate the billing table.", "PM507"),
    ("An admin left for the weekend, having disabled the backups by accident.", "PM507"),
    # a labelled role; a role in a headline
    ("Operator B entered the wrong volume id.", "PM507"),
    ("How A Typo By A Contractor Took Down Our Checkout", "PM507"),
    # an adverb of error before a response act
    ("Then the second responder accidentally reverted the hotfix.", "PM507"),
    # duties left undone, active and passive
    ("Why didn't they check the diff before merging?", "PM507"),
    ("The schema change went out without first being reviewed.", "PM507"),
    ("The patch was not reviewed by any of the senior developers.", "PM507"),
    # the road not taken
    ("Instead of draining the node, the engineer rebooted it.", "PM507"),
    # an error by the verb's form: mis- and any verb in the dictionary
    ("The operator mislabeled the volume before the cleanup ran.", "PM507"),
    ("The developer misunderstood the flag's default.", "PM507"),
    # a step or a safeguard passed over; a duty never done; a lapse without the duty
    ("The release manager bypassed the staging soak.", "PM507"),
    ("The engineer never tested the restore.", "PM507"),
    ("A contractor left the storage bucket unprotected.", "PM507"),
    ("I pushed to main without running the tests.", "PM507"),
    ("The admin deployed the change without any review.", "PM507"),
    # the subject across a relative clause or a parenthesis
    ("The technician who was replacing a fan accidentally pulled a power cable.", "PM507"),
    ("The DBA, unaware of the migration, accidentally dropped the table.", "PM507"),
    # a person's act given as the cause; the passive with its agent
    ("The site went down because a technician unplugged the router.", "PM507"),
    ("The index was deleted by an engineer by mistake.", "PM507"),
    # a duty failed; a secret made public; a release before its checks; a list of acts
    ("Auditors found that the administrator had failed to rotate the keys.", "PM507"),
    ("The intern pushed the production credentials to a public repository.", "PM507"),
    ("We tagged the release before the CI checks finished.", "PM507"),
    ("Without checking, the admin ran the purge on every host.", "PM507"),
    ("I opened the console, and picked the first cluster, did not verify the region.", "PM507"),
    ("The checks may be cut back to help pay for resolving the tech's mistake.", "PM507"),
    # more kinds of person; "whoever" as the subject
    ("A consultant accidentally deleted the backups.", "PM507"),
    ("Whoever pushed that config accidentally broke production.", "PM507"),
    # a slip "of" a person; a bracketed aside between the subject and its verb
    ("The misclick of a council employee exposed 300 addresses.", "PM507"),
    ("The new admin (two weeks in the job) accidentally wiped the shared drive.", "PM507"),
    # the agent an object pronoun; a second participle of the same passive
    ("The old index was mistakenly deleted by us during the cleanup.", "PM507"),
    ("The migration was mistakenly labeled as low risk and inadequately reviewed.", "PM507"),
    # the act that went otherwise than intended; an undo never done
    ("I meant to restart the replica, not the primary.", "PM507"),
    ("I wanted to drop the staging table instead I dropped the production one.", "PM507"),
    ("The admin raised the limit for the test and never set it back.", "PM507"),
    # the error of a kind of person, framed as the cause
    ("Due to a clerical error, the wrong customers were billed.", "PM502"),
    ("It was staff error, the council said.", "PM502"),
    # owning a slip
    ("Then I saw the mistake I made.", "PM507"),
    # counterfactuals: inverted questions, judged decisions, passive duties
    ("What could we have checked before the deploy?", "PM505"),
    ("It would have been better to roll back straight away.", "PM505"),
    ("The runbook was there, so it should have been followed.", "PM505"),
    # punishment and sanctions
    ("The contractor who copied the records was fined.", "PM508"),
    ("The regulator imposed a $10,000 fine on the hosting company.", "PM508"),
    ("Two engineers have been fired by the company.", "PM508"),
    ("The developer who merged the change was suspended.", "PM508"),
    # judgement: diligence, competence, blame assigned, slang
    ("Please tell your team to be more careful with force pushes.", "PM503"),
    ("The operators were not properly qualified to run the failover.", "PM503"),
    ("Most of the blame should go to the release manager.", "PM503"),
    ("I am entirely at fault for this outage.", "PM503"),
    ("Somebody screwed something up in the load balancer config.", "PM503"),
])
def test_blame_shape_is_reported(sentence, code):
    assert code in _codes(sentence)


@pytest.mark.parametrize("sentence", [
    '"Connection refused" errors filled the logs.',
    "We rebuild the search index every night.",
    "The on-call engineer acknowledged the alert, restarted the pods and closed the incident.",
    "We used a queue instead of calling the service directly.",
    "It's never a single person who caused a failure.",
    "No test covered the /api path, so we didn't catch the issue in testing.",
    "It was a mistake we made as an organisation, and this report is how we learn from it.",
    "Had we had a canary stage, the error would have stayed in one region.",
    "The alert should have been routed to the database team's channel.",
    "The job runs fine on the new nodes.",
    "We accidentally discovered the root cause while load testing.",
    "We posted the summary on Teams and in the incident channel.",
    "The operator error rate stayed below 0.1%.",
    "A certificate that expired caused the gateway to degrade. The on-call engineer was paged at 17:22 UTC.",
    "6:25 PM: the configuration change is deployed to the canary.",
    # luck about what could have happened is not hindsight; "obviously" about future work is not judgement
    "We got lucky: we could have lost the whole database.",
    "We were fortunate that it happened on a Sunday; we could have lost a day of orders.",
    "Obviously the migration has to be tested before we try again.",
    # the same shapes with a system as the actor, a response, the organisation, or a reason
    "The firewall misbehaved and blocked the bot.",
    "The job skipped the empty partitions.",
    "We skipped the weekly release because of the holiday.",
    "The on-call engineer left the incident channel open for questions.",
    "We rolled back because the engineer saw errors in the logs.",
    "We paused the rollout because the release manager asked for more data.",
    "The outage happened because we deployed a new version.",
    "The alert that paged the engineer who was on call fired twice.",
    "After the deploy finished, the replica, which was still syncing, dropped connections.",
    "An engineer on the platform team acknowledged the page.",
    "We restored service without losing data.",
    "I feared I had accidentally deleted the user table, but the data was in another database.",
    "Every outage has a mistake made by a human somewhere behind it.",
    "Human error was not attributed to the failure in the report.",
    "We rotated the leaked credentials within the hour.",
    "We posted the credentials rotation notice publicly.",
    "We merged the fix before the tests finished because the site was down.",
    "The deploy failed to complete.",
    "The alert fired, and the service restarted, did not check the replica.",
    "Reports of broken pages came in, proving the points made by Maria.",
    "We track employee errors in the onboarding survey.",
    "He told me the file did not save and he did not realize it until it had been sent.",
    "A misconfiguration of the load balancer caused the outage.",
    "The mission of the on-call engineer is to restore service first.",
    "The database (an older replica) accidentally dropped the table.",
    "We intended to roll back, not forward, because the schema was unchanged.",
    "The release branch was mistakenly created and can be deleted.",
    "Whoever is on call restarts the pods.",
    "The boss approved the change.",
    "We underestimated how long the migration would take.",
    "We wanted to migrate to the new cluster, but the vendor did not support it.",
    "We did not have the right tooling to see the queue depth.",
    "The alert never came back.",
    "We never turned the old cron job off because it still served one customer.",
    "What we call user error is often programmer error.",
])
def test_blameless_sentence_with_the_same_words_is_clean(sentence):
    assert _codes(sentence) == set()


@pytest.mark.parametrize("sentence", [
    # one of two clauses put as alternatives, neither asserted
    "We cannot tell yet whether this was a careless operator or a misleading runbook.",
    "Only two explanations fit: either the cache was stale, or I was looking at the wrong cluster.",
    # a question put in the present to anyone
    "Would you get fired for a mistake like this one?",
    "What do you do with those sloppy engineers who broke the build?",
    # a clause the sentence opens by denying
    "Not that the on-call engineer was careless; the runbook was wrong.",
    # hindsight words inside what people are said to believe
    "Left unchecked, readers of a review tend to judge the response by its outcome, believing the signs were obvious at the time.",
    "I'm often told that it's obvious that schema changes are risky.",
])
def test_blame_neither_asserted_nor_told_is_clean(sentence):
    assert _codes(sentence) == set(), _codes(sentence)


@pytest.mark.parametrize("sentence, code", [
    ("Either way, the operator was careless with the credentials.", "PM503"),  # "either" opening no clause
    ("The engineer forgot to contact either the vendor or the on-call lead.", "PM507"),
    ("He said either the engineer forgot the flag or nobody had set it.", "PM507"),  # "either" inside a clause, not opening one
    ("Not that it matters; the operator was careless.", "PM503"),  # past the denied clause
    ("The runbook was wrong; not that the on-call engineer was sloppy, but the operator was careless.", "PM503"),
    ("Why didn't you test the migration before merging?", "PM507"),  # put to someone, in the past
    ("Could you please tell your team to be more careful with merges?", "PM503"),  # a request to someone
    ("The board will decide whether the engineer is fired or suspended.", "PM508"),  # a sanction weighed stays
    ("The operator obviously ignored the alert, although everyone believes the dashboard was clear.", "PM504"),
])
def test_blame_beside_those_shapes_stays(sentence, code):
    assert code in _codes(sentence), _codes(sentence)


@pytest.mark.parametrize("sentence", [
    # a database's or a scheduler's words: what is demoted or kicked out is a thing
    "The replica was demoted to a secondary.",
    "The leader was demoted after the election.",
    "The on-call engineer demoted the primary to a replica.",
    "The pod was kicked out of the node.",
])
def test_a_thing_demoted_or_kicked_out_is_no_sanction(sentence):
    assert _codes(sentence) == set()


@pytest.mark.parametrize("sentence", [
    "The engineer was demoted.",
    "Bremner was suspended without pay for 10 days and demoted.",
    "The intern was kicked off the project.",
    "Nurse suspended after data breach.",
])
def test_a_person_demoted_or_kicked_out_is_still_a_sanction(sentence):
    assert _codes(sentence) == {"PM508"}


def test_one_stretch_of_text_gives_one_sanction_finding():
    found = lint_text("## Summary\n\nThe contractor got kicked out of the building.\n", select=["PM508"])
    assert len(found) == 1
