"""Where each generated page lives and how one page links to another.

The names below are relative to the archive's mount point (the plugin's ``mount`` option:
``""``, the site's root, or a sub-path such as ``postmortems``). Page builders use these
names only; :class:`Urls` is the one place that puts them under the mount, so a page added
here is mounted with the others.

Generated pages write HTML, which MkDocs does not rewrite, so links are made relative here
with MkDocs' own rules (``use_directory_urls``). The build tests check that every relative
link in the built site resolves.
"""

from __future__ import annotations

from pathlib import PurePosixPath

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


def mount_path(value: str) -> str:
    """The ``mount`` option as a folder path (``/postmortems/`` -> ``postmortems``);
    ``ValueError`` for one that would leave the site or is not a plain folder path."""
    text = (value or "").strip().strip("/")
    if not text:
        return ""
    parts = PurePosixPath(text).parts
    if "\\" in text or any(part in (".", "..") for part in parts) or "//" in text:
        raise ValueError(f"{value!r} is not a folder path inside the site (for example `postmortems`)")
    return "/".join(parts)


class Urls:
    """Site paths and links of generated pages, under the archive's mount point."""

    def __init__(self, use_directory_urls: bool, mount: str = "") -> None:
        self.use_directory_urls = use_directory_urls
        self.mount = mount_path(mount)
        self._cache: dict[str, str] = {}

    def src(self, name: str) -> str:
        """The path in the site's files of the generated page or file ``name``."""
        return f"{self.mount}/{name}" if self.mount else name

    def _site_url(self, src_uri: str) -> str:
        if src_uri not in self._cache:
            file = File(src_uri, src_dir=None, dest_dir="", use_directory_urls=self.use_directory_urls)
            self._cache[src_uri] = file.url
        return self._cache[src_uri]

    def url(self, name: str) -> str:
        """The site URL of a generated page (``a/b.md`` -> ``<mount>/a/b/``)."""
        return self._site_url(self.src(name))

    def href(self, here: str, target: str, anchor: str | None = None) -> str:
        """Relative link from the generated page ``here`` to the generated page ``target``."""
        return self._relative(self.url(here), self.url(target), anchor)

    def href_site(self, here: str, src_uri: str) -> str:
        """Relative link from the generated page ``here`` to a page of the site itself
        (``src_uri`` from the root of ``docs_dir``, not under the mount)."""
        return self._relative(self.url(here), self._site_url(src_uri), None)

    def _relative(self, here_url: str, target_url: str, anchor: str | None) -> str:
        relative = get_relative_url(target_url or ".", here_url or ".")
        if self.use_directory_urls and relative == ".":
            relative = "./"
        return relative + (f"#{anchor}" if anchor else "")
