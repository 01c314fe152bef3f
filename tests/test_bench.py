"""``bench/run.py --smoke`` runs end to end: every section measured, printed and written.

Keeps the benchmark harness from rotting. No timing is asserted: the figures of a shared
machine say nothing here; the targets are judged by the benchmark itself.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from .conftest import ROOT


def test_smoke_run_prints_and_writes_every_figure(tmp_path):
    out = tmp_path / "result.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--work", str(tmp_path / "work"), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["mode"] == "smoke"

    for size in result["lint"]["sizes"].values():
        assert set(size["tools"]) == {"serial", "parallel"}  # no reference linter in a smoke run
        for figure in size["tools"].values():
            assert figure["seconds"] > 0 and figure["files_per_second"] > 0
            assert figure["rss_largest_bytes"] > 10_000_000  # a Python process holds more than 10 MB
    assert [int(n) for n in result["lint"]["sizes"]] == list(result["plan"]["lint_counts"])

    hook = result["hook"]
    assert len(hook["commands"]) == 3 and hook["lint_label"].startswith("postmortem lint ")
    assert all(len(figure["all_ms"]) == hook["runs"] for figure in hook["commands"].values())
    assert hook["generated"]["slowest"] in hook["generated"]["files"]

    for size in result["site"]["sizes"].values():
        assert set(size["builds"]) == {"ours", "plain"}
        ours, plain = size["builds"]["ours"], size["builds"]["plain"]
        assert ours["site_files"] > plain["site_files"] > size["postmortems"]  # a page per post-mortem, at least
        assert ours["search_index"] and plain["search_index"]
    assert set(result["site"]["growth"]) == {"ours", "plain"}

    statuses = {target["name"]: target["status"] for target in result["targets"]}
    assert statuses[next(name for name in statuses if "markdownlint" in name)] == "SKIP"
    assert all(status in {"PASS", "MISS"} for name, status in statuses.items() if "markdownlint" not in name)
    for target in result["targets"]:
        assert f"{target['status']:<4}  {target['name']}:" in done.stdout
    for heading in ("1. Lint throughput", "2. One-file hook latency", "3. Site build", "4. Search index", "5. Targets"):
        assert heading in done.stdout
    assert "load average" in done.stdout


def test_plain_build_is_the_same_pages_without_the_plugin(tmp_path):
    import yaml

    spec = importlib.util.spec_from_file_location("bench_site_build", ROOT / "bench" / "site_build.py")
    site_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site_build)

    archive = site_build.generate(4, tmp_path)
    ours = yaml.safe_load(site_build.write_config(archive).read_text(encoding="utf-8"))
    plain = yaml.safe_load(site_build.write_plain_config(archive).read_text(encoding="utf-8"))
    names = lambda config: [entry if isinstance(entry, str) else next(iter(entry)) for entry in config["plugins"]]  # noqa: E731
    assert site_build.PLUGIN in names(ours) and site_build.PLUGIN not in names(plain)
    assert [name for name in names(ours) if name != site_build.PLUGIN] == names(plain)
    assert ours["theme"] == plain["theme"] and ours["markdown_extensions"] == plain["markdown_extensions"]
    options = next(entry[site_build.PLUGIN] for entry in ours["plugins"] if isinstance(entry, dict) and site_build.PLUGIN in entry)
    assert options["source"] == str(archive / "postmortems")
    copied = sorted(path.name for path in (archive / "plain" / "docs" / "postmortems").iterdir())
    assert copied == sorted(path.name for path in (archive / "postmortems").glob("*.md"))
