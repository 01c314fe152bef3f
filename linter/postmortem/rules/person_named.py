"""
## What it does
Reports a person named anywhere in the post-mortem's prose, headings, title and table
cells (the timeline's Actor column included), whether or not the sentence blames them:
given names from many languages ("Mike Kunz said…", "thanks, Niels Lunn", "Adnan Khan, the
researcher…"), and user names and handles of any common shape (`@dave`, `dave@`, `priya7`,
`RhinosF1`, "an admin referred to as team-member-1", "garuffalo reported this issue").

A name that is in no list is recognised by what the sentence says of it: the subject of a
verb only people do ("Yuvi was awake at the time", "if Jarrrk manually started them"), of an
act of noticing or of reaching a colleague ("Kiyota noticed…", "Zhenya pinged the on-call
engineer"), of a verb followed later in its clause by a pronoun for a person, with nobody
else in between ("TenaciousMapping did abuse his powers", "Nóva noticed slow/timeouts on her
phone"), of a verb of speech when one of its words is a known given name or surname ("Walsh
also revealed…"), the speaker of an attribution after a quotation ("…," said Dieken; "“Our
customers have every right to expect more from us,” Seah added."), a word after a title or
a capitalised role ("by Engineer Pelumi", "Project Leader Mike McQuaid", "Namkoong’s co-CEO
Euntaek Hong said"), a name followed by a role or a relative "who" ("Koichiro Miyahara,
president and CEO of the exchange, told reporters", "Drew Groff, who works for
telecommunications company Lumen", "I am Kabaka, one of the server administrators"), the holder of a role named between commas
("Alaska's Revenue Commissioner at the time, Bill Corbus, said…"), one of
a group of people ("Miyahara and other exchange officials said"), a name with a particle
("Sarika de Bruyn"), and a lone word in the Actor column that is no role, team, system or
English word. Where only a person can stand,
any user name counts: the object of thanks, a copy or a ping ("thanks to mbrown for …",
"cc j_doe", "pinged thibault"), the "by" agent of an act of people ("reviewed by kevin_l", "spotted by Oluwaseun"),
the subject of such an act when it has the shape of a user name ("coolguy42 force-pushed to
main", "john.smith acknowledged the page", "mkumar approved the change"), a lower-case given name that acts ("Then jens deployed …") and the other names of a
list that holds a name ("Marta and wojtek"). Structure names people that no list knows: a
handle that opens a line ("@phaer: no prejudice against your PR"), a Reddit user name
("u/ocbaker"), a user name joined by an underscore or written in CamelCase of a given name and
a word that is no English word ("Phoenix_flare", "MarianMacik"), the person a greeting
addresses ("Hi Bigbadblunt,"), a word set off by a comma at the start of a sentence that speaks
to "you" ("Sood, regardless of your status, you shouldn't self merge"), a word after a
lower-case role ("Chatspike staff member Brain typoed a hostmask", "staff member w00t"), a
name followed by an age ("Tan Wei Chiang, 30, then lied …"), a name after "that" or after an
organisation's possessive ("reported that Vladimir Shved …", "C/Net’s Marguerite Reardon
reports …"). Organisations speak too, so "Optus said…" stays
clean, as does a speaker the sentence goes on to call "it" ("Kakao said today morning it had
restored additional services"). Places and the names of companies and products are no people,
even when a word of them is also a given name: a country or a region ("In neighbouring
France"), a city where the sentence puts a place ("cities such as Zurich, Basel and Geneva",
"Marietta, Georgia"), a name followed by the head of an organisation's or a product's name
("Georgia Power and Marietta Power are investigating the outages", "Gloria Server was
running in parallel"), and a name given to a thing ("Ronnie (the Mall server, named after one
of the Kray twins)", a title "Fritz Timeouts" where a server's name modifies a plural). Clean
too are a team mention ("ping the @nodejs/build team"), a version after a package
("`@posthog/cli`@0.5.15"), a label in a timeline ("22:45 UTC - Discovery: …"), a word of the
dictionary that opens a timeline line ("14:05 Monitoring pages the on-call"; "20:39 Hem enters
the conversation" names Hem), a subordinator that opens a sentence ("Because she realised …"), words joined by
a dash ("Harding–Chamberlin at 15:05") and a list of places or products that holds one word
that could be a name ("including Melbourne, Brisbane, Perth, and Adelaide").

Teams and roles of the owner registry, the services listed in the frontmatter, names of
systems and vendors, and the names a project allows stay clean. Text in code, quotation
marks and blockquotes is not checked.

Configure what your organisation needs:

```toml
[tool.postmortem.rules.PM506]
allowed-names = ["Hermes", "Athena"]   # internal systems that look like names
people = ["[A-Z][a-z]+sson"]           # regular expressions, matched against one word
```

## Why it matters
The blameless practice this archive follows is explicit: use role-based language ("the
on-call engineer"), not names, and describe each factor without naming individuals. A
name turns a post-mortem about a system into a story about a person; it also stays in
search results for years after the person has moved on.

## Example
```markdown
Once we were made aware of the issue (thanks, Niels Lunn), we manually patched the annotations.
```

## Use instead
```markdown
Once a customer reported the issue, we manually patched the annotations.
```
"""

