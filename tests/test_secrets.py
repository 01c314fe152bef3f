"""Secrets and personal data (PM601–PM605): options, masking, where they look, and the
copy of detect-secrets' patterns that keeps a clean lint from importing it.

The fixtures in tests/fixtures/rules/PM60x/ hold the must-flag and must-not-flag cases.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from postmortem.config import RuleSettings
from postmortem.parse import parse_text
from postmortem.rules import _secret_patterns as saved
from postmortem.rules import _secrets

from .conftest import FIXTURES, ROOT, lint_text, make_config

HEAD = "---\nid: PM-2026-700\ntitle: \"Deploys failed after a key rotation\"\nstatus: draft\nseverity: SEV3\n---\n\n"
AWS_KEY = "AKIAM8CG3Y5ACW37WNP4"
GITHUB_TOKEN = "ghp_u1JrzRTOo0pXCPcUypLacRezxG3mYMqFHefS"


def lint(body: str, select=("PM6",), **rules):
    config = make_config(rules={code: RuleSettings(options=options) for code, options in rules.items()})
    return lint_text(HEAD + body, select=list(select), config=config)


# --------------------------------------------------------------------------- the patterns


def test_saved_patterns_are_those_of_the_installed_detect_secrets():
    """Regenerate with `python -m postmortem.rules._secrets > linter/postmortem/rules/_secret_patterns.py`."""
    current = _secrets.current_patterns()
    for name, value in current.items():
        assert _normalise(getattr(saved, name)) == _normalise(value), f"{name} differs: regenerate _secret_patterns.py"


def _normalise(value):
    return json.loads(json.dumps(value))


def test_every_hint_names_a_known_pattern():
    for name, index in _secrets.HINTS:
        assert index < len(saved.DETECTORS[name]), (name, index)


def _hinted_patterns():
    return [(name, index) for name, index in sorted(_secrets.HINTS)]


@pytest.mark.parametrize("name,index", _hinted_patterns(), ids=lambda v: str(v))
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_hints_are_necessary_conditions(name, index, data):
    """A hint only skips a pattern when the pattern cannot match: for strings generated
    from the pattern itself, the hint always holds."""
    pattern, flags = saved.DETECTORS[name][index]
    compiled = re.compile(pattern, flags | re.MULTILINE)
    generated = data.draw(st.from_regex(_without_lookbehind(pattern), fullmatch=False).filter(compiled.search))
    assert _secrets._Probe(generated).holds(_secrets.HINTS[(name, index)]), generated


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab-_9é\u00a0\u2028\x1c \t\n.:/="), max_size=80)
       | st.text(max_size=60))
def test_probe_finds_the_longest_run_as_the_pattern_over_the_whole_text(text):
    longest = max(map(len, re.findall(r"[\w\-]{11,}", text)), default=0)
    assert _secrets._Probe(text).longest == longest



@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB3+/_-=é\u00a0\u2028\x1c \t\n.:"), max_size=120)
       | st.lists(st.sampled_from(["aB3dE5gH7jK9mN1pQ3sT5", "x", "  ", "\n", "short", "a-b_c/d+e=f", "Z9" * 7]), max_size=12).map("".join))
def test_long_words_hold_every_high_entropy_candidate_of_the_whole_text(text):
    """The high-entropy scan searches only the long words the credential probe splits out:
    it finds the candidates the pattern finds in the whole text, at the same offsets."""
    whole = [match.span() for match in _secrets._CANDIDATE.finditer(text)]
    words = _secrets.long_words(text)
    assert all(text[at : at + len(word)] == word for at, word in words)
    in_words = [match.span() for at, word in words if len(word) >= 20
                for match in _secrets._CANDIDATE.finditer(text, at, at + len(word))]
    assert in_words == whole

def _without_lookbehind(pattern: str) -> re.Pattern:
    # hypothesis cannot generate from look-behinds; "(?:(?<=\W)|(?<=^))" only asks for a
    # word boundary, which the filter above still checks on the full pattern.
    return re.compile(pattern.replace(r"(?:(?<=\W)|(?<=^))", ""), re.IGNORECASE if "(?i)" in pattern else 0)


def test_every_keyword_contains_a_stem():
    words = re.findall(r"[a-zñ_?]+", saved.KEYWORD_ANY[0].split(")")[0])
    assert words
    for word in words:
        plain = word.replace("_?", "")
        assert any(stem in plain for stem in _secrets._KEYWORD_STEMS), word


def _keyword_value_patterns():
    """(pattern, flags, whether it runs outside code blocks) of the keyword detector's values."""
    quoted = [(pattern, flags, True) for pattern, flags, _ in saved.KEYWORD_QUOTED]
    return [*quoted, (*saved.KEYWORD_UNQUOTED[:2], True), (*saved.KEYWORD_COLON[:2], False)]


