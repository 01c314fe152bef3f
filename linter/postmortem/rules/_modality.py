"""Modality of a sentence that the blame rules share: whether what a sentence says of people
is said as a rule (generic, habitual) rather than as an account of one incident.

"After every outage, we write a blameless post-mortem to learn from our mistakes", "Even the
sharpest tools in the IT shed blunder from time to time": a frequency word and no past tense
in the sentence make it a statement about what happens as a rule. "The intern often skipped
the tests" (past) and "the operator forgot the flag every time" (past) stay accounts. A
participle after a present passive ("someone’s getting so fired") or an -ed adjective before its
noun ("this kind of fat-fingered typo apparently happens far more often") is no past; "prone"
and "tend" are words of habit too.

What a sentence supposes (a condition about anyone, or on what exists: "if there are levels of
gross negligence …"), asks, voices for someone else (a temptation or a wrong belief, what a
view holds: "this approach … assumes negligence", what people or an inquiry conclude as a
rule: "the investigation will often … conclude that …") or leaves to be proved ("the employer
must show that an employee actually caused damage") is not an account of blame either.
"""

from . import _lexicon as lex

# Words that make a statement habitual or generic: how often something happens.
_FREQUENCY = lex._words(
    "often usually always generally typically frequently sometimes occasionally rarely seldom commonly normally "
    "whenever inevitably routinely prone tend tends"
)
# "every outage", "each incident", "every time": a quantified occasion
_EVERY = lex._words("every each")
_OCCASIONS = lex._words("time times outage outages incident incidents failure failures postmortem post-mortem postmortems post-mortems case cases day week release deploy deployment")
# "from time to time", "in most cases", "most of the time", "all the time", "sooner or later",
# "at some time or another"
_PHRASES = (
    ("from", "time", "to", "time"), ("in", "most", "cases"), ("most", "of", "the", "time"), ("more", "often", "than", "not"),
    ("all", "the", "time"), ("sooner", "or", "later"), ("time", "or", "another"),
)
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
    """Whether token ``i`` stands in a sentence said as a rule and with no mark of the past (a
    past-tense auxiliary, a verb in -ed) anywhere in it ("While we usually deploy with Salt, we
    missed the certificates this time" is an account): a word of frequency, a sentence about
    everybody ("At some point, everybody screws up"), or one that opens on a condition in the
    present ("When things go wrong, people still need to get fired, right?")."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    if not (_frequency(lows) or _about_everybody(lows) or _present_when(lows) or _kind_in_general(lows)):
        return False
    return not told_in_past(lows) and not any(irregular_past(low) for low in lows)


# Who a sentence said of everybody is about: "everybody screws up", "anyone makes mistakes".
_EVERYBODY = lex._words("everybody everyone anybody anyone nobody")


def _about_everybody(lows: list[str]) -> bool:
    """Everybody as the subject of a verb in the present: "everybody screws up", "nobody
    enjoys being paged at 3 a.m." (a verb in -s right after the pronoun)."""
    return any(
        low in _EVERYBODY and nxt.endswith("s") and not nxt.endswith("ss") and len(nxt) > 3 and nxt not in lex.STOPWORDS
        for low, nxt in zip(lows, lows[1:])
    )


def _kind_in_general(lows: list[str]) -> bool:
    """A sentence that opens on people of a kind in the bare plural and a verb in the present
    ("Developers forget to update docs", "Humans err continually"): what such people do as a
    rule. "The developers forgot …" has its article; "Developers forgot …" has its past."""
    first = 1 if lows[:1] in (["and"], ["but"], ["so"]) else 0
    if len(lows) < first + 2:
        return False
    subject, verb = lows[first], lows[first + 1]
    if not (subject.endswith("s") and len(subject) > 3 and (_role(subject) or _role(subject[:-1])) or subject in ("people", "humans")):
        return False
    return verb.isalpha() and not verb.endswith("ed") and verb not in lex.STOPWORDS - _AUX_PRESENT


_AUX_PRESENT = lex._words("are do don't can can't will won't may might must should")


