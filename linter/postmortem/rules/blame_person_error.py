"""
## What it does
Reports a person written as the one who made an error: a role, a group or a pronoun (an
engineer, an employee, the operator, a technician, a team member, "they", "I") as the actor
of an act framed as an error. The framing may be an adverb ("accidentally", "mistakenly",
"unknowingly", "by accident"), a wrong object ("deleted a directory on the wrong server",
"pushed the bad config"), a lapse ("forgot to copy", "did not copy the new code"), a slip
("made a typo", "made several blunders"), damage ("took out a stock exchange") or a
destructive act on live data, or the road not taken ("Instead of deploying to each server in
turn, he opened …"). The actor may be a pronoun in a present-tense timeline ("We rebuild the
search indices as the wrong user"), the subject of the clause a phrase hangs on ("The
employee confirmed the alert, inadvertently causing a panic", "I managed to accidentally
corrupt a production database") or a labelled role ("Engineer A typed the wrong command").
Also errors written in the passive with people implied ("was mistakenly labeled as a UI
change, inadequately reviewed", "was overlooked", "was released to production without first
being tested"), errors attributed "by" a person ("an incorrect command entered by an S3 team
member", "was not carefully reviewed by one of our Senior engineers") and a slip owned ("I
realised the mistake I did"). What someone said or wrote, in quotation marks, is theirs and
not read ("“An employee pushed the wrong button,” he said"). Named people and @handles are reported by PM501. A lapse of attention explained by a
thing is not laid on the person ("The on-call engineer missed the first page because it was
routed to the wrong rotation"; "missed the alert because he was asleep" is reported), nor is an
act given as the reason for how a thing works now ("The HTML loads, because I excluded
main_frame"; "The site is down because someone deleted the DNS record" is reported), nor a
practice put against another in the present ("Instead of asking who made the mistake, we ask
what made it possible").

Structure carries the person across the sentence: the person before a chain of phrases ("an
employee of the state of Colorado misplaced a USB drive"), before a post-modifier ("the
engineer responsible for the change forgot …") or before a participle phrase whose object has
a relative clause ("An employee removing a piece of monitoring equipment that was causing
problems likely caused a massive outage"); the person a cleft picks out ("It was me who pushed
the bad config", "I was the one who deleted it"); the writer as the unwritten subject ("Oops,
forgot to bump the version"); the subject of a series of acts ("The technician opened the
cabinet, checked the labels and then pulled the wrong cable"; not "After the engineer
restarted the service, deleted rows were replayed"); a headline in title case, where
capitals say nothing of names or organisations ("An Engineer Accidentally Deleted the
Production Database"; not "Database Failover Accidentally Deleted Cached Sessions"); a verb
negated after a coordinator ("they pushed it globally and
not tested it"), a duty left undone in the perfect ("I haven’t checked the invoice notices
from my host"). Roles are also known by their form (repairman, linemen, subcontractor,
co-pilot, machinist). A decision can be framed as an error ("his predecessors who decided not
to do things properly", "chose to skip the canary stage"), and so can a slip committed ("the
electrician committed the same mistake"), something broken released ("pushed a broken build
to main"), physical damage ("cut the fibre line"), harm done "by" a person ("the data was
leaked by a contractor"), a person's act given as a cause ("the breach was the result of an
employee clicking a phishing link") and "sorry for my mistake".

Word classes from a public lexicon carry the framing beyond listed phrases. From the VADER
sentiment lexicon (generated into ``_wrongdoing_verbs.py``): a verb of a misdeed done by a
person ("the nurse had violated Canada's Personal Information Protection Act", "the admin
abused his powers", "the contractor sabotaged the backups", "the data was stolen by an
employee"), harm a person caused, whatever the word ("the engineer caused chaos in the data
centre") and an adverb of poor conduct ("foolishly restarted the primary", "I merged badly").
Also a body of data destroyed ("a production manager deleted 20 documents stored in the
company's Google Drive"; not "deleted all stale branches" or "20 stuck pods"), power cut off by
a person ("a janitor turned off the breaker to a freezer"; not "turned off the feature flag" or a
cut "as planned"), a physical mishap ("A newish officer spilled his morning coffee into the
circuitry"), a person's own work as what did the damage ("one of my commits caused a
regression", "the tech lead's change broke production"; "our change" is the organisation's) and
"made things worse".

Princeton WordNet gives two more classes (generated into ``_slip_words.py``): the nouns whose
first sense is a kind of mistake ("error", "blunder", "lapse", "omission", "gaffe"), laid on a
person through a possessive ("The operator's error caused the outage", "the technician's
blunder", "her failure to check the dosage"; not "the operator's error budget" nor "it was not
the engineer's error"), and the antonyms of the adverbs of error, which under a negation frame
the act as their antonyms do ("the operators did not respond properly", "we never documented
the failover properly"; not "the script did not run properly" nor "could not configure it
properly"; not "did not deploy properly tested builds"). A person judged by a degree of an
adjective of care or speed, or of one that judges a person, is the same as judged by a word ("The
on-call engineer was too slow to respond", "the reviewer was not thorough enough", "too lazy to
read the runbook"; not "the cache was too slow", "too many people", "not senior enough to
approve", "too far from a laptop", "too busy with a second incident", "too close to the change
to review it", "not sure enough of the cause"). The subject of a catenative verb of success,
aspect or attempt does the act of its complement ("I managed to push broken code twice", "I
keep misusing the release script", "he proceeded to wipe the entire customer database"; not
"I managed to restore the service"), not under a condition ("in the event that a maintainer
continues to ignore …"). A person's own work is the cause through a relative clause or "of
mine" ("The change I made broke the build", "The change the engineer made broke the build", "this PR
of mine broke the build") or after a phrase
of cause in a sentence of harm or failure ("main was broken for hours because of my release
commit"; not "the latency dropped because of my change"), a bug or a regression is harm a person introduced ("I
introduced a second bug"), and an error verb in the passive has its person after "by" ("the
migration was botched by an engineer", "the canary step was skipped by the operator"; not "by
the CI job").

Roles are also known by their occupation (the job titles of Faker's job provider, generated into
``_occupations.py``: "A Lehman Brothers trader keyed in £300m instead of £3m") and by any noun
Princeton WordNet files only under people (generated into ``_person_nouns.py``: "The registrant
forgot to renew the domain", "A clerk accidentally deleted the customer records"), and the same
structure reaches further: a step left out after "without" ("The officer sent out an email to
hundreds of recipients … without using the blind copy (BCC) function"; not an outcome or a
state: "restored the service without losing data", "without being asked", nor a harm avoided:
"without risking being put on a disciplinary plan"), a wrong thing
"instead of" the right one ("sent the email … via her personal email account instead of the
council's secure system"; a choice of acts, "escalated … instead of handling each one", stays),
a duty told through those who did not do it ("Neither flight crewmember adequately monitored
the airspeed"), a person before a participle phrase that modifies it ("An FAA technician
preparing to do preventive maintenance work on the power system knocked out both the primary
and backup power sources"), a step passed over after a comma ("…, skipping several steps"), a
verb after "I'd", "we've" or "didn't" ("I'd already nuked half the cache", "turned one of the
warning systems off and didn't turn it back on"), an emphatic "did" ("did abuse his powers")
and a misdeed committed ("an employee who had committed sabotage").

The act is judged by its shape, not by a list of sentences: any verb with the error prefix
mis- ("misconfigured", "misunderstood"); a step passed over ("skipped", "bypassed",
"overrode"); a duty failed or never done ("failed to follow", "never tested"); a release
before its checks ("We merged it before all the tests showed success builds"); a secret made
public ("You uploaded all your credentials and service account info publicly"); exposure
left behind ("left an unprotected database accessible to the public"); a person's act given
as the cause ("It was because someone on the security team added a firewall rule to
prod"); a slip "of" a person ("The misclick of a Hastings Borough Council employee"). The
person is found across a relative clause, a parenthesis or a bracketed aside ("I am sorry,
some people who was working on next cabinet accidentally unplug your power strip", "My new
Employee(7 months) accidentally sent PHI …").

Roles doing ordinary things are fine ("The on-call engineer acknowledged the page",
"University IT staff resolved the errors"), and so are systems as actors ("This change
inadvertently blocked access"), passives without people ("The servers that were
inadvertently removed"), statements of what anyone could do ("Everyone makes mistakes"), people of a kind in general,
with a quantifier ("Most teams do retrospectives wrong after major problems"), an error that is the content of a claim denied ("incident
investigations are not about proving that somebody made an error") or of one still to be
proved ("the employer must show that an employee actually caused damage to its computer or
data system"; "the employer showed that …" is reported), a person described by a
relative clause in a reason ("because the engineer who made the change has the most
context"), a role noun before the head of a compound ("staff training has been blamed"), what a view
holds, after a dash or a colon ("A blame culture treats incidents as individual failures —
someone made a mistake"),
denials ("It’s never a single person who caused a failure"), a lapse whose reason comes
first ("… so we didn't catch the issue in testing"), an organisation owning its incident ("a
mistake we made"), hypotheticals and fears ("I feared I had accidentally deleted the user
table as well, but no backup existed"), a belief taken back ("I thought I broke the build,
but it looks like I didn't"), dates that slipped ("deadlines have been missed"), questions put
with the auxiliary first ("Did I do something wrong", "Why was the pull request not reviewed
by another developer"; "Why did the developer forget …?" presumes the lapse and is reported),
how a process works told by its owners in the present ("we don’t update the item in the
mempool", "we release it … without testing"; "we released it without testing" is an act),
an inverted condition ("Should an engineer accidentally push a bad config, the canary stops
it"), a lapse "by" a system ("the certificate was forgotten by the renewal job"), a check that
never happened, told with an agent nobody in particular ("The pull request was not reviewed by
another developer"; "was not carefully reviewed by one of our Senior engineers" is reported), a cause
denied ("the outage was not caused by an employee"), nothing done wrong ("the engineer did
nothing wrong", "the intern made no mistake"), what a person perceived ("an engineer noticed
the wrong certificate was being served"), the speaker of a quotation ("“We don't believe any
employee acted improperly,” a spokeswoman said": the adverb is the quotation's),
reasons given ("… because the site was down"), blame refused ("should be shameless, not shaming
any person that they brought down the system") and
when a slip was found ("he did not realize it until it had been sent"). A person's own error is
reported ("The staff member realised their error within 45 minutes", "made a bad database
migration", an adverb between the person and the act: "I somehow overlooked this", the
present of a story: "An engineer fat-fingers a production config change"), and statements
about anyone are not: "you" under a gerund subject ("Admitting you made a mistake means being
the villain in the next post-incident meeting"), a person in general under a preposition or a
gerund ("An organization does not get safer by naming the person who typed the wrong
command").

A sentence said as a rule ("Even the sharpest tools in the IT shed blunder from time to
time"), one that supposes and one that asks are not accounts of blame (PM503 gives more
examples); a condition about someone
in a role counts too ("When an engineer makes a mistake, the system should catch it"), but
not one put with "had" ("if the engineer had checked, …") or in the past ("when the engineer
ran the script, he forgot the flag").

## Why it matters
Replacing a name with a role does not make a sentence blameless: "a tired engineer ran a
destructive command on the wrong server" still ends the story at a person. The reader
learns who slipped, not what made the slip possible or why nothing caught it.

## Example
```markdown
A tired engineer, working late to fix a database replication issue, ran a destructive command on the wrong server.
```

## Use instead
```markdown
The replication fix needed a destructive command, and the shell gave no sign whether it was
connected to the primary or the replica.
```
"""

