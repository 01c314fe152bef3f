"""The Markdown the generated pages are written in, whatever the site configures.

The generated indexes put anchors on headings (``## checkout-api { #checkout-api }``, from
``attr_list``) and Markdown inside HTML blocks (``<div markdown>``, from ``md_in_html``). A
host site need not list either extension: on a generated page that is not post-mortem text
this extension adds each one the site's configuration lacks, so the host's own pages render
exactly as they would without the plugin. Pages built from post-mortem text get neither
(see ``guard.py``). The plugin sets :attr:`GeneratedMarkdown.active` for the page it is
about to render, as for the guard.
"""

from __future__ import annotations

from markdown import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension

NEEDED = (AttrListExtension, MarkdownInHtmlExtension)


class GeneratedMarkdown(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.active = False

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        if not self.active:
            return
        present = {type(extension) for extension in md.registeredExtensions}
        for needed in NEEDED:
            if not any(issubclass(kind, needed) for kind in present):
                needed().extendMarkdown(md)
