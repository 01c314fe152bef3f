"""Clause analysis for the blame rules: who did what, framed how.

A shallow parser over :func:`._language.analyse`'s tokens. For each sentence it finds the
finite verbs, and for each verb its clause: the **actor** (the subject: a person's name or
handle, a pronoun, a role, a team, or something else: a system, a change), the **predicate**
(the verb and what follows it up to the next clause) and the **modality** (negated, passive).
:func:`blamed_acts` then reports the clauses whose actor is a person and whose predicate
frames the act as an error: an adverb of error ("accidentally"), a wrong object ("on the
wrong server"), a lapse ("forgot to", "did not copy"), a slip ("made a typo"), damage
("took down the exchange") or a destructive act on live data.

Precision comes first: a clause is only blamed when its actor is plainly a person and the
error framing sits in the same clause. "The change inadvertently blocked access" (a
system), "the servers that were inadvertently removed" (no actor) and "the on-call engineer
deleted the stuck pods" (no error framing) stay clean.
"""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

from . import _lexicon as lex
from ._language import Analysis, NameOptions, DEFAULT_NAMES, is_participle, is_past_verb, person_at
from ._language import punctuation_between, whole_phrase
from ._language import _IRREGULAR_PARTICIPLES, _IRREGULAR_PAST
from ..lazy_re import Caseless, alternation

W = lex._words

# -------------------------------------------------------------------------- vocabulary

# Verbs that can be finite without an -ed ending, and auxiliaries that open a verb group.
AUXILIARIES = W(
    """
    was were is are am be been being had has have did does do will would should could can
    might must shall wasn't weren't isn't aren't hadn't hasn't haven't didn't doesn't don't didnt dont
    won't wouldn't shouldn't couldn't can't cannot mustn't wasn’t weren’t isn’t aren’t
    hadn’t hasn’t haven’t didn’t doesn’t don’t won’t wouldn’t shouldn’t couldn’t can’t
    i've we've they've i’ve we’ve they’ve
    """
)
_NEGATIONS = W("not never no n't")
DEGREE_CUES = W("too enough")  # "was too slow to respond", "not careful enough"
_NEGATED_AUX = W(
    """
    didnt dont doesnt wasnt werent hasnt havent hadnt
    didn't didn’t wasn't wasn’t weren't weren’t hadn't hadn’t haven't haven’t hasn't hasn’t
    doesn't doesn’t don't don’t won't won’t wouldn't wouldn’t couldn't couldn’t can't can’t
    cannot shouldn't shouldn’t isn't isn’t aren't aren’t
    """
)
# Every word that denies a verb group: "not", "never", "didn't", "wasn't" …
DENIALS = _NEGATIONS | _NEGATED_AUX
_PASSIVE_AUX = W("was were is are been being be get got gets getting")

# Present-tense verbs that commonly follow a subject (the -ed test finds past tenses).
_PRESENT_VERBS = W(
    """
    makes make runs run deletes delete breaks break forgets forget ignores ignore pushes push
    types type deploys deploy causes cause takes take brings bring wipes wipe drops drop
    """
)

# Adverbs and phrases that frame an act as an error.
ERROR_ADVERBS = W(
    """
    accidentally accidently mistakenly inadvertently unknowingly unintentionally carelessly
    erroneously wrongly incorrectly unwittingly negligently recklessly sloppily improperly
    inappropriately wrongfully unlawfully imprecisely unthinkingly absent-mindedly haphazardly
    """
)
# Adverbs of poor conduct from the VADER lexicon (rated -1.0 or lower; tests/test_blame_classes.py
# checks them against it when it is installed), minus those that describe the situation
# ("sadly", "severely", "unfortunately") or a feeling ("angrily", "desperately"): "foolishly
# restarted the primary", "selfishly pushed to main". "Badly" only after the verb ("I merged
# badly"): before it, it is a degree ("we badly needed a fix").
CONDUCT_ADVERBS = W(
    """
    abusively arrogantly crudely destructively foolishly greedily harmfully ignorantly
    immorally impatiently inadequately ineffectively ineffectually irrationally lamely
    neglectfully obnoxiously offensively pathetically rudely selfishly shamefully shamelessly
    stubbornly uselessly
    """
)
ERROR_ADVERBS = ERROR_ADVERBS | CONDUCT_ADVERBS
# Verbs that are errors or lapses whoever does them.
ERROR_VERBS = W(
    """
    forgot forget forgets forgetting neglected neglect neglects overlooked overlook overlooks
    ignored ignore ignores mistyped mistype misconfigured misconfigure misread misjudged
    misremembered fat-fingered fat-finger botched blundered screwed messed fucked goofed
    bungled mishandled misapplied misused missed
    """
)
# and the third person of each base form: "An engineer fat-fingers a production config change"
ERROR_VERBS = ERROR_VERBS | frozenset(
    v + ("es" if v.endswith(("s", "sh", "ch", "x")) else "s") for v in ERROR_VERBS
    if not v.endswith(("ed", "ing", "s")) and v not in ("forgot", "misread", "mistook", "screwed")
)


@lru_cache(maxsize=2048)
def error_prefixed(low: str) -> bool:
    """A past form of a verb whose prefix frames the act as an error, whatever the verb:
    mis- and a past form of a verb in the dictionary ("misconfigured", "mislabeled",
    "misrouted", "misunderstood", "mistook"); not "missed", "mission", "mistaken"."""
    if not low.startswith("mis") or low.endswith("ing"):
        return False
    rest = low[4:] if low[3:4] == "-" else low[3:]
    if len(rest) < 3 or not (is_past_verb(rest) or rest in _IRREGULAR_PAST or rest in _IRREGULAR_PARTICIPLES):
        return False
    from ._language import _lemmas  # deferred: the lexicon loads only for such a word

    lemmas = _lemmas(rest)
    return lemmas is not None and "VERB" in lemmas


@lru_cache(maxsize=2048)
def has_error_prefixed(words: frozenset[str]) -> bool:
    """Whether any of ``words`` (lower case) is an :func:`error_prefixed` verb: a cheap test
    first. Cached: the blame rules ask it of the same block's words (:func:`words_of`)."""
    if " mis" not in " " + " ".join(words):  # no word starts with "mis" (one search, most blocks)
        return False
    return any(w[:3] == "mis" and (error_prefixed(w) or _mis_noun(w)) for w in words)


# Objects that make an act an error: "ran it on the wrong server", "pushed the bad config".
_WRONG = W("wrong incorrect erroneous faulty mistaken improper invalid unintended")
_BAD_THINGS = W(
    """
    config configuration change changes command commands code commit push deploy deployment
    migration query script update value values data setting settings rule rules patch
    """
)
_DANGEROUS = W("dangerous destructive")
_RUN_VERBS = W("ran run runs executed typed issued pushed deployed applied restarted rebooted")
_LUCKY_VERBS = lex.RESPONSE_VERBS | W("worked discovered found fixed solved stumbled learned learnt")
# Lucky whichever side the adverb is on: "we accidentally discovered the cause"; a response
# act with the adverb before it is a slip: "the next person along accidentally reverted their fix".
_DISCOVERIES = W("worked discovered found fixed solved stumbled learned learnt noticed spotted saw identified traced diagnosed")
_PERCEIVED = W("noticed notices notice spotted spots spot saw sees see discovered discovers found finds detected detects observed observes reported reports flagged flags")
# An act with no object or "nothing" for its object: "did nothing wrong", "made no mistake", "forgot nothing".
_NONE_OBJECTS = W("nothing")
_NO_SLIPS = W("mistake mistakes error errors typo typos blunder blunders slip slips")
_WITHOUT_DUTIES = W(
    """
    checking testing realizing realising thinking reviewing asking consulting telling verifying
    confirming waiting first noticing double-checking knowing
    """
)
_SLIPS = W("typo typos mistake mistakes blunder blunders error errors fuckup fuck-up screwup screw-up slip oversight")
# Verbs of omission and circumvention: a step or a safeguard passed over ("skipped the canary
# stage", "bypassed the review", "overrode the safety check").
OMISSION_VERBS = W(
    """
    skipped skip skips bypassed bypass bypasses circumvented circumvent disregarded disregard
    disregards omitted omit omits overrode override overrides overridden
    """
)
# Their participles, for a phrase after a comma: "turned two pages in the manual, skipping several steps".
OMITTING = W("skipping bypassing circumventing disregarding omitting overriding ignoring overlooking neglecting forgetting")
# What a person does without which an act is a lapse: "deployed without review".
_WITHOUT_NOUNS = W(
    """
    review reviews approval approvals testing tests test backup backups permission
    authorisation authorization sign-off confirmation verification validation checks check
    """
)
_WITHOUT_FILLERS = W("a any proper prior peer first adequate sufficient the")
_EXPOSED = W("exposed publicly unprotected unsecured unencrypted")


# Gerunds after "without" that name an outcome or a state, not a step left out: "restored it
# without losing data", "without causing downtime", "without being asked", "without any".
_OUTCOME_GERUNDS = W(
    """
    losing causing affecting impacting breaking disrupting interrupting dropping needing
    requiring having being getting making leaving exposing incurring noticing realizing
    realising spotting seeing detecting anything something nothing everything
    """
)


# Verbs of saying: "without" after them tells how something was said, not a step left out.
_SAYING = W("said told wrote added stated announced replied answered explained declined commented noted posted tweeted")


def _omitted_gerund(an: Analysis, t: int, clause) -> bool:
    """ "sent the email … without using the blind copy function", "merged it without running the
    suite": after a past act of a person, "without" and the gerund of any verb in the dictionary
    is a step left out, unless the gerund names an outcome or a state ("without losing data",
    "without being asked"), a harm avoided (a verb that is a noun of harm in the VADER lexicon:
    "without risking being put on a disciplinary plan") or the clause gives its reason."""
    tokens = an.tokens
    if t >= clause.end or clause.negated or clause.passive:
        return False
    low = tokens[t].low
    if not low.endswith("ing") or len(low) < 5 or low in _OUTCOME_GERUNDS or low in harms():
        return False
    main = tokens[clause.main].low
    if not (is_past_verb(main) or main in _IRREGULAR_PAST):
        return False  # "we release it … without testing": how a process works
    if main in _SAYING:
        return False  # "“It was a mistake,” a spokesperson said, without giving details": how it was said
    from ._language import _lemmas  # deferred: the lexicon loads only for such a phrase

    stem = low[:-3]
    if stem in harms() or stem + "e" in harms():
        return False  # "without risking being put on a disciplinary plan", "without damaging the disk": harm avoided
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
        found = _lemmas(base)
        if found is not None and "VERB" in found and base in found["VERB"]:
            return not _explained(an, clause)
    return False


def _duty_gerund(low: str) -> bool:
    """ "running", "checking", "telling": the gerund of a duty verb."""
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    return stem in DUTY_VERBS or stem + "e" in DUTY_VERBS or len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in DUTY_VERBS


# Duties whose omission is a lapse: "did not copy the new code", "didn't slow down".
DUTY_VERBS = W(
    """
    copy check verify test follow read review validate confirm notice slow wait double-check
    look escalate back tell inform communicate update block request ask realize realise
    consult notify connect understand run catch account monitor
    """
)
# Acts that destroy or disrupt: with a person as actor and a live target they are blamed.
DESTRUCTIVE_VERBS = W(
    """
    deleted wiped dropped truncated erased destroyed corrupted removed overwrote overwritten
    purged killed shut unplugged disconnected rebooted cut
    """
)
DESTRUCTIVE_BASES = W("delete wipe drop truncate erase destroy corrupt remove overwrite purge kill shut unplug disconnect reboot cut revert push deploy run")
# Destructive verbs of ordinary upkeep, said by the writer of their own work: "I removed the rules".
_HOUSEKEEPING = W("removed")
# The destructive verbs rare enough to be worth a look on their own.
STRONG_DESTRUCTIVE = W("deleted wiped truncated erased destroyed corrupted overwrote overwritten purged")
_LIVE_TARGETS = W("production prod live primary customer customers power")
# "took down the exchange", "brought down production", "knocked out the network".
_DAMAGE_PARTICLE_VERBS = {
    "took": W("down out"), "take": W("down out"), "takes": W("down out"),
    "brought": W("down"), "bring": W("down"), "knocked": W("out over down"),
}
_DAMAGE_VERBS = W("broke crashed")
_CAUSED = W("caused causing triggered started introduced")
_DAMAGE_NOUNS = W(
    "outage outages incident downtime disruption breakage problem problems data-loss loss shutdown shutdowns "
    "crash crashes panic failure failures breach leak"
)

# Subjects that make a statement general ("anyone could make that mistake").
_SEVERING = W("cut severed severs sever damaged damages damage struck hit hits dug")
_INFRASTRUCTURE = W("cable cables line lines fibre fiber fibres fibers wire wires pipe pipes main mains conduit conduits duct ducts")
_GENERIC_SUBJECTS = W("anyone anybody everyone everybody nobody noone people humans")

ROLE_NOUNS = lex.ROLE_NOUNS | W(
    """
    technician technicians sysadmin sysadmins staffer staffers guy guys worker workers
    designer designers programmer programmers coder coders architect architects tester
    testers member members contractor contractors dev devs employee employees admin editor
    editors nurse nurses doctor doctors clerk clerks pilot pilots driver drivers officer
    officers official officials executive executives ceo cto director directors supervisor
    supervisors volunteer volunteers moderator moderators maintainer maintainers committer
    committers contributor contributors student students rookie rookies newbie junior
    personnel tech techs consultant consultants trainee trainees apprentice apprentices
    coworker coworkers co-worker co-workers electrician electricians janitor janitors cleaner
    cleaners specialist specialists sysop sysops webmaster webmasters newcomer newcomers hire
    hires boss bosses crew
    """
)
PRONOUNS = W("i we he she they you someone somebody whoever he/she s/he")
# "I've", "we've": a subject and an auxiliary in one token
_SUBJECT_CONTRACTIONS = W("i've we've they've i’ve we’ve they’ve i'd we'd i’d we’d he'd he’d she'd she’d")
# Role nouns that also name software ("the Postgres operator", "the Datadog agent").
_AMBIGUOUS_ROLES = W("operator operators agent agents owner owners lead reviewer reviewers author authors admin admins")
_SYSTEM_WORDS = W("bot bots kubernetes k8s database db cluster service system software automated")
_DETERMINERS = W("a an the our their its this that these those your my his her one some any every each")
_CLAUSE_BREAKS = W("which that who whom whose because while although though when whereas so if unless until after before since where")
_COORDINATORS = W("and but then or")
_SKIPPABLE_ADVERBS = W(
    """
    also simply just really then still even only apparently actually once instead later
    quickly immediately again already eventually unfortunately subsequently pretty much along
    """
) | ERROR_ADVERBS | W("never not")


def _adverb(low: str) -> bool:
    return low in _SKIPPABLE_ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in ("only", "early", "family", "supply", "apply", "reply", "fly", "rely", "assembly", "anomaly"))


@lru_cache(maxsize=4096)
def _pure_adverb(low: str) -> bool:
    """A word that is only ever an adverb in lemminflect's tables ("somehow", "probably",
    "definitely"): never the head of a subject."""
    if not low.isalpha() or low in lex.STOPWORDS or low in PRONOUNS or low in ROLE_NOUNS or low in lex.TEAM_NOUNS:
        return False
    from ._language import _lemmas  # deferred: the lexicon loads only for a clause's subject

    lemmas = _lemmas(low)
    return lemmas is not None and set(lemmas) == {"ADV"}


# Plain named tuples: typing.NamedTuple evaluates the annotations at import, which the
# one-file hook pays for.
class Actor(namedtuple("Actor", "start end kind generic", defaults=(False,))):
    """The subject of a clause: token ``start`` to ``end`` (after its head); ``kind`` is
    name | handle | pronoun | role | team | thing; ``generic`` for anyone, everyone, people."""

    __slots__ = ()

    @property
    def person(self) -> bool:
        return self.kind != "thing"


# sentence; verb: first word of the verb group; main: the main verb (after auxiliaries);
# end: token after the clause; actor: Actor or None; negated; passive
Clause = namedtuple("Clause", "sentence verb main end actor negated passive")
# actor; clause; cue_start, cue_end: the tokens that frame the act as an error; what: for the
# message; act: the act as a gerund phrase, for the hint ("running the cleanup against production")
class BlamedAct:
    """An act blamed on ``actor``: ``clause``; ``cue_start``, ``cue_end``: the tokens that frame
    it as an error; ``what``: for the message; ``act``: the act as a gerund phrase for a hint
    ("running the cleanup against production"), worked out only when a hint is written (it
    may load the lemma tables)."""

    __slots__ = ("actor", "clause", "cue_start", "cue_end", "what", "_act", "_an")

    def __init__(self, actor, clause, cue_start, cue_end, what, act="", an=None):
        self.actor, self.clause, self.cue_start, self.cue_end, self.what = actor, clause, cue_start, cue_end, what
        self._act, self._an = act, an

    @property
    def act(self) -> str:
        if self._act is None:
            self._act = _act_phrase(self._an, self.clause)
        return self._act


# -------------------------------------------------------------------------- verbs and actors


@lru_cache(maxsize=4096)
def _third_person(low: str) -> bool:
    """The third person singular of a verb in lemminflect's tables ("changes", "makes",
    "fat-fingers"), not a plural noun only ("servers")."""
    if not low.endswith("s") or low.endswith("ss") or len(low) < 4 or not low.replace("-", "").isalpha() or low in lex.STOPWORDS:
        return False
    if low in ERROR_VERBS:
        return True
    from ._language import _lemmas  # deferred: the lexicon loads only after a role noun

    lemmas = _lemmas(low)
    if lemmas is None or "VERB" not in lemmas:
        return False
    import lemminflect

    return any(low in lemminflect.getInflection(lemma, tag="VBZ") for lemma in lemmas["VERB"])


def _is_finite(an: Analysis, i: int) -> bool:
    tok = an.tokens[i]
    low = tok.low
    if low in _SUBJECT_CONTRACTIONS:
        return True
    if tok.capitalised and not tok.initial and not _title_case(an, tok.sentence):
        return False  # a name or a product; in a headline ("An Engineer Accidentally Deleted …") capitals say nothing
    if low in AUXILIARIES or low in ERROR_VERBS and not low.endswith("ing"):
        return True
    if low[:3] == "mis" and error_prefixed(low) and not (i > 0 and an.tokens[i - 1].low in _DETERMINERS):
        return True  # "misunderstood", "mistook": irregular pasts the -ed test misses
    if i > 0 and an.tokens[i - 1].low in ERROR_ADVERBS and an.tokens[i - 1].sentence == tok.sentence and low in DESTRUCTIVE_BASES:
        return True  # "some people … accidentally unplug your power strip"
    if low in _DISCLOSURE_VERBS and low.endswith("s") and i > 0 and an.tokens[i - 1].low in ERROR_ADVERBS:
        return True  # a headline: "… accidentally sends staff details"
    if i > 0 and an.tokens[i - 1].sentence == tok.sentence and an.tokens[i - 1].low in ROLE_NOUNS \
            and not an.tokens[i - 1].low.endswith("s") and _third_person(low):
        return True  # the present of a story or a timeline: "a worker changes the thermostat setting"
    if low in _NARRATIVE_PRESENT and i > 0 and an.tokens[i - 1].sentence == tok.sentence:
        before = an.tokens[i - 1]
        if before.low in ("but", "and", "then") or before.capitalised and before.low not in _DETERMINERS or before.is_handle \
                or before.low in ("he", "she", "they", "someone") \
                or any(ch.isdigit() for ch in before.text) and before.text[:1].isalpha():
            return True  # a timeline in the present tense: "MacFan4000 reverts …, but clones the wrong branch"
    if not is_past_verb(low):
        return False
    prev = an.tokens[i - 1] if i > 0 and an.tokens[i - 1].sentence == tok.sentence else None
    nxt = an.tokens[i + 1] if i + 1 < len(an.tokens) and an.tokens[i + 1].sentence == tok.sentence else None
    if low in lex.UNCHECKED and prev is not None and prev.low not in AUXILIARIES and is_past_verb(prev.low):
        return False  # "pushed untested code", "shipped unreviewed changes": an adjective of the object
    if prev is not None and prev.text == "A" and i > 1 and an.tokens[i - 2].low in ROLE_NOUNS:
        return True  # "Engineer A typed the wrong command"
    if prev is not None and (prev.low in _DETERMINERS and prev.low not in ("that", "this") or prev.low in ("of", "to", "with", "for", "from", "in", "on", "by")):
        return False  # "the deleted files", "of planned work"
    if prev is not None and (prev.low in _NP_MODIFIERS or prev.low.endswith("ly") and i > 1 and (
            an.tokens[i - 2].possessive or an.tokens[i - 2].low in _DETERMINERS)):
        return False  # "the same stuck process", "Salesforce's carefully crafted policies": adjectives
    if nxt is not None and nxt.low == "by" and not (prev is not None and prev.low in _PASSIVE_AUX):
        after = an.tokens[i + 2].low if i + 2 < len(an.tokens) else ""
        if after not in ("mistake", "accident"):
            return False  # "a tool written by the dev team": a reduced relative, not a verb
    return True


