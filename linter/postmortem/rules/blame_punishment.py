"""
## What it does
Reports punishment of people and calls for it: someone "got fired", "was disciplined",
"reprimanded", "let go", "demoted", "reassigned", "a decision to fire him", "disciplinary
action", "action taken against" or "with" a person ("We have taken action with that particular
employee"), a person "held responsible", and sanctions of the law or a regulator ("employee
who sold personal data … is fined", "imposes S$8,000 fine on law firm"), every inflection
of the sanction verbs with a person as patient ("was dismissed", "terminated him"), "lost
their jobs", "was written up", "consequences for the engineer", and a resignation ("Kelly
Bayer Rosmarin has resigned from Optus, days after …"). What only people suffer makes a
person of whoever the sentence names: "has stepped down over a systems failure", "Namkoong
abruptly announced his resignation as co-CEO", "Bremner was suspended without pay for 10 days
and demoted", "the company fired Kher", "Police arrested Cooley", "given final warnings".
The verbs of sanctioning a person read from WordNet (``_wordnet_classes.SANCTION_PHRASES``:
ending someone's employment, demoting, punishing, ousting, barring, prosecuting, rebuking),
with a person as patient: "the engineer was laid off", "they took him to task", "management
berated the on-call engineer", "the contractor was ousted" (not "we kicked out the stale
connections"). A thing named by a common noun is never sanctioned: "the replica was demoted to
a secondary", "the on-call engineer demoted the primary to a replica", "the pod was kicked out
of the node" are a database's and a scheduler's words. A sanction joined to an earlier act
falls on that act's subject: "The employee has not been identified but has been fired",
"The contractor arrived late and was dismissed" (not "The replica lagged behind and was
demoted").
Sanctions named as nouns tied to a
person ("a week's suspension", "grounds for immediate termination", "received a formal
reprimand", "my contract was terminated 3 weeks early") or in set phrases ("placed on
administrative leave", "should face criminal charges", "threatened with legal action", "has
stepped down over a systems failure", "heads will roll", "got the boot", "was shown the door",
"was escorted out of the building", "a performance improvement plan", "Kiyota will take a
50% pay cut", "whoever approved this should be fired"); responsibility for the incident
assigned to a person ("the engineer was responsible for the outage", "I take full
responsibility for the outage", "responsibility … lies with the DBA"); accountability
demanded ("there should be some serious internal accountability for this weekend's British
Airways IT fiasco"). Ownership of work ("the team is responsible for the service", "clear
accountability for each action item"), an organisation owning its incident ("we take full
responsibility for the outage") and machines ("the termination of the pod", "the node was
removed from the cluster") are fine. Statements that
reject punishment are fine ("you don't fire someone for the occasional mistake", "nobody
was disciplined"), and so are processes and machines that are terminated or reassigned
("the process was terminated", "the shard was reassigned", "the account got suspended",
"we dismissed the alert as noise", "we fired off a message to the vendor"). Adverbs between
the auxiliary and the sanction do not hide it ("Gyro guy probably got so fired"). Punishment
that is feared ("When people fear punishment for mistakes, they stop reporting near-misses"),
what anyone may do ("you can say “human error” all you want, fire someone, and call it case
closed"), what companies do as a rule ("they fire them for consistent disregard and
frequent mistakes"), what employers in general may or must do ("employers could technically take
disciplinary action around lateness", "organizations must emphasize integrity norms with
disciplinary action for information suppression"; "the company could fire him" stays) and a rule that may
apply to people of a kind ("Employees who violate the policy may be subject to disciplinary
action"; "The employees who leaked the data may face disciplinary action" stays) and a sanction in a condition in the present ("if an employee is
fired, the boss will know more", "when there are strong punishments, people hide mistakes")
are talk about punishment, not records of it, and so is action against no one in particular
("Its purpose is not to ascribe blame to any person or agency or to pursue … action against a
person or agency"; "action against an employee" is a record) and a sanction that someone says,
every time, someone will suffer ("every time there’s a thread about an outage, there’s some kid
saying “oh, someone’s getting so fired for this one!”"); "when he was fired" and "if anyone should have
resigned" are records and judgements and stay. A sanction in the present that names no one in
particular is what a rule allows ("an employer can terminate an employee at any time for any
reason", "a disclosure … is a legitimate reason for termination"); "the engineer faces
dismissal", "heads will roll", "it provides grounds for immediate termination" (one act told
before) and a headline ("Amazon sacks employee over data breach") stay.

A sentence said as a rule is not an account of blame ("After every outage, we write a
blameless post-mortem to try and learn from our mistakes", "Even the sharpest tools in the
IT shed blunder from time to time"), nor is one that supposes ("It was a great place to
work, no finger pointing, if you screwed up no big deal", "If you are accidentally banned,
we are also sincerely sorry for that", "Say there’s an incident and … Bobby and Susan
screwed up"). A question about punishment still raises it ("he did not say whether there
would be disciplinary measures").

## Why it matters
A post-mortem that records a punishment tells every reader what happens to the next person
who reports a mistake. People stop reporting, and the organisation stops learning.

## Example
```markdown
Either way, at worst, he got fired.
```

## Use instead
```markdown
Leave personnel decisions out of the post-mortem; describe the conditions that made the
mistake possible and the changes that make it harder to repeat.
```
"""

import re

from ..lazy_re import lazy
from ..rule import Finding, Severity
from . import _clauses as cl
from . import _lexicon as lex
from ._modality import clause_break, habitual, irregular_past, token_at, told_in_past, unasserted
from ._language import analyse, text_blocks, negated_before, words_of
from ._people import candidates

CODE = "PM508"
NAME = "blame-punishment"
SEVERITY = Severity.ERROR

