"""Finding people's names and handles in prose, for the "roles, not names" rule (PM506).

A word is taken for a person when it is

* a handle: ``@dave``, ``dave@`` (not an e-mail address), or a given name with a number
  (``priya7``, ``dave42``);
* a given name: the curated list in :mod:`._lexicon` or the larger multi-origin list in
  :mod:`._given_names`, capitalised, where the context reads as a person (not "the Vault
  cluster", "in Sydney", "Hermes service");
* a surname: a capitalised word after a given name ("Mike Kunz"), and the same word alone
  later in the document ("Kunz said").

Teams and roles of the owner registry, services of the frontmatter and the project's
``allowed-names`` are never people. The multi-origin list is loaded on the first lookup
that needs it.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from . import _lexicon as lex
from ._language import Analysis, NameOptions, is_past_verb, words_of

class _Lazy:
    """A regular expression compiled on first use: most documents never need it, and the
    one-file hook pays for every compile at start-up."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags, self._compiled = pattern, int(flags), None  # a plain int: enum flags cost ms

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


_HANDLE_DIGITS = _Lazy(r"^([^\W\d_]{3,})(\d{1,4})$")
_NOT_PERSON_HANDLE_RE = r"(?:^|[\-_.])(?:team|teams|oncall|on-call|sre|ops|bot|bots|eng|alerts?|admin|support|help|info|dev|prod)(?:$|[\-_.])|bot$"


_NOT_PERSON_HANDLE = _Lazy(_NOT_PERSON_HANDLE_RE, re.I)
_DETERMINERS = lex._words("the a an our their its this that these those your my each every any some no")
_PLACE_PREPOSITIONS = lex._words("in at near across into within throughout outside inside via")
# Third-person verbs of timelines and narratives: "14:52 MacFan4000 reverts his changes".
ACTING_VERBS = lex._words(
    """
    shares informs reports says states declares notices merges deploys restarts reverts rolls
    pushes opens closes files pages escalates acknowledges asks tells replies confirms
    investigates finds fixes joins leaves starts stops runs updates posts writes approves
    reviews creates deletes removes adds changes clones announces arrives realises realizes
    decides suggests mentions notes responds begins attempts tries checks applies disables
    enables drops wipes forgets ignores misses types
    """
)
_PARTICLES = lex._words("van von de der den da di du le la bin ibn al")
_TITLES = lex._words("mr mrs ms dr gov sen rep prof sir dame speaker minister")
_ONLY_PEOPLE = frozenset(w for w in lex.HUMAN_ONLY_VERBS if not w.endswith("ly")) | lex._words(
    "mistyped apologised apologized admitted resigned"
)
_THING_PREPOSITIONS = lex._words("of on over under about using via for")
# "Nyle Elison, the product line manager …": a role in apposition makes a name of unknown words
_APPOSITIVE_ROLES = lex.ROLE_NOUNS | lex._words(
    """
    officer director manager researcher ceo cto cio cfo coo founder co-founder president
    spokesperson spokesman spokeswoman professor student head chief vp member maintainer
    contributor consultant architect administrator technician general boss secretary
    """
)
_THING_AFTER = lex._words(
    """
    cluster clusters service services server servers job jobs pipeline pipelines api apis
    database databases db bot bots instance instances node nodes host hosts queue queues app
    apps plugin plugins agent agents client clients worker workers proxy controller script
    scripts library sdk cli console dashboard dashboards region regions bucket buckets stack
    project engine platform system systems tool tools repo repository module feature
    datacenter datacentre office airport street road station university college hospital
    storm hurricane release version update team outage outages incident breach mod game
    store bank hospital
    """
)


@lru_cache(maxsize=1)
def _multi_origin() -> dict[str, str]:
    from ._given_names import NAMES  # deferred: 150 kB of names, needed only for unknown words

    return NAMES


# Capitalised words a post-mortem is full of: no need to open the name list for them.
_COMMON = lex.STOPWORDS | lex._words(
    """
    summary impact timeline root cause causes analysis action actions items lessons learned
    contributing factors factor detection resolution what went well wrong glossary background
    appendix owner status priority due category event time notes incident outage we our it
    this that these those after before during when while at on in to for from an a the
    """
)


def is_given_name(low: str) -> bool:
    """Whether ``low`` (lower case) is a given name in any of the lists."""
    if low in lex.GIVEN_NAMES:
        return True
    if not low or low in lex.SYSTEMS or low in _COMMON:
        return False
    group = _multi_origin().get(low[0])
    return group is not None and f"\n{low}\n" in group


# start, end: character offsets in the block's text; kind: name | handle
Named = namedtuple("Named", "start end text kind")


