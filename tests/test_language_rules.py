"""End-to-end behaviour of the blameless-language and action-item rules."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from postmortem.cli import main

from .conftest import ROOT, lint_text, loaded_after_each, make_config

DOC = textwrap.dedent(
    """\
    ---
    id: PM-2026-042
    title: "Config push broke checkout"
    severity: SEV3
    started: 2026-03-04T14:02:00Z
    ---

    ## Summary

    Dave pushed the broken config to production.

    ## Action Items

    | ID | Action | Category | Owner | Priority | Due | Status |
    |----|--------|----------|-------|----------|-----|--------|
    | A1 | Improve monitoring | detect | sre-team | P2 | 2026-04-15 | open |
    """
)


def test_lint_reports_blame_and_vague_action_with_position_and_hint(tmp_path):
    path = tmp_path / "2026-03-04-config-push.md"
    path.write_text(DOC, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["lint", str(path), "--today", "2026-03-10"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    blame = next(i for i, line in enumerate(lines) if " PM501 " in line)
    vague = next(i for i, line in enumerate(lines) if " PM302 " in line)
    assert f"{path.name}:10:1: PM501 [error] names 'Dave' as the actor of a failure" in lines[blame]
    assert lines[blame + 1].strip().startswith("hint: Say what allowed it")
    assert f"{path.name}:16:8: PM302 [error] action item A1 is vague" in lines[vague]
    assert lines[vague + 1].strip().startswith("hint: Say what done looks like")


def test_json_output_carries_the_exact_span(tmp_path):
    import json

    path = tmp_path / "incident.md"
    path.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(path), "--format", "json", "--select", "PM501,PM302"])
    found = json.loads(result.output)
    rows = found["diagnostics"] if isinstance(found, dict) else found
    spans = {(d["code"], d["line"], d["col"], d["end_col"]) for d in rows}
    assert spans == {("PM501", 10, 1, 5), ("PM302", 16, 8, 26)}


def _names(text, **options):
    config = make_config()
    if options:
        from postmortem.config import RuleSettings

        config.rules = {"PM501": RuleSettings(options=options)}
    return [d.message for d in lint_text(text, select=["PM501"], config=config)]


def test_allowed_names_are_never_people():
    text = "## Summary\n\nPriya pushed the broken config to production.\n"
    assert _names(text)
    assert not _names(text, **{"allowed-names": ["Priya"]})


def test_people_patterns_name_people_the_built_in_list_does_not_know():
    text = "## Summary\n\nXandrio pushed the broken config to production.\n"
    assert not _names(text)
    assert _names(text, people=["Xandr[a-z]+"])


def test_owner_handles_are_teams_not_people():
    text = "## Summary\n\nThe broken config was deployed by @payments-team and @sre-oncall.\n"
    assert not _names(text)


def test_unknown_option_is_a_configuration_error():
    import pytest

    from postmortem.config import ConfigError, RuleSettings
    from postmortem.engine import Linter

    config = make_config()
    config.rules = {"PM501": RuleSettings(options={"alowed-names": []})}
    with pytest.raises(ConfigError):
        Linter(config, select=["PM501"])


def test_bad_people_pattern_is_a_configuration_error():
    import pytest

    from postmortem.config import ConfigError, RuleSettings
    from postmortem.engine import Linter

    config = make_config()
    config.rules = {"PM501": RuleSettings(options={"people": ["Dave("]})}
    with pytest.raises(ConfigError, match="not a regular expression"):
        Linter(config, select=["PM501"])


def test_documents_without_unknown_verbs_do_not_import_the_lexicon():
    """The lexical library costs ~0.2 s to import; the bundled archive never needs it."""
    code = textwrap.dedent(
        f"""
        import sys
        from postmortem.config import Config
        from postmortem.engine import Linter
        from pathlib import Path
        linter = Linter(Config(root=Path({str(ROOT)!r})))
        linter.lint_paths(linter.collect([{str(ROOT / 'postmortems')!r}]))
        print('lemminflect' in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_unknown_first_word_is_looked_up():
    text = (
        "## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
        "|---|---|---|---|---|---|---|\n"
        "| A1 | Quarantine the noisy tenant when it exceeds 500 rps | mitigate | sre-team | P2 | 2026-04-15 | open |\n"
        "| A2 | Synthetic checks for the checkout flow | detect | sre-team | P2 | 2026-04-15 | open |\n"
    )
    messages = [d.message for d in lint_text(text, select=["PM301"])]
    assert messages == ["action item A2 does not start with a verb: 'Synthetic'"]


def test_an_alert_with_a_threshold_does_not_load_the_lemma_tables():
    """A bounded alert ("… error rate exceeds 2% …") is cleared by cheap checks first; telling
    a signal from a compound ("load balancer") by lemminflect's tables comes last, so an
    archive of such items never pays for them (0.3 s and 50 MB in a one-file hook run)."""
    table = (
        "## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
        "|---|---|---|---|---|---|---|\n"
        "| A1 | {} | detect | sre-team | P2 | 2026-04-15 | open |\n"
    )
    texts = [table.format("Add an alert when the cdn-edge error rate exceeds 2% for 5 minutes in any single region"),
             table.format("Add alerting for load balancer issues")]
    assert loaded_after_each("lemminflect", ["PM302"], texts) == [False, False, True]


def test_the_name_list_loads_only_for_a_capitalised_word_it_must_judge():
    """The multi-origin given-name list (150 kB) is read on the first lookup that needs it:
    not when the rules are imported, and not for a document whose words are all known
    (stop words, section titles, the curated lists)."""
    texts = ["## Summary\n\nThe impact of the incident.\n", "## Summary\n\nThe pods were restarted by Ngozi.\n"]
    assert loaded_after_each("postmortem.rules._given_names", ["PM506"], texts) == [False, False, True]


def test_names_beyond_an_english_list_and_handles_of_any_shape():
    text = (
        "## Summary\n\nThe pods were restarted by Ngozi, and dave@ and priya7 reviewed it; "
        "@jsmith merged. The Sydney region and Kafka Connect were fine.\n"
    )
    found = [d.message for d in lint_text(text, select=["PM506"])]
    assert found == [
        "names 'Ngozi'; post-mortems name roles, not people",
        "names a person by the handle 'dave@'",
        "names a person by the handle 'priya7'",
        "names a person by the handle '@jsmith'",
    ]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Walsh said the power had been restored.", "Walsh"),  # a surname, subject of a verb of speech
        ("Yusuf was awake when the alert fired.", "Yusuf"),  # a state only people are in
        ("Chidinma forgot to rotate the keys.", "Chidinma"),  # a verb only people do
        ("The fix came from Ngozi Adeyemi.", "Ngozi Adeyemi"),
        ("First reports arrive from Sarika de Bruyn.", "Sarika de Bruyn"),  # a particle inside a name
        ("Bayer Rosmarin seemed to have learnt little.", "Bayer Rosmarin"),  # two words, one a surname
        ("The verdict is that TenaciousMapping did abuse his powers.", "TenaciousMapping"),  # a pronoun refers back
        ("RhinosF1 was contacted multiple times.", "RhinosF1"),  # a pseudonym with a number
        ("An admin referred to as team-member-1 made a mistake.", "team-member-1"),
        ("garuffalo reported this issue on the 12th.", "garuffalo"),  # lower case, sentence start
        ('"We are not blaming one employee," said Dieken.', "Dieken"),  # inverted attribution
        ("The rollback was done by Engineer Tadesse.", "Tadesse"),  # a capitalised role as a title
        ("Elison told the paper that he is still unsure of the cause.", "Elison"),
        # from the real development corpus: a pronoun later in the clause, a role in apposition,
        # a relative "who", a capitalised role as a title, one of a group of people
        ("Nóva noticed slow/timeouts on her phone", "Nóva"),
        ("Koichiro Miyahara, president and CEO of the exchange, told reporters late Thursday.", "Koichiro Miyahara"),
        ("Drew Groff, who works for telecommunications company Lumen, said the employee cut the cable.", "Drew Groff"),
        ("Euntaek Hong, co-CEO of Kakao, will remain the firm as the sole head of Kakao.", "Euntaek Hong"),
        ("On the first day, Project Leader Mike McQuaid gave a presentation.", "Mike McQuaid"),
        ("Miyahara and other exchange officials said a computer hardware device failed.", "Miyahara"),
        ("I am Kabaka, one of the server administrators that keeps the network running.", "Kabaka"),
        ("Zhenya pinged the on-call engineer.", "Zhenya"),  # an act of reaching a colleague
        ("john.smith acknowledged the page.", "john.smith"),  # a dotted user name
        ("mkumar approved the change.", "mkumar"),  # a lower-case user name that approves
        ("Alaska's Revenue Commissioner at the time, Bill Corbus, said no one was blamed.", "Bill Corbus"),  # the holder of a role
    ],
)
def test_names_the_sentence_makes_a_person_of(sentence, name):
    found = [d.message for d in lint_text(f"## Summary\n\n{sentence}\n", select=["PM506"])]
    assert len(found) == 1 and repr(name) in found[0], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Optus said the outage was caused by a routing change.",  # an organisation speaks too
        '"We are sorry," said Optus in a statement.',
        "Deutsche Telekom said its network was stable.",
        "Patroni promoted the replica after the failover.",
        "That Kafka cluster was fine.",
        "University of Canberra accidentally sends staff details of every employee.",
        "Designating risks as low meant Rogers' staff could avoid scrutiny, the report says.",
        "In Rio de Janeiro the traffic dropped.",
        "We moved the index alias onto the new cluster.",
        "Pester had faced mounting pressure.",  # a capitalised English word proves nothing
        # places, companies and products whose words are also given names (real development corpus)
        "In neighbouring France, a similar emergency number failure resulted in deaths.",
        "Emergency numbers in many parts of Switzerland, including cities such as Zurich, Basel and Geneva, were unavailable.",
        "Georgia Power and Marietta Power are investigating the outages.",
        "Gloria Server was running in parallel.",  # "Gloria was running …" names a person
        "The outage hit Marietta, Georgia on Monday.",
        "Kakao said today morning it had restored additional services.",  # the speaker is an "it"
        "Microsoft, who owns GitHub, said nothing.",
        "The co-CEO of Kakao, who led the firm, will remain.",  # the "who" is the co-CEO
    ],
)
def test_organisations_places_and_words_are_not_people(sentence):
    assert lint_text(f"## Summary\n\n{sentence}\n", select=["PM506"]) == []


