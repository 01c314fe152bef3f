"""Shared language helpers for the prose and action-item rules.

Everything works on ``ProseBlock.text`` (code, HTML, URLs and markup already blanked out by
the parser) and keeps offsets, so a finding maps back to the exact columns in the file:

* :func:`analyse` blanks out quotations, quoted chat logs and template placeholders, then
  splits the rest into tokens and sentences (cached per text: the rules share one pass);
* :func:`person_at` and :func:`person_subject_before` tell people from systems;
* :func:`is_imperative` says whether a word opens an instruction ("Add", "Rotate"). It
  asks the lexical library `lemminflect` only for words the curated lists do not know, and
  imports it only then, so documents that need no lookup pay nothing for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, wraps

from . import _lexicon as lex
from ..lazy_re import lazy

# --------------------------------------------------------------------------- masking

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_DOUBLE = lazy(r"“[^”]{0,600}”|\"[^\"]{0,600}\"|„[^“”]{0,600}[“”]|«[^»]{0,600}»")
_SINGLE_CURLY = re.compile(r"(?<!\w)‘(?:[^’]|’(?=\w)){1,600}?’(?!\w)")
_SINGLE_STRAIGHT = re.compile(r"(?<![\w'])'(?=[^\s'])(?:[^'\n]|'(?=\w)){0,300}?(?<=\S)'(?!\w)")
_CLOCK = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?[\])]?"
_CHAT_LINE = lazy(
    rf"""^[ \t]*(?:
        {_CLOCK}[ \t]*(?:(?!(?:UTC|GMT|Z|AM|PM|am|pm):)@?[\w.\-]{{1,40}}:|<[^>\s]{{1,40}}>)   # [14:03] dave: … / 14:05 <nick> …
      | <[^>\s]{{1,40}}>[ \t]                                               # <nick> …
      | @[\w.\-]{{1,40}}:[ \t]                                              # @nick: …
    )
    | ^{_CLOCK}[ \t]{{4,}}\S   # a log's columns: "14:05    dave    …" (not "**14:05** — …", whose markup is blanked)
    """,
    re.VERBOSE,
)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask(text: str) -> str:
    """``text`` with quotations, quoted chat-log lines and placeholders blanked out: what was
    said or written is quoted exactly, and the author's own words are what the rules judge."""
    if not any(ch in text for ch in "\"“‘'„«{:<@"):
        return text
    chars = list(text)
    offset = 0
    for line in text.split("\n"):
        if _CHAT_LINE.match(line):
            _blank(chars, offset, offset + len(line))
        offset += len(line) + 1
    for pattern in (_PLACEHOLDER, _DOUBLE, _SINGLE_CURLY, _SINGLE_STRAIGHT):
        current = "".join(chars)
        for match in pattern.finditer(current):
            _blank(chars, match.start(), match.end())
    return "".join(chars)


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?<![\w.@])@\w(?:[\w.\-]*\w)?(?:['’]s\b)?"  # @handle, maybe possessive (not an e-mail address)
    r"|[^\W\d_](?:[\w\-'’]*\w)?(?:['’](?=\s|$|[,.;:!?)]))?"  # word, with inner - and '
    r"|\d[\w.,:%/\-]*\w|\d"
)
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "approx", "dr", "mr", "mrs", "ms", "no", "fig", "cf"})


@dataclass(slots=True)
class Token:
    """A word, number or punctuation mark of an analysed text, with its offsets."""

    start: int
    end: int
    text: str
    low: str  # lower case, a curly apostrophe made straight: "shouldn’t" is "shouldn't"
    base: str  # without a possessive 's
    possessive: bool
    initial: bool  # first word of a sentence or after a colon: capitals mean nothing
    sentence: int
    capitalised: bool = False  # "Dave", not "SRE" or "v2"

    @property
    def is_handle(self) -> bool:
        return self.text.startswith("@")


