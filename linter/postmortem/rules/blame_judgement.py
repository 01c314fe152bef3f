"""
## What it does
Reports blame and moral judgement of people: careless, negligent, sloppy, lazy,
incompetent, reckless, "the fault of the database team", "is to blame", "hold … accountable",
"didn't bother", "noone bothered to check", calls for more care ("advise your team to be
more careful"), judgements of competence ("if they aren't properly qualified to operate the
device"), blame that goes to someone ("the real blame should go to the CEO"), "I am
especially at fault", a person or role that "ignored", "neglected",
"overlooked" or "forgot" something, and slang and ridicule: "fuckup", "blunders", "the poor
slob who did that", "knew full well the consequences", "pointed the finger at a single
contractor", "PEBKAC", "my bad", "some shitty CEO". Beyond a fixed list, any word that judges a person
(from the VADER sentiment lexicon, generated into ``_judgement_words.py``) said of a person, a
role or a team: "the release engineer was arrogant", "we're clueless about our own
failover", "some thoughtless admin", "He is such an idiot", and a judged act: "a stupid
mistake", "a poor decision". Classes read from WordNet (``_wordnet_classes.py``, built by
``bench/build_wordnet_classes.py``): a person held or made answerable ("The engineer will be
held responsible", "hold the contractor liable", "are made accountable for their decisions";
not "the team is responsible for the service", "we made the platform team responsible for the
rota", "nobody will be held responsible"), a noun for a person lacking sense or competence
that refers to someone ("Imagine a nitwit that did not account for …", "some bungler"; not
"idiot-proof"), a judged quality a person owns ("in his ignorance and naivety", "the admin's
arrogance", "the recklessness of the contractor"; not "our ignorance of the failover path")
and a mistake called a novice's ("Looks like a beginner mistake", "a newbie error"). Not
taking the trouble, with any auxiliary ("Then you haven't even bothered looking"; not "it
doesn't bother me") and a comparison of equality ("this guy was as useless as a screen door
on a submarine") judge too. Blame laid on a person ("the NTSB blamed the offensive joke on a summer
intern", "the outage was blamed on a contractor"; not "blamed the outage on a power surge", "the
glitches have been blamed on malfunctioning hardware", "spending cuts were to blame", "an internal issue
and not a cyberattack was to blame"), a quality a person is said to lack ("they
aren't seasoned DBAs or sysadmins", "he wasn't careful"), and idioms and rhetorical questions
that judge ("Guess you learned your lesson", "should know better", "had no idea what they were
doing", "What were they thinking?", "it's not rocket science"), and a question that reproaches
instead of asking ("How can you delete your own blog and not notice?", "What on earth were you
doing between 8am in the morning and 2pm?", "Did you even test this?"; "How did you fix it?"
and "Why would you ever assign blame …" ask). The same words about systems are fine ("the tool … was
useless", "the deploy was bad"), and so are feelings and misfortune ("the on-call engineer
was frustrated", "the poor engineer had been paged twice") and denials ("nobody was
careless"). Technical terms are fine (lazy loading, sloppy quorum, fault injection, fault
tolerant, git blame), and so are "nobody is to blame", "nobody forgot anything", blame that is
feared ("the moment people fear being blamed"), a verdict among alternatives that are none ("The
team did whatever it did, good/bad/brilliant/stupid"; "lazy/careless" is reported), blame in a condition in the present ("If
they're privately blaming the person for the incident, it's still not a blameless post
mortem"; "if anybody is to be blamed …, it is on me" names who and is reported), a judgement left open ("regardless of whether
or not laziness was present") and ownership language ("each team is
accountable for its alerts"), and so is talk about blame itself ("this blaming only results
in people being afraid to make mistakes", "it was too simplistic to blame a power surge"), and
so is care commended to anyone ("it is so important to be extra cautious, to have all manner
of safeguards"; "it is important for the team to be more careful" is reported) and care asked
of people in general, the asking named as a gerund or an infinitive ("Telling people to be
more careful will make the problem go away"; "we told the engineer to be more careful" is
reported), and so is fault or blame asked about with the copula first ("Is it the
individual's fault?", "Is the engineer to blame?") or drawn as a likeness ("as if this was somehow
your fault"), a company blamed, its name in CamelCase ("I blame GoDaddy"), a thing blamed in the passive ("A lack of investment in technology and staff
training has been blamed for two network glitches"; "the intern was blamed" is reported), a mishap as the object of what made it possible ("the system problems that allowed
the fuckup to happen"), what a view holds, after a dash or a colon ("A blame culture treats
incidents as individual failures — … they need to be held accountable"), and so is the manner something may happen in ("Data might be deleted intentionally or
negligently").

A sentence said as a rule is not an account of blame ("After every outage, we write a
blameless post-mortem to try and learn from our mistakes", "Even the sharpest tools in the
IT shed blunder from time to time", "At some time or another, everybody screws up", "Software
engineers screw up all the time"), nor is a judgement word that weighs a fact ("The stupid
thing is that the fix was one line"; "He did a stupid thing" is reported), nor a temptation
named ("It's tempting to blame the operator"), nor one that supposes ("It was a great place to
work, no finger pointing, if you screwed up no big deal", "If you are accidentally banned,
we are also sincerely sorry for that", "Say there’s an incident and … Bobby and Susan
screwed up") or asks ("I wonder whether that single difference - blame the person vs fix the
system/tools predicts the failure or success of an enterprise?"). "Blame" names a person
only within its own clause ("incidents either produce blame (which stops people from being
honest …)" blames no one), and a noun joined to it is no object ("There are two common
outcomes from such an experience: blame and Root Cause Analysis", "fearing they’re about
placing blame or getting someone in trouble"). A practice is not an account: the present or
the gerund with people of a kind as the object ("there has been a bit of a trend where
managers blame individual contributors", "much in the same way as blaming people for
incidents"; "the managers blamed the engineers" is reported), and blame sought, not laid ("the
goal is not to find who to blame", "we must find someone to blame"; "Who is to blame?" lays it),
and blaming the sentence rejects ("the idea that they are blaming this on the human is wrong";
"management blamed the DBA, which is unfair" is reported).
Blame laid on a company or a thing ("laid much of the blame for the debacle on FirstEnergy";
"… on the operator" is reported), a slip that is itself what is blamed ("Market insiders blamed a
fat finger error") and a noun of judgement denied ("but not by any carelessness on the
technician's part"; "not a failure of the tooling but negligence by the operator" is reported)
judge no one, and nor does a kind of conduct or a quality talked about in the present, with
no person in the sentence ("organizations aim to balance accountability and learning, while
addressing reckless behavior", "Mishaps … may be categorised from mistakes, carelessness,
recklessness, through to malicious intent"; "reckless behavior caused the outage", "the
contractor shows reckless behavior" and "a degree of incompetence from the engineer's side"
are reported). What a view holds ("this approach … assumes negligence") and a condition on
what exists ("if there are levels of gross negligence or misconduct discovered …") are not
verdicts. A word of judgement stays the writer’s own in a question ("Ever
wonder, Who wrote this garbage code?").

## Why it matters
Judging people tells the reader who to be angry with and nothing about how to prevent the
next incident. It also makes the next responder less willing to say what they saw.

## Example
```markdown
The on-call engineer was careless and ignored the replication alert.
```

## Use instead
```markdown
The replication alert fired into a channel shared with 40 noisy alerts, so it was not
seen for 25 minutes.
```
"""

