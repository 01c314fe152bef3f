"""``postmortem actions`` and ``postmortem stats``: reports over the whole archive.

Both read the document model only (``doc.incident``, ``doc.actions``). ``actions`` lists
restricted post-mortems' items too, marked as such; ``stats`` takes its figures from
:mod:`postmortem.metrics`, over the post-mortems the published site counts (restricted ones
only with ``include_restricted``), so the site and the report give the same numbers.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from . import metrics
from .action_items import ActionFilter, facets as action_facets, incident_day, owner_summary
from .archive import collect_files, display_path
from .model import ActionItem, Document
from .parse import Limits, parse_file
from .times import format_duration
from .vocabulary import SEVERITIES



class ReportError(Exception):
    """Bad arguments: the CLI prints the message and exits 2."""


def load_documents(paths: Iterable[str], limits: Limits = Limits()) -> list[Document]:
    """Parse the post-mortems named by ``paths`` (files, or folders of post-mortems)."""
    try:
        files = collect_files(paths)
    except FileNotFoundError as exc:
        raise ReportError(str(exc)) from None
    return [parse_file(path, display_path(path), limits) for path in files]


# --------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class ActionRow:
    doc: Document
    id: str
    action: str
    category: str
    owner: str
    priority: str
    due: date | None
    due_text: str
    status: str
    tracking: str
    open: bool
    overdue: bool
    days_overdue: int | None
    facets: dict  # postmortem.action_items.facets: what the filters read
    item: ActionItem

    @property
    def postmortem(self) -> str:
        return self.doc.incident.id or Path(self.doc.path).stem

    @property
    def day(self) -> date | None:
        """The incident's date (:func:`action_items.incident_day`)."""
        return incident_day(self.doc.incident)


def action_rows(documents: Iterable[Document], today: date) -> list[ActionRow]:
    """Every action item of every document, earliest due date first (no due date last)."""
    rows = []
    for doc in documents:
        for item in doc.actions:
            days = metrics.overdue_days(item, today)
            rows.append(
                ActionRow(
                    doc, item.id, " ".join(item.action.split()), item.category, item.owner, item.priority,
                    item.due, item.due_text, item.status.strip(), item.tracking, item.is_open, days is not None,
                    days, action_facets(doc.incident, item, today), item,
                )
            )
    rows.sort(key=lambda r: (r.due is None, r.due or date.max, r.postmortem, r.id))
    return rows


def filter_actions(rows: list[ActionRow], open_only: bool = False, overdue_only: bool = False,
                   owner: str | None = None, chosen: ActionFilter | None = None) -> list[ActionRow]:
    """The rows ``chosen`` keeps (:mod:`postmortem.action_items`, the site's filters too), and
    of those the open, overdue or ``owner``'s ones when asked."""
    wanted = owner.strip().lower() if owner else None
    return [
        row
        for row in rows
        if (not open_only or row.open)
        and (not overdue_only or row.overdue)
        and (wanted is None or row.owner.strip().lower() == wanted)
        and (chosen is None or chosen.keeps(row.facets))
    ]


def owners(rows: list[ActionRow], today: date) -> list:
    """Per owner: open items, overdue ones, the oldest open (:func:`action_items.owner_summary`)."""
    return owner_summary(((row.doc.incident, row.item, f"{row.postmortem} {row.id}".strip()) for row in rows), today)


ACTION_FIELDS = (
    "postmortem", "title", "path", "visibility", "severity", "id", "action", "category", "owner",
    "priority", "due", "status", "open", "overdue", "days_overdue", "tracking", "incident_date",
)


def action_record(row: ActionRow) -> dict:
    incident = row.doc.incident
    return {
        "postmortem": incident.id,
        "title": incident.title,
        "path": Path(row.doc.path).as_posix(),
        "visibility": incident.visibility,
        "severity": incident.severity,
        "id": row.id,
        "action": row.action,
        "category": row.category,
        "owner": row.owner,
        "priority": row.priority,
        "due": row.due.isoformat() if row.due else (row.due_text or None),
        "status": row.status,
        "open": row.open,
        "overdue": row.overdue,
        "days_overdue": row.days_overdue,
        "tracking": row.tracking or None,
        "incident_date": row.day.isoformat() if row.day else None,
    }