def _present_when(lows: list[str]) -> bool:
    """A sentence that opens on "when" or "whenever" (after "and", "but", "so"): with no past
    anywhere in it, a rule of what happens on such occasions."""
    first = 1 if lows[:1] in (["and"], ["but"], ["so"]) else 0
    return lows[first : first + 1] in (["when"], ["whenever"])


def told_in_past(lows: list[str], duties: bool = True) -> bool:
    """Whether the words of a sentence mark the past: a past auxiliary, a word of past time,
    a verb in -ed that is neither a present passive ("are handled") nor an adjective before its
    noun ("a fat-fingered typo"); with ``duties``, a modal of duty ("should", "must") too, as
    ``_clauses.general_condition`` counts them."""
    return any(
        (low in _PAST and (duties or low not in _DUTIES)) or low.endswith("ed") and len(low) > 4 and not _after_present_passive(lows, n)
        for n, low in enumerate(lows)
    )


_DUTIES = lex._words("should ought must")


# An -ed word after these is an adjective before its noun ("this kind of fat-fingered typo",
# "a failed deploy"), not a verb in the past.
_ATTRIBUTIVE_LEADS = lex._words("a an the this that these those of with some any no his her their our my your its")


def _after_present_passive(lows: list[str], n: int) -> bool:
    if n > 0 and lows[n - 1] in _ATTRIBUTIVE_LEADS and n + 1 < len(lows) and lows[n + 1] not in lex.STOPWORDS:
        return True
    k = n - 1
    if k > 0 and (lows[k] in ("so", "really", "just", "all") or lows[k].endswith("ly") and len(lows[k]) > 4):
        k -= 1  # "getting so fired", "is quietly dropped"
    return k >= 0 and lows[k] in _PRESENT_PASSIVE


# A participle after these is a present passive ("someone's getting fired", "is deleted"), not
# a mark of the past.
_PRESENT_PASSIVE = lex._words("get gets getting is are am be being")


def token_at(an, offset: int) -> int:
    """The index of the token that starts at or after ``offset``."""
    return next((k for k, t in enumerate(an.tokens) if t.start >= offset), len(an.tokens) - 1)


# Who a condition is about when it is said of anyone at all: "if you screwed up", "if anyone
# talks about …".
_ANYONE = lex._words("you anyone anybody someone somebody one people")
_CONDITIONAL = lex._words("if unless whenever when")
_SUPPOSING = lex._words("say suppose supposing")


