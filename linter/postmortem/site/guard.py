"""Render post-mortem text as text: raw HTML is escaped, never emitted.

Post-mortem bodies are Markdown written by many people; the site shows them, it does not
run them. On pages built from post-mortem text this Python-Markdown extension

- turns off raw HTML (block and inline): ``<script>`` is shown as the text ``<script>``;
- turns off ``attr_list``, which could set ``onclick`` and other attributes;
- keeps only ``http``, ``https`` and ``mailto`` links (and relative ones): a
  ``javascript:`` link becomes plain text;
- shows an image from another host as a link instead of loading it, so viewing a page makes
  no request to any other host.

Every other page (the guides, the generated indexes) renders with the full configuration.
The plugin sets :attr:`RawHtmlGuard.active` for the page it is about to render: MkDocs
creates one Markdown instance per page, right after ``on_page_markdown``.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class RawHtmlGuard(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.active = False

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        if not self.active:
            return
        for registry, name in (
            (md.preprocessors, "html_block"),
            (md.inlinePatterns, "html"),
            (md.treeprocessors, "attr_list"),
        ):
            if name in registry:
                registry.deregister(name)
        md.treeprocessors.register(_UrlGuard(md), "postmortem_url_guard", 1)


class _UrlGuard(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "a" and not _safe(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()
                elif child.tag == "img" and _external(child.get("src", "")):
                    parent.remove(child)
                    link = etree.Element("a", {"href": child.get("src", "")} if _safe(child.get("src", "")) else {})
                    link.text = child.get("alt") or "image"
                    link.tail = child.tail
                    parent.insert(index, link)
                elif child.tag == "img" and not _safe(child.get("src", "")):
                    child.set("src", "")


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return "invalid"


def _safe(url: str) -> bool:
    scheme = _scheme(url)
    return scheme == "" or scheme in SAFE_SCHEMES


def _external(url: str) -> bool:
    url = url.strip()
    return bool(_scheme(url)) or url.startswith("//")
