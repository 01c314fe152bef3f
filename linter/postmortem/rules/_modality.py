"""Modality of a sentence that the blame rules share: whether what a sentence says of people
is said as a rule (generic, habitual) rather than as an account of one incident.

"After every outage, we write a blameless post-mortem to learn from our mistakes", "Even the
sharpest tools in the IT shed blunder from time to time": a frequency word and no past tense
in the sentence make it a statement about what happens as a rule. "The intern often skipped
the tests" (past) and "the operator forgot the flag every time" (past) stay accounts.
"""

from . import _lexicon as lex

# Words that make a statement habitual or generic: how often something happens.
_FREQUENCY = lex._words(
    "often usually always generally typically frequently sometimes occasionally rarely seldom commonly normally "
    "whenever inevitably routinely"
)
# "every outage", "each incident", "every time": a quantified occasion
_EVERY = lex._words("every each")
_OCCASIONS = lex._words("time times outage outages incident incidents failure failures postmortem post-mortem postmortems post-mortems case cases day week release deploy deployment")
# "from time to time", "in most cases", "most of the time"
_PHRASES = (("from", "time", "to", "time"), ("in", "most", "cases"), ("most", "of", "the", "time"), ("more", "often", "than", "not"))
# Marks of an account of one occasion (the past), as ``_clauses.general_condition`` counts them.
_PAST = lex._words(
    "was were had did got been wasn't wasn’t weren't weren’t hadn't hadn’t didn't didn’t should ought must yesterday ago last"
)


def _frequency(lows: list[str]) -> bool:
    for k, low in enumerate(lows):
        if low in _FREQUENCY:
            return True
        if low in _EVERY and k + 1 < len(lows) and lows[k + 1] in _OCCASIONS:
            return True
        if any(tuple(lows[k : k + len(p)]) == p for p in _PHRASES):
            return True
    return False


def habitual(an, i: int) -> bool:
    """Whether token ``i`` stands in a sentence said as a rule: a word of frequency in the
    sentence and no mark of the past (a past-tense auxiliary, a verb in -ed) anywhere in it
    ("While we usually deploy with Salt, we missed the certificates this time" is an account)."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    if not _frequency(lows):
        return False
    return not any(low in _PAST or low.endswith("ed") and len(low) > 4 for low in lows)


def token_at(an, offset: int) -> int:
    """The index of the token that starts at or after ``offset``."""
    return next((k for k, t in enumerate(an.tokens) if t.start >= offset), len(an.tokens) - 1)
