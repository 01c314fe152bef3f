"""
## What it does
Reports a named individual or an @handle written as the actor of a failure or as its
cause: "Dave pushed the broken config", "Tom's mistake", "caused by @jsmith", "Andrei
probably merged by mistake", "Paramdeep mistyped one of the URLs". A person
doing something that is not a failure ("Maria restarted the pods") is fine, and so is a company
blamed, its name in CamelCase ("I blame GoDaddy"), and so are
roles ("the on-call engineer"), teams, and names of systems, products and vendors
(Jenkins, Kafka, Vault, Stripe…). A duty left undone ("\"Jane didn't validate the
input.\"") and an error attributed "by" a name ("Configuration change is made by Engineer
Daniel without peer review") count too, and so does every shape of error PM507 knows ("In
an attempt to assist another team, Alex had accidentally deleted a production database",
"Dave proceeded to erase the entire customer database", "Dave did not respond properly", "Marco
was too slow to respond"). A
name after "by" is only blamed for a failure in its own stretch of the sentence: "Reports
of broken wikis come in, proving the points made by John and Paladox" is fine. A person the
name rule (PM506) recognises counts as an actor too ("Chatspike staff member Brain typoed a
hostmask", "Phoenix_flare unclaimed all land …, causing …"), and so does a person the sentence
judges ("Bayer Rosmarin consigned herself to the out tray with a lacklustre performance"), the
one person a sentence names when it speaks of "his" or "her" error ("Vladimir Shved told the
judge … it was the biggest mistake in his entire life"), and a person addressed at the start of
a sentence that reproaches "you" ("Sood, regardless of your status, you shouldn't self merge",
"@jknphy you know you should run verification runs … to avoid this kind of accidents"). A
repair is no failure: "@krzyzacy cleaned up all wrong pods" is fine, and so is "Howard, you
should look at the new dashboard". Text in code, blockquotes and quoted chat logs is
not checked, nor terms and messages in quotation marks; a quoted sentence that reports what
someone said is.

Names are recognised from a list of common given names, from @handles, and from
capitalised words followed by something only people do ("forgot", "mistyped"); the act is
judged by the same clause analysis as PM507 (an adverb of error, a wrong object, a lapse).
PM506 reports every name, blaming or not. Configure what your organisation needs:

```toml
[tool.postmortem.rules.PM501]
allowed-names = ["Hermes", "Athena"]   # internal systems that look like names
people = ["Dave", "Priya", "[A-Z][a-z]+sson"]   # regular expressions, matched against one word
```

A sentence said as a rule, one that supposes ("Say there’s an incident and … Bobby and
Susan screwed up") and one that asks are not accounts of blame either (PM503 gives more
examples).

## Why it matters
A post-mortem that names who broke something teaches people to hide their mistakes, and
it stops the analysis at a person instead of the conditions that made the mistake easy.
The next engineer in the same situation will make the same mistake.

## Example
```markdown
Dave pushed the broken config to production.
```

## Use instead
```markdown
The deploy process allowed a config that failed validation to reach production.
```
"""

from functools import lru_cache

from ..rule import Finding, Severity
from . import _lexicon as lex
from ._modality import unasserted
from . import _people
from ._people import candidates
from ._clauses import DUTY_WORDS, ERROR_ADVERBS, ERROR_VERBS, STRONG_DESTRUCTIVE, acts_of_named, agent_blames, blamed_acts, class_screen, clauses, has_error_prefixed, misdeeds, data_destroyers, POWER_CUT_VERBS, negated_duty
from ._language import NameOptions, analyse, text_blocks, is_past_verb, negated_before, person_at, words_of, _lemmas
from ._brands import brand

CODE = "PM501"
NAME = "blame-named-person"
SEVERITY = Severity.ERROR
OPTIONS = {"allowed-names": [], "people": []}

