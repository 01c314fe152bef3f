"""Precision and recall of the language rules on the labelled corpus in ``tests/corpus``.

Each prose sentence is linted as a paragraph of a minimal post-mortem and each action item
as the Action cell of an action-items table, by the real linter (parser, engine, rules).

    python bench/accuracy.py             # figures for the development, held-out and whole corpus
    python bench/accuracy.py --errors    # also list every false positive and false negative

A class figure counts an item as flagged when any of the class's rules reports it. Per rule,
precision is the share of the items it flags that are really bad (a rule that flags a
blaming sentence for another rule's reason is not crying wolf), and recall is the share of
the items labelled with that rule that it flags.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "linter"))

from postmortem.config import Config  # noqa: E402
from postmortem.engine import Linter  # noqa: E402
from postmortem.parse import parse_text  # noqa: E402
from postmortem.rule import all_rules  # noqa: E402

PROSE_CODES = tuple(code for code in all_rules() if code.startswith("PM50"))
ACTION_CODES = ("PM301", "PM302", "PM303")
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.90

ACTION_TABLE = (
    "## Action Items\n\n"
    "| ID | Action | Category | Owner | Priority | Due | Status |\n"
    "|----|--------|----------|-------|----------|-----|--------|\n"
    "| A1 | {cell} | prevent | sre-team | P2 | 2026-05-01 | open |\n"
)


@dataclass(frozen=True)
class Item:
    label: str
    rules: frozenset[str]
    text: str
    source: str  # file:line

    @property
    def positive(self) -> bool:
        return self.label in ("blaming", "bad")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class RuleScore:
    flagged_bad: int = 0  # items it flags that are labelled bad (for any reason)
    flagged_clean: int = 0  # items it flags that are labelled clean: crying wolf
    labelled: int = 0  # items labelled with this rule
    labelled_hit: int = 0  # … that it flags

    @property
    def precision(self) -> float:
        flagged = self.flagged_bad + self.flagged_clean
        return self.flagged_bad / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.labelled_hit / self.labelled if self.labelled else 1.0


@dataclass
class Result:
    name: str
    items: list[Item]
    found: list[set[str]]  # codes reported per item
    overall: Score = field(default_factory=Score)
    per_rule: dict[str, RuleScore] = field(default_factory=dict)

    @property
    def errors(self) -> list[tuple[str, Item, set[str]]]:
        out = []
        for item, codes in zip(self.items, self.found):
            if codes and not item.positive:
                out.append(("false positive", item, codes))
            elif not codes and item.positive:
                out.append(("false negative", item, codes))
        return out


def load(path: Path) -> list[Item]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, rules, text = line.split("\t", 2)
        codes = frozenset() if rules.strip() == "-" else frozenset(r.strip() for r in rules.split(",") if r.strip())
        items.append(Item(label.strip(), codes, text.replace("\\n", "\n"), f"{path.name}:{number}"))
    return items


def prose_document(text: str) -> str:
    return f"## Summary\n\n{text}\n"


def action_document(text: str) -> str:
    return ACTION_TABLE.format(cell=text.replace("|", "\\|"))


def run(items: list[Item], codes: tuple[str, ...], document) -> list[set[str]]:
    linter = Linter(Config(root=ROOT), select=list(codes), today=date(2026, 11, 23))
    docs = [parse_text(document(item.text), f"item-{n}.md") for n, item in enumerate(items)]
    found: list[set[str]] = [set() for _ in items]
    for diagnostic in linter.lint_documents(docs).diagnostics:
        index = int(diagnostic.path[len("item-") : -len(".md")])
        found[index].add(diagnostic.code)
    return found


def score(name: str, items: list[Item], found: list[set[str]], codes: tuple[str, ...]) -> Result:
    result = Result(name, items, found)
    result.per_rule = {code: RuleScore() for code in codes}
    for item, got in zip(items, found):
        flagged = bool(got)
        if flagged and item.positive:
            result.overall.tp += 1
        elif flagged:
            result.overall.fp += 1
        elif item.positive:
            result.overall.fn += 1
        else:
            result.overall.tn += 1
        for code, rule in result.per_rule.items():
            if code in got:
                if item.positive:
                    rule.flagged_bad += 1
                else:
                    rule.flagged_clean += 1
            if code in item.rules:
                rule.labelled += 1
                rule.labelled_hit += code in got
    return result


def measure() -> dict[str, dict[str, Result]]:
    """{"prose": {"development": Result, "held-out": Result, "all": Result}, "actions": {...}}"""
    out: dict[str, dict[str, Result]] = {}
    for kind, codes, document in (("prose", PROSE_CODES, prose_document), ("actions", ACTION_CODES, action_document)):
        dev = load(CORPUS / f"{kind}.tsv")
        held = load(CORPUS / f"{kind}-heldout.tsv")
        found_dev = run(dev, codes, document)
        found_held = run(held, codes, document)
        out[kind] = {
            "development": score("development", dev, found_dev, codes),
            "held-out": score("held-out", held, found_held, codes),
            "all": score("all", dev + held, found_dev + found_held, codes),
        }
    return out


CLASS_NAMES = {"prose": "blaming prose", "actions": "bad action items"}


def report(results, errors: bool = False) -> str:
    lines = []
    for kind, parts in results.items():
        whole = parts["all"]
        positives = sum(item.positive for item in whole.items)
        lines.append(f"{CLASS_NAMES[kind]}: {len(whole.items)} items ({positives} bad, {len(whole.items) - positives} clean)")
        lines.append(f"  {'':<24}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}")
        for name in ("development", "held-out", "all"):
            s = parts[name].overall
            lines.append(f"  {name:<24}{s.precision:>10.3f}{s.recall:>8.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
        lines.append("  per rule (whole corpus):")
        for code, s in whole.per_rule.items():
            name = all_rules()[code].name
            lines.append(
                f"  {code} {name:<19}{s.precision:>10.3f}{s.recall:>8.3f}"
                f"   flags {s.flagged_bad + s.flagged_clean}, of them clean {s.flagged_clean}; labelled {s.labelled}"
            )
        if errors:
            for name in ("development", "held-out"):
                for what, item, codes in parts[name].errors:
                    lines.append(f"    {what} [{item.source}] {sorted(codes) or ''} {item.text!r}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list false positives and false negatives")
    args = parser.parse_args(argv)
    results = measure()
    print(report(results, args.errors), end="")
    ok = all(
        parts["all"].overall.precision >= TARGET_PRECISION and parts["all"].overall.recall >= TARGET_RECALL
        for parts in results.values()
    )
    print(f"targets: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL} on the whole corpus: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