def hypothetical(an, i: int) -> bool:
    """Whether token ``i`` stands in what a sentence supposes rather than reports: a condition
    about anyone at all ("It was a great place to work, no finger pointing, if you screwed up no
    big deal", "If you are accidentally banned, we are sorry"), what follows "as if" ("everyone
    blames him, as if he had the malicious intent …"), or a sentence that opens by supposing
    ("Say there's an incident and … Bobby and Susan screwed up"). A condition about a person
    or put counterfactually ("if the engineer had checked the flag, …") is not."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    first = 1 if lows[:1] in (["and"], ["but"], ["so"]) else 0
    if lows[first : first + 1] and lows[first] in _SUPPOSING or lows[first : first + 2] in (["let's", "say"], ["let’s", "say"]):
        return True
    if any(lows[n] == "as" and lows[n + 1] in ("if", "though") for n in range(k - 1) if n + 1 < k):
        return True
    if any(low in lex.MODALS and nxt in ("have", "'ve", "’ve") for low, nxt in zip(lows, lows[1:])):
        return False  # "… would have survived": a counterfactual, an account of what was not done
    for n in range(k - 1, -1, -1):
        if lows[n] in _CONDITIONAL:
            # the condition's subject right after the conjunction: "if you …", "if anyone …",
            # "when an engineer makes a mistake, …" (anyone in that role); not when the sentence
            # then names who ("if anybody is to be blamed …, it is on me"), and "when" only in
            # the present ("when the engineer ran the script, …" is an account)
            anyone = n + 1 < len(lows) and (
                lows[n + 1] in _ANYONE or lows[n + 1] in ("a", "an", "any") and n + 2 < len(lows) and _role(lows[n + 2])
                or lows[n + 1] in ("there's", "there’s")
                or lows[n + 1] == "there" and n + 2 < len(lows) and lows[n + 2] in ("is", "are", "be")
            )  # "if there are levels of gross negligence …": whether something exists, supposed
            end = next((m for m in range(n + 1, len(lows)) if clause_break(an, sentence, m, ",;:—–")), len(lows))
            if lows[n] == "when" and any(low in _PAST or low.endswith("ed") and len(low) > 4 or irregular_past(low) for low in lows[n + 1 : end]):
                return False  # "when a student intern … inadvertently brought flight traffic to a standstill": an account
            if any(low in ("had", "hadn't", "hadn’t") for low in lows[n + 1 : k]):
                return False  # "if the engineer had checked, …", "if you had tested it, …"
            return anyone and not _cleft(lows[k:])
        if lows[n] in ("because", "since", "but", "so", "then") or clause_break(an, sentence, n, ",;:—–"):
            return False  # the token is past the condition: "When you get to a certain point, it becomes …"
    return False


def irregular_past(low: str) -> bool:
    from ._language import _IRREGULAR_PAST

    return low in _IRREGULAR_PAST


def _role(low: str) -> bool:
    """A role noun, known by the clause parser's class or by its form ("a sysadmin", "an
    electrician"): read only for a condition that opens "if a …" or "when an …"."""
    from . import _clauses as cl  # deferred: _clauses is the heavier module

    return low in cl.ROLE_NOUNS or cl.role_compound(low) or low in cl.occupations()


def clause_break(an, sentence, n, marks=";:—–") -> bool:
    """A clause boundary just before token ``n`` of ``sentence`` (a semicolon, a colon, a dash;
    with ``marks``, other punctuation too)."""
    if n == 0:
        return False
    gap = an.text[sentence[n - 1].end : sentence[n].start]
    return any(c in gap for c in marks)


_CLEFT_FOCUS = lex._words("on me him her them us you")


def _cleft(lows: list[str]) -> bool:
    """ "it is on me", "it's me": a cleft that names who."""
    for n in range(len(lows) - 1):
        if lows[n] in ("it's", "it’s") and lows[n + 1] in _CLEFT_FOCUS:
            return True
        if lows[n] == "it" and lows[n + 1] in ("is", "was") and n + 2 < len(lows) and lows[n + 2] in _CLEFT_FOCUS:
            return True
    return False


# Verbs that put a question, so that the clause after "who" or "whether" is open: "we never ask
# who made the mistake", "Asking who forgot …", "I wonder whether … blame the person".
_ASKING = lex._words("ask asks asked asking wonder wonders wondered wondering question questions")
_WHO = lex._words("who whom whoever")