# Sanctions on people, every inflection (tests/test_language_rules.py checks them against
# lemminflect's tables): past participles for "was <x>", the other forms for "<x> him".
SANCTION_LEMMAS = ("fire", "sack", "discipline", "reprimand", "demote", "punish", "scold", "dismiss", "ban", "suspend", "terminate", "censure", "penalise", "penalize")
_PUNISHED = lex._words(
    "fired sacked disciplined reprimanded demoted reassigned punished scolded dismissed banned suspended terminated censured penalised penalized canned axed"
)
_PUNISH_VERBS = lex._words(
    """
    fire fires firing sack sacks sacking yell discipline disciplines disciplining reprimand reprimands reprimanding
    punish punishes punishing demote demotes demoting ban bans banning scold scolds scolding dismiss dismisses
    dismissing suspend suspends suspending terminate terminates terminating censure censures censuring
    penalise penalises penalising penalize penalizes penalizing
    """
)
# Words that are also what happens to machines, accounts and alerts ("the account got
# suspended", "the connection was terminated"): a sanction only with a person as patient.
_AMBIGUOUS_SANCTIONS = lex._words("suspended dismissed banned terminated axed canned")
_JOBS = lex._words("job jobs position positions")
_LOST = lex._words("lost lose loses losing cost costs")
_PUNISHMENT_NOUNS = lex._words("punishment punishments")
# Sanctions of the law or a regulator: whoever the subject (a person, a firm), a sanction.
_SANCTIONED = lex._words("fined sentenced jailed imprisoned convicted prosecuted penalised penalized indicted")
_PRESSED = lex._words("pressured forced asked told pushed calling called calls")
_LEAVE = lex._words("resign leave quit")
_RESIGNED = lex._words("resigned resigns resigning")
_BECOME = lex._words("got get gets getting was were be been being is are")
_OBJECT_PRONOUNS = lex.OBJECT_PRONOUNS | lex._words("someone somebody")
_SCREEN = _PUNISHED | _PUNISH_VERBS | _PUNISHMENT_NOUNS | _SANCTIONED | lex._words(
    "fires suspends disciplines remove removed pull pulled kick warning action "
    "let disciplinary against responsible fine kicked resign step leave quit wrist escorted escorting revoke revoking "
    "job jobs written consequences resigned resigns resigning"
)

# Sanctions named as nouns ("his suspension", "a week's suspension", "grounds for immediate
# termination"), the noun of each sanction verb; a sanction of a person only when the phrase
# ties it to one (a possessive, a length of time, "of"/"for" a person, "grounds for").
_SANCTION_NOUNS = lex._words("suspension suspensions termination terminations dismissal dismissals demotion demotions reprimand reprimands sacking firing")
_TIME_UNITS = lex._words("day days week weeks month months day's week's month's")
_GROUNDS = lex._words("grounds ground reason reasons basis")
# Other sanctions in a phrase: placed on leave, facing charges, stepping down, heads rolling.
_LEAVE_KINDS = lex._words("administrative paid unpaid garden compulsory")
_CHARGES = lex._words("charges charge prosecution proceedings")
_FACE = lex._words("face faces faced facing")
_STEPPED = lex._words("stepped steps stepping")
_OVER_INCIDENT = lex._words("over following amid after")
_SCREEN_MORE = _SANCTION_NOUNS | lex._words("escorted improvement responsible responsibility placed charges prosecution proceedings stepped heads legal pay salary boot sack door canned axed resignation resignations warning warnings arrested arrest arrests arresting detained")
_DEGREE = lex._words("so very")  # degree words between "got" and a sanction: "got so fired"
_SCREEN = _SCREEN | _SCREEN_MORE
_TRIGGERS = _SCREEN | lex._words("go down resign leave quit wrist with action cut plan removed")
_HINT = (
    "Leave personnel decisions out of the post-mortem; describe what made the mistake "
    "possible and what changes make it harder to repeat."
)


# Words with other meanings ("the alert fires", "remove the flag", "action items"): a block
# with only these is looked at when it also has a word for people.
_WEAK = lex._words(
    "escorted improvement responsible responsibility placed charges proceedings stepped heads termination terminations firing legal pay salary boot sack door canned axed "
    "fire fires fired firing remove removed pull pulled kick warning action suspended terminated terminate terminates "
    "terminating dismissed dismiss dismisses dismissing suspend suspends suspending ban bans banned banning job jobs written consequences"
)
_PEOPLE_HITS = lex._words(
    "fire fires fired firing suspended terminated terminate terminates terminating dismissed dismiss dismisses dismissing "
    "suspend suspends suspending ban bans banned banning"
)
# Common words that are a sanction only in a phrase: "lost their jobs", "was written up",
# "consequences for the engineer" (not "the cron jobs", "written in Go").
_PHRASE_HITS = {
    "job": (" his job", " her job", " their job", " my job", " your job"),
    "jobs": (" their jobs", " our jobs", " your jobs"),
    "written": ("written up",),
    "consequences": ("consequences for",),
    "placed": (" on leave", " on administrative leave", " on paid leave", " on unpaid leave", " on garden leave"),
    "charges": ("criminal charges", "face charges", "faces charges", "facing charges", "faced charges"),
    "proceedings": ("disciplinary proceedings", "criminal proceedings"),
    "stepped": ("stepped down",),
    "responsible": ("responsible for",),
    "responsibility": ("responsibility for", "responsibility lies", "responsibility rests", "responsibility falls"),
    "boot": ("the boot",),
    "escorted": ("escorted out", "escorted off", "escorted from"),
    "improvement": ("performance improvement plan",),
    "sack": ("the sack",),
    "door": ("shown the door",),
    "canned": ("got canned", "get canned", "getting canned", "be canned", "was canned", "were canned"),
    "axed": ("was axed", "were axed", "got axed", "be axed"),
    "legal": ("legal action",),
    "pay": ("pay cut", "cut in pay", "docked pay", "docked his pay", "docked her pay"),
    "salary": ("salary cut", "cut in salary", "cut in his salary", "cut in her salary"),
    "heads": ("heads will roll", "heads should roll", "heads must roll", "heads would roll", "heads to roll", "heads may roll", "heads need to roll"),
    "termination": ("for termination", "immediate termination", "his termination", "her termination", "their termination", "my termination"),
    "terminations": ("terminations of",),
    "terminated": ("contract was terminated", "employment was terminated", "contract was ended", "employment was ended"),
    "firing": ("his firing", "her firing", "their firing", "firing of"),
}
_REMOVAL = lex._words("remove removed pull pulled kick")
_GROUPS = lex._words("team channel project org organisation organization slack github")
_PEOPLE_WORDS = cl.ROLE_NOUNS | cl.PRONOUNS | _OBJECT_PRONOUNS | lex._words(
    "people employee employees person someone's someone’s he's he’s she's she’s got getting get gets"
)


def _blocks(doc):
    """Blocks with a word of punishment; "fire" only beside a word for people ("the alert fires")."""
    screen = _screen()
    for block in text_blocks(doc):
        words = words_of(block.text)
        if words.isdisjoint(screen):
            continue  # neither a word of punishment nor the first word of a sanction
        hits = words & _SCREEN
        if hits and (not hits <= _WEAK or _weak_hits_count(hits, words, block.text)) or _sanction_words(words):
            yield block, analyse(block.text)


def _sanction_words(words) -> bool:
    """Whether the words of a block hold every word of one of the sanction phrases ("berated";
    "laid" and "off"), a screen that common heads alone ("took", "laid") do not pass."""
    _, single, by_head, screen = _sanctions()
    if words.isdisjoint(screen):
        return False
    return not words.isdisjoint(single) or any(phrase <= words for head in words & by_head.keys() for phrase in by_head[head])


_SANCTIONS = None
_ANY_SANCTION = None


