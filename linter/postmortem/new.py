"""``postmortem new``: write a post-mortem from the template, safely inside the archive."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from string import Template

from .archive import archive_files, quick_id
from .times import parse_timestamp
from .vocabulary import SEVERITIES

SLUG_MAX = 60


def template_text() -> str:
    return resources.files("postmortem").joinpath("templates/postmortem.md").read_text("utf-8")


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


def render(id_: str, title: str, severity: str, services: list[str], tags: list[str], started: datetime) -> str:
    zone = zone_label(started)
    return Template(template_text()).substitute(
        id=id_,
        title=json.dumps(title, ensure_ascii=False),
        severity=severity,
        services="[" + ", ".join(services) + "]",
        tags="[" + ", ".join(tags) + "]",
        started=started.isoformat().replace("+00:00", "Z"),
        started_row=f"{started:%Y-%m-%d %H:%M} {zone}",
        zone=zone,
    )


def create(archive: Path, title: str, severity: str, services: list[str], tags: list[str], started_text: str) -> Path:
    """Write the new file; return its path. Raises ValueError on bad input."""
    started = parse_timestamp(started_text)
    if started is None:
        raise ValueError(f"start time {started_text!r} is not an ISO 8601 timestamp with timezone (e.g. 2026-03-04T14:02:00Z)")
    if severity.upper() not in SEVERITIES:
        raise ValueError(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    bad = [s for s in services + tags if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", s)]
    if bad:
        raise ValueError(f"service and tag names are lower-case and hyphenated: {', '.join(bad)}")
    if not services:
        raise ValueError("name at least one affected service")
    # Control and format characters (escape sequences, bidi overrides) only hide or reorder text.
    title = " ".join("".join(ch for ch in title if unicodedata.category(ch) not in ("Cc", "Cf")).split())
    if len(title) < 8:
        raise ValueError("the title needs at least 8 characters: name the impact, e.g. 'Checkout errors for EU customers'")
    archive.mkdir(parents=True, exist_ok=True)
    root = archive.resolve()
    text = render(next_id(archive, started.year), title, severity.upper(), services, tags, started)
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