import re
from functools import lru_cache

from ..rule import Finding, Severity
from . import _clauses as cl
from . import _lexicon as lex
from . import blame_judgement, blame_named_person  # the rules it outranks (OUTRANKS)
from ._modality import habitual, unasserted
from ._language import _WORD, NameOptions, analyse, is_past_verb, text_blocks, words_of
from ._views import view_content
from ._people import candidates

CODE = "PM507"
NAME = "blame-person-error"
SEVERITY = Severity.ERROR
# A finding of these rules about the same actor is told once, here, with the act: PM501's
# where it starts at the same word ("he wiped live data": "he" named), PM503's where it has
# the same words ("they forgot": a lapse), not a judgement beside the act ("was arrogant").
OUTRANKS = {blame_named_person.CODE: "start", blame_judgement.CODE: "span"}

_NAMED = ("name", "handle")  # PM501's
# Every finding needs one of these words in its block; blocks without any are skipped.
# A block needs one of these words to be analysed, or a negation and a duty ("did not copy").
_SCREEN = (
    cl.ERROR_ADVERBS | cl.ERROR_VERBS | cl.STRONG_DESTRUCTIVE | cl.OMISSION_VERBS | cl.OMITTING | lex.UNCHECKED | lex._words(
        """
        wrong incorrect erroneous faulty mistaken improper invalid unintended bad dangerous
        destructive typo typos mistake mistakes blunder blunders fuckup fuck-up screwup
        screw-up oversight took brought knocked broke crashed caused causing overlooked
        neglected ignored forgotten inadequately missed intended accident accidental sends
        releases leaks spaffs rm delete wipe purge truncate my his her their our your
        """
    )
)
_PASSIVE = lex._words("was were been being")
_NEGATIONS = lex._words("not never didn't didn’t don't don’t doesn't doesn’t didnt dont")


