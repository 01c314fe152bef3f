"""Shared helpers for the action-item field rules."""

from ._fixes import cell_edit


def vocabulary(doc, column, allowed, what):
    """Findings for action items whose ``column`` is not exactly one of ``allowed``
    (a :class:`~postmortem.vocabulary.Vocabulary`); a misspelling carries its fix."""
    from ..rule import Finding

    for item in doc.actions:
        value = getattr(item, column).strip()
        span = item.cell_span(column)
        if not value:
            yield Finding(span, f"action item {item.id or '?'} has no {what}", f"Use one of: {', '.join(allowed)}.")
            continue
        if value in allowed:
            continue
        meant = allowed.canonical(value)
        if meant:
            cell = item.cell(column)
            fix = cell_edit(cell, allowed.canonical(cell.raw)) if cell is not None and cell.raw else None
            yield Finding(span, f"{what} {value!r} should be written {meant!r}", "`postmortem lint --fix` rewrites it.", fix)
        else:
            yield Finding(span, f"unknown {what} {value!r}", f"Use one of: {', '.join(allowed)}.")


# --------------------------------------------------------------------------- action text
# How an action item is worded: the verb it opens with, whether it is open-ended, whether
# it only asks people to behave differently. Used by PM301–PM303.

import re as _re

from ..spec import PLACEHOLDER as _PLACEHOLDER
from . import _lexicon as _lex
from ._language import Analysis, analyse, is_imperative, is_participle, per_analysis, phrase_at, punctuation_between, whole_phrase, words_of

_TICKET = _re.compile(r"^(?:[A-Z][A-Z0-9]*-\d+|T\d{3,})$")
_REF = r"(?:[A-Z][A-Z0-9]*-\d+|T\d{3,}|#\d+)"
# "(OPS-1234)", "[#9362]", "(see OPS-12, OPS-13)", "— tracked in INFRA-3046." closing the item:
# where the work is tracked, not what it changes
_TRAILING_REFERENCE = _re.compile(
    r"(?:\s*[(\[]\s*(?:(?i:see|tracked in|tracked by|tracked as|ticket|issue|jira)\s*:?\s*)?" + _REF
    + r"(?:\s*(?:,|/|&|and)\s*" + _REF + r")*\s*[)\]]|\s+[—–-]\s*(?i:see|tracked in|tracked as)\s+" + _REF + r")[.;]?\s*$"
)
_NOUNISH = _lex._words("test load lag rate stress smoke canary unit integration regression performance retry alert page log capacity chaos")
_PREPOSITIONS = _lex._words("per for on in of to across at with from")
_MODAL_LIKE = _lex._words("should will must need needs to would could can shall might")
_COMPARATIVES = _lex._words("better more improved faster proper enhanced increased fewer less greater stronger quicker")
_ADD_VERBS = _lex._words("add create build implement introduce get put set setup")
_FILLER = _lex._words("more better additional extra proper some improved enhanced new further the our any up")


def action_cells(doc):
    """(item, cell, analysis) for every action item with an Action cell to judge. The rules of
    one document share the list; only the last document's is kept, so no earlier document
    outlives its lint."""
    kept = _ACTION_CELLS[0]
    if kept is not None and kept[0] is doc:
        return kept[1]
    found = []
    for item in doc.actions:
        cell = item.cell("action")
        if cell is None or not cell.text.strip() or _PLACEHOLDER.search(cell.raw):
            continue
        text = cell.prose.text
        reference = _TRAILING_REFERENCE.search(text)
        if reference is not None and reference.start() > 0:
            text = text[: reference.start()] + " " * (len(text) - reference.start())
        an = analyse(text)
        if an.tokens:
            found.append((item, cell, an))
    _ACTION_CELLS[0] = (doc, found)
    return found


_ACTION_CELLS: list = [None]


@per_analysis
def opening(an: Analysis) -> int:
    """Index of the word that should be the verb: after ticket ids, "Please", manner adverbs,
    a connector ("Instead, use …") and a leading condition ("If a new AMI has been deployed, be …").
    The checks of one item, in three rules, ask it several times: worked out once per analysis."""
    return _opening(an)


def _opening(an: Analysis) -> int:
    tokens = an.tokens
    i = 0
    while i < len(tokens) - 1:
        low = tokens[i].low
        if _TICKET.match(tokens[i].text) or low == "please" or _reference_or_priority(an, i):
            i += 1
        elif low in _CONNECTORS and _comma_after(an, i):
            i += 1
        elif (low in _CONDITIONS or low == "as") and i == 0:  # "As Cloudflare recommends, create …"
            j = _after_condition(an, i)
            if j is None:
                break
            i = j
        elif _manner_adverb(low):
            i += 1
        else:
            break
    if i == 0 and not is_imperative(tokens[0].text):
        return _after_leading_phrase(an)
    return i


_PRIORITY_MARKS = _lex._words("high medium low critical urgent p0 p1 p2 p3 p4")


def _reference_or_priority(an: Analysis, i: int) -> bool:
    """An issue number ("[#2226]: Add …", "#88 Add …") or a priority written in capitals
    ("**HIGH** Include …", "P1: Automate …") before the instruction: metadata, not a word of it."""
    tok = an.tokens[i]
    if tok.text.isdigit():
        return an.text[an.tokens[i - 1].end if i else 0 : tok.start].endswith("#")
    return tok.low in _PRIORITY_MARKS and tok.text.isupper()


_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ity", "ness")


def _heading_colon(an: Analysis, stop=None, dash: bool = False) -> int | None:
    """The index of the word a colon follows among the item's first four words ("Task:",
    "Query Optimization:"), all in its first sentence with no comma before the colon; None
    when there is none or ``stop(j, token)`` is true of a word up to it."""
    tokens = an.tokens
    opening = an.text[: tokens[min(len(tokens) - 1, 4)].start]
    if ":" not in opening and not (dash and ("—" in opening or "–" in opening or " - " in opening)):
        return None  # no colon (or dash) among the first words: the common case, decided at once
    for j in range(0, min(len(tokens) - 1, 4)):
        tok = tokens[j]
        if tok.sentence != tokens[0].sentence or stop is not None and stop(j, tok):
            return None
        between = an.text[tok.end : tokens[j + 1].start]
        if "," in between:
            return None
        if ":" in between or dash and _dash_before(an, tokens[j + 1]):
            return j  # "Instance backup — export the data folder nightly": a dash closes a heading as a colon does
    return None


def _instruction_after(an: Analysis, j: int) -> int | None:
    """The index of the instruction's verb after the colon that follows word ``j``, past a
    manner adverb ("Query Optimization: Regularly review …": the adverb belongs to the
    instruction); None when what follows is no instruction."""
    tokens = an.tokens
    verb = j + 1
    while verb < len(tokens) - 1 and _manner_adverb(tokens[verb].low):
        verb += 1
    nxt = tokens[verb]
    if nxt.low in _lex.NOT_IMPERATIVE_STARTS or not (nxt.low in _lex.IMPERATIVE_VERBS or is_imperative(nxt.text)):
        return None
    return verb


def _numbered(tokens, j: int) -> bool:
    """ "Task 1:", "Step 2:": a capitalised word and a number as the label."""
    return j == 1 and tokens[j].text.isdigit() and tokens[0].text[:1].isupper() and tokens[0].text.isalpha()


@per_analysis
def label_end(an: Analysis) -> int | None:
    """The index after a label that names the item before its instruction: "Task: Set up
    monitoring …", "Code Review Updates: Update the checklist …", "Query Optimization: Conduct …".
    A label is a phrase of up to four words closed by a colon and followed by a verb; it is one
    word, or a noun phrase whose head is a nominalisation or a plural and whose first word is not
    only a verb. A heading that is itself an instruction ("Fix the pipeline: …", "Enhance
    Monitoring: …", "Patch Database Server: …") is no label. None when there is none."""
    tokens = an.tokens
    j = _heading_colon(an, lambda j, tok: not (_numbered(tokens, j) or tok.text.replace("-", "").isalpha()) or tok.low in _SUBJECT_WORDS, dash=True)
    verb = None if j is None else _instruction_after(an, j)
    if verb is None:
        return None
    opener = tokens[0].low in _lex.IMPERATIVE_VERBS
    if j == 1 and opener and _reference_or_priority(an, 1):
        return None  # "Close #92: route the receiver …": an instruction on a ticket, not a numbered label
    if j == 0 or _numbered(tokens, j):  # "Task: …", "Task 1: …", "Step 2: …"
        return verb if tokens[0].low not in ("please", "note") else None
    head = tokens[j].low
    if any(t.low in _BLOCKERS for t in tokens[1 : j + 1]):
        return None  # "Fix the pipeline: …": a clause, not a name
    from ._language import _lemmas

    if opener and _echoed_as_noun(tokens, verb) and (_lemmas(tokens[0].low) or {}).get("NOUN"):
        # "Load balancer redundancy: Introduce a redundant load balancer setup", "File Extension
        # Policy: Establish a file extension naming convention": the heading's first words recur
        # inside the instruction as a noun phrase, so its first word is a noun there too
        return verb
    if opener and any(t.text.islower() for t in tokens[1 : j + 1]):
        return None  # "Implement status monitoring: …": a clause, not a name

    if not (head.endswith(_NOMINAL_ENDINGS) or head.endswith("s") and not head.endswith("ss")):
        # a head that is a noun only by the tables ("Policy", "redundancy", "Review") names the
        # item when the first word is no opening verb: "File Extension Policy: …" is a label,
        # "Patch Nginx Server: …" an instruction
        named = _lemmas(head) is None and tokens[j].capitalised and not (_lemmas(tokens[0].low) or {}).get("VERB")
        if opener or not ((_lemmas(head) or {}).get("NOUN") or named):
            return None  # "Uptime Kuma: add a monitor …": a name before the colon is a label too
    lemmas = _lemmas(tokens[0].low) or {}
    if lemmas.get("VERB") and not lemmas.get("NOUN") and not lemmas.get("ADJ"):
        return None  # "Enhance Monitoring: …": the heading is an instruction
    if opener and j > 1 and tokens[1].capitalised and not tokens[1].low.endswith(_AGENT_SUFFIXES) and _lemmas(tokens[1].low) is None:
        # "Patch Redis Servers: …": a verb and the product it acts on (a word no table knows, not
        # built like an agent noun as "Balancer" is), not a compound naming a practice
        return None
    return verb


def _echoed_as_noun(tokens, verb: int) -> bool:
    """The item's first two words recur, in that order, inside the instruction that opens at
    ``verb`` (after its own first word): there they are a noun phrase, its object or a part of it."""
    first, second = tokens[0].low, tokens[1].low
    return any(tokens[m].low == first and tokens[m + 1].low == second for m in range(verb + 1, len(tokens) - 1))


def _label_then_no_instruction(an: Analysis) -> bool:
    """A label of a few words closed by a colon ("Query Optimization Quest:", "Load Balancer
    Health:") followed by words that are no instruction ("A journey into …", "the pool is now
    sized …"). The label is a noun phrase: no article, preposition or pronoun in it, and its
    first word is a noun by the tables, not only a verb ("Rotate credentials: all keys …" is an
    instruction with its object spelled out)."""
    from ._language import _lemmas

    tokens = an.tokens
    j = _heading_colon(an, lambda j, tok: not tok.text.replace("-", "").isalpha() or tok.low in _BLOCKERS or tok.low in _SUBJECT_WORDS)
    if not j:
        return False  # none, or "Task: …", "Note: …": one word says nothing about what follows
    nxt = tokens[j + 1]
    if nxt.low in _lex.IMPERATIVE_VERBS or is_imperative(nxt.text) or _manner_adverb(nxt.low) or nxt.low in ("please", "never", "always"):
        return False
    if nxt.low not in ("a", "an", "the", "this", "our", "we", "it", "they", "no"):
        return False  # only an article or a subject is sure to open something other than an instruction
    lemmas = _lemmas(tokens[0].low) or {}
    return bool(lemmas.get("NOUN") or lemmas.get("ADJ") or lemmas.get("PROPN"))


def _instruction_after_heading(an: Analysis) -> int | None:
    """The index of the verb after a heading that is itself an instruction: "Update search
    software: Explore upgrading …", "Automate Configuration Management: Continue using Puppet …".
    The heading names the item; what is to be done is said after the colon."""
    j = _heading_colon(an)
    return None if j is None else _instruction_after(an, j)  # "Invest in load testing: Regularly conduct …"


def _manner_adverb(low: str) -> bool:
    """A manner or frequency adverb that can stand before an instruction's verb ("regularly",
    "proactively"): an -ly word that is not an opening of its own kind ("only", "apply")."""
    # "Monthly check added: …": an adjective of frequency opens a noun phrase
    return low.endswith("ly") and low not in _lex.NOT_IMPERATIVE_STARTS and low not in _NOT_MANNER


_NOT_MANNER = _lex._words("only apply reply supply hourly nightly daily weekly fortnightly biweekly monthly quarterly yearly")


_TIME_WORDS = _lex._words(
    "forward term long-term short-term mid-term medium-term future meantime interim now next later immediately eventually phase step sprint quarter week month"
)
_SUBJECT_WORDS = _lex._words("we they you i he she it team teams engineers everyone someone should will must need needs can could would shall")


def _after_leading_phrase(an: Analysis) -> int:
    """ "Going forward, add an alert …", "Short-term: pin the library …": a phrase of a few words
    closed by a comma or a colon, with no subject or modal of its own, before the verb."""
    tokens = an.tokens
    for j in range(0, min(len(tokens) - 1, 4)):
        if tokens[j].low in _SUBJECT_WORDS or tokens[j].sentence != tokens[0].sentence:
            return 0
        between = an.text[tokens[j].end : tokens[j + 1].start]
        if "," in between or ":" in between:
            if tokens[0].low in _lex.NOT_IMPERATIVE_STARTS or _TIME_WORDS.isdisjoint(t.low for t in tokens[: j + 1]):
                return 0  # "Follow-up: rotate …", "Unknown, create …": a label, not a time or a step
            nxt = tokens[j + 1]
            if nxt.low not in _lex.NOT_IMPERATIVE_STARTS and nxt.low in _lex.IMPERATIVE_VERBS and not nxt.text.isupper():
                return j + 1
            return 0
    return 0


_CONNECTORS = _lex._words("instead also additionally then finally first second third further furthermore moreover meanwhile afterwards long-term short-term")
_CONDITIONS = _lex._words("if when once in whenever until after before")


def _comma_after(an: Analysis, i: int) -> bool:
    tokens = an.tokens
    return i + 1 < len(tokens) and "," in an.text[tokens[i].end : tokens[i + 1].start]


def _after_condition(an: Analysis, i: int) -> int | None:
    """The token after a leading "If …, " clause, or None when there is no comma to end it."""
    tokens = an.tokens
    if tokens[i].low == "in" and not (i + 1 < len(tokens) and tokens[i + 1].low in ("case", "the")):
        # "In addition, add …", "In particular, have …": a short adverbial closed by a comma
        short = next((j for j in (i + 1, i + 2) if j < len(tokens) - 1 and _comma_after(an, j)), None)
        return short + 1 if short is not None else None
    for j in range(i + 1, len(tokens) - 1):
        if tokens[j].sentence != tokens[i].sentence:
            return None
        if _comma_after(an, j):
            return j + 1
    return None


@per_analysis
def verb_first(an: Analysis) -> bool:
    tokens = an.tokens
    i = opening(an)
    if i == 0 and label_end(an) is not None:
        return False  # "Task: Set up monitoring …": a label, then the instruction
    if i == 0 and _label_then_no_instruction(an):
        return False  # "Query Optimization Quest: A journey into …": a name, then no instruction at all
    tok = tokens[i]
    low = tok.low
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if low in ("never", "don't", "don’t") or (low == "do" and nxt is not None and nxt.low == "not"):
        return True
    if tok.possessive or tok.is_handle or not tok.text[:1].isalpha():
        return False
    if _named_thing(tok):
        return False  # "DevEx has placed …", "Linter on kubectl delete …": a name or an agent noun
    if not is_imperative(tok.text):
        return False
    if low in _NOUNISH and nxt is not None and (_noun_after(tokens, i + 1) or _noun_only_first(nxt.low) and (
        i + 2 >= len(tokens) or tokens[i + 2].low in _PREPOSITIONS
    )):
        return False  # "Load testing before…", "Rate limits per tenant", "Alert system for detecting …"
    if nxt is not None and nxt.low.endswith(("tion", "sion", "ment")) and _bare_compound(an, i) and _noun_only_first(low):
        return False  # "Backup automation (pg_basebackup)": a noun and a nominalisation, nothing else
    if nxt is not None and nxt.low.endswith(("tion", "sion", "ment")) and low not in _lex.IMPERATIVE_VERBS and tok.text[:1].isupper() \
            and (i + 2 >= len(tokens) or tokens[i + 2].low in _PREPOSITIONS):
        return False  # "Job deduplication for webhook retries": a noun and a nominalisation, then its complement
    if _subject_first(tokens, i):
        return False  # "Engineer A will be more careful", "Release process should include …", "Drift checker added"
    if _modal_predicate(an, i):
        return False  # "Deploy to staging as part of the CI should prevent …": the whole opening is the subject
    return True


