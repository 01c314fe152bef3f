"""The pre-commit hook, end to end: real ``git`` and real ``pre-commit`` in a throw-away
repository, no network.

The hook under test is this repository's own ``.pre-commit-hooks.yaml`` entry (its id, name,
``files`` and ``exclude`` patterns), declared as a ``repo: local`` hook with
``language: system`` so that it runs the ``postmortem`` of this environment instead of
installing the package from an index. ``PRE_COMMIT_HOME`` points into the temporary folder.

Also here: cross-file checks stay exact when pre-commit passes a subset of the files, or
splits them across processes; the manifest and this repository's config are valid; and the
modules a one-file run imports (the hook's latency is mostly imports; see
``bench/hook_latency.py`` for the figures).
"""

from __future__ import annotations

import json
import re
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from postmortem.engine import Linter

from .conftest import FIXTURES, ROOT, TODAY, make_config
from .projects import ARCHIVE, PYPROJECT, git_env

BIN = Path(sys.executable).parent
PRE_COMMIT = str(BIN / "pre-commit")
POSTMORTEM = str(BIN / "postmortem")
BLAMING = "Dave pushed the broken config to production."
NEUTRAL = "A configuration change reached production without a canary stage."
BASE = "2026-01-10-card-payments-timing-out.md"


def manifest_hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(hook for hook in hooks if hook["id"] == "postmortem-lint")


class Repo:
    """A git repository with a post-mortem archive and the hook configured."""

    def __init__(self, root: Path, entry: str | None = None):
        self.root = root / "repo"
        self.root.mkdir()
        self.env = {**os.environ, **git_env(root / "home", root / "pre-commit-home")}
        arguments = manifest_hook()["entry"].removeprefix("postmortem")  # the manifest's own arguments
        hook = dict(manifest_hook(), language="system", entry=entry or f"{shlex.quote(POSTMORTEM)}{arguments}")
        # JSON is YAML: the config is written exactly as built.
        (self.root / ".pre-commit-config.yaml").write_text(
            json.dumps({"repos": [{"repo": "local", "hooks": [hook]}]}, indent=2), encoding="utf-8"
        )
        (self.root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        shutil.copy(FIXTURES / "owners.yml", self.root / "owners.yml")
        shutil.copytree(ARCHIVE, self.root / "postmortems")
        self.git("init", "-q")
        self.git("add", ".")
        self.git("commit", "-q", "--no-verify", "-m", "archive")

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=300)

    def git(self, *args: str) -> subprocess.CompletedProcess:
        done = self.run("git", *args)
        assert done.returncode == 0, done.stderr
        return done

    def pre_commit(self, *args: str) -> subprocess.CompletedProcess:
        return self.run(PRE_COMMIT, *args)

    def write(self, name: str, text: str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return name


def post_mortem(id_: str, summary_sentence: str | None = None) -> str:
    text = (ARCHIVE / BASE).read_text(encoding="utf-8").replace("PM-2026-001", id_)
    if summary_sentence:
        text = text.replace("## Summary\n\n", f"## Summary\n\n{summary_sentence}\n", 1)
    return text


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path)


def test_hook_blocks_a_blaming_post_mortem_until_it_is_fixed(repo):
    name = repo.write("postmortems/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", name)

    run = repo.pre_commit("run", "--files", name)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "postmortem lint" in run.stdout and "Failed" in run.stdout
    assert f"{name}:28:1: PM501 [error] names 'Dave' as the actor of a failure" in run.stdout

    install = repo.pre_commit("install")
    assert install.returncode == 0, install.stderr
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode != 0
    assert "PM501" in commit.stdout + commit.stderr
    assert repo.run("git", "log", "--oneline").stdout.count("\n") == 1  # nothing was committed

    repo.write(name, post_mortem("PM-2026-050", NEUTRAL))
    repo.git("add", name)
    run = repo.pre_commit("run", "--files", name)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
    commit = repo.run("git", "commit", "-m", "Add the config rollout post-mortem")
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert repo.run("git", "log", "--oneline").stdout.count("\n") == 2


