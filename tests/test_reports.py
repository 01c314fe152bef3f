"""``postmortem actions`` and ``postmortem stats``.

Exact expectations come from the small archive in ``tests/fixtures/archive`` (figures worked
out by hand from its timestamps and tables). The bundled archive in ``postmortems/`` keeps
changing, so for it the overdue items are worked out independently of the document model:
straight from the table rows of each file's "Action Items" section.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from postmortem.reports import percentile

from .conftest import ROOT
from .projects import make_project, run

TODAY = "2026-11-23"
CARD = "postmortems/2026-01-10-card-payments-timing-out.md"
SEARCH = "postmortems/2026-05-02-search-slow-for-eu-customers.md"
LOGIN = "postmortems/2025-11-20-login-failures-for-all-users.md"
EMAILS = "postmortems/2026-09-14-delayed-order-emails.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("reports"), copy_archive=True)


def actions_json(project, *args):
    result = run(project, "actions", "--format", "json", "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["actions"]


def keys(items):
    return [(item["path"], item["id"]) for item in items]


# --------------------------------------------------------------------------- actions


def test_overdue_items_of_the_fixture_archive(project):
    # Due before 2026-11-23 and still open, in-progress or blocked; A1 of the search
    # post-mortem is due on the day itself (not overdue), its A2 is wont-do.
    assert keys(actions_json(project, "--overdue")) == [(LOGIN, "A1"), (CARD, "A2"), (CARD, "A4")]


def test_all_items_earliest_due_first(project):
    assert keys(actions_json(project)) == [
        (LOGIN, "A2"), (LOGIN, "A1"), (CARD, "A1"), (SEARCH, "A2"), (CARD, "A2"),
        (CARD, "A4"), (SEARCH, "A1"), (CARD, "A3"), (EMAILS, "A1"),
    ]


def test_open_items(project):
    assert keys(actions_json(project, "--open")) == [
        (LOGIN, "A1"), (CARD, "A2"), (CARD, "A4"), (SEARCH, "A1"), (CARD, "A3"), (EMAILS, "A1"),
    ]


def test_owner_filter_ignores_case(project):
    assert keys(actions_json(project, "--owner", "Payments-Team")) == [(CARD, "A2"), (CARD, "A4")]
    assert actions_json(project, "--owner", "nobody") == []


def test_json_record(project):
    item = actions_json(project, "--overdue")[0]
    assert item == {
        "postmortem": "PM-2025-014",
        "title": "Login failures for all users",
        "path": LOGIN,
        "visibility": "restricted",
        "severity": "SEV1",
        "id": "A1",
        "action": "Renew signing certificates automatically 30 days before expiry",
        "category": "prevent",
        "owner": "identity-team",
        "priority": "P0",
        "due": "2026-01-15",
        "status": "open",
        "open": True,
        "overdue": True,
        "days_overdue": 312,
        "tracking": None,
        "incident_date": "2025-11-20",
    }


def test_csv_marks_visibility(project):
    result = run(project, "actions", "--format", "csv", "--open", "--today", TODAY)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["postmortem"], r["id"], r["visibility"], r["overdue"]) for r in rows] == [
        ("PM-2025-014", "A1", "restricted", "yes"),
        ("PM-2026-001", "A2", "internal", "yes"),
        ("PM-2026-001", "A4", "internal", "yes"),
        ("PM-2026-002", "A1", "internal", "no"),
        ("PM-2026-001", "A3", "internal", "no"),
        ("PM-2026-031", "A1", "internal", "no"),
    ]


def test_table(project):
    out = run(project, "actions", "--overdue", "--today", TODAY).stdout.splitlines()
    assert out[0].split() == ["Post-mortem", "Date", "Sev", "ID", "Owner", "Category", "Prio", "Due", "Status", "Action"]
    assert out[2].startswith("PM-2025-014 (restricted)  2025-11-20  SEV1  A1  identity-team  prevent   P0    2026-01-15 (312d overdue)")
    assert out[-1] == "3 action items: 3 open, 3 overdue (as of 2026-11-23)."


def test_table_wraps_long_actions_instead_of_cutting_them(project):
    out = run(project, "actions", "--overdue", "--today", TODAY).stdout.splitlines()
    column = out[0].index("Action")
    assert out[2].endswith("Renew signing certificates automatically 30 days before")
    assert out[3] == " " * column + "expiry"
    assert "…" not in "\n".join(out)


def test_filters_on_severity_category_priority_and_dates(project):
    assert keys(actions_json(project, "--severity", "SEV1,sev2", "--category", "prevent")) == [(LOGIN, "A1"), (CARD, "A4")]
    assert keys(actions_json(project, "--priority", "P1", "--open")) == [(CARD, "A3")]
    assert keys(actions_json(project, "--since", "2026-05-01", "--until", "2026-05-31")) == [(SEARCH, "A2"), (SEARCH, "A1")]
    assert keys(actions_json(project, "--status", "blocked")) == [(CARD, "A4")]
    assert keys(actions_json(project, "--owner", "payments-team", "--owner", "SRE-team", "--open")) == [
        (CARD, "A2"), (CARD, "A4"), (CARD, "A3"),
    ]


def test_unknown_filter_values_are_usage_errors(project):
    result = run(project, "actions", "--severity", "SEV9")
    assert result.exit_code == 2 and "SEV9" in result.stderr


def test_by_owner_summary(project):
    result = run(project, "actions", "--by-owner", "--format", "json", "--today", TODAY)
    owners = {o["owner"]: o for o in json.loads(result.stdout)["owners"]}
    assert owners["payments-team"] == {
        "owner": "payments-team", "open": 2, "overdue": 2, "oldest_open": "PM-2026-001 A2",
        "oldest_open_date": "2026-01-10", "oldest_open_age_days": 317,
    }
    assert "dba-team" not in owners  # nothing open
    assert list(owners)[:2] == ["payments-team", "identity-team"]  # most overdue first
    table = run(project, "actions", "--by-owner", "--today", TODAY).stdout.splitlines()
    assert table[0].split() == ["Owner", "Open", "Overdue", "Oldest", "open"]
    assert table[2].startswith("payments-team  2     2        PM-2026-001 A2 (2026-01-10, 317 days ago)")


def test_actions_bad_input(project, tmp_path):
    missing = run(project, "actions", "nowhere")
    assert missing.exit_code == 2 and "path does not exist: nowhere" in missing.stderr
    assert run(project, "actions", "--format", "xml").exit_code == 2
    empty = make_project(tmp_path / "empty")
    result = run(empty, "actions")
    assert result.exit_code == 0 and result.stdout.strip() == "No action items match."


# --------------------------------------------------------------------------- the bundled archive


def independent_overdue(folder: Path, today: date) -> set[tuple[str, str]]:
    """Overdue items read straight from each file's action-item table rows."""
    found = set()
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() in ("readme.md", "index.md"):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        header, in_section = None, False
        for line in lines:
            if line.startswith("## "):
                in_section = line[3:].strip().lower() in ("action items", "follow-up actions", "corrective actions")
                header = None
                continue
            if not in_section or not line.startswith("|"):
                continue
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if header is None:
                header = [c.lower() for c in cells]
                continue
            if set(line) <= set("|-: "):
                continue
            row = dict(zip(header, cells))
            due = row.get("due") or row.get("due date") or ""
            try:
                due_date = date.fromisoformat(due)
            except ValueError:
                continue
            if row.get("status", "").lower() in ("open", "in-progress", "blocked") and due_date < today:
                found.add((f"postmortems/{path.name}", row.get("id", "")))
    return found


