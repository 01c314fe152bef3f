"""The lint run: pick rules, parse files once, run rules, apply suppressions."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import suppression
from .archive import Archive, Owners, collect_files, display_path
from .config import Config, ConfigError, rule_settings
from .gc_tuning import fewer_collections as _fewer_collections
from .diagnostics import Diagnostic, Severity
from .model import Document, Source, Span
from .parse import UNREADABLE, Limits, Problem, parse_bytes, parse_file
from .rule import Finding, RuleInfo, all_rules, resolve_selector


class UsageError(Exception):
    """Bad arguments: the CLI prints the message and exits 2."""


@dataclass
class Context:
    """What a rule's ``check`` may read besides the document."""

    rule: RuleInfo
    options: dict
    linter: "Linter"

    @property
    def config(self) -> Config:
        return self.linter.config

    @property
    def today(self) -> date:
        return self.linter.today

    @property
    def archive(self) -> Archive | None:
        return self.linter.archive

    @property
    def owners(self) -> Owners | None:
        return self.linter.owners

    @property
    def selected(self) -> set[str]:
        """Codes of the rules this run checks."""
        return self.linter.selected

    @property
    def suppressions(self) -> list[suppression.Directive]:
        """The current document's suppression comments, each marked used or not (for rules
        that run after suppression)."""
        return self.linter._document_cache.get("suppressions", [])

    def cached(self, name: str, compute: Callable[[Document], Any], doc: Document) -> Any:
        """``compute(doc)`` once per document and name: several rules share one scan."""
        cache = self.linter._document_cache
        if name not in cache:
            cache[name] = compute(doc)
        return cache[name]

    def problems(self, doc: Document, kind: str) -> Iterator[Finding]:
        """Parse problems of one kind (``postmortem.parse.UNREADABLE``, ...) as findings."""
        for problem in doc.problems:
            if problem.kind == kind:
                yield Finding(problem.span, problem.message, problem.hint)


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    internal_errors: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # with keep_documents, in order
    cache_hits: int = 0  # files whose findings (and summary, when asked for) came from the cache
    summaries: list = field(default_factory=list)  # with summaries, one per file, in order


@dataclass(frozen=True)
class Summaries:
    """What a caller keeps of each document instead of the document (the site's summary),
    and how the findings cache writes it: ``to_data(summary, file bytes)`` is JSON-ready
    data or None (not cached), ``from_data(data, file bytes)`` reads it back or raises
    ValueError, TypeError, KeyError or IndexError; ``version`` names the layout."""

    make: Callable[[Document], Any]
    to_data: Callable[[Any, bytes], dict | None]
    from_data: Callable[[dict, bytes], Any]
    version: int


@dataclass
class _Selected:
    info: RuleInfo
    severity: Severity
    ctx: Context


