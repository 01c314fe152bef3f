"""``postmortem new``: write a post-mortem from a template, safely inside the archive.

Each answer has a check of its own (:func:`check_title`, :func:`check_severity`,
:func:`check_names`, :func:`check_started`), which the CLI runs as the answer is given, so
a bad answer is asked again and nothing typed before it is lost.

Two templates ship: ``full`` (every section, 5 Whys, internal and external summaries) and
``short`` (the sections the format requires of the severity, one row per table). By
default the severities that need no Stakeholder Communication get the short one
(:data:`DEFAULT_TEMPLATES`); ``new-templates`` in the configuration chooses per severity,
``full``, ``short`` or the path of a template of one's own (the same ``$placeholders``).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from string import Template

from . import spec
from .archive import archive_files, quick_id
from .times import parse_timestamp
from .vocabulary import SEVERITIES

SLUG_MAX = 60
TEMPLATES = {"full": "templates/postmortem.md", "short": "templates/postmortem-short.md"}
# The severities whose post-mortems need no Stakeholder Communication get the short template.
DEFAULT_TEMPLATES = {
    severity: "full" if "communication" in spec.REQUIRED_SECTIONS[severity] else "short" for severity in SEVERITIES
}
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def template_text(template: str = "full", root: Path | None = None) -> str:
    """The text of the ``full`` or ``short`` template, or of the file ``template`` names
    (relative to ``root``, the configuration's folder)."""
    if template in TEMPLATES:
        return resources.files("postmortem").joinpath(TEMPLATES[template]).read_text("utf-8")
    path = Path(template) if root is None else root / template
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"template {template!r} cannot be read: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- one check per answer


def check_title(text: str) -> str:
    """The title with control and format characters removed and spaces collapsed."""
    # Control and format characters (escape sequences, bidi overrides) only hide or reorder text.
    title = " ".join("".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf")).split())
    if len(title) < 8:
        raise ValueError("the title needs at least 8 characters: name the impact, e.g. 'Checkout errors for EU customers'")
    return title


def check_severity(text: str) -> str:
    severity = SEVERITIES.canonical(text.strip()) if text.strip() else None
    if severity is None:
        raise ValueError(f"severity {text!r} is not one of {', '.join(SEVERITIES)}")
    return severity


def check_names(text: str | list[str], what: str, required: bool = False) -> list[str]:
    """Comma-separated service or tag names: lower-case and hyphenated."""
    names = text if isinstance(text, list) else [part.strip() for part in text.split(",") if part.strip()]
    bad = [name for name in names if not _NAME.fullmatch(name)]
    if bad:
        raise ValueError(f"{what} names are lower-case and hyphenated (checkout-api): {', '.join(bad)}")
    if required and not names:
        raise ValueError(f"name at least one affected {what}")
    return list(dict.fromkeys(names))


def check_started(text: str) -> datetime:
    started = parse_timestamp(text.strip())
    if started is None:
        raise ValueError(f"start time {text!r} is not an ISO 8601 timestamp with timezone (e.g. 2026-03-04T14:02:00Z)")
    return started


def slugify(title: str) -> str:
    """ASCII, lower-case, hyphenated; never empty, never a path."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:SLUG_MAX].rstrip("-") or "incident"


def next_id(archive: Path, year: int) -> str:
    highest = 0
    if archive.is_dir():
        for path in archive_files(archive):
            found = quick_id(path)
            if found and found.startswith(f"PM-{year}-"):
                highest = max(highest, int(found.rsplit("-", 1)[1]))
    return f"PM-{year}-{highest + 1:03d}"


def zone_label(stamp: datetime) -> str:
    offset = stamp.utcoffset() or timedelta(0)
    if offset == timedelta(0):
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def render(id_: str, title: str, severity: str, services: list[str], tags: list[str], started: datetime,
           template: str = "full", root: Path | None = None) -> str:
    zone = zone_label(started)
    try:
        return _substitute(template_text(template, root), id_, title, severity, services, tags, started, zone)
    except (KeyError, ValueError) as exc:
        if template in TEMPLATES:
            raise
        raise ValueError(f"template {template!r}: {exc}") from None


def _substitute(text, id_, title, severity, services, tags, started, zone) -> str:
    return Template(text).substitute(
        id=id_,
        title=json.dumps(title, ensure_ascii=False),
        severity=severity,
        services="[" + ", ".join(services) + "]",
        tags="[" + ", ".join(tags) + "]",
        started=started.isoformat().replace("+00:00", "Z"),
        started_row=f"{started:%Y-%m-%d %H:%M} {zone}",
        zone=zone,
    )


def create(archive: Path, title: str, severity: str, services: list[str], tags: list[str], started_text: str,
           template: str | None = None, templates: dict[str, str] | None = None, config_root: Path | None = None) -> Path:
    """Write the new file; return its path. Raises ValueError on bad input.

    ``template`` (``full``, ``short`` or a path) wins over ``templates``, the configured
    choice per severity, which wins over :data:`DEFAULT_TEMPLATES`."""
    started = check_started(started_text)
    severity = check_severity(severity)
    services = check_names(services, "service", required=True)
    tags = check_names(tags, "tag")
    title = check_title(title)
    chosen = template or {**DEFAULT_TEMPLATES, **(templates or {})}[severity]
    text = render(next_id(archive, started.year), title, severity, services, tags, started, chosen, config_root)
    archive.mkdir(parents=True, exist_ok=True)
    root = archive.resolve()
    stem = f"{started:%Y-%m-%d}-{slugify(title)}"
    for attempt in range(1, 1000):
        name = f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md"
        target = root / name
        if target.parent != root:  # slugify makes this impossible; keep the guarantee explicit
            raise ValueError("refusing to write outside the archive folder")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return target
    raise ValueError(f"too many files named {stem}*.md")