# Adjectives and participles that follow a person and take a phrase: "the engineer responsible
# for the change", "the contractor assigned to the ticket".
_POSTMODIFIERS = W("responsible accountable assigned tasked charged working involved")
_NP_MODIFIERS = W("same other very newly recently previously partially half already well-")


def _verb_groups(an: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """(first, main) token indexes of the finite verb groups in ``tokens[start:end]``."""
    groups = []
    i = start
    while i < end:
        if _is_finite(an, i) or _after_subject_pronoun(an, i):
            first = i
            j = i
            # walk over the auxiliaries and adverbs to the main verb: "had already been removed"
            while j + 1 < end and (an.tokens[j].low in AUXILIARIES or j == first and an.tokens[j].low in _SUBJECT_CONTRACTIONS):
                k = j + 1
                while k < end and (_adverb(an.tokens[k].low) or k + 1 < end and is_participle(an.tokens[k + 1].low)
                                   and not is_participle(an.tokens[k].low) and _pure_adverb(an.tokens[k].low)):
                    k += 1
                if j == first and an.tokens[j].low in _SUBJECT_CONTRACTIONS:
                    if k < end and is_participle(an.tokens[k].low) and an.tokens[k].low not in AUXILIARIES:
                        j = k  # "I'd already nuked half the cache", "we've accidentally deleted": a perfect
                    break
                if k < end and (an.tokens[k].low in AUXILIARIES or is_participle(an.tokens[k].low) or an.tokens[k].low in ERROR_VERBS or an.tokens[k].low.endswith("ing") or _base_like(an.tokens[k].low)
                                or an.tokens[j].low in _DID_NOT and _base_verb(an.tokens[k].low) or an.tokens[j].low == "did" and _emphatic_cue(an.tokens[k].low)):
                    j = k
                    continue
                break
            groups.append((first, j))
            i = j + 1
        else:
            i += 1
    return groups


_SUBJECT_PRONOUNS = W("i we they he she you")


def _emphatic_cue(low: str) -> bool:
    """A base form after "did" whose past is a cue: "did delete", "did abuse", "did cause"."""
    return low in DESTRUCTIVE_BASES or low in ERROR_VERBS or low == "cause" or low in _misdeed_lemmas()


@lru_cache(maxsize=1)
def _misdeed_lemmas() -> frozenset[str]:
    from ._wrongdoing_verbs import LEMMAS

    return LEMMAS


@lru_cache(maxsize=1024)
def _past_of(low: str) -> str:
    """The past tense of the base form ``low`` ("abuse" -> "abused"), or ``low`` itself."""
    if not low.isalpha():
        return low
    import lemminflect  # deferred: only for an emphatic "did <verb>"

    forms = lemminflect.getInflection(low, tag="VBD")
    return forms[0] if forms else low


_PERFECT_AUX = W("have has had having 've ’ve 'd ’d i've i’ve we've we’ve they've they’ve you've you’ve i'd i’d we'd we’d he'd he’d she'd she’d they'd they’d you'd you’d")


def _perfect(an: Analysis, clause) -> bool:
    """A verb group in the perfect: "had broken", "I’d broken", "has taken down"."""
    return any(an.tokens[t].low in _PERFECT_AUX for t in range(max(0, clause.verb - 1), clause.main)
               if an.tokens[t].sentence == an.tokens[clause.main].sentence)


def _perfect_cue(an: Analysis, t: int, end: int, cues) -> bool:
    """A cue in the perfect: the participle after the auxiliary at ``t`` (an adverb between)
    whose simple past is a cue ("had broken", "I’d completely forgotten")."""
    for k in range(t + 1, min(end, t + 3)):
        low = an.tokens[k].low
        if _simple_past(low) in cues:
            return True
        if not _adverb(low):
            return False
    return False


def with_simple_pasts(words: frozenset[str]) -> frozenset[str]:
    """``words`` and, when they hold an auxiliary of the perfect, the simple past of each
    participle among them ("had broken" screens as "broke")."""
    if words.isdisjoint(_PERFECT_AUX):
        return words
    from ._participles import PAST_OF

    return words | {PAST_OF[w] for w in words if w in PAST_OF}


def _simple_past(low: str) -> str:
    """The simple past of a participle that differs from it ("broken" -> "broke"), from the table
    bench/build_participles.py writes from lemminflect's; ``low`` itself otherwise. The table is
    read only for a sentence with an auxiliary of the perfect ("have", "had", "I’d" …)."""
    from ._participles import PAST_OF

    return PAST_OF.get(low, low)


@lru_cache(maxsize=2048)
def _base_verb(low: str) -> bool:
    """The base form of a verb in lemminflect's tables, after "didn't": "didn't turn it back on"."""
    if not low.isalpha() or low in lex.STOPWORDS:
        return False
    from ._language import _lemmas  # deferred: the lexicon loads only for such a verb group

    found = _lemmas(low)
    return found is not None and low in found.get("VERB", ())


def _after_subject_pronoun(an: Analysis, i: int) -> bool:
    """A present-tense verb right after a subject pronoun: "We rebuild …", "they unplug …"."""
    if i == 0 or an.tokens[i - 1].low not in _SUBJECT_PRONOUNS or an.tokens[i - 1].sentence != an.tokens[i].sentence:
        return False
    low = an.tokens[i].low
    if not low.isalpha() or low in lex.STOPWORDS or low.endswith("ing"):
        return False
    from ._language import _lemmas  # deferred: the lexicon loads only for such a sentence

    lemmas = _lemmas(low)
    return lemmas is not None and "VERB" in lemmas and (low in lemmas["VERB"] or low.endswith("s") and low[:-1] in lemmas["VERB"])


def _base_like(low: str) -> bool:
    return low in DUTY_VERBS or low in ERROR_VERBS or low in _PRESENT_VERBS or low in ("have", "be", "get", "make", "take", "run", "type")


def actor_ending_at(an: Analysis, j: int, names: NameOptions = DEFAULT_NAMES, owners=None) -> Actor | None:
    """The noun phrase whose head is token ``j``, as an actor (a person or a thing), or None
    when ``j`` cannot end a subject (a preposition, a conjunction, a verb)."""
    tok = an.tokens[j]
    low = tok.low
    base = tok.base.lower()
    if tok.possessive and not low.endswith(("'s", "’s")):
        return None
    if base in PRONOUNS or low in ("he/she", "s/he"):
        return Actor(j, j + 1, "pronoun")
    if base in ("it", "this", "which", "that", "what", "there"):
        return Actor(j, j + 1, "thing")
    if base in _GENERIC_SUBJECTS or low in ("no-one",):
        return Actor(j, j + 1, "pronoun", generic=True)
    if tok.is_handle:
        person = person_at(an, j, names, owners)
        return Actor(j, j + 1, "handle") if person is not None else Actor(j, j + 1, "thing")
    if j > 0 and an.tokens[j - 1].sentence == tok.sentence and an.tokens[j - 1].low in ROLE_NOUNS and (
            len(tok.text) == 1 and tok.text.isupper() or tok.text.isdigit() and len(tok.text) <= 2):
        return Actor(_np_start(an, j - 1), j + 1, "role")  # "Engineer A typed …", "operator 2"
    start = _np_start(an, j)
    if base in ROLE_NOUNS or base in lex.TEAM_NOUNS or role_compound(base) or base in occupations():
        if tok.capitalised and not tok.initial and not (j > 0 and an.tokens[j - 1].low in _DETERMINERS) \
                and not (an.tokens[start].low in _DETERMINERS and start < j) and not _title_case(an, tok.sentence):
            return Actor(j, j + 1, "thing")  # "a post on Teams": a product; not in a headline
        # "the Postgres operator", "the deploy bot's admin" are systems
        if base in _AMBIGUOUS_ROLES and any(
            (an.tokens[k].capitalised and not an.tokens[k].initial) or an.tokens[k].base.lower() in lex.SYSTEMS or an.tokens[k].low in _SYSTEM_WORDS
            for k in range(start, j)
        ):
            return Actor(start, j + 1, "thing")
        if start >= 2 and an.tokens[start - 1].low in ("and", "or") and an.tokens[start - 2].base.lower() in ROLE_NOUNS:
            start = _np_start(an, start - 2)  # "the employees and contractors"
        if base in ("people", "humans", "staff") and start == j:
            return Actor(start, j + 1, "role", generic=base != "staff")
        if _quantified_plural(an, start, j):
            return Actor(min(start, _quantifier_at(an, start)), j + 1, "team" if base in lex.TEAM_NOUNS else "role", generic=True)
        return Actor(start, j + 1, "team" if base in lex.TEAM_NOUNS else "role")
    if low in lex.GIVEN_NAMES and len(low) > 3 and not tok.capitalised and base not in names.allowed:
        return Actor(j, j + 1, "name")  # "looks like alex forgot the D"
    if tok.capitalised or tok.initial:
        for first in (j - 1, j):
            if first >= 0 and an.tokens[first].sentence == tok.sentence and an.tokens[first].capitalised:
                person = person_at(an, first, names, owners)
                if person is not None and person.end == j + 1 and person.strong:
                    return Actor(first, j + 1, "name")
    if low in lex.STOPWORDS or low in _CLAUSE_BREAKS or low in _COORDINATORS or low in AUXILIARIES:
        return None
    return Actor(start, j + 1, "thing")


# "Most teams do retrospectives wrong", "many engineers make that mistake": a quantifier before
# a plural role or team speaks of such people in general, not of the ones in an incident.
_GENERIC_QUANTIFIERS = W("most many all few")


def _quantifier_at(an: Analysis, start: int) -> int:
    return start if an.tokens[start].low in _GENERIC_QUANTIFIERS else start - 1


def _quantified_plural(an: Analysis, start: int, j: int) -> bool:
    tok, q = an.tokens[j], _quantifier_at(an, start)
    return q >= 0 and q < j and an.tokens[q].low in _GENERIC_QUANTIFIERS and an.tokens[q].sentence == tok.sentence and tok.low.endswith("s")


_PERSON_SUFFIXES = ("woman", "women", "man", "men", "person", "persons", "people")
_ROLE_PREFIXES = ("sub", "co-", "co", "ex-")


def occupations() -> frozenset[str]:
    """Nouns for people beyond the roles of ``ROLE_NOUNS``: by their occupation, from Faker's
    job titles (``_occupations.py``), and every noun WordNet files only under people
    (``_person_nouns.py``: "registrant", "clerk", "friend"). Loaded when a subject is first
    looked at."""
    global _OCCUPATIONS
    if _OCCUPATIONS is None:
        from ._occupations import OCCUPATIONS
        from ._person_nouns import PERSON_NOUNS

        _OCCUPATIONS = OCCUPATIONS | PERSON_NOUNS
    return _OCCUPATIONS


_OCCUPATIONS = None
# Role nouns that end a closed compound for a person: "crewmember", "caseworker".
_COMPOUND_TAILS = W("member members worker workers engineer engineers staffer staffers")


@lru_cache(maxsize=2048)
def role_compound(low: str) -> bool:
    """A role noun by its form: a compound of a word of the dictionary and "-man", "-woman",
    "-person" ("repairman", "linemen", "crewman", "salesperson"; not "human", "German"), a
    role noun with "sub-", "co-" or "ex-" ("subcontractor", "co-pilot", "ex-employee"), or
    an agent noun in "-ician" or "-ist" ("electrician", "machinist", "pharmacists")."""
    for prefix in _ROLE_PREFIXES:
        if low.startswith(prefix) and low[len(prefix):] in ROLE_NOUNS and len(low) - len(prefix) > 3:
            return True
    for tail in _COMPOUND_TAILS:
        # closed compounds only: "billing-worker", "payments-worker" name services, and
        # looking their heads up would load the lexicon for every such name
        if low.endswith(tail) and len(low) - len(tail) >= 4 and "-" not in low:
            from ._language import _lemmas  # deferred: the lexicon loads only for such a word

            head = _lemmas(low[: -len(tail)])
            if head is not None and "NOUN" in head:
                return True  # "crewmember", "caseworker", "dockworkers"
    if low.endswith(("ician", "icians")) and len(low) > 7:
        return True  # "technician", "electrician", "beautician"
    if low.endswith(("ist", "ists")) and len(low) > 6 and not low.endswith(("list", "lists", "sist", "sists")) or low.endswith(("alist", "alists")):
        # "machinist", "typist", "radiologist", "journalist"; not "checklist", "playlist", nor a
        # verb ("assist", "persist", "insist"): a noun only, by the dictionary
        from ._language import _lemmas  # deferred: the lexicon loads only for such a word

        found = _lemmas(low)
        return found is not None and set(found) == {"NOUN"}
    if not low.endswith(("man", "men", "person", "persons", "people")):
        return False
    for suffix in _PERSON_SUFFIXES:
        if low.endswith(suffix):
            head = low[: -len(suffix)].rstrip("-")
            if len(head) < 4:  # "human", "German", "woman" are no compounds; nor is "layman" read as one
                return False
            from ._language import _lemmas  # deferred: the lexicon loads only for such a word

            return _lemmas(head) is not None and "NOUN" in _lemmas(head)
    return False


def _title_case(an: Analysis, sentence: int) -> bool:
    """A headline ("How A Command Typo By Amazon Employee Took Down The Internet"): capitals
    there say nothing about products or names."""
    start, end = an.sentences[sentence]
    # the words a headline capitalises: not the first, not the short function words it may
    # leave in lower case ("I Accidentally Nuked the Branch with a Force Push")
    words = [t for t in an.tokens[start + 1 : end] if len(t.text) > 2 and t.text[:1].isalpha() and t.low not in lex.STOPWORDS]
    return len(words) >= 2 and sum(t.capitalised for t in words) >= 0.8 * len(words)


def _np_start(an: Analysis, j: int) -> int:
    """Walk back from a noun to the start of its phrase: "the payments on-call engineer"."""
    start = j
    sentence = an.tokens[j].sentence
    while start > 0 and an.tokens[start - 1].sentence == sentence and j - start < 5 and not an.tokens[start].initial:
        prev = an.tokens[start - 1]  # a phrase does not reach back over a label: "Root cause: Neither …"
        if prev.low in _DETERMINERS:
            start -= 1
            # "one of Knight's technicians"
            if prev.low == "one":
                break
            if start > 1 and an.tokens[start - 1].low == "of" and an.tokens[start - 2].low in ("one", "some", "two", "several"):
                start -= 2
            break
        if prev.possessive:
            start -= 1
            continue
        if prev.low in lex.STOPWORDS or prev.low in AUXILIARIES or prev.low in _COORDINATORS:
            break
        if _is_finite(an, start - 1) and not prev.low.endswith("ed"):
            break
        start -= 1
    if start > 1 and an.tokens[start - 1].low == "of" and an.tokens[start - 2].low in ("one", "some", "two", "several", "many") and an.tokens[start - 2].sentence == sentence:
        start -= 2
    return start


def subject_of(an: Analysis, k: int, names: NameOptions = DEFAULT_NAMES, owners=None, groups=None) -> Actor | None:
    """The subject of the verb group starting at token ``k``."""
    tokens = an.tokens
    sentence = tokens[k].sentence
    if tokens[k].low in _SUBJECT_CONTRACTIONS:
        return Actor(k, k + 1, "pronoun")
    j = k - 1
    while j >= 0 and tokens[j].sentence == sentence and (_adverb(tokens[j].low) or j > 0 and tokens[j - 1].sentence == sentence and (
            tokens[j - 1].low in _SUBJECT_PRONOUNS or tokens[j - 1].low in ROLE_NOUNS) and _pure_adverb(tokens[j].low)):
        j -= 1  # "I somehow overlooked this": any adverb between a person subject and its verb
    if j < 0 or tokens[j].sentence != sentence:
        return None
    if ":" in an.text[tokens[j].end : tokens[j + 1].start]:
        return None  # a label before the verb is no subject: "Root cause: copied …", "14:05: Forgot …"
    if ")" in an.text[tokens[j].end : tokens[j + 1].start]:
        # a bracketed aside between the subject and its verb: "My new Employee (7 months) accidentally sent …"
        for t in range(j, max(-1, j - 10), -1):
            if tokens[t].sentence != sentence:
                break
            if "(" in an.text[tokens[t - 1].end if t > 0 else 0 : tokens[t].start]:
                if t > 0 and tokens[t - 1].sentence == sentence:
                    j = t - 1
                break
    low = tokens[j].low
    if low == "to" and groups and any(g[1] == j - 1 for g in groups):
        # "I managed to accidentally corrupt a production database": the subject of "managed"
        return subject_of(an, next(g for g in groups if g[1] == j - 1)[0], names, owners, None)
    if (low == "having" or low == "to" and tokens[k].low == "have") and groups:
        # "left for lunch … having turned his radio on by accident", "only to have accidentally
        # deleted the admin's account": the subject of the clause the phrase hangs on
        earlier = [g for g in groups if g[0] < j]
        return subject_of(an, earlier[0][0], names, owners, None) if earlier else None
    across = _subject_across(an, k, j, names, owners, groups)
    if across is not None:
        return across
    if _gap_is_comma(an, j, j + 1) and tokens[j].text.isdigit() and len(tokens[j].text) <= 3 and j > 0 \
            and tokens[j - 1].sentence == sentence and _gap_is_comma(an, j - 1, j):
        # an age in apposition: "Tan Wei Chiang, 30, then lied …"
        found = actor_ending_at(an, j - 1, names, owners)
        if found is not None and found.person:
            return found
    if low in _COORDINATORS or _gap_is_comma(an, j, j + 1) and low not in ROLE_NOUNS:
        # "an operator used a tool … but forgot to type": the subject of the earlier verb;
        # "a tired engineer, working late …, ran": the subject before the parenthesis
        found = _subject_before_participle(an, j, names, owners)
        if found is not None:
            return found
        if low in _COORDINATORS and groups:
            earlier = [g for g in groups if g[0] < j]
            if earlier:
                return subject_of(an, earlier[-1][0], names, owners, earlier)  # "… but were distracted and didn't notice"
        if groups and low not in _COORDINATORS:
            return _series_subject(an, j, groups, names, owners)
        return None
    if low in ("who", "that") and j > 0 and tokens[j - 1].sentence == sentence:
        # "the person who pushed", "a guy that took out"
        if low == "who" and tokens[j - 1].low in _ASKING_VERBS:
            return None  # "Instead of asking who made the mistake, …": "who" asks; nothing before it acts
        cleft = _cleft_focus(an, j - 1)
        if cleft is not None:
            return cleft
        return actor_ending_at(an, j - 1, names, owners)
    if (low in _CLAUSE_BREAKS or low in lex.STOPWORDS - PRONOUNS - W("i we he she they someone")) \
            and not (tokens[j].text == "A" and j > 0 and tokens[j - 1].low in ROLE_NOUNS):  # "Engineer A"
        return None
    found = _subject_before_participle(an, j, names, owners)
    if found is not None:
        return found
    found = _subject_over_relative(an, k, j, names, owners, groups)
    if found is not None:
        return found
    actor = actor_ending_at(an, j, names, owners)
    if actor is None or not actor.person:
        found = _subject_before_modifier(an, k, j, names, owners)
        if found is not None:
            return found
    inner = actor
    for _ in range(3):
        # "a developer at AWS", "one engineer on the team", "an employee of the state of
        # Colorado": the person before a chain of prepositional phrases is the subject
        if inner is None or inner.kind not in ("thing", "team") or inner.start < 2:
            break
        prep = tokens[inner.start - 1]
        if prep.sentence != sentence or prep.low not in ("at", "from", "on", "in", "of", "with", "for"):
            break
        head = actor_ending_at(an, inner.start - 2, names, owners)
        if head is not None and head.person and head.kind in ("role", "pronoun") and not head.generic:
            return head
        if head is not None and head.end >= 2 and tokens[head.end - 1].low in _POSTMODIFIERS:
            # "the engineer responsible for the change forgot …": an adjective after the person
            role = actor_ending_at(an, head.end - 2, names, owners)
            if role is not None and role.person and role.kind == "role" and not role.generic:
                return role
        inner = head
    return actor


# Verbs that put a question: "who" after them opens an indirect question, not a relative clause
# ("asking who made the mistake", "we wondered who had pushed").
_ASKING_VERBS = W("ask asks asked asking wonder wonders wondered wondering question questions questioned questioning")


# Words that may open a sentence whose subject, the writer, is left out: "Oops, forgot to bump
# the version", "Sorry, accidentally deleted the branch", "Totally missed that renewal".
_OPENERS = W("oops whoops sorry apologies ugh argh damn welp also just totally completely then and so ok okay yeah")
_OBJECT_STARTS = _DETERMINERS | W("to up it them him her me us out down about on off")


def _writer_implied(an: Analysis, clause) -> bool:
    """A clause with the writer as its unwritten subject: the verb group opens the sentence
    (after an interjection or an adverb at most), its verb is a past tense, and an object or a
    particle follows ("Missed alerts are escalated": an adjective before a noun, not a verb)."""
    tokens = an.tokens
    start, end = an.sentences[clause.sentence]
    if clause.verb != clause.main or clause.passive:
        return False
    # after a label the sentence starts again: "Root cause: copied a test config …", "14:05: Forgot …"
    start = max((t for t in range(start, clause.verb + 1) if tokens[t].initial), default=start)
    for t in range(start, clause.verb):
        if tokens[t].low not in _OPENERS and tokens[t].low not in ERROR_ADVERBS:
            return False
    main = tokens[clause.main].low
    if not (is_past_verb(main) or main in _IRREGULAR_PAST):
        return False
    return clause.main + 1 < end and tokens[clause.main + 1].low in _OBJECT_STARTS


_CLEFT_PRONOUNS = {"me": "i", "him": "he", "her": "she", "us": "we", "them": "they", "i": "i", "he": "he", "she": "she", "we": "we", "they": "they"}


def _coordinated_with_writer(an: Analysis, clause) -> bool:
    """ "Did a release, but totally forgot to change the version number": a verb after a
    coordinator (and adverbs) whose sentence opens with a verb group of the writer's."""
    tokens = an.tokens
    t = clause.verb - 1
    while t >= 0 and tokens[t].sentence == clause.sentence and _adverb(tokens[t].low):
        t -= 1
    if t < 1 or tokens[t].sentence != clause.sentence or tokens[t].low not in _COORDINATORS:
        return False
    start, _ = an.sentences[clause.sentence]
    groups = _verb_groups(an, start, t)
    if not groups or subject_of(an, groups[0][0]) is not None:
        return False
    first = Clause(clause.sentence, groups[0][0], groups[0][1], t, None, False, False)
    return _writer_implied(an, first)


def _cleft_focus(an: Analysis, j: int) -> Actor | None:
    """The person a cleft sentence picks out, for the relative clause after token ``j``: "It was
    me who pushed the bad config", "I was the one who deleted it", "he was the engineer that
    ran it"."""
    tokens = an.tokens
    sentence = tokens[j].sentence
    low = tokens[j].low
    if low in lex.OBJECT_PRONOUNS and j >= 2 and tokens[j - 1].low in ("was", "is", "were") \
            and tokens[j - 2].low == "it" and tokens[j - 2].sentence == sentence:
        return Actor(j, j + 1, "pronoun")  # "it was me who …"
    if low in ("one", "person", "guy", "engineer") and j >= 3 and tokens[j - 1].low == "the" and tokens[j - 2].low in ("was", "is", "were") \
            and tokens[j - 3].sentence == sentence and tokens[j - 3].low in _CLEFT_PRONOUNS:
        return Actor(j - 3, j - 2, "pronoun")  # "I was the one who …"
    return None


def _series_subject(an: Analysis, j: int, groups, names, owners) -> Actor | None:
    """A verb group after a comma that closes the object of the verb group before it: one of a
    series of acts with one subject ("The technician opened the cabinet, checked the labels and
    pulled the wrong cable"). The subject is that of the act before, when it opens the sentence
    (not "After the engineer restarted the service, deleted rows were replayed")."""
    tokens = an.tokens
    earlier = [g for g in groups if g[1] < j]
    if not earlier:
        return None
    first, main = earlier[-1]
    if any(tokens[t].low in _CLAUSE_BREAKS or _gap_is_comma(an, t, t + 1) for t in range(main + 1, j)):
        return None  # "…, which …", a second comma: not the object of that act
    actor = subject_of(an, first, names, owners, [g for g in groups if g[0] <= first])
    if actor is None or not actor.person or actor.generic or not _opens_main_clause(an, actor.start):
        return None
    return actor


def _opens_main_clause(an: Analysis, t: int) -> bool:
    """Whether token ``t`` stands where the main clause's subject stands: first in the sentence,
    after a label ("Root cause: the operator …"), after "then", or after an opening phrase with
    no verb of its own ("Yesterday, she …", "At 14:05 UTC, the operator …"; not "After the
    engineer restarted the service, deleted rows …")."""
    tokens = an.tokens
    if tokens[t].initial or t > 0 and tokens[t - 1].low == "then":
        return True
    if t == 0 or not _gap_is_comma(an, t - 1, t):
        return False
    b = t - 1
    while b >= 0 and tokens[b].sentence == tokens[t].sentence:
        if _is_finite(an, b) or tokens[b].low in _CLAUSE_BREAKS or tokens[b].low in _SUBORDINATORS:
            return False
        if tokens[b].initial:
            return True
        b -= 1
    return True


def _subject_across(an: Analysis, k: int, j: int, names, owners, groups) -> Actor | None:
    """A person subject separated from its verb (group at ``k``; ``j`` the last token before
    it) by a relative clause or a parenthesis: "Some people who were working on the next
    cabinet accidentally unplugged …", "The technician, who had been on shift for twelve
    hours, removed …", "The SRE, unaware of the migration, deleted …", "a contractor,
    Perfectshift, left …". Only the sentence's first noun phrase (or the first after a
    subordinator) is taken as the subject: "the alert that paged the engineer who was on call
    fired twice" is about the alert."""
    tokens = an.tokens
    sentence = tokens[k].sentence
    earlier = [g for g in (groups or ()) if g[0] < k]
    open_at = None  # the token before the relative pronoun or the opening comma
    if earlier and earlier[-1][0] > 0 and tokens[earlier[-1][0] - 1].low in ("who", "whoever"):
        first, main = earlier[-1]
        if any((tokens[t].low in _CLAUSE_BREAKS and not (tokens[t].low == "that" and t + 1 <= j and not _is_finite(an, t + 1)))
               or tokens[t].low in _COORDINATORS for t in range(main + 1, j + 1)):
            return None  # "… who restarted the pod that crashed", "… and then …": not one relative clause
        if any(_gap_is_comma(an, t, t + 1) for t in range(main, j)):
            return None  # the relative clause ends at a comma before another phrase
        open_at = first - 2 if tokens[first - 1].low == "who" else first - 1  # "Whoever pushed that config broke …"
    elif _gap_is_comma(an, j, j + 1):
        for back in range(j - 1, max(-1, j - 12), -1):
            if tokens[back].sentence != sentence:
                return None
            if _gap_is_comma(an, back, back + 1):
                open_at = back
                break
        if open_at is not None and tokens[open_at + 1].low in ("and", "then"):
            # a list of acts: "I noticed it, and changed the base branch, did not account for …":
            # the subject of the act before
            inner = [g for g in earlier if open_at < g[0] <= j]
            if len(inner) == 1 and inner[0][0] == open_at + 2:
                actor = subject_of(an, inner[0][0], names, owners, [g for g in earlier if g[0] <= inner[0][0]])
                if actor is not None and actor.person and not actor.generic:
                    return actor
            return None
        if open_at is None or tokens[open_at + 1].low in _CLAUSE_BREAKS or tokens[open_at + 1].low in _COORDINATORS:
            return None  # "…, so …", "…, and …": a clause, not a parenthesis
    if open_at is None or open_at < 0 or tokens[open_at].sentence != sentence:
        return None
    actor = actor_ending_at(an, open_at, names, owners)
    if actor is None or not actor.person or actor.generic and not (actor.start > 0 and tokens[actor.start - 1].low == "some"):
        return None
    if actor.generic:
        actor = Actor(actor.start - 1, actor.end, actor.kind)  # "some people who …"
    before = actor.start - 1
    if before >= 0 and tokens[before].sentence == sentence and not (
            tokens[before].low in _CLAUSE_BREAKS or tokens[before].low in ("and", "but", "then") or _gap_is_comma(an, before, actor.start)
            or tokens[actor.start].initial):  # after a label: "Root cause: the technician, Barker said, …"
        return None  # not the sentence's subject: "paged the engineer, who …"
    return actor


def _subject_before_modifier(an: Analysis, k: int, j: int, names, owners) -> Actor | None:
    """A person before a participle phrase that modifies it, the verb after the phrase: "An FAA
    technician preparing to do maintenance work on the power system knocked out …", "after an
    employee entering data about a cargo shipment typed …". The person must stand where a
    subject stands (the sentence's start, after a subordinator or a comma), and nothing in the
    phrase may be a verb of its own, a comma or a clause break."""
    tokens = an.tokens
    sentence = tokens[k].sentence
    start = an.sentences[sentence][0]
    for p in range(j, max(start, j - 15), -1):
        low = tokens[p].low
        if p < j and _gap_is_comma(an, p, p + 1) or low in _CLAUSE_BREAKS or low in _COORDINATORS:
            return None
        if low.endswith("ing") and len(low) > 4 and low not in lex.STOPWORDS:
            actor = actor_ending_at(an, p - 1, names, owners)
            if actor is None or not actor.person or actor.generic or actor.kind == "pronoun":
                continue
            b = actor.start - 1
            if b < start or tokens[b].sentence != sentence or tokens[b].low in _CLAUSE_BREAKS or tokens[b].low in _SUBORDINATORS \
                    or _gap_is_comma(an, b, actor.start) or tokens[actor.start].initial or tokens[b].low == "then":
                return actor  # also after a label ("Root cause: An FAA technician …") and "Then"
            return None
        if _is_finite(an, p) and not (p > start and tokens[p - 1].low == "to"):
            return None
    return None


_SUBORDINATORS = W("after before when while once as")


def _subject_over_relative(an: Analysis, k: int, j: int, names, owners, groups) -> Actor | None:
    """A person before a participle phrase whose object carries a relative clause: "An employee
    removing a piece of monitoring equipment that was causing problems [likely caused] …": the
    subject is found before the "that" of the clause that ends at ``j``."""
    tokens = an.tokens
    earlier = [g for g in (groups or ()) if g[0] < k]
    if not earlier:
        return None
    first, main = earlier[-1]
    if first == 0 or tokens[first - 1].low not in ("that", "which") or tokens[first - 1].sentence != tokens[k].sentence:
        return None
    if any(_gap_is_comma(an, t, t + 1) or tokens[t].low in _COORDINATORS or tokens[t].low in _CLAUSE_BREAKS for t in range(main + 1, j + 1)):
        return None
    rel = first - 1
    if rel < 2:
        return None
    found = _subject_before_participle(an, rel - 1, names, owners)
    return found if found is not None and found.person and not found.generic else None


def _gap_is_comma(an: Analysis, a: int, b: int) -> bool:
    """Whether the text between token ``a`` and ``b`` holds a comma or a dash."""
    if b >= len(an.tokens):
        return False
    between = an.text[an.tokens[a].end : an.tokens[b].start]
    return "," in between or "—" in between or "–" in between


def _subject_before_participle(an: Analysis, j: int, names, owners) -> Actor | None:
    """A person followed by a participle phrase that ends at ``j``: "An AWS engineer debugging
    an S3 billing issue in us-east-1 [mistakenly removed]", "A tired engineer, working late, [ran]"."""
    tokens = an.tokens
    sentence = tokens[j].sentence
    for back in range(j, max(-1, j - 16), -1):
        tok = tokens[back]
        if tok.sentence != sentence:
            return None
        if back < j and _is_finite(an, back):
            return None
        reduced = is_past_verb(tok.low) and back + 1 < len(tokens) and tokens[back + 1].low == "by"
        if (tok.low.endswith("ing") and len(tok.low) > 4 and back < j or reduced) and back > 0:
            p = back - 1
            while p >= 0 and tokens[p].sentence == sentence and tokens[p].low in ("late", "tired", "busy") :
                p -= 1
            if p >= 0 and tokens[p].sentence == sentence:
                actor = actor_ending_at(an, p, names, owners)
                if actor is not None and actor.person and not actor.generic:
                    return actor
    return None


# -------------------------------------------------------------------------- clauses


def clauses(an: Analysis, names: NameOptions = DEFAULT_NAMES, owners=None, cued_only: bool = False) -> list[Clause]:
    """The clauses of every sentence; with ``cued_only``, of the sentences holding a word that
    can frame an act as an error (the rest cannot blame anyone, and most sentences are such)."""
    out: list[Clause] = []
    cues = all_cue_words() if cued_only else CUE_WORDS
    for s, (start, end) in enumerate(an.sentences):
        if cued_only and not any(an.tokens[t].low in cues or an.tokens[t].low[:3] == "mis" and error_prefixed(an.tokens[t].low)
                                 or an.tokens[t].low == "never" and t + 1 < end and an.tokens[t + 1].low in DUTY_WORDS
                                 or an.tokens[t].low == "did" and t + 1 < end and _emphatic_cue(an.tokens[t + 1].low)
                                 or an.tokens[t].low in _PERFECT_AUX and _perfect_cue(an, t, end, cues)
                                 or an.tokens[t].low in DEGREE_CUES and _degree_cue(an, t, start)
                                 or an.tokens[t].low in CATENATIVES and _catenative_cue(an, t, end)
                                 or (an.tokens[t].low in _NEGATIONS or an.tokens[t].low in _NEGATED_AUX)
                                 and any(an.tokens[k].low in right_manner() for k in range(t + 1, end))
                                 for t in range(start, end)):
            continue
        groups = _verb_groups(an, start, end)
        for n, (first, main) in enumerate(groups):
            clause_end = groups[n + 1][0] if n + 1 < len(groups) else end
            actor = subject_of(an, first, names, owners, groups[:n + 1])
            lows = [an.tokens[t].low for t in range(first, main + 1)]
            negated = any(low in _NEGATIONS or low in _NEGATED_AUX for low in lows) or _never_before(an, first)
            passive = any(low in _PASSIVE_AUX for low in lows[:-1]) and is_participle(lows[-1])
            out.append(Clause(s, first, main, clause_end, actor, negated, passive))
    return out


def _question_clauses(an: Analysis, names, owners):
    """ "Why did they ignore that alert?": the subject after the auxiliary."""
    for i, tok in enumerate(an.tokens[:-2]):
        if tok.low in ("did", "didn't", "didn’t", "didnt", "do", "does") and an.tokens[i + 1].sentence == tok.sentence:
            actor = actor_ending_at(an, i + 1, names, owners)
            if actor is not None and actor.kind == "pronoun" and an.tokens[i + 2].sentence == tok.sentence:
                main = i + 2
                end = main + 1
                while end < len(an.tokens) and an.tokens[end].sentence == tok.sentence and an.tokens[end].low not in _CLAUSE_BREAKS \
                        and not _is_finite(an, end):
                    end += 1
                yield Clause(tok.sentence, i, main, end, actor, tok.low.endswith(("n't", "n’t", "nt")), False)


def blamed_acts(an: Analysis, names: NameOptions = DEFAULT_NAMES, owners=None) -> list[BlamedAct]:
    """The clauses of ``an`` that blame a person for an error-framed act (computed once per
    analysis: PM501 and PM507 both ask)."""
    key = (id(an), id(names), id(owners))
    hit = _BLAMED.get(key)
    if hit is not None and hit[0] is an and hit[1] is names and hit[2] is owners:
        return hit[3]
    if len(_BLAMED) > 256:
        _BLAMED.clear()
    found = _blamed_acts(an, names, owners)
    _BLAMED[key] = (an, names, owners, found)
    return found


_BLAMED: dict = {}


def _capitalised_actor_kind(low: str) -> str:
    """A capitalised word doing what only people do: a name ("Paramdeep mistyped one of the
    URLs"), unless it is an English word and no given name, then a group of people ("Support
    misread the ticket", "Security forgot to rotate the key")."""
    from ._people import is_english_word, is_given_name  # the dictionary loads only here

    return "team" if is_english_word(low) and not is_given_name(low) else "name"


def _blamed_acts(an: Analysis, names: NameOptions, owners) -> list[BlamedAct]:
    found = []
    for clause in [*clauses(an, names, owners, cued_only=True), *_question_clauses(an, names, owners)]:
        actor = clause.actor
        if actor is None and (_writer_implied(an, clause) or _coordinated_with_writer(an, clause)):
            actor = Actor(clause.verb, clause.verb + 1, "writer")  # "Forgot to bump the version, sorry"
        if actor is None or actor.generic:
            continue
        if not actor.person and _organisation_slip(an, clause, actor):
            found.append(BlamedAct(Actor(actor.start, actor.end, "team"), clause, *_organisation_slip(an, clause, actor), ""))
            continue
        if not actor.person and actor.end == actor.start + 1 and an.tokens[actor.start].capitalised \
                and an.tokens[clause.main].low in _ONLY_PEOPLE and an.tokens[actor.start].base.lower() not in lex.SYSTEMS \
                and not _title_case(an, clause.sentence):
            actor = Actor(actor.start, actor.end, _capitalised_actor_kind(an.tokens[actor.start].base.lower()))
        if not actor.person:
            owned = _owned_artefact(an, clause, actor)
            if owned is not None:
                found.append(BlamedAct(owned[0], clause, *owned[1:], ""))
                continue
            slip = _made_a_slip(an, clause)
            if slip is not None and an.tokens[actor.end - 1].low not in _NOT_SLIPPERS and not an.tokens[actor.end - 1].capitalised:
                found.append(BlamedAct(Actor(actor.start, actor.end, "role"), clause, *slip, ""))
            continue
        clause, cue = _cue_of(an, clause, actor)
        if cue is None:
            continue
        start, end, what = cue
        found.append(BlamedAct(actor, clause, start, end, what, None, an))
    return found


def _cue_of(an: Analysis, clause: Clause, actor: Actor):
    """(clause, cue) for the error framing of ``clause``, or of its catenative's complement
    ("I managed to push broken code": the clause then ends its verb group at the complement)."""
    cue = _error_cue(an, clause, actor)
    if cue is None:
        complement = _catenative_complement(an, clause)
        if complement is not None:
            clause = clause._replace(main=complement)
            cue = _error_cue(an, clause, actor, catenated=True)
    return clause, cue


# Catenative verbs of success, aspect and attempt: their subject does the act of their
# complement ("I managed to push broken code twice", "I keep misusing the release script",
# "she tried to restore the wrong snapshot", "he went on deleting").
CATENATIVES = W(
    """
    managed manage manages proceeded proceed proceeds kept keep keeps continued continue
    continues started start starts began begin begins tried try tries attempted attempt
    attempts happened happen happens
    """
)


def _catenative_complement(an: Analysis, clause: Clause) -> int | None:
    """The verb of a catenative's complement, a to-infinitive or a gerund (an adverb between):
    the token index, or None."""
    tokens = an.tokens
    if tokens[clause.main].low not in CATENATIVES or clause.negated or clause.passive:
        return None
    k = clause.main + 1
    infinitive = k < clause.end and tokens[k].low == "to"
    k += infinitive
    while k < clause.end and tokens[k].low in ERROR_ADVERBS | _SKIPPABLE_ADVERBS and tokens[k].low not in ("never", "not"):
        k += 1
    if k >= clause.end or tokens[k].sentence != clause.sentence or not _complement_cued(an, k, clause.end):
        return None
    low = tokens[k].low
    if infinitive and _base_verb(low) or not infinitive and k == clause.main + 1 and low.endswith("ing") and len(low) > 5 and _gerund_of_verb(low):
        return k
    return None


_COMPLEMENT_CUES = ERROR_ADVERBS | _WRONG | _SLIPS | lex.UNCHECKED | W("broken buggy bad instead without by")
_CATENATIVE_EVIDENCE = None


def catenative_screen(words: frozenset[str]) -> bool:
    """Whether a block's words (lower case) hold a catenative and a word that can frame its
    complement as an error ("proceeded to wipe", "keep misusing", "managed to push broken code"):
    "started the failover" and "kept checking" let no block through."""
    global _CATENATIVE_EVIDENCE
    if words.isdisjoint(CATENATIVES):
        return False
    if _CATENATIVE_EVIDENCE is None:
        bases = DESTRUCTIVE_BASES | frozenset(_DATA_DESTROYERS)
        gerunds = {b[:-1] + "ing" if b.endswith("e") else b + "ing" for b in bases} | {b + b[-1] + "ing" for b in bases}
        _CATENATIVE_EVIDENCE = _COMPLEMENT_CUES | bases | frozenset(gerunds) | ERROR_VERBS | OMISSION_VERBS | OMITTING
    return not words.isdisjoint(_CATENATIVE_EVIDENCE) or any(w[:3] == "mis" and len(w) > 6 for w in words)


def _catenative_cue(an: Analysis, t: int, end: int) -> bool:
    """Whether the catenative at ``t`` has a complement that can frame an error (the sentence
    ends at ``end``): only then is the sentence analysed for it."""
    k = t + 1 + (t + 1 < end and an.tokens[t + 1].low == "to")
    while k < end and an.tokens[k].low in ERROR_ADVERBS:
        k += 1
    return k < end and _complement_cued(an, k, end)


def _degree_cue(an: Analysis, t: int, start: int) -> bool:
    """ "was too slow", "not careful enough": the degree at ``t`` after a form of "be" (and a
    negation and an adjective for "enough"); the sentence starts at ``start``."""
    tokens = an.tokens
    if tokens[t].low == "too":
        return t > start and tokens[t - 1].low in _COPULAS
    return t - 2 >= start and (tokens[t - 2].low in ("not", "never") or tokens[t - 2].low in _COPULAS and tokens[t - 2].low.endswith(("n't", "n’t")))


def _complement_cued(an: Analysis, k: int, end: int) -> bool:
    """Whether a catenative's complement from token ``k`` (its clause ends at ``end``) can frame
    an error at all (a verb of error, of destruction or with "mis-", or a word of error after
    it), before any lemma is looked up: "kept checking the dashboards" is not read further."""
    tokens = an.tokens
    low = tokens[k].low
    stem = low[:-3] if low.endswith("ing") else low
    if low[:3] == "mis" or low in ERROR_VERBS or low in DESTRUCTIVE_BASES or stem in DESTRUCTIVE_BASES or stem + "e" in DESTRUCTIVE_BASES \
            or low in OMISSION_VERBS or low in OMITTING or stem in _DATA_DESTROYERS or stem + "e" in _DATA_DESTROYERS:
        return True
    return any(tokens[t].low in _COMPLEMENT_CUES for t in range(k + 1, end))


@lru_cache(maxsize=1024)
def _gerund_of_verb(low: str) -> bool:
    from ._language import _lemmas  # deferred: only after a catenative

    found = _lemmas(low)
    return found is not None and "VERB" in found


@lru_cache(maxsize=1024)
def _base_of(low: str) -> str:
    """The base form of the verb ``low`` ("misusing" -> "misuse"), or ``low`` itself."""
    import lemminflect  # deferred: only for a catenative's complement

    found = lemminflect.getLemma(low, upos="VERB")
    return found[0] if found else low


def acts_of_named(an: Analysis, people: frozenset[tuple[int, int]], names: NameOptions = DEFAULT_NAMES, owners=None) -> list[BlamedAct]:
    """Error-framed acts whose actor the clause analysis reads as a thing but the name rule
    recognises as a person: ``people`` holds the token ranges (start, end) of the names it found
    ("Chatspike staff member Brain typoed …", "Bayer Rosmarin consigned herself …")."""
    if not people:
        return []
    ends = {end: start for start, end in people}
    found = []
    for clause in clauses(an, names, owners, cued_only=True):
        actor = clause.actor
        if actor is None or actor.person or actor.generic or actor.end not in ends or ends[actor.end] < actor.start:
            continue
        named = Actor(ends[actor.end], actor.end, "name")
        clause, cue = _cue_of(an, clause, named)
        if cue is not None:
            found.append(BlamedAct(named, clause, *cue, _act_phrase(an, clause)))
    return found


# Nouns for a person in general: "the person who typed the wrong command" as an object is
# anyone's description, not an account of someone.
_GENERAL_PERSONS = W("person persons individual individuals human humans")
_PREPOSITIONS = W("on onto to at for by with against about of from into upon toward towards over under behind")


def _generic_person(an: Analysis, clause: Clause, actor: Actor) -> bool:
    """Statements about anyone, not accounts of someone: "you" in a sentence whose subject is a
    gerund ("Admitting you made a mistake means …"), and a person in general described by a
    relative clause in object position ("… by naming the person who typed the wrong command",
    "push the problem down onto the person that made a mistake")."""
    tokens = an.tokens
    start, _ = an.sentences[clause.sentence]
    head = tokens[actor.end - 1].low
    if head == "you" and actor.end == actor.start + 1:
        first = tokens[start].low
        if first.endswith("ing") and len(first) > 5 and tokens[start].initial and first not in lex.STOPWORDS \
                and not any(_gap_is_comma(an, t, t + 1) or _is_finite(an, t) for t in range(start, actor.start)):
            return True
    if head in _GENERAL_PERSONS and actor.start > start:
        lead = tokens[actor.start - 1].low
        if lead in _PREPOSITIONS or lead.endswith("ing") and len(lead) > 4:
            return True  # a preposition or a gerund governs the noun phrase
    return False


# Subordinators of condition of more than one word, or other than "if" and "unless": "in the
# event that a maintainer continues to disregard …", "as long as the engineer …".
_CONDITIONAL_PAIRS = (("event", "that"), ("in", "case"), ("provided", "that"), ("providing", "that"), ("long", "as"))
_CONDITIONALS = W("provided providing supposing suppose")


def _conditional_before(before) -> bool:
    """Whether the words just before an actor (``before``, lower case) end a subordinator of
    condition ("in the event that", "in case", "provided that", "as long as", "supposing")."""
    # the pair just before the actor, or before its determiner ("that a maintainer")
    if tuple(before[-2:]) in _CONDITIONAL_PAIRS or tuple(before[-3:-1]) in _CONDITIONAL_PAIRS:
        return True
    return bool(before) and before[-1] in _CONDITIONALS


def _error_cue(an: Analysis, clause: Clause, actor: Actor, catenated: bool = False) -> tuple[int, int, str] | None:
    tokens = an.tokens
    main = tokens[clause.main].low
    if catenated:
        main = _past_of(_base_of(main))  # "managed to push broken code", "keep misusing": the act, in the past
    elif clause.main > clause.verb and tokens[clause.verb].low == "did" and not clause.negated:
        main = _past_of(main)  # "TenaciousMapping did abuse his powers": the act, emphasised
    elif _perfect(an, clause):
        main = _simple_past(main)  # "I'd broken production", "had forgotten to renew": the act in the perfect
    lows = [tokens[t].low for t in range(clause.verb, clause.end)]
    # hypothetical or general statements are not accounts of what happened
    before = [tokens[t].low for t in range(max(0, actor.start - 3), actor.start) if tokens[t].sentence == clause.sentence]
    if any(low in ("if", "unless", "whether", "what") for low in before) or before[-1:] in (["never"], ["not"]) \
            or _conditional_before(before) \
            or actor.start > 0 and tokens[actor.start - 1].low == "should" and (
                actor.start == 1 or tokens[actor.start - 2].sentence != clause.sentence):
        return None  # "if someone deleted …", "it's never a single person who caused …"
    if any(low in _EPISTEMIC for low in before):
        return None  # "I feared I had accidentally deleted the user table": a fear, not an account
    if before[-2:] in (["think", "of"], ["thinks", "of"], ["imagine", "an"], ["picture", "an"]) or before[-3:-1] in (["think", "of"], ["thinks", "of"]) \
            or before[-2:] == ["just", "because"]:
        return None  # "we typically think of an operator hitting the wrong key", "just because someone leaked records doesn't mean …"
    if _generic_person(an, clause, actor):
        return None
    after = [tokens[t].low for t in range(clause.verb + 1, min(clause.end, clause.main + 3))
             if t > clause.main or tokens[t].low in _NONE_OBJECTS]  # "did nothing": "nothing" read as the main word
    if after[:1] and after[0] in _NONE_OBJECTS or after[:2] and after[0] == "no" and after[1:2] and after[1] in _NO_SLIPS:
        return None  # "the engineer did nothing wrong", "the intern made no mistake"
    if any(low in ("think", "believe", "thought", "believed") for low in before) and any(
            low in ("not", "never") or low.endswith(("n't", "n’t")) for low in before):
        return None  # "I don't think @philipdickinson overrode anything": a denial
    if any(low in _BELIEFS for low in before) and _taken_back(an, clause):
        return None  # "I thought I broke CODE, but it looks like I didn't": a belief taken back
    group = [tokens[t].low for t in range(clause.verb, clause.main + 1)]
    if any(low in ("can", "could", "might", "may", "would", "will", "can't", "cannot", "won't") for low in group):
        return None
    if clause.passive:
        return None
    cause = _act_as_cause(an, clause, actor)
    if cause is not None:
        return cause
    nobody = _none_did(an, clause, actor)
    if nobody is not None:
        return nobody
    lucky = main in _LUCKY_VERBS  # "we worked around the root cause by accident": luck, not an error
    # adverbs of error, before the verb or in its clause: "accidentally deleted", "unknowingly he disconnected"
    for t in range(max(actor.end, clause.verb - 3), clause.end):
        if tokens[t].sentence != clause.sentence:
            continue
        low = tokens[t].low
        if low in ERROR_ADVERBS and t == clause.end - 1 and clause.end < len(tokens) and tokens[clause.end].sentence == clause.sentence:
            continue  # "…, inadvertently blocked": the adverb of the next verb
        if lucky and (low == "by" or t <= clause.main + 3 and not any(_gap_is_comma(an, x, x + 1) for x in range(clause.main, t))) \
                and (t > clause.main or main in _DISCOVERIES):
            continue  # the adverb goes with the lucky verb: "worked around the root cause by accident"
        if (low in ERROR_ADVERBS or low == "badly" and t > clause.main) and not _negated_near(an, t, clause):
            return t, t + 1, f"{low} {tokens[clause.main].low}"
        if low == "by" and t + 1 < clause.end and tokens[t + 1].low in ("mistake", "accident"):
            return t, t + 2, f"{tokens[clause.main].low} by {tokens[t + 1].low}"
    for t in range(actor.start - 1, max(-1, actor.start - 6) if not lucky else actor.start - 1, -1):
        lead = tokens[t]
        if lead.sentence != clause.sentence or any(q in an.text[lead.end : tokens[t + 1].start] for q in '"”»'):
            break  # not across the end of a quotation: "“… acted improperly,” a spokeswoman said"
        if lead.low in ERROR_ADVERBS:
            return t, t + 1, lead.low
        if lead.low == "by" and t + 1 < actor.start and tokens[t + 1].low in ("mistake", "accident"):
            return t, t + 2, f"by {tokens[t + 1].low}"
        if lead.low == "without" and t + 1 < actor.start and (tokens[t + 1].low in _WITHOUT_DUTIES or _duty_gerund(tokens[t + 1].low)):
            return t, t + 2, f"without {tokens[t + 1].low}"  # "Without thinking, I saw “cancer” and hit “delete.”"
        if lead.low in _CLAUSE_BREAKS:
            break
    if clause.negated and _negation_in_group(an, clause) and main not in _STATE_VERBS and main not in _AWARENESS:
        # the right thing not done: "i'm not restarting the right service after updating the cert"
        for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
            if tokens[t].low in ("right", "correct", "proper") and t > clause.main + 1 and tokens[t - 1].low == "the" \
                    and t + 1 < clause.end and tokens[t + 1].low.isalpha():
                return clause.verb, t + 2, f"not {main} the {tokens[t].low} {tokens[t + 1].low}"
    if clause.negated and _never_before(an, clause.verb) and (is_past_verb(main) or main in _IRREGULAR_PAST) \
            and main not in _STATE_VERBS and main not in _AWARENESS:
        # an undo never done: "set LOG_LEVEL=DEBUG … and never changed it back"
        for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
            if tokens[t].low in ("back", "off") and not _explained(an, clause):
                return clause.verb - 1, t + 1, f"never {main} … {tokens[t].low}"
    if clause.negated and clause.verb < clause.main and tokens[clause.verb].low in _DID_NOT and main not in _STATE_VERBS \
            and main not in _AWARENESS and not _explained(an, clause):
        # an undo not done: "turned one of the warning systems off and didn't turn it back on"
        for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
            if tokens[t].low == "back" and t + 1 < clause.end and tokens[t + 1].low in ("on", "off", "up"):
                return clause.verb, t + 2, f"did not {main} … back {tokens[t + 1].low}"
    if main in _INTENDED and not clause.negated and clause.main + 1 < clause.end and tokens[clause.main + 1].low == "to":
        # the act that went otherwise: "I wanted to git pull instead I did pull request", "I had
        # intended to target a test server, not production"
        for t in range(clause.main + 2, len(tokens)):
            if tokens[t].sentence != clause.sentence:
                break
            if _explained(an, clause):
                break
            if tokens[t].low == "instead" or tokens[t].low == "not" and _gap_is_comma(an, t - 1, t) \
                    and t + 1 < len(tokens) and tokens[t + 1].sentence == clause.sentence and tokens[t + 1].low not in ("because", "since", "as"):
                return clause.main, t + 1, f"{main} to … {tokens[t].low}"
            if tokens[t].low in ("but", "because", "so") :
                break
    manner = _not_done_right(an, clause)
    if manner is not None:
        return manner
    degree = _degree_judged(an, clause, actor)
    if degree is not None:
        return degree
    if clause.negated:
        # a lapse: "did not copy the new code", "didn't slow down"
        perfect = main in DUTY_WORDS and any(tokens[t].low in ("have", "has", "had") or tokens[t].low.startswith(("haven", "hasn", "hadn"))
                                             for t in range(clause.verb, clause.main))  # "I haven't checked the invoices"
        if (main in DUTY_VERBS or main in DUTY_WORDS and (_never_before(an, clause.verb) or perfect)) and _negation_in_group(an, clause) \
                and not _explained(an, clause) and not _found_later(an, clause) and not _unable(an, clause) \
                and not _present_advice(an, clause):
            if main not in DUTY_VERBS:
                if perfect:
                    return clause.verb, clause.main + 1, f"not {main}"
                return clause.verb - 1, clause.main + 1, f"never {main}"
            return clause.verb, clause.main + 1, f"did not {main}"
        return None
    if (main in OMISSION_VERBS or main in OMITTING and clause.main == clause.verb and tokens[clause.main].low == main) and not _explained(an, clause):
        return clause.main, clause.main + 1, main
    if main == "failed" and clause.main + 2 < clause.end and tokens[clause.main + 1].low == "to" and not _explained(an, clause):
        nxt = tokens[clause.main + 2].low
        if nxt.isalpha() and nxt not in AUXILIARIES and nxt not in ("get", "find", "reach", "reproduce", "connect", "load", "start"):
            return clause.main, clause.main + 3, f"failed to {nxt}"  # "he had failed to make a full assessment"
    if main in _SHARING_VERBS:
        # secrets made public: "You uploaded all your credentials and service account info publicly"
        window = [tokens[t].low for t in range(clause.main + 1, min(clause.end, clause.main + 9))]
        # the secret is the head of its phrase, not a modifier: not "the credentials rotation notice"
        secret = next((w for n, w in enumerate(window) if w in _SECRET_NOUNS and (
            n + 1 == len(window) or window[n + 1] in lex.STOPWORDS or _adverb(window[n + 1]) or window[n + 1] in _IN_PUBLIC)), None)
        if secret is not None and (main in ("leaked", "exposed", "published") or any(w in _IN_PUBLIC for w in window)):
            return clause.main, clause.main + 1, f"{main} … {secret}"
    for t in range(clause.main + 1, min(clause.end, clause.main + 8)):
        # before the checks were done: "We merged it before all the tests showed success builds"
        if tokens[t].low in ("before", "without") and t + 1 < clause.end:
            k = t + 1
            while k < min(clause.end, t + 4) and tokens[k].low in ("all", "the", "any", "our", "its", "their", "ci"):
                k += 1
            if k < len(tokens) and tokens[k].sentence == clause.sentence and tokens[k].low in _CHECKS and tokens[t].low == "before" \
                    and main in _RELEASE_VERBS and not _explained(an, clause):
                return t, k + 1, f"{main} before the {tokens[k].low}"
    if main in ("left", "leaves", "leave") and not _explained(an, clause):
        # "left an unprotected database accessible to the public", "left the bucket exposed"
        for t in range(clause.main + 1, min(len(tokens), clause.main + 10)):
            low = tokens[t].low
            if _gap_is_comma(an, t - 1, t) or tokens[t].sentence != clause.sentence or low in _CLAUSE_BREAKS:
                break
            if low in _EXPOSED or low.startswith("un") and is_past_verb(low):
                return clause.main, t + 1, f"left … {low}"
    if main in ERROR_VERBS or error_prefixed(main):
        if main in ("ignored", "ignore", "ignores") and not _person_ignorable(an, clause):
            return None
        if actor.start > 0 and tokens[actor.start - 1].low in _ANY_THING and tokens[actor.start - 1].sentence == clause.sentence:
            return None  # "We review the timeline and add anything we have missed": whatever was missed, no account
        if main in _ATTENTION_LAPSES and _thing_explains(an, clause):
            return None  # "The on-call engineer missed the first page because it was routed to the wrong rotation"
        return clause.main, clause.main + 1, main
    if main in misdeeds() and not _explained(an, clause):
        return clause.main, clause.main + 1, main  # a misdeed: "violated the privacy act", "stole customer data"
    # "made a typo", "made several blunders", "had my own fun fuckup"
    for t in range(clause.main + 1, min(clause.end, clause.main + 6)):
        if _gap_is_comma(an, t - 1, t):
            break  # "Had we had a canary stage, the error would …": the slip is in another clause
        if tokens[t].low in _SLIPS and main in ("made", "make", "makes", "had", "making", "committed", "commits", "commit", "committing") \
                and not (main.startswith("commit") and tokens[t].low in ("error", "errors") and t + 1 < clause.end
                         and tokens[t + 1].low in ("handling", "handler", "message", "messages", "path")):
            return clause.main, t + 1, f"{main} {tokens[t].low}"  # "committed the same mistake"
    decision = _decided_against(an, clause)
    if decision is not None:
        return decision
    # the road not taken: "Instead of deploying to each server in turn, he opened …",
    # "someone wrote code … instead of using the library"
    road = _instead_of(an, clause, actor) or _instead_of_object(an, clause, actor)
    if road is not None:
        return road
    misdeed = _committed_misdeed(an, clause)
    if misdeed is not None:
        return misdeed
    # the wrong target: "deleted the wrong directory", "pushed the bad config", "a destructive command";
    # not what was perceived: "an engineer noticed the wrong certificate was being served"
    for t in range(clause.main + 1, clause.end if main not in _PERCEIVED else clause.main + 1):
        low = tokens[t].low
        if low.endswith("ing") and _gap_is_comma(an, t - 1, t) and low not in ("thinking", "believing", "assuming", "including"):
            break  # "…, attributing the outage to a faulty update": the object of another phrase
        if low in ("who", "whom") and t > clause.main + 1:
            break  # "… by naming the person who typed the wrong command": the relative clause's own act
        nxt = tokens[t + 1].low if t + 1 < clause.end else ""
        if low in _WRONG and (nxt not in ("with", "about", "that", "") or low == "wrong") and tokens[t - 1].low not in ("gone", "went", "go", "goes", "going", "gets", "got"):
            return t, min(t + 2, clause.end), f"{main} … {low} {nxt}".strip()
        if (low in ("broken", "buggy") or low in lex.UNCHECKED) and main in _RELEASE_VERBS and t > clause.main and not _negated_near(an, t, clause):
            return t, min(t + 2, clause.end), f"{main} … {low} {nxt}".strip()  # "pushed a broken build to main"
        if low == "bad":
            # "pushed the bad config", "made a bad database migration": the thing after its modifiers
            for k in range(t + 1, min(clause.end, t + 4)):
                if _gap_is_comma(an, k - 1, k) or tokens[k].low in lex.STOPWORDS:
                    break
                if tokens[k].low in _BAD_THINGS:
                    return t, k + 1, f"{main} the bad {tokens[k].low}"
        if low in _DANGEROUS and nxt in ("command", "commands", "query", "script", "operation"):
            return t, t + 2, f"{main} a {low} {nxt}"
        if low in ("most",) and nxt in _DANGEROUS and t == clause.main + 2 and tokens[t - 1].low == "the":
            # "ran the most dangerous command": the object itself; not "made the detection for the most dangerous account"
            return t, min(t + 3, clause.end), f"{main} the most {nxt} …"
        if low == "instead" and (main in DESTRUCTIVE_VERBS or main in _RUN_VERBS):
            return t, t + 1, f"{main} … instead"
        if low == "without" and (nxt in _WITHOUT_DUTIES or _duty_gerund(nxt) or _omitted_gerund(an, t + 1, clause)):
            return t, t + 2, f"{main} without {nxt}"
        if low == "without" and not _explained(an, clause):
            # "deployed the change without review", "upgrading without proper backups"
            k = t + 1
            while k < min(clause.end, t + 4) and tokens[k].low in _WITHOUT_FILLERS:
                k += 1
            if k < clause.end and tokens[k].low in _WITHOUT_NOUNS:
                return t, k + 1, f"{main} without {tokens[k].low}"
        if low == "than" and nxt in ("intended", "expected", "planned"):
            return t, t + 2, f"{main} more than {nxt}"
        if low in ("thinking", "believing", "assuming") and t > clause.main + 1 and _gap_is_comma(an, t - 1, t):
            return t, t + 1, f"{main}, {low} …"
    # damage: "took down the exchange", "broke production", "caused a pretty serious outage"
    particles = _DAMAGE_PARTICLE_VERBS.get(main)
    if particles and clause.main + 1 < clause.end and not _taken_down_for_a_reason(an, clause):
        for t in range(clause.main + 1, min(clause.end, clause.main + 5)):
            if tokens[t].low in particles:
                return clause.main, t + 1, f"{main} {tokens[t].low}"
    if main in ("destroyed", "trashed", "nuked"):
        return clause.main, clause.main + 1, main
    if main in _SEVERING:
        # physical damage: "cut the cable", "severed a fibre line", "hit a gas main"
        for t in range(clause.main + 1, min(clause.end, clause.main + 6)):
            if tokens[t].low in _PREPOSITIONS and not (t == clause.main + 1 and tokens[t].low in ("through", "into")) or tokens[t].low in ("over", "back"):
                break  # "cut over to the new line of routers": not the object
            if tokens[t].low in _INFRASTRUCTURE and not _explained(an, clause):
                return clause.main, t + 1, f"{main} the {tokens[t].low}"
    if main in _DAMAGE_VERBS and clause.main + 1 < clause.end and tokens[clause.main + 1].low not in ("out", "into", "through"):
        return clause.main, clause.main + 1, main
    if main in _CAUSED:
        for t in range(clause.main + 1, min(clause.end, clause.main + 6)):
            if tokens[t].low in _DAMAGE_NOUNS:
                return clause.main, t + 1, f"{main} the {tokens[t].low}"
            if tokens[t].low in _CAUSED_HARM and _ends_phrase(an, t) and not _explained(an, clause):
                return clause.main, t + 1, f"{main} a {tokens[t].low}"  # "I introduced a second bug"
    # destruction of live data: "ran a recursive delete against the live production database"
    if main in DESTRUCTIVE_VERBS or main in ("ran", "executed", "typed", "issued") and any(l in ("delete", "rm", "drop", "truncate", "wipe", "purge", "destroy") for l in lows):
        window = lows[: 10]
        if any(low in _LIVE_TARGETS for low in window):
            return clause.main, clause.main + 1, f"{main} live data"
        if actor.kind == "pronoun" and _first_person_singular(tokens[actor.start].low) and main in DESTRUCTIVE_VERBS and main not in _HOUSEKEEPING:
            return clause.main, clause.main + 1, main  # not "I removed the branch protection rules …, you should be able to remove it now"
    lost = _data_destroyed(an, clause)
    if lost is not None:
        return lost
    harm = _caused_harm(an, clause) or _made_worse(an, clause)
    if harm is not None:
        return harm
    cut = _power_cut(an, clause) or _physical_mishap(an, clause)
    if cut is not None:
        return cut
    culprit = _cleft_culprit(an, clause)
    if culprit is not None:
        return culprit
    # "… deployed a config change that took down their payment processing"
    for t in range(clause.main + 1, clause.end):
        if tokens[t].low in ("that", "which") and t + 1 < len(tokens) and tokens[t + 1].sentence == clause.sentence:
            nxt = tokens[t + 1].low
            after = tokens[t + 2].low if t + 2 < len(tokens) and tokens[t + 2].sentence == clause.sentence else ""
            if (nxt in _DAMAGE_PARTICLE_VERBS and after in _DAMAGE_PARTICLE_VERBS[nxt]) or nxt in ("broke", "wiped", "deleted", "corrupted", "crashed"):
                return t + 1, t + 2 + (after in _DAMAGE_PARTICLE_VERBS.get(nxt, ())), f"{main} … {nxt}"
            break
    return None


_SHARING_VERBS = W("uploaded posted pushed committed published shared leaked exposed pasted checked")
_SECRET_NOUNS = W("credentials credential password passwords secret secrets token tokens keys api-key api-keys private")
_IN_PUBLIC = W("publicly public github online internet")
_CHECKS = W("tests test checks check ci build builds review reviews pipeline")
_RELEASE_VERBS = W("merged pushed deployed released shipped published tagged committed applied")
_EPISTEMIC = W("feared fear fears worried worry afraid suspected suspect wondered wonder imagined imagine")
_STATE_VERBS = W(
    """
    had has have was were is are knew know wanted want thought think needed need did does do
    seemed seems felt feel believed believe expected expect assumed assume could would
    """
)
_CULPRIT_PRONOUNS = W("i he she someone somebody")
_REPORTED = W(
    """
    said told heard received got requested decided approved agreed replied responded went came
    arrived left returned joined learned learnt realised realized recognised recognized
    """
)


def _act_as_cause(an, clause, actor):
    """A person's act given as the reason something happened: "It was because someone on the
    security team added a firewall rule to prod", "… occurred because a developer ran an ELB
    purge job". The organisation's "we" is not a culprit ("because we deployed a new
    version"), and states are not acts ("because the engineer had no access")."""
    tokens = an.tokens
    if clause.negated or actor.kind not in ("role", "name", "handle", "pronoun"):
        return None
    if actor.kind == "pronoun" and tokens[actor.start].low not in _CULPRIT_PRONOUNS:
        return None
    t = actor.start - 1
    if t >= 0 and tokens[t].low in ("but", "and") and tokens[t].sentence == clause.sentence:
        t -= 1
    if t < 0 or tokens[t].sentence != clause.sentence or tokens[t].low != "because":
        return None
    if clause.verb == actor.end + 1 and tokens[actor.end].low in ("who", "that"):
        return None  # "because the engineer who made the change has the most context": the act describes the person
    if _works_as_designed(an, clause.sentence, t):
        return None  # "The HTML loads, because I excluded main_frame": how a thing works, not why it broke
    main = tokens[clause.main].low
    if main in _STATE_VERBS or main in AUXILIARIES or main in lex.RESPONSE_VERBS or main in _DISCOVERIES or main in _REPORTED \
            or not (is_past_verb(main) or main in _IRREGULAR_PAST):
        return None  # "because the engineer saw errors in the logs": a response, not a cause
    return t, clause.main + 1, f"because … {main}"


# What an effect clause says when it reports trouble: "the site is down because …", "the job fails
# because …".
_TROUBLE = lex.FAILURE_CUES | W(
    """
    down fail fails outage outages error errors crash crashes slow unavailable missing lost loses stale
    empty blank dead stuck hang hangs timeout timeouts degraded gone problem problems issue issues
    not no never nothing can't can’t cannot won't won’t doesn't doesn’t isn't isn’t aren't aren’t
    """
)


def _works_as_designed(an, sentence, because) -> bool:
    """Whether the clause before "because" at ``because`` tells how something works now, in the
    present and with no word of trouble ("The HTML loads, because I excluded main_frame"): the
    act it gives as the reason is a design, not the cause of an incident. "The site is down
    because someone deleted the record" reports trouble; "It broke because …" is past."""
    from ._modality import told_in_past

    before = [tok.low for tok in an.sentence_tokens(sentence) if tok.start < an.tokens[because].start]
    if len(before) < 2 or before[0] in ("it", "it's", "it’s", "this", "that", "which"):
        return False  # "It was because …", "This is because …": the effect is elsewhere
    return not told_in_past(before) and not any(low in _TROUBLE or low in _IRREGULAR_PAST for low in before)


def _none_did(an, clause, actor):
    """ "Neither flight crewmember adequately monitored the airspeed", "none of the reviewers
    checked the diff": a duty left undone, told through the people who did not do it."""
    tokens = an.tokens
    first = tokens[actor.start].low
    if first not in ("neither", "none") or clause.negated or _explained(an, clause):
        return None
    main = tokens[clause.main].low
    if not (is_past_verb(main) or main in _IRREGULAR_PAST):
        return None
    from ._language import _lemmas  # deferred: the lexicon loads only for such a clause

    found = _lemmas(main)
    verbs = found.get("VERB", ()) if found else ()
    if any(v in DUTY_VERBS for v in verbs):
        return actor.start, clause.main + 1, f"{first} … {main}"
    return None


_COMMIT_VERBS = W("committed commits commit")


def _committed_misdeed(an, clause):
    """ "an employee who had committed sabotage", "the clerk committed fraud": a misdeed from the
    VADER lexicon's nouns of harm as what a person committed; not code committed ("committed a fix
    for the crash", "committed the crash dump": the noun is not the head of the object)."""
    tokens = an.tokens
    if tokens[clause.main].low not in _COMMIT_VERBS or clause.negated or clause.passive:
        return None
    for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
        low = tokens[t].low
        if low in _DETERMINERS or low in ("an", "further", "another", "more"):
            continue
        nxt = tokens[t + 1] if t + 1 < len(tokens) and tokens[t + 1].sentence == clause.sentence else None
        if low in harms() and (nxt is None or not nxt.low.isalpha() or nxt.low in lex.STOPWORDS or _gap_is_comma(an, t, t + 1)):
            return clause.main, t + 1, f"{tokens[clause.main].low} {low}"
        break
    return None


def _instead_of_object(an, clause, actor):
    """ "A trader keyed in £300m instead of £3m", "the employee sent the email via her personal
    account instead of the council's secure system": a past act of a role, a named person, "he"
    or "she" on the wrong thing. Not "we"/"I" ("we used a queue instead of calling the service" is a design)
    and not with a reason given."""
    tokens = an.tokens
    if not (actor.kind in ("role", "name", "handle") or actor.kind == "pronoun" and an.tokens[actor.start].low in ("he", "she")) \
            or actor.generic or clause.negated:
        return None
    main = tokens[clause.main].low
    if not (is_past_verb(main) or main in _IRREGULAR_PAST) or main in _STATE_VERBS or main in _REPORTED:
        return None
    for t in range(clause.main + 1, min(clause.end, clause.main + 14) - 1):
        if tokens[t].low in _CLAUSE_BREAKS and t > clause.main + 1:
            break
        if tokens[t].low == "instead" and tokens[t + 1].low == "of" and not _explained(an, clause):
            nxt = tokens[t + 2].low if t + 2 < len(tokens) and tokens[t + 2].sentence == clause.sentence else ""
            if nxt.endswith("ing") and len(nxt) > 4:
                return None  # "escalated … instead of handling each one": a choice of acts, told either way
            return t, t + 2, f"{main} … instead of"
    return None


def _instead_of(an, clause, actor):
    """ "Instead of <doing>, <person> <did>": a person's act framed as the wrong choice. Only
    before the actor: "we used a queue instead of calling the service" is a design."""
    tokens = an.tokens
    first = next((t for t in range(actor.start, -1, -1) if t == 0 or tokens[t - 1].sentence != clause.sentence), actor.start)
    for t in range(first, actor.start):
        if tokens[t].low == "instead" and t + 2 < len(tokens) and tokens[t + 1].low == "of" and tokens[t + 2].sentence == clause.sentence:
            doing = tokens[t + 2].low
            if doing.endswith("ing") and len(doing) > 4 and doing not in ("something", "nothing", "everything", "anything", "during", "being"):
                main = tokens[clause.main].low
                if not (is_past_verb(main) or main in _IRREGULAR_PAST or main in _NARRATIVE_PRESENT):
                    return None  # "Instead of asking who made the mistake, we ask what made it possible": a practice
                return t, t + 3, f"{main} instead of {doing}"
    return None


_NARRATIVE_PRESENT = W(
    """
    deletes wipes drops runs pushes merges deploys reverts clones types forgets ignores removes
    breaks causes makes takes kills restarts changes misses overwrites truncates applies
    disables misconfigures
    """
)
# The head nouns that make an organisation of a capitalised phrase in a headline, where every
# word has a capital ("The Dutch Data Protection Authority Accidentally Leaked …").
_ORGANISATION_HEADS = W(
    """
    authority agency council ministry department university college school hospital bank services
    commission office trust board company corporation corp inc ltd plc llc group government police
    """
)
_DISCLOSURE_VERBS = W(
    """
    released releases sent sends leaked leaks exposed exposes published publishes emailed emails
    deleted deletes posted posts shared shares spaffs spaffed disclosed discloses
    """
)


def _organisation_slip(an, clause, actor):
    """ "University of Canberra accidentally sends 24 staff details": an organisation, not a
    system, as the actor of an accidental disclosure."""
    tokens = an.tokens
    head = tokens[actor.end - 1]
    if not head.capitalised or head.base.lower() in lex.SYSTEMS or head.low in lex.STOPWORDS:
        return None
    if tokens[clause.main].low not in _DISCLOSURE_VERBS:
        return None
    if _title_case(an, head.sentence) and head.low not in _ORGANISATION_HEADS:
        return None  # in a headline every word has a capital: "Database Failover Accidentally Deleted …"
    for t in range(actor.end, clause.main):
        if tokens[t].low in ("accidentally", "mistakenly", "erroneously", "inadvertently"):
            return t, clause.main + 1, f"{tokens[t].low} {tokens[clause.main].low}"
    return None


_ONLY_PEOPLE = lex.HUMAN_ONLY_VERBS | W("forgot mistyped misread misremembered apologised apologized")
_NOT_SLIPPERS = W("it this that which script job code program system service tool change process config")


_DECISION_VERBS = W("decided decide decides chose choose chooses opted opt opts elected elect elects")
_SKIP_BASES = W("skip bypass circumvent disregard omit override ignore neglect")


def _decided_against(an, clause):
    """A decision framed as an error: deciding not to do a duty ("decided not to run the tests",
    "who decided not to do things properly") or to pass over a safeguard ("chose to skip the
    canary stage", "opted to bypass the review")."""
    tokens = an.tokens
    if tokens[clause.main].low not in _DECISION_VERBS or clause.negated:
        return None
    k = clause.main + 1
    negated = k < len(tokens) and tokens[k].low in ("not", "never") and tokens[k].sentence == clause.sentence
    k += negated
    if k + 1 >= len(tokens) or tokens[k].low != "to" or tokens[k + 1].sentence != clause.sentence:
        return None
    verb = tokens[k + 1].low
    if negated and (verb in DUTY_VERBS or verb == "do" and any(
            tokens[t].low in ("properly", "correctly", "right", "carefully") for t in range(k + 2, min(len(tokens), k + 6)) if tokens[t].sentence == clause.sentence)):
        return clause.main, k + 2, f"{tokens[clause.main].low} not to {verb}"
    if not negated and verb in _SKIP_BASES and not _explained(an, clause):
        return clause.main, k + 2, f"{tokens[clause.main].low} to {verb}"
    return None


def _made_a_slip(an, clause):
    """ "an admin referred to as team-member-1 made a mistake" """
    tokens = an.tokens
    if tokens[clause.main].low not in ("made", "make", "makes") or clause.negated:
        return None
    for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
        if tokens[t].low in ("mistake", "mistakes", "typo", "typos", "blunder", "blunders"):
            return clause.main, t + 1, f"made a {tokens[t].low}"
    return None


# Free-choice words a relative clause may hang on: "anything we have missed".
_ANY_THING = W("anything everything whatever whichever")
# Lapses of attention: what was not seen or not read right.
_ATTENTION_LAPSES = W("missed overlooked misread misunderstood misjudged")
# Words that open a noun phrase after "because" and say nothing of who it is.
_REASON_LEADS = W("the a an its their our this that these those both all every each some no")


def _thing_explains(an, clause) -> bool:
    return thing_explains(an, clause.main)


def thing_explains(an, main: int) -> bool:
    """Whether a reason after the verb at ``main`` has a thing, not a person, as its subject:
    "missed the page because it was routed to the wrong rotation", "overlooked the change since
    the diff was 3,000 lines long". "Missed the alert because he was asleep" gives the person as
    the reason."""
    tokens = an.tokens
    sentence = tokens[main].sentence
    for t in range(main + 1, len(tokens) - 1):
        if tokens[t].sentence != sentence:
            return False
        if tokens[t].low in ("because", "since", "as"):
            k = t + 1
            while k < len(tokens) and tokens[k].sentence == sentence and tokens[k].low in _REASON_LEADS:
                k += 1
            if k >= len(tokens) or tokens[k].sentence != sentence:
                return False
            low = tokens[k].low
            return low not in PRONOUNS and low not in ROLE_NOUNS and low not in lex.TEAM_NOUNS and low != "they" \
                and not tokens[k].text[:1].isupper() and not low.startswith("@")
    return False


def _taken_down_for_a_reason(an, clause) -> bool:
    """ "We have taken Jenkins down due to some security concerns": a thing taken down with its
    reason given is an operation done on purpose, not damage."""
    return _explained(an, clause) or any(
        an.tokens[t].low == "due" and t + 1 < len(an.tokens) and an.tokens[t + 1].low == "to"
        for t in range(clause.main + 1, len(an.tokens)) if an.tokens[t].sentence == clause.sentence)


def _explained(an, clause) -> bool:
    """ "did not notice the alert because both alerts shared a title", "… so we didn't catch the
    issue in testing": the reason is given."""
    actor = clause.actor
    if actor is not None and actor.start > 0 and an.tokens[actor.start - 1].low in ("so", "therefore", "hence", "thus") \
            and an.tokens[actor.start - 1].sentence == clause.sentence:
        return True
    return any(
        an.tokens[t].low in ("because", "since", "so") for t in range(clause.main + 1, len(an.tokens))
        if an.tokens[t].sentence == clause.sentence
    )


_DID_NOT = W("didn't didn’t didnt")
_INTENDED = W("intended meant wanted planned")
_AWARENESS = W("realize realise notice understand see know")


def _found_later(an, clause) -> bool:
    """ "he did not realize it until it had been sent": when the slip was found, not a lapse."""
    return an.tokens[clause.main].low in _AWARENESS and any(
        an.tokens[t].low == "until" for t in range(clause.main + 1, min(len(an.tokens), clause.main + 6))
        if an.tokens[t].sentence == clause.sentence)


def _first_person_singular(low: str) -> bool:
    low = "i" if low == "me" else low
    return low == "i" or low.startswith(("i'", "i’"))


# Auxiliaries of ability: "we couldn't wait" says what was not possible, not a duty skipped.
_ABILITY_AUX = W("could couldn't couldn’t couldnt can can't can’t cannot cant")


def _unable(an, clause) -> bool:
    """Whether the negated verb group is one of ability ("we felt that we couldn't wait", "the
    operator could not reach the console"): what could not be done, not a lapse."""
    tokens = an.tokens
    eager = clause.main + 1 < len(tokens) and tokens[clause.main + 1].low == "to" and tokens[clause.main + 1].sentence == clause.sentence
    return not eager and any(tokens[t].low in _ABILITY_AUX for t in range(clause.verb, clause.main))  # "couldn't wait to ship it": eagerness


_DO_NOT = W("don't don’t dont doesn't doesn’t doesnt do does")


def _present_advice(an, clause) -> bool:
    """A negated present said to "you" or anyone, in a sentence with no past: what to avoid, not
    a lapse told ("Make sure you don't run this on production"; "he didn't run the tests" is an
    account, and "they don't test their backups" a practice of people named)."""
    from ._modality import told_in_past

    actor = clause.actor
    if actor is None or an.tokens[actor.start].low not in ("you", "anyone", "anybody", "one"):
        return False  # "They don't test their backups": a practice of people named, still told
    if not any(an.tokens[t].low in _DO_NOT for t in range(clause.verb, clause.main)):
        return False
    return not told_in_past([t.low for t in an.sentence_tokens(clause.sentence)], duties=False)


@lru_cache(maxsize=1)
def right_manner() -> frozenset[str]:
    """The antonyms of the adverbs of error ("properly", "correctly", "carefully", from WordNet:
    ``_slip_words.py``): under a negation they frame the act as an error as their antonyms do.
    Loaded when a negated sentence first reaches the clause analysis."""
    from ._slip_words import RIGHT_MANNER_ADVERBS

    return RIGHT_MANNER_ADVERBS


def _not_done_right(an, clause):
    """An act a person did not do in the right manner ("the operators did not respond properly",
    "I never tested it carefully", "we didn't properly validate the input"): the negation and an
    antonym of an adverb of error (:func:`right_manner`) in the same clause say what "responded
    improperly" says. Not an inability ("could not configure it properly"), a reason given, a
    state ("didn't understand it properly") or advice to anyone."""
    tokens = an.tokens
    if not any(tokens[t].low in right_manner() for t in range(clause.verb + 1, min(clause.end, clause.main + 9))):
        return None  # no adverb of the right manner: nothing to look up
    main_at = clause.main
    if main_at == clause.verb and tokens[main_at].low in ("did", "do", "does") and main_at + 2 < clause.end \
            and tokens[main_at + 1].low in ("not", "never") and _base_verb(tokens[main_at + 2].low):
        main_at += 2  # "did not respond properly": the base after "did not"
    elif not clause.negated or not _negation_in_group(an, clause):
        return None
    main = tokens[main_at].low
    if main in _STATE_VERBS or main in _AWARENESS or main in AUXILIARIES:
        return None
    clause = clause._replace(main=main_at)
    for t in range(clause.verb + 1, min(clause.end, clause.main + 7)):
        if t > clause.main and _gap_is_comma(an, t - 1, t) or tokens[t].sentence != clause.sentence:
            break
        if tokens[t].low in right_manner():
            if t > clause.main and t + 1 < len(tokens) and tokens[t + 1].sentence == clause.sentence and is_participle(tokens[t + 1].low):
                return None  # "did not deploy properly tested builds": the adverb of an adjective
            if _explained(an, clause) or _unable(an, clause) or _present_advice(an, clause) or _found_later(an, clause):
                return None
            return clause.verb, max(t, clause.main) + 1, f"not {main} {tokens[t].low}"
    return None


# "too slow to respond", "not careful enough": a degree that judges the person against a standard.
_COPULAS = W(
    "was were is are am been be being 'm ’m 're ’re i'm i’m we're we’re they're they’re he's he’s she's she’s"
    " wasn't wasn’t weren't weren’t isn't isn’t aren't aren’t"
)
_AMOUNTS = W("much many few little often")  # "too many people", "too much load": an amount, not the person


def _degree_judged(an, clause, actor):
    """A person judged against a standard by a degree, as the predicate of their clause: "the
    on-call engineer was too slow to respond", "I was too hasty", "the reviewer was not thorough
    enough", "we weren't quick enough to roll back". The degree ("too", "not … enough") with an
    adjective of how someone acted (:func:`_manner_adjective`), after a form of "be" whose subject is a role, a name or
    a pronoun for a person (not a team, not people in general, not an amount: "too many
    people")."""
    tokens = an.tokens
    if actor.kind not in ("role", "pronoun", "name", "handle") or actor.generic or clause.passive:
        return None
    group = [tokens[t].low for t in range(clause.verb, clause.main + 1)]
    if group[-1] not in _COPULAS and not (clause.main == actor.start and group[-1] in _COPULAS):
        return None
    t = clause.main + 1
    if t < clause.end and tokens[t].low in ("not", "never") and not clause.negated:
        t += 1
    if t + 1 >= clause.end or tokens[t].sentence != clause.sentence:
        return None
    if tokens[t].low == "too" and not clause.negated:
        adjective, end = tokens[t + 1].low, t + 2
    elif clause.negated or tokens[clause.main + 1].low in ("not", "never"):
        adjective, end = tokens[t].low, t + 1
        if end >= clause.end or tokens[end].low != "enough":
            return None
        end += 1
    else:
        return None
    if adjective in _AMOUNTS or adjective in lex.STOPWORDS or not adjective.isalpha() or _explained(an, clause):
        return None
    if not _manner_adjective(adjective):
        return None
    return t, end, ("not " if end > t + 1 and tokens[end - 1].low == "enough" else "") + " ".join(tokens[k].low for k in range(t, end))


# The qualities of conduct a degree judges: care and speed ("too hasty", "not careful enough",
# "too slow to respond"). Not a status, an occupation, a time, a place or a certainty ("too new
# to the service", "too busy with a second incident", "too late to stop it", "too close to the
# change to review it", "not sure enough of the cause"), which say what the person could not do
# or know, not how they acted.
_CARE_AND_SPEED = W(
    """
    careful careless thorough diligent attentive cautious vigilant meticulous rigorous sloppy
    negligent hasty rash reckless slow quick fast hurried
    """
)


@lru_cache(maxsize=1024)
def _manner_adjective(low: str) -> bool:
    """An adjective of how someone acted: one of care or speed (``_CARE_AND_SPEED``), one that
    judges a person (``_judgement_words.ADJECTIVES``, from the VADER lexicon: "too lazy", "too
    immature"), or one whose adverb in -ly is an adverb of error or of the right manner
    ("improper": "improperly", "precise": "precisely")."""
    from ._judgement_words import ADJECTIVES  # deferred: loads only for such a degree

    if low in _CARE_AND_SPEED or low in ADJECTIVES:
        return True
    if low.endswith("y") and len(low) > 3:
        adverb = low[:-1] + "ily"
    elif low.endswith("le") and len(low) > 3:
        adverb = low[:-1] + "y"
    elif low.endswith("ic"):
        adverb = low + "ally"
    else:
        adverb = low + "ly"
    return adverb in ERROR_ADVERBS or adverb in right_manner()


def _negation_in_group(an, clause) -> bool:
    return _never_before(an, clause.verb) or any(
        an.tokens[t].low in _NEGATIONS or an.tokens[t].low in _NEGATED_AUX for t in range(clause.verb, clause.main))


def _never_before(an, first) -> bool:
    """ "The engineer never tested the restore": the negation is an adverb before the verb group;
    "pushed it globally and not tested it": "not" after a coordinator, the auxiliary shared."""
    if first == 0 or an.tokens[first - 1].sentence != an.tokens[first].sentence:
        return False
    low = an.tokens[first - 1].low
    return low == "never" or low == "not" and first > 1 and an.tokens[first - 2].low in ("and", "but", "or")


def _negated_near(an, t, clause) -> bool:
    return any(an.tokens[k].low in ("not", "never", "no", "without") for k in range(max(clause.verb, t - 2), t))


def _person_ignorable(an, clause) -> bool:
    """ "ignored the alert/warning/page" is a lapse; "ignored the error code" is a program."""
    return True


_ACT_WORDS = 10  # words after the verb a hint quotes at most


def _act_phrase(an: Analysis, clause: Clause) -> str:
    """The act as a gerund phrase, for a hint: "ran rm -rf on the primary" -> "running rm -rf on the primary".
    It ends at the clause's end, at punctuation, or before a phrase cut short; never on a
    preposition or a determiner ("disconnecting a power supply at a data center", not
    "… at a data center near")."""
    tokens = an.tokens
    main = tokens[clause.main]
    words = []
    capped = False
    for t in range(clause.main + 1, clause.end):
        tok = tokens[t]
        if tok.sentence != clause.sentence or tok.low in ERROR_ADVERBS:
            continue
        if t > clause.main + 1 and (_gap_is_comma(an, t - 1, t) or tok.low in _CLAUSE_BREAKS or tok.low in _COORDINATORS):
            break
        if words and punctuation_between(an, words[-1], tok):
            break
        if len(words) == _ACT_WORDS:
            capped = True
            break
        words.append(tok)
    words = [tok.text for tok in whole_phrase(words, capped)]
    verb = _gerund(main.low)
    if not verb:
        return ""
    return " ".join([verb, *words]).strip()


@lru_cache(maxsize=512)
def _gerund(low: str) -> str:
    particles = {"took": "taking", "ran": "running", "made": "making", "forgot": "forgetting", "wrote": "writing"}
    if low in particles:
        return particles[low]
    try:
        import lemminflect  # deferred: only when a hint is written
    except ImportError:  # pragma: no cover
        return ""
    lemmas = lemminflect.getLemma(low, upos="VERB")
    if not lemmas:
        return ""
    forms = lemminflect.getInflection(lemmas[0], tag="VBG")
    return forms[0] if forms else ""


# -------------------------------------------------------------------------- beyond the clause

_OWNERS = W("my his her their our your")
_OWNED_SLIPS = W("mistake mistakes oversight fuckup fuck-up screwup screw-up blunder typo typos fault")
_ERROR_ADJECTIVES = W("accidental mistaken erroneous careless negligent")


def _ends_phrase(an: Analysis, j: int) -> bool:
    """Whether token ``j`` is the head of its noun phrase: the sentence, a comma, a function word
    or a finite verb follows ("introduced a bug in the parser", not "introduced a bug bounty")."""
    tokens = an.tokens
    return j + 1 >= len(tokens) or tokens[j + 1].sentence != tokens[j].sentence or tokens[j + 1].low in _PHRASE_ENDS \
        or _gap_is_comma(an, j, j + 1) or _is_finite(an, j + 1)


def owned_slips(an: Analysis) -> list[tuple[int, int, str]]:
    """A slip owned by a person: "my mistake", "an oversight on my part", "his own fun fuckup"."""
    found = []
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if tok.possessive and tok.base.lower() in ROLE_NOUNS and i + 1 < len(tokens) and tokens[i + 1].low in _ERROR_ADJECTIVES:
            found.append((i, i + 2, f"{tok.low} {tokens[i + 1].low}"))  # "One Employee's Accidental Email"
            continue
        if tok.possessive and tok.base.lower() in ROLE_NOUNS and tok.base.lower() not in _GENERIC_SUBJECTS \
                and i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence and tokens[i + 1].low in _OWNED_SLIPS \
                and tokens[i + 1].low != "fault" and not negated_near_token(an, i):
            found.append((i, i + 2, f"{tok.low} {tokens[i + 1].low}"))  # "resolving the tech's mistake"
            continue
        if tok.low in _OWNED_SLIPS and tok.low != "fault":
            k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].low == "that")
            # a singular culprit: "a mistake we made" is the organisation owning its incident
            if k + 1 < len(tokens) and tokens[k + 1].sentence == tok.sentence and tokens[k].low in ("i", "he", "she", "they") \
                    and tokens[k + 1].low in ("made", "did") and not negated_near_token(an, i):
                found.append((i, k + 2, f"the {tok.low} {tokens[k].low} {tokens[k + 1].low}"))  # "I realised the mistake I did"
                continue
        if tok.low not in _OWNERS:
            slip = _possessed_slip(an, i) if tok.possessive else None
            if slip is not None:
                found.append(slip)  # "the operator's error caused the outage"
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].sentence == tok.sentence and tokens[j].low in ("own", "fun", "big", "first", "biggest", "stupid", "little"):
            j += 1
        if j < len(tokens) and tokens[j].sentence == tok.sentence and tokens[j].low in _OWNED_SLIPS:
            if tokens[j].low == "fault" or negated_near_token(an, i):
                continue  # PM503 judges "their fault"
            found.append((i, j + 1, f"{tok.low} {tokens[j].low}"))
        elif j < len(tokens) and tokens[j].sentence == tok.sentence and tokens[j].low in ("error", "errors") and j == i + 1 \
                and _persons_error(an, i, j) and not negated_near_token(an, i):
            found.append((i, j + 1, f"{tok.low} {tokens[j].low}"))  # "The staff member realised their error"
        elif tok.low in _OWNERS and i >= 2 and tokens[i - 1].low in ("on", "from") and (tokens[i - 2].low in _OWNED_SLIPS or tokens[i - 2].low in ("error", "issue")) \
                and i + 1 < len(tokens) and tokens[i + 1].low == "part":
            found.append((i - 2, i + 2, f"{tokens[i - 2].low} on {tok.low} part"))
        else:
            slip = _possessed_slip(an, i)
            if slip is not None:
                found.append(slip)
    return found


