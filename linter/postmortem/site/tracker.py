"""The action-item tracker: every open item in the archive, by owner, overdue first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from postmortem import metrics
from postmortem.model import ActionItem

from . import markup as m
from . import urls as u
from .body import action_anchor
from .catalog import Catalog, Entry
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


def tracker_page(catalog: Catalog, urls: Urls) -> str:
    here = u.ACTIONS
    items = open_items(catalog)
    by_owner: dict[str, list[OpenItem]] = defaultdict(list)
    for found in items:
        by_owner[found.item.owner.strip() or "(no owner)"].append(found)
    overdue = sum(1 for found in items if found.overdue_days)
    owners = sorted(by_owner, key=lambda o: (-sum(1 for f in by_owner[o] if f.overdue_days), o.lower()))
    out = [
        m.front_matter(title="Action items", search={"exclude": True}),
        "# Action items\n\n",
        f"Every open action item in the archive, grouped by owner, overdue items first. Overdue as of **{catalog.today.isoformat()}**.\n\n",
        _summary(len(items), overdue, len(by_owner)),
    ]
    if not items:
        out.append("\nNo open action items: every follow-up in the archive is done or declined.\n")
    for owner in owners:
        group = sorted(by_owner[owner], key=lambda f: f.sort_key)
        late = sum(1 for f in group if f.overdue_days)
        out.append(f"\n## {m.md_text(owner)} {{ #owner-{m.slug(owner)} }}\n\n")
        description = catalog.owners.names.get(owner) if catalog.owners else None
        counts = f"{len(group)} open" + (f", {late} overdue" if late else "")
        out.append(f'<p class="pm-muted">{m.esc(description + " · " if description else "")}{m.esc(counts)}</p>\n\n')
        rows, classes = [], []
        for found in group:
            item, entry = found.item, found.entry
            href = urls.href(here, entry.src_uri, action_anchor(item.id) if item.id else None)
            due_cls = "pm-due pm-due--overdue" if found.overdue_days else "pm-due"
            due = f'<span class="{due_cls}">{m.esc(item.due_text or "—")}</span>'
            if found.overdue_days:
                due += " " + m.overdue_badge(found.overdue_days)
            rows.append(
                [
                    f'<span class="pm-action-text">{m.esc(item.action)}</span>',
                    f'{m.link(href, m.esc(entry.label + " " + (item.id or "")))}<br><span class="pm-muted">{m.esc(entry.title)}</span>',
                    m.esc(item.priority or "—"),
                    due,
                    m.action_status_badge(item.status),
                ]
            )
            classes.append("pm-row--overdue" if found.overdue_days else "")
        out.append(m.table(["Action", "Post-mortem", "Priority", "Due", "Status"], rows, cls="pm-table pm-tracker", row_classes=classes))
        out.append("\n")
    return "".join(out)


def _summary(total: int, overdue: int, owners: int) -> str:
    stats = [
        (str(total), "open action items", ""),
        (str(overdue), "overdue", " pm-stat--alert" if overdue else ""),
        (str(owners), "owners", ""),
    ]
    cells = "".join(
        f'<div class="pm-stat{cls}"><span class="pm-stat__value">{m.esc(v)}</span><span class="pm-stat__label">{m.esc(k)}</span></div>'
        for v, k, cls in stats
    )
    return f'<div class="pm-stats">{cells}</div>\n'
