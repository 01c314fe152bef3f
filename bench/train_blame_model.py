"""Would a model trained from labelled text find blame the rules miss? Train it and measure.

The blame rules (PM501–PM505, PM507, PM508) were tuned by hand on the real-text development
set: there they score precision 0.993 / recall 0.774, on the blind test set 0.886 / 0.484.
This script tries the other way issue 12 allows: a small model trained from labelled data,
to be shipped as data, judged by grouped cross-validation, the honest stand-in for unseen
documents. It writes nothing; the figures decide whether such a model is worth shipping
(``tests/corpus/README.md``, "A trained model": they say it is not, yet).

Data: the real-text DEVELOPMENT set (``tests/corpus/real/prose-dev.tsv``, sentences taken
verbatim from public post-mortems, incident reports, press and discussions) and the
self-written corpus (``tests/corpus/prose.tsv`` and ``prose-heldout.tsv``) as extra
training data. Never the test set.

Model: logistic regression (scikit-learn, a build-time tool: small, linear, and its weights
fit in a generated module the linter could read without importing it) over sparse binary
features of each sentence, as the linter sees it (a paragraph of a post-mortem, quotations
masked):

* lemmas (lemminflect, already a dependency: "deleted", "deletes" → ``delete``) and pairs of
  neighbouring lemmas; numbers, @handles and known given names reduced to their shape;
* word classes from the rules' own vocabulary (a role, a pronoun, an adverb of error, a
  judging word from the VADER lexicon, …) and pairs of them with their neighbours;
* the clause analysis of ``rules/_clauses.py``: each clause's actor kind (name, handle,
  pronoun, role, team, thing, none) crossed with its modality (negated, passive,
  counterfactual, hypothetical), its predicate class (error verb, destructive act, omission,
  duty, error adverb, slip noun, wrong object, judgement) and its main verb's lemma.

Evaluation: grouped cross-validation by source document (``doc``) on the development set
(5 folds, ``GroupKFold``): each fold is scored by a model trained on the other folds and the
self-written corpus, at decision thresholds chosen inside the training folds (an inner
grouped 4-fold cross-validation) for precision >= 0.95, for the model alone and for
rules ∪ model. The rules' own figure is their development figure (they were tuned on these
very sentences, so it flatters them, as the test figure showed).

    pip install scikit-learn              # into the virtual environment; lemminflect is a dependency
    python bench/train_blame_model.py             # cross-validated figures, per blame category
    python bench/train_blame_model.py --ablation  # also each family of features on its own
    python bench/train_blame_model.py --learners  # also other learners on the same features
    python bench/train_blame_model.py --curve     # also the learning curve

Deterministic: the folds depend only on the document ids and the liblinear solver on the data.
"""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "linter"))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
from postmortem.parse import parse_text  # noqa: E402
from postmortem.rules import _clauses as cl  # noqa: E402
from postmortem.rules import _lexicon as lex  # noqa: E402
from postmortem.rules._language import Analysis, DEFAULT_NAMES, analyse, NOT_PROSE_COLUMNS  # noqa: E402

FOLDS = 5
INNER_FOLDS = 4
TARGET_PRECISION = 0.95
C = 0.5  # inverse regularisation strength
MIN_COUNT = 2  # a feature seen in fewer training items carries no weight
# The rules that blame, as bench/accuracy.py counts them.
RULE_CODES = accuracy.PROSE_CODES


# ----------------------------------------------------------------------------- features


_COUNTERFACTUAL = lex._words("should shouldn't shouldn’t ought must")
_HYPOTHETICAL = lex._words("could couldn't couldn’t would wouldn't wouldn’t might may can can't cannot will won't")
_PERSON_KINDS = frozenset(("name", "handle", "pronoun", "role", "team"))


def _shape(tok, lemma) -> str:
    """The word as a feature: its lemma, or its shape when the word itself says little."""
    low = tok.low
    if tok.is_handle:
        return "<handle>"
    if low[:1].isdigit():
        return "<num>"
    if tok.capitalised and not tok.initial and low not in lex.SYSTEMS:
        if low in lex.GIVEN_NAMES:
            return "<given-name>"
    return lemma(low)


_CLASSES = None


