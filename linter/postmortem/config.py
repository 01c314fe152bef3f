"""Project configuration from ``[tool.postmortem]`` in ``pyproject.toml``.

Found like ruff finds its configuration: the nearest ``pyproject.toml`` with a
``[tool.postmortem]`` table, from the current directory upwards; ``--config`` names one.
Paths in it are relative to the file's directory.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import spec
from .diagnostics import Severity
from .vocabulary import SEVERITIES


class ConfigError(Exception):
    """The configuration cannot be used; the CLI exits 2 with this message."""


@dataclass
class RuleSettings:
    """A rule's severity and options as the configuration sets them."""

    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Config:
    """The settings of one project, read from postmortem.toml or pyproject.toml."""

    root: Path
    path: Path | None = None
    archive: str = "postmortems"
    owners: str | None = None
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    required_sections: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(spec.REQUIRED_SECTIONS))
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    max_file_size: int = 1024 * 1024
    cache: bool = False  # keep findings per file content in cache_dir (lint writes only there)
    cache_dir: str = ".postmortem_cache"
    # ``postmortem new``: severity -> "full", "short" or a template file (relative to root)
    new_templates: dict[str, str] = field(default_factory=dict)

    @property
    def cache_path(self) -> Path:
        return (self.root / self.cache_dir).resolve()

    @property
    def archive_dir(self) -> Path:
        return (self.root / self.archive).resolve()

    @property
    def owners_path(self) -> Path:
        return (self.root / (self.owners or f"{self.archive}/owners.yml")).resolve()

    def ignored_for(self, path: str) -> list[str]:
        """Selectors ignored for one file by ``per-file-ignores``."""
        try:
            relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(self.root)).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                out.extend(selectors)
        return out


_KNOWN = {
    "archive", "owners", "select", "ignore", "fail-on", "per-file-ignores",
    "required-sections", "rules", "max-file-size", "cache", "cache-dir", "new-templates",
}


CONFIG_FILE = "postmortem.toml"  # for repositories that are not Python projects


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``postmortem.toml``, or ``pyproject.toml`` with ``[tool.postmortem]``,
    in the start folder or above it (in one folder, ``postmortem.toml`` wins)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                raw = candidate.read_bytes()
            except OSError:
                continue
            try:
                if "postmortem" in tomllib.loads(raw.decode("utf-8")).get("tool", {}):
                    return candidate
            except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                if b"tool.postmortem" in raw:  # ours, but broken: say so rather than lint with defaults
                    raise ConfigError(f"{candidate}: invalid TOML: {exc}") from None
                continue
    return None


def load_config(path: Path | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config(root=Path.cwd())
    try:
        with Path(path).open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    nested = "postmortem" in document.get("tool", {})
    if nested or Path(path).name == "pyproject.toml":
        table = document.get("tool", {}).get("postmortem", {})
    else:  # postmortem.toml: the settings at the top level
        table = document
    return config_from_table(table, Path(path).resolve().parent, Path(path), nested or Path(path).name == "pyproject.toml")


def config_from_table(table: dict, root: Path, path: Path | None = None, nested: bool = True) -> Config:
    where = f"{path or 'pyproject.toml'}: [tool.postmortem]" if nested else str(path)
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s): {', '.join(unknown)}")
    config = Config(root=root, path=path)

    def strings(key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")
        return value

    if "archive" in table:
        config.archive = str(table["archive"])
    if "owners" in table:
        config.owners = str(table["owners"])
    if "select" in table:
        config.select = strings("select")
    config.ignore = strings("ignore")
    try:
        if "fail-on" in table:
            config.fail_on = Severity.parse(str(table["fail-on"]))
    except ValueError as exc:
        raise ConfigError(f"{where}: fail-on: {exc}") from None
    if "max-file-size" in table:
        if not isinstance(table["max-file-size"], int) or table["max-file-size"] <= 0:
            raise ConfigError(f"{where}: max-file-size must be a positive number of bytes")
        config.max_file_size = table["max-file-size"]
    if "cache" in table:
        if not isinstance(table["cache"], bool):
            raise ConfigError(f"{where}: cache must be true or false")
        config.cache = table["cache"]
    if "cache-dir" in table:
        if not isinstance(table["cache-dir"], str) or not table["cache-dir"].strip():
            raise ConfigError(f"{where}: cache-dir must be a folder name")
        config.cache_dir = table["cache-dir"]
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [codes]")
    for pattern, codes in ignores.items():
        if not isinstance(codes, list):
            raise ConfigError(f"{where}: per-file-ignores.{pattern} must be a list of codes")
        config.per_file_ignores[pattern] = [str(code) for code in codes]
    templates = table.get("new-templates", {})
    if not isinstance(templates, dict):
        raise ConfigError(f"{where}: new-templates must be a table of severity = \"full\", \"short\" or a file")
    for severity, template in templates.items():
        if severity not in SEVERITIES:
            raise ConfigError(f"{where}: new-templates: unknown severity {severity!r} ({'/'.join(SEVERITIES)})")
        if not isinstance(template, str) or not template.strip():
            raise ConfigError(f"{where}: new-templates.{severity} must be \"full\", \"short\" or a template file")
        config.new_templates[severity] = template
    required = table.get("required-sections", {})
    if not isinstance(required, dict):
        raise ConfigError(f"{where}: required-sections must be a table of severity = [sections]")
    for severity, keys in required.items():
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise ConfigError(f"{where}: required-sections.{severity} must be a list of section names")
        if severity not in spec.REQUIRED_SECTIONS:
            raise ConfigError(f"{where}: required-sections: unknown severity {severity!r} ({'/'.join(SEVERITIES)})")
        bad = [key for key in keys if key not in spec.SECTIONS]
        if bad:
            raise ConfigError(
                f"{where}: required-sections.{severity}: unknown section(s) {', '.join(bad)}; "
                f"known: {', '.join(spec.SECTIONS)}"
            )
        config.required_sections[severity] = tuple(keys)
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: rules must be a table of rule = {{ severity = ..., option = ... }}")
    for selector, settings in rules.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: rules.{selector} must be a table")
        settings = dict(settings)
        entry = RuleSettings()
        if "severity" in settings:
            try:
                entry.severity = Severity.parse(str(settings.pop("severity")))
            except ValueError as exc:
                raise ConfigError(f"{where}: rules.{selector}: {exc}") from None
        entry.options = settings
        config.rules[selector] = entry
    return config


# --------------------------------------------------------------------------- rule options


def rule_settings(info, settings: RuleSettings | None) -> tuple[dict[str, Any], Severity]:
    """A rule's options and severity under ``settings`` (from ``[tool.postmortem.rules.X]``),
    checked against the options the rule declares, as yamllint's ``validate_rule_conf``."""
    options = dict(info.options)
    severity = info.severity
    code = info.code
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
    return options, severity


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
