"""``Vocabulary.canonical`` answers from a table of spelling keys built once per vocabulary;
it must mean exactly what the one definition, :func:`postmortem.vocabulary.canonical`, says
(the first value whose spelling matches, ignoring case, spaces and punctuation)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem import vocabulary as v

VOCABULARIES = [value for value in vars(v).values() if isinstance(value, v.Vocabulary)]
SPELLINGS = [value for vocab in VOCABULARIES for value in vocab.values] + ["In Progress", "WONT DO", "p1", "", "  ", "—"]


def test_every_vocabulary_is_checked():
    assert v.ACTION_STATUSES in VOCABULARIES and v.SEVERITIES in VOCABULARIES and len(VOCABULARIES) >= 8


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(SPELLINGS), st.text(max_size=20)),
       st.sampled_from(VOCABULARIES), st.sampled_from(["", " ", "-", "_", "İ", "ß"]))
def test_the_table_answers_as_the_definition(text, vocabulary, noise):
    for value in (text, text.upper(), f"{noise}{text}{noise}", text.replace("-", noise)):
        assert vocabulary.canonical(value) == v.canonical(value, vocabulary.values)


def test_the_first_value_of_a_spelling_wins():
    vocab = v.Vocabulary(("in-progress", "in progress", "InProgress"), ("a", "b", "c"))
    assert vocab.canonical("IN_PROGRESS") == "in-progress" == v.canonical("IN_PROGRESS", vocab.values)
