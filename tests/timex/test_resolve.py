"""Placing year-less dates and weekdays around an anchor; the anaphora rules."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.timex.calendar import Point
from storyweave.timex.reading import Reading
from storyweave.timex.resolve import Resolver, place_weekday, place_year
from storyweave.timex.tense import Tense

BASE = dt.date(2023, 9, 13)  # Wednesday


@pytest.mark.parametrize(
    ("point", "tense", "relation", "value"),
    [
        (Point("month", None, 7), "past", None, "2023-07"),
        (Point("month", None, 10), "future", None, "2023-10"),
        (Point("month", None, 10), "past", None, "2023-10"),  # 11 months back is too far
        (Point("month", None, 12), "past", None, "2022-12"),
        (Point("month", None, 10), None, None, "2023-10"),  # nearest
        (Point("month", None, 2), None, None, "2024-02"),
        (Point("month", None, 2), None, "last", "2023-02"),
        (Point("month", None, 9), None, "next", "2024-09"),
        (Point("month", None, 5), "future", None, "2024-05"),
        (Point("day", None, 9, 20), "past", None, "2023-09-20"),  # a year back is too far
        (Point("day", None, 9, 1), "future", None, "2023-09-01"),
        (Point("quarter", None, 4), "past", None, "2022-Q4"),
        (Point("quarter", None, 3), "future", None, "2023-Q3"),
    ],
)
def test_place_year(point: Point, tense: Tense | None, relation: str | None, value: str) -> None:
    assert place_year(point, BASE, tense, relation).value() == value


@pytest.mark.parametrize(
    ("weekday", "tense", "relation", "date"),
    [
        (5, None, None, dt.date(2023, 9, 8)),  # news reports the past by default
        (5, "future", None, dt.date(2023, 9, 15)),
        (3, None, None, dt.date(2023, 9, 13)),  # the same day
        (3, None, "last", dt.date(2023, 9, 6)),
        (3, None, "next", dt.date(2023, 9, 20)),
        (1, None, "this", dt.date(2023, 9, 11)),
        (1, "present", None, dt.date(2023, 9, 11)),
    ],
)
def test_place_weekday(
    weekday: int, tense: Tense | None, relation: str | None, date: dt.date
) -> None:
    assert place_weekday(weekday, BASE, tense, relation) == date


def test_anaphoric_values_do_not_establish_dates() -> None:
    resolver = Resolver(BASE)
    stated = resolver.resolve(Reading("date", "DATE", Point("day", None, 9, 13)), 10, None)
    earlier = resolver.resolve(Reading("anaphoric", "DATE", unit="day", amount=-1), 50, None)
    same = resolver.resolve(
        Reading("anaphoric", "DATE", unit="day", amount=0, grain="day"), 90, None
    )
    assert (stated.value, earlier.value, same.value) == ("2023-09-13", "2023-09-12", "2023-09-13")
    assert earlier.anchor == same.anchor == "timex:10"


def test_anaphora_skips_dates_too_coarse_to_anchor_it() -> None:
    resolver = Resolver(BASE)
    resolver.resolve(Reading("date", "DATE", Point("day", 2023, 9, 1)), 0, None)
    resolver.resolve(Reading("date", "DATE", Point("month", 2023, 7)), 20, None)
    same = resolver.resolve(
        Reading("anaphoric", "DATE", unit="day", amount=0, grain="day"), 40, None
    )
    assert (same.value, same.anchor) == ("2023-09-01", "timex:0")


def test_anaphora_keeps_the_granularity_of_its_reference() -> None:
    resolver = Resolver(dt.date(1989, 11, 2))
    resolver.resolve(Reading("date", "DATE", Point("quarter", 1989, 3)), 0, None)
    earlier = resolver.resolve(Reading("anaphoric", "DATE", unit="year", amount=-1), 30, None)
    assert earlier.value == "1988-Q3"


def test_anaphora_without_reference_uses_publication_date() -> None:
    earlier = Resolver(BASE).resolve(Reading("anaphoric", "DATE", unit="year", amount=-1), 0, None)
    assert (earlier.value, earlier.anchor) == ("2022", "published")
