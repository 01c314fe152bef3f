"""Build time of the archive site against the size of the archive.

    python bench/site_build.py --counts 100 500
    python bench/site_build.py --counts 100 500 --plain
    python bench/site_build.py --counts 200 400 800 2000 --memory
    python bench/site_build.py --archive bench/out/archive-20000 --memory   # built in ARCHIVE/site

``--memory`` also prints the CPU time and the peak memory of the build: of the Python
process (MkDocs and the plugin), of Pagefind (run by the plugin beside the build) and of
the whole tree (the largest sampled sum of its processes' resident sizes, which counts the
pages a forked child shares with the build twice), and at the end the growth
per post-mortem between the smallest and the largest count. ``--archive`` builds an
archive written earlier by ``bench/generate.py`` (generating 20,000 takes a while) and keeps
the site in ``ARCHIVE/site`` for ``bench/page_weight.py``.

For each count, writes a synthetic archive with ``bench/generate.py`` and runs the real
``mkdocs build --strict`` on it (lint errors allowed: the generator plants a few findings),
then prints the wall time, the time per post-mortem and the size of the output. With the
small explicit navigation the time per post-mortem should stay flat as the archive grows;
a navigation listing every post-mortem would make it grow with the archive.

``--plain`` also builds the same post-mortem pages with mkdocs-material alone (this
repository's ``mkdocs.yml`` without the ``postmortem-archive`` plugin, its navigation
reduced to a home page, the post-mortems as pages outside the navigation, as in the archive
site) and prints our time against that one. ``bench/run.py`` uses these functions too.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_archive  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "postmortem-archive"
TODAY = "2026-11-23"


def generate(count: int, work: Path, seed: int = 1) -> Path:
    """A synthetic archive of ``count`` post-mortems in ``work/archive-COUNT``; returns that folder."""
    out = work / f"archive-{count}"
    write_archive(out, count, seed)
    return out


def _site_config() -> dict:
    """This repository's ``mkdocs.yml`` as data, with its paths made absolute."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=get_yaml_loader())
    config["docs_dir"] = str((ROOT / config.get("docs_dir", "docs")).resolve())
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((ROOT / theme["custom_dir"]).resolve())
    return config


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def write_config(out: Path) -> Path:
    """``out/mkdocs.yml``: the archive site as configured in this repository, on ``out``'s archive."""
    config = _site_config()
    plugins = []
    for entry in config.get("plugins", []):
        if _plugin_name(entry) == PLUGIN:
            options = dict(entry[PLUGIN] or {}) if isinstance(entry, dict) else {}
            options.update(source=str(out / "postmortems"), pyproject=str(out / "pyproject.toml"), allow_lint_errors=True)
            entry = {PLUGIN: options}
        plugins.append(entry)
    config["plugins"] = plugins
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_plain_config(out: Path) -> Path:
    """``out/plain/mkdocs.yml``: the same post-mortem pages built by mkdocs-material alone.

    The theme, Markdown extensions and the other plugins are this repository's; the
    ``postmortem-archive`` plugin, its generated pages and the guides are left out. As in the
    archive site, the post-mortems are pages outside a small navigation (a navigation listing
    every page makes each page render all the others)."""
    plain = out / "plain"
    docs = plain / "docs"
    if plain.exists():
        shutil.rmtree(plain)
    (docs / "postmortems").mkdir(parents=True)
    (docs / "index.md").write_text("# Post-mortem archive\n", encoding="utf-8")
    for source in sorted((out / "postmortems").glob("*.md")):
        shutil.copyfile(source, docs / "postmortems" / source.name)
    config = _site_config()
    config["docs_dir"] = str(docs)
    config["plugins"] = [entry for entry in config.get("plugins", []) if _plugin_name(entry) != PLUGIN]
    config["nav"] = [{"Home": "index.md"}]
    config["not_in_nav"] = "/postmortems/"
    for key in ("extra_css", "extra_javascript"):  # files of this repository's docs/
        config.pop(key, None)
    path = plain / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def build_command(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]


def build_env() -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "POSTMORTEM_TODAY": TODAY}
    for name in ("POSTMORTEM_INTERNAL", "POSTMORTEM_ALLOW_LINT_ERRORS"):
        env.pop(name, None)
    return env


