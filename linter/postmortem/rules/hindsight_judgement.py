"""
## What it does
Reports hindsight words that judge what responders did: "obviously", "the problem was
obvious", "clearly the reviewer never…", "could simply have rolled back", "just had to
look". "Not obvious" is fine, and so are "simply" and "clearly" about systems or evidence
("the fix simply removes the cron entry", "the graphs clearly show…"), "clearly" as the manner
of a passive ("the report was clearly communicated throughout the organization"), "obviously" about
future work or about a consequence ("…, obviously taking a production server down with
it"), "obviously" in a sentence with no person, no counterfactual and no verdict ("obviously
wrong") in it (an inference from evidence: "the config had obviously been copied from
staging, since it still pointed at the staging bucket"), an "obvious design flaw", a guess
about what is ("the operator might just be hitting the enter key multiple times", "it could
simply be a timeout"; "could just have hit enter" is a counterfactual and is reported), and
"easily missed" said of a message. So are luck and systems after a modal ("Things could easily
have turned out a lot worse", "the test server would simply not talk to the other computers"),
a risk in the present ("A developer could easily delete the table with this script"),
"obvious" before an idea put forward ("The question had an obvious answer"), and "obviously" in
a clause with no past of its own ("I have not load-tested the server and obviously this depends
on the underlying resources").

"Obvious" needs a past to look back on: "Some things that are necessary and obvious to do
just cannot get done with only two people" has none; "broke our VSO tests for obvious
reasons" has.

## Why it matters
After an incident the cause looks obvious; during it, it was not. Words like "obviously"
and "simply" tell readers the responders missed something easy, which is hindsight bias
and hides why the situation was confusing at the time.

## Example
```markdown
The fix was obviously to restart the pods; the responder could simply have rolled back.
```

## Use instead
```markdown
Restarting the pods fixed it. At 14:10 the dashboards showed healthy pods, so a restart
did not look necessary.
```
"""

from ..rule import Finding, Severity
from . import _lexicon as lex
from ._language import analyse, is_past_verb, negated_before, person_subject_before, text_blocks
from ._modality import voiced

CODE = "PM504"
NAME = "hindsight-judgement"
SEVERITY = Severity.WARNING

_OBVIOUS = lex._words("obvious obviously")
# What "obvious" may stand before without judging anyone: a flaw of a system or a fix for it, and
# an idea put forward (an answer, a solution, a suspect) rather than a step someone missed.
_OBVIOUS_THINGS = lex._words(
    "design flaw gap fix improvement next answer answers solution solutions choice approach explanation suspect suspects candidate candidates guess"
)
_MINIMISERS = lex._words("simply just easily")
# After "might just be": what a guess names ("could simply be a timeout"); a participle after it
# ("could easily be recovered") is a counterfactual about a step.
_GUESSED = lex._words("a an the that this because due")
_LAPSES = lex._words("forgot ignored missed skipped overlooked didn't didn’t never failed neglected had")
_NEGATIVE = lex._words("never not didn't didn’t hadn't hadn’t wasn't wasn’t failed ignored forgot missed")


def check(doc, ctx):
    for block in text_blocks(doc):
        text = block.text
        if not ("bvious" in text or "imply" in text or "just" in text or "learly" in text or "asily" in text):
            continue
        an = analyse(text)
        for i, tok in enumerate(an.tokens):
            what = _judgement(an, i)
            if what:
                yield Finding(
                    block.span(tok.start, tok.end),
                    f"{tok.text!r} {what}",
                    "Describe what responders could see at the time and why their actions made sense then.",
                )


def _judgement(an, i):
    tokens = an.tokens
    tok = tokens[i]
    low = tok.low
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
    if low in _OBVIOUS:
        if negated_before(an, i, reach=3):
            return None
        if voiced(an, i):
            return None  # "people are prone to …, believing they overlooked obvious information": a belief voiced, not held
        if low == "obvious" and same(i + 1) and tokens[i + 1].low in _OBVIOUS_THINGS:
            return None  # "such an obvious design flaw": about the system; "had an obvious answer": an idea, no one judged
        if low == "obviously" and same(i + 1) and tokens[i + 1].low.endswith("ing"):
            return None  # "…, obviously taking a production server down with it": a consequence
        lows = [t.low for t in an.sentence_tokens(tok.sentence)]
        if any(low in ("will", "won't", "won’t", "going", "must", "need", "needs") for low in lows) or any(
            lows[k] in ("could", "should", "would", "can") and lows[k + 1] == "be"
            or lows[k] in ("has", "have") and lows[k + 1] == "to" for k in range(len(lows) - 1)
        ):
            return None  # about future work or how a thing could be, not hindsight about people
        if not _past(lows) or low == "obviously" and not _past(_clause_lows(an, i)):
            return None  # "Some things that are necessary and obvious to do just cannot get done": no past to look back on;
            # "I have not load-tested the server and obviously this depends on the resources": its own clause has none
        judged = any(same(j) and tokens[j].low in _EVALUATIONS for j in (i + 1, i + 2))
        if low == "obviously" and not judged and not any(_people_word(t) for t in an.sentence_tokens(tok.sentence)) and not _counterfactual(lows):
            return None  # "the config had obviously been copied from staging, since …": evidence, no one judged
        return "is hindsight: it was not obvious at the time"
    if low == "clearly":
        if same(i - 1) and tokens[i - 1].low in _BE and same(i + 1) and tokens[i + 1].low not in _NEGATIVE \
                and (tokens[i + 1].low.endswith("ed") or is_past_verb(tokens[i + 1].low)):
            return None  # "the report was clearly communicated throughout the organization": how a thing was done
        if same(i + 1) and (person_subject_after(an, i + 1) or tokens[i + 1].low in lex.PERSON_PRONOUNS):
            return "judges what a person should have seen"
        if same(i + 1) and tokens[i + 1].low in _NEGATIVE and person_subject_before(an, i) is not None:
            return "judges what a person should have seen"
        return None
    if low in _MINIMISERS:
        prev = tokens[i - 1].low if same(i - 1) else ""
        prev2 = tokens[i - 2].low if same(i - 2) else ""
        nxt = tokens[i + 1].low if same(i + 1) else ""
        if prev in lex.MODALS and nxt == "be" and same(i + 2) and (tokens[i + 2].low.endswith("ing") or tokens[i + 2].low in _GUESSED):
            return None  # "the operator might just be hitting enter twice", "it could simply be a timeout": a guess about what is
        if prev in lex.MODALS and nxt not in ("have", "'ve", "’ve") and not _past([t.low for t in an.sentence_tokens(tok.sentence)]):
            return None  # "A developer could easily delete the table with this script": a risk now, not hindsight
        if prev in lex.MODALS or (prev == "have" and prev2 in lex.MODALS):
            if _thing_acts(an, i - (1 if prev in lex.MODALS else 2)):
                return None  # "Things could easily have turned out a lot worse": luck or a system, no one's step
            return "makes a counterfactual sound easy"
        if nxt == "had" and same(i + 2) and tokens[i + 2].low == "to" and person_subject_before(an, i) is not None:
            return "makes the response sound easy"
        if low != "easily" and nxt in _LAPSES and nxt != "had" and person_subject_before(an, i) is not None:
            return "makes a person's lapse sound easy to avoid"
    return None


