"""The action-item tracker: every action item in the archive, filterable, and a summary per owner.

Each item carries its values from :func:`postmortem.action_items.facets` (the filters of
``postmortem actions`` too): the page's first rows as JSON in ``data-facets``, every item in
the tracker's data files (:mod:`.listing`); ``site/assets/filters.js`` filters them in the
browser with the rule of :class:`postmortem.action_items.ActionFilter`, keeping the choice
in the URL. The per-owner summary is
:func:`postmortem.action_items.owner_summary`. The page is
``templates/postmortem/pages/tracker.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import partial
from urllib.parse import urlencode

from postmortem import action_items as a
from postmortem import metrics
from postmortem.model import ActionItem
from postmortem.vocabulary import ACTION_CATEGORIES, ACTION_PRIORITIES, ACTION_STATUSES, SEVERITIES

from . import listing
from . import markup as m
from . import urls as u
from .body import action_anchor
from .catalog import Catalog, Entry
from .templating import Templates
from .tokens import Tokens
from .urls import Urls


@dataclass(frozen=True)
class TrackedItem:
    entry: Entry
    item: ActionItem
    overdue_days: int | None
    facets: dict[str, list[str]]

    @property
    def sort_key(self) -> tuple:
        due = self.item.due or date.max
        return (not self.item.is_open, self.overdue_days is None, due, self.entry.label, self.item.id)

    @property
    def facets_json(self) -> str:
        return json.dumps(self.facets, ensure_ascii=False, separators=(",", ":"))

    @property
    def tracking(self) -> tuple[str, str | None]:
        return a.tracking_link(self.item)


# Kept for the home page: the open items and how late each is.
OpenItem = TrackedItem


def all_items(catalog: Catalog, finished_since: date | None = None, open_only: bool = False) -> list[TrackedItem]:
    """Every action item; with ``finished_since``, finished ones only of incidents since then;
    with ``open_only``, open ones only."""
    found = [
        TrackedItem(entry, item, metrics.overdue_days(item, catalog.today), a.facets(entry.incident, item, catalog.today))
        for entry in catalog.entries
        for item in entry.doc.actions
        if (item.is_open if open_only else
            finished_since is None or item.is_open or (entry.day is not None and entry.day >= finished_since))
    ]
    return sorted(found, key=lambda t: t.sort_key)


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def open_items(catalog: Catalog) -> list[TrackedItem]:
    return all_items(catalog, open_only=True)


_ORDER = {"severity": SEVERITIES, "category": ACTION_CATEGORIES, "priority": ACTION_PRIORITIES, "status": ACTION_STATUSES}


def _ordered(facet: str, counts: Counter) -> list[str]:
    if facet == "state":
        return [state for state in a.STATES if state in counts]
    vocabulary = _ORDER.get(facet)
    if vocabulary is not None:
        known = [value for value in vocabulary if value in counts]
        return known + sorted(set(counts) - set(known))
    return sorted(counts, key=lambda value: (-counts[value], value.casefold()))


def _label(facet: str, value: str) -> str:
    if facet == "status" and value in ACTION_STATUSES:
        return ACTION_STATUSES.label(value)
    return value


def filter_form(items: list[TrackedItem], today: date, templates: Templates) -> str:
    facets = []
    for facet, legend in a.FACETS:
        counts = Counter(value for found in items for value in found.facets[facet])
        if counts:
            facets.append((facet, legend, [(value, _label(facet, value), counts[value]) for value in _ordered(facet, counts)]))
    since = a.twelve_months_before(today)
    return templates.render(
        "filters.html", facets=facets, total=len(items), noun=("action item", "action items"),
        dates={"legend": "Incident date", "presets": [("Last twelve months", since.isoformat())], "today": today.isoformat()},
    )


# Finished items (done, declined) are listed for incidents of this many months: the page of
# an archive of 2,000 post-mortems would otherwise hold some 15,000 rows (over 20 MB).
FINISHED_MONTHS = 24


# The data files' fields; the ``CODED`` ones are dictionary-encoded (see :mod:`.listing`).
# ``shown_*``: as the row shows it; the facets (:data:`postmortem.action_items.FACETS`, and
# ``date``): as the filters compare it.
FIELDS = ("action", "url", "link", "title", "restricted", "due", "overdue", "tracking", "tracking_url",
          "shown_priority", "shown_owner", "shown_status", *(facet for facet, _ in a.FACETS), "date")
CODED = ("title", "due", "overdue", "shown_priority", "shown_owner", "shown_status", *(facet for facet, _ in a.FACETS), "date")


def data_row(found: TrackedItem, urls: Urls) -> dict:
    item, entry = found.item, found.entry
    text, address = found.tracking
    anchor = action_anchor(item.id) if item.id else None
    return {
        "action": item.action,
        "url": urls.url(entry.src_uri) + (f"#{anchor}" if anchor else ""),
        "link": entry.label + " " + (item.id or ""),
        "title": entry.title,
        "restricted": int(entry.incident.restricted),
        "due": item.due_text or "—",
        "overdue": m.overdue_text(found.overdue_days) if found.overdue_days else "",
        "tracking": text or "—",
        "tracking_url": address or "",
        "shown_priority": item.priority or "—",
        "shown_owner": item.owner or "—",
        "shown_status": item.status,
        **{facet: values if facet == "state" else values[0] for facet, values in found.facets.items() if facet != "date"},
        "date": found.facets["date"][0] if found.facets["date"] else "",
    }


def prototypes(items: list[TrackedItem], urls: Urls, templates: Templates) -> str:
    """The ``<template>``s filters.js builds rows from: a row, badges of the severities and
    statuses of ``items``, the due date (overdue or not), the restricted badge, a tracking link."""
    severities = dict.fromkeys(found.entry.incident.severity for found in items)
    statuses = dict.fromkeys(found.item.status for found in items)
    return templates.render(
        "action-table.html", items=[], href=partial(urls.href, u.ACTIONS), anchor=None, prototypes=True,
        severity_badges=[(s or a.UNSET, templates.severity_badge(s), SEVERITIES.rank(s)) for s in severities],
        status_badges=[(s, templates.action_status_badge(s)) for s in statuses],
    )


def action_data(items: list[TrackedItem], urls: Urls) -> list[listing.DataFile]:
    """Every item of the tracker, in its order, in data files."""
    return listing.data_files(u.ACTIONS_DATA, FIELDS, CODED, [data_row(found, urls) for found in items])


def tracker_items(catalog: Catalog, finished_months: int | None = FINISHED_MONTHS) -> tuple[list[TrackedItem], date | None]:
    """The items the tracker lists, and since when finished ones are listed."""
    finished_since = months_before(catalog.today, finished_months) if finished_months else None
    return all_items(catalog, finished_since), finished_since


def tracker_page(
    catalog: Catalog,
    urls: Urls,
    templates: Templates,
    finished_months: int | None = FINISHED_MONTHS,
    tokens: Tokens | None = None,
    data: list[listing.DataFile] | None = None,
    page_rows: int = listing.PAGE_ROWS,
    items: list[TrackedItem] | None = None,
) -> str:
    """``items``: :func:`tracker_items`' list for ``finished_months``, when the caller has it."""
    here = u.ACTIONS
    if items is None:
        items, finished_since = tracker_items(catalog, finished_months)
    else:
        finished_since = months_before(catalog.today, finished_months) if finished_months else None
    data = data if data is not None else action_data(items, urls)
    still_open = [found for found in items if found.item.is_open]
    overdue = sum(1 for found in still_open if found.overdue_days)
    summaries = a.owner_summary(((f.entry.incident, f.item, f"{f.entry.label} {f.item.id}".strip()) for f in items), catalog.today)
    owners = [
        {
            "summary": summary,
            "anchor": f"owner-{m.slug(summary.owner)}",
            "description": catalog.owners.names.get(summary.owner) if catalog.owners else None,
            "query": "?" + urlencode({"owner": summary.owner, "state": a.OPEN}),
        }
        for summary in summaries
    ]
    tiles = [
        (str(len(still_open)), "open action items"),
        (str(overdue), "overdue", None, overdue > 0),
        (str(len(summaries)), "owners"),
    ]
    shown = items[:page_rows]
    href = partial(urls.href, here)
    table = templates.render(
        "listing.html",
        kind="action",
        filters=filter_form(items, catalog.today, templates),
        table=templates.render(
            "action-table.html", items=shown, href=href, anchor=lambda item: action_anchor(item.id) if item.id else None,
        ),
        prototypes=prototypes(items, urls, templates) if len(shown) < len(items) else "",
        shown=len(shown),
        total=len(items),
        nouns=("action item", "action items"),
        files=[href(f.src_uri) for f in data],
        root=href(u.HOME),
        page_rows=page_rows,
        lead="first",
    )
    return m.front_matter(title="Action items", search={"exclude": True}, hide=["toc"]) + templates.page(
        "tracker.md",
        today=catalog.today,
        finished_since=finished_since,
        tiles=tiles,
        items=items,
        owners=owners,
        listing=tokens.add(table) if tokens is not None else table,
    )
