"""Finding credentials and personal data in a post-mortem (PM601–PM606).

Credentials are found with the detectors of detect-secrets: its regular-expression detectors
(cloud keys, API tokens, private key blocks, credentials in URLs), its keyword detector
(``password = "…"``) and its Shannon entropy for random-looking strings. Importing
detect-secrets costs about 150 ms (it loads ``requests``), more than the rest of a one-file
lint, and almost every post-mortem holds no secret. So the detectors' regular expressions are
kept verbatim in :mod:`._secret_patterns` (``python -m postmortem.rules._secrets`` writes it;
a test fails when the installed detect-secrets has different ones), the file is searched with
them, and detect-secrets itself is imported only when one matches, to confirm the match with
the detector's own code (a JSON Web Token must decode, for one).

Everything here works on ``doc.source.text`` (line endings normalised, BOM removed), so a
secret is found wherever it was pasted: frontmatter, prose, tables, code blocks, link
targets, HTML comments. Personal data is looked for only where the site publishes it: every
line except HTML comments.
"""

from __future__ import annotations

import fnmatch
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy_re import lazy
from ..model import Span

# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # offsets into doc.source.text, end exclusive
    end: int
    kind: str  # what was found, for the message: "AWS Access Key", "password in a URL", …
    value: str  # the secret or the personal datum itself (never printed whole)


def span(doc, hit: Hit) -> Span:
    """The file span of ``hit``; columns count code points on the line, end exclusive."""
    return doc.source.index.span(hit.start, hit.end)


# --------------------------------------------------------------------------- masking, allow-lists


def mask(value: str, keep: int = 4) -> str:
    """Enough of a secret to recognise it, never enough to use it: the first ``keep``
    characters of a long value and its length; nothing of a short one."""
    if len(value) >= 16 and keep:
        return f"`{value[:keep]}…` ({len(value)} characters)"
    return f"({len(value)} characters)"


# Values documentation uses as examples: AWS's documented example keys, jwt.io's example
# token. Each rule's ``allow`` option adds glob patterns to these.
DOCUMENTED_EXAMPLES = (
    "AKIAIOSFODNN7EXAMPLE",
    "AKIAI44QH8DHBEXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
)


def allowed(value: str, patterns, builtin=DOCUMENTED_EXAMPLES) -> bool:
    """True when ``value`` matches a built-in example or an ``allow`` glob (case-sensitive)."""
    return any(fnmatch.fnmatchcase(value, str(pattern)) for pattern in (*builtin, *(patterns or ())))


# --------------------------------------------------------------------------- credentials (PM601)


@lru_cache(maxsize=None)
def _pattern(name: str, index: int) -> re.Pattern:
    """A detector's pattern, compiled on first use (compiling them all costs 15 ms)."""
    from . import _secret_patterns as saved

    pattern, flags = saved.DETECTORS[name][index]
    return re.compile(pattern, flags | re.MULTILINE)  # detectors read a line at a time: ^ $ are line ends


def _detectors():
    from . import _secret_patterns as saved

    return [(name, len(patterns)) for name, patterns in saved.DETECTORS.items()]


@lru_cache(maxsize=1)
def _keyword_any() -> re.Pattern:
    """The keyword detector's keywords; cheap to compile, and all most documents need."""
    from . import _secret_patterns as saved

    return re.compile(saved.KEYWORD_ANY[0], saved.KEYWORD_ANY[1])


@lru_cache(maxsize=1)
def _keyword():
    """The keyword detector's value patterns, compiled on the first line that has a keyword
    (compiling them costs several ms, and most post-mortems have no such line)."""
    from . import _secret_patterns as saved

    return {
        "any": _keyword_any(),
        "quoted": [(re.compile(p, f), group) for p, f, group in saved.KEYWORD_QUOTED],
        "unquoted": (re.compile(saved.KEYWORD_UNQUOTED[0], saved.KEYWORD_UNQUOTED[1]), saved.KEYWORD_UNQUOTED[2]),
        "colon": (re.compile(saved.KEYWORD_COLON[0], saved.KEYWORD_COLON[1]), saved.KEYWORD_COLON[2]),
    }


# What detect-secrets has no detector for: tokens in HTTP authorization headers, as pasted
# from curl commands and request logs.
_HEADER_TOKEN = lazy(
    r"(?i)(?:\bauthorization\s*[:=]\s*[\"']?(?:bearer|basic|token|apikey)\s+|\bbearer\s+|\bx-api-key\s*[:=]\s*[\"']?)"
    r"([A-Za-z0-9\-._~+/]{16,}=*)"
)
_LEGACY_NAMES = {"BasicAuthDetector", "IPPublicDetector"}  # PM602; a public IP is no secret
_JWT_TAIL = lazy(r"[A-Za-z0-9\-_.+/=]*")


