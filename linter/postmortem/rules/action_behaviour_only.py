"""
## What it does
Reports action items that only ask people to behave differently: "Be more careful",
"Remind engineers to…", "Educate developers…", "Teach the Product Owners about how to look
up the CVEs", "Pay more attention…", "Double-check the region…", "Actively monitor critical
pipeline executions", "Keep an eye on…", "Know the warning signs: …", "Scrutinize changes to critical
components…", an occasion that is the reader's own act ("Check both layers when you fix",
"When you mirror another system's rules, copy its rules", a gerund with no subject of its own:
"When rotating the signing key, re-sign every release manifest by hand"), rules for people such as "Never re-purpose a
variable", and training in place of a change, whether started or grown ("Create a learning
path for Kubernetes within the team", "Enhance onboarding and training processes to ensure a
comprehensive understanding of system architectures and configurations"). Behaviour is also told by the item's shape: a habit to start or stop ("Stop
treating QA as the final development phase", "Start writing after action reports for future
outages"), a manner of diligence ("Quickly address the actions in postmortems", "proactively
communicate design decisions with other teams"), a message for people ("Communicate that
metric filters should be configured to watch the correct log group", "Note that Ubuntu
non-LTS is on a ~9 month cycle") and a way for people to act ("Make sure we treat any errors
in -dev exactly like we would in prod", "… to ensure that all team members are aware of the
implications"). Rules for people are told by their structure as well: people as the
subject of a duty ("Reviewers and authors should verify the changes being introduced in review
environments"), compliance with a process ("Follow the change management process"), a habit
("Always run a 'Salt highstate' once a machine gets included in the production workload
again", "Never bundle cluster-scoped and namespaced resources in a single --all operation"), a
check by hand under a condition ("When there are multiple reports of student servers not
starting or stopping correctly, check to see if the user pods were run on the same node(s).")
and a state that people are to bring about by hand ("Ensure all code is tested before merge"),
a check people are to repeat at each change ("Test before deploying on all servers no matter
how small an update", "Check every subdomain we have … before switching nameservers", "Ensure
that status of a service whose configuration file has been altered is checked after
restart/reload"; a one-off check that names its object, "Verify the backups of db-3 before
deleting the old volume", is a task) and a habit to avoid ("Avoid using toplevel wildcards on
the DNS level"). So are a step by hand at each event ("Review and test load balancer
configurations after every deployment", "Run sudo update-initramfs -u explicitly after any apt
session that installs or upgrades a kernel"; a step that makes an artefact of a named thing,
"Snapshot the orders database before every schema migration", is a job a pipeline runs), a
check before or after any occasion of a kind ("Test the application before deploying", "… after
a change"; one named event stays a task), an act to repeat on every future occasion of a kind
("Use the incident-review template for future qualifying incidents", "Before future
preserved-disk recovery, assert …"; a thing made once for them, "Add a checklist for future
migrations", and a purpose, "… for future reference", are not), a habit in a second clause ("Avoid using `latest`
tags in production—always pin a stable version"), a way of thinking ("Treat partial or annotated
tokens … as plaintext", "If a credential stops working shortly after a long session, assume
auto-revocation and rotate rather than debugging auth") and an effort ("Endeavour you test your configurations after a change", "Make a pact to
triple-check all configuration changes before unleashing them into the wild", "Try to book a 3
hours dedicated slot time for the migration process"). "Do not perform a migration on both nodes
in the same time slot" is the habit "Never perform …" says, and a check by hand named as a noun
at each change is the same routine as "Test … before deploying" ("Conduct thorough testing of
any changes to infrastructure components, including load balancers, before deploying them to
production environments"). Bettering how people talk or work together asks them to behave
differently ("Enhance our communication with the CapCut app development team to ensure timely
resolution of issues") unless a means is named ("… by adding a status page"). A question put to
someone is no habit: "Ask Grafana support if we should use PVC for grafana-agent". Telling
colleagues what was learnt, as the whole item, changes nothing either ("Document the incident and
share learnings with the team to prevent recurrence", "Document and communicate the incident,
sharing insights with the wider team for learning and awareness"); a report owed to a named
recipient is a task ("Share details on incident with GSA-IR and US-CERT").
An item that names a mechanism (a bot, a hook, CI, an alert, "automatically") is more than a
rule for people. An item that also changes the system ("Remind engineers … and add a pre-deploy
check"), a habit to stop whose object is an identifier (a variable, a flag, a path: "Stop providing
FLUTTER_PREBUILT_ENGINE_VERSION to release branches"), a prohibition the system enforces ("Do not allow loading of the chart for anonymous
users") and a specific rule ("Don't duplicate service key credentials across multiple hubs")
are fine.

Any occasion of a kind is also an act noun with no article ("Test DNS resolution right after
deployment", "Check the Helm values before upgrade"), and the check stays a habit when it names
what it checks; one named event ("… after the rotation on 2027-01-04") stays a task. A way to act
told by the habit it replaces or widens is a maxim for people ("Reload, don't restart, after a
config change", "Record the datastore in capacity reviews, not only the VM topology"), unless the
verb changes the system or amounts are compared; a bare "…, not X" may only pick a setting
("Route SEV1 pages to phone and SMS, not email") and is left alone. Training that is
the item's object is asked of people whatever the verb ("Gather the responders for incident
response training sessions"); "training materials" and "training data" are things.

## Why it matters
People were already trying to be careful. Reminders fade within weeks and do not reach the
next person to join the team; a guard rail, a default or an automated check works for
everyone, every time.

## Example
```markdown
| A1 | Remind engineers to check the target cluster before running migrations | process | dba-team | P2 | 2026-04-15 | open |
```

## Use instead
```markdown
| A1 | Make the migration tool refuse a production cluster without `--confirm-production` | prevent | dba-team | P2 | 2026-04-15 | open |
```
"""

from ..rule import Finding, Severity
from ._actions import action_cells, behaviour_only, people_task

CODE = "PM303"
NAME = "action-behaviour-only"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    for item, cell, an in action_cells(doc):
        found = behaviour_only(an)
        if found is None:
            continue
        start, end, phrase = found
        task = people_task(an, 0)
        hint = (
            f"Change the system so that nobody has to remember to {task.rstrip('.')}: a check that does it, a guard "
            "rail, a safer default or automation, e.g. \"Require a second approval for production config changes\"."
            if task
            else "Change the system so the mistake is hard to make: a check, a guard rail, a safer default or "
            "automation, e.g. \"Require a second approval for production config changes\"."
        )
        yield Finding(cell.prose.span(start, end), f"action item {item.id or '?'} only asks people to behave differently: {phrase!r}", hint)
