"""Build ``linter/postmortem/rules/_comparatives.py``: comparatives of quality ("broader",
"stricter", "sooner", "better") from lemminflect's inflection table.

lemminflect (MIT licence, already a dependency of the linter) ships the inflections of about
10,800 English adjectives and adverbs; the comparative of each is read from that table, so the
list covers words no post-mortem in the corpus used. Dropped: comparatives of size and amount
("larger", "lower", "fewer": a direction on a measurable axis, usually with a target), and
forms that are also a noun or a verb in their own right ("number", "lower", "master").
The result is a sorted word list in a Python module, read from cached bytecode and only when
an action item has a word ending in -er where a degree can stand; the linter never imports
lemminflect for it.

    python bench/build_comparatives.py   # writes rules/_comparatives.py
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import lemminflect

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_comparatives.py"
DIMENSIONS = set("large small big long short high low few little much many old young late far near tall heavy light cheap".split())


def comparatives() -> list[str]:
    table = Path(os.path.dirname(lemminflect.__file__)) / "resources" / "infl_lu.csv.gz"
    with gzip.open(table, "rt", encoding="utf-8") as f:
        rows = [line.split(",") for line in f.read().splitlines()]
    out = set()
    for row in rows:
        if len(row) < 3 or row[1] not in ("adj", "adv") or not row[0].islower() or row[0] in DIMENSIONS:
            continue
        for form in row[2].split("/"):
            if not form.isalpha() or not form.islower() or form == row[0] or not form.endswith("er"):
                continue
            lemmas = lemminflect.getAllLemmas(form)
            other = lemmas.get("NOUN", ()) + lemmas.get("VERB", ())
            if form in other and row[0] not in ("good", "well"):
                continue
            out.add(form)
    return sorted(out)


def main() -> None:
    words = comparatives()
    lines = [
        '"""Comparatives of quality, built by bench/build_comparatives.py from lemminflect\'s',
        "inflection table (MIT licence). Generated: do not edit by hand.\"\"\"",
        "",
        "COMPARATIVES = frozenset(",
        '    """',
    ]
    line = "   "
    for word in words:
        if len(line) + len(word) + 1 > 96:
            lines.append(line)
            line = "   "
        line += " " + word
    lines += [line, '    """.split()', ")", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(words)} comparatives -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