import re

from ..rule import Finding, Severity
from . import _lexicon as lex
from ._modality import habitual, rejected, token_at, told_in_past, unasserted
from . import _clauses as cl
from ._views import view_content
from ._brands import brand
from ._language import analyse, is_past_verb, negated_before, person_subject_before, text_blocks, words_of
from ..lazy_re import lazy

CODE = "PM503"
NAME = "blame-judgement"
SEVERITY = Severity.ERROR

_TECHNICAL_JUDGEMENT = lex._words("lazy lazily sloppy")
_BLAME = lex._words("blame blamed blames blaming")
_NOT_BLAME_AFTER = lex._words("view output annotation annotations history log command tool")
_NEGLECT_VERBS = lex._words("ignored neglected overlooked forgot disregarded")
_PEOPLE_POSSESSIVES = lex._words("my his her their our your")
_ACCOUNTABLE = re.compile(r"\b(?:hold|holds|holding|held)\b(?:\s+[\w’'\-]+){0,6}?\s+accountable\b", re.IGNORECASE)
_BOTHER = re.compile(
    r"\b(?:(?:didn[’']t|did\s+not|never)\s+bother(?:ed)?|be\s+bothered|(?:nobody|noone|no\s+one|no-one)\s+bothered)\b"
    # not taking the trouble, with any auxiliary and an adverb between: "you haven't even bothered
    # looking", "they couldn't be bothered to", "he won't bother to check" (not "it doesn't bother
    # me": the trouble is taken when "to" or a gerund follows)
    r"|\b(?:(?:have|has|had|could|would|will|can|do|does|wo|ca)n[’']t|(?:have|has|had|could|would|will|can|do|does)\s+not)"
    r"(?:\s+(?:even|ever|really|just|once|bothered))?\s+bother(?:ed)?(?=\s+(?:to\b|\w+ing\b))",
    re.IGNORECASE,
)
_IDIOMS = lazy(
    r"\b(?:learn(?:ed|t|s)?\s+(?:your|his|her|their)\s+lesson|(?:should|ought\s+to)\s+(?:\w+\s+)?know\s+better"
    r"|what\s+(?:was|were|is|are)\s+(?:they|he|she|you)\s+thinking|in\s+(?:their|his|her|your)\s+right\s+mind"
    r"|not\s+(?:exactly\s+)?rocket\s+science"
    r"|(?:should|ought\s+to)\s+be\s+ashamed|(?:no|little)\s+idea\s+what\s+(?:they|he|she|you)\s+(?:was|were|are|is)\s+doing"
    r"|asleep\s+at\s+the\s+wheel|dropped\s+the\s+ball|rookie\s+mistake|should\s+have\s+known\s+better|no\s+excuse"
    r"|knew\s+full\s+well|(?:threw|throw|throws|thrown|throwing)\b[^.;!?]{0,80}?\bunder\s+(?:the|a)\s+(?:\w+\s+)?bus|buswards|bad\s+move|point(?:s|ed|ing)?\s+(?:the|a)\s+finger\s+at|pebkac|pebcak|id-?10-?t|my\s+bad(?=\s*(?:[.,;:!?]|$|i\b))|fat[\s\-]finger(?:ed|s)?|(?:screw|fuck|cock)(?:s|ed|ing)?\s+(?:(?:it|things|something|everything|this|that)\s+)?up)\b",
    re.IGNORECASE,
)

# Calls for diligence and judgements of competence: "advise your team to be more careful",
# "if they aren't properly qualified to operate the device".
_DILIGENCE = re.compile(
    r"\bbe\s+(?:a\s+(?:bit|little|lot)\s+)?(?:more|extra)\s+(?:careful|vigilant|attentive|diligent|thorough|cautious)\b",
    re.IGNORECASE,
)
_TRY_HARDER = "asks people to try harder"
_COMPETENCE = re.compile(r"(?:\bnot|n[’']t)\s+(?:\w+ly\s+)?(?:qualified|competent)\b", re.IGNORECASE)

_SLANG_PEOPLE = lex._words("ceo cto cio executive executives boss bosses guy guys dev devs sysadmin sysadmins admin admins technician technicians coworker coworkers")
_SLANG_WORK = lex._words("code change changes commit commits pr work")
_SLANG_FOR_PEOPLE = lex._words("shitty crappy lousy useless clueless poor garbage")
_SCREEN = lex.JUDGEMENT_WORDS | _BLAME | _NEGLECT_VERBS | _SLANG_FOR_PEOPLE | {"knew", "slob", "fat", "finger", "bad", "bothered", "bus", "buswards", "move", "pebkac", "pebcak", "fat-finger", "fat-fingered", "screwed", "fucked", "fault", "accountable", "bother", "bothered", "asleep", "ball", "rookie", "excuse", "better", "screw", "screws", "screwing", "fuck", "fucks", "fucking", "cock", "cocked", "lesson", "ashamed", "idea", "thinking", "mind", "rocket", "careful", "vigilant", "attentive", "diligent", "thorough", "cautious", "qualified", "competent", "experienced", "seasoned", "skilled", "capable", "knowledgeable"}

_HINT = (
    "Describe what happened and why it made sense at the time, without judging the person: "
    "what did they see, what did the system or process allow?"
)


_JUDGED = None  # (adjectives, person nouns): the generated lexicon, read on first need


def _judged():
    global _JUDGED
    if _JUDGED is None:
        from . import _judgement_words as jw

        from . import _wordnet_classes as wn

        _JUDGED = (jw.ADJECTIVES | _OWN_ADJECTIVES, jw.PERSON_NOUNS | _OWN_PERSON_NOUNS | wn.FOLLY_NOUNS,
                   jw.ADJECTIVES | _OWN_ADJECTIVES | _ACT_ADJECTIVES, wn.FOLLY_NOUNS, wn.ANSWERABLE, wn.QUALITY_NOUNS, wn.NOVICE_NOUNS)
    return _JUDGED


_HELD_TO_ACCOUNT = None
_HOLD = lex._words("hold holds holding held")
_MAKE = lex._words("make makes making made")
_HOLD_OR_MAKE = _HOLD | _MAKE
_HELD = "holds a person answerable"


def _held_answerable(an, start, end) -> bool:
    """Whether a match of ``_held_to_account`` is a verdict: not denied ("nobody will be held
    responsible") and its adjective not before a noun it qualifies ("holds a responsible
    position")."""
    tokens = an.tokens
    first = next((k for k, t in enumerate(tokens) if t.start >= start), None)
    last = next((k for k, t in enumerate(tokens) if t.end >= end), None)
    if first is None or last is None or _denied(an, first):
        return False
    same = lambda j: j < len(tokens) and tokens[j].sentence == tokens[last].sentence  # noqa: E731
    if same(last + 1) and not an.text[tokens[last].end : tokens[last + 1].start].strip():
        if tokens[last + 1].low not in lex.STOPWORDS:
            return False
        if tokens[first].low in _MAKE and tokens[last + 1].low == "for" and same(last + 2):
            # "made" also hands over a duty ("was made accountable for capacity planning"): a
            # verdict only for one's own conduct or for the incident ("for their decisions")
            return tokens[last + 2].low in _CONDUCT_OWNERS or tokens[last + 2].low in ("the", "this", "that") \
                and same(last + 3) and tokens[last + 3].low in lex.INCIDENT_NOUNS
    return True


