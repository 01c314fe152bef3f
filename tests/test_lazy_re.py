"""postmortem.lazy_re: a pattern compiled on first use behaves as the compiled pattern."""

import re

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