@lru_cache(maxsize=1)
def slip_nouns() -> frozenset[str]:
    """Nouns of a wrong act: the lexicon's, the slips above and every word WordNet files first
    under mistake.n.01 (``_slip_words.py``: "error", "blunder", "lapse", "omission", "gaffe");
    not "fault", which PM503 judges. Loaded when a person's possessive is first looked at."""
    from ._slip_words import SLIP_NOUNS

    return (SLIP_NOUNS | lex.BLAME_NOUNS | _OWNED_SLIPS) - {"fault", "faults"}


FAILURES = W("failure failures")
_NEGATION_WORDS = W("not no never nothing")


def _possessed_slip(an: Analysis, i: int) -> tuple[int, int, str] | None:
    """A wrong act owned by a person through a possessive: a role's ("the operator's error
    caused the outage", "the technician's costly blunder") or a pronoun's ("her failure to check
    the dosage", "his omission"), the noun of a slip (:func:`slip_nouns`, ending its phrase: not
    "the operator's error budget") or a failure to do something. Not a person in general ("a
    person's error"), nor under a negation ("it was not the engineer's error")."""
    tokens = an.tokens
    tok = tokens[i]
    if tok.low not in _OWNERS or tok.low == "our":
        if not (tok.possessive and tok.low.endswith(("'s", "’s"))):
            return None
        actor = actor_ending_at(an, i)
        if actor is None or actor.kind not in ("role", "pronoun") or actor.generic or tok.base.lower() in _GENERAL_PERSONS:
            return None
    sentence = tok.sentence
    for j in range(i + 1, min(len(tokens), i + 4)):
        low = tokens[j].low
        if tokens[j].sentence != sentence or _gap_is_comma(an, j - 1, j):
            return None
        if low in FAILURES or low in slip_nouns():
            break
        if low in lex.STOPWORDS or not low.isalpha():
            return None  # the modifiers of the noun only: "his costly blunder"
    else:
        return None
    nxt = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].sentence == sentence else None
    if low in FAILURES:
        if nxt is None or nxt.low != "to" or j + 2 >= len(tokens) or not tokens[j + 2].low.isalpha() or tokens[j + 2].low in lex.STOPWORDS:
            return None  # "his failure to renew the certificate"; not "the operator's failure rate"
    elif nxt is not None and nxt.low not in _PHRASE_ENDS and not _gap_is_comma(an, j, j + 1) and not _is_finite(an, j + 1):
        return None  # "the operator's error budget"; not "the operator's error caused …"
    if tok.low == "their" and not any(
            tokens[t].base.lower() in ROLE_NOUNS or tokens[t].low in ("he", "she", "someone", "somebody")
            for t in range(i - 1, -1, -1) if tokens[t].sentence == sentence):
        return None  # "the services logged their errors"
    if any(tokens[t].low in _NEGATION_WORDS or tokens[t].low.endswith(("n't", "n’t"))
           for t in range(max(0, i - 6), i) if tokens[t].sentence == sentence):
        return None
    return i, j + 1, f"{tok.low} {low}"