_CONDUCT_OWNERS = lex._words("his her their my your its")


def _held_to_account():
    """A person held or made answerable: "hold" (or "make", which also assigns duties: "made
    responsible for the rota") with an adjective of being answerable for one's conduct
    (``_wordnet_classes.ANSWERABLE``): "The engineer will be held responsible", "hold the
    contractor liable", "are made accountable for their decisions". "Accountable" after "hold"
    is ``_ACCOUNTABLE``'s. At most four words between, none that opens a clause or is a verb of
    being ("they hold that the team is responsible …" says whose the duty is)."""
    global _HELD_TO_ACCOUNT
    if _HELD_TO_ACCOUNT is None:
        answerable = _judged()[4]
        held = "|".join(sorted(answerable - {"accountable"}))
        made = "|".join(sorted(answerable - {"responsible"}))
        gap = r"(?:\s+(?!(?:that|which|who|whom|whose|is|are|was|were|be|been|being|for|if|when|because|and|or)\b)[\w’'\-]+){0,4}?"
        _HELD_TO_ACCOUNT = re.compile(
            rf"\b(?:{'|'.join(sorted(_HOLD))}){gap}\s+(?:{held})\b|\b(?:{'|'.join(sorted(_MAKE))}){gap}\s+(?:{made})\b",
            re.IGNORECASE,
        )
    return _HELD_TO_ACCOUNT


# Judgements of people the public lexicon does not rate: "the admin was sloppy", "an
# inexperienced engineer", "the team was negligent".
_OWN_ADJECTIVES = lex._words(
    """
    sloppy negligent inept inexperienced unqualified incompetent amateurish lax complacent
    careless reckless irresponsible unprofessional lazy clueless stupid dumb idiotic foolish
    """
)
_OWN_PERSON_NOUNS = lex._words("slob idiots morons clown clowns amateur amateurs cowboy cowboys dumbass numpty muppet")
# Said of an act rather than of a person: "a stupid mistake", "a poor decision".
_ACT_ADJECTIVES = lex._words("bad poor terrible horrible awful dreadful silly")
_ACTS = lex._words("mistake mistakes decision decisions move judgement judgment blunder blunders")
_COPULAS = lex._words("is are was were am be been being seem seems seemed look looks looked appear appears appeared become became becomes get got gets")
_SUBJECT_COPULAS = lex._words("i'm i’m we're we’re they're they’re you're you’re he's he’s she's she’s")
_INTENSIFIERS = lex._words("so very really too pretty extremely quite just incredibly utterly totally completely absolutely such a an bit little rather fairly simply downright plain the most")
_GENERAL_STARTS = lex._words("if when whenever unless")


def _person_judgements(an):
    """A word that judges, said of a person: "the engineer was careless" (a copula), "a
    clueless admin" (before a role or a team), "you are an idiot", "a stupid mistake"."""
    adjectives, nouns, act_adjectives, folly, _, _, _ = _judged()
    tokens = an.tokens
    n = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.low
        if low not in act_adjectives and low not in nouns:
            continue
        sentence = an.sentence_tokens(tok.sentence)
        if sentence and sentence[0].low in _GENERAL_STARTS or _denied(an, i):
            continue  # "if you are careless …", "nobody was careless"
        same = lambda j: 0 <= j < n and tokens[j].sentence == tok.sentence  # noqa: E731
        nxt = tokens[i + 1] if same(i + 1) else None
        if low in act_adjectives and nxt is not None and nxt.low in _ACTS:
            yield tok.start, nxt.end, "judges an act"  # "a stupid mistake", "a poor decision"
            continue
        if low in nouns and same(i - 1) and tokens[i - 1].low == "you":
            yield tokens[i - 1].start, tok.end, "a judgement of people"  # "you idiot"
            continue
        if low in folly:
            start = _folly_referent(an, i)
            if start is not None:
                yield start, tok.end, "ridicules a person"  # "Imagine a nitwit that did not …"
                continue
        if low not in adjectives and low not in nouns:
            continue
        # attributive: "a clueless admin", "the incompetent ops team", "the idiot engineer"
        for j in (i + 1, i + 2):
            if not same(j) or tokens[j].low in _ACTS:
                break
            head = tokens[j].base.lower()
            if head in cl.ROLE_NOUNS or head in lex.TEAM_NOUNS:
                after = tokens[j + 1] if same(j + 1) else None
                if after is None or after.low in lex.STOPWORDS or after.low in cl.AUXILIARIES or tokens[j].possessive or is_past_verb(after.low):
                    yield tok.start, tokens[j].end, "a judgement of people"
                break
        # predicate: "the engineer was careless", "he is such an idiot", "we're clueless"
        k = i - 1
        while same(k) and (tokens[k].low in _INTENSIFIERS or tokens[k].low in adjectives or tokens[k].low.endswith("ly") and len(tokens[k].low) > 4
                           or tokens[k].low == "as" and k == i - 1 and same(i + 1) and tokens[i + 1].low == "as"):
            k -= 1  # over a comparison of equality too: "this guy was as useless as …"
        if not same(k):
            continue
        if tokens[k].low in _SUBJECT_COPULAS:
            yield tokens[k].start, tok.end, "a judgement of people"
            continue
        if tokens[k].low not in _COPULAS or not same(k - 1):
            continue
        subject = person_subject_before(an, k)
        if subject is None or tokens[subject.start].low in _GENERIC_PEOPLE:
            continue
        yield tokens[subject.start].start, tok.end, "a judgement of people"


# What a novice is said to make: "a beginner mistake", "a newbie error", "a trainee's blunder".
_NOVICE_ACTS = lex._words("mistake mistakes error errors blunder blunders move moves slip slips")


def _novice_errors(an):
    """A mistake called a novice's (``_wordnet_classes.NOVICE_NOUNS`` before a word for a
    mistake): "Looks like a beginner mistake", "a classic newbie error", "a trainee's blunder".
    It judges whoever made it as unskilled. "Errors of new hires are expected" and "the
    trainee's error budget" name no kind of mistake."""
    novices = _judged()[6]
    tokens = an.tokens
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.base.lower() in novices and nxt.sentence == tok.sentence and nxt.low in _NOVICE_ACTS and not _denied(an, i) \
                and not (i + 2 < len(tokens) and tokens[i + 2].sentence == tok.sentence and tokens[i + 2].low in ("budget", "budgets", "rate", "rates")):
            yield tok.start, nxt.end, "judges a person's competence"


_OWNERS = lex._words("his her their my your")
_OWNED_BY = lex._words("of by from on")


