"""The attribution scorer on a hand-made example whose figures were counted by hand."""

from __future__ import annotations

import pytest

from storyweave.eval.attribution import Item, Tally, overlap, score

#          0         1         2         3         4         5         6
#          0123456789012345678901234567890123456789012345678901234567890123
TEXT = "Putin said the talks went well. Kim added that he would return soon."


def test_hand_counted_example() -> None:
    gold = [
        Item(parts=((11, 30),), source=((0, 5),), direct=False),  # the talks went well
        Item(parts=((47, 67),), source=((32, 35),), direct=False),  # he would return soon
        Item(parts=((0, 5),), source=(), direct=False),  # a gold item nobody finds
    ]
    pred = [
        Item(parts=((11, 30),), source=((0, 5),), direct=False),  # exact, right speaker
        Item(parts=((42, 67),), source=((11, 14),), direct=False),  # overlap 20/25, wrong speaker
        Item(parts=((36, 41),), source=(), direct=False),  # spurious
    ]
    tally = Tally()
    score("a", gold, pred, tally)
    assert (tally.gold, tally.pred, tally.exact, tally.overlap) == (3, 3, 1, 2)
    assert tally.prf(tally.exact) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert tally.prf(tally.overlap) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert (tally.speaker_ok, tally.speaker_total) == (1, 2)
    assert [i.parts for _, i in tally.misses] == [((0, 5),)]
    assert [i.parts for _, i in tally.false] == [((36, 41),)]


def test_overlap_is_over_the_longer_span_and_matching_is_one_to_one() -> None:
    a = Item(((0, 10),), (), False)
    b = Item(((0, 4),), (), False)
    assert overlap(a, b) == pytest.approx(0.4)  # below the 0.5 bar
    tally = Tally()
    score("x", [a], [Item(((0, 6),), (), False), Item(((0, 7),), (), False)], tally)
    assert tally.overlap == 1  # one gold item is matched once