def test_the_place_list_loads_only_for_a_word_that_could_be_a_name():
    """The gazetteer (60 kB) is read only when a word that could be a given name needs it."""
    texts = ["## Summary\n\nThe impact of the incident.\n", "## Summary\n\nThe outage hit Marietta, Georgia.\n"]
    assert loaded_after_each("postmortem.rules._places", ["PM506"], texts) == [False, False, True]


def test_a_name_and_a_place_in_one_list_stay_names():
    found = [d.message for d in lint_text("## Summary\n\nAlex, Georgia and Tim restarted the pods.\n", select=["PM506"])]
    assert len(found) == 3


def test_the_timeline_actor_column_names_no_person():
    text = (
        "## Timeline\n\n| Time | Event | Actor |\n|---|---|---|\n"
        "| 14:00 UTC | Alert fired | monitoring |\n| 14:01 UTC | Rolled back | Pelumi |\n"
        "| 14:02 UTC | Declared the incident | dsmith |\n| 14:03 UTC | Promoted replica | kafka-cluster |\n"
        "| 14:04 UTC | Posted an update | Incident Commander |\n"
    )
    found = [d.message for d in lint_text(text, select=["PM506"])]
    assert found == [
        "names 'Pelumi'; post-mortems name roles, not people",
        "names a person by the handle 'dsmith'",
    ]


def test_owner_registry_services_and_allowed_names_are_not_people():
    from postmortem.config import RuleSettings
    from postmortem.engine import Linter
    from postmortem.parse import parse_text

    text = (
        "---\nservices: [hermes]\n---\n\n## Summary\n\nHermes restarted; @sre-team and Athena "
        "paged Ngozi.\n"
    )
    config = make_config()
    config.rules = {"PM506": RuleSettings(options={"allowed-names": ["Athena"]})}
    result = Linter(config, select=["PM506"]).lint_documents([parse_text(text, "a.md")])
    assert [d.message for d in result.diagnostics] == ["names 'Ngozi'; post-mortems name roles, not people"]


def test_hints_reuse_the_sentences_own_act():
    text = "## Summary\n\nAn operator accidentally ran the cleanup against production.\n"
    (finding,) = lint_text(text, select=["PM507"])
    assert "running the cleanup against production possible" in finding.hint


@pytest.mark.parametrize(
    "sentence, act",
    [
        # a long act ends before its last preposition, not inside the phrase it opens
        ("The technician accidentally disconnected a power supply at a data center near the old river bridge in town.",
         "made disconnecting a power supply at a data center possible"),
        ("The engineer mistakenly sent the file to the wrong customer (an old address).", "made sending the file to the wrong customer possible"),
        ("The operator accidentally deleted the index of the", "made deleting the index possible"),  # never on "of the"
    ],
)
def test_hinted_acts_end_on_a_whole_phrase(sentence, act):
    (finding,) = lint_text(f"## Summary\n\n{sentence}\n", select=["PM507"])
    assert act in finding.hint


@pytest.mark.parametrize(
    "sentence, act",
    [
        ("The on-call engineer should have checked replication lag before promoting the replica.",
         "what would have made checking replication lag happen"),
        # the act ends where the clause does, and an inverted "had" finds its participle
        ("If the DBA had read the runbook, none of this would have happened.", "what would have made reading the runbook happen"),
        ("Had the engineer tested the script (on staging), we would have caught it.", "what would have made testing the script happen"),
        # what should not have happened is stopped, not made to happen
        ("The engineer shouldn't have run the migration by hand.", "what would have stopped running the migration by hand without"),
    ],
)
def test_counterfactual_hints_reuse_the_act_up_to_the_end_of_its_clause(sentence, act):
    (finding,) = lint_text(f"## Summary\n\n{sentence}\n", select=["PM505"])
    assert act in finding.hint


def _action_findings(action: str, code: str):
    text = (
        "## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
        "|----|--------|----------|-------|----------|-----|--------|\n"
        f"| A1 | {action} | prevent | sre-team | P2 | 2026-05-01 | open |\n"
    )
    return lint_text(text, select=[code])


@pytest.mark.parametrize(
    "action, code, hint",
    [
        ("Backup policy needs to be defined", "PM301", '"Define backup policy"'),
        ("Monitoring team should add alerts for lag", "PM301", '"Add alerts for lag"'),
        ("Improved runbooks for engine-level limits", "PM301", '"Improve runbooks for engine-level limits"'),
        ("Documenting and communicating SDK release process changes to the team", "PM301",
         '"Document and communicate SDK release process changes to the team"'),
        ("Enhance existing error handling in the Content Interpreter.", "PM302", "'existing error handling in the Content Interpreter'"),
        ("Remind engineers to check the target cluster before running migrations", "PM303",
         "nobody has to remember to check the target cluster before running migrations"),
        # the object as written, quotes included, up to the punctuation that ends it
        ('Investigate the implementation of a "feature flag" system for safer deployments.', "PM302",
         """'the implementation of a "feature flag" system for safer deployments'"""),
        ("Schedule regular audits of system configurations, starting with the payment hosts.", "PM302",
         "'regular audits of system configurations':"),
        ("Strengthen code review processes - our vigilant script editors.", "PM302", "'code review processes':"),
    ],
)
def test_action_hints_reuse_the_items_own_words(action, code, hint):
    (finding,) = _action_findings(action, code)
    assert hint in finding.hint


