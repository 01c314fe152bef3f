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
measured processes, and each command runs twice before timing); ``--no-bytecode`` measures
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


def measure(command: list[str], runs: int, env: dict, cwd: Path = ROOT) -> list[float]:
    for _ in range(2):  # warm the page cache and write bytecode
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return times


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
    python = sys.executable
    postmortem = str(Path(python).with_name("postmortem"))
    project = args.project.resolve()
    file = args.file or os.path.relpath(sorted((project / "postmortems").glob("*.md"))[0], project)
    archive_size = len(list((project / "postmortems").rglob("*.md")))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / "bench" / "out" / "no-pycache")  # empty: nothing cached
    commands = [
        ("python -c pass", [python, "-c", "pass"]),
        ("import click, jsonschema, ruamel.yaml, markdown_it",
         [python, "-c", "import click, jsonschema, ruamel.yaml, markdown_it"]),
        ("postmortem --version", [postmortem, "--version"]),
        (f"postmortem lint {file}", [postmortem, "lint", file]),
    ]
    print(f"{runs} runs each, {'without' if args.no_bytecode else 'with'} cached bytecode, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, archive of {archive_size} files")
    results = {}
    width = max(len(label) for label, _ in commands)
    print(f"{'command':<{width}}  median ms  p90 ms")
    for label, command in commands:
        times = measure(command, runs, env, cwd=project)
        results[label] = statistics.median(times)
        print(f"{label:<{width}}  {statistics.median(times):9.0f}  {p90(times):6.0f}")
    lint = results[commands[-1][0]]
    print(f"lint minus bare interpreter: {lint - results['python -c pass']:.0f} ms; "
          f"lint minus the stack's imports: {lint - results[commands[1][0]]:.0f} ms")
    if args.importtime:
        print("\nslowest imports of the lint run (cumulative ms):")
        for micros, name in importtime(python, file, env, 12, cwd=project):
            print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
