"""The lint run: pick rules, parse files once, run rules, apply suppressions."""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .archive import Archive, Owners, collect_files, display_path
from .config import Config, ConfigError
from .diagnostics import Diagnostic, Severity
from .model import Document, Source, Span
from .parse import Limits, Problem, parse_file
from .rule import Finding, RuleInfo, all_rules, resolve_selector


class UsageError(Exception):
    """Bad arguments: the CLI prints the message and exits 2."""


_DIRECTIVE = re.compile(r"^postmortem:\s*(disable-file|disable)\s*(?:=\s*(.*))?$", re.IGNORECASE | re.DOTALL)
UNUSED_SUPPRESSION = "PM003"


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

    def problems(self, doc: Document, code: str | None = None) -> Iterator[Finding]:
        """Parse problems that belong to this rule."""
        for problem in doc.problems:
            if problem.code == (code or self.rule.code):
                yield Finding(problem.span, problem.message, problem.hint)


@dataclass
class Directive:
    line: int
    codes: set[str] | None  # None: every rule
    whole_file: bool
    lines: tuple[int, int] | None
    text: str
    used: bool = False


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    internal_errors: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


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
        self.rules: list[tuple[RuleInfo, Severity, Context]] = []
        overrides = {}
        for selector, settings in config.rules.items():
            codes = resolve_selector(selector)
            if not codes:
                raise ConfigError(f"[tool.postmortem.rules]: unknown rule {selector!r}")
            for code in codes:
                overrides[code] = settings
        for code in rules:
            if code not in chosen or code in dropped:
                continue
            info = rules[code]
            settings = overrides.get(code)
            options = dict(info.options)
            severity = info.severity
            if settings is not None:
                unknown = sorted(set(settings.options) - set(info.options))
                if unknown:
                    raise ConfigError(
                        f"[tool.postmortem.rules.{code}]: unknown option(s) {', '.join(unknown)}"
                        + (f"; {info.name} takes: {', '.join(info.options)}" if info.options else f"; {info.name} takes no options")
                    )
                for option, value in settings.options.items():
                    default = info.options[option]
                    if default is not None and not _same_kind(value, default):
                        raise ConfigError(
                            f"[tool.postmortem.rules.{code}]: option {option} must be {_kind(default)}, like its default {default!r}"
                        )
                options.update(settings.options)
                severity = settings.severity or severity
            validate = getattr(info.module, "validate_options", None)
            if validate is not None:  # a rule may check its option values up front (raises ConfigError)
                validate(options)
            self.rules.append((info, severity, Context(info, options, self)))
        self.selected = {info.code for info, _, _ in self.rules}
        for pattern, selectors in config.per_file_ignores.items():
            try:
                _expand(selectors, f"per-file-ignores.{pattern}")
            except UsageError as exc:
                raise ConfigError(str(exc)) from None
        self.archive: Archive | None = None
        self._archive_given = False  # True in a worker: the parent indexed the archive

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

    # ----------------------------------------------------------------- files

    def collect(self, paths: Iterable[str]) -> list[Path]:
        """Files to lint from command-line paths; a directory means its post-mortems."""
        try:
            return collect_files(paths)
        except FileNotFoundError as exc:
            raise UsageError(str(exc)) from None

    def parse(self, path: Path, internal_errors: list[str]) -> Document:
        """Parse one file. A parser bug becomes a PM001 finding on that file and an internal
        error (exit 2) instead of a traceback that would hide every other file's findings."""
        display = display_path(path)
        try:
            return parse_file(path, display, self.limits)
        except Exception as exc:  # noqa: BLE001 - any parser failure, reported per file
            internal_errors.append(f"internal error: the parser failed on {display}: {type(exc).__name__}: {exc}")
            return Document(
                source=Source(display, "", [""]),
                problems=[Problem("PM001", Span(1, 1, 1, 1), f"cannot be checked: internal error in the parser ({type(exc).__name__})",
                                  "Please report this file to the maintainers of the linter.")],
            )

    def lint_paths(self, paths: Iterable[Path], jobs: int = 1, progress: Callable[[int], None] | None = None) -> LintResult:
        """Parse and lint files; with ``jobs`` > 1, in that many processes.

        The result is the same whatever ``jobs`` is: diagnostics are sorted, and the
        archive's ids are indexed once, before the files are split between processes.
        ``progress`` is called with the number of files finished since the last call.
        """
        paths = list(paths)
        jobs = max(1, min(jobs, len(paths) // PARALLEL_MIN_FILES))
        with _fewer_collections():
            if jobs == 1:
                internal_errors: list[str] = []
                documents = []
                for path in paths:
                    documents.append(self.parse(path, internal_errors))
                    if progress:
                        progress(1)
                return self.lint_documents(documents, internal_errors)
            return self._lint_in_processes(paths, jobs, progress)

    def _lint_in_processes(self, paths: list[Path], jobs: int, progress) -> LintResult:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.owners  # configuration errors surface here, not in a worker
        if any(info.needs_archive for info, _, _ in self.rules):
            folder = self.config.archive_dir
            self.archive = Archive.from_paths(folder if folder.is_dir() else None, paths)
        global _WORKER_LINTER
        _WORKER_LINTER = self  # inherited by the forked workers
        size = max(1, min(200, len(paths) // (jobs * 4)))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        result = LintResult(files=len(paths))
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                for chunk, (diagnostics, errors) in zip(chunks, pool.map(_lint_chunk, chunks)):
                    result.diagnostics.extend(diagnostics)
                    result.internal_errors.extend(errors)
                    if progress:
                        progress(len(chunk))
        finally:
            _WORKER_LINTER = None
        result.diagnostics.sort(key=lambda d: d.sort_key)
        return result

    def lint_documents(self, documents: list[Document], internal_errors: Iterable[str] = ()) -> LintResult:
        self.owners  # a broken owner registry is a configuration error, raised before any rule runs
        if any(info.needs_archive for info, _, _ in self.rules) and not self._archive_given:
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
        unreadable = any(problem.code == "PM001" for problem in doc.problems)
        ignored = set(_expand(self.config.ignored_for(doc.path), "per-file-ignores")) if self.config.per_file_ignores else set()
        raw: list[Diagnostic] = []
        for info, severity, ctx in self.rules:
            if info.code in ignored or (unreadable and info.code != "PM001"):
                continue
            try:
                for finding in info.check(doc, ctx):
                    raw.append(_diagnostic(doc.path, info, severity, finding))
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                message = f"internal error: rule {info.code} ({info.name}) failed on {doc.path}: {type(exc).__name__}: {exc}"
                if internal_errors is None:
                    raise
                internal_errors.append(message)
        return self._suppress(doc, _subsume_placeholders(raw))

    def _suppress(self, doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        directives = list(_directives(doc))
        if not directives:
            return diagnostics
        kept: list[Diagnostic] = []
        for diag in diagnostics:
            suppressed = False
            for directive in directives:
                if directive.codes is not None and diag.code not in directive.codes:
                    continue
                if directive.whole_file or (directive.lines and directive.lines[0] <= diag.line <= directive.lines[1]):
                    directive.used = suppressed = True
            if not suppressed:
                kept.append(diag)
        if UNUSED_SUPPRESSION in self.selected:
            info = all_rules()[UNUSED_SUPPRESSION]
            severity = next(sev for rule, sev, _ in self.rules if rule.code == UNUSED_SUPPRESSION)
            for directive in directives:
                unknown = sorted((directive.codes or set()) - set(all_rules()))
                if unknown:
                    message = f"suppression names unknown rule(s): {', '.join(unknown)}"
                elif directive.used:
                    continue
                elif directive.codes is not None and not directive.codes & self.selected:
                    continue  # the rules it names are not running: nothing to judge
                else:
                    message = f"suppression `{directive.text}` suppresses nothing"
                span = Span(directive.line, 1, directive.line, len(doc.source.lines[directive.line - 1]) + 1)
                kept.append(_diagnostic(doc.path, info, severity, Finding(span, message, "Remove the comment.")))
        return kept


PLACEHOLDER_RULE = "PM205"


def _subsume_placeholders(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop findings that overlap an unfilled placeholder: PM205 already says what to do there."""
    holes = [((d.line, d.col), (d.end_line, d.end_col)) for d in diagnostics if d.code == PLACEHOLDER_RULE]
    if not holes:
        return diagnostics

    def overlaps(d: Diagnostic) -> bool:
        start, end = (d.line, d.col), (d.end_line, d.end_col)
        if end <= start:  # a point: treat it as covering one character
            end = (d.line, d.col + 1)
        return any(start < hole_end and hole_start < end for hole_start, hole_end in holes)

    return [d for d in diagnostics if d.code == PLACEHOLDER_RULE or not overlaps(d)]


@contextmanager
def _fewer_collections():
    """Run the cyclic garbage collector less often while linting many files.

    Parsing allocates hundreds of thousands of container objects per hundred files
    (markdown-it's tokens, the model), nearly all freed by reference counting, and a run
    keeps every parsed document. With the default thresholds (700, 10, 10) the collector
    re-walks surviving tokens in each young collection and the whole growing heap in each
    full one: a third of the run's CPU at 2,000 files. Higher thresholds keep it collecting
    the few real cycles (ruamel.yaml makes some per file), rarely. The old ones are restored.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), max(old[1], 20), *old[2:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


PARALLEL_MIN_FILES = 64  # below this many files per process, starting processes costs more than it saves
_WORKER_LINTER: "Linter | None" = None


def _lint_chunk(paths: list[Path]) -> tuple[list[Diagnostic], list[str]]:
    """Worker side of ``Linter.lint_paths``: the forked process already holds the linter."""
    linter = _WORKER_LINTER
    linter._archive_given = True
    errors: list[str] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        diagnostics.extend(linter.lint_document(linter.parse(path, errors), errors))
    return diagnostics, errors


def _directives(doc: Document) -> Iterator[Directive]:
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind, names = match.group(1).lower(), (match.group(2) or "").strip()
        codes: set[str] | None = None
        parts = [name for name in re.split(r"[\s,]+", names) if name]
        if parts and not any(name.upper() == "ALL" for name in parts):
            codes = set()
            for name in parts:
                codes.update(resolve_selector(name) or [name])
        lines = comment.next_block
        yield Directive(comment.line, codes, kind == "disable-file", lines, comment.text)


def _same_kind(value, default) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list) and all(
            any(_same_kind(item, example) for example in default) if default else True for item in value
        )
    return isinstance(value, type(default))


def _kind(default) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number"
    if isinstance(default, list):
        inner = {_kind(item) for item in default}
        return "a list" + (f" of {inner.pop().removeprefix('a ')}s" if len(inner) == 1 else "")
    if isinstance(default, dict):
        return "a table"
    return "a string" if isinstance(default, str) else type(default).__name__


def _diagnostic(path: str, info: RuleInfo, severity: Severity, finding: Finding) -> Diagnostic:
    span = finding.span
    return Diagnostic(
        path, span.line, span.col, span.end_line, span.end_col,
        info.code, info.name, severity, finding.message, finding.hint,
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