def render_actions(rows: list[ActionRow], fmt: str, today: date) -> str:
    if fmt == "json":
        return json.dumps(
            {"version": 1, "today": today.isoformat(), "actions": [action_record(r) for r in rows]},
            indent=2, ensure_ascii=False,
        )
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=ACTION_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            record = action_record(row)
            record["open"] = "yes" if record["open"] else "no"
            record["overdue"] = "yes" if record["overdue"] else "no"
            writer.writerow({k: "" if v is None else v for k, v in record.items()})
        return out.getvalue().rstrip("\n")
    if not rows:
        return "No action items match."
    table = [("Post-mortem", "Date", "Sev", "ID", "Owner", "Category", "Prio", "Due", "Status", "Action")]
    for row in rows:
        name = row.postmortem + (" (restricted)" if row.doc.incident.restricted else "")
        due = row.due.isoformat() if row.due else (row.due_text or "—")
        if row.overdue:
            due += f" ({row.days_overdue}d overdue)"
        incident = row.doc.incident
        table.append((name, row.day.isoformat() if row.day else "—", incident.severity or "—", row.id, row.owner,
                      row.facets["category"][0], row.priority, due, row.status, row.action))
    lines = _columns(table, wrap=ACTION_WIDTH)
    open_count = sum(r.open for r in rows)
    overdue_count = sum(r.overdue for r in rows)
    lines.append("")
    lines.append(
        f"{len(rows)} action item{'s' if len(rows) != 1 else ''}: {open_count} open, "
        f"{overdue_count} overdue (as of {today.isoformat()})."
    )
    return "\n".join(lines)


# The text table wraps the Action column (its last) at this width rather than cutting it.
ACTION_WIDTH = 60

OWNER_FIELDS = ("owner", "open", "overdue", "oldest_open", "oldest_open_date", "oldest_open_age_days")


def render_owners(rows: list[ActionRow], fmt: str, today: date) -> str:
    """``postmortem actions --by-owner``: per owner, open and overdue items and the oldest open."""
    summaries = owners(rows, today)
    if fmt == "json":
        return json.dumps({"version": 1, "today": today.isoformat(), "owners": [s.as_dict() for s in summaries]},
                          indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=OWNER_FIELDS, lineterminator="\n")
        writer.writeheader()
        for summary in summaries:
            writer.writerow({k: "" if v is None else v for k, v in summary.as_dict().items()})
        return out.getvalue().rstrip("\n")
    if not summaries:
        return "No open action items match."
    table = [("Owner", "Open", "Overdue", "Oldest open")]
    for summary in summaries:
        oldest = summary.oldest_label or "—"
        if summary.oldest_day:
            oldest += f" ({summary.oldest_day.isoformat()}, {summary.oldest_age_days} days ago)"
        table.append((summary.owner, summary.open, summary.overdue, oldest))
    lines = _columns(table)
    lines.append("")
    lines.append(f"{len(summaries)} owner{'s' if len(summaries) != 1 else ''} with open items (as of {today.isoformat()}).")
    return "\n".join(lines)


def _columns(table: list[tuple], wrap: int | None = None) -> list[str]:
    """Aligned columns; with ``wrap``, the last column's text is wrapped at that width onto
    continuation lines (the other columns blank there), never cut."""
    wrapped = [
        list(row[:-1]) + [textwrap.wrap(str(row[-1]), wrap, break_long_words=False, break_on_hyphens=False) or [""] if wrap else [str(row[-1])]]
        for row in table
    ]
    widths = [max(len(str(row[i])) for row in wrapped) for i in range(len(table[0]) - 1)]
    widths.append(max(len(line) for row in wrapped for line in row[-1]))
    lines = []
    for index, row in enumerate(wrapped):
        first, *more = row[-1]
        cells = [str(value).ljust(width) for value, width in zip(row[:-1], widths)] + [first]
        lines.append("  ".join(cells).rstrip())
        blank = "  ".join(" " * width for width in widths[:-1])
        lines.extend(f"{blank}  {line}" for line in more)
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


# --------------------------------------------------------------------------- stats


percentile = metrics.percentile


def _figures(documents: list[Document]) -> dict:
    incidents = [doc.incident for doc in documents]
    out: dict = {"count": len(documents)}
    for key, (_, figure) in metrics.DURATIONS.items():
        out[key] = figure(incidents).as_dict()
    return out


def quarter(doc: Document) -> str:
    found = metrics.quarter(doc.incident)
    return f"{found[0]}-Q{found[1]}" if found else "unknown"


