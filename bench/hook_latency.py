"""Latency of a one-file lint, as the pre-commit hook runs it.

A pre-commit run usually checks one or two post-mortems, so its wall time is mostly
interpreter start-up and imports. This prints the median (and p90) wall time of::

    python -c pass                                                   (the floor)
    python -c "import click, jsonschema, ruamel.yaml, markdown_it"   (the stack's imports)
    postmortem --version                                             (the CLI alone)
    postmortem lint FILE                                             (the hook's work)

    python bench/hook_latency.py                       # 15 runs each, a bundled post-mortem
    python bench/hook_latency.py --runs 30 --file postmortems/x.md --importtime
    python bench/generate.py --count 2000 --out bench/out/archive-2000
    python bench/hook_latency.py --project bench/out/archive-2000   # one file of a large archive

A one-file run still reads the id of every post-mortem in the archive (for duplicate ids and
related links), so ``--project`` with a generated archive shows how that grows.

Run it from the repository root with the project's virtual environment. Bytecode is
written and used as in a normal installation (PYTHONDONTWRITEBYTECODE is cleared for the
measured processes, and each command runs twice before timing; the timed runs go round the
commands in turn, so a burst of load hits them alike); ``--no-bytecode`` measures
the cold case where no module has cached bytecode and every import compiles its source.
``--importtime`` adds the slowest imports of the lint run (``python -X importtime``); the
rule modules, imported with ``importlib``, are not in Python's list, so it ends with the
modules the run imports in all (``sys.modules``). ``--cache`` also times ``postmortem lint
--cache FILE`` with the archive's index of ids warm in the cache folder but not the file's
findings (as the hook runs: on a file just edited, whose findings cannot be cached; they
are deleted before each run), interleaved with the plain run, and reports the two side by
side: the figures above are always those of the plain run. ``--git`` first commits the
project to a git repository of its own when it has none (``git init``, one commit; kept for
the next run), as a team's archive is: with the cache, a large archive's index then asks
git which files changed (README, "Large archives").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(command: list[str], env: dict, cwd: Path = ROOT) -> float:
    """Wall time of one run of ``command``, in ms."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * 0.9
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def importtime(python: str, file: str, env: dict, top: int, cwd: Path = ROOT) -> list[tuple[int, str]]:
    code = (
        "import sys; from postmortem.cli import main; "
        f"sys.argv = ['postmortem', 'lint', {file!r}]; main()"
    )
    done = subprocess.run([python, "-X", "importtime", "-c", code], cwd=cwd, env=env,
                          capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        if name.startswith(" ") and not name.startswith("  "):  # imported by the program itself
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def measured_env(no_bytecode: bool = False) -> dict:
    """The environment of the measured processes: cached bytecode on, unless ``no_bytecode``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / "bench" / "out" / "no-pycache")  # empty: nothing cached
    return env


def imported_modules(python: str, file: str, env: dict, cwd: Path = ROOT) -> int:
    """How many modules ``postmortem lint FILE`` has imported when it ends."""
    code = (
        "import atexit, sys; atexit.register(lambda: print('MODULES', len(sys.modules), file=sys.stderr)); "
        f"from postmortem.cli import main; sys.argv = ['postmortem', 'lint', {file!r}]; main()"
    )
    done = subprocess.run([python, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    return int(next(line for line in done.stderr.splitlines() if line.startswith("MODULES")).split()[1])


def cached_latencies(project: Path, file: str, runs: int, env: dict) -> dict[str, list[float]]:
    """Wall times in ms of ``postmortem lint FILE`` and ``postmortem lint --cache FILE``, in
    turn; the warm-up runs fill the cache folder, so the timed ``--cache`` runs read the
    archive's index of ids from it; the file's findings are deleted before each of them."""
    lint = commands(file, version=False)[-1][1]
    listed = [(" ".join(["postmortem", *lint[1:]]), lint), ("postmortem lint --cache " + file, [*lint[:2], "--cache", file])]

    def before(label: str) -> None:
        if label == listed[1][0]:
            forget_findings(project)

    return interleaved(listed, project, runs, env, before)


CACHE = ".postmortem_cache"  # the cache folder of a project that does not set cache-dir


def forget_findings(project: Path) -> None:
    """Delete the findings kept in ``project``'s cache folder (one folder per first two
    characters of their keys), keeping the archive's index of ids: a hook run lints a file
    just edited, whose findings are never in the cache."""
    cache = project / CACHE
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.is_dir() and len(entry.name) == 2:
                shutil.rmtree(entry)


def commit_to_git(project: Path) -> bool:
    """Make ``project`` a git repository of its own with every file committed, unless it
    is one already (then its files are added and committed again when they changed; a
    regenerated archive rewrites every file). False when git is not there."""
    if shutil.which("git") is None:
        return False
    quiet = {"cwd": project, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q"], check=True, **quiet)
    subprocess.run(["git", "add", "-A"], check=True, **quiet)  # also refreshes the index's view of rewritten files
    subprocess.run(["git", *identity, "commit", "-q", "--no-verify", "-m", "archive"], **quiet)  # nothing to commit: fine
    # Files written in the second the index was written are "racily clean": git would compare
    # their content at every look. A refresh a second later records them as a team's index does.
    time.sleep(1.1)
    subprocess.run(["git", "update-index", "-q", "--refresh"], **quiet)
    return subprocess.run(["git", "diff-index", "--quiet", "HEAD"], **quiet).returncode == 0


def first_postmortem(project: Path) -> str:
    """The first post-mortem of ``project``'s archive, relative to the project."""
    return os.path.relpath(sorted((project / "postmortems").glob("*.md"))[0], project)


