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
from ..lazy_re import alternation

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
    enables drops wipes forgets ignores misses types enters agrees proposes explains thanks
    contacts pings messages emails calls discovers notices realizes
    """
)
# …of which only people do these: "15:13 dsmith declares the incident"
_TIMELINE_PEOPLE_VERBS = lex._words(
    """
    says states declares informs tells asks replies confirms acknowledges announces decides suggests
    mentions realises realizes enters joins agrees proposes explains thanks pings messages emails
    forgets notices
    """
)
_PARTICLES = lex._words("van von de der den da di du le la bin ibn al")
_TITLES = lex._words("mr mrs ms dr gov sen rep prof sir dame speaker minister chairman chairwoman chairperson senator governor mayor judge")
_ONLY_PEOPLE = frozenset(w for w in lex.HUMAN_ONLY_VERBS if not w.endswith("ly")) | lex._words("mistyped resigned")
# Verbs of speech: their subject is a person or an organisation, so a capitalised word before
# them is a person only when it is a known given name or surname ("Walsh said", not "Optus said").
SPEECH_VERBS = lex._words(
    """
    said says told tells wrote writes explained explains
    assured assures denied denies revealed reveals claimed claims insisted insists argued argues
    recalled recalls stated warned replied replies answered asked asks tweeted commented
    emailed apologised apologized conceded concedes acknowledged admitted admits
    """
)
# Verbs whose subject is a person, whatever the word before them: "Elison felt", "Yuvi realised".
PERSON_VERBS = _ONLY_PEOPLE | lex._words(
    """
    thought thinks believed believes realised realized realises realizes knew forgot
    forgets resigned resigns wondered wonders hoped hopes overreacted overreacting panicked
    """
)
_REPORTING_VERBS = lex._words("reported noticed mentioned suggested commented replied pinged messaged emailed thanked")
# Pronouns that refer back to a person: "Bayer Rosmarin consigned herself…", "… abuse his powers".
_PERSON_BACK = lex._words("his her him himself herself he she")
# Between a subject and its verb: "Fowler quickly sent", "Walsh also revealed", "Jane didn't".
_BEFORE_VERB = lex._words(
    """
    also then later still never just only had has have did didn't didn’t does doesn't doesn’t
    was wasn't wasn’t is will would could can can't can’t couldn't couldn’t should
    """
)
_CALENDAR = lex._words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    christmas easter thanksgiving halloween
    """
)
# Months as the press abbreviates them before a day: "the Jan. 11 disruptions" (not "Jan said").
_MONTH_ABBREVIATIONS = lex._words("jan feb mar apr jun jul aug sep sept oct nov dec")
_DAY = _Lazy(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
# The endings of a pronoun's contraction: "I've", "I'm", "we'd" are no names.
_CONTRACTIONS = ("n't", "n’t", "'ve", "’ve", "'m", "’m", "'ll", "’ll", "'re", "’re", "'d", "’d")
# Words that open a sentence as a reply or an exclamation, set off by a comma ("Yeah, …",
# "Okay, …"): no person addressed, though no dictionary of lemmas lists them.
_INTERJECTIONS = lex._words("yeah yep yup yes nope no okay ok oh ah hey wow well sure hmm alas")
# "an admin referred to as team-member-1", "the Reddit handle cscareerthrowaway567"
_HANDLE_CUES = lex._words("handle username user-name nickname pseudonym")
_ORGANISATION_PARTS = lex._words(
    "staff employees customers users subscribers network networks shareholders board executives share shares stock headquarters"
)
# "Nyle Elison, the product line manager …": a role in apposition makes a name of unknown words
_APPOSITIVE_ROLES = lex.ROLE_NOUNS | lex._words(
    """
    officer director manager researcher ceo cto cio cfo coo founder co-founder president
    spokesperson spokesman spokeswoman professor student head chief vp member maintainer
    contributor consultant architect administrator technician general boss secretary
    leader chair chairman chairwoman chairperson commissioner executive
    """
)
# Manner adverbs of people: "if Jarrrk manually started them"
_PERSON_MANNER = lex._words("manually personally reluctantly hastily accidentally carelessly mistakenly inadvertently")
# States only people are in: "Yuvi was awake"
_PERSON_STATES = lex._words("awake asleep tired exhausted sick ill upset angry furious embarrassed ashamed sorry nervous afraid scared")
# Acts of noticing and of reaching a colleague, which systems and organisations are not said to
# do: "Kiyota noticed the spike", "Zhenya pinged the on-call engineer", "flagged by Oluwaseun".
_PEOPLE_ACTS = lex._words("noticed pinged messaged dmed spotted")  # not "notices", "pings", "messages": nouns too
# Acts of review and approval, done by people (and by a few bots, which are known by name).
_REVIEW_ACTS = lex._words("approved reviewed merged acknowledged declared asked replied commented suggested proposed agreed pinged messaged noticed")


_VERB_CUES = SPEECH_VERBS | lex._words("added adds explains recalled insisted admitted conceded apologised apologized") | PERSON_VERBS | _REPORTING_VERBS | _PERSON_MANNER | _PERSON_STATES | _PEOPLE_ACTS | lex._words("went")
_CUE_KINDS = (
    (_VERB_CUES, "verb"),
    (_PERSON_BACK, "back"),
    (_APPOSITIVE_ROLES | _TITLES | lex._words("said says added adds wrote writes continued explained asked told"), "title"),
)
_SHAPE_CUES = _HANDLE_CUES | _PARTICLES - lex._words("la le di da du al") | lex._words("referred")
_THING_PREPOSITIONS = lex._words("of on over under about using via for")
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
# Pronouns stand for people without naming them (PM507 judges them as actors).
_PRONOUNS = lex.PERSON_PRONOUNS | lex.OBJECT_PRONOUNS | lex._words("it its his hers their theirs my mine our ours your yours")

_COMMON = lex.STOPWORDS | lex._words(
    """
    summary impact timeline root cause causes analysis action actions items lessons learned
    contributing factors factor detection resolution what went well wrong glossary background
    appendix owner status priority due category event time notes incident outage we our it actor role who
    this that these those after before during when while at on in to for from an a the
    """
)


@lru_cache(maxsize=1)
def _surname_groups() -> dict[str, str]:
    from ._surnames import SURNAMES  # deferred: needed only where the context reads as a person

    return SURNAMES


def is_surname(low: str) -> bool:
    """Whether ``low`` (lower case) is a surname of the multi-origin list ("walsh", "fowler")."""
    if not low or low in lex.SYSTEMS or low in _COMMON:
        return False
    group = _surname_groups().get(low[0])
    return group is not None and f"\n{low}\n" in group


@lru_cache(maxsize=8192)
def is_english_word(low: str) -> bool:
    """Whether ``low`` is a word of the English dictionary (lemminflect's tables): "Pester",
    "King" and "Mark" may be names, but a capital alone does not say so."""
    from ._language import _lemmas

    return _lemmas(low) is not None


def is_given_name(low: str) -> bool:
    """Whether ``low`` (lower case) is a given name in any of the lists."""
    if low in lex.GIVEN_NAMES:
        return True
    if not low or low in lex.SYSTEMS or low in _COMMON:
        return False
    group = _multi_origin().get(low[0])
    return group is not None and f"\n{low}\n" in group


@lru_cache(maxsize=1)
def _place_lists() -> tuple[str, str, frozenset[str]]:
    from ._places import CITIES, REGION_CODES, REGIONS  # deferred: 60 kB of places, needed only for words that could be names

    return REGIONS, CITIES, REGION_CODES


def is_region(low: str) -> bool:
    """Whether ``low`` is a country, a state, a province or a region ("france", "georgia")."""
    return f"\n{low}\n" in _place_lists()[0]


def is_place(low: str) -> bool:
    """Whether ``low`` is a country, a region or a city ("basel", "marietta", "zurich")."""
    regions, cities, _codes = _place_lists()
    return f"\n{low}\n" in regions or f"\n{low}\n" in cities


# Plural nouns of places that head a list of them: "cities such as Zurich, Basel and Geneva"
_PLACE_NOUNS = lex._words("cities towns countries states regions provinces counties places locations areas suburbs sites districts villages")


def _place_context(text: str, tokens, i: int) -> bool:
    """Whether the sentence puts the word at ``i`` where a place stands: after a preposition of
    place ("in neighbouring France", "from Basel"), joined by a comma to another place
    ("Marietta, Georgia", "Basel, Switzerland"), or in a list headed by a noun of places
    ("cities such as Zurich, Basel and Geneva")."""
    tok = tokens[i]
    sentence = tok.sentence
    for back in (1, 2):
        j = i - back
        if j < 0 or tokens[j].sentence != sentence:
            break
        if tokens[j].low in _PLACE_PREPOSITIONS or tokens[j].low in ("from", "to", "outside", "around"):
            return True
        if back == 1 and (tokens[j].capitalised or tokens[j].low in _DETERMINERS or not tokens[j].low.isalpha()):
            break  # "in the Hermes service" is a thing; only a lower-case adjective may stand between
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and tokens[j].sentence == sentence and tokens[j].capitalised:
            a, b = (tokens[j], tok) if j < i else (tok, tokens[j])
            if text[a.end : b.start] == ", " and is_place(tokens[j].base.lower()):
                return True
    if _city_and_region(text, tokens, i) or _city_and_region(text, tokens, i - 1):
        return True
    for j in range(max(0, i - 12), i):
        if tokens[j].sentence == sentence and tokens[j].low in _PLACE_NOUNS:
            between = text[tokens[j].end : tok.start]
            if all(ch.isalpha() or ch in " ,-" for ch in between) and any(w in between.split() for w in ("as", "like", "including", "in")):
                return True
    return False


def _city_and_region(text: str, tokens, i: int) -> bool:
    """ "Marietta, Georgia", "Basel, Switzerland": a word, a comma and a region that closes the
    phrase (not a list of names: "Alex, Georgia and Tim")."""
    if i < 0 or i + 1 >= len(tokens):
        return False
    a = tokens[i]
    b = tokens[i + 1]
    if b.sentence != a.sentence or not a.capitalised or text[a.end : b.start] != ", ":
        return False
    if not (b.capitalised and is_region(b.base.lower()) or b.text.isupper() and b.text in _place_lists()[2]):
        return False  # "Marietta, Georgia", "Santa Cruz, CA"
    after = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 2].sentence == a.sentence else None
    return after is None or after.low not in ("and", "or") and text[b.end : after.start].strip() != ","


# start, end: character offsets in the block's text; kind: name | handle
Named = namedtuple("Named", "start end text kind")


_BETWEEN_COMMAS = _Lazy(r",\s+[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,\s+(?:said|says|told|tells|added|adds|explained)\b")
_OTHER_PEOPLE = _Lazy(r"\b[A-Z][^\W\d_]+ and others?\b")


