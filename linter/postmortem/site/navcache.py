"""The theme's navigation, rendered once for the pages outside it.

mkdocs-material renders the whole navigation (``partials/nav.html``) into every page. The
archive's own pages, its post-mortems and the status history, are outside the navigation,
and there the navigation reads the same from one page to the next: no entry is active, no
table of contents is folded into it, and its links, relative to the page, change only when
the page's place in the site does. So the navigation is rendered once for each set of
relative links and the HTML is reused: with this site's navigation of about fifteen
entries that was about a third of the theme's time for a page.

A page in the navigation is rendered as the theme renders it. So is every page when a site
overrides ``partials/nav.html`` or ``partials/nav-item.html`` (its own templates may read
anything of the page).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateNotFound
from mkdocs.utils import get_relative_url

NAV = "partials/nav.html"
_THEME_PARTS = (NAV, "partials/nav-item.html", "partials/logo.html")


def install(env, nav, config) -> None:
    """Render :data:`NAV` once per set of relative links for the pages outside ``nav``."""
    try:
        template = env.get_template(NAV)
        own = [Path(env.get_template(name).filename or "") for name in _THEME_PARTS]
    except TemplateNotFound:  # not the theme these partials are from: nothing to do
        return
    theme = Path(env.get_template("main.html").filename or "").resolve().parent
    material = Path(__import__("material").__file__).resolve().parent
    if theme != material / "templates" or any(material not in path.resolve().parents for path in own):
        return  # the site overrides the navigation's templates
    in_nav = {id(page) for page in nav.pages}
    targets = _targets(nav.items) + [value for value in (config.theme.get("logo"), config.extra.get("homepage"))
                                     if isinstance(value, str)]
    render = template.root_render_func
    rendered: dict[tuple[str, ...], str] = {}

    def root_render_func(context):
        page = context.get("page")
        if page is None or id(page) in in_nav or getattr(page, "url", None) is None:
            yield from render(context)
            return
        key = tuple(get_relative_url(target, page.url) for target in targets)
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(render(context))
        yield html

    template.root_render_func = root_render_func


def _targets(items) -> list[str]:
    """Every URL the navigation links to, sections' pages included."""
    found = []
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            found.append(url)
        found += _targets(getattr(item, "children", None) or [])
    return found
