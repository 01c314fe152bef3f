"""The metadata card at the top of a post-mortem page, and the notices above it.

The data is gathered here; the HTML is ``templates/postmortem/card.html`` and its partials
in ``card/`` (notices, impact, related incidents).
"""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from postmortem import metrics

from . import markup as m
from .catalog import Catalog, Entry
from .templating import Templates
from .urls import Urls

FACTS = (
    ("Duration", metrics.impact_duration, "Customer impact: start to mitigation (or resolution)"),
    ("MTTD", metrics.time_to_detect, "Time to detect: start of impact to detection"),
    ("MTTA", metrics.time_to_acknowledge, "Time to acknowledge: detection to acknowledgement"),
    ("MTTR", metrics.time_to_resolve, "Time to resolve: start of impact to resolution"),
)
IMPACT = (
    ("users_affected", "Users affected"),
    ("data_loss", "Data loss"),
    ("slo_budget_consumed", "SLO budget consumed"),
    ("revenue_impact", "Revenue impact"),
)


def card(entry: Entry, catalog: Catalog, urls: Urls, templates: Templates) -> Markup:
    """Notices, then the card: badges, response times, services, tags, detection, impact."""
    inc = entry.incident
    related = catalog.related(entry)
    backlinks = [other for other in catalog.backlinks(entry) if other not in related]
    return templates.render(
        "card.html",
        entry=entry,
        facts=[(label, m.duration(figure(inc)), help_) for label, figure, help_ in FACTS],
        impact=_impact(entry),
        related=[(o, "related") for o in related] + [(o, "links here") for o in backlinks],
        unknown=catalog.unknown_related(entry) if catalog.internal else [],
        edit_link=catalog.edit_link(entry),
        href=partial(urls.href, entry.src_uri),
    )


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _impact(entry: Entry) -> dict | None:
    impact = entry.incident.impact
    if not impact:
        return None
    figures = []
    for key, label in IMPACT:
        value = impact.get(key)
        if value is None:
            continue
        if key == "users_affected" and isinstance(value, int) and _number(value):
            figures.append((label, "count", value))
        elif key == "slo_budget_consumed" and _number(value):
            figures.append((label, "percent", value))
        else:
            figures.append((label, "text", str(value)))
    summary = impact.get("summary")
    return {"summary": str(summary) if summary else None, "figures": figures}