@dataclass(slots=True)
class Analysis:
    """A text split into tokens and sentences (``analyse``)."""

    text: str  # masked text, same length as the input
    tokens: list[Token]
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token index ranges
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # answers of :func:`per_analysis` functions

    def sentence_tokens(self, index: int) -> list[Token]:
        start, end = self.sentences[index]
        return self.tokens[start:end]

    def lows(self, start: int, end: int) -> list[str]:
        return [t.low for t in self.tokens[start:end]]


def per_analysis(func):
    """``func(an)``, a function of an analysis alone, worked out once per analysis: several
    rules ask the same question of one text (the action-item rules each ask where an item's
    instruction opens), and an analysis is shared (:func:`analyse`) and never changed, so the
    first answer is kept on it."""

    @wraps(func)
    def once(an: Analysis):
        memo = an.memo
        try:
            return memo[func]
        except KeyError:
            found = memo[func] = func(an)
            return found

    return once


def _split_possessive(text: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix) and len(text) > 2:
            return text[: -len(suffix)], True
    if text[-1:] in ("'", "’"):
        return text[:-1], True
    return text, False


_RESTARTS = re.compile("[:—–(]")


@lru_cache(maxsize=1024)
def analyse(text: str) -> Analysis:
    return _analyse_masked(mask(text))


@lru_cache(maxsize=512)
def _analyse_masked(masked: str) -> Analysis:
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sentence_start = 0
    previous_end = 0
    new_sentence = True
    for match in _TOKEN.finditer(masked):
        between = masked[previous_end : match.start()]
        if tokens and (_ends_sentence(between, tokens[-1], masked) or _ends_label(between, tokens, sentence_start)):
            sentences.append((sentence_start, len(tokens)))
            sentence_start = len(tokens)
            new_sentence = True
        word = match.group(0)
        base, possessive = _split_possessive(word)
        initial = new_sentence or (between != " " and _RESTARTS.search(between) is not None)
        capitalised = base[:1].isupper() and not base.isupper() and not any(ch.isdigit() for ch in base)
        tokens.append(
            Token(match.start(), match.end(), word, word.lower().replace("’", "'"), base, possessive, initial, len(sentences), capitalised)
        )
        previous_end = match.end()
        new_sentence = False
    if tokens:
        sentences.append((sentence_start, len(tokens)))
    return Analysis(masked, tokens, sentences)


_LABEL_END = re.compile(r"^\s*(?::|\s[—–-])\s")
_SAID = frozenset("said says say wrote writes asked asks told tells replied replies added adds noted notes explained explains".split())


def _ends_label(between: str, tokens: list[Token], sentence_start: int) -> bool:
    """A label of at most three words before a colon or a dash opens the line: "Root cause:
    …", "14:05: …", "**14:05** — …". What follows is a sentence of its own; the label is no
    part of it ("He said: …" is an attribution, not a label)."""
    if not 1 <= len(tokens) - sentence_start <= 3 or not _LABEL_END.match(between):
        return False
    return not any(t.low in _SAID or t.low.endswith("ed") and len(t.low) > 4 for t in tokens[sentence_start:])


def _ends_sentence(between: str, last: Token, text: str) -> bool:
    if ";" in between:
        return True
    if not between or between[-1] not in " \n\t" or not ("." in between or "!" in between or "?" in between):
        return False
    if "\n" in between and between.lstrip(" \t").startswith("."):
        return True  # a period at the end of a line: "… by 12:40 p.m.\nThis change …"
    if len(last.text) == 1:  # an initial ("Dave S. pushed") or a dotted abbreviation ("e.g.")
        return not last.text.isupper() and not (last.start >= 1 and text[last.start - 1] == ".")
    return last.low not in _ABBREVIATIONS


# --------------------------------------------------------------------------- people

