"""The schema check without jsonschema gives jsonschema's verdict, or says it cannot tell.

schema-violation (PM101) asks jsonschema for errors only when
``postmortem.rules._schema_valid.is_valid`` does not answer True, so a wrong True would
hide findings: every verdict here is compared with jsonschema's own.
"""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem import vocabulary
from postmortem.parse import parse_file
from postmortem.rules._schema_valid import is_valid

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = vocabulary.schema()
JSONSCHEMA = jsonschema.Draft202012Validator(SCHEMA)


def frontmatters() -> list[dict]:
    found = []
    for folder in (ROOT / "postmortems", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*.md")):
            doc = parse_file(path, str(path))
            if doc.frontmatter is not None:
                found.append(doc.frontmatter.data)
    return found


FRONTMATTERS = frontmatters()
VALUES = [None, True, False, 0, 1, -1, 1.0, 2.5, -0.5, float("nan"), float("inf"), "", "x", "unknown", "SEV2",
          "sev2", "draft", "closed", "PM-2026-001", "PM-26-1", "2026-03-04T14:02:00Z", "2026-03-04 14:02",
          "2026-03-04", "web-api", "Web API", "none", "a long enough summary", [], ["a"], ["a", "a"], ["web", 1],
          ["PM-2026-001", "PM-2026-001"], [["nested"]], {}, {"summary": "x"}]


def verdict(data) -> bool:
    return JSONSCHEMA.is_valid(data)


def agrees(data) -> bool:
    mine = is_valid(data, SCHEMA)
    return mine is None or mine == verdict(data)


def test_the_archive_and_the_fixtures_agree_and_valid_ones_are_answered():
    assert len(FRONTMATTERS) > 20
    valid = [data for data in FRONTMATTERS if verdict(data)]
    assert valid and len(valid) < len(FRONTMATTERS)  # both kinds are exercised
    for data in FRONTMATTERS:
        assert agrees(data), data
    assert all(is_valid(data, SCHEMA) is True for data in valid)


def mutations(data: dict):
    """Each key dropped; each key, each impact key and each list item set to each of VALUES;
    an unknown key added."""
    for key in list(data):
        changed = copy.deepcopy(data)
        del changed[key]
        yield changed
    for key in [*SCHEMA["properties"], "unknown_key"]:
        for value in VALUES:
            changed = copy.deepcopy(data)
            changed[key] = copy.deepcopy(value)
            yield changed
    if isinstance(data.get("impact"), dict):
        for key in [*SCHEMA["properties"]["impact"]["properties"], "other"]:
            for value in VALUES:
                changed = copy.deepcopy(data)
                changed["impact"][key] = copy.deepcopy(value)
                yield changed
    for key, value in data.items():
        if isinstance(value, list) and value:
            for replacement in VALUES:
                changed = copy.deepcopy(data)
                changed[key][0] = copy.deepcopy(replacement)
                yield changed


def test_every_single_change_to_a_valid_frontmatter_agrees():
    valid = [data for data in FRONTMATTERS if verdict(data)][:4]
    checked = answered = 0
    for data in valid:
        for changed in mutations(data):
            mine = is_valid(changed, SCHEMA)
            assert mine is None or mine == verdict(changed), changed
            checked += 1
            answered += mine is not None
    assert checked > 1000
    assert answered > 0.95 * checked  # it rarely leaves the answer to jsonschema


plain = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=True) | st.sampled_from(VALUES[10:26]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["summary", "x", "users_affected"]), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FRONTMATTERS), st.dictionaries(st.sampled_from([*SCHEMA["properties"], "other"]), plain, max_size=4))
def test_random_changes_agree(data, changes):
    changed = copy.deepcopy(data)
    changed.update(changes)
    assert agrees(changed), changed


def test_what_it_does_not_read_is_left_to_jsonschema():
    import datetime

    valid = next(data for data in FRONTMATTERS if verdict(data))
    changed = {**valid, "started": datetime.datetime(2026, 1, 1)}  # not a value the reader makes
    assert is_valid(changed, SCHEMA) is None
    assert is_valid({**changed, "severity": "high"}, SCHEMA) is False  # one certain error is enough
    assert is_valid("x", {"format": "date"}) is None  # a keyword it does not implement
    assert is_valid(["a", 1], {"uniqueItems": True}) is None
    assert is_valid(1, {"$ref": "#/$defs/missing"}) is None