def credentials(doc, ctx=None) -> list[Hit]:
    """Credentials detect-secrets' detectors recognise, and authorization header tokens
    (one scan per document, shared by the rules that read it)."""
    return ctx.cached("credentials", _credentials, doc) if ctx else _credentials(doc)


# Necessary conditions for a detector's pattern to match, checked first because most
# patterns cannot use a fast literal search and cost 1-10 ms on a post-mortem each:
# ("run", N) the text has a run of at least N word characters or dashes (the pattern
# needs one); ("in", s) the text contains s; ("in-lower", s)
# the lower-cased text contains s. tests/test_secrets.py checks each against strings
# generated from the pattern. A pattern without an entry always runs.
HINTS: dict[tuple[str, int], tuple[tuple[str, object], ...]] = {
    ("AWSKeyDetector", 0): (("run", 20),),
    ("AWSKeyDetector", 1): (("in-lower", "aws"),),
    ("ArtifactoryDetector", 0): (("in", "AKC"), ("run", 13)),
    ("ArtifactoryDetector", 1): (("in", "AP"), ("run", 11)),
    ("AzureStorageKeyDetector", 0): (("in", "AccountKey="),),
    ("CloudantDetector", 0): (("in-lower", "cl"), ("run", 64)),
    ("CloudantDetector", 1): (("in-lower", "cl"), ("run", 24)),
    ("CloudantDetector", 2): (("in-lower", "cloudant.com"),),
    ("CloudantDetector", 3): (("in-lower", "cloudant.com"),),
    ("DiscordBotTokenDetector", 0): (("run", 27),),
    ("GitHubTokenDetector", 0): (("in", "gh"), ("run", 40)),
    ("GitLabTokenDetector", 0): (("in", "gl"), ("run", 25)),
    ("GitLabTokenDetector", 1): (("in", "GR1348941"),),
    ("GitLabTokenDetector", 2): (("in", "glcbt-"),),
    ("GitLabTokenDetector", 3): (("in", "glimt-"),),
    ("GitLabTokenDetector", 4): (("in", "glptt-"),),
    ("GitLabTokenDetector", 5): (("in", "glagent-"),),
    ("GitLabTokenDetector", 6): (("in", "gloas-"),),
    ("IbmCloudIamDetector", 0): (("run", 44),),
    ("IbmCosHmacDetector", 0): (("in-lower", "secret"), ("run", 48)),
    ("JwtTokenDetector", 0): (("in", "eyJ"),),
    ("MailchimpDetector", 0): (("in", "-us"), ("run", 36)),
    ("NpmDetector", 0): (("in", "_authToken="),),
    ("OpenAIDetector", 0): (("in", "T3BlbkFJ"),),
    ("PrivateKeyDetector", 0): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 1): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 2): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 3): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 4): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 5): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 6): (("in", "PRIVATE KEY"),),
    ("PrivateKeyDetector", 7): (("in", "PuTTY-User-Key-File-2"),),
    ("PypiTokenDetector", 0): (("in", "pypi-"),),
    ("PypiTokenDetector", 1): (("in", "pypi-"),),
    ("SendGridDetector", 0): (("in", "SG."),),
    ("SlackDetector", 0): (("in-lower", "xox"),),
    ("SlackDetector", 1): (("in-lower", "hooks.slack.com"),),
    ("SoftlayerDetector", 0): (("run", 64),),
    ("SoftlayerDetector", 1): (("in-lower", "softlayer"),),
    ("SquareOAuthDetector", 0): (("in", "sq0csp-"),),
    ("StripeDetector", 0): (("in", "k_live_"),),
    ("TelegramBotTokenDetector", 0): (("run", 35),),
    ("TwilioKeyDetector", 0): (("in", "AC"), ("run", 34)),
    ("TwilioKeyDetector", 1): (("in", "SK"), ("run", 34)),
}


# The same hints with the cheap "run" facts first: most patterns fail there, without a
# search of the whole text for a literal.
_HINTS_RUN_FIRST = {key: tuple(sorted(hints, key=lambda hint: hint[0] != "run")) for key, hints in HINTS.items()}

_RUN = re.compile(r"[\w\-]{11,}")  # \w: the patterns' \d and \w match any script's digits; no hint asks for less than 11


class _Probe:
    """The cheap facts the hints ask about, computed once per text."""

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        # A run never crosses whitespace, and most words are shorter than any hint asks:
        # splitting first reads the text at C speed instead of trying the pattern at every
        # character (a third of the time on a post-mortem). The long words are searched joined
        # by a space, which no run holds: one search instead of one a word.
        self.longest = max(map(len, _RUN.findall(" ".join(word for _, word in long_words(text)))), default=0)

    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def holds(self, hints) -> bool:
        for kind, value in hints:
            if kind == "run" and self.longest < value:
                return False
            if kind == "in" and value not in self.text:
                return False
            if kind == "in-lower" and value not in self.lower():
                return False
        return True


