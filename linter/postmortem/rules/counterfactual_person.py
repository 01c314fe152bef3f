"""
## What it does
Reports counterfactuals that judge people: a person, role or team that "should have",
"could have" or "failed to" do something ("The on-call engineer should have escalated",
"We should have caught this", "Had the reviewer looked…, we would have…", "What should we
have tested that we didn't?", "It would have been better to just roll it back"). Counterfactuals
about systems are fine: "the health check failed to detect the stale connections", "the
alert should have fired at 5%", "had the circuit breaker opened earlier…". So are "failed
over" and passives about systems such as "should have been paged" or "should have been
caught by the canary", and so are statements of luck about what could have happened ("We
got lucky: we could have lost the whole database") and an ability denied ("I really don't think
you could have seen that one coming", "I doubt anyone could have known"), and so is what anyone
could have done ("Anyone could have made that mistake", "Any engineer could have made the same
mistake") and a person inside an act that is the
subject ("Blaming the operator would have taught us nothing") or in a wh-clause that such a
gerund governs ("Saying what people should have done is a satisfying way to describe
failure"; "What he should have done is roll back" is reported). A passive in a wh-clause inside the sentence asks
what to decide and is fine ("a flurry of decisions: who should have been paged, how the
runbook should have been structured"). A passive that hides who should have
done a duty is reported, whatever the participle (lemminflect's tables): "shouldn't have
been rushed to production", "the staging environment should have been checked beforehand",
"I _think_ the version should've been bumped", "there’s a checklist … so that should have
been followed", and so is a passive conditional of a duty: "Had it been taken care of sooner
…, this likely would have been fixed days earlier". What a system does to a request or a
message stays clean ("e-mail should have been sent out due to repeated failure", "the outage
should have been limited to the Yuma area"), and so does a conditional about a setting ("if
the retry budget had been capped, …"). A duty in a relative clause is its antecedent's:
"there’s also development work that should have been done on the release process itself" is
reported. "Would" or "could have been" with a duty done "by" a person's act is reported ("an
error that would have been caught immediately by just trying to import Symbulate"); "would
have been caught by the canary" or "by monitoring" is a counterfactual about a system. An
inverted question about a role or an organisation is reported: "what action could Netflix
have taken?". So is "should have" with the verb left out, standing for the act just named
("someone clicked something they shouldn’t have"), unless it stands for receiving or is
asked ("We did NOT receive storage alerts (I believe we should have?)"); "I should have double
checked"; a subject naming the right way ("The correct course of action would have been to
clearly identify what he was working on"; not the advice "the best approach would have been
to just revert"); and the timing of a response in the passive ("the rollback should have been
started sooner").

What anyone would have done the same way is shared, not faulted ("Most people would have done
the same thing"; "A careful operator would have checked the flag" is reported). A response
whose absence is supposed credits it: "If Alice had not noticed the spike, we would
have found out from customers" is fine; "If the engineer had not skipped the test, the bug
would have been caught" and "… the outage would not have happened" are reported.

A claim voiced as a temptation or a wrong belief is not the writer’s ("It is tempting to say
the engineer should have known better", "Knowing the outcome of a failure makes us falsely
believe we should have seen it coming"); "It’s easy to say that they should have tested
their backups better, … but" concedes it and is reported. Nor is what people or an inquiry
conclude or believe as a rule ("the investigation will often focus on supervisory activities
and conclude that the supervisor failed to adequately monitor …"; "the investigation
concluded that the operator failed to …" is reported), or "failed to" said of people at large
("We easily judge people, who failed to take proper actions").

## Why it matters
"Should have" describes a world that did not happen and measures people against
knowledge they did not have. It explains nothing about why the actual decision made sense
at the time, which is what prevents the next incident.

## Example
```markdown
The on-call engineer should have checked replication lag before promoting the replica.
```

## Use instead
```markdown
The failover runbook had no step to check replication lag before promoting a replica.
```
"""

from functools import lru_cache

from ..rule import Finding, Severity
from . import _lexicon as lex
from ._modality import token_at, voiced
from . import _clauses as cl
from ._clauses import PASSIVE_DUTIES
from ._language import analysed, is_participle, person_at, person_subject_before

CODE = "PM505"
NAME = "counterfactual-person"
SEVERITY = Severity.ERROR