def test_overdue_items_of_the_bundled_archive():
    result = run(ROOT, "actions", "--overdue", "--format", "json", "--today", TODAY)
    assert result.exit_code == 0
    listed = {(item["path"], item["id"]) for item in json.loads(result.stdout)["actions"]}
    assert listed == independent_overdue(ROOT / "postmortems", date(2026, 11, 23))
    assert listed  # the examples include overdue items


# --------------------------------------------------------------------------- stats


def stats_json(project, *args):
    result = run(project, "stats", "--format", "json", "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def figure(n, median, p90):
    return {"n": n, "median_seconds": median, "p90_seconds": p90}


def test_stats_figures(project):
    data = stats_json(project, "--include-restricted")
    assert data["postmortems"] == 4 and data["restricted"] == 1 and data["left_out"] == 0
    # MTTD 5, 10, 30, 120 min; MTTA 2, 5, 10, 20 min; MTTR 3, 2, 3, 6 h (SEV1..SEV4).
    assert data["overall"] == {
        "count": 4,
        "mttd": figure(4, 20 * 60, 93 * 60),
        "mtta": figure(4, 450, 17 * 60),
        "mttr": figure(4, 3 * 3600, 5 * 3600 + 6 * 60),
    }
    assert data["by_severity"]["SEV4"] == {
        "count": 1, "mttd": figure(1, 7200, 7200), "mtta": figure(1, 1200, 1200), "mttr": figure(1, 21600, 21600),
    }
    assert list(data["by_severity"]) == ["SEV1", "SEV2", "SEV3", "SEV4"]
    assert {q: v["count"] for q, v in data["by_quarter"].items()} == {
        "2025-Q4": 1, "2026-Q1": 1, "2026-Q2": 1, "2026-Q3": 1,
    }
    assert data["actions"] == {"total": 9, "open": 6, "overdue": 3}


def test_stats_leave_restricted_post_mortems_out_by_default(project):
    data = stats_json(project)
    assert data["postmortems"] == 3 and data["restricted"] == 0 and data["left_out"] == 1
    assert sum(v["count"] for v in data["by_severity"].values()) == 3
    assert data["overall"]["mttd"]["n"] == 3
    assert run(project, "stats", "--today", TODAY).stdout.splitlines()[0] == (
        "3 post-mortems; 1 left out (restricted or unreadable), as of 2026-11-23"
    )


def test_stalled_reviews(project):
    data = stats_json(project)
    assert data["review_days"] == 30  # the review-stalled rule's default
    assert data["stalled_reviews"] == [{
        "postmortem": "PM-2026-002",
        "title": "Search slow for EU customers",
        "path": SEARCH,
        "status": "draft",
        "visibility": "internal",
        "ended": "2026-05-02",
        "days_unreviewed": 205,
    }, {
        "postmortem": "PM-2026-031",
        "title": "Order confirmation emails delayed",
        "path": EMAILS,
        "status": "in-review",
        "visibility": "internal",
        "ended": "2026-09-14",
        "days_unreviewed": 70,
    }]
    assert stats_json(project, "--review-days", "205")["stalled_reviews"] == []
    assert len(stats_json(project, "--review-days", "204")["stalled_reviews"]) == 1


def test_stalled_reviews_follow_the_rule_configuration(tmp_path):
    project = make_project(tmp_path, copy_archive=True)
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n[tool.postmortem.rules.review-stalled]\ndays = 400\n", encoding="utf-8")
    data = stats_json(project)
    assert data["review_days"] == 400 and data["stalled_reviews"] == []


def test_stats_table(project):
    out = run(project, "stats", "--today", TODAY, "--include-restricted").stdout.splitlines()
    assert out[0] == "4 post-mortems (1 restricted), as of 2026-11-23"
    assert out[2].split() == ["Severity", "Count", "MTTD", "median", "MTTD", "p90", "MTTA", "median", "MTTA", "p90", "MTTR", "median", "MTTR", "p90"]
    assert "all       4      20m          1h 33m    7m           17m       3h 00m       5h 06m" in out
    assert "Action items: 9 in total, 6 open, 3 overdue." in out
    assert "  PM-2026-002  draft  205 days  Search slow for EU customers" in out
    assert "  PM-2026-031  in-review  70 days  Order confirmation emails delayed" in out


def test_stats_of_an_empty_archive(tmp_path):
    project = make_project(tmp_path)
    assert run(project, "stats").stdout.strip() == "No post-mortems found."
    assert stats_json(project)["overall"]["mttr"] == figure(0, None, None)


def test_stats_of_the_bundled_archive():
    data = json.loads(run(ROOT, "stats", "--format", "json", "--today", TODAY, "--include-restricted").stdout)
    files = [p for p in (ROOT / "postmortems").glob("*.md") if p.name.lower() not in ("readme.md", "index.md")]
    assert data["postmortems"] == len(files)
    assert sum(v["count"] for v in data["by_severity"].values()) == len(files)
    assert sum(v["count"] for v in data["by_quarter"].values()) == len(files)


@pytest.mark.parametrize("values,fraction,expected", [
    ([], 0.5, None), ([7], 0.9, 7), ([1, 2, 3, 4], 0.5, 2.5), ([1, 2, 3, 4], 0.9, 3.7), ([4, 1, 3, 2], 1.0, 4),
])
def test_percentile(values, fraction, expected):
    result = percentile(values, fraction)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)
