"""The cheap screens in front of PM507's (blame-person-error) cue tests let through every
block those tests pass: a screen may only skip work, never a finding."""

from __future__ import annotations

from pathlib import Path

from postmortem.rules import _clauses as cl
from postmortem.rules import blame_person_error as bpe
from postmortem.rules._language import words_of

from .conftest import corpus_cells

CORPUS = Path(__file__).parent / "corpus"

# Blocks of several sentences: a weak cue in one, a word for people in another, and both in one.
SHAPES = [
    "The deploy caused errors. The on-call engineer was paged.",
    "The deploy was fine. The engineer caused the outage.",
    "The alert was missed. Nobody noticed.",
    "The config was pushed; the operator's change took down the site!",
    "A trader keyed in the wrong figure. Losses followed.",
    "Neither crewmember noticed. The valve was left open.",
    "We had broken the build. It was fixed later.",
    "She mistyped the host name.",
]


def _texts() -> list[str]:
    texts = list(SHAPES) + corpus_cells("prose.tsv", "prose-heldout.tsv", "real/prose-dev.tsv")
    for doc in sorted((CORPUS / "documents").rglob("*.md")):
        texts.extend(part for part in doc.read_text(encoding="utf-8").split("\n\n") if part.strip())
    return texts


TEXTS = _texts()


def test_the_screen_lets_through_every_block_the_cue_tests_pass():
    cued = [text for text in TEXTS if bpe._cued(cl.with_simple_pasts(words_of(text)), text)]
    assert len(cued) > 100  # the test sees blocks that pass
    assert [text for text in cued if not bpe._screened(cl.with_simple_pasts(words_of(text)), text)] == []


def test_a_block_is_beside_a_person_only_if_one_of_its_sentences_is():
    for text in TEXTS:
        sentences = bpe._sentences(text)
        each = any(bpe._weak_and_person(bpe._WORD.findall(sentence.lower())) for sentence in sentences)
        assert bpe._weak_beside_person(text) == (each if len(sentences) > 1 else bpe._weak_and_person(words_of(text)))


def test_the_screen_sets_aside_blocks_without_cues():
    quiet = "The dashboard shows latency per region and the runbook lists the steps."
    assert not bpe._screened(cl.with_simple_pasts(words_of(quiet)), quiet)
