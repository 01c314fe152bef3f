"""The home page: the archive at a glance and the way into each part of the site.

Its HTML and text are ``templates/postmortem/pages/home.md``.
"""

from __future__ import annotations

from functools import partial

from postmortem import metrics

from . import markup as m
from . import urls as u
from .browse import incident_table
from .catalog import Catalog
from .templating import Templates
from .tracker import open_items
from .urls import Urls

LATEST = 5


def home_page(catalog: Catalog, urls: Urls, templates: Templates) -> str:
    here = u.HOME
    entries = catalog.entries
    items = open_items(catalog)
    overdue = sum(1 for found in items if found.overdue_days)
    mttr = metrics.mttr(e.incident for e in entries)
    tiles = [
        (str(len(entries)), "post-mortems", u.ARCHIVE),
        (str(len(items)), "open action items", u.ACTIONS),
        (str(overdue), "overdue", u.ACTIONS, overdue > 0),
        (m.duration(mttr.median), f"MTTR {metrics.LABELS['median']}", u.INSIGHTS),
    ]
    return m.front_matter(search={"exclude": True}, hide=["toc"]) + templates.page(
        "home.md",
        internal=catalog.internal,
        tiles=tiles,
        latest=incident_table(entries[:LATEST], urls, here, templates),
        href=partial(urls.href, here),
    )