@dataclass(frozen=True, slots=True)
class NameOptions:
    """Project settings: names that are never people, and patterns that always are."""

    allowed: frozenset[str] = frozenset()
    people: tuple[re.Pattern, ...] = ()

    @classmethod
    def from_options(cls, options: dict) -> "NameOptions":
        """Read the ``allowed-names`` and ``people`` rule options; bad values are a ConfigError."""
        if not options.get("allowed-names") and not options.get("people"):
            return DEFAULT_NAMES  # one object for every rule: the rules share work keyed on it
        from ..config import ConfigError

        def strings(key):
            value = options.get(key) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"[tool.postmortem.rules] {key} must be a list of strings")
            return value

        allowed = frozenset(name.lower() for name in strings("allowed-names"))
        people = []
        for pattern in strings("people"):
            try:
                people.append(re.compile(pattern))
            except re.error as exc:
                raise ConfigError(f"[tool.postmortem.rules] people: {pattern!r} is not a regular expression: {exc}") from None
        return cls(allowed, tuple(people))


DEFAULT_NAMES = NameOptions()

_DETERMINERS = lex._words("the a an our their its this that these those your my his her each every any some")
_SYSTEM_HEADS = lex._words(
    """
    cluster clusters service services server servers job jobs pipeline pipelines api apis
    database databases db bot bots instance instances node nodes host hosts queue queues
    app apps plugin plugins agent agents operator operators client clients worker workers
    proxy proxies controller controllers script scripts library sdk cli console dashboard
    dashboards region regions bucket buckets stack stacks team project engine
    """
)
_NON_PERSON_HANDLE = lazy(r"(?:^|[\-_.])(?:team|teams|oncall|on-call|sre|ops|bot|bots|eng|alerts?)(?:$|[\-_.])|bot$", re.I)


@dataclass(frozen=True, slots=True)
class Person:
    """A person named (or referred to) at a run of tokens."""

    start: int  # token index of the first word
    end: int  # token index after the last word
    strong: bool  # a known given name, @handle or project pattern; weak: an unknown capitalised word
    kind: str  # name | handle | pronoun | role | team


def person_at(an: Analysis, i: int, names: NameOptions = DEFAULT_NAMES, owners=None) -> Person | None:
    """The named person (or @handle) starting at token ``i``, if it is one."""
    tok = an.tokens[i]
    if tok.is_handle:
        handle = tok.base[1:]
        low = handle.lower()
        if low in lex.NON_PERSON_HANDLES or low in names.allowed or _NON_PERSON_HANDLE.search(low):
            return None
        if owners is not None and _is_owner(owners, handle):
            return None
        return Person(i, i + 1, True, "handle")
    base = tok.base
    if not tok.capitalised:
        return None
    low = base.lower()
    if low in names.allowed or low in lex.SYSTEMS:
        return None
    nxt = an.tokens[i + 1] if i + 1 < len(an.tokens) and an.tokens[i + 1].sentence == tok.sentence else None
    prev = an.tokens[i - 1] if i > 0 and an.tokens[i - 1].sentence == tok.sentence else None
    if prev is not None and (prev.low in _DETERMINERS or prev.capitalised and prev.base.lower() in lex.SYSTEMS):
        return None  # "the Vault cluster", "Kafka Connect"
    end = i + 1
    if not tok.possessive and nxt is not None:
        if nxt.low in _SYSTEM_HEADS:
            return None
        # A surname: "Alex Chen pushed …"
        if nxt.capitalised and nxt.base.lower() not in lex.SYSTEMS and nxt.low not in lex.STOPWORDS:
            end = i + 2
    if any(p.fullmatch(base) for p in names.people):
        return Person(i, end, True, "name")
    if low in lex.GIVEN_NAMES:
        return Person(i, end, True, "name")
    if not tok.initial:
        return Person(i, end, False, "name")
    return None


def _is_owner(owners, handle: str) -> bool:
    try:
        return handle in owners
    except TypeError:
        return False


