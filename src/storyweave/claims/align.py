"""Alignment of claim units across a story's articles.

Two units align when they share entities and content words (weighted by how rare
they are in the story) and, when an embedding function is given, when their
sentence embeddings are close. Only units that share an entity or a content stem
are ever compared: an inverted index from those keys to units gives each unit its
candidates, keys held by too many units are skipped, and each unit keeps its
best :data:`CANDIDATES_PER_UNIT` candidates, so the work grows with the number of
units times a constant rather than with its square.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .calibration import (
    EMBED_WEIGHT,
    ENTITY_WEIGHT,
    NEIGHBOUR_COSINE,
    PREDICATE_WEIGHT,
    STEM_WEIGHT,
)
from .slots import Slots

Embed = Callable[[list[str]], np.ndarray]
"""Texts -> one L2-normalised row vector per text."""

MAX_POSTING = 400
"""Keys held by more units than this are too common to propose candidates."""
CANDIDATES_PER_UNIT = 48
"""Each unit is scored against at most this many candidates (those sharing the most weight)."""
NEIGHBOURS_PER_UNIT = 8
"""With embeddings, each unit also meets its 8 nearest units at cosine >= 0.5 (below the 0.7 at
which two other predicates make one event, ``calibration.SIMILAR_EVENT_EMBED``)."""
_BLOCK = 512


@dataclass(frozen=True, slots=True)
class Pair:
    """Two units (by position) and how well they align."""

    a: int
    b: int
    score: float
    cosine: float | None = None
    """The embedding cosine alone, when an ``embed`` function was given."""


def _keys(s: Slots) -> set[str]:
    return {f"e:{k}" for k in s.entities} | {f"s:{k}" for k in s.stems}


def _weights(slots: Sequence[Slots]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in slots:
        df.update(_keys(s))
    n = len(slots)
    return {k: math.log((1.0 + n) / c) for k, c in df.items()}


def candidate_pairs(
    slots: Sequence[Slots],
    blocked: Callable[[int, int], bool],
    *,
    vectors: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of units worth scoring; ``blocked(i, j)`` excludes a pair.
    With ``vectors`` (one embedding row per unit), each unit's nearest neighbours are proposed
    too: a paraphrase shares no key ("1.7 million Muslims took part" / "1,673,230 pilgrims
    performed the Hajj")."""
    weights = _weights(slots)
    postings: dict[str, list[int]] = defaultdict(list)
    keys = [_keys(s) for s in slots]
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    out: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        gain: dict[int, float] = defaultdict(float)
        for k in ks:
            posting = postings[k]
            if len(posting) > MAX_POSTING:
                continue
            for j in posting:
                if j != i:
                    gain[j] += weights[k]
        best = sorted(gain, key=gain.__getitem__, reverse=True)[:CANDIDATES_PER_UNIT]
        for j in best:
            pair = (min(i, j), max(i, j))
            if not blocked(*pair):
                out.add(pair)
    if vectors is not None:
        out |= {p for p in nearest_pairs(vectors) if not blocked(*p)}
    return sorted(out)


def nearest_pairs(vectors: np.ndarray) -> set[tuple[int, int]]:
    """Each row's :data:`NEIGHBOURS_PER_UNIT` nearest rows at cosine >= :data:`NEIGHBOUR_COSINE`,
    computed in blocks of rows so memory stays linear in the units."""
    out: set[tuple[int, int]] = set()
    n = len(vectors)
    k = min(NEIGHBOURS_PER_UNIT + 1, n)
    for lo in range(0, n, _BLOCK):
        sims = vectors[lo : lo + _BLOCK] @ vectors.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row in enumerate(top):
            i = lo + r
            for j in row:
                if j != i and sims[r, j] >= NEIGHBOUR_COSINE:
                    out.add((min(i, int(j)), max(i, int(j))))
    return out


def _dice(a: frozenset[str], b: frozenset[str], weights: dict[str, float], prefix: str) -> float:
    if not a or not b:
        return 0.0
    shared = sum(weights.get(prefix + k, 1.0) for k in a & b)
    total = sum(weights.get(prefix + k, 1.0) for k in a) + sum(
        weights.get(prefix + k, 1.0) for k in b
    )
    return 2.0 * shared / total if total else 0.0


def lexical_score(a: Slots, b: Slots, weights: dict[str, float]) -> float:
    """Weighted Dice overlap of content stems and entities, plus a bonus for the same
    predicate (synonyms included), in [0, 1]."""
    stems = _dice(a.stems, b.stems, weights, "s:")
    ents = _dice(a.entities, b.entities, weights, "e:")
    same = PREDICATE_WEIGHT if a.predicate == b.predicate else 0.0
    return STEM_WEIGHT * stems + ENTITY_WEIGHT * ents + same


def score_pairs(
    slots: Sequence[Slots],
    texts: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    *,
    embed: Embed | None = None,
    vectors: np.ndarray | None = None,
) -> list[Pair]:
    """Score every candidate pair; highest first. ``vectors`` are the texts' embeddings when
    already computed, else ``embed`` computes them."""
    weights = _weights(slots)
    if vectors is None and embed is not None and pairs:
        vectors = np.asarray(embed(list(texts)), dtype=np.float32)
    out: list[Pair] = []
    for i, j in pairs:
        score = lexical_score(slots[i], slots[j], weights)
        cos: float | None = None
        if vectors is not None:
            cos = float(np.dot(vectors[i], vectors[j]))
            score = EMBED_WEIGHT * cos + (1.0 - EMBED_WEIGHT) * score
        out.append(Pair(i, j, score, cos))
    out.sort(key=_by_score)
    return out


def _by_score(p: Pair) -> tuple[float, int, int]:
    return (-p.score, p.a, p.b)