def _owned_qualities(an):
    """A quality that judges, owned by a person (``_wordnet_classes.QUALITY_NOUNS``, nouns
    of the judging adjectives): "his ignorance", "their thoughtlessness", "the admin's
    arrogance", "the recklessness of the contractor". A quality with no owner ("the
    carelessness that systems invite"), a team's or "our" one is not judged here, nor one
    denied ("not through any carelessness of his")."""
    qualities = _judged()[5]
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if tok.low not in qualities or tok.low in lex.JUDGEMENT_WORDS or _denied(an, i):
            continue  # the words of the fixed list are judged wherever they stand
        same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
        k = i - 1
        if same(k) and tokens[k].low in _INTENSIFIERS | lex._words("sheer usual own"):
            k -= 1  # "his sheer arrogance"
        if same(k) and tokens[k].low in _OWNERS:
            yield tokens[k].start, tok.end, "judges a person's quality"
            continue
        if same(k) and tokens[k].possessive:
            actor = cl.actor_ending_at(an, k)
            if actor is not None and actor.person and actor.kind != "team" and tokens[actor.start].base.lower() not in _NO_ONE:
                yield tokens[actor.start].start, tok.end, "judges a person's quality"
                continue
        if same(i + 2) and tokens[i + 1].low in _OWNED_BY:
            for e in range(i + 2, min(len(tokens), i + 6)):
                if not same(e):
                    break
                actor = cl.actor_ending_at(an, e)
                if actor is not None and actor.start == i + 2 and actor.person and actor.kind != "team":
                    yield tok.start, tokens[e].end, "judges a person's quality"
                    break


# Determiners that make a noun phrase refer to someone: "a nitwit", "some bungler", "these dimwits".
_REFERRING = lex._words("a an the some this that these those such another what few any")


def _folly_referent(an, i):
    """Where a noun for a person lacking sense or competence (``FOLLY_NOUNS``) at token ``i``
    heads a noun phrase that refers to someone: a determiner at most two words before it
    ("a nitwit", "the poor bungler", "some clueless dimwit") and nothing after it that would
    make it a modifier of another noun ("a bonehead move" is a judged act, not a person).
    Returns the phrase's start or None."""
    tokens = an.tokens
    tok = tokens[i]
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
    if tok.possessive:
        return None  # "a dimwit's guide": a kind of thing named after one
    if same(i + 1) and not an.text[tok.end : tokens[i + 1].start].strip():
        after = tokens[i + 1].low
        if not (after in lex.STOPWORDS or after in cl.AUXILIARIES or is_past_verb(after)):
            return None
    for k in (i - 1, i - 2, i - 3):
        if not same(k):
            return None
        if tokens[k].low in _REFERRING:
            return tokens[k].start
        if tokens[k].low in lex.STOPWORDS or not tokens[k].low.isalpha():
            return None
    return None


_CLAUSE_BREAKS = lex._words("which that who whom because but when while although though whereas since so")


def _denied(an, i, reach=8) -> bool:
    """A negation earlier in the same clause: "nobody was careless", "most issues were not
    caused by cryptographic weakness or reckless behavior"."""
    tokens = an.tokens
    if i > 0 and tokens[i - 1].low == "more":
        return False  # "could not have been more careless": emphasis, not a denial
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        tok = tokens[j]
        if tok.sentence != tokens[i].sentence or tok.low in _CLAUSE_BREAKS:
            return False
        if tok.low in ("not", "no", "never", "nobody", "none", "neither", "nor", "without") or tok.low.endswith(("n't", "n’t")):
            return True
        if any(ch in an.text[tok.end : tokens[j + 1].start] for ch in ",;:—(") :
            return False
    return False


_POSSIBLE = lex._words("might may could can")


def _possible(an, i, reach=8) -> bool:
    """A modal of possibility earlier in the clause of an adverb: a manner something may happen
    in, not an account of how someone acted."""
    tokens = an.tokens
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        tok = tokens[j]
        if tok.sentence != tokens[i].sentence or tok.low in _CLAUSE_BREAKS:
            return False
        if tok.low in _POSSIBLE:
            return True
    return False


_GENERIC_PEOPLE = lex._words("anyone anybody everyone everybody nobody people humans")
_FULL_SCREEN = None


def _screen():
    """The words that send a block to the analysis: the rule's own and the lexicon's."""
    global _FULL_SCREEN
    if _FULL_SCREEN is None:
        adjectives, nouns, acts, _, answerable, qualities, novices = _judged()
        _FULL_SCREEN = _SCREEN | acts | nouns | qualities | novices
    return _FULL_SCREEN


def check(doc, ctx):
    for block in text_blocks(doc):
        words = words_of(block.text)
        screened = not _screen().isdisjoint(words) or not words.isdisjoint(_HOLD_OR_MAKE) and not words.isdisjoint(_judged()[4])
        if not screened and not ("?" in block.text and not words.isdisjoint(_QUESTION_WORDS) and not words.isdisjoint(_REPROACHED)):
            continue
        an = analyse(block.text)
        seen = set()
        for start, end, what in (_judgements(an) if screened else _reproaches(an)):
            if view_content(an, start) or habitual(an, token_at(an, start)) or unasserted(an, token_at(an, start), asked=what in _ACTS_ASKED_ABOUT):
                continue  # "A blame culture treats incidents as individual failures — … held accountable"
            if any(start < e and s < end for s, e in seen) or what == _TRY_HARDER and block.column == "action":
                continue  # one finding for one phrase; an action item asking for care is PM303's
            seen.add((start, end))
            phrase = " ".join(block.text[start:end].split())
            yield Finding(block.span(start, end), f"judges people: {phrase!r} ({what})", _HINT)


# Nouns for a fact or an aspect of things: "the stupid thing is that …", "the dumbest part of the outage was …".
_FACT_NOUNS = lex._words("thing part bit")


def _verdict_on_a_fact(an, i) -> bool:
    """A judgement word in "the <word> thing/part/bit … is/was …": the subject of a copula that
    weighs a fact of the incident ("The stupid thing is that the fix was one line", "The dumbest
    part of the outage was the retry storm"), not a person or a person's act ("foolish things
    they did", "a dumb mistake")."""
    tokens = an.tokens
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tokens[i].sentence  # noqa: E731
    before = i - 1
    while same(before) and tokens[before].low in ("most", "really", "very", "truly"):
        before -= 1
    if not (same(before) and tokens[before].low == "the" and same(i + 1) and tokens[i + 1].low in _FACT_NOUNS):
        return False
    for j in range(i + 2, i + 8):
        if not same(j) or tokens[j].low in ("who", "that", "which", "they", "he", "she", "i", "we", "you"):
            return False  # "the stupid thing that he did": a person's act
        if tokens[j].low in ("is", "was", "'s", "’s"):
            return True
    return False


# Kinds of finding that name an act, which a question can leave open ("we never ask who
# screwed up"); a word of judgement is the writer's own even in a question.
_ACTS_ASKED_ABOUT = frozenset({"assigns blame", "blames a person for a lapse"})