def _screen() -> frozenset[str]:
    """The words of punishment and every word that opens a sanction phrase: a block with none of
    them passes neither test of :func:`_blocks`, and is set aside by one set test."""
    global _ANY_SANCTION
    if _ANY_SANCTION is None:
        _ANY_SANCTION = _SCREEN | _sanctions()[3]
    return _ANY_SANCTION


def _sanctions():
    """({first word: [the words after it, for each phrase]}, the one-word phrases, {first word:
    [the words of each phrase of several]}, every first word) of
    ``_wordnet_classes.SANCTION_PHRASES``, the verbs of sanctioning a person from WordNet, read
    on first need."""
    global _SANCTIONS
    if _SANCTIONS is None:
        from ._wordnet_classes import SANCTION_PHRASES

        heads: dict[str, list[tuple[str, ...]]] = {}
        single: set[str] = set()
        by_head: dict[str, list[frozenset[str]]] = {}
        for phrase in SANCTION_PHRASES:
            first, *rest = phrase.split("_")
            if first in cl.AUXILIARIES:
                continue  # "had words with": an auxiliary's form, and no person follows the phrase
            heads.setdefault(first, []).append(tuple(rest))
            if rest:
                by_head.setdefault(first, []).append(frozenset([first, *rest]))
            else:
                single.add(first)
        _SANCTIONS = (heads, frozenset(single), by_head, frozenset(single) | frozenset(by_head))
    return _SANCTIONS


def _wordnet_sanctions(an):
    """A verb of sanctioning a person (``_wordnet_classes.SANCTION_PHRASES``) with a person as
    its patient: "the engineer was laid off", "the contractor got kicked out", "they took him
    to task", "management berated the on-call engineer", "was castigated by the board". The
    common sanctions ("fired", "demoted") are the rule's own; here only the others."""
    heads = _sanctions()[0]
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        tails = heads.get(tok.low)
        if not tails:
            continue
        same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
        for tail in sorted(tails, key=len, reverse=True):
            if not tail and (tok.low in _PUNISHED or tok.low in _PUNISH_VERBS):
                continue  # the rule's own sanctions
            if all(same(i + 1 + n) and tokens[i + 1 + n].low == word for n, word in enumerate(tail)):
                end = i + len(tail)
                b = i - 1
                while same(b) and tokens[b].low not in _BECOME and (tokens[b].low in _DEGREE or cl._pure_adverb(tokens[b].low)):
                    b -= 1
                if same(b) and tokens[b].low in _BECOME and _person_before(an, b) is not None and not _rejected(an, i):
                    yield tokens[_person_before(an, b).start].start, tokens[end].end, "a sanction"  # "the engineer was laid off"
                    break
                if same(end + 1) and _person_object(an, end + 1) and not _rejected(an, i):
                    yield tok.start, tokens[end + 1].end, "a sanction"  # "laid off the engineer", "berated the intern"
                    break
            elif tail and same(i + 1):
                last = _person_object_end(an, i + 1)  # the object between the verb and its particles
                if last is not None and all(same(last + 1 + n) and tokens[last + 1 + n].low == word for n, word in enumerate(tail)) \
                        and not _rejected(an, i):
                    yield tok.start, tokens[last + len(tail)].end, "a sanction"  # "laid him off", "took the engineer to task"
                    break


def _weak_hits_count(hits, words, text) -> bool:
    low = " ".join(text.lower().split())  # a phrase may be wrapped over two lines: "stepped\ndown"
    if "action" in hits and ("action with" in low or "action against" in low):
        return True
    if "warning" in hits and ("written warning" in low or "formal warning" in low or "final warning" in low):
        return True
    if not hits.isdisjoint(_REMOVAL) and " from " in low and not words.isdisjoint(_GROUPS):
        return True
    if any(word in hits and any(phrase in low for phrase in phrases) for word, phrases in _PHRASE_HITS.items()):
        return True
    if not hits.isdisjoint(_PEOPLE_HITS):
        return not words.isdisjoint(_PEOPLE_WORDS) or candidates(text)
    return False


# Accountability demanded for the incident: "there should be some serious internal
# accountability for this weekend's IT fiasco", "calls for accountability"; not ownership
# ("clear accountability for each action item").
_ACCOUNTABILITY = lazy(
    r"\baccountability\s+(?:for|over)\s+(?:[\w’'\-]+\s+){0,5}?(?:fiasco|outage|outages|failure|failures|incident|incidents|breach|breaches"
    r"|mistake|mistakes|error|errors|debacle|disaster|mess|blunder|blunders|meltdown)\b"
    r"|\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for)\s+(?:some\s+|real\s+|more\s+)?accountability\b",
    re.IGNORECASE,
)


def check(doc, ctx):
    for block in text_blocks(doc):
        if "ccountab" in block.text and _ACCOUNTABILITY.search(block.text):
            an = analyse(block.text)
            for match in _ACCOUNTABILITY.finditer(an.text):
                if negated_before(an, next((k for k, t in enumerate(an.tokens) if t.start >= match.start()), 0), reach=4):
                    continue
                yield Finding(block.span(match.start(), match.end()),
                              f"records punishment of people: {' '.join(match.group(0).split())!r} (calls for accountability)", _HINT)
    for block, an in _blocks(doc):
        seen: list[tuple[int, int]] = []  # one finding for one stretch of text, whichever shape found it
        for start, end, what in punishments(an):
            if any(start < e and s < end for s, e in seen) or habitual(an, token_at(an, start)) \
                    or unasserted(an, token_at(an, start), asked=False, alternatives=False):
                continue
            seen.append((start, end))
            phrase = " ".join(block.text[start:end].split())
            yield Finding(block.span(start, end), f"records punishment of people: {phrase!r} ({what})", _HINT)


def punishments(an):
    yield from _punishments(an)
    yield from _wordnet_sanctions(an)