_HAVE = lex._words("have ’ve 've")
_CONTRACTED = {"should've": "should", "could've": "could", "would've": "would", "should’ve": "should", "could’ve": "could", "would’ve": "would"}
_ADVERBS = lex._words("not never simply just easily really probably definitely certainly obviously clearly also at least in retrospect hindsight double triple")
_BEEN_JUDGING = lex._words("more careful aware vigilant paying attentive quicker faster thorough diligent watching")
_WOULD_SUBJECTS = lex._words("you anyone anybody someone somebody everyone everybody he she")
_NEGATED = {"shouldn't": "should", "couldn't": "could", "wouldn't": "would", "shouldn’t": "should", "couldn’t": "could", "wouldn’t": "would"}
_EXCULPATORY = lex._words("nobody noone none")
# "Anyone could have made that mistake": what anyone could have done is no one's duty.
_ANYONE = lex._words("anyone anybody everyone everybody")
# Passive duties: "should have been caught/tested/reviewed" judges the people who did not.
_PASSIVE_DUTIES = PASSIVE_DUTIES | lex._words("rushed")
# What could have happened to people, as opposed to what they could have done.
_OUTCOMES = lex._words("lost been happened gone ended become suffered affected hit faced died")
_LUCK = lex._words("lucky luckily fortunate fortunately thankfully fortuitously luck")


def _lucky(an, sentence):
    """A statement of luck in this sentence or the one before: "We were fortunate …; we could have …"."""
    return any(t.low in _LUCK for t in an.tokens if t.sentence in (sentence, sentence - 1))


_WISER = lex._words("better wiser smarter safer prudent")


_RIGHT_WAYS = _WISER | lex._words("correct right proper wise smart safest wisest smartest")
_WAY_NOUNS = lex._words("way course action move thing option approach choice plan")


def _wiser_subject(an, k) -> bool:
    """ "The correct course of action would have been to …", "a far safer way of performing
    that test would have been to …": the subject names the act a person should have chosen."""
    tokens = an.tokens
    seen_way = False
    for t in range(k - 1, max(-1, k - 10), -1):
        if tokens[t].sentence != tokens[k].sentence or cl._is_finite(an, t):
            return False
        if tokens[t].low in _WAY_NOUNS:
            seen_way = True
        elif tokens[t].low in _RIGHT_WAYS and seen_way:
            return True
    return False


def _base_verb_at(an, j):
    """A verb in its base form at ``j``, over adverbs: "to just roll it back"."""
    from ._language import is_imperative

    tokens = an.tokens
    while j + 1 < len(tokens) and tokens[j].sentence == tokens[j + 1].sentence and tokens[j].low in ("just", "simply", "have", "first"):
        j += 1
    return tokens[j].low.isalpha() and is_imperative(tokens[j].low)


_SCREEN = lex.MODALS | set(_CONTRACTED) | set(_NEGATED) | {"failed", "had", "if"}

_HINT = (
    "Describe what the system or process allowed, not what someone should have done, e.g. "
    "\"The runbook had no step to check replication lag.\""
)


_SHAPES = None


@lru_cache(maxsize=2048)
def _may_hold(text: str) -> bool:
    """A cheap test before the analysis: a modal perfect ("should have", "could’ve", "ought not
    to have"), "failed to", or a conditional "Had …"/"If …" with a consequence (answered once
    per text: cells and stock sentences repeat)."""
    global _SHAPES
    if _SHAPES is None:  # compiled on first use: the one-file hook pays for every compile
        from ..lazy_re import Caseless

        _SHAPES = (
            Caseless(r"\b(?:should|could|would|might|ought)(?:n[’']t)?(?:[’']ve\b|[^.;!?]{0,40}?\bhave\b)|\bfailed\s+to\b"),
            Caseless(r"(?:^|[.;!?:]\s+|\b(?:and|but|that)\s+)(?:had|if)\b"),
            Caseless(r"\b(?:would|could)"),
        )
    perfect, conditional, consequence = _SHAPES
    return perfect.occurs(text) or (conditional.occurs(text) and consequence.occurs(text))


def check(doc, ctx):
    for block, an in analysed(doc, _SCREEN, test=_may_hold):
        seen = set()
        for start, end in _counterfactuals(an):
            if start in seen or voiced(an, token_at(an, start)):
                continue  # "It is tempting to say the engineer should have known better": a temptation named, not yielded to
            seen.add(start)
            phrase = " ".join(block.text[start:end].split())
            yield Finding(block.span(start, end), f"counterfactual about people: {phrase!r}", _hint(an, start, end))


