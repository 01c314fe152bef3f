"""Search readiness, query latency and page weight in a real browser, at archive scale.

    python bench/search_browser.py                      # N = 500 and 2,000: about 6 minutes
    python bench/search_browser.py --counts 100 --loads 3

For each N, writes a synthetic archive with ``bench/generate.py`` and builds two sites over
the same Markdown files:

``ours``
    the project's ``mkdocs.yml`` with the ``postmortem-archive`` plugin: the theme's search
    box answered from a Pagefind index built with the site;
``lunr``
    a plain mkdocs-material site with its built-in lunr search and no plugin of ours (the
    post-mortems as its pages, a one-page navigation like ours, system fonts so that it
    makes no request to another host). ``--instant`` adds the same site with
    ``navigation.instant``, which keeps the lunr index while a reader follows links inside
    the site but rebuilds it on every full page load.

Each site is served from 127.0.0.1 by a small server that gzips text as static hosts do and
sends ``Cache-Control: no-store``, so every load is a first visit and the server counts
every byte, the search worker's requests included. Headless Chromium (selenium) opens a
post-mortem page and measures:

ready
    time from navigation start until the search box can answer (the theme shows "Type to
    start searching"), the median of ``--loads`` full page loads;
query, slowest
    the median and the slowest, over 10 queries, of the time from a query entered in the
    box (all at once) to its results on screen (the next frame after the theme shows the
    count); the first query of a page load is usually the slowest;
page KB
    bytes transferred for the page: HTML, CSS and JavaScript, the search worker and
    Pagefind's WebAssembly included;
index KB
    bytes of search index transferred before the box was ready (lunr: ``search_index.json``;
    Pagefind: its metadata); a query then fetches the index chunks and result fragments it
    needs.

For our site it also opens the archive page (every incident in one table, with filters):
its transfer size, the time until it is loaded, and the time from ticking a filter to the
filtered table on screen.

Targets at N = 2,000 (the issue "Search and browsing stay instant at archive scale"): ready
within 1 s, a query within 300 ms, a post-mortem page under 300 KB.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import mimetypes
import os
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import chromium  # bench/chromium.py

ROOT = Path(__file__).resolve().parent.parent
READY_TEXT = "Type to start searching"
QUERIES = (
    "connection pool",
    "certificate expired",
    "dns ttl",
    "rollback",
    "replica lag",
    "rate limits",
    "dead-letter queue",
    "circuit breaker",
    "checkout-api",
    "feature flag",
)
TARGETS = {"ready_s": 1.0, "query_ms": 300.0, "page_kb": 300.0}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
INDEX_FILES = ("search_index.json", "pagefind-entry.json", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")

# Runs before the page's own scripts: note when the search box first says it is ready.
WATCH_READY = f"""
window.__pmReady = null
document.addEventListener("DOMContentLoaded", () => {{
  const meta = document.querySelector(".md-search-result__meta")
  if (!meta) return
  const check = () => {{
    if (window.__pmReady === null && meta.textContent.includes({READY_TEXT!r})) window.__pmReady = performance.now()
  }}
  new MutationObserver(check).observe(meta, {{ childList: true, characterData: true, subtree: true }})
  check()
}})
"""

# One query, as a reader types it: clear the box, wait for the theme to say it is empty,
# then enter the query and time until its results are on screen.
RUN_QUERY = f"""
const [query, done] = arguments
const input = document.querySelector("input.md-search__input")
const meta = document.querySelector(".md-search-result__meta")
const until = test => new Promise(resolve => {{
  if (test()) return resolve()
  const observer = new MutationObserver(() => {{ if (test()) {{ observer.disconnect(); resolve() }} }})
  observer.observe(meta, {{ childList: true, characterData: true, subtree: true }})
}})
const ready = () => meta.textContent.includes({READY_TEXT!r})
;(async () => {{
  input.focus()
  input.value = ""
  input.dispatchEvent(new KeyboardEvent("keyup", {{ bubbles: true }}))
  await until(ready)
  input.value = query
  const start = performance.now()
  input.dispatchEvent(new KeyboardEvent("keyup", {{ bubbles: true }}))
  await until(() => !ready())
  await new Promise(requestAnimationFrame)
  const first = document.querySelector("li.md-search-result__item h1")
  done([performance.now() - start, meta.textContent.trim(), first ? first.textContent : ""])
}})()
"""


# Tick one filter on the archive page and time until the filtered table is on screen.
RUN_FILTER = """
const done = arguments[arguments.length - 1]
const box = document.querySelector("form.pm-filters[data-filters-bound] input[name=severity]")
const start = performance.now()
box.click()
requestAnimationFrame(() => done([performance.now() - start, document.querySelector(".pm-filters__status").textContent]))
"""

# ----------------------------------------------------------------------------- sites


def write_archive(count: int, work: Path) -> Path:
    out = work / f"archive-{count}"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--count", str(count), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def _mkdocs(config: Path, site: Path, strict: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "POSTMORTEM_TODAY": "2026-11-23"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)]
    subprocess.run(command + (["--strict"] if strict else []), check=True, cwd=ROOT, env=env)


def build_ours(archive: Path) -> tuple[Path, str]:
    config = archive / "mkdocs-ours.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n  - search\n  - tags:\n      export: false\n  - postmortem-archive:\n"
        f"      source: {archive / 'postmortems'}\n      pyproject: {archive / 'pyproject.toml'}\n"
        "      allow_lint_errors: true\n",
        encoding="utf-8",
    )
    site = archive / "site-ours"
    _mkdocs(config, site, strict=True)
    return site, "postmortems/{stem}/"


def build_lunr(archive: Path, instant: bool = False) -> tuple[Path, str]:
    first = sorted((archive / "postmortems").glob("*.md"))[0].name
    features = "\n  features: [navigation.instant]" if instant else ""
    name = "site-lunr-instant" if instant else "site-lunr"
    config = archive / f"mkdocs-{name}.yml"
    config.write_text(
        "site_name: Post-mortem archive\n"
        f"docs_dir: {archive / 'postmortems'}\n"
        f"theme:\n  name: material\n  font: false{features}\n"
        "extra:\n  generator: false\n"
        "plugins:\n  - search\n"
        f"nav:\n  - {first}\n"
        "not_in_nav: '*.md'\n",
        encoding="utf-8",
    )
    site = archive / name
    _mkdocs(config, site, strict=False)
    return site, "{stem}/"


# ----------------------------------------------------------------------------- server


class Server:
    """Serves ``site`` from 127.0.0.1 and counts the bytes of every response."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self._gzipped: dict[Path, bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.respond(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def respond(self, request: http.server.BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(request.path).path)
        target = (self.site / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or self.site.resolve() not in target.parents:
            request.send_error(404)
            return
        body = target.read_bytes()
        headers = {"Content-Type": mimetypes.guess_type(target.name)[0] or "application/octet-stream", "Cache-Control": "no-store"}
        if target.suffix == ".js":
            headers["Content-Type"] = "text/javascript"
        if target.suffix in COMPRESSED and "gzip" in request.headers.get("Accept-Encoding", ""):
            if target not in self._gzipped:
                self._gzipped[target] = gzip.compress(body, 6)
            body = self._gzipped[target]
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        request.send_response(200)
        for name, value in headers.items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(body)
        with self.lock:
            self.sent.append((path, len(body)))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ----------------------------------------------------------------------------- browser


def browser(profile: Path):
    driver = chromium.headless(profile)
    driver.set_page_load_timeout(180)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_READY})
    return driver


