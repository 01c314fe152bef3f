"""Adopting the toolchain in another repository, end to end, as a new user would.

This project's wheel is built and installed, with its ``site`` extra and pre-commit, into a
fresh virtual environment (from the package index; pip's cache makes later runs quick).
A git repository holding an existing mkdocs-material site (its own home page, an explicit
nav, two pages; a ``pyproject.toml`` with ``[tool.postmortem]`` in one case, none in the
other) is set up with that environment's ``postmortem init``, the lines it prints are added
to the site's ``mkdocs.yml``, and ``pre-commit install`` turns the hook on. A post-mortem
with blaming words is refused by ``git commit`` with the findings; with the words fixed it is
committed. ``mkdocs build --strict`` then builds the host's site with the archive under
``/postmortems/``, and headless Chromium finds the archive styled by the packaged
stylesheet, its filters working and its text found by search.

Select these tests with ``pytest -m adopt``; they need the package index the first time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bench import chromium

from .projects import git_env
from .sitebuild import ROOT
from .test_site_browser import serve, wait

pytestmark = pytest.mark.adopt

BLAMING = "Dave forgot to renew the certificate because of human error."
FIXED = "The certificate expired because its renewal depended on a calendar reminder, and no alert watched its expiry date."
SUMMARY_PLACEHOLDER = re.compile(r"\{\{ Two or three sentences:[^}]*\}\}")
HOST_PAGES = {
    "index.md": "# Team handbook\n\nOur own home page. The rota is in [on-call](guide/on-call.md).\n",
    "guide/on-call.md": "# On-call\n\nWho is on call this week. Back to [the handbook](../index.md).\n",
    "about.md": "# About the team\n\nWho we are and what we run.\n",
}
HOST_MKDOCS = (
    "site_name: Team handbook\n"
    "theme:\n  name: material\n  font: false\n"
    "nav:\n  - Home: index.md\n  - On-call: guide/on-call.md\n  - About: about.md\n"
    "plugins:\n  - search\n"
)
PYPROJECT = '[project]\nname = "team-handbook"\nversion = "1.0"\n\n[tool.postmortem]\narchive = "incidents"\n'
BUILD_FILES = ("pyproject.toml", "README.md", "linter")


def _environment(venv: Path, home: Path) -> dict[str, str]:
    """The new environment's commands first on PATH; this test's own environment not at all."""
    own = str(Path(sys.executable).parent)
    path = [str(venv / "bin")] + [p for p in os.environ["PATH"].split(os.pathsep) if p and os.path.realpath(p) != os.path.realpath(own)]
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    return {**env, **git_env(home, home / "pre-commit-home"), "PATH": os.pathsep.join(path)}


def _run(cwd: Path, env: dict, *command: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _setuptools_builds() -> bool:
    """Whether the setuptools installed here is one the project's build-system requires."""
    from importlib.metadata import PackageNotFoundError, version

    required = re.search(r'"setuptools>=(\d+)', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    try:
        installed = int(version("setuptools").split(".")[0])
    except (PackageNotFoundError, ValueError):
        return False
    return required is not None and installed >= int(required[1])


def _scratch(prefix: str):
    """A temporary folder, removed in the background when the tests are done: the environment
    holds some 22,000 files (mkdocs-material's icons), and removing them took up to 70 s of a
    busy machine, time in which nothing is tested."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        subprocess.Popen(["rm", "-rf", str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture(scope="module")
def work() -> Path:
    yield from _scratch("pm-adopt-")


@pytest.fixture(scope="module")
def venv(work) -> Path:
    """A fresh virtual environment with the wheel of this checkout, its site extra and pre-commit."""
    source = work / "source"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in BUILD_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = work / "wheels"
    # With this environment's setuptools when it can build the project; else pip fetches one.
    isolation = ["--no-build-isolation"] if _setuptools_builds() else []
    built = _run(source, dict(os.environ), sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation,
                 "--quiet", ".", "-w", str(wheels))
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = wheels.glob("postmortem_toolchain-*.whl")
    venv = work / "venv"
    made = _run(work, dict(os.environ), sys.executable, "-m", "venv", str(venv))
    assert made.returncode == 0, made.stderr
    installed = _run(work, dict(os.environ), str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                     "--no-compile", f"{wheel}[site]", "pre-commit", timeout=900)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return venv


@dataclass
class Adoption:
    """One host repository taken through adoption, and what each step answered."""

    root: Path
    env: dict
    archive: str
    steps: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    new_postmortem: Path | None = None

    def run(self, step: str, *command: str) -> subprocess.CompletedProcess:
        done = _run(self.root, self.env, *command)
        self.steps[step] = done
        return done

    @property
    def site(self) -> Path:
        return self.root / "site"


def _make_host(root: Path, pyproject: bool) -> None:
    for name, text in HOST_PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(HOST_MKDOCS, encoding="utf-8")
    if pyproject:
        (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")


def _lines_to_add(report: str) -> str:
    """The block ``postmortem init`` sets off after its step about mkdocs.yml."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if "under `plugins:` in mkdocs.yml" in line)
    block = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        block.append(line)
    return textwrap.dedent("\n".join(block)) + "\n"


@pytest.fixture(scope="module", params=["pyproject", "no-pyproject"])
def adopted(request, venv, work) -> Adoption:
    pyproject = request.param == "pyproject"
    root = work / request.param / "handbook"
    root.mkdir(parents=True)
    adoption = Adoption(root, _environment(venv, work / request.param / "home"), "incidents" if pyproject else "postmortems")
    _make_host(root, pyproject)
    adoption.run("git init", "git", "init", "-q", "-b", "main")
    adoption.run("host commit", "git", "add", ".")
    adoption.run("host commit", "git", "commit", "-q", "-m", "The team handbook")

    init = adoption.run("init", "postmortem", "init")
    if init.returncode != 0:
        return adoption
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as handle:  # what the report says to add
        handle.write(textwrap.indent(_lines_to_add(init.stdout), "  "))
    adoption.run("pre-commit install", "pre-commit", "install")
    adoption.run("git add set-up", "git", "add", ".")
    adoption.run("commit set-up", "git", "commit", "-m", "Keep post-mortems here")

    started = (datetime.now(timezone.utc) - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    new = adoption.run("new", "postmortem", "new", "--title", "Certificate warnings on the admin console",
                       "--severity", "SEV3", "--services", "admin-console", "--tags", "certificates",
                       "--started", started.isoformat())
    if new.returncode != 0:
        return adoption
    path = root / new.stdout.split("Created ", 1)[1].split()[0]
    adoption.new_postmortem = path
    template = path.read_text(encoding="utf-8")
    path.write_text(SUMMARY_PLACEHOLDER.sub(BLAMING, template, count=1), encoding="utf-8")
    adoption.run("git add blaming", "git", "add", ".")
    adoption.run("commit blaming", "git", "commit", "-m", "Post-mortem of the certificate warnings")

    path.write_text(SUMMARY_PLACEHOLDER.sub(FIXED, template, count=1), encoding="utf-8")
    adoption.run("git add fixed", "git", "add", ".")
    adoption.run("commit fixed", "git", "commit", "-m", "Post-mortem of the certificate warnings")
    adoption.run("build", "python", "-m", "mkdocs", "build", "--strict")
    return adoption


def _ok(adoption: Adoption, step: str) -> subprocess.CompletedProcess:
    done = adoption.steps.get(step)
    assert done is not None, f"step {step!r} did not run; earlier steps: {list(adoption.steps)}"
    assert done.returncode == 0, f"{step}:\n{done.stdout}\n{done.stderr}"
    return done


# --------------------------------------------------------------------------- set up, hook, build


def test_init_sets_the_repository_up_from_the_installed_wheel(adopted):
    init = _ok(adopted, "init")
    which = shutil.which("postmortem", path=adopted.env["PATH"])
    assert which and Path(which).parent.parent != Path(sys.executable).parent.parent  # the new environment's
    assert "mkdocs.yml" in init.stdout and "Left to do:" in init.stdout
    written = [".pre-commit-config.yaml", ".github/workflows/postmortems.yml", f"{adopted.archive}/owners.yml"]
    assert all((adopted.root / name).is_file() for name in written)
    assert (adopted.root / "postmortem.toml").exists() == (adopted.archive == "postmortems")
    workflow = (adopted.root / ".github" / "workflows" / "postmortems.yml").read_text(encoding="utf-8")
    assert f"'{adopted.archive}/*.md'" in workflow
    _ok(adopted, "pre-commit install")
    _ok(adopted, "commit set-up")  # the example draft passes the hook


def test_the_hook_blocks_the_blaming_post_mortem_with_its_findings(adopted):
    blocked = adopted.steps["commit blaming"]
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "postmortem lint" in output and "Failed" in output
    name = adopted.new_postmortem.relative_to(adopted.root).as_posix()
    for code in ("PM501", "PM502", "PM503"):
        assert re.search(rf"{re.escape(name)}:\d+:\d+: {code} \[error\]", output), (code, output)
    assert "'Dave'" in output and "'human error'" in output


def test_the_fixed_post_mortem_is_committed(adopted):
    _ok(adopted, "commit fixed")
    log = _run(adopted.root, adopted.env, "git", "log", "--format=%s").stdout.splitlines()
    assert log == ["Post-mortem of the certificate warnings", "Keep post-mortems here", "The team handbook"]
    status = _run(adopted.root, adopted.env, "git", "status", "--porcelain").stdout
    assert status.strip() in ("", "?? site/")


def test_the_site_builds_strictly_with_the_hosts_pages_intact_and_the_archive_under_its_mount(adopted):
    _ok(adopted, "build")
    site = adopted.site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Our own home page." in home
    assert "Who is on call this week." in (site / "guide" / "on-call" / "index.html").read_text(encoding="utf-8")
    assert "Who we are and what we run." in (site / "about" / "index.html").read_text(encoding="utf-8")
    for title in ("On-call", "About", "Post-mortems"):
        assert re.search(rf">\s*{title}\s*<", home), title  # the host's nav, and the archive's section at its end
    for page in ("index.html", "archive/index.html", "actions/index.html", "insights/index.html"):
        assert (site / "postmortems" / page).is_file(), page
    pages = sorted(p.parent.name for p in (site / "postmortems" / "postmortems").glob("*/index.html"))
    assert adopted.new_postmortem.stem in pages and len(pages) == 2  # the example and the new one
    assert not (site / "archive").exists()  # nothing generated outside the mount


# --------------------------------------------------------------------------- in a browser


def _rgba(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, 1)"


@pytest.mark.skipif(not chromium.available(), reason="Chromium and chromium-driver are not installed: run `make browser-deps`")
def test_the_archive_is_styled_filterable_and_searchable_in_a_browser(adopted):
    from selenium.webdriver.common.by import By

    _ok(adopted, "build")
    stylesheet = adopted.site / "assets" / "postmortem" / "postmortem.css"
    sev3 = re.search(r"--pm-sev3:\s*(#[0-9a-fA-F]{6})", stylesheet.read_text(encoding="utf-8"))[1]
    driver = chromium.headless(adopted.root.parent / "chromium")
    driver.set_page_load_timeout(60)
    try:
        with serve(adopted.site) as (url, _):
            driver.get(url + "postmortems/archive/")
            form = wait(driver, lambda b: b.find_element(By.CSS_SELECTOR, "form.pm-filters[data-filters-bound]"))
            rows = "table.pm-filterable tbody tr:not([hidden])"
            assert len(driver.find_elements(By.CSS_SELECTOR, rows)) == 2
            # Styled by the packaged stylesheet: the SEV3 badge takes its colour from it.
            badge = driver.find_element(By.CSS_SELECTOR, "table.pm-filterable .pm-badge--sev3")
            assert badge.value_of_css_property("background-color") == _rgba(sev3)
            form.find_element(By.CSS_SELECTOR, "input[name=severity][value=SEV3]").click()
            wait(driver, lambda b: len(b.find_elements(By.CSS_SELECTOR, rows)) == 1)
            [shown] = driver.find_elements(By.CSS_SELECTOR, rows)
            assert "Certificate warnings on the admin console" in shown.get_attribute("textContent")

            driver.get(url + "about/")  # search from a page of the host's own
            box = wait(driver, lambda b: b.find_element(By.CSS_SELECTOR, "input.md-search__input"))
            box.click()
            meta = lambda b: b.find_element(By.CSS_SELECTOR, ".md-search-result__meta").get_attribute("textContent")  # noqa: E731
            wait(driver, lambda b: "Type to start searching" in meta(b))
            box.send_keys("calendar reminder")
            wait(driver, lambda b: "matching document" in meta(b))
            first = driver.find_element(By.CSS_SELECTOR, "li.md-search-result__item a")
            assert f"/postmortems/postmortems/{adopted.new_postmortem.stem}/" in first.get_attribute("href")
    finally:
        driver.quit()
