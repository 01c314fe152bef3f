"""Filters for the archive table: severity, service, year, tag and status, with counts.

The page carries everything the filters need: each row of the table holds its values as
JSON in ``data-facets``, and the form lists every value with the number of incidents that
have it. ``site/assets/filters.js`` filters in the browser, with no server: values ticked
in one facet widen the choice (any of them), facets narrow it (all of them); each count
says how many incidents that value would match with the other facets as they are; the
choice is kept in the URL (``?severity=SEV1&severity=SEV2&tag=dns``), so a filtered view
can be shared. Without JavaScript the form stays hidden and the whole table shows.
"""

from __future__ import annotations

import json
from collections import Counter

from postmortem.vocabulary import SEVERITIES, STATUSES

from . import markup as m
from .catalog import Entry
from .templating import Templates

# (URL parameter, label). The order of the form.
FACETS = (("severity", "Severity"), ("status", "Status"), ("year", "Year"), ("service", "Service"), ("tag", "Tag"))
UNDATED = "undated"
UNSET = "(not set)"


def values(entry: Entry) -> dict[str, list[str]]:
    """The values of each facet for one incident (services and tags: any number)."""
    inc = entry.incident
    return {
        "severity": [inc.severity or UNSET],
        "status": [inc.status or UNSET],
        "year": [str(entry.day.year) if entry.day else UNDATED],
        "service": list(dict.fromkeys(inc.services)),
        "tag": list(dict.fromkeys(inc.tags)),
    }


def facets_json(entry: Entry) -> str:
    """The row's ``data-facets`` value."""
    return json.dumps(values(entry), ensure_ascii=False, separators=(",", ":"))


def _ordered(facet: str, counts: Counter) -> list[str]:
    if facet in ("severity", "status"):
        vocabulary = SEVERITIES if facet == "severity" else STATUSES
        known = [s for s in vocabulary if s in counts]
        return known + sorted(set(counts) - set(known))
    if facet == "year":
        return sorted((y for y in counts if y != UNDATED), reverse=True) + ([UNDATED] if UNDATED in counts else [])
    return sorted(counts, key=lambda value: (-counts[value], value))  # services and tags: commonest first


def _label(facet: str, value: str) -> str:
    if facet == "status":
        return m.status_text(value)
    return "Undated" if facet == "year" and value == UNDATED else value


def form(entries: list[Entry], templates: Templates) -> str:
    """The filter form for a table of ``entries``; hidden until the script takes it over."""
    facets = []
    for facet, legend in FACETS:
        counts = Counter(value for entry in entries for value in values(entry)[facet])
        if counts:
            options = [(value, _label(facet, value), counts[value]) for value in _ordered(facet, counts)]
            facets.append((facet, legend, options))
    return templates.render("filters.html", facets=facets, total=len(entries))
