"""The insights page: what the archive says as a whole, with charts drawn at build time.

Incidents per month by severity, the MTTR trend per quarter, contributing-factor categories,
recurring themes (tags and factor categories that recur across incidents) and the services
with most incidents. Every chart has its numbers in a table beside it. The figures come
from :mod:`postmortem.metrics`, as ``postmortem stats`` prints them; the page is
``templates/postmortem/pages/insights.md``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any, Mapping, Sequence
from urllib.parse import urlencode

from postmortem import metrics, themes
from postmortem.vocabulary import FACTOR_CATEGORIES, FACTOR_CONTRIBUTIONS, SEVERITIES

from markupsafe import Markup

from . import charts
from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .templating import Templates
from .urls import Urls

MAX_MONTHS = 24
MAX_QUARTERS = 12
TOP_SERVICES = 10
# Nothing on the page grows with the archive: lists of post-mortems stop at these lengths
# and link to the rest (the archive table, filtered).
TOP_TAGS = 30  # recurring tags listed
TAG_LINKS = 10  # post-mortems named for each
TOP_THEMES = 20  # recurring contributing factors listed
THEME_FACTORS = 10  # factors quoted for each
CHART_DIR = "insights"


@dataclass
class Chart:
    name: str  # file stem under insights/
    title: str
    svg: str
    headers: Sequence[str]  # the numbers behind the chart, as a table
    rows: Sequence[Sequence[Any]]

    @property
    def src_uri(self) -> str:
        return f"{CHART_DIR}/{self.name}.svg"

    @property
    def inline(self) -> Markup:
        """The SVG to place in the page (pygal writes it with ElementTree, which escapes
        every label); on one line, as a blank line would end Markdown's raw HTML block."""
        return Markup(self.svg.replace("\n", ""))


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def incidents_by_month(entries: list[Entry], colours: Mapping[str, str]) -> Chart | None:
    dated = [e for e in entries if e.day]
    if not dated:
        return None
    last = max(_month(e.day) for e in dated)
    first = min(_month(e.day) for e in dated)
    months = _month_range(first, last)[-MAX_MONTHS:]
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in dated:
        counts[entry.incident.severity or "?"][_month(entry.day)] += 1
    labels = [f"{y}-{mo:02d}" for y, mo in months]
    series = [(sev, [counts[sev][mon] for mon in months], colours.get(sev, charts.NEUTRAL)) for sev in SEVERITIES]
    svg = charts.stacked_bars(
        "incidents-by-month",
        "Incidents per month by severity",
        labels,
        series,
        f"Stacked bars, one a month from {labels[0]} to {labels[-1]}, each split by severity from SEV1 to SEV4. "
        "The numbers are in the table below the chart.",
    )
    rows = [[label, *[counts[sev][mon] for sev in SEVERITIES], sum(counts[s][mon] for s in counts)] for label, mon in zip(labels, months)]
    return Chart("incidents-by-month", "Incidents per month by severity", svg, ["Month", *SEVERITIES, "All"], rows)


