"""The action-item tracker: every open item in the archive, by owner, overdue first.

The page is ``templates/postmortem/pages/tracker.md``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import partial

from postmortem import metrics
from postmortem.model import ActionItem

from . import markup as m
from . import urls as u
from .body import action_anchor
from .catalog import Catalog, Entry
from .templating import Templates
from .urls import Urls


@dataclass(frozen=True)
class OpenItem:
    entry: Entry
    item: ActionItem
    overdue_days: int | None

    @property
    def sort_key(self) -> tuple:
        due = self.item.due or date.max
        return (self.overdue_days is None, due, self.entry.label, self.item.id)


def open_items(catalog: Catalog) -> list[OpenItem]:
    found = []
    for entry in catalog.entries:
        for item in entry.open_actions:
            found.append(OpenItem(entry, item, metrics.overdue_days(item, catalog.today)))
    return found


def tracker_page(catalog: Catalog, urls: Urls, templates: Templates) -> str:
    here = u.ACTIONS
    items = open_items(catalog)
    by_owner: dict[str, list[OpenItem]] = defaultdict(list)
    for found in items:
        by_owner[found.item.owner.strip() or "(no owner)"].append(found)
    overdue = sum(1 for found in items if found.overdue_days)
    owners = sorted(by_owner, key=lambda o: (-sum(1 for f in by_owner[o] if f.overdue_days), o.lower()))
    groups = []
    for owner in owners:
        group = sorted(by_owner[owner], key=lambda f: f.sort_key)
        groups.append(
            {
                "owner": owner,
                "anchor": f"owner-{m.slug(owner)}",
                "description": catalog.owners.names.get(owner) if catalog.owners else None,
                "open": group,
                "late": sum(1 for f in group if f.overdue_days),
            }
        )
    tiles = [
        (str(len(items)), "open action items"),
        (str(overdue), "overdue", None, overdue > 0),
        (str(len(by_owner)), "owners"),
    ]
    return m.front_matter(title="Action items", search={"exclude": True}) + templates.page(
        "tracker.md",
        today=catalog.today,
        tiles=tiles,
        groups=groups,
        anchor=lambda item: action_anchor(item.id) if item.id else None,
        href=partial(urls.href, here),
    )