def _word_class(low: str, word: str) -> str:
    """The class of a word, or the word: ``#role``, ``#pronoun``, ``#failure``, ``#judged``."""
    global _CLASSES
    if _CLASSES is None:
        from postmortem.rules import _judgement_words as jw

        _CLASSES = (
            ("#pronoun", cl.PRONOUNS | lex.PERSON_PRONOUNS | frozenset(("me", "him", "her", "them", "us"))),
            ("#role", cl.ROLE_NOUNS),
            ("#team", lex.TEAM_NOUNS),
            ("#error-adverb", cl.ERROR_ADVERBS),
            ("#error-verb", cl.ERROR_VERBS | lex.HUMAN_ONLY_VERBS),
            ("#slip", lex.BLAME_NOUNS),
            ("#judged", lex.JUDGEMENT_WORDS | jw.ADJECTIVES | jw.PERSON_NOUNS),
            ("#destructive", cl.DESTRUCTIVE_VERBS | cl.DESTRUCTIVE_BASES),
            ("#omission", cl.OMISSION_VERBS),
            ("#failure", lex.FAILURE_CUES),
            ("#modal", lex.MODALS),
            ("#negation", frozenset(("not", "never", "no", "n't", "didn't", "didn’t", "wasn't", "wasn’t"))),
        )
    if word[:1] == "<":
        return "#" + word[1:-1]
    for name, members in _CLASSES:
        if low in members:
            return name
    return word


def _predicate_classes(an: Analysis, clause) -> list[str]:
    tokens = an.tokens
    out = []
    main = tokens[clause.main].low
    if main in cl.ERROR_VERBS or cl.error_prefixed(main):
        out.append("error-verb")
    if main in cl.DESTRUCTIVE_VERBS or main in cl.DESTRUCTIVE_BASES:
        out.append("destructive")
    if main in cl.OMISSION_VERBS:
        out.append("omission")
    if main in cl.DUTY_WORDS:
        out.append("duty")
    if main in lex.RESPONSE_VERBS:
        out.append("response")
    for t in range(max(0, clause.verb - 2), clause.end):
        low = tokens[t].low
        if low in cl.ERROR_ADVERBS:
            out.append("error-adverb")
        elif low in lex.BLAME_NOUNS:
            out.append("slip-noun")
        elif low in ("wrong", "incorrect", "bad", "faulty", "erroneous"):
            out.append("wrong-object")
        elif low in lex.JUDGEMENT_WORDS:
            out.append("judgement")
    return out or ["other"]


def _modality(an: Analysis, clause) -> list[str]:
    group = [an.tokens[t].low for t in range(clause.verb, clause.main + 1)]
    out = []
    if clause.negated:
        out.append("negated")
    if clause.passive:
        out.append("passive")
    if any(low in _COUNTERFACTUAL for low in group) and "have" in group:
        out.append("counterfactual")
    elif any(low in _HYPOTHETICAL for low in group):
        out.append("hypothetical")
    return out or ["plain"]


def features(an: Analysis, lemma, names=DEFAULT_NAMES, owners=None) -> list[set[str]]:
    """The features of each sentence of ``an``; ``lemma`` maps a lower-case word to its
    lemma (the training run's lemmatiser, or the shipped table)."""
    tokens = an.tokens
    out: list[set[str]] = []
    for start, end in an.sentences:
        words = ["<s>"] + [_shape(tokens[t], lemma) for t in range(start, end)] + ["</s>"]
        found = set(words[1:-1])
        found.update(f"{a} {b}" for a, b in zip(words, words[1:]))
        classes = ["<s>"] + [_word_class(tokens[t].low, w) for t, w in zip(range(start, end), words[1:-1])] + ["</s>"]
        found.update(f"C:{c}" for c in classes[1:-1] if c[:1] == "#")
        found.update(f"C:{a} {b}" for a, b in zip(classes, classes[1:]) if a[:1] == "#" or b[:1] == "#")
        out.append(found)
    for clause in cl.clauses(an, names, owners):
        found = out[clause.sentence]
        actor = clause.actor
        kind = "none" if actor is None else ("generic" if actor.generic else actor.kind)
        verb = lemma(tokens[clause.main].low)
        person = "person" if kind in _PERSON_KINDS else kind
        modes = _modality(an, clause)
        classes = _predicate_classes(an, clause)
        found.add(f"A:{kind}")
        found.add(f"A:{person}|V:{verb}")
        for mode in modes:
            found.add(f"A:{kind}|M:{mode}")
            found.add(f"A:{person}|M:{mode}|V:{verb}")
        for cls in classes:
            found.add(f"A:{kind}|P:{cls}")
            found.add(f"P:{cls}")
            for mode in modes:
                found.add(f"A:{person}|M:{mode}|P:{cls}")
    return out


