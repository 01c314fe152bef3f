"""SVG charts rendered at build time with pygal.

pygal writes plain SVG with text kept as text; it is pure Python and fast to import. Its
output is made self-contained and reproducible here: no script (pygal's tooltips would
need its JavaScript from another host), no comments (they carry the build date and pygal's
home page), and a fixed element id per chart instead of a random one.

The insights page shows each chart inline, so that the page's stylesheet reaches it: every
colour is a CSS custom property of ``site/assets/postmortem.css`` with the light scheme's
value as its fallback (``var(--pm-sev1, #b71c1c)``), and the chart follows the colour
scheme the reader picks; the same SVG saved as a file, outside any page, shows the
fallbacks. Each chart is an image to screen readers (``role="img"``), named by its title
and described by a sentence (``<title>`` and ``<desc>``); its numbers are in a table below.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

SYSTEM_FONTS = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def themed(name: str, fallback: str) -> str:
    """A colour the page's stylesheet sets per colour scheme (``--pm-NAME``), or ``fallback``."""
    return f"var(--pm-{name}, {fallback})"


PALETTE = tuple(
    themed(f"chart-{index}", colour)
    for index, colour in enumerate(("#37474f", "#e8590c", "#1e88e5", "#43a047", "#8e24aa", "#f2b705", "#6d4c41", "#00897b"), 1)
)
NEUTRAL = themed("chart-neutral", "#b0bec5")  # a series without a colour of its own
MINOR = themed("chart-minor", "#90a4ae")  # a series that matters least
TEXT = themed("chart-text", "#37474f")
STRONG = themed("chart-strong", "#263238")
GUIDE = themed("chart-guide", "#cfd8dc")
MAJOR_GUIDE = themed("chart-guide-major", "#b0bec5")
ON_BAR = themed("chart-on-bar", "#ffffff")  # values printed on a bar of PALETTE[0]
# A colour custom property of the site's stylesheet: `--pm-sev1: #b71c1c;`.
_CSS_COLOUR = re.compile(r"--pm-([a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\)|hsla?\([^)]*\))\s*[;}]")


def css_colours(stylesheets: Iterable[str], values: Iterable[str]) -> dict[str, str]:
    """The colour of each of ``values`` (severities) from the site's CSS custom properties.

    The badges are styled by ``--pm-sev1`` … in ``site/assets/postmortem.css``; the charts
    take their colours from the same properties, so a palette change in the CSS reaches
    both. A value's colour is that property, with its first definition in the stylesheets
    (the light scheme's) as the fallback for the chart saved as a file (:func:`themed`); a
    value without one is left out (the chart then uses :data:`NEUTRAL`).
    """
    found: dict[str, str] = {}
    for text in stylesheets:
        for name, colour in _CSS_COLOUR.findall(text):
            found.setdefault(name, colour)
    out = {}
    for value in values:
        key = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        if key in found:
            out[value] = themed(key, found[key])
    return out


def _style(colors: Sequence[str]):
    from pygal.style import Style

    return Style(
        font_family=SYSTEM_FONTS,
        background="transparent",
        plot_background="transparent",
        foreground=TEXT,
        foreground_strong=STRONG,
        foreground_subtle=GUIDE,
        colors=tuple(colors),
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=13,
        value_font_size=11,
        title_font_size=15,
        value_colors=(ON_BAR,),
        stroke_width="2.5",
        stroke_opacity="1",
        guide_stroke_color=GUIDE,
        major_guide_stroke_color=MAJOR_GUIDE,
        opacity=".9",
        opacity_hover="1",
    )


def _clean(root, title: str, description: str):
    """Drop comments, scripts and the ``<desc>`` data pygal keeps for its tooltip script, and
    name the chart for screen readers.

    The charts run no script; the numbers are in a table beside each chart. The chart's id
    stays, made stable by the fixed uuid; the ids pygal gives its series for the tooltip
    script (the same in every chart) go, as several charts share a page.
    """
    from xml.etree import ElementTree as etree

    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            if child.tag is etree.Comment or tag.endswith(("script", "desc")):
                parent.remove(child)
    for element in root.iter():
        if element.get("id", "").startswith("activate-serie-"):
            del element.attrib["id"]
    chart_id = root.get("id", "chart")
    svg = root.tag[: -len("svg")]  # the namespace, as "{http://www.w3.org/2000/svg}"
    name = etree.Element(f"{svg}title", id=f"{chart_id}-title")
    name.text = title
    about = etree.Element(f"{svg}desc", id=f"{chart_id}-desc")
    about.text = description
    root.insert(0, about)
    root.insert(0, name)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title")
    root.set("aria-describedby", f"{chart_id}-desc")
    # An intrinsic size, so the chart has its proportions wherever it is shown.
    _, _, width, height = root.get("viewBox", "0 0 760 340").split()
    root.set("width", width)
    root.set("height", height)
    return root


def _render(chart, chart_id: str, title: str, description: str) -> str:
    chart.uuid = chart_id
    chart.add_xml_filter(lambda root: _clean(root, title, description))
    return chart.render(is_unicode=True)


def _options(title: str, colors: Sequence[str], **extra) -> dict:
    options = dict(
        title=title,
        style=_style(colors),
        js=[],
        disable_xml_declaration=True,
        width=760,
        height=340,
        legend_at_bottom=True,
        legend_at_bottom_columns=4,
        truncate_legend=-1,
        print_values=False,
        margin=16,
        margin_bottom=28,
    )
    options.update(extra)
    return options


def stacked_bars(
    chart_id: str, title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], description: str = ""
) -> str:
    """Vertical stacked bars; ``series`` is (name, values, colour) per stack layer."""
    import pygal

    top = max((sum(values) for values in zip(*(v for _, v, _ in series))), default=0)
    chart = pygal.StackedBar(
        **_options(
            title,
            [c for _, _, c in series],
            x_label_rotation=-40 if len(labels) > 12 else 0,
            y_labels=_whole_numbers(top),
        )
    )
    chart.x_labels = list(labels)
    for name, values, _ in series:
        chart.add(name, list(values))
    return _render(chart, chart_id, title, description)


def lines(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    y_title: str,
    description: str = "",
) -> str:
    import pygal

    chart = pygal.Line(**_options(title, PALETTE, y_title=y_title, allow_interruptions=True, dots_size=4))
    chart.x_labels = list(labels)
    for name, values in series:
        chart.add(name, list(values))
    return _render(chart, chart_id, title, description)


def horizontal_bars(
    chart_id: str, title: str, items: Sequence[tuple[str, float]], color: str = PALETTE[0], description: str = ""
) -> str:
    import pygal

    height = max(200, 60 + 30 * len(items))
    top = max((value for _, value in items), default=0)
    chart = pygal.HorizontalBar(
        **_options(title, [color], show_legend=False, print_values=True, height=height, y_labels=_whole_numbers(top))
    )
    # pygal draws the first value at the bottom: reverse so the largest is on top.
    ordered = list(reversed(items))
    chart.x_labels = [label for label, _ in ordered]
    chart.add("Incidents", [value for _, value in ordered])
    return _render(chart, chart_id, title, description)


def _whole_numbers(top: float) -> list[int]:
    """Axis labels for counts: whole numbers only, at most about ten of them."""
    step = max(1, -(-int(top) // 10))
    return list(range(0, int(top) + step + 1, step))