def test_a_label_before_a_colon_is_not_turned_into_the_verb():
    (finding,) = _action_findings("Enhanced Monitoring: Implement more granular monitoring for database metrics", "PM301")
    assert "Enhance Monitoring" not in finding.hint


@pytest.mark.parametrize(
    "action, code",
    [
        ("Define Ownership and Establish Alerting", "PM302"),  # two generic objects, joined
        ("write tests", "PM302"),
        ("Tune the HTTP client kubespawner uses.", "PM302"),  # better, with no measure or target
        ("Switch to a different secret management strategy than what we have now.", "PM302"),
        ("Update the runbook for service X.", "PM302"),
        ("Check and verify Nginx configurations frequently to guarantee a correct setup", "PM302"),
        ("Investigate the reason why pager duty did not throw an alert for 5xx errors.", "PM302"),
        ("Stop treating QA as the final development phase.", "PM303"),
        ("Quickly address the actions in postmortems.", "PM303"),
        ("Communicate that metric filters should be configured to watch the correct log group.", "PM303"),
        ("Make sure we treat any errors in -dev exactly like we would in prod.", "PM303"),
        ("DevEx has placed an action item on our roadmap to implement a new ADSync provider.", "PM301"),
        ("Linter on kubectl delete --all to flag cluster-scoped resources", "PM301"),
        ("Deploy to staging as part of the CI should prevent this sort of issue", "PM301"),
        ("Task: Set up monitoring tools to track SSH authentication failures", "PM301"),  # a label
        ("Code Review Updates: Update the code review checklist to include deadlock prevention", "PM301"),
        ("Set up broader alerting for function and site success rate drops.", "PM302"),  # a comparative
        ("Implement improved auto-scaling capabilities", "PM302"),
        ("Review health checks to ensure connection failures are surfaced as early as possible.", "PM302"),
        ("Enhance configuration management to better track manually installed services", "PM302"),
        ("Accelerate planned system resilience updates", "PM302"),
        ("Conduct a comprehensive review of load balancer configurations for all services.", "PM302"),
        ("Conduct regular load testing to identify and address scalability issues.", "PM302"),
        ("Test before deploying on all servers no matter how small an update", "PM303"),
        ("Avoid using toplevel wildcards on the DNS level.", "PM303"),
        ("Task 2: Configure additional network traffic monitoring on firewall.", "PM301"),  # a numbered label
        ("Regularly simulate load balancer failures in a controlled environment.", "PM302"),  # recurring, any verb
        ("Implement regular code reviews to identify inefficient queries early in the development process.", "PM302"),
        ("Enhance onboarding and training processes for the operations team.", "PM303"),  # training, grown
        ("Enhance monitoring systems to include more granular alerts for network and load balancer issues.", "PM302"),
        ("Patch the load balancer configuration to prevent similar misconfigurations in the future.", "PM302"),
        ("Enhance monitoring and alert mechanisms.", "PM302"),  # "and alert mechanisms" is no step
        ("Review and update incident response procedures for swift resolution.", "PM302"),
        ("Document the incident and share learnings with the team to prevent recurrence.", "PM303"),
        ("Patch the database connection pool configuration, raising the maximum connection limit to appropriate levels.", "PM302"),
        ("Schedule a post-incident review within a week to ensure effective learning and implementation of improvements.", "PM302"),
        ("Choose the best load balancing algorithm for your programs", "PM302"),
        ("Automate Configuration Management: Continue using Puppet for managing critical configurations.", "PM302"),
        ("Clean up and consolidate release documentation", "PM302"),  # each joined verb with the object
        ("Fix and improve our alerts for no new blocks being generated.", "PM302"),
        ("Keep all the ansible scripts related to Persistence up to date (github)", "PM302"),  # a duty, never done
        ("Coordinate with Kevin Schneider (or other BEP SMEs) to assess manual claim impact", "PM302"),
        ("Monitor memory usage like a hawk, ready to swoop down at the first sign of trouble.", "PM302"),
        ("Perform regular load balancer configuration checks during routine maintenance.", "PM302"),
        ("Implement rigorous code review processes to catch configuration errors before deployment.", "PM302"),
        ("Spin up a dev hub and figure out how to use hubtraf to simulate a large number of users doing work.", "PM302"),
        ("Invest in load testing: Regularly conduct load testing of the search functionality.", "PM302"),
        ("Query Optimization Quest: A journey into the heart of our database queries.", "PM301"),  # a name, no instruction
        ("Do not perform a migration on both nodes in the same time slot.", "PM303"),  # as "Never perform …"
        ("Try to book a 3 hours dedicated slot time for the migration process.", "PM303"),  # an effort
        ("Conduct thorough testing of any changes to infrastructure components before deploying them to production.", "PM303"),
        ("Enhance our communication with the CapCut app development team to ensure timely resolution of issues.", "PM303"),
        ("Set up automated alerts for resource-intensive queries", "PM302"),  # an amount judged, no threshold
    ],
)
def test_action_item_shapes_from_real_post_mortems(action, code):
    assert [f.code for f in _action_findings(action, code)] == [code]


@pytest.mark.parametrize(
    "action",
    [
        "T83729 Fix monitoring of poolcounter service.",  # the ticket names the bug
        "[#2228]: Include the crate name in the HTTP log entry for the publish API call.",  # an issue number
        "**HIGH** Include crate downloads in the smoke test plan for the staging environment",  # a priority
        "P1: Automate the staging environment smoke tests",
        "Regularly rotate the keys every 90 days.",  # a number bounds the recurrence
        "Implement regular database health checks in the monitoring system.",  # automated, not people
        "have merges be done automatically by robot",  # a causative is an instruction
        "Refactor event reflector to be a single reflector instead of one-per-pod.",
        "Enhance daily pipeline run with a synthetic monitoring during execution of the pipeline.",
        "Stop retrying 4xx responses in the payment client",  # a system's behaviour, not a habit
        "Revisit the retry policy to make sure it covers 503 responses",
        "Disable pipeline until issue fixed",
        "Switch to a different DNS provider such as Route 53",
        "Fix the pipeline: before creating Terraform resources, switch the kubectl context to the cluster",
        "Enhance monitoring systems to include database connection pool metrics.",
        "Use a larger instance type for the reporting database",  # a comparative of size
        "Page the on-call immediately when the nightly backup job fails",
        "Perform regular and tested backups of the database",  # a recurring artefact, not a review
        "Verify the backups of db-3 before deleting the old volume",  # a one-off check
        "Set alerts on the test machine (obs-devel) to help us catch failed deployments as soon as possible.",
        "Implement alerts for backup failure",  # the trouble of a named thing is a signal
        "Patch the pgbouncer settings to limit client connections to 200.",  # the purpose is the change
        "Review and adjust ULIMIT values using Puppet manifests.",  # the change is named
        "Share details on incident with GSA-IR and US-CERT",  # a report owed to named recipients
        "Setup alerts for when logs are not shipped to CWL - consider monitoring both receiving and sending part (issue created)",
        "Investigate and fix the race in the scheduler",  # the second verb bounds the first
        "Keep dependencies up to date with Renovate",  # a tool keeps them so
        "Keep our own apt mirror",  # a state of the system
        "Monitor the cluster for non-running pods and send an alert if the count exceeds a threshold.",
        "Deploy comprehensive monitoring covering cache utilization, response times, and database performance.",
        "In addition, add an alert when disk usage on db-3 exceeds 90%.",  # an adverbial, then the verb
        "Rotate credentials: all API keys older than 90 days",  # an instruction as the heading
        "Improve communication with customers by adding a status page",  # a means is named
        "Don't duplicate service key credentials across multiple hubs.",
        "Add an alert for high replication lag above 30 s",  # a threshold
        "Add alerts for the high availability failover",  # a term, not an amount
    ],
)
def test_bounded_action_items_stay_clean(action):
    assert _action_findings(action, "PM301") + _action_findings(action, "PM302") + _action_findings(action, "PM303") == []


