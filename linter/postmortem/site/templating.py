"""The site's HTML comes from Jinja templates, auto-escaped and overridable by the site.

The templates ship in ``templates/postmortem/`` of this package. A site overrides any of
them the way it overrides mkdocs-material's partials: a file of the same name under its
theme's ``custom_dir`` (``overrides/postmortem/card.html`` replaces the metadata card).
Every value is escaped unless it is :class:`~markupsafe.Markup` already: another
template's output, or Markdown a page builder passes on as written (the rules' own
documentation; External Summaries, on pages rendered with raw HTML escaped by
:mod:`.guard`). Python never builds HTML strings.

The fragments used on several pages (badges, chips, the incident table, a data table, the
stat tiles) are methods of :class:`Templates`, exposed to every template as ``pm``:
``{{ pm.severity_badge(incident.severity) }}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from postmortem import metrics
from postmortem.vocabulary import ACTION_STATUSES, DETECTION_METHODS, SEVERITIES, STATUSES

from . import markup as m
from . import urls as u

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
# Splits a marker's HTML around its note: body edits put the note's own Markdown between.
_NOTE = "\x00note\x00"


class Templates:
    """A Jinja environment over the site's overrides (first) and this package's templates."""

    def __init__(self, overrides: str | Path | None = None) -> None:
        loaders = [FileSystemLoader(str(overrides))] if overrides else []
        loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            undefined=StrictUndefined,
            auto_reload=False,
        )
        self.env.filters.update(
            slug=m.slug,
            css_token=m.css_token,
            md=lambda value: Markup(m.md_text(value)),
            duration=m.duration,
            long_date=m.long_date,
            day=m.day_text,
            stamp=m.stamp,
            status_text=m.status_text,
            plural=m.plural,
            thousands=lambda value: f"{value:,}",
        )
        self.env.globals.update(
            pm=self,
            pages=u,
            metrics=metrics,
            severities=SEVERITIES,
            statuses=STATUSES,
            action_statuses=ACTION_STATUSES,
            detection_methods=DETECTION_METHODS,
            markers=m.MARKERS,
        )
        self._fragments: dict[tuple, Markup] = {}

    def render(self, name: str, **context: Any) -> Markup:
        """The template ``postmortem/<name>`` rendered with ``context``."""
        return Markup(self.env.get_template(f"postmortem/{name}").render(**context))

    def fragment(self, name: str, **context: Any) -> Markup:
        """:meth:`render` for a small fragment of plain values, rendered once per values.

        A site of 500 post-mortems renders some 90,000 badges, chips and dates, most of them
        alike; Jinja's context set-up made that a sixth of page building."""
        key = (name, *sorted(context.items()))
        found = self._fragments.get(key)
        if found is None:
            found = self._fragments[key] = self.render(name, **context)
        return found

    def page(self, name: str, **context: Any) -> str:
        """The Markdown of a generated page from ``postmortem/pages/<name>``, as plain text
        (MkDocs renders it; the frontmatter is put before it)."""
        return str(self.render(f"pages/{name}", **context))

    # ------------------------------------------------------------------ fragments

    def badge(self, text: str, kind: str, title: str | None = None) -> Markup:
        return self.fragment("badge.html", text=text, kind=kind, title=title)

    def severity_badge(self, severity: str | None) -> Markup:
        if not severity:
            return self.badge("SEV?", "unknown", "Severity not set")
        if severity in SEVERITIES:
            return self.badge(severity, m.css_token(severity), SEVERITIES.label(severity))
        return self.badge(severity, "unknown", "Unknown severity")

    def status_badge(self, status: str | None) -> Markup:
        return self.badge(m.status_text(status), f"status-{m.css_token(status)}", "Review state of the post-mortem")

    def action_status_badge(self, status: str) -> Markup:
        key = status.strip().lower()
        known = key in ACTION_STATUSES
        label = ACTION_STATUSES.label(key) if known else (status.strip() or "?")
        return self.badge(label, f"action-{m.css_token(key)}" if known else "action-unknown")

    def overdue_badge(self, days: int) -> Markup:
        return self.badge(m.overdue_text(days), "overdue", "Past its due date and still open")

    def restricted_badge(self) -> Markup:
        return self.badge("restricted", "restricted", "Left out of the default site build")

    def due(self, text: str, overdue_days: int | None) -> Markup:
        """A due date, with how many days overdue when it is."""
        return self.fragment("due.html", text=text, overdue_days=overdue_days)

    def action_id(self, action_id: str, anchor: str) -> Markup:
        return self.fragment("action-id.html", action_id=action_id, anchor=anchor)

    def marker(self, kind: str, note: str | None = None) -> Markup:
        """A confidence marker (``[ESTIMATE: …]``) as a badge."""
        return self.fragment("marker.html", kind=kind, marker=m.MARKERS[kind], note=note, body=None)

    def marker_parts(self, kind: str) -> tuple[Markup, Markup]:
        """The marker's HTML before and after its note, for a note kept as Markdown."""
        whole = self.fragment("marker.html", kind=kind, marker=m.MARKERS[kind], note=None, body=Markup(_NOTE))
        before, _, after = whole.partition(_NOTE)
        return Markup(before), Markup(after)

    def with_markers(self, text: str) -> Markup:
        """Plain text (a frontmatter value), escaped, with its confidence markers as badges."""
        from postmortem.spec import CONFIDENCE_MARKER

        parts: list[str | Markup] = []
        cursor = 0
        for match in CONFIDENCE_MARKER.finditer(text):
            parts.append(text[cursor : match.start()])
            parts.append(self.marker(match.group(1), match.group(2)))
            cursor = match.end()
        parts.append(text[cursor:])
        return Markup("").join(parts)

    def chip(self, href: str | None, text: str, kind: str, tag_filter: bool = False) -> Markup:
        return self.fragment("chip.html", href=href, text=text, kind=kind, tag_filter=tag_filter)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        cls: str = "pm-table",
        row_classes: Sequence[str] | None = None,
        row_attrs: Sequence[dict[str, str]] | None = None,
    ) -> Markup:
        """A table; a cell is text, template output, or ``(content, sort_key)``."""
        rows = list(rows)
        prepared = [
            {
                "cls": row_classes[index] if row_classes else "",
                "attrs": row_attrs[index] if row_attrs else {},
                "cells": [cell if isinstance(cell, tuple) else (cell, None) for cell in row],
            }
            for index, row in enumerate(rows)
        ]
        return self.render("table.html", headers=headers, rows=prepared, cls=cls)

    def stats(self, tiles: Sequence[tuple[str, str]], href=None) -> Markup:
        """Stat tiles: (value, label[, target page[, alert]]) each; with ``href``, links."""
        return self.render("stats.html", tiles=[_tile(tile) for tile in tiles], href=href)


def _tile(tile: tuple) -> dict:
    value, label, *rest = tile
    target = rest[0] if rest else None
    alert = bool(rest[1]) if len(rest) > 1 else False
    return {"value": value, "label": label, "target": target, "alert": alert}