@lru_cache(maxsize=1)
def _appositive_role_pattern() -> re.Pattern:
    singular = alternation(r for r in _APPOSITIVE_ROLES if not r.endswith("s"))
    return re.compile(rf"\b(?P<who>[A-Z][^\W\d_]+)(?:\s+[A-Z][^\W\d_]+)?,\s+(?:who\b|one of\b|(?i:(?:co-|vice-)?(?:{singular}))\s+(?:of|at|for|and)\b)")


_APPOSITION = _Lazy(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,\s+(?:the|a|an|our|their)\s")
_VOCATIVE = _Lazy(r"(?:^|[.!?]\s+)[A-Z][^\W\d_]+,\s")




@lru_cache(maxsize=2048)
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
            if is_given_name(word) or is_surname(word):
                _BIG_NAMES.add(word)
                return True
            _OTHER_WORDS.add(word)
        # an unknown capitalised word with a verb of speech, a verb only people do or a pronoun for
        # a person: the sentence may make a person of it ("Walsh said", "Yuvi realised")
    for cues, kind in _CUE_KINDS:
        if not words.isdisjoint(cues):
            for match in (_VERB_ACTORS if kind == "verb" else _actor_pattern(kind)).finditer(text):
                word = match.group("who").lower().lstrip("@")
                if word not in _COMMON and word not in lex.SYSTEMS:
                    return True
    if not words.isdisjoint(_SHAPE_CUES):
        return True
    if "_" in text and _UNDERSCORE_ANYWHERE.search(text):
        return True  # "Phoenix_flare"
    if ", " in text and _AGE_SHAPE.search(text) and _AGE.search(text):
        return True  # "Tan Wei Chiang, 30, …"
    if "u/" in text and _REDDIT_USER.search(text):
        return True  # "u/ocbaker"
    if not words.isdisjoint(_LOWER_TITLE_ROLES) and _role_title_pattern().search(text):
        return True  # "staff member Brain typoed …": _role_before decides
    if not words.isdisjoint(_OBJECT_CUES) or not words.isdisjoint(_GREETINGS) or not words.isdisjoint(_HUMAN_PARTICIPLES) and "by" in words:
        return True  # "thanks to mbrown", "reviewed by kevin_l": _cued_people decides
    if not words.isdisjoint(_HANDLE_ACTS) and _HANDLE_SHAPE.search(text) and _HANDLE_ANYWHERE.search(text):
        return True  # "coolguy42 force-pushed", "the_real_dev merged"
    if _lower_given_names(words):  # the actor below is one of the block's words
        for match in _LOWER_ACTOR.finditer(text):
            low = match.group(1)
            if low not in _COMMON and low not in lex.SYSTEMS and is_given_name(low) and not is_english_word(low):
                return True  # "Then jens deployed …"
    if not words.isdisjoint(_REVIEW_ACTS):
        for match in _REVIEW_SUBJECTS.finditer(text):
            low = match.group(1)
            if low not in _COMMON and low not in lex.SYSTEMS and low not in lex.STOPWORDS and not is_english_word(low):
                return True  # "mkumar approved the change"
    camel = _LOWER_UPPER.search(text) is not None  # both patterns below hold a small letter, then a capital
    if camel and _CAMEL_DIGITS_ANYWHERE.search(text):
        return True
    for match in _CAMEL_WORD.finditer(text) if camel else ():  # "DrMagnus approached …", "BenTheElder said", "MarianMacik"
        parts = _CAMEL_SPLIT.findall(match.group(0))
        if any(part.lower() in _TITLES or part.lower() in lex.GIVEN_NAMES for part in parts):
            return True
        if len(parts) == 2 and len(parts[1]) > 3 and is_given_name(parts[0].lower()) and not is_english_word(parts[1].lower()):
            return True
    if not words.isdisjoint(_YOU) and _VOCATIVE.search(text):
        return True  # "Sood, regardless of your status, you …": named_people decides
    if (", the " in text or ", a " in text or ", an " in text) and _APPOSITION.search(text) is not None:
        return True
    if not words.isdisjoint(_ATTRIBUTION_VERBS) and _BETWEEN_COMMAS.search(text):
        return True  # "Alaska's Revenue Commissioner at the time, Bill Corbus, said …"
    if " and other" in text and _OTHER_PEOPLE.search(text):
        return True  # "Miyahara and other exchange officials said"
    if ", " in text and ("who" in words or "one" in words or not words.isdisjoint(_APPOSITIVE_ROLES) or "co-" in text):
        for match in _appositive_role_pattern().finditer(text):  # "Drew Groff, who …", "Koichiro Miyahara, president of …"
            first = match.group("who").lower()
            if first not in _COMMON and first not in lex.STOPWORDS and first not in lex.SYSTEMS and not first.endswith("ly"):
                return True
    return False


# Capitalised words, possessive 's dropped: only these can be given names from the large list.
# The capital comes first and the character before it is looked at behind it (with the capital
# again, a fixed width of two), which matches what a look-behind before the capital would:
# the engine then skips from capital to capital instead of trying every character.
_CAPITALISED = _Lazy(r"[A-ZÀ-ÖØ-ÞĀ-ſ](?<![\w'’@./\-][A-ZÀ-ÖØ-ÞĀ-ſ])[a-zß-öø-ÿĀ-ſ]+(?=['’]s\b|[^\w'’@\-]|$)")
@lru_cache(maxsize=1)
def _capitalised_findall():
    return re.compile(_CAPITALISED.pattern).findall


# Cheap screens for the searches of candidates(): text each of those patterns matches holds
# one of these (an age between commas; a dot or an underscore inside a lower-case word, or
# four small letters and a digit, found from the dot, underscore or digit, which are rarer
# than letters; a small letter and a capital, found from the capital, which is rarer).
_AGE_SHAPE = _Lazy(r", [1-9]\d, ")
_HANDLE_SHAPE = _Lazy(r"[._\d](?:(?<=[a-z0-9][._])[a-z]|(?<=[a-z]{4}\d))")
_LOWER_UPPER = _Lazy(r"[A-Z](?<=[a-z][A-Z])")


def _lower_given_name(word: str) -> bool:
    """Whether ``word`` (from :func:`words_of`) could be the given name _LOWER_ACTOR finds in
    candidates(): a match's first group is a whole word of the block."""
    return len(word) >= 4 and word.isascii() and word.isalpha() and word not in _COMMON and word not in lex.SYSTEMS \
        and is_given_name(word)


def _lower_given_names(words: frozenset[str]) -> bool:
    """Whether any of ``words`` passes :func:`_lower_given_name`, each word classified once per
    process."""
    if not words.isdisjoint(_LOWER_GIVEN):
        return True
    new = words - _LOWER_CHECKED
    if new:
        if len(_LOWER_CHECKED) > 200_000:
            _LOWER_CHECKED.clear()
        for word in new:
            if _lower_given_name(word):
                _LOWER_GIVEN.add(word)
                return True
            _LOWER_CHECKED.add(word)
    return False


_LOWER_GIVEN: set[str] = set()  # words _lower_given_name accepts
_LOWER_CHECKED: set[str] = set()  # words it rejects


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
    actor_cell: bool = False,
) -> list[Named]:
    """People named in one analysed block. ``never``: lower-case words that are teams, roles,
    services or allowed names. ``surnames`` collects surnames across the document's blocks.
    ``cell``: the block is a table cell (a lone name there is a person)."""
    found: list[Named] = []
    tokens = an.tokens
    text = an.text
    if actor_cell:
        alone = _actor_cell_person(tokens, never, names)
        if alone is not None:
            return [alone]
    skip_until = -1
    for i, tok in enumerate(tokens):
        if i < skip_until:
            continue
        base = tok.base
        low = base.lower()
        if low in never or low in names.allowed or low.endswith(_CONTRACTIONS) or low in _PRONOUNS:
            continue  # "Isn't", "Didn't", "I've": a contraction, in a title-case heading too; "He forgot …": a pronoun
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
        # handles: @dave, dave@, priya7
        if tok.is_handle:
            handle = low[1:]
            if handle in lex.NON_PERSON_HANDLES or handle in never or handle in names.allowed or _NOT_PERSON_HANDLE.search(handle):
                continue
            if tok.end < len(text) and text[tok.end] == "/":
                skip_until = i + 2
                continue  # "@nodejs/build": a team of an organisation, not a person
            if handle[:1].isdigit():
                continue  # "`@posthog/cli`@0.5.15": a version, not a person
            found.append(Named(tok.start, tok.start + len(base), base, "handle"))
            continue
        if tok.end < len(text) and text[tok.end] == "@" and (tok.end + 1 >= len(text) or not (text[tok.end + 1].isalnum() or text[tok.end + 1] in "._")):
            if not _NOT_PERSON_HANDLE.search(low):
                found.append(Named(tok.start, tok.end + 1, text[tok.start : tok.end + 1], "handle"))
            continue
        if prev is not None and _handle_cued(tokens, i) and low not in lex.SYSTEMS and low not in _COMMON and low not in lex.STOPWORDS \
                and (any(ch.isdigit() for ch in low) or not is_english_word(low)):
            found.append(Named(tok.start, tok.start + len(base), base, "handle"))  # "the Reddit handle cscareerthrowaway567"
            continue
        if "_" in base and _UNDERSCORE_NAME.match(base) and low not in lex.SYSTEMS and not _NOT_PERSON_HANDLE.search(low):
            found.append(Named(tok.start, tok.start + len(base), base, "handle"))  # "Phoenix_flare unclaimed all land"
            continue
        digits = _HANDLE_DIGITS.match(low) if low[-1:].isdigit() else None  # the pattern ends with a digit
        if digits and text[tok.end : tok.end + 1] == "." and text[tok.end + 1 : tok.end + 2].isalnum():
            continue  # "broke cas2.w": the stem of a file or host name, not a user name
        if digits:
            if (is_given_name(digits.group(1)) or _CAMEL_DIGITS.match(tok.text) and digits.group(1) not in lex.SYSTEMS) and digits.group(1) not in never:
                found.append(Named(tok.start, tok.end, tok.text, "handle"))  # "priya7", "MacFan4000", "RhinosF1"
            continue
        camel = _CAMEL_TWO.match(base) if tok.capitalised and not tok.possessive else None
        if camel and low not in lex.SYSTEMS and is_given_name(camel.group(1).lower()) and camel.group(2).lower() not in lex.SYSTEMS \
                and not is_english_word(camel.group(2).lower()) and not is_english_word(camel.group(1).lower()):
            found.append(Named(tok.start, tok.start + len(base), base, "handle"))  # "MarianMacik", "DaanHoogland"
            continue
        if any(p.fullmatch(base) for p in names.people):
            end = _with_surname(tokens, i, nxt, never)
            found.append(_named(text, tokens, i, end))
            skip_until = end
            continue
        if not tok.capitalised:
            if prev is not None and tok.text.islower() and _role_before(text, tokens, i) and low not in never and low not in names.allowed:
                found.append(Named(tok.start, tok.end, tok.text, "handle"))  # "staff member w00t"
                continue
            if prev is not None and prev.low in _TITLES and tok.text.isupper() and len(tok.text) > 2 and low not in lex.SYSTEMS:
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Ms. WONSICS"
                continue
            if (tok.initial or prev is not None and prev.low in ("then", "and")) and tok.text.islower() and low.isalpha() and len(low) > 3 \
                    and low not in lex.SYSTEMS and low not in lex.STOPWORDS and low not in _COMMON and low not in _AGENTS \
                    and low not in never and low not in names.allowed and not _NOT_PERSON_HANDLE.search(low) and nxt is not None \
                    and (nxt.low in SPEECH_VERBS or nxt.low in PERSON_VERBS or nxt.low in _REPORTING_VERBS or nxt.low in _REVIEW_ACTS) \
                    and not is_english_word(low):
                found.append(Named(tok.start, tok.start + len(base), base, "handle"))  # "garuffalo reported this issue"
                continue
            if low in lex.GIVEN_NAMES and len(low) > 3 and (
                cell and _alone_in_cell(tokens, i) or nxt is not None and (is_past_verb(nxt.low) or nxt.low in lex.HUMAN_ONLY_VERBS)
            ):
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "looks like alex forgot the D"
            continue
        if prev is not None and _titled(text, prev, tok) and low not in lex.SYSTEMS and low not in _CALENDAR and low not in _INSTITUTIONS \
                and (prev.low in _TITLES or is_given_name(low) or not is_english_word(low)):
            end = _with_surname(tokens, i, nxt, never, text)
            if surnames is not None:
                surnames.add(tokens[end - 1].base.lower())  # a title makes any word a name: "Mr Pester … Pester apologised"
            found.append(_named(text, tokens, i, end))  # "Mr Pester", "Gov. David Ige"
            skip_until = end
            continue
        if prev is not None and _role_before(text, tokens, i) and low not in lex.SYSTEMS and low not in _CALENDAR and low not in never \
                and low not in _INSTITUTIONS:  # "a Dataproc SRE Lab exercise": the head of a name of a place of work
            end = _with_surname(tokens, i, nxt, never, text)
            if surnames is not None:
                _remember_surname(surnames, tokens[end - 1].base.lower())
            found.append(_named(text, tokens, i, end))  # "staff member Brain typoed", "the developer Andrew Otto"
            skip_until = end
            continue
        if surnames and low in surnames and not tok.initial and not (prev is not None and prev.low in _DETERMINERS):
            found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Kunz said", after "Mike Kunz"
            continue
        if low in lex.SYSTEMS or _part_of_product(text, tokens, i, prev, nxt):
            continue  # "macOS Catalina", "Rosetta 2", "OS::Mac", "M5 Pro/Max"
        if not is_given_name(low):
            if _vocative(text, tokens, i) and low not in _COMMON and low not in _INTERJECTIONS and low not in lex.STOPWORDS and low not in lex.ROLE_NOUNS \
                    and low not in lex.TEAM_NOUNS and (is_surname(low) or not is_english_word(low)) and tok.base.isalpha():
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Sood, regardless of your status, you …"
                continue
            end = _unknown_person(text, tokens, i, never, names)
            if end:
                if end > i + 1 and surnames is not None:
                    _remember_surname(surnames, tokens[end - 1].base.lower())
                found.append(_named(text, tokens, i, end))
                skip_until = end
                continue
            if nxt is not None and nxt.low in _ONLY_PEOPLE and low not in lex.SYSTEMS and not low.endswith("ly") and not (
                prev is not None and (prev.low in _DETERMINERS or prev.capitalised)
            ) and not (i + 1 < len(tokens) and tokens[i + 1].capitalised):
                found.append(Named(tok.start, tok.start + len(base), base, "name"))  # "Paramdeep mistyped"
                continue
            end = _appositive_person(text, tokens, i, never)
            if end:
                if end > i + 1 and surnames is not None:
                    _remember_surname(surnames, tokens[end - 1].base.lower())
                found.append(_named(text, tokens, i, end))
                skip_until = end
            continue
        curated = low in lex.GIVEN_NAMES
        if (is_place(low) and (not curated and is_region(low) or _place_context(text, tokens, i)) or _city_and_region(text, tokens, i)
                or nxt is not None and nxt.capitalised and _adjacent(text, tok, nxt) and _city_and_region(text, tokens, i + 1)) \
                and not _acts_as_person(tokens, i, nxt):
            continue  # "In neighbouring France", "Marietta, Georgia", "cities such as Zurich, Basel and Geneva"
        if prev is not None and (prev.low in _DETERMINERS and not (prev.low == "that" and _person_context(tokens, i, nxt))
                                 or prev.low in _PLACE_PREPOSITIONS or not curated and prev.low in _THING_PREPOSITIONS):
            continue  # "the Vault cluster", "in Sydney", "knowledge of Alcide" (not "reported that Vladimir Shved …")
        if prev is not None and (prev.text.isupper() and len(prev.text) > 1 and _adjacent(text, prev, tok) or prev.low in ("st", "saint", "san", "santa")):
            continue  # "HBO Max", "St. Francis"
        if prev is not None and prev.capitalised and not prev.initial and not is_given_name(prev.base.lower()) and _adjacent(text, prev, tok) \
                and not (prev.possessive and nxt is not None and nxt.capitalised and _adjacent(text, tok, nxt) and not is_english_word(nxt.base.lower())):
            continue  # "Amazon Web Services", "Product Owners": a name inside a longer proper name (not "C/Net’s Marguerite Reardon")
        if nxt is not None and (not tok.possessive or nxt.low in ("mod", "outage", "game")) and nxt.low in _THING_AFTER:
            continue  # "Hermes service", "Atlas cluster", "Garry's mod"
        if _thing_in_brackets(text, tokens, i) or _named_thing(tokens, i):
            continue  # "Ronnie (the Mall server, named after …)"
        if tok.possessive and not curated and nxt is not None and (nxt.low in _ORGANISATION_PARTS or nxt.low in lex.ROLE_NOUNS):
            continue  # "Rogers’ staff", "Optus' customers": an organisation's people
        if prev is not None and prev.text[:1].isdigit() and ":" not in prev.text:
            continue  # "the 2022 Rogers outage" (not "4:26pm: Melanie …")
        if _institution_follows(tokens, i):
            continue  # "Henry Mayo Newhall Hospital"
        if nxt is not None and _plural_head(text, tok, nxt):
            continue  # "Fritz Timeouts": the name of a server modifying a plural noun
        if tok.initial and not cell and not curated and not _person_context(tokens, i, nxt, text):
            continue  # a capital at the start of a sentence says nothing
        if _eponym(text, tokens, i) or _dated(text, tokens, i):
            continue  # "Murphy’s Law says …", "the Jan. 11 disruptions"
        end = _with_surname(tokens, i, nxt, never, text)
        if _modifies_role(text, tokens, end):
            continue  # "a former Morgan Stanley trader": the employer's name before a role
        if end > i + 1 and surnames is not None:
            _remember_surname(surnames, tokens[end - 1].base.lower())
        found.append(_named(text, tokens, i, end))
        skip_until = end
    if not actor_cell:
        _cued_people(an, found, never, names)
        _joined_names(an, found, never, names)
        found[:] = [f for f in found if not _dash_joined(text, f)]
    for k, f in enumerate(found):
        first, _, rest = f.text.partition(" ")
        if f.kind == "name" and rest and (first.lower() in lex.STOPWORDS or first.lower() in _COMMON or first.lower() in _SUBORDINATORS):
            found[k] = Named(f.start + len(first) + 1, f.end, rest, "name")  # "Because Omar skipped …": the name is "Omar"
    return found