@pytest.mark.parametrize(
    "action, codes",
    [
        # an instruction on a ticket before a colon is no numbered label; a noun and a number are
        ("Close #92: route Alertmanager's default receiver to the on-call pager", []),
        ("Issue #12: Configure additional network traffic monitoring on the firewall", ["PM301"]),
        # a question opened by the phrase itself lasts until it is answered
        ("Determine why the hypervisor stopped", ["PM302"]),
        ("Check whether the manager's startup conflict is a known upstream defect in v1.12.0", ["PM302"]),
        ("Check whether the startup conflict is a known upstream defect and upgrade to the release that fixes it", []),
        ("Determine how many nodes are not mounting /var/lib/docker on sdb1", []),
        # knowing is asked of a person
        ("Know the warning signs: chage -l for the account and lastlog for the last login", ["PM303"]),
        ("Add a daily report of accounts expiring within 7 days", []),
        # an aside after a dash says why; its numbers are no finish line
        ("Consider a rebalancing story for post-eviction pile-up — Kubernetes does not move pods back, so one node held 68 pods", ["PM302"]),
        ("Consider a rebalancing story for post-eviction pile-up and record the decision in ADR-0071", []),
        # a subject, an adverb of a statement and its verb
        ("auditd already records who ran what as root, so an unplanned edit can be traced to a login", ["PM301"]),
        ("Delete already expired certificates from the load balancer", []),
        # an adjective of frequency, a noun the tables know only as one, a noun and "can": a noun phrase
        ("Monthly check added: a maintenance task queries both nameservers directly", ["PM301"]),
        ("Regularly rotate the keys every 90 days", []),
        ("dependency audit triggered by review of the patch surface", ["PM301"]),
        ("Backup automation (pg_basebackup)", ["PM301"]),
        ("Backup configuration files before the upgrade", []),
        ("Pod can move freely between nodes", ["PM301"]),
        # the reader's own act as the occasion, an effort and diligence asked of people
        ("Check both layers when you fix a firewall rule", ["PM303"]),
        ("Add simple logging when we start the index publishing process", []),
        ("Endeavour you test your configurations after a change", ["PM303"]),
        ("Scrutinize changes to critical components like connection pools", ["PM303"]),
    ],
)
def test_action_shapes_of_whole_follow_up_lists(action, codes):
    found = _action_findings(action, "PM301") + _action_findings(action, "PM302") + _action_findings(action, "PM303")
    assert sorted({f.code for f in found}) == codes


@pytest.mark.parametrize(
    "action, codes",
    [
        # a modal after a colon spells out what the instruction makes, it is not the item's verb
        ("Create coding standard: every external service call must have error handling", []),
        ("Rule encoded in the contributing guide: the parser must not move nodes", ["PM301"]),
        # what a thing is for is not what it is
        ("Add a workspace call-to-action for better engagement", []),
        ("Set up better alerting for the API", ["PM302"]),
        ("Create runbooks for quicker recovery", ["PM302"]),  # a bare kind names no thing to be for
        # watching one occurrence ends with it
        ("Monitor the next nightly run in the scheduler dashboard", []),
        ("Monitor the queue depth in the scheduler dashboard", ["PM302"]),
        # an option named by a gerund: its numbers are the option's, the item ends when someone decides
        ("Consider raising the fetch limit from 30 to 100 for busy repositories", ["PM302"]),
        ("Consider raising the fetch limit from 30 to 100 for busy repositories and roll it out in v2.4", []),
        ("Explore moving the queue to 3 dedicated nodes", ["PM302"]),
        # a noun used as a verb's look-alike before a noun and a preposition: a noun phrase
        ("Alert system for detecting drift within 1 hour", ["PM301"]),
        ("Alert the on-call when drift lasts over 1 hour", []),
        # an act asked on every future occasion of a kind; a thing made once for them is not
        ("Use the review template for future qualifying incidents", ["PM303"]),
        ("Before future disk recoveries, assert the expected UUID is mounted", ["PM303"]),
        ("Add a checklist for future migrations", []),
        ("Document the recovery steps for future reference", []),
    ],
)
def test_action_shapes_of_follow_up_lists_unseen_before(action, codes):
    found = _action_findings(action, "PM301") + _action_findings(action, "PM302") + _action_findings(action, "PM303")
    assert sorted({f.code for f in found}) == codes


@pytest.mark.parametrize(
    "action, codes",
    [
        # a judgement inside the purpose, whatever the purpose's verb: what the thing is for
        ("Add integration tests for the billing API to spot regressions sooner", []),
        ("Add better tests for the billing API", ["PM302"]),
        # bettering a thing by what it is to hold; not when what it holds is itself a degree
        ("Improve the on-call runbook to include the commands for draining a node", []),
        ("Improve the on-call runbook to include more detailed steps", ["PM302"]),
        ("Improve the on-call runbook to ensure quicker recovery", ["PM302"]),
        # what the alerts hold is named; the trouble after it is only what they are for
        ("Enhance the paging alerts to include upstream status codes to promptly find proxy issues", []),
        ("Enhance the paging alerts to include more granular alerts for proxy issues", ["PM302"]),
        # recurring work whose first occurrence has a date; a rhythm alone never ends
        ("Schedule regular audits of the firewall rules, with the first audit done by 15 March", []),
        ("Schedule regular audits of the firewall rules", ["PM302"]),
        # watching over a period ends with it
        ("Watch checkout latency on the storefront dashboard over the coming week", []),
        ("Watch checkout latency on the storefront dashboard", ["PM302"]),
        # a verb of checking and the clause it checks: the participle is that clause's
        ("Confirm request signing is enabled for all partner endpoints", []),
        ("Request signing is enabled for all partner endpoints", ["PM301"]),
        # a heading whose verb acts on a product it names; a compound naming a practice is a label
        ("Upgrade Kafka Brokers: Move every broker to 3.7.1", []),
        ("Load Balancing: Add a second pool behind the proxy", ["PM301"]),
        # a habit to stop whose object is an identifier: the build's habit, not a person's
        ("Stop passing LEGACY_AUTH_MODE to the canary builds", []),
        ("Stop treating staging as optional before releases", ["PM303"]),
        # a heading that betters a thing, spelled out by the instruction after its colon
        ("Harden alerting: Add paging alerts on every broker, covering disk usage and replication lag", []),
        ("Harden alerting on every broker", ["PM302"]),
        # a judgement that only colours monitoring of a named signal
        ("Set up proactive monitoring of inode usage on the build hosts", []),
        ("Set up proactive monitoring on the build hosts", ["PM302"]),
    ],
)
def test_action_shapes_reported_wrongly_on_the_development_set(action, codes):
    found = _action_findings(action, "PM301") + _action_findings(action, "PM302") + _action_findings(action, "PM303")
    assert sorted({f.code for f in found}) == codes


