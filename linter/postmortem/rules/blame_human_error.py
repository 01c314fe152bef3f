"""
## What it does
Reports "human error", "operator error", "developer error", "user error" and "pilot error"
given as the cause of an incident ("Amazon S3 disruption was caused by human error", "due to
operator error"), the error of another kind of person or a clerical slip framed as the cause
("caused by employee error", "due to a clerical error", "It was staff error"), any noun of a
slip after such a word framed as the cause ("caused by human failure", "a staff error led to
the leak", "a human slip brought the system down"; not "user failures are retried"), and people
given as the cause ("People are the cause of most security breaches"). Definitions ("Human error is an inevitable … failure") and discussion of the term
("if you read about human error"), the term as a label anyone may put on an incident ("it can
be tempting to use human error as a root cause", "you close the file, label it operator
error"; "they labelled it human error" reports a label put and is reported) and the question still open ("investigating whether human
error played a role") are fine. The
words as the name of a metric or a message ("the user error rate", "User errors (HTTP
4xx) are excluded"), statements that reject the label ("this was not human error", "Human
error was not attributed to its failure in the article") and one term compared with another
("what we call user error is really programmer error") are fine, and so are kinds of error
as a subject ("This range of human error sources needs to be carefully considered"; "the types
of human error that caused the outage" gives them as the cause), and so is anything in code
or quotation marks.

Every such phrase must be given as the cause: by a word of cause before it ("the results of
human error", "blames the outage on human error", "pointed to human error as the cause",
"labelled it human error"), as the agent of a passive ("disrupted by an operator error"), as
the subject of a verb of causing ("Human error during a routine networking upgrade led to
…", "the developer error that triggered the event", "human error played a role") or of "is
the root cause", "was to blame", or as "a simple case of operator error". The term discussed
("with that comes the potential for human error", "Classic 5 whys often end at human error",
"human errors are treated as a symptom of a systemic problem", "rather than assigning blame
for inadvertent human errors", "the continuous blaming of human error is wrong") is fine.

## Why it matters
"Human error" is where an investigation stops, not where it ends: every incident involves
a person doing something that made sense to them at the time. The useful question is what
made the error possible and what would have caught it.

## Example
```markdown
The root cause was human error.
```

## Use instead
```markdown
The cleanup script accepted a production cluster as its target without confirmation.
```
"""

import re
from functools import lru_cache

from ..rule import Finding, Severity
from . import _lexicon as lex
from ._language import analyse, negated_before, text_blocks
from ._modality import rejected
from ..lazy_re import Caseless, alternation, lazy

CODE = "PM502"
NAME = "blame-human-error"
SEVERITY = Severity.ERROR

_ALWAYS = lex._words("human operator pilot developer engineer admin administrator technician sysadmin")
# Other people and human kinds of slip, counted only when framed as the cause ("the outage
# was caused by employee error", "it was staff error", "due to a clerical error").
_SOMETIMES = lex._words(
    """
    user users employee employees staff staffer contractor contractor's programmer worker
    personnel clerk clerical manual keying data-entry typing manipulation procedural
    """
)
# "human error", "operator mistakes": the pair, before any analysis
@lru_cache(maxsize=1)
def _slip():
    return Caseless(r"\b(?:" + alternation(_ALWAYS | _SOMETIMES) + r")\s+(?:errors?|mistakes?|failures?|slips?|faults?|oversights?|blunders?|lapses?)\b")
_NOT_A_CAUSE_AFTER = lex._words(
    "rate rates message messages panel panels page pages counter counters code codes log logs label labels "
    "tag tags budget metric metrics handling handler response responses class classes type types dashboard"
)
# The nouns of a slip after "human", "operator", "staff": "human error", "operator mistakes",
# "human failure", "a staff oversight" (not "human factors", the discipline).
_SLIP_NOUNS = lex._words("error errors mistake mistakes failure failures slip slips fault faults oversight oversights blunder blunders lapse lapses")
_CAUSE_NOUNS = lex._words("cause causes culprit reason source")
_CAUSING = lex._words("led leads lead caused causes triggered triggers resulted results brought brings took takes")
_CAUSE_WORDS = lex._words(
    "caused cause causes due because result results resulted resulting attributed attributes attributing blamed blame blames "
    "blaming chalked down boils through classified stemmed stems stemming arose traced pointed points pinned "
    "labelled labeled termed dubbed"
)
_META = (("rather", "than"), ("instead", "of"), ("beyond",), ("stop", "at"), ("not", "a"), ("no", "such"), ("about",), ("foster",), ("read",), ("whether",))