def _eponym(text: str, tokens, i: int) -> bool:
    """A name's possessive before a capitalised word of the dictionary that no name is, in a
    sentence that goes on in lower case: what is named after the person ("Murphy’s Law says",
    "Hanlon’s Razor applies"), not the person. In a title-case heading ("Dave’s Typo Broke
    Prod") the capitals say nothing, and the name stays."""
    tok = tokens[i]
    if not tok.possessive or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if nxt.sentence != tok.sentence or not nxt.capitalised or nxt.possessive or not _adjacent(text, tok, nxt):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 2].sentence == tok.sentence else None
    if after is None or after.capitalised or not after.text[:1].isalpha():
        return False
    low = nxt.base.lower()
    return is_english_word(low) and not is_given_name(low) and not is_surname(low) and not _role_word(low)


def _dated(text: str, tokens, i: int) -> bool:
    """A month abbreviated before a day: "the Jan. 11 disruptions", "on Oct 3"."""
    tok = tokens[i]
    return tok.base.lower() in _MONTH_ABBREVIATIONS and i + 1 < len(tokens) and text[tok.end : tokens[i + 1].start] in (" ", ". ") \
        and _DAY.match(tokens[i + 1].text) is not None


def _modifies_role(text: str, tokens, end: int) -> bool:
    """Whether the capitalised words before ``end`` stand right before a lower-case noun for a
    person, as a modifier ("a former Morgan Stanley trader", "a Goldman Sachs banker"): the name
    of an employer or a place; a person's name is not put before a role noun that way."""
    if end >= len(tokens) or tokens[end].sentence != tokens[end - 1].sentence or tokens[end - 1].possessive:
        return False
    nxt = tokens[end]
    if not nxt.text.islower() or not _adjacent(text, tokens[end - 1], nxt):
        return False
    low = nxt.low
    if _role_word(low) or low in lex.ROLE_NOUNS:
        return True
    from ._clauses import occupations  # deferred: the heavier module and its lists

    return low in occupations()


def _thing_in_brackets(text: str, tokens, i: int) -> bool:
    """Whether the word at ``i`` is followed by a bracketed apposition whose head is a thing:
    "Ronnie (the Mall server, …)", "Gloria (our build host)"."""
    tok = tokens[i]
    if text[tok.end : tok.end + 2] != " (":
        return False
    for j in range(i + 1, min(len(tokens), i + 6)):
        if ")" in text[tokens[j - 1].end : tokens[j].start] and j > i + 1:
            return False
        if tokens[j].low in _THING_AFTER or tokens[j].base.lower() in lex.SYSTEMS:
            return j > i + 1 or tokens[j].low in _THING_AFTER
    return False


