"""postmortem.lazy_re: a pattern compiled on first use behaves as the compiled pattern."""

import re

import pytest

from postmortem.lazy_re import lazy


def test_lazy_pattern_is_compiled_on_first_use_only():
    pattern = lazy(r"pass(?:word)?\s*[:=]\s*(\S+)", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.search("Password: hunter2").group(1) == "hunter2"
    compiled = pattern._compiled
    assert compiled is not None
    assert pattern.search("nothing here") is None
    assert pattern._compiled is compiled  # compiled once


def test_lazy_pattern_methods_match_the_compiled_pattern():
    text = "pw=a1 then PASS = b2, password:c3"
    eager = re.compile(r"(?:pass(?:word)?|pw)\s*[:=]\s*(\w+)", re.IGNORECASE)
    deferred = lazy(r"(?:pass(?:word)?|pw)\s*[:=]\s*(\w+)", re.IGNORECASE)
    assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert deferred.findall(text) == eager.findall(text) == ["a1", "b2", "c3"]
    assert deferred.fullmatch("pw=x").group(1) == "x"
    assert deferred.pattern == eager.pattern and deferred.flags == eager.flags


def test_compiled_methods_are_the_compiled_patterns_own():
    # after the first call, the methods are found on the object: no indirection per call
    pattern = lazy(r"\d+")
    assert pattern.findall("a1b22") == ["1", "22"]
    for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
        assert object.__getattribute__(pattern, name) == getattr(pattern._compiled, name)


def _joined(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _matches(pattern: str, text: str, flags: int = 0):
    return [(m.span(), m.groups(), m.groupdict()) for m in re.finditer(pattern, text, flags)]


def test_alternation_finds_what_the_join_by_length_finds():
    from hypothesis import given, settings, strategies as st

    from postmortem.lazy_re import alternation

    letters = "ab-. "
    word = st.text(alphabet=letters, min_size=1, max_size=5)

    @settings(max_examples=400, deadline=None)
    @given(st.sets(word, min_size=1, max_size=8), st.text(alphabet=letters + "c", max_size=40))
    def same(words, text):
        for shape in (r"(?P<w>{})", r"(?:{})\b", r"(\w*?)\s?(?:{})(?:ed|d)?(?=\s|$)", r"(?:{})\.?\s+(\w+)"):
            assert _matches(shape.format(alternation(words)), text) == _matches(shape.format(_joined(words)), text)

    same()


def test_alternation_of_the_rules_word_lists():
    from postmortem.lazy_re import alternation
    from postmortem.rules import _people

    words = set(_people._VERB_CUES)
    text = "Then kiyota noticed it, Walsh said so, and dave went home; an admin apologized. " * 3
    pattern = r"(?:^|(?<=[\s(\[\"“'‘,;:]))(?P<who>@?[^\W\d_][\w\-]*?)['’]?\s+(?:[a-z]+\s+){{0,2}}(?:{})\b"
    assert _matches(pattern.format(alternation(words)), text) == _matches(pattern.format(_joined(words)), text)
    assert _matches(pattern.format(alternation(words)), text)
    assert alternation(["plan", "planned", "plans"]) == "plan(?:ned|s)?"


def test_a_caseless_pattern_occurs_where_the_case_insensitive_one_matches():
    from hypothesis import given, settings, strategies as st

    from postmortem.lazy_re import Caseless
    from postmortem.rules import _clauses, blame_human_error, factor_unaddressed

    _clauses.negated_duty("")  # compiles the rule's pattern
    patterns = [blame_human_error._slip(), factor_unaddressed.REASON, _clauses._NEGATED_DUTY,
                Caseless(r"\b(?:would|could)"), Caseless(r"(?:^|[.;!?:]\s+|\b(?:and|but|that)\s+)(?:had|if)\b")]
    texts = ["It was Human  Error.", "HUMAN ERROR", "no further action", "NO Action Items", "we did NOT check",
             "ſtaff error", "staff error", "ſtaff ERROR", "Kelvin: \u212a", "the Data-Entry error", "İhuman error",
             "risk was ACCEPTED", "Had we known", "If only", "x-human error", "a-No action"]

    def same(text):
        for pattern in patterns:
            assert pattern.occurs(text) == (re.search(pattern.pattern, text, re.IGNORECASE) is not None), (pattern, text)

    for text in texts:
        same(text)

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="HhUuMmAaNnEeRrOo .-'\u017f\u212aİı\n", max_size=30))
    def fuzzed(text):
        same(text)

    fuzzed()
    with pytest.raises(ValueError):
        Caseless(r"\bHuman\b")