def _punishments(an):
    tokens = an.tokens
    n = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.low
        if low not in _TRIGGERS:
            continue
        same = lambda j: 0 <= j < n and tokens[j].sentence == tok.sentence  # noqa: E731
        if _rejected(an, i):
            continue
        if low in _PUNISHMENT_NOUNS:
            yield tok.start, tok.end, "punishment"
            continue
        if low in _ARRESTED:
            found = _arrest(an, i)
            if found is not None:
                yield found
            continue
        if low in _PEOPLE_ONLY_SANCTIONS and same(i + 1) and _named_object(an, i + 1):
            yield tok.start, tokens[i + 1].end, "punishment"  # "Within a few months, the company fired Kher"
            continue
        found = _named_sanction(an, i)
        if found is not None:
            yield found
            continue
        if low in _SANCTIONED and same(i - 1) and (tokens[i - 1].low in _BECOME or tokens[i - 1].low.endswith("ly") and same(i - 2) and tokens[i - 2].low in _BECOME):
            yield tokens[i - 1].start, tok.end, "a sanction"  # "employee who sold personal data … is fined"
            continue
        if low == "fine" and same(i + 1) and tokens[i + 1].low in ("on", "against") and same(i - 1) and (
                tokens[i - 1].low in ("a", "the") or any(ch.isdigit() for ch in tokens[i - 1].text)):
            yield tok.start, tokens[i + 1].end, "a sanction"  # "imposes S$8,000 fine on law firm"
            continue
        if low == "kicked" and same(i + 1) and tokens[i + 1].low in ("off", "out") and same(i - 1) and tokens[i - 1].low in _BECOME \
                and not _thing_before(an, i - 1):
            yield tokens[i - 1].start, tokens[i + 1].end, "punishment"
            continue
        if low == "wrist" and same(i - 3) and tokens[i - 3].low == "slap":
            yield tokens[i - 3].start, tok.end, "punishment"
            continue
        if low in _RESIGNED and not (same(i - 1) and tokens[i - 1].low == "to") and not (
                same(i + 1) and tokens[i + 1].low in ("to", "ourselves", "themselves", "myself", "himself", "herself")):
            # "Kelly Bayer Rosmarin has resigned from Optus, days after …": a departure over the
            # incident; only people resign ("resigned to the fact" is another sense)
            yield tok.start, tok.end, "a departure over the incident"
            continue
        if low in _LEAVE or (low == "step" and same(i + 1) and tokens[i + 1].low == "down"):
            # "was pressured to resign", "told me to leave work and not return", "calling for him to step down"
            if same(i - 1) and tokens[i - 1].low == "to":
                window = [t.low for t in tokens[max(0, i - 5) : i - 1] if t.sentence == tok.sentence]
                if any(w in _PRESSED for w in window) and (low != "leave" or any(w in ("me", "him", "her", "them") for w in window)):
                    yield tok.start, tokens[i + 1].end if low == "step" else tok.end, "pushes a person out"
            continue
        if low in ("revoke", "revoking") and same(i + 1) and (tokens[i + 1].is_handle or tokens[i + 1].low in ("his", "her", "their")):
            yield tok.start, tokens[i + 1].end, "punishment"
            continue
        if low in _PUNISHED and same(i - 1) and tokens[i - 1].base.lower() in cl.ROLE_NOUNS \
                and not (same(i + 1) and tokens[i + 1].low in _OBJECT_STARTS):  # not an active verb: "the engineer demoted the primary"
            yield tokens[i - 1].start, tok.end, "punishment"  # a headline: "Nurse suspended after …"
            continue
        if low in ("remove", "removed", "pull", "pulled", "kick", "kicked") and same(i + 1) and same(i + 3) and _person_object(an, i + 1) \
                and any(t.low == "from" for t in tokens[i + 2 : i + 5]) and any(t.low in ("team", "channel", "project", "org", "organisation", "organization", "slack", "github") for t in tokens[i + 2 : i + 8] if t.sentence == tok.sentence):
            yield tok.start, tokens[i + 1].end, "removes a person"  # "Remove Tony from our Slack channel"
            continue
        if low in ("fire", "sack") and tok.initial and same(i + 1) and tokens[i + 1].capitalised:
            yield tok.start, tokens[i + 1].end, "calls for punishment"  # "Fire Kent Walker"
            continue
        if low == "yell" and same(i + 2) and tokens[i + 1].low == "at" and _person_object(an, i + 2):
            yield tok.start, tokens[i + 2].end, "punishment"
            continue
        if low in ("fires", "fired", "suspends", "suspended", "disciplines", "sacks") and same(i + 1) and tokens[i + 1].base.lower() in cl.ROLE_NOUNS:
            yield tok.start, tokens[i + 1].end, "punishment"  # "Hospital fires employee who snooped"
            continue
        if low in _PUNISHED or (low == "let" and same(i + 1) and tokens[i + 1].low == "go"):
            end = i + 2 if low == "let" else i + 1
            if low in _AMBIGUOUS_SANCTIONS and not (same(i - 1) and tokens[i - 1].low in _BECOME):
                if same(i + 1) and _person_object(an, i + 1) and low != "suspended":
                    yield tok.start, tokens[i + 1].end, "punishment"  # "dismissed the engineer", not "dismissed the alert"
                continue
            # "calling for him to be sacked"
            if same(i - 3) and tokens[i - 1].low == "be" and tokens[i - 2].low == "to" and tokens[i - 3].low in _OBJECT_PRONOUNS:
                yield tokens[i - 3].start, tok.end, "punishment"
                continue
            # "Why was Justin Poehnelt fired over this?"
            if same(i - 2) and low != "reassigned":
                for k in range(i - 1, max(-1, i - 4), -1):
                    if not same(k):
                        break
                    if tokens[k].low in ("was", "were", "got", "get"):
                        if k < i - 1 and (_person_object(an, k + 1)):
                            yield tokens[k + 1].start, tok.end, "punishment"
                        break
            # "he got fired", "someone's getting fired", "was disciplined", over adverbs: "was
            # quickly fired", "probably got so fired"
            b = i - 1
            while same(b) and tokens[b].low not in _BECOME and (tokens[b].low in _DEGREE or cl._adverb(tokens[b].low) or same(b - 1) and (
                    tokens[b - 1].low in _BECOME or tokens[b - 1].low in _DEGREE) and cl._pure_adverb(tokens[b].low)):
                b -= 1
            if not (same(b) and tokens[b].low in _BECOME):
                b = i - 1
            active = same(b) and tokens[b].low not in _BECOME and not tokens[b].possessive
            if active and not (same(i + 1) and (_person_object(an, i + 1) or low in ("fired", "sacked") and _team_object(an, i + 1))) \
                    and tokens[b].base.lower() in cl.PRONOUNS:
                continue  # "we fired off a message": a pronoun acting on a thing
            if same(b) and (tokens[b].low in _BECOME or tokens[b].base.lower() in cl.PRONOUNS):
                subject = _person_before(an, b)
                if subject is not None or tokens[b].low in ("got", "getting", "get", "gets"):
                    if (low == "reassigned" or low in _AMBIGUOUS_SANCTIONS) and subject is None:
                        continue
                    yield tokens[subject.start].start if subject else tokens[b].start, tokens[end - 1].end, "punishment"
                    continue
                if tokens[b].low in _BECOME and (low in _PEOPLE_ONLY_PASSIVE or low in _AMBIGUOUS_SANCTIONS and _without_pay(an, i)) \
                        and not negated_before(an, b) and not _thing_before(an, b):
                    # only people are demoted or suspended without pay, whoever the sentence names:
                    # "Bremner was suspended without pay for 10 days and demoted"
                    yield tokens[b].start, tokens[end - 1].end, "punishment"
                    continue
            # "fired the engineer", "let him go"
            if low in ("fired", "sacked", "disciplined", "reprimanded", "demoted") and same(i + 1) and (
                    _person_object(an, i + 1) or _team_object(an, i + 1)):
                yield tok.start, tokens[i + 1].end, "punishment"
        elif low in _PUNISH_VERBS:
            if i == 0 or tok.initial and low.endswith("ing"):
                continue  # "Firing people for one mistake destroys morale": about the practice
            if same(i + 1) and _person_object(an, i + 1):
                yield tok.start, tokens[i + 1].end, "punishment"
        elif low in _JOBS and same(i - 2) and tokens[i - 1].low in ("his", "her", "their", "my", "your") and (
                tokens[i - 2].low in _LOST or same(i - 3) and tokens[i - 2].low in _OBJECT_PRONOUNS and tokens[i - 3].low in _LOST):
            start = tokens[i - 3].start if tokens[i - 2].low in _OBJECT_PRONOUNS else tokens[i - 2].start
            yield start, tok.end, "punishment"  # "lost their jobs", "cost him his job"
        elif low == "written" and same(i + 1) and tokens[i + 1].low == "up" and same(i - 1) and tokens[i - 1].low in _BECOME \
                and (_person_before(an, i - 1) is not None or tokens[i - 1].low in ("got", "get", "gets", "getting")):
            yield tokens[i - 1].start, tokens[i + 1].end, "punishment"  # "the engineer was written up"
        elif low == "consequences" and same(i + 2) and tokens[i + 1].low == "for" and _person_object(an, i + 2):
            yield tok.start, tokens[i + 2].end, "calls for punishment"  # "consequences for the engineer"
        elif low in ("resignation", "resignations") and same(i - 1) and (tokens[i - 1].low in _POSSESSIVE_PRONOUNS or tokens[i - 1].possessive) \
                and not (same(i + 1) and tokens[i + 1].low == "letter") and not negated_before(an, i):
            yield tokens[i - 1].start, tok.end, "a departure over the incident"  # "announced his resignation as co-CEO"
        elif low == "disciplinary" and same(i + 1) and tokens[i + 1].low in ("action", "actions", "measures", "process", "hearing"):
            yield tok.start, tokens[i + 1].end, "punishment"
        elif low in ("warning", "warnings") and same(i - 1) and tokens[i - 1].low in ("written", "formal", "final"):
            yield tokens[i - 1].start, tok.end, "punishment"  # "I receive a written warning"
        elif low in ("against", "with") and same(i - 1) and tokens[i - 1].low in ("taken", "take", "took", "action") and same(i + 1) and _person_object(an, i + 1) \
                and not _anyone_at_all(an, i + 1):
            yield tokens[i - 1].start, tokens[i + 1].end, "punishment"
        elif low == "responsible" and same(i - 1) and tokens[i - 1].low == "held":
            yield tokens[i - 1].start, tok.end, "holds people responsible"


