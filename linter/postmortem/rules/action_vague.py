"""
## What it does
Reports action items that are vague or have no finish line: open-ended work with no
decision, artefact or finish line ("Investigate grafana-agent memory usage", "Reflect on how
our critical announcements can become more visible", "Figure out how to monitor the critical
CVEs", "look into", "dig into", "consider", "discuss", "understand", "sync with", "try to"), verbs such as "improve", "review",
"ensure" or "enhance" without a concrete object ("Improve monitoring", "Ensure this does not
happen again", "Add more alerting"), and evaluative words in place of a specification
("Implement proactive alerts", "Handle errors on launching servers more gracefully", "Agree on
a sustainable way to release…", "Create new runbooks if needed", "identify problems earlier in
planning", a state that is only qualities: "Ensure they are configurable and actionable"); an
evaluative word in the purpose ("… so we can catch these issues earlier", "Add workspace CTA
for better engagement") is not the item's specification, when the item names the thing it is
for ("Create runbooks for quicker recovery" names only a kind). Also "make X better" in one
verb with no measure, means or target ("Enhance existing error handling in the Content
Interpreter", "Tune the HTTP client kubespawner uses"), objects that are all generic however
many are joined ("Define Ownership and Establish Alerting", "write tests"), an alternative
that is not named ("Switch to a different secret management strategy than what we have now"),
a placeholder ("Update the runbook for service X"), a degree with no measure, told by its word
class: a comparative of quality ("Set up
broader alerting for function and site success rate drops", "Implement stricter controls on
database connection limits"; a comparative of size such as "larger" or "lower" names a direction
and is left alone), an improvement verb's participle used as a modifier ("Implement improved
auto-scaling capabilities"), "as early as possible"; a purpose or a target that is only such a
degree or a quality bounds nothing ("Review health checks and alerting thresholds to ensure
connection failures are surfaced as early as possible", "Enhance configuration management to
better track manually installed services", "Enhance documentation … to raise awareness among
developers"); a verb that raises an amount says better when its object is a quality
("Accelerate planned system resilience updates"); a light verb with an open-ended act named as
a noun is that act ("Conduct a comprehensive review of load balancer configurations for all
services", "Schedule an incident postmortem meeting with all involved teams to discuss lessons
learned"), and so is recurring work by people ("Conduct regular load testing to identify and
address scalability issues", "Implement regular knowledge-sharing sessions to exchange insights
and best practices among team members", "Regularly simulate load balancer failures and traffic
misconfigurations in a controlled environment…"; "Perform regular and tested backups of the
database" names an artefact, a number bounds it: "Regularly rotate the keys every 90 days"); a plan, policy or strategy promised with
nothing said of what it holds ("Define and implement Redis strategy", "Develop a policy around
when to create a new hub and what type of changes get deployed to Datahub!"), a recurring check by people ("Check and
verify Nginx configurations frequently…") and a question whose only numbers describe it
("Investigate the reason why pager duty did not throw an alert for 5xx errors…"; a question
opened by the phrase itself runs to its end: "Check whether the startup conflict is a known
upstream defect in v1.12.0", "Determine why the hypervisor stopped", unless a concrete step
follows, "… and upgrade to the release that fixes it"; so does an option named by a gerund, whose
numbers are the option's: "Consider increasing PR fetch limit from 30 to 50-100 for high-velocity
repos"). An aside after a dash says why, and
its numbers do not end the work ("Consider a rebalancing story for post-eviction pile-up —
Kubernetes does not move pods back, so one node held 68 pods …"). A specific artefact,
threshold, number, scope or date makes an item bounded (a ticket written after the item,
"Improve alerting (OPS-1234)", says where the work is tracked, not what it changes), and so does a concrete next
step or a stated purpose (a second verb that is itself open-ended does not: "Evaluate current
state of synced flags deployment and ensure durability against future outages"): "Investigate and fix memory leak in kubespawner", "Improve p99
latency of the search API to under 300 ms", "Revisit the retry policy to make sure it covers
503 responses" are fine. A capability built or bettered for a goal that names nothing exact
has no finish line either ("Enhance monitoring to detect uneven traffic distribution and server
overloads", "Implement automated monitoring and alerting to promptly detect and respond to
service issues"; "… to include database connection pool metrics" says what it holds), nor has an
alarm whose condition is a judgement of normal or of an amount with no threshold ("Implement
automated alerts for abnormal database activity", "Set up automated alerts for resource-intensive
queries"; "high availability" is a term), recurring work named by an act noun ("Implement regular software
maintenance and updates"), "best practices" as the content ("Update documentation on best
practices for database interactions", "Update internal documentation to include best practices
for load balancer setup and common pitfalls"), monitoring or alerting whose only object is
trouble in general ("Add alerting in Datadog to catch future anomalies", "Utilize monitoring
for Nginx server setups to spot any errors immediately"; "alerts for backup failure" names a
signal), recurring work at a calendar's rhythm ("Schedule quarterly reviews of all SSL
certificates to ensure none are missed"), an item that ends by leaving it open whether to do it
at all ("Require manual testing of new attribute flows where feasible"), a purpose that names
only generic things ("… to ensure they meet system requirements"), work that goes on ("Maintain a documented troubleshooting
guide for similar issues in the future"), watching until a question answers itself ("Monitor
further OpenTelemetry updates to determine if the auto-instrumentation improvements solve the
current issues") and a purpose that names only a quality ("Conduct a thorough review of all
Apache server configurations to ensure consistency and accuracy") or opens with a judgement ("…
to ensure effective learning and implementation of improvements"). Trouble that names no state
of the thing watched is trouble in general too ("Enhance monitoring systems to include more
granular alerts for network and load balancer issues"; "load" in "load balancer" is no signal).
Settings to be changed with only what the change should prevent said ("Patch the load balancer
configuration to prevent similar misconfigurations in the future"), a review joined to a change
with nothing said of the change ("Review and update incident response procedures for swift
resolution"; "Review and adjust ULIMIT values using Puppet manifests" names it), a step after
"and" whose object names nothing ("Enhance monitoring and alert mechanisms"), a value that is a
judgement ("… raising the maximum connection limit to appropriate levels"), a superlative that
does not say which ("Choose the best load balancing algorithm for your programs") and an
open-ended instruction after a heading that is itself one ("Automate Configuration Management:
Continue using Puppet for managing critical configurations …") have no finish line either. A
thing whose function is said is specified: "Implement an easier mechanism for customers to opt in to lazy loading
without opting in to auto-updating". Two verbs joined before the object they share are each
judged with it, as they would be alone ("Fix and improve our alerts for no new blocks being
generated", "Clean up and consolidate release documentation"; "Investigate and fix the race in
the scheduler" is fine); a later step that is open-ended leaves the item open ("Spin up a dev hub
and figure out how to use hubtraf …", "Develop and maintain comprehensive documentation …"); a
recurring act after an instruction used as a heading counts ("Invest in load testing: Regularly
conduct load testing of the search functionality …"). Keeping a thing fresh is a duty with no
finish line ("Keep all the ansible scripts related to Persistence up to date"; "… up to date
with Renovate" or "… automatically" names what keeps it so, "Keep our own apt mirror" is a state
of the system), so are watching with nothing that ends or acts on it ("Monitor memory usage like
a hawk, ready to swoop down at the first sign of trouble"; "Monitor the cluster for non-running
pods and send an alert if the count exceeds a threshold" acts, "Monitor first successful run in
Inngest dashboard" watches one occurrence) and working alongside someone
("Coordinate with Kevin Schneider (or other BEP SMEs) to assess manual claim impact", as "Work
with …" and "Sync with …"). "Comprehensive", "rigorous", "stringent" and "extensive" judge in
place of a specification ("Implement comprehensive monitoring and alerting for application
errors, not just service availability", "Implement rigorous code review processes …") unless
what they cover is spelled out ("… covering cache utilization, response times, and database
performance", "… including …", "… such as …"). A short adverbial before the verb ("In
addition, …", "In particular, …") is not the item's opening. The hint names the item's own
object that needs a finish line. A judgement that only colours a thing named in full is no
specification missing: in a purpose, whatever its verb ("Implement automated testing for the
search service to catch issues earlier"), after a thing bettered by what it is to hold ("Improve
the runbook to include the steps for draining a node"), before monitoring of a named signal
("Implement proactive monitoring of file descriptor usage"); trouble in general named only as
what included signals are for is no watching for trouble ("Enhance alerts to include specific
error codes to quickly identify routing issues"). Recurring work whose first occurrence has a
date ("…, with the first audit to be completed by April 30") and watching over a period
("… over next week") end. A heading that betters a thing is judged by the instruction after its
colon ("Enhance monitoring: Implement comprehensive monitoring for all servers, including memory
usage metrics …"). A modal after a dash opens no instruction: the aside says why and bounds
nothing ("Investigate the route population bug — may be related to the agent version mismatch
(v1.4 against v1.5)"). A hedge on a step that a parenthesis spells out is that step's ("Document
the cache recovery procedure (flush the keys + restart the pods if needed)"; "Set up
cross-region replication (if needed)" leaves the item open). A later step that only says better
is as open as it would be alone ("Upgrade the kernel packages and streamline boot handling to
enhance stability"); steps after "to" are the purpose's ("… to purge expired sessions and
optimize table storage"). An audit or an inspection is an examination like a review, open
unless a concrete step follows, in the next sentence or after a semicolon ("Audit the remaining
tables for unindexed foreign keys. Add the missing indexes."). What is watched for is no end
of the watching ("Monitor the gateway logs for errors"; "… for two weeks" and "the current
migration job" end), and nearness to a limit is an amount judged with no threshold ("Notify the
team of approaching disk limits"). An open-ended verb done again is as open as done once
("Reconsider the cadence of the deploy train", "Re-evaluate the paging policy", "Rethink …"). A
due date at the end of an item that says better says when, not what done looks like ("Enhance
monitoring and alerting system (due by Oct 31, 2023)"); a measure or a means still bounds it. A
state that is only bettered is no finish line ("Review load balancer configurations to ensure
they are optimized for our current traffic load", "Ensure the sshd configuration is hardened";
"… hardened against password logins" names it), and neither is a change whose only purpose is
a degree ("Update incident response procedures to escalate issues to the appropriate team
faster"; "… to include the failover steps" says what it holds). A review joined to a change
stays open when it only names the thing reviewed ("Review and update the MySQL database
configuration"): a name says which, not what changes.

## Why it matters
Vague action items are the ones that stay open forever: nobody can tell when "improve
monitoring" is done, so it never is, and the same incident happens again.

## Example
```markdown
| A1 | Improve monitoring | detect | sre-team | P2 | 2026-04-15 | open |
```

## Use instead
```markdown
| A1 | Add an alert when replication lag exceeds 60 s for 5 min | detect | sre-team | P2 | 2026-04-15 | open |
```
"""

from ..rule import Finding, Severity
from ._actions import action_cells, object_span, vague

CODE = "PM302"
NAME = "action-vague"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    for item, cell, an in action_cells(doc):
        found = vague(an, cell.raw)
        if found is None:
            continue
        start, end, reason = found
        at = next((k for k, tok in enumerate(an.tokens) if tok.start >= start), 0)
        span = object_span(an, at) if "judgement" not in reason else None
        about = " ".join(cell.prose.text[span[0] : span[1]].split()) if span else None  # the words as written
        hint = (
            f"Say what done looks like for {about!r}: a specific artefact, threshold, number, scope or date, e.g. "
            "\"Add an alert when replication lag exceeds 60 s for 5 min\"."
            if about
            else "Say what done looks like: a specific artefact, threshold, number, scope or date, e.g. "
            "\"Add an alert when replication lag exceeds 60 s for 5 min\"."
        )
        yield Finding(cell.prose.span(start, end), f"action item {item.id or '?'} is vague: {reason}", hint)
