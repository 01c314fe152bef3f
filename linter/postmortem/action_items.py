"""Action items across the archive: the one definition of each filter, and the per-owner summary.

``postmortem actions`` and the site's action-item page both take an item's values from
:func:`facets` and keep it by :meth:`ActionFilter.keeps`, so a filter means the same in
both. The page writes each row's values as JSON (``data-facets``) and
``site/assets/filters.js`` applies the same rule in the browser:

- values asked for in one facet widen the choice (any of them), facets narrow it (all of
  them); values compare ignoring case;
- ``since`` and ``until`` keep items whose incident started on or between those days (an
  item of an undated incident is left out as soon as either is given).

The facets, which are also the URL parameters of the page
(``actions/?severity=SEV1&severity=SEV2&category=prevent&state=open&since=2025-11-23``):

``severity``  the incident's severity;
``category``  the action's category (prevent, detect, ...), as the schema spells it;
``priority``  the action's priority (P0 ... P3);
``owner``     the action's owner, as written;
``status``    the action's status (open, in-progress, done, wont-do);
``state``     ``open`` for an item still open (open, in progress, blocked), and also ``overdue``
              when it is past its due date; ``finished`` otherwise (done or declined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from . import metrics
from .model import ActionItem, Incident
from .vocabulary import ACTION_CATEGORIES, ACTION_PRIORITIES, ACTION_STATUSES, SEVERITIES

__all__ = ["FACETS", "OPEN", "OVERDUE", "CLOSED", "STATES", "UNSET", "incident_day", "facets",
           "ActionFilter", "OwnerSummary", "owner_summary", "twelve_months_before", "check_values", "tracking_link"]

# (facet, label): the order of the page's filter form.
FACETS = (
    ("severity", "Severity"),
    ("category", "Category"),
    ("priority", "Priority"),
    ("state", "State"),
    ("status", "Status"),
    ("owner", "Owner"),
)
OPEN, OVERDUE, CLOSED = "open", "overdue", "finished"
STATES = (OPEN, OVERDUE, CLOSED)
UNSET = "(not set)"


def incident_day(incident: Incident) -> date | None:
    """The incident's date: the day it started (as written, in its own time zone)."""
    return incident.started.date() if incident.started else None


def _spelled(value: str, vocabulary) -> str:
    value = value.strip()
    return (vocabulary.canonical(value) or value) if value else UNSET


def facets(incident: Incident, item: ActionItem, today: date) -> dict[str, list[str]]:
    """The item's value in each facet, and its incident's ``date`` (``[]`` when undated)."""
    if item.is_open:
        state = [OPEN, OVERDUE] if metrics.overdue_days(item, today) is not None else [OPEN]
    else:
        state = [CLOSED]
    day = incident_day(incident)
    return {
        "severity": [incident.severity or UNSET],
        "category": [_spelled(item.category, ACTION_CATEGORIES)],
        "priority": [_spelled(item.priority, ACTION_PRIORITIES)],
        "state": state,
        "status": [_spelled(item.status, ACTION_STATUSES)],
        "owner": [item.owner.strip() or UNSET],
        "date": [day.isoformat()] if day else [],
    }


def _folded(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.strip().casefold() for value in values if value.strip())


