"""A view described, not an account: "A blame culture treats incidents as individual failures —
someone made a mistake, and they need to be held accountable". After a dash or a colon, a
clause spells out what a view, a culture or a story holds; the sentence's subject is that
view ("culture", "mindset", "the old view", "the first story") and its verb says what it holds
("treats", "sees", "says", "assumes"). Blame in such a clause is the view's content, not the
writer's account of an incident."""

from . import _lexicon as lex

_VIEWS = lex._words(
    "culture cultures view views mindset mindsets theory theories approach approaches model models story stories "
    "narrative narratives perspective perspectives belief beliefs mentality paradigm framing"
)
_HOLDING = lex._words("treats treat treated sees see saw says say said assumes assume assumed holds hold held believes believe frames frame views tells tell goes")
_MARKS = ("—", "–", " - ", "--", ":")


def view_content(an, start: int) -> bool:
    """Whether the text at character ``start`` comes after a dash or a colon that follows a
    view and its verb at the head of the sentence."""
    first = next((t for t in an.tokens if t.end > start), None)
    if first is None:
        return False
    tokens = an.sentence_tokens(first.sentence)
    head = tokens[:6]
    for k, tok in enumerate(head):
        if tok.low in _VIEWS and k + 1 < len(tokens) and any(t.low in _HOLDING for t in tokens[k + 1 : k + 3]):
            verb = next(t for t in tokens[k + 1 : k + 3] if t.low in _HOLDING)
            between = an.text[verb.end : start]
            return any(mark in between for mark in _MARKS)
    return False