_CAUSATIVES = _lex._words("have get let make help")
_CLAUSE_OPENERS = _lex._words(
    "that which who whom whose if when whenever because so since while until unless where whether how why once after before as"
)
_MODAL_WORDS = _lex._words("should will would must shall can could might may")
_PREPOSITION_TOO = _lex._words("as after before once until since")  # "Deploy to staging as part of CI should …"
_SUBJECT_PRONOUNS = _lex._words("we they it he she you i everyone someone nobody people one this these")
_AGENT_SUFFIXES = ("er", "or", "ist", "ism", "ness", "ity", "ance", "ence", "ancy", "ency", "ous", "ive", "ment", "tion", "sion")


def _named_thing(tok) -> bool:
    """A first word that names a thing rather than an act: an internal capital ("DevEx",
    "GitHub") or an agent noun the dictionary does not know ("Linter", "Autoscaler")."""
    text = tok.text
    if any(ch.isupper() for ch in text[1:]) and not text.isupper() and "-" not in text:
        return True
    low = tok.low
    if low in _lex.IMPERATIVE_VERBS or not low.isalpha() or not low.endswith(_AGENT_SUFFIXES):
        return False
    from ._language import _lemmas

    return _lemmas(low) is None


def _modal_predicate(an: Analysis, i) -> bool:
    """The sentence's verb is a modal further on and nothing before it opens a clause of its own:
    the opening words, verb-like as they look, are its subject."""
    if _MODAL_WORDS.isdisjoint(words_of(an.text)):
        return False
    tokens = an.tokens
    sentence = tokens[i].sentence
    depth = 0
    for j in range(i + 1, min(len(tokens), i + 16)):
        tok = tokens[j]
        if tok.sentence != sentence:
            return False
        between = an.text[tokens[j - 1].end : tok.start]
        if _dash_before(an, tok):
            return False  # "Review the stale build agents — Last rebuilt in May 2026 …": an aside, not the predicate
        depth = max(0, depth + between.count("(") + between.count("[") - between.count(")") - between.count("]"))
        if depth:
            continue  # "Document the pattern (in short: … tests must bypass it) in …": inside an aside
        if ":" in between and _verb_only(tokens[i].low):
            return False  # "Create coding standard: all external calls must …": the colon opens what it holds
        if tok.low in _CLAUSE_OPENERS and tok.low not in _PREPOSITION_TOO or tok.low in _SUBJECT_PRONOUNS or tok.low in ("and", "or", "then", "but"):
            return False
        if tok.low == "to" and j + 1 < len(tokens) and tokens[j + 1].low in _lex.IMPERATIVE_VERBS:
            return False  # "Add a check to make sure …": an infinitive of purpose
        if tok.low in ("should", "will", "would", "must", "shall", "can", "could", "might", "may") and j > i + 2:
            return True
    return False


_REPORTED = _lex._words(
    "added created implemented fixed deployed done updated enabled introduced removed completed merged shipped "
    "discussed agreed decided noted"
)
_BLOCKERS = _lex._words("the a an this that these those it its our their to of for on in with and or by from as if when so")


def _subject_first(tokens, i) -> bool:
    """A noun phrase, then a modal, a participle or a perfect tense, within the first words: the
    first word, though it can be read as a verb ("Engineer", "Release", "Drift", "Modsec"), is
    the subject. Not after a causative: "have merges be done automatically" is an instruction."""
    from ._language import _lemmas

    if tokens[i].low in _CAUSATIVES or tokens[i].low in ("keep", "leave"):
        return False  # "Keep the docs updated": an object and its state, not a subject and its verb
    if i + 2 < len(tokens) and tokens[i + 1].low in _STATEMENT_ADVERBS and _third_person(tokens[i + 2].low):
        return True  # "auditd already records who ran what": a subject, an adverb and its verb
    for j in range(i + 1, min(len(tokens), i + 6)):
        low = tokens[j].low
        if low in ("has", "have", "had") and j + 1 < len(tokens) and is_participle(tokens[j + 1].low):
            return True  # "DevEx has placed an action item …"
        if tokens[j].text == "A" and j == i + 1 and tokens[i].capitalised:
            continue  # "Engineer A will …": a label, not an article
        if low in _BLOCKERS or low in _CLAUSE_OPENERS or tokens[j].text[:1] in "`(":
            return False
        if low in _REPORTED and tokens[j - 1].low in ("is", "are") and j > i + 2 and _verb_only(tokens[i].low):
            return False  # "Verify embedding generation is enabled …": a verb and the clause it checks
        if low in ("is", "are") and j == i + 2 and tokens[i].low not in _lex.IMPERATIVE_VERBS \
                and not (_lemmas(tokens[i].low) or {}).get("VERB") and tokens[i + 1].low.endswith("s") and not tokens[i + 1].low.endswith("ss"):
            return True  # "Offsite snapshots are now encrypted": a word no table knows as a verb, a noun and its copula
        if low in ("will", "should", "must", "shall", "needs", "need") or (low in ("is", "are", "can") and j == i + 1) or (low in _REPORTED and j > i + 1) or (
            low in _REPORTED and tokens[i].capitalised and j == i + 1 and tokens[i].low not in _lex.IMPERATIVE_VERBS
        ):
            return True
    return False


def _bare_compound(an: Analysis, i: int) -> bool:
    """The item is two words and at most a parenthesis ("Backup automation (pg_basebackup)"):
    with an object after them ("Backup configuration files") the first word is a verb."""
    tokens = an.tokens
    return i + 2 >= len(tokens) or "(" in an.text[tokens[i + 1].end : tokens[i + 2].start]


def _verb_only(low: str) -> bool:
    """A word the tables know as a verb and not as a noun ("create", "add"; not "rule", "test")."""
    from ._language import _lemmas

    lemmas = _lemmas(low) or {}
    return bool(lemmas.get("VERB")) and not lemmas.get("NOUN")


def _noun_only_first(low: str) -> bool:
    """A word the tables know as a noun and not as a verb ("task", "backup")."""
    from ._language import _lemmas

    lemmas = _lemmas(low) or {}
    return bool(lemmas.get("NOUN")) and not lemmas.get("VERB")


_STATEMENT_ADVERBS = _lex._words("already now still currently also")


def _third_person(low: str) -> bool:
    """A verb's present-tense third person: "records", "supports", "covers"."""
    if not low.endswith("s") or low.endswith("ss") or len(low) < 4:
        return False
    from ._language import _lemmas

    stem = low[:-2] if low.endswith("es") and (_lemmas(low[:-2]) or {}).get("VERB") else low[:-1]
    return bool((_lemmas(stem) or {}).get("VERB"))


def _noun_after(tokens, j):
    low = tokens[j].low
    if low.endswith(("ing", "age", "tion", "sion", "ment")):
        return True
    if low.endswith("s") and not low.endswith("ss"):
        return j + 1 >= len(tokens) or tokens[j + 1].low in _PREPOSITIONS
    return False


def not_verb_first_span(an: Analysis) -> tuple[int, int]:
    """Offsets of the opening words to point at: "Better", "We should", "The team will"."""
    tokens = an.tokens
    i = opening(an)
    end = i
    for j in range(i + 1, min(len(tokens), i + 5)):
        if tokens[j].low in _MODAL_LIKE:
            end = j
            break
    return tokens[i].start, tokens[end].end


# ------------------------------------------------------------------ vague / unbounded

_NEVER_AGAIN = _re.compile(
    r"\b(?:(?:does|do|will|did)\s+not|doesn['’]t|don['’]t|won['’]t|never)\s+(?:\w+\s+){0,2}?again\b"
    r"|\b(?:prevent|avoid)\s+(?:this|it|that|recurrence|a\s+recurrence|a\s+repeat|similar\s+incidents?)\b",
    _re.IGNORECASE,
)


def vague(an: Analysis, raw: str) -> tuple[int, int, str] | None:
    """(start offset, end offset, reason) when the item has no finish line. A due date at the
    end of an item that says better ("Enhance monitoring and alerting (due by Oct 31, 2023)")
    says when, not what done looks like: the item is judged without it. A function of the
    analysis and ``raw`` alone: the answer is kept on the analysis, as :func:`per_analysis`
    keeps one, by ``raw`` (an analysis is shared by every cell of the same text)."""
    key = (vague, raw)
    try:
        return an.memo[key]
    except KeyError:
        found = an.memo[key] = _vague_or_undated(an, raw)
        return found


def _vague_or_undated(an: Analysis, raw: str) -> tuple[int, int, str] | None:
    found = _vague(an, raw)
    if found is None:
        due = _due_date(an)
        if due is not None:
            cut = analyse(an.text[: an.tokens[due].start])
            if cut.tokens and _says_better(cut):
                return _vague(cut, raw)
    return found


# Words of a date ("Oct 31, 2023", "end of Q3", "2026-05-01", "next week"), after "by",
# "before", "until" or "due".
_DUE_WORDS = _lex._words("by before until due")
_DATE_WORDS = _lex._words("end of the this next week month quarter year sprint mid early late start")
_ISO_DATE = _re.compile(r"^\d{4}(?:-\d{2}){1,2}$|^\d{1,2}(?:st|nd|rd|th)?$|^\d{4}$|^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")


def _due_date(an: Analysis) -> int | None:
    """The index of the word that opens a due date ending the item ("… (due by Oct 31, 2023)",
    "… by 2026-05-01", "… before end of Q3"), or None."""
    tokens = an.tokens
    n = len(tokens)
    k = n - 1
    while k > 0 and (tokens[k].low in _DEADLINES or tokens[k].low in _DATE_WORDS or _ISO_DATE.match(tokens[k].low)):
        k -= 1
    if k == n - 1 or k < 2 or tokens[k].low not in _DUE_WORDS:
        return None
    if not any(tokens[m].low in _DEADLINES or _ISO_DATE.match(tokens[m].low) and len(tokens[m].low) >= 4 for m in range(k + 1, n)):
        return None  # "… by the end": no date
    if tokens[k - 1].low == "due":
        k -= 1
    return k


def _says_better(an: Analysis) -> bool:
    """The item's verb, or a second verb joined to it, says better: "improve", "enhance",
    "streamline", "increase" …"""
    first = opening(an)
    second = _second_verb(an, first) if verb_first(an) else None
    return any(
        k is not None and (an.tokens[k].low in _IMPROVE_VERBS or an.tokens[k].low == "improve" or an.tokens[k].low in _QUALITY_VERBS)
        for k in (first, second)
    )


# The phrases of ``VAGUE_ALWAYS`` by their first word, in their order: at a word only those
# that start with it can be spelled.
_VAGUE_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in _lex.VAGUE_ALWAYS:
    _VAGUE_BY_FIRST[_phrase[0]] = _VAGUE_BY_FIRST.get(_phrase[0], ()) + (_phrase,)


def _vague(an: Analysis, raw: str) -> tuple[int, int, str] | None:
    tokens = an.tokens
    first = opening(an)
    is_first = verb_first(an)
    label = label_end(an) if first == 0 and not is_first else None
    if label is not None:
        first, is_first = label, True  # "Query Optimization: Conduct periodic reviews …": judge the instruction
    positions = [first] if is_first else range(first, len(tokens))
    end = tokens[-1].end
    second = _second_verb(an, first) if is_first else None
    if second is not None:
        positions = [first, second]  # "Fix and improve our alerts …": each verb takes the object
    if is_first:
        found = _open_ended(an, first, raw)
        if found is None and first == 0:
            after = _instruction_after_heading(an)
            if after is not None:
                found = _open_ended(an, after, raw)  # "Automate Configuration Management: Continue using Puppet …"
                if found is None:
                    found = _recurring_check(an, after, raw)  # "Invest in load testing: Regularly conduct load testing …"
        if found is None:
            found = _open_ended_step(an, first, raw)
        if found is not None:
            return found
    for p in positions:
        for phrase in _VAGUE_BY_FIRST.get(tokens[p].low, ()):
            if phrase_at(an, p, phrase):
                rest = tokens[p + len(phrase) :]
                if not _committed(rest, raw):
                    return tokens[p].start, end, f"{' '.join(phrase)!r} has no finish line"
        low = tokens[p].low
        size = 1
        if low == "make" and p + 1 < len(tokens) and tokens[p + 1].low == "sure":
            low, size = "ensure", 2
        if low in ("clean", "follow") and p + 1 < len(tokens) and tokens[p + 1].low == "up":
            size = 2
        rest = tokens[p + size :]
        if second is not None and p < second:
            rest = tokens[second + 1 :]  # the object both verbs share, not the second verb
        if low in _lex.VAGUE_UNLESS_CONCRETE:
            promise = _NEVER_AGAIN.search(an.text, tokens[p].end)
            if promise and not _committed(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} promises an outcome, not an action"
            tracked = any(_TICKET.match(t.text) for t in tokens[:p]) and low not in _IMPROVE_VERBS
            if not tracked and not _specific(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} without a concrete object or finish line"
            continue
        if low == "make" and any(t.low in ("more", "less") for t in rest[:4]) and not _committed(rest, raw):
            return tokens[p].start, end, "'make … more' without a measure"
        if is_first and low in _ADD_VERBS and rest and all(t.low in _FILLER or t.low in _lex.CAPABILITY_NOUNS for t in rest):
            return tokens[p].start, end, f"{' '.join(t.text for t in tokens[p:])!r} names no specific signal or threshold"
        if is_first and low in _ADD_VERBS and rest:
            # "Add additional alerts so we detect the problem sooner": a generic object whose
            # purpose is only a degree
            cut = next((k for k, t in enumerate(rest) if t.low == "so" or t.low == "to" and k + 1 < len(rest) and (
                rest[k + 1].low in _lex.IMPERATIVE_VERBS or rest[k + 1].low.endswith("ly") and k + 2 < len(rest) and rest[k + 2].low in _lex.IMPERATIVE_VERBS)), None)
            if cut and all(t.low in _FILLER or t.low in _lex.CAPABILITY_NOUNS for t in rest[:cut]):
                purpose = rest[cut:]
                if any(_degree_at(purpose, m) for m in range(len(purpose))) and not _measured(purpose) or _goal_only(purpose):
                    return tokens[p].start, end, f"{' '.join(t.text for t in rest[:cut])!r} names no specific signal or threshold"
            elif cut and _capability_only(rest[:cut], modifiers=True) and _goal_only(rest[cut:]):
                # "Implement automated monitoring and alerting to promptly detect … service issues"
                    return tokens[p].start, end, f"{' '.join(t.text for t in rest[:cut])!r} names no specific signal or threshold"
        if not is_first and low in _COMPARATIVES and p + 1 < len(tokens) and tokens[p + 1].low != "than":
            if not _committed(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} without a measure"
    if second is not None:
        found = _improvement_without_target(an, second, raw)
        if found is not None:
            return found  # "Update and streamline the runbook": the better is as open as alone
    if is_first:
        for check in (_improvement_without_target, _generic_objects, _unnamed_alternative, _placeholder_object, _recurring_check, _plan_without_content, _nothing_named, _watch_for_trouble, _hedged, _change_without_content, _change_for_a_degree):
            at = first
            if check is _improvement_without_target and first == 0 and tokens[0].low in _IMPROVE_VERBS:
                # "Enhance monitoring: Implement comprehensive monitoring for all servers, including
                # …": the instruction after the colon says what the better is; judge that one
                at = _instruction_after_heading(an) or first
            found = check(an, at, raw)
            if found is not None:
                return found
    evaluative = _evaluative(an, first, raw)
    if evaluative is not None:
        return evaluative
    for k in range(first, len(tokens) - 1):
        if tokens[k].low == "best" and tokens[k + 1].low in _GOOD_THINGS and not _measured(tokens[first:], an.text):
            # "Update the documentation to include best practices for server setup": which ones?
            return tokens[k].start, tokens[k + 1].end, f"'best {tokens[k + 1].low}' without naming them"
    
    if is_first:
        deviation = _deviation_without_threshold(an, first, raw)
        if deviation is not None:
            return deviation
    if _NEVER_AGAIN.search(an.text) and not (is_first and _specific(tokens[first + 1 :], raw)):
        match = _NEVER_AGAIN.search(an.text)
        return match.start(), match.end(), "promises an outcome, not an action"
    return None


