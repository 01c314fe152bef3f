"""The home page: the archive at a glance and the way into each part of the site."""

from __future__ import annotations

from postmortem import metrics

from . import markup as m
from . import urls as u
from .browse import incident_table
from .catalog import Catalog
from .tracker import open_items
from .urls import Urls

LATEST = 5
SECTIONS = (
    (u.ARCHIVE, "All incidents", "The whole archive in one table: sort by date, severity or duration."),
    (u.ACTIONS, "Action items", "Every open follow-up by owner, overdue first."),
    (u.INSIGHTS, "Insights", "Incidents per month, MTTR trend, recurring themes, the services most affected."),
    (u.STATUS_HISTORY, "Status history", "What customers were told, and nothing else: safe to share."),
    ("writing.md", "Writing a post-mortem", "How to write one that teaches: structure, tone, confidence markers."),
    (u.RULES, "Rule reference", "Every check `postmortem lint` runs, why, and what to write instead."),
)


def home_page(catalog: Catalog, urls: Urls) -> str:
    here = u.HOME
    entries = catalog.entries
    items = open_items(catalog)
    overdue = sum(1 for found in items if found.overdue_days)
    mttr = metrics.mttr(e.incident for e in entries)
    stats = [
        (str(len(entries)), "post-mortems", u.ARCHIVE, ""),
        (str(len(items)), "open action items", u.ACTIONS, ""),
        (str(overdue), "overdue", u.ACTIONS, " pm-stat--alert" if overdue else ""),
        (m.duration(mttr.median), f"MTTR {metrics.LABELS['median']}", u.INSIGHTS, ""),
    ]
    stat_html = "".join(
        f'<a class="pm-stat{cls}" href="{m.attr(urls.href(here, target))}">'
        f'<span class="pm-stat__value">{m.esc(value)}</span><span class="pm-stat__label">{m.esc(label)}</span></a>'
        for value, label, target, cls in stats
    )
    cards = "".join(
        f'<li><p><strong>{m.link(urls.href(here, target), m.esc(title))}</strong></p><p>{m.esc(text).replace("`postmortem lint`", "<code>postmortem lint</code>")}</p></li>'
        for target, title, text in SECTIONS
    )
    notice = ""
    if catalog.internal:
        notice = (
            '<div class="admonition danger"><p class="admonition-title">Internal build</p>'
            "<p>This build includes restricted post-mortems. Do not publish it where the default site goes.</p></div>\n"
        )
    return (
        m.front_matter(search={"exclude": True}, hide=["toc"])
        + "# Post-mortem archive\n\n"
        + notice
        + "Blameless write-ups of our incidents: what happened, what we learned, and what we are changing. "
        + "Every page is built from the post-mortems kept in the repository, checked by `postmortem lint`.\n\n"
        + f'<div class="pm-stats">{stat_html}</div>\n\n'
        + f'<div class="grid cards pm-sections"><ul>{cards}</ul></div>\n\n'
        + "## Latest incidents\n\n"
        + incident_table(entries[:LATEST], urls, here)
        + "\n"
    )
