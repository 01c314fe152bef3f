"""Small HTML builders shared by the generated pages: escaping, badges, links, tables.

Every value that comes from a post-mortem goes through :func:`esc` (or :func:`attr`);
nothing here trusts its input. The CSS classes are styled in ``docs/assets/postmortem.css``.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from typing import Iterable, Sequence

from postmortem.times import format_duration

SEVERITY_LABELS = {
    "SEV1": "Critical: widespread outage or data loss",
    "SEV2": "Major: a significant feature unavailable for many customers",
    "SEV3": "Minor: partial or degraded service for some customers",
    "SEV4": "Low: little customer impact",
}
SEVERITY_ORDER = ("SEV1", "SEV2", "SEV3", "SEV4")
ACTION_STATUS_LABELS = {
    "open": "Open",
    "in-progress": "In progress",
    "blocked": "Blocked",
    "done": "Done",
    "wont-do": "Won't do",
}
DETECTION_LABELS = {
    "monitoring-alert": "Monitoring alert",
    "user-report": "User report",
    "customer-support": "Customer support",
    "manual-discovery": "Manual discovery",
    "automated-test": "Automated test",
    "third-party": "Third party",
    "other": "Other",
}
MARKER_LABELS = {"ASSUMPTION": "Assumption", "ESTIMATE": "Estimate", "UNCERTAIN": "Uncertain"}
MARKER_HELP = {
    "ASSUMPTION": "The authors assumed this; it was not verified.",
    "ESTIMATE": "An estimate, not a measurement.",
    "UNCERTAIN": "The authors are not sure of this.",
}

_SLUG = re.compile(r"[^a-z0-9]+")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-") or "x"


def css_token(text: str | None) -> str:
    """A value as a CSS class suffix: ``SEV1`` -> ``sev1``, unknown text -> ``unknown``."""
    return slug(text) if text else "unknown"


def badge(text: str, kind: str, title: str | None = None, extra: str = "") -> str:
    title_attr = f' title="{attr(title)}"' if title else ""
    return f'<span class="pm-badge pm-badge--{attr(kind)}{extra}"{title_attr}>{esc(text)}</span>'


def severity_badge(severity: str | None) -> str:
    if not severity:
        return badge("SEV?", "unknown", "Severity not set")
    known = severity in SEVERITY_LABELS
    return badge(severity, css_token(severity) if known else "unknown", SEVERITY_LABELS.get(severity, "Unknown severity"))


def status_badge(status: str | None) -> str:
    text = (status or "unknown").replace("-", " ")
    return badge(text, f"status-{css_token(status)}", "Review state of the post-mortem")


def action_status_badge(status: str, overdue_days: int | None = None) -> str:
    key = status.strip().lower()
    label = ACTION_STATUS_LABELS.get(key, status.strip() or "?")
    out = badge(label, f"action-{css_token(key) if key in ACTION_STATUS_LABELS else 'unknown'}")
    if overdue_days:
        out += " " + overdue_badge(overdue_days)
    return out


def overdue_badge(days: int) -> str:
    return badge(f"{days} day{'s' if days != 1 else ''} overdue", "overdue", "Past its due date and still open")


def restricted_badge() -> str:
    return badge("restricted", "restricted", "Left out of the default site build")


def marker_open(kind: str) -> str:
    """Opening HTML of a confidence-marker badge; the note follows, then :data:`MARKER_CLOSE`."""
    return (
        f'<span class="pm-marker pm-marker--{css_token(kind)}" title="{attr(MARKER_HELP[kind])}">'
        f'<span class="pm-marker__kind">{esc(MARKER_LABELS[kind])}</span>'
    )


MARKER_CLOSE = "</span>"


def marker(kind: str, note: str | None = None) -> str:
    body = f'<span class="pm-marker__note">{esc(note)}</span>' if note else ""
    return marker_open(kind) + body + MARKER_CLOSE


def with_markers(text: str) -> str:
    """Escape plain text (a frontmatter value) and show its confidence markers as badges."""
    from postmortem.spec import CONFIDENCE_MARKER

    out, cursor = [], 0
    for match in CONFIDENCE_MARKER.finditer(text):
        out.append(esc(text[cursor : match.start()]))
        out.append(marker(match.group(1), match.group(2)))
        cursor = match.end()
    out.append(esc(text[cursor:]))
    return "".join(out)


def duration(delta: timedelta | None) -> str:
    """A figure from :mod:`postmortem.metrics` (None, never negative, when there is none)."""
    return format_duration(delta)


def day_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def link(href: str, text_html: str, cls: str | None = None) -> str:
    cls_attr = f' class="{attr(cls)}"' if cls else ""
    return f'<a href="{attr(href)}"{cls_attr}>{text_html}</a>'


def chip(href: str | None, text: str, kind: str, extra: str = "") -> str:
    """A chip; ``extra`` is trusted attribute markup, such as :data:`.search.TAG_FILTER`."""
    inner = esc(text)
    extra = f" {extra}" if extra else ""
    if href is None:
        return f'<span class="pm-chip pm-chip--{kind}"{extra}>{inner}</span>'
    return f'<a class="pm-chip pm-chip--{kind}" href="{attr(href)}"{extra}>{inner}</a>'


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str | tuple[str, str]]],
    cls: str = "pm-table",
    row_classes: Sequence[str] | None = None,
    row_attrs: Sequence[dict[str, str]] | None = None,
) -> str:
    """An HTML table; cells are trusted HTML, or ``(html, sort_key)`` for sortable tables.

    ``row_attrs``: more attributes of each row, values as plain text (escaped here)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for index, row in enumerate(rows):
        cells = []
        for cell in row:
            if isinstance(cell, tuple):
                content, key = cell
                cells.append(f'<td data-sort="{attr(key)}">{content}</td>')
            else:
                cells.append(f"<td>{cell}</td>")
        row_cls = row_classes[index] if row_classes else ""
        extra = "".join(f' {name}="{attr(value)}"' for name, value in row_attrs[index].items()) if row_attrs else ""
        opening = f'<tr class="{attr(row_cls)}"{extra}>' if row_cls else f"<tr{extra}>"
        body.append(opening + "".join(cells) + "</tr>")
    return (
        f'<div class="pm-table-wrap"><table class="{attr(cls)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_text(text: object) -> str:
    """Plain text made safe for a generated Markdown line: HTML-escaped, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def front_matter(**meta: object) -> str:
    """A YAML frontmatter block; values are written as JSON, which YAML reads verbatim."""
    import json

    lines = ["---"]
    for key, value in meta.items():
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