_APPOSITION = _Lazy(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,\s+(?:the|a|an|our|their)\s")




def candidates(text: str) -> bool:
    """A cheap test: could ``text`` name anyone? (Avoids the full analysis for most blocks.)
    Works on the block's set of lower-case words, which the other rules have usually built
    already, with each word classified once per process; the multi-origin list is consulted
    only for words that appear capitalised, as a given name must."""
    if "@" in text:
        return True
    words = words_of(text)
    if not words.isdisjoint(_NAME_WORDS):
        return True
    new = words - _SMALL_CHECKED
    if new:
        for word in new:
            if _word_could_name(word):
                _NAME_WORDS.add(word)
                return True
            _SMALL_CHECKED.add(word)
        if len(_SMALL_CHECKED) > 200_000:
            _SMALL_CHECKED.clear()
            _OTHER_WORDS.clear()
    caps = {word.lower() for word in _capitalised_findall()(text)}
    if caps:
        if not caps.isdisjoint(_BIG_NAMES):
            return True
        for word in caps - _OTHER_WORDS:
            if is_given_name(word):
                _BIG_NAMES.add(word)
                return True
            _OTHER_WORDS.add(word)
    return (", the " in text or ", a " in text or ", an " in text) and _APPOSITION.search(text) is not None


# Capitalised words, possessive 's dropped: only these can be given names from the large list.
_CAPITALISED = _Lazy(r"(?<![\w'’@./\-])[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+(?=['’]s\b|[^\w'’@\-]|$)")
@lru_cache(maxsize=1)
def _capitalised_findall():
    return re.compile(_CAPITALISED.pattern).findall


_NAME_WORDS: set[str] = set()  # a name wherever it appears: curated given names, titles, name7
_BIG_NAMES: set[str] = set()  # in the multi-origin list: a name where it is capitalised
_OTHER_WORDS: set[str] = set()  # capitalised somewhere, in no list
_SMALL_CHECKED: set[str] = set()  # not a curated name, title or handle


def _word_could_name(low: str) -> bool:
    """Curated names, titles, verbs only people do, and handles such as "priya7"."""
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if low in lex.GIVEN_NAMES or low in _TITLES or low in _ONLY_PEOPLE:
        return True
    if low[-1:].isdigit():
        digits = _HANDLE_DIGITS.match(low)
        return digits is not None and is_given_name(digits.group(1))
    return False


def named_people(
    an: Analysis,
    names: NameOptions,
    never: frozenset[str] = frozenset(),
    surnames: set[str] | None = None,
    cell: bool = False,
) -> list[Named]:
    """People named in one analysed block. ``never``: lower-case words that are teams, roles,
    services or allowed names. ``surnames`` collects surnames across the document's blocks.
    ``cell``: the block is a table cell (a lone name there is a person)."""
    found: list[Named] = []
    tokens = an.tokens
    text = an.text
    skip_until = -1
    for i, tok in enumerate(tokens):
        if i < skip_until:
            continue
        base = tok.base
        low = base.lower()
        if low in never or low in names.allowed:
            continue
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
        # handles: @dave, dave@, priya7
        if tok.is_handle:
            handle = low[1:]
            if handle in lex.NON_PERSON_HANDLES or handle in never or handle in names.allowed or _NOT_PERSON_HANDLE.search(handle):
                continue
            found.append(Named(tok.start, tok.start + len(base), base, "handle"))
            continue
        if tok.end < len(text) and text[tok.end] == "@" and (tok.end + 1 >= len(text) or not (text[tok.end + 1].isalnum() or text[tok.end + 1] in "._")):
            if not _NOT_PERSON_HANDLE.search(low):
                found.append(Named(tok.start, tok.end + 1, text[tok.start : tok.end + 1], "handle"))
            continue
        digits = _HANDLE_DIGITS.match(low)
        if digits:
            if is_given_name(digits.group(1)) and digits.group(1) not in never:
                found.append(Named(tok.start, tok.end, tok.text, "handle"))
            continue
        if any(p.fullmatch(base) for p in names.people):
            end = _with_surname(tokens, i, nxt, never)
            found.append(_named(text, tokens, i, end))
            skip_until = end
            continue
        if not tok.capitalised:
            if low in lex.GIVEN_NAMES and len(low) > 3 and (
                cell and _alone_in_cell(tokens, i) or nxt is not None and (is_past_verb(nxt.low) or nxt.low in lex.HUMAN_ONLY_VERBS)
            ):
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "looks like alex forgot the D"
            continue
        if prev is not None and (prev.low in _TITLES or prev.base.lower() in lex.ROLE_NOUNS) and (prev.capitalised or prev.initial) \
                and low not in lex.SYSTEMS and (prev.low in _TITLES or is_given_name(low)):
            end = _with_surname(tokens, i, nxt, never)
            if surnames is not None:
                surnames.add(tokens[end - 1].base.lower())
            found.append(_named(text, tokens, i, end))  # "Mr Pester", "Gov. David Ige"
            skip_until = end
            continue
        if surnames and low in surnames and not tok.initial and not (prev is not None and prev.low in _DETERMINERS):
            found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Kunz said", after "Mike Kunz"
            continue
        if low in lex.SYSTEMS:
            continue
        if not is_given_name(low):
            if nxt is not None and nxt.low in _ONLY_PEOPLE and low not in lex.SYSTEMS and not low.endswith("ly") and not (
                prev is not None and (prev.low in _DETERMINERS or prev.capitalised)
            ) and not (i + 1 < len(tokens) and tokens[i + 1].capitalised):
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Paramdeep mistyped"
                continue
            end = _appositive_person(text, tokens, i, never)
            if end:
                if end > i + 1 and surnames is not None:
                    surnames.add(tokens[end - 1].base.lower())
                found.append(_named(text, tokens, i, end))
                skip_until = end
            continue
        curated = low in lex.GIVEN_NAMES
        if prev is not None and (prev.low in _DETERMINERS or prev.low in _PLACE_PREPOSITIONS or not curated and prev.low in _THING_PREPOSITIONS):
            continue  # "the Vault cluster", "in Sydney", "knowledge of Alcide"
        if prev is not None and (prev.text.isupper() and len(prev.text) > 1 or prev.low in ("st", "saint", "san", "santa")):
            continue  # "HBO Max", "St. Francis"
        if prev is not None and prev.capitalised and not prev.initial and not is_given_name(prev.base.lower()):
            continue  # "Amazon Web Services", "Product Owners": a name inside a longer proper name
        if nxt is not None and (not tok.possessive or nxt.low in ("mod", "outage", "game")) and nxt.low in _THING_AFTER:
            continue  # "Hermes service", "Atlas cluster", "Garry's mod"
        if prev is not None and prev.text[:1].isdigit():
            continue  # "the 2022 Rogers outage"
        if _institution_follows(tokens, i):
            continue  # "Henry Mayo Newhall Hospital"
        if tok.initial and not cell and not curated and not _person_context(tokens, i, nxt):
            continue  # a capital at the start of a sentence says nothing
        end = _with_surname(tokens, i, nxt, never)
        if end > i + 1 and surnames is not None:
            surnames.add(tokens[end - 1].base.lower())
        found.append(_named(text, tokens, i, end))
        skip_until = end
    return found


_CHAT_NICK = _Lazy(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?[\])]?(?:\*\*)?[ \t]*[-–—:]?[ \t]*"
    r"(?:<(?P<angle>[^>\s]{2,40})>|\[(?P<bracket>[\w.\-]{2,40})\]|(?P<colon>@?[\w.\-]{2,40}):[ \t])",
    re.MULTILINE | re.ASCII,  # ASCII classes compile ten times faster; chat nicks are ASCII
)
def starts_with_clock(text: str) -> bool:
    """Whether a line of ``text`` starts with a time, as chat-log and timeline lines do."""
    for line in text.split("\n"):
        head = line.lstrip(" \t-*+[(")[:9]
        if head[:1].isdigit() and ":" in head:
            return True
    return False