def _open_ended_step(an: Analysis, first: int, raw: str):
    """A later step of the item that is open-ended: "Spin up a dev hub and figure out how to use
    hubtraf …", "Develop and maintain comprehensive documentation …". The first step may be done;
    the item is not, until the open one has a decision, an artefact or a finish line of its own."""
    tokens = an.tokens
    for k in range(first + 1, len(tokens) - 1):
        if tokens[k].low not in ("and", "then") or tokens[k - 1].sentence != tokens[k].sentence:
            continue
        if tokens[k + 1].low in _OPEN_ENDED or any(phrase_at(an, k + 1, phrase) for phrase in _OPEN_BY_FIRST.get(tokens[k + 1].low, ())):
            found = _open_ended(an, k + 1, raw)
            if found is not None:
                return tokens[k + 1].start, found[1], found[2]
    for k in range(first + 1, len(tokens) - 2):
        low = tokens[k].low
        if low == "to" and tokens[k + 1].low in _lex.IMPERATIVE_VERBS:
            break  # "… to purge expired sessions and optimize table storage": steps of a purpose
        if low == "and" and tokens[k + 1].low in _IMPROVE_VERBS and tokens[k + 1].text.islower() \
                and tokens[k - 1].sentence == tokens[k].sentence and k > first + 1:
            # "Upgrade the kernel packages and streamline boot handling to enhance stability": a
            # later step that only says better is as open as it would be alone
            found = _improvement_without_target(an, k + 1, raw)
            if found is not None:
                return tokens[k + 1].start, found[1], found[2]
    return None


def _second_verb(an: Analysis, first: int) -> int | None:
    """The index of a second verb joined to the opening one before their shared object: "Fix and
    improve our alerts …", "Clean up and consolidate release documentation", "Update and
    streamline the runbook". Each verb is judged with the object, as it would be alone; read
    together, the second verb would count as a word of the first one's object. None when the
    opening verb stands alone."""
    tokens = an.tokens
    k = first + 1
    if tokens[first].low in ("clean", "follow", "set", "speed", "shore", "tidy") and k < len(tokens) and tokens[k].low == "up":
        k += 1
    if k + 2 >= len(tokens) or tokens[k].low not in ("and", "or", "&") or punctuation_between(an, tokens[k - 1], tokens[k]):
        return None
    verb = tokens[k + 1]
    if verb.low in _lex.NOT_IMPERATIVE_STARTS or verb.low not in _lex.IMPERATIVE_VERBS or verb.text.isupper():
        return None
    return k + 1


_OPEN_ENDED = _lex._words(
    """
    investigate review evaluate assess explore research diagnose reflect discuss brainstorm
    analyse analyze study revisit consider continue plan understand maintain audit inspect examine
    """
)
_OPEN_PHRASES = (
    ("figure", "out"), ("find", "out"), ("find", "a", "way"), ("find", "ways"), ("find", "a", "path"),
    ("look", "into"), ("look", "at"), ("think", "about"), ("try", "to"), ("try", "if"), ("try", "and"),
    ("check", "why"), ("check", "if"), ("check", "whether"), ("check", "how"), ("schedule", "a", "discussion"),
    ("plan", "a", "strategy"), ("follow", "up"), ("work", "on"), ("work", "with"), ("determine", "if"),
    ("determine", "whether"), ("determine", "why"), ("see", "if"), ("spike", "into"), ("spike", "on"), ("look", "for"),
    ("come", "up", "with"), ("dig", "into"), ("try", "out"), ("sync", "with"), ("sync", "up"), ("touch", "base"),
    ("check", "in", "with"), ("meet", "with"), ("see", "what"), ("see", "how"), ("see", "whether"), ("see", "why"),
    # working alongside someone, as "work with" and "sync with": the company, not the change
    ("coordinate", "with"), ("collaborate", "with"), ("partner", "with"), ("liaise", "with"), ("engage", "with"),
)
# The same verbs done again are as open as done once: "Reconsider the timing of releases",
# "Re-evaluate the paging policy", "Rethink …" ("think about" is an open phrase whose verb takes
# its object directly once it is prefixed).
_OPEN_AGAIN = frozenset(f"re{dash}{verb}" for verb in _OPEN_ENDED | {"think"} for dash in ("", "-") if not verb.startswith("re"))
_OPEN_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _OPEN_PHRASES:
    _OPEN_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_PURPOSE = (("to", "make", "sure"), ("to", "ensure"), ("to", "confirm"), ("to", "verify"), ("so", "that"))


def _open_ended(an: Analysis, first: int, raw: str):
    """ "Investigate grafana-agent memory usage", "Reflect on how …", "Figure out how to …":
    work with no decision, artefact or finish line."""
    tokens = an.tokens
    low = tokens[first].low
    size = 0
    if low in _OPEN_ENDED or low in _OPEN_AGAIN:
        size = 1
    for phrase in _OPEN_BY_FIRST.get(low, ()):
        if phrase_at(an, first, phrase):
            size = len(phrase)
    if size == 1 and first + 2 < len(tokens) and tokens[first + 1].low == "and" and tokens[first + 2].low in _REVISE_VERBS:
        # "Review and update incident response procedures": the change is as open as the review
        # unless something says what it is (a value, a means, a target); naming the thing
        # reviewed ("… the MySQL database configuration") says which, not what changes
        rest = tokens[first + 3 :]
        if _measured(rest, an.text) or any(t.low in ("using", "with", "via", "by") for t in rest):
            return None
        size = 3
    if not size:
        size = _open_event(tokens, first)
    if not size and low in _DURATIVE and _asks_question(tokens[first + 1 :]):
        size = 1  # "Monitor further updates to determine if they solve …": watching until a question answers itself
    if not size and low in _WATCHING and not _reacts(an, tokens[first + 1 :]) and not any(_TICKET.match(t.text) for t in tokens[:first]):
        size = 1  # "Monitor memory usage like a hawk": watching with nothing that ends it or acts on it
    if not size and low in ("keep", "maintain"):
        fresh = _kept_fresh(an, first)
        if fresh is not None:
            return fresh
    if not size:
        return None
    # "Check whether …", "Determine why …": the phrase opens the question, so what follows is in it
    asked = tokens[first + size - 1].low in _QUESTION_WORDS
    rest = _outside_question(_before_aside(an, tokens[first + size - asked :]))
    if size == 1 and low in _WEIGHING and first + 1 < len(tokens) and _gerund(tokens[first + 1].low):
        # "Consider increasing the fetch limit from 30 to 100": the numbers are the option's, the
        # item ends when someone decides; only a step after it ("… and roll it out") bounds it
        rest = _after_step(rest)
    if _committed(rest, raw, code_counts=False, references=False, text=an.text) or _purpose(rest):
        return None
    if _next_instruction_concrete(an, first):
        return None  # "Audit the remaining tables for unindexed foreign keys. Add the missing indexes."
    words = " ".join(t.text.lower() for t in tokens[first : first + size])
    return tokens[first].start, tokens[-1].end, f"{words!r} has no decision, artefact or finish line"


def _next_instruction_concrete(an: Analysis, first: int) -> bool:
    """A later instruction of the item, opening a sentence or a clause after a semicolon, is a
    concrete step ("… . Add the missing indexes.", "…; verify it survives a restart"): what the
    examination finds is then acted on, as with "… and fix it"."""
    tokens = an.tokens
    for k in range(first + 2, len(tokens) - 1):
        tok = tokens[k]
        opens = tok.sentence != tokens[k - 1].sentence or ";" in an.text[tokens[k - 1].end : tok.start]
        if opens and tok.low in _CONCRETE_STEPS and is_imperative(tok.text):
            return True
    return False


# Verbs that weigh an option named by a gerund: "Consider adding …", "Explore automating …".
_WEIGHING = _lex._words("consider explore evaluate investigate assess")


def _after_step(rest):
    """The words from a concrete step joined after the option ("… and fix it"), or none."""
    for k in range(len(rest) - 1):
        if rest[k].low in ("and", "then") and rest[k + 1].low in _CONCRETE_STEPS:
            return rest[k:]
    return []


def _before_aside(an: Analysis, rest):
    """The words before a dash that opens an aside rather than a step: "Consider a rebalancing
    story for post-eviction pile-up — Kubernetes does not move pods back, so one node held 68 pods
    …" says why, and its numbers are no finish line of the work. A dash followed by an
    instruction ("… - consider monitoring both sides") keeps what follows."""
    for k, tok in enumerate(rest):
        if k and _clause_break_before(an, tok) and (not is_imperative(tok.text) or tok.low in _MODAL_WORDS):
            return rest[:k]  # "… — may be related to a version mismatch": a modal opens no instruction
    return rest


# Verbs that change what was reviewed, said right after the review: "review and update …".
_REVISE_VERBS = _lex._words("update adjust improve optimise optimize refine revise enhance strengthen tweak tune modify change")


# Verbs of an ongoing activity: done when? "Monitor …", "Watch …", "Track …", "Follow …".
_DURATIVE = _lex._words("monitor watch track follow observe maintain keep")


# Watching, as a person's ongoing act: "Monitor the error rate", "Watch the queue".
_WATCHING = _lex._words("monitor watch observe")


_PERIODS = _lex._words("minute minutes hour hours day days week weeks month months quarter quarters sprint sprints release releases cycle cycles while")


def _reacts(an: Analysis, rest) -> bool:
    """What ends the watching or turns it into a mechanism: an alarm ("… and send an alert if the
    count exceeds a threshold"), a condition or an end ("until", "for two weeks", "after the
    upgrade", "over the next week"), or an object that happens once ("the next deploy", "first
    successful run")."""
    for k, t in enumerate(rest):
        if t.low == "for":
            if any(u.text.isdigit() or u.low in _PERIODS for u in rest[k + 1 : k + 4]):
                return True  # "… for two weeks": a period, then done
            continue  # "Monitor the gateway logs for errors": what is watched for, no end
        if t.low in _ALARMS or t.low in ("until", "if", "when", "whenever", "after", "during", "threshold", "thresholds"):
            return True
        if t.low == "over" and any(u.low in ("next", "coming", "following") for u in rest[k + 1 : k + 3]):
            return True  # "Monitor LCP metrics in the dashboard over next week": a period, then done
        if t.low in ("first", "next", "initial", "upcoming", "current") and (k == 0 or k == 1 and rest[0].low == "the"):
            return True  # "Monitor first successful run in Inngest dashboard": one occurrence, then done
        if k and (rest[k - 1].low in ("and", "then") or "&" in an.text[rest[k - 1].end : t.start]) and t.low in _CONCRETE_STEPS:
            return True  # "monitor free disk space & remove db12": a step follows the watching
    return False


# A state that only lasts while someone keeps working at it: "up to date", "current", "in sync".
_FRESH_STATES = (("up", "to", "date"), ("up-to-date",), ("current",), ("updated",), ("in", "sync"), ("synced",), ("in", "line"))


def _kept_fresh(an: Analysis, first: int):
    """ "Keep all the ansible scripts up to date", "Maintain the runbook in sync with the
    deployment": a duty that never ends, unless a mechanism does it ("… up to date with
    Renovate", "… automatically"). Keeping a thing ("Keep our own apt mirror", "Keep one prior
    kernel available") is a state of the system, not this."""
    tokens = an.tokens
    if not words_of(an.text).isdisjoint(_MECHANISM):
        return None
    for k in range(first + 2, len(tokens)):
        for phrase in _FRESH_STATES:
            if phrase_at(an, k, phrase) and tokens[k - 1].low not in ("the", "a", "an", "our", "their", "its"):
                after = tokens[k + len(phrase) :]
                if any(t.low in ("with", "using", "via", "by") and m + 1 < len(after) and _names_anything(after[m + 1 : m + 2]) for m, t in enumerate(after)):
                    return None  # "… up to date with Renovate": a tool keeps it so
                return tokens[first].start, tokens[k + len(phrase) - 1].end, f"{tokens[first].low} … {' '.join(phrase)!r} is a duty with no finish line"
    return None


def _asks_question(rest) -> bool:
    """ "… to determine if …", "… to see whether …", "… to find out why …": the purpose of the
    activity is a question, so the activity lasts until the question is answered."""
    lows = [t.low for t in rest]
    for k in range(len(lows) - 1):
        if lows[k] == "to" and lows[k + 1] in ("determine", "see", "find", "check", "learn", "understand", "decide") and any(
            w in _QUESTION_WORDS for w in lows[k + 2 : k + 5]
        ):
            return True
    return False


# A light verb and an open-ended act named as a noun is the same work as the verb: "Conduct a
# comprehensive review of …" is "Review …", "Schedule a meeting … to discuss …" is "Discuss …".
_LIGHT_VERBS = _lex._words("conduct perform do carry hold run schedule organise organize arrange have host book set")
_OPEN_EVENTS = _lex._words(
    """
    review reviews investigation investigations analysis assessment evaluation study discussion
    discussions brainstorm brainstorming retrospective retro exploration research meeting meetings
    session sessions workshop workshops deep-dive dive sync call audit audits
    """
)


def _open_event(tokens, first: int) -> int:
    """The size of "Conduct a comprehensive review", "Schedule an incident postmortem meeting":
    a light verb, a determiner, up to three modifiers and an open-ended act as a noun; 0 if none."""
    if tokens[first].low not in _LIGHT_VERBS:
        return 0
    k = first + 1
    if k < len(tokens) and tokens[k].low in ("out", "up"):
        k += 1
    if k < len(tokens) and tokens[k].low in ("a", "an", "the", "regular", "periodic", "another", "some"):
        k += 1
    for j in range(k, min(len(tokens), k + 4)):
        if tokens[j].low in _OPEN_EVENTS:
            nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
            return j + 1 - first if nxt not in ("notes", "doc", "document", "template", "agenda") else 0
        if tokens[j].low in _lex.STOPWORDS:
            return 0
    return 0


_QUESTION_WORDS = _lex._words("why how whether if what which when where")
# A second verb that bounds open-ended work ("Investigate and fix …", "… then write an ADR"): any
# verb of the instruction list except those that are open-ended or vague themselves ("Evaluate
# the current state … and ensure durability", "Define and implement a strategy").
_CONCRETE_STEPS = (_lex.CONCRETE_FOLLOWUPS | _lex._words("pick choose select adopt")) - _OPEN_ENDED - _lex._words(
    """
    improve enhance simplify tune optimise optimize streamline refine refactor rework revamp overhaul
    tweak harden strengthen polish modernise modernize consider explore discuss revisit brainstorm look understand
    try follow support handle address plan design define identify coordinate watch monitor ensure
    evaluate assess review investigate
    """
)


def _outside_question(rest):
    """The words of an open-ended item that are not its question: "Investigate the reason why
    PagerDuty did not alert for 5xx errors" is about 5xx errors, it does not stop at them. A
    concrete next step after the question ("… and fix it") still counts."""
    out = []
    inside = False
    for k, tok in enumerate(rest):
        if tok.low in _QUESTION_WORDS:
            inside = True
        elif inside and tok.low in ("and", "then") and k + 1 < len(rest) and rest[k + 1].low in _CONCRETE_STEPS:
            inside = False
        if not inside:
            out.append(tok)
    return out


def _purpose(rest) -> bool:
    """ "Revisit the retry policy to make sure it covers 503s": the purpose names the finish line.
    Not a purpose that is only a judgement: "… so that it is obvious which deployment …", "… to
    ensure connection failures are surfaced as early as possible", "… so that we are aware of
    … quicker": a degree with no measure is no finish line."""
    lows = [t.low for t in rest]
    for p in _PURPOSE:
        for k in range(len(lows)):
            if tuple(lows[k : k + len(p)]) == p:
                after = lows[k + len(p) : k + len(p) + 3]
                if len(after) >= 2 and after[0] in ("it", "this", "they") and after[1] in ("is", "are", "becomes") and (
                    len(after) < 3 or after[2] in _EVALUATIVE or after[2] in _JUDGED
                ):
                    continue
                clause = rest[k + len(p) :]
                if any(_degree_at(clause, m) for m in range(len(clause))) and not _measured(clause):
                    continue
                if clause and clause[0].low in _EVALUATIVE and not _measured(clause):
                    continue  # "… to ensure effective learning", "… to ensure proper coverage": a judgement
                if _qualities_only(clause):
                    continue  # "… to ensure consistency and accuracy": a quality, no finish line
                if _improved_state(clause):
                    continue  # "… to ensure they are optimized for our current traffic load": better, no finish line
                if _generic_only(clause):
                    continue  # "… to ensure they meet system requirements": nothing to check it against
                return True
    return False


# What a purpose can demand without saying which: "requirements", "standards", "expectations".
_NORM_NOUNS = _lex._words("requirement requirements standard standards expectation expectations needs criteria specification specifications")


def _generic_only(clause) -> bool:
    """Every noun of a purpose is generic ("system", "issues", "requirements") and the rest are
    function words and verbs: the purpose names no thing, number or state to check the work by."""
    from ._language import _lemmas

    content = 0
    for k, tok in enumerate(clause):
        low = tok.low
        if low in _lex.STOPWORDS or low in _PLAIN_VERBS or low in _PURPOSE_SUBJECTS:
            continue
        if tok.capitalised and not tok.initial or not low.isalpha() or tok.text.isupper():
            return False
        if low in _VAGUE_OBJECTS or low in _GENERIC_TROUBLE or low in _NORM_NOUNS:
            content += 1
            continue
        lemmas = _lemmas(low) or {}
        if lemmas.get("VERB") and (not lemmas.get("NOUN") or k > 0 and clause[k - 1].low in _PURPOSE_SUBJECTS | {"to", "ensure"}):
            continue  # "meet", "align": the verb of the purpose
        return False
    return content > 0


