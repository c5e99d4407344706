"""Calendar points: values, coarsening, shifting, holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.timex.calendar import Point, coarsen, easter, holiday_date, shift


@pytest.mark.parametrize(
    ("point", "value"),
    [
        (Point("day", 2023, 9, 13), "2023-09-13"),
        (Point("day", None, 9, 13), "XXXX-09-13"),
        (Point("month", 2023, 7), "2023-07"),
        (Point("week", 2023, 7), "2023-W07"),
        (Point("quarter", 1989, 3), "1989-Q3"),
        (Point("half", 1989, 2), "1989-H2"),
        (Point("season", 1997, 2), "1997-FA"),
        (Point("year", 2016), "2016"),
        (Point("decade", 199), "199"),
        (Point("century", 19), "19"),
    ],
)
def test_values(point: Point, value: str) -> None:
    assert point.value() == value


@pytest.mark.parametrize(
    ("point", "grain", "value"),
    [
        (Point("day", 2023, 9, 13), "week", "2023-W37"),
        (Point("day", 2023, 9, 13), "quarter", "2023-Q3"),
        (Point("day", 2023, 1, 1), "week", "2022-W52"),
        (Point("day", 2023, 9, 13), "decade", "202"),
        (Point("month", 2023, 9), "day", "2023-09"),  # never finer than it was
    ],
)
def test_coarsen(point: Point, grain: str, value: str) -> None:
    assert coarsen(point, grain).value() == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("point", "unit", "amount", "value"),
    [
        (Point("day", 2023, 9, 13), "day", -1, "2023-09-12"),
        (Point("day", 2023, 3, 31), "month", -1, "2023-02-28"),
        (Point("day", 2024, 2, 29), "year", -1, "2023-02-28"),
        (Point("quarter", 1989, 3), "year", -1, "1988-Q3"),
        (Point("quarter", 1989, 1), "quarter", -1, "1988-Q4"),
        (Point("month", 2023, 1), "month", -1, "2022-12"),
        (Point("week", 2023, 1), "week", -1, "2022-W52"),
        (Point("year", 2023), "decade", -1, "2013"),
        (Point("season", 2023, 0), "season", -1, "2022-WI"),
    ],
)
def test_shift_keeps_granularity(point: Point, unit: str, amount: int, value: str) -> None:
    assert shift(point, unit, amount).value() == value  # type: ignore[arg-type]


def test_shift_needs_a_year() -> None:
    with pytest.raises(ValueError, match="no year"):
        shift(Point("day", None, 9, 13), "day", -1)


@pytest.mark.parametrize(
    ("name", "year", "date"),
    [
        ("Thanksgiving Day", 1999, dt.date(1999, 11, 25)),
        ("Election Day", 1998, dt.date(1998, 11, 3)),
        ("Christmas", 2023, dt.date(2023, 12, 25)),
        ("Memorial Day", 2023, dt.date(2023, 5, 29)),
        ("Easter", 2024, dt.date(2024, 3, 31)),
        ("Groundhog Day", 2024, None),
    ],
)
def test_holidays(name: str, year: int, date: dt.date | None) -> None:
    assert holiday_date(name, year) == date


def test_easter_known_years() -> None:
    assert [easter(y) for y in (2000, 2019, 2023)] == [
        dt.date(2000, 4, 23),
        dt.date(2019, 4, 21),
        dt.date(2023, 4, 9),
    ]