def _plural_head(text: str, tok, nxt) -> bool:
    """In a title, a capitalised plural right after the word that is no surname or given name:
    the word modifies it ("Fritz Timeouts", "Hermes Outages") as no first name does a surname."""
    if tok.possessive or not nxt.capitalised or not _adjacent(text, tok, nxt) or not nxt.low.endswith("s"):
        return False
    if not all(w[:1].isupper() or not w[:1].isalpha() for w in text.split()):
        return False  # a title in title case only: "Joe Banks responded" is a person
    low = nxt.base.lower()
    return len(low) > 4 and not low.endswith("ss") and not is_surname(low) and not is_given_name(low)


def _named_thing(tokens, i: int) -> bool:
    """ "a machine called Reggie", "the server, which was named Fritz": a name given to a thing
    named before it in the sentence, with no person between."""
    if i == 0 or tokens[i - 1].low not in ("called", "named", "dubbed", "nicknamed"):
        return False
    for j in range(i - 2, max(-1, i - 16), -1):
        t = tokens[j]
        if t.sentence != tokens[i].sentence or t.low in _OTHER_ANTECEDENTS or t.low in _PERSON_BACK or t.low in ("guy", "someone", "somebody"):
            return False
        if t.low in _THING_AFTER or t.low in ("machine", "machines", "computer", "box"):
            return True
    return False


# Words that open a clause and are never the first word of a name: "Because Omar skipped …".
_SUBORDINATORS = lex._words("because since although though unless until whereas while whilst once if when after before so but and or yet")


def _dash_joined(text: str, person) -> bool:
    """ "Harding–Chamberlin", "Star–South Canton": words joined by a dash with no space name a
    line, a route or a range between two places, not a person."""
    before = text[person.start - 1 : person.start] if person.start else ""
    after = text[person.end : person.end + 1]
    return before in ("–", "—") and person.start >= 2 and text[person.start - 2].isalpha() \
        or after in ("–", "—") and text[person.end + 1 : person.end + 2].isupper()


# A person comes next: "thanks to mbrown", "kudos to @tk_ops", "cc j_doe", "pinged Thibault".
_OBJECT_CUES = lex._words("thanks thank kudos credit shoutout shout-out props cc pinged ping pinging messaged dmed")
# Greetings at the start of a sentence address a person: "Hi Bigbadblunt,", "Dear Niels".
_GREETINGS = lex._words("hi hello hey dear")
# Acts done by people, whose "by" agent is a person: "flagged by Dagny", "reviewed by kevin_l".
_HUMAN_PARTICIPLES = lex._words(
    """
    reported reviewed approved noticed spotted flagged requested escalated acknowledged declared
    suggested proposed authored written posted filed submitted started led coordinated pinged
    paged thanked
    """
)
# Acts done by people, whose subject with the shape of a user name is a person: "coolguy42 force-pushed".
_HANDLE_ACTS = lex._words(
    """
    approved reviewed merged pushed force-pushed commented replied deleted dropped removed ran
    typed wrote said asked reported noticed opened closed reverted deployed restarted joined
    acknowledged escalated declared pinged messaged suggested proposed agreed forgot
    """
)
# The last part of a dotted word that makes it a file, a domain or a version, not a user name.
_NOT_HANDLE_TAILS = lex._words(
    """
    com org net io dev app ai co uk de fr eu us gov edu info biz me sh py js ts tsx jsx md rst txt
    yaml yml json toml ini cfg conf log html htm css sql xml csv lock env tf go rs rb java kt php
    swift c h cpp hpp exe dll so bin tar gz zip tgz png jpg svg pdf local internal svc cluster
    """
)
_HANDLE_ANYWHERE = _Lazy(r"(?<![\w./@\-])[a-z][a-z0-9]*(?:[._][a-z][a-z0-9]*)+\b|\b[a-z]{4,}\d{1,4}\b")
_LOWER_ACTOR = _Lazy(r"(?:^|(?<=[.!?;,]\s)|(?<=\b[Tt]hen\s)|(?<=\band\s))([a-z]{4,}) (?:and [a-z]{3,} )?[a-z]+ed\b", re.M)
_LOWER_SUBJECT = _Lazy(r"(?:^|(?<=[.!?;]\s)|(?<=\b[Tt]hen\s)|(?<=\band\s))([a-z]{4,}) (?:" + alternation(_REVIEW_ACTS) + r")\b", re.M)
_DOTTED = _Lazy(r"(?<![\w./@\-])[a-z][a-z0-9]*(?:[._][a-z][a-z0-9]*)+(?![\w@/\-]|\.\w)")


# Agents that act as people do and are none: "suggested by Copilot", "started by kubelet".
_AGENTS = lex._words("copilot chatgpt claude kubelet kubelets dependabot renovate mergify codecov sonarcloud")


def _handle_shaped(text: str, tok) -> tuple[int, int] | None:
    """Offsets of a user name that starts at ``tok``: "john.smith", "j_doe", "kevin_l", "mbrown42",
    never a file, a domain, a setting or a word of the dictionary."""
    match = _DOTTED.match(text, tok.start)
    if match is not None:
        word = match.group(0)
        parts = [part for part in re.split(r"[._]", word) if part]
        if word.count(".") and parts[-1] in _NOT_HANDLE_TAILS or any(p in lex.SYSTEMS for p in parts) or len(parts) > 3:
            return None
        if "." in word and "_" in word:
            return None
        if "_" in word and all(len(p) > 2 and is_english_word(p) for p in parts):
            return None  # "workflow_dispatch", "pull_request": an identifier of words, not a user name
        return match.start(), match.end()
    low = tok.low
    if tok.text.islower() and low.isalnum() and not low.isdigit():
        digits = _HANDLE_DIGITS.match(low)
        if digits and len(digits.group(1)) >= 4 and digits.group(1) not in lex.SYSTEMS and not is_english_word(digits.group(1)):
            return tok.start, tok.end  # "coolguy42", "dragonslayer99" (not "node12", "python3", "web01")
    return None


def _free(found, start: int, end: int) -> bool:
    return not any(f.start < end and start < f.end for f in found)


def _cued_people(an: Analysis, found: list, never, names: NameOptions) -> None:
    """People named where only a person can stand, whatever the name: the object of thanks, a
    copy or a ping ("thanks to mbrown", "cc j_doe", "pinged Thibault"), the "by" agent of an
    act of people ("reviewed by kevin_l", "flagged by Dagny", the byline "Written by Krinkle")
    and the subject of such an act when it has the shape of a user name ("coolguy42
    force-pushed to main"). After thanks or an act that organisations do too ("reported by
    Bloomberg", "thanks to Hetzner for …") a capitalised word must be a known name."""
    tokens, text = an.tokens, an.text
    n = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.low
        cue = low in _OBJECT_CUES or low == "by" and i > 0 and tokens[i - 1].low in _HUMAN_PARTICIPLES and tokens[i - 1].sentence == tok.sentence \
            or low in _GREETINGS and tok.initial
        j = i + 1
        if cue and j < n and tokens[j].low in ("to", "you", ":") and low in ("thanks", "thank", "kudos", "credit", "shoutout", "shout-out", "props"):
            j += 1
        if cue and low in _GREETINGS:
            cue = False
            if j < n and _adjacent(text, tok, tokens[j]) and tokens[j].base.isalpha() and tokens[j].sentence == tok.sentence:
                closes = j + 1 >= n or tokens[j + 1].sentence != tok.sentence or text[tokens[j].end : tokens[j + 1].start].strip()[:1] in (",", "!")
                cue = closes  # "Hi Bigbadblunt,", not "Hello — I’m sorry" or "hey openshift prow runs fine"
        if cue and low in ("thanks", "thank") and j == i + 1:
            cue = "," in text[tok.end : tokens[j].start] if j < n else False  # "thanks, Niels"; not "thanks the team"
        if cue and low == "cc" and not (tok.initial or i > 0 and tokens[i - 1].low in ("and", "please")):
            cue = False
        if cue and j < n and tokens[j].sentence == tok.sentence:
            byline = low == "by" and tokens[i - 1].low in ("written", "posted", "authored")  # "Written by Krinkle on Feb 4"
            people_only = low == "by" and tokens[i - 1].low in _PEOPLE_ACTS  # "spotted by Oluwaseun"
            _cued_object(an, found, j, never, names, strict=low in ("thanks", "thank", "credit") or low == "by" and not byline and not people_only)
        # a lower-case given name as the subject of a past act: "Then jens deployed to production"
        if tok.text.islower() and low.isalpha() and len(low) > 3 and i + 1 < n and tokens[i + 1].sentence == tok.sentence \
                and (tok.initial or i > 0 and tokens[i - 1].low in ("then", "and", "when", "after", "before", "until")) \
                and (is_past_verb(tokens[i + 1].low) or tokens[i + 1].low == "and" and i + 2 < n and is_given_name(tokens[i + 2].low)) \
                and low not in never and low not in names.allowed and low not in lex.SYSTEMS and low not in _COMMON \
                and is_given_name(low) and not is_english_word(low) and _free(found, tok.start, tok.end):
            found.append(Named(tok.start, tok.end, tok.text, "name"))
            continue
        # the subject of an act of people, with the shape of a user name
        if tok.initial or i > 0 and tokens[i - 1].low in ("then", "and", "user", "when", "after", "before"):
            span = _handle_shaped(text, tok)
            after = next((t for t in tokens[i + 1 : i + 5] if span is not None and t.start >= span[1]
                          and not (t.low.endswith("ly") and len(t.low) > 4 and t.sentence == tok.sentence)), None)  # over an adverb
            if span is not None and (after is None or after.low not in _HANDLE_ACTS or after.sentence != tok.sentence):
                span = None
            if span is not None and tok.low not in never and tok.low not in names.allowed and not _NOT_PERSON_HANDLE.search(tok.low) \
                    and _free(found, *span):
                found.append(Named(span[0], span[1], text[span[0] : span[1]], "handle"))


