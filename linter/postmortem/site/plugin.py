"""The ``postmortem-archive`` MkDocs plugin: the archive of post-mortems as a site.

Each event does one thing. ``on_files`` lints and reads the archive through the shared
document model and adds every generated page; ``on_page_markdown`` and ``on_page_content``
render post-mortem text with raw HTML escaped and put the badges and cards in place.

The generated HTML comes from the templates in ``templates/postmortem/``; a site overrides
any of them with a file of the same name under its theme's ``custom_dir``
(``overrides/postmortem/card.html``), as it overrides mkdocs-material's partials.

The plugin needs the Material for MkDocs theme (``theme: name: material``) and its tags
plugin (``plugins: - tags``, which lists the incidents of each tag on the "By tag" page);
without either the build stops at once with an error saying so. Nothing of the archive
reads the tags plugin's ``tags.json`` (every page's tags, 3.6 MB at 20,000 post-mortems):
its ``export: false`` leaves it out, as this project's ``mkdocs.yml`` and ``postmortem
init`` do. The plugin reads the same configuration as ``postmortem lint``: the nearest
``postmortem.toml``, or ``pyproject.toml`` with a ``[tool.postmortem]`` table, from the
folder of ``mkdocs.yml`` upwards (its archive, owner registry, rule selection, required
sections, fail level); its own options only override.

Options (``plugins: - postmortem-archive:`` in ``mkdocs.yml``):

``source``
    The archive folder, relative to ``mkdocs.yml``. Default: the configuration's
    ``archive`` (``postmortems`` when it sets none).
``mount``
    The folder of the site the generated pages live in: ``""`` (default) puts the archive's
    home at the site's root, as this project's own site does; ``postmortems`` puts every
    generated page, chart and the feed under ``postmortems/``, next to the host site's own
    home page and pages. A host page at the path of a generated one stops the build with an
    error naming it.
``nav_title``
    The title of the section the archive's pages get in the navigation (default
    ``Post-mortems``). A site with an explicit ``nav`` gets that section at its end, unless
    its ``nav`` already names one of the generated pages (then it is left as written); a
    site without one gets MkDocs' automatic navigation, in which the section for the
    ``mount`` folder takes this title.
``internal``
    Also publish ``visibility: restricted`` post-mortems. ``POSTMORTEM_INTERNAL=1`` turns it
    on too. Default off.
``allow_lint_errors``
    Publish post-mortems that fail linting (with a banner) instead of failing the build.
    ``POSTMORTEM_ALLOW_LINT_ERRORS=1`` turns it on too. Default off.
``drafts``
    Publish drafts (``status: draft``), each with a "Draft" banner; off leaves them out of
    every page and the feed, as restricted ones are. ``POSTMORTEM_DRAFTS=0`` turns it off
    too. Default on.
``edit_url``
    An "Edit this page" link on each post-mortem's page to its source file: a URL template
    in which ``{path}`` is the file's path from the root of its git checkout (the nearest
    folder above it with a ``.git``; else the folder of ``mkdocs.yml``) and ``{name}`` its
    file name, for example
    ``https://git.example.com/ops/postmortems/-/edit/main/{path}``. Off when unset; the
    link is only written, no code host is ever called.
``finished_actions_months``
    The action-item page lists every open item, and finished ones (done, declined) of the
    incidents of this many months before ``today`` (default 24; 0 lists them all).
``rows_per_page``
    Rows of the archive table and of the action items written into their pages (default
    50); the rest load from data files when the reader filters, sorts or turns a page.
``jobs``
    Processes that parse and lint the post-mortems the build reads (default: one per CPU;
    1 keeps it in the build's own process, for a machine whose cores are busy anyway). With
    more than one CPU and ``jobs`` not 1, a second process also renders the Markdown of the
    post-mortem and status history pages beside the build (``prerender.py``).
``search_bundle_pages``
    Pages one run of Pagefind indexes at most (default 2,000, or 1,000 in a site of more
    than 10,000 pages): a larger archive is indexed in several bundles, one run each, which
    the search box searches together, so that Pagefind's memory does not grow with the
    archive (about 750 MB for 2,000 pages, 500 MB for 1,000).
``today``
    The date that decides which action items are overdue (default: the build date).
    ``POSTMORTEM_TODAY=YYYY-MM-DD`` overrides it.
``config``
    The configuration file, a ``postmortem.toml`` or a ``pyproject.toml`` with
    ``[tool.postmortem]``, relative to ``mkdocs.yml`` (default: found as above).
    ``pyproject``, its earlier name, is still read.
"""