_PERSON_POSSESSIVES = W("my his her your")
# Words after which a noun phrase has ended: "their error within 45 minutes", "my error and".
_PHRASE_ENDS = lex.STOPWORDS | _PREPOSITIONS | W("within during after before when while")


def _persons_error(an: Analysis, i: int, j: int) -> bool:
    """ "my error", "their error" as a person's slip: the noun ends its phrase (not "their error
    rate", "your error budget"), and "their" has a person to refer to earlier in the sentence
    (not "the services logged their errors")."""
    tokens = an.tokens
    if j + 1 < len(tokens) and tokens[j + 1].sentence == tokens[j].sentence and tokens[j + 1].low not in _PHRASE_ENDS \
            and not _gap_is_comma(an, j, j + 1):
        return False
    if tokens[i].low in _PERSON_POSSESSIVES:
        return True
    return tokens[i].low == "their" and any(
        tokens[t].base.lower() in ROLE_NOUNS or tokens[t].low in ("he", "she", "someone", "somebody")
        for t in range(i - 1, -1, -1) if tokens[t].sentence == tokens[i].sentence)


def negated_near_token(an: Analysis, i: int) -> bool:
    return any(
        an.tokens[k].low in ("not", "no", "never") or an.tokens[k].low.endswith(("n't", "n’t"))
        for k in range(max(0, i - 3), i) if an.tokens[k].sentence == an.tokens[i].sentence
    )

