"""Generate a synthetic archive of realistic post-mortems for benchmarks.

Deterministic: the same ``--seed`` and ``--count`` always write the same files, byte for
byte. Each post-mortem has about 1,200 words, every section of the template, a timeline,
contributing factors and 5–10 action items; severities vary, and about 5% of the files
carry one finding (a vague action item, a timeline row without timezone, a blaming
sentence) so the linter has real work to report.

    python bench/generate.py --count 1000 --out bench/out/archive-1000

writes ``OUT/postmortems/*.md``, ``OUT/postmortems/owners.yml`` and ``OUT/pyproject.toml``.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

SERVICES = [
    "checkout-api", "payments-db", "search-api", "search-indexer", "identity-api", "session-store",
    "kafka-events", "billing-worker", "mobile-gateway", "cdn-edge", "dns-resolver", "k8s-platform",
    "notification-service", "inventory-api", "recommendations", "reporting-warehouse",
]
TAGS = [
    "database", "deploy", "config-change", "capacity", "dns", "certificates", "failover",
    "dependency", "networking", "cache", "queue-backlog", "feature-flag", "rate-limiting",
    "storage", "observability", "third-party",
]
OWNERS = {
    "sre-team": "Site reliability engineering",
    "platform-team": "Kubernetes clusters and shared infrastructure",
    "payments-team": "Checkout and payments",
    "identity-team": "Login and sessions",
    "search-team": "Search and indexing",
    "data-platform-team": "Kafka and the event pipeline",
    "dba-team": "Relational databases",
    "release-eng": "CI/CD and deploy tooling",
    "network-team": "DNS, load balancers and CDN",
    "incident-commander": "Incident commander role",
}
SEVERITIES = ["SEV1"] * 1 + ["SEV2"] * 3 + ["SEV3"] * 4 + ["SEV4"] * 2
DETECTION = ["monitoring-alert"] * 5 + ["user-report", "customer-support", "manual-discovery", "automated-test"]
TRIGGERS = [
    ("a configuration change to the {svc} connection limits", "config-change"),
    ("a deploy of {svc} that changed the retry policy", "deploy"),
    ("a certificate on the {svc} load balancer that expired", "certificates"),
    ("a disk on the {svc} primary that filled with write-ahead logs", "storage"),
    ("a DNS record for {svc} that was published with a one-day TTL", "dns"),
    ("a feature flag that enabled a new query path in {svc}", "feature-flag"),
    ("a burst of traffic that exceeded the {svc} rate limits", "capacity"),
    ("a failover of the {svc} database to a replica in another zone", "failover"),
    ("an upstream provider outage that slowed {svc} responses", "third-party"),
    ("a cache eviction storm after the {svc} cache nodes were resized", "cache"),
]
SYMPTOMS = [
    "returned HTTP 503 for a share of requests",
    "answered with latency above the 2-second objective",
    "dropped messages that then had to be replayed",
    "served stale results for several minutes at a time",
    "rejected logins with a generic error page",
    "stopped processing the queue until it was restarted",
]
WENT_WELL = [
    "The error-rate alert fired within minutes of the first failed requests.",
    "The runbook for a rolling restart was current and worked as written.",
    "Responders shared a single incident channel, which kept the timeline easy to reconstruct.",
    "The feature flag allowed the new code path to be switched off without a deploy.",
    "Customer support had a status page update published within twenty minutes.",
    "Dashboards for the affected service showed the saturation clearly once they were opened.",
    "The rollback pipeline completed in under five minutes.",
]
IMPROVE = [
    "The alert threshold was set for total traffic, so a regional failure stayed below it for a while.",
    "The runbook did not describe how to confirm that clients had reconnected after a failover.",
    "The deploy pipeline promoted the change to every region at once instead of one region first.",
    "Capacity dashboards showed averages, which hid the saturation of individual nodes.",
    "The dependency between the two services was not written down anywhere responders could find it.",
    "Escalation to the owning team depended on a manual page rather than the alert routing.",
]
LESSONS = [
    "A change is only finished when its effect has been observed in production, not when the pipeline is green.",
    "Averages hide the node that is on fire; alert on the worst instance as well as the mean.",
    "Every automatic failover needs a check that clients followed it.",
    "Regional rollouts turn a global outage into a regional one at the cost of a few hours.",
    "Documentation that lives next to the alert is the documentation that gets read during an incident.",
]
ACTIONS = [
    ("Add an alert when the {svc} error rate exceeds 2% for 5 minutes in any single region", "detect"),
    ("Add a dashboard panel showing connection counts per {svc} node", "detect"),
    ("Add a synthetic check that logs in through {svc} every minute from three regions", "detect"),
    ("Enable connection validation on borrow in the {svc} client pool", "prevent"),
    ("Roll out {svc} deploys one region at a time with a 30-minute bake between regions", "prevent"),
    ("Set the {svc} DNS TTL to 300 seconds and document the change procedure", "prevent"),
    ("Automate certificate renewal for the {svc} load balancer 30 days before expiry", "prevent"),
    ("Add a circuit breaker between {svc} and its upstream with a 1-second timeout", "mitigate"),
    ("Write a runbook section for restarting {svc} pods region by region", "mitigate"),
    ("Replay the 4,200 dropped {svc} messages from the dead-letter queue", "repair"),
    ("Measure {svc} replica lag during failover drills and record the figures in the runbook", "investigate"),
    ("Document the dependency between {svc} and its callers in the service catalogue", "document"),
    ("Add the {svc} failover check to the quarterly game day checklist", "process"),
]
FINDINGS = ["vague-action", "missing-timezone", "blaming-sentence"]
STATUSES = ["done", "done", "done", "in-progress", "open", "blocked"]
FILLER = [
    "The on-call engineer compared the error graphs for each region and saw that only one region was affected.",
    "Request logs showed that the failures clustered on a subset of pods that had been rescheduled earlier that day.",
    "Metrics from the load balancer confirmed that healthy backends were available throughout the incident.",
    "The incident commander asked the owning team to join the bridge once the scope was clear.",
    "Responders agreed to roll back first and investigate afterwards, which shortened the impact.",
    "A comparison with the previous week's traffic ruled out an unusual spike in demand.",
    "The team checked recent changes in the deploy log and the configuration repository.",
    "Support tickets arrived at roughly three times the usual rate during the first half hour.",
    "Tracing data showed the extra latency inside the database client rather than in the network.",
    "After the mitigation, error rates returned to the baseline within two minutes.",
]


def _words(text: str) -> int:
    return len(text.split())


def write_archive(out: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    archive = out / "postmortems"
    if archive.exists():
        shutil.rmtree(archive)
    archive.mkdir(parents=True)
    (archive / "owners.yml").write_text(
        "owners:\n" + "".join(f"  {k}: {v}\n" for k, v in OWNERS.items()), encoding="utf-8"
    )
    (out / "pyproject.toml").write_text('[tool.postmortem]\narchive = "postmortems"\n', encoding="utf-8")
    base = datetime(2021, 1, 4, tzinfo=timezone.utc)
    span_minutes = 6 * 365 * 24 * 60
    written = []
    per_year: dict[int, int] = {}
    starts = sorted(base + timedelta(minutes=rng.randrange(span_minutes)) for _ in range(count))
    for index, started in enumerate(starts):
        started = started.replace(second=0, microsecond=0)
        per_year[started.year] = per_year.get(started.year, 0) + 1
        id_ = f"PM-{started.year}-{per_year[started.year]:04d}"
        finding = FINDINGS[index % 3] if rng.random() < 0.05 else None
        text, slug = _postmortem(rng, id_, started, finding)
        path = archive / f"{started:%Y-%m-%d}-{slug}-{index:05d}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _postmortem(rng: random.Random, id_: str, started: datetime, finding: str | None) -> tuple[str, str]:
    severity = rng.choice(SEVERITIES)
    services = rng.sample(SERVICES, rng.randint(1, 3))
    svc = services[0]
    trigger, tag = rng.choice(TRIGGERS)
    trigger = trigger.format(svc=svc)
    tags = sorted({tag, *rng.sample(TAGS, rng.randint(1, 3))})
    symptom = rng.choice(SYMPTOMS)
    detect = started + timedelta(minutes=rng.randint(2, 45))
    ack = detect + timedelta(minutes=rng.randint(1, 15))
    mitigated = ack + timedelta(minutes=rng.randint(10, 240))
    resolved = mitigated + timedelta(minutes=rng.randint(15, 600))
    users = rng.choice([rng.randint(50, 250_000), "unknown"])
    title = f"{svc} {symptom.split(' ', 1)[0]} {rng.choice(['errors', 'latency', 'outage', 'degradation'])} after {tag.replace('-', ' ')}"
    title = title[0].upper() + title[1:]
    stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:00Z")  # noqa: E731
    status = incident_status = rng.choice(["published", "published", "closed", "in-review"])
    owners = list(OWNERS)

    lines = [
        "---",
        f"id: {id_}",
        f'title: "{title}"',
        f"status: {status}",
        f"severity: {severity}",
        f"services: [{', '.join(services)}]",
        f"tags: [{', '.join(tags)}]",
        "visibility: internal",
        f"authors: [{rng.choice(owners[:-1])}, incident-commander]",
        "responders: [incident commander, on-call engineer]",
        f"started: {stamp(started)}",
        f"detected: {stamp(detect)}",
        f"acknowledged: {stamp(ack)}",
        f"mitigated: {stamp(mitigated)}",
        f"resolved: {stamp(resolved)}",
        f"detection_method: {rng.choice(DETECTION)}",
        "impact:",
        f'  summary: "Requests to {svc} {symptom} for part of the incident."',
        f"  users_affected: {users}",
        f"  data_loss: {rng.choice(['none', 'none', 'none', 'unknown'])}",
        f"  slo_budget_consumed: {rng.randint(1, 80)}",
        "related: []",
        *([f"published: {(resolved + timedelta(days=rng.randint(3, 20))).date()}"] if status in ("published", "closed") else []),
        "---",
        "",
        "## Summary",
        "",
        f"{trigger[0].upper() + trigger[1:]} caused {svc} to degrade. Requests {symptom}. "
        f"The on-call engineer was paged at {detect:%H:%M} UTC and the impact ended at {mitigated:%H:%M} UTC "
        f"after the change was reverted. {rng.choice(FILLER)}",
        "",
        "## Impact",
        "",
        f"- Requests to {svc} {symptom} between {started:%H:%M} and {mitigated:%H:%M} UTC.",
        f"- About {users if users != 'unknown' else 'an unknown number of'} users were affected [ESTIMATE: distinct sessions with an error].",
        f"- Downstream services ({', '.join(services[1:]) or 'none'}) saw elevated retries.",
        "",
        " ".join(rng.sample(FILLER, 4)),
        "",
        "## Timeline",
        "",
        "| Time | Event | Actor | Notes |",
        "|------|-------|-------|-------|",
    ]
    events = [
        (started - timedelta(minutes=rng.randint(3, 30)), f"Change begins: {trigger}", "deploy pipeline"),
        (started, f"Impact begins: {svc} {symptom}", svc),
        (detect, "Error-rate alert fires", "monitoring"),
        (ack, "On-call engineer acknowledges the page", "on-call engineer"),
    ]
    point = ack
    for _ in range(rng.randint(4, 9)):
        point = point + timedelta(minutes=rng.randint(1, max(2, int((mitigated - point).total_seconds() // 600) or 1)))
        if point >= mitigated:
            break
        events.append((point, rng.choice(FILLER).rstrip("."), rng.choice(["on-call engineer", "incident commander", "owning team"])))
    events += [
        (mitigated, "Change reverted; error rate back to baseline", "on-call engineer"),
        (resolved, "Follow-up checks complete; incident resolved", "owning team"),
    ]
    day = None
    for when, event, actor in events:
        time_text = f"{when:%Y-%m-%d %H:%M} UTC" if when.date() != day else f"{when:%H:%M} UTC"
        day = when.date()
        if finding == "missing-timezone" and when == events[0][0]:
            time_text = time_text.replace(" UTC", "")
        lines.append(f"| {time_text} | {event} | {actor} | |")
    factors = rng.sample(
        [
            ("The change was not staged in a single region first", "Process"),
            (f"The {svc} client did not validate pooled connections", "Technical"),
            ("The alert threshold was global rather than per region", "Technical"),
            ("The runbook did not cover this failure mode", "Process"),
            ("An upstream provider degraded without notice", "External"),
            ("The review checklist did not ask for a rollback plan", "Process"),
            ("Responders had no dashboard for per-node saturation", "Technical"),
        ],
        3,
    )
    lines += [
        "",
        "## Root Cause Analysis",
        "",
        "### 5 Whys",
        "",
        f"1. Why did {svc} degrade? Because of {trigger}.",
        f"2. Why did that affect customers? Because requests {symptom}.",
        "3. Why was it not caught before release? The staging environment does not reproduce production load.",
        "4. Why is staging different? Its configuration is maintained separately from production.",
        "5. Why is it maintained separately? The shared configuration module predates the current deploy tooling.",
        "",
        "### Contributing Factors",
        "",
        "| ID | Factor | Category | Contribution | Preventable |",
        "|----|--------|----------|--------------|-------------|",
    ]
    for number, (factor, category) in enumerate(factors, 1):
        lines.append(f"| CF{number} | {factor} | {category} | {'primary' if number == 1 else 'contributing'} | yes |")
    lines += ["", "## What Went Well", ""]
    lines += [f"- {item}" for item in rng.sample(WENT_WELL, 4)]
    lines += ["", "## What Could Improve", ""]
    lines += [f"- {item}" for item in rng.sample(IMPROVE, 4)]
    lines += [
        "",
        "## Action Items",
        "",
        "| ID | Action | Category | Owner | Priority | Due | Status | Addresses |",
        "|----|--------|----------|-------|----------|-----|--------|-----------|",
    ]
    chosen = [a for a in ACTIONS if a[1] == "detect"][:1] + [a for a in ACTIONS if a[1] == "prevent"][:1]
    chosen += rng.sample([a for a in ACTIONS if a not in chosen], rng.randint(3, 8))
    for number, (action, category) in enumerate(chosen, 1):
        due = (resolved + timedelta(days=rng.randint(14, 120))).date()
        text = action.format(svc=svc)
        if finding == "vague-action" and number == 2:
            text = "Improve monitoring"
        # Old incidents have their actions done; a few recent ones are still open or overdue.
        # A closed post-mortem has every action finished.
        done = due.year < 2026 or rng.random() < 0.6 or incident_status == "closed"
        status = "done" if done else rng.choice(["open", "in-progress", "blocked"])
        lines.append(
            f"| A{number} | {text} | {category} | {rng.choice(owners[:-1])} | P{rng.randint(1, 3)} | {due} | {status} | CF{1 if number <= 2 else rng.randint(1, 3)} |"
        )
    lines += [
        "",
        "## Stakeholder Communication",
        "",
        "### Internal Summary",
        "",
        f"The incident channel was opened at {ack:%H:%M} UTC. Engineering leadership received updates every 30 minutes "
        "until mitigation and a written summary the next morning.",
        "",
        "### External Summary",
        "",
        f"On {started:%d %B %Y} between {started:%H:%M} and {mitigated:%H:%M} UTC, some customers saw errors when using "
        f"services that depend on {svc}. The issue has been resolved and no data was lost.",
        "",
        "## Lessons Learned",
        "",
    ]
    lines += [f"- {item}" for item in rng.sample(LESSONS, 3)]
    if finding == "blaming-sentence":
        lines += ["", "Dave pushed the broken config to production."]
    lines += ["", "## Appendix: Investigation Notes", ""]
    body = "\n".join(lines)
    while _words(body) < 1150:
        body += "\n\n" + " ".join(rng.sample(FILLER, 5))
    return body + "\n", f"{svc}-{tag}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="number of post-mortems (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    args = parser.parse_args()
    files = write_archive(args.out, args.count, args.seed)
    print(f"wrote {len(files)} post-mortems to {args.out / 'postmortems'}")


if __name__ == "__main__":
    main()