_STOP = lex._words("and but because so which that when while if before after until")
_CLAUSE_BREAKS = frozenset(",;:()—–")  # punctuation between two words ends the act


def _hint(an, start, end):
    """The hint, with the sentence's own act: "Describe what would have made checking
    replication lag before promoting the replica part of the process …"."""
    from ._clauses import _gerund

    tokens = an.tokens
    k = next((n for n, t in enumerate(tokens) if t.end == end), None)
    if k is None:
        return _HINT
    while k + 1 < len(tokens) and tokens[k + 1].sentence == tokens[k].sentence and (
        tokens[k].low in _HAVE or tokens[k].low == "had" or tokens[k].low in lex.MODALS or tokens[k].low in _ADVERBS
    ):
        k += 1  # from "should have" or "if the DBA had" to the participle: "checked", "read"
    if not is_participle(tokens[k].text):  # inverted: "had the engineer tested the script"
        k = next((j for j in range(k + 1, min(k + 5, len(tokens))) if tokens[j].sentence == tokens[k].sentence
                  and is_participle(tokens[j].text)), None)
        if k is None:
            return _HINT
    verb = tokens[k].low
    words = []
    for before, t in zip(tokens[k : k + 7], tokens[k + 1 : k + 8]):
        if t.sentence != tokens[k].sentence or t.low in _STOP or t.low in lex.MODALS:
            break
        if not _CLAUSE_BREAKS.isdisjoint(an.text[before.end : t.start]):
            break  # "if the DBA had read the runbook, none of this …": the act ends at the comma
        words.append(t.text)
    gerund = _gerund(verb) if verb not in ("been", "to") else ""
    if not gerund or not words:
        return _HINT
    act = " ".join([gerund, *words])
    said = [t.low for t in tokens if start <= t.start and t.end <= tokens[k].start]
    if any(low in ("not", "never") or low.endswith(("n't", "n’t")) for low in said):  # "should not have deployed"
        return (
            f"Describe what would have stopped {act} without relying on someone remembering it "
            "(a check, a guard, an alert), not what someone should not have done."
        )
    return (
        f"Describe what would have made {act} happen without relying on someone remembering it "
        "(a runbook step, a check, an alert), not what someone should have done."
    )