_BETWEEN_SUBJECT_AND_VERB = lex._words(
    """
    also simply just really probably obviously clearly definitely certainly never not then
    still even only apparently accidentally mistakenly carelessly inadvertently actually
    """
)


def person_subject_before(an: Analysis, k: int, names: NameOptions = DEFAULT_NAMES, owners=None) -> Person | None:
    """The person or group of people that is the subject of the verb at token ``k``.

    Looks back over adverbs ("simply", "never") to the noun phrase right before the verb:
    a pronoun (he, we, someone), a role ("the on-call engineer"), a team, a name or an
    @handle. A participle phrase may sit in between ("anyone reading the alert would…").
    Systems ("the health check", "the Postgres operator") are not people.
    """
    sentence = an.tokens[k].sentence
    j = k - 1
    while j >= 0 and an.tokens[j].sentence == sentence and (
        an.tokens[j].low in _BETWEEN_SUBJECT_AND_VERB or an.tokens[j].low.endswith("ly") and len(an.tokens[j].low) > 5
    ):
        j -= 1
    if j < 0 or an.tokens[j].sentence != sentence:
        return None
    found = _person_ending_at(an, j, names, owners)
    if found is not None:
        return found
    # "anyone reading the alert would …", "the engineer on call should …"
    for back in range(j - 1, max(-1, j - 5), -1):
        tok = an.tokens[back]
        if tok.sentence != sentence or tok.low in (",", "and", "but", "which", "that", "because"):
            return None
        candidate = _person_ending_at(an, back, names, owners)
        if candidate is not None:
            after = an.tokens[back + 1]
            if after.low.endswith("ing") and (back + 2 > j or an.tokens[back + 2].low in lex.MODALS or an.tokens[back + 2].low in _COMPOUND_ENDS):
                return None  # "staff training has been blamed": a compound noun, no participle phrase
            if after.low.endswith("ing") or after.low in ("on", "in", "from", "at", "who", "with"):
                return candidate
            if after.low == "of" and not (candidate.start > 0 and an.tokens[candidate.start - 1].sentence == sentence
                                          and an.tokens[candidate.start - 1].low in _PREPOSITIONS_BEFORE):
                return candidate  # "the author of the change should have …" (not "a review by the author of …")
            return None
    return None


# A noun phrase after one of these is not the subject: "a review by the author of the change".
_PREPOSITIONS_BEFORE = frozenset("by of from with to for in on at about than".split())

# After "staff training", "operator tooling": the verb group starts, so the -ing word was the
# head of a compound noun, not a participle phrase ("anyone reading the alert would …").
_COMPOUND_ENDS = frozenset("has have had is are was were do does did failed".split())


def _clause_role(low: str) -> bool:
    """A role the clause analysis knows (technician, pilot, nurse, an occupation, a compound
    such as "crewmember"): one class of roles for every rule that looks for a person."""
    if not low.isalpha() or low in lex.STOPWORDS:
        return False
    from . import _clauses as cl  # deferred: _clauses imports this module

    return low in cl.ROLE_NOUNS or low in cl.occupations() or cl.role_compound(low)


