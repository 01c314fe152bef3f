"""Where each generated page lives and how one page links to another.

Generated pages write HTML, which MkDocs does not rewrite, so links are made relative here
with MkDocs' own rules (``use_directory_urls``). The build tests check that every relative
link in the built site resolves.
"""

from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

HOME = "index.md"
ARCHIVE = "archive/index.md"
BY_SEVERITY = "archive/severity.md"
BY_SERVICE = "archive/services.md"
BY_YEAR = "archive/years.md"
BY_TAG = "archive/tags.md"
ACTIONS = "actions.md"
INSIGHTS = "insights.md"
STATUS_HISTORY = "status-history/index.md"
RULES = "rules.md"
# The long tables' data files (site/listing.py): ARCHIVE_DATA + "-1.json", ...
ARCHIVE_DATA = "archive/incidents"
ACTIONS_DATA = "actions/items"


class Urls:
    def __init__(self, use_directory_urls: bool) -> None:
        self.use_directory_urls = use_directory_urls
        self._cache: dict[str, str] = {}

    def url(self, src_uri: str) -> str:
        """The site URL of a source path, as MkDocs computes it (``a/b.md`` -> ``a/b/``)."""
        if src_uri not in self._cache:
            file = File(src_uri, src_dir=None, dest_dir="", use_directory_urls=self.use_directory_urls)
            self._cache[src_uri] = file.url
        return self._cache[src_uri]

    def href(self, here: str, target: str, anchor: str | None = None) -> str:
        """Relative link from the page built from ``here`` to ``target``."""
        relative = get_relative_url(self.url(target) or ".", self.url(here) or ".")
        if self.use_directory_urls and relative == ".":
            relative = "./"
        return relative + (f"#{anchor}" if anchor else "")