def _counterfactuals(an):
    tokens = an.tokens
    for k, tok in enumerate(tokens):
        low = tok.low
        same = lambda j: 0 <= j < len(tokens) and tokens[j].sentence == tok.sentence  # noqa: E731
        if low in ("should", "could") and same(k + 3) and tokens[k + 1].low in ("we", "i", "you", "they", "he", "she") \
                and tokens[k + 2].low in _HAVE and is_participle(tokens[k + 3].text) and not (same(k - 1) and tokens[k - 1].low in ("how", "if", "whether")):
            yield tok.start, tokens[k + 3].end  # "What should we have tested that we didn't?"
            continue
        inverted = _inverted_subject(an, k) if low in ("should", "could") else None
        if inverted is not None:
            yield tok.start, tokens[inverted].end  # "what action could Netflix have taken?"
            continue
        if low == "would" and same(k + 4) and tokens[k + 1].low in _HAVE and tokens[k + 2].low == "been" and tokens[k + 3].low == "to" \
                and _wiser_subject(an, k):
            v = k + 4
            while same(v + 1) and tokens[v].low in _ADVERBS | {"have", "first"} or same(v + 1) and tokens[v].low.endswith("ly") and len(tokens[v].low) > 4:
                v += 1  # "to clearly identify", "to have created"
            if same(v) and (_base_verb_at(an, v) or tokens[v - 1].low == "have" and is_participle(tokens[v].text)):
                yield tok.start, tokens[v].end  # "the correct course of action would have been to identify …"
                continue
        if low in ("would", "should") and same(k + 5) and tokens[k + 1].low in _HAVE and tokens[k + 2].low == "been" \
                and tokens[k + 3].low in _WISER and tokens[k + 4].low == "to" and _base_verb_at(an, k + 5):
            yield tok.start, tokens[k + 5].end  # "It would have been better to just roll it back": a judged decision
            continue
        if low in lex.MODALS or low in _CONTRACTED or low in _NEGATED:
            modal = _CONTRACTED.get(low) or _NEGATED.get(low) or low
            negated = low in _NEGATED or (same(k + 1) and tokens[k + 1].low in ("not", "never"))
            j = k + 1
            if modal == "ought":
                if same(j) and tokens[j].low in ("not", "never"):
                    j += 1  # "we really ought not to have refactored every binary at once"
                if not (same(j) and tokens[j].low == "to"):
                    continue
                j += 1
            if low not in _CONTRACTED:
                while same(j) and tokens[j].low in _ADVERBS:
                    j += 1
                if not (same(j) and tokens[j].low in _HAVE) and not (same(j) and tokens[j].low in ("had",)):
                    continue
                if tokens[j].low == "had":
                    continue
                j += 1
            while same(j) and tokens[j].low in _ADVERBS:
                j += 1
            if modal in ("should", "ought") and _elided(an, j):
                # the verb phrase left out, standing for the act just named: "someone clicked
                # something they shouldn't have", "he deleted the table, which he should not have"
                subject = person_subject_before(an, k)
                if subject is not None and tokens[subject.start].low not in _EXCULPATORY and not phrase_no_one(an, subject) \
                        and not _expectation(an, subject.start, j):
                    yield tokens[subject.start].start, tokens[j - 1].end
                continue
            if not same(j):
                continue
            if tokens[j].low == "been":
                while same(j + 2) and tokens[j + 1].low in ("better", "properly", "more", "carefully", "thoroughly", "fully"):
                    j += 1  # "should have been better code reviewed"
                    if same(j + 1) and tokens[j + 1].low in ("code",):
                        j += 1
                if same(j + 1) and modal in ("should", "ought") and _passive_duty(an, k, j + 1) and not _by_a_system(an, j + 2) \
                        and not _embedded_question(an, k):
                    # "should not have been rushed to production": the person is only hidden
                    yield tok.start, tokens[j + 1].end
                    continue
                if same(j + 1) and modal in ("would", "could") and not negated and tokens[j + 1].low in PASSIVE_DUTIES and _by_an_act(an, j + 2):
                    # "an error that would have been caught immediately by just trying to import
                    # it": the duty is a person's act, not a system's
                    yield tok.start, tokens[j + 1].end
                    continue
                if not (same(j + 1) and tokens[j + 1].low in _BEEN_JUDGING):
                    continue  # passive: "should have been paged" is about the paging
            elif not is_participle(tokens[j].text):
                continue  # "should have a runbook", "would have had no way to see"
            if modal == "might" or tokens[j].low == "had":
                continue
            if modal in ("could", "might") and (tokens[j].low in _OUTCOMES or _lucky(an, tok.sentence)):
                continue  # "We got lucky: we could have lost the whole database": luck, not hindsight
            subject = person_subject_before(an, k)
            if subject is None:
                continue
            if subject.start > 0 and tokens[subject.start - 1].low in ("how", "whether", "if"):
                continue  # "reflecting on how we could have prevented it": a question for the review
            if subject.start > 0 and _gerund(tokens[subject.start - 1].low) and (
                    subject.start == 1 or tokens[subject.start - 2].sentence != tokens[subject.start].sentence):
                continue  # "Blaming the operator would have taught us nothing": the act is the subject
            if _wh_after_gerund(an, subject.start):
                continue  # "Saying what people should have done is a satisfying way to describe failure"
            # "could not have known", "nobody could have predicted": exculpatory, not blame
            if modal in ("could", "would") and (negated or tokens[subject.start].low in _EXCULPATORY or phrase_no_one(an, subject)
                                                or modal == "could" and tokens[subject.start].low in _ANYONE
                                                or modal == "could" and tokens[subject.start].low in ("any", "every")
                                                or _belief_denied(an, subject.start)):
                continue  # "I really don't think you could have seen that one coming"
            if modal == "would" and subject.kind == "pronoun" and tokens[subject.start].low not in _WOULD_SUBJECTS:
                continue
            if modal == "would" and not negated and same(j + 2) and tokens[j + 1].low == "the" and tokens[j + 2].low == "same":
                continue  # "Most people would have done the same thing": the act shared, not faulted
            yield tokens[subject.start].start, tokens[j - 1].end
        elif low in ("should", "could") and same(k + 3) and tokens[k + 1].low in ("we", "i", "you", "they", "he", "she") \
                and tokens[k + 2].low in _HAVE and is_participle(tokens[k + 3].text) and not (same(k - 1) and tokens[k - 1].low in ("how", "if", "whether")):
            yield tok.start, tokens[k + 3].end  # "What should we have tested that we didn't?"
        elif low == "failed" and same(k + 1) and tokens[k + 1].low == "to":
            subject = person_subject_before(an, k)
            if subject is not None and tokens[subject.end - 1].low not in _PEOPLE_AT_LARGE:
                yield tokens[subject.start].start, tokens[k + 1].end  # not "We easily judge people, who failed to …"
        elif low in ("had", "if") and (tok.initial or (same(k - 1) and tokens[k - 1].low in ("and", "but", "that"))):
            yield from _conditional(an, k)