def build(config: Path, site: Path) -> float:
    """Run ``mkdocs build --strict``; the wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(build_command(config, site), check=True, cwd=ROOT, env=build_env())
    return time.perf_counter() - start


def _memory(pid: int) -> tuple[int, int]:
    """(resident size, its high-water mark) of ``pid`` in bytes; (0, 0) once it has gone."""
    found = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return found.get("VmRSS", 0), found.get("VmHWM", 0)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except (OSError, ValueError):
        return []


def _is_pagefind(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().startswith("pagefind")
    except OSError:
        return False


class PeakSampler(threading.Thread):
    """Samples the memory of a process and of its descendants every ``interval`` s: the
    high-water mark of the process itself and of its largest Pagefind process (the kernel's,
    so exact up to the last sample; the build's other children, its lint workers and second
    rendering process, are not Pagefind), and the largest sum of their resident sizes (a
    forked child's pages shared with the build counted in both: ``bench/run.py`` counts
    proportional set sizes instead)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.own = self.child = self.tree = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            own_rss, own_peak = _memory(self.pid)
            todo, rss = _children(self.pid), own_rss
            while todo:
                pid = todo.pop()
                child_rss, child_peak = _memory(pid)
                rss += child_rss
                if _is_pagefind(pid):
                    self.child = max(self.child, child_peak)
                todo.extend(_children(pid))
            self.own = max(self.own, own_peak)
            self.tree = max(self.tree, rss)
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def measured_build(config: Path, site: Path) -> dict:
    """Run ``mkdocs build --strict`` as :func:`build` does; its wall and CPU time (user +
    system, children included) and peak memory in bytes: ``python_peak`` (the build's own
    process), ``pagefind_peak`` (Pagefind's) and ``tree_peak`` (the largest sampled sum of
    the resident sizes of the build's processes)."""
    start = time.perf_counter()
    process = subprocess.Popen(build_command(config, site), cwd=ROOT, env=build_env())
    sampler = PeakSampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    sampler.stop()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise subprocess.CalledProcessError(code, build_command(config, site))
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "python_peak": sampler.own,
        "pagefind_peak": sampler.child,
        "tree_peak": max(sampler.tree, sampler.own),
        "largest_peak": usage.ru_maxrss * 1024,  # the kernel's: the largest process of the tree
    }


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``."""
    sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return sum(sizes), len(sizes)


def search_index(site: Path) -> dict[str, dict]:
    """The search index a built site ships, by kind: lunr's ``search/search_index.json``,
    Pagefind's ``pagefind/`` folder; each with its ``bytes`` and ``files``."""
    found = {}
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        found["lunr"] = {"path": "search/search_index.json", "bytes": lunr.stat().st_size, "files": 1}
    # Pagefind's bundles: pagefind/, then pagefind-2/, pagefind-3/ … in a large site (search.py)
    bundles = [path for path in site.glob("pagefind*") if path.is_dir() and re.fullmatch(r"pagefind(-[0-9]+)?", path.name)]
    if bundles:
        sizes = [tree_size(path) for path in bundles]
        found["pagefind"] = {"path": "pagefind/" if len(bundles) == 1 else f"pagefind*/ ({len(bundles)} bundles)",
                             "bytes": sum(size for size, _ in sizes), "files": sum(files for _, files in sizes)}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 500], help="archive sizes (default 100 500)")
    parser.add_argument("--plain", action="store_true", help="also build the same pages with mkdocs-material alone")
    parser.add_argument("--memory", action="store_true", help="also print CPU time and peak memory (Python, Pagefind, the tree)")
    parser.add_argument("--archive", type=Path, help="build this archive (bench/generate.py output) instead; keep ARCHIVE/site")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}, `python -c pass` {_python_pass():.0f} ms", flush=True)
    with tempfile.TemporaryDirectory(prefix="pm-site-bench-") as work:
        header = f"{'post-mortems':>12}  {'seconds':>8}  {'ms each':>8}  {'site MB':>8}"
        if args.memory:
            header += f"  {'CPU s':>7}  {'Python MB':>9}  {'Pagefind MB':>11}  {'tree MB':>8}"
        print(header + (f"  {'plain s':>8}  {'ours/plain':>10}" if args.plain else ""), flush=True)
        peaks = {}
        archives = [(len(list((args.archive / "postmortems").glob("*.md"))), args.archive.resolve())] if args.archive else [
            (count, None) for count in args.counts]
        for count, out in archives:
            out = out or generate(count, Path(work))
            if args.memory:
                figures = measured_build(write_config(out), out / "site")
                elapsed = figures["wall"]
                peaks[count] = figures
            else:
                elapsed = build(write_config(out), out / "site")
            line = f"{count:>12}  {elapsed:>8.1f}  {1000 * elapsed / count:>8.1f}  {tree_size(out / 'site')[0] / 1e6:>8.1f}"
            if args.memory:
                line += (f"  {figures['cpu']:>7.1f}  {figures['python_peak'] / 1e6:>9.0f}  {figures['pagefind_peak'] / 1e6:>11.0f}"
                         f"  {figures['tree_peak'] / 1e6:>8.0f}")
            if args.plain:
                plain = build(write_plain_config(out), out / "plain" / "site")
                line += f"  {plain:>8.1f}  {elapsed / plain:>10.2f}"
            print(line, flush=True)
        if len(peaks) > 1:
            small, large = min(peaks), max(peaks)
            for key, name in (("python_peak", "Python"), ("pagefind_peak", "Pagefind"), ("tree_peak", "tree")):
                slope = (peaks[large][key] - peaks[small][key]) / (large - small)
                print(f"{name:>9}: {slope / 1e3:6.1f} KB per post-mortem from {small:,} to {large:,} "
                      f"({peaks[large][key] / peaks[small][key]:.2f}x for {large / small:.1f}x the post-mortems)")
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())} at the end")


def _python_pass() -> float:
    """Milliseconds to start and stop the interpreter (median of 5): the machine's pace."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(1000 * (time.perf_counter() - start))
    return sorted(times)[2]


if __name__ == "__main__":
    main()
