"""The name rules' searches for a word before a verb of people or an act of review, run only
near those words, find the matches the searches over the whole text find, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem.rules import _people

from .conftest import corpus_cells
from .test_name_screens import SHAPES

VERBS = sorted(_people._VERB_CUES)
ACTS = sorted(_people._REVIEW_ACTS)
SEARCHES = [_people._VERB_ACTORS, _people._REVIEW_SUBJECTS]
NEAR = [_people._NearSearch(search.pattern, search.words, search.runs, after=0) for search in SEARCHES]

SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u2028", " \n "]
WORDS = ["Dave", "@jdoe", "the", "then", "mkumar", "Then", ";", "!", "engineer", "k8s-platform", "O'Brien", "Dave's", "and", "then", "(Maria", "“Priya",
         "03:20", "x", "Émile", "ops_bot", "—", ",", ".", "said-so", "agreed’", "noted'", "approved-ish"]


def _search_everywhere(text, which=0):
    return [(m.span(), m.group(1)) for m in SEARCHES[which].pattern().finditer(text)]


def _search_near(text, which=0):
    return [(m.span(), m.group(1)) for m in NEAR[which].finditer(text)]


def test_the_same_matches_on_the_corpus():
    texts = list(SHAPES) + corpus_cells("prose.tsv", "actions.tsv", "prose-heldout.tsv", "real/prose-dev.tsv", "real/actions-dev.tsv")
    for which, least in ((0, 100), (1, 2)):
        matched = 0
        for text in texts:
            found = _search_everywhere(text, which)
            assert _search_near(text, which) == found, text
            matched += bool(found)
        assert matched >= least


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS + VERBS[:80] + VERBS[-80:] + ACTS), st.sampled_from(SPACES)), max_size=14))
def test_the_same_matches_on_generated_texts(parts):
    text = "".join(word + space for word, space in parts)
    for which in (0, 1):
        assert _search_near(text, which) == _search_everywhere(text, which)


def test_a_verb_far_from_the_start_and_a_verb_inside_a_match():
    text = "Nothing happened for a long while. Then Dave and Maria said it, and Jens agreed said nothing."
    found = _search_near(text)
    assert found == _search_everywhere(text) and [who for _, who in found] == ["Maria", "Jens"]
    text = "All fine.\nthen alex and jens merged it\nkevin_l reviewed it. mkumar approved the change."
    found = _search_near(text, 1)
    assert found == _search_everywhere(text, 1) and [who for _, who in found] == ["jens", "mkumar"]


def test_the_whole_text_is_searched_for_the_first_texts_of_a_process_then_only_near_the_words():
    search = _people._NearSearch(SEARCHES[0].pattern, SEARCHES[0].words, 3, after=2)
    text = "Nothing happened. Then Dave and Maria said it."
    first = [list(search.finditer(text)) for _ in range(2)]
    assert search.before is None  # no compile yet
    then = list(search.finditer(text))
    assert search.before is not None
    expected = [span for span, _ in _search_everywhere(text)]
    assert expected == [(32, 42)]  # "Maria said"
    assert [[m.span() for m in found] for found in first] == [[m.span() for m in then]] * 2 == [expected] * 2
