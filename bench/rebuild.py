"""Rebuild time after editing one post-mortem, as ``mkdocs serve`` rebuilds.

    python bench/rebuild.py MKDOCS_YML SITE_DIR EDITED_FILE

MkDocs 1.6's ``serve`` builds once, then on every change calls its ``builder``: it loads
``mkdocs.yml`` again (``load_config``: the configuration is read and validated anew, and
every plugin without an ``on_startup`` event is a new instance; mkdocs-material's search
and tags plugins have one and are kept), then runs a full ``build`` of every page
(``--dirty`` is off by default), in the same process, so imported modules and their
caches stay warm. This does the same without the HTTP server: the initial build, an edit
of ``EDITED_FILE`` (a sentence added to its last paragraph), the rebuild; it prints the
two times as JSON. Run it once with the archive site's configuration and once with the
plain mkdocs-material one, editing the same post-mortem, to compare.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def edit(path: Path) -> None:
    """Add a sentence at the end of the file: the ids, sections and tables stay as they were."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\nThis sentence was added while the site was being served.\n", encoding="utf-8")


def serve_like(config_file: Path, site_dir: Path, edited: Path) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def get_config():
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.site_url = SERVE_URL
        return config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        start = time.perf_counter()
        build(config, serve_url=SERVE_URL, dirty=False)
        initial = time.perf_counter() - start
        edit(edited)
        start = time.perf_counter()
        build(get_config(), serve_url=SERVE_URL, dirty=False)  # serve's builder() with config=None
        rebuild = time.perf_counter() - start
    finally:
        config.plugins.on_shutdown()
    return {"initial_seconds": initial, "rebuild_seconds": rebuild}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(serve_like(Path(argv[0]), Path(argv[1]), Path(argv[2]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