def open_question(an, i: int) -> bool:
    """Whether token ``i`` stands in a clause that asks rather than tells: after "whether", or
    after "who" put as a question ("we never ask who made the mistake", "The question is not
    who screwed up", a sentence opening "Who forgot …" without a question mark). "The engineer
    who deleted the table" is a relative clause and tells."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    for n in range(k - 1, -1, -1):
        if lows[n] == "whether":
            return True
        if lows[n] in _WHO:
            before = lows[n - 1] if n > 0 else ""
            return before in _ASKING or before in ("not", "is", "was") or n == 0 and not an.text[sentence[-1].end :].lstrip().startswith("?")
        if clause_break(an, sentence, n, ",;:—–"):
            return False
    return False


# A claim put as a temptation or a mistaken belief: "It is tempting to say the engineer should
# have known better", "makes us falsely believe we should have seen it coming".
_VOICING = lex._words("say saying believe believing think thinking conclude concluding assume assuming feel assumes concludes believes told")
# What holds a view that is not the writer's: "this approach … assumes negligence".
_VIEW_HOLDERS = lex._words("it approach view culture model theory mindset framing narrative")
_FRAMES = lex._words("tempting falsely wrongly mistakenly")  # not "it's easy to say …, but": that concedes it
# What anyone may say: a verb of voicing after a modal of possibility with the generic "you" or
# "one" as its subject ("You can say it was caused by the welders …", "one could say …").
_GENERIC_SPEAKERS = lex._words("you one")
_POSSIBLE = lex._words("can could may might")


def voiced(an, i: int) -> bool:
    """Whether token ``i`` stands in what someone is said to be tempted to say or to believe
    wrongly, or what anyone may say ("you can say …"), not what the writer says."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    if any(lows[n] == "tempting" and lows[n + 1] == "to" for n in range(max(0, k - 4), k) if n + 1 < len(lows)):
        return True  # "It's tempting to blame the operator": a temptation named, not yielded to
    for n in range(k - 1, -1, -1):
        if lows[n] in _VOICING and n >= 2 and lows[n - 1] in _POSSIBLE and lows[n - 2] in _GENERIC_SPEAKERS:
            return True  # "You can say it was caused by the welders": what anyone may say
        if lows[n] in _VOICING:
            # a frame of temptation or error, a view that holds it, or people who hold it as a
            # rule ("the investigation will often … conclude that", "people are prone to …,
            # believing they overlooked …")
            return any(low in _FRAMES for low in lows[max(0, n - 3) : n]) or n > 0 and lows[n - 1] in _VIEW_HOLDERS \
                or _frequency(lows[:n]) and not any(low in _PAST for low in lows[:n])
    return False


# Verbs of proof: what someone must show is not yet shown ("the employer must show that an
# employee actually caused damage", "we need to prove that the operator …").
_PROVING = lex._words("show prove demonstrate establish")
_OBLIGED = lex._words("must should would could to need needs")


