"""``postmortem init`` in throw-away repositories: what it writes, that it never overwrites,
that a second run changes nothing, the lines it prints for files that exist, and that what
it writes works (the linter passes, the hook and the workflow's steps run, the site builds).

Also here: the repository's own CI workflow is the workflow template rendered for this
repository's configuration (`python -m tests.test_init` rewrites it after a change to the
template), and a hook run whose files are all outside the archive says so in one line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
import yaml

from postmortem.init import render_workflow

from .conftest import ROOT
from .projects import git_env
from .test_precommit import PRE_COMMIT, assert_hardened, manifest_hook

BIN = Path(sys.executable).parent
POSTMORTEM = str(BIN / "postmortem")
NOW = "2026-11-20T10:00:00+00:00"
# This repository's own workflow: installed from the checkout, pip's cache keyed by pyproject.toml.
OWN_WORKFLOW = dict(archive="postmortems", package="-e .", site_package="-e '.[site]'", cache_dependency_path="pyproject.toml")
WORKFLOW = ROOT / ".github" / "workflows" / "postmortems.yml"
WRITTEN = [
    "postmortem.toml",
    "postmortems/owners.yml",
    "mkdocs.yml",
    "docs/index.md",
    ".pre-commit-config.yaml",
    ".github/workflows/postmortems.yml",
]


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, **git_env(home, home / "pre-commit-home"), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}


def run(cwd: Path, *command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def init(root: Path, *options: str) -> subprocess.CompletedProcess:
    return run(root, POSTMORTEM, "init", *options)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def section(output: str, title: str) -> list[str]:
    """The paths listed under a heading of the report (Created:, Skipped ...:)."""
    lines = output.splitlines()
    if not any(line.startswith(title) for line in lines):
        return []
    start = next(i for i, line in enumerate(lines) if line.startswith(title)) + 1
    paths = []
    for line in lines[start:]:
        if not line.strip():
            break
        if not line.startswith("   "):  # a description alone on its line is indented further
            paths.append(line.split()[0])
    return paths


def copied_block(output: str, after: str) -> str:
    """The lines the report sets off for copying after the step that mentions ``after``."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line and re.match(r"\s+\d+\. ", line))
    block = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        block.append(line)
    return textwrap.dedent("\n".join(block)) + "\n"


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    run(root, "git", "init", "-q")
    return root


# --------------------------------------------------------------------------- a fresh repository


