"""``postmortem.action_items``: the one definition of each action-item filter, the per-owner
summary and tracking links, as ``postmortem actions`` and the site's action-item page use them."""

from __future__ import annotations

from datetime import date

from postmortem import action_items as a
from postmortem.parse import parse_file

from .conftest import ROOT
from .test_site_build import data_rows
from .sitebuild import default_site

HISTORY = ROOT / "postmortems" / "2026-10-14-order-history-errors-after-orders-database-failover.md"
TODAY = date(2026, 11, 23)


def values(**changes) -> dict:
    base = {"severity": ["SEV2"], "category": ["prevent"], "priority": ["P1"], "state": ["open", "overdue"],
            "status": ["open"], "owner": ["sre-team"], "date": ["2026-03-04"]}
    return {**base, **changes}


def test_values_in_one_facet_widen_facets_narrow_and_case_does_not_matter():
    assert a.ActionFilter.of(severity=["sev1", "SEV2"]).keeps(values())
    assert not a.ActionFilter.of(severity=["SEV1"]).keeps(values())
    assert not a.ActionFilter.of(severity=["SEV2"], category=["detect"]).keeps(values())
    assert a.ActionFilter.of(state=["overdue"], owner=["SRE-Team"]).keeps(values())
    assert not a.ActionFilter.of(state=[a.CLOSED]).keeps(values())
    assert a.ActionFilter().keeps(values(date=[]))


def test_dates_are_inclusive_and_undated_items_drop_out_of_a_range():
    assert a.ActionFilter.of(since=date(2026, 3, 4), until=date(2026, 3, 4)).keeps(values())
    assert not a.ActionFilter.of(since=date(2026, 3, 5)).keeps(values())
    assert not a.ActionFilter.of(until=date(2026, 3, 3)).keeps(values())
    assert not a.ActionFilter.of(since=date(2020, 1, 1)).keeps(values(date=[]))
    assert a.twelve_months_before(date(2026, 11, 23)) == date(2025, 11, 23)
    assert a.twelve_months_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_facets_of_a_real_item():
    doc = parse_file(HISTORY)
    first, second, third = doc.actions
    assert a.facets(doc.incident, first, TODAY) == {
        "severity": ["SEV3"], "category": ["prevent"], "priority": ["P1"], "state": [a.CLOSED],
        "status": ["done"], "owner": ["platform-team"], "date": ["2026-10-14"],
    }
    assert a.facets(doc.incident, third, TODAY)["state"] == [a.OPEN]
    assert a.facets(doc.incident, third, date(2026, 12, 5))["state"] == [a.OPEN, a.OVERDUE]


def test_tracking_links_and_ticket_keys():
    doc = parse_file(HISTORY)
    first, _, third = doc.actions
    assert a.tracking_link(first) == ("OPS-4127", "https://tracker.example.com/browse/OPS-4127")
    assert a.tracking_link(third) == ("OPS-4129", None)


def test_unknown_values_are_named():
    assert a.check_values("severity", ["SEV1", "sev9"]) == ["sev9"]
    assert a.check_values("state", ["open", "late"]) == ["late"]
    assert a.check_values("owner", ["anyone"]) == []


def test_the_tracker_shows_tracking_links():
    from postmortem.site.catalog import Catalog, Entry
    from postmortem.site.templating import Templates
    from postmortem.site.tracker import tracker_page
    from postmortem.site.urls import Urls

    tracked = [path for path in (ROOT / "postmortems").glob("*.md") if "OPS-4127" in path.read_text(encoding="utf-8")]
    catalog = Catalog([Entry(parse_file(path), path.stem) for path in tracked], TODAY, internal=False)
    page = tracker_page(catalog, Urls(True), Templates(), finished_months=None)
    assert '<a href="https://tracker.example.com/browse/OPS-4127" rel="noopener noreferrer">OPS-4127</a>' in page
    assert '<td data-label="Tracking" class="pm-tracking">OPS-4129</td>' in page
    # The site's data files carry the same, for the rows the page does not hold.
    rows = {row["tracking"]: row["tracking_url"] for row in data_rows(default_site(), "actions/items")}
    assert rows["OPS-4127"] == "https://tracker.example.com/browse/OPS-4127" and rows["OPS-4129"] == ""


def test_the_tracker_lists_finished_items_of_recent_incidents_only():
    from postmortem.site.catalog import Catalog, Entry
    from postmortem.site.templating import Templates
    from postmortem.site.tracker import months_before, tracker_page
    from postmortem.site.urls import Urls

    doc = parse_file(HISTORY)  # 2026-10-14: A1 done, A2 and A3 open
    catalog = Catalog([Entry(doc, HISTORY.stem)], date(2028, 11, 23), internal=False)
    recent = tracker_page(catalog, Urls(True), Templates())
    everything = tracker_page(catalog, Urls(True), Templates(), finished_months=None)
    assert recent.count("data-facets=") == 2 and everything.count("data-facets=") == 3
    assert "Finished items (done or declined) are listed for incidents since 2026-11-23" in recent
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