# Words that open a new clause inside a sentence.
# A passive's auxiliary: "clearly" between it and the participle says how the thing was done.
_BE = lex._words("is are was were be been being")

_CLAUSE_OPENERS = lex._words("and but so because since while although though whereas")


def _clause_lows(an, i):
    """The lower-cased words of the clause that token ``i`` stands in: from the last comma,
    semicolon, dash or coordinating word before it to the next one after it."""
    tokens = an.tokens
    sentence = an.sentence_tokens(tokens[i].sentence)
    k = next(n for n, t in enumerate(sentence) if t.start == tokens[i].start)

    def breaks(n):  # a boundary just before sentence[n]
        gap = an.text[sentence[n - 1].end : sentence[n].start]
        return any(c in gap for c in ",;:—–") or sentence[n].low in _CLAUSE_OPENERS

    start = next((n for n in range(k, 0, -1) if breaks(n)), 0)
    end = next((n for n in range(k + 2, len(sentence)) if breaks(n)), len(sentence))  # "Obviously, nobody read the log": the adverb's clause follows its comma
    return [t.low for t in sentence[start:end]]


_PEOPLE_WORDS = lex.PERSON_PRONOUNS | lex._words("me us my our your his her their them i've we've i'm we're i’ve we’ve i’m we’re")


# A verdict on what was done: "the fix was obviously wrong" is hindsight whoever is named.
_EVALUATIONS = lex._words("wrong bad incorrect mistaken flawed insufficient inadequate risky dangerous unsafe silly stupid careless mistake error")


_PAST_MARKS = lex._words("was were had did been wasn't wasn’t weren't weren’t hadn't hadn’t didn't didn’t seemed looked")


def _past(lows) -> bool:
    """Whether the sentence looks back: a past auxiliary or copula, a verb in the past tense
    ("broke", "brought", "deployed"), a modal perfect. Hindsight needs a past to look back on."""
    return _counterfactual(lows) or any(low in _PAST_MARKS or is_past_verb(low) for low in lows)


def _counterfactual(lows) -> bool:
    """A modal perfect in the sentence: "should have been validated", "could've"."""
    return any(
        low in ("should", "could", "ought") and nxt in ("have", "to") or low in ("should've", "could've", "should’ve", "could’ve")
        for low, nxt in zip(lows, lows[1:] + [""])
    )


def _people_word(tok) -> bool:
    """A word for a person or people: a pronoun, a role, a team, an @handle."""
    low = tok.base.lower()
    return low in _PEOPLE_WORDS or low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or tok.is_handle


# Words before a modal that do not name what acts: the clause's subject is elsewhere or is a
# person ("who could simply have …") or a step left open ("it could easily have been …").
_OPEN_SUBJECTS = lex._words("it this that which who what there")


def _thing_acts(an, m) -> bool:
    """Whether the modal at ``m`` has a thing, not a person, right before it as its subject and
    an active verb after it ("things could easily have turned out worse", "the server would
    simply not talk"): a counterfactual about how things went, not about what someone did. A
    passive after it ("the job could simply have been re-run") is a step someone could take."""
    tokens = an.tokens
    if m < 1 or tokens[m - 1].sentence != tokens[m].sentence:
        return False
    subject = tokens[m - 1]
    if _people_word(subject) or subject.low in _OPEN_SUBJECTS or subject.low in lex.STOPWORDS or not subject.low.isalpha():
        return False
    if person_subject_before(an, m) is not None:
        return False
    after = [t.low for t in tokens[m + 1 : m + 5] if t.sentence == tokens[m].sentence]
    return not any(low in ("be", "been") for low in after)


def person_subject_after(an, j):
    tokens = an.tokens
    sentence = tokens[j].sentence
    for k in range(j, min(len(tokens), j + 4)):
        if tokens[k].sentence != sentence:
            return False
        if tokens[k].low in lex.ROLE_NOUNS or tokens[k].low in lex.TEAM_NOUNS:
            return True
    return False
