"""The insights page: what the archive says as a whole, with charts drawn at build time.

Incidents per month by severity, the MTTR trend per quarter, contributing-factor categories,
recurring themes (tags and factor categories that recur across incidents) and the services
with most incidents. Every chart has its numbers in a table beside it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from postmortem import metrics
from postmortem.vocabulary import FACTOR_CATEGORIES, FACTOR_CONTRIBUTIONS

from . import charts
from . import markup as m
from . import urls as u
from .catalog import Catalog, Entry
from .urls import Urls

MAX_MONTHS = 24
MAX_QUARTERS = 12
TOP_SERVICES = 10
CHART_DIR = "insights"


@dataclass
class Chart:
    name: str  # file stem under insights/
    title: str
    svg: str
    data_html: str

    @property
    def src_uri(self) -> str:
        return f"{CHART_DIR}/{self.name}.svg"


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def incidents_by_month(entries: list[Entry]) -> Chart | None:
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
    series = [(sev, [counts[sev][mon] for mon in months], charts.SEVERITY_COLORS[sev]) for sev in m.SEVERITY_ORDER]
    svg = charts.stacked_bars("incidents-by-month", "Incidents per month by severity", labels, series)
    rows = [[m.esc(label), *[m.esc(counts[sev][mon]) for sev in m.SEVERITY_ORDER], m.esc(sum(counts[s][mon] for s in counts))] for label, mon in zip(labels, months)]
    return Chart("incidents-by-month", "Incidents per month by severity", svg, m.table(["Month", *m.SEVERITY_ORDER, "All"], rows))


def mttr_trend(entries: list[Entry]) -> Chart | None:
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
    )
    rows = [
        [m.esc(label), m.esc(len(by_quarter[q])), *(m.esc(m.duration(v)) for v in (r.median, r.p90, d.median, d.p90))]
        for label, q, r, d in zip(labels, quarters, mttr, mttd)
    ]
    headers = ["Quarter", "Incidents", f"MTTR {median}", f"MTTR {p90}", f"MTTD {median}", f"MTTD {p90}"]
    return Chart("mttr-trend", "MTTR trend", svg, m.table(headers, rows))


def _hours(delta: timedelta | None) -> float | None:
    return round(delta.total_seconds() / 3600, 2) if delta is not None else None


def factor_categories(entries: list[Entry]) -> Chart | None:
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for factor in entry.doc.factors:
            category = factor.category.strip().title() or "?"
            counts[factor.contribution.strip().lower() or "?"][category] += 1
    categories = [c for c in FACTOR_CATEGORIES if any(counts[k][c] for k in counts)]
    categories += sorted({c for k in counts for c in counts[k]} - set(FACTOR_CATEGORIES))
    if not categories:
        return None
    colours = dict(zip(FACTOR_CONTRIBUTIONS, ("#37474f", "#e8590c", "#90a4ae")))
    levels = [c for c in FACTOR_CONTRIBUTIONS if counts[c]] + sorted(set(counts) - set(FACTOR_CONTRIBUTIONS))
    series = [(level, [counts[level][c] for c in categories], colours.get(level, "#b0bec5")) for level in levels]
    svg = charts.stacked_bars("factor-categories", "Contributing factors by category and contribution", categories, series)
    rows = [[m.esc(c), *[m.esc(counts[level][c]) for level in levels], m.esc(sum(counts[level][c] for level in levels))] for c in categories]
    return Chart("factor-categories", "Contributing-factor categories", svg, m.table(["Category", *levels, "All"], rows))


def top_services(entries: list[Entry]) -> Chart | None:
    counts = Counter(service for entry in entries for service in entry.incident.services)
    if not counts:
        return None
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SERVICES]
    svg = charts.horizontal_bars("top-services", "Services with most incidents", items)
    rows = [[m.esc(s), m.esc(n)] for s, n in items]
    return Chart("top-services", "Services with most incidents", svg, m.table(["Service", "Incidents"], rows))


def all_charts(catalog: Catalog) -> list[Chart]:
    builders = (incidents_by_month, mttr_trend, factor_categories, top_services)
    return [chart for chart in (build(catalog.entries) for build in builders) if chart]


def insights_page(catalog: Catalog, urls: Urls, found: list[Chart]) -> str:
    here = u.INSIGHTS
    entries = catalog.entries
    by_name = {chart.name: chart for chart in found}
    out = [
        m.front_matter(title="Insights", search={"exclude": True}),
        "# Insights\n\n",
        f"What {len(entries)} post-mortem{'s' if len(entries) != 1 else ''} say together. Charts are drawn when the site is built; each has its numbers below it.\n\n",
        _headline(entries),
    ]
    sections = [
        ("incidents-by-month", "Incidents per month", "Each bar is a month; colours are severities."),
        ("mttr-trend", "MTTR trend", "Median time from start of impact to resolution (MTTR) and to detection (MTTD), per quarter of the incident's start; the table adds the p90."),
        ("factor-categories", "Contributing factors", "Every contributing factor in the archive by category, split by how much it contributed."),
    ]
    for name, heading, text in sections:
        out.append(_chart_section(by_name.get(name), heading, text, urls, here))
    out.append(_recurring(catalog, urls))
    out.append(_chart_section(by_name.get("top-services"), "Services with most incidents", "Incidents per affected service (the top ten).", urls, here))
    return "".join(out)


def _chart_section(chart: Chart | None, heading: str, text: str, urls: Urls, here: str) -> str:
    out = f"\n## {heading}\n\n{text}\n\n"
    if chart is None:
        return out + "Not enough data yet.\n"
    src = urls.href(here, chart.src_uri)
    return (
        out
        + f'<figure class="pm-chart"><img src="{m.attr(src)}" alt="{m.attr(chart.title)}" width="760" loading="lazy"></figure>\n\n'
        + f'<details class="pm-chart-data"><summary>Numbers behind the chart</summary>{chart.data_html}</details>\n'
    )


def _headline(entries: list[Entry]) -> str:
    incidents = [e.incident for e in entries]
    median, p90 = metrics.LABELS["median"], metrics.LABELS["p90"]
    stats = [(str(len(entries)), "incidents")]
    for key, (label, figure) in metrics.DURATIONS.items():
        found = figure(incidents)
        stats += [(m.duration(found.median), f"{label} {median}"), (m.duration(found.p90), f"{label} {p90}")]
    stats.append((m.duration(metrics.impact(incidents).median), f"impact {median}"))
    cells = "".join(
        f'<div class="pm-stat"><span class="pm-stat__value">{m.esc(v)}</span><span class="pm-stat__label">{m.esc(k)}</span></div>'
        for v, k in stats
    )
    return f'<div class="pm-stats">{cells}</div>\n'


def _recurring(catalog: Catalog, urls: Urls) -> str:
    here = u.INSIGHTS
    entries = catalog.entries
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for tag in entry.incident.tags:
            by_tag[tag].append(entry)
    recurring = sorted(((t, es) for t, es in by_tag.items() if len(es) > 1), key=lambda kv: (-len(kv[1]), kv[0]))
    out = ["\n## Recurring themes\n\n", "Tags that more than one incident carries, most frequent first.\n\n"]
    if recurring:
        rows = []
        for tag, tagged in recurring:
            links = ", ".join(m.link(urls.href(here, e.src_uri), m.esc(e.label)) for e in tagged)
            rows.append([m.chip(urls.href(here, u.BY_TAG, f"tag:{m.slug(tag)}"), tag, "tag"), m.esc(len(tagged)), links])
        out.append(m.table(["Tag", "Incidents", "Post-mortems"], rows) + "\n")
    else:
        out.append("No tag recurs yet.\n")
    out.append("\nContributing-factor categories across incidents: how many incidents had at least one factor of each category, and in how many it was the primary factor.\n\n")
    seen: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for factor in entry.doc.factors:
            category = factor.category.strip().title() or "?"
            seen[category].add(entry.stem)
            if factor.primary:
                primary[category].add(entry.stem)
    if seen:
        order = sorted(seen, key=lambda c: (-len(seen[c]), c))
        rows = [[m.esc(c), m.esc(f"{len(seen[c])} of {len(entries)}"), m.esc(len(primary[c]))] for c in order]
        out.append(m.table(["Category", "Incidents with such a factor", "Primary in"], rows) + "\n")
    return "".join(out)