def stats(documents: list[Document], today: date, review_days: int = metrics.REVIEW_DAYS, include_restricted: bool = False,
          recurring: bool = False) -> dict:
    """The figures of the post-mortems :func:`metrics.counted` counts; ``left_out`` says how
    many others were read (restricted ones, unless included, and unreadable ones). With
    ``recurring``, also their recurring contributing factors (:mod:`postmortem.themes`)."""
    read = len(documents)
    documents = [doc for doc in documents if metrics.counted(doc, include_restricted)]
    by_severity: dict[str, list[Document]] = {}
    for doc in documents:
        severity = doc.incident.severity if doc.incident.severity in SEVERITIES else "unknown"
        by_severity.setdefault(severity, []).append(doc)
    by_quarter: dict[str, list[Document]] = {}
    for doc in documents:
        by_quarter.setdefault(quarter(doc), []).append(doc)
    stalled = []
    for doc in documents:
        incident = doc.incident
        days = metrics.days_unreviewed(incident, today)
        if days is not None and days > review_days:
            stalled.append({
                "postmortem": incident.id,
                "title": incident.title,
                "path": Path(doc.path).as_posix(),
                "status": incident.status,
                "visibility": incident.visibility,
                "ended": (incident.resolved or incident.started).date().isoformat(),
                "days_unreviewed": days,
            })
    stalled.sort(key=lambda d: (-d["days_unreviewed"], d["path"]))
    severity_order = [s for s in SEVERITIES if s in by_severity] + (["unknown"] if "unknown" in by_severity else [])
    quarter_order = sorted(q for q in by_quarter if q != "unknown") + (["unknown"] if "unknown" in by_quarter else [])
    extra = {}
    if recurring:
        from . import themes

        extra = {"themes_threshold": themes.THRESHOLD, "themes": [t.as_dict() for t in themes.themes(documents)]}
    return {
        "version": 1,
        "today": today.isoformat(),
        "postmortems": len(documents),
        "restricted": sum(doc.incident.restricted for doc in documents),
        "left_out": read - len(documents),
        "overall": _figures(documents),
        "by_severity": {s: _figures(by_severity[s]) for s in severity_order},
        "by_quarter": {q: _figures(by_quarter[q]) for q in quarter_order},
        "actions": metrics.action_counts(documents, today).as_dict(),
        "review_days": review_days,
        "stalled_reviews": stalled,
        **extra,
    }


def render_stats(data: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    if not data["postmortems"]:
        return "No post-mortems found." if not data.get("left_out") else (
            f"No post-mortems counted ({data['left_out']} left out: restricted or unreadable; "
            "--include-restricted counts restricted ones)."
        )

    def duration(seconds):
        return format_duration(None if seconds is None else timedelta(seconds=seconds))

    header = ["", "Count"]
    for label, _ in metrics.DURATIONS.values():
        header += [f"{label} {metrics.LABELS['median']}", f"{label} {metrics.LABELS['p90']}"]

    def row(name, figures):
        cells = [name, str(figures["count"])]
        for key in metrics.DURATIONS:
            cells += [duration(figures[key]["median_seconds"]), duration(figures[key]["p90_seconds"])]
        return tuple(cells)

    restricted = f" ({data['restricted']} restricted)" if data["restricted"] else ""
    if data.get("left_out"):
        restricted += f"; {data['left_out']} left out (restricted or unreadable)"
    lines = [f"{data['postmortems']} post-mortem{'s' if data['postmortems'] != 1 else ''}{restricted}, as of {data['today']}", ""]
    lines += _columns([tuple(["Severity"] + header[1:])] + [row(k, v) for k, v in data["by_severity"].items()] + [row("all", data["overall"])])
    lines.append("")
    lines += _columns([tuple(["Quarter"] + header[1:])] + [row(k, v) for k, v in data["by_quarter"].items()])
    lines.append("")
    actions = data["actions"]
    lines.append(f"Action items: {actions['total']} in total, {actions['open']} open, {actions['overdue']} overdue.")
    stalled = data["stalled_reviews"]
    heading = f"Not reviewed (draft or in review) more than {data['review_days']} days after the incident ended"
    if stalled:
        lines.append(f"{heading}: {len(stalled)}")
        for item in stalled:
            lines.append(f"  {item['postmortem'] or item['path']}  {item['status']}  {item['days_unreviewed']} days  {item['title'] or ''}".rstrip())
    else:
        lines.append(f"{heading}: none.")
    if "themes" in data:
        lines.append("")
        lines += _themes_text(data)
    lines.append("MTTD: started to detected; MTTA: detected to acknowledged; MTTR: started to resolved.")
    return "\n".join(lines)


def _themes_text(data: dict) -> list[str]:
    found = data["themes"]
    head = (f"Recurring contributing factors (similar text in two or more post-mortems, "
            f"TF-IDF cosine >= {data['themes_threshold']}): ")
    if not found:
        return [head + "none."]
    lines = [head + str(len(found))]
    for theme in found:
        lines.append(f"  seen in {theme['incidents']} incidents: {theme['label']}")
        for factor in theme["factors"]:
            name = f"{factor['postmortem'] or factor['path']} {factor['factor']}"
            lines.extend(textwrap.wrap(factor["text"], 100, initial_indent=f"    {name}  ",
                                       subsequent_indent=" " * (6 + len(name)), break_on_hyphens=False))
    return lines
