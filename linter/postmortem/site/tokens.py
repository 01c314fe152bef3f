"""Placeholders that carry generated HTML through Markdown rendering.

Pages built from post-mortem text render with raw HTML turned off (see :mod:`.guard`), so
the badges and the metadata card cannot be written into their Markdown. Instead the page's
Markdown gets a plain-word placeholder where the HTML belongs; after rendering, the plugin
swaps each placeholder for its HTML. A placeholder alone in a paragraph replaces the whole
paragraph.
"""

from __future__ import annotations

import re
import secrets


class Tokens:
    def __init__(self, nonce: str | None = None) -> None:
        self._nonce = nonce or secrets.token_hex(4)
        self._html: dict[str, str] = {}

    def fresh(self) -> "Tokens":
        """No placeholder yet, the same nonce: under ``mkdocs serve`` each build's pages then
        come out with the same Markdown as the last build's when nothing they show changed,
        and their rendering is kept (:class:`~.prerender.RenderMemory`)."""
        return Tokens(self._nonce)

    def add(self, html: str) -> str:
        # Ended by a letter: a number of any length (a site of 20,000 post-mortems has some
        # 200,000 placeholders) cannot be read as a shorter one followed by digits.
        token = f"pmsite{self._nonce}t{len(self._html)}z"
        self._html[token] = html
        return token

    def substitute(self, content: str) -> str:
        if not self._html:
            return content
        pattern = re.compile(rf"<p>(pmsite{self._nonce}t\d+z)</p>|pmsite{self._nonce}t\d+z")

        def swap(match: re.Match) -> str:
            # Each placeholder is used once: its HTML is let go of as it is placed.
            return self._html.pop(match.group(1) or match.group(0), match.group(0))

        return pattern.sub(swap, content)

    def leftover(self, content: str) -> list[str]:
        """Placeholders that rendering moved out of reach (a bug, reported by the plugin)."""
        return re.findall(rf"pmsite{self._nonce}t\d+z", content)
