"""The language rules share one list of a document's text blocks, kept for the document being
linted only: the right blocks for each document, and no earlier document kept alive."""

from __future__ import annotations

from postmortem.parse import parse_text
from postmortem.rules import _language
from postmortem.rules._language import NOT_PROSE_COLUMNS, text_blocks

FIRST = """---
id: PM-2026-001
---
## Summary

The cache filled up.

## Action items

| ID | Action | Owner | Priority | Due | Status |
|----|--------|-------|----------|-----|--------|
| A1 | Add a size alert | sre-team | P2 | 2026-04-01 | open |
"""

SECOND = """---
id: PM-2026-002
---
## Summary

The queue backed up after a deploy.
"""


def _expected(doc):
    return [block for block in doc.prose if block.column not in NOT_PROSE_COLUMNS]


def test_each_document_gets_its_own_blocks_whatever_the_order():
    first, second = parse_text(FIRST, "first.md"), parse_text(SECOND, "second.md")
    for doc in (first, second, first, first, second):
        assert text_blocks(doc) == _expected(doc)
    assert any(block.column == "id" for block in first.prose)  # a cell the list leaves out
    assert len(text_blocks(first)) < len(first.prose)


def test_the_rules_of_one_document_share_one_list():
    doc = parse_text(FIRST, "first.md")
    assert text_blocks(doc) is text_blocks(doc)


def test_only_the_last_document_is_kept():
    first, second = parse_text(FIRST, "first.md"), parse_text(SECOND, "second.md")
    text_blocks(first)
    text_blocks(second)
    kept = [entry[0] for entry in _language._TEXT_BLOCKS if entry is not None]
    assert kept == [second]
