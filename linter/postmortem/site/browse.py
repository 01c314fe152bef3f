"""Browse pages: the sortable archive table, and the archive by severity, service, year, tag.

No page grows with the archive: the archive table holds its newest rows as HTML and every
incident in data files (:mod:`.listing`) that its filters, sorting and pages read; the
grouped pages show each group's newest incidents with a link to the archive table filtered
on the group. The HTML is ``templates/postmortem/incident-table.html``,
``templates/postmortem/listing.html`` and the pages'
``templates/postmortem/pages/{archive,grouped,tags}.md``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from urllib.parse import urlencode

from markupsafe import Markup

from postmortem import metrics
from postmortem.vocabulary import SEVERITIES

from . import filters, listing
from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .templating import Templates
from .tokens import Tokens
from .urls import Urls

LISTING = {"search": {"exclude": True}}
GROUP_ROWS = 10  # incidents shown under each heading of the grouped pages
SERVICE_GROUPS = 25  # services with a table of their own; the others are listed with counts
# The data files' fields; the ``CODED`` ones are dictionary-encoded (see :mod:`.listing`).
FIELDS = ("day", "title", "label", "url", "is_draft", "minutes", "duration", "severity", "status", "year", "service", "anchor", "tag")
CODED = ("duration", "severity", "status", "year", "service", "anchor", "tag")


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


def data_row(entry: Entry, urls: Urls) -> dict:
    """An incident as a row of the archive's data files: what its table row shows, and its
    filter values (:func:`.filters.values`)."""
    duration = metrics.impact_duration(entry.incident)
    values = filters.values(entry)
    return {
        "day": m.day_text(entry.day),
        "title": entry.title,
        "label": entry.label,
        "url": urls.url(entry.src_uri),
        "is_draft": int(entry.draft),
        "minutes": int(duration.total_seconds() // 60) if duration is not None else None,
        "duration": m.duration(duration),
        "anchor": [m.slug(service) for service in values["service"]],
        **{facet: values[facet] if facet in ("service", "tag") else values[facet][0] for facet, _ in filters.FACETS},
    }


def archive_data(catalog: Catalog, urls: Urls) -> list[listing.DataFile]:
    """Every incident of the archive table, newest first, in data files."""
    rows = [data_row(entry, urls) for entry in catalog.entries]
    return listing.data_files(u.ARCHIVE_DATA, FIELDS, CODED, rows)


def prototypes(catalog: Catalog, urls: Urls, here: str, templates: Templates) -> str:
    """The ``<template>``s filters.js builds incident rows from: a row, and the badge of each
    severity and status value in the archive."""
    seen = {facet: dict.fromkeys(filters.values(entry)[facet][0] for entry in catalog.entries) for facet in ("severity", "status")}
    severities = [
        (value, templates.severity_badge(None if value == filters.UNSET else value), SEVERITIES.rank(value) if value in SEVERITIES else 9)
        for value in seen["severity"]
    ]
    statuses = [(value, templates.status_badge(None if value == filters.UNSET else value)) for value in seen["status"]]
    return templates.render(
        "incident-table.html", rows=[], cls="", href=partial(urls.href, here), prototypes=True,
        severity_badges=severities, status_badges=statuses, services=urls.href(here, u.BY_SERVICE),
    )


def archive_page(
    catalog: Catalog,
    urls: Urls,
    templates: Templates,
    tokens: Tokens | None = None,
    data: list[listing.DataFile] | None = None,
    page_rows: int = listing.PAGE_ROWS,
) -> str:
    here = u.ARCHIVE
    entries = catalog.entries
    shown = entries[:page_rows]
    data = data if data is not None else archive_data(catalog, urls)
    table = templates.render(
        "listing.html",
        kind="incident",
        filters=filters.form(entries, templates),
        table=Markup(incident_table(shown, urls, here, templates, sortable=True, filterable=True)),
        prototypes=Markup(prototypes(catalog, urls, here, templates)) if len(shown) < len(entries) else "",
        shown=len(shown),
        total=len(entries),
        nouns=("incident", "incidents"),
        files=[urls.href(here, f.src_uri) for f in data],
        root=urls.href(here, u.HOME),
        page_rows=page_rows,
        lead="most recent",
    )
    return m.front_matter(title="All incidents", hide=["toc"], **LISTING) + templates.page(
        "archive.md",
        count=len(entries),
        feed=urls.href(here, "feed.xml"),
        table=tokens.add(table) if tokens is not None else table,
    )


def _grouped(
    title: str,
    intro: str,
    groups: list[tuple[str, str, str, list[Entry], str]],
    urls: Urls,
    here: str,
    templates: Templates,
    tokens: Tokens | None,
    tables: int | None = None,
) -> str:
    """``groups``: (heading text, anchor, description, entries, filter facet). Each of the
    first ``tables`` groups (all by default) shows its newest :data:`GROUP_ROWS` incidents;
    every group links to the archive table filtered on its values of the facet."""
    archive = urls.href(here, u.ARCHIVE)
    shown = []
    for index, (heading, anchor, description, entries, facet) in enumerate(groups):
        values = dict.fromkeys(value for entry in entries for value in filters.values(entry)[facet])
        if facet == "service":
            values = {heading: None}
        table = None
        if tables is None or index < tables:
            table = Markup(incident_table(entries[:GROUP_ROWS], urls, here, templates, tokens=tokens))
        query = "?" + urlencode([(facet, value) for value in values])
        shown.append({"heading": heading, "anchor": anchor, "description": description, "count": len(entries),
                      "table": table, "all": archive + query if len(entries) > GROUP_ROWS or table is None else None})
    return m.front_matter(title=title, **LISTING) + templates.page(
        "grouped.md", title=title, intro=intro, groups=shown, rows=GROUP_ROWS,
    )


def severity_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[entry.incident.severity if entry.incident.severity in SEVERITIES else "Other"].append(entry)
    groups = [
        (sev, m.slug(sev), SEVERITIES.label(sev) if sev in SEVERITIES else "", by[sev], "severity")
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
    groups = [(service, m.slug(service), "", by[service], "service") for service in order]
    intro = "Incidents by affected service, the services with most incidents first. An incident that affected several services is listed under each."
    return _grouped("By service", intro, groups, urls, u.BY_SERVICE, templates, tokens, tables=SERVICE_GROUPS)


def year_page(catalog: Catalog, urls: Urls, templates: Templates, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[str(entry.day.year) if entry.day else "Undated"].append(entry)
    order = sorted((y for y in by if y != "Undated"), reverse=True) + (["Undated"] if "Undated" in by else [])
    groups = [(year, f"year-{m.slug(year)}", "", by[year], "year") for year in order]
    return _grouped("By year", "Incidents by the year they started, newest first.", groups, urls, u.BY_YEAR, templates, tokens)


def tag_page(catalog: Catalog, urls: Urls, templates: Templates) -> str:
    """Every tag, the most used first, with its newest incidents and a link to the archive
    table filtered on it. Each tag's anchor is ``tag:<slug>``, where the tag chips link."""
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        for tag in dict.fromkeys(entry.incident.tags):
            by[tag].append(entry)
    here, archive = u.BY_TAG, urls.href(u.BY_TAG, u.ARCHIVE)
    tags = [
        {"tag": tag, "anchor": f"tag:{m.slug(tag)}", "count": len(by[tag]), "entries": by[tag][:GROUP_ROWS],
         "all": f"{archive}?{urlencode({'tag': tag})}" if len(by[tag]) > GROUP_ROWS else None}
        for tag in sorted(by, key=lambda t: (-len(by[t]), t.casefold()))
    ]
    return m.front_matter(title="By tag", **LISTING) + templates.page("tags.md", tags=tags, href=partial(urls.href, here), rows=GROUP_ROWS)