_POSSESSIVE_PRONOUNS = lex._words("his her their my your")
_RECEIVED = lex._words("received receives receive got get gets given issued handed faces faced face facing")
_WILL = lex._words("will should must would may might could shall")


def _named_sanction(an, i):
    """A sanction of a person named by a noun or a set phrase, at token ``i``: "his suspension",
    "a week's suspension", "a five-day suspension", "grounds for immediate termination", "the
    dismissal of two nurses", "was placed on administrative leave", "he should face criminal
    charges", "has stepped down over a systems failure", "heads will roll". Returns (start,
    end, what) or None."""
    tokens = an.tokens
    tok = tokens[i]
    low = tok.low
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
    if low in _SANCTION_NOUNS:
        b = i - 1
        while same(b) and (tokens[b].low in ("immediate", "summary", "instant", "temporary", "indefinite", "unpaid", "paid", "formal", "written")
                           or "-" in tokens[b].low and tokens[b].low.split("-")[-1] in _TIME_UNITS):
            b -= 1
        if b < i - 1 and "-" in tokens[b + 1].low:
            return tokens[b + 1].start, tok.end, "a sanction"  # "a five-day suspension"
        if same(b) and (tokens[b].low in _POSSESSIVE_PRONOUNS or tokens[b].possessive and tokens[b].low.rstrip("'’s") in _TIME_UNITS):
            return tokens[b].start, tok.end, "a sanction"  # "his suspension", "a week's suspension"
        if same(b) and tokens[b].possessive:
            actor = cl.actor_ending_at(an, b)
            if actor is not None and actor.person and actor.kind != "team":
                return tokens[actor.start].start, tok.end, "a sanction"  # "the engineer's dismissal"
        if same(b - 1) and tokens[b].low in ("a", "an") and tokens[b - 1].low in _RECEIVED:
            return tokens[b - 1].start, tok.end, "a sanction"  # "received a formal reprimand"
        if same(b) and tokens[b].low == "for" and same(b - 1) and tokens[b - 1].low in _GROUNDS:
            return tokens[b - 1].start, tok.end, "a sanction"  # "grounds for immediate termination"
        if same(i + 2) and tokens[i + 1].low == "of" and _person_object(an, i + 2):
            return tok.start, tokens[i + 2].end, "a sanction"  # "the dismissal of two nurses"
        return None
    if low in ("terminated", "ended") and same(i - 3) and tokens[i - 1].low in _BECOME and tokens[i - 2].low in ("employment", "contract") \
            and (tokens[i - 3].low in _POSSESSIVE_PRONOUNS or tokens[i - 3].possessive and tokens[i - 3].base.lower() in cl.ROLE_NOUNS):
        return tokens[i - 3].start, tok.end, "a sanction"  # "my contract was terminated", "his employment was ended"
    if low == "placed" and same(i + 2) and tokens[i + 1].low == "on":
        k = i + 2
        if tokens[k].low in _LEAVE_KINDS and same(k + 1):
            k += 1
        if tokens[k].low == "leave" and same(i - 1) and tokens[i - 1].low in _BECOME:
            return tokens[i - 1].start, tokens[k].end, "a sanction"  # "she was placed on administrative leave"
        return None
    if low in _CHARGES and same(i - 1):
        k = i - 1
        if tokens[k].low in ("criminal", "disciplinary") and same(k - 1):
            k -= 1
        if tokens[k].low in _FACE:
            subject = _person_before(an, k - 1) if same(k - 1) and tokens[k - 1].low not in _BECOME else None
            if subject is None and same(k - 1) and tokens[k - 1].low in lex.MODALS:
                subject = _person_before(an, k - 2) if same(k - 2) else None
            if subject is not None:
                return tokens[subject.start].start, tok.end, "a sanction"  # "he should face criminal charges"
        return None
    if low in _STEPPED and same(i + 1) and tokens[i + 1].low == "down" and not (same(i - 1) and tokens[i - 1].low == "to"):
        subject = _person_before(an, i - 1) if same(i - 1) else None
        intransitive = not same(i + 2) or tokens[i + 2].low in ("over", "after", "from", "following", "as", "amid", "in", "last", "on", "today", "yesterday") \
            or cl._gap_is_comma(an, i + 1, i + 2)
        if subject is not None and (subject.kind != "pronoun" or intransitive and tokens[subject.start].low in ("he", "she", "i")) or same(i - 1) and tokens[i - 1].low in ("has", "have", "had") \
                and same(i - 2) and _person_before(an, i - 2) is not None:
            return tok.start, tokens[i + 1].end, "a departure over the incident"  # "the head of the exchange has stepped down"
        if same(i + 2) and tokens[i + 2].low in _OVER_INCIDENT and not (same(i - 1) and tokens[i - 1].low in _BECOME):
            # only people step down: "Koichiro Miyahara, the head of the Tokyo Stock Exchange (TSE),
            # has stepped down over a systems failure", whoever the sentence names
            return tok.start, tokens[i + 1].end, "a departure over the incident"
        return None
    if low == "action" and same(i - 1) and tokens[i - 1].low == "legal" and same(i - 2) and (
            tokens[i - 2].low in _FACE or tokens[i - 2].low in ("with", "threatened", "threaten", "threatening")):
        return tokens[i - 2].start, tok.end, "a sanction"  # "threatened with legal action", "faces legal action"
    if low == "cut" and same(i - 1) and tokens[i - 1].low in ("pay", "salary") or low in ("pay", "salary") and same(i - 2) \
            and tokens[i - 1].low == "in" and tokens[i - 2].low == "cut":
        if any(t.base.lower() in cl.ROLE_NOUNS or t.low in ("he", "she", "his", "her", "i", "my") or t.capitalised and not t.initial
               for t in an.sentence_tokens(tok.sentence)):
            return (tokens[i - 1].start if low == "cut" else tokens[i - 2].start), tok.end, "a sanction"  # "will take a 50% pay cut"
        return None
    if low in ("boot", "sack", "axe", "door") and same(i - 2) and tokens[i - 1].low == "the" and (
            tokens[i - 2].low in ("got", "get", "gets", "getting", "given", "give", "gave") and low != "door"
            or tokens[i - 2].low in ("shown", "show", "showed") and low == "door"):
        j = i - 2 if tokens[i - 2].low in _BECOME else i - 3  # "got the boot", "was shown the door"
        subject = _person_before(an, j) if same(j) and j >= 0 else None
        if subject is not None or tokens[i - 2].low in ("got", "get", "gets", "getting"):
            return tokens[i - 2].start, tok.end, "punishment"  # "the sysadmin got the boot", "was shown the door"
        return None
    if low in ("responsible", "responsibility"):
        return _responsibility(an, i)
    if low in ("escorted", "removed") and same(i + 1) and same(i - 1) and tokens[i - 1].low in _BECOME and (
            low == "escorted" and tokens[i + 1].low in ("out", "off", "from")
            or low == "removed" and tokens[i + 1].low == "from" and any(t.low in _GROUPS for t in tokens[i + 2 : i + 6] if t.sentence == tok.sentence)):
        subject = _person_before(an, i - 1)
        if subject is not None and subject.kind != "team":
            return tokens[subject.start].start, tokens[i + 1].end, "punishment"  # "was escorted out", "was removed from the project"
        return None
    if low == "plan" and same(i - 2) and tokens[i - 1].low == "improvement" and tokens[i - 2].low == "performance":
        return tokens[i - 2].start, tok.end, "a sanction"  # "put on a performance improvement plan"
    if low == "heads" and same(i + 2) and (tokens[i + 1].low in _WILL and tokens[i + 2].low == "roll"
                                          or tokens[i + 1].low in ("need", "have") and same(i + 3) and tokens[i + 3].low == "roll"):
        return tok.start, tokens[i + 2 if tokens[i + 2].low == "roll" else i + 3].end, "calls for punishment"  # "heads will roll"
    return None