# Duties whose omission, written in the passive, hides who did not do them.
PASSIVE_DUTIES = W(
    """
    caught noticed spotted checked double-checked tested reviewed verified validated questioned
    escalated flagged considered anticipated foreseen communicated followed approved
    """
)
_STRONG_PASSIVE_ADVERBS = W("carelessly negligently inadequately recklessly sloppily")
_PASSIVE_LAPSES = W("overlooked neglected ignored forgotten missed")
_PASSIVE_AUX_WORDS = W("was were been is are being")


def implied_blame(an: Analysis) -> list[tuple[int, int, str]]:
    """Errors written in the passive with people implied: "was mistakenly labeled",
    "inadequately reviewed", "the change … was overlooked"."""
    found = []
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        low = tok.low
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
        if low in _STRONG_PASSIVE_ADVERBS and nxt is not None and is_participle(nxt.low) and nxt.low not in ("designed", "sized", "provisioned", "documented", "tested"):
            # passive only: "was mistakenly labeled", "…, inadequately reviewed"; the active
            # "an engineer mistakenly removed" is the clause analysis's
            if prev is not None and (prev.low in _PASSIVE_AUX_WORDS or _gap_is_comma(an, i - 1, i) or prev.low in ("and", "or") and any(
                    tokens[k].low in _PASSIVE_AUX_WORDS for k in range(max(0, i - 8), i - 1) if tokens[k].sentence == tok.sentence)):
                # "was mistakenly labeled as low risk and inadequately reviewed"
                found.append((i, i + 2, f"{low} {nxt.low}"))
        elif low == "without" and nxt is not None:
            k = i + 2 if nxt.low in ("first", "ever", "properly") else i + 1
            if k + 1 < len(tokens) and tokens[k + 1].sentence == tok.sentence and tokens[k].low == "being" and tokens[k + 1].low in PASSIVE_DUTIES:
                found.append((i, k + 2, f"without being {tokens[k + 1].low}"))  # "released to production without first being tested"
        elif low in _PASSIVE_LAPSES and prev is not None and prev.low in _PASSIVE_AUX_WORDS and prev.low != "being":
            # not "being ignored": "a change that resulted in the pod namespace being ignored" is software
            before = tokens[i - 2].low if i > 1 and tokens[i - 2].sentence == tok.sentence else ""
            if before in ("not", "never") or prev.low == "being" and before in ("not",):
                continue
            if low == "missed" and any(t.low in ("because", "since", "as", "due") for t in an.sentence_tokens(tok.sentence)):
                continue  # "the alert was missed because it went to a muted channel": the reason is given
            if _by_a_thing(an, i + 1):
                continue  # "the certificate was forgotten by the renewal job": a system's lapse
            if low == "missed" and _schedule_missed(an, i - 1):
                continue  # "deadlines have been missed": a date that slipped, not a lapse of attention
            found.append((i - 1, i + 1, f"{prev.low} {low}"))
    return found


