"""Performance figures of the linter and the site, taken in one run on the same files.

    python bench/run.py                 # full run: the real sizes (about 20 minutes on 2 cores)
    python bench/run.py --quick         # under 5 minutes: smaller sizes where needed, said so
    python bench/run.py --n 20000       # the full run's measures with a larger largest archive
    python bench/run.py --smoke         # seconds: tiny sizes, no reference linter (tests/test_bench.py)
    python bench/run.py --install-peer  # only install the reference linter (make bench-deps)

It prints, and writes as JSON to ``bench/out/`` (or ``--json PATH``):

It starts with the machine's ``uptime`` and the time of ``python -c pass``, then:

1. lint throughput on generated archives (``bench/generate.py``; 1,000, 2,000 and 10,000
   files): wall time, files per second and peak memory of ``postmortem lint --jobs 1``, of
   the parallel mode (``--jobs`` = CPU count), of the parse floor (``bench/floor.py``:
   markdown-it as the project sets it up and the YAML frontmatter loaded, in one process,
   no model, no rules) and of markdownlint-cli2 with its default configuration on the same
   files, as a reference peer; lint / floor, the parallel speed-up and ours / peer; and
   the parallel run's CPU time split between its parent process (the serial part) and each
   worker, with the speed-up those CPU times allow (a wall-clock speed-up far below it was
   taken while other work shared the cores);
2. one-file hook latency, ``postmortem lint FILE`` on this repository's archive, against
   ``python -c pass`` and against importing click, jsonschema, ruamel.yaml and markdown-it
   (``bench/hook_latency.py``), and one-file runs on a few files spread over the largest
   generated archive, committed to a git repository of its own as a team's archive is,
   without the cache and with ``--cache`` (the archive's index of ids warm, the file's own
   findings deleted before each run, as after an edit; the goal is checked on these); which
   modules a one-file run imports and the slowest of them;
3. site build time (500 and 2,000 post-mortems): the archive site against mkdocs-material
   alone on the same post-mortem pages (``bench/site_build.py``), its peak memory, the
   growth from the smaller to the larger archive, and the largest page and data file;
4. the size of the search index each of the two sites ships at the larger size;
5. the rebuild after editing one post-mortem as ``mkdocs serve`` rebuilds
   (``bench/rebuild.py``), the archive site with ``cache = true`` against mkdocs-material
   alone rebuilding the same pages;
6. PASS / MISS against the targets: issue 16's goals, then the older ones.

Every figure of a section comes from the same run: the tools take turns, repetition by
repetition, so that load from other users hits them alike; wall times are the best of
the repetitions (the least disturbed run) and the load average is printed with them.
Peak memory is given twice: the largest single process (``ru_maxrss`` of the process and
its waited-for children, as ``/usr/bin/time -v`` reports it) and the whole process tree
(the sum of its processes' proportional set size, sampled every 0.1 s, every 0.5 s in the
lint's timed runs; shared pages of forked workers are counted once), with the peak of each
program and, for a site build, of each of its parts (the lint gate's workers, the rendering, the writing beside Pagefind),
from which the peak at 20,000 post-mortems is projected when the run builds fewer.

The reference linter is installed from npm into ``bench/.node`` (ignored by git) on first
use; without npm the run says so and skips it. Generated archives stay in ``bench/out/work``
and are rewritten, byte for byte the same, on the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import hook_latency  # noqa: E402
import site_build  # noqa: E402
from generate import write_archive  # noqa: E402

PEER_PACKAGE = "markdownlint-cli2"
PEER_VERSION = "0.22.1"  # the newest release that supports Node 20 (Debian's); pinned so runs compare
NODE_DIR = BENCH / ".node"
TODAY = "2026-11-23"

# Targets: checked here, never in unit tests. First the goals of issue 16's table, then
# the older ones.
PEER_TARGET_FILES = 2_000  # lint --jobs 2 / markdownlint-cli2 is judged on this many files
PEER_TARGET_RATIO = 0.25
LINT_MEMORY_TARGET = 150e6  # bytes, at any size
FLOOR_TARGET_RATIO = 1.5  # lint --jobs 1 / the parse floor
SPEEDUP_TARGET = 1.9  # --jobs 2 / --jobs 1, at least
HOOK_IMPORTS_TARGET = 1.2  # one-file hook / importing the stack
SITE_TARGET_RATIO = 1.5  # site build / mkdocs-material alone, cold
PAGE_TARGET_BYTES = 1e6  # the largest page, and the largest data file, at any size
SITE_MEMORY_TARGET = 2e9  # bytes, at 20,000 post-mortems
SITE_MEMORY_AT = 20_000
REBUILD_TARGET_RATIO = 1.1  # rebuild after one edit / mkdocs-material alone rebuilding
LINT_TARGET_FILES = 10_000
LINT_TARGET_SECONDS = 30.0
HOOK_TARGET_SECONDS = 0.35
GROWTH_TARGET = 4.4


@dataclass(frozen=True)
class Plan:
    mode: str
    lint_counts: tuple[int, ...]  # ascending; the last is "the largest"
    lint_repeats: tuple[int, ...]
    site_counts: tuple[int, int]
    site_repeats: tuple[int, int]
    hook_runs: int
    hook_files: int  # files of the largest generated archive timed as one-file runs
    peer: bool
    warm_up: bool = True  # an untimed run of each tool first (page cache, bytecode)

    def with_size(self, count: int) -> "Plan":
        """This plan with ``count`` as its largest lint and site size (``--n``)."""
        lint = tuple(n for n in self.lint_counts[:-1] if n < count) + (count,)
        repeats = self.lint_repeats[: len(lint) - 1] + (1,)
        # Past the plan's larger site, that size is the smaller one: the growth goal is stated
        # from 2,000 to 20,000, where fixed costs no longer weigh on the smaller build.
        usual = self.site_counts[1]
        small = usual if count > usual else min(self.site_counts[0], max(1, count // 4))
        return replace(self, mode=f"{self.mode}, --n {count}", lint_counts=lint, lint_repeats=repeats,
                       site_counts=(small, count), site_repeats=(self.site_repeats[0], 1))

    @property
    def slug(self) -> str:
        """The mode as it goes into a file name: ``full-n20000`` for "full, --n 20000"."""
        return self.mode.replace(", --n ", "-n")


PLANS = {
    "full": Plan("full", (1_000, 2_000, 10_000), (3, 1, 1), (500, 2_000), (2, 1), 15, 5, True),
    "quick": Plan("quick", (1_000, 2_000), (1, 1), (100, 400), (1, 1), 10, 3, True),
    "smoke": Plan("smoke", (20, 130), (1, 1), (3, 6), (1, 1), 3, 1, False, warm_up=False),
}
FULL = PLANS["full"]


class BenchError(Exception):
    """A measured command failed: the message says which and how."""


# ---------------------------------------------------------------------- measured runs


@dataclass
class Run:
    seconds: float
    exit_code: int
    rss_largest: int  # bytes: the largest single process of the tree
    tree_peak: int | None  # bytes: the largest sampled sum over the tree (PSS), None if /proc is unreadable
    load: float  # 1-minute load average when the run started
    cpu: float = 0.0  # seconds of CPU (user + system) of the process and its waited-for children
    by_name: dict[str, int] = field(default_factory=dict)  # bytes: the peak of each program (``comm``) in the tree
    # seconds of CPU of the process itself and of each of its child processes, as last sampled
    # (up to one interval before each ended): what was serial and how the workers shared the rest
    own_cpu: float | None = None
    children_cpu: list[float] = field(default_factory=list)
    by_phase: dict[str, int] = field(default_factory=dict)  # bytes: the peak of the processes other than Pagefind, by phase


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(name))
    return children


def _children(pid: int) -> list[int] | None:
    """The child processes of ``pid`` from ``/proc/PID/task/TID/children``: a few small
    reads, where :func:`_children_map` reads the status of every process of the machine;
    None where the kernel does not list children ([] for a process that is gone)."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as handle:
                found.extend(int(child) for child in handle.read().split())
        except FileNotFoundError:
            if not os.path.isdir(f"/proc/{pid}/task/{thread}"):
                continue  # the thread ended
            return None
        except (OSError, ValueError):
            continue
    return found


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, the processes alive now."""
    tree, todo, every = [], [root], None
    while todo:
        pid = todo.pop()
        tree.append(pid)
        children = _children(pid) if every is None else None
        if children is None:
            every = every if every is not None else _children_map()
            children = every.get(pid, [])
        todo.extend(children)
    return tree


def _memory(pid: int) -> int:
    """Proportional set size of ``pid`` in bytes (resident size where PSS is unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu(pid: int) -> float | None:
    """Seconds of CPU (user + system) ``pid`` has used so far, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def _program(pid: int) -> str:
    """The program name of ``pid`` (``/proc/PID/comm``: "python3", "pagefind"), "" if gone."""
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def _phase(processes: int, pagefind: int) -> str:
    """Which part of a site build a sample of its tree is from, by the processes alive:
    ``processes`` besides the ``pagefind`` ones. "writing": Pagefind runs (it indexes the
    pages as they are written); "lint workers": more than two processes (the build and the
    lint gate's workers); "rendering": the build alone or with its second rendering process.
    The same rules apply to any command sampled; they mean something only for a site build."""
    if pagefind:
        return "writing"
    return "lint workers" if processes > 2 else "rendering"


class TreeSampler(threading.Thread):
    """Samples the CPU time of a process and all its descendants every ``interval`` s, and
    their memory every ``memory_every`` samples (every one unless told), until stopped.

    A sample must cost the measured run next to nothing: a parallel lint keeps both cores
    busy, where a serial run leaves the sampler a core of its own, so a costly sampler
    slows only the parallel run and understates its speed-up. The processes of the tree
    are found from ``/proc/PID/task/TID/children`` and their CPU read from ``/proc/PID/stat``
    (tens of microseconds); their memory comes from ``smaps_rollup`` (the kernel walks the
    process's page tables: 1-3 ms for a process of 60-150 MB), which the lint's timed runs
    read every half second. Listing every process of the machine and reading every tree
    process's ``smaps_rollup`` ten times a second took 4-5% of a core during a parallel
    lint (2026-12-01)."""

    def __init__(self, pid: int, interval: float = 0.1, memory_every: int = 1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.memory_every = pid, interval, memory_every
        self.peak: int | None = None if not os.path.isdir("/proc") else 0
        self.by_name: dict[str, int] = {}  # the largest sampled sum over the processes of each program
        self.by_phase: dict[str, int] = {}  # the largest sampled sum over the processes other than Pagefind, by phase
        self.cpu: dict[int, float] = {}  # the CPU seconds of each process of the tree, as last sampled
        self._stop_event = threading.Event()

    def run(self) -> None:
        if self.peak is None:
            return
        sample = 0
        while not self._stop_event.is_set():
            tree = _tree(self.pid)
            for pid in tree:
                used = _cpu(pid)
                if used is not None:
                    self.cpu[pid] = used
            if sample % self.memory_every == 0:
                sizes = [(_program(pid), _memory(pid)) for pid in tree]
                self.peak = max(self.peak, sum(size for _, size in sizes))
                programs: dict[str, int] = {}
                for name, size in sizes:
                    programs[name] = programs.get(name, 0) + size
                for name, size in programs.items():
                    self.by_name[name] = max(self.by_name.get(name, 0), size)
                others = [size for name, size in sizes if not name.startswith("pagefind")]
                phase = _phase(len(others), len(sizes) - len(others))
                self.by_phase[phase] = max(self.by_phase.get(phase, 0), sum(others))
            sample += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> int | None:
        self._stop_event.set()
        self.join()
        return self.peak


def run(argv: list[str], cwd: Path, env: dict | None = None, ok: tuple[int, ...] = (0,), memory_every: int = 1) -> Run:
    """Run ``argv`` with its output discarded; wall time, exit code and peak memory (the
    tree's sampled every ``memory_every`` tenths of a second)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = TreeSampler(process.pid, memory_every=memory_every)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        tree = sampler.stop()
        if code not in ok:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-2000:]
            raise BenchError(f"`{' '.join(argv)}` in {cwd} exited {code}:\n{tail}")
    own = sampler.cpu.pop(process.pid, None)
    return Run(seconds, code, usage.ru_maxrss * 1024, tree, load, usage.ru_utime + usage.ru_stime, sampler.by_name,
               own, sorted(sampler.cpu.values(), reverse=True), sampler.by_phase)


def _best(runs: list[Run]) -> dict:
    times = [r.seconds for r in runs]
    fastest = runs[times.index(min(times))]
    return {
        # of the fastest run: the process's own CPU and each child's (a parallel lint's workers)
        "own_cpu_seconds": fastest.own_cpu,
        "children_cpu_seconds": fastest.children_cpu,
        "seconds": min(times),
        "seconds_median": statistics.median(times),
        "seconds_all": times,
        "cpu_seconds": min(r.cpu for r in runs),
        "rss_largest_bytes": max(r.rss_largest for r in runs),
        "tree_peak_bytes": None if any(r.tree_peak is None for r in runs) else max(r.tree_peak for r in runs),
        "peak_by_program_bytes": {name: max(r.by_name.get(name, 0) for r in runs) for r in runs for name in r.by_name},
        # the processes other than Pagefind, by the part of a site build sampled (_phase)
        "peak_by_phase_bytes": {name: max(r.by_phase.get(name, 0) for r in runs) for r in runs for name in r.by_phase},
        "load_at_start": [r.load for r in runs],
    }


def _load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "load average " + " ".join(map(str, _load()))


def python_c_pass_ms(runs: int = 5) -> float:
    """Median wall time of ``python -c pass``: how fast the machine starts a process right now."""
    env = hook_latency.measured_env()
    hook_latency.run_once([sys.executable, "-c", "pass"], env)
    return statistics.median(hook_latency.run_once([sys.executable, "-c", "pass"], env) for _ in range(runs))


# ---------------------------------------------------------------------- the reference peer


def _installed_peer_version() -> str | None:
    manifest = NODE_DIR / "node_modules" / PEER_PACKAGE / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def ensure_peer(quiet: bool = False) -> tuple[Path | None, str]:
    """The markdownlint-cli2 executable, installed into bench/.node if needed; else None and why."""
    binary = NODE_DIR / "node_modules" / ".bin" / PEER_PACKAGE
    if binary.exists() and _installed_peer_version() == PEER_VERSION:
        return binary, f"{PEER_PACKAGE} {PEER_VERSION}"
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return None, "npm and node are not installed (Debian: apt-get install nodejs npm)"
    if not quiet:
        print(f"installing {PEER_PACKAGE}@{PEER_VERSION} into {_shown(NODE_DIR)} ...", flush=True)
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "--loglevel=error",
         "--engine-strict=false", f"{PEER_PACKAGE}@{PEER_VERSION}"],
        capture_output=True, text=True,
    )
    if done.returncode != 0 or not binary.exists():
        return None, f"npm install {PEER_PACKAGE}@{PEER_VERSION} failed: {(done.stderr or done.stdout).strip()[-500:]}"
    return binary, f"{PEER_PACKAGE} {PEER_VERSION}"


def _node_version() -> str | None:
    node = shutil.which("node")
    if not node:
        return None
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip() or None


# ---------------------------------------------------------------------- sections


def _postmortem_bin() -> str:
    return str(Path(sys.executable).with_name("postmortem"))


def lint_commands(jobs: int, peer: Path | None) -> dict[str, list[str]]:
    base = [_postmortem_bin(), "lint", "--today", TODAY, "--format", "concise", "--quiet"]
    commands = {
        "serial": base + ["--jobs", "1", "postmortems"],
        "parallel": base + ["--jobs", str(jobs), "postmortems"],
        "floor": [sys.executable, str(BENCH / "floor.py"), "postmortems"],
    }
    if peer is not None:
        commands["peer"] = [str(peer), "postmortems/**/*.md"]
    return commands


# The lint's timed runs sample the tree's memory every half second (its goal is the largest
# process's, from the kernel): reading it ten times a second slowed the parallel run.
LINT_MEMORY_EVERY = 5


def lint_section(plan: Plan, work: Path, peer: Path | None, jobs: int) -> dict:
    commands = lint_commands(jobs, peer)
    if plan.warm_up:
        warm = work / "archive-warm"
        write_archive(warm, 40)
        for argv in commands.values():  # page cache, bytecode, Node's module cache
            run(argv, warm, ok=(0, 1))
    results = {}
    for count, repeats in zip(plan.lint_counts, plan.lint_repeats):
        archive = work / f"archive-{count}"
        write_archive(archive, count)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(repeats):
            for name, argv in commands.items():
                runs[name].append(run(argv, archive, ok=(0, 1), memory_every=LINT_MEMORY_EVERY))
        figures = {name: _best(found) for name, found in runs.items()}
        for figure in figures.values():
            figure["files_per_second"] = count / figure["seconds"]
        ratios = {"serial/floor": figures["serial"]["seconds"] / figures["floor"]["seconds"],
                  # CPU time moves less than wall time when other work shares the machine
                  "serial/floor cpu": figures["serial"]["cpu_seconds"] / max(figures["floor"]["cpu_seconds"], 1e-9),
                  "speed-up": figures["serial"]["seconds"] / figures["parallel"]["seconds"],
                  "speed-up cpu": _cpu_speed_up(figures["serial"], figures["parallel"])}
        if "peer" in figures:
            ratios.update({f"{name}/peer": figures[name]["seconds"] / figures["peer"]["seconds"] for name in ("serial", "parallel")})
        results[str(count)] = {"files": count, "repeats": repeats, "archive": str(archive), "tools": figures,
                               "wall_ratios": ratios}
    shown = {name: " ".join([Path(argv[0]).name, *argv[1:]]) for name, argv in commands.items()}
    return {"jobs": jobs, "commands": shown, "sizes": results}


def _cpu_speed_up(serial: dict, parallel: dict) -> float | None:
    """The speed-up the CPU times allow: the serial run's CPU over the parallel run's parent
    (its serial part: imports, the file list, the archive's index, the output) plus its
    busiest worker. On an idle machine the wall-clock speed-up comes close to it; far below
    it, other work shared the cores. None when the processes' CPU was not sampled."""
    own, children = parallel["own_cpu_seconds"], parallel["children_cpu_seconds"]
    if own is None or not children:
        return None
    return serial["cpu_seconds"] / (own + max(children))


def _spread(items: list, count: int) -> list:
    """``count`` items spread evenly over ``items``, the first one included."""
    count = max(1, min(count, len(items)))
    return [items[i * len(items) // count] for i in range(count)]


_MODULES = """
import json, sys
if sys.argv[1] == "lint":
    from postmortem.cli import main
    sys.argv = ["postmortem", "lint", sys.argv[2]]
    try:
        main()
    except SystemExit:
        pass
else:
    import click, jsonschema, ruamel.yaml, markdown_it
sys.stderr.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _modules(argv: list[str], env: dict, cwd: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _MODULES, *argv], cwd=cwd, env=env, capture_output=True, text=True)
    line = next((line for line in done.stderr.splitlines() if line.startswith("MODULES ")), None)
    if line is None:
        raise BenchError(f"listing the modules of {' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return json.loads(line[len("MODULES "):])


def one_file_imports(project: Path, file: str, env: dict, top: int = 8) -> dict:
    """Which modules a one-file ``postmortem lint`` imports: how many, how many beyond
    importing the stack (click, jsonschema, ruamel.yaml, markdown-it), those by package,
    and the slowest imports of the run (``python -X importtime``, cumulative)."""
    lint = _modules(["lint", file], env, project)
    stack = _modules(["stack"], env, project)
    extra = sorted(set(lint) - set(stack))
    packages: dict[str, int] = {}
    for name in extra:
        packages[name.split(".")[0]] = packages.get(name.split(".")[0], 0) + 1
    unused = sorted({name.split(".")[0] for name in set(stack) - set(lint)} - {"__main__"})
    slowest = hook_latency.importtime(sys.executable, file, env, top, cwd=project)
    return {
        "modules": len(lint), "stack_modules": len(stack), "beyond_stack": len(extra),
        "beyond_stack_by_package": dict(sorted(packages.items(), key=lambda item: -item[1])),
        "stack_packages_not_imported": unused,
        "slowest_imports_ms": [[name, micros / 1000] for micros, name in slowest],
    }


def hook_section(plan: Plan, large_archive: Path) -> dict:
    env = hook_latency.measured_env()
    file = hook_latency.first_postmortem(ROOT)
    times = hook_latency.latencies(ROOT, file, plan.hook_runs, env, version=False)
    labels = list(times)
    summary = {label: {"median_ms": statistics.median(values), "p90_ms": hook_latency.p90(values), "all_ms": values}
               for label, values in times.items()}
    lint = summary[labels[-1]]["median_ms"]
    # Files differ (an action verb outside the curated list loads a lexicon, for one), so the
    # generated archive is sampled at several files rather than at its first.
    generated = sorted((large_archive / "postmortems").glob("*.md"))
    sample = [os.path.relpath(path, large_archive) for path in _spread(generated, plan.hook_files)]
    # As a team keeps it: the archive committed to git. Each file is timed without the cache
    # and with `--cache` (its findings deleted before each run, as after an edit; the
    # archive's index of ids warm from the warm-up runs), taking turns.
    in_git = hook_latency.commit_to_git(large_archive)
    argvs = {}
    for name in sample:
        argv = hook_latency.commands(name, version=False)[-1][1]
        argvs[(name, False)], argvs[(name, True)] = argv, [*argv[:2], "--cache", *argv[2:]]
    for argv in argvs.values():
        for _ in range(2):
            hook_latency.run_once(argv, env, large_archive)
    per_file: dict[tuple[str, bool], list[float]] = {key: [] for key in argvs}
    for _ in range(plan.hook_runs):
        for (name, cached), argv in argvs.items():
            if cached:
                hook_latency.forget_findings(large_archive)
            per_file[(name, cached)].append(hook_latency.run_once(argv, env, large_archive))

    def figures(cached: bool) -> dict:
        files = {name: {"median_ms": statistics.median(values), "p90_ms": hook_latency.p90(values), "all_ms": values}
                 for (name, with_cache), values in per_file.items() if with_cache == cached}
        slowest = max(files, key=lambda name: files[name]["median_ms"])
        return {"files": files, "slowest": slowest, "slowest_median_ms": files[slowest]["median_ms"],
                "median_ms": statistics.median([value for figure in files.values() for value in figure["all_ms"]])}

    plain, cached = figures(False), figures(True)
    return {
        "runs": plan.hook_runs,
        "file": file,
        "archive_files": len(list((ROOT / "postmortems").glob("*.md"))),
        "commands": summary,
        "lint_label": labels[-1],
        "lint_minus_bare_ms": lint - summary[hook_latency.PASS]["median_ms"],
        "lint_minus_imports_ms": lint - summary[hook_latency.IMPORTS]["median_ms"],
        "lint_over_imports": lint / summary[hook_latency.IMPORTS]["median_ms"],
        "imports": one_file_imports(ROOT, file, env),
        "generated": {"archive_files": len(generated), "in_git": in_git, **plain},
        "generated_cached": {"archive_files": len(generated), "in_git": in_git, **cached},
        "load": _load(),
    }


def largest_files(site: Path) -> dict:
    """The largest page (``.html``) and the largest data file (``.json``; the search indexes'
    own folders apart) of a built site: {"page": [path, bytes], "data": [path, bytes] or None}."""
    def biggest(paths):
        found = max(((path.stat().st_size, path.relative_to(site).as_posix()) for path in paths), default=None)
        return None if found is None else [found[1], found[0]]
    data = (path for path in site.rglob("*.json") if path.relative_to(site).parts[0] not in ("pagefind", "search"))
    return {"page": biggest(site.rglob("*.html")), "data": biggest(data)}


def site_section(plan: Plan, work: Path) -> dict:
    if plan.warm_up:
        warm = site_build.generate(5, work / "site-warm")
        for config, site in ((site_build.write_config(warm), warm / "site"),
                             (site_build.write_plain_config(warm), warm / "plain" / "site")):
            run(site_build.build_command(config, site), ROOT, site_build.build_env())
    results = {}
    for count, repeats in zip(plan.site_counts, plan.site_repeats):
        out = site_build.generate(count, work / "site")
        variants = {
            "ours": (site_build.write_config(out), out / "site"),
            "plain": (site_build.write_plain_config(out), out / "plain" / "site"),
        }
        runs: dict[str, list[Run]] = {name: [] for name in variants}
        for _ in range(repeats):
            for name, (config, site) in variants.items():
                if site.exists():
                    shutil.rmtree(site)
                runs[name].append(run(site_build.build_command(config, site), ROOT, site_build.build_env()))
        figures = {}
        for name, (config, site) in variants.items():
            figure = _best(runs[name])
            size, files = site_build.tree_size(site)
            figure.update(ms_per_postmortem=1000 * figure["seconds"] / count, site_bytes=size, site_files=files,
                          search_index=site_build.search_index(site), largest=largest_files(site))
            figures[name] = figure
            shutil.rmtree(site)
        results[str(count)] = {"postmortems": count, "repeats": repeats, "builds": figures,
                               "ours/plain": figures["ours"]["seconds"] / figures["plain"]["seconds"]}
    small, large = (results[str(n)] for n in plan.site_counts)
    growth = {name: large["builds"][name]["seconds"] / small["builds"][name]["seconds"] for name in ("ours", "plain")}
    return {"sizes": results, "growth": growth, "growth_linear": plan.site_counts[1] / plan.site_counts[0],
            "load": _load()}


CACHED_PYPROJECT = '[tool.postmortem]\narchive = "postmortems"\ncache = true\n'


def rebuild_section(plan: Plan, work: Path) -> dict:
    """``mkdocs serve``'s rebuild after one post-mortem is edited (``bench/rebuild.py``), the
    archive site (with ``cache = true``) against mkdocs-material alone on the same pages, at
    the larger site size."""
    count = plan.site_counts[-1]
    out = site_build.generate(count, work / "rebuild")
    (out / "pyproject-cached.toml").write_text(CACHED_PYPROJECT, encoding="utf-8")
    ours = site_build.write_config(out)
    ours.write_text(ours.read_text(encoding="utf-8").replace(str(out / "pyproject.toml"), str(out / "pyproject-cached.toml")),
                    encoding="utf-8")
    plain = site_build.write_plain_config(out)
    names = sorted(path.name for path in (out / "postmortems").glob("*.md"))
    name = names[len(names) // 2]
    shutil.rmtree(out / ".postmortem_cache", ignore_errors=True)
    figures = {"postmortems": count, "edited": name, "cache": True}
    for label, config, edited in (("ours", ours, out / "postmortems" / name),
                                  ("plain", plain, out / "plain" / "docs" / "postmortems" / name)):
        site = config.parent / "serve-site"
        done = subprocess.run([sys.executable, str(BENCH / "rebuild.py"), str(config), str(site), str(edited)],
                              cwd=ROOT, env=site_build.build_env(), capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"bench/rebuild.py ({label}) exited {done.returncode}:\n{done.stderr[-2000:]}")
        figures[label] = json.loads(done.stdout.strip().splitlines()[-1])
        shutil.rmtree(site, ignore_errors=True)
    figures["ours/plain"] = figures["ours"]["rebuild_seconds"] / figures["plain"]["rebuild_seconds"]
    figures["load"] = _load()
    return figures


# ---------------------------------------------------------------------- targets


@dataclass
class Target:
    name: str
    value: float | None
    limit: float
    unit: str
    note: str = ""
    at_least: bool = False  # the value must reach the limit, not stay under it
    status: str = field(init=False, default="SKIP")

    def __post_init__(self) -> None:
        if self.value is not None:
            met = self.value >= self.limit if self.at_least else self.value <= self.limit
            self.status = "PASS" if met else "MISS"


def _peer_size(plan: Plan) -> int:
    return PEER_TARGET_FILES if PEER_TARGET_FILES in plan.lint_counts else plan.lint_counts[-1]


def site_memory_at_target(plan: Plan, site: dict) -> tuple[float, str]:
    """The site build's peak memory (bytes, the whole process tree) at ``SITE_MEMORY_AT``
    post-mortems, measured when the plan builds that size, else projected, and how.

    The projection takes the build's two parts whose memory grows with the archive apart
    (``_phase``; every size counted as proportional set size, the pages a forked process
    shares with the build once): the rendering (the build, alone or with its second
    rendering process) and the writing (the build, with Pagefind indexing beside it). Each
    is projected linearly from the two sizes built; to the writing is added Pagefind's peak
    for the pages of one bundle at ``SITE_MEMORY_AT`` (``search.bundle_pages``), on the line
    through its peaks at the two sizes. The larger of the two parts is the projection. The
    lint gate's workers are left out: each holds one document at a time, and they end before
    the pages are rendered; at small sizes their caches, filling, are the Python processes'
    peak, and projecting that linearly overstated the build at 20,000 by 1.7 times. Results
    without the phases (older runs, or no /proc) fall back on every Python process
    together, linearly, plus Pagefind's peak at the larger size: an upper bound."""
    from postmortem.site.search import bundle_pages

    small, large = plan.site_counts
    builds = {count: site["sizes"][str(count)]["builds"]["ours"] for count in plan.site_counts}
    measured = builds[large]["tree_peak_bytes"] or builds[large]["rss_largest_bytes"]
    if large == SITE_MEMORY_AT:
        return measured, f"measured at N={large:,} (whole process tree)"
    programs = {count: builds[count].get("peak_by_program_bytes") or {} for count in plan.site_counts}
    pagefind = {count: sum(size for name, size in programs[count].items() if name.startswith("pagefind"))
                for count in plan.site_counts}

    def line(values: dict[int, float], at: float) -> float:
        slope = (values[large] - values[small]) / (large - small) if large > small else 0.0
        return max(0.0, values[large] + max(0.0, slope) * (at - large))

    phases = {count: builds[count].get("peak_by_phase_bytes") or {} for count in plan.site_counts}
    if all(phases.values()):
        bundle = bundle_pages(SITE_MEMORY_AT)
        rendering = line({count: phases[count].get("rendering", 0) for count in plan.site_counts}, SITE_MEMORY_AT)
        writing = line({count: phases[count].get("writing", 0) for count in plan.site_counts}, SITE_MEMORY_AT)
        indexing = line(pagefind, bundle)
        projected = max(rendering, writing + indexing)
        return projected, (f"{measured / 1e6:.0f} MB measured at N={large:,}; projected from N={small:,} and "
                           f"N={large:,}: rendering {rendering / 1e9:.2f} GB (the build and its second rendering "
                           f"process), writing {(writing + indexing) / 1e9:.2f} GB (the build "
                           f"{writing / 1e9:.2f} GB, Pagefind {indexing / 1e9:.2f} GB for a bundle of {bundle:,} pages)")
    python = {count: sum(size for name, size in programs[count].items() if not name.startswith("pagefind"))
              for count in plan.site_counts}
    if not python[large]:  # no per-program samples (no /proc): the whole peak, linearly
        python, pagefind = {count: builds[count]["rss_largest_bytes"] for count in plan.site_counts}, {large: 0}
    projected = line(python, SITE_MEMORY_AT) + pagefind[large]
    return projected, (f"{measured / 1e6:.0f} MB measured at N={large:,}; projected: the Python processes linearly "
                       f"from N={small:,} and N={large:,}, plus Pagefind's peak at N={large:,} (an upper bound: "
                       "no phases sampled)")


def targets(plan: Plan, lint: dict, hook: dict, site: dict, rebuild: dict, cpus: int) -> list[Target]:
    found = []
    largest = plan.lint_counts[-1]
    sizes = lint["sizes"]
    at_largest = sizes[str(largest)]["tools"]
    parallel = at_largest["parallel"]["seconds"]
    cores = "" if cpus == 2 else f"; this machine has {cpus} CPUs, not 2"
    jobs = lint["jobs"]

    # issue 16's table
    at_peer = sizes[str(_peer_size(plan))]
    peer = at_peer["tools"].get("peer")
    found.append(Target(f"lint --jobs {jobs} / markdownlint-cli2, N={_peer_size(plan):,}",
                        at_peer["wall_ratios"].get("parallel/peer"), PEER_TARGET_RATIO, "x",
                        "" if peer else "reference linter not run"))
    for count in plan.lint_counts:
        found.append(Target(f"lint --jobs 1 peak memory, N={count:,}", sizes[str(count)]["tools"]["serial"]["rss_largest_bytes"] / 1e6,
                            LINT_MEMORY_TARGET / 1e6, "MB", "largest process"))
    found.append(Target(f"lint --jobs 1 / parse floor (markdown-it + YAML), N={largest:,}",
                        sizes[str(largest)]["wall_ratios"]["serial/floor"], FLOOR_TARGET_RATIO, "x",
                        f"wall; in CPU time {sizes[str(largest)]['wall_ratios']['serial/floor cpu']:.2f}"))
    allowed = sizes[str(largest)]["wall_ratios"].get("speed-up cpu")
    found.append(Target(f"--jobs {jobs} / --jobs 1 speed-up, N={largest:,}", sizes[str(largest)]["wall_ratios"]["speed-up"],
                        SPEEDUP_TARGET, "x", "; ".join(part for part in (
                            cores.lstrip("; "), "" if allowed is None else f"the CPU times allow {allowed:.2f}") if part),
                        at_least=True))
    found.append(Target("one-file hook / importing the stack", hook["lint_over_imports"], HOOK_IMPORTS_TARGET, "x",
                        f"{hook['imports']['modules']} modules, {hook['imports']['beyond_stack']} beyond the stack's"))
    for count in plan.site_counts:
        found.append(Target(f"site build / mkdocs-material alone, cold, N={count:,}", site["sizes"][str(count)]["ours/plain"],
                            SITE_TARGET_RATIO, "x"))
    small, large = plan.site_counts
    built = site["sizes"][str(large)]["builds"]["ours"]
    for kind in ("page", "data"):
        item = built["largest"][kind]
        found.append(Target(f"largest {'page' if kind == 'page' else 'data file'} of the site, N={large:,}",
                            None if item is None else item[1] / 1e6, PAGE_TARGET_BYTES / 1e6, "MB",
                            "none written" if item is None else item[0]))
    peak, note = site_memory_at_target(plan, site)
    found.append(Target(f"site build peak memory at N={SITE_MEMORY_AT:,}", peak / 1e9, SITE_MEMORY_TARGET / 1e9, "GB", note))
    found.append(Target(f"site rebuild after one edit / mkdocs-material alone, N={rebuild['postmortems']:,}",
                        rebuild["ours/plain"], REBUILD_TARGET_RATIO, "x", "as mkdocs serve rebuilds; cache = true"))

    # the older targets
    if largest == LINT_TARGET_FILES:
        found.append(Target(f"lint {LINT_TARGET_FILES:,} files (--jobs {jobs})", parallel, LINT_TARGET_SECONDS, "s",
                            cores.lstrip("; ")))
    else:
        projected = parallel * LINT_TARGET_FILES / largest
        found.append(Target(f"lint {LINT_TARGET_FILES:,} files (--jobs {jobs})", projected, LINT_TARGET_SECONDS,
                            "s", f"projected linearly from N={largest:,}{cores}"))
    found.append(Target(f"one-file hook median, archive of {hook['archive_files']}",
                        hook["commands"][hook["lint_label"]]["median_ms"] / 1000, HOOK_TARGET_SECONDS, "s"))
    generated = hook["generated_cached"]
    where = "committed to git" if generated["in_git"] else "not in git"
    found.append(Target(f"one-file hook median, generated archive of {generated['archive_files']:,}, cache = true",
                        generated["slowest_median_ms"] / 1000, HOOK_TARGET_SECONDS, "s",
                        f"the slowest of {len(generated['files'])} files sampled; {where}; without the cache "
                        f"{hook['generated']['slowest_median_ms'] / 1000:.2f} s"))
    found.append(Target(f"site build growth N={large:,} / N={small:,}", site["growth"]["ours"], GROWTH_TARGET * (large / small) / 4,
                        "x", f"linear would be {large / small:g}"))
    return found


# ---------------------------------------------------------------------- printing


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it."""
    path = path.resolve()
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1e6:.0f}"


def _sizes_note(plan: Plan) -> str:
    if plan == FULL:
        return ""
    counts = lambda values: ", ".join(f"{n:,}" for n in values)  # noqa: E731
    return (f": lint at N={counts(plan.lint_counts)} instead of {counts(FULL.lint_counts)}; site at "
            f"N={counts(plan.site_counts)} instead of {counts(FULL.site_counts)}")


def print_lint(lint: dict, peer_label: str) -> None:
    labels = {"serial": "postmortem lint --jobs 1", "parallel": f"postmortem lint --jobs {lint['jobs']}",
              "floor": "parse floor: markdown-it + YAML", "peer": peer_label}
    print("\n1. Lint throughput: the same generated files for every tool (exit code 1 = findings, as expected)")
    print(f"  {'N':>6}  {'tool':<31} {'wall s':>7} {'median':>7} {'files/s':>8}  {'MB: largest RSS / tree PSS':>26}")
    for size in lint["sizes"].values():
        for name, figure in size["tools"].items():
            print(f"  {size['files']:>6,}  {labels[name]:<31} {figure['seconds']:>7.2f} {figure['seconds_median']:>7.2f} "
                  f"{figure['files_per_second']:>8.0f}  {_mb(figure['rss_largest_bytes']):>15} / {_mb(figure['tree_peak_bytes']):>8}")
        ratios = size["wall_ratios"]
        best = f"best of {size['repeats']}" if size["repeats"] > 1 else "one run"
        per_file = {name: 1000 * size["tools"][name]["seconds"] / size["files"] for name in ("serial", "floor")}
        cpu = {name: 1000 * size["tools"][name]["cpu_seconds"] / size["files"] for name in ("serial", "floor")}
        print(f"  {'':>6}  lint --jobs 1 / parse floor: wall {ratios['serial/floor']:.2f} ({per_file['serial']:.1f} against "
              f"{per_file['floor']:.1f} ms per file), CPU {ratios['serial/floor cpu']:.2f} ({cpu['serial']:.1f} against "
              f"{cpu['floor']:.1f} ms per file)")
        parallel = size["tools"]["parallel"]
        allowed = ratios.get("speed-up cpu")
        split = "" if allowed is None else (
            f"; the CPU times allow {allowed:.2f} (--jobs {lint['jobs']}: the parent {parallel['own_cpu_seconds']:.2f} s, "
            f"workers {' / '.join(f'{cpu:.2f}' for cpu in parallel['children_cpu_seconds'])} s)")
        print(f"  {'':>6}  --jobs {lint['jobs']} / --jobs 1 speed-up {ratios['speed-up']:.2f} (wall){split}")
        if "parallel/peer" in ratios:
            print(f"  {'':>6}  wall ours / peer: --jobs 1 {ratios['serial/peer']:.2f}, "
                  f"--jobs {lint['jobs']} {ratios['parallel/peer']:.2f}  ({best})")
        else:
            print(f"  {'':>6}  ({best}; reference linter not run)")


def print_hook(hook: dict) -> None:
    print(f"\n2. One-file hook latency: {hook['runs']} runs each, taking turns (median / p90 ms)")
    generated = hook["generated"]
    rows = [(label, figure) for label, figure in hook["commands"].items()]
    rows += [(f"postmortem lint {name} (of {generated['archive_files']:,})", figure)
             for name, figure in generated["files"].items()]
    rows += [(f"postmortem lint --cache {name} (of {generated['archive_files']:,})", figure)
             for name, figure in hook["generated_cached"]["files"].items()]
    width = max(len(label) for label, _ in rows)
    for label, figure in rows:
        print(f"  {label:<{width}}  {figure['median_ms']:6.0f} / {figure['p90_ms']:4.0f}")
    print(f"  lint - bare interpreter: {hook['lint_minus_bare_ms']:.0f} ms; lint - the stack's imports: "
          f"{hook['lint_minus_imports_ms']:.0f} ms; lint / imports: {hook['lint_over_imports']:.2f}")
    cached = hook["generated_cached"]
    print(f"  generated archive ({'committed to git' if generated['in_git'] else 'not in git'}): median of all runs "
          f"{generated['median_ms']:.0f} ms, slowest file {generated['slowest_median_ms']:.0f} ms; with --cache (the "
          f"archive's index warm, the file's findings not cached) {cached['median_ms']:.0f} ms, slowest file "
          f"{cached['slowest_median_ms']:.0f} ms")
    imports = hook["imports"]
    packages = ", ".join(f"{name} {count}" for name, count in imports["beyond_stack_by_package"].items())
    print(f"  modules a one-file run imports: {imports['modules']} ({imports['stack_modules']} for the stack alone; "
          f"{imports['beyond_stack']} beyond it: {packages})")
    if imports["stack_packages_not_imported"]:
        print(f"  of the stack, not imported by a one-file run: {', '.join(imports['stack_packages_not_imported'])}")
    print("  slowest imports of the run (cumulative ms): "
          + ", ".join(f"{name} {ms:.0f}" for name, ms in imports["slowest_imports_ms"]))


def print_site(site: dict) -> None:
    print("\n3. Site build (mkdocs build --strict; plain = mkdocs-material alone on the same post-mortem pages)")
    print(f"  {'N':>6}  {'build':<6} {'wall s':>7} {'ms/pm':>6} {'site MB':>8} {'files':>6}  {'RSS MB':>6}  ours/plain")
    for size in site["sizes"].values():
        for name, figure in size["builds"].items():
            ratio = f"{size['ours/plain']:.2f}" if name == "ours" else ""
            print(f"  {size['postmortems']:>6,}  {name:<6} {figure['seconds']:>7.1f} {figure['ms_per_postmortem']:>6.0f} "
                  f"{figure['site_bytes'] / 1e6:>8.1f} {figure['site_files']:>6}  {_mb(figure['rss_largest_bytes']):>6}  {ratio}")
    small, large = (int(count) for count in site["sizes"])
    print(f"  growth N={large:,} / N={small:,}: ours {site['growth']['ours']:.2f}, "
          f"plain {site['growth']['plain']:.2f} (linear would be {site['growth_linear']:g})")
    for count, size in site["sizes"].items():
        largest = size["builds"]["ours"]["largest"]
        shown = [f"{kind} {item[0]} {item[1] / 1e3:,.0f} KB" for kind, item in largest.items() if item]
        print(f"  largest files of the archive site at N={int(count):,}: {'; '.join(shown)}")


def print_rebuild(rebuild: dict) -> None:
    print(f"\n5. Site rebuild after editing one post-mortem, as mkdocs serve rebuilds (N={rebuild['postmortems']:,}, "
          f"{rebuild['edited']}; the archive site with cache = true)")
    for name in ("ours", "plain"):
        figure = rebuild[name]
        print(f"  {name:<6} first build {figure['initial_seconds']:6.1f} s, rebuild after the edit {figure['rebuild_seconds']:6.1f} s")
    print(f"  rebuild ours / plain: {rebuild['ours/plain']:.2f}")


def print_index(site: dict) -> None:
    count, size = list(site["sizes"].items())[-1]
    print(f"\n4. Search index shipped at N={int(count):,}")
    for name, figure in size["builds"].items():
        found = figure["search_index"]
        if not found:
            print(f"  {name:<6} no search index found")
        for kind, index in found.items():
            print(f"  {name:<6} {kind:<9} {index['path']:<26} {index['bytes'] / 1e6:7.2f} MB in {index['files']:,} file(s), "
                  f"{index['bytes'] / int(count) / 1e3:.1f} KB per post-mortem")


def print_targets(found: list[Target]) -> None:
    print("\n6. Targets (issue 16's goals first, then the older ones)")
    for target in found:
        value = "-" if target.value is None else f"{target.value:.2f} {target.unit}"
        note = f"  ({target.note})" if target.note else ""
        print(f"  {target.status:<4}  {target.name}: {value} (target {'>=' if target.at_least else '<='} "
              f"{target.limit:g} {target.unit}){note}")


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="under 5 minutes: smaller sizes where needed")
    size.add_argument("--smoke", action="store_true", help="seconds: tiny sizes, no reference linter")
    size.add_argument("--install-peer", action="store_true", help=f"only install {PEER_PACKAGE} into bench/.node")
    parser.add_argument("--no-peer", action="store_true", help=f"skip the reference linter ({PEER_PACKAGE})")
    parser.add_argument("--n", type=int, default=None, metavar="N",
                        help="the largest archive to lint and build (for example 20000); smaller sizes stay")
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "work", help="folder for generated archives and sites")
    parser.add_argument("--json", type=Path, default=None, help="where to write the results (default: bench/out/run-MODE-TIME.json)")
    args = parser.parse_args(argv)

    if args.install_peer:
        binary, label = ensure_peer()
        print(label if binary else f"not installed: {label}")
        return 0 if binary else 2
    plan = PLANS["smoke" if args.smoke else "quick" if args.quick else "full"]
    if args.n is not None:
        if args.n < 2:
            parser.error("--n must be at least 2")
        plan = plan.with_size(args.n)
    started = datetime.now(timezone.utc)
    cpus = os.cpu_count() or 1
    peer, peer_label = (None, "skipped (--smoke)") if args.smoke else (None, "skipped (--no-peer)") if args.no_peer else ensure_peer()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": cpus, "python": sys.version.split()[0], "platform": platform.platform(),
               "node": _node_version(), "peer": peer_label if peer else None, "load_at_start": _load(),
               "uptime": _uptime(), "python_c_pass_ms": python_c_pass_ms()}
    print(f"postmortem benchmarks, {plan.mode} run{_sizes_note(plan)}")
    print(f"uptime: {machine['uptime']}")
    print(f"python -c pass: {machine['python_c_pass_ms']:.0f} ms (median of 5)")
    print(f"{cpus} CPUs, Python {machine['python']}, Node {machine['node'] or '-'}, load average "
          f"{' '.join(map(str, machine['load_at_start']))} (1, 5, 15 min; shared machine: figures fluctuate)")
    if peer is None:
        print(f"reference linter: {peer_label}")

    try:
        lint = lint_section(plan, work, peer, cpus)
        print_lint(lint, f"{peer_label} (Node)")
        print(f"  load average now {' '.join(map(str, _load()))}", flush=True)
        hook = hook_section(plan, work / f"archive-{plan.lint_counts[-1]}")
        print_hook(hook)
        print(f"  load average now {' '.join(map(str, hook['load']))}", flush=True)
        site = site_section(plan, work)
        print_site(site)
        print_index(site)
        print(f"  load average now {' '.join(map(str, site['load']))}", flush=True)
        rebuild = rebuild_section(plan, work)
        print_rebuild(rebuild)
        print(f"  load average now {' '.join(map(str, rebuild['load']))}", flush=True)
    except BenchError as exc:
        print(f"bench/run.py: {exc}", file=sys.stderr)
        return 2
    found = targets(plan, lint, hook, site, rebuild, cpus)
    print_targets(found)

    machine["load_at_end"] = _load()
    finished = datetime.now(timezone.utc)
    result = {
        "version": 1, "mode": plan.mode, "plan": asdict(plan), "started": started.isoformat(timespec="seconds"),
        "seconds": round((finished - started).total_seconds(), 1), "machine": machine,
        "lint": lint, "hook": hook, "site": site, "rebuild": rebuild, "targets": [asdict(target) for target in found],
    }
    path = args.json or BENCH / "out" / f"run-{plan.slug}-{started:%Y%m%d-%H%M%S}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n{result['seconds']:.0f} s in all; load average at the end {' '.join(map(str, machine['load_at_end']))}; "
          f"results in {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