_WEAK = lex._words(
    "cause caused causing neither none took brought knocked broke crashed missed ignored my his her their our your drop killed cut without instead mistake mistakes"
    " left leaves skipped skip skips because failed uploaded posted pushed committed published shared leaked exposed pasted before intended meant wanted"
    " severed severs damaged struck hit dug decided chose opted elected result due traced attributed consequence outcome owing"
    " introduced"
)
_ERROR_NOUNS = lex._words("error errors")
_WORSE = lex._words("worse")
_BADLY = lex._words("badly")
# Weak cues that blame without a person in the passive: "was missed", "released without being tested".
_PASSIVE_CUES = lex._words("missed ignored without")
_MADE = lex._words("made make makes making")
_POSSESSIVES = lex._words("my his her their your")
_OWN_ERROR = re.compile(r"\b(?:my|his|her|their|your) errors?\b(?! (?:rate|rates|budget|budgets|message|messages|handling|code|codes|log|logs|page|pages))", re.I)
_STRONG = _SCREEN - _WEAK
_PERSON_WORDS = cl.ROLE_NOUNS | cl.PRONOUNS | lex.TEAM_NOUNS | lex._words(
    "me him them us my his her mine hers people person i've i’ve we've we’ve i'd i’d i'm i’m someone's someone’s he's he’s she's she’s they've they’ve"
)


