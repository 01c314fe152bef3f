"""A restricted post-mortem leaves no trace in any file of the default site build.

One ``mkdocs build --strict`` of a small archive: an ordinary published post-mortem, a
restricted one, and a published twin written from the same template; also the bundled
restricted post-mortem and a published copy of the ordinary one that took its id by mistake
(the linter's duplicate-id finding shown on that page must not name the restricted file). Every frontmatter
field, section, sub-heading, list item, table cell, link, code span and comment of the
restricted post-mortem holds its own canary (``Canary-<field>-rxq7k<NN>``); the twin holds a
marker in the same place (``Marker-<field>-pbz3m<NN>``). The restricted one also has a
severity, a year, services, tags, owners and due dates that no published post-mortem has,
so browse pages, filters, charts, the tracker, the status history and the Atom feed would
show it if it got in, and it names the twin in ``related`` while the twin names it back.

Every built file is then read (Pagefind's compressed files decompressed) and searched for
each canary case-insensitively and for its last part as Pagefind's word index keeps it
(lower-cased, split at hyphens). The twin's markers must be found, in the pages that show
each kind of field: that proves the scan sees every place a canary could leak to.

The build allows lint errors (``POSTMORTEM_ALLOW_LINT_ERRORS=1``) so that canaries can sit
in fields the linter checks (owners, categories, priorities); the restricted post-mortem is
left out all the same, and the lint banners on published pages are one more place a leak
would show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem.parse import parse_file

from .sitebuild import CANARY, ROOT, archive_config, build, site_bytes, site_files, temp_dir

RESTRICTED_SIDE = "rxq7k"
PUBLIC_SIDE = "pbz3m"
RESTRICTED_ID, TWIN_ID = "PM-2025-950", "PM-2026-952"
RESTRICTED_TITLE = "Registry credential exposed in a build log"
BUNDLED_RESTRICTED = ROOT / "postmortems" / "2026-08-12-deploy-credential-exposed-in-build-log.md"
BUNDLED_ID = "PM-2026-022"
# Field keys; those written in lower case are constrained to [a-z0-9-] by the schema.
FIELDS = (
    "title", "service", "tag", "author", "responder", "impactsummary", "revenue", "extrakey",
    "stem", "summary", "linktext", "linkurl", "inlinecode", "codeblock", "blockquote", "comment",
    "imagealt", "footnote", "impactitem", "estimate", "timelinetime", "timelineevent",
    "timelineactor", "timelinenotes", "why", "subheading", "factorid", "factor", "category",
    "contribution", "preventable", "wentwell", "couldimprove", "actionid", "action",
    "actioncategory", "owner", "priority", "tracking", "trackingurl", "addresses",
    "internalsummary", "externalsummary", "lessons",
)
LOWER = {"service", "tag", "stem", "linkurl", "trackingurl", "owner"}


def canaries(side: str) -> dict[str, str]:
    word = "Canary" if side == RESTRICTED_SIDE else "Marker"
    out = {}
    for number, key in enumerate(FIELDS, start=1):
        text = f"{word}-{key}-{side}{number:02d}"
        out[key] = text.lower() if key in LOWER else text
    return out


def token(canary: str) -> str:
    """The canary's own word in Pagefind's index: lower-cased, the last part after a hyphen."""
    return canary.rsplit("-", 1)[1].lower()


TEMPLATE = """\
---
id: {id}
title: "{title} {c[title]}"
status: published
severity: {severity}
services: [{shared_service}, {c[service]}]
tags: [{shared_tag}, {c[tag]}]
visibility: {visibility}
authors: [security-team, {c[author]}]
responders: [incident commander, {c[responder]}]
started: {day}T09:41:00Z
detected: {day}T12:37:00Z
acknowledged: {day}T12:44:00Z
mitigated: {day}T12:56:00Z
resolved: {day}T17:20:00Z
detection_method: {detection}
impact:
  summary: "A deploy credential was readable in a public build log {c[impactsummary]}."
  users_affected: {users}
  data_loss: none
  slo_budget_consumed: {slo}
  revenue_impact: "{c[revenue]} [ESTIMATE: none measured]"
related: [{related}]
published: {day}
reviewer_note: "{c[extrakey]}"
---

## Summary

