"""The post-mortem pages' Markdown rendered in a second process, beside the build.

MkDocs renders every page's Markdown in its own process, one page after the other, before
it writes any page: at 500 post-mortems about 8 s on one core while the machine's other
core has nothing to do (the lint gate's workers are done by then, and Pagefind starts on
the pages as they are written, after that). Here, for the pages built from post-mortem text
that are outside the navigation (the post-mortems and the status history's pages), a
process forked from the build once the navigation is made renders them from the end of the
list while the build renders them from the start, until the two meet:

- :class:`Prerender` holds the list; the build takes each page from the front as it comes
  to it, the helper from the back, under one lock, so no page is rendered twice and the two
  finish together whatever each page costs;
- the helper runs for its pages what MkDocs runs before the theme (the ``pre_page`` and
  ``page_markdown`` events of every plugin, then :meth:`mkdocs.structure.pages.Page.render`)
  and sends back what rendering sets on a page: the HTML, the table of contents, the title
  found in it, the anchors it holds and the links to anchors it makes, and the warnings it
  logged (logged again by the build, so ``--strict`` counts them);
- :class:`PrerenderedPage` is the page MkDocs renders: the build still reads its source and
  runs every event (so each plugin sees every page, as before), and its ``render`` takes the
  helper's result only if the helper rendered the very same Markdown; anything else (a page
  the helper did not reach, failed on, or got other Markdown for) is rendered in the build,
  as MkDocs would.

Under ``mkdocs serve`` (which renders every page again after each change) the plugin also
keeps what rendering set on each of these pages, compressed, in a :class:`RenderMemory`: a
rebuild renders again only the pages whose Markdown changed (after an edit of one
post-mortem, its page and what shows its text), in a site whose files and Markdown
configuration are those of the last build; every other page gets what it got then, its
warnings logged again.

The pages are byte for byte those of a build in one process (``tests/test_site_prerender.py``).
The plugin's ``jobs: 1`` keeps the rendering in the build's process, as it keeps the lint
gate. The helper shares the build's memory as it was when forked (copy on write): the build
first hands back to the system what reading the archive freed (:func:`.memory.give_back`),
and keeps the helper's results compressed until it takes them (half the pages wait there
at once), so that at 20,000 post-mortems the two processes together hold about what the
build alone does. A page in the navigation keeps MkDocs' own page object (its title comes
from the navigation).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field

from mkdocs.structure.pages import Page


def available() -> bool:
    """A second process can be forked from the build (not on Windows) and has a CPU of its own."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


@dataclass
class Rendered:
    """What :meth:`Page.render` set on one page, as the helper sends it back or the last
    build kept it."""

    src_uri: str
    markdown: bytes  # digest of the Markdown rendered
    content: str
    toc: object
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # links to anchors, by the linked file's src_uri
    logged: list[tuple[str, int, str]] = field(default_factory=list)  # (logger, level, message)


def _rendered(page: Page, logged: list) -> Rendered:
    """What rendering set on ``page``, to send or keep."""
    links = None
    if page.links_to_anchors is not None:
        links = {file.src_uri: anchors for file, anchors in page.links_to_anchors.items()}
    return Rendered(page.file.src_uri, digest(page.markdown), page.content, page.toc, page._title_from_render,
                    page.present_anchor_ids, links, list(logged))


def _install(page: Page, rendered: Rendered, files) -> None:
    """Set on ``page`` what rendering set on it, and log its warnings again."""
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.anchors)
    if rendered.links is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(links) for uri, links in rendered.links.items()}
    for name, level, message in rendered.logged:
        logging.getLogger(name).log(level, message)