_PEOPLE_AS_CAUSE = lazy(
    r"\b(?:people|humans|employees|users|operators|engineers)\s+(?:are|were|remain)\s+(?:the|a)\s+"
    r"(?:(?:main|root|biggest|leading|primary|number\s+one|weakest)\s+)?(?:cause|causes|problem|weak\s+link|weakest\s+link)\b"
    r"|\b(?:most\s+unreliable|weakest|least\s+reliable)\s+(?:part|link|component)\b[^.;!?]{0,40}?\bwas\s+the\s+human\b"
    r"|\bthe\s+human\s+(?:element|factor|involvement)\s+(?:was|is)\s+the\s+(?:cause|problem|weakest|most\s+unreliable)",
    re.IGNORECASE,
)


def check(doc, ctx):
    for block in text_blocks(doc):
        text = block.text
        people, slip = _screen(text)
        if people:
            an = analyse(text)  # the match again on the masked text: not in a quotation
            for match in _PEOPLE_AS_CAUSE.finditer(an.text):
                yield Finding(
                    block.span(match.start(), match.end()),
                    f"{' '.join(match.group(0).split())!r} gives people as the cause",
                    "Describe the conditions that made the error possible and what would have caught it, e.g. "
                    "\"The CLI accepted a production target without confirmation.\"",
                )
        if not slip:
            continue  # "the error rate": no one's error
        an = analyse(block.text)
        tokens = an.tokens
        for i in range(len(tokens) - 1):
            first, second = tokens[i], tokens[i + 1]
            if second.sentence != first.sentence or second.low not in _SLIP_NOUNS:
                continue
            if first.low not in _ALWAYS and first.low not in _SOMETIMES:
                continue
            if i + 2 < len(tokens) and tokens[i + 2].sentence == first.sentence and tokens[i + 2].low in _NOT_A_CAUSE_AFTER:
                continue
            if negated_before(an, i, reach=4) or _meta(an, i) or _denied_after(an, i + 2) or _kinds(an, i) or _label_applied(an, i):
                continue
            after = tokens[i + 2].low if i + 2 < len(tokens) and tokens[i + 2].sentence == first.sentence else ""
            if after in ("is", "are", "happens", "happen", "can", "will") and (i == 0 or tokens[i - 1].sentence != first.sentence):
                continue  # "Human error is an inevitable … failure": a definition, not a cause
            if after in ("can", "could", "may", "might", "will", "would"):
                continue  # "a single human error can cause an incident": what may happen, not what did
            if not _framed_as_cause(an, i):
                continue
            phrase = block.text[first.start : second.end]
            yield Finding(
                block.span(first.start, second.end),
                f"{phrase.lower()!r} given as a cause",
                "Describe the conditions that made the error possible and what would have caught it, e.g. "
                "\"The CLI accepted a production target without confirmation.\"",
            )


@lru_cache(maxsize=4096)
def _screen(text: str) -> tuple[bool, bool]:
    """(whether the text may give people as the cause, whether it names a slip: "human error"),
    the tests before any analysis. A function of the text alone, answered once per text (cells
    and stock sentences repeat), not once per document that holds it."""
    people = ("uman" in text or "eople" in text or "ployees" in text) and _PEOPLE_AS_CAUSE.search(text) is not None
    slip = ("rror" in text or "istake" in text or "ailure" in text or "lip" in text or "ault" in text
            or "versight" in text or "lunder" in text or "apse" in text) and _slip().occurs(text)
    return people, bool(slip)