# People at large, not anyone in the incident: "we easily judge people, who failed to take proper actions".
_PEOPLE_AT_LARGE = lex._words("people humans everyone everybody anyone anybody")


# What systems do to requests, messages and machines: "the e-mail should have been sent out",
# "the request should have been retried" are counterfactuals about a system.
_SYSTEM_ACTS = lex._words(
    """
    send route retry cache evict throttle reject drop block deliver trigger fire raise emit log
    return serve replicate process handle queue schedule kill terminate limit rate-limit balance
    page alert notify restart reboot scale provision allocate trip detect invalidate expire
    refresh renew rotate propagate sync synchronise synchronize flush purge store save write
    load read parse execute run call invoke forward redirect resolve generate compute display
    show render set enable disable start stop shut spin launch apply trigger prompt
    """
)
# Runtime things that systems act on: the subject of a passive about a system.
_RUNTIME_THINGS = lex._words(
    """
    request requests packet packets traffic connection connections message messages email emails
    e-mail e-mails alert alerts alarm alarms notification notifications page pages event events
    log logs metric metrics query queries job jobs pod pods node nodes instance instances host
    hosts server servers container containers process processes thread threads task tasks
    response responses call calls record records row rows cache entry entries token tokens
    certificate certificates lock locks session sessions signal signals error errors exception
    exceptions warning warnings retry retries user users customer customers
    """
)


_ELLIPSIS_ENDS = lex._words("but and because since so though although as when")


_DOUBT = lex._words("doubt doubted")


def _gerund(low: str) -> bool:
    return low.endswith("ing") and len(low) > 5 and low not in ("during", "nothing", "something", "anything", "everything")


_WH = lex._words("what why how where when")


_EMBEDDED_WH = lex._words("who what how which whether where when why")


def _embedded_question(an, k) -> bool:
    """ "a flurry of decisions: who should have been paged, how the runbook should have been
    structured": a wh-word inside the sentence, a few words before the modal, asks what to
    decide; it does not say what should have been done."""
    tokens = an.tokens
    start = an.sentences[tokens[k].sentence][0]
    for b in range(k - 1, max(start, k - 5), -1):
        if tokens[b].low in _EMBEDDED_WH:
            return True
        if tokens[b].low in lex.MODALS or tokens[b].low in ("is", "was", "are", "were"):
            return False
    return False


def _wh_after_gerund(an, start) -> bool:
    """ "Saying what people should have done …", "Asking why the engineer could have missed it …":
    the counterfactual is a wh-clause, the object of a gerund that is the sentence's subject —
    what such talk does is the topic, not what someone should have done."""
    tokens = an.tokens
    if start < 2 or tokens[start - 1].low not in _WH:
        return False
    first = tokens[start - 2]
    return first.initial and _gerund(first.low) and first.sentence == tokens[start].sentence and (
        start - 2 == 0 or tokens[start - 3].sentence != first.sentence)


def _belief_denied(an, start) -> bool:
    """A belief denied before the subject at ``start``: "I don't think you could have …", "I
    doubt anyone could have …" say the person could not have known."""
    tokens = an.tokens
    before = [t.low for t in tokens[max(0, start - 5) : start] if t.sentence == tokens[start].sentence]
    for n, low in enumerate(before):
        if low in _DOUBT:
            return True
        if low in _THINKING and any(w in ("not", "never") or w.endswith(("n't", "n’t")) for w in before[max(0, n - 3) : n]):
            return True
    return False