_PURPOSE_SUBJECTS = _lex._words("they it them we this these those")


_QUALITY_ENDINGS = ("ity", "ness", "ency", "ancy", "acy", "ance", "ence")


def _qualities_only(clause) -> bool:
    """Every word of a purpose is a quality named as a noun ("consistency", "accuracy",
    "reliability", "robustness") or a function word: the purpose says what to be, not when done."""
    head = []
    for t in clause:
        if t.low in ("across", "in", "of", "for", "between", "among", "throughout", "within", "on"):
            break  # "consistency across environments": where the quality holds, not what it is
        head.append(t)
    content = [t for t in head if t.low not in _lex.STOPWORDS and t.low not in ("and", "or")]
    return bool(content) and all(t.text.islower() and len(t.low) > 6 and t.low.endswith(_QUALITY_ENDINGS) for t in content)


def _comparative(low: str) -> bool:
    """A comparative adjective or adverb of quality: "broader", "stricter", "sooner", "better";
    not one of size or amount ("larger", "lower") nor a noun ("number", "server"). The list is
    generated from lemminflect's inflection table (bench/build_comparatives.py)."""
    if not low.endswith("er") or len(low) < 5:
        return False
    from ._comparatives import COMPARATIVES

    return low in COMPARATIVES


_TIMING = _lex._words("early quickly promptly immediately swiftly asap")
_POSSIBLE = _lex._words("possible needed necessary feasible practical practicable reasonable")


def _improved(tokens, k: int) -> bool:
    """An improvement verb's participle as a modifier: "improved auto-scaling", "enhanced checks"."""
    low = tokens[k].low
    if not low.endswith("ed") or k + 1 >= len(tokens) or k == 0:
        return False
    return _improvement_participle(low) and tokens[k + 1].low not in _STOPWORDS_AFTER and tokens[k - 1].low not in _BE_HAVE


def _improvement_participle(low: str) -> bool:
    """An improvement verb's participle: "improved", "hardened", "simplified", "optimised"."""
    if not low.endswith("ed"):
        return False
    return any(stem in _IMPROVE_VERBS for stem in (low[:-1], low[:-2], low[:-3] + "y"))  # improve-d, harden-ed, simplifi-ed


def _improved_state(clause) -> bool:
    """A purpose whose state is only bettered: a subject of a few words, a copula and an
    improvement verb's participle ("… to ensure they are optimized for our current load", "… so
    that the runbook is streamlined"). It says better, not what done looks like."""
    for c in range(1, min(len(clause) - 1, 6)):
        if clause[c].low in _COPULAS or clause[c].low in ("be", "been", "get", "gets"):
            m = c + 1
            while m < len(clause) - 1 and clause[m].low in ("more", "fully", "properly", "well", "better", "further"):
                m += 1
            return _improvement_participle(clause[m].low) and not _measured(clause)
    return False


_STOPWORDS_AFTER = _lex._words("by to with in on for at from as and or than")
_BE_HAVE = _lex._words("is are was were be been being has have had get gets got")


def _degree_at(tokens, k: int, timing: bool = True) -> int | None:
    """End index of a degree with no measure that starts at ``k``: a comparative of quality not
    followed by "than" ("broader", "sooner"), "as early as possible", an improvement participle
    used as a modifier ("improved auto-scaling"). None otherwise."""
    low = tokens[k].low
    nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
    if low == "as" and k + 3 < len(tokens) and tokens[k + 2].low == "as" and tokens[k + 3].low in _POSSIBLE:
        return k + 4
    if nxt != "than" and _comparative(low) or timing and low in _TIMING:
        return k + 1
    if _improved(tokens, k):
        return k + 1
    return None


_JUDGED = _lex._words("obvious clear easy easier visible apparent simple simpler intuitive")


_EVALUATIVE = _lex._words(
    """
    proactive proactively sustainable gracefully robust robustly proper properly appropriate
    appropriately adequate adequately sufficient formal professional better smoother easier
    cleaner quicker faster earlier sooner thorough thoroughly advanced timely
    seamless seamlessly optimal efficient effective
    comprehensive comprehensively rigorous rigorously stringent extensive extensively
    """
)
# What a superlative of "good" can judge without naming it: "best practices", "the best approach".
_GOOD_THINGS = _lex._words("practice practices way ways approach approaches method methods")
_MORE_OF = _lex._words("quickly often gracefully reliably visible efficient efficiently robust careful")


def _evaluative(an: Analysis, first: int, raw: str):
    """Evaluative words in place of a specification: "Implement proactive alerts", "Handle
    errors more gracefully", "Agree on a sustainable way", "Bring down alert noise even more"."""
    tokens = an.tokens
    purposes: list[int] = []
    for k in range(first, len(tokens)):
        low = tokens[k].low
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        if k > first and (low == "so" and nxt in ("that", "we", "they", "it", "you", "the") or low == "in" and nxt == "order"):
            break  # "… so we can catch these issues earlier": the purpose, not the specification
        if k > first + 1 and low == "for" and (nxt in _EVALUATIVE or _comparative(nxt)) and k + 2 < len(tokens) \
                and _thing_named(tokens[first + 1 : k]):
            break  # "Add workspace CTA for better engagement": what the thing is for, not what it is
        if k > first + 1 and low == "to" and nxt and nxt not in ("be", "more") and tokens[k - 1].low not in ("how", "way", "ways") \
                and nxt not in _EVALUATIVE:  # "… to appropriate levels": a judged value, not a purpose
            if nxt in _lex.IMPERATIVE_VERBS:
                break  # "… to help us catch failed deployments as soon as possible": the purpose as well
            purposes.append(k + 1)  # "… for the search service to catch issues earlier": looked up if a judgement follows
        hit = None
        # a degree judges the item's own object ("Set up broader alerting"), not a detail further on
        # ("Page the on-call immediately when …" says when: timing counts only in a purpose)
        degree = _degree_at(tokens, k, timing=False) if first < k <= first + 3 and tokens[k - 1].low != "to" else None
        if low in _EVALUATIVE and nxt != "than" and not (k > 0 and tokens[k - 1].low == "to" and not (nxt.isalpha() and nxt.endswith("s") and _names_thing(nxt))):
            hit = (k, k + 1)
        elif degree is not None:
            hit = (k, degree)  # "Set up broader alerting", "Implement improved auto-scaling capabilities"
        elif low == "more" and (nxt in _MORE_OF or k + 1 == len(tokens) or k <= first + 2 and nxt and nxt != "than"):
            hit = (k, min(k + 2, len(tokens)))  # "Cover more scenarios", "Point to more relevant runbooks"
        elif low == "best" and nxt in _GOOD_THINGS:
            hit = (k, k + 2)  # "Update documentation on best practices for …": which ones?
        elif low == "best" and k > 0 and tokens[k - 1].low in ("the", "our") and nxt.isalpha() and nxt not in _STOPWORDS_AFTER:
            hit = (k, k + 1)  # "Choose the best load balancing algorithm": best by what measure, which one?
        elif low == "improve" and k == first:
            hit = (k, k + 1)  # "Improve reliability of the cron jobs": done when?
        elif low in ("if", "where", "when") and nxt in ("needed", "necessary", "possible", "appropriate", "required") and k + 2 >= len(tokens) \
                and len(tokens) <= 8 and not _hedge_in_step(an, first, k):
            hit = (k, k + 2)  # "Create new runbooks if needed"
        elif low == "some" and nxt in ("form", "kind", "sort") and k + 2 < len(tokens) and tokens[k + 2].low == "of":
            hit = (k, k + 3)  # "Implement some form of smoke tests"
        elif low in ("minimise", "minimize", "maximise", "maximize") and k == first:
            hit = (k, k + 1)
        elif k == first and (low == "ensure" or low == "make" and nxt == "sure"):
            state = _quality_state(tokens, k + (2 if low == "make" else 1))
            if state is not None:
                hit = (k, state)  # "Ensure they are configurable and actionable"
        if hit is None:
            continue
        if any(is_imperative(tokens[m].text) for m in purposes):
            return None  # a purpose whose verb only the tables know: what follows is what it is for
        rest = tokens[first + 1 :]
        if low in _EVALUATIVE and _spelled_out(tokens, hit[1]):
            return None  # "comprehensive monitoring covering cache utilization, response times, …": the judgement is spelled out
        if low in _EVALUATIVE and nxt in _WATCH_NOUNS and k + 2 < len(tokens) and tokens[k + 2].low == "of" \
                and any(_signal_at(tokens, m) for m in range(k + 3, min(len(tokens), k + 7))):
            return None  # "proactive monitoring of file descriptor usage": what is watched is named, the adjective only colours it
        if low in _EVALUATIVE and k > 0 and tokens[k - 1].low in ("a", "an", "the") and _function_named(tokens, hit[1]):
            return None  # "an easier mechanism for customers to opt in to lazy loading without …": easier for what is said
        if _measured(rest, an.text) or _purpose(tokens[hit[1]:]) and low not in ("more", "improve") \
                or low == "improve" and (_committed(rest, raw, code_counts=False, references=False, text=an.text) or _content_said(tokens[hit[1]:]) is not None):
            return None  # "Improve the runbook to include the steps for …": what the better one holds is said
        phrase = " ".join(t.text for t in tokens[hit[0] : hit[1]])
        return tokens[hit[0]].start, tokens[hit[1] - 1].end, f"{phrase.lower()!r} is a judgement, not a specification"
    return None


_SPELLING_OUT = _lex._words("including covering incl namely")


def _thing_named(words) -> bool:
    """The words name a particular thing: a name, or a compound that is not only generic nouns
    ("workspace CTA", "a status page"); a bare kind ("alerts", "dashboards", "runbooks") is not."""
    content = [t for t in words if t.low not in _lex.STOPWORDS and t.low not in ("up", "out")]
    return _names_anything(content) or len(content) >= 2 and not all(t.low in _VAGUE_OBJECTS for t in content)


def _spelled_out(tokens, k: int) -> bool:
    """After a judged phrase, a list of what it is to cover: "… covering cache utilization,
    response times, and database performance", "… including memory usage metrics", "… such as
    health check failures", "… with FormData, ReadableStream, and chained wrappers". Two content
    words that are not generic, or two names, spell the judgement out."""
    n = len(tokens)
    for j in range(k, min(n - 1, k + 8)):
        low = tokens[j].low
        if low in _SPELLING_OUT or low == "such" and tokens[j + 1].low == "as" or low == "e.g":
            content = [t for t in tokens[j + 1 : j + 8] if t.low not in _lex.STOPWORDS and t.low not in _VAGUE_OBJECTS and t.low not in _TROUBLE_NOUNS and t.low != "as"]
            return len(content) >= 2
        if low == "with" and sum(_names_anything([t]) for t in tokens[j + 1 : j + 8]) >= 2:
            return True  # "… integration tests for fetch wrapper with FormData, ReadableStream, …"
    return False


def _function_named(tokens, k: int) -> bool:
    """After a judged noun, "for <someone> to <verb> …" says what the thing is for, in words of
    its own: "a mechanism for customers to opt in to lazy loading without opting in to
    auto-updating". Three content words that are not generic make it a specification."""
    n = len(tokens)
    j = k
    while j < n and j < k + 3 and tokens[j].low != "for":
        j += 1
    if j >= n - 3 or tokens[j].low != "for":
        return False
    m = j + 1
    while m < n and m < j + 4 and tokens[m].low != "to":
        m += 1
    if m >= n - 1 or tokens[m].low != "to" or not is_imperative(tokens[m + 1].text):
        return False
    content = [t for t in tokens[m + 1 :] if t.low not in _lex.STOPWORDS and t.low not in _VAGUE_OBJECTS and t.low not in _TROUBLE_NOUNS]
    return len(content) >= 3


# Words that judge a value against what is normal: how far from normal is "abnormal"?
_DEVIATIONS = _lex._words("abnormal abnormally unusual unusually anomalous excessive significant significantly")
# Words that judge an amount without one: "high CPU", "slow queries", "heavy load", "resource-intensive queries",
# "approaching limits" (how near?).
_DEGREE_JUDGED = _lex._words("high slow heavy intensive resource-intensive approaching nearing")
_DEVIATIONS = _DEVIATIONS | _DEGREE_JUDGED
_ALARMS = _lex._words("alert alerts alerting alarm alarms detect detection notify notification notifications page paging")


def _deviation_without_threshold(an: Analysis, first: int, raw: str):
    """ "Implement automated alerts for abnormal database activity", "Enhance monitoring systems to
    provide real-time alerts for abnormal server loads", "Set up automated alerts for
    resource-intensive queries": an alarm whose condition is a judgement of normal or of an
    amount, with no threshold, number or named signal to compare against."""
    tokens = an.tokens
    words = words_of(an.text)
    if words.isdisjoint(_DEVIATIONS) or words.isdisjoint(_ALARMS) or "`" in raw:
        return None
    rest = tokens[first + 1 :]
    if _measured(rest, an.text) or _names_anything(rest):
        return None
    for k, tok in enumerate(rest):
        if tok.low in _DEVIATIONS:
            if tok.low == "high" and k + 1 < len(rest) and rest[k + 1].low in ("availability", "priority", "level"):
                continue  # "high availability", "high priority": a term, not an amount judged
            return tok.start, tok.end, f"{tok.text.lower()!r} with no threshold: {'high or slow' if tok.low in _DEGREE_JUDGED else 'abnormal'} against what?"
    return None


_COPULAS = _lex._words("is are remains remain stays stay becomes become")


def _quality_state(tokens, j: int) -> int | None:
    """After "ensure": a subject of a few words, a copula and only adjectives ("they are
    configurable and actionable", "the service is reliable"): the index after the adjectives, or
    None. A participle ("is configured to …") or anything after the adjectives says more."""
    from ._language import _lemmas

    n = len(tokens)
    if j < n and tokens[j].low == "that":
        j += 1
    k = j
    while k < n and k < j + 5 and tokens[k].low not in _COPULAS:
        k += 1
    if k >= n or k == j or tokens[k].low not in _COPULAS:
        return None
    m = k + 1
    seen = 0
    while m < n:
        low = tokens[m].low
        if low in ("and", "or", ",", "more", "very", "fully", "always"):
            m += 1
            continue
        if _improvement_participle(low):
            seen += 1  # "… are optimized", "… is hardened": bettered, as a quality is had
            m += 1
            continue
        lemmas = _lemmas(low)
        if not lemmas or "ADJ" not in lemmas or "VERB" in lemmas or is_participle(low):
            return None
        seen += 1
        m += 1
    return m if seen else None


_UNITS = _lex._words("seconds second minutes minute hours hour ms milliseconds days percent")

# "Make X better" in one verb: done when? Only a measure, a means or a target bounds it.
_IMPROVE_VERBS = _lex._words(
    """
    improve enhance simplify tune optimise optimize streamline refine refactor rework revamp
    overhaul tweak harden strengthen polish modernise modernize
    """
)
# Verbs that raise an amount: "make X better" only when X is a quality ("Accelerate planned system
# resilience updates", "Increase monitoring coverage"), not a thing ("Increase the disk of db-3").
_QUALITY_VERBS = _lex._words("accelerate boost bolster broaden deepen increase expand extend widen raise")
_ABSTRACT_SUFFIXES = ("ity", "ness", "ance", "ence", "ency", "ancy", "ility")


def _abstract_object(words) -> bool:
    """The object names a quality or a capability: a capability noun ("monitoring", "coverage")
    or an abstract noun by its suffix ("resilience", "robustness", "visibility")."""
    for tok in words:
        low = tok.low
        if low in _lex.STOPWORDS:
            continue
        if low in _lex.CAPABILITY_NOUNS or (low.endswith(_ABSTRACT_SUFFIXES) and len(low) > 6 and tok.text.islower()):
            return True
    return False


def _judging_target(target) -> bool:
    """A target that is only a judgement or a quality: "to better track …", "to include more
    granular alerts", "to provide early detection of …", "to raise awareness among developers"."""
    if _measured(target):
        return False
    head = target[:4]
    if any(_degree_at(head, j) or head[j].low in ("better", "more") or head[j].low in _EVALUATIVE for j in range(len(head))):
        return True
    return any(t.low.endswith(_ABSTRACT_SUFFIXES) and len(t.low) > 6 and t.text.islower() for t in target[1:3])


def _dash_before(an: Analysis, tok) -> bool:
    between = an.text[max(0, tok.start - 3) : tok.start]
    return " - " in between or "—" in between or "–" in between


# After such a verb: the means ("with …", "by …", "using …") or the target ("to be …", "into …").
_MEANS = _lex._words("with by using via through into instead from so to until")