def _blocks(doc):
    """Blocks that may blame someone: a strong cue, a weak one beside a word for people, or a
    negated duty ("did not copy")."""
    for block in text_blocks(doc):
        if _may_blame(block.text):
            yield block, analyse(block.text)


@lru_cache(maxsize=2048)
def _may_blame(text: str) -> bool:
    """Whether a block's text passes :func:`_screened` and :func:`_cued`: a function of the
    text alone, answered once per text (a document's cells repeat, and so do an archive's
    stock sentences), not once per document that holds it."""
    words = cl.with_simple_pasts(words_of(text))  # "had broken" as "broke"
    return bool(_screened(words, text) and _cued(words, text))


_ANY_CUE = None


def _screened(words, text: str) -> bool:
    """A cheap test :func:`_cued` needs to pass: one of the words each of its tests needs, a
    word of error made with "mis", or a block the clause analysis's classes screen in (most
    blocks hold none of them and are set aside by one set test)."""
    global _ANY_CUE
    if _ANY_CUE is None:
        _ANY_CUE = _STRONG | _ERROR_NOUNS | _WEAK | cl.DUTY_WORDS | _RIGHT | {"never"} | _class_cues()
    return not words.isdisjoint(_ANY_CUE) or cl.has_error_prefixed(words) or cl.class_screen(words, text)