from ..rule import Finding, Severity
from . import _people
from ._language import NameOptions, analyse, text_blocks

CODE = "PM506"
NAME = "person-named"
SEVERITY = Severity.WARNING
OPTIONS = {"allowed-names": [], "people": []}

_ROLE_HINT = "Use the role instead of the name, e.g. \"the on-call engineer\", \"the incident commander\", \"a customer\"."


def validate_options(options):
    NameOptions.from_options(options)


def check(doc, ctx):
    names = NameOptions.from_options(ctx.options)
    never = _never(doc, ctx)
    surnames: set[str] = set()
    title = (doc.incident.title or "") if doc.frontmatter is not None else ""
    if title and _people.candidates(title):
        yield from _title(doc, title, names, never, surnames)
    for block in text_blocks(doc):
        text = block.text
        reported_spans = []
        if "@" in text or "u/" in text:
            for person in _people.addressed_handles(text, never, names):
                reported_spans.append((person.start, person.end))
                yield Finding(block.span(person.start, person.end), _message(person), _ROLE_HINT)
        if _people.starts_with_clock(text):
            for person in _people.chat_nicks(text, never, names):
                if any(person.start < end and start < person.end for start, end in reported_spans):
                    continue
                reported_spans.append((person.start, person.end))
                yield Finding(block.span(person.start, person.end), _message(person), _ROLE_HINT)
        if not _people.candidates(text) and not (surnames and any(s in text.lower() for s in surnames)) \
                and not (block.column == "actor" and block.kind == "table-cell" and _people.actor_cell_candidate(text, never)):
            continue
        an = analyse(text)
        cell = block.kind == "table-cell"
        for person in _people.named_people(an, names, never, surnames, cell=cell, actor_cell=cell and block.column == "actor"):
            if not any(person.start < end and start < person.end for start, end in reported_spans):
                yield Finding(block.span(person.start, person.end), _message(person), _ROLE_HINT)


def _message(person) -> str:
    if person.kind == "handle":
        return f"names a person by the handle {person.text!r}"
    return f"names {person.text!r}; post-mortems name roles, not people"


def _never(doc, ctx) -> frozenset[str]:
    return _people.never_words(doc, ctx.owners)


def _title(doc, title, names, never, surnames):
    """The frontmatter title: findings placed on its line in the file."""
    fm = doc.frontmatter
    span = fm.span(("title",))
    line_text = doc.source.lines[span.line - 1] if 0 < span.line <= len(doc.source.lines) else ""
    offset = line_text.find(title, max(0, span.col - 1))
    if offset < 0:
        return
    an = analyse(title)
    for person in _people.named_people(an, names, never, surnames):
        from ..model import Span

        col = offset + person.start + 1
        yield Finding(Span(span.line, col, span.line, col + len(person.text)), _message(person), _ROLE_HINT)
