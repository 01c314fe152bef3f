"""The Atom feed of published post-mortems: ``feed.xml`` at the archive's mount point.

An entry per post-mortem that is reviewed (``published`` or ``closed``) and not
restricted, even in the internal build: a feed is read by tools and forwarded, so drafts,
post-mortems in review and restricted ones are never in it. Newest publication first, at
most :data:`LIMIT` entries. Links are absolute when the site has a ``site_url``, relative
to the feed otherwise. The XML is ``templates/postmortem/feed.xml``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from . import urls as u
from .catalog import PUBLISHED_STATUSES, Catalog, Entry
from .templating import Templates
from .urls import Urls

PATH = "feed.xml"
LIMIT = 50


def link_in_head(html: str, page, site_name: str, templates: Templates, urls: Urls) -> str:
    """``html`` with the feed's ``<link rel="alternate">`` in its head, for feed readers."""
    from mkdocs.utils import get_relative_url

    link = templates.render("feed-link.html", title=f"{site_name}: published post-mortems",
                            href=get_relative_url(urls.url(PATH), page.url or "."))
    return html.replace("</head>", f"{link}</head>", 1)


def in_feed(entry: Entry) -> bool:
    return entry.incident.status in PUBLISHED_STATUSES and not entry.incident.restricted


def _stamp(day: date | datetime | None) -> str | None:
    if day is None:
        return None
    if not isinstance(day, datetime):
        day = datetime.combine(day, time(0, 0), tzinfo=timezone.utc)
    return day.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _updated(entry: Entry) -> str:
    inc = entry.incident
    return _stamp(inc.published or inc.resolved or inc.started) or "1970-01-01T00:00:00Z"


def feed(catalog: Catalog, urls: Urls, templates: Templates, site_name: str, site_url: str | None) -> str:
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    entries = sorted((e for e in catalog.entries if in_feed(e)), key=lambda e: (_updated(e), e.stem), reverse=True)[:LIMIT]
    items = [
        {
            "entry": entry,
            "link": base + urls.url(entry.src_uri) if base else urls.href(PATH, entry.src_uri),
            "id": base + urls.url(entry.src_uri) if base else f"urn:x-postmortem:{entry.label}",
            "updated": _updated(entry),
            "summary": entry.incident.impact.get("summary") if isinstance(entry.incident.impact.get("summary"), str) else None,
        }
        for entry in entries
    ]
    updated = max((item["updated"] for item in items), default=_stamp(catalog.today))
    return str(templates.render(
        "feed.xml", title=site_name, items=items, updated=updated,
        home=base + urls.url(u.HOME) if base else urls.href(PATH, u.HOME),
        self_link=base + urls.url(PATH) if base else PATH,
        feed_id=base + urls.url(PATH) if base else "urn:x-postmortem:feed",
    )) + "\n"
