"""The ``postmortem`` command line.

Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or
internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, load_config
from .diagnostics import Severity
from .vocabulary import SEVERITIES

FINDING_SEVERITIES = ("error", "warning", "info")


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.echo(f"postmortem: configuration error: {exc}", err=True)
            ctx.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: one line to report, exit 2, never a traceback
            import traceback

            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            click.echo(f"postmortem: internal error: {type(exc).__name__}: {exc} (at {where}); please report it", err=True)
            ctx.exit(2)


def _config(path: str | None):
    return load_config(Path(path) if path else None)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="postmortem")
def main():
    """Lint, review and publish blameless incident post-mortems.

    Post-mortems are Markdown files with YAML frontmatter kept in git. Configuration is read
    from the nearest postmortem.toml, or from [tool.postmortem] in the nearest pyproject.toml.

    \b
    Start here:
      postmortem init             set up this repository: archive, configuration, site, hook, CI
      postmortem new              write a new post-mortem from the template
      postmortem import FILE      convert a post-mortem written in another shape
      postmortem lint             check the archive (or the files you name)
      postmortem rules            list every rule
      postmortem explain PM301    what a rule checks, why, and what to write instead
      postmortem actions --open   action items still open, across the archive
      postmortem stats            counts, MTTD/MTTA/MTTR, overdue items, stale drafts
    """


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "grouped", "json", "github", "sarif"]),
              default="text", show_default=True,
              help="Output format: text (with hints), concise (one line per finding), grouped (by file), "
                   "json (stable, documented), github (workflow annotations), sarif (SARIF 2.1.0).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only run these rules: codes, prefixes (PM3) or names, comma-separated. Replaces the configured selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (adds to the configured ignores).")
@click.option("--fail-on", type=click.Choice(FINDING_SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1.  [default: error, or fail-on in the config]")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge due dates as of this date (default: today).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="postmortem.toml, or pyproject.toml with [tool.postmortem], to use (default: the nearest one).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
@click.option("--fix", is_flag=True,
              help="Apply the fixes findings carry, in place (`postmortem rules` marks the rules that fix: "
                   "spellings of values, dates, 12-hour times and zone names, confidence markers), tidy aligned "
                   "tables and trailing whitespace, then report what is left.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Lint in N processes (default: the number of CPUs). Results are identical to -j 1; "
                   "small runs (under 64 files per process) stay in one process.")
@click.option("--diff", is_flag=True,
              help="With or without --fix: print the changes --fix would make as a unified diff and write nothing. "
                   "Exits 1 when there is something to fix.")
@click.option("--shard", type=str, default=None, metavar="K/N",
              help="Lint only the K-th of N parts of the files (1 <= K <= N), split by path: N runs, one per "
                   "part, report together exactly what one run reports (for CI matrices).")
@click.option("--archive-only", is_flag=True,
              help="Of the files given, check only those in the configured archive folder (for hooks that "
                   "pass every staged Markdown file); says so when none is.")
@click.option("--show-files", is_flag=True,
              help="Print the files that would be checked (after --archive-only and --shard), one per line, "
                   "and check none.")
@click.option("--cache/--no-cache", "use_cache", default=None,
              help="Reuse the findings of unchanged files, and the ids of the archive's unchanged files, from "
                   "the cache folder (cache-dir, default .postmortem_cache, ignored by git).  "
                   "[default: cache in the config, else off]")
def lint(paths, fmt, select, ignore, fail_on, today, config_path, quiet, jobs, fix, diff, shard, archive_only, show_files,
         use_cache):
    """Check post-mortems; PATHS are files or folders (default: the configured archive).

    Prints one line per finding, `path:line:col: CODE [severity] message`, with a hint
    on how to fix it, then a summary. Exits 1 when a finding is at or above the fail
    level, 0 otherwise, 2 on a usage or configuration error.
    """
    from .gc_tuning import fewer_collections_until_exit

    fewer_collections_until_exit()  # the imports and the run below allocate much and free nearly all of it
    _lint(paths, fmt, select, ignore, fail_on, today, config_path, quiet, jobs, fix, diff, shard, archive_only,
          show_files, use_cache)


def _lint(paths, fmt, select, ignore, fail_on, today, config_path, quiet, jobs, fix, diff, shard, archive_only, show_files,
          use_cache):
    config = _config(config_path)
    if config.cache if use_cache is None else use_cache:
        from .archive_index import start_early

        start_early(config.cache_path, config.archive_dir, paths)  # git looks at the archive while the rules load
    from .engine import Linter, UsageError
    from .render import Summary, render

    try:
        linter = Linter(
            config,
            select=_split(select) or None,
            extend_ignore=_split(ignore),
            today=today.date() if today else None,
        )
        targets = list(paths) or [str(config.archive_dir)]
        every_file = linter.collect(targets)
        if archive_only:
            given = every_file
            every_file = _in_archive(every_file, config, quiet)
            if given and not every_file:
                sys.exit(0)  # the line above said why; no summary of nothing, no registry note
        files = _shard(every_file, shard) if shard else every_file
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    if show_files:
        from .archive import display_path

        for path in files:
            click.echo(display_path(path))
        sys.exit(0)
    if diff:
        sys.exit(_show_fixes(linter, files))
    fixed, unwritten = _apply_fixes(linter, files) if fix else (0, 0)
    cache_dir = config.cache_path if (config.cache if use_cache is None else use_cache) else None
    result = _lint_with_progress(linter, files, jobs or os.cpu_count() or 1, cache_dir=cache_dir, index_paths=every_file)
    summary = Summary(
        files=result.files,
        files_with_findings=len({d.path for d in result.diagnostics}),
        color=fmt in ("text", "concise", "grouped") and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        rules=tuple(rule.info for rule in linter.rules),
        root=str(_repository_root(config.root)),
        fixed=fixed,
        quiet=quiet,
    )
    output = render(fmt, result.diagnostics, summary)
    if output:
        click.echo(output, nl=False)  # no copy of a long output to append the line break
        click.echo()
    if linter.owners is None and not quiet and any(rule.info.reads_owners for rule in linter.rules):
        from .archive import display_path

        click.echo(f"postmortem: note: no owner registry at {display_path(config.owners_path)}: action-item owners "
                   "and authors were not checked (create it, or set `owners` in the configuration)", err=True)
    for message in result.internal_errors:
        click.echo(f"postmortem: {message}", err=True)
    if result.internal_errors or unwritten:
        sys.exit(2)
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    sys.exit(1 if any(d.severity >= threshold for d in result.diagnostics) else 0)


def _repository_root(start: Path) -> Path:
    """The git work tree holding ``start`` (SARIF URIs are relative to it), else ``start``."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _show_fixes(linter, files) -> int:
    """``--diff``: print what --fix would change; 1 when something would change."""
    from .archive import display_path
    from .fix import fix_files, unified_diff

    changed = [(path, result) for path, result in fix_files(linter, files) if result.changed]
    for path, result in changed:
        click.echo(unified_diff(display_path(path), result), nl=False)
    fixes = sum(len(result.applied) for _, result in changed)
    if changed:
        click.echo(f"Would apply {fixes} fix{'es' if fixes != 1 else ''} to {len(changed)} "
                   f"file{'s' if len(changed) != 1 else ''}.", err=True)
    else:
        click.echo("Nothing to fix.", err=True)
    return 1 if changed else 0