def measure(driver, server: Server, page: str, loads: int) -> dict:
    from selenium.webdriver.support.ui import WebDriverWait

    ready, weights = [], []
    for _ in range(loads):
        driver.get("about:blank")
        server.take()
        driver.get(server.url + page)
        ready.append(WebDriverWait(driver, 180, poll_frequency=0.05).until(lambda d: d.execute_script("return window.__pmReady")) / 1000)
        weights.append(server.take())
    sent = weights[0]
    index = sum(size for path, size in sent if path.endswith(INDEX_FILES))
    page_bytes = sum(size for path, size in sent if not path.endswith(INDEX_FILES))
    timings, answers = [], []
    for query in QUERIES:
        ms, meta, first = driver.execute_async_script(RUN_QUERY, query)
        timings.append(ms)
        answers.append((query, meta, first))
    worst = max(timings)
    return {
        "worst_ms": worst,
        "ready_s": statistics.median(ready),
        "query_ms": statistics.median(timings),
        "page_kb": page_bytes / 1000,
        "index_kb": index / 1000,
        "answers": answers,
        "timings": timings,
    }


def measure_archive(driver, server: Server) -> dict:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    server.take()
    driver.get(server.url + "archive/")
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!document.querySelector('form.pm-filters[data-filters-bound]')"))
    loaded = driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    sent = server.take()
    filter_ms, status = driver.execute_async_script(RUN_FILTER)
    return {"kb": sum(size for _, size in sent) / 1000, "loaded_s": loaded, "filter_ms": filter_ms, "status": status}