def test_init_writes_every_file_and_says_what_is_left(repo):
    done = init(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in WRITTEN:
        assert (repo / name).is_file(), name
    examples = sorted((repo / "postmortems").glob("*.md"))
    assert len(examples) == 1
    created = section(done.stdout, "Created:")
    assert set(created) == {*WRITTEN, "postmortems/", "docs/", examples[0].relative_to(repo).as_posix()}
    assert section(done.stdout, "Skipped") == []
    left = done.stdout.split("Left to do:", 1)[1]
    assert "pre-commit install" in left and "mkdocs serve" in left and "http://127.0.0.1:8000/postmortems/" in left
    assert "postmortem import" in left and "postmortem-toolchain==" in left
    assert "add the line `site/` to .gitignore" in left
    (repo / ".gitignore").write_text("/site/\n", encoding="utf-8")
    assert ".gitignore" not in init(repo).stdout

    config = tomllib.loads((repo / "postmortem.toml").read_text(encoding="utf-8"))
    assert config == {"archive": "postmortems", "owners": "postmortems/owners.yml", "fail-on": "error"}
    owners = yaml.safe_load((repo / "postmortems" / "owners.yml").read_text(encoding="utf-8"))["owners"]
    assert owners and all(re.fullmatch(r"[a-z][a-z-]*", name) for name in owners)
    site = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    assert site["theme"]["name"] == "material" and site["theme"]["font"] is False
    assert site["plugins"] == ["search", {"tags": {"export": False}}, {"postmortem-archive": {"mount": "postmortems"}}]
    assert "(postmortems/index.md)" in (repo / "docs" / "index.md").read_text(encoding="utf-8")


def test_no_example_leaves_the_archive_empty(repo):
    done = init(repo, "--no-example")
    assert done.returncode == 0
    assert (repo / "postmortems" / "owners.yml").is_file() and not list((repo / "postmortems").glob("*.md"))
    assert "example" not in " ".join(section(done.stdout, "Created:"))


def test_the_example_is_the_new_template_and_passes_the_linter(repo):
    assert init(repo).returncode == 0
    [example] = (repo / "postmortems").glob("*.md")
    text = example.read_text(encoding="utf-8")
    assert "status: draft" in text and "{{" in text  # postmortem new's template, placeholders to fill
    assert "Example: slow page loads for some users" in text
    lint = run(repo, POSTMORTEM, "lint")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "[error]" not in lint.stdout
    assert "no owner registry" not in lint.stderr  # the registry was found where init put it


def test_a_second_run_changes_nothing_and_skips_everything(repo):
    first = init(repo)
    before = snapshot(repo)
    second = init(repo)
    assert second.returncode == 0, second.stdout + second.stderr
    assert snapshot(repo) == before
    assert section(second.stdout, "Created:") == []
    skipped = section(second.stdout, "Skipped")
    assert {"postmortem.toml", "postmortems/", "postmortems/owners.yml", "mkdocs.yml", ".pre-commit-config.yaml",
            ".github/workflows/postmortems.yml"} == set(skipped)
    assert "1 post-mortem" in second.stdout  # the archive holds the example: no second one
    assert "Left to do:" in second.stdout and first.stdout != second.stdout


def test_help_names_every_option_and_file():
    done = run(ROOT, POSTMORTEM, "init", "--help")
    assert done.returncode == 0
    for words in ("--root", "--archive", "--example / --no-example", "--mount", "--package", "postmortem.toml",
                  "owners.yml", "mkdocs.yml", ".pre-commit-config.yaml", ".github/workflows/postmortems.yml",
                  "never changes a file"):
        assert words in done.stdout, words
    assert "postmortem init" in run(ROOT, POSTMORTEM, "--help").stdout


# --------------------------------------------------------------------------- files that exist


HOST_MKDOCS = "site_name: Team handbook\ntheme:\n  name: material\nnav:\n  - Home: index.md\n  - About: about.md\n"


def test_an_existing_site_is_never_changed_and_the_lines_to_add_are_printed(repo):
    (repo / "mkdocs.yml").write_text(HOST_MKDOCS, encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text("# Handbook\n", encoding="utf-8")
    done = init(repo)
    assert done.returncode == 0
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == HOST_MKDOCS
    assert (repo / "docs" / "index.md").read_text(encoding="utf-8") == "# Handbook\n"
    assert "mkdocs.yml" in section(done.stdout, "Skipped")
    block = copied_block(done.stdout, "mkdocs.yml")
    assert block == "plugins:\n  - search\n  - tags:\n      export: false\n  - postmortem-archive:\n      mount: postmortems\n"
    applied = yaml.safe_load(HOST_MKDOCS + block)
    assert applied["plugins"][-1] == {"postmortem-archive": {"mount": "postmortems"}}
    assert "add `font: false` under `theme:` in mkdocs.yml" in done.stdout  # no font service


def test_a_site_without_web_fonts_is_not_asked_for_them(repo):
    (repo / "mkdocs.yml").write_text(HOST_MKDOCS.replace("  name: material\n", "  name: material\n  font: false\n"), encoding="utf-8")
    assert "font: false" not in init(repo).stdout


def test_items_missing_from_an_existing_plugin_list_are_printed(repo):
    (repo / "mkdocs.yml").write_text(HOST_MKDOCS + "plugins:\n  - search\n", encoding="utf-8")
    done = init(repo, "--mount", "incidents")
    block = copied_block(done.stdout, "under `plugins:`")
    assert block == "- tags:\n    export: false\n- postmortem-archive:\n    mount: incidents\n"
    applied = yaml.safe_load(HOST_MKDOCS + "plugins:\n  - search\n" + textwrap.indent(block, "  "))
    assert applied["plugins"] == ["search", {"tags": {"export": False}}, {"postmortem-archive": {"mount": "incidents"}}]


def test_a_site_that_uses_the_plugin_already_needs_nothing_and_another_theme_is_named(repo):
    text = "site_name: x\ntheme: readthedocs\nplugins:\n  - tags\n  - postmortem-archive\nmarkdown_extensions:\n  - x:\n      f: !!python/name:os.getcwd\n"
    (repo / "mkdocs.yml").write_text(text, encoding="utf-8")
    done = init(repo)
    assert "it uses the postmortem-archive plugin already" in done.stdout
    assert "Use Material for MkDocs in mkdocs.yml (`theme: name: material`)" in done.stdout and "'readthedocs'" in done.stdout
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == text


def test_an_existing_pre_commit_config_gets_the_entry_to_add(repo):
    existing = "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v5.0.0\n    hooks:\n      - id: check-yaml\n"
    (repo / ".pre-commit-config.yaml").write_text(existing, encoding="utf-8")
    done = init(repo)
    assert (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8") == existing
    block = copied_block(done.stdout, ".pre-commit-config.yaml")
    combined = existing + textwrap.indent(block, "  ")
    hooks = [hook for repo_ in yaml.safe_load(combined)["repos"] for hook in repo_["hooks"]]
    assert [hook["id"] for hook in hooks] == ["check-yaml", "postmortem-lint"]
    (repo / ".pre-commit-config.yaml").write_text(combined, encoding="utf-8")
    again = init(repo)
    assert "it runs the postmortem-lint hook already" in again.stdout


def test_existing_files_are_never_overwritten(repo):
    mine = {
        "postmortem.toml": 'archive = "postmortems"\n# mine\n',
        "postmortems/owners.yml": "owners:\n  my-team: mine\n",
        ".github/workflows/postmortems.yml": "name: mine\n",
        ".pre-commit-config.yaml": "repos: []\n",
    }
    for name, text in mine.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    done = init(repo)
    assert done.returncode == 0
    for name, text in mine.items():
        assert (repo / name).read_text(encoding="utf-8") == text, name
        assert name in section(done.stdout, "Skipped"), name


@pytest.mark.parametrize("pyproject, writes_toml", [
    ('[project]\nname = "service"\n', True),
    ('[project]\nname = "service"\n\n[tool.postmortem]\narchive = "incidents"\n', False),
])
def test_a_pyproject_is_read_and_never_edited(repo, pyproject, writes_toml):
    (repo / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    done = init(repo)
    assert done.returncode == 0, done.stderr
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == pyproject
    assert (repo / "postmortem.toml").exists() == writes_toml
    archive = "postmortems" if writes_toml else "incidents"
    assert (repo / archive / "owners.yml").is_file() and list((repo / archive).glob("*.md"))
    workflow = (repo / ".github" / "workflows" / "postmortems.yml").read_text(encoding="utf-8")
    assert f"-- '{archive}/*.md' '{archive}/**/*.md'" in workflow


def test_options_that_contradict_the_configuration_write_nothing(repo):
    (repo / "postmortem.toml").write_text('archive = "incidents"\n', encoding="utf-8")
    done = init(repo, "--archive", "elsewhere")
    assert done.returncode == 2
    assert "archive = 'incidents'" in done.stderr and "--archive" in done.stderr
    assert snapshot(repo) == {"postmortem.toml": b'archive = "incidents"\n'}
    assert init(repo, "--archive", "incidents/").returncode == 0  # the same folder, written otherwise


@pytest.mark.parametrize("archive", ["../outside", "/tmp/abs", ""])
def test_an_archive_outside_the_repository_is_refused(repo, archive):
    done = init(repo, "--archive", archive)
    assert done.returncode == 2 and "inside the repository" in done.stderr
    assert snapshot(repo) == {}


def test_mount_at_the_root_gets_no_home_page_of_its_own(repo):
    done = init(repo, "--mount", "")
    assert done.returncode == 0, done.stderr
    assert not (repo / "docs" / "index.md").exists() and (repo / "docs").is_dir()
    assert yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"][-1] == {"postmortem-archive": {"mount": ""}}
    assert "http://127.0.0.1:8000/\n" in done.stdout


def test_the_workflow_is_written_only_at_the_top_of_the_repository(repo):
    sub = repo / "ops"
    sub.mkdir()
    done = init(sub)
    assert not (sub / ".github").exists() and not (repo / ".github").exists()
    assert "run `postmortem init` there" in done.stdout and str(repo) in done.stdout


# --------------------------------------------------------------------------- what init writes works


def test_the_workflow_template_renders_this_repositorys_own_workflow():
    assert render_workflow(**OWN_WORKFLOW) == WORKFLOW.read_text(encoding="utf-8"), (
        "the workflow and its template differ: change the template "
        "(linter/postmortem/templates/init/postmortems.yml), then run `python -m tests.test_init`"
    )


def test_a_written_workflow_is_hardened_and_takes_its_paths_from_the_configuration(repo, tmp_path):
    (repo / "postmortem.toml").write_text('archive = "docs/incidents"\n', encoding="utf-8")
    init(repo, "--package", "postmortem-toolchain @ git+https://git.example.com/tools/postmortem@v0.1.0")
    text = (repo / ".github" / "workflows" / "postmortems.yml").read_text(encoding="utf-8")
    assert "@{" not in text
    assert_hardened(text)
    workflow = yaml.safe_load(text)
    installs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "pip install" in step.get("run", "")]
    assert installs == [
        "python -m pip install 'postmortem-toolchain @ git+https://git.example.com/tools/postmortem@v0.1.0'",
        "python -m pip install 'postmortem-toolchain @ git+https://git.example.com/tools/postmortem@v0.1.0'",
        "python -m pip install 'postmortem-toolchain[site] @ git+https://git.example.com/tools/postmortem@v0.1.0'",
    ]
    caches = {step["with"]["cache-dependency-path"] for job in workflow["jobs"].values() for step in job["steps"]
              if step.get("uses", "").startswith("actions/setup-python@")}
    assert caches == {".github/workflows/postmortems.yml"}  # a file every such repository has

    # The workflow's own step finds exactly the changed post-mortems of the configured archive.
    env = environment(tmp_path)
    for command in (("git", "add", "."), ("git", "commit", "-q", "--no-verify", "-m", "set up"), ("git", "branch", "-M", "main"),
                    ("git", "update-ref", "refs/remotes/origin/main", "HEAD"), ("git", "checkout", "-q", "-b", "feature")):
        assert run(repo, *command, env=env).returncode == 0
    (repo / "docs" / "incidents" / "2026-11-20-new.md").write_text("---\n---\n", encoding="utf-8")
    (repo / "docs" / "incidents" / "sub").mkdir()
    (repo / "docs" / "incidents" / "sub" / "2026-11-21-deeper.md").write_text("---\n---\n", encoding="utf-8")
    (repo / "docs" / "notes.md").write_text("# notes\n", encoding="utf-8")
    run(repo, "git", "add", ".", env=env)
    run(repo, "git", "commit", "-q", "--no-verify", "-m", "change", env=env)
    step = next(step for step in workflow["jobs"]["lint"]["steps"] if step.get("name") == "Find changed post-mortems")
    found = run(repo, "bash", "-c", "set -eo pipefail\n" + step["run"], env={**env, "BASE_REF": "main"})
    assert found.returncode == 0, found.stderr
    assert (repo / "changed.txt").read_text(encoding="utf-8").split() == [
        "docs/incidents/2026-11-20-new.md", "docs/incidents/sub/2026-11-21-deeper.md"]


def test_the_written_hook_is_the_manifests_hook_run_from_the_environment(repo):
    init(repo)
    assert run(repo, PRE_COMMIT, "validate-config", ".pre-commit-config.yaml").returncode == 0
    [local] = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert local["repo"] == "local"
    [hook] = local["hooks"]
    manifest = manifest_hook()
    assert {key: hook[key] for key in ("id", "name", "entry", "types", "exclude", "verbose")} == {
        key: manifest[key] for key in ("id", "name", "entry", "types", "exclude", "verbose")}
    assert hook["language"] == "system"  # the installed postmortem: nothing to download


def test_the_new_site_builds_strictly_with_the_example(repo, tmp_path):
    init(repo)
    build = run(repo, sys.executable, "-m", "mkdocs", "build", "--strict", env=environment(tmp_path))
    assert build.returncode == 0, build.stdout + build.stderr
    site = repo / "site"
    assert (site / "index.html").is_file() and (site / "postmortems" / "archive" / "index.html").is_file()
    [example] = (repo / "postmortems").glob("*.md")
    assert (site / "postmortems" / "postmortems" / example.stem / "index.html").is_file()


# --------------------------------------------------------------------------- a hook run that matches nothing


def test_a_hook_run_outside_the_archive_says_so_in_one_line(repo, tmp_path):
    env = environment(tmp_path)
    init(repo, "--archive", "incidents")
    (repo / "docs" / "runbook.md").write_text("# Runbook\n\nRestart the service.\n", encoding="utf-8")
    (repo / "2026-11-21-misplaced.md").write_text("# A post-mortem saved in the wrong folder\n", encoding="utf-8")
    assert run(repo, "git", "add", "docs/runbook.md", "2026-11-21-misplaced.md", env=env).returncode == 0
    done = run(repo, PRE_COMMIT, "run", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    said = [line for line in done.stdout.splitlines() if line.startswith("postmortem:")]
    assert said == ["postmortem: none of the 2 files given is in the archive folder incidents/ "
                    "(archive in postmortem.toml), which holds 1 post-mortem: nothing checked"]
    assert "No post-mortems found" not in done.stdout and "owner registry" not in done.stdout


@pytest.mark.parametrize("toml, expected", [
    (None, "the file given is not in the archive folder postmortems/ (the default: no postmortem.toml or "
           "[tool.postmortem] found), which does not exist: nothing checked"),
    ("fail-on = \"error\"\n", "the file given is not in the archive folder postmortems/ (the default: "
                              "postmortem.toml sets no archive), which does not exist: nothing checked"),
    ("archive = \"incidents\"\n", "the file given is not in the archive folder incidents/ (archive in "
                                  "postmortem.toml), which holds no post-mortem yet: nothing checked"),
])
def test_the_line_names_the_folder_and_the_setting_that_chose_it(tmp_path, toml, expected):
    if toml:
        (tmp_path / "postmortem.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "incidents").mkdir()
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    done = run(tmp_path, POSTMORTEM, "lint", "--archive-only", "notes.md")
    assert done.returncode == 0
    assert done.stdout == "" and done.stderr == f"postmortem: {expected}\n"
    assert run(tmp_path, POSTMORTEM, "lint", "--archive-only", "-q", "notes.md").stderr == ""


def test_show_files_prints_what_would_be_checked_and_checks_nothing(repo):
    init(repo, "--archive", "incidents")
    [example] = (repo / "incidents").glob("*.md")
    (repo / "incidents" / "broken.md").write_text("no frontmatter\n", encoding="utf-8")
    (repo / "docs" / "notes.md").write_text("# notes\n", encoding="utf-8")
    shown = run(repo, POSTMORTEM, "lint", "--archive-only", "--show-files", "docs/notes.md", "incidents/broken.md",
                example.relative_to(repo).as_posix())
    assert shown.returncode == 0 and shown.stderr == ""  # broken.md is listed, not linted
    assert shown.stdout.splitlines() == ["incidents/broken.md", example.relative_to(repo).as_posix()]


def test_pyproject_setting_is_named_as_a_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.postmortem]\narchive = "incidents"\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    done = run(tmp_path, POSTMORTEM, "lint", "--archive-only", "notes.md")
    assert "([tool.postmortem] archive in pyproject.toml)" in done.stderr


def test_templates_are_package_data():
    names = {path.name for path in (ROOT / "linter" / "postmortem" / "templates" / "init").iterdir()}
    assert {"postmortems.yml", "postmortem.toml", "owners.yml", "mkdocs.yml", "pre-commit-config.yaml"} <= names
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "templates/init/*" in package_data["postmortem"]


if __name__ == "__main__":  # rewrite the repository's workflow from the template
    WORKFLOW.write_text(render_workflow(**OWN_WORKFLOW), encoding="utf-8", newline="\n")
    print(f"wrote {WORKFLOW.relative_to(ROOT)}")
