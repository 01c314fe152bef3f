"""The site's own stylesheet and scripts, shipped in the package and added by the plugin.

A host site needs no copy of them and no ``extra_css`` / ``extra_javascript`` lines: the
plugin adds each file to the build under ``assets/postmortem/`` and appends it to the
theme's lists, after whatever the site lists itself (so a site's own stylesheet can still
override ours).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent / "assets"
PREFIX = "assets/postmortem/"

STYLESHEETS = ["postmortem.css"]
SCRIPTS = ["vendor/tablesort.min.js", "tables.js", "filters.js"]
# Site path -> packaged file, for every file the build copies.
FILES = {PREFIX + name: HERE / name for name in [*STYLESHEETS, *SCRIPTS, "vendor/tablesort.LICENSE.txt"]}


def inject(config) -> None:
    """Append the packaged stylesheet and scripts to the site's ``extra_css`` / ``extra_javascript``."""
    for name in STYLESHEETS:
        if PREFIX + name not in config.extra_css:
            config.extra_css.append(PREFIX + name)
    listed = {str(script) for script in config.extra_javascript}
    for name in SCRIPTS:
        if PREFIX + name not in listed:
            config.extra_javascript.append(PREFIX + name)


def stylesheets(config) -> list[str]:
    """The text of the stylesheets the site uses: ours, then the site's own in ``docs_dir``."""
    found = [(HERE / name).read_text(encoding="utf-8") for name in STYLESHEETS]
    for name in config.extra_css:
        if str(name).startswith(PREFIX):
            continue
        path = Path(config.docs_dir) / str(name)
        if path.is_file():
            found.append(path.read_text(encoding="utf-8"))
    return found
