"""The TempEval-3 scorer on a hand-made document whose figures are counted by hand."""

from __future__ import annotations

import pytest

from storyweave.model import Span, Timex
from storyweave.timex.scoring import (
    GoldTimex,
    Tally,
    same_value,
    score_document,
    value_category,
)

# "On Monday, two weeks ago, prices fell for three days; now they rise."
GOLD = [
    GoldTimex(3, 9, "DATE", "1998-01-05"),  # Monday
    GoldTimex(11, 24, "DATE", "1997-12-22"),  # two weeks ago
    GoldTimex(42, 52, "DURATION", "P3D"),  # three days
    GoldTimex(54, 57, "DATE", "PRESENT_REF"),  # now
]
SYSTEM = [
    Timex(Span(3, 9), "DATE", "1998-01-05"),  # strict, right value
    Timex(Span(15, 24), "DATE", "1997-12-22"),  # relaxed only, right
    Timex(Span(38, 52), "DURATION", "P4D"),  # relaxed only ("for three days"), wrong value
    Timex(Span(26, 32), "DATE", "PAST_REF"),  # spurious ("prices")
]


def test_hand_counted_document() -> None:
    t = score_document(GOLD, SYSTEM)
    assert (t.gold, t.system) == (4, 4)
    assert (t.strict, t.relaxed, t.value, t.type) == (1, 3, 2, 3)
    assert [m.system for m in t.matches] == [SYSTEM[0], SYSTEM[1], SYSTEM[2], None]
    assert t.spurious == [SYSTEM[3]]
    strict = t.prf(t.strict)
    assert (strict.precision, strict.recall, strict.f1) == (0.25, 0.25, 0.25)
    relaxed = t.prf(t.relaxed)
    assert relaxed.f1 == pytest.approx(0.75)
    # value F1: 2 right values over 4 system and 4 gold timexes
    assert t.prf(t.value).f1 == pytest.approx(0.5)


def test_each_system_timex_matches_one_gold_timex() -> None:
    gold = [GoldTimex(0, 5, "DATE", "1998"), GoldTimex(6, 10, "DATE", "1998-01")]
    wide = [Timex(Span(0, 10), "DATE", "1998")]
    t = score_document(gold, wide)
    assert (t.relaxed, t.value) == (1, 1)
    assert t.matches[1].system is None


def test_the_larger_overlap_wins() -> None:
    gold = [GoldTimex(10, 20, "DATE", "1998")]
    system = [Timex(Span(5, 12), "DATE", "1997"), Timex(Span(12, 25), "DATE", "1998")]
    t = score_document(gold, system)
    assert t.matches[0].system == system[1]
    assert t.spurious == [system[0]]


def test_adjacent_spans_do_not_overlap() -> None:
    t = score_document([GoldTimex(0, 5, "DATE", "1998")], [Timex(Span(5, 9), "DATE", "1998")])
    assert (t.relaxed, t.value, len(t.spurious)) == (0, 0, 1)


def test_tallies_add_up_and_empty_scores_zero() -> None:
    total = Tally()
    assert total.prf(0).f1 == 0.0
    total.add(score_document(GOLD, SYSTEM))
    total.add(score_document(GOLD, SYSTEM))
    assert (total.gold, total.system, total.value) == (8, 8, 4)
    assert total.prf(total.value).f1 == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("value", "category"),
    [
        ("1998-01-05", "day"),
        ("1998-01-05TMO", "time"),
        ("1998-01-05T10:30", "time"),
        ("1998-01", "month"),
        ("1998-W02", "week"),
        ("1998-W02-WE", "week"),
        ("1998-Q3", "quarter/half/season"),
        ("1998-SU", "quarter/half/season"),
        ("1998", "year"),
        ("199", "decade/century"),
        ("P3D", "duration"),
        ("PXY", "duration"),
        ("PRESENT_REF", "ref"),
        ("XXXX-10", "partial"),
        ("XXXX-WXX-1", "partial"),
        ("nonsense", "other"),
    ],
)
def test_value_category(value: str, category: str) -> None:
    assert value_category(value) == category


@pytest.mark.issue(24)
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("P2.5Y", "P2Y6M", True),
        ("P1.5D", "P1DT12H", True),
        ("P18M", "P1Y6M", True),
        ("PT90M", "PT1H30M", True),
        ("P2W", "P14D", True),
        ("2000-W7", "2000-W07", True),
        ("1989-11-06T17", "1989-11-06T17:00", True),
        ("2024-03-05T18:00", "2024-03-05T18:00Z", True),
        ("P3D", "P4D", False),
        ("P1M", "P30D", False),
        ("PXY", "PXY", True),
        ("PXY", "P2Y", False),
        ("2024-03-05T18:00Z", "2024-03-05T18:00-05:00", False),
        ("1998-08-07TNI", "1998-08-07", False),
        ("2024-Q4", "2024", False),
    ],
)
def test_values_compare_by_meaning(a: str, b: str, same: bool) -> None:
    assert same_value(a, b) is same
    assert same_value(b, a) is same


def test_value_f1_counts_equal_meanings() -> None:
    gold = [GoldTimex(0, 10, "DURATION", "P2.5Y")]
    t = score_document(gold, [Timex(Span(0, 10), "DURATION", "P2Y6M")])
    assert t.value == 1
    assert t.value_exact == 0
