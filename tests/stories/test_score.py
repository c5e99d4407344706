from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from storyweave.stories.score import (
    ClusterOptions,
    entity_vector,
    gap_days,
    group_score,
    join_threshold,
)

D = dt.date
Range = tuple[dt.date | None, dt.date | None]


@pytest.mark.parametrize(
    ("a", "b", "gap"),
    [
        ((D(2023, 9, 1), D(2023, 9, 5)), (D(2023, 9, 3), D(2023, 9, 3)), 0),
        ((D(2023, 9, 1), D(2023, 9, 5)), (D(2023, 9, 8), D(2023, 9, 9)), 3),
        ((D(2023, 9, 8), D(2023, 9, 9)), (D(2023, 9, 1), D(2023, 9, 5)), 3),
        ((None, None), (D(2023, 9, 1), D(2023, 9, 1)), None),
    ],
)
def test_gap_days(a: Range, b: Range, gap: int | None) -> None:
    assert gap_days(a[0], a[1], b[0], b[1]) == gap


def test_entity_vector_is_unit_and_weighs_common_entities_least() -> None:
    vec = entity_vector([("reid", 2), ("usa", 1)], {"reid": 1, "usa": 10}, 10, idf_floor=0.5)
    assert vec["reid"] > vec["usa"] > 0
    assert math.isclose(sum(v * v for v in vec.values()), 1.0)
    assert entity_vector([], {}, 10, idf_floor=0.5) == {}
    assert entity_vector([("a", 1)], {"a": 1}, 1, idf_floor=0.0) == {}


def _score(gap: int | None, options: ClusterOptions | None = None) -> float:
    v = np.array([1.0, 0.0])
    sparse = ({"a": 1.0}, {"a": 1.0})
    return group_score((v, v), sparse, sparse, (1, 1), gap, options or ClusterOptions())


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (None, 1.0),
        (0, 1.0),
        (7, 1.0 - 0.15 * 7 / 14),
        (30, 0.85),
        (46, -math.inf),
    ],
)
def test_time_penalty_and_dormancy(gap: int | None, expected: float) -> None:
    assert math.isclose(_score(gap), expected) or _score(gap) == expected


def test_group_score_is_average_link() -> None:
    a = np.array([[1.0, 0.0], [0.0, 1.0]])
    b = np.array([[1.0, 0.0]])
    opts = ClusterOptions(embedding_weight=1.0, term_weight=0.0)
    score = group_score((a.sum(0), b.sum(0)), ({}, {}), ({}, {}), (2, 1), None, opts)
    assert math.isclose(score, float((a @ b.T).mean()))


def test_terms_weigh_in_with_their_share() -> None:
    v = np.array([1.0, 0.0])
    opts = ClusterOptions(embedding_weight=0.4, term_weight=0.3)
    same, other = ({"x": 1.0}, {"x": 1.0}), ({"x": 1.0}, {"y": 1.0})
    assert math.isclose(group_score((v, v), other, same, (1, 1), None, opts), 0.7)
    assert math.isclose(group_score((v, v), same, other, (1, 1), None, opts), 0.7)


def test_entity_vector_keeps_the_heaviest_terms() -> None:
    counts = [("a", 3), ("b", 2), ("c", 1)]
    assert set(entity_vector(counts, {}, 10, idf_floor=0.5, limit=2)) == {"a", "b"}


def test_join_threshold_moves_from_the_short_bar_to_the_long_one_with_length() -> None:
    opts = ClusterOptions()
    assert join_threshold(3, opts) == opts.short_threshold
    assert join_threshold(opts.short_words, opts) == opts.short_threshold
    assert join_threshold(opts.long_words, opts) == opts.threshold
    assert join_threshold(None, opts) == opts.threshold  # unknown length reads as long
    middle = join_threshold(math.sqrt(opts.short_words * opts.long_words), opts)
    assert middle == pytest.approx((opts.short_threshold + opts.threshold) / 2)
    assert opts.short_threshold < join_threshold(20, opts) < join_threshold(40, opts)
