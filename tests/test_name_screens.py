"""The cheap screens in front of the name rules' searches (PM501, PM506) let through every
text the search they guard can match: a screen may only skip work, never a finding."""

from __future__ import annotations

import pytest

from postmortem.rules import _lexicon as lex
from postmortem.rules import _people
from postmortem.rules import blame_named_person as bnp
from postmortem.rules._language import words_of

from .conftest import corpus_cells

# Texts each search below matches, and near misses.
SHAPES = [
    "Tan Wei Chiang, 30, then lied to his supervisor.",
    "Tan Wei Chiang, 3, then lied.",
    "coolguy42 force-pushed to main.",
    "the_real_dev merged the change; john.smith acknowledged the page.",
    "See e.g. the runbook, v2.3 and build_42.",
    "Then jens deployed the fix, and marta restarted it.",
    "mkumar approved the change.",
    "Please check with MarianMacik first; MacFan4000 reverts his changes and RhinosF1 agreed.",
    "DrMagnus approached the desk. BenTheElder said no.",
    "iPhone users and eBay sellers saw errors.",
    "Ünal deployed, then Émile ran it.",
    "All fine.\nthen alex and jens merged it\nkevin_l reviewed it.",
]


def _texts() -> list[str]:
    return list(SHAPES) + corpus_cells("prose.tsv", "actions.tsv", "real/prose-dev.tsv", "real/actions-dev.tsv")


TEXTS = _texts()


@pytest.mark.parametrize(
    "screen, search",
    [
        (_people._AGE_SHAPE, _people._AGE),
        (_people._HANDLE_SHAPE, _people._HANDLE_ANYWHERE),
        (_people._LOWER_UPPER, _people._CAMEL_WORD),
        (_people._LOWER_UPPER, _people._CAMEL_DIGITS_ANYWHERE),
    ],
)
def test_a_pattern_screen_lets_through_every_text_its_search_matches(screen, search):
    matched = [text for text in TEXTS if search.search(text)]
    assert matched  # the test sees texts the search matches
    assert all(screen.search(text) for text in matched)


def test_every_lower_case_actor_is_a_word_the_given_name_screen_sees():
    seen = 0
    for text in TEXTS:
        words = words_of(text)
        for match in _people._LOWER_ACTOR.finditer(text):
            low = match.group(1)
            assert low in words
            if low not in _people._COMMON and low not in lex.SYSTEMS and _people.is_given_name(low):
                assert _people._lower_given_name(low)
                seen += 1
    assert seen  # "Then jens deployed …"


def test_the_slip_verbs_are_every_word_the_slip_test_accepts():
    words = set(bnp._slip_verbs())
    for noun in lex.BLAME_NOUNS:
        for tail in ("ed", "d", noun[-1] + "ed", "x" + "ed", "eed", "ing"):
            words.add(noun + tail)
            words.add(noun[1:] + tail)
    for text in TEXTS:
        words |= words_of(text)
    accepted = {word for word in words if bnp._verb_from_slip(word)}
    assert accepted == set(bnp._slip_verbs())
    assert {"typoed", "blundered", "slipped"} <= accepted


def test_the_block_screen_is_one_set_of_the_cue_words():
    cues = bnp._cue_words()
    assert bnp._SCREEN <= cues and bnp._CLAUSE_SCREEN <= cues and bnp._class_cues() <= cues
    assert bnp._judging_words() <= cues and bnp._slip_verbs() <= cues


def test_a_line_that_starts_with_a_clock():
    assert _people.starts_with_clock("All fine.\n[14:03] dave: restarting")
    assert _people.starts_with_clock("- 9:41 UTC alerts fire")
    assert not _people.starts_with_clock("14.03 dave restarting")
    assert not _people.starts_with_clock("At 14:03 dave restarted it")


def test_the_people_of_the_last_block_are_kept_for_the_same_analysis_names_and_words():
    from postmortem.rules._language import NameOptions, analyse

    names = NameOptions.from_options({"allowed-names": [], "people": []})
    other_names = NameOptions.from_options({"allowed-names": ["Dave"], "people": []})
    an = analyse("Dave pushed the broken config, and Priya Patel reverted it.")
    other = analyse("Maria restarted the pods.")
    never, services = frozenset(), frozenset({"priya", "patel"})
    for args in [(an, names, never), (an, names, never), (an, names, services), (other, names, never),
                 (an, other_names, never), (an, names, never)]:
        assert bnp._people_spans(*args) == bnp._compute_people_spans(*args)
    assert bnp._people_spans(an, names, never) != bnp._people_spans(an, names, services)
    assert bnp._people_spans(an, names, never) != bnp._people_spans(an, other_names, never)


def test_the_patterns_that_start_at_the_capital_find_what_a_look_behind_first_finds():
    # rewritten so the engine skips from capital to capital; the same matches as before
    before_capital = r"(?<![\w'’@./\-])[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+(?=['’]s\b|[^\w'’@\-]|$)"
    lower_upper = r"[a-z][A-Z]"
    import re

    texts = TEXTS + ["O'Neil and d'Arcy met Ūna.Bob, x@Alan, /Path, ÆLFRED's, Ōsaka", "aB", "Ab", "ſA", "Ā"]
    for text in texts:
        assert _people._capitalised_findall()(text) == re.findall(before_capital, text)
        assert (_people._LOWER_UPPER.search(text) is None) == (re.search(lower_upper, text) is None)


def test_the_handle_screen_found_from_the_dot_or_digit_finds_what_the_plain_pattern_finds():
    import re

    plain = r"[a-z0-9][._][a-z]|[a-z]{4}\d"  # what the two branches of _HANDLE_ANYWHERE each hold
    texts = TEXTS + ["ab.c", "abcd1", "abc1", "x_y", "_y", "9.z", "A.b", "k8s", "jdoe42", "e.g. build_42", "1.5"]
    assert any(re.search(plain, text) for text in texts) and not all(re.search(plain, text) for text in texts)
    for text in texts:
        assert (_people._HANDLE_SHAPE.search(text) is None) == (re.search(plain, text) is None), text
