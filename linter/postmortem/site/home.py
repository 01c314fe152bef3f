"""The home page: the archive at a glance and the way into each part of the site.

Its HTML and text are ``templates/postmortem/pages/home.md``. It links to the guide pages
of this project's own site (``writing.md``) only where the site being built has them: in
another site the archive is a guest, and a link to a page it lacks would be a 404.
"""

from __future__ import annotations

from collections.abc import Callable
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


def home_page(catalog: Catalog, urls: Urls, templates: Templates, site_has: Callable[[str], bool] = lambda _: False) -> str:
    """``site_has(src_uri)``: whether the site has a page at ``src_uri`` (from ``docs_dir``)."""
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
        site_page=lambda src_uri: urls.href_site(here, src_uri) if site_has(src_uri) else None,
    )