def _improvement_without_target(an: Analysis, first: int, raw: str):
    """ "Enhance existing error handling in the Content Interpreter", "Tune the HTTP client
    kubespawner uses", "Speed up the fix …": a change for the better with no measure, no means
    and no target state."""
    tokens = an.tokens
    low = tokens[first].low
    size = 1
    if low == "speed" and first + 1 < len(tokens) and tokens[first + 1].low == "up":
        size = 2
    elif low in _QUALITY_VERBS:
        if not _abstract_object(tokens[first + 1 : first + 5]):
            return None  # "Increase the pool size of db-3": a concrete thing, not a quality
    elif low not in _IMPROVE_VERBS or low == "improve":
        return None  # "improve" has its own check
    rest = tokens[first + size :]
    main = []
    for tok in rest:  # "…, which is quite complex to debug": a reason, not a target
        if tok.low in ("which", "who", "because", "since", "as") or _dash_before(an, tok):
            break  # "Enhance real-time monitoring - a watchtower to spot …": a comment, not a target
        main.append(tok)
    if not rest or _measured(rest, an.text) or _committed(rest, raw, code_counts=False, references=False, text=an.text):
        return None
    for m, tok in enumerate(main):
        if tok.low in _MEANS:
            if not _judging_target(main[m + 1 :]) and not (_capability_only(main[:m]) and _goal_only(main[m:])):
                return None  # a means or a target: "… with a circuit breaker", "… to p99 under 300 ms"
            # "… to better track …", "… to include more granular alerts": a target that is only a degree
    words = " ".join(t.text.lower() for t in tokens[first : first + size])
    return tokens[first].start, tokens[-1].end, f"{words!r} says better, not what done looks like"


def _capability_only(words, modifiers: bool = False) -> bool:
    """The object is a capability and nothing else: "monitoring", "our monitoring system",
    "code review processes", "testing procedures" (a capability, process or generic noun, with
    determiners and capability nouns used as modifiers). With ``modifiers``, adjectives built
    like adjectives may qualify it ("automated", "comprehensive", "additional")."""
    content = [t for t in words if t.low not in _lex.STOPWORDS and t.low not in _PLAIN_VERBS and t.low not in _FILLER]
    return bool(content) and any(t.low in _lex.CAPABILITY_NOUNS for t in content) and all(
        t.low in _VAGUE_OBJECTS or t.low in _lex.CAPABILITY_NOUNS or t.low in _PROCESS_NOUNS
        or modifiers and t.text.islower() and (t.low in _EVALUATIVE or t.low.endswith(_ADJECTIVE_BUILT))
        for t in content
    )


_ADJECTIVE_BUILT = ("ated", "ive", "al", "ous")


_PROCESS_NOUNS = _lex._words("procedures procedure review reviews code planning")


# What a thing holds, said by the verb of its purpose: "… to include the steps for …".
_HOLDING_VERBS = _lex._words("include cover contain list")
# Verbs whose object says what a capability holds ("… to include pool metrics", "… to track the
# queue depth"), as against what it is for ("… to detect anomalies", "… to catch errors").
_CONTENT_VERBS = _HOLDING_VERBS | _lex._words(
    "track measure record log expose collect show export report graph chart"
    " verify ensure validate check confirm test assert"  # what the checks test is their content
)


def _content_said(rest) -> int | None:
    """The index in ``rest`` of the "to" that opens what a bettered thing is to hold ("… to
    include the steps for checking database configurations", "… to include specific error
    codes"), when that is no judgement or degree ("… to include more granular alerts"); None
    otherwise. A purpose further on ("… to quickly identify routing issues") is what the thing
    is for, not what it holds."""
    for m in range(len(rest) - 2):
        if rest[m].low in ("so", "because", "which"):
            return None
        if rest[m].low == "to" and rest[m + 1].low in _HOLDING_VERBS:
            return None if _judging_target(rest[m + 1 :]) else m
    return None


def _goal_only(target) -> bool:
    """ "to detect uneven traffic distribution": a purpose that names what should be noticed, not
    what the capability holds, and nothing exact (a name, a number, a file)."""
    if len(target) < 2 or target[0].low != "to" or target[1].low in _CONTENT_VERBS:
        return False
    return not _names_anything(target[1:])


def _names_anything(words) -> bool:
    """A word that names a thing exactly: a capitalised name or an acronym, a file or a path, a
    number, a code span. What a better capability is for has to be named this way to be checked."""
    for tok in words:
        text = tok.text
        if tok.capitalised and not tok.initial or text.isupper() and len(text) > 1 or any(ch in text for ch in "._/`") or text[:1].isdigit():
            return True
    return False


# Nouns that name no particular thing, beyond the shared generic ones.
_VAGUE_OBJECTS = _lex.GENERIC_NOUNS | _lex._words(
    "ownership patterns lessons learned learning tests test alerts operations business support things stuff bug bugs code"
)
_PLAIN_VERBS = _lex._words("and or with for of the a an some any more better proper all our their its new this that these those in on to")


def _generic_objects(an: Analysis, first: int, raw: str):
    """ "write tests", "Define Ownership and Establish Alerting", "Capture patterns, tooling, and
    lessons learned": every object is a generic noun, however many verbs and objects are joined."""
    tokens = an.tokens
    if "`" in raw or len(tokens) - first > 10:
        return None
    content = 0
    conjunct_start = False
    for tok in tokens[first + 1 :]:
        low = tok.low
        if low in ("and", "or") or tok.start > 0 and an.text[tok.start - 2 : tok.start].strip() == ",":
            conjunct_start = True
        if low in _PLAIN_VERBS:
            continue
        if conjunct_start and is_imperative(tok.text):
            conjunct_start = False
            continue  # a second verb: "… and Establish Alerting"
        conjunct_start = False
        if low in _VAGUE_OBJECTS:
            content += 1
            continue
        return None
    if not content:
        return None
    return tokens[first].start, tokens[-1].end, "names no specific system, signal or artefact"


# What goes wrong, in general: an outcome about these names no signal ("to detect issues quicker").
_TROUBLE_NOUNS = _lex._words(
    """
    error errors anomaly anomalies abnormalities regression regressions bug bugs mistake mistakes
    misconfiguration misconfigurations downtime disruption disruptions failure failures spike spikes
    deviation deviations hiccup hiccups recurrence recurrences impact
    detection response resolution recovery prevention identification
    """
)
# Verbs that build, start or better a capability: their object has to name what it covers.
_CAPABILITY_VERBS = _ADD_VERBS | _IMPROVE_VERBS | _lex._words("establish develop utilize utilise use upgrade adjust expand extend integrate deploy")


_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "able", "ible", "ful", "less", "ent", "ant", "ary", "ed")


def _names_thing(low: str) -> bool:
    """A noun that names a thing, by lemminflect's tables: not only an adjective, an adverb or a
    verb. A word the tables do not know names a thing (a product, a term) unless it is built like
    an adjective ("abnormal", "proactive")."""
    from ._language import _lemmas

    lemmas = _lemmas(low)
    if not lemmas:
        return len(low) > 2 and not low.endswith(_ADJECTIVE_ENDINGS)
    return "NOUN" in lemmas or "PROPN" in lemmas


def _nothing_named(an: Analysis, first: int, raw: str):
    """ "Implement automated monitoring and alerting to promptly detect and respond to service
    issues", "Enhance testing procedures to catch errors before they impact the live website":
    a capability is built or bettered, and no word of the item names what it covers. Every noun is
    a generic capability, process or trouble; the other words are adjectives, adverbs and verbs
    (by lemminflect's tables). One noun that names a thing ("disk usage", "Nginx", "the billing
    job"), a number, a code span or a name is enough to leave the item alone."""
    tokens = an.tokens
    if tokens[first].low not in _CAPABILITY_VERBS or "`" in raw or _measured(tokens, an.text):
        return None
    if not any(t.low in _TROUBLE_NOUNS or t.low in _lex.GENERIC_NOUNS and t.low not in _lex.CAPABILITY_NOUNS for t in tokens[first + 1 :]):
        return None  # the shape is a capability for trouble in general; the word lookups only then
    content = 0
    others = []
    for tok in tokens[first + 1 :]:
        low = tok.low
        if low in _lex.STOPWORDS or low in _PLAIN_VERBS or low in ("before", "after", "when", "so", "that", "they", "we", "it", "them"):
            continue
        if tok.capitalised and not tok.initial or not low.replace("-", "").isalpha() or tok.text.isupper():
            return None  # "Nginx", "API", "real-time": a name or a term
        if low in _VAGUE_OBJECTS or low in _TROUBLE_NOUNS or low in _lex.CAPABILITY_NOUNS:
            content += 1
            continue
        others.append(low)
    if content < 2 or len(others) > content:
        return None  # mostly other words: some of them name something, the lookups are not needed
    if any(_names_thing(part) for low in others for part in low.split("-") if part):
        return None  # a noun that names something, or a word the tables do not know
    return tokens[first].start, tokens[-1].end, "names no system, signal or threshold it covers"


# Verbs that change a thing in place, and the things they change: the change itself has to be said.
_CHANGE_VERBS = _lex._words("patch fix update adjust modify change tweak correct revise amend alter")
_SETTINGS_NOUNS = _lex._words("configuration configurations config configs settings setting setup setups")
_PREVENT_VERBS = _lex._words("prevent avoid stop")


def _change_without_content(an: Analysis, first: int, raw: str):
    """ "Patch the load balancer configuration to prevent similar misconfigurations in the future",
    "Patch Nginx server configurations to prevent a recurrence of the misconfiguration": settings
    are to be changed, and the only thing said about the change is what it should prevent. Which
    setting, to what value? A means ("… by setting worker_connections to 4096"), a value or a
    target state in the purpose ("… to limit maximum connections") says it."""
    tokens = an.tokens
    if tokens[first].low not in _CHANGE_VERBS or "`" in raw or _measured(tokens, an.text):
        return None
    cut = next((m for m in range(first + 1, len(tokens)) if tokens[m].low in ("to", "so", "by", "with", "using", "and", ",")), None)
    if cut is None or cut + 1 >= len(tokens) or tokens[cut].low != "to" or tokens[cut - 1].low not in _SETTINGS_NOUNS:
        return None  # the object has to end in the settings themselves: "Patch the load balancer configuration to …"
    if tokens[cut + 1].low not in _PREVENT_VERBS:
        ensured = 3 if tokens[cut + 1].low == "make" and cut + 2 < len(tokens) and tokens[cut + 2].low == "sure" else 2
        if tokens[cut + 1].low in ("ensure", "make") and _improved_state(tokens[cut + ensured :]):
            # "Update the nginx configuration to ensure it is optimized": only that it be better
            return tokens[first].start, tokens[-1].end, "says the settings should be better, not what to change"
        return None  # "… to limit maximum connections": the purpose is the change
    return tokens[first].start, tokens[-1].end, "says what the change should prevent, not what to change"


def _change_for_a_degree(an: Analysis, first: int, raw: str):
    """ "Update incident response procedures to escalate issues to the right team faster", "Adjust
    the retry settings so that failures surface sooner": a thing is to be changed and all that is
    said of the change is a degree with no measure in its purpose. What in it changes, to what?
    A purpose that says what the thing is to hold ("… to include the failover steps"), a means
    or a number says it."""
    tokens = an.tokens
    if tokens[first].low not in _CHANGE_VERBS or "`" in raw or _measured(tokens, an.text):
        return None
    cut = next((m for m in range(first + 2, len(tokens) - 1) if tokens[m].low in ("to", "so", "by", "with", "using", "via", "and")), None)
    if cut is None or tokens[cut].low not in ("to", "so"):
        return None
    purpose = tokens[cut + 1 :]
    if tokens[cut].low == "to" and (purpose[0].low in _CONTENT_VERBS or purpose[0].low not in _lex.IMPERATIVE_VERBS):
        return None  # "… to include the failover steps": what it holds; "… to v2.3": a target
    if any(t.low in ("by", "with", "using", "via") for t in purpose):
        return None  # "… faster by paging the secondary": a means
    if not any(_degree_at(purpose, m) for m in range(len(purpose))):
        return None
    return tokens[first].start, tokens[-1].end, "says the change should make it better, not what changes"


_HEDGES = _lex._words("feasible possible needed necessary appropriate applicable required practical")


def _hedge_in_step(an: Analysis, first: int, k: int) -> bool:
    """The hedge at token ``k`` closes a step that a parenthesis spells out ("Document the cache
    recovery procedure (flush the keys + restart the pods if needed)"): the condition belongs to that step
    of the procedure, not to the item. A parenthesis that holds only the hedge ("(if needed)") or
    opens with "and" ("(and revise, if necessary)") leaves the item itself open."""
    tokens = an.tokens
    opened = an.text.rfind("(", 0, tokens[k].start)
    if opened <= an.text.rfind(")", 0, tokens[k].start) or opened < tokens[first].end:
        return False
    inside = [t for t in tokens[first + 1 : k] if t.start > opened]
    return len(inside) >= 2 and is_imperative(inside[0].text) and inside[0].low not in ("and", "or")


def _hedged(an: Analysis, first: int, raw: str):
    """ "Require manual testing of new attribute flows where feasible", "Create new runbooks if
    needed": the item ends by leaving it to someone's judgement whether to do it at all."""
    tokens = an.tokens
    if len(tokens) - first < 4:
        return None
    a, b = tokens[-2], tokens[-1]
    if a.low == "as" and (b.low == "possible" or tokens[-3].low in ("soon", "much", "early", "quickly", "far")):
        return None  # "… as soon as possible": a degree, judged elsewhere
    if any(t.low in ("how", "what", "which", "whether") for t in tokens[first + 1 : -2]):
        return None  # "Document … how to do a DB failover if needed": the condition belongs to the procedure
    if _hedge_in_step(an, first, len(tokens) - 2):
        return None  # "Document the cache recovery procedure (flush the keys + restart the pods if needed)"
    if a.low in ("if", "where", "when", "as") and b.low in _HEDGES and not _committed(tokens[first + 1 : -2], raw):
        return a.start, b.end, f"{a.text.lower()} {b.text.lower()}: whether to do it is left open"
    return None


# Monitoring and alerting, and trouble in general as what they are to catch.
_WATCH_NOUNS = _lex._words("monitoring alerting alerts alert alarms alarm monitors notifications observability dashboards")
_GENERIC_TROUBLE = _lex._words(
    "issue issues problem problems error errors anomaly anomalies abnormalities misconfiguration misconfigurations"
    " hiccup hiccups failure failures bug bugs deviation deviations"
)
# What a monitor measures: a quantity, a resource or a state that has a threshold.
_SIGNAL_NOUNS = _lex._words(
    """
    usage utilization utilisation load latency lag rate rates count counts size length depth duration memory cpu
    disk disks storage space capacity availability uptime expiry expiration throughput saturation integrity
    responsiveness consumption level levels threshold thresholds limit limits quota queue distribution
    """
)


def _signal_at(tokens, k: int) -> bool:
    """A signal noun as the head of its phrase: "disk usage", "the queue depth", "load on db-3";
    not as the first half of a compound naming a thing ("load balancer", "queue worker")."""
    if tokens[k].low not in _SIGNAL_NOUNS:
        return False
    if k + 1 >= len(tokens):
        return True
    nxt = tokens[k + 1]
    if nxt.low in _SIGNAL_NOUNS or nxt.low in _lex.STOPWORDS or nxt.low in _GENERIC_TROUBLE or not nxt.low.isalpha():
        return True
    if tokens[k].end < nxt.start - 1 or not nxt.text.islower():
        return True  # punctuation or a name between them
    return not _names_thing(nxt.low)


def _watch_for_trouble(an: Analysis, first: int, raw: str):
    """ "Add alerting in Datadog to catch future anomalies", "Utilize monitoring for Nginx server
    setups to spot any errors immediately": monitoring or alerting is built or bettered, and what it
    is to catch is trouble in general (issues, errors, anomalies) with no signal it measures, no
    threshold and no number. Naming the system watched does not say what to watch in it; "alerts on
    replication lag of db-3", "monitoring of file descriptor usage" do."""
    tokens = an.tokens
    if tokens[first].low not in _CAPABILITY_VERBS or "`" in raw:
        return None
    lows = [t.low for t in tokens[first + 1 :]]
    if _WATCH_NOUNS.isdisjoint(lows) or _GENERIC_TROUBLE.isdisjoint(lows):
        return None
    general = [
        k for k in range(first + 2, len(tokens))
        if tokens[k].low in _GENERIC_TROUBLE and (tokens[k - 1].low in _lex.STOPWORDS or tokens[k - 1].low in _UNSPECIFIED or tokens[k].low in _NO_STATE)
        and (k + 1 == len(tokens) or tokens[k + 1].low not in ("related", "of", "in", "with", "from", "on", "for") and not tokens[k + 1].low.endswith("ed"))
    ]
    if not general or _measured(tokens, an.text):
        return None  # "alerts for backup failure", "Apache error responses": the trouble of a named thing is a signal
    said = _content_said(tokens[first + 1 :])
    if said is not None:
        purpose = next((m for m in range(first + said + 3, len(tokens)) if tokens[m].low == "to"), None)
        if purpose is not None and all(k > purpose for k in general):
            return None  # "Enhance alerts to include specific error codes to quickly identify routing issues": the trouble is only what it is for
    if any(_signal_at(tokens, k) for k in range(first + 1, len(tokens))):
        return None  # last: telling a signal from a compound may load lemminflect's tables
    return tokens[first].start, tokens[-1].end, "watches for trouble in general: no signal, threshold or number"