@pytest.mark.parametrize(
    "action, codes",
    [
        # a modal inside brackets, or after a dash, is an aside's, not the item's predicate
        ("Document the sealed-secret pattern (in short: a manual edit is reverted, tests must bypass it) in the runbook", []),
        ("Review the stale build agents — Last rebuilt in May 2026. If unused, delete them and their images.", []),
        ("Sealed-secret pattern in the runbook must be documented", ["PM301"]),
        # a modal opens no instruction after a dash: the aside says why, the item stays open
        ("Investigate the route population bug — may be related to the agent version mismatch (v1.4 against v1.5)", ["PM302"]),
        ("Investigate the route population bug — pin both agents to v1.5", []),
        # a hedge on a step the parenthesis spells out; a parenthesis holding only the hedge leaves the item open
        ("Document the cache recovery procedure (flush the keys + restart the pods if needed)", []),
        ("Set up cross-region replication (if needed)", ["PM302"]),
        # a product's name before a colon is a label, like any noun phrase
        ("Uptime Kuma: add a monitor for the backup host", ["PM301"]),
        ("Upgrade Uptime Kuma: add a monitor for the backup host", []),
        # a later step that only says better is as open as it would be alone; steps of a purpose are the purpose's
        ("Upgrade the kernel packages and streamline boot handling to enhance stability", ["PM302"]),
        ("Schedule a nightly vacuum job to purge expired sessions and optimize table storage", []),
        # an occasion told by a gerund with no subject is the reader's own act
        ("When rotating the signing key, re-sign every release manifest by hand", ["PM303"]),
        ("Re-sign every release manifest in the pipeline that rotates the signing key", []),
        # a dash closes a label as a colon does; a heading that is an instruction stays one
        ("Instance backup — export the data folder nightly", ["PM301"]),
        ("Clean the image registry — delete old image versions, keeping the 3 most recent", []),
        # a word no table knows as a verb, a plural noun and a copula: a statement
        ("Offsite snapshots are now encrypted", ["PM301"]),
        ("Ensure snapshots are encrypted with the KMS key", []),
        # a noun and a nominalisation before its complement: a noun phrase
        ("Job deduplication for webhook retries", ["PM301"]),
        ("Raise retention of the topic to 7 days", []),
        # what is watched for is no end of the watching; a period or one occurrence is
        ("Monitor the gateway logs for errors", ["PM302"]),
        ("Monitor the gateway logs for two weeks", []),
        ("Monitor the current migration job for completion", []),
        # nearness to a limit judged with no threshold
        ("Notify the team of approaching disk limits", ["PM302"]),
        ("Notify the team when disk usage passes 85%", []),
        # an audit or an inspection is an examination: open unless a concrete step follows
        ("Audit the remaining tables for unindexed foreign keys", ["PM302"]),
        ("Audit the remaining tables for unindexed foreign keys. Add the missing indexes.", []),
        ("Inspect the launchd job for KeepAlive", ["PM302"]),
        ("Inspect the launchd job for KeepAlive; verify it survives a restart", []),
    ],
)
def test_action_shapes_of_a_harvest_of_whole_lists(action, codes):
    found = _action_findings(action, "PM301") + _action_findings(action, "PM302") + _action_findings(action, "PM303")
    assert sorted({f.code for f in found}) == codes


_BLAME_CODES = ["PM502", "PM503", "PM505", "PM507", "PM508"]


def _blame_codes(sentence: str) -> set[str]:
    return {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=_BLAME_CODES)}


@pytest.mark.parametrize(
    "sentence, code",
    [
        # structure: elided counterfactuals, subjects behind phrases, clefts, the writer unwritten
        ("In plain English: someone clicked something they shouldn't have.", "PM505"),
        ("An employee of the state of Colorado misplaced a USB drive.", "PM507"),
        ("The engineer responsible for the change forgot to update the config.", "PM507"),
        ("An employee removing a piece of monitoring equipment that was causing problems likely caused a massive outage.", "PM507"),
        ("It was me who pushed the bad config.", "PM507"),
        ("I was the one who deleted it.", "PM507"),
        ("Oops, forgot to bump the version.", "PM507"),
        ("I don't get why they pushed it globally and not tested it on some servers.", "PM507"),
        ("I haven't checked the invoice notices.", "PM507"),
        ("The engineer decided not to run the tests.", "PM507"),
        ("He chose to skip the canary stage.", "PM507"),
        ("Instead, the electrician committed the same mistake as his predecessors.", "PM507"),
        ("A junior developer pushed a broken build to main.", "PM507"),
        ("A construction crew severed a fibre cable.", "PM507"),
        ("The data was leaked by a contractor.", "PM507"),
        ("The breach was the result of an employee clicking a phishing link.", "PM507"),
        ("Once again, sorry for my mistake.", "PM507"),
        ("The repairman cut the wrong wire.", "PM507"),
        ("I should have double checked.", "PM505"),
        ("The correct course of action would have been to clearly identify what he was working on.", "PM505"),
        ("The rollback ought to have been started sooner.", "PM505"),
        # judgement
        ("The NTSB blamed the joke on a summer intern.", "PM503"),
        ("Possibly they aren't seasoned DBAs or sysadmins.", "PM503"),
        ("Guess you learned your lesson.", "PM503"),
        ("What were they thinking?", "PM503"),
        ("The admins had no idea what they were doing.", "PM503"),
        # human error
        ("The outage was caused by human failure.", "PM502"),
        ("A staff error led to the leak.", "PM502"),
        # punishment and accountability
        ("In my view a week's suspension will be more than adequate under the circumstances.", "PM508"),
        ("It provides legally sufficient grounds for immediate termination.", "PM508"),
        ("She was placed on administrative leave.", "PM508"),
        ("He should face criminal charges.", "PM508"),
        ("The CEO has stepped down over the outage.", "PM508"),
        ("Heads will roll after this.", "PM508"),
        ("My contract was terminated 3 weeks early.", "PM508"),
        ("Reuters reports Kiyota will take a 50% pay cut for four months.", "PM508"),
        ("Whoever approved this should be fired.", "PM508"),
        ("The intern was shown the door.", "PM508"),
        ("The engineer was responsible for the outage.", "PM508"),
        ("I take full responsibility for the outage.", "PM508"),
        ("There should be some serious internal accountability for this weekend's IT fiasco.", "PM508"),
        ("The engineer received a formal reprimand.", "PM508"),
        ("The outage was blamed on a contractor.", "PM503"),
        ("Management wants to know who is to blame for the data loss.", "PM503"),
        ("A technician who was hired after the layoffs and outsourced their work to India was to blame.", "PM503"),
    ],
)
def test_blame_shapes_beyond_the_words_of_the_corpus(sentence, code):
    assert code in _blame_codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We did NOT receive storage alerts in Discord (I believe we should have?)",
        "The service should have.",
        "They blamed the outage on a power surge.",
        "The cluster is not capable of handling the load.",
        "We learned our lesson about backups.",
        "What was the system thinking when it evicted the pod?",
        "Missed alerts are escalated after five minutes.",
        "Deleted the stale pods at 10:02.",
        "The engineer restarted the broken pod.",
        "We cut the release branch at noon.",
        "The team cut over to the new line of routers.",
        "The data was lost by the storage system.",
        "The outage was the result of a disk filling up.",
        "The team chose to skip the release because the freeze began.",
        "The best approach would have been to just revert the deployment.",
        "User failures are retried three times.",
        "Human failure is inevitable.",
        "The termination of the pod freed memory.",
        "The account's suspension was lifted.",
        "The support contract was terminated by the vendor.",
        "We stepped down the replica count.",
        "I assume if they were unauthorized they would be fired.",
        "The platform team is responsible for the service.",
        "The on-call engineer is responsible for resolving the incident.",
        "We take full responsibility for the outage.",
        "There should be clear accountability for each action item.",
        "The node was removed from the cluster.",
        "We fired the alert to the whole team.",
        "It was me who restarted the pod.",
        "A contractor hired last year maintains the cluster.",
        "We typically think of an operator hitting the wrong key on a keyboard.",
        "Any procedure where a single human error can cause an incident is a broken procedure.",
        "Just because someone leaked records doesn't mean there are security problems.",
        "The spate of glitches, which has been blamed on malfunctioning hardware, undermined confidence in the bank.",
        "The spokesperson denied that spending cuts or the structure of the company were to blame for the outage.",
        "The deploy script was to blame.",
    ],
)
def test_blameless_sentences_near_those_shapes_stay_clean(sentence):
    assert _blame_codes(sentence) == set()


