"""Build the archive site with the real ``mkdocs build --strict``, once per test session.

The site tests and the browser tests share one build of the bundled archive; variants (the
internal build, other archives) build into their own temporary folders.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
CANARY = "CANARY-RESTRICTED-7f3a9c"
_KEEP: list[tempfile.TemporaryDirectory] = []  # removed when the test session ends


def temp_dir(prefix: str) -> Path:
    holder = tempfile.TemporaryDirectory(prefix=prefix)
    _KEEP.append(holder)
    return Path(holder.name)


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``site_dir``; "today" is fixed, ``env`` adds variables."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "POSTMORTEM_TODAY": TODAY, **env}
    for name in ("POSTMORTEM_INTERNAL", "POSTMORTEM_ALLOW_LINT_ERRORS", "POSTMORTEM_DRAFTS"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _built(result: subprocess.CompletedProcess, site: Path) -> Path:
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@lru_cache(maxsize=None)
def default_site() -> Path:
    """The bundled archive as published (restricted post-mortems left out)."""
    site = temp_dir("pm-site-") / "site"
    return _built(build(site), site)


# The pages the plugin generates whatever the archive holds, relative to where it is mounted.
GENERATED_PAGES = [
    "index.html",
    "archive/index.html",
    "archive/severity/index.html",
    "archive/services/index.html",
    "archive/years/index.html",
    "archive/tags/index.html",
    "actions/index.html",
    "insights/index.html",
    "status-history/index.html",
    "rules/index.html",
]

@lru_cache(maxsize=None)
def internal_site() -> Path:
    """The bundled archive with POSTMORTEM_INTERNAL=1."""
    site = temp_dir("pm-site-internal-") / "site"
    return _built(build(site, POSTMORTEM_INTERNAL="1"), site)


def archive_config(folder: Path, source: Path, pyproject: Path = ROOT / "pyproject.toml", **options: object) -> Path:
    """A mkdocs.yml in ``folder`` that is the project's, reading post-mortems from ``source``;
    ``options``: more options of the postmortem-archive plugin."""
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n"
        "  - search\n"
        "  - tags:\n"
        "      export: false\n"
        "  - postmortem-archive:\n"
        f"      source: {source}\n"
        f"      pyproject: {pyproject}  # the option's earlier name, still read\n"
        + "".join(f"      {name}: {value}\n" for name, value in options.items()),
        encoding="utf-8",
    )
    return config


PAGE_ROWS = 3  # rows of the long tables in the pages of paged_site()


@lru_cache(maxsize=None)
def paged_site() -> Path:
    """The bundled archive with :data:`PAGE_ROWS` rows a page in the long tables: the rest of
    the archive table and of the action items come from their data files."""
    folder = temp_dir("pm-site-paged-")
    config = archive_config(folder, ROOT / "postmortems", rows_per_page=PAGE_ROWS)
    return _built(build(folder / "site", config), folder / "site")


SEARCH_BUNDLE_PAGES = 4  # pages each Pagefind bundle of bundled_search_site() indexes at most


@lru_cache(maxsize=None)
def bundled_search_site() -> Path:
    """The bundled archive with its search index in bundles of :data:`SEARCH_BUNDLE_PAGES`
    pages, as a large archive's is (in bundles of 2,000)."""
    folder = temp_dir("pm-site-bundles-")
    config = archive_config(folder, ROOT / "postmortems", search_bundle_pages=SEARCH_BUNDLE_PAGES)
    return _built(build(folder / "site", config), folder / "site")


def site_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*") if path.is_file())


def site_bytes(path: Path) -> bytes:
    """A built file's content, gzip-compressed ones (Pagefind's index and fragments) decompressed."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def broken_links(site: Path) -> list[tuple[str, str]]:
    """Every relative ``href``/``src`` in the built HTML whose file, or whose anchor in an
    HTML page, does not exist: (page, link). Anchors into the theme's and search's own
    files are not checked."""
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        ids[path.resolve()] = set(re.findall(r'\sid="([^"]+)"', html))
        links += [(path, href) for href in re.findall(r'\s(?:href|src)="([^"]+)"', html)]
    broken = []
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
            continue
        base = site if parts.path.startswith("/") else page.parent  # 404.html links from the root
        target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page.resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append((str(page.relative_to(site)), href))
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
            if target.relative_to(site.resolve()).parts[0] not in ("assets", "search"):
                broken.append((str(page.relative_to(site)), href))
    return broken
