"""The language rules answer the tests that set a block aside once per text, not once per
document that holds it (a document's cells repeat, and so do an archive's stock sentences).
Each kept answer is the answer of the tests it stands for, and a rule finds the same whether
the answers were kept before or are worked out afresh."""

from __future__ import annotations

from postmortem.config import RuleSettings
from postmortem.rules import _clauses as cl
from postmortem.rules import _lexicon as lex
from postmortem.rules import _people
from postmortem.rules import blame_human_error as bhe
from postmortem.rules import blame_named_person as bnp
from postmortem.rules import blame_person_error as bpe
from postmortem.rules import counterfactual_person as cfp
from postmortem.rules._language import words_of

from .conftest import FIXTURES, lint_text, make_config
from .test_blame_screens import TEXTS

_MEMOS = (bnp._screen, bpe._may_blame, bhe._screen, cfp._may_hold)


def _clear():
    for memo in _MEMOS:
        memo.cache_clear()


def test_pm501_keeps_how_far_a_text_gets_through_its_screen():
    levels = set()
    for text in TEXTS:
        words = words_of(text)
        cued = bool(not words.isdisjoint(bnp._cue_words()) or not words.isdisjoint(cl.DUTY_WORDS) and cl.negated_duty(text)
                    or cl.has_error_prefixed(words) or cl.class_screen(words, text))
        someone = bool(not words.isdisjoint(bnp._PRONOUNS) or _people.candidates(text))
        level = bnp._screen(text)
        assert level == (0 if not cued else 2 if someone else 1), text
        levels.add(level)
    assert levels == {0, 1, 2}  # the texts reach every outcome


def test_pm507_keeps_whether_a_text_passes_its_screen_and_cue_tests():
    passed = 0
    for text in TEXTS:
        words = cl.with_simple_pasts(words_of(text))
        expected = bool(bpe._screened(words, text) and bpe._cued(words, text))
        assert bpe._may_blame(text) == expected, text
        passed += expected
    assert 100 < passed < len(TEXTS)


def test_pm502_keeps_whether_a_text_may_give_people_or_a_slip_as_the_cause():
    seen = set()
    for text in TEXTS + ["People are the weakest link.", "It was human error."]:
        people = bool(("uman" in text or "eople" in text or "ployees" in text) and bhe._PEOPLE_AS_CAUSE.search(text))
        slip = bool(any(part in text for part in ("rror", "istake", "ailure", "lip", "ault", "versight", "lunder", "apse"))
                    and bhe._slip().occurs(text))
        assert bhe._screen(text) == (people, slip), text
        seen.add((people, slip))
    assert {(True, False), (False, True), (False, False)} <= seen


def test_pm505_keeps_whether_a_text_may_hold_a_counterfactual():
    answers = [cfp._may_hold(text) for text in TEXTS]
    _clear()
    assert answers == [cfp._may_hold.__wrapped__(text) for text in TEXTS]
    assert any(answers) and not all(answers)


def test_findings_are_the_same_with_answers_kept_or_worked_out_afresh():
    text = (FIXTURES / "complete.md").read_text(encoding="utf-8")
    blaming = text.replace(
        "## Summary\n",
        "## Summary\n\nDave forgot to run the migration, and the engineer accidentally deleted the index. "
        "It was human error. The on-call engineer should have checked the replication lag. @jdoe was fired.\n\n",
        1,
    )
    assert blaming != text
    select = ["PM501", "PM502", "PM505", "PM506", "PM507"]
    _clear()
    afresh = lint_text(blaming, select=select)
    kept = lint_text(blaming, select=select)  # the same texts again: every answer kept
    assert afresh == kept
    assert {d.code for d in afresh} >= {"PM501", "PM502", "PM505", "PM506", "PM507"}


def test_a_person_configured_by_pattern_is_blamed_in_a_text_no_other_test_lets_through():
    """PM501 lets a cued text through without a name, handle or pronoun when people are
    configured by pattern: only they can be the person blamed there."""
    sentence = "Zorblax deleted the production database by mistake."
    assert bnp._screen(sentence) == 1  # a cue, and nobody the text itself shows
    text = (FIXTURES / "complete.md").read_text(encoding="utf-8").replace("## Summary\n", f"## Summary\n\n{sentence}\n\n", 1)
    config = make_config()
    config.rules = {"PM501": RuleSettings(options={"people": ["Zorblax"]})}
    found = [d for d in lint_text(text, select=["PM501"], config=config) if "Zorblax" in d.message]
    assert len(found) == 1
    assert not [d for d in lint_text(text, select=["PM501"]) if "Zorblax" in d.message]
    assert "zorblax" not in lex.GIVEN_NAMES
