"""How alike two groups of articles are: average-link over embeddings and entities, minus time.

Each group carries the *sums* of its members' unit vectors (embedding and
entity), so the mean pairwise similarity of two groups is one dot product of
sums divided by the product of their sizes: average link at O(1) per pair.

    score = w_emb·mean_cos(embedding) + w_term·mean_cos(terms)
          + (1 − w_emb − w_term)·mean_cos(entities) − time_penalty

The thresholds are module constants calibrated on ECB+ train topics
(evals/ecb_stories.py); the time constants could not be calibrated there (ECB+
has no publication dates) and are set from how news cycles run.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# Calibrated on ECB+ train topics (evals/ecb_stories.py, BCubed F1 vs subtopic).
JOIN_THRESHOLD = 0.3
"""Between full articles (:data:`LONG_WORDS` content words or more), an article joins (and
two stories merge) at or above this average-link score."""
SHORT_THRESHOLD = 0.12
"""The bar between headlines (:data:`SHORT_WORDS` content words or fewer): their sparse
term and entity vectors share a word or two at most, so the same score means more."""
SHORT_WORDS = 8.0
"""Evidence this short or shorter is judged by :data:`SHORT_THRESHOLD`."""
LONG_WORDS = 80.0
"""Evidence this long or longer is judged by :data:`JOIN_THRESHOLD`; in between, the bar
moves with the logarithm of the length."""
EMBEDDING_WEIGHT = 0.4
"""Share of the lead-embedding cosine in the score."""
TERM_WEIGHT = 0.3
"""Share of the body's TF-IDF term cosine; the rest (1 − both) is entity overlap."""
TERM_LIMIT = 40
"""Only an article's heaviest terms are kept (memory stays flat; 40 lost nothing on train)."""
NEIGHBOURS = 24
"""Nearest articles fetched from the index per incoming article (candidate stories)."""
MIN_COSINE = 0.2
"""Neighbours below this embedding cosine are not candidates at all."""
IDF_FLOOR = 0.5
"""Least IDF weight of an entity. Without it, a young store (N ≈ df) would give every entity
weight log((1+N)/(1+df)) ≈ 0 and the first articles would carry no entities at all; on a
corpus the size of ECB+ train no entity is common enough to reach the floor."""
# Not calibrated on data (ECB+ has no dates): a news cycle is days, a story sleeps after a month.
TIME_PENALTY = 0.15
"""Largest score penalty for a time gap between an article and a story."""
TIME_SCALE_DAYS = 14.0
"""A gap this long (or longer) costs the full :data:`TIME_PENALTY`."""
DORMANT_DAYS = 45
"""A story this many days older than an article cannot take it (it has gone dormant)."""


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """The clustering knobs; the defaults are the calibrated module constants."""

    threshold: float = JOIN_THRESHOLD
    short_threshold: float = SHORT_THRESHOLD
    short_words: float = SHORT_WORDS
    long_words: float = LONG_WORDS
    embedding_weight: float = EMBEDDING_WEIGHT
    term_weight: float = TERM_WEIGHT
    term_limit: int = TERM_LIMIT
    neighbours: int = NEIGHBOURS
    min_cosine: float = MIN_COSINE
    idf_floor: float = IDF_FLOOR
    time_penalty: float = TIME_PENALTY
    time_scale_days: float = TIME_SCALE_DAYS
    dormant_days: int = DORMANT_DAYS


def join_threshold(words: float | None, options: ClusterOptions) -> float:
    """The score two groups need to merge, given the shorter one's mean content words.

    ``None`` (unknown) is read as full articles."""
    if words is None or words >= options.long_words:
        return options.threshold
    if words <= options.short_words:
        return options.short_threshold
    share = math.log(words / options.short_words) / math.log(
        options.long_words / options.short_words
    )
    return options.short_threshold + share * (options.threshold - options.short_threshold)


def sparse_dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors held as dicts."""
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(value * b[key] for key, value in a.items() if key in b)


def entity_vector(
    counts: Iterable[tuple[str, int]],
    df: Mapping[str, int],
    articles: int,
    *,
    idf_floor: float,
    limit: int | None = None,
) -> dict[str, float]:
    """TF-IDF weights of keys (entities or terms), the ``limit`` heaviest, L2-normalised."""
    weights: dict[str, float] = {}
    for key, count in counts:
        idf = max(math.log((1 + articles) / (1 + df.get(key, 0))), idf_floor)
        if count > 0 and idf > 0:
            weights[key] = (1.0 + math.log(count)) * idf
    if limit is not None and len(weights) > limit:
        weights = dict(sorted(weights.items(), key=_by_weight_then_key)[:limit])
    norm = math.sqrt(math.fsum(w * w for w in weights.values()))
    if norm == 0.0:
        return {}
    return {key: w / norm for key, w in sorted(weights.items())}


def gap_days(
    first_a: dt.date | None, last_a: dt.date | None, first_b: dt.date | None, last_b: dt.date | None
) -> int | None:
    """Days between two date ranges (0 if they overlap); ``None`` if either is unknown."""
    if first_a is None or last_a is None or first_b is None or last_b is None:
        return None
    return max(0, (max(first_a, first_b) - min(last_a, last_b)).days)


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """An average-link score taken apart: each weighted part, and the time penalty."""

    embedding: float
    terms: float
    entities: float
    time: float

    @property
    def total(self) -> float:
        return self.embedding + self.terms + self.entities - self.time


def score_parts(
    vector_sums: tuple[NDArray[np.float64], NDArray[np.float64]],
    entity_sums: tuple[Mapping[str, float], Mapping[str, float]],
    term_sums: tuple[Mapping[str, float], Mapping[str, float]],
    sizes: tuple[int, int],
    gap: int | None,
    options: ClusterOptions,
) -> ScoreParts:
    """The weighted parts of two groups' average-link score, from their sums."""
    pairs = sizes[0] * sizes[1]
    emb = float(np.dot(vector_sums[0], vector_sums[1])) / pairs
    ent = sparse_dot(entity_sums[0], entity_sums[1]) / pairs
    terms = sparse_dot(term_sums[0], term_sums[1]) / pairs if options.term_weight else 0.0
    time = options.time_penalty * min(1.0, gap / options.time_scale_days) if gap else 0.0
    return ScoreParts(
        embedding=options.embedding_weight * emb,
        terms=options.term_weight * terms,
        entities=(1.0 - options.embedding_weight - options.term_weight) * ent,
        time=time,
    )


def group_score(
    vector_sums: tuple[NDArray[np.float64], NDArray[np.float64]],
    entity_sums: tuple[Mapping[str, float], Mapping[str, float]],
    term_sums: tuple[Mapping[str, float], Mapping[str, float]],
    sizes: tuple[int, int],
    gap: int | None,
    options: ClusterOptions,
) -> float:
    """Average-link score of two groups from their sums; ``-inf`` if one has gone dormant."""
    if gap is not None and gap > options.dormant_days:
        return -math.inf
    return score_parts(vector_sums, entity_sums, term_sums, sizes, gap, options).total


def _by_weight_then_key(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])