def _cued_object(an: Analysis, found: list, j: int, never, names: NameOptions, strict: bool) -> None:
    tokens, text = an.tokens, an.text
    tok = tokens[j]
    low = tok.low
    if low in never or low in names.allowed or low in lex.STOPWORDS or low in _COMMON or low in lex.SYSTEMS \
            or low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or low in _DETERMINERS or low in lex.PERSON_PRONOUNS \
            or low in _CALENDAR or tok.is_handle or _NOT_PERSON_HANDLE.search(low):
        return
    span = _handle_shaped(text, tok)
    kind = "handle"
    if span is None:
        if tok.capitalised and not tok.text.isupper() and not is_english_word(low) and low not in _AGENTS \
                and (not strict or is_given_name(low) or is_surname(low)):  # "reported by Bloomberg", "thanks to Hetzner for …"
            end = j + 1
            if end < len(tokens) and tokens[end].capitalised and _adjacent(text, tok, tokens[end]) and tokens[end].low not in lex.SYSTEMS \
                    and not is_english_word(tokens[end].low):
                end += 1
            last = tokens[end - 1]
            after = tokens[end] if end < len(tokens) and tokens[end].sentence == tok.sentence else None
            if last.possessive or strict and after is not None and after.low not in ("for", "and", "who", "from", "in", "on"):
                return  # "thanks to Cloudflare's caching", "thanks to Anycast routing"
            span, kind = (tok.start, last.start + len(last.base)), "name"
        elif tok.text.islower() and low.isalpha() and len(low) >= 4 and not is_english_word(low) and (
            not strict or j + 1 >= len(tokens) or tokens[j + 1].sentence != tok.sentence or tokens[j + 1].low in ("for", "and")
        ):
            span = tok.start, tok.end  # "pinged thibault", "cc mbrown", "thanks to mbrown for …"
        else:
            return
    if _free(found, *span):
        found.append(Named(span[0], span[1], text[span[0] : span[1]], kind))


def _list_around(an: Analysis, k: int) -> tuple[list[int], bool]:
    """Indexes of the one-word members of the list that holds token ``k`` ("Nkechi, Tunde and
    Bolaji", "Melbourne, Brisbane, Perth, and Adelaide"), ``k`` included, in order, and whether
    an "and" or "or" joins them (two words and a comma are more often a place and its region,
    "Hamilton, Ontario", or a name and its apposition)."""
    tokens, text = an.tokens, an.text
    members = [k]
    joined = False
    for step in (1, -1):
        j = k
        while True:
            a, b = (j, j + 1) if step == 1 else (j - 1, j)
            if a < 0 or b >= len(tokens) or tokens[a].sentence != tokens[b].sentence:
                break
            between = text[tokens[a].end : tokens[b].start].strip()
            if between == ",":
                nxt = b if step == 1 else a
                if tokens[nxt].low in ("and", "or"):  # an Oxford comma: "Perth, and Adelaide"
                    nxt += step
                    joined = True
            elif between == "" and tokens[b if step == 1 else a].low in ("and", "or"):
                nxt = (b + 1) if step == 1 else (a - 1)
                joined = True
            else:
                break
            if not 0 <= nxt < len(tokens) or tokens[nxt].sentence != tokens[k].sentence:
                break
            cand = tokens[nxt]
            if cand.initial and is_english_word(cand.low) or not (cand.capitalised or cand.text.isupper() or cand.text.islower() and is_given_name(cand.low)):
                break
            if step == 1 and nxt + 1 < len(tokens) and tokens[nxt + 1].sentence == cand.sentence and tokens[nxt + 1].capitalised \
                    and text[cand.end : tokens[nxt + 1].start] == " ":
                break  # "Jack Garman": a name of two words, not a member of one
            members.append(nxt)
            j = nxt
    return sorted(members), joined


def _joined_names(an: Analysis, found: list, never, names: NameOptions) -> None:
    """Lists that hold a name. "Nkechi, Tunde and Bolaji", "Marta and wojtek": the words of a
    list of people that are no English word, system, role or team are people too. A list of
    things ("Docker, machine, Windows, Mac, Arm, GPU", "Melbourne, Brisbane, Perth, and
    Adelaide") makes none of its words a person: most of its words are no names."""
    if not found:
        return
    tokens = an.tokens
    starts = {t.start: k for k, t in enumerate(tokens)}
    for person in list(found):
        k = starts.get(person.start)
        if k is None or person.kind != "name" or person.end != tokens[k].start + len(tokens[k].base):
            continue
        members, joined = _list_around(an, k)
        if len(members) < 2 or not joined and len(members) < 3:
            continue
        others = [tokens[m] for m in members if m != k]
        named = sum(1 for t in others if is_given_name(t.low) or is_surname(t.low) or not _free(found, t.start, t.end))
        thing = sum(1 for t in others if t.low in lex.SYSTEMS or t.text.isupper() and len(t.text) > 1 or is_english_word(t.low) and not is_given_name(t.low)
                    or is_place(t.low) and not is_given_name(t.low))
        if thing * 2 >= len(others) or len(others) >= 2 and named * 2 < len(others):
            found.remove(person)  # a list of places, products or systems
            continue
        for cand in others:
            low = cand.low
            if low in never or low in names.allowed or low in _COMMON or low in lex.STOPWORDS or low in lex.ROLE_NOUNS \
                    or low in lex.TEAM_NOUNS or not cand.base.isalpha() or is_english_word(low) or not (cand.capitalised or is_given_name(low)) \
                    or is_place(low):
                continue
            if _free(found, cand.start, cand.start + len(cand.base)):
                found.append(Named(cand.start, cand.start + len(cand.base), cand.base, "name"))


@lru_cache(maxsize=4)
def _actor_pattern(kind: str) -> re.Pattern:
    """Where an unknown word may be a person, by the kind of cue a block holds: a word right
    before a verb of speech or of people, a manner or a state of people ("verb"); a word a
    pronoun for a person follows after its verb ("back"); a capitalised word right after a
    title, a capitalised role or an inverted verb of speech ("title"). One search per block
    that holds such a cue, instead of an analysis."""
    if kind == "verb":
        cues = _verb_alternation()
        return re.compile(rf"(?:^|(?<=[\s(\[\"“'‘,;:]))(?P<who>@?[^\W\d_][\w\-]*?)['’]?\s+(?:[a-z]+\s+){{0,2}}(?:{cues})\b")
    if kind == "back":
        return re.compile(r"(?P<who>[A-Z][\w\-]*)(?=\s+(?:[^\s.!?;:]+\s+){1,10}?(?:he|she|his|her|him|himself|herself)\b)")
    titles = alternation({w.capitalize() for w in _TITLES | _APPOSITIVE_ROLES} | {w.upper() for w in _APPOSITIVE_ROLES if len(w) <= 4})
    return re.compile(rf"\b(?:(?:{titles})\.?|said|says|added|adds|wrote|writes|continued|explained|asked|told)\s+(?P<who>[A-Z][\w\-]*)")


class _NearSearch:
    """The matches of a pattern's ``finditer(text)`` (``pattern()``: the pattern), searched for
    only near the words each of its matches ends with (``words()``: an alternation of them).

    A match starts at most ``runs`` runs of white space before its last word, which follows
    white space. So the search from where the last match ended may start ``runs`` words before
    the next of those words: no match starts earlier. Searching the whole text tries the
    pattern at every word of a block (for the search before a verb of people, a third of the
    time of :func:`candidates` on a new paragraph); the search for the white space before
    those words stops only at white space. It costs a compile (about a millisecond), which a
    one-file run would not win back: the whole text is searched for the first ``after``
    texts of a process, then only near those words. The same matches in the same order
    either way (``tests/test_name_searches.py``)."""

    def __init__(self, pattern, words, runs: int, after: int = 50):
        self.pattern, self.words, self.runs, self.left = pattern, words, runs, after
        self.before: re.Pattern | None = None

    def finditer(self, text: str):
        if self.before is None:
            if self.left > 0:
                self.left -= 1
                return self.pattern().finditer(text)
            self.before = re.compile(r"\s(?=(?:" + self.words() + r")\b)")
        return self._near(text, self.pattern().search, self.before)

    def _near(self, text: str, search, before: re.Pattern):
        end = 0
        for space in before.finditer(text):
            at = space.end()  # where the last word of a match would start
            if at < end:
                continue  # inside the last match
            start = at
            for _ in range(self.runs):  # back over a run of white space and the word before it
                while start > 0 and text[start - 1].isspace():
                    start -= 1
                while start > 0 and not text[start - 1].isspace():
                    start -= 1
            match = search(text, max(end, start))
            if match is None:
                return
            yield match
            end = match.end()


@lru_cache(maxsize=1)
def _verb_alternation() -> str:
    return alternation(_VERB_CUES)


# A word, at most two words, then a verb of people; a word, one space, then an act of review.
_VERB_ACTORS = _NearSearch(lambda: _actor_pattern("verb"), _verb_alternation, 3)
_REVIEW_SUBJECTS = _NearSearch(lambda: _LOWER_SUBJECT, lambda: alternation(_REVIEW_ACTS), 1)