_CAUSAL_BEFORE_BY = lex._words("caused triggered introduced started")
_ADVERBS = lex._words("accidentally mistakenly inadvertently then also just simply quickly carelessly apparently unknowingly again")
_PHRASE_CUES = (("took", "down"), ("brought", "down"), ("knocked", "out"), ("cut", "off"), ("by", "mistake"), ("by", "accident"))
_PRONOUNS = frozenset({"he", "she"})
# Acts that repair: an error word in their object names what was put right.
_REMEDIAL = lex._words("cleaned repaired corrected undid purged")
_REPAIRS = _REMEDIAL | lex._words("fixed reverted restored resolved rolled mitigated recovered")
# The cue must be in the person's own clause: "David Ige met officials to determine what caused the alarm"
_REPORTING = lex._words("out said says noted mentioned explained thought believed found realized realised confirmed stated wrote told suggested")
_CLAUSE_ENDS = lex._words("to what who whom because while when but so although since where why how whether")
# Every finding needs one of these words in its sentence; blocks without any are skipped.
_SCREEN = (
    lex.FAILURE_CUES | lex.HUMAN_ONLY_VERBS | lex.BLAME_NOUNS | _CAUSAL_BEFORE_BY
    | {"who", "cause", "causes", "trigger", "blame", "blamed", "blaming"}
    | {words[0] for words in _PHRASE_CUES}
)
# More words that frame an act as an error: looked at only where a name or handle may be.
_CLAUSE_SCREEN = ERROR_ADVERBS | ERROR_VERBS | STRONG_DESTRUCTIVE | {"wrong", "bad", "typo", "instead", "mistake", "accident", "without", "error"}


_CLASS_CUES = None


def _class_cues() -> frozenset[str]:
    """Cues of the word-class analyses of the clause analysis (misdeeds, destroyed data, power
    cut off, "worse", "badly"): built once, on the first block that asks."""
    global _CLASS_CUES
    if _CLASS_CUES is None:
        _CLASS_CUES = misdeeds() | data_destroyers() | POWER_CUT_VERBS | lex._words("worse badly")
    return _CLASS_CUES


_CUE_WORDS = None


def _cue_words() -> frozenset[str]:
    """Every single word that lets a block through the screen of :func:`_blocks`: the screens
    above, the judging words, the word-class cues and every verb made of a noun of error
    (:func:`_verb_from_slip`), in one set so that a block is screened with one set test."""
    global _CUE_WORDS
    if _CUE_WORDS is None:
        _CUE_WORDS = _SCREEN | _CLAUSE_SCREEN | _judging_words() | _slip_verbs() | _class_cues()
    return _CUE_WORDS


def _blocks(doc, names):
    # a cue, and someone to blame: a name, a handle or "he"/"she" ("error" alone is in most blocks)
    pass_at = 1 if names.people else 2  # configured people: a cue is enough
    for block in text_blocks(doc):
        if _screen(block.text) >= pass_at:
            yield block, analyse(block.text)


@lru_cache(maxsize=2048)
def _screen(text: str) -> int:
    """How far a block's text gets through the screen of :func:`_blocks`: 0 without a cue, 1
    with a cue and nobody the text itself shows to blame (only people configured by pattern
    could be), 2 with a cue and a name, a handle or "he"/"she". A function of the text alone,
    answered once per text, not once per document that holds it."""
    words = words_of(text)
    if not (not words.isdisjoint(_cue_words()) or not words.isdisjoint(DUTY_WORDS) and negated_duty(text)
            or has_error_prefixed(words) or class_screen(words, text)):
        return 0
    return 2 if not words.isdisjoint(_PRONOUNS) or candidates(text) else 1


def validate_options(options):
    NameOptions.from_options(options)