_NOT_NICKS = lex._words("utc gmt cet cest pst pdt est edt z am pm update note action incident alert info warning error")


_TIMELINE_ACTOR = _Lazy(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z|AM|PM|am|pm))?(?:\*\*)?[ \t]*[-–—:]?[ \t]*"
    r"(?P<actor>@?[A-Za-z][\w.\-]{1,39})[ \t]+(?P<verb>[a-z]+)\b",
    re.MULTILINE | re.ASCII,
)


def chat_nicks(raw: str, never: frozenset[str], names: NameOptions) -> list[Named]:
    """Speakers of chat-log lines and timeline lines: "14:52 John: …", "20:12 brennen: …",
    "[QuietMisdreavus] found …" after a time. Chat logs are quoted, so the other language rules
    skip them; a speaker's name is still a name."""
    found = []
    for match in _CHAT_NICK.finditer(raw):
        group = next(g for g in ("angle", "bracket", "colon") if match.group(g))
        nick = match.group(group)
        low = nick.lstrip("@").lower()
        if low in _NOT_NICKS or low in never or low in names.allowed or low in lex.SYSTEMS or _NOT_PERSON_HANDLE.search(low):
            continue
        if low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or low.isdigit() or not low[:1].isalpha():
            continue
        start = match.start(group)
        found.append(Named(start, start + len(nick), nick, "handle" if nick.startswith("@") or not nick[:1].isupper() else "name"))
    # "13:05 MacFan4000 reverts his changes": the actor of a timeline line in the present tense
    for match in _TIMELINE_ACTOR.finditer(raw):
        actor, verb = match.group("actor"), match.group("verb")
        low = actor.lstrip("@").lower()
        if verb not in ACTING_VERBS or low in never or low in names.allowed or low in lex.SYSTEMS or low in _NOT_NICKS:
            continue
        if low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or low in lex.STOPWORDS or _NOT_PERSON_HANDLE.search(low):
            continue
        if actor.islower() and not is_given_name(low) and not any(ch.isdigit() for ch in actor):
            continue  # "14:02 alerting fires": a lower-case word is more often a thing
        start = match.start("actor")
        if any(f.start == start for f in found):
            continue
        found.append(Named(start, start + len(actor), actor, "handle" if not is_given_name(low) else "name"))
    return found