def _cued(words, text: str) -> bool:
    """Whether a block (its lower-case ``words``, simple pasts added, and its ``text``) holds a
    cue of blame: a strong cue, a weak one beside a word for people, a negated duty, an error
    owned or a person judged."""
    return bool(not words.isdisjoint(_STRONG) or cl.has_error_prefixed(words) or (
            not words.isdisjoint(_ERROR_NOUNS) and not words.isdisjoint(_MADE)  # "made a procedural error"
        ) or not words.isdisjoint(_ERROR_NOUNS) and not words.isdisjoint(_POSSESSIVES) and _OWN_ERROR.search(text) or (
            not words.isdisjoint(_WEAK) and _weak_beside_person(text)
            or not words.isdisjoint(cl.DUTY_WORDS) and cl.negated_duty(text) and not words.isdisjoint(_PERSON_WORDS)
            or _undone(words) and not words.isdisjoint(_PERSON_WORDS)
            or (not words.isdisjoint(_WEAK) or not words.isdisjoint(cl.DUTY_WORDS) and cl.negated_duty(text)) and candidates(text)
            or not words.isdisjoint(_class_cues()) and (not words.isdisjoint(_PERSON_WORDS) or candidates(text))  # "violated", "wipes"
            or _person_judged(words, text)
        ))


_RIGHT = lex._words("right correct proper")
_UNDO = lex._words("back off")


_CLASS_CUES = None


def _class_cues() -> frozenset[str]:
    """Cues of the word-class analyses (misdeeds, destroyed data, power cut off, "made it
    worse", "badly"): built once, on the first block that asks."""
    global _CLASS_CUES
    if _CLASS_CUES is None:
        _CLASS_CUES = cl.misdeeds() | cl.data_destroyers() | _WORSE | cl.POWER_CUT_VERBS | _BADLY
    return _CLASS_CUES


def _person_judged(words, text: str) -> bool:
    """A block that may blame a person by a class the clause analysis reads: a degree ("was too
    slow to respond", "not careful enough"), a person's possessive before a slip ("the operator's
    error", "her failure to check"), a catenative's complement ("I managed to push broken code")
    or an act not done in the right manner ("did not respond properly"); the adverbs load only
    for a block with a negation."""
    return cl.class_screen(words, text) and (
        not words.isdisjoint(_PERSON_WORDS) or cl.judged_by_class(words, text) or not words.isdisjoint(cl.occupations()))


def _undone(words) -> bool:
    """The right thing not done ("not restarting the right service") or an undo never done
    ("never changed it back")."""
    return (not words.isdisjoint(_RIGHT) and not words.isdisjoint(_NEGATIONS | {"not", "i'm", "i’m"})
            or "never" in words and not words.isdisjoint(_UNDO))


def _weak_beside_person(text: str) -> bool:
    """Whether a weak cue shares a sentence with a word for people ("the engineer caused …") or
    a passive ("the alert was missed"): "X caused Y. The on-call engineer was paged" does not."""
    sentences = _sentences(text)
    if len(sentences) > 1 and not _weak_and_person(words_of(text)):
        return False  # the words of the whole block hold those of each sentence
    for sentence in sentences:
        # a block of one sentence has the words the other rules found already (the same pattern)
        if _weak_and_person(words_of(text) if len(sentences) == 1 else _WORD.findall(sentence.lower())):
            return True
    return False