def check(doc, ctx):
    names = NameOptions.from_options(ctx.options)
    owners = ctx.owners
    never = None
    for block in text_blocks(doc):
        text = block.text
        words = words_of(text)
        if words.isdisjoint(_SECOND_PERSON) or not ("," in text or ":" in text or "@" in text):
            continue
        if never is None:
            never = _people.never_words(doc, owners)
        for start, end in _addressed_blame(text, names, never):
            yield Finding(
                block.span(start, end),
                f"names {text[start:end]!r} as the actor of a failure; describe roles and the system instead",
                "Address the change, not the person: say what allowed it and what would have caught it; "
                "refer to people by role (\"the on-call engineer\").",
            )
    for block, an in _blocks(doc, names):
        reported = set()
        spans = None
        for index, tok in enumerate(an.tokens):
            user = tok.text.islower() and not tok.base.isalpha() and len(tok.text) > 3  # "jdoe42", "kevin_l"
            if not (tok.capitalised or tok.is_handle or tok.low in _PRONOUNS or user):
                continue
            found = _blamed_person(an, index, names, owners) if not user else None
            if found is None and (tok.capitalised and tok.initial or user or tok.capitalised and not tok.base.isalpha()):
                if spans is None:
                    if never is None:
                        never = _people.never_words(doc, owners)
                    spans = {start: end for start, end in _people_spans(an, names, never)}
                if index in spans and (spans[index] > index + 1 or not tok.base.isalpha()):
                    # a person only the name rule knows, by a name of two words or a user name: "Phoenix_flare unclaimed all land …, causing …"
                    found = _blamed_person(an, index, names, owners, known=(index, spans[index]))
            if found is None or unasserted(an, found[0]):
                continue  # "Say there's an incident and … Bobby and Susan screwed up": supposed, not reported
            start, end = found
            who = block.text[an.tokens[start].start : an.tokens[end - 1].end]
            first = an.tokens[start]
            if first.possessive and end == start + 1:
                who = first.base
                span = block.span(first.start, first.start + len(first.base))
            else:
                span = block.span(first.start, an.tokens[end - 1].end)
            reported.add(start)
            yield Finding(
                span,
                f"names {who!r} as the actor of a failure; describe roles and the system instead",
                f"Say what allowed it, e.g. \"The deploy process allowed …\" instead of \"{who} deployed …\"; "
                "refer to people by role (\"the on-call engineer\").",
            )
        # the clause analysis: a named person as the actor of an error-framed act
        if not candidates(block.text):
            continue
        for act in blamed_acts(an, names, owners):
            if act.actor.kind not in ("name", "handle") or act.actor.start in reported or _repairs(an, act) \
                    or unasserted(an, act.actor.start):
                continue
            reported.add(act.actor.start)
            first, last = an.tokens[act.actor.start], an.tokens[act.actor.end - 1]
            who = first.base if first.possessive and act.actor.end == act.actor.start + 1 else block.text[first.start : last.end]
            hint = (
                f"Describe what made {act.act} possible and what would have caught it; "
                if act.act else "Say what allowed it; "
            )
            yield Finding(
                block.span(first.start, first.start + len(who)),
                f"names {who!r} as the actor of a failure; describe roles and the system instead",
                hint + "refer to people by role (\"the on-call engineer\").",
            )
        if never is None:
            never = _people.never_words(doc, owners)
        for act in acts_of_named(an, _people_spans(an, names, never), names, owners):
            if act.actor.start in reported or _repairs(an, act):
                continue
            reported.add(act.actor.start)  # a person only the name rule knows: "staff member Brain typoed …"
            first, last = an.tokens[act.actor.start], an.tokens[act.actor.end - 1]
            hint = f"Describe what made {act.act} possible and what would have caught it; " if act.act else "Say what allowed it; "
            yield Finding(
                block.span(first.start, last.start + len(last.base)),
                f"names {block.text[first.start : last.start + len(last.base)]!r} as the actor of a failure; describe roles and the system instead",
                hint + "refer to people by role (\"the on-call engineer\").",
            )
        for start, end in _judged_people(an, names, never, owners):
            if start in reported:
                continue
            reported.add(start)  # "Bayer Rosmarin consigned herself … with a lacklustre performance", "Brain making his … error"
            first, last = an.tokens[start], an.tokens[end - 1]
            who = block.text[first.start : last.start + len(last.base)]
            yield Finding(
                block.span(first.start, last.start + len(last.base)),
                f"names {who!r} as the actor of a failure; describe roles and the system instead",
                "Say what the situation asked of the role and what made it hard; refer to people by role (\"the on-call engineer\").",
            )
        for actor, _, _, _ in agent_blames(an, names, owners):
            if actor.kind not in ("name", "handle") or actor.start in reported:
                continue
            reported.add(actor.start)  # "… is made by Engineer Daniel without peer review"
            first, last = an.tokens[actor.start], an.tokens[actor.end - 1]
            yield Finding(
                block.span(first.start, last.end),
                f"names {block.text[first.start : last.end]!r} as the actor of a failure; describe roles and the system instead",
                "Say what allowed it; refer to people by role (\"the on-call engineer\").",
            )