def _judgements(an):
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        low = tok.base.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
        if low in lex.JUDGEMENT_WORDS:
            if low in _TECHNICAL_JUDGEMENT and nxt is not None and nxt.low in lex.TECHNICAL_AFTER_JUDGEMENT:
                continue
            if _denied(an, i):
                continue  # "nobody was careless", "the engineer was not careless", "not caused by any carelessness"
            if low.endswith("ly") and _possible(an, i):
                continue  # "Data might be deleted intentionally or negligently": what may happen
            if any(t.low == "whether" for t in tokens[max(0, i - 5) : i] if t.sentence == tok.sentence):
                continue  # "regardless of whether or not laziness or stupidity were also present": left open
            if _range_of_verdicts(an, i):
                continue  # "good/bad/brilliant/stupid": every verdict at once, none given
            if _verdict_on_a_fact(an, i):
                continue  # "The stupid thing is that the fix was one line": a fact judged, no one
            if _enabled_mishap(an, i):
                continue  # "Find system problems that allowed the fuckup to happen"
            if _kind_of_conduct(an, i):
                continue  # "organizations aim to balance accountability and learning, while addressing reckless behavior"
            yield tok.start, tok.end, "a judgement of people"
        elif low in _SLANG_FOR_PEOPLE and low != "poor" and nxt is not None:
            # "some shitty CEO": slang about a person, not about code
            for j in (i + 1, i + 2):
                if j < len(tokens) and tokens[j].sentence == tok.sentence and (
                    tokens[j].low in lex.ROLE_NOUNS or tokens[j].low in _SLANG_PEOPLE or tokens[j].low in lex.TEAM_NOUNS
                    or low == "garbage" and tokens[j].low in _SLANG_WORK
                ):
                    yield tok.start, tokens[j].end, "a judgement of people"
                    break
        elif low in _BLAME:
            yield from _blame(an, i)
        elif low == "fault":
            yield from _fault(an, i)
        elif low in _NEGLECT_VERBS:
            subject = _lapse_subject(an, i)
            nothing = i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence and tokens[i + 1].low == "nothing"
            if subject is not None and tokens[subject.start].low not in _NO_ONE and not nothing \
                    and not (low == "overlooked" and cl.thing_explains(an, i)):  # not "Nobody forgot anything", "the team forgot nothing"
                yield tokens[subject.start].start, tok.end, "blames a person for a lapse"  # nor "overlooked it because the diff was long"
    yield from _person_judgements(an)
    yield from _owned_qualities(an)
    yield from _novice_errors(an)
    yield from _lacking(an)
    if "?" in an.text:
        yield from _reproaches(an)
    for pattern, what in ((_ACCOUNTABLE, "calls for blame"), (_held_to_account(), _HELD), (_BOTHER, "assumes bad intent"), (_IDIOMS, "a judgement of people"),
                          (_DILIGENCE, _TRY_HARDER), (_COMPETENCE, "judges a person's competence")):
        for match in pattern.finditer(an.text):
            if _general(an, match.start(), match.end()) or pattern is _IDIOMS and _feared(an, match.start()):
                continue
            if pattern is _DILIGENCE and (_impersonal(an, match.start()) or _told_to_anyone(an, match.start())):
                continue
            if what == _HELD and not _held_answerable(an, match.start(), match.end()):
                continue
            yield match.start(), match.end(), what


def _lapse_subject(an, i):
    """The person who forgot or overlooked (``i``): the subject of the clause's verb group,
    over a relative clause or a prepositional phrase ("The engineer, who was new to the team,
    forgot", "An engineer on the platform team forgot"), not the last noun before the verb."""
    k = i
    while k > 0 and an.tokens[k - 1].sentence == an.tokens[i].sentence and an.tokens[k - 1].low in cl.AUXILIARIES:
        k -= 1
    start, end = an.sentences[an.tokens[i].sentence]
    actor = cl.subject_of(an, k, groups=[g for g in cl._verb_groups(an, start, end) if g[0] <= k])
    if actor is None or not actor.person:
        return None
    return actor


# A question that reproaches a person instead of asking: a modal "how could you …", an
# intensified wh-word ("what on earth were you doing", "why the hell did they …"), "did you
# even …". Asking how something was done is fine ("How did you fix it?", "How can you tell?").
_WH = lex._words("how why what")
_REPROACH_MODALS = lex._words("can could would")
_ASKING_VERBS = lex._words("tell know find figure reproduce see get recover fix help check detect notice confirm verify handle avoid prevent")
_INTENSIFIED = lex._words("earth hell heck world")
_QUESTION_OPENERS = lex._words("so but and then well ok okay seriously honestly")
_QUESTION_WORDS = _WH | {"did"}
_REPROACHED = _INTENSIFIED | {"you"}  # who a reproach is addressed to, or its intensifier


def _reproaches(an):
    tokens = an.tokens
    for s, (start, end) in enumerate(an.sentences):
        if end - start < 3 or "?" not in an.text[tokens[end - 1].end : tokens[end].start if end < len(tokens) else len(an.text)]:
            continue
        # the question opens the sentence, or follows a label ("Root cause: How can you …?")
        k = max((t for t in range(start, end) if tokens[t].initial and tokens[t].low in _QUESTION_WORDS), default=start)
        while k < end and (tokens[k].low in _QUESTION_OPENERS or tokens[k].is_handle):
            k += 1
        if k >= end - 2 or tokens[k].low not in _WH:
            if k + 2 < end and tokens[k].low == "did" and tokens[k + 1].low == "you" and tokens[k + 2].low == "even":
                yield tokens[k].start, tokens[k + 2].end, "a reproach"  # "Did you even test this?"
            continue
        j = k + 1
        intensified = False
        if j + 1 < end and tokens[j].low in ("on", "the", "in") and tokens[j + 1].low in _INTENSIFIED:
            intensified, j = True, j + 2
        elif j + 2 < end and tokens[j].low == "in" and tokens[j + 1].low == "the" and tokens[j + 2].low == "world":
            intensified, j = True, j + 3
        if j + 1 >= end:
            continue
        aux, subject = tokens[j].low, tokens[j + 1].low
        if intensified and subject in ("you", "they", "he", "she"):
            yield tokens[k].start, tokens[j + 1].end, "a reproach"  # "What on earth were you doing …?"
            continue
        if tokens[k].low != "what" and aux in _REPROACH_MODALS and subject == "you":
            v = j + 2
            while v < end and (tokens[v].low in ("not", "possibly", "even", "just", "really") or tokens[v].low.endswith("ly") and len(tokens[v].low) > 4):
                v += 1  # not "ever": "why would you ever assign blame …" asks about anyone
            if v < end and tokens[v].low not in _ASKING_VERBS and tokens[v].low not in lex.STOPWORDS and tokens[v].low != "ever":
                yield tokens[k].start, tokens[v].end, "a reproach"  # "How can you delete your own blog and not notice?"


# "it is so important to be extra cautious": care commended to anyone, with no one addressed
# ("it is important for the team to be more careful" addresses the team and is reported).
_COMMENDED = lex._words("important essential crucial vital necessary wise prudent good best key critical")


def _impersonal(an, start) -> bool:
    first = next((t for t in an.tokens if t.start >= start), None)
    if first is None:
        return False
    before = [t.low for t in an.sentence_tokens(first.sentence) if t.end <= start][-6:]
    if len(before) < 3 or before[-1] != "to" or before[-2] not in _COMMENDED:
        return False
    return any(a in ("it", "it's", "it’s") for a in before[:-2])


# "Telling people to be more careful will make the problem go away", "to remind everyone to
# be vigilant": the practice of asking care of people in general, named as a gerund or an
# infinitive, not a demand made on someone ("we told the engineer to be more careful" is reported).
_DIRECTIVES = lex._words("telling asking reminding urging instructing expecting requiring tell ask remind urge instruct expect require")
_ANYONE = lex._words("people humans everyone everybody anyone anybody folks")


def _told_to_anyone(an, start) -> bool:
    first = next((t for t in an.tokens if t.start >= start), None)
    if first is None:
        return False
    before = [t.low for t in an.sentence_tokens(first.sentence) if t.end <= start][-4:]
    if len(before) < 3 or before[-1] != "to" or before[-2] not in _ANYONE or before[-3] not in _DIRECTIVES:
        return False
    return before[-3].endswith("ing") or len(before) > 3 and before[-4] == "to"