_SCHEDULE_NOUNS = W(
    "deadline deadlines date dates milestone milestones target targets window windows sla slas slo slos "
    "timeline timelines schedule schedules estimate estimates goal goals objective objectives cutoff cutoffs"
)
_AUX_CHAIN = W("was were been is are being be have has had will would may might could should")


def _by_a_thing(an: Analysis, j: int) -> bool:
    """Whether a "by" at ``j`` names an agent that is not a person ("by the renewal job")."""
    tokens = an.tokens
    if j >= len(tokens) or tokens[j].low != "by" or tokens[j].sentence != tokens[j - 1].sentence:
        return False
    for k in range(j + 1, min(len(tokens), j + 6)):
        if tokens[k].sentence != tokens[j].sentence or k > j + 1 and _gap_is_comma(an, k - 1, k):
            break
        actor = actor_ending_at(an, k)
        if actor is not None and actor.person:
            return False
        if tokens[k].low not in lex.STOPWORDS and (k + 1 >= len(tokens) or tokens[k + 1].sentence != tokens[j].sentence
                                                    or tokens[k + 1].low in lex.STOPWORDS or _gap_is_comma(an, k, k + 1)):
            return actor is None or not actor.person  # the head of the phrase after "by"
    return False


def _schedule_missed(an: Analysis, k: int) -> bool:
    """Whether the subject of a passive "missed" whose auxiliaries end at ``k`` is a date or
    a target ("deadlines have been missed", "the SLA was missed")."""
    tokens = an.tokens
    while k >= 0 and tokens[k].sentence == tokens[k + 1].sentence and (tokens[k].low in _AUX_CHAIN or tokens[k].low.endswith("ly")):
        k -= 1
    return k >= 0 and tokens[k].sentence == tokens[k + 1].sentence and tokens[k].low in _SCHEDULE_NOUNS