# Trouble that names no state of what it is about: "load balancer issues" is any problem with
# the load balancer, where "backup failure" or "Apache error responses" name a state to alert on.
_NO_STATE = _lex._words("issue issues problem problems hiccup hiccups")


# Words that leave trouble unspecified: "any errors", "future anomalies", "potential issues".
_UNSPECIFIED = _lex._words("any all future potential possible common similar such other unexpected unusual abnormal new further various")


_ALTERNATIVES = _lex._words("different another alternative other new better")


def _unnamed_alternative(an: Analysis, first: int, raw: str):
    """ "Switch to a different secret management strategy than what we have now": which one?"""
    tokens = an.tokens
    for k in range(first + 1, min(len(tokens) - 1, first + 4)):
        if tokens[k].low in _ALTERNATIVES and tokens[k - 1].low in ("a", "an", "another", "to") or tokens[k].low == "another":
            head = next((t for t in tokens[k + 1 : k + 5] if t.low in _lex.GENERIC_NOUNS or t.low in _STRATEGY_NOUNS), None)
            if head is not None and not _committed(tokens[k + 1 :], raw) and not any(t.low in ("like", "such", "e.g", "eg") for t in tokens[k:]):
                return tokens[k].start, head.end, f"{tokens[k].text.lower()!r} {head.text.lower()} without naming it"
    return None


_STRATEGY_NOUNS = _lex._words("strategy strategies approach method mechanism tool provider service way solution")


def _placeholder_object(an: Analysis, first: int, raw: str):
    """ "Update the runbook for service X": a placeholder where the thing should be named."""
    for tok in an.tokens[first + 1 :]:
        if tok.text in ("X", "Y", "Z", "N", "XXX", "TBD"):
            return tok.start, tok.end, f"{tok.text!r} stands where the thing should be named"
    return None


_PLAN_VERBS = _lex._words("define develop devise establish formulate implement adopt agree decide create find")
_PLAN_NOUNS = _lex._words("strategy strategies approach approaches plan plans policy policies framework mechanism way ways solution")


def _plan_without_content(an: Analysis, first: int, raw: str):
    """ "Define and implement Redis strategy", "Develop a policy around when to create a new hub":
    a plan, a policy or a strategy is promised, and nothing says what it holds or when it is done."""
    tokens = an.tokens
    n = len(tokens)
    k = first
    if tokens[k].low not in _PLAN_VERBS and not (tokens[k].low == "come" and k + 2 < n and tokens[k + 1].low == "up" and tokens[k + 2].low == "with"):
        return None
    if "`" in raw or _measured(tokens[first + 1 :], an.text):
        return None
    for j in range(first + 1, min(n, first + 8)):
        low = tokens[j].low
        if low in _PLAN_NOUNS:
            after = tokens[j + 1 :]
            if any(t.low in ("that", "which", "using", "via", "based", "such", "e.g", "like", "including") for t in after):
                return None  # "… process that removes the IP addresses from the proxy": its content is said
            if _function_named(tokens, j + 1):
                return None  # "… a mechanism for customers to opt in to lazy loading without …": what it does is said
            if any(t.low in _lex.DELIVERABLES or t.text.isupper() and len(t.text) > 1 for t in tokens[first + 1 :]):
                return None  # "Create an OPA policy …"
            return tokens[first].start, tokens[-1].end, f"{tokens[j].text.lower()!r} with nothing said of what it holds"
        if low in ("to", "for", "so", "because") or is_imperative(tokens[j].text) and low not in ("and", "up", "with", "on") and j > first + 1 and tokens[j - 1].low == "and" and low not in _PLAN_VERBS:
            return None
    return None


_CHECK_VERBS = _lex._words("check verify review audit inspect validate monitor watch test")
_FREQUENCY = _lex._words("frequently regularly periodically continuously constantly often routinely occasionally")


def _recurring_check(an: Analysis, first: int, raw: str):
    """ "Check and verify Nginx configurations frequently": a person's recurring check never ends."""
    tokens = an.tokens
    if first > 0 and tokens[first - 1].low in _FREQUENCY and not _measured(tokens[first:], an.text):
        # "Regularly simulate load balancer failures …": a recurring act by people, whatever the verb
        return tokens[first - 1].start, tokens[first].end, f"a recurring {tokens[first].low} by people has no finish line"
    if _first_due(tokens, first):
        return None
    light = tokens[first].low in _LIGHT_VERBS
    if light or tokens[first].low in _PRACTICE_VERBS:
        # "Conduct regular load testing …", "Schedule periodic reviews of …": recurring work by
        # people, named as a noun; "Perform regular and tested backups" names an artefact.
        # A practice started ("Implement regular code reviews") counts only when it is a meeting
        # of people: "Implement regular health checks in the monitoring system" is automated.
        for k in range(first + 1, min(len(tokens), first + 3)):
            if tokens[k].low in _RECURRING:
                for m in range(k + 1, min(len(tokens), k + 5)):  # "regular load balancer configuration checks"
                    if tokens[m].low in _OPEN_EVENTS or light and tokens[m].low in _PEOPLE_WORK or _act_noun(tokens[m].low) and _head_at(tokens, m) and words_of(an.text).isdisjoint(_MECHANISM):
                        return tokens[first].start, tokens[m].end, f"recurring {tokens[m].low} by people has no finish line"
        return None
    if tokens[first].low not in _CHECK_VERBS:
        return None
    for tok in tokens[first + 1 :]:
        if tok.low in _FREQUENCY:
            return tokens[first].start, tok.end, f"a recurring {tokens[first].low} by people has no finish line"
    return None


def _first_due(tokens, first: int) -> bool:
    """The first occurrence of recurring work has a date: "Schedule regular audits of system
    configurations, with the first audit to be completed by April 30, 2024", "Hold quarterly
    drills, the first one before March 15". The rhythm is set and the item ends when the first
    one is done."""
    for k in range(first + 1, len(tokens) - 2):
        if tokens[k].low == "first":
            for m in range(k + 1, min(len(tokens) - 1, k + 8)):
                if tokens[m].low in ("by", "before", "on") and (tokens[m + 1].low in _DEADLINES or tokens[m + 1].text[:1].isdigit()):
                    return True
    return False


_RECURRING = _lex._words(
    "regular periodic routine recurring continuous ongoing frequent"
    " hourly daily nightly weekly biweekly fortnightly monthly bimonthly quarterly yearly annual biannual semiannual"  # a calendar's rhythm
)
_ACT_ENDINGS = ("ance", "ence", "ment", "ments", "tion", "tions", "sion", "sions")


def _head_at(tokens, m: int) -> bool:
    """The noun at ``m`` heads its phrase: nothing but a preposition, a conjunction or the end
    follows it ("regular maintenance of …", not "regular maintenance tasks")."""
    return m + 1 >= len(tokens) or tokens[m + 1].low in _STOPWORDS_AFTER or tokens[m + 1].low in ("of", "across")


def _act_noun(low: str) -> bool:
    """An act named as a noun, by its ending: "maintenance", "assessments", "inspection"."""
    return len(low) > 6 and low.endswith(_ACT_ENDINGS)
# Verbs that start a practice: "Implement regular code reviews", "Introduce periodic drills".
_PRACTICE_VERBS = _lex._words("implement introduce institute establish start begin adopt")
_PEOPLE_WORK = _lex._words("audit audits testing tests checks optimization optimisation inspections inspection")


_NUMBER = _re.compile(r"^\d[\d.,:/%]*(?:[a-zA-Z]{0,3})$")


def _measured(rest, text: str = "") -> bool:
    """A number, a unit or a ticket: the only finish line an evaluative word can have. With the
    block's ``text``, an issue reference ("#11953") is no measure."""
    return any(
        (tok.text[:1].isdigit() and not _reference(tok, text)) or tok.low in _UNITS or "%" in tok.text or _TICKET.match(tok.text)
        for tok in rest
    )


def _reference(tok, text: str) -> bool:
    return "#" in tok.text or bool(text) and tok.start > 0 and text[tok.start - 1] == "#"


def _committed(rest, raw, code_counts: bool = True, references: bool = True, text: str = "") -> bool:
    """A number, a code span, a deliverable or a concrete next step gives a finish line.
    ``references``: whether an issue reference ("#9362") counts; it names the work, but for
    open-ended work it does not say when it ends."""
    if code_counts and "`" in raw:
        return True
    for k, tok in enumerate(rest):
        if tok.low in _UNITS:
            return True
        reported_back = k + 1 < len(rest) and rest[k + 1].low == "back"  # "… and report back"
        if not references and _reference(tok, text):
            continue
        if _NUMBER.match(tok.text) or "#" in tok.text or (tok.low in _lex.DELIVERABLES and not reported_back):
            return True
        if tok.low in ("and", "then", "by", "with") and k + 1 < len(rest):
            nxt = rest[k + 1].low
            # "… by adding a check" is a means; "monitoring and alerting" is a noun, not a step
            stem = nxt[:-3] if nxt.endswith("ing") and tok.low in ("by", "with") else nxt
            back = k + 2 < len(rest) and rest[k + 2].low == "back"  # "… and report back"
            # "… and prevent recurrence": a promise of an outcome, not a step
            back = back or nxt in ("prevent", "avoid") and k + 2 < len(rest) and (rest[k + 2].low in _lex.GENERIC_NOUNS or rest[k + 2].low in _RECURRENCE)
            if not back and (nxt in _CONCRETE_STEPS or stem in _CONCRETE_STEPS or stem + "e" in _CONCRETE_STEPS) \
                    and not _generic_step_object(rest[k + 2 :]):
                return True
        if tok.low in ("by", "before", "until") and k + 1 < len(rest) and rest[k + 1].low in _DEADLINES:
            return True  # "… and pick one by Q3", "by March"
    return False


_STEP_GENERIC = _lex._words("mechanism mechanisms system systems tool tools")


def _generic_step_object(words) -> bool:
    """The object of a step after "and" names nothing: "… monitoring and alert mechanisms",
    "… and fix the issue". Read as a step, it adds no finish line; it is often no step at all
    but a noun ("alert mechanisms")."""
    content = [t for t in words if t.low not in _lex.STOPWORDS and t.low not in _PLAIN_VERBS]
    return bool(content) and all(t.low in _VAGUE_OBJECTS or t.low in _STEP_GENERIC for t in content)


_RECURRENCE = _lex._words("recurrence recurrences repeats repeat similar future further")
_DEADLINES = _lex._words(
    """
    q1 q2 q3 q4 h1 h2 january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    eod eow eoq tomorrow
    """
)


def _specific(rest, raw) -> bool:
    """A concrete object: at least two specific words, or one that names a thing exactly."""
    if _committed(rest, raw):
        return True
    content = [t for t in rest if t.low not in _lex.STOPWORDS]
    if content and content[0].low in _lex.GENERIC_NOUNS and len(content) <= 4:
        return False  # "reliability of the payment flow": a quality needs a measure
    points = 0
    for tok in content:
        if tok.low in _lex.GENERIC_NOUNS:
            continue
        text = tok.text
        if any(ch in text for ch in "._/") or (text.isupper() and len(text) > 1) or (tok.capitalised and not tok.initial):
            points += 2
        else:
            points += 1
    return points >= 2


# ------------------------------------------------------------------ behaviour only

_BEHAVIOUR_NOUNS = _lex._words("care attention caution vigilance awareness")


@per_analysis
def behaviour_only(an: Analysis) -> tuple[int, int, str] | None:
    """(start, end, phrase) when the item asks people to behave differently and changes nothing
    (worked out once per analysis)."""
    tokens = an.tokens
    first = opening(an)
    if first == 0:
        first = label_end(an) or 0  # "Task: Review and update the key management procedures …"
    demanded = _demanded_of_people(an, first)
    if demanded is not None:
        return demanded
    ruled = _rule_for_people(an, first)
    if ruled is not None:
        return ruled
    shared = _lessons_shared(an, first)
    if shared is not None:
        return shared
    recurring = _future_occasions(an, first)
    if recurring is not None:
        return recurring
    found = None
    for p in range(first, min(len(tokens), first + 4)):
        found = _behaviour_at(an, p)
        if found:
            break
    if found is None:
        return None
    p, q = found
    is_first = verb_first(an)
    if is_first and p > first + 2:
        return None
    # a system change anywhere else makes it more than a reminder
    for k, tok in enumerate(tokens):
        if p <= k < q:
            continue
        stem = tok.low[:-3] if tok.low.endswith("ing") else tok.low
        if k != first and (tok.low in _lex.SYSTEM_VERBS or (tok.low.endswith("ing") and (stem in _lex.SYSTEM_VERBS or stem + "e" in _lex.SYSTEM_VERBS))):
            if k > 0 and tokens[k - 1].low in ("and", "by", "then", "or", "to", "with"):
                return None
    if is_first and first < p and tokens[first].low not in ("make", "ensure", "have", "send", "get", "take", "pay", "be", "raise", "increase", "build", "don't", "don’t", "do", "never", "try"):
        return None
    return tokens[p].start, tokens[q - 1].end, " ".join(t.text for t in tokens[p:q])


_SHARE_VERBS = _lex._words("share sharing communicate communicating circulate circulating disseminate disseminating spread document")
_LESSON_NOUNS = _lex._words(
    "incident incidents learnings learning lessons lesson insights insight knowledge experience experiences takeaways"
)
_AUDIENCE_WORDS = _lex._words("wider broader whole entire rest other colleagues members organisation organization company")


def _lessons_shared(an: Analysis, first: int):
    """ "Document the incident and share learnings with the team to prevent recurrence", "Document
    and communicate the incident, sharing insights with the wider team": telling colleagues what
    was learnt is all the item asks; nothing in the system changes. A named recipient ("Share
    details on incident with US-CERT") is a report owed to someone, not a habit."""
    tokens = an.tokens
    if tokens[first].low not in _SHARE_VERBS:
        return None
    shares = lessons = 0
    for tok in tokens[first:]:
        low = tok.low
        if low in ("to", "for", "so") and lessons:
            break  # "… to prevent recurrence", "… for learning and awareness": only the purpose follows
        if tok.capitalised and not tok.initial or tok.text.isupper() and len(tok.text) > 1:
            return None  # a name: a recipient or a thing of its own
        if low in _SHARE_VERBS:
            shares += low != "document"
        elif low in _LESSON_NOUNS:
            lessons += 1
        elif not (low in _lex.STOPWORDS or low in _PLAIN_VERBS or low in _lex.PEOPLE_OBJECTS or low in _lex.TEAM_NOUNS or low in _AUDIENCE_WORDS):
            return None
    if not shares or not lessons:
        return None
    return tokens[first].start, tokens[-1].end, " ".join(t.text for t in tokens[first : first + 3])


_HABIT_VERBS = _lex._words("start stop keep continue begin quit")
_DILIGENCE = _lex._words("proactively quickly promptly carefully thoroughly diligently consistently properly timely")
# Verbs of effort or resolve: what they ask for is a person trying, not a change made.
_CONATIVE = _lex._words("strive endeavour endeavor aim pledge vow resolve try attempt")
_RESOLVE_NOUNS = _lex._words("pact commitment effort point promise resolution habit")
_TELL_VERBS = _lex._words("communicate note tell remind inform announce stress emphasise emphasize explain")
_PEOPLE_SUBJECTS = _lex._words("we they you everyone everybody engineers developers people staff teams team")
# How people work together: bettering it asks people to behave differently unless a means is named.
_TALK_NOUNS = _lex._words("communication communications collaboration coordination cooperation teamwork")


# What a thing is kept for, not when it is done: "… for future reference", "… for future use".
_FUTURE_PURPOSES = _lex._words("reference references use uses reuse readers reader debugging troubleshooting learning")
# Verbs that make a thing once; what they make may serve the future occasions ("Add a checklist
# for future migrations").
_MAKING_VERBS = _ADD_VERBS | _lex._words(
    "write document draft prepare design define develop establish produce publish record automate configure enable install"
)