@pytest.mark.parametrize("pattern,flags,outside_code", _keyword_value_patterns(), ids=lambda v: str(v)[:12])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_line_a_keyword_value_pattern_matches_may_assign(pattern, flags, outside_code, data):
    """The keyword value patterns are not compiled for a line ``_may_assign`` rules out: a
    line any of them matches is never ruled out (in code blocks, and outside them for those
    that run there)."""
    compiled = re.compile(pattern, flags)
    line = data.draw(st.from_regex(compiled, fullmatch=False).map(lambda s: s.replace("\n", " ")).filter(compiled.search))
    assert _secrets._may_assign(line, in_code=True), line
    if outside_code:
        assert _secrets._may_assign(line, in_code=False), line


def test_a_sentence_that_mentions_a_secret_compiles_no_value_pattern():
    _secrets._keyword.cache_clear()
    doc = parse_text(HEAD + "The old secret is removed at 09:30 UTC; the API key rotates monthly.\n")
    assert _secrets.passwords(doc) == []
    assert _secrets._keyword.cache_info().currsize == 0
    doc = parse_text(HEAD + "Then the old secret=Tr0ub4dor3 was removed.\n")
    assert [hit.value for hit in _secrets.passwords(doc)] == ["Tr0ub4dor3"]
    assert _secrets._keyword.cache_info().currsize == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "the key ", AWS_KEY, " ", "\n", "token: ", GITHUB_TOKEN, "AKC", "aB3dE5gH7jK9mN1pQ3rS", "xoxb-1234-5678-abcd",
    "-----BEGIN RSA PRIVATE KEY-----", "cloudant_password: ", "a" * 24, "0123456789abcdef" * 4, "AP1", "AC", "-us1",
    "sk_live_", "eyJ", "=", ":", "\"", "'",
]), max_size=30).map("".join))
def test_whole_text_scan_equals_scanning_each_line(text):
    """detect-secrets applies its patterns line by line; the file is scanned at once with
    MULTILINE. The same values must come out."""
    doc = parse_text(text)
    whole = sorted((h.start, h.end) for h in _secrets.credentials(doc))
    per_line = []
    offset = 0
    for line in text.split("\n"):
        for h in _secrets.credentials(parse_text(line)):
            per_line.append((offset + h.start, offset + h.end))
        offset += len(line) + 1
    private = [h for h in _secrets.credentials(doc) if h.kind == "private key"]
    if not private:  # a key block spans lines by design
        assert whole == sorted(per_line)


# --------------------------------------------------------------------------- lazy imports