def test_hook_checks_the_configured_archive_wherever_it_lives(repo):
    repo.git("mv", "postmortems", "incidents")
    (repo.root / "pyproject.toml").write_text(PYPROJECT.replace('archive = "postmortems"', 'archive = "incidents"'), encoding="utf-8")
    repo.git("add", ".")
    repo.git("commit", "-q", "--no-verify", "-m", "move the archive")
    notes = repo.write("docs/notes.md", "# Notes\n\nDave pushed the broken config.\n")
    name = repo.write("incidents/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.git("add", ".")
    only_docs = repo.pre_commit("run", "--files", notes)
    assert only_docs.returncode == 0, only_docs.stdout + only_docs.stderr  # not a post-mortem
    both = repo.pre_commit("run", "--files", notes, name)
    assert both.returncode == 1 and f"{name}:28:1: PM501" in both.stdout, both.stdout + both.stderr
    assert notes not in both.stdout


def test_hook_reads_the_archive_for_cross_file_facts_but_reports_only_the_given_files(repo):
    # Same id as a committed post-mortem that is not passed to the hook; related links to
    # one that exists (PM-2026-002) and one that does not (PM-2026-777).
    text = post_mortem("PM-2026-001").replace("related: [PM-2026-002]", "related: [PM-2026-002, PM-2026-777]")
    name = repo.write("postmortems/2026-11-21-duplicate.md", text)
    repo.git("add", name)
    run = repo.pre_commit("run", "--files", name, "--verbose")
    assert run.returncode == 1
    lines = [line for line in run.stdout.splitlines() if ": PM" in line]
    assert f"{name}:2:5: PM102 [error] id PM-2026-001 is also used by postmortems/{BASE}" in lines
    assert any("PM103" in line and "PM-2026-777" in line for line in lines)
    assert not any("PM-2026-002 does not exist" in line for line in lines)
    assert all(line.startswith(f"{name}:") for line in lines), lines  # the other file is not reported


def test_hook_stays_exact_when_pre_commit_splits_the_files_across_processes(tmp_path):
    log = tmp_path / "invocations.log"
    script = f'printf "%s\\n" "$*" >> {shlex.quote(str(log))}; exec {shlex.quote(POSTMORTEM)} lint "$@"'
    repo = Repo(tmp_path, entry=f"sh -c {shlex.quote(script)} hook")
    names = []
    for number in range(12):
        id_ = "PM-2026-060" if number in (0, 11) else f"PM-2026-{100 + number}"
        names.append(repo.write(f"postmortems/2026-11-{number + 1:02d}-incident.md", post_mortem(id_)))
    repo.git("add", *names)
    run = repo.pre_commit("run", "--files", *names)
    assert run.returncode == 1
    invocations = log.read_text(encoding="utf-8").splitlines()
    assert sorted(name for line in invocations for name in line.split()) == sorted(names)
    from pre_commit.xargs import cpu_count

    if cpu_count() > 1:
        # pre-commit's partition is deterministic: the two files with one id land in
        # different processes, and each process must still see the other file's id.
        which = [next(i for i, line in enumerate(invocations) if name in line.split()) for name in (names[0], names[11])]
        assert len(invocations) >= 2 and which[0] != which[1], invocations
    duplicates = [line for line in run.stdout.splitlines() if "PM102" in line]
    assert sorted(line.split(":")[0] for line in duplicates) == [names[0], names[11]]


def test_hook_ignores_files_outside_the_archive_and_index_pages(repo):
    repo.write("postmortems/README.md", "# About this archive\n")
    repo.write("postmortems/index.md", "Not a post-mortem.\n")
    repo.write("docs/notes.md", "No frontmatter here either.\n")
    repo.write("postmortems/owners-notes.txt", "not markdown\n")
    repo.git("add", ".")
    run = repo.pre_commit("run", "--all-files", "--verbose")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "README.md" not in run.stdout and "docs/notes.md" not in run.stdout
    assert "PM313" in run.stdout  # the archive itself was linted (overdue items are warnings)


def test_manifest_and_repository_config_are_valid():
    for command in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml")):
        done = subprocess.run([PRE_COMMIT, *command], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    hook = manifest_hook()
    assert hook["entry"] == "postmortem lint --archive-only" and hook["language"] == "python"
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"])
    assert (local["id"], local["types"], local["exclude"], local["verbose"]) == (hook["id"], hook["types"], hook["exclude"], hook["verbose"])
    assert local["entry"] == ".venv/bin/" + hook["entry"]


# --------------------------------------------------------------------------- subsets, in process


def test_linting_any_subset_gives_each_file_the_findings_of_a_full_run(tmp_path):
    archive = tmp_path / "postmortems"
    shutil.copytree(ARCHIVE, archive)
    (archive / "2026-11-22-copy.md").write_text(
        post_mortem("PM-2026-002").replace("related: [PM-2026-002]", "related: [PM-2025-014, PM-2026-404]"),
        encoding="utf-8",
    )
    files = sorted(archive.glob("*.md"))
    config = make_config(archive=archive)

    def lint(paths):
        diagnostics = Linter(config, select=["PM102", "PM103"], today=TODAY).lint_paths(paths).diagnostics
        return sorted((Path(d.path).name, d.line, d.code, d.message.split(" is also used by ")[0]) for d in diagnostics)

    full = lint(files)
    assert {code for _, _, code, _ in full} == {"PM102", "PM103"}
    halves = lint(files[: len(files) // 2]) + lint(files[len(files) // 2 :])
    singles = [d for path in files for d in lint([path])]
    assert sorted(halves) == full
    assert sorted(singles) == full


def test_a_file_linked_into_the_archive_is_not_its_own_duplicate(tmp_path):
    # A link in the archive to a file linted from elsewhere is that file, not a second
    # post-mortem with its id; a real second one is still reported.
    archive = tmp_path / "postmortems"
    archive.mkdir()
    outside = tmp_path / "drafts" / "draft.md"
    outside.parent.mkdir()
    outside.write_text(post_mortem("PM-2026-002"), encoding="utf-8")
    (archive / "draft.md").symlink_to(outside)
    (archive / "other.md").write_text(post_mortem("PM-2026-002"), encoding="utf-8")
    config = make_config(archive=archive)
    found = Linter(config, select=["PM102"], today=TODAY).lint_paths([outside]).diagnostics
    assert [Path(d.message.split(" is also used by ")[1]).name for d in found] == ["other.md"]


# --------------------------------------------------------------------------- what a run imports


HEAVY = ("jsonschema", "markdown_it", "ruamel.yaml", "lemminflect", "numpy", "postmortem.metrics")


def imported_by(*argv: str, cwd: Path = ROOT) -> list[str]:
    code = (
        "import sys\n"
        "from postmortem.cli import main\n"
        f"sys.argv = ['postmortem', *{list(argv)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('IMPORTED', [m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)
    line = next(line for line in done.stdout.splitlines() if line.startswith("IMPORTED"))
    return eval(line.removeprefix("IMPORTED "))  # noqa: S307 - our own output


def test_commands_that_read_no_post_mortem_import_no_parser_or_validator():
    assert imported_by("--version") == []
    assert imported_by("rules") == []
    assert imported_by("explain", "PM101") == []


def test_jsonschema_is_imported_only_for_an_invalid_frontmatter(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.postmortem]\narchive = \".\"\n", encoding="utf-8")
    (tmp_path / "no-frontmatter.md").write_text("## Summary\n\nText.\n", encoding="utf-8")
    (tmp_path / "broken-frontmatter.md").write_text("---\nid: [unclosed\n---\n\n## Summary\n", encoding="utf-8")
    assert "jsonschema" not in imported_by("lint", "no-frontmatter.md", cwd=tmp_path)
    assert "jsonschema" not in imported_by("lint", "broken-frontmatter.md", cwd=tmp_path)
    shutil.copy(ARCHIVE / BASE, tmp_path / BASE)
    # a valid frontmatter is checked without it (postmortem.rules._schema_valid); jsonschema
    # reports the errors of an invalid one
    assert "jsonschema" not in imported_by("lint", BASE, cwd=tmp_path)
    text = (tmp_path / BASE).read_text(encoding="utf-8")
    (tmp_path / BASE).write_text(text.replace("severity: SEV", "severity: high-SEV", 1), encoding="utf-8")
    assert "jsonschema" in imported_by("lint", BASE, cwd=tmp_path)


def test_a_one_file_run_on_a_valid_post_mortem_loads_neither_jsonschema_nor_the_metrics():
    # the hook's usual case: what it does not need, it does not import
    imported = imported_by("lint", str(ARCHIVE / BASE))
    assert "ruamel.yaml" in imported and "markdown_it" in imported
    assert "jsonschema" not in imported and "postmortem.metrics" not in imported


# --------------------------------------------------------------------------- the pull-request workflow


WORKFLOW = ROOT / ".github" / "workflows" / "postmortems.yml"


def workflow_step(job: str, name: str) -> dict:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return next(step for step in jobs[job]["steps"] if step.get("name") == name)


def test_workflow_jobs():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request", "push", "workflow_dispatch"}  # YAML 1.1 reads `on` as True
    jobs = workflow["jobs"]
    assert jobs["lint"]["permissions"] == {"contents": "read"}
    assert jobs["archive"]["permissions"]["security-events"] == "write"
    assert jobs["archive"]["strategy"]["matrix"]["shard"] == list(range(1, int(jobs["archive"]["env"]["SHARDS"]) + 1))
    assert workflow_step("archive", "Upload SARIF to code scanning")["with"]["sarif_file"] == "postmortem.sarif"
    assert workflow_step("site", "Build the site")["run"] == "python -m mkdocs build --strict"
    assert workflow_step("site", "Upload the site for GitHub Pages")["with"]["path"] == "site"
    assert jobs["deploy"]["needs"] == "site"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_workflow_is_hardened():
    """Actions pinned to commit SHAs, no persisted credentials, least permissions per job."""
    assert_hardened(WORKFLOW.read_text(encoding="utf-8"))


def assert_hardened(text: str) -> None:
    """The checks of a hardened workflow (also run on the one `postmortem init` writes)."""
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
        for step in job["steps"]:
            uses = step.get("uses")
            if uses:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), uses
            if uses and uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
    assert "${{ matrix" not in "".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])


def test_workflow_lints_exactly_the_changed_post_mortems(repo):
    """Run the workflow's own shell steps in a repository with a pull-request branch."""
    repo.git("branch", "-M", "main")
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    repo.git("checkout", "-q", "-b", "feature")
    changed = repo.write("postmortems/2026-11-20-config-rollout.md", post_mortem("PM-2026-050", BLAMING))
    repo.write("postmortems/README.md", "# About\n")
    repo.write("docs/notes.md", "notes\n")
    repo.git("add", ".")
    repo.git("commit", "-q", "--no-verify", "-m", "feature")
    env = {**repo.env, "BASE_REF": "main", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}

    def step(name: str, job: str = "lint", **extra_env) -> subprocess.CompletedProcess:
        script = "set -eo pipefail\n" + workflow_step(job, name)["run"]
        return subprocess.run(["bash", "-c", script], cwd=repo.root, env={**env, **extra_env}, capture_output=True, text=True, timeout=300)

    found = step("Find changed post-mortems")
    assert found.returncode == 0, found.stderr
    assert (repo.root / "changed.txt").read_text(encoding="utf-8") == f"{changed}\n"
    lint = step("Lint changed post-mortems")
    assert lint.returncode != 0
    assert f"::error file={changed},line=28,col=1," in lint.stdout and "title=PM501::" in lint.stdout
    results = []
    for shard in ("1", "2"):
        sarif = step("Lint the archive as SARIF", job="archive", SHARD=shard, SHARDS="2")
        assert sarif.returncode == 0, sarif.stderr
        results += json.loads((repo.root / "postmortem.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert any(r["ruleId"] == "PM501" for r in results)

    (repo.root / "changed.txt").write_text("", encoding="utf-8")
    quiet = step("Lint changed post-mortems")
    assert quiet.returncode == 0 and "No post-mortem changed." in quiet.stdout