def _person_ending_at(an: Analysis, j: int, names: NameOptions, owners) -> Person | None:
    tok = an.tokens[j]
    if tok.possessive:
        return None
    low = tok.low
    if low in lex.PERSON_PRONOUNS:
        if low == "one" or (low == "nobody"):
            return Person(j, j + 1, True, "pronoun")
        return Person(j, j + 1, True, "pronoun")
    if low == "one" and j > 0 and an.tokens[j - 1].low == "no":
        return Person(j - 1, j + 1, True, "pronoun")
    if low in lex.ROLE_NOUNS or low in lex.TEAM_NOUNS or (low in ("agent", "agents") and j > 0 and an.tokens[j - 1].low == "support") \
            or _clause_role(low):
        start = j
        # walk back over the noun phrase: "the payments on-call engineer", "our release team"
        while start > 0 and an.tokens[start - 1].sentence == tok.sentence:
            prev = an.tokens[start - 1]
            if prev.low in _DETERMINERS:
                start -= 1
                break
            if prev.low in lex.STOPWORDS or prev.possessive or prev.low in lex.MODALS:
                break
            if prev.capitalised and not prev.initial and prev.base.lower() in lex.SYSTEMS or prev.base.lower() in lex.SYSTEMS:
                return None  # "the Postgres operator"
            if prev.low in _SYSTEM_HEADS or prev.low.endswith("ed"):
                break
            start -= 1
            if j - start >= 4:
                break
        return Person(start, j + 1, True, "team" if low in lex.TEAM_NOUNS else "role")
    # a name, possibly "First Last"
    for first in (j - 1, j):
        if first >= 0 and an.tokens[first].sentence == tok.sentence:
            person = person_at(an, first, names, owners)
            # only a known name: an unknown capitalised word before "failed to" is more often a product
            if person is not None and person.end == j + 1 and person.strong:
                return person
    return None


# --------------------------------------------------------------------------- verbs

_IRREGULAR_PAST = lex._words(
    """
    began bent blew broke brought built bought caught chose came cut did dealt drew drove
    fed fell felt fought found forgot froze gave got went grew hid hit held hung kept knew
    laid led left lent let lost made meant met misread overrode overwrote paid put quit
    ran rang read rebuilt redid reran reset rode rose said saw sent set shook shot shut
    slid sold spent split spoke spun stole stood stuck struck swept swung took taught tore
    told thought threw undid understood upset woke wore won wrote withdrew
    """
)