def _weak_and_person(found) -> bool:
    """Whether lower-case words (``found``) hold a weak cue and a word for people, a role by its
    occupation or its form ("a trader keyed in …", "neither crewmember …") or a passive."""
    words = cl.with_simple_pasts(frozenset(w[:-2] if w.endswith(("'s", "’s")) else w for w in found))
    return not words.isdisjoint(_WEAK) and (
        not words.isdisjoint(_PERSON_WORDS) or not words.isdisjoint(_PASSIVE) and not words.isdisjoint(_PASSIVE_CUES)
        or not words.isdisjoint(cl.occupations()) or any(cl.role_compound(w) for w in words if len(w) > 7)
    )


_SENTENCE_BREAK = re.compile(r"(?<=[.;!?])\s+")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_BREAK.split(text)


def check(doc, ctx):
    names = NameOptions.from_options(ctx.options)
    for block, an in _blocks(doc):
        seen: set[int] = set()
        for start, end, message, hint in findings(an, names, ctx.owners):
            if start in seen:
                continue
            seen.add(start)
            yield Finding(block.span(start, end), message, hint() if callable(hint) else hint)


_AUXILIARIES = lex._words("did do does was were is are has have had didn't didn’t doesn't doesn’t wasn't wasn’t weren't weren’t")
_WH = lex._words("why how what who when where")
_BE = lex._words("was were is are")