def _elided(an, j) -> bool:
    """Whether the verb phrase after "should have" at token ``j`` is left out: the sentence
    or the clause ends there ("…, which he should not have.", "they shouldn't have, but …")."""
    tokens = an.tokens
    if j >= len(tokens) or tokens[j].sentence != tokens[j - 1].sentence:
        return True
    gap = an.text[tokens[j - 1].end : tokens[j].start]
    return any(c in gap for c in ",;:)—–") or tokens[j].low in _ELLIPSIS_ENDS


# Verbs of what reaches a person rather than what a person does: "we did not receive the
# alerts (we should have)" is an expectation of a system, not a duty.
_THINKING = lex._words("believe believed think thought guess guessed suppose supposed feel felt know knew")
_RECEIVING = lex._words("receive received receives get got gets see saw seen sees hear heard hears be been was were is are have had has")


def _expectation(an, subject, j) -> bool:
    """Whether an elided "should have" (subject at token ``subject``, the gap at ``j``) stands
    for an expectation rather than a duty: asked as a question ("I believe we should have?"),
    or standing for a verb of receiving ("we did not receive the alerts, we should have")."""
    tokens = an.tokens
    after = an.text[tokens[j - 1].end : tokens[j].start if j < len(tokens) else len(an.text)]
    if "?" in after[:3]:
        return True
    for t in range(subject - 1, -1, -1):
        if tokens[t].sentence != tokens[subject].sentence:
            break
        if tokens[t].low in _THINKING or tokens[t].low in cl.PRONOUNS:
            continue  # "I believe we should have": the verb the ellipsis stands for is earlier
        if cl._is_finite(an, t) or tokens[t].low in _RECEIVING:
            return tokens[t].low in _RECEIVING or tokens[t].base.lower() in _RECEIVING
    return False


def _passive_duty(an, modal, k):
    """ "should have been <participle>" at token ``k`` hides who should have done a duty:
    "the staging environment should have been checked beforehand", "the version should've been
    bumped"; not what a system should have done to a request or a message ("the e-mail should
    have been sent out", "the request should have been retried")."""
    tokens = an.tokens
    low = tokens[k].low
    if low in _PASSIVE_DUTIES:
        return True
    lemma = _participle_lemma(low)
    after = [t.low for t in tokens[k + 1 : k + 4] if t.sentence == tokens[k].sentence]
    # "the rollback should have been started sooner": the timing of a response is people's
    timely = bool(after) and after[0] in ("sooner", "earlier", "quicker", "faster")
    if lemma is None or lemma in _SYSTEM_ACTS and not timely:
        return False
    if "automatically" in after or "default" in after and "by" in after:
        return False  # "should have been restored automatically": what the system should do
    m = modal - 1  # the subject's head, over "not", "really", "also"
    while m >= 0 and tokens[m].sentence == tokens[modal].sentence and (tokens[m].low in _ADVERBS or tokens[m].low.endswith("ly")):
        m -= 1
    if m < 0 or tokens[m].sentence != tokens[modal].sentence:
        return False
    head = tokens[m].base.lower()
    if head in ("that", "which") and m > 0 and tokens[m - 1].sentence == tokens[m].sentence and tokens[m - 1].low.isalpha() \
            and tokens[m - 1].low not in lex.STOPWORDS and not is_participle(tokens[m - 1].low) and not tokens[m - 1].low.endswith("ing"):
        # a relative clause: the duty is the antecedent's, "development work that should have
        # been done", "the checks that should have been run" (not "so that should have been")
        m -= 1
        head = tokens[m].base.lower()
    if head in _RUNTIME_THINGS or head in ("this", "that", "which", "there", "they", "these", "those"):
        return False
    return head.isalpha() or head[:1] == "`" or "`" in head


_ATTENDED = lex._words("fixed addressed dealt resolved")


def _conditional_duty(an, k):
    """A duty in a passive conditional: "had it been taken care of sooner", "if the change had
    been reviewed"; not a setting ("if the retry budget had been capped"): analysis of what a
    system would have done is how a blameless review reasons."""
    tokens = an.tokens
    low = tokens[k].low
    if low in _PASSIVE_DUTIES or low in _ATTENDED:
        return True
    return low == "taken" and k + 2 < len(tokens) and tokens[k + 1].low == "care" and tokens[k + 2].low == "of"