# Qualities a person is said to lack: "he wasn't careful", "they aren't seasoned DBAs", "the
# engineer was not experienced enough" (a verdict on the person, not on the tooling).
_QUALITIES = lex._words("careful experienced seasoned skilled capable diligent attentive knowledgeable competent qualified cautious")
_LACK_DEGREE = lex._words("very that so particularly sufficiently really as too terribly all a an the most especially")


def _lacking(an):
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if tok.low not in _QUALITIES:
            continue
        j = i - 1
        while j >= 0 and tokens[j].sentence == tok.sentence and tokens[j].low in _LACK_DEGREE:
            j -= 1
        if j < 1 or tokens[j].sentence != tok.sentence:
            continue
        neg = tokens[j].low
        if neg in ("not", "never"):
            cop = j - 1
        elif neg.endswith(("n't", "n’t")) and neg[:-3] in ("is", "are", "was", "were", "ai", "is", "have", "has", "had"):
            cop = j  # "wasn't", "aren't"
        else:
            continue
        if tokens[cop].sentence != tok.sentence or tokens[cop].low not in _COPULAS and not tokens[cop].low.endswith(("n't", "n’t")):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
        if nxt is not None and nxt.low in ("to", "that", "about", "of", "with", "by") and tok.low not in ("careful", "experienced"):
            continue  # "was not qualified to …" is the regex's; "not capable of handling the load" may be a system's
        subject = person_subject_before(an, cop)
        if subject is None or an.tokens[subject.start].low in ("nobody", "no-one", "noone"):
            continue
        if _general(an, tokens[subject.start].start, tok.end):
            continue
        yield tokens[subject.start].start, tok.end, "judges a person's competence"


def _slash_group(an, i) -> list:
    """The words joined to token ``i`` by slashes with no space ("good/bad/brilliant/stupid")."""
    tokens, text = an.tokens, an.text
    lo = hi = i
    while lo > 0 and tokens[lo - 1].end + 1 == tokens[lo].start and text[tokens[lo - 1].end] == "/":
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi].end + 1 == tokens[hi + 1].start and text[tokens[hi].end] == "/":
        hi += 1
    return tokens[lo : hi + 1]


def _range_of_verdicts(an, i) -> bool:
    """A judgement word among alternatives that are no judgement ("good/bad/brilliant/stupid"):
    the range of what anyone may have done; "lazy/careless" judges twice and stays."""
    group = _slash_group(an, i)
    return len(group) > 1 and any(t.base.lower() not in lex.JUDGEMENT_WORDS for t in group)


def _feared(an, start) -> bool:
    """ "I know I'm going to screw something up": a fear about what may happen, not an account."""
    before = [t.low for t in an.tokens if t.end <= start][-2:]
    return any(low in ("will", "might", "may", "could", "would", "going") or low.endswith(("'ll", "’ll")) for low in before) \
        and not any(low in ("have", "been") for low in before)


def _general(an, start, end) -> bool:
    """ "If fat fingers can down a data center, that's an engineering problem", "PEBKAC culture":
    the words as a subject of discussion, not a judgement of someone."""
    first = next((t for t in an.tokens if t.end > start), None)
    if first is None:
        return False
    sentence = an.sentence_tokens(first.sentence)
    if sentence and sentence[0].low in ("if", "when", "whenever"):
        return True
    after = next((t for t in an.tokens if t.start >= end), None)
    before = [t for t in sentence if t.end <= start][-2:]
    return (after is not None and after.sentence == first.sentence and after.low in ("culture", "cultures")) or any(
        t.low in _BLAME for t in before
    )  # "Market insiders blamed a fat finger error": the slip is what is blamed, no one is judged


def _blame(an, i):
    tokens = an.tokens
    tok = tokens[i]
    prev = tokens[i - 1].low if i > 0 and tokens[i - 1].sentence == tok.sentence else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
    if prev == "git" or (nxt is not None and nxt.low in _NOT_BLAME_AFTER):
        return
    window = [t.low for t in tokens[max(0, i - 4) : i] if t.sentence == tok.sentence]
    if "rather" in window or "instead" in window or "avoid" in window or "no" in window:
        return  # "rather than attributing blame to anyone"
    if cl.general_condition([t.low for t in tokens[max(0, i - 6) : i] if t.sentence == tok.sentence]) and not _cleft_after(an, i):
        return  # "If they're privately blaming the person for the incident, it's still not blameless"
    if any(low in cl._EPISTEMIC for low in window):
        return  # "The moment people fear being blamed, they hide details": blame feared, not laid
    if negated_before(an, i, reach=4) or prev in ("without", "this", "that", "of", "about", "culture"):
        return  # "this blaming only results in …": blame as a subject of discussion
    if tok.low == "blaming" and _opens_sentence(an, i):
        return  # "Blaming them for making those mistakes doesn't help", "Worse, blaming the person …": the practice, as a subject
    if rejected(an, i):
        return  # "the idea that they are blaming this on the human is wrong": blame the sentence rejects
    after = [t.low for t in tokens[i + 1 : i + 4] if t.sentence == tok.sentence]
    if after[:1] in (["goes"], ["went"]) or after[:1] and after[0] in lex.MODALS and after[1:2] == ["go"]:
        yield tok.start, tok.end, "assigns blame"  # "the real blame should go to the CEO"
        return
    if prev == "the" and not (nxt is not None and nxt.low in ("on", "for", "lies", "falls", "rests")):
        return
    if tok.low == "blamed" and prev in ("was", "were", "been", "got", "get") and i >= 2:
        subject = person_subject_before(an, i - 1)
        if subject is not None:
            yield tokens[subject.start].start, tok.end, "assigns blame"  # "the intern was blamed"
            return
    if prev == "to":  # "… is to blame", "who is to blame"; not "it was unfair to blame him"
        if _yes_no_question(an, tok.sentence):
            return  # "Is the engineer to blame?": asked, not laid
        if i >= 2 and tokens[i - 2].low in _SOUGHT and tokens[i - 2].sentence == tok.sentence \
                and not (i >= 3 and tokens[i - 3].low in _COPULAS and tokens[i - 3].sentence == tok.sentence):
            return  # "the goal is not to find who to blame", "we must find someone to blame": sought, not laid
        if (nxt is None or nxt.low in ("for", "here", "too", "either", "as", "and")) and not _thing_to_blame(an, i):
            yield tok.start, tok.end, "assigns blame"
        return
    if tok.low == "blamed" and nxt is not None and nxt.low == "on":
        # "the outage was blamed on a contractor"; not "… has been blamed on malfunctioning hardware"
        if _blamed_on_person(an, i - 1):
            yield tok.start, tok.end, "assigns blame"
        return
    if nxt is not None and nxt.low in ("on", "for", "lies", "falls", "rests"):
        if tok.low == "blamed" and nxt.low == "for" and _thing_blamed(an, i):
            return  # "A lack of investment in technology and staff training has been blamed for two glitches"
        if _laid_on_thing(an, i):
            return  # "laid much of the blame for the debacle on FirstEnergy": a company, not a person
        yield tok.start, tok.end, "assigns blame"
        return
    if tok.low in ("blamed", "blame", "blames", "blaming") and _blamed_on_person(an, i):
        yield tok.start, tok.end, "assigns blame"  # "the NTSB blamed the joke on a summer intern"
        return
    # "blamed the payments team", "blame Dave"
    for j in range(i + 1, min(len(tokens), i + 5)):
        other = tokens[j]
        if other.sentence != tok.sentence or other.low in ("not", "no", "never"):
            break  # "blame the process, not people"
        if other.low in _OBJECT_BREAKS or not _NO_BREAK.issuperset(an.text[tokens[j - 1].end : other.start]):
            break  # "incidents either produce blame (which stops people from …)", "blame and Root Cause Analysis": the phrase has ended
        if other.low in lex.ROLE_NOUNS or other.low in lex.TEAM_NOUNS or other.low in lex.PERSON_PRONOUNS or other.low in lex.OBJECT_PRONOUNS:
            if tok.low != "blamed" and _bare_plural_object(an, i, j):
                return  # "managers blame individual contributors", "blaming people for incidents": the practice
            yield tok.start, tok.end, "assigns blame"
            return
        if other.capitalised and not other.initial and not brand(other.text):
            yield tok.start, tok.end, "assigns blame"
            return


