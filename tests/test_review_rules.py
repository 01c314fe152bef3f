"""Options of the review-workflow, tracking and factor rules (PM108, PM208, PM307, PM317,
PM318): what each changes, and the configuration errors a bad value gives.

The fixtures in tests/fixtures/rules/<CODE>/ hold the must-flag and must-not-flag cases.
"""

from __future__ import annotations

from datetime import date

import pytest

from postmortem.config import ConfigError, RuleSettings
from postmortem.diagnostics import Severity
from postmortem.engine import Linter

from .conftest import lint_text, make_config


def lint(text: str, select, today: date = date(2026, 11, 23), **rules):
    config = make_config(rules={code: RuleSettings(**settings) for code, settings in rules.items()})
    return lint_text(text, select=select, config=config, today=today)


IN_REVIEW = "---\nid: PM-2026-900\ntitle: \"Duplicate renewal charges\"\nstatus: in-review\nstarted: 2026-10-01T02:16:00Z\nresolved: 2026-10-02T16:00:00Z\n---\n"


def test_review_stalled_days_option():
    assert [d.message for d in lint(IN_REVIEW, ["PM108"])] == [
        "still in-review 52 days after resolution (2026-10-02); reviews should finish within 30 days"
    ]
    assert lint(IN_REVIEW, ["PM108"], PM108={"options": {"days": 60}}) == []
    assert lint(IN_REVIEW, ["PM108"], today=date(2026, 11, 1)) == []  # 30 days: not yet


@pytest.mark.parametrize("value", [-1, 2.5])
def test_review_stalled_rejects_a_bad_number_of_days(value):
    with pytest.raises(ConfigError, match="days"):
        Linter(make_config(rules={"PM108": RuleSettings(options={"days": value})}))


DRAFT = "---\nid: PM-2026-901\ntitle: \"Checkout errors\"\nstatus: draft\n---\n\nThe fix was rolled out at TBD.\n"


def test_draft_gaps_are_warnings_unless_configured_as_errors():
    found = lint(DRAFT, ["PM205", "PM208"])
    assert [(d.code, d.severity) for d in found] == [("PM208", Severity.WARNING)]
    strict = lint(DRAFT, ["PM205", "PM208"], PM208={"severity": Severity.ERROR})
    assert [(d.code, d.severity) for d in strict] == [("PM208", Severity.ERROR)]
    in_review = lint(DRAFT.replace("status: draft", "status: in-review"), ["PM205", "PM208"])
    assert [(d.code, d.severity) for d in in_review] == [("PM205", Severity.ERROR)]


FACTORS = """---
id: PM-2026-902
title: "Checkout errors"
---

## Root Cause Analysis

| ID | Factor | Category | Contribution | Preventable |
|----|--------|----------|--------------|-------------|
| CF1 | Pool does not validate connections | Technical | primary | yes |
| CF2 | Alert threshold tuned for weekday traffic | Technical | minor | partially |

## Action Items

| ID | Action | Category | Owner | Priority | Due | Status | Addresses |
|----|--------|----------|-------|----------|-----|--------|-----------|
| A1 | Enable validation on borrow | prevent | payments-team | P1 | 2026-03-20 | done | CF1 |
"""


def test_factor_unaddressed_from_a_contribution_level():
    assert lint(FACTORS, ["PM307"]) == []
    found = lint(FACTORS, ["PM307"], PM307={"options": {"min-contribution": "minor"}})
    assert [d.message for d in found] == ["minor factor CF2 is not addressed by any action item, and no reason is given"]
    explained = FACTORS + "\nNo action for CF2: weekday traffic is the case the alert is for.\n"
    assert lint(explained, ["PM307"], PM307={"options": {"min-contribution": "minor"}}) == []
    # primary factors are PM305's alone
    assert lint(FACTORS.replace("| done | CF1 |", "| done | |"), ["PM307"]) == []


def test_factor_unaddressed_rejects_an_unknown_level():
    with pytest.raises(ConfigError, match="min-contribution must be one of primary, contributing, minor"):
        Linter(make_config(rules={"PM307": RuleSettings(options={"min-contribution": "major"})}))


TRACKED = FACTORS.replace("| Addresses |", "| Tracking |").replace("| done | CF1 |", "| done | INC-42 |")


def test_tracking_patterns_name_the_organisations_tracker():
    assert lint(TRACKED, ["PM317"]) == []
    ours = {"patterns": [r"OPS-[0-9]+", r"https://github\.com/acme/[\w.-]+/issues/[0-9]+"]}
    found = lint(TRACKED, ["PM317"], PM317={"options": ours})
    assert [d.message for d in found] == ["tracking reference `INC-42` of action item A1 matches no tracker pattern"]
    assert lint(TRACKED.replace("INC-42", "https://github.com/acme/api/issues/7"), ["PM317"], PM317={"options": ours}) == []


def test_tracking_patterns_must_be_regular_expressions():
    with pytest.raises(ConfigError, match="is not a regular expression"):
        Linter(make_config(rules={"PM317": RuleSettings(options={"patterns": ["OPS-("]})}))


def test_tracking_required_from_a_priority():
    untracked = TRACKED.replace("INC-42", "—")
    assert lint(untracked, ["PM318"]) == []  # required from no priority by default
    assert len(lint(untracked, ["PM318"], PM318={"options": {"required-from": "P1"}})) == 1
    assert lint(untracked, ["PM318"], PM318={"options": {"required-from": "P0"}}) == []
    with pytest.raises(ConfigError, match="required-from must be one of P0, P1, P2, P3"):
        Linter(make_config(rules={"PM318": RuleSettings(options={"required-from": "high"})}))
