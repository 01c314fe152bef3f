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

_TICKET = _re.compile(r"^[A-Z][A-Z0-9]*-\d+$")
_NOUNISH = _lex._words("test load lag rate stress smoke canary unit integration regression performance retry alert page log capacity chaos")
_PREPOSITIONS = _lex._words("per for on in of to across at with from")
_MODAL_LIKE = _lex._words("should will must need needs to would could can shall might")
_COMPARATIVES = _lex._words("better more improved faster proper enhanced increased fewer less greater stronger quicker")
_ADD_VERBS = _lex._words("add create build implement introduce get put set")
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
    """Index of the word that should be the verb: after ticket ids, "Please" and manner adverbs."""
    tokens = an.tokens
    i = 0
    while i < len(tokens) - 1:
        low = tokens[i].low
        if _TICKET.match(tokens[i].text) or low == "please":
            i += 1
        elif low.endswith("ly") and low not in _lex.NOT_IMPERATIVE_STARTS and low not in ("only", "apply", "reply", "supply"):
            i += 1
        else:
            break
    return i


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
    return True


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
    if _NEVER_AGAIN.search(an.text) and not (is_first and _specific(tokens[first + 1 :], raw)):
        match = _NEVER_AGAIN.search(an.text)
        return match.start(), match.end(), "promises an outcome, not an action"
    return None


def _committed(rest, raw) -> bool:
    """A number, a code span, a deliverable or a concrete next step gives a finish line."""
    if "`" in raw:
        return True
    for k, tok in enumerate(rest):
        reported_back = k + 1 < len(rest) and rest[k + 1].low == "back"  # "… and report back"
        if any(ch.isdigit() for ch in tok.text) or (tok.low in _lex.DELIVERABLES and not reported_back):
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
    if content and content[0].low in _lex.GENERIC_NOUNS:
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