@lru_cache(maxsize=1)
def long_words(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, word) of each word of ``text`` of 11 characters or more, words split at
    whitespace: where the credential hints' runs and the high-entropy candidates can be
    (neither crosses whitespace), found with one split of the text, shared by both scans."""
    found, at = [], 0
    for word in text.split():
        if len(word) >= 11:
            at = text.find(word, at)  # the words skipped since the last one are shorter: none holds it
            found.append((at, word))
            at += len(word)
    return tuple(found)


@lru_cache(maxsize=1)
def _screened() -> tuple[tuple[str, int, tuple], ...]:
    """(detector, pattern index, hints) of each pattern the credential scan may run, in
    detect-secrets' order: listed once per process, not once per document."""
    return tuple((name, index, _HINTS_RUN_FIRST.get((name, index), ()))
                 for name, count in _detectors() if name not in _LEGACY_NAMES for index in range(count))


def _credentials(doc) -> list[Hit]:
    text = doc.source.text
    probe = _Probe(text)
    hits: list[Hit] = []
    for name, index, hints in _screened():
        if not probe.holds(hints):
            continue
        for match in _pattern(name, index).finditer(text):
            value_start, value_end = _value_bounds(match)
            if name == "JwtTokenDetector":  # its pattern ends lazily, before the signature
                value_end = _JWT_TAIL.match(text, value_end).end()
            value = text[value_start:value_end]
            if not _confirmed(name, value, match.group(0)):
                continue
            kind = _detector_kind(name)
            if name == "PrivateKeyDetector":
                value_start, value_end = _key_block(text, match.start(), match.end())
                value = text[value_start:value_end]
            hits.append(Hit(value_start, value_end, kind, value))
    lowered = probe.lower()
    if "bearer" in lowered or "authorization" in lowered or "api-key" in lowered:
        for match in _HEADER_TOKEN.finditer(text):
            hits.append(Hit(match.start(1), match.end(1), "token in an authorization header", match.group(1)))
    return _dedupe(hits)


def _value_bounds(match) -> tuple[int, int]:
    """The secret in a detector's match: its last non-empty group, else the whole match
    (detect-secrets yields the groups of a match when it has any). A group that only
    captures the prefix (``(ghp|gho)_…``) is not the secret: the whole match is."""
    for index in range(len(match.groups()), 0, -1):
        if match.group(index):
            if match.start(index) == match.start() and match.end(index) < match.end():
                break
            return match.start(index), match.end(index)
    start, end = match.start(), match.end()
    raw = match.group(0)
    lead = len(raw) - len(raw.lstrip("\"'=: \t\n"))  # a few detectors match their delimiters
    trail = len(raw) - len(raw.rstrip("\"' \t\n"))
    return start + lead, end - trail


def _confirmed(name: str, value: str, matched: str) -> bool:
    """Does detect-secrets' own detector report the value? (Imported only now.)"""
    plugin = _plugin(name)
    if plugin is None:  # a detector this version of detect-secrets no longer has
        return False
    try:
        found = set(plugin.analyze_string(matched))
    except Exception:  # noqa: BLE001 - a detector failing on odd input is no finding
        return False
    return any(value in item or item in value for item in found if item)


@lru_cache(maxsize=None)
def _plugin(name: str):
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    for cls in get_mapping_from_secret_type_to_class().values():
        if cls.__name__ == name:
            return cls()
    return None


_KINDS = {
    "PrivateKeyDetector": "private key",
    "JwtTokenDetector": "JSON Web Token",
}


def _detector_kind(name: str) -> str:
    from . import _secret_patterns as saved

    return _KINDS.get(name) or saved.KINDS.get(name, name)


def _key_block(text: str, start: int, end: int) -> tuple[int, int]:
    """From the ``-----BEGIN … PRIVATE KEY-----`` line to its ``-----END …`` line (or the
    end of the line the marker is on, when the block is cut short)."""
    line_start = text.rfind("\n", 0, start) + 1
    close = text.find("-----END", end)
    if close < 0 or text.count("\n", end, close) > 200:
        close_end = text.find("\n", end)
    else:
        close_end = text.find("\n", close)
    close_end = len(text) if close_end < 0 else close_end
    line = text[line_start:close_end]
    lead = len(line) - len(line.lstrip())
    return line_start + lead, len(text[:close_end].rstrip())


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per secret: of overlapping hits keep the longest (then the first)."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


# --------------------------------------------------------------------------- passwords (PM602)