# What a person is made responsible for: the incident, not a service or a task.
_INCIDENT_NOUNS = lex.INCIDENT_NOUNS
_SINGULAR_PEOPLE = lex._words("i he she")
_DEGREE_RESPONSIBLE = lex._words("solely fully directly ultimately partly partially personally entirely wholly primarily")


def _responsibility(an, i):
    """Responsibility for the incident assigned to a person: "the engineer was responsible for
    the outage", "I take full responsibility for the outage", "responsibility for the outage
    lies with the on-call engineer". Not ownership of work ("the team is responsible for the
    service", "responsible for resolving the issue") and not an organisation owning its
    incident ("we take full responsibility for the outage")."""
    tokens = an.tokens
    tok = tokens[i]
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731

    def incident_after(k):  # "for the outage", "for this weekend's fiasco": no verb in between
        if not (same(k) and tokens[k].low == "for"):
            return None
        for t in range(k + 1, min(len(tokens), k + 7)):
            if not same(t) or tokens[t].low.endswith("ing") or tokens[t].low in ("and", "or", "to"):
                return None
            if tokens[t].low in _INCIDENT_NOUNS:
                return t
        return None

    if tok.low == "responsible":
        b = i - 1
        while same(b) and tokens[b].low in _DEGREE_RESPONSIBLE:
            b -= 1
        if not (same(b) and tokens[b].low in _BECOME) or tokens[b].low in ("get", "got", "gets", "getting"):
            return None
        end = incident_after(i + 1)
        if end is None:
            return None
        subject = _person_before(an, b)
        if subject is None or subject.kind == "team" or tokens[subject.start].low == "we":
            return None
        return tokens[subject.start].start, tokens[end].end, "holds a person responsible for the incident"
    # "I take full responsibility for …"
    k = i - 1
    while same(k) and tokens[k].low in ("full", "complete", "personal", "sole", "total", "all"):
        k -= 1
    if same(k) and tokens[k].low in ("take", "takes", "took", "taken", "taking", "accept", "accepts", "accepted", "accepting"):
        end = incident_after(i + 1)
        if end is None:
            return None
        subject = _person_before(an, k - 1) if same(k - 1) else None
        if subject is None and same(k - 1) and tokens[k - 1].low in _SINGULAR_PEOPLE:
            subject = cl.Actor(k - 1, k, "pronoun")
        if subject is None or subject.kind == "team" or tokens[subject.start].low in ("we", "they", "you"):
            return None
        return tokens[subject.start].start, tokens[end].end, "takes the responsibility for the incident"
    # "responsibility for the outage lies with the on-call engineer"
    for t in range(i + 1, min(len(tokens), i + 9)):
        if not same(t):
            return None
        if tokens[t].low in ("lies", "lay", "rests", "rested", "falls", "fell", "sits") and same(t + 2) and tokens[t + 1].low in ("with", "on"):
            if _person_object(an, t + 2):
                return tok.start, tokens[t + 2].end, "assigns the responsibility to a person"
            return None
    return None