# Blame and punishment talked about in general, things set side by side, schedules slipping,
# beliefs and denials: clean shapes near blaming ones, each beside one that must still be found.
@pytest.mark.parametrize(
    "sentence",
    [
        "When there are strong punishments people are afraid to report mistakes.",
        "If an employee is fired the boss will know more than the rest of the team.",
        "The carrier said an internal issue and not a cyberattack was to blame for the outage.",
        "A misconfigured cache rather than the network was to blame.",
        "Of course, deadlines have been missed and will need to be pushed back.",
        "The SLA was missed for the third month.",
        "I really don't think you could have seen that one coming!",
        "I doubt the operator could have known the flag was wrong.",
        "I thought I broke the build, but it looks like I didn't.",
        "Did I do something wrong",
        "Why was the pull request not reviewed by another developer",
        "The pull request was not reviewed by another developer.",
        "The migration was never approved by a second engineer.",
        "If they're privately blaming the person for the incident, it's still not a blameless post mortem.",
        "If you blame the operator, you learn nothing.",
        "Hence it is so important to be extra cautious, to have all manner of safeguards.",
        "The review should be shameless, not shaming any person that they brought down the system.",
        "Without blaming the engineer who deleted the table, we rebuilt the index.",
        "This range of human error sources needs to be carefully considered when designing a plan.",
        "The team did whatever it did, good/bad/brilliant/stupid, no single person is responsible for an incident.",
        "When a spend is rebased, we don't update the item in the mempool.",
        "We only test changes with the latest SDK but then we release it to customers on older versions, without testing.",
        "Should an engineer accidentally push a bad config, the canary stops it.",
        "Anyone could have made that mistake.",
        "Nobody forgot anything; the alert never fired.",
        "The certificate was forgotten by the renewal job.",
        "The company said the outage was not caused by an employee.",
        "A spokesperson said the company was investigating whether human error played a role.",
        "An engineer noticed the wrong certificate was being served and rolled back.",
        "The team forgot nothing; the checklist simply had no step for it.",
        "According to the company, the engineer did nothing wrong.",
        "The intern made no mistake.",
        "Blaming the operator would have taught us nothing.",
        "The moment people fear being blamed, they hide details.",
        "This kind of failure indicates process problems, regardless of whether or not laziness was also present.",
        "\"We don't believe any employee acted improperly,\" a spokeswoman said.",
    ],
)
def test_general_and_coordinated_shapes_stay_clean(sentence):
    assert _blame_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("When he was fired, the team lost its only DBA.", "PM508"),
        ("If anyone should have resigned over the incident, it is the manager.", "PM508"),
        ("The contractor and not the software was to blame for the outage.", "PM503"),
        ("The engineer rather than the script was to blame.", "PM503"),
        ("The warning was missed and the disk filled up.", "PM507"),
        ("I think you could have seen that one coming.", "PM505"),
        ("The operator could have checked the flag.", "PM505"),
        ("I thought I was on staging and I accidentally deleted the production table.", "PM507"),
        ("Did you know that the engineer deleted the production table?", "PM507"),
        ("Why did the developer forget to check the endpoint?", "PM507"),
        ("We released it to customers without testing.", "PM507"),
        ("We didn't update the item in the mempool.", "PM507"),
        ("They release it to customers without testing.", "PM507"),
        ("An engineer accidentally pushed a bad config.", "PM507"),
        ("The certificate was forgotten by the on-call engineer.", "PM507"),
        ("The pull request was not carefully reviewed by one of our senior engineers.", "PM507"),
        ("The patch was not reviewed by any of the senior developers.", "PM507"),
        ("If anybody is to be blamed for not noticing the bot, it is on me.", "PM503"),
        ("When he was blamed for the outage, the team lost its only DBA.", "PM503"),
        ("It is important for the team to be more careful.", "PM503"),
        ("The engineer deleted the wrong table, not the backup.", "PM507"),
        ("We blamed nobody, but the engineer deleted the wrong table.", "PM507"),
        ("The report lists the types of human error that caused the outage.", "PM502"),
        ("The admin was lazy/careless.", "PM503"),
        ("The outage was caused by an employee.", "PM507"),
        ("The engineer forgot to renew the certificate.", "PM507"),  # PM503's lapse on the same words is told by PM507
        ("The company said human error played a role.", "PM502"),
        ("The engineer saw the warning and deployed the wrong build anyway.", "PM507"),
        ("The engineer did something wrong.", "PM507"),
        ("The engineer made a typo in the hostname.", "PM507"),
        ("The operator would have caught it if he had looked.", "PM505"),
        ("Accidentally, an engineer ran the cleanup against production.", "PM507"),
        ("The intern was blamed for the outage.", "PM503"),
        ("The admin was lazy and careless.", "PM503"),
    ],
)
def test_blame_near_the_general_shapes_is_still_found(sentence, code):
    assert code in _blame_codes(sentence)


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Thinking that the operator might just be hitting the enter key multiple times I changed the default.", False),
        ("The answer could simply be a timeout.", False),
        ("The operator could just have hit enter twice.", True),
        ("The data could easily be recovered by the operator.", True),
    ],
)
def test_a_guess_about_what_is_is_not_hindsight(sentence, found):
    codes = {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=["PM504"])}
    assert (codes == {"PM504"}) is found