from __future__ import annotations

import gc
import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from postmortem.config import Config as ProjectConfig
from postmortem.vocabulary import SEVERITIES

from . import assets, browse, catalog, charts, feed, home, insights, listing, pages, rules_ref, search, status_history, tracker
from .memory import LongLived, PageMemory, give_back
from .prerender import Prerender, PrerenderedPage, RenderMemory
from .prerender import available as second_process_available
from . import nav as archive_nav
from . import urls as u
from .extensions import GeneratedMarkdown
from .guard import RawHtmlGuard
from .templating import Templates
from .tokens import Tokens

log = logging.getLogger("mkdocs.plugins.postmortem-archive")

_TRUE = {"1", "true", "yes", "on"}
THEME = "material"


class ArchiveConfig(Config):
    source = c.Optional(c.Type(str))
    mount = c.Type(str, default="")
    nav_title = c.Type(str, default="Post-mortems")
    internal = c.Type(bool, default=False)
    allow_lint_errors = c.Type(bool, default=False)
    drafts = c.Type(bool, default=True)
    today = c.Optional(c.Type((str, date)))
    config = c.Optional(c.Type(str))
    pyproject = c.Optional(c.Type(str))  # the earlier name of `config`
    edit_url = c.Optional(c.Type(str))
    finished_actions_months = c.Type(int, default=tracker.FINISHED_MONTHS)
    rows_per_page = c.Type(int, default=listing.PAGE_ROWS)
    jobs = c.Optional(c.Type(int))
    search_bundle_pages = c.Optional(c.Type(int))  # default: chosen from the site's pages (search.bundle_pages)