def _blamed_person(an, i, names, owners, known=None):
    tok = an.tokens[i]
    if i > 0 and an.tokens[i - 1].sentence == tok.sentence and an.tokens[i - 1].capitalised:
        before = person_at(an, i - 1, names, owners)
        if before is not None and before.end > i:
            return None  # second word of a name already judged
    if known is not None:
        person = (known[0], known[1], True)
    elif tok.low in _PRONOUNS and not tok.possessive:
        person = (i, i + 1, True)
    else:
        found = person_at(an, i, names, owners)
        if found is None:
            return None
        person = (found.start, found.end, found.strong)
    start, end, strong = person
    sentence = tok.sentence
    lows_after = [t.low for t in an.tokens[end:] if t.sentence == sentence]
    lows_all = [t.low for t in an.tokens if t.sentence == sentence]
    last = an.tokens[end - 1]

    if last.possessive:
        by = [t.low for t in an.tokens[max(0, start - 2) : start] if t.sentence == sentence]
        if strong and len(by) == 2 and by[1] == "by" and by[0] in _CAUSAL_BEFORE_BY:
            return start, end  # "introduced by Claire's refactor"
        following = lows_after[:3]
        if any(word in lex.BLAME_NOUNS for word in following):
            return start, end
        before = [t.low for t in an.tokens[:start] if t.sentence == sentence][-3:]
        if strong and len(before) >= 2 and before[-1] in ("was", "is") and before[-2] in ("cause", "causes", "trigger"):
            return start, end  # "The root cause was Olusegun's change …"
        # the cue must be in what the person owned or what it did: "Kevin's untested hotfix",
        # "Jenny's script wiped …", not in a later clause ("Kevin's team owns the service that …")
        near = []
        for t in an.tokens[end:]:
            if t.sentence != sentence or len(near) >= 4:
                break
            near.append(t.low)
            if is_past_verb(t.low) and len(near) > 1:  # the first word may be an adjective: "rushed"
                break
        if strong and (_has_cue(near) or _has_cue_phrase(lows_after)):
            return start, end
        return None

    prev = an.tokens[start - 1].low if start > 0 and an.tokens[start - 1].sentence == sentence else ""
    if prev in ("by", "from", "blame", "blamed", "blaming"):
        if prev.startswith("blam") and brand(an.tokens[start].text):
            return None  # "I blame GoDaddy": a company
        before = an.tokens[start - 2].low if start > 1 and an.tokens[start - 2].sentence == sentence else ""
        if before in _CAUSAL_BEFORE_BY or prev.startswith("blam"):
            return start, end
        if strong and _has_cue(_segment(an, start)):
            return start, end
        return None

    # subject of a verb: "Dave pushed", "It was Mateo who disabled", "Wei accidentally deleted"
    j = end
    cleft = False
    if j < len(an.tokens) and an.tokens[j].sentence == sentence and an.tokens[j].low == "who":
        j += 1
        # "It was Mateo who disabled the alert": the construction itself points at a culprit
        cleft = start >= 2 and [t.low for t in an.tokens[start - 2 : start]] in (["it", "was"], ["it", "is"])
    human_adverb = False
    while j < len(an.tokens) and an.tokens[j].sentence == sentence and an.tokens[j].low in _ADVERBS:
        human_adverb = human_adverb or an.tokens[j].low in lex.HUMAN_ONLY_VERBS
        j += 1
    if j >= len(an.tokens) or an.tokens[j].sentence != sentence:
        return None
    verb = an.tokens[j].low
    negative = verb in ("didn't", "didn’t", "never") or (verb == "did" and j + 1 < len(an.tokens) and an.tokens[j + 1].low == "not")
    if not (is_past_verb(verb) or negative or verb in lex.HUMAN_ONLY_VERBS or _prefixed_past(verb)):
        return None
    if (verb in lex.RESPONSE_VERBS or verb in _REMEDIAL) and not human_adverb:
        return None  # "@krzyzacy cleaned up all wrong pods": the error word names what was repaired
    if human_adverb or verb in lex.HUMAN_ONLY_VERBS or (cleft and strong):
        return start, end
    clause = []
    for t in an.tokens[j:]:
        if t.sentence != sentence or (clause and t.low in _CLAUSE_ENDS):
            break
        if clause and clause[-1] in _REPORTING and (t.low == "that" or len(clause) == 1):
            break  # "David pointed out that …", "She said the deploy broke …": what follows is what was said, not done
        clause.append(t.low)
    if strong and _has_cue(clause) and not negated_before(an, start, reach=3):
        return start, end
    return None


