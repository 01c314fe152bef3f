"""Do the language rules hold when the same sentence is written into a post-mortem differently?

A rule that finds "The technician accidentally pulled the wrong cable." must find it as a
timeline entry (``- **14:05** — The technician …``), after a label (``Root cause: …``), after
an opening phrase (``Yesterday, the technician …``), in a list or a task list, a table cell
(after a ``<br>`` too), a footnote or bold text, with one word in emphasis or a link. And
a clean sentence must stay clean there. These rewrites change where the sentence stands, not
what it says, so any change of verdict is a fault of the reading, not of the vocabulary.

This script takes the real-text development set (``tests/corpus/real/prose-dev.tsv``, never
the test set), keeps the blaming sentences the blame rules find and the clean sentences they
leave alone (and, for the name rule PM506, the sentences with a person it finds and those
without one it leaves alone), rewrites each one every way below, lints the rewrites with the
real linter, and counts the verdicts that changed:

    python bench/robustness.py              # every rewrite, the counts
    python bench/robustness.py --show 5     # and up to 5 changed sentences per rewrite

Action items (``actions-dev.tsv``) are rewritten the same way in their Action cell: bold, in
lower case, with or without a full stop, wrapped with ``<br>``, with a ticket after or
before them; the action-item rules (PM301-PM303) must judge them as before.

``tests/test_robustness.py`` holds the blaming side of the rewrites that post-mortems use
most to a small number of losses. Rewrites that change the meaning (a label "Root cause:"
before a sentence about human error in general makes it a cause given) are reported but not
held.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy as acc  # noqa: E402

# Words that may open a sentence and still be written in lower case after an opening phrase.
_LOWERABLE = frozenset(
    "the a an we they he she our my his her their one someone somebody this that some after when during".split()
)


def _lower_first(text: str) -> str | None:
    word = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if word.lower() in _LOWERABLE else None


def _opened(prefix: str) -> Callable[[str], str | None]:
    def rewrite(text: str) -> str | None:
        lowered = _lower_first(text)
        return None if lowered is None else prefix + lowered

    return rewrite


_SMALL_WORDS = frozenset("a an the of to in on and or for at by with".split())


def _title(text: str) -> str | None:
    words = text.split(" ")
    if len(words) > 14:
        return None
    return " ".join(w[:1].upper() + w[1:] if w[:1].isalpha() and w.lower() not in _SMALL_WORDS else w for w in words)


def _wrapped(text: str) -> str | None:
    """The line broken at the space nearest its middle, as an editor wraps Markdown source."""
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return None
    at = min(spaces, key=lambda i: abs(i - middle))
    return text[:at] + "\n" + text[at + 1 :]


def _marked_word(opening: str, closing: str) -> Callable[[str], str | None]:
    """The word in the middle of the sentence in emphasis or a link, as authors mark one word."""

    def rewrite(text: str) -> str | None:
        words = text.split(" ")
        middle = len(words) // 2
        if len(words) < 4 or not (words[middle][:1].isalpha() and words[middle][-1:].isalpha()):
            return None
        words[middle] = opening + words[middle] + closing
        return " ".join(words)

    return rewrite


def _cell(text: str) -> str:
    return "| Time | Event |\n|---|---|\n| 14:05 | " + text.replace("|", "\\|") + " |"


# name: (rewrite, held by tests/test_robustness.py)
REWRITES: dict[str, tuple[Callable[[str], str | None], bool]] = {
    "timeline entry": (lambda t: "- **14:05** — " + t, True),
    "time and colon": (lambda t: "14:05: " + t, True),
    "label": (lambda t: "Root cause: " + t, True),
    "bold label": (lambda t: "**Root cause:** " + t, True),
    "opening phrase": (_opened("Yesterday, "), True),
    "attribution": (_opened("According to the report, "), True),
    "then": (_opened("Then "), True),
    "sentence before": (lambda t: "The deploy started at 14:00 UTC. " + t, True),
    "list item": (lambda t: "- " + t, True),
    "task item": (lambda t: "- [x] " + t, True),
    "bold": (lambda t: "**" + t.rstrip(".") + "**.", True),
    "table cell": (_cell, True),
    "cell after <br>": (lambda t: _cell("The deploy started.<br>" + t), True),
    "heading": (lambda t: None if len(t) > 120 else "### " + t.rstrip("."), True),
    "admonition": (lambda t: '!!! note "What happened"\n\n    ' + t, True),
    "footnote": (lambda t: "See the notes.[^1]\n\n[^1]: " + t, True),
    "italic word": (_marked_word("*", "*"), True),
    "link word": (_marked_word("[", "](https://example.com/notes)"), True),
    "sentence after": (lambda t: t + " The deploy resumed at 14:30 UTC.", True),
    "wrapped line": (_wrapped, True),
    "curly apostrophes": (lambda t: t.replace("'", "’") if "'" in t else None, True),
    "straight apostrophes": (lambda t: t.replace("’", "'") if "’" in t else None, True),
    "title case": (_title, False),
    "aside after": (lambda t: t.rstrip(".") + " (see the timeline).", False),
}


def _ticket(text: str) -> str:
    return text.rstrip() + " (OPS-1234)"


def _br_wrapped(text: str) -> str | None:
    """The cell broken at the space nearest its middle with ``<br>``, as tables hold long text."""
    wrapped = _wrapped(text)
    return None if wrapped is None else wrapped.replace("\n", "<br>")


def _lower_cell(text: str) -> str | None:
    word = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if word[:1].isupper() and word[1:].islower() else None


# Action cells, rewritten the ways real action-item tables write them: name: (rewrite, held)
ACTION_REWRITES: dict[str, tuple[Callable[[str], str | None], bool]] = {
    "bold": (lambda t: "**" + t + "**", True),
    "lower case": (_lower_cell, True),
    "full stop": (lambda t: None if t.rstrip().endswith(".") else t.rstrip() + ".", True),
    "no full stop": (lambda t: t.rstrip()[:-1] if t.rstrip().endswith(".") and t.count(". ") == 0 else None, True),
    "<br> wrapped": (_br_wrapped, True),
    "ticket after": (_ticket, True),
    "ticket link after": (lambda t: t.rstrip() + " ([OPS-1234](https://tracker.example.com/OPS-1234))", True),
    # a ticket before the instruction is read as tracking it ("[INFRA-3046] Monitor Jenkins
    # mirrors age"), and hides a label after it ("[OPS-1234] Task 1: …"): reported, not held
    "ticket before": (lambda t: "[OPS-1234] " + t, False),
}


def _changed(path: Path, half: str | None, names: list[str] | None, rewrites, select, document, positive):
    """{rewrite: (positives kept, lost, negatives kept, newly flagged, [lost texts], [flagged
    texts])}: the items of ``path`` the rules ``select`` judge rightly (``positive``), each
    rewritten every way of ``rewrites`` and linted again as ``document``s."""
    items = acc.load_real(path)
    if half is not None:
        items = [item for item in items if acc.is_check(item.doc) == (half == "check")]
    items = [item for item in items if "\n" not in item.text]
    codes = set(select)
    found = acc.run(items, select, document)
    keep = [(item, bool(f & codes)) for item, f in zip(items, found) if bool(f & codes) == positive(item)]
    out = {}
    for name, (rewrite, _held) in rewrites.items():
        if names is not None and name not in names:
            continue
        pairs = [(item, flagged, rewrite(item.text)) for item, flagged in keep]
        pairs = [(item, flagged, text) for item, flagged, text in pairs if text]
        rewritten = [acc.Item(item.label, item.rules, text, item.source, item.categories, item.person, item.doc)
                     for item, _flagged, text in pairs]
        again = acc.run(rewritten, select, document)
        lost = [text for (item, flagged, text), f in zip(pairs, again) if flagged and not f & codes]
        gained = [text for (item, flagged, text), f in zip(pairs, again) if not flagged and f & codes]
        kept = sum(flagged for _item, flagged, _text in pairs)
        out[name] = (kept, len(lost), len(pairs) - kept, len(gained), lost, gained)
    return out


def measure_actions(half: str | None = None, names: list[str] | None = None):
    """{rewrite: (bad items found, lost, good items left alone, newly flagged, [lost], [flagged])}:
    the action-item rules (PM301-PM303) against the development set's action items."""
    return _changed(acc.REAL / "actions-dev.tsv", half, names, ACTION_REWRITES, acc.ACTION_CODES,
                    acc.action_document, lambda item: item.positive)


