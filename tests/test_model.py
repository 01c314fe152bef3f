"""The document model: positions that map back to the file, frontmatter spans, incident
metrics, sections. Every position is checked by slicing the original text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from postmortem.model import Span
from postmortem.parse import parse_bytes, parse_text

from .conftest import ROOT


def source_at(doc, span: Span) -> str:
    """The text of the file that ``span`` covers (end exclusive), lines joined with LF."""
    lines = doc.source.lines
    if span.line == span.end_line:
        return lines[span.line - 1][span.col - 1 : span.end_col - 1]
    parts = [lines[span.line - 1][span.col - 1 :]]
    parts += lines[span.line : span.end_line - 1]
    parts.append(lines[span.end_line - 1][: span.end_col - 1])
    return "\n".join(parts)


def find(doc, needle: str, kind: str | None = None):
    """(block, span) of the first prose block whose text contains ``needle``."""
    for block in doc.prose:
        if kind and block.kind != kind:
            continue
        at = block.text.find(needle)
        if at >= 0:
            return block, block.span(at, at + len(needle))
    raise AssertionError(f"{needle!r} is in no prose block: {[b.text for b in doc.prose]}")


def assert_every_character_maps(doc):
    """Each visible character of every prose block is the file's character at its position."""
    for block in doc.prose:
        for offset, char in enumerate(block.text):
            if char.isspace():
                continue
            line, col = block.position(offset)
            assert doc.source.lines[line - 1][col - 1] == char, (block.text, offset, line, col)


BODY = """\
---
id: PM-2026-007
---

## Summary

First line of a paragraph with `inline | code` inside
and a second line that goes on
    and ends on a third, indented line.

- A list item that wraps
  onto a second line
- An item	with a tab and *emphasis*
  1. A nested item with a [link](https://example.com/runbook) in it

## Timeline ##

| Time | Event | Actor | Notes |
|------|-------|-------|-------|
| 14:02 UTC | Pool A \\| pool B drained, see `lag \\| locks` | naïve café ops | 🔥 at \t peak |

Setext Heading Over Two
Lines Of Text
---------------------------
"""


@pytest.fixture(scope="module")
def body_doc():
    return parse_text(BODY, "body.md")


def test_paragraph_over_several_lines_maps_each_line(body_doc):
    block, span = find(body_doc, "paragraph with")
    assert source_at(body_doc, span) == "paragraph with"
    assert span == Span(7, 17, 7, 31)
    # the indentation of a continuation line stays in the text, as spaces
    block, span = find(body_doc, "goes on\n    and ends")
    assert (span.line, span.col, span.end_line, span.end_col) == (8, 24, 9, 13)
    assert source_at(body_doc, span) == "goes on\n    and ends"
    _, span = find(body_doc, "indented line.")
    assert span == Span(9, 26, 9, 40)


def test_inline_code_link_destination_and_markup_are_masked(body_doc):
    block, _ = find(body_doc, "First line")
    assert "inline" not in block.text and "|" not in block.text
    block, span = find(body_doc, "link")
    assert "example.com" not in block.text and "runbook" not in block.text
    assert source_at(body_doc, span) == "link"
    block, span = find(body_doc, "emphasis")
    assert "*" not in block.text
    assert source_at(body_doc, span) == "emphasis"


def test_list_items_and_continuation_lines(body_doc):
    _, span = find(body_doc, "onto a second line")
    assert span == Span(12, 3, 12, 21)
    _, span = find(body_doc, "A nested item")
    assert span == Span(14, 6, 14, 19)


def test_tab_is_one_column(body_doc):
    _, span = find(body_doc, "with a tab")
    assert span.col == 11  # "- An item\t" is ten code points
    assert source_at(body_doc, span) == "with a tab"


def test_atx_heading_with_closing_hashes(body_doc):
    block, span = find(body_doc, "Timeline", kind="heading")
    assert span == Span(16, 4, 16, 12)
    assert body_doc.section("timeline").title_span == Span(16, 4, 16, 12)


def test_setext_heading_over_two_lines(body_doc):
    block, span = find(body_doc, "Lines Of Text", kind="heading")
    assert span == Span(23, 1, 23, 14)
    section = body_doc.sections[-1]
    assert (section.title, section.level, section.line) == ("Setext Heading Over Two Lines Of Text", 2, 22)


