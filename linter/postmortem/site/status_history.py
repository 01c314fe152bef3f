"""Status history: the customer-facing summary of each published post-mortem, and nothing else.

Each page holds only the text under the post-mortem's ``### External Summary`` heading (see
``spec.EXTERNAL_SUMMARY`` for the accepted headings), titled by the date the incident
started. No title, id, service, link or other text of the post-mortem appears, so the page
set can be shared outside the organisation. Only ``published`` and ``closed`` post-mortems
with a non-empty external summary are included.
"""

from __future__ import annotations

from dataclasses import dataclass

from postmortem import spec

from . import markup as m
from .body import without_comments
from .catalog import PUBLISHED_STATUSES, Catalog, Entry

FOLDER = "status-history"
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


def notice_page(notice: Notice) -> str:
    title = f"Incident on {notice.heading}"
    return m.front_matter(title=m.attr(title), search={"exclude": True}) + f"# {m.md_text(title)}\n\n{notice.text}\n"


def index_page(found: list[Notice]) -> str:
    out = [
        m.front_matter(title="Status history", search={"exclude": True}),
        "# Status history\n\n",
        "What we told customers about each incident, newest first. "
        "These summaries contain nothing else from the post-mortems and may be shared outside the organisation.\n",
    ]
    if not found:
        out.append("\nNo published incident summaries yet.\n")
    for notice in found:
        out.append(f"\n## {m.md_text(notice.heading)}\n\n{notice.text}\n\n[Permanent link]({notice.slug}.md)\n")
    return "".join(out)