def _participle_lemma(low):
    """The verb whose past participle ``low`` is ("checked" -> check, "taken" -> take), from
    lemminflect's tables, or None: "should have been available" holds no participle."""
    global _PARTICIPLES
    if _PARTICIPLES is None:
        from functools import lru_cache

        import lemminflect

        @lru_cache(maxsize=2048)
        def lookup(word):
            for lemma in lemminflect.getAllLemmas(word).get("VERB", ()):
                if word in lemminflect.getInflection(lemma, tag="VBN"):
                    return lemma
            return None

        _PARTICIPLES = lookup
    if not low.replace("-", "").isalpha():
        return None
    return _PARTICIPLES(low)


_PARTICIPLES = None


def _inverted_subject(an, k):
    """A question with the subject after the modal at ``k``: "what could the on-call engineer
    have done", "what action could Netflix have taken?". The index of the participle, or None."""
    from . import _clauses as cl

    tokens = an.tokens
    if k > 0 and tokens[k - 1].sentence == tokens[k].sentence and tokens[k - 1].low in ("how", "if", "whether"):
        return None  # "reflecting on how we could have prevented it": a question for the review
    for h in range(k + 2, min(len(tokens) - 1, k + 6)):
        if tokens[h].sentence != tokens[k].sentence:
            return None
        if tokens[h].low in _HAVE:
            if not (tokens[h + 1].sentence == tokens[k].sentence and is_participle(tokens[h + 1].text)):
                return None
            actor = cl.actor_ending_at(an, h - 1)
            one = tokens[k + 1]
            if h == k + 2 and one.capitalised and not one.initial and one.base.lower() not in lex.SYSTEMS:
                return h + 1  # an organisation: "could Netflix have taken"
            if actor is None or actor.start != k + 1 or not actor.person or actor.generic or actor.kind == "pronoun":
                return None  # pronouns: the branch below
            return h + 1
    return None


def _by_an_act(an, j):
    """ "… by just trying to import it", "… by running the tests": "by" and the gerund of an act,
    over adverbs (not "by the canary", "by monitoring", a thing)."""
    tokens = an.tokens
    for k in range(j, min(len(tokens), j + 4)):
        if tokens[k].sentence != tokens[j].sentence:
            return False
        if tokens[k].low == "by":
            for m in range(k + 1, min(len(tokens), k + 4)):
                low = tokens[m].low.strip("*")
                if tokens[m].sentence != tokens[k].sentence:
                    return False
                if low.endswith("ing") and m + 1 < len(tokens) and tokens[m + 1].sentence == tokens[m].sentence \
                        and (tokens[m + 1].low in ("to", "the", "a", "an", "it", "our", "their", "his", "her", "my") or tokens[m + 1].low.endswith("ing")):
                    return True  # a gerund with an object: an act someone does
                if not (low.endswith("ly") or low in ("just", "simply", "even", "only", "also")):
                    return False
            return False
    return False


def _by_a_system(an, j):
    """ "should have been caught by the canary": a counterfactual about a system."""
    tokens = an.tokens
    if j >= len(tokens) or tokens[j].low != "by" or tokens[j].sentence != tokens[j - 1].sentence:
        return False
    for k in range(j + 1, min(len(tokens), j + 5)):
        if tokens[k].sentence != tokens[j].sentence:
            break
        if tokens[k].low in lex.ROLE_NOUNS or tokens[k].low in lex.TEAM_NOUNS or tokens[k].low in lex.PERSON_PRONOUNS:
            return False
    return True


def phrase_no_one(an, subject):
    return subject.start > 0 and an.tokens[subject.start].low == "no" or (
        an.tokens[subject.start].low == "one" and subject.start > 0 and an.tokens[subject.start - 1].low == "no"
    )


def _done_after(an, j):
    """Whether a past participle follows at ``j`` ("had checked"), not "had an alert" or "had been paged"."""
    tokens = an.tokens
    while j < len(tokens) and tokens[j].low in _ADVERBS:
        j += 1
    if j >= len(tokens):
        return False
    if tokens[j].low == "been":
        return j + 1 < len(tokens) and tokens[j + 1].low in _BEEN_JUDGING
    return tokens[j].low != "had" and is_participle(tokens[j].text)