@dataclass(frozen=True)
class ActionFilter:
    """Which action items to keep; an empty facet keeps every value."""

    severity: frozenset[str] = frozenset()
    category: frozenset[str] = frozenset()
    priority: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()
    status: frozenset[str] = frozenset()
    owner: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None

    @classmethod
    def of(cls, since: date | None = None, until: date | None = None, **chosen: Sequence[str]) -> "ActionFilter":
        """A filter from the values asked for in each facet (any case)."""
        unknown = set(chosen) - {name for name, _ in FACETS}
        if unknown:
            raise TypeError(f"no such facet: {', '.join(sorted(unknown))}")
        return cls(since=since, until=until, **{name: _folded(values or ()) for name, values in chosen.items()})

    def keeps(self, values: dict[str, list[str]]) -> bool:
        """Whether an item with these :func:`facets` passes."""
        for name, _ in FACETS:
            wanted = getattr(self, name)
            if wanted and not any(value.casefold() in wanted for value in values.get(name, ())):
                return False
        if self.since is None and self.until is None:
            return True
        if not values.get("date"):
            return False
        day = date.fromisoformat(values["date"][0])
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    @property
    def query(self) -> list[tuple[str, str]]:
        """The filter as the page's URL parameters (values as given, lower-cased)."""
        pairs = [(name, value) for name, _ in FACETS for value in sorted(getattr(self, name))]
        if self.since:
            pairs.append(("since", self.since.isoformat()))
        if self.until:
            pairs.append(("until", self.until.isoformat()))
        return pairs


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February): "the last twelve months"."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


# --------------------------------------------------------------------------- per owner


@dataclass(frozen=True)
class OwnerSummary:
    """One owner's open items: how many, how many overdue, and the oldest still open."""

    owner: str
    open: int
    overdue: int
    oldest_label: str | None  # "PM-2025-014 A1": the open item whose incident is oldest
    oldest_day: date | None  # that incident's date
    oldest_age_days: int | None  # days from that date to today

    def as_dict(self) -> dict:
        return {
            "owner": self.owner, "open": self.open, "overdue": self.overdue,
            "oldest_open": self.oldest_label,
            "oldest_open_date": self.oldest_day.isoformat() if self.oldest_day else None,
            "oldest_open_age_days": self.oldest_age_days,
        }


def owner_summary(items: Iterable[tuple[Incident, ActionItem, str]], today: date) -> list[OwnerSummary]:
    """Per owner of at least one open item, most overdue first: ``items`` are (incident,
    item, label) with the label that names the item (``PM-2025-014 A1``)."""
    found: dict[str, list[tuple[Incident, ActionItem, str]]] = {}
    for incident, item, label in items:
        if item.is_open:
            found.setdefault(item.owner.strip() or UNSET, []).append((incident, item, label))
    summaries = []
    for owner, own in found.items():
        dated = [(incident_day(incident), label) for incident, _, label in own if incident_day(incident)]
        oldest_day, oldest_label = min(dated) if dated else (None, own[0][2])
        summaries.append(OwnerSummary(
            owner,
            len(own),
            sum(metrics.overdue_days(item, today) is not None for _, item, _ in own),
            oldest_label,
            oldest_day,
            (today - oldest_day).days if oldest_day else None,
        ))
    summaries.sort(key=lambda s: (-s.overdue, -s.open, s.owner.casefold()))
    return summaries


def check_values(facet: str, values: Iterable[str]) -> list[str]:
    """The values in ``values`` that no item can have in ``facet`` (closed vocabularies only)."""
    vocabulary = {"severity": SEVERITIES, "category": ACTION_CATEGORIES, "priority": ACTION_PRIORITIES,
                  "status": ACTION_STATUSES}.get(facet)
    if facet == "state":
        return [value for value in values if value.strip().casefold() not in STATES]
    if vocabulary is None:
        return []
    known = {value.casefold() for value in vocabulary}
    return [value for value in values if value.strip().casefold() not in known]


# --------------------------------------------------------------------------- tracking


_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def tracking_link(item: ActionItem) -> tuple[str, str | None]:
    """The Tracking cell as (text, address): the address when the cell is an http(s) URL
    or a Markdown link to one, None otherwise (a ticket key such as ``OPS-123``)."""
    cell = item.cell("tracking")
    raw = cell.raw.strip() if cell else ""
    found = _LINK.match(raw)
    if found and _URL.match(found["href"]):
        return found["text"].strip(), found["href"]
    text = item.tracking.strip()
    if _URL.match(raw.strip("<>")):
        return text or raw.strip("<>"), raw.strip("<>")
    return text, None
