"""Page weight of a built site, and search and filters in a browser on that same build.

    python bench/page_weight.py SITE                 # the largest pages and files
    python bench/page_weight.py SITE --browser       # and search ready / query times, filters

``SITE`` is a built site folder (``bench/site_build.py`` or ``mkdocs build`` output), so
that a large archive is built once and measured here, rather than built again.

Prints the largest HTML pages and the largest other files (the long tables' data files,
say) with the budget: no page over 1 MB at any archive size (issue "Archive scale"). With
``--browser`` it also serves the site as ``bench/search_browser.py`` does (gzip, no cache)
and measures, in headless Chromium, on a post-mortem page: the time until the search box
is ready and the median and slowest query time; and on the archive page: its transfer
size, the time to its load event, and the time from ticking a filter to the table filtered
over the whole archive on screen (the first tick fetches the archive's data files); the same
on the action-item page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BUDGET = 1_000_000  # bytes: no built page over 1 MB

# Tick one filter on the archive page; wait until the table shows the archive filtered
# (after the data files have loaded) and time it.
RUN_LAZY_FILTER = """
const done = arguments[arguments.length - 1]
const form = document.querySelector("form.pm-filters[data-filters-bound]")
const status = form.querySelector(".pm-filters__status")
const box = form.querySelector("input[name=severity]")
const start = performance.now()
box.click()
const check = () => {
  if (/ of /.test(status.textContent)) requestAnimationFrame(() => done([performance.now() - start, status.textContent]))
  else setTimeout(check, 5)
}
check()
"""


def largest(site: Path, count: int = 8) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(the largest HTML pages, the largest other files outside the search index), each as
    (bytes, path from the site's root), largest first."""
    pages, other = [], []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.endswith(".html"):
            pages.append((path.stat().st_size, relative))
        elif not relative.startswith(("pagefind", "search/")):  # pagefind/, pagefind-2/, ...
            other.append((path.stat().st_size, relative))
    return sorted(pages, reverse=True)[:count], sorted(other, reverse=True)[:count]


def measure_browser(site: Path, loads: int, verbose: bool = False) -> None:
    import search_browser as sb
    from selenium.webdriver.support.ui import WebDriverWait

    posts = sorted((site / "postmortems").iterdir())
    page = posts[len(posts) // 2].relative_to(site).as_posix() + "/"
    server = sb.Server(site)
    work = Path(site).parent / "chromium-profile-weight"
    driver = sb.browser(work)
    try:
        result = sb.measure(driver, server, page, loads)
        print(f"search on {page}: ready {result['ready_s']:.2f} s (target 1 s), query median {result['query_ms']:.0f} ms, "
              f"slowest {result['worst_ms']:.0f} ms (target 300 ms), page {result['page_kb']:.0f} KB, index {result['index_kb']:.0f} KB")
        if verbose:
            for (query, meta, first), ms in zip(result["answers"], result["timings"]):
                print(f"  {query!r}: {ms:.0f} ms, {meta}; first: {first}")
        for name, path in (("archive page", "archive/"), ("action-item page", "actions/")):
            driver.get("about:blank")
            server.take()
            driver.get(server.url + path)
            WebDriverWait(driver, 120).until(lambda d: d.execute_script("return !!document.querySelector('form.pm-filters[data-filters-bound]')"))
            loaded = driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
            first = sum(size for _, size in server.take())
            ms, status = driver.execute_async_script(RUN_LAZY_FILTER)
            data = sum(size for _, size in server.take())
            print(f"{name}: {first / 1000:.0f} KB transferred, loaded in {loaded:.2f} s; first filter over every row "
                  f"{ms:.0f} ms ({data / 1000:.0f} KB fetched, gzip): {status}")
            ms, status = driver.execute_async_script(RUN_LAZY_FILTER.replace("input[name=severity]", "input[name=severity]:not(:checked)"))
            print(f"{name}: next filter {ms:.0f} ms: {status}")
    finally:
        driver.quit()
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--browser", action="store_true", help="also measure search and filters in headless Chromium")
    parser.add_argument("--loads", type=int, default=3, help="full page loads for the search ready time (default 3)")
    parser.add_argument("--verbose", action="store_true", help="print each query's time, count and first result")
    args = parser.parse_args()
    pages, other = largest(args.site)
    print(f"largest pages (budget {BUDGET / 1e6:.0f} MB):")
    for size, path in pages:
        print(f"  {size / 1000:>9,.0f} KB  {path}{'  OVER' if size > BUDGET else ''}")
    print("largest other files (search index aside):")
    for size, path in other:
        print(f"  {size / 1000:>9,.0f} KB  {path}")
    print(f"largest page: {pages[0][0] / 1000:,.0f} KB ({'within' if pages[0][0] <= BUDGET else 'OVER'} the 1 MB budget)")
    if args.browser:
        measure_browser(args.site, args.loads, args.verbose)


if __name__ == "__main__":
    main()