def _denied_after(an, k):
    """ "Human error was not attributed to its failure", "user error isn't the cause": the
    phrase is the subject of a denial."""
    lows = [t.low for t in an.tokens[k : k + 3] if t.sentence == an.tokens[k - 1].sentence]
    return bool(lows) and (lows[0] in ("was", "is", "were", "are") and lows[1:2] in (["not"], ["never"])
                           or lows[0] in ("wasn't", "wasn’t", "isn't", "isn’t", "weren't", "weren’t"))


def _framed_as_cause(an, i):
    sentence = an.tokens[i].sentence
    after = [t.low for t in an.tokens[i + 2 : i + 4] if t.sentence == sentence]
    if after[:1] and after[0] in _CAUSING or after[:1] and after[0] in ("has", "have", "had") and after[1:2] and after[1] in _CAUSING:
        return True  # "a staff error led to the leak", "human failure caused the outage"
    before = [t.low for t in an.tokens[:i] if t.sentence == sentence]
    for k, word in enumerate(before):
        # "assigning blame for inadvertent human errors": the error as what blame is for, a
        # concept; "blames the outage on human error" gives it as the cause
        if word in _CAUSE_WORDS and not (word in ("blame", "blames", "blaming") and before[k + 1 : k + 2] == ["for"]):
            if word in ("blame", "blamed", "blames", "blaming") and rejected(an, i - len(before) + k):
                continue  # "the continuous blaming of human error is wrong": blaming argued against
            return True
    if "by" in before[-3:]:
        return True  # "disrupted by an operator error": the agent of the harm
    # "Human error during a routine upgrade led to …", "the developer error that triggered the
    # event": a verb of causing later in the same sentence, the phrase its subject
    later = [t.low for t in an.tokens[i + 2 : i + 12] if t.sentence == sentence]
    if any(word in _CAUSING for word in later) or later[:2] == ["was", "to"] or later[:3] == ["is", "to", "blame"] \
            or later[:1] and later[0] in ("played", "plays", "play") and later[2:3] in (["role"], ["part"]) \
            or later[:1] and later[0] in ("is", "was", "were", "are") and not _CAUSE_NOUNS.isdisjoint(later[1:4]):
        return True  # "Once again, human error is the root cause"
    if before[-2:] in (["case", "of"], ["instance", "of"], ["example", "of"]) and any(w in ("was", "is", "were") for w in before[-6:-2]):
        return True  # "The wrong flag value was a simple case of operator error"
    # "It was user error", "this is simply user error"; not a term compared with another
    # ("what we call user error is really programmer error")
    for k in range(max(0, len(before) - 3), len(before)):
        if before[k] in ("was", "is", "were"):
            return not (k > 0 and before[k - 1] in ("error", "errors", "mistake", "mistakes"))
    return False


# "this range of human error sources", "the types of operator mistakes": kinds of error as a
# subject of study, not a cause given.
_KINDS = lex._words("range ranges type types kind kinds sort sorts form forms category categories class classes variety taxonomy")


def _kinds(an, i):
    sentence = an.tokens[i].sentence
    before = [t.low for t in an.tokens[max(0, i - 2) : i] if t.sentence == sentence]
    after = [t.low for t in an.sentence_tokens(sentence) if t.start > an.tokens[i].start]
    # "the types of human error that caused the outage" gives them as the cause
    return len(before) == 2 and before[0] in _KINDS and before[1] == "of" and _CAUSING.isdisjoint(after)


def _meta(an, i):
    sentence = an.tokens[i].sentence
    before = [t.low for t in an.tokens[:i] if t.sentence == sentence][-4:]
    return any(tuple(before[k : k + len(p)]) == p for p in _META for k in range(len(before)))


# "it can be tempting to use human error as a root cause", "you close the file, label it
# operator error": the term as a label someone may put on an incident, with a verb of naming
# in the present or not finite; "they labelled it human error" reports a label put and stays.
_NAMING = lex._words("use using label labelling labeling call calling name naming term cite citing pin pinning mark marking tag tagging dub write writing")


def _label_applied(an, i):
    sentence = an.tokens[i].sentence
    before = [t.low for t in an.tokens[max(0, i - 4) : i] if t.sentence == sentence]
    return any(low in _NAMING for low in before)

