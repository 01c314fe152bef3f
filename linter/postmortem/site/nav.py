"""The archive's place in the site's navigation.

A site with an explicit ``nav`` gets one section for the archive at its end, unless its
``nav`` already names a generated page (this project's own site lists them itself, in its
own order). A site without one gets MkDocs' automatic navigation, in which the pages under
the mount point form a section; that section takes the configured title.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section

from . import urls as u

# The generated pages of the navigation, in order: (title, name) or (title, [children]);
# a title of None takes the page's own heading.
PAGES: list[tuple[str | None, str | list]] = [
    (None, u.HOME),
    ("Archive", [(None, u.ARCHIVE), ("By severity", u.BY_SEVERITY), ("By service", u.BY_SERVICE),
                 ("By year", u.BY_YEAR), ("By tag", u.BY_TAG)]),
    ("Action items", u.ACTIONS),
    ("Insights", u.INSIGHTS),
    ("Status history", u.STATUS_HISTORY),
    ("Rule reference", u.RULES),
]


def named_paths(nav) -> set[str]:
    """Every page path an explicit ``nav`` names (links to other sites are not paths)."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            found.add(item.strip().lstrip("/"))
        elif isinstance(item, dict):
            for value in item.values():
                found |= named_paths(value)
    return found


def _section(pages: list, urls: u.Urls) -> list:
    out: list = []
    for title, target in pages:
        value = _section(target, urls) if isinstance(target, list) else urls.src(target)
        out.append(value if title is None else {title: value})
    return out


def _names(pages: list) -> list[str]:
    return [name for _, target in pages for name in (_names(target) if isinstance(target, list) else [target])]


def add_section(nav: list, title: str, urls: u.Urls) -> list:
    """``nav`` with the archive's section at its end; unchanged when it already names one of
    the section's pages, or a page under the mount folder."""
    ours = {urls.src(name) for name in _names(PAGES)}
    under = f"{urls.mount}/" if urls.mount else None
    if any(path in ours or (under and path.startswith(under)) for path in named_paths(nav)):
        return nav
    return [*nav, {title: _section(PAGES, urls)}]


def title_section(nav: Navigation, title: str, home_src: str) -> None:
    """In an automatic navigation, give the section that holds the archive's home ``title``."""
    for item in nav.items:
        if isinstance(item, Section) and any(
            getattr(getattr(child, "file", None), "src_uri", None) == home_src for child in item.children
        ):
            item.title = title
            return
