"""``postmortem init``: set up an existing repository to keep, check and publish post-mortems.

Each step writes one file (or folder) only when nothing is there, and never changes a file
that exists: for a file that exists it says what to add by hand, or that nothing is needed.
So a second run changes nothing, and a run in a repository set up by hand only reports.

The steps, in order (each reads the configuration the first one found or wrote):

1. the configuration: a ``postmortem.toml``, unless the folder has one already or its
   ``pyproject.toml`` has a ``[tool.postmortem]`` table;
2. the archive folder, and in it the owner registry (``owners.yml``, where the
   configuration's ``owners`` says) and, in an archive without post-mortems, an example
   written by ``postmortem new`` from its template (a draft: it passes the linter);
3. the MkDocs configuration: a new ``mkdocs.yml`` with Material for MkDocs and the
   ``postmortem-archive`` plugin mounted under ``mount`` (and a home page when ``docs/``
   has none), or the lines to add to the ``mkdocs.yml`` that exists;
4. ``.pre-commit-config.yaml`` with a ``repo: local`` hook that runs the installed
   ``postmortem lint --archive-only`` (no download: it works offline), or the entry to add;
5. the CI workflow ``.github/workflows/postmortems.yml``, from the one workflow template
   (this repository's own workflow is rendered from it too), with the archive's paths.

The files' text is in ``templates/init/``; ``@{name}`` marks what is filled in.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from importlib.util import find_spec
from pathlib import Path, PurePosixPath

from . import __version__
from .config import CONFIG_FILE, Config, find_config, load_config

DISTRIBUTION = "postmortem-toolchain"  # the name pip installs the toolchain by
PLUGIN = "postmortem-archive"
HOOK_ID = "postmortem-lint"
WORKFLOW = ".github/workflows/postmortems.yml"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_ARCHIVE = "postmortems"
DEFAULT_MOUNT = "postmortems"
EXAMPLE = {
    "title": "Example: slow page loads for some users",
    "services": ["example-service"],
    "tags": ["example"],
}
_MARK = re.compile(r"@\{(\w+)\}")
_COLUMN = 36  # the width of the report's path column


class InitError(ValueError):
    """The options contradict the repository; nothing was written."""


# --------------------------------------------------------------------------- templates


def template(name: str, **values: str) -> str:
    """The text of ``templates/init/<name>`` with each ``@{key}`` replaced by ``values[key]``."""
    text = resources.files("postmortem").joinpath("templates", "init", name).read_text("utf-8")

    def fill(match: re.Match) -> str:
        try:
            return values[match[1]]
        except KeyError:
            raise KeyError(f"templates/init/{name}: no value for @{{{match[1]}}}") from None

    return _MARK.sub(fill, text)


def render_workflow(archive: str, package: str, site_package: str, cache_dependency_path: str,
                    mkdocs_options: str = "", site_dir: str = "site") -> str:
    """The CI workflow for an archive folder (relative to the repository's top, POSIX).

    ``package`` and ``site_package`` are the arguments of ``pip install`` (shell words) for
    the linter and for the linter with the site tools; ``cache_dependency_path`` the file
    whose hash keys pip's cache."""
    folder = archive.strip("/") or "."
    return template(
        "postmortems.yml",
        archive=folder,
        package=package,
        site_package=site_package,
        cache_dependency_path=cache_dependency_path,
        changed_paths=" ".join(shlex.quote(f"{folder}/{pattern}") for pattern in ("*.md", "**/*.md")),
        mkdocs_options=mkdocs_options,
        site_dir=site_dir,
    )


def hook_entry() -> str:
    """The ``repos:`` item of the pre-commit hook, as written into a new configuration."""
    return template("pre-commit-hook.yaml")


def plugin_lines(mount: str, missing: tuple[str, ...] = ("search", "tags", PLUGIN)) -> str:
    """The items of mkdocs.yml's ``plugins:`` list the archive needs (those in ``missing``)."""
    lines = [f"  - {name}" for name in ("search",) if name in missing]
    if "tags" in missing:  # without the theme's tags.json, which the archive never reads and which grows with it
        lines += ["  - tags:", "      export: false"]
    if PLUGIN in missing:
        lines += [f"  - {PLUGIN}:", f"      mount: {mount or json.dumps(mount)}"]
    return "\n".join(lines)


def requirement_with_site(requirement: str) -> str:
    """``postmortem-toolchain==0.1.0`` -> ``postmortem-toolchain[site]==0.1.0`` (also for
    ``name @ url`` requirements)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?", requirement)
    if not name or name[2]:
        return requirement
    return f"{name[1]}[site]{requirement[name.end():]}"


# --------------------------------------------------------------------------- the report


@dataclass
class Report:
    root: Path
    created: list[tuple[str, str]] = field(default_factory=list)  # (path, what it is)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    todo: list[str] = field(default_factory=list)  # steps for a person, in order

    def render(self) -> str:
        out = [f"postmortem init in {self.root}", ""]
        for title, rows in (("Created:", self.created), ("Skipped (exists, left as it is):", self.skipped)):
            if rows:
                out.append(title)
                for path, what in rows:  # a long path gets its description on the next line
                    out += [f"  {path:<{_COLUMN}}{what}"] if len(path) < _COLUMN else [f"  {path}", f"  {'':<{_COLUMN}}{what}"]
                out.append("")
        if self.todo:
            out.append("Left to do:")
            for number, step in enumerate(self.todo, 1):
                first, *rest = step.split("\n")
                out.append(f"  {number}. {first}")
                out += [f"     {line}".rstrip() for line in rest]
        else:
            out.append("Nothing left to do.")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- the steps


def init(root: Path, archive: str | None = None, example: bool = True, mount: str = DEFAULT_MOUNT,
         package: str | None = None, now: datetime | None = None) -> Report:
    """Set up ``root``; return what was created, what was skipped and what is left to do.

    Raises InitError, before writing anything, when an option contradicts the repository."""
    root = root.resolve()
    if not root.is_dir():
        raise InitError(f"{root} is not a folder")
    mount = _clean_mount(mount)
    report = Report(root)
    config = _configuration(root, archive, report)
    _archive(config, report)
    _owners(config, report)
    if example:
        _example(config, report, now)
    _mkdocs(root, mount, report)
    hook = _pre_commit(root, report)
    requirement = package or f"{DISTRIBUTION}=={__version__}"
    workflow = _workflow(root, config, requirement, report)
    _last_steps(root, config, mount, hook, report)
    if workflow:
        report.todo.append(
            f"The CI workflow installs {requirement} with pip: change its `pip install` lines if you "
            "install the toolchain another way (a wheel, a git URL). On main it publishes the site with "
            "GitHub Pages: choose GitHub Actions as the Pages source (Settings, Pages), or remove its deploy job"
        )
    return report


def _clean_mount(mount: str) -> str:
    value = mount.strip().strip("/")
    if any(part in ("..", ".") for part in PurePosixPath(value).parts) or "\\" in value:
        raise InitError(f"--mount {mount!r}: a folder of the site, such as postmortems (or '' for its root)")
    return value


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _relative(archive: str) -> str:
    """``archive`` checked: a folder inside the repository, written with forward slashes."""
    path = PurePosixPath(archive.replace("\\", "/").strip())
    if not archive.strip() or path.is_absolute() or ".." in path.parts:
        raise InitError(f"--archive {archive!r}: a folder inside the repository, such as {DEFAULT_ARCHIVE}")
    return path.as_posix()


def _configuration(root: Path, archive: str | None, report: Report) -> Config:
    found = find_config(root)
    if found is not None and found.parent == root:
        config = load_config(found)
        configured = _shown(root, config.archive_dir)
        if archive is not None and _shown(root, root / _relative(archive)) != configured:
            raise InitError(
                f"{found.name} sets archive = {configured!r}, and --archive says {archive!r}: "
                f"leave out --archive, or change {found.name} first"
            )
        table = "[tool.postmortem]" if found.name == "pyproject.toml" else "the configuration"
        report.skipped.append((found.name, f"{table}: archive = {json.dumps(configured)}"))
        return config
    folder = _relative(DEFAULT_ARCHIVE if archive is None else archive)
    target = root / CONFIG_FILE
    _write(target, template(CONFIG_FILE, archive=json.dumps(folder), owners=json.dumps(f"{folder}/owners.yml")))
    beside = " (pyproject.toml is left as it is)" if (root / "pyproject.toml").exists() else ""
    report.created.append((CONFIG_FILE, f"the configuration: archive = {json.dumps(folder)}{beside}"))
    return load_config(target)


def _archive(config: Config, report: Report) -> None:
    from .archive import archive_files

    folder = config.archive_dir
    shown = _shown(report.root, folder) + "/"
    if folder.is_dir():
        count = len(archive_files(folder))
        report.skipped.append((shown, f"the archive folder, {count} post-mortem{'s' if count != 1 else ''}"))
    else:
        folder.mkdir(parents=True)
        report.created.append((shown, "the archive folder"))


def _owners(config: Config, report: Report) -> None:
    path = config.owners_path
    shown = _shown(report.root, path)
    if path.exists():
        report.skipped.append((shown, "the owner registry"))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, template("owners.yml"))
    report.created.append((shown, "the owner registry: replace its examples with your teams and roles"))


def _example(config: Config, report: Report, now: datetime | None) -> None:
    from .archive import archive_files
    from .new import create
    from .vocabulary import SEVERITIES

    if archive_files(config.archive_dir):
        return  # the archive has post-mortems already: no example (the archive's line says how many)
    started = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)
    path = create(
        config.archive_dir, EXAMPLE["title"], SEVERITIES.values[-1], EXAMPLE["services"], EXAMPLE["tags"],
        started.isoformat(), None, config.new_templates, config.root,
    )
    report.created.append((_shown(report.root, path), "an example post-mortem, a draft written by `postmortem new`"))


def _mkdocs(root: Path, mount: str, report: Report) -> None:
    existing = next((root / name for name in MKDOCS_CONFIGS if (root / name).exists()), None)
    if existing is None:
        site_name = root.name.replace("-", " ").replace("_", " ").strip() or "Documentation"
        where = f"/{mount}/" if mount else "the site's root"
        _write(root / "mkdocs.yml", template("mkdocs.yml", site_name=json.dumps(site_name), where=where,
                                              plugins=plugin_lines(mount)))
        report.created.append(("mkdocs.yml", f"the site: Material for MkDocs, the archive under {where}"))
        docs = root / "docs"
        if not docs.is_dir():
            docs.mkdir()
            report.created.append(("docs/", "the site's pages"))
        if mount and not any((docs / name).exists() for name in ("index.md", "README.md")):
            _write(docs / "index.md", template("index.md", site_name=site_name, mount=mount))
            report.created.append(("docs/index.md", "the site's home page, linking to the archive"))
        return
    data = _read_yaml(existing)
    name = existing.name
    theme = data.get("theme") if isinstance(data, dict) else None
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    plugins = data.get("plugins") if isinstance(data, dict) else None
    names = _plugin_names(plugins)
    if PLUGIN in names:
        report.skipped.append((name, f"the site: it uses the {PLUGIN} plugin already"))
    else:
        report.skipped.append((name, "the site: the lines to add are below"))
        if plugins is None:
            report.todo.append(
                f"Add these lines to {name} (postmortem init never changes it); the archive's pages then join "
                f"its nav as a section of their own, under /{mount}/:\n\n"
                + _block("plugins:\n" + plugin_lines(mount)) + "\n"
            )
        else:
            missing = tuple(n for n in ("search", "tags", PLUGIN) if n not in names)
            report.todo.append(
                f"Add these items under `plugins:` in {name} (postmortem init never changes it); the archive's "
                f"pages then join its nav as a section of their own, under /{mount}/:\n\n"
                + _block(plugin_lines(mount, missing)) + "\n"
            )
    if theme_name == "material" and not (isinstance(theme, dict) and theme.get("font") is False):
        report.todo.append(
            f"For a site that asks no other host for anything, add `font: false` under `theme:` in {name} "
            "(Material for MkDocs loads its fonts from Google Fonts otherwise)"
        )
    if theme_name != "material":
        report.todo.append(
            f"Use Material for MkDocs in {name} (`theme: name: material`): the archive's pages are built for it"
            + (f"; the site uses {theme_name!r}" if theme_name else "")
        )


def _block(text: str) -> str:
    """Lines to copy, set off by a fixed indent in the report."""
    return "\n".join("  " + line if line else "" for line in text.split("\n"))


def _plugin_names(plugins) -> set[str]:
    if isinstance(plugins, dict):
        return {str(name) for name in plugins}
    if isinstance(plugins, list):
        return {str(next(iter(item))) if isinstance(item, dict) and item else str(item) for item in plugins}
    return set()


def _read_yaml(path: Path):
    """A YAML file's data, read safely; tags such as ``!!python/name:`` or ``!ENV`` read as
    nothing (only the plugin and theme names are looked at). None when it cannot be read."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        return yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError):
        return None


def _pre_commit(root: Path, report: Report) -> bool:
    """Write or check the pre-commit configuration; True when it has the hook (now)."""
    path = root / PRE_COMMIT_CONFIG
    if not path.exists():
        _write(path, template("pre-commit-config.yaml", hook=hook_entry().rstrip("\n")))
        report.created.append((PRE_COMMIT_CONFIG, f"the {HOOK_ID} hook: `postmortem lint` on the staged post-mortems"))
        return True
    data = _read_yaml(path)
    repos = data.get("repos") if isinstance(data, dict) else None
    hooks = [hook for repo in repos or [] if isinstance(repo, dict) for hook in repo.get("hooks") or [] if isinstance(hook, dict)]
    if any(hook.get("id") == HOOK_ID for hook in hooks):
        report.skipped.append((PRE_COMMIT_CONFIG, f"it runs the {HOOK_ID} hook already"))
        return True
    report.skipped.append((PRE_COMMIT_CONFIG, "the hook entry to add is below"))
    report.todo.append(
        f"Add this item under `repos:` in {PRE_COMMIT_CONFIG} (postmortem init never changes it):\n\n"
        + _block(hook_entry().rstrip("\n")) + "\n"
    )
    return False


def _repository_top(root: Path) -> Path | None:
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _workflow(root: Path, config: Config, requirement: str, report: Report) -> bool:
    """Write the CI workflow; True when it was written now."""
    top = _repository_top(root)
    if top is not None and top != root:
        report.todo.append(
            f"The CI workflow is read from the top of the repository ({top}): run `postmortem init` there "
            f"to write {WORKFLOW}"
        )
        return False
    path = root / WORKFLOW
    if path.exists():
        report.skipped.append((WORKFLOW, "the CI workflow"))
        return False
    mkdocs = next((name for name in MKDOCS_CONFIGS if (root / name).exists()), "mkdocs.yml")
    data = _read_yaml(root / mkdocs) if (root / mkdocs).exists() else None
    site_dir = data.get("site_dir") if isinstance(data, dict) and isinstance(data.get("site_dir"), str) else "site"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, render_workflow(
        _shown(root, config.archive_dir),
        shlex.quote(requirement),
        shlex.quote(requirement_with_site(requirement)),
        WORKFLOW,
        "" if mkdocs == "mkdocs.yml" else f" --config-file {mkdocs}",
        site_dir,
    ))
    report.created.append((WORKFLOW, "CI: lint the changed post-mortems, code scanning, build and publish the site"))
    return True


