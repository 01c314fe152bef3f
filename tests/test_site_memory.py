"""What the site build keeps to its end is frozen out of the cyclic collector's walks
(``site/memory.py``'s :class:`LongLived`): every so many pages read and once every page is
rendered, what is unreachable is collected first and what is alive is frozen."""

from __future__ import annotations

import gc
import weakref

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

from postmortem.site.memory import LongLived

from .conftest import ROOT
from .sitebuild import TODAY, archive_config


class _Node:
    def __init__(self) -> None:
        self.other = self  # a reference cycle: only the cyclic collector frees it


def _tracked(obj) -> bool:
    """``obj`` is in a generation the collector walks (frozen objects are in none)."""
    return any(found is obj for found in gc.get_objects())


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_every_pages_read_the_garbage_is_collected_and_what_is_alive_frozen(unfrozen):
    keeper = LongLived()
    kept = _Node()
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage
    frozen = gc.get_freeze_count()
    for _ in range(LongLived.PAGES - 1):
        keeper.page_read()
    assert gc.get_freeze_count() == frozen and _tracked(kept)
    keeper.page_read()
    assert gone() is None  # collected, not frozen with the rest
    assert not _tracked(kept) and gc.get_freeze_count() > frozen
    assert kept.other is kept


def test_a_build_freezes_its_pages_before_writing_them(tmp_path, monkeypatch, unfrozen):
    """In one process (``jobs: 1``) every page the build reads counts, and once every page
    is rendered none is left for the collector to walk while the site is written."""
    monkeypatch.setenv("POSTMORTEM_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(archive_config(tmp_path, ROOT / "postmortems", jobs=1)), site_dir=str(tmp_path / "site"))
    probe = _Probe()
    config.plugins["probe"] = probe
    mkdocs_build(config)
    assert len(probe.pages) > 10
    assert config.plugins["postmortem-archive"].long_lived._read == len(probe.pages)
    assert probe.walked == []


class _Probe(BasePlugin):
    """Notes, after every other plugin's ``env`` event, which pages the collector walks."""

    def __init__(self) -> None:
        self.pages: list = []
        self.walked: list[str] = []

    @event_priority(-200)
    def on_env(self, env, config, files):
        self.pages = [file.page for file in files.documentation_pages() if file.page is not None]
        tracked = {id(found) for found in gc.get_objects()}
        self.walked = [page.file.src_uri for page in self.pages if id(page) in tracked]
        return env