# ----------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[500, 2000], help="archive sizes (default 500 2000)")
    parser.add_argument("--loads", type=int, default=3, help="full page loads per site for the ready time (default 3)")
    parser.add_argument("--instant", action="store_true", help="also measure lunr with navigation.instant")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the sites")
    parser.add_argument("--verbose", action="store_true", help="print each query's count and first result")
    args = parser.parse_args()
    if not chromium.available():
        sys.exit("Chromium and chromium-driver are needed: make browser-deps")

    holder = None if args.keep else tempfile.TemporaryDirectory(prefix="pm-search-bench-")
    work = args.keep or Path(holder.name)
    work.mkdir(parents=True, exist_ok=True)
    rows, archives = [], []
    print(_header(), flush=True)
    try:
        for count in args.counts:
            archive = write_archive(count, work)
            stem = sorted((archive / "postmortems").glob("*.md"))[count // 2].stem
            sites = [("ours (Pagefind)", build_ours)]
            sites.append(("mkdocs-material lunr", build_lunr))
            if args.instant:
                sites.append(("lunr + navigation.instant", lambda a: build_lunr(a, instant=True)))
            for name, build in sites:
                site, page = build(archive)
                server = Server(site)
                driver = browser(work / "chromium-profile")
                try:
                    result = measure(driver, server, page.format(stem=stem), args.loads)
                    if name.startswith("ours"):
                        archives.append((count, measure_archive(driver, server)))
                finally:
                    driver.quit()
                    server.close()
                rows.append((count, name, result))
                print(_row(count, name, result), flush=True)
                if args.verbose:
                    for query, meta, first in result["answers"]:
                        print(f"{'':>8}{query!r}: {meta}; first: {first}")
    finally:
        if holder:
            holder.cleanup()
    print(f"\n{'N':>6}  archive page (ours): {'KB':>6}  {'loaded s':>8}  {'filter ms':>9}")
    for count, archive in archives:
        print(f"{count:>6}  {'':<20}  {archive['kb']:>6.0f}  {archive['loaded_s']:>8.2f}  {archive['filter_ms']:>9.0f}   ({archive['status']})")
    largest = max(args.counts)
    ours = next(result for count, name, result in rows if count == largest and name.startswith("ours"))
    verdict = ", ".join(f"{key} {'met' if ours[key] <= limit else 'MISSED'}" for key, limit in TARGETS.items())
    print(f"\ntargets at N = {largest:,} (ready < 1 s, query < 300 ms, page < 300 KB): {verdict}")


def _header() -> str:
    return f"{'N':>6}  {'site':<26}  {'ready s':>8}  {'query ms':>8}  {'slowest':>8}  {'page KB':>8}  {'index KB':>9}"


def _row(count: int, name: str, r: dict) -> str:
    return (
        f"{count:>6}  {name:<26}  {r['ready_s']:>8.2f}  {r['query_ms']:>8.0f}  {r['worst_ms']:>8.0f}"
        f"  {r['page_kb']:>8.0f}  {r['index_kb']:>9.0f}"
    )


if __name__ == "__main__":
    main()
