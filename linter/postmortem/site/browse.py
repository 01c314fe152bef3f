"""Browse pages: the sortable archive table, and the archive by severity, service, year, tag.

The HTML is ``templates/postmortem/incident-table.html`` and the pages'
``templates/postmortem/pages/{archive,grouped,tags}.md``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from markupsafe import Markup

from postmortem import metrics
from postmortem.vocabulary import SEVERITIES

from . import filters
from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .templating import Templates
from .tokens import Tokens
from .urls import Urls

LISTING = {"search": {"exclude": True}}


def incident_table(
    entries: list[Entry],
    urls: Urls,
    here: str,
    templates: Templates,
    sortable: bool = False,
    filterable: bool = False,
    tokens: Tokens | None = None,
) -> str:
    """The table as HTML; with ``tokens``, a placeholder for it, to put alone in a paragraph.

    The placeholder keeps a table of the whole archive out of Python-Markdown, whose raw
    HTML block parser read every row of it (about 1 ms per 10 rows): the HTML is the same."""
    if tokens is not None:
        return tokens.add(incident_table(entries, urls, here, templates, sortable, filterable))
    rows = []
    for entry in entries:
        duration = metrics.impact_duration(entry.incident)
        rows.append(
            {
                "entry": entry,
                "duration": duration,
                "minutes": int(duration.total_seconds() // 60) if duration is not None else None,
                "facets": filters.facets_json(entry) if filterable else None,
            }
        )
    cls = "pm-table pm-incidents" + (" pm-sortable" if sortable else "") + (" pm-filterable" if filterable else "")
    return templates.render("incident-table.html", rows=rows, cls=cls, href=partial(urls.href, here))


def archive_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    here = u.ARCHIVE
    return m.front_matter(title="All incidents", hide=["toc"], **LISTING) + templates.page(
        "archive.md",
        count=len(catalog.entries),
        feed=urls.href(here, "feed.xml"),
        filters=filters.form(catalog.entries, templates),
        table=incident_table(catalog.entries, urls, here, templates, sortable=True, filterable=True, tokens=tokens),
    )


def _grouped(
    title: str,
    intro: str,
    groups: list[tuple[str, str, str, list[Entry]]],
    urls: Urls,
    here: str,
    templates: Templates,
    tokens: Tokens | None,
) -> str:
    """``groups``: (heading text, anchor, description, entries)."""
    return m.front_matter(title=title, **LISTING) + templates.page(
        "grouped.md",
        title=title,
        intro=intro,
        groups=[
            (heading, anchor, description, len(entries), Markup(incident_table(entries, urls, here, templates, tokens=tokens)))
            for heading, anchor, description, entries in groups
        ],
    )


def severity_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[entry.incident.severity if entry.incident.severity in SEVERITIES else "Other"].append(entry)
    groups = [
        (sev, m.slug(sev), SEVERITIES.label(sev) if sev in SEVERITIES else "", by[sev])
        for sev in (*SEVERITIES, "Other")
        if by[sev]
    ]
    return _grouped("By severity", "Incidents grouped by severity, most severe first.", groups, urls, u.BY_SEVERITY, templates, tokens)


def service_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        for service in entry.incident.services:
            by[service].append(entry)
    order = sorted(by, key=lambda s: (-len(by[s]), s))
    groups = [(service, m.slug(service), "", by[service]) for service in order]
    intro = "Incidents by affected service, the services with most incidents first. An incident that affected several services is listed under each."
    return _grouped("By service", intro, groups, urls, u.BY_SERVICE, templates, tokens)


def year_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[str(entry.day.year) if entry.day else "Undated"].append(entry)
    order = sorted((y for y in by if y != "Undated"), reverse=True) + (["Undated"] if "Undated" in by else [])
    groups = [(year, f"year-{m.slug(year)}", "", by[year]) for year in order]
    return _grouped("By year", "Incidents by the year they started, newest first.", groups, urls, u.BY_YEAR, templates, tokens)


def tag_page(templates: Templates) -> str:
    return m.front_matter(title="By tag", **LISTING) + templates.page("tags.md")