class Linter:
    def __init__(
        self,
        config: Config,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_ignore: Iterable[str] = (),
        today: date | None = None,
    ):
        self.config = config
        self.today = today or date.today()
        self.limits = Limits(max_file_bytes=config.max_file_size)
        rules = all_rules()
        chosen = _expand(select if select is not None else config.select, "select")
        dropped = _expand(list(ignore if ignore is not None else config.ignore) + list(extend_ignore), "ignore")
        overrides = {}
        for selector, settings in config.rules.items():
            codes = resolve_selector(selector)
            if not codes:
                raise ConfigError(f"[tool.postmortem.rules]: unknown rule {selector!r}")
            for code in codes:
                overrides[code] = settings
        self.rules: list[_Selected] = []
        for code, info in rules.items():
            if code in chosen and code not in dropped:
                options, severity = rule_settings(info, overrides.get(code))
                self.rules.append(_Selected(info, severity, Context(info, options, self)))
        self.selected = {rule.info.code for rule in self.rules}
        self._subsuming = {rule.info.code for rule in self.rules if rule.info.subsumes}
        self._outranking = {rule.info.code: rule.info.outranks for rule in self.rules if rule.info.outranks}
        # (ignored codes, unreadable) -> the rules to run before and after suppression
        self._rule_lists: dict[tuple[frozenset[str], bool], tuple[list[_Selected], list[_Selected]]] = {}
        for pattern, selectors in config.per_file_ignores.items():
            try:
                _expand(selectors, f"per-file-ignores.{pattern}")
            except UsageError as exc:
                raise ConfigError(str(exc)) from None
        self.archive: Archive | None = None
        self._document_cache: dict[str, Any] = {}

    @cached_property
    def owners(self) -> Owners | None:
        path = self.config.owners_path
        if not path.is_file():
            if self.config.owners is not None:  # named in the configuration: it must exist
                raise ConfigError(f"owners: the owner registry {display_path(path)} does not exist")
            return None
        try:
            return Owners.load(path)
        except Exception as exc:  # a broken registry is a configuration error
            raise ConfigError(f"owner registry {display_path(path)}: {exc}") from None

    def configured_option(self, rule: str, option: str):
        """The value of a rule's option in this configuration (its default unless set), by the
        rule's name, whether or not the rule is selected."""
        info = next(info for info in all_rules().values() if info.name == rule)
        settings = next((s for selector, s in self.config.rules.items() if info.code in resolve_selector(selector)), None)
        return rule_settings(info, settings)[0][option]

    @property
    def needs_archive(self) -> bool:
        return any(rule.info.needs_archive for rule in self.rules)

    # ----------------------------------------------------------------- files

    def collect(self, paths: Iterable[str]) -> list[Path]:
        """Files to lint from command-line paths; a directory means its post-mortems."""
        try:
            return collect_files(paths)
        except FileNotFoundError as exc:
            raise UsageError(str(exc)) from None

    def parse(self, path: Path, internal_errors: list[str]) -> Document:
        """Parse one file. A parser bug becomes a finding on that file and an internal
        error (exit 2) instead of a traceback that would hide every other file's findings."""
        display = display_path(path)
        try:
            return parse_file(path, display, self.limits)
        except Exception as exc:  # noqa: BLE001 - any parser failure, reported per file
            internal_errors.append(f"internal error: the parser failed on {display}: {type(exc).__name__}: {exc}")
            return Document(
                source=Source(display, "", [""]),
                problems=[Problem(UNREADABLE, Span(1, 1, 1, 1), f"cannot be checked: internal error in the parser ({type(exc).__name__})",
                                  "Please report this file to the maintainers of the linter.")],
            )

    def lint_paths(
        self,
        paths: Iterable[Path],
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
        *,
        keep_documents: bool = False,
        cache_dir: Path | None = None,
        index_paths: Iterable[Path] | None = None,
        summaries: "Summaries | None" = None,
        cache_memory: dict | None = None,
        min_files_per_job: int | None = None,
    ) -> LintResult:
        """Parse and lint files one at a time; with ``jobs`` > 1, in that many processes.

        Cross-file rules read a light index of the archive's ids (``index_paths``, default
        ``paths``, plus the configured archive folder), built before any file is linted,
        so a run holds one parsed document at a time (all of them with
        ``keep_documents``) and its result is the same whatever ``jobs`` is or however
        the files are split between runs (``--shard``). With ``cache_dir``, files whose
        findings are cached for this set-up are not parsed again (see
        :mod:`postmortem.cache`). With ``summaries`` (the site), the result holds what
        ``summaries.make`` keeps of each document, in the order of ``paths``, instead of the
        documents; with ``cache_dir`` too, the summaries of unchanged files are read from
        the cache and only the other files are parsed. ``cache_memory`` (a dict kept by a
        process that lints the archive again and again, such as ``mkdocs serve``) holds the
        cache's entries of the last run, read first, with or without ``cache_dir``. A process
        is started for every ``min_files_per_job`` files to parse at least (default
        :data:`PARALLEL_MIN_FILES`). ``progress`` is called with the number of files
        finished since the last call.
        """
        paths = list(paths)
        result = LintResult(files=len(paths))
        self.owners  # a broken owner registry is a configuration error, raised before any rule runs
        if self.needs_archive:
            folder = self.config.archive_dir
            self.archive = Archive.from_paths(folder if folder.is_dir() else None, list(index_paths or paths), cache_dir)
        cache = None
        if (cache_dir is not None or cache_memory is not None) and not keep_documents:
            from .cache import FindingsCache

            cache = FindingsCache.for_linter(cache_dir, self, cache_memory)
        if summaries is not None:
            result.summaries = [None] * len(paths)
        todo: list[tuple[int, Path, bytes | None, str | None, str | None]] = []
        for index, path in enumerate(paths):
            data = self._read(path) if cache else None
            if data is None:
                todo.append((index, path, None, None, None))
                continue
            display = display_path(path)
            key = cache.key(display, data)
            summary_key = cache.summary_key(display, data, summaries.version) if summaries else None
            found = cache.get(key)
            kept = cache.get_summary(summary_key, data, summaries.from_data) if summaries and found is not None else None
            if found is not None and (summaries is None or kept is not None):
                result.diagnostics.extend(found)
                result.cache_hits += 1
                if summaries is not None:
                    result.summaries[index] = kept
                if progress:
                    progress(1)
            else:
                todo.append((index, path, data, key, summary_key))
        workers = max(1, min(jobs, len(todo) // (min_files_per_job or PARALLEL_MIN_FILES)))
        with _fewer_collections():
            if workers > 1:
                from . import pool

                outcomes = pool.lint_in_processes(self, [path for _, path, _, _, _ in todo], workers, progress, summaries,
                                                  [data for _, _, data, _, _ in todo])
            else:
                outcomes = self._lint_each(todo, result.documents if keep_documents else None, progress, summaries)
            for (index, _, data, key, summary_key), (diagnostics, errors, made) in zip(todo, outcomes):
                result.diagnostics.extend(diagnostics)
                result.internal_errors.extend(errors)
                if summaries is not None:
                    result.summaries[index] = made
                if key and not errors:
                    cache.put(key, diagnostics)
                    if summary_key:
                        cache.put_summary(summary_key, summaries.to_data(made, data))
        result.diagnostics.sort(key=lambda d: d.sort_key)
        return result

    def _lint_each(self, todo, documents: list[Document] | None, progress, summaries: "Summaries | None" = None):
        """(diagnostics, internal errors, summary or None) per file of ``todo``, one at a time."""
        for _, path, data, _, _ in todo:
            errors: list[str] = []
            doc = parse_bytes(data, display_path(path), self.limits) if data is not None else self.parse(path, errors)
            diagnostics = self.lint_document(doc, errors)
            if documents is not None:
                documents.append(doc)
            if progress:
                progress(1)
            yield diagnostics, errors, summaries.make(doc) if summaries is not None else None

    def _read(self, path: Path) -> bytes | None:
        """The file's bytes when it is a regular file within the size limit, else None (the
        parser then reports why it cannot be read)."""
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > self.limits.max_file_bytes:
                return None
            return Path(path).read_bytes()
        except (OSError, ValueError):
            return None

    def lint_documents(self, documents: list[Document], internal_errors: Iterable[str] = ()) -> LintResult:
        self.owners  # a broken owner registry is a configuration error, raised before any rule runs
        if self.needs_archive:
            folder = self.config.archive_dir
            self.archive = Archive.build(folder if folder.is_dir() else None, documents)
        result = LintResult(files=len(documents), documents=documents, internal_errors=list(internal_errors))
        with _fewer_collections():
            for doc in documents:
                result.diagnostics.extend(self.lint_document(doc, result.internal_errors))
        result.diagnostics.sort(key=lambda d: d.sort_key)
        return result

    # ----------------------------------------------------------------- one document

    def lint_document(self, doc: Document, internal_errors: list[str] | None = None) -> list[Diagnostic]:
        """Findings of the selected rules on ``doc``, after suppression comments.

        Rules marked ``AFTER_SUPPRESSION`` (unused-suppression) run last and read which
        directives suppressed something; their own findings are not suppressed.
        """
        ignored = frozenset(_expand(self.config.ignored_for(doc.path), "per-file-ignores")) if self.config.per_file_ignores else frozenset()
        before, after = self._rules_for(ignored, doc.unreadable)
        self._document_cache = {}
        try:
            found = self._run(before, doc, internal_errors)
            directives = list(suppression.directives(doc))
            kept = self._outrank(suppression.suppress(self._subsume(found), directives))
            self._document_cache["suppressions"] = directives
            kept += self._run(after, doc, internal_errors)
        finally:
            self._document_cache = {}
        return kept

    def _rules_for(self, ignored: frozenset[str], unreadable: bool) -> tuple[list[_Selected], list[_Selected]]:
        """The rules to run on a document before suppression and after it (``AFTER_SUPPRESSION``),
        less ``ignored``; on an unreadable document only those that read one. Worked out
        once per distinct pair, not once per document."""
        key = (ignored, unreadable)
        lists = self._rule_lists.get(key)
        if lists is None:
            rules = [rule for rule in self.rules if rule.info.code not in ignored and (rule.info.reads_unreadable or not unreadable)]
            lists = ([rule for rule in rules if not rule.info.after_suppression], [rule for rule in rules if rule.info.after_suppression])
            self._rule_lists[key] = lists
        return lists

    def _run(self, rules: list[_Selected], doc: Document, internal_errors: list[str] | None) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for rule in rules:
            info = rule.info
            try:
                for finding in info.check(doc, rule.ctx):
                    out.append(_diagnostic(doc.path, info, rule.severity, finding))
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                if internal_errors is None:
                    raise
                internal_errors.append(f"internal error: rule {info.code} ({info.name}) failed on {doc.path}: {type(exc).__name__}: {exc}")
        return out

    def _subsume(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop findings that overlap a finding of a subsuming rule (an unfilled placeholder:
        its rule already says what to do there)."""
        holes = [((d.line, d.col), (d.end_line, d.end_col)) for d in diagnostics if d.code in self._subsuming]
        if not holes:
            return diagnostics

        def overlaps(d: Diagnostic) -> bool:
            start, end = (d.line, d.col), (d.end_line, d.end_col)
            if end <= start:  # a point: treat it as covering one character
                end = (d.line, d.col + 1)
            return any(start < hole_end and hole_start < end for hole_start, hole_end in holes)

        return [d for d in diagnostics if d.code in self._subsuming or not overlaps(d)]


    def _outrank(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop a finding that says what a finding of a rule that outranks its rule says, at
        the same start or over the same span (the rule's ``OUTRANKS``): "he" named and
        blamed for one act is told once, by the more specific rule. After suppression
        comments, so that suppressing the outranking finding shows the other."""
        if not self._outranking:
            return diagnostics
        hidden = set()
        for d in diagnostics:
            for code, same in self._outranking.get(d.code, {}).items():
                hidden.add((code, d.line, d.col) + ((d.end_line, d.end_col) if same == "span" else ()))
        if not hidden:
            return diagnostics
        return [d for d in diagnostics if (d.code, d.line, d.col) not in hidden
                and (d.code, d.line, d.col, d.end_line, d.end_col) not in hidden]


PARALLEL_MIN_FILES = 64  # below this many files per process, starting processes costs more than it saves


def _diagnostic(path: str, info: RuleInfo, severity: Severity, finding: Finding) -> Diagnostic:
    span = finding.span
    return Diagnostic(
        path, span.line, span.col, span.end_line, span.end_col,
        info.code, info.name, severity, finding.message, finding.hint, finding.fix,
    )


def _expand(selectors: Iterable[str], what: str) -> set[str]:
    codes: set[str] = set()
    for selector in selectors:
        for part in str(selector).split(","):
            if not part.strip():
                continue
            found = resolve_selector(part)
            if not found:
                raise UsageError(f"{what}: unknown rule code or name {part.strip()!r} (see `postmortem rules`)")
            codes.update(found)
    return codes
