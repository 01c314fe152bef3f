"""The page of one post-mortem: its metadata card, then its body as written."""

from __future__ import annotations

import re

from . import body, cards
from . import markup as m
from .catalog import Catalog, Entry
from .templating import Templates
from .tokens import Tokens
from .urls import Urls

# Tags go to the theme's tag index, which prints them unescaped: only well-formed ones.
_TAG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def postmortem_page(entry: Entry, catalog: Catalog, urls: Urls, tokens: Tokens, templates: Templates) -> str:
    impact = entry.incident.impact.get("summary")
    meta = m.front_matter(
        title=m.meta_text(entry.title),
        description=m.meta_text(impact) if isinstance(impact, str) else None,
        tags=[tag for tag in entry.incident.tags if _TAG.match(tag)],
        hide=["navigation", "tags"],  # not in the navigation: give the text the width; tags are in the card
    )
    card = tokens.add(cards.card(entry, catalog, urls, templates))
    return meta + card + "\n\n" + body.page_body(entry.doc, tokens, catalog.today, templates)
