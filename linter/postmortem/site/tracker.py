"""The action-item tracker: every action item in the archive, filterable, and a summary per owner.

Each row carries its values from :func:`postmortem.action_items.facets` (the filters of
``postmortem actions`` too) as JSON in ``data-facets``; ``site/assets/filters.js`` filters
the table in the browser with the rule of :class:`postmortem.action_items.ActionFilter`,
keeping the choice in the URL. The per-owner summary is
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

from . import markup as m
from . import urls as u
from .body import action_anchor
from .catalog import Catalog, Entry
from .templating import Templates
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


def all_items(catalog: Catalog, finished_since: date | None = None) -> list[TrackedItem]:
    """Every action item; with ``finished_since``, finished ones only of incidents since then."""
    found = [
        TrackedItem(entry, item, metrics.overdue_days(item, catalog.today), a.facets(entry.incident, item, catalog.today))
        for entry in catalog.entries
        for item in entry.doc.actions
        if finished_since is None or item.is_open or (entry.day is not None and entry.day >= finished_since)
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
    return [found for found in all_items(catalog) if found.item.is_open]


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


def tracker_page(catalog: Catalog, urls: Urls, templates: Templates, finished_months: int | None = FINISHED_MONTHS) -> str:
    here = u.ACTIONS
    finished_since = months_before(catalog.today, finished_months) if finished_months else None
    items = all_items(catalog, finished_since)
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
    return m.front_matter(title="Action items", search={"exclude": True}, hide=["toc"]) + templates.page(
        "tracker.md",
        today=catalog.today,
        finished_since=finished_since,
        tiles=tiles,
        items=items,
        owners=owners,
        filters=filter_form(items, catalog.today, templates),
        anchor=lambda item: action_anchor(item.id) if item.id else None,
        href=partial(urls.href, here),
    )
