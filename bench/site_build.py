"""Build time of the archive site against the size of the archive.

    python bench/site_build.py --counts 100 500

For each count, writes a synthetic archive with ``bench/generate.py`` and runs the real
``mkdocs build --strict`` on it (lint errors allowed: the generator plants a few findings),
then prints the wall time, the time per post-mortem and the size of the output. With the
small explicit navigation the time per post-mortem should stay flat as the archive grows;
a navigation listing every post-mortem would make it grow with the archive.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(count: int, work: Path) -> tuple[float, int]:
    out = work / f"archive-{count}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--count", str(count), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    config = out / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        "plugins:\n  - search\n  - tags\n  - postmortem-archive:\n"
        f"      source: {out / 'postmortems'}\n      pyproject: {out / 'pyproject.toml'}\n      allow_lint_errors: true\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "POSTMORTEM_TODAY": "2026-11-23"}
    site = out / "site"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)],
        check=True,
        cwd=ROOT,
        env=env,
    )
    elapsed = time.perf_counter() - start
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return elapsed, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 500], help="archive sizes (default 100 500)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pm-site-bench-") as work:
        print(f"{'post-mortems':>12}  {'seconds':>8}  {'ms each':>8}  {'site MB':>8}")
        for count in args.counts:
            elapsed, size = build(count, Path(work))
            print(f"{count:>12}  {elapsed:>8.1f}  {1000 * elapsed / count:>8.1f}  {size / 1e6:>8.1f}")


if __name__ == "__main__":
    main()
