"""Coreference scores: MUC, B³, CEAF-e and their average (CoNLL F1).

A clustering is a collection of clusters, each a set of hashable mention ids.
Key (gold) and response (system) may cover different mentions: a mention absent
from one side counts as a singleton there for MUC, and contributes nothing to the
other side's B³ sums, as in the reference scorer's treatment of twinless mentions.

References: Vilain et al. (1995) MUC; Bagga & Baldwin (1998) B³; Luo (2005) CEAF;
Pradhan et al. (2014) for the CoNLL average.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[frozenset[Hashable]]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (all in [0, 1])."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceafe: PRF

    @property
    def conll(self) -> float:
        """The CoNLL F1: the mean of the MUC, B³ and CEAF-e F1 scores."""
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3


def _ratio(num: float, den: float) -> float:
    return 0.0 if den == 0 else num / den


def _normalise(clusters: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    out = [frozenset(c) for c in clusters]
    return [c for c in out if c]


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    num = den = 0
    for cluster in key:
        parts = {where.get(m, ("missing", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return _ratio(num, den)


def muc(key: Clusters, response: Clusters) -> PRF:
    """MUC: links kept (recall) and links right (precision)."""
    return PRF(precision=_muc_recall(response, key), recall=_muc_recall(key, response))


def _b3_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    total = 0.0
    count = 0
    for cluster in key:
        for m in cluster:
            count += 1
            j = where.get(m)
            if j is not None:
                total += len(cluster & response[j]) / len(cluster)
    return _ratio(total, count)


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    """B³: per-mention overlap of its key and response clusters, averaged."""
    return PRF(precision=_b3_recall(response, key), recall=_b3_recall(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    """CEAF-e: the best one-to-one alignment of clusters under φ4 = 2|K∩R| / (|K|+|R|)."""
    where = _index(response)
    edges: dict[int, set[int]] = defaultdict(set)
    for i, cluster in enumerate(key):
        for m in cluster:
            if m in where:
                edges[i].add(where[m])
    # solve the assignment separately in each connected block of overlapping clusters
    seen_k: set[int] = set()
    total = 0.0
    back: dict[int, set[int]] = defaultdict(set)
    for i, js in edges.items():
        for j in js:
            back[j].add(i)
    for start in sorted(edges):
        if start in seen_k:
            continue
        block_k: set[int] = {start}
        block_r: set[int] = set()
        todo = [start]
        while todo:
            i = todo.pop()
            for j in edges[i] - block_r:
                block_r.add(j)
                for i2 in back[j] - block_k:
                    block_k.add(i2)
                    todo.append(i2)
        seen_k |= block_k
        ks, rs = sorted(block_k), sorted(block_r)
        sim = np.zeros((len(ks), len(rs)))
        for a, i in enumerate(ks):
            for b, j in enumerate(rs):
                sim[a, b] = 2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j]))
        rows, cols = linear_sum_assignment(sim, maximize=True)
        total += float(sim[rows, cols].sum())
    return PRF(precision=_ratio(total, len(response)), recall=_ratio(total, len(key)))


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    """MUC, B³ and CEAF-e of ``response`` against ``key``."""
    k, r = _normalise(key), _normalise(response)
    return CorefScores(muc=muc(k, r), b3=b_cubed(k, r), ceafe=ceaf_e(k, r))
