from __future__ import annotations

import pytest

from storyweave.eval.coref import b_cubed, ceaf_e, muc, score

KEY = [frozenset("abc"), frozenset("de")]
RESPONSE = [frozenset("ab"), frozenset("cde")]


@pytest.mark.parametrize(
    ("metric", "precision", "recall"),
    [
        # MUC: each side keeps 2 of its 3 links
        (muc, 2 / 3, 2 / 3),
        # B³: per mention a,b,c,d,e recall 2/3,2/3,1/3,1,1; precision 1,1,1/3,2/3,2/3
        (b_cubed, 11 / 15, 11 / 15),
        # CEAF-e: φ4(abc,ab)=0.8 and φ4(de,cde)=0.8, over 2 clusters each side
        (ceaf_e, 0.8, 0.8),
    ],
)
def test_hand_computed_example(metric, precision, recall):
    got = metric(KEY, RESPONSE)
    assert got.precision == pytest.approx(precision)
    assert got.recall == pytest.approx(recall)


def test_perfect_response_scores_one():
    s = score(KEY, KEY)
    assert (s.muc.f1, s.b3.f1, s.ceafe.f1, s.conll) == (1.0, 1.0, 1.0, 1.0)


def test_all_singletons_have_no_muc_links():
    key = [frozenset("a"), frozenset("b")]
    s = score(key, key)
    assert s.muc.f1 == 0.0
    assert s.b3.f1 == 1.0
    assert s.ceafe.f1 == 1.0


def test_everything_merged_loses_precision_not_recall():
    s = score(KEY, [frozenset("abcde")])
    assert s.muc.recall == 1.0
    assert s.muc.precision == pytest.approx(3 / 4)
    # B³ precision: a,b,c see 3/5, d,e see 2/5
    assert s.b3.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    # CEAF-e: the one response cluster aligns with abc: φ4 = 6/8
    assert s.ceafe.precision == pytest.approx(0.75)
    assert s.ceafe.recall == pytest.approx(0.375)


def test_missing_mentions_count_against_recall():
    s = score(KEY, [frozenset("ab")])
    assert s.b3.recall == pytest.approx((2 / 3 + 2 / 3) / 5)
    assert s.b3.precision == 1.0


def test_empty_clusters_are_ignored():
    assert score([*KEY, frozenset()], RESPONSE).conll == score(KEY, RESPONSE).conll
