"""The metadata card at the top of a post-mortem page, and the notices above it."""

from __future__ import annotations

from postmortem import metrics

from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .search import TAG_FILTER
from .urls import Urls


def card(entry: Entry, catalog: Catalog, urls: Urls) -> str:
    """Notices, then the card: badges, response times, services, tags, detection, impact."""
    here = entry.src_uri
    inc = entry.incident
    head = [m.severity_badge(inc.severity), m.status_badge(inc.status)]
    if inc.restricted:
        head.append(m.restricted_badge())
    head.append(f'<span class="pm-card__id">{m.esc(entry.label)}</span>')
    if entry.day:
        head.append(f'<span class="pm-card__date">{m.esc(m.long_date(entry.day))}</span>')

    facts = [
        ("Duration", m.duration(metrics.impact_duration(inc)), "Customer impact: start to mitigation (or resolution)"),
        ("MTTD", m.duration(metrics.time_to_detect(inc)), "Time to detect: start of impact to detection"),
        ("MTTA", m.duration(metrics.time_to_acknowledge(inc)), "Time to acknowledge: detection to acknowledgement"),
        ("MTTR", m.duration(metrics.time_to_resolve(inc)), "Time to resolve: start of impact to resolution"),
    ]
    fact_html = "".join(
        f'<div class="pm-fact"><dt><abbr title="{m.attr(help_)}">{m.esc(label)}</abbr></dt>\n<dd>{m.esc(value)}</dd></div>\n'
        for label, value, help_ in facts
    )

    services = " ".join(m.chip(urls.href(here, u.BY_SERVICE, m.slug(s)), s, "service") for s in inc.services) or "—"
    tags = " ".join(m.chip(urls.href(here, u.BY_TAG, f"tag:{m.slug(t)}"), t, "tag", TAG_FILTER) for t in inc.tags) or "—"
    detection = m.DETECTION_LABELS.get(inc.detection_method or "", inc.detection_method or "—")
    rows = [
        ("Services", services),
        ("Tags", tags),
        ("Detected by", m.esc(detection)),
        ("Started", m.esc(_stamp(inc.started))),
        ("Resolved", m.esc(_stamp(inc.resolved))),
        ("Authors", m.esc(", ".join(inc.authors)) or "—"),
    ]
    meta_html = "".join(f"<div><dt>{m.esc(k)}</dt>\n<dd>{v}</dd></div>\n" for k, v in rows)

    return (
        _notices(entry)
        + '<section class="pm-card" aria-label="Incident summary">\n'
        # Badges and times make poor search snippets: the index skips them.
        + f'<div class="pm-card__head" data-search-exclude>{" ".join(head)}</div>\n'
        + f'<dl class="pm-card__facts" data-search-exclude>{fact_html}</dl>\n'
        + f'<dl class="pm-card__meta">{meta_html}</dl>\n'
        + _impact(entry)
        + _related(entry, catalog, urls)
        + "</section>"
    )


def _stamp(when) -> str:
    return when.strftime("%Y-%m-%d %H:%M %Z").strip() if when else "—"


def _impact(entry: Entry) -> str:
    impact = entry.incident.impact
    if not impact:
        return ""
    figures = []
    labels = (
        ("users_affected", "Users affected"),
        ("data_loss", "Data loss"),
        ("slo_budget_consumed", "SLO budget consumed"),
        ("revenue_impact", "Revenue impact"),
    )
    for key, label in labels:
        if key not in impact or impact[key] is None:
            continue
        value = impact[key]
        if key == "users_affected" and isinstance(value, int) and not isinstance(value, bool):
            text = m.esc(f"{value:,}")
        elif key == "slo_budget_consumed" and isinstance(value, (int, float)) and not isinstance(value, bool):
            text = m.esc(f"{value:g}%")
        else:
            text = m.with_markers(str(value))
        figures.append(f"<div><dt>{m.esc(label)}</dt>\n<dd>{text}</dd></div>\n")
    summary = impact.get("summary")
    summary_html = f'<p class="pm-card__impact-summary">{m.with_markers(str(summary))}</p>' if summary else ""
    return f'<div class="pm-card__impact"><p class="pm-card__label">Impact</p>{summary_html}<dl>{"".join(figures)}</dl></div>'


def _related(entry: Entry, catalog: Catalog, urls: Urls) -> str:
    related = catalog.related(entry)
    backlinks = [other for other in catalog.backlinks(entry) if other not in related]
    unknown = catalog.unknown_related(entry) if catalog.internal else []
    if not (related or backlinks or unknown):
        return ""
    items = []
    for other, how in [(o, "related") for o in related] + [(o, "links here") for o in backlinks]:
        href = urls.href(entry.src_uri, other.src_uri)
        items.append(
            f"<li>{m.severity_badge(other.incident.severity)} "
            f'{m.link(href, m.esc(other.title))} <span class="pm-muted">{m.esc(other.label)} · {how}</span></li>'
        )
    for id_ in unknown:
        items.append(f'<li><span class="pm-muted">{m.esc(id_)} · not in the archive</span></li>')
    return f'<div class="pm-card__related"><p class="pm-card__label">Related incidents</p><ul>{"".join(items)}</ul></div>'


def _notices(entry: Entry) -> str:
    out = []
    inc = entry.incident
    if inc.restricted:
        out.append(
            _admonition(
                "danger",
                "Restricted post-mortem",
                "This page is part of the internal build only. Do not share it or copy from it into other documents.",
            )
        )
    if inc.status in ("draft", "in-review"):
        out.append(_admonition("note", "Not yet reviewed", f"This post-mortem is {inc.status.replace('-', ' ')}; details may change."))
    if entry.errors:
        listed = "".join(
            f"<li><code>{m.esc(f'{d.line}:{d.col}')}</code> {m.esc(d.code)} {m.esc(d.message)}</li>" for d in entry.errors
        )
        out.append(
            _admonition(
                "warning",
                f"This post-mortem fails linting ({len(entry.errors)} error{'s' if len(entry.errors) != 1 else ''})",
                "It is published because the build allows lint errors.",
                f"<ul>{listed}</ul>",
            )
        )
    return "".join(out)


def _admonition(kind: str, title: str, text: str, extra_html: str = "") -> str:
    return (
        f'<div class="admonition {kind}"><p class="admonition-title">{m.esc(title)}</p>'
        f"<p>{m.esc(text)}</p>{extra_html}</div>"
    )