def measure(half: str | None = None, names: list[str] | None = None, rule: str = "blame"):
    """{rewrite: (positives rewritten, lost, negatives rewritten, newly flagged, [lost texts],
    [flagged texts])}. ``rule`` ``blame``: the blame rules against the blame label; ``names``:
    PM506 against the ``person`` column."""
    select = acc.PROSE_CODES if rule == "blame" else (acc.NAME_CODE,)
    positive = (lambda item: item.positive) if rule == "blame" else (lambda item: item.person)
    return _changed(acc.REAL / "prose-dev.tsv", half, names, REWRITES, select, acc.prose_document, positive)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list up to N changed sentences per rewrite")
    parser.add_argument("--halves", choices=("tune", "check"), help="only one half of the development set (see accuracy.py)")
    args = parser.parse_args(argv)
    tables = [("blame rules (PM501-PM505, PM507, PM508)", ("blaming", "clean"), REWRITES, measure(args.halves)),
              ("names (PM506)", ("named", "no name"), REWRITES, measure(args.halves, rule="names")),
              ("action items (PM301-PM303), in the Action cell", ("bad", "good"), ACTION_REWRITES, measure_actions(args.halves))]
    for title, (positives, negatives), rewrites, measured in tables:
        print(f"{title}:")
        print(f"  {'rewrite':<20}{'held':>5}{positives:>9}{'lost':>6}{negatives:>9}{'flagged':>9}")
        for name, (found, lost, clean, gained, lost_texts, gained_texts) in measured.items():
            held = "yes" if rewrites[name][1] else "no"
            print(f"  {name:<20}{held:>5}{found:>9}{lost:>6}{clean:>9}{gained:>9}")
            for text in lost_texts[: args.show]:
                print(f"      lost     {text[:160]!r}")
            for text in gained_texts[: args.show]:
                print(f"      flagged  {text[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