def test_a_clean_lint_imports_neither_detect_secrets_nor_phonenumbers():
    code = (
        "import sys; from postmortem.cli import main\n"
        "try:\n    main(['lint', '--jobs', '1', '--select', 'PM6', 'postmortems'])\n"
        "except SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "print(sorted(m for m in ('detect_secrets', 'phonenumbers', 'requests') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_a_candidate_is_confirmed_by_detect_secrets_itself():
    # The JWT pattern matches this, but detect-secrets' detector requires the parts to decode.
    diagnostics = lint("The header was eyJnotbase64json.eyJalsonot.abc in the log.\n", select=["PM601"])
    assert diagnostics == []
    assert "detect_secrets" in sys.modules


# --------------------------------------------------------------------------- masking


SECRETS = [AWS_KEY, GITHUB_TOKEN, "xoxb-314957390053-5061905149035-s9rx8iqv5254ajno7n8o5ecm",
           "sk_live_p6Ti8taGGqVoUzzpmG9azuw5", "wA3XTRyQoGeG8xcS0JtjCQMBgCROGQJf"]
PASSWORDS = ["Tr0ub4dor-and-3", "Sup3rS3cret!", "hunter22"]
CONTEXTS = [
    "The key {} leaked.\n",
    "| 14:02 UTC | used {} | ci | |\n",
    "```\nexport TOKEN={}\n```\n",
    "[link](https://x.internal/?t={})\n",
    "<!-- {} -->\n",
    "```\ncurl -H 'Authorization: Bearer {}' https://api\n```\n",
]
PASSWORD_CONTEXTS = [
    "Connected with postgres://app:{}@db/orders.\n",
    "`Server=db;Password={};`\n",
    "```yaml\npassword: {}\n```\n",
    "```\nPGPASSWORD={} psql\n```\n",
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SECRETS), st.sampled_from(CONTEXTS), st.text(max_size=40).filter(lambda t: "\r" not in t))
def test_a_secret_is_found_wherever_it_is_and_never_printed_whole(secret, context, noise):
    diagnostics = lint(noise.replace("\n", " ") + "\n\n" + context.format(secret))
    found = [d for d in diagnostics if d.code in ("PM601", "PM603")]
    assert found, context
    for d in diagnostics:
        assert secret not in d.message and secret not in (d.hint or "")
        assert secret[4:] not in d.message


@pytest.mark.parametrize(
    "context,password",
    # detect-secrets' URL pattern stops at RFC 3986 sub-delimiters such as "!" in a password
    [(c, p) for c in PASSWORD_CONTEXTS for p in PASSWORDS if not ("://" in c and "!" in p)],
)
def test_a_password_is_found_and_never_printed(context, password):
    diagnostics = lint(context.format(password), select=["PM602"])
    assert [d.code for d in diagnostics] == ["PM602"], context
    [d] = diagnostics
    assert password not in d.message and password[:3] not in d.message
    assert f"({len(password)} characters, not shown)" in d.message
    line = (HEAD + context.format(password)).split("\n")[d.line - 1]
    assert line[d.col - 1 : d.end_col - 1] == password


def test_personal_data_messages_are_masked():
    diagnostics = lint("Write to jane.doe@customer-corp.com or call +44 7911 123456.\n", select=["PM604", "PM605"])
    assert [d.message for d in diagnostics] == [
        "email address `j…@customer-corp.com` is published with the post-mortem",
        "phone number `+44…56` is published with the post-mortem",
    ]


# --------------------------------------------------------------------------- options


def test_allow_takes_globs_per_rule():
    body = f"Key {AWS_KEY}, token {GITHUB_TOKEN}.\n"
    assert len(lint(body, select=["PM601"])) == 2
    assert [d.message[:14] for d in lint(body, select=["PM601"], PM601={"allow": ["AKIA*"]})] == ["GitHub Token `"]
    assert lint(body, select=["PM601"], PM601={"allow": ["AKIAM8CG3Y5ACW37WNP4", "ghp_*"]}) == []


def test_documentation_examples_are_allowed_without_configuration():
    body = "Keys look like AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.\n"
    assert lint(body) == []


def test_email_allow_is_case_insensitive_and_owner_names_are_roles():
    body = "Mail Jane.Doe@OurShop.com, payments-team@ourshop.com and ops@ourshop.com.\n"
    assert [d.message for d in lint(body, select=["PM604"])] == [
        "email address `J…@OurShop.com` is published with the post-mortem"
    ]
    assert lint(body, select=["PM604"], PM604={"allow": ["*@ourshop.com"]}) == []


def test_phone_regions_add_national_numbers():
    body = "The customer called (415) 867-5309 and 020 3946 0999 (not 020 7946 0999, a drama number).\n"
    assert lint(body, select=["PM605"], PM605={"regions": []}) == []
    us = lint(body, select=["PM605"], PM605={"regions": ["us"]})
    assert [d.message for d in us] == ["phone number `+1…09` is published with the post-mortem"]
    both = lint(body, select=["PM605"], PM605={"regions": ["US", "GB"]})
    assert len(both) == 2
    assert lint(body, select=["PM605"], PM605={"regions": ["US"], "allow": ["+1415*"]}) == []


def test_national_numbers_of_the_default_regions_are_found():
    body = "Rang (415) 867-5309, 030 901820, 020 3946 0999, 01 42 68 53 00 and (02) 9374 4000.\n"
    assert [d.message.split()[2] for d in lint(body, select=["PM605"])] == ["`+1…09`", "`+49…20`", "`+44…99`", "`+33…00`", "`+61…00`"]


@pytest.mark.parametrize("text", [
    "order 0301234567 was refunded",  # one run of digits
    "invoice INV-0309-01820",  # glued to an id
    "pid 030901 and v030.901.820",
    "between 2026-03-04 14:02 and 15:20",
    "range 0301 2345",  # not grouped as Berlin numbers are (030 12345)
])
def test_national_forms_that_are_not_phone_numbers(text):
    assert lint(text + "\n", select=["PM605"]) == []


def test_card_numbers_pass_luhn_and_a_network_range_and_are_masked():
    assert _secrets.luhn("4929123456781236") and not _secrets.luhn("4929123456781237")
    assert _secrets.card_network("4929123456781236") == "Visa"
    assert _secrets.card_network("9929123456781232") is None
    body = "Charged twice on 4929 1234 5678 1236; order 4929123456781237 is not a card.\n"
    found = lint(body, select=["PM606"])
    assert [d.message for d in found] == ["payment card number (Visa, ending 1236) in the post-mortem"]
    assert "4929 1234 5678" not in found[0].message
    assert lint(body, select=["PM606"], PM606={"allow": ["4929*"]}) == []


def test_high_entropy_thresholds_are_options():
    body = "The cookie was wA3XTRyQoGeG8xcS0JtjCQMBgCROGQJf.\n"
    assert len(lint(body, select=["PM603"])) == 1
    assert lint(body, select=["PM603"], PM603={"min-length": 40}) == []
    assert lint(body, select=["PM603"], PM603={"entropy": 5.5}) == []


def test_secrets_are_errors_and_personal_data_warnings():
    from postmortem.rule import all_rules

    severities = {code: str(all_rules()[code].severity) for code in ("PM601", "PM602", "PM603", "PM604", "PM605", "PM606")}
    assert severities == {
        "PM601": "error", "PM602": "error", "PM603": "error", "PM604": "warning", "PM605": "warning", "PM606": "error",
    }


# --------------------------------------------------------------------------- the archive stays clean


def test_the_bundled_archive_and_every_other_fixture_hold_no_secret_or_personal_data():
    paths = [p for p in (ROOT / "postmortems").glob("*.md")]
    paths += [p for p in FIXTURES.rglob("*.md") if "PM60" not in str(p)]
    for path in paths:
        doc = parse_text(path.read_bytes().decode("utf-8", "replace"), str(path))
        assert _secrets.credentials(doc) == [], path
        assert _secrets.passwords(doc) == [], path
        assert _secrets.high_entropy(doc) == [], path
        assert _secrets.emails(doc) == [], path
        assert _secrets.phones(doc, _secrets.DEFAULT_REGIONS) == [], path
        assert _secrets.cards(doc) == [], path


# --------------------------------------------------------------------------- precision on ids and figures

_TIMES = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2099, 12, 31))
_IDS_AND_FIGURES = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: u.hex),
    _TIMES.map(lambda t: t.isoformat()),
    _TIMES.map(lambda t: t.strftime("%Y-%m-%d %H:%M:%S")),
    _TIMES.map(lambda t: t.strftime("%Y%m%d%H%M%S")),
    _TIMES.map(lambda t: str(int(t.timestamp() * 1000))),
    st.tuples(*[st.integers(0, 255)] * 4).map(lambda ip: ".".join(map(str, ip))),
    st.tuples(*[st.integers(0, 255)] * 4, st.integers(1, 65535)).map(lambda v: ".".join(map(str, v[:4])) + f":{v[4]}"),
    st.tuples(st.integers(0, 40), st.integers(0, 99), st.integers(0, 9999)).map(lambda v: "v%d.%d.%d" % v),
    st.tuples(st.sampled_from(["OPS", "INC", "CHG", "PM-2026"]), st.integers(1, 10**9)).map(lambda v: f"{v[0]}-{v[1]}"),
    st.integers(0, 10**6).map(lambda n: f"{n} ms"),
    st.integers(0, 10**7).map(lambda n: f"{n:,} requests"),
    st.integers(0, 10**12).map(lambda n: f"build {n}.{n % 9999}"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_IDS_AND_FIGURES, min_size=1, max_size=6).map(" and ".join))