def _asked(an, i) -> bool:
    """Whether the token ``i`` stands in a question with its auxiliary put first ("Did I do
    something wrong", "Why was the pull request not reviewed by another developer"): a question
    asked in the review, not an account of what someone did."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    if len(sentence) < 3 or any(t.low in ("that", "because") and t.start < an.tokens[i].start for t in sentence):
        return False  # "Did you know that the engineer deleted …": the act is asserted
    first, second = sentence[0].low, sentence[1].low
    # "Why was the pull request not reviewed …" asks about a step; "Why did the developer forget
    # …?" and "Why didn't you catch that?" presume a person's lapse and stay
    return first in _AUXILIARIES and second not in ("not", "to") or first in _WH and second in _BE


def findings(an, names=None, owners=None):
    """(start, end, message, hint) for each error blamed on a person who is not named; not in a
    question put with its auxiliary first."""
    return [f for f in _findings(an, names, owners)
            if not _asked(an, _token_at(an, f[0])) and not _refused(an, _token_at(an, f[0])) and not view_content(an, f[0])
            and not _claim_denied(an, _token_at(an, f[0])) and not habitual(an, _token_at(an, f[0])) and not unasserted(an, _token_at(an, f[0]))]


# "effective incident investigations are not about proving that somebody made an error", "this
# does not mean that the engineer made a mistake": the error is the content of a claim denied.
_CLAIMING = lex._words("prove proves proving proved show shows showing mean means meaning say says saying claim claims claiming suggest suggests suggesting imply implies implying assume assumes assuming")
_DENYING = lex._words("not never no n't don't don’t doesn't doesn’t didn't didn’t isn't isn’t aren't aren’t")


def _claim_denied(an, i) -> bool:
    before = [t.low for t in an.sentence_tokens(an.tokens[i].sentence) if t.end <= an.tokens[i].start]
    if "that" not in before:
        return False
    k = len(before) - 1 - before[::-1].index("that")
    return k >= 1 and before[k - 1] in _CLAIMING and any(w in _DENYING for w in before[max(0, k - 5) : k - 1])


_BLAME_VERBS = lex._words("blame blaming shame shaming accuse accusing punish punishing scold scolding")
_REFUSING = lex._words("not never without no don't don’t stop avoid")


def _refused(an, i) -> bool:
    """Whether the error stands under blame refused ("should be shameless, not shaming any person
    that they brought down the system", "without blaming the engineer who deleted it"): what is
    not to be done about an error, not an account of one ("accuses me of accessing" stays)."""
    before = [t.low for t in an.sentence_tokens(an.tokens[i].sentence) if t.end <= an.tokens[i].start]
    return any(low in _BLAME_VERBS and any(w in _REFUSING for w in before[max(0, k - 2) : k]) for k, low in enumerate(before))


_DO_PRESENT = lex._words("do don't don’t dont")
_STATES = lex._words("understand know realise realize notice see remember recall")


def _practice(an, act) -> bool:
    """ "we don’t update the item in the mempool", "we release it to customers … without
    testing": what "we" do as a rule, in the present, left undone: how the process works, told
    by its owners, not an act of someone's."""
    tokens = an.tokens
    if tokens[act.actor.start].low != "we" or act.actor.end - act.actor.start != 1:
        return False
    group = [tokens[k].low for k in range(act.clause.verb, act.clause.main + 1)]
    main = group[-1]
    if main in _STATES:
        return False  # "we don't understand", "we don't know": a state, not a step of a process
    present = group[0] in _DO_PRESENT if len(group) > 1 else not (is_past_verb(main) or main.endswith(("ing", "ed")))
    omission = act.clause.negated or "without" in act.what.split()
    return present and omission


def _token_at(an, offset) -> int:
    return next((k for k, t in enumerate(an.tokens) if t.end > offset), len(an.tokens) - 1)


def _findings(an, names=None, owners=None):
    names = names or NameOptions()
    tokens = an.tokens
    for act in [*cl.blamed_acts(an, names, owners), *cl.participle_blames(an, names, owners)]:
        if act.actor.kind in _NAMED or _practice(an, act):
            continue
        start = min(tokens[act.actor.start].start, tokens[act.cue_start].start)
        end = max(tokens[act.actor.end - 1].end, tokens[act.cue_end - 1].end)
        if act.actor.kind == "writer":  # the subject left out: "Forgot to bump the version"
            start = min(tokens[act.clause.verb].start, tokens[act.cue_start].start)
            yield start, end, f"blames the writer for an error ({act.what})", lambda act=act: hint_for(act.act)
            continue
        who = " ".join(an.text[tokens[act.actor.start].start : tokens[act.actor.end - 1].end].split())
        yield start, end, f"blames {who!r} for an error ({act.what})", lambda act=act: hint_for(act.act)
    for actor, cue_start, actor_end, what in [*cl.agent_blames(an, names, owners), *cl.cause_blames(an, names, owners)]:
        if actor.kind in _NAMED:
            continue
        who = " ".join(an.text[tokens[actor.start].start : tokens[actor_end - 1].end].split())
        yield tokens[cue_start].start, tokens[actor_end - 1].end, f"attributes an error to {who!r} ({what})", hint_for("")
    for cue_start, cue_end, what in cl.owned_slips(an):
        phrase = " ".join(an.text[tokens[cue_start].start : tokens[cue_end - 1].end].split())
        yield tokens[cue_start].start, tokens[cue_end - 1].end, f"calls an act a person's error: {phrase!r}", hint_for("")
    for cue_start, cue_end, what in cl.implied_blame(an):
        phrase = " ".join(an.text[tokens[cue_start].start : tokens[cue_end - 1].end].split())
        yield tokens[cue_start].start, tokens[cue_end - 1].end, f"frames an act as a person's error: {phrase!r}", hint_for("")


def hint_for(act: str) -> str:
    if act:
        return (
            f"Describe what made {act} possible and what would have caught it, "
            "without the person: the tooling, the defaults, the signals they had."
        )
    return (
        "Describe what made the act possible and what would have caught it, without the "
        "person: the tooling, the defaults, the signals they had."
    )