def test_table_cells_with_escaped_pipes_inline_code_and_non_ascii(body_doc):
    table = body_doc.table("timeline")
    row = table.rows[0]
    event = table.value(row, "event")
    assert event.raw == "Pool A \\| pool B drained, see `lag \\| locks`"
    assert event.text == "Pool A | pool B drained, see lag | locks"
    assert source_at(body_doc, event.span) == event.raw
    # offsets after the escaped pipe map past the backslash the parser dropped
    at = event.prose.text.index("pool B")
    assert source_at(body_doc, event.prose.span(at, at + len("pool B"))) == "pool B"
    assert "lag" not in event.prose.text  # inline code is masked
    actor = table.value(row, "actor")
    assert source_at(body_doc, actor.span) == "naïve café ops"
    _, span = find(body_doc, "café")
    assert source_at(body_doc, span) == "café"
    notes = table.value(row, "notes")
    assert source_at(body_doc, notes.span) == "🔥 at \t peak"  # an emoji is one column
    _, span = find(body_doc, "peak")
    assert source_at(body_doc, span) == "peak"


def test_every_prose_character_maps_back(body_doc):
    assert_every_character_maps(body_doc)


def test_the_bundled_archive_maps_back():
    files = sorted((ROOT / "postmortems").glob("*.md"))
    assert files
    for path in files:
        assert_every_character_maps(parse_bytes(path.read_bytes(), str(path)))


@pytest.mark.parametrize(
    "text, needle",
    [
        # markdown-it trims a line holding only U+00A0 off the front of a paragraph
        ("\u00a0\nThe pool drained.\n", "pool drained"),
        # U+0085 is not whitespace to markdown-it: it stays in the cell
        ("## Timeline\n\n| Time | Event |\n|--|--|\n| 14:02 UTC |\u0085Pool drained |\n", "Pool drained"),
        ("| Time | Event |\n|--|--|\n\u0085| 14:02 UTC | Pool drained |\n", "14:02 UTC"),
        # NUL becomes U+FFFD in the text, one column like the byte it replaces
        ("- The pool\x00 drained.\n", "drained"),
    ],
    ids=["nbsp-line", "nel-in-cell", "nel-before-row", "nul"],
)
def test_unusual_whitespace_keeps_columns(text, needle):
    doc = parse_text("---\nid: PM-2026-001\n---\n\n" + text)
    _, span = find(doc, needle)
    assert source_at(doc, span) == needle
    assert_every_character_maps_or_nul(doc)


def assert_every_character_maps_or_nul(doc):
    for block in doc.prose:
        for offset, char in enumerate(block.text):
            if char.isspace():
                continue
            line, col = block.position(offset)
            assert doc.source.lines[line - 1][col - 1].replace("\x00", "\ufffd") == char


def test_empty_cell_spans_the_gap_between_pipes():
    doc = parse_text("## Timeline\n\n| Time | Event | Actor |\n|--|--|--|\n| 14:02 UTC |    | ops |\n")
    cell = doc.tables[0].rows[0].cells[1]
    assert (cell.raw, cell.text) == ("", "")
    assert cell.span == Span(5, 14, 5, 18)


# --------------------------------------------------------------------------- frontmatter

FRONTMATTER = """\
---
id: "PM-2026-001"
impact: {summary: "EU \\"checkout\\" failed", users_affected: 5}
services: [checkout-api, 'payments''db']
tags:
- database
-   dns   # a comment
impact_note: plain text # a comment
nested:
  deeper:
    leaf: 3
---
"""


@pytest.fixture(scope="module")
def fm_doc():
    return parse_text(FRONTMATTER, "fm.md")


@pytest.mark.parametrize(
    "path, value",
    [
        (("id",), '"PM-2026-001"'),
        (("impact",), '{summary: "EU \\"checkout\\" failed", users_affected: 5}'),
        (("impact", "summary"), '"EU \\"checkout\\" failed"'),
        (("impact", "users_affected"), "5"),
        (("services",), "[checkout-api, 'payments''db']"),
        (("services", 0), "checkout-api"),
        (("services", 1), "'payments''db'"),
        (("tags", 0), "database"),
        (("tags", 1), "dns"),
        (("impact_note",), "plain text"),
        (("nested", "deeper", "leaf"), "3"),
    ],
)
def test_frontmatter_value_positions(fm_doc, path, value):
    assert source_at(fm_doc, fm_doc.frontmatter.positions[path]) == value