_PLACEHOLDER_VALUE = lazy(
    r"""^(?:[$%<{\[(*@\\]|\.\.\.|…|x{3,}$|X{3,}$|\*+$|#+$|-+$|_+$)"""
    r"""|^(?:redacted|removed|hidden|masked|omitted|secret|password|passwd|pwd|pass|none|null|nil|empty|"""
    r"""undefined|example|placeholder|changeme_?later|your_?password|<.*>)$""",
    re.IGNORECASE,
)
# Every keyword of detect-secrets' keyword detector contains one of these (tests check it).
_KEYWORD_STEMS = ("key", "pass", "pwd", "secret", "contrase")
# Every keyword value pattern needs a quote (the quoted ones), "=" (the unquoted one) or, in
# a code block, ":" (``password: x``). A line with none of them, such as a sentence that
# mentions a secret, cannot hold a value, and the patterns (several ms to compile) are left
# uncompiled; tests/test_secrets.py checks this against strings generated from each pattern.
_VALUE_MARKS = ("'", '"', "`", "=")


def _may_assign(line: str, in_code: bool) -> bool:
    """Can a keyword value pattern match ``line``?"""
    return any(mark in line for mark in _VALUE_MARKS) or (in_code and ":" in line)


_REFERENCE = lazy(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$|[()\[\]]")
_VALUE_END = lazy(r"[\s;&,\"'`]")


def passwords(doc, ctx=None) -> list[Hit]:
    """Passwords in URLs (``scheme://user:password@host``) and assigned to a secret-sounding
    key (``password=…``, ``"api_key": "…"``), as detect-secrets' basic-auth and keyword
    detectors find them; references and placeholders (``$DB_PASSWORD``, ``<password>``,
    ``settings.PASSWORD``, ``***``) are not passwords."""
    return ctx.cached("passwords", _passwords, doc) if ctx else _passwords(doc)


def _passwords(doc) -> list[Hit]:
    text = doc.source.text
    keyword_any = _keyword_any()
    hits: list[Hit] = []
    basic = [index for name, count in _detectors() if name == "BasicAuthDetector" for index in range(count)]
    for index in basic if "://" in text else ():
        for match in _pattern("BasicAuthDetector", index).finditer(text):
            start, end = _value_bounds(match)
            value = text[start:end]
            if _is_value(value):
                hits.append(Hit(start, end, "URL password", value))
    lowered = text.lower()
    if (any(word in lowered for word in _KEYWORD_STEMS) and keyword_any.search(text)) or "pw" in lowered or "pass" in lowered:
        code = set()
        for block in doc.code_blocks:
            code.update(range(block.line, block.end_line + 1))
        offset = 0
        for number, line in enumerate(doc.source.lines, 1):
            low = line.lower()
            if any(word in low for word in _KEYWORD_STEMS) and keyword_any.search(line) and _may_assign(line, number in code):
                hits.extend(_keyword_hits(line, offset, _keyword(), number in code))
            if number not in code and ("pass" in low or "pw" in low):
                hits.extend(_prose_hits(line, offset))
            offset += len(line) + 1
    return _dedupe(hits)


# A password written in a sentence or a note: "the password was Tr0ub4dor&3", "pw: hunter2".
_PROSE_PASSWORD = lazy(
    r"(?i)(?<![\w-])(?:password|passwd|passphrase|pass\s?word|pwd|pw)(?![\w-])"
    r"(?:\s+(?:was|is|were|has\s+been|had\s+been)(?:\s+(?:set|changed|reset)\s+to)?|\s*[:=]|\s+(?:set|changed|reset)\s+to)"
    r"\s*[\"'“‘`]?([^\s\"'”’`]+)"
)
_PASSWORD_SYMBOLS = frozenset("!#%^&*+=~?|@")
# What follows "the password was" in a sentence and is no password: hashing schemes, lengths
# and ages, paths (``pwd: /srv/app2``).
_NOT_A_PASSWORD = lazy(
    r"(?i)(?:sha|md|bcrypt|scrypt|argon|pbkdf|base|utf|rsa|aes|hmac|ntlm|v\d)[\w.-]*"
    r"|\d+(?:-?(?:chars?|characters?|digits?|letters?|[smhdwy]|days?|weeks?|months?|years?|mins?|minutes?|hours?|hrs?))"
    r"|[/~.].*"
)


def _prose_hits(line: str, offset: int) -> list[Hit]:
    hits = []
    for match in _PROSE_PASSWORD.finditer(line):
        start, value = match.start(1), match.group(1).rstrip(".,;:)]")  # the sentence's punctuation
        if _is_password_like(value):
            hits.append(Hit(offset + start, offset + start + len(value), "password", value))
    return hits


def _is_password_like(value: str) -> bool:
    if not _is_value(value) or _REFERENCE.search(value) or _NOT_A_PASSWORD.fullmatch(value):
        return False
    letters = any(ch.isalpha() for ch in value)
    digits = any(ch.isdigit() for ch in value)
    symbols = any(ch in _PASSWORD_SYMBOLS for ch in value)
    return letters and (digits or symbols)  # a plain word after "password is" is prose: "required", "OAuth-based"


def _keyword_hits(line: str, offset: int, keyword, in_code: bool) -> list[Hit]:
    hits = []
    for pattern, group in keyword["quoted"]:
        for match in pattern.finditer(line):
            value = match.group(group)
            if _is_value(value):
                kind = _keyword_kind(match.group(0), keyword)
                hits.append(Hit(offset + match.start(group), offset + match.end(group), kind, value))
    # Unquoted values: ``password=x`` (connection strings, environment variables, command
    # lines) anywhere; ``password: x`` only in code blocks, where it is configuration and
    # not a sentence.
    unquoted = [keyword["unquoted"]] + ([keyword["colon"]] if in_code else [])
    for pattern, group in unquoted:
        for match in pattern.finditer(line):
            # detect-secrets' value runs to the end of the line; a connection string or an
            # environment variable ends it at a separator (``Password=x;Server=…``).
            start = match.start(group)
            cut = _VALUE_END.search(line, start)
            end = min(match.end(group), cut.start() if cut else len(line))
            value = line[start:end]
            assignment = line[match.end(1) : start].strip("\"'`]")
            if assignment.strip() not in ("=", ":") or assignment.startswith(" "):
                continue  # ``password = x`` is code, ``password == x`` a comparison
            if _is_value(value) and not _REFERENCE.search(value) and not _is_identifier_reference(value, match.group(1)):
                hits.append(Hit(offset + start, offset + end, _keyword_kind(match.group(0), keyword), value))
    return hits


def _keyword_kind(matched: str, keyword) -> str:
    found = keyword["any"].search(matched)
    word = found.group(0) if found else "secret"
    if any(part in word.lower() for part in ("pass", "pwd", "contrase")):
        return "password"
    return f"secret assigned to `{word}`"


def _is_value(value: str) -> bool:
    return len(value) >= 4 and not _PLACEHOLDER_VALUE.search(value) and len(set(value)) > 2


def _is_identifier_reference(value: str, key: str) -> bool:
    """``password=db_password``, ``secret=SECRET``: a variable passed along, not a value."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        return False
    lowered = value.lower()
    return any(word in lowered for word in ("pass", "pwd", "secret", "key", "token", key.lower())) or (
        value.isupper() and "_" in value
    )


# --------------------------------------------------------------------------- high entropy (PM603)

_CANDIDATE = re.compile(r"[A-Za-z0-9+/_\-]{20,}={0,2}")  # "=" pads the end of base64 only
_HEX = lazy(r"^[0-9a-fA-F\-]+$")
BASE64_LIMIT = 4.5  # detect-secrets' default for its Base64HighEntropyString


def high_entropy(doc, ctx=None, minimum: int = 20, limit: float = BASE64_LIMIT) -> list[Hit]:
    """Random-looking strings: at least ``minimum`` characters of the base64 alphabet with
    upper- and lower-case letters and digits, whose Shannon entropy (detect-secrets'
    measure) is over ``limit`` bits per character. Hex strings (commit hashes, digests,
    UUIDs, trace ids) are not reported, nor what PM601 and PM602 already report."""
    known = [(h.start, h.end) for h in (*credentials(doc, ctx), *passwords(doc, ctx))]
    hits = []
    text = doc.source.text
    for at, word in long_words(text):
        if len(word) < 20:  # a candidate is 20 characters at least, and never crosses whitespace
            continue
        for match in _CANDIDATE.finditer(text, at, at + len(word)):
            for start, end in _pieces(text, match.start(), match.end()):
                value = text[start:end]
                if len(value) < minimum or _HEX.match(value):
                    continue
                if not (any(c.isupper() for c in value) and any(c.islower() for c in value) and any(c.isdigit() for c in value)):
                    continue
                if any(start < k_end and k_start < end for k_start, k_end in known):
                    continue
                if entropy(value) > limit:
                    hits.append(Hit(start, end, "random-looking string", value))
    return hits


def _pieces(text: str, start: int, end: int):
    """A run split at path separators and dashes when its parts read as words: a path or a
    kebab-case name is not one token, but a base64 value with a few ``/`` is."""
    value = text[start:end]
    parts = re.split(r"[/\-_]", value)
    if len(parts) > 2 and sum(1 for p in parts if p.isalpha() and (p.islower() or p.istitle())) * 2 >= len(parts):
        return []  # mostly words: a path, a service or a resource name
    return [(start, end)]


def entropy(value: str) -> float:
    """Shannon entropy in bits per character over the base64 alphabet, as detect-secrets
    computes it (the formula is tiny; importing the library for it costs 150 ms)."""
    if not value:
        return 0.0
    counts: dict[str, int] = {}
    for ch in value:
        counts[ch] = counts.get(ch, 0) + 1
    size = len(value)
    return -sum(n / size * math.log(n / size, 2) for n in counts.values())


# --------------------------------------------------------------------------- personal data (PM604, PM605)


def published_lines(doc) -> list[bool]:
    """Per file line (index 0 = line 1): does the site publish it? HTML comments are dropped."""
    published = [True] * len(doc.source.lines)
    for comment in doc.comments:
        for line in range(comment.line, comment.end_line + 1):
            if 0 < line <= len(published):
                published[line - 1] = False
    return published


_EMAIL = lazy(
    r"(?<![A-Za-z0-9._%+\-/])([A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9\-])"
)
# RFC 2606 / RFC 6761: names reserved for documentation and testing.
RESERVED_DOMAINS = ("example.com", "example.net", "example.org", "*.example.com", "*.example.net",
                    "*.example.org", "*.example", "*.test", "*.invalid", "*.localhost", "localhost")
# RFC 2142 mailbox names, and the usual no-reply addresses: roles, not people.
ROLE_MAILBOXES = frozenset(
    "info marketing sales support abuse noc security postmaster hostmaster usenet news webmaster "
    "www uucp ftp noreply no-reply donotreply do-not-reply "
    # and the shared mailboxes of teams and functions that post-mortems quote
    "admin billing accounts invoices payments finance orders help helpdesk service contact hello "
    "feedback press legal privacy compliance hr jobs careers office ops oncall on-call alerts "
    "incidents status devops sre it git".split()
)


def emails(doc, owners=None) -> list[Hit]:
    """Email addresses in published lines; role mailboxes, owner-registry names (teams and
    roles) and reserved documentation domains are not personal data."""
    published = published_lines(doc)
    hits = []
    offset = 0
    for index, line in enumerate(doc.source.lines):
        if published[index] and "@" in line:
            for match in _EMAIL.finditer(line):
                local, domain = match.group(1), match.group(2).lower()
                before = line[: match.start()]
                if before.endswith(":") and not before.lower().endswith("mailto:"):
                    continue  # ``scheme://user:password@host``: credentials, PM602's business
                if line.startswith(":", match.end()):
                    continue  # ``git@host:path``: an SSH remote
                if any(fnmatch.fnmatchcase(domain, pattern) for pattern in RESERVED_DOMAINS):
                    continue
                if local.lower() in ROLE_MAILBOXES or (owners is not None and owners.known(local)):
                    continue
                hits.append(Hit(offset + match.start(), offset + match.end(), "email address", match.group(0)))
        offset += len(line) + 1
    return hits


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"`{local[:1]}…@{domain}`"


_INTERNATIONAL_CANDIDATE = re.compile(r"\+\s?\(?\d[\d\s().\-/]{5,}\d")
# A number in national form, as people write one: a trunk prefix 0 or an area code in
# parentheses, or North America's 3-3-4 digits; grouped (``030 901820``), never one run of
# digits (an order number), and not glued to an id (``INV-0309-01820``, ``v030.9``).
_NATIONAL_CANDIDATE = re.compile(
    r"(?<![\w\-./:#=@+])(?:\(\d{2,5}\)[ \-.]?\d|0\d{1,4}[ \-./]\d|[2-9]\d{2}[ \-.]\d{3}[ \-.]\d{4}(?![\d]))"
)
# Cheap first pass: a run of digits with the separators a phone number may have. The exact
# pattern above, with its look-behind, runs only inside such runs (ten times faster).
_NATIONAL_RUN = re.compile(r"[(\d][\d ()\-./]{4,}\d")
# In ASCII text \d is [0-9] and the same runs are found faster with ASCII classes.
_NATIONAL_RUN_ASCII = lazy(_NATIONAL_RUN.pattern, re.ASCII)
_GLUED_BEFORE = lazy(r"[\w\-./:#=@+]$")
_GLUED_AFTER = lazy(r"^(?:[\w\-/:#=@]|\.\d)")
_DIGIT_GROUPS = lazy(r"\d+")
# Numbers set aside for fiction and documentation: North America's 555-0100–0199,
# Ofcom's drama numbers, ACMA's.
FICTIONAL_NUMBERS = ("+1???55501??", "+44207946????", "+441632960???", "+447700900???", "+61491570???",
                     "+61255550???", "+61385550???")
# Regions whose national forms PM605 reads unless configured otherwise.
DEFAULT_REGIONS = ("US", "GB", "DE", "FR", "AU")


def phones(doc, regions=()) -> list[Hit]:
    """Phone numbers in published lines, found and validated by libphonenumber: numbers
    written in international form (``+44 20 7946 0018``) always, national forms
    (``(415) 555-2671``, ``030 901820``) for the ``regions`` given. A national form counts
    only when it is grouped the way the region writes its numbers and stands apart from
    the text around it: precision first, so ids, versions and order numbers are left alone."""
    national_lines = _national_lines(doc) if regions else set()
    # one search of the whole text first: no line can hold a candidate the text does not
    international = _INTERNATIONAL_CANDIDATE.search(doc.source.text) is not None
    if not national_lines and not international:
        return []
    published = published_lines(doc)
    lines = [
        (index, line) for index, line in enumerate(doc.source.lines)
        if published[index] and (index in national_lines or international and _INTERNATIONAL_CANDIDATE.search(line))
    ]
    if not lines:
        return []
    import phonenumbers

    starts = doc.source.index.starts
    hits = []
    for index, line in lines:
        seen: set[tuple[int, int]] = set()
        for region in (None, *(regions if index in national_lines else ())):
            try:
                matcher = phonenumbers.PhoneNumberMatcher(line, region, leniency=phonenumbers.Leniency.VALID)
                found = list(matcher)
            except Exception:  # noqa: BLE001 - odd text must not make a finding vanish silently
                continue
            for match in found:
                key = (match.start, match.end)
                if key in seen:
                    continue
                if region is not None and not _written_as_phone(line, match, phonenumbers):
                    continue
                seen.add(key)
                e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
                start = starts[index] + match.start
                hits.append(Hit(start, start + len(match.raw_string), "phone number", e164))
    return hits


def _national_lines(doc) -> set[int]:
    """Indexes (0-based) of the lines that hold a candidate number in national form."""
    text = doc.source.text
    found = set()
    for run in (_NATIONAL_RUN_ASCII if text.isascii() else _NATIONAL_RUN).finditer(text):
        if _NATIONAL_CANDIDATE.search(text, run.start(), min(len(text), run.end() + 2)):
            found.add(doc.source.index.position(run.start())[0] - 1)
    return found


def _written_as_phone(line: str, match, phonenumbers) -> bool:
    """Is a match in national form written as a phone number is? (International forms,
    with their ``+``, always are.)"""
    raw = match.raw_string
    if raw.startswith("+"):
        return True
    if raw.isdigit():  # one run of digits: an order number, an id, a count
        return False
    if _GLUED_BEFORE.search(line[: match.start]) or _GLUED_AFTER.match(line[match.end :]):
        return False
    national = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _DIGIT_GROUPS.findall(raw) == _DIGIT_GROUPS.findall(national)


def mask_phone(e164: str) -> str:
    """The country code and the last two digits: ``+44…56``."""
    import phonenumbers

    try:
        country = f"+{phonenumbers.parse(e164).country_code}"
    except phonenumbers.NumberParseException:
        country = e164[:2]
    return f"`{country}…{e164[-2:]}`"


# --------------------------------------------------------------------------- payment cards (PM606)

# 13 to 19 digits, in one run or in groups separated by single spaces or dashes, standing
# apart from the text around them (not part of an id, a version, a timestamp or an address).
_CARD_CANDIDATE = re.compile(
    r"(?:(?<![\w\-./:#=@+])|(?<=pan=)|(?<=pan:)|(?<=card=)|(?<=card:)|(?<=cc=)|(?<=number=))"
    r"\d(?:[ \-]?\d){12,18}(?![\w\-/:#=@]|\.\d)",
    re.IGNORECASE,
)
_CARD_RUN = re.compile(r"\d[\d \-]{11,}\d")
_CARD_RUN_ASCII = lazy(_CARD_RUN.pattern, re.ASCII)  # the same runs in ASCII text, faster
# Card networks by the first digits (the issuer identification number) and the lengths they
# issue: Visa, Mastercard, American Express, Discover, Diners Club, JCB, UnionPay, Maestro.
_NETWORKS = (
    ("Visa", lazy(r"4"), (13, 16, 19)),
    ("Mastercard", lazy(r"5[1-5]|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)"), (16,)),
    ("American Express", lazy(r"3[47]"), (15,)),
    ("Discover", lazy(r"6011|64[4-9]|65"), (16, 17, 18, 19)),
    ("Diners Club", lazy(r"30[0-5]|3[689]"), (14, 15, 16, 17, 18, 19)),
    ("JCB", lazy(r"35(?:2[89]|[3-8]\d)"), (16, 17, 18, 19)),
    ("UnionPay", lazy(r"62"), (16, 17, 18, 19)),
    ("Maestro", lazy(r"5[06-9]|6\d"), (12, 13, 14, 15, 16, 17, 18, 19)),
)
# Groupings cards are printed with: 4-4-4-4 (and 4-4-4-4-3), 4-6-5 (Amex), 4-6-4 (Diners).
_GROUPINGS = ((4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 4, 4, 1), (4, 4, 4, 3), (4, 4, 4, 4, 1), (4, 4, 4, 4, 2), (4, 6, 5), (4, 6, 4))
# The networks' published test numbers: documentation, not anyone's card.
TEST_CARDS = frozenset({
    "4242424242424242", "4111111111111111", "4012888888881881", "4000056655665556", "4222222222222",
    "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005",
    "371449635398431", "378734493671000", "6011111111111117", "6011000990139424", "3056930009020004",
    "36227206271667", "30569309025904", "38520000023237", "3566002020360505", "3530111333300000",
    "6200000000000005", "6759649826438453", "4000000000000002", "4000000000009995", "4000000000000069",
    "4000002500003155", "4000000000003220", "4000000000000119",
})


def cards(doc) -> list[Hit]:
    """Payment card numbers anywhere in the file: 13 to 19 digits of a card network's
    number ranges and lengths, passing the Luhn check, written in one run or in the groups
    cards are printed with. Published test numbers are not reported."""
    text = doc.source.text
    hits = []
    for match in _card_candidates(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        if digits in TEST_CARDS or not _grouped_as_card(raw) or not luhn(digits):
            continue
        if len(raw) == 13 and raw.isdigit():
            continue  # a Unix time in milliseconds far more often than a 13-digit Visa (no longer issued)
        network = card_network(digits)
        if network is not None:
            hits.append(Hit(match.start(), match.end(), network, digits))
    return hits


def _card_candidates(text: str):
    """The exact pattern, with its look-behind, only inside runs of 13 or more digits,
    spaces and dashes (a tenth of the time of running it over the whole text)."""
    for run in (_CARD_RUN_ASCII if text.isascii() else _CARD_RUN).finditer(text):
        yield from _CARD_CANDIDATE.finditer(text, run.start(), min(len(text), run.end() + 2))


def _grouped_as_card(raw: str) -> bool:
    if raw.isdigit():
        return True
    separators = set(re.findall(r"\D", raw))
    if len(separators) != 1:
        return False  # "4111 1111-1111" mixes separators: a list of numbers, not one
    return tuple(len(group) for group in re.split(r"\D", raw)) in _GROUPINGS


def card_network(digits: str) -> str | None:
    for name, prefix, lengths in _NETWORKS:
        if len(digits) in lengths and prefix.match(digits):
            return name
    return None


def luhn(digits: str) -> bool:
    """The Luhn checksum every payment card number passes (and 1 in 10 other numbers)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# --------------------------------------------------------------------------- keeping the patterns


def current_patterns() -> dict:
    """The detectors' patterns of the installed detect-secrets (imports it)."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins import keyword
    from detect_secrets.plugins.base import RegexBasedDetector

    detectors, kinds = {}, {}
    for secret_type, cls in sorted(get_mapping_from_secret_type_to_class().items(), key=lambda item: item[1].__name__):
        if isinstance(cls, type) and issubclass(cls, RegexBasedDetector):
            detectors[cls.__name__] = [(p.pattern, int(p.flags & ~re.UNICODE)) for p in cls.denylist]
            kinds[cls.__name__] = secret_type
    quoted = [(p.pattern, int(p.flags & ~re.UNICODE), group) for p, group in keyword.QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP.items()]
    unquoted, colon = keyword.FOLLOWED_BY_EQUAL_SIGNS_REGEX, keyword.FOLLOWED_BY_COLON_REGEX
    return {
        "DETECTORS": detectors,
        "KINDS": kinds,
        "KEYWORD_ANY": (keyword.DENYLIST_REGEX, int(re.IGNORECASE)),
        "KEYWORD_QUOTED": quoted,
        "KEYWORD_UNQUOTED": (unquoted.pattern, int(unquoted.flags & ~re.UNICODE), 5),
        "KEYWORD_COLON": (colon.pattern, int(colon.flags & ~re.UNICODE), 4),
    }


def render_patterns(patterns: dict) -> str:
    import pprint

    from detect_secrets.__version__ import VERSION as __version__

    lines = [
        f'"""detect-secrets {__version__}: the regular expressions of its detectors, verbatim.',
        "",
        "Written by ``python -m postmortem.rules._secrets > linter/postmortem/rules/_secret_patterns.py``;",
        "tests/test_secrets.py fails when the installed detect-secrets has other patterns.",
        '"""',
        "",
        "# fmt: off",
    ]
    for name, value in patterns.items():
        lines.append(f"{name} = {pprint.pformat(value, width=100, sort_dicts=False)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_patterns(current_patterns()), end="")