def is_past_verb(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PAST:
        return True
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    return len(low) > 3 and low.endswith("ed") and low not in ("need", "seed", "feed", "speed", "bleed", "breed", "shed", "bed", "red")


_IRREGULAR_PARTICIPLES = lex._words(
    """
    arisen awoken begun bitten blown broken chosen done drawn driven eaten fallen flown
    forgotten frozen given gone gotten grown hidden known mistaken overridden overwritten
    ridden risen run seen shaken shown spoken stolen sworn taken thrown torn undone
    withdrawn woken worn written
    """
)


def is_participle(word: str) -> bool:
    """A past participle as in "should have <checked|known|run>" (not "have a runbook")."""
    low = word.lower()
    return low in _IRREGULAR_PARTICIPLES or is_past_verb(low)


def is_imperative(word: str) -> bool:
    """Whether ``word`` is the base form of a verb, as an instruction starts ("Rotate")."""
    low = word.lower().strip("'’")
    if low in lex.IMPERATIVE_VERBS:
        return True
    if low in lex.NOT_IMPERATIVE_STARTS or low in lex.SYSTEMS:
        return False
    if word.isupper() and len(word) > 1:  # an acronym: "SRE to add …", "TLS automation"
        return False
    if "-" in low:
        head, _, tail = low.rpartition("-")
        if head == "re":
            return True  # "Re-architect the spawner": re- makes a verb of what follows
        if head in ("de", "un", "pre", "auto", "co", "dis", "over", "double", "cross", "load", "hot", "hard", "soft", "rate", "dry", "fail", "back", "pre"):
            return is_imperative(tail)
        return False
    if not low.isalpha():
        return False
    return _base_verb(low)


@lru_cache(maxsize=4096)
def _base_verb(low: str) -> bool:
    lemmas = _lemmas(low)
    if lemmas is None:  # not in the dictionary: give the benefit of the doubt
        return not (low.endswith("ing") or low.endswith("ed") or low.endswith("tion") or low.endswith("ment"))
    return low in lemmas.get("VERB", ())


def _lemmas(low: str) -> dict | None:
    import lemminflect  # deferred: about 0.2 s of imports and data, needed for few documents

    found = lemminflect.getAllLemmas(low)
    return found or None


# --------------------------------------------------------------------------- helpers


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@lru_cache(maxsize=1024)
def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text``: a cheap test before the full :func:`analyse`."""
    return frozenset(_WORD.findall(text.lower()))


# Table columns that hold ids, times, dates and vocabulary words, never prose.
NOT_PROSE_COLUMNS = frozenset({"id", "time", "category", "priority", "due", "status", "addresses", "contribution", "preventable", "tracking"})


def text_blocks(doc):
    """The prose blocks of ``doc`` that can hold sentences: the frontmatter's title, impact
    summary and responders (``parse.prose.frontmatter_prose``), and the body's prose but the
    cells of id, time, date and vocabulary columns."""
    cached = _TEXT_BLOCKS[0]
    if cached is not None and cached[0] is doc:
        return cached[1]
    blocks = doc.frontmatter_prose + [block for block in doc.prose if block.column not in NOT_PROSE_COLUMNS]
    # The rules of one document share the list; only the last document's is kept, so no
    # earlier document outlives its lint (the collector would walk it again and again).
    _TEXT_BLOCKS[0] = (doc, blocks)
    return blocks


_TEXT_BLOCKS: list = [None]


def analysed(doc, screen: frozenset[str] | set[str], test=None):
    """Each prose block of ``doc`` holding one of the words of ``screen`` (and passing ``test``,
    a cheap check of the text), with its analysis."""
    for block in text_blocks(doc):
        if not screen.isdisjoint(words_of(block.text)) and (test is None or test(block.text)):
            yield block, analyse(block.text)


def phrase_at(an: Analysis, i: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` spell ``words`` (lower case) within one sentence."""
    if i + len(words) > len(an.tokens):
        return False
    sentence = an.tokens[i].sentence
    for offset, word in enumerate(words):
        tok = an.tokens[i + offset]
        if tok.sentence != sentence or tok.low != word:
            return False
    return True


# ------------------------------------------------------------- phrases quoted in hints

_PHRASE_BREAKS = frozenset(",;:()\"“”—–")  # punctuation between two words that ends a quoted phrase
_PHRASE_PREPOSITIONS = lex._words(
    "of for near in on at to by with within without from into onto regarding about against than as like during via "
    "through under over across per upon toward towards"
)
# Words a quoted phrase does not end on: "testing it on some servers at least for a" is cut.
_PHRASE_TRAILING = _PHRASE_PREPOSITIONS | lex._words(
    "a an the some any every each his her their its my our your i he she also more less instead what whose"
)


def punctuation_between(an: Analysis, a: Token, b: Token) -> bool:
    """Whether the text between tokens ``a`` and ``b`` holds punctuation that ends a phrase
    (a spaced hyphen is a dash; "rm -rf" is not)."""
    between = an.text[a.end : b.start]
    return not _PHRASE_BREAKS.isdisjoint(between) or " - " in between


def whole_phrase(words: list[Token], cut_short: bool) -> list[Token]:
    """``words`` up to where a hint can quote them: before the last preposition when the
    phrase was ``cut_short`` (not inside the object it opens), and never ending on a
    preposition, an article or a possessive ("a power supply at a data center", not "… at a
    data center near")."""
    if cut_short:  # "… during a frustrating database": the object the last preposition opens is cut
        cut = max((k for k, tok in enumerate(words) if tok.low in _PHRASE_PREPOSITIONS), default=0)
        if cut >= 3:  # and what comes before it says enough
            words = words[:cut]
    while words and (words[-1].low in _PHRASE_TRAILING or words[-1].text.endswith(("'", "’"))):
        words = words[:-1]
    return words


def negated_before(an: Analysis, i: int, reach: int = 3) -> bool:
    sentence = an.tokens[i].sentence
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        tok = an.tokens[j]
        if tok.sentence != sentence:
            return False
        if tok.low in ("not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without") or tok.low.endswith("n't") or tok.low.endswith("n’t"):
            return True
    return False
