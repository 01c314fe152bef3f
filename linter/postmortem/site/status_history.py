"""Status history: the customer-facing summary of each published post-mortem, and nothing else.

Each page holds only the text under the post-mortem's ``### External Summary`` heading (see
``spec.EXTERNAL_SUMMARY`` for the accepted headings), titled by the date the incident
started. No title, id, service, link or other text of the post-mortem appears, so the page
set can be shared outside the organisation. Only ``published`` and ``closed`` post-mortems
with a non-empty external summary are included.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from postmortem import spec

from . import markup as m
from .body import without_comments
from .catalog import PUBLISHED_STATUSES, Catalog, Entry
from .templating import Templates

FOLDER = "status-history"
PER_PAGE = 100  # summaries on each page of the history; older ones on the next page
_HEADINGS = {spec.normalise_heading(title) for title in spec.EXTERNAL_SUMMARY}


@dataclass
class Notice:
    entry: Entry
    text: str  # Markdown, from the post-mortem
    slug: str

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def heading(self) -> str:
        return m.long_date(self.entry.day) if self.entry.day else "Undated incident"


def external_summary(entry: Entry) -> str | None:
    doc = entry.doc
    for section in doc.sections:
        if section.level >= 2 and spec.normalise_heading(section.title) in _HEADINGS:
            lines = without_comments(doc)
            text = "\n".join(lines[section.line : section.end_line]).strip()
            return text or None
    return None


def notices(catalog: Catalog) -> list[Notice]:
    """Newest first; pages are named by date, ``-2``, ``-3`` for a second incident that day."""
    found = []
    used: set[str] = set()
    for entry in sorted(catalog.entries, key=lambda e: (e.day is None, e.day, e.stem)):
        if entry.incident.status not in PUBLISHED_STATUSES:
            continue
        text = external_summary(entry)
        if not text:
            continue
        base = entry.day.isoformat() if entry.day else "undated"
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        found.append(Notice(entry, text, slug))
    return list(reversed(found))


def notice_page(notice: Notice, templates: Templates) -> str:
    title = f"Incident on {notice.heading}"
    return m.front_matter(title=m.meta_text(title), search={"exclude": True}) + templates.page(
        "notice.md", title=title, text=_trusted(notice.text)
    )


def _page_uri(number: int) -> str:
    return f"{FOLDER}/index.md" if number == 1 else f"{FOLDER}/older-{number}.md"


def index_page(found: list[Notice], templates: Templates, number: int = 1) -> str:
    """Page ``number`` of the history: :data:`PER_PAGE` summaries, newest first."""
    pages = max(1, -(-len(found) // PER_PAGE))
    shown = found[(number - 1) * PER_PAGE : number * PER_PAGE]
    notices = [(notice.heading, _trusted(notice.text), notice.slug) for notice in shown]
    links = [(n, _page_uri(n).removeprefix(FOLDER + "/")) for n in range(1, pages + 1)]
    title = "Status history" if number == 1 else f"Status history, page {number}"
    return m.front_matter(title=title, search={"exclude": True}) + templates.page(
        "status-history.md", notices=notices, number=number, pages=links, total=len(found)
    )


def older_pages(found: list[Notice], templates: Templates) -> list[tuple[str, str]]:
    """The history's pages after the first, as (source path, Markdown)."""
    pages = -(-len(found) // PER_PAGE)
    return [(_page_uri(n), index_page(found, templates, n)) for n in range(2, pages + 1)]


def _trusted(markdown: str) -> Markup:
    """A summary's Markdown goes into the page as written: these pages render with raw HTML
    escaped (:mod:`.guard`), so it is shown as text, never run."""
    return Markup(markdown)