def _future_occasions(an: Analysis, first: int):
    """An act to be repeated on every future occasion of a kind: "Use the incident-review
    template for future qualifying incidents", "Exercise a cold-cache reconciliation after future
    Argo CD resource changes", "Before future preserved-disk recovery, assert …". Nothing is
    changed once; people are asked to do it each time. A thing made once for such occasions
    ("Add a checklist for future migrations") and a purpose ("… for future reference") are not."""
    tokens = an.tokens
    for k in range(len(tokens) - 2):
        if tokens[k].low not in ("for", "after", "before", "during") or k and tokens[k - 1].low in ("prepare", "plan", "ready"):
            continue
        m = k + 1
        if tokens[m].low in ("all", "any", "every", "the"):
            m += 1
        if m + 1 >= len(tokens) or tokens[m].low != "future" or tokens[m + 1].low in _FUTURE_PURPOSES:
            continue
        verb = tokens[first].low if first < len(tokens) else ""
        if k == 0:
            after = _after_condition(an, 0)  # "Before future recovery, assert …": the instruction after the comma
            verb = tokens[after].low if after is not None and after < len(tokens) else verb
        if verb in _MAKING_VERBS or not is_imperative(verb):
            return None
        return tokens[k].start, tokens[m + 1].end, " ".join(t.text for t in tokens[k : m + 2])  # "for future qualifying"
    return None


def _act_of_reader(low: str) -> bool:
    """A gerund of a verb ("rotating", "re-signing", "deploying"): after "when" with no
    subject, the act is the reader's own."""
    from ._language import _lemmas

    if not low.endswith("ing") or len(low) < 6:
        return False
    low = low[3:] if low.startswith("re-") else low
    return bool((_lemmas(low) or {}).get("VERB"))


def _demanded_of_people(an: Analysis, first: int):
    found = _demanded(an, first)
    if found is None:
        return None
    tokens = an.tokens
    if any(t.low in ("and", "by", "then") for t in tokens[first + 1 :]) and any(_SYSTEM_VERB(t) for t in tokens[first + 2 :]):
        return None  # "… and add a pre-deploy check": a change to the system as well
    return found


def _demanded(an: Analysis, first: int):
    """Behaviour asked of a person, told by the shape of the item rather than its words: a habit
    to start or stop ("Stop treating QA as the final development phase", "Start writing after
    action reports"), a manner of diligence for the verb ("Quickly address the actions …",
    "proactively communicate design decisions …"), a message for people ("Communicate that metric
    filters should be configured …", "Note that Ubuntu non-LTS is on a 9-month cycle") or a
    way for people to act ("Make sure we treat any errors in -dev like we would in prod")."""
    tokens = an.tokens
    n = len(tokens)
    tok = tokens[first]
    low = tok.low
    nxt = tokens[first + 1] if first + 1 < n else None
    if nxt is None:
        return None
    if low in _HABIT_VERBS and nxt.low.endswith("ing") and len(nxt.low) > 4 and nxt.low not in ("nothing", "something", "everything"):
        stem = nxt.low[:-3]
        system_act = {stem, stem + "e", stem[:-1]} & _SYSTEM_RULES
        in_component = any(t.low in ("in", "on", "at") and k + 1 < n and tokens[k + 1].low in ("the", "our") for k, t in enumerate(tokens) if k > first + 1)
        # "Stop providing FLUTTER_PREBUILT_ENGINE_VERSION to release branches": what the act
        # handles is an identifier (a variable, a flag, a path), so the habit is the build's
        identifier = any(any(ch in t.text for ch in "_/`") or t.text.startswith("--") for t in tokens[first + 2 : first + 6])
        if not system_act and not in_component and not identifier:
            return tok.start, nxt.end, f"{tok.text} {nxt.text}"  # a habit of people, not a behaviour of a system
    before = [t for t in tokens[:first] if t.low in _DILIGENCE]
    if before and not _SYSTEM_VERB(tok):
        return before[0].start, tok.end, f"{before[0].text} {tok.text}"
    if low in _CONATIVE and (nxt.low == "to" or nxt.low in ("that", "you", "we") and low not in ("try", "attempt")):
        return tok.start, nxt.end, f"{tok.text} {nxt.text}"  # "Strive to …", "Endeavour you test …": an effort asked of people
    if low == "make" and nxt.low in ("a", "an", "every") and first + 3 < n and tokens[first + 2].low in _RESOLVE_NOUNS and tokens[first + 3].low == "to":
        return tok.start, tokens[first + 3].end, " ".join(t.text for t in tokens[first : first + 4])  # "Make a pact to triple-check …"
    for k in range(n - 1):
        if tokens[k].low in ("when", "whenever") and tokens[k + 1].low == "you" and tokens[k].sentence == tok.sentence and not _SYSTEM_VERB(tok):
            # "Check both layers when you fix", "When you mirror another system's rules, copy its
            # rules": the occasion is the reader's own act, so the item is a habit asked of people
            return tokens[k].start, tokens[k + 1].end, f"{tokens[k].text} {tokens[k + 1].text}"
        if tokens[k].low in ("when", "whenever") and k < first and _act_of_reader(tokens[k + 1].low) and not _SYSTEM_VERB(tok):
            # "When rotating the signing key, re-sign every release manifest by hand": a gerund with
            # no subject of its own is the reader's act too
            return tokens[k].start, tokens[k + 1].end, f"{tokens[k].text} {tokens[k + 1].text}"
    if low in _TELL_VERBS and nxt.low == "that":
        return tok.start, nxt.end, f"{tok.text} that"
    if low in _IMPROVE_VERBS:
        k = first + 1 + (nxt.low in ("our", "the", "team", "cross-team"))
        if k < n and tokens[k].low in _TALK_NOUNS and not any(t.low in ("by", "through", "via", "using") for t in tokens[k + 1 :]):
            return tok.start, tokens[k].end, " ".join(t.text for t in tokens[first : k + 1])  # "Enhance our communication with …": people talking better
    words = words_of(an.text)
    for k in range(first + 1, n - 3) if ("ensure" in words or "sure" in words) and not words.isdisjoint(_lex.BEHAVIOUR_ADJECTIVES) else ():
        if tokens[k].low in ("ensure", "sure"):
            m = k + 1 + (tokens[k + 1].low == "that")
            while m < n and m < k + 5 and tokens[m].low not in ("is", "are", "be"):
                m += 1
            if m + 1 < n and tokens[m + 1].low in _lex.BEHAVIOUR_ADJECTIVES and any(
                t.low in _lex.PEOPLE_OBJECTS or t.low in _lex.ROLE_NOUNS or t.low in _PEOPLE_SUBJECTS for t in tokens[k + 1 : m]
            ):
                return tokens[k].start, tokens[m + 1].end, " ".join(t.text for t in tokens[k : m + 2])  # "… to ensure all team members are aware"
    j = first + 2 if low == "make" and nxt.low == "sure" else first + 1 if low == "ensure" else None
    if j is not None:
        if j < n and tokens[j].low == "that":
            j += 1
        if j + 1 < n and tokens[j].low in _PEOPLE_SUBJECTS and tokens[j + 1].low not in ("have", "has", "get", "gets", "are", "is", "can", "will"):
            verb = tokens[j + 1]
            if verb.low.endswith("ed") and verb.low not in ("need",):
                return None  # "make sure everyone is notified": a system notifies
            return tok.start, verb.end, " ".join(t.text for t in tokens[first : j + 2])
    return None


# What people do by hand: a rule for people made of these changes nothing in the system.
_PERSON_ACTS = _lex._words(
    """
    check double-check triple-check verify confirm review read test communicate coordinate inform
    tell ask consult remember follow pay take watch look avoid refrain wait think consider ensure
    make be try learn understand familiarise familiarize refamiliarize know respond answer reach
    attend notify announce contact ping double check treat share speak talk keep stay remain
    """
)
_MODAL_OPENERS = _lex._words("should must shall need needs have has will are is")
_COMPLY_VERBS = _lex._words("follow adhere stick respect obey comply abide")
_RULE_NOUNS = _lex._words(
    """
    process processes procedure procedures checklist checklists runbook runbooks playbook playbooks
    policy policies guideline guidelines rule rules schedule freeze standards standard conventions
    practices practice protocol protocols workflow steps
    """
)
_HABIT_ADVERBS = _lex._words("always never")
# Verbs of belief or regard: what they ask for happens in a person's head.
_BELIEF_VERBS = _lex._words("assume presume treat regard suppose believe")
_MECHANISM = _lex._words(
    """
    automatically automatic automated automation auto bot ci hook pre-commit gate lint linter
    alert alerts alerting page script tool tooling pipeline enforce enforced enforcing
    """
)
_QUANTIFIERS = _lex._words("all every each any no")
# What a rule for a system says it does: "Never allow …" is a policy the system enforces.
_POLICY_VERBS = _lex._words("allow permit accept let expose store log retry reject block require enforce gate restrict prevent")


def _rule_for_people(an: Analysis, first: int):
    """A rule for people, told by the item's structure rather than its words: people as the
    subject of a duty ("Engineers should double-check the region…", "Everyone needs to read the
    runbook"), compliance with a process ("Follow the change management process"), a habit
    ("Always run a 'Salt highstate' once a machine …", "Never bundle cluster-scoped and namespaced
    resources…"), a check by hand under a condition ("When there are multiple reports …, check to
    see if …") and a state that people are to bring about by hand ("Ensure all code is tested
    before merge"). An item that names a mechanism or also changes the system is more than that."""
    tokens = an.tokens
    n = len(tokens)
    if first >= n - 1:
        return None
    words = words_of(an.text)
    if not words.isdisjoint(_MECHANISM):
        return None
    if any(t.low in ("and", "by", "then", "or") for t in tokens[first + 1 :]) and any(_SYSTEM_VERB(t) for t in tokens[first + 2 :]):
        return None  # "… and add a pre-deploy check"
    tok = tokens[first]
    low = tok.low
    contrast = _maxim_by_contrast(an, first)
    if contrast is not None:
        return contrast
    # people as the subject of a duty: "Engineers should …", "Team members must …", "Everyone needs to …"
    j = first
    if tokens[j].low in ("all", "the", "our", "every", "each"):
        j += 1
    head = j
    while j < n and j < head + 3 and (tokens[j].low in _lex.PEOPLE_OBJECTS or tokens[j].low in _lex.ROLE_NOUNS
                                      or tokens[j].low in ("members", "member", "we", "everyone", "everybody", "and")):
        j += 1
    if j > head and tokens[j - 1].low != "and" and j < n and tokens[j].low in _MODAL_OPENERS:
        k = j + 1
        while k < n and k < j + 4 and tokens[k].low in ("to", "always", "also", "be", "expected", "required", "supposed", "going", "not", "never", "all"):
            if tokens[k].low == "be" and k + 1 < n and is_participle(tokens[k + 1].low) and tokens[k + 1].low not in ("expected", "required", "supposed"):
                return None  # "Engineers should be paged when …": the system acts on them
            k += 1
        if k < n and tokens[k].low in _PERSON_ACTS and tokens[k].low != "be" and not _SYSTEM_VERB(tokens[k]):
            return tokens[first].start, tokens[k].end, " ".join(t.text for t in tokens[first : k + 1])
    # compliance with a process: "Follow the change management process", "Adhere to the checklist"
    if low in _COMPLY_VERBS and not (first + 1 < n and tokens[first + 1].low == "up"):
        for k in range(first + 1, min(n, first + 7)):
            if tokens[k].low in _RULE_NOUNS:
                return tok.start, tokens[k].end, " ".join(t.text for t in tokens[first : k + 1])
    # a habit: "Always run …", "Never bundle …", "Avoid deploying late in the day"
    if first > 0 and tokens[first - 1].low in _HABIT_ADVERBS or low in _HABIT_ADVERBS and first + 1 < n:
        verb = tokens[first + 1] if low in _HABIT_ADVERBS else tok
        adverb = tok if low in _HABIT_ADVERBS else tokens[first - 1]
        if is_imperative(verb.text) and verb.low not in _POLICY_VERBS and not _SYSTEM_VERB(verb):
            return adverb.start, verb.end, f"{adverb.text} {verb.text}"
    if low in ("don't", "don’t") or low == "do" and tokens[first + 1].low == "not":
        # "Do not perform a migration on both nodes in the same time slot" is "Never perform …":
        # the same habit asked of people, in other words
        k = first + 1 + (low == "do")
        if k < n and is_imperative(tokens[k].text) and tokens[k].low not in _POLICY_VERBS and not _SYSTEM_VERB(tokens[k]) \
                and tokens[k].low in _PERSON_ACTS | _LIGHT_VERBS | _ROUTINE_CHECKS:
            return tok.start, tokens[k].end, " ".join(t.text for t in tokens[first : k + 1])
    if low == "avoid" and _gerund(tokens[first + 1].low):
        return tok.start, tokens[first + 1].end, f"{tok.text} {tokens[first + 1].text}"  # "Avoid using toplevel wildcards"
    # a way of thinking asked of people: "Treat partial tokens as plaintext", "Assume the credential
    # was revoked", "Regard every alert as real": only a person can hold a belief
    for k in range(first, min(n - 1, first + 12)):
        if tokens[k].low not in _BELIEF_VERBS:
            continue  # the clause's start is looked for only before a verb of belief
        if k == first or tokens[k - 1].low in (",", "and", "then") or _clause_break_before(an, tokens[k]) or "," in an.text[tokens[k - 1].end : tokens[k].start]:
            if tokens[k].low in _BELIEF_VERBS and (tokens[k].low != "treat" or any(t.low == "as" for t in tokens[k + 2 : k + 12])):
                return tokens[k].start, tokens[k].end, tokens[k].text
    # a habit in a second instruction: "Embed credentials in shell variables; never let them reach
    # the output of any command", "Avoid `latest` tags — always pin a version": the adverb opens a
    # clause of its own after a semicolon or a dash, and its verb is a person's act
    for k in range(first + 2, n - 1):
        if tokens[k].low in _HABIT_ADVERBS and _clause_break_before(an, tokens[k]):
            verb = tokens[k + 1]
            if is_imperative(verb.text) and verb.low not in _POLICY_VERBS and not _SYSTEM_VERB(verb):
                return tokens[k].start, verb.end, f"{tokens[k].text} {verb.text}"
    # a routine check by people: "Test before deploying on all servers", "Check every subdomain …
    # before switching nameservers", "Ensure that status of a service … is checked after restart"
    routine = _routine_check(tokens, first)
    if routine is not None:
        return routine
    # a check by hand under a condition: "When …, check …", "If …, notify the database team"
    if first > 0 and tokens[0].low in _CONDITIONS and low in _PERSON_ACTS and low not in ("be", "make", "take", "keep", "test") \
            and "," in an.text[tokens[first - 1].end : tok.start]:
        return tokens[0].start, tok.end, f"{tokens[0].text} …, {tok.text}"
    # a state to bring about by hand: "Ensure all code is tested before merge"
    m = first + 2 if low == "make" and tokens[first + 1].low == "sure" else first + 1 if low == "ensure" else None
    if m is not None:
        if m < n and tokens[m].low == "that":
            m += 1
        if m < n and tokens[m].low == "to" and m + 1 < n and is_imperative(tokens[m + 1].text):
            return tok.start, tokens[m + 1].end, " ".join(t.text for t in tokens[first : m + 2])  # "Make sure to check …"
        if m < n and tokens[m].low in _QUANTIFIERS:
            for k in range(m + 1, min(n - 1, m + 5)):
                if tokens[k].low in ("is", "are", "gets", "get"):
                    v = k + 1 if is_participle(tokens[k + 1].low) else k + 2 if k + 2 < n and is_participle(tokens[k + 2].low) else None
                    if v is not None:
                        return tok.start, tokens[v].end, " ".join(t.text for t in tokens[first : v + 1])
                    break
    return None


def _maxim_by_contrast(an: Analysis, first: int):
    """A way to act told by what to do instead of what people did: the instruction, a comma and
    the habit it replaces or widens ("Reload, don't restart, after a config change", "Record the
    datastore in capacity reviews, not only the VM topology", "Restart the workers one at a time
    rather than all at once"). It corrects a habit and changes nothing. A bare "…, not X" may
    only pick a setting ("Route SEV1 pages to phone and SMS, not email") and is left alone, as
    are an instruction whose verb changes the system and a contrast of amounts."""
    tokens = an.tokens
    verb = tokens[first]
    if not is_imperative(verb.text) or _SYSTEM_VERB(verb) or verb.low in _POLICY_VERBS or verb.low in _CAPABILITY_VERBS:
        return None
    depth = 0
    for k in range(first + 1, len(tokens) - 1):
        tok = tokens[k]
        if tok.sentence != verb.sentence:
            return None
        between = an.text[tokens[k - 1].end : tok.start]
        depth = max(0, depth + between.count("(") - between.count(")"))
        if depth or "," not in between:
            continue
        nxt = tokens[k + 1]
        if tok.low == "not" and nxt.low in ("only", "just") and k + 2 < len(tokens):
            # "…, not only the VM topology": a habit widened; "…, not email" may only pick a
            # setting ("Route SEV1 pages to phone and SMS, not email")
            nxt = tokens[k + 2]
        elif not (tok.low in ("don't", "don’t") or tok.low == "rather" and nxt.low == "than"):
            continue
        if nxt.text[:1].isdigit():
            return None  # "… in under 1h, not just 14h": amounts compared
        return verb.start, tok.end, f"{verb.text} …, {tok.text}"
    return None