def _segment(an, i):
    """The lower-case words of the comma-delimited stretch of the sentence around token ``i``:
    "Reports of broken wikis come in, proving the points made by John" has no failure where
    John is."""
    tokens = an.tokens
    sentence = tokens[i].sentence
    first = i
    while first > 0 and tokens[first - 1].sentence == sentence and "," not in an.text[tokens[first - 1].end : tokens[first].start]:
        first -= 1
    last = i
    while last + 1 < len(tokens) and tokens[last + 1].sentence == sentence and "," not in an.text[tokens[last].end : tokens[last + 1].start]:
        last += 1
    return [t.low for t in tokens[first : last + 1]]


def _has_cue_phrase(lows):
    return any(tuple(lows[k : k + 2]) in (("by", "mistake"), ("by", "accident")) for k in range(len(lows)))


def _has_cue(lows):
    if any(word in lex.FAILURE_CUES and not (word == "wrong" and k > 0 and lows[k - 1] in ("gone", "went", "go", "goes")) for k, word in enumerate(lows)):
        return True
    return any(tuple(lows[k : k + len(p)]) == p for p in _PHRASE_CUES for k in range(len(lows)))


def _people_spans(an, names, never) -> frozenset[tuple[int, int]]:
    """Token ranges of the people the name rule (PM506) finds in ``an``. Three checks of a
    block ask for them in turn: the last block's answer is kept (with the objects it was
    computed from, so that none is taken for another)."""
    last = _LAST_SPANS[0]
    if last is not None and last[0] is an and last[1] is names and last[2] is never:
        return last[3]
    spans = _compute_people_spans(an, names, never)
    _LAST_SPANS[0] = (an, names, never, spans)
    return spans


_LAST_SPANS: list = [None]


def _compute_people_spans(an, names, never) -> frozenset[tuple[int, int]]:
    if not an.tokens:
        return frozenset()
    starts = {t.start: k for k, t in enumerate(an.tokens)}
    spans = set()
    for person in _people.named_people(an, names, never):
        k = starts.get(person.start)
        if k is None:
            continue
        end = k + 1
        while end < len(an.tokens) and an.tokens[end].start < person.end:
            end += 1
        spans.add((k, end))
    return frozenset(spans)