A debugging step printed the job environment to a public build log {c[summary]}. See
[{c[linktext]}](https://wiki.example.com/{c[linkurl]}) and `{c[inlinecode]}` for details.

```text
{c[codeblock]}
```

> {c[blockquote]}

<!-- postmortem: disable=PM601 {c[comment]} -->
The log was public for three hours.

![{c[imagealt]}](https://images.example.com/logo.png)

The credential was revoked within twelve minutes.[^1]

[^1]: {c[footnote]}

## Impact

- No misuse of the credential was found {c[impactitem]}.
- 11 views of the log page [ESTIMATE: {c[estimate]}].

## Timeline

All times in UTC.

| Time | Event | Actor | Notes |
|------|-------|-------|-------|
| {day} 09:41 UTC | The release run writes the credential to the log {c[timelineevent]} | {c[timelineactor]} | {c[timelinenotes]} |
| 12:37 UTC {c[timelinetime]} | Secret scanning notifies the security mailbox | secret scanning service | Detection |
| 12:56 UTC | Credential revoked | security on-call engineer | Exposure ends |

## Root Cause Analysis

### 5 Whys

1. Why was the credential readable? {c[why]}

### {c[subheading]}

The credential was long-lived and shared by every workflow.

### Contributing Factors

| ID | Factor | Category | Contribution | Preventable |
|----|--------|----------|--------------|-------------|
| CF1 | A long-lived static credential was available to every job {c[factor]} | Technical | primary | yes |
| {c[factorid]} | Log masking misses secrets printed across lines | {c[category]} | {c[contribution]} | {c[preventable]} |

## What Went Well

- The revocation runbook worked as written {c[wentwell]}.

## What Could Improve

- Detection depended on an external scan schedule {c[couldimprove]}.

## Action Items

| ID | Action | Category | Owner | Priority | Due | Status | Tracking | Addresses |
|----|--------|----------|-------|----------|-----|--------|----------|-----------|
| A1 | Replace the static credential with short-lived ones {c[action]} | prevent | release-eng | P1 | {due} | open | [{c[tracking]}](https://tracker.example.com/{c[trackingurl]}) | CF1 |
| {c[actionid]} | Scan build logs for credentials | {c[actioncategory]} | {c[owner]} | {c[priority]} | {overdue} | in-progress | | {c[addresses]} |

## Stakeholder Communication

### Internal Summary

Engineering leadership was briefed the same day {c[internalsummary]}.

### External Summary

No customer data was exposed {c[externalsummary]}.

## Lessons Learned

- A credential the job never holds cannot leak from its log {c[lessons]}.
"""


def write_postmortem(folder: Path, side: str, **values: str) -> Path:
    c = canaries(side)
    path = folder / f"{values['day']}-{c['stem']}.md"
    path.write_text(TEMPLATE.format(c=c, **values), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def archive() -> dict[str, Path]:
    source = temp_dir("pm-safety-") / "postmortems"
    source.mkdir()
    ordinary = source / "2026-03-04-checkout-errors-for-eu-customers.md"
    ordinary.write_text((ROOT / "postmortems" / ordinary.name).read_text(encoding="utf-8"), encoding="utf-8")
    shared = {"shared_service": "checkout-api", "shared_tag": "database", "detection": "third-party"}
    restricted = write_postmortem(
        source, RESTRICTED_SIDE, id=RESTRICTED_ID, title=RESTRICTED_TITLE, severity="SEV1", visibility="restricted",
        day="2025-02-14", users="31337427", slo="73.1", related=TWIN_ID, due="2031-07-19", overdue="2025-03-01", **shared,
    )
    twin = write_postmortem(
        source, PUBLIC_SIDE, id=TWIN_ID, title="Deploy token printed in a job log", severity="SEV3", visibility="internal",
        day="2026-05-20", users="27182818", slo="12.5", related=RESTRICTED_ID, due="2031-08-23", overdue="2026-06-01", **shared,
    )
    bundled = source / BUNDLED_RESTRICTED.name
    bundled.write_text(BUNDLED_RESTRICTED.read_text(encoding="utf-8"), encoding="utf-8")
    clash = source / "2026-03-06-checkout-errors-again.md"
    text = ordinary.read_text(encoding="utf-8").replace("id: PM-2026-007", f"id: {BUNDLED_ID}", 1)
    clash.write_text(text.replace("Checkout errors for EU customers after", "Checkout errors again after", 1), encoding="utf-8")
    return {"source": source, "ordinary": ordinary, "restricted": restricted, "twin": twin, "bundled": bundled, "clash": clash}


@pytest.fixture(scope="module")
def site(archive) -> Path:
    folder = archive["source"].parent
    site = folder / "site"
    config = archive_config(folder, archive["source"])
    # With a site URL, sitemap.xml lists every page (without one MkDocs writes it empty).
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://postmortems.example.com/\n", encoding="utf-8")
    result = build(site, config, POSTMORTEM_ALLOW_LINT_ERRORS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def contents(site) -> dict[str, str]:
    """Every built file, lower-cased, by its path in the site."""
    return {path.relative_to(site).as_posix(): site_bytes(path).decode("utf-8", "replace").lower() for path in site_files(site)}


def found_in(contents: dict[str, str], canary: str) -> list[str]:
    needles = (canary.lower(), token(canary))
    return sorted(page for page, text in contents.items() if any(needle in text for needle in needles))


def test_the_restricted_fixture_holds_a_canary_in_every_field_and_section(archive):
    text = archive["restricted"].read_text(encoding="utf-8")
    c = canaries(RESTRICTED_SIDE)
    assert [key for key, canary in c.items() if canary not in text and canary not in archive["restricted"].name] == []
    doc = parse_file(archive["restricted"])
    inc = doc.incident
    assert inc.visibility == "restricted" and inc.id == RESTRICTED_ID and inc.related == [TWIN_ID]
    assert c["title"] in inc.title and c["service"] in inc.services and c["tag"] in inc.tags
    assert c["author"] in inc.authors and c["responder"] in inc.responders
    assert c["impactsummary"] in inc.impact["summary"] and c["revenue"] in inc.impact["revenue_impact"]
    assert c["extrakey"] == doc.frontmatter.data["reviewer_note"]
    # The tables are read as tables: the canaries sit in real cells.
    timeline = [(e.time_text, e.event, e.actor, e.notes) for e in doc.timeline]
    assert any(c["timelineevent"] in e and c["timelineactor"] == a and c["timelinenotes"] == n for _, e, a, n in timeline)
    assert any(c["timelinetime"] in t for t, *_ in timeline)
    factor = doc.factors[1]
    assert (factor.id, factor.category, factor.contribution, factor.preventable) == (
        c["factorid"], c["category"], c["contribution"], c["preventable"]
    )
    first, second = doc.actions
    assert c["action"] in first.action and c["tracking"] in first.tracking and first.is_open
    assert (second.id, second.category, second.owner, second.priority) == (c["actionid"], c["actioncategory"], c["owner"], c["priority"])
    assert second.is_open
    sections = {section.key for section in doc.top_sections if section.key}
    assert sections == {"summary", "impact", "timeline", "root-cause", "went-well", "could-improve", "action-items", "communication", "lessons"}
    assert any(section.title == c["subheading"] for section in doc.sections)


def test_no_built_file_holds_any_canary_of_the_restricted_postmortem(contents):
    assert "sitemap.xml" in contents and "search/search_index.json" in contents
    assert "tags.json" not in contents  # the tags plugin's export is off (mkdocs.yml): no page's tags in one file
    assert any(page.endswith(".pf_index") for page in contents) and any(page.endswith(".pf_fragment") for page in contents)
    assert any(page.endswith(".svg") for page in contents) and "actions/index.html" in contents
    assert "feed.xml" in contents  # the Atom feed, with absolute links (the site has a site_url)
    leaks = {key: pages for key, canary in canaries(RESTRICTED_SIDE).items() if (pages := found_in(contents, canary))}
    assert leaks == {}
    # Any piece of any canary: the part every canary's own word starts with.
    assert [page for page, text in contents.items() if RESTRICTED_SIDE in text] == []


def test_no_built_file_names_the_restricted_postmortem(contents):
    needles = [
        RESTRICTED_ID.lower(),
        RESTRICTED_TITLE.lower(),
        "31,337,427", "31337427", "73.1%",  # its impact figures
        "2025-02-14", "14 february 2025",  # the day it started
        "2031-07-19", "2025-03-01",  # its due dates
        # The bundled restricted post-mortem: its canary, its file name, its title.
        CANARY.lower(), token(CANARY), BUNDLED_RESTRICTED.stem, "registry deploy credential exposed",
    ]
    assert [(page, needle) for needle in needles for page, text in contents.items() if needle in text] == []


def test_a_finding_that_names_a_left_out_file_does_not_name_it(contents):
    page = contents["postmortems/2026-03-06-checkout-errors-again/index.html"]
    assert f"pm102 id {BUNDLED_ID.lower()} is also used by a post-mortem this build leaves out</li>" in page


def test_pages_that_group_incidents_show_nothing_only_the_restricted_one_has(site, contents):
    assert 'id="sev1"' not in contents["archive/severity/index.html"]
    assert 'id="year-2025"' not in contents["archive/years/index.html"]
    archive = contents["archive/index.html"]
    assert 'value="sev1"' not in archive and 'value="2025"' not in archive
    assert archive.count("<tr data-facets=") == 3
    assert "2025" not in contents["insights/incidents-by-month.svg"] and "2025" not in contents["insights/mttr-trend.svg"]
    assert sorted(path.name for path in (site / "status-history").iterdir()) == ["2026-03-04", "2026-03-04-2", "2026-05-20", "index.html"]
    assert '>3</span><span class="pm-stat__label">post-mortems' in contents["index.html"]
    # One open item in each copy of the ordinary post-mortem, the twin's two: none of the restricted ones'.
    assert '>4</span><span class="pm-stat__label">open action items' in contents["actions/index.html"]
    assert '>3</span><span class="pm-stat__label">incidents' in contents["insights/index.html"]
    twin = contents[f"postmortems/2026-05-20-{canaries(PUBLIC_SIDE)['stem']}/index.html"]
    assert "related incidents" not in twin  # it names only the restricted one, which is not here


# Fields of a published post-mortem that no page shows: responders (the card shows authors),
# frontmatter keys outside the schema, and HTML comments (suppression directives).
NOT_SHOWN = {"responder", "extrakey", "comment"}


def test_the_scan_finds_the_twins_markers_where_each_field_is_shown(contents):
    m = canaries(PUBLIC_SIDE)
    page = f"postmortems/2026-05-20-{m['stem']}/index.html"
    assert {key for key, marker in m.items() if page in found_in(contents, marker)} == set(m) - NOT_SHOWN
    assert {key for key, marker in m.items() if not found_in(contents, marker)} == NOT_SHOWN
    listings = ["index.html", "archive/index.html", "archive/severity/index.html", "archive/years/index.html"]
    expected = {
        "title": [*listings, "archive/services/index.html", "archive/tags/index.html", "actions/index.html", "feed.xml"],
        "stem": [*listings, "sitemap.xml", "sitemap.xml.gz", "insights/index.html"],
        "service": [*listings, "archive/services/index.html", "insights/top-services.svg"],
        "tag": ["archive/index.html", "archive/tags/index.html", "feed.xml"],
        "impactsummary": ["feed.xml"],
        "author": ["feed.xml"],
        "actionid": ["actions/index.html"],
        "action": ["actions/index.html"],
        "owner": ["actions/index.html"],
        "priority": ["actions/index.html"],
        "category": ["insights/index.html", "insights/factor-categories.svg"],
        "contribution": ["insights/index.html", "insights/factor-categories.svg"],
        "externalsummary": ["status-history/index.html", "status-history/2026-05-20/index.html"],
    }
    assert {key: sorted(set(pages) - set(found_in(contents, m[key]))) for key, pages in expected.items()} == {
        key: [] for key in expected
    }
    # Pagefind holds the twin's text: whole in its page fragment, by each word in its index.
    prose = ["title", "summary", "timelineevent", "factor", "action", "internalsummary", "externalsummary", "lessons"]
    for key in prose:
        where = found_in(contents, m[key])
        assert any(p.endswith(".pf_fragment") for p in where) and any(p.endswith(".pf_index") for p in where), key
        assert any(p.endswith(".pf_index") and token(m[key]) in contents[p] and m[key].lower() not in contents[p] for p in where), key
    # And the ordinary post-mortem is published as usual.
    assert "checkout errors for eu customers" in contents["postmortems/2026-03-04-checkout-errors-for-eu-customers/index.html"]
