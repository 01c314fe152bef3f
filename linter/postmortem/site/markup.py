"""Text helpers shared by the generated pages: slugs, dates, durations, Markdown escaping.

No HTML here: the pages' HTML comes from the templates (:mod:`.templating`). What is left
is text: the words a value is shown with, and the Markdown and YAML around the HTML.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from postmortem.times import format_duration


@dataclass(frozen=True)
class Marker:
    """A confidence marker's badge text and its tooltip."""

    label: str
    help: str


MARKERS = {
    "ASSUMPTION": Marker("Assumption", "The authors assumed this; it was not verified."),
    "ESTIMATE": Marker("Estimate", "An estimate, not a measurement."),
    "UNCERTAIN": Marker("Uncertain", "The authors are not sure of this."),
}

_SLUG = re.compile(r"[^a-z0-9]+")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def slug(text: str) -> str:
    return _SLUG.sub("-", str(text).lower()).strip("-") or "x"


def css_token(text: str | None) -> str:
    """A value as a CSS class suffix: ``SEV1`` -> ``sev1``, unknown text -> ``unknown``."""
    return slug(text) if text else "unknown"


def status_text(status: str | None) -> str:
    """A review status as shown: ``in-review`` -> ``in review``."""
    return (status or "unknown").replace("-", " ")


def plural(count: int, word: str) -> str:
    """``word`` or ``words`` for ``count`` of them."""
    return word if count == 1 else word + "s"


def overdue_text(days: int) -> str:
    """An overdue badge's text: ``146 days overdue``."""
    return f"{days} {plural(days, 'day')} overdue"


def duration(delta: timedelta | None) -> str:
    """A figure from :mod:`postmortem.metrics` (None, never negative, when there is none)."""
    return format_duration(delta)


def day_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def stamp(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M %Z").strip() if when else "—"


def md_text(text: object) -> str:
    """Plain text made safe for a generated Markdown line: HTML-escaped, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def front_matter(**meta: object) -> str:
    """A YAML frontmatter block; values are written as JSON, which YAML reads verbatim."""
    lines = ["---"]
    for key, value in meta.items():
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def meta_text(value: object) -> str:
    """A title or description for a page's meta, escaped: the theme prints them as they are."""
    return html.escape(str(value), quote=True)