# Punishment feared, not recorded: "When people fear punishment for mistakes, they stop …".
_FEARED = cl._EPISTEMIC | lex._words("fearing scared frightened")
# What anyone may do, not what was done: "you can say 'human error' all you want, fire someone".
_POSSIBLE = lex._words("can could may might")
_ANYONE = lex._words("someone somebody anyone anybody people everyone everybody")
# The plain present of the sanction verbs (not "fired", "firing", "fires").
_HABITUAL = frozenset(v for v in _PUNISH_VERBS if not v.endswith(("s", "ing", "ed")))


def _rejected(an, i) -> bool:
    if negated_before(an, i, reach=4):
        return True
    sentence = an.tokens[i].sentence
    before = [t.low for t in an.tokens[max(0, i - 6) : i] if t.sentence == sentence]
    if any(word in _FEARED for word in before[-3:]):
        return True
    if _general_condition(before):
        return True  # "if an employee is fired, …", "When there are strong punishments, people …"
    if an.tokens[i].low in _HABITUAL and before[-1:] and before[-1] in ("they", "companies", "employers", "workplaces"):
        # the simple present after a plural third person: what they do as a rule, "they fire them
        # for consistent disregard" ("We fire people who …" is the writer's own policy and stays)
        return True
    if an.tokens[i].low in _PUNISH_VERBS and i + 1 < len(an.tokens) and an.tokens[i + 1].low in _ANYONE and any(
            a == "you" and b in _POSSIBLE for a, b in zip(before, before[1:])):
        return True  # a generic "you", a modal of possibility and anyone: a statement about anyone
    if _may_as_a_rule(before) or _policy(an, i):
        return True  # "employers could technically take disciplinary action around lateness"
    if _no_one_in_particular(an, i):
        return True  # "an employer can terminate an employee at any time for any reason"
    return any(word in ("nobody", "no-one", "without", "instead", "rather") for word in before) or (
        "no" in before and "one" in before
    )


_general_condition = cl.general_condition

# Employers in general and a modal of possibility or of duty: what such sanctions may be, not
# one taken ("employers could technically take disciplinary action around lateness"; "the
# company could fire him" names one employer and stays).
_EMPLOYERS = lex._words("employers companies organisations organizations businesses workplaces managers")


def _policy(an, i) -> bool:
    """ "Employees who violate the policy may be subject to disciplinary action": a sentence
    about people of a kind (a plural role with no determiner) and a modal of possibility before
    the sanction: a rule that may apply, not a sanction taken."""
    tokens = an.sentence_tokens(an.tokens[i].sentence)
    if not tokens or tokens[0].low not in cl.ROLE_NOUNS or not tokens[0].low.endswith("s"):
        return False
    return any(t.low in _POSSIBLE for t in tokens if t.end <= an.tokens[i].start)


# Marks of a sanction to come or called for: "heads will roll", "he should be fired".
_TO_COME = lex._words("will 'll ’ll would should must shall going gonna won't won’t")
# Determiners that make a role one person in particular: "the engineer", "our intern".
_DEFINITE = lex._words("the this that these those his her their our my your its")


def _no_one_in_particular(an, i) -> bool:
    """A sanction in a sentence in the plain present, or with "can" or "may", that names no one
    in particular: no personal pronoun, no name, no role behind a definite determiner, nothing
    in the past and no sanction to come ("Disciplinary hearings, written warnings or even
    termination – a sign that someone has been found", "an employer can terminate an employee
    at any time for any reason", "a disclosure … is a legitimate reason for termination"): what a
    practice brings or a rule allows, said of anyone, not a sanction taken. "The engineer faces
    dismissal", "we fire him", "Kher's suspension", "heads will roll", "termination followed", a
    headline's bare role ("Amazon sacks employee over data breach") and a pronoun for one act
    or practice told before ("it provides grounds for immediate termination", "this leads to
    disciplinary actions") stay."""
    whole = an.sentence_tokens(an.tokens[i].sentence)
    at = next(n for n, t in enumerate(whole) if t.start >= an.tokens[i].start)
    # the sanction's own clause, up to a semicolon, a colon or a dash ("… or even dismissal – a
    # clear signal that the problem has been identified" is an aside after it)
    first = next((n for n in range(at, 0, -1) if clause_break(an, whole, n)), 0)
    last = next((n for n in range(at + 1, len(whole)) if clause_break(an, whole, n)), len(whole))
    sentence = whole[first:last]
    lows = [t.low for t in sentence]
    if told_in_past(lows) or any(irregular_past(low) or low in _TO_COME for low in lows):
        return False
    for k, t in enumerate(sentence):
        if t.low in _POINTING and t.start < an.tokens[i].start and k + 1 < len(sentence) and _verb_after_pronoun(lows[k + 1]):
            return False  # "it provides grounds for immediate termination": one act told before, not a kind
        if t.low in lex.PERSON_PRONOUNS or t.low in lex.OBJECT_PRONOUNS or t.low in _DEFINITE - {"the", "this", "that", "these", "those", "its"} \
                or t.possessive or t.is_handle:
            return False
        if t.capitalised and not t.initial:
            return False  # a name may be a person's
        if (t.base.lower() in cl.ROLE_NOUNS or t.low in cl.occupations()) and (
                k > 0 and lows[k - 1] in _DEFINITE or not t.low.endswith("s") and (k == 0 or lows[k - 1] not in _INDEFINITE)):
            return False  # "the engineer", and a bare singular as in a headline ("Amazon sacks employee")
    return True


_INDEFINITE = lex._words("a an any every each no another")
# Pronouns that point back at one thing told before ("it", and "this" or "that" before a verb).
_POINTING = lex._words("it this that")


def _verb_after_pronoun(low: str) -> bool:
    """Whether the word after "it", "this" or "that" is its verb ("it provides", "this leads",
    "that is"), not a noun it determines ("this doctrine")."""
    return low in lex.STOPWORDS and low not in _DEFINITE or low.endswith("s") and not low.endswith("ss") and len(low) > 3


def _may_as_a_rule(before) -> bool:
    for k, word in enumerate(before):
        if word in _EMPLOYERS and any(w in _POSSIBLE or w in _OUGHT for w in before[k + 1 : k + 4]):
            return True
    return False


# What employers in general must or should do is advice about any organisation ("organizations
# must emphasize integrity norms with disciplinary action for information suppression").
_OUGHT = lex._words("must should")