@pytest.mark.parametrize(
    "path, line, key",
    [
        (("id",), 2, "id"),
        (("impact", "users_affected"), 3, "users_affected"),
        (("tags",), 5, "tags"),
        (("nested", "deeper"), 10, "deeper"),
        (("nested", "deeper", "leaf"), 11, "leaf"),
    ],
)
def test_frontmatter_key_positions(fm_doc, path, line, key):
    span = fm_doc.frontmatter.key_positions[path]
    assert span.line == line
    assert source_at(fm_doc, span) == key


def test_frontmatter_data_is_plain_and_timestamps_stay_text():
    doc = parse_text("---\nstarted: 2026-03-04T14:02:00Z\npublished: 2026-03-09\nn: 5\nok: true\n---\n")
    assert doc.frontmatter.data == {"started": "2026-03-04T14:02:00Z", "published": "2026-03-09", "n": 5, "ok": True}
    assert type(doc.frontmatter.data["started"]) is str
    assert (doc.frontmatter.start_line, doc.frontmatter.end_line, doc.body_line) == (1, 6, 7)


def test_parsing_keeps_nothing_of_a_document_once_it_is_dropped():
    """A run over a large archive parses one document at a time: what the parser keeps
    between documents (the YAML composer, its caches) must not grow with each one."""
    import gc
    import tracemalloc

    text = "---\nid: PM-2026-0001\nstarted: 2026-03-04T14:02:00Z\ntags: [a, b]\n---\n# Title\n\nText.\n"
    for _ in range(20):  # caches of fixed size fill here
        parse_text(text)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(2_000):
            parse_text(text)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 100_000, f"{grown} bytes kept after parsing 2,000 documents"  # 380 KB when the composer kept a record of each


def test_frontmatter_positions_read_as_a_mapping(fm_doc):
    """The spans are worked out when read; the tables still read as plain mappings."""
    fm = fm_doc.frontmatter
    paths = list(fm.positions)
    assert paths[:3] == [("id",), ("impact", "summary"), ("impact", "users_affected")]
    assert len(fm.positions) == len(paths) and ("services", 1) in fm.positions
    assert ("absent",) not in fm.positions and fm.positions.get(("absent",)) is None
    with pytest.raises(KeyError):
        fm.positions[("absent",)]
    assert dict(fm.positions.items()) == {path: fm.positions[path] for path in paths}
    assert fm.positions[("tags", 1)] is fm.positions[("tags", 1)]  # worked out once
    assert set(fm.key_positions) <= set(fm.positions)


def test_span_of_missing_path_falls_back_to_parent(fm_doc):
    fm = fm_doc.frontmatter
    assert fm.span(("nested", "deeper", "missing")) == fm.positions[("nested", "deeper")]
    assert fm.span(("absent",)) == Span(1, 1, 1, 4)  # the opening fence


# --------------------------------------------------------------------------- metrics


def incident(**stamps):
    lines = "".join(f"{key}: {value}\n" for key, value in stamps.items())
    return parse_text(f"---\n{lines}---\n").incident


def test_mttd_mtta_mttr_and_duration():
    i = incident(
        started="2026-03-04T14:02:00Z",
        detected="2026-03-04T14:09:00Z",
        acknowledged="2026-03-04T14:12:00Z",
        mitigated="2026-03-04T15:20:00Z",
        resolved="2026-03-04T16:45:00Z",
    )
    assert i.time_to_detect == timedelta(minutes=7)
    assert i.time_to_acknowledge == timedelta(minutes=3)
    assert i.time_to_mitigate == timedelta(minutes=78)
    assert i.time_to_resolve == timedelta(hours=2, minutes=43)
    assert i.duration == timedelta(minutes=78)


def test_metrics_across_timezone_offsets_and_midnight():
    i = incident(started="2026-03-04T23:50:00-05:00", detected="2026-03-05T05:05:00Z", resolved="2026-03-05T07:20:00+01:00")
    assert i.time_to_detect == timedelta(minutes=15)
    assert i.time_to_resolve == timedelta(hours=1, minutes=30)
    assert i.duration == i.time_to_resolve  # never mitigated: impact lasted until resolution


def test_metrics_are_none_when_a_timestamp_is_missing_or_unreadable():
    i = incident(started="2026-03-04T14:02:00Z", detected='"{{ when the organisation first knew }}"', resolved="2026-03-04 16:45")
    assert i.started is not None
    assert (i.detected, i.resolved) == (None, None)
    assert i.time_to_detect is i.time_to_acknowledge is i.time_to_resolve is i.duration is None


