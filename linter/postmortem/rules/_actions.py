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
from ._language import Analysis, analyse, is_imperative, phrase_at

_TICKET = _re.compile(r"^(?:[A-Z][A-Z0-9]*-\d+|T\d{3,})$")
_NOUNISH = _lex._words("test load lag rate stress smoke canary unit integration regression performance retry alert page log capacity chaos")
_PREPOSITIONS = _lex._words("per for on in of to across at with from")
_MODAL_LIKE = _lex._words("should will must need needs to would could can shall might")
_COMPARATIVES = _lex._words("better more improved faster proper enhanced increased fewer less greater stronger quicker")
_ADD_VERBS = _lex._words("add create build implement introduce get put set setup")
_FILLER = _lex._words("more better additional extra proper some improved enhanced new further the our any up")


def action_cells(doc):
    """(item, cell, analysis) for every action item with an Action cell to judge."""
    for item in doc.actions:
        cell = item.cell("action")
        if cell is None or not cell.text.strip() or _PLACEHOLDER.search(cell.raw):
            continue
        an = analyse(cell.prose.text)
        if an.tokens:
            yield item, cell, an


def opening(an: Analysis) -> int:
    """Index of the word that should be the verb: after ticket ids, "Please", manner adverbs,
    a connector ("Instead, use …") and a leading condition ("If a new AMI has been deployed, be …")."""
    tokens = an.tokens
    i = 0
    while i < len(tokens) - 1:
        low = tokens[i].low
        if _TICKET.match(tokens[i].text) or low == "please":
            i += 1
        elif low in _CONNECTORS and _comma_after(an, i):
            i += 1
        elif low in _CONDITIONS and i == 0:
            j = _after_condition(an, i)
            if j is None:
                break
            i = j
        elif low.endswith("ly") and low not in _lex.NOT_IMPERATIVE_STARTS and low not in ("only", "apply", "reply", "supply"):
            i += 1
        else:
            break
    return i


_CONNECTORS = _lex._words("instead also additionally then finally first second third further furthermore moreover meanwhile afterwards long-term short-term")
_CONDITIONS = _lex._words("if when once in whenever until after before")


def _comma_after(an: Analysis, i: int) -> bool:
    tokens = an.tokens
    return i + 1 < len(tokens) and "," in an.text[tokens[i].end : tokens[i + 1].start]


def _after_condition(an: Analysis, i: int) -> int | None:
    """The token after a leading "If …, " clause, or None when there is no comma to end it."""
    tokens = an.tokens
    if tokens[i].low == "in" and not (i + 1 < len(tokens) and tokens[i + 1].low in ("case", "the")):
        return None
    for j in range(i + 1, min(len(tokens) - 1, i + 14)):
        if _comma_after(an, j):
            return j + 1
    return None


def verb_first(an: Analysis) -> bool:
    tokens = an.tokens
    i = opening(an)
    tok = tokens[i]
    low = tok.low
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if low in ("never", "don't", "don’t") or (low == "do" and nxt is not None and nxt.low == "not"):
        return True
    if tok.possessive or tok.is_handle or not tok.text[:1].isalpha():
        return False
    if not is_imperative(tok.text):
        return False
    if low in _NOUNISH and nxt is not None and _noun_after(tokens, i + 1):
        return False  # "Load testing before…", "Rate limits per tenant"
    if _subject_first(tokens, i):
        return False  # "Engineer A will be more careful", "Release process should include …", "Drift checker added"
    return True


_REPORTED = _lex._words(
    "added created implemented fixed deployed done updated enabled introduced removed completed merged shipped "
    "discussed agreed decided noted"
)
_BLOCKERS = _lex._words("the a an this that these those it its our their to of for on in with and or by from as if when so")