class PrerenderedPage(Page):
    """A page whose Markdown the helper process may have rendered (:class:`Prerender`), or
    the last build under ``mkdocs serve`` (:class:`RenderMemory`)."""

    prerender: "Prerender | None" = None
    memory: "RenderMemory | None" = None

    def render(self, config, files) -> None:
        kept = self.memory.get(self) if self.memory is not None else None
        if kept is not None:
            _install(self, kept, files)
            return
        rendered = self.prerender.take(self) if self.prerender is not None else None
        if rendered is not None:
            _install(self, rendered, files)
        elif self.memory is None:
            super().render(config, files)
        else:
            with _captured() as logged:
                super().render(config, files)
            rendered = _rendered(self, logged)
        if self.memory is not None:
            self.memory.keep(self, rendered)


class RenderMemory:
    """Under ``mkdocs serve``: what rendering set on each page in the last build, kept for a
    page whose Markdown is the same, in a site whose files (their paths, addresses and
    inclusion: where links lead) and Markdown configuration (extensions and their options,
    link validation) are the same. :meth:`begin` starts each build."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[bytes, bytes]] = {}  # src_uri: (key, compressed Rendered)
        self._site = b""
        self.used = 0  # pages of this build that got the last one's rendering

    def begin(self, config, files, pages: list[PrerenderedPage]) -> None:
        self._site = _site_key(config, files)
        self._kept = {page.file.src_uri: self._kept[page.file.src_uri] for page in pages if page.file.src_uri in self._kept}
        self.used = 0
        for page in pages:
            page.memory = self

    def _key(self, page: Page) -> bytes:
        return hashlib.blake2b(self._site + page.file.src_uri.encode("utf-8") + b"\0" + digest(page.markdown),
                               digest_size=16).digest()

    def has(self, page: Page) -> bool:
        kept = self._kept.get(page.file.src_uri)
        return kept is not None and kept[0] == self._key(page)

    def get(self, page: Page) -> Rendered | None:
        kept = self._kept.get(page.file.src_uri)
        if kept is None or kept[0] != self._key(page):
            return None
        self.used += 1
        return pickle.loads(zlib.decompress(kept[1]))

    def keep(self, page: Page, rendered: Rendered) -> None:
        self._kept[page.file.src_uri] = (self._key(page), zlib.compress(pickle.dumps(rendered), 1))


def _site_key(config, files) -> bytes:
    """What a page's rendering reads besides its Markdown and its own file."""
    extensions = [name if isinstance(name, str) else f"{type(name).__module__}.{type(name).__qualname__}"
                  for name in config.markdown_extensions]
    options = sorted((str(name), repr(value)) for name, value in (config.mdx_configs or {}).items())
    paths = sorted(f"{file.src_uri}\t{file.url}\t{file.inclusion}" for file in files)
    pages_log = logging.getLogger("mkdocs.structure.pages").getEffectiveLevel()
    parts = [repr(extensions), repr(options), repr(config.use_directory_urls), repr(config.validation),
             repr(pages_log > logging.DEBUG), *paths]
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).digest()


@contextmanager
def _captured():
    """The log records of what runs inside, as (logger, level, message); they are logged
    as usual too."""
    capture = _Capture()
    loggers = (logging.getLogger(), logging.getLogger("mkdocs"))
    for logger in loggers:
        logger.addHandler(capture)
    try:
        yield capture.records
    finally:
        for logger in loggers:
            logger.removeHandler(capture)


