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
``--importtime`` adds the slowest imports of the lint run (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
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
    listed = commands(file, version=version)
    for _, command in listed:
        for _ in range(2):  # warm the page cache and write bytecode
            run_once(command, env, project)
    times: dict[str, list[float]] = {label: [] for label, _ in listed}
    for _ in range(runs):
        for label, command in listed:
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
    args = parser.parse_args()
    runs = max(10, args.runs)
    project = args.project.resolve()
    file = args.file or first_postmortem(project)
    archive_size = len(list((project / "postmortems").rglob("*.md")))
    env = measured_env(args.no_bytecode)
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


if __name__ == "__main__":
    main()
