"""Time and memory of a lint at and beyond every input limit.

Each case is a post-mortem built to cost the most the limits allow (or to break them), and
is linted with every rule in a fresh process, so that the peak resident memory printed is
that case's alone::

    python bench/limits.py               # every case
    python bench/limits.py bomb cells    # only these

The limits themselves (README, "Limits and fuzzing"): 1 MiB per file (``max-file-size``),
10,000 lines, 50,000 Markdown markup characters, 64 KiB of frontmatter nested at most 32
levels and expanding to at most 5,000 values.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "tests" / "fixtures" / "complete.md").read_bytes()
HEAD = EXAMPLE[: EXAMPLE.index(b"\n---\n", 4) + 5]
MIB = 1024 * 1024


def _fill(unit: bytes, size: int) -> bytes:
    return unit * (size // len(unit))


def _cases() -> dict[str, object]:
    """name -> a function building the case (so that a run builds only its own)."""
    room = MIB - len(HEAD) - 64
    lines = 10_000 - HEAD.count(b"\n") - 10  # just under the line limit
    bomb = b"---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
        b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 10)) for i in range(1, 10)
    ) + b"---\n"
    return {
        "typical": lambda: EXAMPLE,
        "bomb": lambda: bomb,
        "deep-flow": lambda: b"---\nimpact: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\n",
        "deep-block": lambda: b"---\n" + b"".join(b" " * d + b"k:\n" for d in range(350)) + b"---\n",
        "frontmatter-64k": lambda: b"---\n" + b"".join(b"k%04d: [%s]\n" % (i, b"v" * 40) for i in range(1_300)) + b"---\n",
        "50mb": lambda: HEAD + _fill(b"log line pasted from a terminal\n", 50 * MIB),
        "5mb-line": lambda: HEAD + b"\n" + _fill(b"word ", 5 * MIB) + b"\n",
        "1mb-line-prose": lambda: HEAD + b"\n" + _fill(b"The pool kept stale connections. ", room) + b"\n",
        "1mb-line-punctuation": lambda: HEAD + b"\n" + _fill(b":", room) + b"\n",
        "1mb-blame-prose": lambda: HEAD + b"\n## Summary\n\n" + _fill(b"Dave should have restarted the pods, obviously. ", room) + b"\n",
        "markup-images": lambda: HEAD + b"\n" + _fill(b"![", 49_000) + _fill(b"a", room - 49_000) + b"\n",
        "markup-brackets": lambda: HEAD + b"\n" + _fill(b"[", 49_000) + b"\n",
        "markup-emphasis": lambda: HEAD + b"\n" + _fill(b"*_", 49_000) + b"\n",
        "cells": lambda: HEAD + b"\n## Timeline\n\n| Time | Event | Actor | Notes |\n|---|---|---|---|\n"
        + b"| 25:00 UTC | x | y | z |\n" * 9_900,
        "wide-table": lambda: HEAD + b"\n## Timeline\n\n| " + b"a | " * 1_000 + b"\n|" + b"---|" * 1_000 + b"\n"
        + (b"|" + b"x|" * 1_000 + b"\n") * 46,
        "100k-rows": lambda: HEAD + b"\n## Timeline\n\n| Time | Event |\n|---|---|\n" + b"|1|x|\n" * 100_000,
        "1mb-of-cells": lambda: HEAD + b"\n## Timeline\n\n| " + b"a | " * 50 + b"\n|" + b"---|" * 50 + b"\n"
        + (b"|" + b"x|" * 50 + b"\n") * 9_000,
        "actions": lambda: HEAD + b"\n## Action Items\n\n| ID | Action | Category | Owner | Priority | Due | Status |\n"
        b"|---|---|---|---|---|---|---|\n" + b"| A1 | Improve monitoring | Detect | nobody | p1 | 2026/1/1 | Open |\n" * 6_000,
        "10k-lines": lambda: HEAD + b"\n" + b"Text.\n\n" * (lines // 2),
        "10k-headings": lambda: HEAD + b"\n" + b"## Summary\n" * lines,
        "invalid-utf8": lambda: HEAD + _fill(b"x", room) + b"\xff",
    }


def _peak_mb() -> float:
    """Peak resident memory of this process. Linux's VmHWM starts afresh at exec; ru_maxrss
    carries the parent's peak over, so it is only the fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(name: str, path: Path) -> dict:
    """Lint one case file in this process (a fresh one: the peak memory is the case's)."""
    from postmortem.config import Config
    from postmortem.engine import Linter
    from postmortem.parse import parse_file

    linter = Linter(Config(root=ROOT, owners="tests/fixtures/owners.yml"))
    start = time.perf_counter()
    doc = parse_file(path, f"{name}.md", linter.limits)
    parsed = time.perf_counter()
    diagnostics = linter.lint_documents([doc]).diagnostics
    done = time.perf_counter()
    first = next((d for d in diagnostics if d.code in ("PM001", "PM002")), None)
    return {
        "case": name,
        "bytes": path.stat().st_size,
        "parse": parsed - start,
        "lint": done - parsed,
        "peak_mb": _peak_mb(),
        "findings": len(diagnostics),
        "answer": f"{first.code} {first.message}" if first else f"{len(diagnostics)} findings",
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(_measure(argv[1], Path(argv[2]))))
        return 0
    cases = _cases()
    names = argv or list(cases)
    print(f"{'case':22} {'bytes':>11} {'parse s':>8} {'lint s':>7} {'peak MB':>8}  answer")
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            path = Path(folder) / f"{name}.md"
            path.write_bytes(cases[name]())
            proc = subprocess.run([sys.executable, __file__, "--one", name, str(path)],
                                  capture_output=True, text=True, cwd=ROOT)
            path.unlink()
            if proc.returncode:
                print(f"{name:22} FAILED\n{proc.stderr}")
                continue
            row = json.loads(proc.stdout)
            print(f"{row['case']:22} {row['bytes']:>11,} {row['parse']:>8.2f} {row['lint']:>7.2f} "
                  f"{row['peak_mb']:>8.0f}  {row['answer'][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