class Prerender:
    """The pages to render in two processes, in the order the build renders them."""

    def __init__(self, pages: list[PrerenderedPage]) -> None:
        self.pages = pages
        self.index = {page.file.src_uri: number for number, page in enumerate(pages)}
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._front = context.RawValue("l", 0)  # pages before this one are the build's
        self._back = context.RawValue("l", len(pages))  # pages from this one on are the helper's
        self._context = context
        self._process = None
        self._results: dict[str, bytes] = {}  # src_uri: a Rendered from the helper (_pack)
        self._ended = False
        self._arrived = threading.Condition()
        self._reader: threading.Thread | None = None
        self.taken = 0  # pages whose helper result the build used

    # ------------------------------------------------------------------ the build's side

    def start(self, config, files) -> None:
        for page in self.pages:
            page.prerender = self
        receive, send = self._context.Pipe(duplex=False)
        self._process = self._context.Process(target=self._helper, args=(send, config, files), daemon=True,
                                              name="postmortem-prerender")
        self._process.start()
        send.close()
        self._reader = threading.Thread(target=self._read, args=(receive,), name="postmortem-prerender-results",
                                        daemon=True)
        self._reader.start()

    def _claim(self, number: int) -> bool:
        """The build takes page ``number``; False when the helper took it first."""
        with self._lock:
            if number < self._back.value:
                self._front.value = max(self._front.value, number + 1)
                return True
            return False

    def take(self, page: Page) -> Rendered | None:
        """What rendering ``page`` sets on it, from the helper; None: render it here."""
        number = self.index.get(page.file.src_uri)
        if number is None or self._process is None or self._claim(number):
            return None
        with self._arrived:
            self._arrived.wait_for(lambda: page.file.src_uri in self._results or self._ended)
            packed = self._results.pop(page.file.src_uri, None)
        rendered = pickle.loads(zlib.decompress(packed)) if packed is not None else None
        if rendered is None or rendered.markdown != digest(page.markdown):
            return None
        self.taken += 1
        return rendered

    def _read(self, receive) -> None:
        try:
            while (message := receive.recv()) is not None:
                src_uri, packed = message
                with self._arrived:
                    self._results[src_uri] = packed
                    self._arrived.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            receive.close()
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def join(self, timeout: float | None = None) -> None:
        """Wait until the helper has rendered every page it takes."""
        if self._process is not None:
            self._process.join(timeout)

    def close(self) -> None:
        """Stop the helper (it has finished once the build has rendered every page)."""
        if self._process is not None:
            with self._lock:  # nothing more for the helper to take
                self._back.value = self._front.value = 0
            self.join(timeout=30)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None
        if self._reader is not None:
            self._reader.join(timeout=30)
            self._reader = None
        for page in self.pages:
            page.prerender = None
        self._results = {}

    # ------------------------------------------------------------------ the helper's side

    def _next(self) -> int | None:
        with self._lock:
            if self._back.value - 1 < self._front.value:
                return None
            self._back.value -= 1
            return self._back.value

    def _helper(self, send, config, files) -> None:
        capture = _Capture()
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(capture)
        try:
            while (number := self._next()) is not None:
                page = self.pages[number]
                page.prerender = None
                capture.records = []
                try:
                    packed = _pack(_render(page, config, files, capture.records))
                except Exception:  # noqa: BLE001 (the build renders it again, and says what failed)
                    packed = _pack(_left_to_build(page.file.src_uri))
                send.send((page.file.src_uri, packed))
            send.send(None)
        finally:
            send.close()


def _pack(rendered: Rendered) -> bytes:
    """``rendered`` as the helper sends it and the build keeps it until it takes it: pickled
    and compressed (about a quarter of its size: half the pages wait there at once)."""
    return zlib.compress(pickle.dumps(rendered), 1)


def _left_to_build(src_uri: str) -> Rendered:
    """The helper's answer for a page it leaves to the build: matches no Markdown."""
    return Rendered(src_uri, b"", "", None, None, set(), None)


def _render(page: Page, config, files, logged: list) -> Rendered:
    """What MkDocs' ``_populate_page`` does up to the ``page_content`` event."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if page.memory is not None and page.memory.has(page):  # the build takes the last build's
            return _left_to_build(page.file.src_uri)
        Page.render(page, config, files)
    finally:
        config._current_page = None
    return _rendered(page, logged)


class _Capture(logging.Handler):
    """The helper's log records, kept to be logged again by the build (a record that reaches
    both loggers this handler is on, when ``mkdocs`` propagates, is kept once)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is not self._last:
            self._last = record
            self.records.append((record.name, record.levelno, record.getMessage()))
