"""What the build holds for each generated page, and when it lets go of it.

MkDocs renders every page's Markdown to HTML first and only then puts each page through
its theme template and writes it: every page's Markdown, its source text and its HTML are
alive together, and stay alive to the end of the build (Pagefind, which indexes the
pages beside the build, has the Python process's memory beside its own). For 20,000 post-mortems that is about
45 KB a post-mortem: 900 MB. Here, for the pages the plugin generates:

- :meth:`PageMemory.rendered` (the ``page_content`` event, which then leaves the page's
  HTML empty for any plugin listed after this one) drops the page's source (the
  generated Markdown, kept twice: in the ``File`` and in ``page.markdown``) once it is
  rendered, and keeps the HTML compressed (about a quarter of its size) until the page's
  template needs it;
- :meth:`PageMemory.unpack` (the ``page_context`` event, before any other plugin's) puts
  the HTML back for the template;
- :meth:`PageMemory.written` (the ``post_page`` event) drops the HTML once the page is
  written: nothing after that reads it (MkDocs checks anchor links from the ids it noted
  while rendering, and the theme's search index is left empty, see :mod:`.search`);
- :func:`give_back` returns the freed memory to the system before the second rendering
  process is forked (``prerender.py``) and once every page is written;
- :class:`LongLived` keeps the cyclic garbage collector's full collections from walking,
  again and again, what the build holds to its end (the pages and what rendering set on
  them): every :attr:`LongLived.PAGES` pages read, and once every page is rendered, what
  is alive is frozen out of later collections (``gc.freeze``, as ``on_files`` does after
  reading the archive), so that a collection walks only what came since.

A page that another plugin changes after rendering (the tags plugin's listing on the "By
tag" page) is not one of these: only post-mortem pages and the status history are packed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import zlib


class PageMemory:
    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def rendered(self, page, html: str) -> None:
        """Drop ``page``'s Markdown and source text; keep ``html`` compressed until
        :meth:`unpack`."""
        page.markdown = ""  # not None: MkDocs' page title reads None as "not read yet"
        if page.file.abs_src_path is None:  # generated in memory: nothing reads it again
            page.file.content_string = ""
        self._packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)

    def packed(self, page) -> bool:
        return page.file.src_uri in self._packed

    def unpack(self, page) -> None:
        packed = self._packed.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")

    def written(self, page) -> None:
        """``page`` is written: let go of its HTML and its table of contents."""
        page.content = None
        page.toc = type(page.toc)([]) if page.toc is not None else None


class LongLived:
    """What the build holds to its end, kept out of the cyclic collector's walks.

    Python starts a full collection once the objects that survived two younger ones since
    the last full one (most of them a page's rendering, freed since by reference counting)
    outnumber a quarter of those it kept then; each walks every object it tracks, and while
    the build renders, the pages it keeps grow with the archive. In builds at load 4-8 the
    full collections took 1.6 s of the build's CPU at 2,000 post-mortems and 24.5 s at
    20,000 (15x for 10x the pages). Here, every :attr:`PAGES` pages read (the ``pre_page``
    event, in the build and in the second rendering process), before that process is forked
    and once every page is rendered (:meth:`settle`), what is unreachable is collected and
    what is alive is frozen: a collection then walks only what came after. A frozen object
    that dies is still freed by reference counting; only a reference cycle that forms among
    frozen objects afterwards waits for ``gc.unfreeze`` (the next build's ``pre_build``)."""

    PAGES = 500

    def __init__(self) -> None:
        self._read = 0

    def page_read(self) -> None:
        self._read += 1
        if self._read % self.PAGES == 0:
            self.settle()

    @staticmethod
    def settle() -> None:
        gc.collect()
        gc.freeze()


def give_back() -> None:
    """Collect what is unreachable and, with glibc, hand the freed heap back to the system
    (``malloc_trim``): Python frees the pages' strings to the C allocator, which otherwise
    keeps them mapped (and a forked process shares them). Elsewhere only the collection
    is done."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