_NO_BREAK = frozenset(" \t\n'’")  # what may stand between two words of one phrase
_OPENERS = lex._words("but and so yet still worse again also however instead ultimately besides moreover")


def _opens_sentence(an, i) -> bool:
    """Whether token ``i`` begins its sentence, or follows only connectives and sentence
    adverbs ("Worse, blaming the person …", "But blaming people …")."""
    before = [t for t in an.sentence_tokens(an.tokens[i].sentence) if t.end <= an.tokens[i].start]
    return all(t.low in _OPENERS or t.low.endswith("ly") and len(t.low) > 4 for t in before)
# Words that end the phrase after "blame" before any object: a relative or adverbial clause,
# or a coordinator that joins "blame" as a noun to another noun ("blame and Root Cause
# Analysis", "placing blame or getting someone in trouble").
_OBJECT_BREAKS = lex._words("which that who because while and or nor")
_BARE_OBJECT_LEADS = lex._words("individual other junior senior human front-line frontline")


def _bare_plural_object(an, i, j) -> bool:
    """Whether the object of "blame" at ``i``, reaching token ``j``, is a plural with no
    determiner ("people", "engineers", "individual contributors"): people of a kind, so the
    present or the gerund ("managers blame individual contributors", "blaming people for
    incidents") names a practice; "blamed people" or "blame the engineers" is an account."""
    tokens = an.tokens
    if j != i + 1 and not (j == i + 2 and tokens[i + 1].low in _BARE_OBJECT_LEADS):
        return False
    k = j
    while k + 1 < len(tokens) and tokens[k + 1].sentence == tokens[j].sentence and _NO_BREAK.issuperset(an.text[tokens[k].end : tokens[k + 1].start]) \
            and (tokens[k + 1].low in lex.ROLE_NOUNS or tokens[k + 1].low.endswith("s") and tokens[k].low in _BARE_OBJECT_LEADS):
        k += 1  # "individual contributors", "frontline engineers"
    head = tokens[k].low
    if head in lex.PERSON_PRONOUNS or head in lex.OBJECT_PRONOUNS:
        return False
    return head in ("people", "humans", "individuals", "folks") or head.endswith("s") and not tokens[k].possessive and not tokens[k].capitalised


def _cleft_after(an, i) -> bool:
    """ "if anybody is to be blamed …, it is on me": the condition leads to a cleft that names
    who, so the blame is laid."""
    lows = [t.low for t in an.tokens[i + 1 :] if t.sentence == an.tokens[i].sentence] + ["", ""]
    return any(
        a in ("it's", "it’s") and b in _CLEFT_FOCUS or a == "it" and b in ("is", "was") and c in _CLEFT_FOCUS
        for a, b, c in zip(lows, lows[1:], lows[2:])
    )


# What a cleft after a condition puts first: "it is on me", "it's the manager".
_CLEFT_FOCUS = lex._words("on me him her them us you the my his their our your")


_NO_ONE = lex._words("nobody noone no-one none")
# Who an infinitive of "blame" looks for: "find who to blame", "someone to blame" ("who is to
# blame" lays it: a copula before the word).
_SOUGHT = lex._words("who whom whoever someone somebody anyone anybody one")


def _thing_blamed(an, i) -> bool:
    """ "A lack of investment … has been blamed for two network glitches": the subject of the
    passive is a thing (``i`` is "blamed" after a form of "be")."""
    if i < 2 or an.tokens[i - 1].low not in ("was", "were", "been", "is", "are", "be") or an.tokens[i - 1].sentence != an.tokens[i].sentence:
        return False
    clause = next((c for c in cl.clauses(an) if c.main == i), None)
    return clause is not None and clause.passive and clause.actor is not None and not clause.actor.person


def _thing_to_blame(an, i) -> bool:
    """ "spending cuts or the organisational structure were to blame": what "is to blame" is a
    thing, not a person (``i`` is "blame" after "to")."""
    be = i - 2
    if be < 1 or an.tokens[be].low not in ("is", "are", "was", "were", "be", "been") or an.tokens[be].sentence != an.tokens[i].sentence:
        return False
    subject = cl.subject_of(an, be)
    if subject is None or subject.person:
        return False
    tokens, start = an.tokens, subject.start
    while start >= 2 and tokens[start - 1].low == "of" and tokens[start - 2].sentence == tokens[i].sentence:
        start = cl._np_start(an, start - 2)  # "the organisational structure of Swisscom"
    if start == 0 or tokens[start - 1].sentence != tokens[i].sentence or cl._gap_is_comma(an, start - 1, start):
        return True
    if tokens[start - 1].low in ("not", "than") and start >= 2:
        # "an internal issue and not a cyberattack was to blame": the first of two things set side by side
        return _thing_to_blame_before(an, start - 1, i)
    return tokens[start - 1].low in ("that", "and", "or", "which", "because", "while", "since")  # not "… their work to India"


def _thing_to_blame_before(an, k, i) -> bool:
    """Whether the noun phrase before the coordinator at ``k`` ("an internal issue and not …",
    "the cache rather than …") is a thing too."""
    tokens = an.tokens
    while k > 0 and tokens[k].low in ("not", "than", "rather", "and", "but", "or") and tokens[k - 1].sentence == tokens[i].sentence:
        k -= 1
    actor = cl.actor_ending_at(an, k)
    return (actor is None or not actor.person) and tokens[k].low not in lex.STOPWORDS and not tokens[k].possessive


def _laid_on_thing(an, i) -> bool:
    """Whether the blame at ``i`` is laid "on" something that is no person: a company, a
    system ("the blame for the debacle on FirstEnergy", "the blame on the power supply")."""
    tokens = an.tokens
    for j in range(i + 1, min(len(tokens), i + 9)):
        if tokens[j].sentence != tokens[i].sentence or cl._gap_is_comma(an, j - 1, j):
            return False
        if tokens[j].low == "on":
            return not _blamed_on_person(an, i) and j + 1 < len(tokens) and tokens[j + 1].sentence == tokens[i].sentence \
                and tokens[j + 1].low not in lex.PERSON_PRONOUNS and tokens[j + 1].low not in lex.OBJECT_PRONOUNS
    return False