# ----------------------------------------------------------------------------- data


def load_real(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if line.strip() and not line.startswith("#"):
            rows.append(dict(zip(header, line.split("\t"))))
    return rows


@lru_cache(maxsize=None)
def train_lemma(low: str) -> str:
    """The lemma of a lower-case word by lemminflect: a verb's first, else a noun's, else any."""
    import lemminflect

    found = lemminflect.getAllLemmas(low)
    for pos in ("VERB", "AUX", "NOUN", "ADJ", "ADV"):
        if pos in found:
            return found[pos][0].lower()
    for lemmas in found.values():
        return lemmas[0].lower()
    return low


def item_features(text: str) -> set[str]:
    """All features of an item, linted as the linter sees it: a paragraph of a post-mortem."""
    doc = parse_text(accuracy.prose_document(text), "item.md")
    out: set[str] = set()
    for block in doc.prose:
        if block.column in NOT_PROSE_COLUMNS:
            continue
        for found in features(analyse(block.text), train_lemma):
            out |= found
    return out


def rule_verdicts(texts: list[str]) -> np.ndarray:
    items = [accuracy.Item("clean", frozenset(), text, "") for text in texts]
    found = accuracy.run(items, RULE_CODES, accuracy.prose_document)
    return np.array([bool(codes & set(RULE_CODES)) for codes in found])


class Data:
    def __init__(self):
        real = load_real(accuracy.REAL / "prose-dev.tsv")
        self.texts = [r["text"] for r in real]
        self.y = np.array([r["label"] == "blaming" for r in real])
        self.groups = np.array([r["doc"] for r in real])
        self.categories = [r["category"] for r in real]
        extra = accuracy.load(accuracy.CORPUS / "prose.tsv") + accuracy.load(accuracy.CORPUS / "prose-heldout.tsv")
        self.extra_texts = [item.text for item in extra]
        self.extra_y = np.array([item.positive for item in extra])
        self.feats = [item_features(t) for t in self.texts]
        self.extra_feats = [item_features(t) for t in self.extra_texts]
        self.rules = rule_verdicts(self.texts)


def matrix(feats: list[set[str]], vocab: dict[str, int]) -> csr_matrix:
    rows, cols = [], []
    for r, found in enumerate(feats):
        for f in found:
            c = vocab.get(f)
            if c is not None:
                rows.append(r)
                cols.append(c)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))