def to_be_proved(an, i: int) -> bool:
    """Whether token ``i`` stands in the "that" clause of a verb of proof put as a duty or an
    aim ("must show that …", "to prove that …"): a claim still to be made, not an account."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    for n in range(k - 1, 0, -1):
        if lows[n] == "that" and lows[n - 1] in _PROVING:
            return n >= 2 and lows[n - 2] in _OBLIGED
        if clause_break(an, sentence, n, ";:—–"):
            return False
    return False


# What a sentence says of an act (blaming, as a rule) when it rejects it: "… is wrong", "… is simply unfair".
_REJECTING = lex._words("wrong unfair unjust pointless useless futile counterproductive misguided unhelpful ineffective")
# Words that end the subject an act stands in: a new clause begins.
_BE = lex._words("is are was were")
_SUBJECT_ENDS = lex._words("because but and or so which who that while although though since when if as i we he she they")


def rejected(an, i: int) -> bool:
    """Whether token ``i`` (blaming, as a rule) stands in the subject of a verb "be" whose
    complement rejects it ("But the idea that they are blaming this on the human is wrong", "why the
    continuous blaming of human error is wrong – not “mean,” …"): blaming argued against, not
    laid. "The operator is to blame and that is wrong" has a new clause before the verb and
    stays; so does "they blamed the operator, which was unfair" (a comma, then a relative)."""
    tokens = an.tokens
    sentence = tokens[i].sentence
    for k in range(i + 1, len(tokens)):
        tok = tokens[k]
        if tok.sentence != sentence or tok.low in _SUBJECT_ENDS or any(c in an.text[tokens[k - 1].end : tok.start] for c in ",;:—–("):
            return False
        if tok.low in _BE and k > i + 1:
            rest = [t.low for t in tokens[k + 1 : k + 4] if t.sentence == sentence]
            while rest and (rest[0] in ("just", "simply", "plain", "plainly", "clearly", "both") or rest[0].endswith("ly") and len(rest[0]) > 4):
                rest = rest[1:]  # "is just plain wrong", "is clearly unfair"
            return bool(rest) and rest[0] in _REJECTING
    return False


# Words after "whether" or "either" that open a clause: "whether this was …", "either the docs were …".
_CLAUSE_OPENINGS = lex._words("the a an this that these those it there he she they i we you my our your his her their its")


def alternative(an, i: int) -> bool:
    """Whether token ``i`` stands in one of two clauses put as alternatives, neither asserted:
    after "whether" or "either" opening a clause, with an "or" after it in the sentence ("it's
    hard to say whether this was an incompetent employee or a poor process", "either the docs
    were for a different version, or I was in the wrong place"). "Either" before a noun
    phrase ("did not contact either the regulator or the minister") opens no clause; a sanction
    put in a question of whether stays a record ("whether he will be fired or suspended"), so
    that rule passes ``alternatives=False`` to :func:`unasserted`."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    for n in range(k - 1, -1, -1):
        if lows[n] in ("whether", "either"):
            if n + 1 >= len(lows) or lows[n + 1] not in _CLAUSE_OPENINGS or "or" not in lows[n + 2 :]:
                return False
            return lows[n] == "whether" or n == 0 or clause_break(an, sentence, n, ",;:—–")  # "…: either the docs were …"
        if clause_break(an, sentence, n, ";:—–"):
            return False
    return False


# A question put first with one of these, to "you" or "one" as anyone: "Can you get fired for
# your mistake?", "What do you do with …?" ("could you …" asks someone to do something).
_GENERAL_AUXILIARIES = lex._words("can do does should will would")
_RELATIVES = lex._words("who whom which that")


def general_question(an, i: int) -> bool:
    """Whether token ``i`` stands in a question put in the present to anyone: opened by an
    auxiliary ("Can you …", after "what": "What do you do with …"), with "you" or "one" as
    its subject, no "please" and no @handle (a request to someone), and no past in its main
    clause (before a relative pronoun). "Did you realise that …?", "How can you delete your own
    blog and not notice?" and "Why didn't you catch that?" are put to someone, and stay."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    if not an.text[sentence[-1].end :].lstrip(" \t\"'”’)").startswith("?"):
        return False
    lows = [t.low for t in sentence]
    first = 1 if lows[:1] == ["what"] else 0
    if len(lows) < first + 3 or lows[first] not in _GENERAL_AUXILIARIES or lows[first + 1] not in ("you", "one"):
        return False
    if "please" in lows or any(t.is_handle for t in sentence):
        return False
    main = next((lows[:n] for n in range(first + 2, len(lows)) if lows[n] in _RELATIVES), lows)
    return not told_in_past(main, duties=False) and not any(irregular_past(low) for low in main)


def denied(an, i: int) -> bool:
    """Whether token ``i`` stands in a sentence that opens by denying its own clause ("Not that
    I think that a sysadmin has the right to screw up everything on purpose, far from that"),
    before any semicolon, colon or dash and before a "but" that turns to what is asserted ("not
    that the on-call engineer was careless, but the operator was")."""
    sentence = an.sentence_tokens(an.tokens[i].sentence)
    lows = [t.low for t in sentence]
    first = 1 if lows[:1] in (["and"], ["but"], ["so"]) else 0
    if lows[first : first + 2] != ["not", "that"]:
        return False
    k = next((n for n, t in enumerate(sentence) if t.start >= an.tokens[i].start), len(sentence))
    return not any(clause_break(an, sentence, n) or lows[n] in ("but", "yet") for n in range(first + 1, min(k + 1, len(sentence))))


def unasserted(an, i: int, asked: bool = True, alternatives: bool = True) -> bool:
    """What a sentence supposes, asks (unless ``asked`` is false), asks anyone in general, puts
    as one of two alternatives (unless ``alternatives`` is false), denies, or voices for someone else:
    not an account of blame. Punishment and the writer's own words of judgement stay blame in a
    question ("he did not say whether there would be disciplinary measures", "Who wrote this
    garbage code?"), so their rules pass ``asked=False``."""
    return hypothetical(an, i) or asked and open_question(an, i) or voiced(an, i) or to_be_proved(an, i) \
        or general_question(an, i) or alternatives and alternative(an, i) or denied(an, i)