# Addressing a person and telling them what they did wrong: "Sood, regardless of your status,
# you shouldn't self merge", "@jknphy you know you should run verification runs … to avoid this
# kind of accidents", "John, I understand that you caused an outage today".
_SECOND_PERSON = lex._words("you your you've you're you'd you'll yourself youve")
_REPROACH_MODALS = lex._words("shouldn't shouldnt")


@lru_cache(maxsize=1)
def _failure_lemmas() -> frozenset[str]:
    """Lemmas of the words that frame an act as a failure ("breaks", "accidents", "forgetting"),
    from the lexicon's failure cues and blame nouns, without the verbs systems share with people."""
    out = set()
    for word in lex.FAILURE_CUES | lex.BLAME_NOUNS:
        found = _lemmas(word)
        if found:
            for lemmas in found.values():
                out.update(lemmas)
    return frozenset(out - lex._words("cause trigger introduce lock drop flood skip ignore bad bypass failing"))


def _failure_word(low: str) -> bool:
    if low in lex.FAILURE_CUES or low in lex.BLAME_NOUNS:
        return True
    found = _lemmas(low) if low.isalpha() and len(low) > 3 else None
    return bool(found) and any(lemma in _failure_lemmas() for lemmas in found.values() for lemma in lemmas)


def _reproach(tokens) -> bool:
    """A second-person clause that reproaches: "you" and a word of failure, a blame noun, a
    judging adjective, or "should not"/"should have"."""
    lows = [t.low for t in tokens]
    first = next((k for k, low in enumerate(lows) if low in _SECOND_PERSON), None)
    if first is None:
        return False
    for k in range(first + 1, len(lows)):  # what "you" did or should not do: after it ("this is failing, can you …" is not)
        low = lows[k]
        if _failure_word(low) or _judging(low):
            return True
        if low in _REPROACH_MODALS or low == "should" and k + 1 < len(lows) and lows[k + 1] in ("not", "have", "never"):
            return True
    return False


def _addressed_blame(text: str, names, never):
    """Offsets of the people a block addresses at the start of a sentence ("Sood, …", "@jknphy
    you …", a line "@nick: …") in a sentence that reproaches "you"."""
    if "@" in text:  # a line addressed to a handle is masked as a chat line: read its message alone
        for match in _people._ADDRESSED_LINE.finditer(text):
            nick = match.group("nick")
            low = nick[1:].lower()
            if low in never or low in names.allowed or low in lex.NON_PERSON_HANDLES:
                continue
            line_end = text.find("\n", match.end())
            rest = analyse(text[match.end() : line_end if line_end >= 0 else len(text)])
            if rest.sentences and _reproach(rest.sentence_tokens(0)):
                yield match.start("nick"), match.end("nick")
    if not candidates(text):
        return
    an = analyse(text)
    spans = _people_spans(an, names, never)
    if not spans:
        return
    by_start = {start: end for start, end in spans}
    for first, last in ((t, last) for start, last in an.sentences for t in range(start, last) if an.tokens[t].initial):
        end = by_start.get(first)  # at the start of a sentence or after a label: "Root cause: Sood, …"
        if end is None or end >= last:
            continue
        tok = an.tokens[first]
        gap = an.text[an.tokens[end - 1].end : an.tokens[end].start]
        if not (gap.strip() in (",", ":") or tok.is_handle and end == first + 1 and gap == " "):
            continue  # a vocative: "Howard, this is …", "@jknphy you know …"
        if _reproach(an.tokens[end:last]):
            yield tok.start, an.tokens[end - 1].start + len(an.tokens[end - 1].base)


def _repairs(an, act) -> bool:
    """The act repairs what the error word names: "cleaned up all wrong pods", "fixed the
    broken config" (an adverb of error still blames: "accidentally reverted")."""
    main = an.tokens[act.clause.main].low
    cue = " ".join(t.low for t in an.tokens[act.cue_start : act.cue_end])
    return main in _REPAIRS and not any(w in lex.HUMAN_ONLY_VERBS or w.endswith("ly") for w in cue.split())