def test_bundled_example_metrics():
    path = ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md"
    doc = parse_bytes(path.read_bytes(), str(path))
    assert doc.incident.time_to_detect == timedelta(minutes=7)
    assert doc.incident.duration == timedelta(minutes=78)


# --------------------------------------------------------------------------- sections

SECTIONS = """\
---
id: PM-2026-001
---

## Summary

Text.

## Root Cause Analysis

### 5 Whys

1. Why?

### Contributing Factors

```markdown
## Timeline
```

<!--
## Action Items
-->

    ## What Went Well

> ## Lessons Learned

## Action Items

Last line.


"""


def test_section_ranges_and_keys():
    doc = parse_text(SECTIONS)
    ranges = [(s.title, s.level, s.line, s.end_line, s.key) for s in doc.sections]
    assert ranges == [
        ("Summary", 2, 5, 8, "summary"),
        ("Root Cause Analysis", 2, 9, 28, "root-cause"),
        ("5 Whys", 3, 11, 14, "five-whys"),
        ("Contributing Factors", 3, 15, 28, "root-cause"),  # a section name written as a sub-section
        ("Action Items", 2, 29, 31, "action-items"),
    ]
    assert doc.section("root-cause").contains(20)
    assert doc.section_text("summary") == "Text."


def test_headings_in_code_comments_indented_code_and_quotes_do_not_count():
    doc = parse_text(SECTIONS)
    assert doc.section("timeline") is None
    assert doc.section("went-well") is None
    assert doc.section("lessons") is None
    assert [s.key for s in doc.sections if s.level == 2] == ["summary", "root-cause", "action-items"]
    assert [c.text for c in doc.comments] == ["## Action Items"]
    assert doc.code_blocks[0].content == "## Timeline\n"


# --------------------------------------------------------------------------- encodings


def test_bom_and_crlf_give_the_same_model():
    text = BODY
    plain = parse_bytes(text.encode("utf-8"), "a.md")
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.replace("\n", "\r\n").encode("utf-8")):
        other = parse_bytes(data, "a.md")
        assert [(b.text, b.span(0, len(b.text))) for b in other.prose] == [
            (b.text, b.span(0, len(b.text))) for b in plain.prose
        ]
        assert other.frontmatter.positions == plain.frontmatter.positions
        assert [(s.line, s.end_line) for s in other.sections] == [(s.line, s.end_line) for s in plain.sections]
    assert parse_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.md").source.had_bom
    assert parse_bytes(text.replace("\n", "\r\n").encode("utf-8"), "a.md").source.newline == "\r\n"


def test_symbol_headers_name_columns_but_empty_headers_do_not():
    from postmortem.spec import column_key

    assert column_key("actions", "#") == "id"
    assert column_key("actions", "") is None
    assert column_key("actions", "  ") is None


def test_confidence_marker_may_wrap_onto_the_next_line():
    from postmortem.spec import CONFIDENCE_MARKER

    match = CONFIDENCE_MARKER.search("about 400 users [ESTIMATE: from the\nalert log] were affected")
    assert match and match.group(2) == "from the\nalert log"


def test_a_span_is_a_frozen_value():
    import dataclasses
    import pickle

    span = Span(3, 5, 4, 1)
    assert (span.line, span.col, span.end_line, span.end_col) == (3, 5, 4, 1)
    assert span == Span(line=3, col=5, end_line=4, end_col=1) and hash(span) == hash(Span(3, 5, 4, 1))
    assert dataclasses.astuple(span) == (3, 5, 4, 1) and pickle.loads(pickle.dumps(span)) == span
    assert Span.point(2) == Span(2, 1, 2, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 9


def test_a_span_is_pickled_as_its_four_numbers(monkeypatch):
    """Lint workers send the site about a hundred spans a post-mortem: each is rebuilt from
    its numbers, without the dataclass module's state functions (which look every field up
    again for each object)."""
    import dataclasses
    import pickle
    import pickletools

    spans = [Span(line, 1, line, 9) for line in range(1, 50)]

    def looked_up(*args, **kwargs):
        raise AssertionError("pickling a span went through dataclasses.fields")

    monkeypatch.setattr(dataclasses, "fields", looked_up)
    data = pickle.dumps(spans, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == spans
    assert "BUILD" not in {op.name for op, _, _ in pickletools.genops(data)}