_BELIEFS = W("think thought believe believed assumed assume suspected")


def _taken_back(an: Analysis, clause: Clause) -> bool:
    """Whether the rest of the sentence after the verb of ``clause`` takes it back with "but" and a negation
    ("…, but it looks like I didn't", "… but that wasn't it")."""
    tokens = an.tokens
    rest = [t.low for t in tokens[clause.main + 1 :] if t.sentence == clause.sentence]
    if "but" not in rest:
        return False
    after = rest[rest.index("but") + 1 :]
    return any(low in ("not", "never") or low.endswith(("n't", "n’t")) for low in after)


def _mis_noun(low: str) -> bool:
    """ "misclick", "misconfiguration", "mistype": a noun of an error by its prefix (the rest a
    word of the dictionary)."""
    if not low.startswith("mis") or len(low) < 7 or low.startswith("miss") or low.endswith(("ing", "ed")) \
            or low in ("mistake", "mistakes", "mistaken"):
        return False  # "missing", "mission", "missile": no lexicon lookup for the common words
    from ._language import _lemmas  # deferred: only for such a word

    rest = low[4:] if low[3:4] == "-" else low[3:]
    return len(rest) >= 4 and _lemmas(rest) is not None


_AGENT_CUES = W("typo typos mistake mistakes blunder blunders deletion removal wipe instead oversight")


def agent_blames(an: Analysis, names: NameOptions = DEFAULT_NAMES, owners=None) -> list[tuple[Actor, int, int, str]]:
    """An error attributed "by" a person: "a typo by an employee", "an incorrect command entered
    by an S3 team member", "an outage caused by a technician"."""
    found = []
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if tok.low == "of" and i > 0 and (tokens[i - 1].low in _AGENT_CUES or tokens[i - 1].low in _SLIPS
                                          or _mis_noun(tokens[i - 1].low)) and tokens[i - 1].low not in ("instead",):
            # "the misclick of a council employee", "a mistake of the operator"
            for j in range(i + 1, min(len(tokens), i + 8)):
                if tokens[j].sentence != tok.sentence:
                    break
                candidate = actor_ending_at(an, j, names, owners)
                if candidate is not None and candidate.person and candidate.start <= i + 2 and not candidate.generic \
                        and tokens[j].low not in ("human", "humans", "person", "people"):
                    nxt = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].sentence == tok.sentence else None
                    if nxt is not None and (nxt.low in ROLE_NOUNS or nxt.low in lex.TEAM_NOUNS):
                        continue
                    if not negated_near_token(an, i - 1):
                        found.append((candidate, i - 1, candidate.end, f"{tokens[i - 1].low} of"))
                    break
            continue
        if tok.low != "by":
            continue
        actor = None
        if i + 1 < len(tokens) and an.text[tok.end : tokens[i + 1].start].count(" ") > 2:
            continue  # the agent is a quotation, blanked out: 'caused by "a human mistake," said …'
        for j in range(i + 1, min(len(tokens), i + 6)):
            if tokens[j].sentence != tok.sentence:
                break
            if j == i + 1 and tokens[j].low in lex.OBJECT_PRONOUNS:
                actor = Actor(j, j + 1, "pronoun")  # "The blog was mistakenly deleted by us"
                break
            candidate = actor_ending_at(an, j, names, owners)
            if candidate is not None and candidate.person and candidate.start <= i + 3 and not candidate.generic \
                    and tokens[j].low not in ("human", "humans", "person", "people"):  # "a mistake made by a human": anyone
                nxt = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].sentence == tok.sentence else None
                if nxt is not None and (nxt.low in ROLE_NOUNS or nxt.low in lex.TEAM_NOUNS):
                    continue  # "by an S3 team member": the head is further on
                actor = candidate
                break
        if actor is None:
            continue
        after = [tokens[t].low for t in range(actor.end, min(len(tokens), actor.end + 4)) if tokens[t].sentence == tok.sentence]
        if "without" in after and any(w in ("review", "approval", "testing", "checking", "peer", "a", "any") for w in after):
            found.append((actor, i, actor.end, "by … without review"))  # "made by Engineer Daniel without peer review"
            continue
        window = range(max(0, i - 8), i)
        lows = [tokens[t].low for t in window if tokens[t].sentence == tok.sentence]
        prev = lows[-1] if lows else ""
        if is_participle(prev) and lows[-2:-1] and (lows[-2] in _PASSIVE_AUX_WORDS or lows[-2] in ERROR_ADVERBS):
            # the passive with its agent and the error after it: "was deleted by an engineer by mistake"
            slip = next((k for k in range(len(after)) if after[k] in ERROR_ADVERBS
                         or after[k] == "by" and after[k + 1:k + 2] in (["mistake"], ["accident"])), None)
            if slip is not None:
                found.append((actor, i - 1, actor.end + slip + 1 + (after[slip] == "by"), f"{prev} by … {after[slip]}"))
                continue
        if prev in PASSIVE_DUTIES and any(w in ("not", "never") for w in lows[-4:-1]):
            if tokens[i + 1].low in _ABSENT_AGENT and lows[-2] in ("not", "never") \
                    and not (i + 2 < len(tokens) and tokens[i + 2].low == "of"):  # "by any of the senior developers": a set named
                continue  # "was not reviewed by another developer": a check that never happened, no one's slip
            found.append((actor, i - 1, actor.end, f"not {prev} by"))  # "was not carefully reviewed by one of our engineers"
            continue
        if prev in _CAUSED and actor.kind in ("role", "pronoun", "name", "handle"):
            if not negated_near_token(an, i - 1):  # not "the outage was not caused by an employee"
                found.append((actor, i - 1, actor.end, f"{prev} by"))
            continue
        if (prev in _HARMED or prev in misdeeds()) and lows[-2:-1] and lows[-2] in _PASSIVE_AUX_WORDS and actor.kind in ("role", "pronoun", "name", "handle") \
                and not negated_near_token(an, i - 1):
            found.append((actor, i - 1, actor.end, f"{prev} by"))  # "the data was leaked by a contractor"
            continue
        if (prev in ERROR_VERBS or prev in OMISSION_VERBS or error_prefixed(prev)) and prev not in _PASSIVE_LAPSES \
                and prev.endswith(("ed", "en", "ode", "ead", "ook")) \
                and lows[-2:-1] and lows[-2] in _PASSIVE_AUX_WORDS and actor.kind in ("role", "pronoun", "name", "handle") \
                and not negated_near_token(an, i - 1):
            # an error verb in the passive with its person: "the migration was botched by an
            # engineer", "the canary step was skipped by the operator", "was misconfigured by a
            # contractor" ("was ignored", "was overlooked" are implied_blame's, with or without one)
            found.append((actor, i - 1, actor.end, f"{prev} by"))
            continue
        for t in window:
            if tokens[t].sentence != tok.sentence:
                continue
            low = tokens[t].low
            if low in ERROR_ADVERBS or low in _WRONG or low in _AGENT_CUES or low == "bad" and t + 1 < i and tokens[t + 1].low in _BAD_THINGS:
                found.append((actor, t, actor.end, f"{low} … by"))
                break
    return found


# An agent nobody in particular, after a duty negated: "was not reviewed by another developer",
# "never approved by a second engineer" tell of a missing check ("was not carefully reviewed by
# one of our engineers" judges a review done).
_ABSENT_AGENT = W("another any a an second other others anyone anybody")
# Harm that, done "by" a person, is laid on them: "the records were leaked by an employee".
_HARMED = W("leaked exposed wiped corrupted destroyed lost misplaced erased")
_CAUSE_HEADS = W("result consequence outcome product")


def cause_blames(an: Analysis, names: NameOptions = DEFAULT_NAMES, owners=None) -> list[tuple[Actor, int, int, str]]:
    """A person's act given as the cause: "the breach was the result of an employee clicking a
    phishing link", "the outage was due to an engineer running the script twice", "because
    of a technician unplugging the wrong cable": the person, then a gerund, after a phrase of
    cause."""
    found = []
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if tok.low not in ("of", "to") or i == 0 or tokens[i - 1].sentence != tok.sentence:
            continue
        lead = tokens[i - 1].low
        if not (tok.low == "of" and (lead in _CAUSE_HEADS or lead == "because") or tok.low == "to" and lead in ("due", "traced", "attributed", "owing")):
            continue
        work = _work_as_cause(an, i)
        if work is not None:
            found.append(work)  # "because of my release commit"
            continue
        for j in range(i + 1, min(len(tokens), i + 6)):
            if tokens[j].sentence != tok.sentence:
                break
            actor = actor_ending_at(an, j, names, owners)
            if actor is None or not actor.person or actor.start != i + 1 and not (actor.start <= i + 2 and tokens[i + 1].low in _DETERMINERS):
                continue
            if actor.generic or actor.kind not in ("role", "pronoun", "name", "handle") or tokens[j].low in ("human", "humans", "person", "people"):
                break
            nxt = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].sentence == tok.sentence else None
            if nxt is not None and nxt.low.endswith("ing") and len(nxt.low) > 4 and nxt.low not in ("during", "being", "having") \
                    and not negated_near_token(an, i - 1):
                found.append((actor, i - 1, j + 2, f"{lead} {tok.low} … {nxt.low}"))
            break
    return found


def _work_as_cause(an: Analysis, i: int):
    """A person's own work after a phrase of cause ending at token ``i``, in a sentence that
    tells of trouble: "main was broken for five hours because of my release commit", "the site
    went down due to the intern's change" (not "our change": the organisation's; not a cause of
    something good: "latency fell because of my patch")."""
    tokens = an.tokens
    sentence = tokens[i].sentence
    k = i + 1
    if k < len(tokens) and tokens[k].sentence == sentence and tokens[k].low in ("a", "the", "this", "that", "one") \
            and k + 1 < len(tokens) and tokens[k + 1].possessive:
        k += 1  # "due to the intern's change"
    if k >= len(tokens) or tokens[k].sentence != sentence:
        return None
    owner = tokens[k]
    if owner.low in _OWNERS_OF_WORK:
        kind = "pronoun"
    elif owner.possessive and owner.low.endswith(("'s", "’s")) and not owner.capitalised:
        actor = actor_ending_at(an, k)
        if actor is None or actor.kind != "role" or actor.generic or owner.base.lower() in _GENERAL_PERSONS:
            return None
        kind = "role"
    else:
        return None
    for j in range(k + 1, min(len(tokens), k + 4)):
        if tokens[j].sentence != sentence or tokens[j].low in lex.STOPWORDS or _gap_is_comma(an, j - 1, j):
            return None
        if tokens[j].low in _ARTEFACTS and _ends_phrase(an, j):
            break
    else:
        return None
    words = {t.low for t in an.sentence_tokens(sentence)}
    if words.isdisjoint(_WORK_TROUBLE) or negated_near_token(an, i - 1):
        return None
    return Actor(k, k + 1, kind), i - 1, j + 1, f"{tokens[i - 1].low} {tokens[i].low} … {tokens[j].low}"



_ADJUNCT_PREPOSITIONS = W("after while when before by")


def _adjunct_subject(an: Analysis, p: int, names, owners) -> Actor | None:
    """The subject of the clause that a gerund phrase after ``p`` ("after pushing the wrong
    button") hangs on: the last verb group before it in the sentence."""
    tokens = an.tokens
    start, _ = an.sentences[tokens[p].sentence]
    groups = _verb_groups(an, start, p)
    if not groups:
        return None
    return subject_of(an, groups[-1][0], names, owners, groups)


# A verb group starting right after an -ing word: "staff training has been blamed", "operator
# tooling was replaced" (a compound noun, not a participle phrase).
_COMPOUND_ENDS = W("has have had is are was were will would can could should may might must")


def participle_blames(an: Analysis, names: NameOptions = DEFAULT_NAMES, owners=None) -> list[BlamedAct]:
    """A person followed by an error-framed participle: "User or person causing network outage",
    "employees and contractors making a series of blunders"."""
    found = []
    tokens = an.tokens
    for i, tok in enumerate(tokens):
        if i == 0 or not tok.low.endswith("ing") or tokens[i - 1].sentence != tok.sentence:
            continue
        if len(tok.low) < 6 or tok.low in ("during", "nothing", "something", "anything", "everything", "morning", "evening", "thing", "string", "being", "having"):
            continue
        if tokens[i - 1].low in _ADJUNCT_PREPOSITIONS:
            actor = _adjunct_subject(an, i - 1, names, owners)
        else:
            actor = actor_ending_at(an, i - 1, names, owners)
            if tok.low in OMITTING and _gap_is_comma(an, i - 1, i) and (actor is None or not actor.person):
                actor = _adjunct_subject(an, i, names, owners)  # "…, skipping several steps": the clause's subject
        if actor is None or not actor.person or actor.generic:
            continue
        if _gap_is_comma(an, i - 1, i) and actor.start > 0 and tokens[actor.start - 1].low in _PREPOSITIONS \
                and tokens[actor.start - 1].sentence == tok.sentence:
            continue  # "engines can work against traders, executing orders …": the object of a preposition
        if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence and tokens[i + 1].low in _COMPOUND_ENDS:
            continue  # "staff training has been blamed …": the head of a compound noun, the verb follows
        end = i + 1
        while end < len(tokens) and tokens[end].sentence == tok.sentence and not _gap_is_comma(an, end - 1, end) and end - i < 12:
            end += 1
        clause = Clause(tok.sentence, i, i, end, actor, False, False)
        cue = _error_cue(an, clause, actor)
        if cue is not None:
            found.append(BlamedAct(actor, clause, cue[0], cue[1], cue[2], None, an))
    return found


