"""
## What it does
Checks that each action item starts with an imperative verb: "Add", "Migrate", "Document",
"Rotate". Wishes and descriptions are reported: "Better monitoring", "Alerting should be
added", "The team will add…", "We should…", "Maybe add…", "Need a runbook…",
"Adding an alert…", and subjects whose first word can also be read as a verb ("Engineer A
will be more careful next time", "Release process should include…", "Drift checker added", "auditd already records who ran what as root", "Pod can move
freely", a noun the tables know only as a noun before a nominalisation: "Backup automation
(pg_basebackup)", a word that heads noun compounds before a noun and a preposition: "Alert
system for detecting inconsistencies within 1 hour", a word ending like a noun that the tables do not know: "dependency audit
triggered by review of …",
"DevEx has placed an action item on our development roadmap…", "Deploy to staging as part of
the CI/CD should prevent this sort of issue", "Linter on kubectl delete --all to flag
cluster-scoped resources"; a verb of checking before the clause it checks keeps its verb: "Verify
embedding generation is enabled for …"). The hint turns the item round from its own words: "Backup policy
needs to be defined" becomes "Define backup policy".
A ticket id, "Please", an adverb ("Immediately rotate…"; an adjective of frequency opens a
noun phrase: "Monthly check added: …"), a connector ("Instead, use…"), a
phrase of time or sequence closed by a comma or a colon ("Going forward, add…",
"Short-term: pin…") or a leading condition ("If a pod doesn't start in time, …") may come
first, and what follows it is judged; "Do not" / "Never" are instructions too. A label in
front of the instruction is not a verb, whatever its first word can also be: one word or a
Title Case noun phrase headed by a nominalisation or a plural, or a numbered one ("Task 1:",
"Step 2:"), closed by a colon ("Task: Set up monitoring tools to track SSH authentication
failures…", "Task 2: Configure additional network traffic monitoring on firewall.", "Code Review Updates: Update the
code review checklist…", "Query Optimization: Conduct periodic reviews…", "Query Optimization: Regularly review and optimize
database queries…"; a noun phrase whose first word is no opening verb may end in any noun:
"Pre-project Review: Ensure all external APIs … are reviewed…"); a heading that is
itself an instruction ("Fix the pipeline: …", "Enhance Monitoring: …", a verb before the
product it acts on: "Patch Redis Servers: …", a verb on a ticket such as
"Close #92: route the default receiver …") is fine, and so is a verb whose object a colon
spells out, whatever modal the content holds ("Create coding standard: All external service
calls must have error handling"). A modal inside brackets or after a dash belongs to an aside,
not to the item ("Document the pattern (in short: a manual edit is reverted, tests must bypass
it) in the runbook", "Review the stale build agents — Last rebuilt in May 2026 …" start with
their verbs), and a product's name before a colon is a label like any noun phrase ("Uptime
Kuma: add a monitor for the backup host"). A dash closes a label as a colon does ("Instance
backup — export the data folder nightly"; "Clean the image registry — delete old image versions
…" is a heading that is itself an instruction). A word no table knows as a verb, a plural noun
and "are" make a statement ("Offsite snapshots are now encrypted"), and a noun with a
nominalisation before its complement a noun phrase ("Job deduplication for webhook retries"). A label
followed by no instruction at all names something and asks nothing ("Query Optimization
Quest: A journey into the heart of our database queries …"); a short adverbial closed by a
comma ("In addition, add …", "In particular, have …") comes before the verb, and so does a
leading condition closed by a comma, however long. A heading whose first word can be a verb is
a label when its first two words recur as a noun phrase in the instruction after the colon
("Load balancer redundancy: Introduce a redundant load balancer setup …", "File Extension
Policy: Establish a file extension naming convention").

## Why it matters
An item that starts with a verb says what someone will do; a noun phrase or a wish says
what someone would like to exist, and nobody knows when it is done or who starts it.

## Example
```markdown
| A1 | Better monitoring of replication lag | detect | dba-team | P2 | 2026-04-15 | open |
```

## Use instead
```markdown
| A1 | Add an alert when replication lag exceeds 60 s for 5 min | detect | dba-team | P2 | 2026-04-15 | open |
```
"""

from ..rule import Finding, Severity
from ._actions import action_cells, imperative_rewrite, not_verb_first_span, verb_first

CODE = "PM301"
NAME = "action-not-verb-first"
SEVERITY = Severity.ERROR


def check(doc, ctx):
    for item, cell, an in action_cells(doc):
        if verb_first(an):
            continue
        start, end = not_verb_first_span(an)
        words = cell.prose.text[start:end]
        rewrite = imperative_rewrite(an, cell.prose.text)
        hint = (
            f"Start with what will be done, in the imperative: \"{rewrite}\"."
            if rewrite
            else "Start with what will be done, in the imperative: \"Add …\", \"Migrate …\", \"Document …\"."
        )
        yield Finding(cell.prose.span(start, end), f"action item {item.id or '?'} does not start with a verb: {words!r}", hint)
