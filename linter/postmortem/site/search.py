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
- :func:`index_site` runs Pagefind over the built site, keeps only the parts of its bundle
  the worker uses, and leaves the theme's ``search_index.json`` with its configuration
  only (the highlighting on the page opened reads it), without the documents;
- :func:`config_only` stops the theme's search plugin from reading every page into
  documents nobody downloads: on 300 post-mortems that parse of each page's HTML cost
  about 1 s of a 10 s build.

Restricted post-mortems are never built in the default site, so they reach no index.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError

WORKER = "search/worker.js"
WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"
BUNDLE = "pagefind"
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


def index_site(site_dir: Path) -> None:
    """Index ``site_dir`` with Pagefind; slim the theme's index to its configuration."""
    try:
        from pagefind_bin import get_executable

        command = [str(get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    except (ImportError, FileNotFoundError) as exc:
        raise PluginError(f"postmortem-archive: Pagefind is not installed (pip install pagefind_bin): {exc}") from None
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"postmortem-archive: Pagefind failed:\n{result.stdout}{result.stderr}")
    for pattern in UNUSED:
        for path in (site_dir / BUNDLE).glob(pattern):
            path.unlink()
    theme_index = site_dir / "search" / "search_index.json"
    if theme_index.is_file():
        config = json.loads(theme_index.read_text(encoding="utf-8")).get("config", {})
        theme_index.write_text(json.dumps({"config": config, "docs": []}), encoding="utf-8")