def _apply_fixes(linter, files) -> tuple[int, int]:
    """``--fix``: write the fixed files atomically; return (fixes applied, files not written)."""
    from .archive import display_path
    from .fix import fix_files, write_atomically

    applied = unwritten = 0
    for path, result in fix_files(linter, files):
        if not result.changed:
            continue
        try:
            write_atomically(path, result.fixed)
        except OSError as exc:
            click.echo(f"postmortem: cannot write {display_path(path)}: {exc.strerror or exc}", err=True)
            unwritten += 1
            continue
        applied += len(result.applied)
    return applied, unwritten


def _lint_with_progress(linter, files, jobs: int, **options):
    """Lint, with a progress bar on a terminal when there is enough work to watch."""
    if len(files) < 200 or not sys.stderr.isatty():
        return linter.lint_paths(files, jobs=jobs, **options)
    with click.progressbar(length=len(files), label="Linting post-mortems", file=sys.stderr) as bar:
        return linter.lint_paths(files, jobs=jobs, progress=bar.update, **options)


def _in_archive(files: list[Path], config, quiet: bool) -> list[Path]:
    """``--archive-only``: the files inside the configured archive. When there is none, one
    line says so (a hook that passes silently would hide a post-mortem saved elsewhere)."""
    from .archive import real_path

    archive = config.archive_dir
    inside = [path for path in files if archive in real_path(path).parents]
    if files and not inside and not quiet:
        click.echo(_none_in_archive(len(files), config), err=True)
    return inside