@pytest.mark.parametrize(
    "sentence",
    [
        # a quantifier before a plural role or team: such people in general
        "Most teams do retrospectives wrong after major problems.",
        "Many engineers skip the canary stage when they are rushed.",
        # a counterfactual in a wh-clause, the object of a gerund that is the subject
        "Saying what people should have done is a satisfying way to describe failure.",
        "Asking why the engineer should have rolled back sooner explains nothing.",
        # care asked of people in general, the asking named as a gerund or an infinitive
        "Telling people to be more careful will make the problem go away.",
        "It is pointless to remind everyone to be vigilant.",
        # fault asked about, not assigned
        "Is it the individual's fault?",
        "Was it really the operator's fault, or the tooling's?",
        # the term as a label someone may put on an incident
        "When analysing an incident, it can be tempting to use human error as a root cause.",
        "You close the file, label it operator error, and move on to your next meeting.",
        # a mishap as the object of what made it possible
        "Find the system problems that allowed the fuckup to happen.",
    ],
)
def test_talk_about_people_errors_in_general_stays_clean(sentence):
    assert _blame_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("The engineers did the retrospective wrong.", "PM507"),
        ("The engineers forgot to rotate the keys.", "PM507"),
        ("What he should have done is roll back.", "PM505"),
        ("We told the engineer to be more careful.", "PM503"),
        ("It is the individual's fault.", "PM503"),
        ("They labelled it human error.", "PM502"),
        ("The root cause was human error.", "PM502"),
        ("It's a huge fuckup in itself.", "PM503"),
        # one member of a group is a person, not the group in general
        ("One of our engineers made a bad database migration that caused discrepancies.", "PM507"),
        ("During this deployment one of the technicians forgot to copy the new code onto one of the servers.", "PM507"),
    ],
)
def test_blame_beside_talk_in_general_is_still_found(sentence, code):
    assert code in _blame_codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A blame culture treats incidents as individual failures — someone made a mistake, and they need to be held accountable.",
        "The old view says: the operator made a mistake and must be retrained.",
        "While employers could technically take disciplinary action around lateness, they may want to be more lenient.",
        "Employees who violate the policy may be subject to disciplinary action, up to and including termination.",
        "Is the engineer to blame?",
        "Any engineer could have made the same mistake.",
        "A lack of investment in technology and staff training has been blamed for two network glitches that crashed systems.",
        "The cat looks at you as if this was somehow your fault.",
        "We do it because the engineer who made the change has the most context about what happened.",
        "But effective incident investigations are not about proving that somebody made an error.",
        "I'm so sorry, I blame GoDaddy (that's always easy, right?).",
        "The first major outage produces a flurry of decisions: who should have been paged, how the runbook should have been structured.",
    ],
)
def test_a_view_described_and_sanctions_employers_may_take_stay_clean(sentence):
    assert _blame_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("The engineer made a mistake — he needs to be held accountable.", "PM507"),
        ("The engineer made a mistake — he needs to be held accountable.", "PM503"),
        ("The company could take disciplinary action against the engineer.", "PM508"),
        ("Employers took disciplinary action against the engineer.", "PM508"),
        ("The employees who leaked the data may face disciplinary action.", "PM508"),
        ("The engineer is to blame.", "PM503"),
        ("The engineer could have rolled back sooner.", "PM505"),
        ("The intern was blamed for the outage.", "PM503"),
        ("This was somehow your fault.", "PM503"),
        ("The outage occurred because a developer ran an ELB purge job.", "PM507"),
        ("The logs show that the engineer made a mistake.", "PM507"),
        ("I blame Dave.", "PM503"),
        ("The staging environment should have been checked beforehand.", "PM505"),
        ("Employees and contractors making a series of blunders caused the outage.", "PM507"),
        ("An AWS engineer debugging an S3 billing issue mistakenly removed a larger set of servers.", "PM507"),
    ],
)
def test_blame_beside_a_view_or_a_possible_sanction_is_still_found(sentence, code):
    assert code in _blame_codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # "blame" as a noun joined to another noun, or sought rather than laid
        "There are two outcomes: blame and Root Cause Analysis.",
        "People dread these reports, fearing they are about placing blame or getting someone in trouble.",
        "The goal is not to find who to blame.",
        "We were asked to find someone to blame.",
        # a practice: the present or the gerund with people of a kind as the object
        "In many companies managers blame individual contributors.",
        "It is much the same as blaming people for incidents.",
        "Worse, blaming the person without fixing the cause does not fix the problem.",
        # a slip blamed as a thing, blame laid on a company, a judging noun denied
        "Market insiders blamed a fat finger error.",
        "The official report laid the blame for the blackout on FirstEnergy.",
        "The outage was not caused by any carelessness on the technician's part.",
        # supposed, still to be proved, said as a rule, held by a view
        "If there is gross negligence, it will be dealt with separately.",
        "The employer must show that an employee caused the damage.",
        "This kind of fat-fingered typo happens more often than people think.",
        "Every time there is an outage, some kid says someone is getting fired for it.",
        "This approach assumes negligence.",
        "The investigation will often conclude that the operator failed to follow the procedure.",
        "We easily judge people, who failed to take proper actions.",
        "Its purpose is not to pursue action against a person or agency.",
        "Organizations must back integrity norms with disciplinary action for information suppression.",
        "We restarted the database without risking data loss.",
        "In a just culture, organizations balance accountability and learning, while addressing reckless behavior.",
        "Organizations must address reckless behavior.",
        "Mishaps may be categorised from mistakes, carelessness, recklessness, through to malicious intent.",
        "When a sysadmin screws up, the tooling should catch it.",
    ],
)
def test_talk_about_blame_and_what_is_said_as_a_rule_stay_clean(sentence):
    assert _blame_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("They blamed the intern and moved on.", "PM503"),
        ("The managers blamed the engineers for the outage.", "PM503"),
        ("The official report laid the blame for the blackout on the operator.", "PM503"),
        ("The outage was caused by carelessness on the technician's part.", "PM503"),
        ("It was not a failure of the tooling but negligence by the operator.", "PM503"),
        ("Management blamed the outage on a fat-fingered engineer.", "PM503"),
        ("Who is to blame?", "PM503"),
        ("The employer showed that an employee caused the damage.", "PM507"),
        ("The investigation concluded that the operator failed to follow the procedure.", "PM505"),
        ("The engineers failed to follow the procedure.", "PM505"),
        ("Last week the employee got fired.", "PM508"),
        ("The company must take disciplinary action against the engineer.", "PM508"),
        ("He deployed the change without running the tests.", "PM507"),
        ("Reckless behavior caused the outage.", "PM503"),
        ("The contractor shows reckless behavior.", "PM503"),
        ("His reckless behavior caused the outage.", "PM503"),
        ("There is a degree of incompetence from the engineer's side too.", "PM503"),
        ("Carelessness caused the outage.", "PM503"),
        ("When the sysadmin screwed up, nobody noticed.", "PM507"),
    ],
)
def test_blame_beside_talk_about_blame_is_still_found(sentence, code):
    assert code in _blame_codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # said of everybody, on a present "when", with a phrase of frequency
        "It's one of the unwritten laws of physics: At some time or another, everybody screws up.",
        "When things go wrong, people still need to get fired, right?",
        "Software engineers screw up all the time.",
        "Developers forget to update docs.",
        # luck and systems after a modal, a risk now, an idea, a clause with no past
        "Things could easily have turned out a lot worse.",
        "Despite a dozen tries, the test server would simply not talk to the other computers.",
        "A developer could easily delete the table with this script.",
        'The question "what changed?" had an obvious answer, and I implemented it.',
        "I have not load-tested the server and obviously this depends on the underlying resources, but given C10k was twenty years ago, I expect no problem.",
        # how a thing works, a lapse a thing explains, a practice, a response credited
        "The HTML loads, because I excluded main_frame.",
        "The on-call engineer missed the first page because it was routed to the wrong rotation.",
        "The reviewer overlooked the change because the diff was 3,000 lines long.",
        "Instead of asking who made the mistake, we ask what made it possible.",
        "If Alice had not noticed the spike, we would have found out from customers.",
        "Most people would have done the same thing.",
        # a fact weighed, a temptation named
        "The stupid thing is that the fix was one line.",
        "The dumbest part of the outage was the retry storm.",
        "It's tempting to blame the operator.",
        # whatever a relative clause leaves open; a modifier that is not the object
        "We review the timeline and add anything we have missed.",
        "The more specific I made the detection for the most dangerous account, the less the aggregate saw of it.",
        # what could not be done
        "We felt that we couldn't wait and let down the faculty.",
        "The operator could not verify the backup.",
        # the writer's own upkeep
        "I removed the branch protection rules that prevented it from being deleted, you can remove it now.",
        # how something was said
        '"It was a mistake," a spokesperson said, without giving details.',
        # advice
        "Make sure you don't run this on production.",
    ],
)
def test_rules_facts_and_credits_stay_clean(sentence):
    assert _blame_and_hindsight_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("When the engineer deleted the table, he got fired.", "PM508"),
        ("The responder could simply have rolled back.", "PM504"),
        ("The job could simply have been re-run.", "PM504"),
        ("He could just restart the pod, but he didn't.", "PM504"),
        ("He obviously forgot the flag, and the job failed.", "PM504"),
        ("Obviously, nobody read the log.", "PM504"),
        ("The site is down because someone deleted the DNS record.", "PM507"),
        ("The engineer missed the alert because he was asleep.", "PM507"),
        ("The reviewer overlooked the change.", "PM507"),
        ("Instead of checking the target, the engineer ran the script.", "PM507"),
        ("If the engineer had not skipped the test, the bug would have been caught.", "PM505"),
        ("If the engineer had not run the script, the outage would not have happened.", "PM505"),
        ("He did a stupid thing.", "PM503"),
        ("We were tempted to fire him.", "PM508"),
        ("Something we missed caused the outage.", "PM507"),
        ("He ran the most dangerous command.", "PM507"),
        ("The operator did not verify the backup.", "PM507"),
        ("The engineers couldn't wait to get their code running.", "PM507"),
        ("I deleted a chunk of the wiki.", "PM507"),
        ("The engineer sent the email without using BCC.", "PM507"),
        ("They don't test their backups.", "PM507"),
        ("You didn't run the tests.", "PM507"),
        ("Developers forgot to update the docs.", "PM507"),
        ("The developers forget to update the docs.", "PM507"),
        ("A careful operator would have checked the flag.", "PM505"),
    ],
)
def test_blame_beside_rules_facts_and_credits_is_still_found(sentence, code):
    assert code in _blame_and_hindsight_codes(sentence)


