"""Search: the theme's search box, answered from a Pagefind index built with the site.

The theme's own search (lunr) downloads ``search_index.json`` and builds its index in the
browser on every full page load; with 2,000 post-mortems that took 9.7 s before the first
query could be answered, and the file grows by about 9 KB per page. Pagefind indexes the
built HTML once, at build time, into small compressed chunks; a page loads its metadata and
WebAssembly up front and then only the chunks a query needs. ``bench/search_browser.py``
measures both.

The theme's interface stays: the search box in the header, highlighted results with their
sections, tag chips, ``?h=`` highlighting on the page opened. Only its worker changes:
:data:`WORKER` speaks the theme's worker protocol and asks Pagefind instead of lunr. Here:

- :func:`prepare_page` marks what Pagefind indexes (the article of every page not excluded
  with ``search: exclude: true``, as for the theme's search) and points the page's
  configuration at the worker;
- :func:`index_site` runs Pagefind over the pages :func:`prepare_page` marked, keeps only
  the parts of its bundle the worker uses, and leaves the theme's ``search_index.json``
  with its configuration only (the highlighting on the page opened reads it), without the
  documents;
- :func:`config_only` stops the theme's search plugin from reading every page into
  documents nobody downloads: on 300 post-mortems that parse of each page's HTML cost
  about 1 s of a 10 s build.

Pagefind holds everything it indexes in memory until it writes its bundle: about 370 KB
for each post-mortem page of about 1,200 words, so 7 GB for an archive of 20,000. A large
archive is therefore indexed in parts: each Pagefind run indexes at most ``bundle_pages``
pages (oldest first, by path) into a bundle of its own (``pagefind/``, then
``pagefind-2/``, ``pagefind-3/``, ...), so that the build's memory no longer grows with the
archive, and ``pagefind/bundles.json`` lists them. The worker opens the first and merges
the others into it (Pagefind's ``mergeIndex``): one query searches every bundle, its
results ranked together. Pagefind reads only the pages to index (from a folder of links to
them), not every page of the site.

Restricted post-mortems are never built in the default site, so they reach no index.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError

WORKER = "search/worker.js"
WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"
BUNDLE = "pagefind"
MANIFEST = f"{BUNDLE}/bundles.json"  # {"bundles": [the bundles' folders from the site's root, the first one first]}
BUNDLE_PAGES = 2_000  # pages one Pagefind run indexes at most: about 750 MB of its memory
# Pagefind's own search interfaces and web worker: the theme's interface is used instead,
# and WORKER runs Pagefind itself.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js", "pagefind-worker.js")
# Left out of the index: heading permalinks (¶) and what the pages mark for search to skip.
EXCLUDE = (".headerlink", "[data-search-exclude]")
# Tag chips carry `data-pagefind-filter="tag"` (templates/postmortem/chip.html): Pagefind
# returns their text with each result, shown as the theme's tag chips.

_ARTICLE = '<article class="md-content__inner md-typeset">'
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_THEME_WORKER = "assets/javascripts/workers/"
# The worker lists the best matches only (each costs a download): the count says so.
_COUNTS = {"search.result.other": ("# matching documents", "# best-matching documents")}


def searchable(page) -> bool:
    """As for the theme's search: a page is indexed unless its meta says ``search: exclude``."""
    search = page.meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def use_worker(html: str) -> str:
    """Point the theme's configuration on a page at :data:`WORKER`."""
    found = _CONFIG.search(html)
    if found is None:
        return html
    config = json.loads(found.group(2))
    theme_worker = config.get("search") or ""
    if _THEME_WORKER not in theme_worker:
        raise PluginError("postmortem-archive: the theme's search worker is not where this plugin expects it (theme version changed?)")
    config["search"] = theme_worker[: theme_worker.index(_THEME_WORKER)] + WORKER
    translations = config.get("translations") or {}
    for key, (theirs, ours) in _COUNTS.items():
        if translations.get(key) == theirs:
            translations[key] = ours
    return html[: found.start(2)] + str(htmlsafe_json_dumps(config)) + html[found.end(2) :]


def prepare_page(html: str, page) -> str:
    if searchable(page):
        if _ARTICLE not in html:
            raise PluginError(f"postmortem-archive: {page.file.src_uri}: no article element for the search index to read")
        html = html.replace(_ARTICLE, _ARTICLE[:-1] + " data-pagefind-body>", 1)
    return use_worker(html)


def config_only(plugins) -> None:
    """Let the theme's search plugin write ``search_index.json`` with its configuration only.

    The plugin still runs for every page (it also strips ``data-search-*`` attributes from
    the HTML); only its per-page indexing, whose documents :func:`index_site` would drop,
    is skipped. Called before each build, after the theme's plugin made its index."""
    theme_search = plugins.get("material/search") or plugins.get("search")
    index = getattr(theme_search, "search_index", None)
    if index is not None and callable(getattr(index, "add_entry_from_context", None)):
        index.add_entry_from_context = _index_nothing


def _index_nothing(page) -> None:
    return None


def index_site(site_dir: Path, pages: list[str] | None = None, bundle_pages: int = BUNDLE_PAGES) -> list[str]:
    """Index ``pages`` (paths of HTML files from ``site_dir``; default: every HTML file)
    with Pagefind, in bundles of at most ``bundle_pages`` pages; slim the theme's index to
    its configuration. Returns the bundles' folders, the first one first."""
    try:
        from pagefind_bin import get_executable

        executable = str(get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise PluginError(f"postmortem-archive: Pagefind is not installed (pip install pagefind_bin): {exc}") from None
    if pages is None:
        pages = [path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")]
    pages = sorted(set(pages))
    size = max(1, bundle_pages)
    parts = [pages[start : start + size] for start in range(0, len(pages), size)] or [[]]
    bundles = [BUNDLE] + [f"{BUNDLE}-{number}" for number in range(2, len(parts) + 1)]
    for name in (*bundles, *(path.name for path in site_dir.glob(f"{BUNDLE}-*"))):
        if name != BUNDLE and (site_dir / name).is_dir():
            shutil.rmtree(site_dir / name)  # a bundle of an earlier, larger build
    for part, name in zip(parts, bundles):
        _index_part(executable, site_dir, part, site_dir / name)
        for pattern in UNUSED:
            for path in (site_dir / name).glob(pattern):
                path.unlink()
    folders = [f"{name}/" for name in bundles]
    (site_dir / MANIFEST).write_text(json.dumps({"bundles": folders}), encoding="utf-8")
    theme_index = site_dir / "search" / "search_index.json"
    if theme_index.is_file():
        config = json.loads(theme_index.read_text(encoding="utf-8")).get("config", {})
        theme_index.write_text(json.dumps({"config": config, "docs": []}), encoding="utf-8")
    return folders


def _index_part(executable: str, site_dir: Path, pages: list[str], output: Path) -> None:
    """One Pagefind run over ``pages`` alone: linked (or copied) into a folder of their own
    at the same paths, so that their URLs are those of the site."""
    with tempfile.TemporaryDirectory(prefix="pm-pagefind-") as staging:
        for page in pages:
            target = Path(staging) / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / page, target)
            except OSError:  # another file system, or one without hard links
                shutil.copyfile(site_dir / page, target)
        command = [executable, "--site", staging, "--output-path", str(output), "--quiet"]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"postmortem-archive: Pagefind failed:\n{result.stdout}{result.stderr}")