PASS = "python -c pass"
IMPORTS = "import click, jsonschema, ruamel.yaml, markdown_it"
VERSION = "postmortem --version"


def commands(file: str, python: str = sys.executable, version: bool = True) -> list[tuple[str, list[str]]]:
    """(label, argv) of the measured commands; the lint run comes last."""
    postmortem = str(Path(python).with_name("postmortem"))
    listed = [(PASS, [python, "-c", "pass"]), (IMPORTS, [python, "-c", IMPORTS])]
    if version:
        listed.append((VERSION, [postmortem, "--version"]))
    listed.append((f"postmortem lint {file}", [postmortem, "lint", file]))
    return listed


def latencies(project: Path, file: str, runs: int, env: dict, version: bool = True) -> dict[str, list[float]]:
    """Wall times in ms of each of ``commands``, run in ``project``: each twice to warm up, then
    ``runs`` rounds of one run each, so that a burst of load elsewhere hits every command alike."""
    return interleaved(commands(file, version=version), project, runs, env)


def interleaved(listed: list[tuple[str, list[str]]], project: Path, runs: int, env: dict,
                before=None) -> dict[str, list[float]]:
    """Wall times in ms of each (label, argv) of ``listed``, run in ``project``: each twice to
    warm up (the page cache, bytecode, a cache folder), then ``runs`` rounds of one run each;
    ``before(label)``, when given, is called before each timed run, untimed."""
    for _, command in listed:
        for _ in range(2):
            run_once(command, env, project)
    times: dict[str, list[float]] = {label: [] for label, _ in listed}
    for _ in range(runs):
        for label, command in listed:
            if before is not None:
                before(label)
            times[label].append(run_once(command, env, project))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (at least 10)")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="folder with pyproject.toml and postmortems/ to lint in (default: this repository)")
    parser.add_argument("--file", default=None, help="post-mortem to lint, relative to the project (default: its first)")
    parser.add_argument("--no-bytecode", action="store_true", help="measure without cached bytecode")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports of the lint run")
    parser.add_argument("--cache", action="store_true",
                        help="also time the lint run with --cache, the archive's index warm (reported apart)")
    parser.add_argument("--git", action="store_true",
                        help="first commit the project to a git repository of its own when it has none")
    args = parser.parse_args()
    runs = max(10, args.runs)
    project = args.project.resolve()
    file = args.file or first_postmortem(project)
    archive_size = len(list((project / "postmortems").rglob("*.md")))
    env = measured_env(args.no_bytecode)
    if args.git and not commit_to_git(project):
        parser.error("--git: git is not installed, or the project could not be committed")
    print(f"{runs} runs each, {'without' if args.no_bytecode else 'with'} cached bytecode, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, archive of {archive_size} files")
    measured = latencies(project, file, runs, env)
    width = max(len(label) for label in measured)
    print(f"{'command':<{width}}  median ms  p90 ms")
    results = {}
    for label, times in measured.items():
        results[label] = statistics.median(times)
        print(f"{label:<{width}}  {statistics.median(times):9.0f}  {p90(times):6.0f}")
    lint = results[list(measured)[-1]]
    print(f"lint minus bare interpreter: {lint - results[PASS]:.0f} ms; "
          f"lint minus the stack's imports: {lint - results[IMPORTS]:.0f} ms")
    if args.importtime:
        print("\nslowest imports of the lint run (cumulative ms):")
        for micros, name in importtime(sys.executable, file, env, 12, cwd=project):
            print(f"  {micros / 1000:7.1f}  {name}")
        print(f"modules imported in all (the rule modules among them): {imported_modules(sys.executable, file, env, project)}")
    if args.cache:
        cached = cached_latencies(project, file, runs, env)
        plain, warm = (statistics.median(times) for times in cached.values())
        print(f"\nwith --cache (the archive's index warm, the file's findings deleted before each run), "
              f"interleaved with the plain run ({runs} runs each):")
        wide = max(len(label) for label in cached)
        for label, times in cached.items():
            print(f"{label:<{wide}}  {statistics.median(times):9.0f}  {p90(times):6.0f}")
        print(f"--cache / plain: {warm / plain:.2f}")


if __name__ == "__main__":
    main()
