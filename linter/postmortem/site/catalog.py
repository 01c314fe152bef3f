"""Which post-mortems the site publishes: lint the archive, then keep the publishable ones.

The whole archive is linted with the project's own configuration and the real rule engine,
so the site and ``postmortem lint`` agree. Findings at or above the configured fail level
stop the build with the linter's ``file:line:col`` diagnostics, unless the build allows
lint errors; then the affected pages carry a warning banner.

A post-mortem is published in the default build only when its frontmatter could be read
and says ``visibility: internal``; anything else (``restricted``, a typo, unreadable YAML)
is left out of every page. The internal build adds the ``restricted`` ones. A finding on a
published post-mortem that names a file left out (``id … is also used by <file>``) names
it as "a post-mortem this build leaves out": a file name says what the incident was.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import quote

from postmortem import metrics
from postmortem.archive import Owners, archive_files
from postmortem.config import Config
from postmortem.diagnostics import Diagnostic
from postmortem.engine import Linter, Summaries
from postmortem.model import ActionItem, Document, Incident
from postmortem.render import Summary, render
from postmortem.vocabulary import REVIEWED_STATUSES, STATUSES

from . import summary

PUBLISHED_STATUSES = REVIEWED_STATUSES  # the earlier ones of the schema's list are "not yet reviewed"


class LintFailure(Exception):
    """The archive does not pass the linter; ``str()`` is the report to print."""


@dataclass
class Entry:
    """One published post-mortem and where its page lives."""

    doc: summary.Summary  # what the pages read of the post-mortem (a Document given here is summarised)
    stem: str
    diagnostics: list[Diagnostic] = field(default_factory=list)  # every finding
    errors: list[Diagnostic] = field(default_factory=list)  # findings at the fail level

    def __post_init__(self) -> None:
        if isinstance(self.doc, Document):
            self.doc = summary.of(self.doc)

    @property
    def incident(self) -> Incident:
        return self.doc.incident

    @property
    def src_uri(self) -> str:
        return f"postmortems/{self.stem}.md"

    @property
    def title(self) -> str:
        return self.incident.title or self.stem

    @property
    def label(self) -> str:
        return self.incident.id or self.stem

    @property
    def day(self) -> date | None:
        return self.incident.started.date() if self.incident.started else None

    @property
    def unreviewed(self) -> bool:
        """A draft or a post-mortem in review: its page says details may change."""
        return self.incident.status in STATUSES and self.incident.status not in PUBLISHED_STATUSES

    @property
    def draft(self) -> bool:
        """Still a draft (the first status of the schema's list): its page says so in a banner."""
        return self.incident.status == STATUSES.values[0]

    @property
    def open_actions(self) -> list[ActionItem]:
        return [item for item in self.doc.actions if item.is_open]


@dataclass
class Catalog:
    entries: list[Entry]  # newest first
    today: date
    internal: bool
    owners: Owners | None = None
    edit_url: str | None = None  # the plugin's edit_url template
    root: Path | None = None  # what {path} in edit_url is relative to outside a git checkout
    by_id: dict[str, Entry] = field(default_factory=dict)
    referrers: dict[str, list[Entry]] = field(default_factory=dict)
    parsed: int | None = None  # post-mortems parsed for this catalog (the others came from the cache)

    def __post_init__(self) -> None:
        for entry in self.entries:
            if entry.incident.id:
                self.by_id.setdefault(entry.incident.id, entry)
        referrers: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for other in self.related(entry):
                if entry not in referrers[other.stem]:
                    referrers[other.stem].append(entry)
        self.referrers = dict(referrers)

    def related(self, entry: Entry) -> list[Entry]:
        """Published post-mortems that ``entry`` names in ``related``."""
        found = [self.by_id[id_] for id_ in entry.incident.related if id_ in self.by_id]
        return [other for other in found if other is not entry]

    def backlinks(self, entry: Entry) -> list[Entry]:
        """Published post-mortems that name ``entry`` in their ``related`` list."""
        return self.referrers.get(entry.stem, [])

    def edit_link(self, entry: Entry) -> str | None:
        """The "Edit this page" address of ``entry``'s source file; None unless configured."""
        if not self.edit_url:
            return None
        source = Path(entry.doc.path).resolve()
        root = next((folder for folder in source.parents if (folder / ".git").exists()), self.root)
        try:
            path = source.relative_to(root).as_posix() if root else source.name
        except ValueError:
            path = source.name
        return self.edit_url.replace("{path}", quote(path)).replace("{name}", quote(source.name))

    def unknown_related(self, entry: Entry) -> list[str]:
        """Ids in ``related`` that are in no published post-mortem of this build."""
        return [id_ for id_ in entry.incident.related if id_ not in self.by_id]


def publishable(doc: Document | summary.Summary, internal: bool) -> bool:
    """Fail closed: only a readable frontmatter that says ``internal`` (or ``restricted``
    in the internal build) is published; the same rule decides what ``postmortem stats``
    counts (:func:`postmortem.metrics.counted`, which a summary keeps the answers of)."""
    if isinstance(doc, summary.Summary):
        return doc.publishable(internal)
    return metrics.counted(doc, include_restricted=internal)


def load(
    source: Path,
    config: Config,
    *,
    today: date,
    internal: bool = False,
    allow_lint_errors: bool = False,
    drafts: bool = True,
    jobs: int | None = None,
    memory: dict | None = None,
) -> tuple[Catalog, list[Diagnostic]]:
    """Lint ``source`` and return the catalog of published post-mortems and every finding;
    without ``drafts``, drafts are left out as restricted post-mortems are.

    The catalog keeps a :class:`~.summary.Summary` of each post-mortem, never its parse.
    With the configuration's ``cache`` on, the findings and summaries of unchanged files
    come from the cache ``postmortem lint --cache`` uses, and only changed files are
    parsed. The files to parse are parsed, linted and summarised in ``jobs`` processes
    (default: one per CPU), as ``postmortem lint --jobs`` does; only their findings and
    summaries come back. ``memory`` (a dict the caller keeps between builds, as the
    plugin does under ``mkdocs serve``) holds the cache entries of the last build, so a
    rebuild parses only the files that changed, with or without ``cache`` on."""
    linter = Linter(config, today=today)
    files = archive_files(source)
    result = linter.lint_paths(files, jobs=jobs or os.cpu_count() or 1, min_files_per_job=FILES_PER_PROCESS,
                               cache_dir=config.cache_path if config.cache else None, summaries=SUMMARIES,
                               cache_memory=memory)
    if result.internal_errors:
        raise LintFailure("\n".join(result.internal_errors))
    failing = [d for d in result.diagnostics if d.severity >= config.fail_on]
    if failing and not allow_lint_errors:
        report = Summary(files=result.files, files_with_findings=len({d.path for d in failing}))
        raise LintFailure(render("text", failing, report))
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diag in result.diagnostics:
        by_path[diag.path].append(diag)
    left_out = [path for path, doc in zip(files, result.summaries) if not publishable(doc, internal)]
    entries = []
    for path, doc in zip(files, result.summaries):
        if not publishable(doc, internal):
            continue
        found = [_withhold(d, left_out) for d in by_path.get(doc.path, [])]
        errors = [d for d in found if d.severity >= config.fail_on]
        entry = Entry(doc, _stem(path, source), found, errors)
        if drafts or not entry.draft:
            entries.append(entry)
    entries.sort(key=lambda e: (e.incident.started.timestamp() if e.incident.started else 0, e.stem), reverse=True)
    cat = Catalog(entries, today, internal, linter.owners)
    cat.parsed = result.files - result.cache_hits
    return cat, result.diagnostics


# Files to parse for each worker process at least. A pool of two, forked from the build's
# process with everything imported, starts and stops in about 20 ms, the time of two
# files: a second process pays off from a few dozen files (a site build is seconds long,
# and the command line's engine.PARALLEL_MIN_FILES is its own choice).
FILES_PER_PROCESS = 16

# How lint_paths makes, writes and reads the site's summary of each post-mortem.
SUMMARIES = Summaries(make=summary.of, to_data=summary.to_data, from_data=summary.from_data, version=summary.FORMAT)

LEFT_OUT = "a post-mortem this build leaves out"


def _withhold(diag: Diagnostic, left_out: list[Path]) -> Diagnostic:
    """``diag`` with every path that ends in the name of a left-out file replaced."""
    names = [path.name for path in left_out if path.name in diag.message or path.name in (diag.hint or "")]
    if not names:
        return diag
    pattern = re.compile(r"\S*(?:" + "|".join(re.escape(name) for name in names) + r")")
    hint = pattern.sub(LEFT_OUT, diag.hint) if diag.hint else diag.hint
    return replace(diag, message=pattern.sub(LEFT_OUT, diag.message), hint=hint)


def _stem(path: Path, source: Path) -> str:
    """``postmortems/2026/a.md`` -> ``2026-a``: one flat, stable page name per file."""
    return "-".join(path.relative_to(source).with_suffix("").parts)