@lru_cache(maxsize=1)
def _judging_words() -> frozenset[str]:
    from ._judgement_words import ADJECTIVES, PERSON_NOUNS

    return frozenset(lex.JUDGEMENT_WORDS | ADJECTIVES | PERSON_NOUNS) | lex._words("lacklustre lackluster inability incapacity")


def _judging(low: str) -> bool:
    return low in _judging_words()


_HIS = lex._words("his her")
_NEGATIONS = lex._words("not no never n't nothing")


def _his_error(toks, k: int) -> bool:
    """The noun of error at ``k`` belongs to "his"/"her": "his now annually celebrated error",
    "a mistake on his part", "the biggest mistake in his entire life" (not "an error has
    rendered his privileges obsolete")."""
    for j in range(k - 1, max(-1, k - 5), -1):
        low = toks[j].low
        if low in _HIS:
            return True
        if not (low.endswith(("ly", "ed", "est", "ing")) or low in ("now", "own", "big", "huge", "silly", "simple", "little")):
            break
    return k + 2 < len(toks) and toks[k + 1].low in ("on", "in", "of") and toks[k + 2].low in _HIS


def _verb_from_slip(low: str) -> bool:
    """A verb made of a noun of error: "typoed", "blundered"."""
    return len(low) > 5 and low.endswith("ed") and (low[:-2] in lex.BLAME_NOUNS or low[:-3] in lex.BLAME_NOUNS and low[-3] == low[-4])


def _slip_verbs() -> frozenset[str]:
    """Every word :func:`_verb_from_slip` accepts: a noun of error of four letters or more with
    "ed" ("typoed"), or of three or more with its last letter doubled and "ed" ("slipped")."""
    return frozenset({noun + "ed" for noun in lex.BLAME_NOUNS if len(noun) > 3}
                     | {noun + noun[-1] + "ed" for noun in lex.BLAME_NOUNS if len(noun) > 2})


def _judged_people(an, names, never, owners):
    """Named people (PM506) that a sentence judges or charges with an error of their own: the
    subject of a clause holding a judging word or a verb made of a noun of error ("Bayer
    Rosmarin consigned herself … with a lacklustre performance", "staff member Brain typoed a
    hostmask"), or the one person a sentence names when it speaks of "his"/"her" error
    ("Vladimir Shved told the judge … it was the biggest mistake in his entire life")."""
    spans = _people_spans(an, names, never)
    if not spans:
        return
    ends = {end: start for start, end in spans}
    done = set()
    for clause in clauses(an, names, owners):
        actor = clause.actor
        if actor is None or actor.end not in ends or ends[actor.end] < actor.start or clause.negated:
            continue
        start = ends[actor.end]
        lows = [an.tokens[t].low for t in range(clause.verb, clause.end)]
        if any(_judging(low) for low in lows) or _verb_from_slip(an.tokens[clause.main].low):
            done.add(start)
            yield start, actor.end
    by_sentence = {}
    for start, end in spans:
        by_sentence.setdefault(an.tokens[start].sentence, []).append((start, end))
    for sentence, people in by_sentence.items():
        if len(people) != 1 or people[0][0] in done:
            continue
        first, last = an.sentences[sentence]
        toks = an.tokens[first:last]
        if any(t.low in lex.ROLE_NOUNS or t.low in ("he", "she") and False for t in toks):
            continue
        for k, t in enumerate(toks):
            if t.low not in lex.BLAME_NOUNS or not _his_error(toks, k):
                continue
            if not any(w in _NEGATIONS or w.endswith(("n't", "n’t")) for w in [x.low for x in toks[max(0, k - 6) : k]]):
                yield people[0]
                break


def _prefixed_past(low: str) -> bool:
    """A past verb with a prefix the dictionary does not list: "unclaimed", "re-ran", "mis-set"."""
    for prefix in ("un", "re-", "re", "mis-", "de"):
        if low.startswith(prefix) and len(low) > len(prefix) + 3 and is_past_verb(low[len(prefix):]):
            return True
    return False