_NOTS = lex._words("not never n't")
_NEGATED_MODALS = lex._words("wouldn't wouldn’t couldn't couldn’t")


def _credit(an, had) -> bool:
    """Whether a condition "if <person> had not <done>" credits the act rather than faulting it:
    the act is a response or a discovery, the condition is negated and the consequence is not
    ("If Alice had not noticed the spike, we would have found out from customers"). "If the engineer had not run the script, the outage
    would not have happened" and "If he had checked, we would have caught it" fault the person."""
    tokens = an.tokens
    sentence = tokens[had].sentence
    same = lambda t: t < len(tokens) and tokens[t].sentence == sentence  # noqa: E731
    if not (tokens[had].low in ("hadn't", "hadn’t") or same(had + 1) and tokens[had + 1].low in _NOTS):
        return False
    verb = next((t for t in range(had + 1, min(len(tokens), had + 5)) if same(t) and tokens[t].low not in _ADVERBS), None)
    if verb is None or not (tokens[verb].low in lex.RESPONSE_VERBS or tokens[verb].low in cl._DISCOVERIES or tokens[verb].low in cl._PERCEIVED):
        return False  # "If the engineer had not skipped the test, …": a lapse undone, still the person's
    for t in range(had + 2, len(tokens)):
        if not same(t):
            return False
        if tokens[t].low in _NEGATED_MODALS:
            return False
        if tokens[t].low in ("would", "could", "would've", "would’ve", "could've", "could’ve"):
            return not (same(t + 1) and (tokens[t + 1].low in _NOTS or tokens[t + 1].low in ("no", "nothing")))
    return False


def _conditional(an, k):
    """ "Had the reviewer looked …, we would have …" and "If (only) the SRE had read …" """
    tokens = an.tokens
    tok = tokens[k]
    sentence = [t.low for t in tokens if t.sentence == tok.sentence]
    consequence = any(
        sentence[n] in ("would", "could", "wouldn't", "couldn't", "would’ve", "would've") for n in range(len(sentence))
    )
    j = k + 1
    if tok.low == "if" and j < len(tokens) and tokens[j].low == "only":
        j += 1
        consequence = True
    if not consequence:
        return
    # "Had it been taken care of sooner …, this would have been fixed days earlier", "If the
    # change had been reviewed …": a passive that hides who should have done a duty
    for m in range(j, min(len(tokens) - 1, j + 6)):
        if tokens[m].sentence != tok.sentence or tokens[m].low in (",", "would", "could"):
            break
        after_been = m + 1
        if tok.low == "if" and tokens[m].low == "had" and after_been < len(tokens) and tokens[after_been].low == "been":
            after_been += 1
        elif not (tok.low == "had" and tokens[m].low == "been" and m > j):
            continue
        if after_been < len(tokens) and tokens[after_been].sentence == tok.sentence and _conditional_duty(an, after_been) \
                and not _by_a_system(an, after_been + 1):
            yield tok.start, tokens[after_been].end
            return
        break
    # find the subject: up to four words, ending in a person
    for end in range(j, min(len(tokens), j + 4)):
        if tokens[end].sentence != tok.sentence:
            return
        if tok.low == "if" and tokens[end].low in ("had", "hadn't", "hadn’t"):
            subject = person_subject_before(an, end)
            if subject is not None and subject.start >= j and _done_after(an, end + 1) and not _credit(an, end):
                yield tok.start, tokens[end].end
            return
        if tok.low == "had":
            person = person_at(an, end) if tokens[end].capitalised or tokens[end].is_handle else None
            if person is not None and person.start == j:
                if _done_after(an, person.end):
                    yield tok.start, tokens[person.end - 1].end
                return
            if tokens[end].low in lex.PERSON_PRONOUNS or tokens[end].low in lex.ROLE_NOUNS or tokens[end].low in lex.TEAM_NOUNS:
                while end + 1 < len(tokens) and (tokens[end + 1].low in lex.ROLE_NOUNS or tokens[end + 1].low in lex.TEAM_NOUNS):
                    end += 1  # "the on-call engineer", "the release team"
                subject = person_subject_before(an, end + 1) if end + 1 < len(tokens) else None
                if subject is not None and subject.start >= j and _done_after(an, end + 1):
                    yield tok.start, tokens[end].end
                return
