"""The archive's figures, one function each: ``postmortem stats`` and the site both call these.

Per incident (``docs/format.md``, "Incident metrics"):

- time to detect (MTTD): ``detected − started``;
- time to acknowledge (MTTA): ``acknowledged − detected``;
- time to resolve (MTTR): ``resolved − started``;
- impact duration: ``mitigated − started``, or time to resolve when never mitigated.

Over several incidents each is given as its **median** and **p90** (linear interpolation
between the closest ranks), over the incidents that have both timestamps. A negative
duration (timestamps out of order) is no figure: the incident is left out of that figure,
and ``postmortem lint`` reports it (PM104, ``timestamp-order``).

Which post-mortems count (:func:`counted`): those with a readable frontmatter that says
``visibility: internal``; ``restricted`` ones only when asked for (the site's internal
build, ``postmortem stats --include-restricted``). Drafts and post-mortems in review count:
their timestamps are facts even while their text is being reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable, Sequence

from .model import REVIEW_DAYS, ActionItem, Document, Incident, days_unreviewed  # noqa: F401 - the review workflow's, re-exported

__all__ = [
    "Figure",
    "ActionCounts",
    "LABELS",
    "counted",
    "percentile",
    "time_to_detect",
    "time_to_acknowledge",
    "time_to_resolve",
    "impact_duration",
    "mttd",
    "mtta",
    "mttr",
    "impact",
    "DURATIONS",
    "overdue_days",
    "action_counts",
    "quarter",
]

# How every page and report labels the two statistics.
LABELS = {"median": "median", "p90": "p90"}


# --------------------------------------------------------------------------- which documents


def counted(doc: Document, include_restricted: bool = False) -> bool:
    """Fail closed: a readable frontmatter that says ``internal`` (or ``restricted`` when
    ``include_restricted``) counts; anything else (a typo, unreadable YAML) does not."""
    if doc.frontmatter is None:
        return False
    visibility = doc.frontmatter.data.get("visibility")
    return visibility == "internal" or (include_restricted and visibility == "restricted")


# --------------------------------------------------------------------------- per incident


def _nonnegative(delta: timedelta | None) -> timedelta | None:
    return delta if delta is not None and delta >= timedelta(0) else None


def time_to_detect(incident: Incident) -> timedelta | None:
    """``detected − started``; None when either is missing or they are out of order."""
    return _nonnegative(incident.time_to_detect)


def time_to_acknowledge(incident: Incident) -> timedelta | None:
    """``acknowledged − detected``; None when either is missing or they are out of order."""
    return _nonnegative(incident.time_to_acknowledge)


def time_to_resolve(incident: Incident) -> timedelta | None:
    """``resolved − started``; None when either is missing or they are out of order."""
    return _nonnegative(incident.time_to_resolve)


def impact_duration(incident: Incident) -> timedelta | None:
    """Until mitigation, or until resolution when never mitigated; None when unknown."""
    return _nonnegative(incident.duration)


# --------------------------------------------------------------------------- over incidents


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Figure:
    """A duration over ``n`` incidents: median and p90, in whole seconds (None when n is 0)."""

    n: int
    median_seconds: int | None
    p90_seconds: int | None

    @property
    def median(self) -> timedelta | None:
        return None if self.median_seconds is None else timedelta(seconds=self.median_seconds)

    @property
    def p90(self) -> timedelta | None:
        return None if self.p90_seconds is None else timedelta(seconds=self.p90_seconds)

    def as_dict(self) -> dict:
        return {"n": self.n, "median_seconds": self.median_seconds, "p90_seconds": self.p90_seconds}


def _figure(incidents: Iterable[Incident], per_incident: Callable[[Incident], timedelta | None]) -> Figure:
    seconds = [d.total_seconds() for d in map(per_incident, incidents) if d is not None]
    median, p90 = percentile(seconds, 0.5), percentile(seconds, 0.9)
    return Figure(len(seconds), None if median is None else round(median), None if p90 is None else round(p90))


def mttd(incidents: Iterable[Incident]) -> Figure:
    """Time to detect over ``incidents``: median and p90."""
    return _figure(incidents, time_to_detect)


def mtta(incidents: Iterable[Incident]) -> Figure:
    """Time to acknowledge over ``incidents``: median and p90."""
    return _figure(incidents, time_to_acknowledge)


def mttr(incidents: Iterable[Incident]) -> Figure:
    """Time to resolve over ``incidents``: median and p90."""
    return _figure(incidents, time_to_resolve)


def impact(incidents: Iterable[Incident]) -> Figure:
    """Impact duration over ``incidents``: median and p90."""
    return _figure(incidents, impact_duration)


# The durations ``postmortem stats`` reports, by key: (label, function).
DURATIONS: dict[str, tuple[str, Callable[[Iterable[Incident]], Figure]]] = {
    "mttd": ("MTTD", mttd),
    "mtta": ("MTTA", mtta),
    "mttr": ("MTTR", mttr),
}


# --------------------------------------------------------------------------- action items


def overdue_days(item: ActionItem, today: date) -> int | None:
    """Days past the due date of an open item; None when it is not overdue."""
    return (today - item.due).days if item.due is not None and item.overdue(today) else None


@dataclass(frozen=True)
class ActionCounts:
    total: int
    open: int
    overdue: int

    def as_dict(self) -> dict:
        return {"total": self.total, "open": self.open, "overdue": self.overdue}


def action_counts(documents: Iterable[Document], today: date) -> ActionCounts:
    items = [item for doc in documents for item in doc.actions]
    return ActionCounts(
        len(items),
        sum(item.is_open for item in items),
        sum(overdue_days(item, today) is not None for item in items),
    )


# --------------------------------------------------------------------------- grouping


def quarter(incident: Incident) -> tuple[int, int] | None:
    """(year, quarter) of the incident's start; None when it has no start."""
    started = incident.started
    return (started.year, (started.month - 1) // 3 + 1) if started else None
