"""Browse pages: the sortable archive table, and the archive by severity, service, year, tag."""

from __future__ import annotations

from collections import defaultdict

from postmortem import metrics

from . import filters
from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .tokens import Tokens
from .urls import Urls

LISTING = {"search": {"exclude": True}}


def incident_table(
    entries: list[Entry], urls: Urls, here: str, sortable: bool = False, filterable: bool = False, tokens: Tokens | None = None
) -> str:
    """The table as HTML; with ``tokens``, a placeholder for it, to put alone in a paragraph.

    The placeholder keeps a table of the whole archive out of Python-Markdown, whose raw
    HTML block parser read every row of it (about 1 ms per 10 rows): the HTML is the same."""
    if tokens is not None:
        return tokens.add(incident_table(entries, urls, here, sortable, filterable))
    if not entries:
        return '<p class="pm-muted">No incidents.</p>'
    rows = []
    for entry in entries:
        inc = entry.incident
        duration = metrics.impact_duration(inc)
        minutes = int(duration.total_seconds() // 60) if duration is not None else None
        title = m.link(urls.href(here, entry.src_uri), m.esc(entry.title))
        services = " ".join(m.chip(urls.href(here, u.BY_SERVICE, m.slug(s)), s, "service") for s in inc.services)
        rank = m.SEVERITY_ORDER.index(inc.severity) if inc.severity in m.SEVERITY_ORDER else 9
        rows.append(
            [
                (m.esc(m.day_text(entry.day)), m.day_text(entry.day)),
                (f'{title}<br><span class="pm-muted">{m.esc(entry.label)}</span>', entry.title.lower()),
                (m.severity_badge(inc.severity), str(rank)),
                (m.status_badge(inc.status), inc.status or ""),
                (m.esc(m.duration(duration)), f"{minutes:09d}" if minutes is not None else "999999999"),
                (services, " ".join(inc.services)),
            ]
        )
    cls = "pm-table pm-incidents" + (" pm-sortable" if sortable else "") + (" pm-filterable" if filterable else "")
    attrs = [filters.row_attrs(entry) for entry in entries] if filterable else None
    return m.table(["Date", "Incident", "Severity", "Status", "Duration", "Services"], rows, cls=cls, row_attrs=attrs)


def archive_page(catalog: Catalog, urls: Urls, tokens: Tokens | None = None) -> str:
    here = u.ARCHIVE
    count = len(catalog.entries)
    intro = (
        f"{count} post-mortem{'s' if count != 1 else ''}, newest first. "
        "Select a column heading to sort by date, severity, duration or any other column; "
        "tick values to filter by severity, status, year, service or tag. "
        "The page's address keeps the filter: share it to share the view."
    )
    return (
        m.front_matter(title="All incidents", hide=["toc"], **LISTING)
        + "# All incidents\n\n"
        + f"{intro}\n\n"
        + filters.form(catalog.entries)
        + "\n\n"
        + incident_table(catalog.entries, urls, here, sortable=True, filterable=True, tokens=tokens)
        + "\n"
    )


def _grouped(
    title: str, intro: str, groups: list[tuple[str, str, str, list[Entry]]], urls: Urls, here: str, tokens: Tokens | None
) -> str:
    """``groups``: (heading text, anchor, description, entries)."""
    out = [m.front_matter(title=title, **LISTING), f"# {title}\n\n{intro}\n"]
    for heading, anchor, description, entries in groups:
        out.append(f"\n## {m.md_text(heading)} {{ #{anchor} }}\n\n")
        count = f"{len(entries)} incident{'s' if len(entries) != 1 else ''}"
        out.append(f'<p class="pm-muted">{m.esc(description + " · " if description else "")}{count}</p>\n\n')
        out.append(incident_table(entries, urls, here, tokens=tokens) + "\n")
    if not groups:
        out.append("\nNo incidents yet.\n")
    return "".join(out)


def severity_page(catalog: Catalog, urls: Urls, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[entry.incident.severity if entry.incident.severity in m.SEVERITY_LABELS else "Other"].append(entry)
    groups = [(sev, m.slug(sev), m.SEVERITY_LABELS.get(sev, ""), by[sev]) for sev in (*m.SEVERITY_ORDER, "Other") if by[sev]]
    return _grouped("By severity", "Incidents grouped by severity, most severe first.", groups, urls, u.BY_SEVERITY, tokens)


def service_page(catalog: Catalog, urls: Urls, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        for service in entry.incident.services:
            by[service].append(entry)
    order = sorted(by, key=lambda s: (-len(by[s]), s))
    groups = [(service, m.slug(service), "", by[service]) for service in order]
    intro = "Incidents by affected service, the services with most incidents first. An incident that affected several services is listed under each."
    return _grouped("By service", intro, groups, urls, u.BY_SERVICE, tokens)


def year_page(catalog: Catalog, urls: Urls, tokens: Tokens | None = None) -> str:
    by: dict[str, list[Entry]] = defaultdict(list)
    for entry in catalog.entries:
        by[str(entry.day.year) if entry.day else "Undated"].append(entry)
    order = sorted((y for y in by if y != "Undated"), reverse=True) + (["Undated"] if "Undated" in by else [])
    groups = [(year, f"year-{m.slug(year)}", "", by[year]) for year in order]
    return _grouped("By year", "Incidents by the year they started, newest first.", groups, urls, u.BY_YEAR, tokens)


def tag_page() -> str:
    return (
        m.front_matter(title="By tag", **LISTING)
        + "# By tag\n\n"
        + "Tags name themes that recur across incidents: select one to see every incident that carries it.\n\n"
        + "<!-- material/tags -->\n"
    )