_CAMEL_PARTS = _Lazy(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")  # "DrMagnus", "BenTheElder"
# A capitalised word and another joined by an underscore: a user name ("Phoenix_flare",
# "Kyle_ETP"); code identifiers are lower case or all capitals, and sit in code spans.
_UNDERSCORE_NAME = _Lazy(r"^[A-Z][a-z]+_[A-Za-z][A-Za-z0-9]*$")
_UNDERSCORE_ANYWHERE = _Lazy(r"(?<![\w`])[A-Z][a-z]+_[A-Za-z][A-Za-z0-9]*\b")
_AGE = _Lazy(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+){0,2}, [1-9]\d, ")
_CAMEL_TWO = _Lazy(r"^([A-Z][a-z]{2,})([A-Z][a-z]{3,})$")  # "MarianMacik", "DaanHoogland"
# Reddit's user names ("u/ocbaker", "/u/netscape9") and a line addressed to a handle ("@phaer: …",
# which the other language rules read as a quoted chat line and skip).
_REDDIT_USER = _Lazy(r"(?<![\w/])/?u/(?P<user>[A-Za-z0-9][\w\-]{2,19})\b")
_ADDRESSED_LINE = _Lazy(r"^[ \t]*(?:[-*+][ \t]+)?(?P<nick>@[\w.\-]{1,40}):[ \t]", re.MULTILINE)
_CAMEL_SPLIT = _Lazy(r"[A-Z][a-z]+")
_CAMEL_WORD = _Lazy(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
_CAMEL_DIGITS_ANYWHERE = _Lazy(r"[a-z][A-Z][A-Za-z]*\d{1,4}\b")
_CAMEL_DIGITS = _Lazy(r"^[A-Za-z]*[a-z][A-Z][A-Za-z]*\d{1,4}$")  # "MacFan4000", "RhinosF1"


def _handle_cued(tokens, i: int) -> bool:
    """ "the Reddit handle cscareerthrowaway567", "his username", "an admin referred to as
    team-member-1", "known as": the word after names a person."""
    prev = tokens[i - 1]
    if prev.low == "as":  # a pseudonym with a number: "a service known as Hermes" is not a person
        return i >= 2 and tokens[i - 2].low in ("known", "to") and tokens[i - 2].sentence == prev.sentence \
            and any(ch.isdigit() for ch in tokens[i].text)
    if prev.low not in _HANDLE_CUES or i < 2:
        return False
    before = tokens[i - 2]  # a noun, not a verb: "the handle", "his username", "Reddit handle"
    return before.sentence == prev.sentence and (before.low in ("his", "her", "their", "my", "your") or before.capitalised)


# Roles in lower case that stand before a name as a title does: "staff member Brain", "developer
# Andrew Otto" (not "operator", "agent", "owner": "the Postgres operator Zalando").
_LOWER_TITLE_ROLES = frozenset(r for r in lex.ROLE_NOUNS if not r.endswith("s") or r in ("sres",)) - lex._words(
    "operator owner lead author admin human individual person people folks staff on-call") | lex._words("member")


@lru_cache(maxsize=1)
def _role_title_pattern() -> re.Pattern:
    return re.compile(r"\b(?:" + alternation(_LOWER_TITLE_ROLES) + r") (?:[A-Z][a-z]|[a-z]+\d)")


def _role_before(text: str, tokens, i: int) -> bool:
    """A lower-case role right before a capitalised word in the middle of a sentence, the word
    then a person when it is a given name, a surname or no English word, or when a finite verb
    follows it: "Chatspike staff member Brain typoed a hostmask", "developer Andrew Otto merges"."""
    tok, prev = tokens[i], tokens[i - 1]
    if prev.low in _LOWER_TITLE_ROLES and not prev.capitalised and tok.text.islower() and _adjacent(text, prev, tok) \
            and any(ch.isdigit() for ch in tok.text) and tok.text.isalnum() and not tok.text[:1].isdigit() and len(tok.text) > 2:
        return True  # "staff member w00t starts to explain": a user name
    if prev.low not in _LOWER_TITLE_ROLES or prev.capitalised or tok.initial or not tok.capitalised or tok.possessive \
            or not _adjacent(text, prev, tok) or is_product_shaped(tok.base):
        return False
    if i >= 2 and tokens[i - 2].sentence == tok.sentence and tokens[i - 2].low in ("as", "an", "a") and prev.low != "member":
        return False  # "as engineer Monday", "an engineer Google hired"
    low = tok.base.lower()
    if is_given_name(low) or is_surname(low) or not is_english_word(low):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else None
    return nxt is not None and not nxt.capitalised and (is_past_verb(nxt.low) or nxt.low.endswith("ed") and len(nxt.low) > 4)


def _titled(text: str, prev, tok) -> bool:
    """A title or a capitalised role right before the word: "Mr Pester", "Engineer Pelumi",
    "Chief Availability Officer Darryn Dieken", "CEO George Kurtz"."""
    role = prev.base.lower()
    if prev.low in _TITLES:
        return (prev.capitalised or prev.initial) and text[prev.end : tok.start] in (" ", ". ")  # not "TL;DR: At …"
    if role not in lex.ROLE_NOUNS and not _role_word(role):
        return False
    return (prev.capitalised or prev.initial or any(ch.isupper() for ch in prev.text)) and _adjacent(text, prev, tok)


_CHAT_NICK = _Lazy(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?[\])]?(?:\*\*)?[ \t]*[-–—:]?[ \t]*"
    r"(?:<(?P<angle>[^>\s]{2,40})>|\[(?P<bracket>[\w.\-]{2,40})\]|(?P<colon>@?[\w.\-]{2,40}):[ \t])",
    re.MULTILINE | re.ASCII,  # ASCII classes compile ten times faster; chat nicks are ASCII
)
def addressed_handles(raw: str, never: frozenset[str], names: NameOptions) -> list[Named]:
    """Handles that open a line, "@phaer: no prejudice against your PR", and Reddit user names
    ("u/ocbaker"): people named in text the other rules skip or do not tokenise."""
    found = []
    if "@" in raw:
        for match in _ADDRESSED_LINE.finditer(raw):
            nick = match.group("nick")
            low = nick[1:].lower()
            if low in never or low in names.allowed or low in lex.NON_PERSON_HANDLES or _NOT_PERSON_HANDLE.search(low) or low[:1].isdigit():
                continue
            found.append(Named(match.start("nick"), match.end("nick"), nick, "handle"))
    if "u/" in raw:
        for match in _REDDIT_USER.finditer(raw):
            low = match.group("user").lower()
            if low in never or low in names.allowed or _NOT_PERSON_HANDLE.search(low):
                continue
            found.append(Named(match.start(), match.end(), match.group(0), "handle"))
    return found


def starts_with_clock(text: str) -> bool:
    """Whether a line of ``text`` starts with a time, as chat-log and timeline lines do."""
    if ":" not in text:
        return False
    for line in text.split("\n"):
        head = line.lstrip(" \t-*+[(")[:9]
        if head[:1].isdigit() and ":" in head:
            return True
    return False
_NOT_NICKS = lex._words("utc gmt cet cest pst pdt est edt z am pm update note action incident alert info warning error")


_TIMELINE_ACTOR = _Lazy(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z|AM|PM|am|pm))?(?:\*\*)?[ \t]*[-–—:]?[ \t]*"
    r"(?P<actor>@?[A-Za-z][\w.\-]{1,39})[ \t]+(?:(?:also|then|now|quickly|immediately|finally)[ \t]+)?(?P<verb>[a-z]+)\b",
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
        if group == "colon" and nick[:1].isupper() and is_english_word(low) and not is_given_name(low) and not is_surname(low):
            continue  # "22:45 UTC - Discovery: Massive data transfer …": a label, not a speaker
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
        if actor.islower() and not is_given_name(low) and not any(ch.isdigit() for ch in actor) and (
            verb not in _TIMELINE_PEOPLE_VERBS or is_english_word(low)
        ):
            continue  # "14:02 alerting fires": a lower-case word is more often a thing ("dsmith declares" is not)
        if actor[:1].isupper() and not actor.isupper() and is_english_word(low) and not is_given_name(low) and not is_surname(low) \
                and low not in lex.GIVEN_NAMES and (verb not in _TIMELINE_PEOPLE_VERBS or verb == "emails"):
            continue  # "14:05 Monitoring pages the on-call", "14:05: Two checks were merged" (not "Hem enters the conversation")
        start = match.start("actor")
        if any(f.start == start for f in found):
            continue
        found.append(Named(start, start + len(actor), actor, "handle" if not is_given_name(low) else "name"))
    return found


def _remember_surname(surnames: set[str], low: str) -> None:
    """Keep the last word of a name to recognise it alone later ("Kunz said"), unless it is a
    word of the dictionary that is no name ("Cloud" of "Private Cloud")."""
    if is_english_word(low) and not is_surname(low) and not is_given_name(low):
        return
    surnames.add(low)


def _named(text: str, tokens, i: int, end: int) -> Named:
    first, last = tokens[i], tokens[end - 1]
    stop = last.start + len(last.base)
    return Named(first.start, stop, text[first.start : stop], "name")


def _with_surname(tokens, i, nxt, never, text: str | None = None) -> int:
    """Index after a name, with the surname if one follows: "Mike Kunz", "Priyanka Rao"."""
    tok = tokens[i]
    if tok.possessive or nxt is None or not nxt.capitalised:
        return i + 1
    if text is not None and not _adjacent(text, tok, nxt):
        return i + 1
    low = nxt.base.lower()
    if low in lex.SYSTEMS or low in never or low in lex.STOPWORDS or nxt.low in _THING_AFTER or is_product_shaped(nxt.base):
        return i + 1
    return i + 2


_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O'", "O’", "St")


def is_product_shaped(word: str) -> bool:
    """A word with a capital inside that no surname has: "BinderHub", "JupyterLab", "PagerDuty"
    (not "McQuaid", "MacDonald", "DeVito", "LaToya", "O'Brien")."""
    if len(word) < 4 or not word[:1].isupper() or word.isupper() or not any(
        ch.isupper() and word[k] not in "-'’" for k, ch in enumerate(word[1:])
    ):
        return False  # "Fong-Jones", "Piepzna-Samarasinha": two names joined
    return not any(word.startswith(p) and word[len(p) : len(p) + 1].isupper() for p in _NAME_PREFIXES)


def _one_of_people(tokens, k: int) -> bool:
    """ "…, one of the server administrators that …": one of a group of people."""
    if k + 2 >= len(tokens) or tokens[k + 1].low != "of":
        return False
    for j in range(k + 2, min(len(tokens), k + 6)):
        if tokens[j].sentence != tokens[k].sentence:
            return False
        if tokens[j].low in _OTHER_ANTECEDENTS or _role_word(tokens[j].low) or tokens[j].low.rstrip("s") in _APPOSITIVE_ROLES:
            return True
    return False


def _role_word(low: str) -> bool:
    """A noun for a role or a title, "co-" or "vice-" prefixed or not: "president", "co-CEO"."""
    for prefix in ("co-", "vice-", "deputy-"):
        if low.startswith(prefix):
            low = low[len(prefix):]
    return low in _APPOSITIVE_ROLES


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
    if end == i + 1 and tok.low.endswith("ly"):
        return 0  # "Unfortunately, the developer …": one capitalised word at the start proves little
    if any(t.base.lower() in _CALENDAR or t.base.lower() in _INTERJECTIONS for t in tokens[i:end]):
        return 0  # "On Friday, a contractor …", "Yeah, the …": a day or an exclamation before the subject
    if "," not in text[tokens[end - 1].end : tokens[end].start]:
        return 0
    if i > 0 and tokens[i - 1].sentence == tok.sentence and not tokens[i - 1].low in (",", "and", "by", "with", "from", "to", "thanks"):
        if tokens[i - 1].capitalised or tokens[i - 1].low in _DETERMINERS:
            return 0
    after = tokens[end].low
    if after.isdigit() and 14 <= int(after) <= 99 and end + 1 < len(tokens) and tokens[end + 1].sentence == tok.sentence \
            and text[tokens[end].end : tokens[end + 1].start].strip() == "," and not all(is_english_word(t.base.lower()) for t in tokens[i:end]):
        return end  # "Tan Wei Chiang, 30, then lied …": a name and an age, as the press writes them
    direct = after == "who" or _role_word(after) and end + 1 < len(tokens) and tokens[end + 1].low in ("of", "at", "for", "and", ",") \
        or after == "one" and _one_of_people(tokens, end)
    if after not in ("the", "a", "an", "our", "their", "its", "his", "her") and not direct:
        return 0
    words = [t.base.lower() for t in tokens[i:end]]
    if all(is_english_word(w) and not is_given_name(w) and not is_surname(w) for w in words):
        return 0  # "When provisioning the GCVE Private Cloud, a Google operator left …": a thing, then the subject
    if direct:
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
        if prev is not None and (prev.low in _THING_PREPOSITIONS or prev.low in _PLACE_PREPOSITIONS or prev.low in ("from", "to")):
            return 0  # "co-CEO of Kakao, who led the firm": the "who" is the CEO
        if after == "who" and len(words) < 2 and not any(is_given_name(w) or is_surname(w) for w in words):
            return 0  # "Microsoft, who owns …": one unknown word may be a company
        if end == i + 1 and tok.initial and is_english_word(tok.base.lower()):
            return 0
        return end  # "Drew Groff, who works for …", "Koichiro Miyahara, president and CEO of the exchange", "Euntaek Hong, co-CEO of Kakao"
    for k in range(end + 1, min(len(tokens), end + 6)):
        if tokens[k].sentence != tok.sentence:
            break
        if tokens[k].low in _APPOSITIVE_ROLES or after in ("his", "her") and _role_word(tokens[k].low):
            if end == i + 1 and tok.initial and is_english_word(tok.base.lower()):
                return 0  # "Yesterday, the on-call engineer …"
            return end
    return 0


