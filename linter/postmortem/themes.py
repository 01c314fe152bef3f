"""Recurring contributing factors: similar factors from different post-mortems, grouped by their text.

Offline and deterministic, in plain Python. Each contributing factor's text becomes a
TF-IDF vector over the factors being compared:

- terms are the words of the text, lower-cased, without common English words, with a
  light suffix stripping (``watched`` and ``watches`` are one term, ``certificates`` and
  ``certificate`` too), plus each pair of adjacent terms (``expiry monitor``, ``no alert``:
  "no" and "not" count only in such pairs), which is what makes short texts comparable;
- a term's weight is ``(1 + ln tf) × idf``, with the smoothed ``idf = ln((1 + N) / (1 + df)) + 1``
  over the N factors compared; vectors are normalised to length 1.

Two factors are similar when the cosine of their vectors is at least :data:`THRESHOLD`
(0.2). It was chosen on labelled pairs of factors (``tests/test_themes.py``): pairs that
name the same weakness in other words score 0.3 to 0.65; unrelated ones that share a word
or two score at most 0.13. Factors of one post-mortem are never compared with each other.
A theme is a group of factors linked by similar pairs (single linkage) that spans at
least two post-mortems; its label is the factor most similar to the others in it.

Cost: factors written alike are compared once, and only pairs that share a term are
compared (:func:`similar_pairs`); 2,000 generated post-mortems take a quarter of a second,
8,000 distinct factors over a small vocabulary about 5 s.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .model import ContributingFactor, Document

__all__ = ["THRESHOLD", "terms", "vectors", "cosine", "similarity", "similar_pairs", "Occurrence", "Theme", "themes"]

THRESHOLD = 0.2

_WORD = re.compile(r"[a-z][a-z0-9]+")
_NEGATIONS = frozenset({"no", "not"})
_STOP = frozenset(
    """a an the of to in on for and or but nor with without by at as from into onto than then so that
    this these those it its is are was were be been being had has have do does did can could would
    should will shall may might must only one two all any each every per up out over after before
    during while about above below between same other such very more most less least just also there
    their them they he she we our you your which who whom what when where why how if""".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def terms(text: str) -> list[str]:
    """The terms of a factor's text: stemmed words, and pairs of adjacent ones."""
    words = [
        _stem(word) for word in _WORD.findall(text.lower())
        if word in _NEGATIONS or (word not in _STOP and len(word) > 2)
    ]
    single = [word for word in words if word not in _NEGATIONS]
    return single + [f"{a} {b}" for a, b in zip(words, words[1:])]


def vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    """TF-IDF vectors of ``texts``, each of length 1 (empty for a text without terms)."""
    counted = []
    frequency: dict[str, int] = {}
    for text in texts:
        found: dict[str, int] = {}
        for term in terms(text):
            found[term] = found.get(term, 0) + 1
        counted.append(found)
        for term in found:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(texts)
    out = []
    for found in counted:
        weights = {t: (1 + math.log(n)) * (math.log((1 + total) / (1 + frequency[t])) + 1) for t, n in found.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append({t: w / norm for t, w in weights.items()})
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def similarity(first: str, second: str, background: Iterable[str] = ()) -> float:
    """The cosine of two texts, with the idf taken over them and ``background`` texts."""
    found = vectors([first, second, *background])
    return cosine(found[0], found[1])


# --------------------------------------------------------------------------- grouping


@dataclass(frozen=True)
class Occurrence:
    """One contributing factor of one post-mortem."""

    doc: Document
    factor: ContributingFactor

    @property
    def label(self) -> str:
        """``PM-2026-007 CF2`` (the file name when the post-mortem has no id)."""
        return f"{self.doc.incident.id or Path(self.doc.path).stem} {self.factor.id}".strip()

    def as_dict(self) -> dict:
        return {
            "postmortem": self.doc.incident.id,
            "path": Path(self.doc.path).as_posix(),
            "factor": self.factor.id,
            "text": " ".join(self.factor.factor.split()),
        }


@dataclass(frozen=True)
class Theme:
    """Similar contributing factors of at least two post-mortems."""

    label: str  # the text of the factor most similar to the others
    occurrences: tuple[Occurrence, ...]  # oldest post-mortem first

    @property
    def documents(self) -> list[Document]:
        """The post-mortems the theme was seen in, once each, in the order of ``occurrences``."""
        seen: dict[int, Document] = {}
        for occurrence in self.occurrences:
            seen.setdefault(id(occurrence.doc), occurrence.doc)
        return list(seen.values())

    @property
    def incidents(self) -> int:
        return len(self.documents)

    def as_dict(self) -> dict:
        return {"label": self.label, "incidents": self.incidents, "factors": [o.as_dict() for o in self.occurrences]}


def _order(occurrence: Occurrence) -> tuple:
    started = occurrence.doc.incident.started
    return (started.timestamp() if started else float("inf"), occurrence.doc.path, occurrence.factor.id)


# Terms in more than this share of the factors (and more than COMMON_MIN of them) do not
# make two factors candidates for comparison: in a large archive "alert" or "deploy" would
# otherwise pair every factor with every other (8,000 factors: minutes instead of seconds).
COMMON_SHARE, COMMON_MIN = 0.02, 50


def similar_pairs(vecs: Sequence[dict[str, float]], threshold: float = THRESHOLD) -> dict[tuple[int, int], float]:
    """``(i, j): cosine`` for every ``i < j`` whose cosine is at least ``threshold``.

    Candidates are the pairs that share a term at most :data:`COMMON_SHARE` of the vectors
    hold (or :data:`COMMON_MIN`, when more); their cosine is then computed in full. Below
    COMMON_MIN / COMMON_SHARE (2,500) factors, that is every pair that shares a term."""
    postings: dict[str, list[int]] = {}
    for index, vec in enumerate(vecs):
        for term in vec:
            postings.setdefault(term, []).append(index)
    limit = max(COMMON_MIN, int(COMMON_SHARE * len(vecs)))
    found = {}
    for i, vec in enumerate(vecs):
        candidates = {j for term in vec if len(postings[term]) <= limit for j in postings[term] if j > i}
        for j in sorted(candidates):
            value = cosine(vec, vecs[j])
            if value >= threshold - 1e-12:
                found[i, j] = value
    return found


def themes(documents: Iterable[Document], threshold: float = THRESHOLD) -> list[Theme]:
    """The recurring contributing factors of ``documents``: most incidents first.

    Factors written alike are compared once (an archive repeats some factors word for word);
    the idf still counts every factor."""
    found = [Occurrence(doc, factor) for doc in documents for factor in doc.factors if factor.factor.strip()]
    found.sort(key=_order)
    texts: dict[str, list[int]] = {}  # a factor's words -> its occurrences
    for index, occurrence in enumerate(found):
        texts.setdefault(" ".join(occurrence.factor.factor.split()), []).append(index)
    distinct = list(texts)
    weights = vectors([" ".join(o.factor.factor.split()) for o in found])
    vecs = [weights[texts[text][0]] for text in distinct]
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def docs(text_index: int) -> set[int]:
        return {id(found[i].doc) for i in texts[distinct[text_index]]}

    def link(a: int, b: int) -> None:
        """Join the occurrences of two similar texts when they come from different post-mortems."""
        first, second = docs(a), docs(b)
        if len(first | second) < 2:
            return
        members = texts[distinct[a]] + texts[distinct[b]]
        for i in members[1:]:
            parent[root(i)] = root(members[0])

    score = similar_pairs(vecs, threshold)
    for a in range(len(distinct)):
        link(a, a)  # the same words in several post-mortems
    for a, b in score:
        link(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    position = {text: index for index, text in enumerate(distinct)}
    out = []
    for members in groups.values():
        if len({id(found[i].doc) for i in members}) < 2:
            continue
        counts: dict[int, int] = {}
        for i in members:
            key = position[" ".join(found[i].factor.factor.split())]
            counts[key] = counts.get(key, 0) + 1

        def centrality(a: int) -> float:
            return (counts[a] - 1) + sum(score.get((min(a, b), max(a, b)), 0.0) * n for b, n in counts.items() if b != a)

        best = max(counts, key=lambda a: (centrality(a), -a))
        out.append(Theme(distinct[best], tuple(found[i] for i in members)))
    out.sort(key=lambda t: (-t.incidents, _order(t.occurrences[0])))
    return out