def _blame_and_hindsight_codes(sentence: str) -> set[str]:
    return {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=[*_BLAME_CODES, "PM504"])}


# ------------------------------------------------------------------ sanctions said of no one, blaming rejected


@pytest.mark.parametrize(
    "sentence",
    [
        # a sanction in the present that names no one in particular: what a practice brings or a
        # rule allows
        "Under that policy a company can dismiss an employee for any lawful reason.",
        "Leaking a customer list is a valid ground for dismissal in most contracts.",
        "This culture produces disciplinary hearings, written warnings or even termination – a sign that someone has been found.",
        # blaming that the sentence rejects: the act of blaming is the subject of "be" + a rejecting word
        "The notion that we keep blaming the outage on people is misguided.",
        "The constant blaming of operator error is simply counterproductive.",
        # "clearly" between a passive's auxiliary and its participle: how a thing was done
        "After the review the new procedure was clearly communicated to the engineers.",
    ],
)
def test_sanctions_of_no_one_rejected_blame_and_manner_stay_clean(sentence):
    assert _blame_and_hindsight_codes(sentence) == set()


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Amazon sacks employee over data breach", "PM508"),  # a headline's bare role is one person
        ("The company can now dismiss the engineer.", "PM508"),
        ("Heads will roll for this.", "PM508"),
        ("The engineer was blamed for the outage.", "PM503"),
        ("Management blamed the DBA, which is unfair.", "PM503"),
        ("They blamed operator error for the outage.", "PM502"),
        ("The warning was clearly ignored by the operator.", "PM504"),
        ("Clearly the engineer ignored the warning.", "PM504"),
    ],
)
def test_blame_beside_sanctions_of_no_one_rejected_blame_and_manner_is_still_found(sentence, code):
    assert code in _blame_and_hindsight_codes(sentence)


# ------------------------------------------------------------------ one finding per act


def _codes_at(text: str, select=None):
    return sorted((d.col, d.code) for d in lint_text(f"## Summary\n\n{text}\n", select=select))


def test_an_actor_named_and_blamed_for_one_act_is_told_once_by_the_rule_of_the_act():
    # PM501 names "he"; PM507 blames "he" for the act, from the same word: PM507 tells it
    sentence = "Later that night he accidentally wiped the production database."
    assert _codes_at(sentence, select=["PM501", "PM507"]) == [(18, "PM507")]
    assert _codes_at(sentence, select=["PM501"]) == [(18, "PM501")]  # alone, PM501 still reports it
    # a lapse PM503 reports on the very words PM507 blames is told once too
    assert _codes_at("The engineer forgot to renew the certificate.", select=["PM503", "PM507"]) == [(1, "PM507")]
    # a judgement beside the act is another finding
    assert _codes_at("The release engineer was arrogant and skipped the canary.", select=["PM503", "PM507"]) == [
        (1, "PM503"), (1, "PM507")]


def test_suppressing_the_finding_of_the_act_shows_the_one_it_outranked():
    text = "<!-- postmortem: disable=PM507 -->\nLater that night he accidentally wiped the production database."
    assert _codes_at(text, select=["PM501", "PM507"]) == [(18, "PM501")]


_QUOTED_BLAME = "An employee accidentally deleted the records, and Dave should have checked."


@pytest.mark.parametrize(
    "text",
    [
        f'The spokeswoman said: "{_QUOTED_BLAME}"',
        f"The customer wrote “{_QUOTED_BLAME}” in the ticket.",
        f"The customer wrote ‘{_QUOTED_BLAME}’ in the ticket.",
        f"The customer wrote „{_QUOTED_BLAME}“ in the ticket.",
        f"The customer wrote «{_QUOTED_BLAME}» in the ticket.",
        f"> {_QUOTED_BLAME}",
        f"The support lead pasted `{_QUOTED_BLAME}` into the channel.",
        f"[14:03] support: {_QUOTED_BLAME}",
    ],
)
def test_what_was_said_is_quoted_exactly_and_not_judged(text):
    """Text in quotation marks, blockquotes, code and quoted chat lines is what someone said or
    wrote: the author quotes it exactly, and the blame rules judge only the author's own words."""
    assert _blame_codes(_QUOTED_BLAME) >= {"PM505", "PM507"}  # the same words unquoted are reported
    assert _blame_codes(text) == set()


@pytest.mark.parametrize(
    "sentence, reported",
    [
        # a pronoun is no name: PM507 judges it as the actor, PM501 and PM506 never name it
        ("He forgot to renew the certificate.", {"PM507"}),
        ("They forgot to renew the certificate.", {"PM507"}),
        ("It forgot to renew the certificate.", set()),
        # what a person said is not what they did: the failure belongs to the reported clause
        ("She said the deploy broke the cache.", set()),
        ("Priya said the engineer forgot to renew the certificate.", {"PM506", "PM507"}),
        ("The on-call engineer told the team the migration corrupted the index.", set()),
    ],
)
def test_pronouns_and_speakers_are_not_named_culprits(sentence, reported):
    found = {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=["PM501", "PM504", *_BLAME_CODES, "PM506"])}
    assert found == reported


@pytest.mark.parametrize(
    "sentence, code, who",
    [
        ("Support misread the ticket and escalated to the wrong team.", "PM507", "Support"),  # a department
        ("Security forgot to rotate the key.", "PM507", "Security"),
        ("Paramdeep mistyped one of the URLs.", "PM501", "Paramdeep"),  # no English word: a name
    ],
)
def test_a_capitalised_department_is_a_group_not_a_name(sentence, code, who):
    found = [f for f in lint_text(f"## Summary\n\n{sentence}\n", select=["PM501", "PM506", "PM507"])]
    assert {f.code for f in found} - {"PM506"} == {code}
    assert any(who in f.message for f in found if f.code == code)


@pytest.mark.parametrize(
    "sentence, reported",
    [
        # a role with an "of" phrase is the subject of the counterfactual after it
        ("The author of the change should have tested it in staging.", {"PM505"}),
        ("The owner of the service should have rotated the key.", {"PM505"}),
        # not a role inside another noun phrase's prepositional phrase
        ("A review by the author of the change would have caught the typo earlier.", set()),
    ],
)
def test_a_counterfactual_reaches_a_role_across_its_of_phrase(sentence, reported):
    assert {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=["PM505"])} == reported


@pytest.mark.parametrize(
    "sentence, reported",
    [
        # a sanction decided is recorded as much as one carried out
        ("The engineer will be fired.", {"PM508"}),
        ("The on-call engineer will be sacked after the review.", {"PM508"}),
        # not a sanction denied, one supposed, or a system that fires
        ("The engineer will not be fired.", set()),
        ("The engineer would be fired at many companies.", set()),
        ("The alert will be fired again at 14:00.", set()),
    ],
)
def test_a_sanction_decided_for_a_person_is_punishment(sentence, reported):
    assert {f.code for f in lint_text(f"## Summary\n\n{sentence}\n", select=["PM508"])} == reported