_ROUTINE_CHECKS = _lex._words("check verify test confirm double-check triple-check validate review inspect re-check recheck")
_ROUTINE_CHECKED = _lex._words("checked verified tested confirmed double-checked validated reviewed inspected re-checked rechecked")
_WHEN_DONE = _lex._words("before after whenever")
_CHECK_NOUNS = _lex._words("testing tests test checks check review reviews verification validation inspection inspections")


def _clause_break_before(an: Analysis, tok) -> bool:
    """A semicolon or a dash just before the token: a second clause starts there."""
    between = an.text[max(0, tok.start - 3) : tok.start]
    return ";" in between or "—" in between or "–" in between or " - " in between


def _routine_check(tokens, first: int):
    """A check people are to repeat at each change, told by its structure: a verb of checking, then
    either nothing or "every/all/any" thing to check, then "before/after/whenever" a step; or
    "ensure … is checked after …". A one-off check names its object ("Verify the backups of db-3
    before deleting the old volume") and stays clean."""
    n = len(tokens)
    low = tokens[first].low
    when = next((k for k in range(first + 1, n) if tokens[k].low in _WHEN_DONE and k + 1 < n), None)
    if when is None:
        return None
    if when + 1 < n and tokens[when + 1].low in ("every", "each", "any") and is_imperative(tokens[first].text) and not _SYSTEM_VERB(tokens[first]) and (
            low in _PERSON_ACTS or low in _ROUTINE_CHECKS or low in _LIGHT_VERBS):
        # "Review and test load balancer configurations after every deployment", "Run sudo
        # update-initramfs -u explicitly after any apt session …": a step by hand at each event.
        # A step that makes an artefact of a named thing ("Snapshot the orders database before
        # every schema migration") is a job a pipeline can run: not a person's habit.
        return tokens[first].start, tokens[when + 1].end, f"{tokens[first].text} … {tokens[when].text} {tokens[when + 1].text}"
    if low in _LIGHT_VERBS and any(t.low in _CHECK_NOUNS for t in tokens[first + 1 : first + 4]) and _any_occasion(tokens, when + 1) \
            and not _names_anything(tokens[first + 1 : when]):
        # "Conduct thorough testing of any changes … before deploying them": the same check by
        # hand as "Test … before deploying", named as a noun
        return tokens[first].start, tokens[when + 1].end, f"{tokens[first].text} … {tokens[when].text} {tokens[when + 1].text}"
    if low in _ROUTINE_CHECKS:
        between = tokens[first + 1 : when]
        if not between or any(t.low in _QUANTIFIERS and t.low != "no" for t in between[:3]):
            return tokens[first].start, tokens[when].end, f"{tokens[first].text} … {tokens[when].text}"
        if _any_occasion(tokens, when + 1):
            # "Test the application before deploying", "Verify the settings after a change": a
            # check at every occasion of a kind, as against one named event ("… before deleting
            # the old volume", "… after Sunday, 2026-08-23")
            return tokens[first].start, tokens[when + 1].end, f"{tokens[first].text} … {tokens[when].text} {tokens[when + 1].text}"
        return None
    if low == "ensure" or low == "make" and first + 1 < n and tokens[first + 1].low == "sure":
        for k in range(first + 2, when - 1):
            if tokens[k].low in ("is", "are", "gets", "get") and tokens[k + 1].low in _ROUTINE_CHECKED and k + 2 == when:
                return tokens[first].start, tokens[when].end, " ".join(t.text for t in tokens[k : when + 1])
    return None


def _any_occasion(tokens, k: int) -> bool:
    """The words at ``k`` name any occasion of a kind, not one event: a bare gerund ("deploying",
    "merging to main"), an indefinite one ("a change", "an upgrade") or a bare plural ("updates")."""
    if k >= len(tokens):
        return False
    tok = tokens[k]
    nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
    if _gerund(tok.low):
        return nxt in ("", "to", "into", "on", "in", "and", "or", "anything", "changes", "code", "them", "it")
    if tok.low in ("a", "an") and k + 1 < len(tokens):
        return k + 2 >= len(tokens) or tokens[k + 2].low in _lex.STOPWORDS
    if (nxt == "" or nxt in _lex.STOPWORDS) and tok.text.islower() and _event_noun(tok.low):
        return True  # "after deployment", "before replacement": an event with no article is any such event
    return tok.low.endswith("s") and not tok.low.endswith("ss") and tok.text.islower() and (nxt == "" or nxt in _lex.STOPWORDS) and tok.low not in _lex.STOPWORDS


def _event_noun(low: str) -> bool:
    """An act named as a noun in the singular, by its ending ("deployment", "replacement",
    "installation") or as a word the tables know as both a verb and a noun ("upgrade")."""
    if _act_noun(low) and not low.endswith("s"):
        return True
    if low in _lex.STOPWORDS:
        return False
    from ._language import _lemmas

    lemmas = _lemmas(low) or {}
    return low in lemmas.get("VERB", ()) and low in lemmas.get("NOUN", ())


def _gerund(low: str) -> bool:
    """A verb's -ing form ("using", "deploying"), not a noun ending alike ("string", "thing")."""
    if not low.endswith("ing") or len(low) < 5:
        return False
    from ._language import _lemmas

    lemmas = _lemmas(low) or {}
    return bool(lemmas.get("VERB")) and low not in lemmas.get("NOUN", ())


def _SYSTEM_VERB(tok) -> bool:
    stem = tok.low[:-3] if tok.low.endswith("ing") else tok.low
    return tok.low in _lex.SYSTEM_VERBS or stem in _lex.SYSTEM_VERBS or stem + "e" in _lex.SYSTEM_VERBS


_SYSTEM_RULES = _lex._words("allow permit accept let deploy release ship merge run retry store expose log")
_NOTIFIED = _lex._words("emailed notified paged alerted pinged messaged informed")
_TRAINING_VERBS = _lex._words(
    "create provide organise organize hold run schedule conduct do arrange offer give develop"
    " implement introduce institute establish enhance improve expand"  # a practice of people, started or grown
)
_TRAINING_NOUNS = _lex._words("training trainings learning workshop workshops course courses education awareness")
_TRAINING_EVENTS = _lex._words("session sessions programme programmes program programs day days")


def _behaviour_at(an, p):
    tokens = an.tokens
    n = len(tokens)
    low = tokens[p].low
    nxt = tokens[p + 1].low if p + 1 < n else ""
    if low == "be":
        j = p + 1
        while j < n and tokens[j].low in ("more", "extra", "very", "much", "sure", "especially", "a", "bit"):
            j += 1
        if j < n and (tokens[j].low in _lex.BEHAVIOUR_ADJECTIVES or (tokens[p + 1].low == "sure" and tokens[j].low == "to")):
            return p, j + 1
        return None
    if low in ("pay", "take", "raise", "increase", "build", "show"):
        j = p + 1
        while j < n and tokens[j].low in ("more", "extra", "closer", "greater", "better", "special"):
            j += 1
        if j < n and tokens[j].low in _BEHAVIOUR_NOUNS:
            return p, j + 1
        return None
    if low in ("reminder", "reminders", "remind", "reminding"):
        return p, p + 1
    if p == opening(an) and (low in ("never", "don't", "don’t") or low == "do" and nxt == "not"):
        verb = tokens[p + 2].low if low == "do" and p + 2 < n else nxt
        if verb not in _SYSTEM_RULES and verb not in _lex.SYSTEM_VERBS and not _specific(tokens[p + (3 if low == "do" else 2) :], ""):
            return p, p + (2 if low == "do" else 1)  # "Never re-purpose a variable": a rule for people
    if low == "keep" and nxt == "an" and p + 2 < n and tokens[p + 2].low == "eye":
        return p, p + 3
    if low in ("remain", "stay") and nxt in ("calm", "alert", "vigilant", "focused", "careful"):
        return p, p + 2
    if low in ("expect", "anticipate") and nxt == "the":
        return p, p + 1
    if low.endswith("ly") and low in ("actively", "closely", "manually", "carefully") and nxt in ("monitor", "watch", "check", "review", "observe"):
        return p, p + 2
    if p > 0 and tokens[p - 1].low in ("actively", "closely", "manually", "carefully") and low in ("monitor", "watch", "check", "observe"):
        return p - 1, p + 1  # "Actively monitor critical pipeline executions": a person watching
    if low in _TRAINING_VERBS:
        for k in range(p + 1, min(n, p + 5)):
            if tokens[k].low in _TRAINING_NOUNS:
                return p, k + 1
    elif p == opening(an) and is_imperative(tokens[p].text) and not _SYSTEM_VERB(tokens[p]) and low not in _MAKING_VERBS:
        # "Gather the responders for incident response training sessions": training is the item's
        # object whatever its verb, when nothing is made of it ("training data", "training materials")
        for k in range(p + 1, min(n, p + 8)):
            if tokens[k].low in _TRAINING_NOUNS and (k + 1 == n or tokens[k + 1].low in _TRAINING_EVENTS):
                return p, k + 1
    if low in ("remember", "forget") and nxt == "to":
        return p, p + 2
    if low == "know" and p == opening(an):
        return p, p + 1  # "Know the warning signs: …": knowing is asked of a person, nothing changes
    if low in ("double-check", "triple-check", "scrutinize", "scrutinise"):
        return p, p + 1  # "Scrutinize changes to critical components": diligence asked of people
    if low in ("double", "triple") and nxt == "check":
        return p, p + 2  # "Double check that the correct syntax is being used …"
    if low in ("more", "extra", "closer", "greater") and nxt in _BEHAVIOUR_NOUNS:
        return p, p + 2
    if low == "make" and nxt != "sure":
        for k in range(p + 1, min(n - 1, p + 4)):
            if tokens[k].low in _lex.PEOPLE_OBJECTS or tokens[k].low in _lex.ROLE_NOUNS or tokens[k].low in _PEOPLE_SUBJECTS:
                if tokens[k + 1].low in ("aware", "familiar", "conscious"):
                    return p, k + 2  # "Make the team aware of the new process"
                break
        return None
    if low == "try" and nxt in ("harder", "better"):
        return p, p + 2  # "Try harder to catch these in review"
    if low in ("ensure", "make"):
        j = p + 2 if low == "make" and nxt == "sure" else p + 1
        for k in range(j, min(n, j + 3)):
            if tokens[k].low in _lex.PEOPLE_OBJECTS:
                if k + 2 < n and tokens[k + 1].low in ("gets", "get", "is", "are") and tokens[k + 2].low in _NOTIFIED:
                    if not any(t.low in ("react", "reacts", "respond", "responds", "acts") for t in tokens[k + 3 :]):
                        return None  # "Make sure that everybody gets emailed when the site goes down": a system notifies
                return p, k + 1
        return None
    if low in ("emphasise", "emphasize", "stress", "reinforce", "communicate") and nxt in ("the", "to"):
        if any(t.low in ("importance", "need", "team", "engineers", "everyone") for t in tokens[p + 1 : p + 6]):
            return p, p + 1
    if low in ("talk", "speak") and nxt in ("to", "with"):
        return p, p + 2
    if low in _lex.BEHAVIOUR_VERBS or low in ("onboard", "mentor", "brief", "re-educate"):
        for k in range(p + 1, min(n, p + 5)):
            if tokens[k].low in _lex.PEOPLE_OBJECTS or tokens[k].low in _lex.ROLE_NOUNS or tokens[k].low in _lex.TEAM_NOUNS:
                if low == "ask" and k + 1 < n and tokens[k + 1].low in _QUESTION_WORDS | {"about"}:
                    return None  # "Ask Grafana support if we should use PVC …": a question put, not a habit asked for
                return p, k + 1
    if low == "have" and p + 1 < n and tokens[p + 1].low in _lex.PEOPLE_OBJECTS:
        for k in range(p + 2, min(n, p + 4)):
            found = _behaviour_at(an, k)
            if found:
                return p, found[1]
    return None


# ------------------------------------------------------------------ hints from the item itself

_PREDICATE_WORDS = _lex._words("should will must shall needs need would could can")
_FINITE_BE_HAVE = _lex._words("is are was were has have")


def imperative_rewrite(an: Analysis, text: str | None = None) -> str | None:
    """The item turned round so that it starts with its verb, from its own words (``text``,
    the cell as written; ``an.text`` has quotations blanked): "Backup policy needs to be
    defined" -> "Define backup policy", "Monitoring team should add alerts for lag" -> "Add
    alerts for lag", "Improved runbooks for engine-level limits" -> "Improve runbooks for
    engine-level limits". None when the item has no such predicate."""
    text = an.text if text is None else text
    tokens = an.tokens
    first = opening(an)
    m = next((j for j in range(first + 1, min(len(tokens), first + 8)) if tokens[j].low in _PREDICATE_WORDS), None)
    if m is None:
        return _verb_form_rewrite(an, text, first)
    j = m + 1
    while j < len(tokens) and tokens[j].low in ("to", "be", "been", "also", "probably"):
        j += 1
    if j >= len(tokens):
        return None
    verb = tokens[j]
    subject = text[tokens[first].start : tokens[m - 1].end]
    rest = text[verb.end : tokens[-1].end].strip() if j + 1 < len(tokens) else ""
    passive = j > m + 1 and tokens[j - 1].low in ("be", "been") and is_participle(verb.low)
    lemma = _base_form(verb.low)
    if lemma is None:
        return None
    if passive:
        words = f"{lemma} {subject[:1].lower() + subject[1:] if not tokens[first].text.isupper() else subject}"
        words += f" {rest}" if rest else ""
    elif rest:
        words = f"{lemma} {rest}"
    else:
        return None
    return words[:1].upper() + words[1:]


def _verb_form_rewrite(an: Analysis, text: str, first: int) -> str | None:
    """ "Improved runbooks for engine-level limits" -> "Improve runbooks …", "Documenting and
    communicating the release process" -> "Document and communicate the release process"; not
    a label before a colon ("Enhanced Monitoring: Implement …")."""
    tokens = an.tokens
    if first + 1 >= len(tokens) or tokens[first + 1].sentence != tokens[first].sentence:
        return None
    if ":" in text[tokens[first].start : tokens[min(first + 5, len(tokens) - 1)].end]:
        return None
    sentence = tokens[first].sentence
    if any(tok.low in _PREDICATE_WORDS or tok.low in _FINITE_BE_HAVE for tok in tokens[first:] if tok.sentence == sentence):
        return None  # "Monitoring for both … is being improved": a subject, not a verb

    def imperative(tok) -> str | None:
        lemma = _base_form(tok.low) if tok.low.endswith(("ed", "ing")) else None
        return lemma if lemma in _lex.IMPERATIVE_VERBS and lemma != tok.low else None

    lead = imperative(tokens[first])
    if lead is None:
        return None
    words, rest = [lead], first + 1
    after = tokens[rest + 1] if rest + 1 < len(tokens) else None
    also = _base_form(after.low) if after is not None and after.low.endswith(("ed", "ing")) else None
    if tokens[rest].low in ("and", "or") and also and also != after.low:
        words += [tokens[rest].low, also]  # "documenting and communicating" -> "document and communicate"
        rest += 2
    if rest >= len(tokens):
        return None
    words.append(" ".join(text[tokens[rest].start : tokens[-1].end].split()))
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]


def _base_form(low: str) -> str | None:
    if low in _lex.IMPERATIVE_VERBS:
        return low
    from ._language import _lemmas

    lemmas = _lemmas(low)
    verbs = lemmas.get("VERB") if lemmas else None
    return verbs[0] if verbs else None


def object_span(an: Analysis, start: int, limit: int = 10) -> tuple[int, int] | None:
    """Where the words after the token at ``start`` that name what the item is about are, up
    to a clause boundary: "existing error handling in the Content Interpreter"."""
    tokens = an.tokens
    words = []
    cut_short = False
    for tok in tokens[start + 1 :]:
        if tok.low in ("to", "so", "which", "that", "when", "if", "because", "and", "more", "less") and words or tok.sentence != tokens[start].sentence:
            break
        if words and punctuation_between(an, words[-1], tok):
            break
        if len(words) == limit:
            cut_short = True
            break
        words.append(tok)
    words = whole_phrase(words, cut_short)
    if not words:
        return None
    return words[0].start, words[-1].end


def people_task(an: Analysis, start: int) -> str | None:
    """What people are asked to do, from "Remind engineers to <check the target cluster …>"."""
    tokens = an.tokens
    for j in range(start, min(len(tokens) - 1, start + 6)):
        if tokens[j].low == "to" and is_imperative(tokens[j + 1].text) and tokens[j + 1].low not in ("be", "make"):
            return an.text[tokens[j + 1].start : tokens[-1].end]
    return None