def _subject_first(tokens, i) -> bool:
    """A noun phrase, then a modal or a participle, within the first four words: the first word,
    though it can be read as a verb ("Engineer", "Release", "Drift"), is the subject."""
    for j in range(i + 1, min(len(tokens), i + 4)):
        low = tokens[j].low
        if tokens[j].text == "A" and j == i + 1 and tokens[i].capitalised:
            continue  # "Engineer A will …": a label, not an article
        if low in _BLOCKERS or tokens[j].text[:1] in "`(":
            return False
        if low in ("will", "should", "must", "shall", "needs", "need") or (low in ("is", "are") and j == i + 1) or (low in _REPORTED and j > i + 1) or (
            low in _REPORTED and tokens[i].capitalised and j == i + 1 and tokens[i].low not in _lex.IMPERATIVE_VERBS
        ):
            return True
    return False


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
    """(start offset, end offset, reason) when the item has no finish line."""
    tokens = an.tokens
    first = opening(an)
    is_first = verb_first(an)
    positions = [first] if is_first else range(first, len(tokens))
    end = tokens[-1].end
    if is_first:
        found = _open_ended(an, first, raw)
        if found is not None:
            return found
    for p in positions:
        for phrase in _lex.VAGUE_ALWAYS:
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
        if low in _lex.VAGUE_UNLESS_CONCRETE:
            promise = _NEVER_AGAIN.search(an.text, tokens[p].end)
            if promise and not _committed(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} promises an outcome, not an action"
            if not _specific(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} without a concrete object or finish line"
            continue
        if low == "make" and any(t.low in ("more", "less") for t in rest[:4]) and not _committed(rest, raw):
            return tokens[p].start, end, "'make … more' without a measure"
        if is_first and low in _ADD_VERBS and rest and all(t.low in _FILLER or t.low in _lex.CAPABILITY_NOUNS for t in rest):
            return tokens[p].start, end, f"{' '.join(t.text for t in tokens[p:])!r} names no specific signal or threshold"
        if not is_first and low in _COMPARATIVES and p + 1 < len(tokens) and tokens[p + 1].low != "than":
            if not _committed(rest, raw):
                return tokens[p].start, end, f"{tokens[p].text.lower()!r} without a measure"
    evaluative = _evaluative(an, first, raw)
    if evaluative is not None:
        return evaluative
    if _NEVER_AGAIN.search(an.text) and not (is_first and _specific(tokens[first + 1 :], raw)):
        match = _NEVER_AGAIN.search(an.text)
        return match.start(), match.end(), "promises an outcome, not an action"
    return None


_OPEN_ENDED = _lex._words(
    """
    investigate review evaluate assess explore research diagnose reflect discuss brainstorm
    analyse analyze study revisit consider continue plan
    """
)
_OPEN_PHRASES = (
    ("figure", "out"), ("find", "out"), ("find", "a", "way"), ("find", "ways"), ("find", "a", "path"),
    ("look", "into"), ("look", "at"), ("think", "about"), ("try", "to"), ("try", "if"), ("try", "and"),
    ("check", "why"), ("check", "if"), ("check", "whether"), ("check", "how"), ("schedule", "a", "discussion"),
    ("plan", "a", "strategy"), ("follow", "up"), ("work", "on"), ("work", "with"), ("determine", "if"),
    ("determine", "whether"), ("see", "if"), ("spike", "into"), ("spike", "on"), ("look", "for"),
    ("come", "up", "with"),
)
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
    if low in _OPEN_ENDED:
        size = 1
    for phrase in _OPEN_BY_FIRST.get(low, ()):
        if phrase_at(an, first, phrase):
            size = len(phrase)
    if not size:
        return None
    rest = tokens[first + size :]
    if _committed(rest, raw, code_counts=False) or _purpose(rest):
        return None
    words = " ".join(t.text.lower() for t in tokens[first : first + size])
    return tokens[first].start, tokens[-1].end, f"{words!r} has no decision, artefact or finish line"


def _purpose(rest) -> bool:
    """ "Revisit the retry policy to make sure it covers 503s": the purpose names the finish line."""
    lows = [t.low for t in rest]
    return any(tuple(lows[k : k + len(p)]) == p for p in _PURPOSE for k in range(len(lows)))


_EVALUATIVE = _lex._words(
    """
    proactive proactively sustainable gracefully robust robustly proper properly appropriate
    appropriately adequate adequately sufficient formal professional better smoother easier
    cleaner quicker faster
    """
)
_MORE_OF = _lex._words("quickly often gracefully reliably visible efficient efficiently robust careful")