# The duties and their -ed forms, for a cheap test of a block's words.
DUTY_WORDS = DUTY_VERBS | frozenset(v + ("d" if v.endswith("e") else "ed") for v in DUTY_VERBS)
_NEGATED_DUTY = None


@lru_cache(maxsize=1024)
def negated_duty(text: str) -> bool:
    """Whether ``text`` has a duty left undone: "did not copy", "didn't you catch", "never checked".
    Cached: PM501 and PM507 both ask it of the same blocks."""
    global _NEGATED_DUTY
    if _NEGATED_DUTY is None:  # compiled on first use: the one-file hook pays for every compile
        _NEGATED_DUTY = Caseless(
            r"(?:\b(?:not|never|didnt|dont|doesnt)|n[’']t)\s+(?:(?:i|we|you|they|he|she)\s+)?(?:\w+ly\s+)?(?:"
            + alternation(DUTY_VERBS) + r")(?:ed|d)?\b"
        )
    return _NEGATED_DUTY.occurs(text)


_DEGREE_SCREEN = Caseless(
    r"\b(?:was|were|is|are|am|be|been|being|i['’]m|we['’]re|they['’]re|he['’]s|she['’]s)\s+too\s+[a-z]"
    r"|(?:\bnot|\bnever|n['’]t)\s+[a-z]+\s+enough\b"
)
_SLIP_SCREEN = None


_POSSESSIVE_WORDS = W("my his her their your")


def judged_by_class(words: frozenset[str], text: str) -> bool:
    """Whether a block (its lower-case ``words`` and its ``text``) may hold a person judged by a
    degree ("was too slow", "not careful enough") or a slip owned through a possessive ("the
    operator's error", "her failure to check"): the screen of the blame rules for these classes.
    Word sets first, a pattern only for the few blocks that pass them; the nouns load only for
    a block with a possessive."""
    global _SLIP_SCREEN
    if not words.isdisjoint(DEGREE_CUES) and _DEGREE_SCREEN.occurs(text):
        return True
    if words.isdisjoint(_POSSESSIVE_WORDS) and not (("'s" in text or "’s" in text) and any(w.endswith(("'s", "’s")) for w in words)):
        return False
    if words.isdisjoint(FAILURES) and words.isdisjoint(slip_nouns()):
        return False
    if _SLIP_SCREEN is None:
        _SLIP_SCREEN = Caseless(
            r"(?:\b(?:my|his|her|their|your)|\w['’]s)\s+(?:[a-z-]+\s+){0,2}(?:"
            + alternation(slip_nouns() | FAILURES) + r")\b"
        )
    return _SLIP_SCREEN.occurs(text)


_SCREENED: dict[str, bool] = {}


def class_screen(words: frozenset[str], text: str) -> bool:
    """Whether a block (its lower-case ``words`` and its ``text``) may blame a person by one of
    the classes above: a catenative's complement (:func:`catenative_screen`), a degree or a slip
    owned (:func:`judged_by_class`), or a negation with an adverb of the right manner. Worked out
    once per block text: PM501 and PM507 both ask."""
    hit = _SCREENED.get(text)
    if hit is None:
        if len(_SCREENED) > 4096:
            _SCREENED.clear()
        hit = _SCREENED[text] = catenative_screen(words) or judged_by_class(words, text) or (
            not words.isdisjoint(DENIALS) and not words.isdisjoint(right_manner()))
    return hit


# A person's own work as the subject of damage: "one of my commits caused a regression", "his
# script wiped the table", "this PR of mine caused the critical bug", "the intern's change took
# down the site". "Our change" is the organisation's; a name's possessive may be a company's.
_ARTEFACTS = W(
    """
    commit commits change changes pr prs patch patches script scripts code release releases deploy
    deploys deployment deployments push pushes merge merges migration migrations query queries
    command commands config configuration edit edits update updates fix fixes typo typos mistake
    mistakes
    """
)
_OWNERS_OF_WORK = W("my his her mine hers")
_PART_QUANTIFIERS = W("one two three some several many all each any few both most none")
_CAUSED_HARM = _DAMAGE_NOUNS | W("regression regressions bug bugs breakage")
# The trouble a person's work can be the cause of: harm done and a system failing ("main was
# broken", "the site went down"), not a change of a measure ("latency dropped").
_WORK_TROUBLE = _CAUSED_HARM | _DAMAGE_VERBS | W(
    "broken down fail fails failed failing unavailable crashed corrupted wiped lost outage outages"
)


def _role_made(an, verb: int):
    """ "the change (that) the engineer made": a role before the verb at ``verb`` in a relative
    clause on an artefact; (the role, the artefact's index) or None."""
    tokens = an.tokens
    role = actor_ending_at(an, verb - 1)
    if role is None or role.kind != "role" or role.generic or role.start < 1:
        return None
    before = role.start - 1
    if tokens[before].low == "that" and before > 0:
        before -= 1
    if tokens[before].low not in _ARTEFACTS or tokens[before].sentence != tokens[verb].sentence:
        return None
    return role, before


def _owned_artefact(an, clause, actor):
    """The owner of a person's artefact as the actor of damage: (owner Actor, start, end, what)."""
    tokens = an.tokens
    head = actor.end - 1
    owner = owner_start = None
    if tokens[head].low in ("mine", "hers") and head >= 2 and tokens[head - 1].low == "of":
        owner, head = head, head - 2  # "this PR of mine"
        actor = actor._replace(start=min(actor.start, _np_start(an, head)))
    elif head - 2 >= actor.start and tokens[head - 1].low in _CULPRIT_PRONOUNS and tokens[head - 2].low in _ARTEFACTS \
            and (is_past_verb(tokens[head].low) or tokens[head].low in _IRREGULAR_PAST):
        owner, head = head - 1, head - 2  # "the change I made broke the build": a person's work by a relative clause
    elif head - 1 >= actor.start and (is_past_verb(tokens[head].low) or tokens[head].low in _IRREGULAR_PAST) \
            and _role_made(an, head) is not None:
        role, head = _role_made(an, head)  # "the change (that) the engineer made broke the build"
        owner, owner_start = role.end - 1, role.start
        actor = actor._replace(start=min(actor.start, _np_start(an, head)))
    else:
        for t in range(actor.start, head):
            if tokens[t].low in _OWNERS_OF_WORK or tokens[t].possessive and tokens[t].base.lower() in ROLE_NOUNS and not tokens[t].capitalised:
                owner = t
    if owner is None or tokens[head].low not in _ARTEFACTS or clause.negated or clause.passive:
        return None
    if actor.start > 0 and tokens[actor.start - 1].sentence == clause.sentence and tokens[actor.start - 1].low in _PREPOSITIONS:
        return None  # "merges into my PR broke …": the owner's thing is the object of a preposition
    for t in range(actor.start, min(owner, head)):
        if tokens[t].low in _PREPOSITIONS and not (tokens[t].low == "of" and t > actor.start and tokens[t - 1].low in _PART_QUANTIFIERS):
            return None  # "direct merges into my PR broke …": the owner's thing is not the subject
    group = [tokens[t].low for t in range(clause.verb, clause.main + 1)]
    if any(low in ("can", "could", "might", "may", "would", "will", "can't", "cannot", "won't", "should") for low in group):
        return None
    main = tokens[clause.main].low
    cue = None
    if main in _DAMAGE_VERBS or main in data_destroyers():
        cue = clause.main, clause.main + 1, main
    elif main in _DAMAGE_PARTICLE_VERBS:
        cue = next(((clause.main, t + 1, f"{main} {tokens[t].low}") for t in range(clause.main + 1, min(clause.end, clause.main + 5))
                    if tokens[t].low in _DAMAGE_PARTICLE_VERBS[main]), None)
    elif main in _CAUSED:
        cue = next(((clause.main, t + 1, f"{main} the {tokens[t].low}") for t in range(clause.main + 1, min(clause.end, clause.main + 6))
                    if tokens[t].low in _CAUSED_HARM), None)
    if cue is None:
        return None
    kind = "pronoun" if tokens[owner].low in _OWNERS_OF_WORK or tokens[owner].low in _CULPRIT_PRONOUNS else "role"
    return (Actor(owner if owner_start is None else owner_start, owner + 1, kind), *cue)


# Destroying a body of data: a verb of destruction (every past and third-person form), then,
# in its object, how much (all, the entire, 20, a large amount of) and what (data, documents,
# records, a database). Routine clean-up ("deleted all stale branches", "deleted 20 stuck
# pods") names neither; "deleted all temporary files" says the data had no value.
_DATA_DESTROYERS = ("delete", "wipe", "erase", "truncate", "destroy", "corrupt", "overwrite", "purge", "trash", "nuke")
_DATA_NOUNS = W(
    """
    data database databases document documents file files record records email emails mailbox
    mailboxes inventory backup backups repository repositories history archive archives content
    contents photos messages spreadsheet spreadsheets folder folders drive
    """
)
_TOTALITY = W("all entire whole every everything thousands hundreds dozens millions amount amounts years decades months lot lots")
_ROUTINE_DATA = W(
    """
    stale old older temporary temp unused orphaned orphan obsolete duplicate duplicated expired
    test dummy cached leftover scratch intermediate redundant outdated unneeded unnecessary junk
    spam empty
    """
)


# Every past and third-person form of _DATA_DESTROYERS (tests/test_language_rules.py checks
# them against lemminflect's tables; the library is not imported to screen a sentence).
DATA_DESTROYER_FORMS = W(
    """
    corrupted corrupts deleted deletes destroyed destroys erased erases over-writes over-written
    over-wrote overwrites overwritten overwrote purged purges trashed trashes truncated truncates
    wiped wipes nuked nukes
    """
)


def data_destroyers() -> frozenset[str]:
    return DATA_DESTROYER_FORMS


def _data_destroyed(an, clause):
    """A body of data destroyed: "a production manager deleted 20 documents", "the plaintiff
    deleted a large amount of customer-related data", "almost wipes customer's entire
    inventory", "proceeded to erase Lianjia's entire database"."""
    tokens = an.tokens
    main = tokens[clause.main].low
    if main not in data_destroyers() or clause.negated or clause.passive or _explained(an, clause):
        return None
    actor = clause.actor
    if actor is None or actor.kind == "pronoun" and tokens[actor.start].low not in ("i", "he", "she"):
        return None  # "we deleted all the data in the staging database": the organisation's own step
    how_much = False
    for t in range(clause.main + 1, min(clause.end, clause.main + 9)):
        low = tokens[t].low
        if t > clause.main + 1 and _gap_is_comma(an, t - 1, t) or low in _CLAUSE_BREAKS and low != "that" or low in ("from", "on", "in", "to", "at", "for", "with"):
            break
        if low in _ROUTINE_DATA:
            return None
        if low in _TOTALITY or any(ch.isdigit() for ch in low) and not low.startswith("v"):
            how_much = True
        elif low in _DATA_NOUNS and how_much:
            return clause.main, t + 1, f"{main} … {low}"
    return None


# Power cut off by a person: a verb of switching with "off"/"down" (or "unplugged"), and among
# its objects the supply of power to equipment. Switching software off ("turned off the
# feature flag", "shut down the replica") is an operation, and so is a planned cut.
_SWITCH_VERBS = W("switched switches turned turns shut shuts powered powers flipped flips flicked flicks")
_UNPLUG_VERBS = W("unplugged unplugs")
_POWER_NOUNS = W(
    """
    power breaker breakers freezer freezers fridge generator generators ups supply supplies circuit
    circuits plug plugs mains socket outlet cooling chiller chillers pump pumps hvac air-conditioning
    thermostat electricity cord cords pdu
    """
)
POWER_CUT_VERBS = _SWITCH_VERBS | _UNPLUG_VERBS | W("spilled spilt spills tripped trips bumped bumps kicked kicks yanked yanks pulled pulls")
_PLANNED = W("planned scheduled maintenance intended intentionally deliberately part runbook procedure agreed expected instructed")


def _power_cut(an, clause):
    """ "a janitor turned off the breaker to a freezer", "the cleaner had switched off a breaker",
    "a maintenance worker switched it off", "the technician unplugged the PDU"."""
    tokens = an.tokens
    main = tokens[clause.main].low
    actor = clause.actor
    if clause.negated or clause.passive or actor is None or actor.kind == "pronoun" and tokens[actor.start].low not in ("i", "he", "she") \
            or actor.kind == "team":
        return None
    window = [t for t in range(clause.main + 1, min(len(tokens), clause.main + 10)) if tokens[t].sentence == clause.sentence]
    if any(tokens[t].low in _PLANNED for t in range(an.sentences[clause.sentence][0], an.sentences[clause.sentence][1])) or _explained(an, clause):
        return None
    if main in _SWITCH_VERBS:
        particle = next((t for t in window[:4] if tokens[t].low in ("off", "down")), None)
        if particle is None:
            return None
    elif main not in _UNPLUG_VERBS:
        return None
    if any(tokens[t].low in _POWER_NOUNS for t in window) or any(tokens[t].low in ("it", "them") for t in window[:1]) and main in _SWITCH_VERBS \
            and any(tokens[t].low in _POWER_NOUNS for t in range(an.sentences[clause.sentence][0], clause.main)):
        return clause.main, clause.main + 1, f"{main} off the power"
    return None


# A physical mishap: a verb of clumsy contact and, in its object, equipment or what spills on it
# ("spilled his morning coffee into the circuitry", "bumped an electrical connection",
# "tripped over the power cable", "pulled the plug").
_MISHAP_VERBS = W("spilled spilt spills tripped trips bumped bumps kicked kicks yanked yanks pulled pulls knocked knocks")
_MISHAP_OBJECTS = W(
    """
    coffee tea water drink soda cable cables cord cords plug plugs connection connections wire wires
    breaker breakers button buttons switch lever rack power connector connectors
    """
)


def _physical_mishap(an, clause):
    tokens = an.tokens
    main = tokens[clause.main].low
    actor = clause.actor
    if main not in _MISHAP_VERBS or clause.negated or clause.passive or actor is None or actor.kind == "team" \
            or actor.kind == "pronoun" and tokens[actor.start].low not in ("i", "he", "she") or _explained(an, clause):
        return None
    window = [t for t in range(clause.main + 1, min(clause.end, clause.main + 8))]
    for t in window:
        if tokens[t].low in _MISHAP_OBJECTS:
            if main.startswith("pull") and t + 1 < len(tokens) and tokens[t + 1].low == "on" and tokens[t + 1].sentence == clause.sentence:
                return None  # "pulled the plug on the migration": a decision
            if main.startswith("pull") and tokens[t].low not in ("plug", "plugs", "cable", "cables", "cord", "cords", "power", "wire", "wires"):
                return None
            return clause.main, t + 1, f"{main} the {tokens[t].low}"
    return None


@lru_cache(maxsize=1)
def all_cue_words() -> frozenset[str]:
    """CUE_WORDS and the misdeeds of the lexicon: built on the first sentence that asks."""
    return CUE_WORDS | misdeeds() | data_destroyers()


def _cleft_culprit(an, clause):
    """A cleft that singles out who did the damage: "It was the intern who deleted the
    database", "it's Dave that broke the build"; "It was the on-call engineer who noticed the
    alert" picks out who did an ordinary thing."""
    tokens = an.tokens
    actor = clause.actor
    main = tokens[clause.main].low
    if actor is None or clause.negated or clause.passive or actor.start < 2 or actor.end >= len(tokens):
        return None
    if not (main in DESTRUCTIVE_VERBS or main in data_destroyers() or main in _DAMAGE_VERBS or main in misdeeds()):
        return None
    lead, it = tokens[actor.start - 1], tokens[actor.start - 2]
    if not ((lead.low in ("was", "is") and it.low == "it" or lead.low in ("it's", "it’s") and True) and lead.sentence == clause.sentence):
        return None
    if lead.low in ("was", "is") and it.sentence != clause.sentence:
        return None
    if tokens[actor.end].low not in ("who", "that") or actor.end + 1 != clause.verb and tokens[actor.end + 1].low not in ("had", "has"):
        return None
    return actor.start - (2 if lead.low in ("was", "is") else 1), clause.main + 1, f"it was … who {main}"


@lru_cache(maxsize=1)
def harms() -> frozenset[str]:
    """Nouns of harm from the VADER lexicon ("chaos", "confusion", "disruption", "problems")."""
    from ._wrongdoing_verbs import HARMS

    return HARMS


_CAUSE_VERBS = W("caused causes")
_WORSE_OBJECTS = W("it things matters everything this that the situation problem outage issue")


def _caused_harm(an, clause):
    """Harm a person caused, whatever the word for it: "the engineer caused chaos in the data
    centre", "I caused a lot of people some headaches and confusion"."""
    tokens = an.tokens
    low = tokens[clause.main].low
    if low == "cause" and clause.verb < clause.main and tokens[clause.verb].low == "did":
        pass  # "the engineer did cause an outage": the base after the past auxiliary
    elif low not in _CAUSE_VERBS:
        return None
    if clause.negated or clause.passive or _explained(an, clause):
        return None
    for t in range(clause.main + 1, min(clause.end, clause.main + 8)):
        if t > clause.main + 1 and _gap_is_comma(an, t - 1, t) or tokens[t].low in _CLAUSE_BREAKS:
            break
        if tokens[t].low in harms():
            return clause.main, t + 1, f"{tokens[clause.main].low} {tokens[t].low}"
    return None


def _made_worse(an, clause):
    """ "made it worse", "made things worse": a person's act as what aggravated the incident."""
    tokens = an.tokens
    if tokens[clause.main].low not in ("made", "makes") or clause.negated or clause.passive:
        return None
    for t in range(clause.main + 1, min(clause.end, clause.main + 4)):
        if tokens[t].low == "worse" and all(tokens[k].low in _WORSE_OBJECTS for k in range(clause.main + 1, t)) and t > clause.main + 1:
            return clause.main, t + 1, f"{tokens[clause.main].low} … worse"
    return None


@lru_cache(maxsize=1)
def misdeeds() -> frozenset[str]:
    """Verbs of a misdeed from the VADER lexicon ("violated", "sabotaged", "stole"), every past
    and third-person form: loaded when a sentence first reaches the clause analysis."""
    from ._wrongdoing_verbs import FORMS

    return FORMS


# Every word that can frame a clause as an error; a sentence without one is not analysed.
CUE_WORDS = (
    ERROR_ADVERBS | ERROR_VERBS | _WRONG | _DANGEROUS | _SLIPS | DUTY_VERBS | DESTRUCTIVE_VERBS
    | _DAMAGE_VERBS | _CAUSED | _ONLY_PEOPLE | _DISCLOSURE_VERBS | _NARRATIVE_PRESENT | _RUN_VERBS
    | frozenset(_DAMAGE_PARTICLE_VERBS)
    | W("bad badly instead without than thinking believing assuming mistake accident destroyed trashed nuked made make makes cause neither none")
    | OMISSION_VERBS | W("left leaves leave because failed right correct intended meant wanted back") | _SHARING_VERBS | _RELEASE_VERBS
    | _DECISION_VERBS | _SEVERING | _SWITCH_VERBS | _UNPLUG_VERBS | _MISHAP_VERBS
)


_CONDITIONS = W("if when whenever unless")
_CONDITION_PAST = W("should ought must was were had did got been wasn't wasn’t weren't weren’t hadn't hadn’t")


def general_condition(before) -> bool:
    """A condition in the present before the word ("if an employee is fired", "If they're
    privately blaming the person, …", "when there are strong punishments"): what happens as a
    rule, not an account; "when he was fired" is one. ``before`` is the sentence's lower-case
    words before it."""
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _CONDITIONS:
            return not any(word in _CONDITION_PAST or word.endswith("ed") for word in before[k + 1 :])
    return False