def _none_in_archive(given: int, config) -> str:
    """The one line of an ``--archive-only`` run in which no file given is in the archive:
    which folder, which setting chose it, and whether the folder holds post-mortems."""
    import tomllib

    from .archive import archive_files, display_path

    archive = config.archive_dir
    folder = display_path(archive).rstrip("/") + "/"
    where = "the default: no postmortem.toml or [tool.postmortem] found"
    if config.path is not None:
        name = display_path(config.path)
        try:
            table = tomllib.loads(Path(config.path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            table = {}
        if Path(config.path).name == "pyproject.toml" or "postmortem" in table.get("tool", {}):
            table = table.get("tool", {}).get("postmortem", {})
        setting = "[tool.postmortem] archive" if Path(config.path).name == "pyproject.toml" else "archive"
        where = f"{setting} in {name}" if "archive" in table else f"the default: {name} sets no archive"
    files = f"none of the {given} files given is" if given != 1 else "the file given is not"
    if not archive.is_dir():
        return f"postmortem: {files} in the archive folder {folder} ({where}), which does not exist: nothing checked"
    held = len(archive_files(archive))
    holds = f"which holds {held} post-mortem{'s' if held != 1 else ''}" if held else "which holds no post-mortem yet"
    return f"postmortem: {files} in the archive folder {folder} ({where}), {holds}: nothing checked"


def _shard(files: list[Path], spec: str) -> list[Path]:
    """The files of shard ``K/N``: each file goes to the shard its shown path hashes to, so
    adding a file moves no other file between shards."""
    import hashlib

    from .archive import display_path
    from .engine import UsageError

    try:
        k, n = (int(part) for part in spec.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes K/N with whole numbers, e.g. 2/4; got {spec!r}") from None
    if not 1 <= k <= n:
        raise UsageError(f"--shard {spec}: K must be from 1 to N")
    digest = lambda path: int(hashlib.sha256(display_path(path).encode("utf-8", "surrogateescape")).hexdigest()[:8], 16)
    return [path for path in files if digest(path) % n == k - 1]


@main.command()
@click.argument("code")
def explain(code):
    """Print what rule CODE checks, why it matters, and what to write instead.

    CODE is a rule code (PM301) or name (action-not-verb-first).
    """
    from .rule import all_rules, resolve_selector

    codes = resolve_selector(code)
    exact = [c for c in codes if c == code.upper() or all_rules()[c].name == code.lower()]
    if not exact:
        raise click.UsageError(f"unknown rule {code!r}; `postmortem rules` lists them")
    info = all_rules()[exact[0]]
    click.echo(f"# {info.code} {info.name}\n")
    click.echo(f"Default severity: {info.severity}")
    if info.options:
        click.echo("Options: " + ", ".join(f"{k} (default: {v!r})" for k, v in info.options.items()))
    if info.fix:
        click.echo(f"Fix: `postmortem lint --fix` rewrites {info.fix}")
    click.echo("")
    click.echo(info.doc)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def rules(fmt):
    """List every rule with its code, name, default severity and summary; `fix` marks the
    rules whose findings `postmortem lint --fix` can fix."""
    from .rule import all_rules

    infos = list(all_rules().values())
    if fmt == "json":
        import json

        click.echo(json.dumps(
            [{"code": i.code, "name": i.name, "severity": str(i.severity), "options": i.options, "fix": i.fix,
              "summary": i.summary} for i in infos],
            indent=2,
        ))
        return
    width = max(len(i.name) for i in infos)
    for info in infos:
        click.echo(f"{info.code}  {info.name:<{width}}  {str(info.severity):<7}  {'fix' if info.fix else '   '}  {info.summary}")


class _Answer(click.ParamType):
    """An answer to ``postmortem new`` checked as it is given: a bad one is asked again."""

    def __init__(self, name: str, check: str, *args) -> None:
        self.name = name
        self.check = check  # a function of postmortem.new, imported only when `new` runs
        self.args = args

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        from . import new as n

        try:
            checked = getattr(n, self.check)(value, *self.args)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        return value.strip() if self.check == "check_started" else checked


_ANSWERS = {
    "title": _Answer("title", "check_title"),
    "services": _Answer("services", "check_names", "service", True),
    "tags": _Answer("tags", "check_names", "tag"),
    "started": _Answer("timestamp", "check_started"),
}


@main.command()
@click.option("--title", prompt="Title (name the impact, not the cause)", type=_ANSWERS["title"],
              help="One line naming the impact.")
@click.option("--severity", prompt="Severity", type=click.Choice(SEVERITIES.values, case_sensitive=False),
              help=f"{SEVERITIES.values[0]} (most severe) to {SEVERITIES.values[-1]}.")
@click.option("--services", prompt="Affected services (comma-separated)", type=_ANSWERS["services"],
              help="Comma-separated service names.")
@click.option("--started", prompt="Impact started (ISO 8601 with timezone, e.g. 2026-03-04T14:02:00Z)",
              type=_ANSWERS["started"], help="When impact began, ISO 8601 with timezone.")
@click.option("--tags", default=None, type=_ANSWERS["tags"],
              help="Comma-separated tags (asked for when another answer was asked for).")
@click.option("--template", default=None, metavar="full|short|FILE",
              help="The template to start from (default: new-templates in the config; else short for the "
                   "severities that need no Stakeholder Communication, full for the others).")
@click.option("--archive", type=click.Path(file_okay=False), default=None,
              help="Folder to write into (default: the configured archive).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="postmortem.toml or pyproject.toml to use (default: the nearest one).")
@click.pass_context
def new(ctx, title, severity, services, started, tags, template, archive, config_path):
    """Write a new post-mortem from the template, with the next free id.

    Every prompt is also an option, so scripts can run it without input. Each answer is
    checked as it is given and asked again when it will not do. The severities that need no
    Stakeholder Communication start from a short template unless --template or
    new-templates in the configuration says otherwise. The file is named YYYY-MM-DD-<slug>.md in the archive folder and is never overwritten. Fill
    the {{ placeholders }}; `postmortem lint` lists the ones left.
    """
    from click.core import ParameterSource

    from .new import create

    if tags is None:
        asked = any(ctx.get_parameter_source(name) == ParameterSource.PROMPT for name in ("title", "severity", "services", "started"))
        tags = click.prompt("Tags (comma-separated, Enter for none)", default="", show_default=False,
                            type=_ANSWERS["tags"]) if asked else []
    config = _config(config_path)
    folder = Path(archive) if archive else config.archive_dir
    try:
        path = create(folder, title, severity, services, tags, started, template, config.new_templates, config.root)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    click.echo(f"Created {os.path.relpath(path)}")
    click.echo("Fill in the {{ placeholders }}, then run: postmortem lint " + os.path.relpath(path))


@main.command()
@click.option("--root", type=click.Path(exists=True, file_okay=False), default=".", show_default=True,
              help="The repository to set up.")
@click.option("--archive", default=None, metavar="DIR",
              help="The folder of post-mortems, relative to the root  [default: the configuration's archive, "
                   "else postmortems]")
@click.option("--example/--no-example", default=True, show_default=True,
              help="Write an example post-mortem (a draft from the template) into an archive that has none.")
@click.option("--mount", default="postmortems", show_default=True, metavar="FOLDER",
              help="Where the archive lives in the site: /FOLDER/ ('' for the site's root).")
@click.option("--package", default=None, metavar="REQUIREMENT",
              help="What the CI workflow installs with pip  [default: postmortem-toolchain of this version]")
def init(root, archive, example, mount, package):
    """Set up a repository to keep, check and publish post-mortems, in one step.

    \b
    Writes what is missing, and never changes a file that exists:
      postmortem.toml        the configuration (unless pyproject.toml has [tool.postmortem])
      postmortems/           the archive folder (--archive), with owners.yml, the owner
                             registry, and an example post-mortem (--no-example: none)
      mkdocs.yml             Material for MkDocs with the archive under /postmortems/ (--mount);
                             for a mkdocs.yml that exists, it prints the lines to add
      .pre-commit-config.yaml  a local hook running the installed `postmortem lint`;
                             for one that exists, it prints the hook entry to add
      .github/workflows/postmortems.yml  CI: lint changed post-mortems, code scanning,
                             build the site strictly, publish it with GitHub Pages

    It prints what it created, what it left as it was, and what is left to do. Running it
    again changes nothing. Exits 0, or 2 when an option contradicts the configuration.
    """
    from .init import InitError, init as set_up

    try:
        report = set_up(Path(root), archive=archive, example=example, mount=mount, package=package)
    except InitError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(report.render(), nl=False)


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--archive", type=click.Path(file_okay=False), default=None,
              help="Folder to write into (default: the configured archive).")
@click.option("--stdout", "to_stdout", is_flag=True,
              help="Print the converted post-mortem instead of writing it; the report goes to stderr.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge due dates as of this date in the report's lint (default: today).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="pyproject.toml to use.")
def import_(sources, archive, to_stdout, today, config_path):
    """Convert post-mortems written in other shapes into this format.

    SOURCES are Markdown files: the Google SRE book's template, post-mortems kept in a
    repository, blog-style incident reports. Headings are mapped to the format's sections,
    timelines and follow-up lists become its tables, and what the source does not say
    becomes a {{ placeholder }}. Each file is written to the archive as
    YYYY-MM-DD-<slug>.md, atomically, and never over an existing file. The report lists
    where each heading went and every finding `postmortem lint` reports on the result.
    Exits 1 when a source could not be imported or written.
    """
    from dataclasses import replace

    from .engine import Linter
    from .importer import import_text, write_new
    from .importer.report import findings, render

    config = _config(config_path)
    folder = Path(archive) if archive else config.archive_dir
    if archive:  # ids and cross-file checks in the report look in the folder written to
        config = replace(config, archive=str(folder.resolve()), owners=str(config.owners_path))
    linter = Linter(config, today=today.date() if today else None)
    failed = 0
    for source in sources:
        try:
            text = Path(source).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            click.echo(f"postmortem: cannot read {source}: {exc}", err=True)
            failed += 1
            continue
        imported = import_text(text, source, folder, today.date() if today else None)
        target = folder / imported.name
        shown = os.path.relpath(target)
        if to_stdout:
            click.echo(imported.text, nl=False)
        else:
            try:
                write_new(target, imported.text)
            except FileExistsError:
                click.echo(f"postmortem: {shown} exists; not overwritten (move it away or import into another --archive)", err=True)
                failed += 1
                continue
            except OSError as exc:
                click.echo(f"postmortem: cannot write {shown}: {exc.strerror or exc}", err=True)
                failed += 1
                continue
        click.echo(render(imported, findings(imported, linter, str(target)), shown), err=to_stdout)
        click.echo("", err=to_stdout)
    sys.exit(1 if failed else 0)


def _documents(paths, config):
    from .parse import Limits
    from .reports import ReportError, load_documents

    try:
        return load_documents(list(paths) or [str(config.archive_dir)], Limits(max_file_bytes=config.max_file_size))
    except ReportError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--open", "open_only", is_flag=True, help="Only items still open, in progress or blocked.")
@click.option("--overdue", "overdue_only", is_flag=True, help="Only open items whose due date has passed.")
@click.option("--owner", multiple=True, metavar="TEAM", help="Only items owned by these teams or roles (any case).")
@click.option("--severity", multiple=True, metavar="SEV", help="Only items of incidents of these severities: SEV1,SEV2.")
@click.option("--category", multiple=True, metavar="CATEGORY", help="Only items of these categories: prevent,detect.")
@click.option("--priority", multiple=True, metavar="P", help="Only items of these priorities: P0,P1.")
@click.option("--status", multiple=True, metavar="STATUS", help="Only items with these statuses: open,in-progress.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Only items of incidents that started on or after this day.")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Only items of incidents that started on or before this day.")
@click.option("--by-owner", is_flag=True, help="Per owner: open items, overdue ones and the oldest open, instead of the items.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge due dates as of this date (default: today).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="postmortem.toml or pyproject.toml to use (default: the nearest one).")
def actions(paths, open_only, overdue_only, owner, severity, category, priority, status, since, until, by_owner,
            fmt, today, config_path):
    """List the action items of every post-mortem, earliest due date first.

    PATHS are files or folders (default: the configured archive). Restricted post-mortems
    are included; json and csv give each item's visibility. Values given to one filter
    widen the choice (--severity SEV1,SEV2), filters narrow it; the site's action-item page
    has the same filters (actions/?severity=SEV1&severity=SEV2&category=prevent&state=open).
    Long action texts wrap in the table.
    """
    from datetime import date

    from .action_items import ActionFilter, check_values
    from .reports import action_rows, filter_actions, render_actions, render_owners

    chosen = {"severity": _split(severity), "category": _split(category), "priority": _split(priority),
              "status": _split(status), "owner": _split(owner)}
    for facet, values in chosen.items():
        unknown = check_values(facet, values)
        if unknown:
            raise click.BadParameter(f"unknown value(s): {', '.join(unknown)}", param_hint=f"--{facet}")
    selection = ActionFilter.of(since=since.date() if since else None, until=until.date() if until else None,
                                **chosen)
    config = _config(config_path)
    day = today.date() if today else date.today()
    rows = filter_actions(action_rows(_documents(paths, config), day), open_only, overdue_only, chosen=selection)
    click.echo(render_owners(rows, fmt, day) if by_owner else render_actions(rows, fmt, day))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge due dates and review ages as of this date (default: today).")
@click.option("--review-days", type=click.IntRange(min=0), default=None, metavar="DAYS",
              help="Report post-mortems still draft or in review this many days after the incident ended "
                   "(default: the review-stalled rule's days, 30 unless configured).")
@click.option("--include-restricted", is_flag=True,
              help="Count restricted post-mortems too (as the site's internal build does).")
@click.option("--themes", "recurring", is_flag=True,
              help="Also list recurring contributing factors: similar factors of different post-mortems, grouped by their text.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, help="postmortem.toml or pyproject.toml to use (default: the nearest one).")
def stats(paths, fmt, today, review_days, include_restricted, recurring, config_path):
    """Counts per severity and quarter, median and p90 MTTD/MTTA/MTTR, action items, stale drafts.

    MTTD is started to detected, MTTA detected to acknowledged, MTTR started to resolved;
    incidents without both timestamps (or with them in the wrong order) are left out of
    that figure. p90 interpolates linearly between the closest ranks. The figures are the
    published site's: restricted post-mortems (and unreadable ones) are left out unless
    --include-restricted is given; drafts count.
    """
    from datetime import date

    from .reports import render_stats, stats as compute

    config = _config(config_path)
    day = today.date() if today else date.today()
    if review_days is None:
        from .engine import Linter

        review_days = Linter(config).configured_option("review-stalled", "days")
    click.echo(render_stats(compute(_documents(paths, config), day, review_days, include_restricted, recurring), fmt))


if __name__ == "__main__":
    main()