def _evaluative(an: Analysis, first: int, raw: str):
    """Evaluative words in place of a specification: "Implement proactive alerts", "Handle
    errors more gracefully", "Agree on a sustainable way", "Bring down alert noise even more"."""
    tokens = an.tokens
    for k in range(first, len(tokens)):
        low = tokens[k].low
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        hit = None
        if low in _EVALUATIVE and nxt != "than" and not (k > 0 and tokens[k - 1].low == "to"):
            hit = (k, k + 1)
        elif low == "more" and (nxt in _MORE_OF or k + 1 == len(tokens) or k <= first + 2 and nxt and nxt != "than"):
            hit = (k, min(k + 2, len(tokens)))  # "Cover more scenarios", "Point to more relevant runbooks"
        elif low == "improve" and k == first:
            hit = (k, k + 1)  # "Improve reliability of the cron jobs": done when?
        elif low in ("if", "where", "when") and nxt in ("needed", "necessary", "possible", "appropriate", "required") and k + 2 >= len(tokens) \
                and len(tokens) <= 8:
            hit = (k, k + 2)  # "Create new runbooks if needed"
        elif low == "some" and nxt in ("form", "kind", "sort") and k + 2 < len(tokens) and tokens[k + 2].low == "of":
            hit = (k, k + 3)  # "Implement some form of smoke tests"
        elif low in ("minimise", "minimize", "maximise", "maximize") and k == first:
            hit = (k, k + 1)
        if hit is None:
            continue
        rest = tokens[first + 1 :]
        if _measured(rest) or _purpose(tokens[hit[1]:]) and low not in ("more", "improve") or low == "improve" and _committed(rest, raw, code_counts=False):
            return None
        phrase = " ".join(t.text for t in tokens[hit[0] : hit[1]])
        return tokens[hit[0]].start, tokens[hit[1] - 1].end, f"{phrase.lower()!r} is a judgement, not a specification"
    return None


_UNITS = _lex._words("seconds second minutes minute hours hour ms milliseconds days percent")


_NUMBER = _re.compile(r"^\d[\d.,:/%]*(?:[a-zA-Z]{0,3})$")


def _measured(rest) -> bool:
    """A number, a unit or a ticket: the only finish line an evaluative word can have."""
    return any(tok.text[:1].isdigit() or tok.low in _UNITS or "%" in tok.text or _TICKET.match(tok.text) for tok in rest)


def _committed(rest, raw, code_counts: bool = True) -> bool:
    """A number, a code span, a deliverable or a concrete next step gives a finish line."""
    if code_counts and "`" in raw:
        return True
    for k, tok in enumerate(rest):
        if tok.low in _UNITS:
            return True
        reported_back = k + 1 < len(rest) and rest[k + 1].low == "back"  # "… and report back"
        if _NUMBER.match(tok.text) or "#" in tok.text or (tok.low in _lex.DELIVERABLES and not reported_back):
            return True
        if tok.low in ("and", "then", "by", "with") and k + 1 < len(rest):
            nxt = rest[k + 1].low
            stem = nxt[:-3] if nxt.endswith("ing") else nxt
            back = k + 2 < len(rest) and rest[k + 2].low == "back"  # "… and report back"
            if not back and (nxt in _lex.CONCRETE_FOLLOWUPS or stem in _lex.CONCRETE_FOLLOWUPS or stem + "e" in _lex.CONCRETE_FOLLOWUPS):
                return True
    return False


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


def behaviour_only(an: Analysis) -> tuple[int, int, str] | None:
    """(start, end, phrase) when the item asks people to behave differently and changes nothing."""
    tokens = an.tokens
    first = opening(an)
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
    if is_first and first < p and tokens[first].low not in ("make", "ensure", "have", "send", "get", "take", "pay", "be", "raise", "increase", "build"):
        return None
    return tokens[p].start, tokens[q - 1].end, " ".join(t.text for t in tokens[p:q])


_SYSTEM_RULES = _lex._words("allow permit accept let deploy release ship merge run retry store expose log")
_NOTIFIED = _lex._words("emailed notified paged alerted pinged messaged informed")
_TRAINING_VERBS = _lex._words("create provide organise organize hold run schedule conduct do arrange offer give develop")
_TRAINING_NOUNS = _lex._words("training trainings learning workshop workshops course courses education awareness")


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
    if low in ("remember", "forget") and nxt == "to":
        return p, p + 2
    if low in ("double-check", "triple-check"):
        return p, p + 1
    if low in ("more", "extra", "closer", "greater") and nxt in _BEHAVIOUR_NOUNS:
        return p, p + 2
    if low in ("ensure", "make"):
        j = p + 2 if low == "make" and nxt == "sure" else p + 1
        if low == "make" and nxt != "sure":
            return None
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
    if low in _lex.BEHAVIOUR_VERBS:
        for k in range(p + 1, min(n, p + 5)):
            if tokens[k].low in _lex.PEOPLE_OBJECTS or tokens[k].low in _lex.ROLE_NOUNS or tokens[k].low in _lex.TEAM_NOUNS:
                return p, k + 1
    if low == "have" and p + 1 < n and tokens[p + 1].low in _lex.PEOPLE_OBJECTS:
        for k in range(p + 2, min(n, p + 4)):
            found = _behaviour_at(an, k)
            if found:
                return p, found[1]
    return None