_INSTITUTIONS = lex._words(
    """
    hospital university college school bank county court inc llc ltd group foundation
    institute center centre airport street park stadium memorial fargo associates partners
    company corporation corp co district council ministry department agency authority
    partnership llp solicitors health care system systems clinic
    power energy electric electricity water gas utilities police code cloud labs lab studio studios
    games airlines airways telecom mobile networks media county city parkway avenue road boulevard
    square valley river lake bay island islands station railway gmbh ag plc
    """
)


def _institution_follows(tokens, i) -> bool:
    for k in range(i + 1, min(len(tokens), i + 4)):
        if tokens[k].sentence != tokens[i].sentence or not tokens[k].capitalised:
            return False
        if tokens[k].base.lower() in _INSTITUTIONS:
            return True
    return False


_YOU = lex._words("you your you've you're you'd you'll yourself")


def _vocative(text: str, tokens, i: int) -> bool:
    """A word that opens a sentence, set off by a comma, in a sentence that speaks to "you":
    the person addressed ("Howard, this is the second time you've …", "Sood, regardless of your
    status, you …")."""
    tok = tokens[i]
    if not tok.initial or tok.possessive or i + 1 >= len(tokens) or tokens[i + 1].sentence != tok.sentence:
        return False
    if text[tok.end : tokens[i + 1].start].strip() != ",":
        return False
    return any(t.low in _YOU for t in tokens[i + 1 : i + 30] if t.sentence == tok.sentence)


def _person_context(tokens, i, nxt, text: str | None = None) -> bool:
    """At the start of a sentence: a verb, a possessive, a comma or a surname after the word."""
    tok = tokens[i]
    if tok.possessive:
        return True
    if nxt is None:
        return False
    if text is not None and _vocative(text, tokens, i):
        return True
    k = _verb_after(tokens, i + 1)
    verb = tokens[k].low if k is not None else ""
    if is_past_verb(nxt.low) or nxt.low in ("said", "says", "told", "asked", "wrote", "was", "is", "and", "who", "had", "has") \
            or nxt.low in _BEFORE_VERB or k is not None and k > i + 1 and (is_past_verb(verb) or verb in SPEECH_VERBS):
        return True
    if nxt.low in ACTING_VERBS or nxt.low in _PARTICLES:
        return True  # "Marius van der Wijden shares …", "Sean deletes …"
    return nxt.capitalised and nxt.base.lower() not in lex.SYSTEMS


_VERSION = _Lazy(r"^v?\d+(?:\.\d+)*$")


def _part_of_product(text: str, tokens, i: int, prev, nxt) -> bool:
    """A capitalised word inside the name of a product or an identifier, not a person: after a
    product whose name has a capital inside ("macOS Catalina", "iOS Safari") or a known system,
    before a version number ("Rosetta 2", "Windows 11"), or glued to the word before by "::",
    "." or "/" ("OS::Mac", "M5 Pro/Max")."""
    tok = tokens[i]
    if prev is not None and _adjacent(text, prev, tok) and (
        prev.text[:1].islower() and any(ch.isupper() for ch in prev.text[1:]) or prev.base.lower() in lex.SYSTEMS and prev.capitalised
    ):
        return True
    if nxt is not None and _adjacent(text, tok, nxt) and (_VERSION.match(nxt.text) or nxt.text.isupper() and len(nxt.text) > 1 and nxt.text.isalpha()):
        return True  # "Rosetta 2", "Geo DNS"
    if nxt is not None and text[tok.end : nxt.start].strip() == "&":
        return True  # "Simon & Schuster": a company
    glue = text[tok.start - 1 : tok.start] if tok.start else ""
    if glue in (":", ".") and tok.start >= 2 and not text[tok.start - 2].isspace():
        return True
    return glue == "/" and prev is not None and prev.end == tok.start - 1 and not is_given_name(prev.base.lower())


def _acts_as_person(tokens, i: int, nxt) -> bool:
    """A verb of speech, of people or of reporting right after the word: "Georgia said"."""
    if nxt is None or tokens[i].possessive:
        return False
    k = _verb_after(tokens, i + 1)
    verb = tokens[k].low if k is not None else nxt.low
    return verb in SPEECH_VERBS or verb in PERSON_VERBS or verb in _REPORTING_VERBS


def _adjacent(text: str, a, b) -> bool:
    """Whether token ``b`` follows token ``a`` after one space, or a line break in wrapped
    prose ("… at the time, Bill\nCorbus, said"): parts of one name, not a list or two lines
    of a record ("CEO, George Kurtz" is two phrases; "Sen Lu]\nLast Modified" and
    "Assignees\nKatharine" two lines: a word alone on its line is no wrapped prose)."""
    between = text[a.end : b.start]
    if between == " ":
        return True
    if between.strip(" ") != "\n":  # one line break, a hard one ("  \n", "\\\n") too
        return False
    return bool(text[text.rfind("\n", 0, a.start) + 1 : a.start].strip())


def _name_run(text: str, tokens, i: int, never) -> int:
    """Index after the capitalised words that start at ``i`` and could form one name:
    "Bayer Rosmarin", "Paramdeep Singh Jubbal", "Marius van der Wijden" (at most four words)."""
    end = i + 1
    while end < len(tokens) and end - i < 4 and tokens[end].sentence == tokens[i].sentence and not tokens[end - 1].possessive:
        nxt = tokens[end]
        if nxt.low in _PARTICLES and end + 1 < len(tokens) and _adjacent(text, tokens[end - 1], nxt):
            end += 1  # "van", "de": the capitalised word after it closes the name
            continue
        if not nxt.capitalised or not _adjacent(text, tokens[end - 1], nxt) or is_product_shaped(nxt.base):
            break
        low = nxt.base.lower()
        if low in lex.SYSTEMS or low in never or low in lex.STOPWORDS or low in _THING_AFTER or low in _CALENDAR:
            break
        end += 1
    while end > i + 1 and tokens[end - 1].low in _PARTICLES:
        end -= 1
    return end


def _verb_after(tokens, end: int) -> int | None:
    """Index of the verb of a subject that ends before ``end``: over adverbs and auxiliaries."""
    k = end
    sentence = tokens[end - 1].sentence
    while k < len(tokens) and tokens[k].sentence == sentence and k < end + 3 and (
        tokens[k].low in _BEFORE_VERB or tokens[k].low.endswith("ly") and len(tokens[k].low) > 4
    ):
        k += 1
    if k < len(tokens) and tokens[k].sentence == sentence:
        return k
    return None


# Nouns for people or groups a later "he" or "her" could stand for instead of the subject.
_OTHER_ANTECEDENTS = lex.ROLE_NOUNS | lex.TEAM_NOUNS | lex.PEOPLE_OBJECTS | lex._words(
    """
    customer customers user users member members client clients caller callers visitor visitors
    man woman boy girl guy friend friends wife husband son daughter father mother partner boss
    officer officers official officials director ceo spokesperson reporter reporters
    """
)


def _refers_back(tokens, k: int) -> bool:
    """ "… consigned herself", "… did abuse his powers", "Chromas took the lead in this but he
    was unable …", "Nóva noticed slow timeouts on her phone": a pronoun for a person later in
    the clause of the verb at ``k``, with no other person it could stand for in between (a
    name, a role, a noun for people or a pronoun)."""
    for j in range(k + 1, min(len(tokens), k + 12)):
        tok = tokens[j]
        if tok.sentence != tokens[k].sentence or tok.low in (";", ":"):
            return False
        if tok.low in _PERSON_BACK:
            return True
        if tok.capitalised and not tok.initial or tok.is_handle or tok.low in _OTHER_ANTECEDENTS or tok.low in lex.PERSON_PRONOUNS \
                or tok.low in ("who", "whom", "whose"):
            return False
    return False


# Verbs of speech that attribute words to a speaker; an organisation "said" too, but then the
# clause goes on about "it" ("Kakao said it had restored …", "Optus told the committee that it …").
_ATTRIBUTION_VERBS = lex._words(
    "said says told tells added adds explained explains recalled insisted admitted conceded apologised apologized"
)


def _speaker_is_thing(tokens, k: int) -> bool:
    """Whether what follows the verb of speech at ``k`` refers back to its subject as "it"."""
    for j in range(k + 1, min(len(tokens), k + 20)):
        tok = tokens[j]
        if tok.sentence != tokens[k].sentence or tok.low in ("he", "she", "his", "her", "i", "my"):
            return False
        if tok.low in ("it", "its", "it's", "it’s", "itself", "statement", "spokesperson", "spokesman", "spokeswoman"):
            return True  # "Kakao said it had …", '"…," Optus said in a statement'
    return False


def _speaker_refers_back(tokens, k: int) -> bool:
    """ "Elison told the paper that he is still unsure": the reported clause's subject is a
    person's pronoun, and nobody else is named or described before it."""
    for j in range(k + 1, min(len(tokens), k + 7)):
        tok = tokens[j]
        if tok.sentence != tokens[k].sentence or tok.capitalised or tok.low in lex.ROLE_NOUNS or tok.low in lex.TEAM_NOUNS:
            return False
        if tok.low in ("he", "she") and tokens[j - 1].low in ("that", ",") + tuple(SPEECH_VERBS):
            return True
    return False


def _inverted_speech(text: str, tokens, i: int) -> bool:
    """ '"…," said Miyagi', '"…," says King': a speech verb right after a quotation (blanked)
    or a comma, with the name closing the clause."""
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence:
        return False
    verb = tokens[i - 1]
    if verb.low not in ("said", "says", "added", "adds", "wrote", "writes", "continued", "explained", "asked", "told"):
        return False
    before = text[tokens[i - 2].end : verb.start] if i >= 2 else text[: verb.start]
    if i >= 2 and not ("," in before or len(before.strip()) == 0 and len(before) > 3):
        return False  # "the report said Rogers …": not an attribution
    return True


