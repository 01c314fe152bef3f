"""Action-item judgements by class: each class is stated in general terms and tested on
paraphrases, with counterparts of the same shape that are bounded and stay clean."""

from __future__ import annotations

import pytest

from .conftest import lint_text

ACTION_CODES = ["PM301", "PM302", "PM303"]


def codes_of(action: str) -> list[str]:
    text = (
        "## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
        "|----|--------|----------|-------|----------|-----|--------|\n"
        f"| A1 | {action} | prevent | sre-team | P2 | 2026-05-01 | open |\n"
    )
    return sorted({d.code for d in lint_text(text, select=ACTION_CODES)})


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a due date says when, not what done looks like: an item that says better stays open
        ("Harden the bastion host setup (due by Mar 15, 2027).", ["PM302"]),
        ("Streamline the on-call handover before end of Q3", ["PM302"]),
        ("Improve paging by 2027-01-31", ["PM302"]),
        # … while a measure, a means or a concrete step still bounds it, with or without a date
        ("Improve p95 latency of the export job to under 2 s by 2027-01-31", []),
        ("Harden the bastion host by disabling password logins (due by Mar 15, 2027)", []),
        ("Increase the disk of db-7 to 400 GB by Friday", []),
        ("Investigate the cache stampede and fix it by March 2027", []),
    ],
)
def test_a_due_date_does_not_bound_an_item_that_says_better(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # an open-ended verb done again is as open as done once
        ("Reconsider the cadence of the deploy train", ["PM302"]),
        ("Re-evaluate the paging policy", ["PM302"]),
        ("Rethink how releases are scheduled", ["PM302"]),
        ("Reassess our alert routing", ["PM302"]),
        # … unless a decision, an artefact or a concrete step ends it; other re- verbs are acts
        ("Re-evaluate the paging policy and write the decision in an ADR", []),
        ("Reconsider the retry limit and set it to 3", []),
        ("Reinstall the agent on db-3", []),
    ],
)
def test_an_open_ended_verb_done_again_is_open_ended(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a state that is only bettered ("optimized", "hardened", "streamlined") is "make X better"
        ("Review the ingress rules to ensure they are optimized for today's traffic", ["PM302"]),
        ("Review the runbook so that the on-call steps are streamlined", ["PM302"]),
        ("Adjust the pool settings to make sure they are properly tuned", ["PM302"]),
        ("Ensure the sshd configuration is hardened", ["PM302"]),
        # … a state that is a fact, a measure or a named threat is a finish line
        ("Review the runbook to ensure the on-call steps are covered", []),
        ("Review the pool settings to ensure they are optimized for 500 concurrent connections", []),
        ("Update the nginx configuration to ensure it is reloaded on change", []),
        ("Ensure the sshd configuration is hardened against password logins", []),
    ],
)
def test_a_state_that_is_only_bettered_is_no_finish_line(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a check by hand at any occasion of a kind, the occasion named by an act noun with no article
        ("Verify the certificate chain after rotation", ["PM303"]),
        ("Test DNS resolution right after deployment", ["PM303"]),
        ("Check the Helm values before upgrade", ["PM303"]),
        # … a named thing checked does not make the habit a task
        ("Check the Grafana dashboards after upgrade", ["PM303"]),
        # one named event, or a job the system runs, stays a task
        ("Verify the certificate chain after the rotation on 2027-01-04", []),
        ("Verify the backups of db-3 before deleting the old volume", []),
        ("Snapshot the orders database before every schema migration", []),
    ],
)
def test_a_check_by_hand_at_any_occasion_is_behaviour(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a review joined to a change: naming the thing reviewed says which, not what changes
        ("Review and update the PostgreSQL replication configuration", ["PM302"]),
        ("Review and adjust the HAProxy settings", ["PM302"]),
        # … a value, a means or a target says what changes
        ("Review and update the PostgreSQL replication configuration by turning on synchronous commit", []),
        ("Review and adjust the HAProxy settings using the capacity model in CAP-12", []),
        ("Review and update the HAProxy maxconn setting to 4096", []),
    ],
)
def test_a_review_joined_to_a_change_of_a_named_thing_is_open(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a heading whose first word can be a verb is a label when its words recur as a noun
        # phrase inside the instruction after the colon
        ("Cache warmup: Add a cache warmup job to the deploy pipeline", ["PM301"]),
        ("Test data retention: Delete test data older than 30 days nightly", ["PM301"]),
        # … a heading that is itself an instruction stays one
        ("Rotate credentials: rotate credentials on all hosts with the vault CLI", []),
        ("Patch Redis Servers: upgrade every Redis server to 7.2", []),
        ("Fix the pipeline: pin the runner image to v2.3", []),
    ],
)
def test_a_heading_whose_words_recur_as_a_noun_phrase_is_a_label(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a change whose only purpose is a degree with no measure says better, not what changes
        ("Update the escalation policy to page the secondary sooner", ["PM302"]),
        ("Adjust the retry settings so that failures surface faster", ["PM302"]),
        # … what it is to hold, a number or a means says it
        ("Update the runbook to include the failover steps", []),
        ("Update the pager policy to escalate to the secondary after 5 minutes", []),
        ("Update the escalation policy to page the secondary sooner by adding a second rule", []),
    ],
)
def test_a_change_whose_only_purpose_is_a_degree_is_vague(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a leading condition closed by a comma, however long, comes before the instruction
        ("If the nightly export job has not written its manifest and the replica in the second region lags behind, please investigate the replication", ["PM302"]),
        ("If the nightly export job has not written its manifest and the replica in the second region lags behind, please page the database on-call", []),
    ],
)
def test_a_long_leading_condition_comes_before_the_instruction(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a way to act told by the habit it replaces or widens: a maxim for people
        ("Roll back one region at a time, rather than all at once", ["PM303"]),
        ("Drain, don't delete, a node before maintenance", ["PM303"]),
        ("List the queue consumers in the capacity review, not only the producers", ["PM303"]),
        # … not a bare "not X" that may only pick a setting, a verb that changes the system,
        # or amounts compared
        ("Send the nightly cost report to the data channel, not email", []),
        ("Alert on queue depth, not only CPU", []),
        ("Shorten the DNS TTL to 60 s, not 300 s", []),
    ],
)
def test_a_maxim_told_by_its_contrast_is_behaviour(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # training as the item's object is asked of people, whatever the verb
        ("Gather the responders for incident response training sessions", ["PM303"]),
        ("Book the database team onto Kubernetes training", ["PM303"]),
        # … not training as a modifier of a thing made ("training materials", "training data")
        ("Update the training materials with the failover steps", []),
        ("Rebuild the training data pipeline on the new cluster", []),
    ],
)
def test_training_as_the_object_is_behaviour_whatever_the_verb(action, codes):
    assert codes_of(action) == codes


@pytest.mark.parametrize(
    ("action", "codes"),
    [
        # a ticket after the item says where the work is tracked, not what it changes
        ("Improve alerting for CPU, memory, and disk usage (OPS-1234)", ["PM302"]),
        ("Enhance monitoring to include network-level checks. (see INFRA-3046)", ["PM302"]),
        ("Set up automated alerts for resource-intensive queries [OPS-12, OPS-13]", ["PM302"]),
        ("Monitor Supabase auth logs for errors — tracked in OPS-88", ["PM302"]),
        # … and an item that is bounded stays clean with its ticket
        ("Alert when disk usage on db-7 exceeds 85% (OPS-1234)", []),
        ("Automate Boskos deploys (#11957)", []),
        ("Fix OPS-1234", []),
    ],
)
def test_a_ticket_after_an_item_does_not_bound_it(action, codes):
    assert codes_of(action) == codes