def _person_before(an, j):
    """The person before the verb group ending at ``j``: "he got", "someone's getting"."""
    k = j
    while k >= 0 and an.tokens[k].sentence == an.tokens[j].sentence and (an.tokens[k].low in _BECOME or an.tokens[k].low in ("have", "has", "had")
                                                                      or an.tokens[k].low in ("should", "must", "ought", "will", "shall")):
        k -= 1  # over auxiliaries, the modals of a demand and a decision: "he should be fired", "he will be fired" (not "would be")
    if k < 0 or an.tokens[k].sentence != an.tokens[j].sentence:
        return None
    if an.tokens[k].base.lower() in cl.PRONOUNS and an.tokens[k].base.lower() not in ("we",):
        return cl.Actor(k, k + 1, "pronoun")
    if an.tokens[k].low in ("and", "but"):
        # "The employee has not been identified but has been fired": the subject of the act
        # the sanction is joined to
        actor = _joined_subject(an, k, j)
        return actor if actor is not None and actor.person and actor.kind != "team" and not actor.generic else None
    actor = cl.actor_ending_at(an, k)
    if actor is not None and actor.person and actor.kind != "team":
        return actor
    # over a relative clause: "The engineer who pushed the change was disciplined"
    for w in range(k - 1, max(-1, k - 8), -1):
        if an.tokens[w].sentence != an.tokens[k].sentence:
            break
        if an.tokens[w].low == "whoever" and (w == 0 or an.tokens[w - 1].sentence != an.tokens[w].sentence or an.tokens[w].initial):
            return cl.Actor(w, w + 1, "pronoun")  # "Whoever approved this should be fired"
        if an.tokens[w].low == "who":
            actor = cl.actor_ending_at(an, w - 1) if w > 0 else None
            if actor is not None and actor.person and actor.kind != "team" and not actor.generic:
                return actor
            break
    return None


_OBJECT_STARTS = lex._words("the a an its their our this that these those")


def _thing_before(an, j) -> bool:
    """Whether the subject of the verb group ending at ``j`` is a thing: "the replica was
    demoted", "the pod was kicked out of the node" (a database's or a scheduler's words, not a
    sanction)."""
    k = j
    while k >= 0 and an.tokens[k].sentence == an.tokens[j].sentence and (an.tokens[k].low in _BECOME or an.tokens[k].low in ("have", "has", "had")):
        k -= 1
    if k < 0 or an.tokens[k].sentence != an.tokens[j].sentence:
        return False
    if an.tokens[k].low in ("and", "but"):
        actor = _joined_subject(an, k, j)  # "the replica lagged behind and was demoted"
        return actor is not None and actor.kind == "thing" and an.tokens[actor.end - 1].text == an.tokens[actor.end - 1].low
    actor = cl.actor_ending_at(an, k)  # a common noun: a name the rules do not know is no thing
    return actor is not None and actor.kind == "thing" and an.tokens[k].text == an.tokens[k].low


def _joined_subject(an, k, j):
    """The subject of the verb group ``k + 1 .. j`` joined by the coordinator at ``k`` to an
    earlier act of the sentence: that act's subject."""
    start = an.sentences[an.tokens[k].sentence][0]
    return cl.subject_of(an, k + 1, groups=cl._verb_groups(an, start, k + 1) + [(k + 1, j)])


def _team_object(an, j) -> bool:
    """Whether a group of people starts at token ``j``: "the whole team", "the entire ops team"."""
    for k in range(j, min(len(an.tokens), j + 5)):
        if an.tokens[k].sentence != an.tokens[j].sentence:
            break
        actor = cl.actor_ending_at(an, k)
        if actor is not None and actor.start == j and actor.kind == "team":
            return True
    return False


_ARRESTED = lex._words("arrested arrest arrests arresting detained")
# Sanctions only people suffer: whatever they act on is a person, named or not.
_PEOPLE_ONLY_SANCTIONS = lex._words("fired sacked demoted disciplined reprimanded fires sacks demotes disciplines reprimands")
_CALENDAR = lex._words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december today yesterday"
)


_PEOPLE_ONLY_PASSIVE = lex._words("sacked demoted disciplined reprimanded censured scolded")


def _without_pay(an, i) -> bool:
    tokens = an.tokens
    return i + 2 < len(tokens) and tokens[i + 1].low == "without" and tokens[i + 2].low == "pay" and tokens[i + 2].sentence == tokens[i].sentence


def _named_object(an, j) -> bool:
    """A capitalised word after a verb that only takes people ("fired Kher"): a person, unless it
    is a system's or a day's name ("the alert fired Monday")."""
    tok = an.tokens[j]
    return tok.capitalised and not tok.initial and tok.base.isalpha() and tok.base.lower() not in lex.SYSTEMS \
        and tok.low not in _CALENDAR and not tok.possessive


def _arrest(an, i):
    """The law's sanction: "Police arrested Cooley", "the engineer was arrested", "arrested him"."""
    tokens = an.tokens
    tok = tokens[i]
    same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
    if negated_before(an, i):
        return None
    if same(i + 1) and (_person_object(an, i + 1) or _named_object(an, i + 1)):
        return tok.start, tokens[i + 1].end, "a sanction"
    if same(i - 1) and tokens[i - 1].low in _BECOME and same(i - 2) and _person_before(an, i - 1) is not None:
        return tokens[i - 1].start, tok.end, "a sanction"
    return None


_ANY_LEADS = lex._words("a an any")
_ANY_PERSON = lex._words("person persons individual individuals party parties")


def _anyone_at_all(an, j) -> bool:
    """ "action against a person or agency", "against any individual": no one in particular, the
    words of a statement of purpose ("Its purpose is not to … pursue … action against a person
    or agency"), not a record of a sanction ("action against the engineer", "against an employee")."""
    tokens = an.tokens
    return j + 1 < len(tokens) and tokens[j].low in _ANY_LEADS and tokens[j + 1].low in _ANY_PERSON and tokens[j + 1].sentence == tokens[j].sentence


def _person_object_end(an, j):
    """The last token of a person starting at token ``j`` ("him", "the on-call engineer"), or None."""
    tok = an.tokens[j]
    if tok.low in _OBJECT_PRONOUNS:
        return j
    for k in range(min(len(an.tokens), j + 4) - 1, j - 1, -1):
        if an.tokens[k].sentence != tok.sentence:
            continue
        actor = cl.actor_ending_at(an, k)
        if actor is not None and actor.start == j and actor.person and actor.kind != "team":
            return k
    return None


def _person_object(an, j) -> bool:
    """Whether a person starts at token ``j``: "him", "the engineer", "a poor IT employee"."""
    return _person_object_end(an, j) is not None