def _flag(name: str, configured: bool) -> bool:
    value = os.environ.get(name)
    return configured if value is None or value.strip() == "" else value.strip().lower() in _TRUE


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self) -> None:
        self.guard = RawHtmlGuard()
        self.tokens = Tokens()
        self.guarded: set[str] = set()
        self.generated_markdown = GeneratedMarkdown()
        self.indexes: set[str] = set()  # generated pages written by the plugin, not from post-mortem text
        self.source = self.base = Path()
        self.project = ProjectConfig(root=Path())
        self.urls = u.Urls(True)
        self.automatic_nav = False
        self.today = date.today()
        self.internal = self.allow_lint_errors = False
        self.drafts = True
        self.templates = Templates()
        self.colours: dict[str, str] = {}
        self.memory: dict | None = None  # under `mkdocs serve`: the last build's lint and summaries
        self.page_memory = PageMemory()  # the generated pages' text while they are built (memory.py)
        self.long_lived = LongLived()  # what the build keeps, frozen out of the collector's walks (memory.py)
        self.search_index: search.SiteIndex | None = None  # this build's Pagefind index, fed as pages are written
        self.prerender: Prerender | None = None  # this build's second process rendering Markdown (prerender.py)
        self.rendered: RenderMemory | None = None  # under `mkdocs serve`: the last build's renderings (prerender.py)

    def on_startup(self, *, command, dirty):
        # Its presence keeps this instance from one `mkdocs serve` rebuild to the next
        # (every setting is read again in on_config), so a rebuild parses only the
        # post-mortems whose cache key changed, with or without `cache` on.
        self.memory = {} if command == "serve" else None
        self.rendered = RenderMemory() if command == "serve" else None

    # ------------------------------------------------------------------ configuration

    def on_config(self, config):
        _require_theme(config)
        self.base = base = Path(config.config_file_path or ".").resolve().parent
        self.project = self._project()
        self.source = (base / self.config.source).resolve() if self.config.source else self.project.archive_dir
        try:
            self.urls = u.Urls(config.use_directory_urls, self.config.mount)
        except ValueError as exc:
            raise PluginError(f"postmortem-archive: option `mount`: {exc}") from None
        self.automatic_nav = config.nav is None
        if config.nav is not None:
            config.nav = archive_nav.add_section(config.nav, self.config.nav_title, self.urls)
        self.internal = _flag("POSTMORTEM_INTERNAL", self.config.internal)
        self.allow_lint_errors = _flag("POSTMORTEM_ALLOW_LINT_ERRORS", self.config.allow_lint_errors)
        self.drafts = _flag("POSTMORTEM_DRAFTS", self.config.drafts)
        self.today = _today(os.environ.get("POSTMORTEM_TODAY") or self.config.today)
        config.markdown_extensions += [self.generated_markdown, self.guard]
        self.templates = Templates(config.theme.custom_dir)
        assets.inject(config)
        return config

    def _project(self) -> ProjectConfig:
        """The configuration ``postmortem lint`` reads, from the option or found upwards."""
        from postmortem.config import ConfigError, find_config, load_config

        named = [value for value in (self.config.config, self.config.pyproject) if value]
        if len(set(named)) > 1:
            raise PluginError("postmortem-archive: options `config` and `pyproject` name different files; keep `config`")
        try:
            path = (self.base / named[0]).resolve() if named else find_config(self.base)
            return load_config(path) if path else ProjectConfig(root=self.base)
        except ConfigError as exc:
            raise PluginError(f"postmortem-archive: configuration error: {exc}") from None

    def on_pre_build(self, config):
        search.config_only(config.plugins)
        self._close_search_index()
        self._close_prerender()
        gc.unfreeze()  # under `mkdocs serve`: what the last build's on_files froze

    # ------------------------------------------------------------------ pages

    def on_files(self, files, config):
        # Reading the archive allocates millions of small objects (the documents' Markdown
        # tokens); each document holds reference cycles, so only the cyclic garbage
        # collector frees it. Turning the collector off for the event saved its walks over
        # everything imported (~1 s of CPU at 500 post-mortems) but kept every document
        # alive to the end of the event: 100 KB a post-mortem, 2 GB at 20,000. Instead
        # what is alive now (the modules, the configuration) is frozen out of the walks,
        # and the collector frees each document soon after it is read, for the same CPU
        # (under `mkdocs serve`, the last build's objects, unfrozen before this build, are
        # frozen again here). Then what is alive after the event is frozen out of later
        # collections too (anything that dies is still freed, by reference counting).
        gc.freeze()
        try:
            return self._add_pages(files, config)
        finally:
            gc.collect()  # what the event left behind
            gc.freeze()

    def _add_pages(self, files, config):
        if not self.source.is_dir():
            raise PluginError(f"postmortem-archive: the archive folder {self.source} does not exist "
                              "(option `source`, or `archive` in the configuration)")
        cat = self._catalog()
        cat.edit_url, cat.root = self.config.edit_url or None, self.base
        urls = self.urls
        t = self.templates
        self.tokens = self.tokens.fresh()
        self.guarded = set()
        self.indexes = set()
        self.page_memory = PageMemory()
        self.long_lived = LongLived()
        generated: list[tuple[str, str, bool, bool]] = []  # name (urls.py), content, in nav, post-mortem text

        for entry in cat.entries:
            generated.append((entry.src_uri, pages.postmortem_page(entry, cat, urls, self.tokens, t), False, True))
        drawn = insights.all_charts(cat, charts.css_colours(assets.stylesheets(config), SEVERITIES))
        notices = status_history.notices(cat)
        rows = max(1, self.config.rows_per_page)
        archive_data = browse.archive_data(cat, urls)
        items, _ = tracker.tracker_items(cat, self.config.finished_actions_months or None)
        action_data = tracker.action_data(items, urls)
        generated += [
            (u.HOME, home.home_page(cat, urls, t, lambda path: files.get_file_from_path(path) is not None), True, False),
            (u.ARCHIVE, browse.archive_page(cat, urls, t, self.tokens, archive_data, rows), True, False),
            (u.BY_SEVERITY, browse.severity_page(cat, urls, t, self.tokens), True, False),
            (u.BY_SERVICE, browse.service_page(cat, urls, t, self.tokens), True, False),
            (u.BY_YEAR, browse.year_page(cat, urls, t, self.tokens), True, False),
            (u.BY_TAG, browse.tag_page(cat, urls, t), True, False),
            (u.ACTIONS, tracker.tracker_page(cat, urls, t, self.config.finished_actions_months or None, self.tokens, action_data, rows, items), True, False),
            (u.INSIGHTS, insights.insights_page(cat, urls, drawn, t), True, False),
            (u.RULES, rules_ref.rules_page(t), True, False),
            (u.STATUS_HISTORY, status_history.index_page(notices, t), True, True),
        ]
        del items
        generated += [(src_uri, content, False, True) for src_uri, content in status_history.older_pages(notices, t)]
        generated += [(notice.src_uri, status_history.notice_page(notice, t), False, True) for notice in notices]
        generated += [(chart.src_uri, chart.svg, False, False) for chart in drawn]
        generated += [(data.src_uri, data.content, False, False) for data in (*archive_data, *action_data)]
        generated.append((feed.PATH, feed.feed(cat, urls, t, config.site_name, config.site_url), False, False))

        docs = Path(os.path.relpath(config.docs_dir, self.base)).as_posix()
        for name, content, in_nav, untrusted in generated:
            src_uri = urls.src(name)  # the one place a page's name is put under the mount
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"postmortem-archive: {docs}/{src_uri} clashes with the archive's generated page {src_uri} "
                    "(same path in the site); rename or move yours, or set the option `mount` to put the "
                    "archive under a folder of its own (for example `mount: postmortems`)"
                )
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src_uri, content=content, inclusion=inclusion)
            files.append(file)
            if untrusted and not in_nav and src_uri.endswith(".md"):  # a navigation item keeps its title: MkDocs' page
                PrerenderedPage(None, file, config)
            if untrusted:
                self.guarded.add(src_uri)
            elif src_uri.endswith(".md"):
                self.indexes.add(src_uri)
        files.append(File.generated(config, search.WORKER, abs_src_path=str(search.WORKER_SOURCE)))
        for dest, source in assets.FILES.items():
            files.append(File.generated(config, dest, abs_src_path=str(source)))
        log.info(
            "postmortem-archive: %d post-mortems published%s, today is %s",
            len(cat.entries),
            (" (internal build: restricted ones included)" if self.internal else "")
            + ("" if self.drafts else " (drafts left out)"),
            self.today.isoformat(),
        )
        return files

    def _catalog(self) -> catalog.Catalog:
        from dataclasses import replace

        from postmortem.config import ConfigError
        from postmortem.engine import UsageError

        try:
            project = replace(self.project, archive=str(self.source))
            cat, _ = catalog.load(
                self.source, project, today=self.today, internal=self.internal, allow_lint_errors=self.allow_lint_errors,
                drafts=self.drafts, memory=self.memory, jobs=max(1, self.config.jobs) if self.config.jobs else None,
            )
        except (ConfigError, UsageError) as exc:
            raise PluginError(f"postmortem-archive: configuration error: {exc}") from None
        except catalog.LintFailure as failure:
            raise PluginError(
                "postmortem-archive: the archive does not pass `postmortem lint`; fix these findings, "
                "or build with POSTMORTEM_ALLOW_LINT_ERRORS=1 to publish anyway:\n" + str(failure)
            ) from None
        return cat

    # ------------------------------------------------------------------ rendering

    @event_priority(-100)  # the files every other plugin added
    def on_env(self, env, config, files):
        self._close_prerender()  # every page is rendered by now
        self.long_lived.settle()  # what rendering left, before the pages are written (memory.py)
        if self.rendered is not None:
            log.debug("postmortem-archive: %d pages' rendering kept from the last build", self.rendered.used)
        # Pagefind indexes each page as it is written, beside the build, in bundles small
        # enough for a large site's memory and Pagefind's to be held at once; it writes its
        # index once the last page to index is written, beside the pages after it (MkDocs
        # writes the pages in this order; they are all read by now).
        inclusion = InclusionLevel.is_in_serve if self.memory is not None else InclusionLevel.is_included
        written = [file.page for file in files.documentation_pages(inclusion=inclusion) if file.page is not None]
        last = next((page.file.dest_uri for page in reversed(written) if search.searchable(page)), None)
        bundle_pages = search.bundle_pages(sum(1 for _ in files.documentation_pages()), self.config.search_bundle_pages)
        self.search_index = search.SiteIndex(Path(config.site_dir), bundle_pages, live=True, last=last)
        return env

    def _title_nav(self, nav, config, files):
        if self.automatic_nav and self.urls.mount:
            archive_nav.title_section(nav, self.config.nav_title, self.urls.src(u.HOME))
        return nav

    @event_priority(-100)  # the last event before MkDocs renders the pages' Markdown
    def _start_prerender(self, nav, config, files):
        self._close_prerender()
        pages = [file.page for file in files.documentation_pages() if isinstance(file.page, PrerenderedPage)]
        if self.rendered is not None:
            self.rendered.begin(config, files, pages)
        if self.config.jobs != 1 and second_process_available() and len(pages) > 1:
            self.long_lived.settle()  # the pages as read, walked by neither process's collector (memory.py)
            give_back()  # what reading the archive freed, not handed to the second process (prerender.py)
            self.prerender = Prerender(pages)
            self.prerender.start(config, files)
        return nav

    on_nav = CombinedEvent(_title_nav, _start_prerender)

    def on_pre_page(self, page, config, files):
        self.long_lived.page_read()  # in the second process too, for the pages it renders
        return page

    def on_page_markdown(self, markdown, page, config, files):
        # Read by the guard and the generated pages' extensions when MkDocs creates this
        # page's Markdown instance, next.
        self.guard.active = page.file.src_uri in self.guarded
        self.generated_markdown.active = page.file.src_uri in self.indexes
        return markdown

    def on_page_content(self, html, page, config, files):
        self.guard.active = self.generated_markdown.active = False
        html = self.tokens.substitute(html)
        leftover = self.tokens.leftover(html)
        if leftover:
            log.warning("postmortem-archive: %s: %d placeholder(s) not replaced", page.file.src_uri, len(leftover))
        if page.file.src_uri in self.guarded:  # post-mortem text: kept compressed until its template (memory.py)
            self.page_memory.rendered(page, html)
            return ""
        return html

    @event_priority(100)  # the page's HTML back before any other plugin reads it
    def on_page_context(self, context, page, config, nav):
        self.page_memory.unpack(page)
        return context

    def _prepare_page(self, output, page, config):
        output = feed.link_in_head(output, page, config.site_name, self.templates, self.urls)
        output = search.prepare_page(output, page)
        if page.file.src_uri in self.guarded:
            self.page_memory.written(page)
        return output

    @event_priority(-100)  # the page as written, after every other plugin
    def _index_page(self, output, page, config):
        if search.searchable(page) and self.search_index is not None:
            self.search_index.add(page.file.dest_uri, output)
        return output

    on_post_page = CombinedEvent(_prepare_page, _index_page)

    def on_post_template(self, output_content, template_name, config):
        return search.use_worker(output_content)

    # ------------------------------------------------------------------ search index

    @event_priority(-50)  # after the theme's search plugin has written its index
    def on_post_build(self, config):
        give_back()  # the pages' text, freed as they were written, before Pagefind needs memory
        index = self.search_index or search.SiteIndex(Path(config.site_dir), search.bundle_pages(0, self.config.search_bundle_pages))
        self.search_index = None
        index.finish()

    def on_build_error(self, error):
        self._close_prerender()
        self._close_search_index()

    def on_shutdown(self):
        self._close_prerender()
        self._close_search_index()

    def _close_prerender(self):
        if self.prerender is not None:
            self.prerender.close()
            log.debug("postmortem-archive: %d of %d pages' Markdown rendered by the second process",
                      self.prerender.taken, len(self.prerender.pages))
            self.prerender = None

    def _close_search_index(self):
        if self.search_index is not None:
            self.search_index.close()
            self.search_index = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.source))
        return server


def _require_theme(config) -> None:
    """The pages are built for mkdocs-material's layout (its article element, search and
    cards) and its tags plugin (the tag index every tag chip links to): without them, say so
    once, before anything is built."""
    name = config.theme.name
    if name != THEME:
        raise PluginError(
            f"postmortem-archive needs the Material for MkDocs theme (theme: name: {THEME}); "
            f"this site uses {name!r}"
        )
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if tags is None or not getattr(tags, "config", {}).get("enabled", True):
        raise PluginError(
            "postmortem-archive needs the theme's tags plugin for its By tag page: add `- tags` "
            "to `plugins` in mkdocs.yml (with `export: false` under it: the archive reads no tags.json)"
        )


def _today(value) -> date:
    if value is None or value == "":
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise PluginError(f"postmortem-archive: today / POSTMORTEM_TODAY must be YYYY-MM-DD, not {value!r}") from None