def mttr_trend(entries: list[Entry], colours: Mapping[str, str]) -> Chart | None:
    by_quarter: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.day:
            by_quarter[(entry.day.year, (entry.day.month - 1) // 3 + 1)].append(entry)
    if not by_quarter:
        return None
    quarters = []
    year, quarter = min(by_quarter)
    while (year, quarter) <= max(by_quarter):
        quarters.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    quarters = quarters[-MAX_QUARTERS:]

    median, p90 = metrics.LABELS["median"], metrics.LABELS["p90"]
    labels = [f"{y} Q{q}" for y, q in quarters]
    mttr = [metrics.mttr(e.incident for e in by_quarter[q]) for q in quarters]
    mttd = [metrics.mttd(e.incident for e in by_quarter[q]) for q in quarters]
    svg = charts.lines(
        "mttr-trend",
        "Median time to resolve and to detect, per quarter",
        labels,
        [(f"MTTR {median}", [_hours(f.median) for f in mttr]), (f"MTTD {median}", [_hours(f.median) for f in mttd])],
        "hours",
        f"Two lines over the quarters from {labels[0]} to {labels[-1]}: the median time to resolve (MTTR) "
        "and the median time to detect (MTTD), in hours. The numbers are in the table below the chart.",
    )
    rows = [
        [label, len(by_quarter[q]), *(m.duration(v) for v in (r.median, r.p90, d.median, d.p90))]
        for label, q, r, d in zip(labels, quarters, mttr, mttd)
    ]
    headers = ["Quarter", "Incidents", f"MTTR {median}", f"MTTR {p90}", f"MTTD {median}", f"MTTD {p90}"]
    return Chart("mttr-trend", "MTTR trend", svg, headers, rows)


def _hours(delta: timedelta | None) -> float | None:
    return round(delta.total_seconds() / 3600, 2) if delta is not None else None


def factor_categories(entries: list[Entry], colours: Mapping[str, str]) -> Chart | None:
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for factor in entry.doc.factors:
            category = factor.category.strip().title() or "?"
            counts[factor.contribution.strip().lower() or "?"][category] += 1
    categories = [c for c in FACTOR_CATEGORIES if any(counts[k][c] for k in counts)]
    categories += sorted({c for k in counts for c in counts[k]} - set(FACTOR_CATEGORIES))
    if not categories:
        return None
    colours = dict(zip(FACTOR_CONTRIBUTIONS, (charts.PALETTE[0], charts.PALETTE[1], charts.MINOR)))
    levels = [c for c in FACTOR_CONTRIBUTIONS if counts[c]] + sorted(set(counts) - set(FACTOR_CONTRIBUTIONS))
    series = [(level, [counts[level][c] for c in categories], colours.get(level, charts.NEUTRAL)) for level in levels]
    svg = charts.stacked_bars(
        "factor-categories",
        "Contributing factors by category and contribution",
        categories,
        series,
        f"Stacked bars, one a category of contributing factor ({', '.join(categories)}), each split by how much "
        "the factors contributed. The numbers are in the table below the chart.",
    )
    rows = [[c, *[counts[level][c] for level in levels], sum(counts[level][c] for level in levels)] for c in categories]
    return Chart("factor-categories", "Contributing-factor categories", svg, ["Category", *levels, "All"], rows)


def top_services(entries: list[Entry], colours: Mapping[str, str]) -> Chart | None:
    counts = Counter(service for entry in entries for service in entry.incident.services)
    if not counts:
        return None
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SERVICES]
    svg = charts.horizontal_bars(
        "top-services",
        "Services with most incidents",
        items,
        description=f"Horizontal bars, one a service, the most affected first: {items[0][0]} with {items[0][1]}. "
        "The numbers are in the table below the chart.",
    )
    rows = [[s, n] for s, n in items]
    return Chart("top-services", "Services with most incidents", svg, ["Service", "Incidents"], rows)


def all_charts(catalog: Catalog, colours: Mapping[str, str]) -> list[Chart]:
    """Every chart there is data for; ``colours``: the severities' (:func:`.charts.css_colours`)."""
    builders = (incidents_by_month, mttr_trend, factor_categories, top_services)
    return [chart for chart in (build(catalog.entries, colours) for build in builders) if chart]


def insights_page(catalog: Catalog, urls: Urls, found: list[Chart], templates: Templates) -> str:
    entries = catalog.entries
    recurring = _recurring(entries)
    themes_found = _factor_themes(entries)
    archive = urls.href(u.INSIGHTS, u.ARCHIVE)
    return m.front_matter(title="Insights", search={"exclude": True}) + templates.page(
        "insights.md",
        count=len(entries),
        tiles=_headline(entries),
        charts={chart.name: chart for chart in found},
        recurring=[(tag, tagged[:TAG_LINKS], len(tagged), f"{archive}?{urlencode({'tag': tag})}") for tag, tagged in recurring[:TOP_TAGS]],
        recurring_total=len(recurring),
        factor_themes=[dict(theme, factors=theme["factors"][:THEME_FACTORS], more=len(theme["factors"]) - THEME_FACTORS)
                       for theme in themes_found[:TOP_THEMES]],
        themes_total=len(themes_found),
        threshold=themes.THRESHOLD,
        categories=_categories(entries, len(entries)),
        href=partial(urls.href, u.INSIGHTS),
    )


def _headline(entries: list[Entry]) -> list[tuple[str, str]]:
    incidents = [e.incident for e in entries]
    median, p90 = metrics.LABELS["median"], metrics.LABELS["p90"]
    tiles = [(str(len(entries)), "incidents")]
    for label, figure in metrics.DURATIONS.values():
        found = figure(incidents)
        tiles += [(m.duration(found.median), f"{label} {median}"), (m.duration(found.p90), f"{label} {p90}")]
    tiles.append((m.duration(metrics.impact(incidents).median), f"impact {median}"))
    return tiles


def _recurring(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Tags more than one incident carries, most frequent first, with those incidents."""
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for tag in entry.incident.tags:
            by_tag[tag].append(entry)
    return sorted(((t, es) for t, es in by_tag.items() if len(es) > 1), key=lambda kv: (-len(kv[1]), kv[0]))


def _factor_themes(entries: list[Entry]) -> list[dict]:
    """Recurring contributing factors (:func:`postmortem.themes.themes`), each with its
    post-mortems' entries, in the order the theme lists them."""
    by_doc = {id(entry.doc): entry for entry in entries}
    return [
        {
            "label": theme.label,
            "incidents": theme.incidents,
            "factors": [(by_doc[id(o.doc)], o.factor) for o in theme.occurrences],
        }
        for theme in themes.themes(entry.doc for entry in entries)
    ]


def _categories(entries: list[Entry], total: int) -> list[tuple[str, str, int]]:
    """Per factor category: incidents with such a factor (of all), and in how many it was primary."""
    seen: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for factor in entry.doc.factors:
            category = factor.category.strip().title() or "?"
            seen[category].add(entry.stem)
            if factor.primary:
                primary[category].add(entry.stem)
    order = sorted(seen, key=lambda c: (-len(seen[c]), c))
    return [(c, f"{len(seen[c])} of {total}", len(primary[c])) for c in order]
