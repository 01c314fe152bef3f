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
- :class:`SiteIndex` hands Pagefind the pages :func:`prepare_page` marked, each as it is
  written and of each only what Pagefind reads (:func:`what_pagefind_reads`: its head and
  its article), so that Pagefind indexes them while the build renders the next ones (one
  Pagefind process in its service mode, :class:`Pagefind`); once the last page to index
  is written it writes the last bundle while the build goes on with the pages no search
  reads (the status history), and at the end keeps only the parts the worker uses, and
  leaves the theme's
  ``search_index.json`` with its configuration only (the highlighting on the page opened
  reads it), without the documents;
- :func:`config_only` stops the theme's search plugin from reading every page into
  documents nobody downloads: on 300 post-mortems that parse of each page's HTML cost
  about 1 s of a 10 s build.

Pagefind holds everything it indexes in memory until it writes its bundle: about 370 KB
for each post-mortem page of about 1,200 words, so 7 GB for an archive of 20,000. A large
archive is therefore indexed in parts: each bundle holds at most ``bundle_pages`` pages, in
the order the build writes them (``pagefind/``, then ``pagefind-2/``, ``pagefind-3/``,
...), and is written and dropped from Pagefind's memory as soon as it is full, so that the
build's memory no longer grows with the archive; ``pagefind/bundles.json`` lists them. The
worker opens the first and merges the others into it (Pagefind's ``mergeIndex``): one query
searches every bundle, its results ranked together. With more than one core the worker deals
the bundles among sub-workers, at most four, that search side by side; their best results
are merged by score, as Pagefind ranks merged bundles (``assets/search-worker.js``). A site of more than
:data:`LARGE_SITE_PAGES` pages, whose build holds more memory, is indexed in bundles of
:data:`LARGE_BUNDLE_PAGES` pages (:func:`bundle_pages`), so that the build's memory and one
bundle's stay under 2 GB together while Pagefind indexes beside the build. Pagefind reads
only the pages to index, never every page of the site.

Restricted post-mortems are never built in the default site, so they reach no index.
"""

from __future__ import annotations

import base64
import json
import queue
import re
import shutil
import subprocess
import threading
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError

WORKER = "search/worker.js"
WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"
BUNDLE = "pagefind"
MANIFEST = f"{BUNDLE}/bundles.json"  # {"bundles": [the bundles' folders from the site's root, the first one first]}
BUNDLE_PAGES = 2_000  # pages one Pagefind run indexes at most: about 750 MB of its memory
# A site of more pages than this holds more of the build's memory (about 1.1 GB at 20,000
# post-mortems) while Pagefind indexes beside it: its bundles hold LARGE_BUNDLE_PAGES pages
# (about 500 MB of Pagefind's memory at 20,000), so that the two stay under 2 GB together.
LARGE_SITE_PAGES = 10_000
LARGE_BUNDLE_PAGES = 1_000
# Pagefind's own search interfaces and web worker: the theme's interface is used instead,
# and WORKER runs Pagefind itself.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js", "pagefind-worker.js")
# Left out of the index: heading permalinks (¶) and what the pages mark for search to skip.
EXCLUDE = (".headerlink", "[data-search-exclude]")
# Tag chips carry `data-pagefind-filter="tag"` (templates/postmortem/chip.html): Pagefind
# returns their text with each result, shown as the theme's tag chips.

_ARTICLE = '<article class="md-content__inner md-typeset">'
_BODY = _ARTICLE[:-1] + " data-pagefind-body>"  # the article as prepare_page marks it
# What Pagefind reads anywhere in a page, not only in the marked article: its attributes
# (data-pagefind-meta, -filter, -sort ...), and for a page's title and image when no
# attribute names them, the page's first <h1> and its <img> elements (in lower case).
_READ_ANYWHERE = ("data-pagefind", "<h1", "<img")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_THEME_WORKER = "assets/javascripts/workers/"
# The worker lists the best matches only (each costs a download): the count says so.
_COUNTS = {"search.result.other": ("# matching documents", "# best-matching documents")}


def bundle_pages(site_pages: int, configured: int | None = None) -> int:
    """Pages a bundle holds at most in a site of ``site_pages`` pages: ``configured`` (the
    plugin's ``search_bundle_pages``) if set, else :data:`BUNDLE_PAGES`, or
    :data:`LARGE_BUNDLE_PAGES` for a site of more than :data:`LARGE_SITE_PAGES` pages."""
    if configured is not None:
        return max(1, configured)
    return BUNDLE_PAGES if site_pages <= LARGE_SITE_PAGES else LARGE_BUNDLE_PAGES


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
        html = html.replace(_ARTICLE, _BODY, 1)
    return use_worker(html)


def what_pagefind_reads(html: str) -> str:
    """``html`` as Pagefind indexes it: the page up to its ``<body>`` tag (the language,
    the head's metadata) and the article :func:`prepare_page` marked, without the header,
    navigation, footer and scripts around the article, which Pagefind would parse only to
    skip (on a post-mortem page, about 60 % of the page and a sixth of Pagefind's time
    indexing it). The page as it is when Pagefind would read anything left out
    (:data:`_READ_ANYWHERE`: a logo image in the header, say), when the article holds
    another one (where it ends is then not found by looking), or when the marked article
    is not there: Pagefind's index is the same either way."""
    body = html.find("<body")
    start = html.find(_BODY)
    if body < 0 or start < body:
        return html
    inside = start + len(_BODY)
    end = html.find("</article>", inside)
    body_end = html.find(">", body, start) + 1
    if end < 0 or body_end <= 0 or html.find("<article", inside, end) >= 0:
        return html
    end += len("</article>")
    for part in (html[body_end:start].lower(), html[end:].lower()):
        if any(read in part for read in _READ_ANYWHERE):
            return html
    return html[:body_end] + html[start:end] + "</body></html>"


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


def pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise PluginError(f"postmortem-archive: Pagefind is not installed (pip install pagefind_bin): {exc}") from None


class SiteIndex:
    """The search index of one build: its pages handed to one Pagefind process as they are
    written, in bundles of at most ``bundle_pages`` pages, in the order they come.

    With ``live`` on, each page's HTML goes to Pagefind the moment MkDocs writes it, so
    Pagefind reads and indexes it while the build renders the next pages (on a machine
    with a spare core, most of its time is then hidden in the build's); :meth:`finish`
    writes the bundles. With ``live`` off (:func:`index_site`, a site built already),
    :meth:`add` only notes the page, and :meth:`finish` reads the pages back from the
    site, so the build's own memory and Pagefind's are never held together. Either way a bundle is written and dropped from Pagefind's memory as soon
    as it is full, and the same pages land in the same bundles.

    ``last``, live: the page the build writes last among those it indexes (the plugin
    knows it once every page is read). Once it is added, Pagefind writes the last bundle
    in a thread while the build writes the pages after it; a page added after that all
    the same is indexed too, and the bundle written again with it at :meth:`finish`."""

    def __init__(self, site_dir: Path, bundle_pages: int = BUNDLE_PAGES, live: bool = True, last: str | None = None) -> None:
        self.site_dir, self.bundle_pages, self.live, self.last = Path(site_dir), max(1, bundle_pages), live, last
        self.pending: list[str] = []  # pages noted, not yet sent (live off)
        self.bundles: list[str] = []  # folders written or being filled, the first one first
        self._pagefind: Pagefind | None = None
        self._filled = 0  # pages in the bundle being filled
        self._early: threading.Thread | None = None  # writing the last bundle after `last`
        self._early_error: BaseException | None = None
        self._early_stale = False  # a page came after the early write: write the bundle again

    def add(self, path: str, html: str) -> None:
        """``path`` (from the site's root, as written) holds ``html``."""
        if self.live:
            self._send(path, html)
            if path == self.last and self._early is None:
                self._early = threading.Thread(target=self._write_early, args=(self.bundles[-1],),
                                               name="pagefind-write", daemon=True)
                self._early.start()
        else:
            self.pending.append(path)

    def _write_early(self, bundle: str) -> None:
        try:
            shutil.rmtree(self.site_dir / bundle, ignore_errors=True)  # an earlier build's pages
            self._pagefind.write_files(self.site_dir / bundle)
        except BaseException as exc:  # noqa: BLE001 (raised again by finish)
            self._early_error = exc

    def _join_early(self) -> None:
        """Wait for the early write; raise what it raised."""
        if self._early is not None:
            self._early.join()
            if self._early_error is not None:
                error, self._early_error = self._early_error, None
                raise error

    def _send(self, path: str, html: str) -> None:
        if self._early is not None and not self._early_stale:  # after `last`: not expected, but indexed all the same
            self._join_early()
            self._early_stale = True
        if self._pagefind is None:
            self._pagefind = Pagefind(pagefind_executable())
        if not self.bundles or self._filled >= self.bundle_pages:
            if self.bundles:  # a full bundle: written while the build goes on (Pagefind.next_index)
                shutil.rmtree(self.site_dir / self.bundles[-1], ignore_errors=True)  # an earlier build's pages
                self._pagefind.next_index(self.site_dir / self.bundles[-1])
            else:
                self._pagefind.new_index(EXCLUDE)
            self.bundles.append(BUNDLE if not self.bundles else f"{BUNDLE}-{len(self.bundles) + 1}")
            self._filled = 0
        self._pagefind.add(path, what_pagefind_reads(html))
        self._filled += 1

    def finish(self) -> list[str]:
        """Write the last bundle and :data:`MANIFEST`, slim the theme's index to its
        configuration; the bundles' folders, the first one first."""
        try:
            for path in self.pending:
                self._send(path, (self.site_dir / path).read_text(encoding="utf-8"))
            self.pending = []
            if self._pagefind is None:  # no page to index: an empty bundle all the same
                self._pagefind = Pagefind(pagefind_executable())
                self.bundles.append(BUNDLE)
                self._pagefind.new_index(EXCLUDE)
            if self._early is not None and not self._early_stale:
                self._join_early()
                self._pagefind.delete_index()  # written already, beside the last pages
            else:
                self._write(self.bundles[-1])
            self._pagefind.settle()  # the full bundles written beside the build
        except BaseException:
            self.close()
            raise
        self._pagefind.close()
        self._pagefind = None
        return _finish_site(self.site_dir, self.bundles)

    def _write(self, bundle: str) -> None:
        shutil.rmtree(self.site_dir / bundle, ignore_errors=True)  # an earlier build's pages
        self._pagefind.write(self.site_dir / bundle)

    def close(self) -> None:
        """Stop Pagefind without writing anything (a build that failed or was left)."""
        if self._pagefind is not None:
            self._pagefind.close(kill=True)
            self._pagefind = None
        if self._early is not None:
            self._early.join()  # answered now: Pagefind has stopped
            self._early = self._early_error = None


def _finish_site(site_dir: Path, bundles: list[str]) -> list[str]:
    for path in site_dir.glob(f"{BUNDLE}-*"):
        if path.name not in bundles and path.is_dir():
            shutil.rmtree(path)  # a bundle of an earlier, larger build
    for name in bundles:
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


def index_site(site_dir: Path, pages: list[str] | None = None, bundle_pages: int = BUNDLE_PAGES) -> list[str]:
    """Index ``pages`` (paths of HTML files from ``site_dir``, in bundle order; default:
    every HTML file, by path) as :class:`SiteIndex` does after a build."""
    if pages is None:
        pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    index = SiteIndex(site_dir, bundle_pages, live=False)
    for page in dict.fromkeys(pages):
        index.add(page, "")
    return index.finish()


class Pagefind:
    """A Pagefind process in its service mode (``pagefind --service``, the interface of its
    Node and Python APIs): requests go to its standard input and answers come back on its
    standard output, each a base64-encoded JSON message followed by a comma.

    One thread writes the requests and another reads the answers, so the build hands over
    a page and goes on rendering, whatever Pagefind is doing; it waits only when Pagefind
    is :data:`AHEAD` pages behind, and :meth:`write` waits until every page sent was
    indexed.

    Pagefind answers its requests one after the other, in the order they come, and numbers
    its indexes in the order they are made. :meth:`next_index` therefore writes a full
    bundle without waiting: it asks Pagefind to write and drop the index being filled and
    goes on with an index made in advance (:meth:`new_index` and each :meth:`next_index`
    ask for the next one), so the build writes its next pages while Pagefind writes the
    bundle (6 s of Pagefind's CPU for 2,000 pages, during which a build that waited had one
    core idle), and Pagefind indexes them after it. The answers are checked by
    :meth:`settle`."""

    AHEAD = 64  # pages the build may get ahead of Pagefind (their HTML is held meanwhile)

    def __init__(self, executable: str) -> None:
        self._process = subprocess.Popen([executable, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        self._answers: dict[int, dict] = {}
        self._sent = 0
        self._index: int | None = None
        self._adding: list[int] = []  # pages sent to the index being filled, not yet answered
        self._config: dict = {}  # of the indexes made (new_index)
        self._spare: int | None = None  # the request making the index after this one
        self._unsettled: list[int] = []  # requests of next_index not yet answered
        self._ready = threading.Condition()
        self._requests: queue.Queue[dict | None] = queue.Queue(self.AHEAD)
        self._stopped = False  # Pagefind's standard input closed under the writer
        self._reader = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._writer = threading.Thread(target=self._write_requests, name="pagefind-requests", daemon=True)
        self._reader.start()
        self._writer.start()

    def new_index(self, exclude_selectors) -> None:
        self._config = {"exclude_selectors": list(exclude_selectors)}
        answer = self._wait(self._request({"type": "NewIndex", "config": self._config}))
        self._index = answer["index_id"]
        self._spare = self._request({"type": "NewIndex", "config": self._config})

    def next_index(self, output: Path) -> None:
        """Have the index being filled written to ``output`` and dropped, and go on with the
        next one, without waiting for either (see the class's description)."""
        spare = self._wait(self._spare)["index_id"]  # answered long ago: asked for a bundle earlier
        # The last bundle's write, asked for a bundle earlier, is done (or the build waits
        # for it): Pagefind is never more than a bundle behind, nor holds more pages waiting.
        self.settle()
        self._unsettled += self._adding
        self._adding = []
        self._unsettled.append(self._request({"type": "WriteFiles", "index_id": self._index, "output_path": str(output)}))
        self._unsettled.append(self._request({"type": "DeleteIndex", "index_id": self._index}))
        self._index = spare
        self._spare = self._request({"type": "NewIndex", "config": self._config})

    def settle(self) -> None:
        """Wait until Pagefind has done what :meth:`next_index` asked; raise what failed."""
        while self._unsettled:
            self._wait(self._unsettled.pop(0))

    def add(self, path: str, html: str) -> None:
        self._adding.append(self._request({"type": "AddFile", "index_id": self._index, "file_path": path,
                                           "url": None, "file_contents": html}))

    def write(self, output: Path) -> None:
        """Write the index being filled to ``output`` and drop it from Pagefind's memory."""
        self.write_files(output)
        self.delete_index()

    def write_files(self, output: Path) -> None:
        """Write the index being filled to ``output``; it stays open for more pages."""
        for message in self._adding:
            self._wait(message)
        self._adding = []
        self._wait(self._request({"type": "WriteFiles", "index_id": self._index, "output_path": str(output)}))

    def delete_index(self) -> None:
        """Drop the index being filled from Pagefind's memory."""
        self._wait(self._request({"type": "DeleteIndex", "index_id": self._index}))
        self._index = None

    def close(self, kill: bool = False) -> None:
        """Let Pagefind finish what it was sent and stop, or with ``kill`` stop it at once."""
        if kill:
            self._process.kill()
        if self._writer.is_alive():
            try:
                self._requests.put_nowait(None)
            except queue.Full:
                self._process.kill()
        self._writer.join(timeout=10)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)

    def _request(self, payload: dict) -> int:
        if self._stopped or not self._writer.is_alive():
            raise PluginError(f"postmortem-archive: Pagefind stopped (exit code {self._process.poll()})")
        self._sent += 1
        self._requests.put({"message_id": self._sent, "payload": payload})
        return self._sent

    def _write_requests(self) -> None:
        stdin = self._process.stdin
        try:
            while (request := self._requests.get()) is not None:
                stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
                stdin.flush()
        except OSError:  # Pagefind has gone: the next wait says so
            self._stopped = True
            with self._ready:
                self._ready.notify_all()
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def _wait(self, message: int) -> dict:
        with self._ready:
            self._ready.wait_for(lambda: message in self._answers or not self._reader.is_alive() or self._stopped)
            answer = self._answers.pop(message, None)
        if answer is None:
            raise PluginError(f"postmortem-archive: Pagefind stopped (exit code {self._process.poll()})")
        if answer.get("type") == "Error":
            raise PluginError(f"postmortem-archive: Pagefind failed: {answer.get('message')}")
        return answer

    def _read(self) -> None:
        pending = b""
        try:
            while chunk := self._process.stdout.read1(1 << 16):
                pending += chunk
                *messages, pending = pending.split(b",")
                answers = [json.loads(base64.b64decode(message)) for message in messages]
                with self._ready:
                    for answer in answers:
                        self._answers[_message_id(answer)] = answer.get("payload") or {}
                    self._ready.notify_all()
        finally:
            with self._ready:
                self._ready.notify_all()


def _message_id(answer: dict) -> int | None:
    """The request an answer is for: Pagefind names it, or, when it could not read the
    request, sends the request back."""
    if answer.get("message_id") is not None:
        return answer["message_id"]
    try:
        return json.loads((answer.get("payload") or {}).get("original_message") or "null").get("message_id")
    except (ValueError, AttributeError):
        return None