def _vocabulary(feats: list[set[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for found in feats:
        for f in found:
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def fit(feats: list[set[str]], y: np.ndarray, c: float = C):
    vocab = _vocabulary(feats)
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000)
    model.fit(matrix(feats, vocab), y)
    return vocab, model


def predict(fitted, feats) -> np.ndarray:
    vocab, model = fitted
    return model.predict_proba(matrix(feats, vocab))[:, 1]


# ----------------------------------------------------------------------------- evaluation


def precision_recall(flagged: np.ndarray, y: np.ndarray) -> tuple[float, float, int, int, int]:
    tp = int((flagged & y).sum())
    fp = int((flagged & ~y).sum())
    fn = int((~flagged & y).sum())
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


def pick_threshold(prob: np.ndarray, y: np.ndarray, base: np.ndarray, target: float = TARGET_PRECISION) -> float:
    """The lowest threshold at which ``base`` ∪ (prob >= threshold) keeps precision >= target."""
    best = 1.01
    for t in sorted(set(np.round(prob, 4)), reverse=True):
        flagged = base | (prob >= t)
        p, *_ = precision_recall(flagged, y)
        if p >= target:
            best = t
    return float(best)


def oof(data: Data, index: np.ndarray, c: float, folds: int) -> np.ndarray:
    """Out-of-fold probabilities for the development items ``index`` (grouped by document),
    each from a model trained on the other folds and the self-written corpus."""
    prob = np.zeros(len(index))
    for train, held in GroupKFold(n_splits=folds).split(index, groups=data.groups[index]):
        feats = [data.feats[i] for i in index[train]] + data.extra_feats
        y = np.concatenate([data.y[index[train]], data.extra_y])
        prob[held] = predict(fit(feats, y, c), [data.feats[i] for i in index[held]])
    return prob


def cross_validate(data: Data, c: float = C, target: float = TARGET_PRECISION):
    """Outer grouped folds; thresholds chosen by an inner grouped cross-validation of the
    training folds. Returns (probabilities, model flags, union flags, thresholds)."""
    n = len(data.texts)
    everything = np.arange(n)
    prob = np.zeros(n)
    alone = np.zeros(n, dtype=bool)
    union = np.zeros(n, dtype=bool)
    chosen = []
    nothing = np.zeros(n, dtype=bool)
    for train, held in GroupKFold(n_splits=FOLDS).split(everything, groups=data.groups):
        inner = oof(data, train, c, INNER_FOLDS)
        t_alone = pick_threshold(inner, data.y[train], nothing[train], target)
        t_union = pick_threshold(inner, data.y[train], data.rules[train], target)
        chosen.append((t_alone, t_union))
        feats = [data.feats[i] for i in train] + data.extra_feats
        y = np.concatenate([data.y[train], data.extra_y])
        prob[held] = predict(fit(feats, y, c), [data.feats[i] for i in held])
        alone[held] = prob[held] >= t_alone
        union[held] = data.rules[held] | (prob[held] >= t_union)
    return prob, alone, union, chosen


def report(data: Data, rows: list[tuple[str, np.ndarray]]) -> str:
    cats = sorted({c for c, y in zip(data.categories, data.y) if y})
    lines = [f"  {'':<34}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, flagged in rows:
        p, r, tp, fp, fn = precision_recall(flagged, data.y)
        lines.append(f"  {name:<34}{p:>10.3f}{r:>8.3f}{tp:>5}{fp:>5}{fn:>5}")
    lines.append("  recall per category:")
    lines.append("  " + " " * 34 + "".join(f"{c[:12]:>13}" for c in cats))
    for name, flagged in rows:
        cells = []
        for c in cats:
            mask = np.array([cat == c for cat in data.categories]) & data.y
            cells.append(f"{flagged[mask].sum():>5}/{mask.sum():<3} {flagged[mask].mean():.2f}")
        lines.append(f"  {name:<34}" + "".join(f"{cell:>13}" for cell in cells))
    return "\n".join(lines)


# ----------------------------------------------------------------------------- output


def oracle(data: Data, prob: np.ndarray, target: float = TARGET_PRECISION) -> tuple[float, float]:
    """The best recall of the model alone and of rules ∪ model at precision >= ``target`` with
    the threshold picked on the scored folds themselves: an upper bound, not an estimate."""
    nothing = np.zeros(len(prob), dtype=bool)
    return tuple(
        precision_recall(base | (prob >= pick_threshold(prob, data.y, base, target)), data.y)[1]
        for base in (nothing, data.rules)
    )


FAMILIES = {
    "lemmas": lambda f: " " not in f and ":" not in f,
    "lemmas + bigrams": lambda f: ":" not in f,
    "word classes": lambda f: f.startswith("C:"),
    "clause analysis": lambda f: f[:2] in ("A:", "P:"),
    "all": lambda f: True,
}


def ablation(data: Data, c: float, target: float) -> str:
    """Each family of features on its own: ranking quality (AUC, overall and on the sentences
    the rules miss) and the oracle recall at precision >= ``target``."""
    from sklearn.metrics import roc_auc_score

    lines = [f"  {'features':<20}{'AUC':>7}{'AUC on rule misses':>20}{'oracle R alone':>16}{'oracle R union':>16}"]
    miss = ~data.rules
    for name, keep in FAMILIES.items():
        sub = Data.__new__(Data)
        sub.__dict__.update(data.__dict__)
        sub.feats = [{f for f in found if keep(f)} for found in data.feats]
        sub.extra_feats = [{f for f in found if keep(f)} for found in data.extra_feats]
        prob = oof(sub, np.arange(len(data.texts)), c, FOLDS)
        alone, union = oracle(sub, prob, target)
        lines.append(f"  {name:<20}{roc_auc_score(data.y, prob):>7.3f}{roc_auc_score(data.y[miss], prob[miss]):>20.3f}"
                     f"{alone:>16.3f}{union:>16.3f}")
    return "\n".join(lines)


def learners(data: Data, target: float) -> str:
    """Other learners on the same features and folds: is it the learner or the data?"""
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score
    from sklearn.naive_bayes import BernoulliNB, ComplementNB
    from sklearn.svm import LinearSVC

    proba = lambda m, X: m.predict_proba(X)[:, 1]  # noqa: E731
    candidates = {
        "logistic regression": (lambda: LogisticRegression(C=C, solver="liblinear", class_weight="balanced"), proba),
        "Bernoulli NB": (lambda: BernoulliNB(alpha=0.5), proba),
        "complement NB": (ComplementNB, proba),
        "linear SVM": (lambda: LinearSVC(C=0.1, class_weight="balanced"), lambda m, X: m.decision_function(X)),
        "random forest": (lambda: RandomForestClassifier(n_estimators=300, min_samples_leaf=2, class_weight="balanced",
                                                         random_state=0, n_jobs=1), proba),
    }
    n = len(data.texts)
    miss = ~data.rules
    lines = [f"  {'learner':<20}{'AUC':>7}{'AUC on rule misses':>20}{'oracle R alone':>16}{'oracle R union':>16}"]
    for name, (make, score) in candidates.items():
        prob = np.zeros(n)
        for train, held in GroupKFold(n_splits=FOLDS).split(np.arange(n), groups=data.groups):
            feats = [data.feats[i] for i in train] + data.extra_feats
            y = np.concatenate([data.y[train], data.extra_y])
            vocab = _vocabulary(feats)
            model = make()
            model.fit(matrix(feats, vocab), y)
            prob[held] = score(model, matrix([data.feats[i] for i in held], vocab))
        alone, union = oracle(data, prob, target)
        lines.append(f"  {name:<20}{roc_auc_score(data.y, prob):>7.3f}{roc_auc_score(data.y[miss], prob[miss]):>20.3f}"
                     f"{alone:>16.3f}{union:>16.3f}")
    return "\n".join(lines)


def learning_curve(data: Data, c: float, target: float) -> str:
    """The same cross-validation with a share of each training fold's documents (three draws
    each, seeded): does the model still gain from more data?"""
    from sklearn.metrics import roc_auc_score

    rng = np.random.RandomState(0)
    n = len(data.texts)
    miss = ~data.rules
    lines = [f"  {'training documents':<20}{'AUC':>7}{'AUC on rule misses':>20}{'oracle R alone':>16}{'oracle R union':>16}"]
    for share in (0.25, 0.5, 0.75, 1.0):
        rows = []
        for _ in range(3 if share < 1 else 1):
            prob = np.zeros(n)
            for train, held in GroupKFold(n_splits=FOLDS).split(np.arange(n), groups=data.groups):
                docs = sorted(set(data.groups[train]))
                keep = set(rng.choice(docs, int(len(docs) * share), replace=False))
                part = np.array([i for i in train if data.groups[i] in keep])
                feats = [data.feats[i] for i in part] + data.extra_feats
                y = np.concatenate([data.y[part], data.extra_y])
                prob[held] = predict(fit(feats, y, c), [data.feats[i] for i in held])
            rows.append((roc_auc_score(data.y, prob), roc_auc_score(data.y[miss], prob[miss]), *oracle(data, prob, target)))
        auc, auc_miss, alone, union = np.mean(rows, axis=0)
        lines.append(f"  {share:<20.0%}{auc:>7.3f}{auc_miss:>20.3f}{alone:>16.3f}{union:>16.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", action="store_true", help="also other learners on the same features and folds")
    parser.add_argument("--curve", action="store_true", help="also the learning curve: a share of the training documents")
    parser.add_argument("--ablation", action="store_true", help="also score each family of features on its own")
    parser.add_argument("--c", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    parser.add_argument("--target", type=float, default=TARGET_PRECISION, help="precision the thresholds are chosen for")
    args = parser.parse_args(argv)
    data = Data()
    print(f"development set: {len(data.texts)} sentences ({int(data.y.sum())} blaming) from "
          f"{len(set(data.groups))} documents; self-written: {len(data.extra_texts)} sentences")
    prob, alone, union, chosen = cross_validate(data, args.c, args.target)
    print(f"grouped {FOLDS}-fold cross-validation by document (thresholds chosen inside the training folds "
          f"for precision >= {args.target}: " + ", ".join(f"{a:.2f}/{u:.2f}" for a, u in chosen) + ")")
    print(report(data, [("rules alone (no training: dev)", data.rules), ("model alone (CV)", alone),
                        ("rules ∪ model (CV)", union)]))
    gained = union & ~data.rules
    print(f"  rules ∪ model adds {int((gained & data.y).sum())} blaming and {int((gained & ~data.y).sum())} clean sentences "
          f"to the rules' {int(data.rules.sum())}")
    if args.ablation:
        print("feature families (out-of-fold, same folds):")
        print(ablation(data, args.c, args.target))
    if args.learners:
        print("learners (same features and folds; a linear SVM scores by its decision function):")
        print(learners(data, args.target))
    if args.curve:
        print("learning curve (share of each training fold's documents, mean of three draws):")
        print(learning_curve(data, args.c, args.target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
