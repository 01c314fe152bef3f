"""Questions the action-item rules each ask of an item (where its instruction opens, whether it
is verb-first, where a label ends) are worked out once per analysis, with the same answers."""

from __future__ import annotations

from pathlib import Path

from postmortem.rules import _actions
from postmortem.rules import _language
from postmortem.rules._language import analyse, per_analysis

ITEMS = [
    "Add an alert on replication lag above 30 s",
    "Task: Set up monitoring for the queue depth",
    "Please, if the deploy fails, roll back within 10 minutes",
    "Engineers should double-check the region before running migrations",
    "Query Optimization Quest: A journey into indexes",
    "Look into the flaky test",
]


def test_an_answer_is_worked_out_once_per_analysis():
    calls = []

    @per_analysis
    def first_word(an):
        calls.append(an.text)
        return an.tokens[0].low

    an = analyse("Roll back the change")
    assert first_word(an) == first_word(an) == "roll"
    assert calls == ["Roll back the change"]
    other = analyse("Page the on-call engineer")
    assert first_word(other) == "page" and len(calls) == 2


def test_kept_answers_are_the_answers_worked_out_afresh():
    for item in ITEMS:
        an = analyse(item)
        kept = (_actions.opening(an), _actions.verb_first(an), _actions.label_end(an))
        assert kept == (_actions.opening(an), _actions.verb_first(an), _actions.label_end(an))
        fresh = _language._analyse_masked.__wrapped__(_language.mask(item))  # a new analysis of the same text: nothing kept on it
        assert not fresh.memo and fresh == an
        assert kept == (_actions._opening(fresh), _actions.verb_first.__wrapped__(fresh), _actions.label_end.__wrapped__(fresh))


def test_the_rules_of_one_document_share_its_action_cells():
    from postmortem.parse import parse_text

    text = (Path(__file__).parent / "fixtures" / "complete.md").read_text(encoding="utf-8")
    doc, again = parse_text(text, "a.md"), parse_text(text, "b.md")
    cells = _actions.action_cells(doc)
    assert cells and _actions.action_cells(doc) is cells
    other = _actions.action_cells(again)  # another document: its own list, the same items
    assert other is not cells and [(i.id, c.text) for i, c, _ in other] == [(i.id, c.text) for i, c, _ in cells]


def test_vague_and_behaviour_only_answers_are_kept_and_are_the_answers_worked_out_afresh():
    raws = ["Improve monitoring", "Add an alert on replication lag above 30 s", "Engineers should be more careful",
            "Enhance monitoring and alerting (due by Oct 31, 2023)", *ITEMS]
    found = set()
    for raw in raws:
        an = analyse(raw)
        kept = (_actions.vague(an, raw), _actions.behaviour_only(an))
        assert (_actions.vague, raw) in an.memo and _actions.behaviour_only.__wrapped__ in an.memo
        assert kept == (_actions.vague(an, raw), _actions.behaviour_only(an))
        fresh = _language._analyse_masked.__wrapped__(_language.mask(raw))
        assert kept == (_actions.vague(fresh, raw), _actions.behaviour_only(fresh))
        assert kept == (_actions._vague_or_undated(fresh, raw), _actions.behaviour_only.__wrapped__(fresh))
        found.add((kept[0] is None, kept[1] is None))
    assert {(True, True), (False, True), (True, False)} <= found  # vague items, behaviour-only items and clean ones


def test_vague_is_kept_by_the_cell_s_raw_text():
    an = analyse("Improve monitoring")
    _actions.vague(an, "Improve monitoring")
    _actions.vague(an, "Improve `monitoring`")  # another cell whose prose text is the same
    assert (_actions.vague, "Improve monitoring") in an.memo and (_actions.vague, "Improve `monitoring`") in an.memo