def _named(text: str, tokens, i: int, end: int) -> Named:
    first, last = tokens[i], tokens[end - 1]
    stop = last.start + len(last.base)
    return Named(first.start, stop, text[first.start : stop], "name")


def _with_surname(tokens, i, nxt, never) -> int:
    """Index after a name, with the surname if one follows: "Mike Kunz", "Priyanka Rao"."""
    tok = tokens[i]
    if tok.possessive or nxt is None or not nxt.capitalised:
        return i + 1
    low = nxt.base.lower()
    if low in lex.SYSTEMS or low in never or low in lex.STOPWORDS or nxt.low in _THING_AFTER:
        return i + 1
    return i + 2


def _appositive_person(text: str, tokens, i: int, never) -> int:
    """ "Nyle Elison, the product line manager for BYU's OIT": index after the name, or 0."""
    tok = tokens[i]
    if not tok.capitalised or tok.possessive or tok.base.lower() in lex.SYSTEMS:
        return 0
    end = i + 1
    if end < len(tokens) and tokens[end].sentence == tok.sentence and tokens[end].capitalised and not tokens[end].possessive:
        if tokens[end].base.lower() in lex.SYSTEMS or tokens[end].base.lower() in never:
            return 0
        end += 1
    if end >= len(tokens) or tokens[end].sentence != tok.sentence:
        return 0
    if end == i + 1 and (tok.initial or tok.low.endswith("ly")):
        return 0  # "Unfortunately, the developer …": one capitalised word at the start proves nothing
    if "," not in text[tokens[end - 1].end : tokens[end].start]:
        return 0
    if i > 0 and tokens[i - 1].sentence == tok.sentence and not tokens[i - 1].low in (",", "and", "by", "with", "from", "to", "thanks"):
        if tokens[i - 1].capitalised or tokens[i - 1].low in _DETERMINERS:
            return 0
    if tokens[end].low not in ("the", "a", "an", "our", "their", "its"):
        return 0
    for k in range(end + 1, min(len(tokens), end + 6)):
        if tokens[k].sentence != tok.sentence:
            break
        if tokens[k].low in _APPOSITIVE_ROLES:
            return end
    return 0


_INSTITUTIONS = lex._words(
    """
    hospital university college school bank county court inc llc ltd group foundation
    institute center centre airport street park stadium memorial fargo associates partners
    company corporation corp co district council ministry department agency authority
    partnership llp solicitors health care system systems clinic
    """
)


def _institution_follows(tokens, i) -> bool:
    for k in range(i + 1, min(len(tokens), i + 4)):
        if tokens[k].sentence != tokens[i].sentence or not tokens[k].capitalised:
            return False
        if tokens[k].base.lower() in _INSTITUTIONS:
            return True
    return False


def _person_context(tokens, i, nxt) -> bool:
    """At the start of a sentence: a verb, a possessive, a comma or a surname after the word."""
    tok = tokens[i]
    if tok.possessive:
        return True
    if nxt is None:
        return False
    if is_past_verb(nxt.low) or nxt.low in ("said", "says", "told", "asked", "wrote", "was", "is", "and", "who", "had", "has"):
        return True
    if nxt.low in ACTING_VERBS or nxt.low in _PARTICLES:
        return True  # "Marius van der Wijden shares …", "Sean deletes …"
    return nxt.capitalised and nxt.base.lower() not in lex.SYSTEMS


def _alone_in_cell(tokens, i) -> bool:
    return len(tokens) <= 3