def _last_steps(root: Path, config: Config, mount: str, hook: bool, report: Report) -> None:
    if hook:
        if shutil.which("pre-commit") is None:
            report.todo.append("Install pre-commit (pip install pre-commit), then: pre-commit install")
        else:
            report.todo.append("Turn the hook on in this clone (once per clone): pre-commit install")
    if find_spec("mkdocs") is None or find_spec("material") is None:
        report.todo.append(f"Install the site tools: pip install '{DISTRIBUTION}[site]'")
    where = f"{mount}/" if mount else ""
    report.todo.append(f"See the site: mkdocs serve, then open http://127.0.0.1:8000/{where}")
    if not _ignored(root, "site"):
        report.todo.append("Keep the built site out of git: add the line `site/` to .gitignore")
    archive = _shown(root, config.archive_dir)
    report.todo.append(
        f"Write a post-mortem: postmortem new (it asks for each answer); bring existing ones in with "
        f"postmortem import OLD.md ... (written to {archive}/, with a report of what to fill in)"
    )


def _ignored(root: Path, folder: str) -> bool:
    """Whether ``root``'s .gitignore names ``folder`` (as ``site``, ``site/`` or ``/site/``)."""
    try:
        lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.strip().strip("/") == folder for line in lines)


def _write(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; never over a file that exists (FileExistsError)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