def _blamed_on_person(an, i) -> bool:
    """ "blamed the outage on an engineer", "blames the leak on a former employee": the act is
    laid "on" a person (a role, a pronoun); not "blamed the outage on a power surge"."""
    tokens = an.tokens
    sentence = tokens[i].sentence
    for j in range(i + 1, min(len(tokens), i + 9)):
        if tokens[j].sentence != sentence or tokens[j].low in ("not", "rather", "instead"):
            return False
        if tokens[j].low != "on":
            continue
        head = None
        for k in range(j + 1, min(len(tokens), j + 6)):
            if tokens[k].sentence != sentence or k > j + 1 and (tokens[k].low in lex.STOPWORDS or cl._gap_is_comma(an, k - 1, k)):
                break
            head = k  # the noun phrase after "on" ends before a function word or a comma
        actor = cl.actor_ending_at(an, head) if head is not None and not tokens[head].possessive else None
        return actor is not None and actor.person and actor.kind in ("role", "pronoun", "name", "handle") and not actor.generic
    return False


# A mishap as the object of what made it possible ("the problems that allowed the fuckup to
# happen", "what let the screw-up through"): the question a blameless review asks of the
# conditions, not a verdict on a person.
_MISHAPS = lex._words("fuckup fuckups fuck-up fuck-ups screwup screwups screw-up screw-ups blunder blunders")
_ENABLING = lex._words("allow allowed allows allowing let lets letting enable enabled enables enabling permit permitted permits prevent prevented prevents preventing")


def _enabled_mishap(an, i) -> bool:
    tokens = an.tokens
    if tokens[i].low not in _MISHAPS:
        return False
    k = i - 1
    while k >= 0 and tokens[k].sentence == tokens[i].sentence and tokens[k].low in ("the", "a", "this", "that", "such", "any", "another"):
        k -= 1
    return k >= 0 and tokens[k].sentence == tokens[i].sentence and tokens[k].low in _ENABLING


_PEOPLE_WORDS = lex._words(
    "i'm i’m we're we’re you're you’re he's he’s she's she’s they're they’re i'd i’d i've i’ve me us him her them my our his their your"
)
# Nouns of conduct that a judging adjective may name a kind of: "reckless behavior".
_CONDUCT = lex._words("behavior behaviour behaviors behaviours conduct acts actions choices decisions")


def _kind_of_conduct(an, i) -> bool:
    """A judging adjective before a bare noun of conduct, or a judging noun of quality, in a
    sentence with no person and no past in it ("while addressing reckless behavior", "may be
    categorised from mistakes, carelessness, recklessness, through to malicious intent"): a kind
    of behaviour talked about, not someone's act judged ("his reckless behavior", "reckless
    behavior caused the outage", "his carelessness" stay)."""
    tokens = an.tokens
    tok = tokens[i]
    quality = tok.low.endswith(("ness", "ence", "ity"))  # "carelessness, recklessness": the quality itself
    if not quality and (i + 1 >= len(tokens) or tokens[i + 1].sentence != tok.sentence or tokens[i + 1].low not in _CONDUCT):
        return False
    if i > 0 and tokens[i - 1].sentence == tok.sentence and (tokens[i - 1].possessive or tokens[i - 1].low in _PEOPLE_POSSESSIVES
                                                           or tokens[i - 1].low in ("the", "this", "that", "such")):
        return False
    sentence = an.sentence_tokens(tok.sentence)
    if any(t.low in lex.PERSON_PRONOUNS or t.low in _PEOPLE_WORDS or t.base.lower() in lex.ROLE_NOUNS and not t.base.lower().endswith("s")
           for t in sentence):
        return False  # "The contractor shows reckless behavior", "incompetence from the engineer's side": someone's conduct
    return not told_in_past([t.low for t in sentence], duties=False)


_COPULA_FIRST = lex._words("is was are were isn't wasn't aren't weren't isn’t wasn’t aren’t weren’t")


def _as_if(an, i) -> bool:
    """Whether token ``i`` stands in an unreal comparison ("as if", "as though"): a likeness
    drawn, not a fact stated."""
    before = [t.low for t in an.sentence_tokens(an.tokens[i].sentence) if t.end <= an.tokens[i].start]
    return any(a == "as" and b in ("if", "though") for a, b in zip(before, before[1:]))


def _yes_no_question(an, sentence) -> bool:
    """A question put with its copula first and ended by "?" ("Is it the individual's fault?",
    "Was it really the operator's fault?"): the review asking, not a verdict given."""
    tokens = an.sentence_tokens(sentence)
    if len(tokens) < 3 or tokens[0].low not in _COPULA_FIRST:
        return False
    return an.text[tokens[-1].end : tokens[-1].end + 3].lstrip(" )\"'”’").startswith("?")


def _fault(an, i):
    tokens = an.tokens
    tok = tokens[i]
    sentence = tok.sentence
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == sentence else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == sentence else None
    if negated_before(an, i, reach=5):
        return  # "none of which are the fault of the author"
    if _yes_no_question(an, sentence) or _as_if(an, i):
        return  # "Is it the individual's fault?", "looks at you as if this was somehow your fault": not assigned
    if prev is not None and prev.possessive:
        owner = prev.base.lower()
        if owner in lex.ROLE_NOUNS or owner in lex.TEAM_NOUNS or owner in lex.GIVEN_NAMES or (prev.capitalised and not prev.initial and owner not in lex.SYSTEMS):
            yield prev.start, tok.end, "assigns fault to people"
        return
    if prev is not None and prev.low in _PEOPLE_POSSESSIVES:
        yield prev.start, tok.end, "assigns fault to people"
        return
    if nxt is not None and nxt.low == "of":
        for j in range(i + 2, min(len(tokens), i + 7)):
            other = tokens[j]
            if other.sentence != sentence:
                break
            if other.low in lex.ROLE_NOUNS or other.low in lex.TEAM_NOUNS or other.low in lex.PERSON_PRONOUNS or (
                other.capitalised and other.base.lower() in lex.GIVEN_NAMES
            ):
                yield tok.start, other.end, "assigns fault to people"
                return
        return
    if prev is not None and prev.low == "at":
        k = i - 2
        while k > 0 and tokens[k].low.endswith("ly") and tokens[k].sentence == sentence:
            k -= 1  # "I am especially at fault"
        subject = person_subject_before(an, k) if k >= 1 and tokens[k].low in ("was", "were", "is", "are", "am", "be") else None
        if subject is not None:
            yield tokens[subject.start].start, tok.end, "assigns fault to people"
        elif k >= 1:
            # a cleft: "it was the flight crew at fault", the person between "it was" and "at fault"
            actor = cl.actor_ending_at(an, k)
            if actor is not None and actor.person and not actor.generic and actor.start >= 2 \
                    and tokens[actor.start - 1].low in ("was", "is", "were") and tokens[actor.start - 2].low == "it" \
                    and tokens[actor.start - 2].sentence == sentence:
                yield tokens[actor.start].start, tok.end, "assigns fault to people"
        return
    if nxt is not None and nxt.low in ("lies", "lay", "lie", "rests", "rested") and i + 3 < len(tokens) and tokens[i + 2].low == "with" \
            and tokens[i + 3].sentence == sentence and not negated_before(an, i, reach=5):
        for j in range(i + 3, min(len(tokens), i + 8)):
            if tokens[j].sentence != sentence:
                break
            actor = cl.actor_ending_at(an, j)
            if actor is not None and actor.start <= i + 4 and actor.person and not actor.generic:
                yield tok.start, tokens[j].end, "assigns fault to people"  # "the fault lies with the operator"
                return