def _unknown_person(text: str, tokens, i: int, never, names: NameOptions) -> int:
    """An unknown capitalised word (or a run of them) that the sentence makes a person: the
    subject of a verb only people do ("Yuvi realised"), of a verb followed by a pronoun for a
    person ("TenaciousMapping did abuse his powers"), of a verb of speech when one of the words
    is a known given name or surname ("Walsh said", "Bayer Rosmarin said"), or the speaker of an
    inverted attribution ("…," said Dieken). Returns the index after the name, or 0."""
    tok = tokens[i]
    low = tok.base.lower()
    if low in lex.SYSTEMS or low in _CALENDAR or low in _COMMON or low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or low in _OTHER_ANTECEDENTS \
            or low in _SUBORDINATORS:  # "Because she immediately realised her mistake, …"
        return 0
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
    if prev is not None and (prev.low in _DETERMINERS and prev.low != "that" or prev.low in _PLACE_PREPOSITIONS or prev.low in _THING_PREPOSITIONS or prev.possessive):
        return 0  # "the Vault cluster", "in Sydney", "University of Canberra" ("… is that X did" is a clause)
    if prev is not None and prev.capitalised and not prev.initial and _adjacent(text, prev, tok):
        return 0  # inside a longer proper name
    end = _name_run(text, tokens, i, never)
    if _institution_follows(tokens, end - 1):
        return 0
    words = [t.base.lower() for t in tokens[i:end]]
    if any(w in names.allowed or w in never or w in lex.SYSTEMS for w in words):
        return 0
    if _with_other_people(tokens, end) and not any(is_english_word(w) for w in words):
        return end  # "Miyahara and other exchange officials said …"
    closes = end >= len(tokens) or tokens[end].sentence != tok.sentence
    if _inverted_speech(text, tokens, i) and (closes or tokens[end].low in ("in", "on", "at", "after", "during", "from", "of")
                                              and any(is_given_name(w) or is_surname(w) for w in words)):
        return end  # '"…," said Miyagi in a press conference', '"…," says King.'
    found = _person_evidence(tokens, i, end, words, text)
    if found and (is_english_word(words[-1]) or is_english_word(words[0]) and not is_given_name(words[0])
                  and not (len(words) == 2 and _role_in_apposition(text, tokens, i, end))):  # "…, Bill Corbus, said"
        return 0  # "Pester was pressured", "Tenacious was": a capitalised English word proves nothing
    return found


def _with_other_people(tokens, end: int) -> bool:
    """ "X and other officials", "X and two other engineers": X is one of a group of people."""
    if end + 1 >= len(tokens) or tokens[end].low != "and" or tokens[end].sentence != tokens[end + 1].sentence:
        return False
    for j in range(end + 1, min(len(tokens), end + 5)):
        if tokens[j].sentence != tokens[end].sentence:
            return False
        if tokens[j].low == "other" or tokens[j].low == "others":
            for m in range(j, min(len(tokens), j + 3)):
                if tokens[m].sentence == tokens[j].sentence and (tokens[m].low in _OTHER_ANTECEDENTS or tokens[m].low == "others"):
                    return True
            return False
    return False


def _role_in_apposition(text: str, tokens, i: int, end: int) -> bool:
    """ "the company's CEO, George Kurtz, said": the words between commas right after a role
    (within the few words before) name the holder of the role."""
    if i == 0 or end >= len(tokens) or "," not in text[tokens[i - 1].end : tokens[i].start] \
            or text[tokens[end - 1].end : tokens[end].start].strip() != ",":
        return False
    for j in range(i - 1, max(-1, i - 6), -1):
        if tokens[j].sentence != tokens[i].sentence:
            return False
        if _role_word(tokens[j].low) or tokens[j].low in lex.ROLE_NOUNS and tokens[j].low not in ("people", "staff", "folks"):
            return True
    return False


def _after_quote(text: str, tokens, i: int) -> bool:
    """Whether the word at ``i`` follows a quotation (blanked in the analysed text, or its
    closing mark): the speaker of '"…," Seah added'."""
    start = tokens[i - 1].end if i > 0 else 0
    before = text[start : tokens[i].start]
    # a blanked quotation is a run of blanks, after a sentence before it or over a wrapped line
    return any(mark in before for mark in ('"', "”", "’", "'")) or len(before) > 3 and not before.strip(" \t,") \
        or len(before) - len(before.rstrip()) > 3


def _person_evidence(tokens, i: int, end: int, words: list[str], text: str | None = None) -> int:
    """What the rest of the clause says of the words ``tokens[i:end]``: ``end`` when it makes
    a person of them, else 0 (asks no dictionary: the caller does, only when this says yes)."""
    tok = tokens[i]
    if len(words) > 2 and any(w in _PARTICLES for w in words[1:-1]):
        return end  # "Sarika de Bruyn", "Marius van der Wijden"
    k = _verb_after(tokens, end)
    if k is None or tokens[end - 1].possessive:
        return 0
    verb = tokens[k].low
    if end == i + 1 and _CAMEL_PARTS.match(tok.base) and (is_past_verb(verb) or verb in SPEECH_VERBS) and any(
        part.lower() in _TITLES or part.lower() in lex.GIVEN_NAMES for part in _CAMEL_SPLIT.findall(tok.base)
    ):
        return end  # "DrMagnus approached Disc", "BenTheElder said"
    if verb in PERSON_VERBS or verb in _PEOPLE_ACTS or any(t.low in _PERSON_MANNER for t in tokens[end:k]):
        return end  # "Yuvi realised", "if Jarrrk manually started them"
    if verb in _PERSON_STATES and k > end and tokens[k - 1].low in ("was", "is", "felt", "feels"):
        return end  # "Yuvi was awake"
    if verb == "went" and k + 1 < len(tokens) and tokens[k + 1].low == "on" and (k + 2 >= len(tokens) or tokens[k + 2].sentence != tok.sentence):
        return end  # '"…," Dieken went on.'
    if len(words) > 1 and (is_past_verb(verb) or verb in SPEECH_VERBS or verb.endswith("s") and not verb.endswith("ss")) \
            and any(is_given_name(w) or is_surname(w) for w in words):
        return end  # "Bayer Rosmarin seemed …", "Paramdeep Singh Jubbal works on …"
    if verb in SPEECH_VERBS and (_speaker_refers_back(tokens, k) or any(is_surname(w) or is_given_name(w) for w in words)):
        return end  # "Elison told the paper that he …", "Walsh said"
    if verb in _ATTRIBUTION_VERBS and k == end and text is not None and _role_in_apposition(text, tokens, i, end):
        return end  # "Alaska's Revenue Commissioner at the time, Bill Corbus, said …"
    if verb in _ATTRIBUTION_VERBS and end == i + 1 and k == end and text is not None and _after_quote(text, tokens, i) \
            and not _CAMEL_PARTS.match(tok.base) and not _speaker_is_thing(tokens, k):
        return end  # '"…," Schaeppi said', '"…," Namkoong said in a news briefing' (not '"…," Optus said in a statement')
    if verb not in lex.STOPWORDS and _refers_back(tokens, k):
        return end  # "TenaciousMapping did abuse his powers"
    return 0


_ENGLISH_SUFFIXES = ("ing", "tion", "sion", "ment", "ness", "ity", "er", "or", "ist", "ance", "ence", "ism", "al", "ic", "ure", "age")


def actor_cell_candidate(text: str, never) -> bool:
    """A cheap test for a cell of the Actor column: one or two words, none of them a role, a
    team, a system or a common word ("on-call engineer", "monitoring", "kafka-cluster")."""
    words = text.split()
    if not 1 <= len(words) <= 2:
        return False
    for word in words:
        low = word.strip(".,;:()[]*_").lower().lstrip("@")
        parts = [low, *low.replace("_", "-").replace(".", "-").split("-")] if "-" in low or "_" in low or "." in low else [low]
        if any(p in lex.SYSTEMS or p in lex.ROLE_NOUNS or p in lex.TEAM_NOUNS or p in _COMMON or p in _APPOSITIVE_ROLES or p in never for p in parts if p):
            return False
    return True


def _actor_cell_person(tokens, never, names: NameOptions) -> Named | None:
    """The timeline's Actor column holds roles, teams and systems; a lone word there that is
    none of these and no English word is a person's name or handle ("Pelumi", "dsmith")."""
    if not 1 <= len(tokens) <= 2 or len(tokens) == 2 and not all(t.capitalised for t in tokens):
        return None
    for tok in tokens:
        low = tok.base.lower().lstrip("@")
        if low in never or low in names.allowed or low in lex.SYSTEMS or low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS \
                or low in _COMMON or low in _APPOSITIVE_ROLES or tok.text.isupper() or _NOT_PERSON_HANDLE.search(low):
            return None
        if not low.replace("-", "").replace(".", "").replace("_", "").isalnum() or low.isdigit():
            return None
        parts = [part for part in re.split(r"[-._]", low) if part]
        if any(part in lex.SYSTEMS or part in never or part in lex.ROLE_NOUNS or part in _COMMON or part in _THING_AFTER for part in parts):
            return None  # "kafka-cluster", "payments-oncall"
        if len(parts) > 1 and not any(ch.isdigit() for ch in low):
            return None  # "event-pipeline", "warehouse-loader": names of components
        if is_given_name(low) or is_surname(low) or any(ch.isdigit() for ch in low):
            continue
        if tok.text.islower() and low.endswith(_ENGLISH_SUFFIXES) or is_english_word(low):
            return None  # "monitoring", "automation", "scheduler"
    first, last = tokens[0], tokens[-1]
    kind = "name" if first.capitalised else "handle"
    return Named(first.start, last.start + len(last.base), f"{first.text}" if len(tokens) == 1 else f"{first.text} {last.base}", kind)


def _alone_in_cell(tokens, i) -> bool:
    return len(tokens) <= 3


_OWNER_WORDS: dict[int, tuple] = {}


def _owner_words(owners) -> frozenset[str]:
    """Teams and roles of the owner registry and the words of their names (once per registry)."""
    cached = _OWNER_WORDS.get(id(owners))
    if cached is not None and cached[0] is owners:
        return cached[1]
    words = set()
    for name in getattr(owners, "names", {}) or {}:
        words.add(name.lower())
        words.update(part for part in name.lower().replace("_", "-").split("-") if part)
    _OWNER_WORDS[id(owners)] = (owners, frozenset(words))
    return _OWNER_WORDS[id(owners)][1]


def never_words(doc, owners) -> frozenset[str]:
    """Words of a document that are never people: the teams and roles of the owner registry and
    the services of its frontmatter, with the parts of their names."""
    words = set(_owner_words(owners))
    for service in doc.incident.services or []:
        if isinstance(service, str):
            words.add(service.lower())
            words.update(part for part in service.lower().replace("_", "-").split("-") if part)
    return frozenset(words)