@example("4007843280000")  # 2097-01-01 in milliseconds: 13 digits, a Visa prefix, passes Luhn
def test_ids_timestamps_versions_and_figures_are_not_personal_data(text):
    doc = parse_text(HEAD + f"Between {text}, the password was rotated.\n")
    assert _secrets.cards(doc) == [], text
    assert _secrets.phones(doc, _secrets.DEFAULT_REGIONS) == [], text
    assert _secrets.passwords(doc) == [], text


def test_the_digit_runs_of_ascii_text_are_found_alike_with_ascii_classes():
    from postmortem.rules import _secrets

    texts = [
        "Card 4111 1111 1111 1111, call (415) 555-2671 or 030 901820 at 2024-06-01 14:03.",
        "ids 1234-5678-9012-3456-7890 and v1.2.3.4.5 and 12/34/56/78 (0)20 7946 0018",
        "",
    ]
    for text in texts:
        assert text.isascii()
        for unicode, ascii_only in ((_secrets._CARD_RUN, _secrets._CARD_RUN_ASCII), (_secrets._NATIONAL_RUN, _secrets._NATIONAL_RUN_ASCII)):
            assert [m.span() for m in unicode.finditer(text)] == [m.span() for m in ascii_only.finditer(text)]
    assert _secrets._CARD_RUN.search("\u0664" * 14) and not _secrets._CARD_RUN_ASCII.search("\u0664" * 14)  # why only ASCII text
