"""One set of figures: :mod:`postmortem.metrics`, and the site and ``postmortem stats`` agreeing.

The agreement tests build the bundled archive (default and internal builds) and run
``postmortem stats --format json`` (without and with ``--include-restricted``), then compare
every figure the two show: counts, MTTD/MTTA/MTTR median and p90 overall and per quarter,
open and overdue action items.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from postmortem import metrics
from postmortem.model import Incident
from postmortem.times import format_duration

from .projects import run
from .sitebuild import ROOT, TODAY, default_site, internal_site

T0 = datetime(2026, 3, 4, 14, 0, tzinfo=timezone.utc)


def incident(detect=None, ack=None, resolve=None, mitigate=None) -> Incident:
    def at(minutes):
        return None if minutes is None else T0 + timedelta(minutes=minutes)

    return Incident(started=T0, detected=at(detect), acknowledged=at(ack), resolved=at(resolve), mitigated=at(mitigate))


def test_median_and_p90_over_incidents_with_both_timestamps():
    incidents = [incident(resolve=60), incident(resolve=120), incident(resolve=180), incident(resolve=240), incident()]
    figure = metrics.mttr(incidents)
    assert figure == metrics.Figure(4, 150 * 60, 222 * 60)
    assert figure.median == timedelta(minutes=150)
    assert metrics.mttr([]) == metrics.Figure(0, None, None)


def test_a_negative_duration_is_no_figure():
    backwards = incident(detect=-10, ack=-5, resolve=-1)
    assert metrics.time_to_detect(backwards) is None
    assert metrics.time_to_resolve(backwards) is None
    assert metrics.time_to_acknowledge(backwards) == timedelta(minutes=5)
    assert metrics.mttd([backwards, incident(detect=30)]) == metrics.Figure(1, 1800, 1800)


def test_impact_duration_until_mitigation_else_resolution():
    assert metrics.impact_duration(incident(resolve=90, mitigate=30)) == timedelta(minutes=30)
    assert metrics.impact_duration(incident(resolve=90)) == timedelta(minutes=90)


def test_overdue_days_only_for_open_items_past_due():
    class Item:
        def __init__(self, due, is_open):
            self.due, self.is_open = due, is_open

        def overdue(self, today):
            return self.is_open and self.due is not None and self.due < today

    today = date(2026, 11, 23)
    assert metrics.overdue_days(Item(date(2026, 11, 20), True), today) == 3
    assert metrics.overdue_days(Item(date(2026, 11, 23), True), today) is None
    assert metrics.overdue_days(Item(date(2026, 11, 20), False), today) is None
    assert metrics.overdue_days(Item(None, True), today) is None


# --------------------------------------------------------------------------- site and CLI


def stats(*args: str) -> dict:
    result = run(ROOT, "stats", "--format", "json", "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def text(seconds: int | None) -> str:
    return format_duration(None if seconds is None else timedelta(seconds=seconds))


def stat_tiles(page: str) -> dict[str, str]:
    found = re.findall(r'<span class="pm-stat__value">([^<]*)</span><span class="pm-stat__label">([^<]*)</span>', page)
    return {html.unescape(label): html.unescape(value) for value, label in found}


def trend_rows(page: str) -> dict[str, list[str]]:
    """The numbers behind the MTTR trend chart: quarter -> the row's cells."""
    section = page.split('id="mttr-trend"', 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", section, re.DOTALL):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.parametrize("build,args", [(default_site, ()), (internal_site, ("--include-restricted",))], ids=["default", "internal"])
def test_the_site_and_postmortem_stats_give_the_same_figures(build, args):
    site = build()
    data = stats(*args)
    home = stat_tiles((site / "index.html").read_text(encoding="utf-8"))
    insights_page = (site / "insights" / "index.html").read_text(encoding="utf-8")
    insights = stat_tiles(insights_page)
    tracker = stat_tiles((site / "actions" / "index.html").read_text(encoding="utf-8"))
    overall = data["overall"]

    assert home["post-mortems"] == insights["incidents"] == str(data["postmortems"])
    assert home["open action items"] == tracker["open action items"] == str(data["actions"]["open"])
    assert home["overdue"] == tracker["overdue"] == str(data["actions"]["overdue"])
    assert home["MTTR median"] == text(overall["mttr"]["median_seconds"])
    for key, label in (("mttd", "MTTD"), ("mtta", "MTTA"), ("mttr", "MTTR")):
        assert insights[f"{label} median"] == text(overall[key]["median_seconds"]), label
        assert insights[f"{label} p90"] == text(overall[key]["p90_seconds"]), label

    rows = trend_rows(insights_page)
    quarters = {q: v for q, v in data["by_quarter"].items() if q != "unknown"}
    assert {q.replace("-", " ") for q in quarters} == {q for q, cells in rows.items() if cells[0] != "0"}
    assert all(cells == ["0", "—", "—", "—", "—"] for cells in rows.values() if cells[0] == "0")
    for name, figures in quarters.items():
        count, mttr_median, mttr_p90, mttd_median, mttd_p90 = rows[name.replace("-", " ")]
        assert count == str(figures["count"])
        assert [mttr_median, mttr_p90, mttd_median, mttd_p90] == [
            text(figures["mttr"]["median_seconds"]), text(figures["mttr"]["p90_seconds"]),
            text(figures["mttd"]["median_seconds"]), text(figures["mttd"]["p90_seconds"]),
        ], name


def test_stats_leaves_restricted_post_mortems_out_unless_asked():
    default, internal = stats(), stats("--include-restricted")
    assert default["restricted"] == 0 and default["left_out"] == internal["restricted"] == 1
    assert internal["postmortems"] == default["postmortems"] + 1
