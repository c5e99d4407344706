"""Calendar points at a granularity, their arithmetic, and their TIMEX3 values.

A :class:`Point` is a calendar value as precise as the text made it: a century,
decade, year, half, quarter, season, month, ISO week or day. Shifting a point
keeps its granularity ("a year earlier" than 1989-Q3 is 1988-Q3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from .lexicon import FIXED_HOLIDAYS, NTH_WEEKDAY_HOLIDAYS, SEASON_ORDER

Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day"
]

GRAIN_RANK: Final[dict[str, int]] = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 4,
    "season": 4,
    "month": 5,
    "week": 6,
    "day": 7,
}
"""Coarse to fine; a point can be coarsened to any grain of lower rank."""


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar value. ``year`` is None when the text gives no year ("September 13").

    ``n`` holds the sub-unit: half (1-2), quarter (1-4), season (index in
    ``SEASON_ORDER``), month (1-12) or ISO week; ``day`` the day of the month.
    Centuries and decades store their index in ``year`` (19, 199).
    """

    grain: Granularity
    year: int | None
    n: int = 0
    day: int = 0

    @classmethod
    def of_date(cls, date: dt.date) -> Point:
        return cls("day", date.year, date.month, date.day)

    def to_date(self) -> dt.date:
        """The first day of this point (its year must be known)."""
        year = self.year if self.year is not None else 1
        if self.grain == "day":
            return dt.date(year, self.n, self.day)
        if self.grain == "month":
            return dt.date(year, self.n, 1)
        if self.grain == "week":
            return dt.date.fromisocalendar(year, self.n, 1)
        if self.grain == "quarter":
            return dt.date(year, 3 * self.n - 2, 1)
        if self.grain == "half":
            return dt.date(year, 6 * self.n - 5, 1)
        if self.grain == "season":
            return dt.date(year, 3 + 3 * self.n, 1)
        if self.grain == "decade":
            return dt.date(year * 10, 1, 1)
        if self.grain == "century":
            return dt.date(max(1, year * 100), 1, 1)
        return dt.date(year, 1, 1)

    def value(self) -> str:
        """The TIMEX3 value, with X for an unknown year."""
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.grain == "day":
            return f"{y}-{self.n:02d}-{self.day:02d}"
        if self.grain == "month":
            return f"{y}-{self.n:02d}"
        if self.grain == "week":
            return f"{y}-W{self.n:02d}"
        if self.grain == "quarter":
            return f"{y}-Q{self.n}"
        if self.grain == "half":
            return f"{y}-H{self.n}"
        if self.grain == "season":
            return f"{y}-{SEASON_ORDER[self.n]}"
        if self.grain == "decade":
            return "XXX" if self.year is None else f"{self.year:03d}"
        if self.grain == "century":
            return "XX" if self.year is None else f"{self.year:02d}"
        return y


def coarsen(point: Point, grain: Granularity) -> Point:
    """``point`` at the coarser ``grain`` (a year-less point stays year-less)."""
    if point.grain == grain or GRAIN_RANK[grain] > GRAIN_RANK[point.grain]:
        return point
    if point.year is None:
        return _coarsen_yearless(point, grain)
    date = point.to_date()
    if grain == "week":
        iso = date.isocalendar()
        return Point("week", iso.year, iso.week)
    if grain == "month":
        return Point("month", date.year, date.month)
    if grain == "quarter":
        return Point("quarter", date.year, (date.month - 1) // 3 + 1)
    if grain == "half":
        return Point("half", date.year, (date.month - 1) // 6 + 1)
    if grain == "season":
        return Point("season", *season_of(date))
    if grain == "decade":
        return Point("decade", date.year // 10)
    if grain == "century":
        return Point("century", date.year // 100)
    return Point("year", date.year)


def _coarsen_yearless(point: Point, grain: Granularity) -> Point:
    if point.grain == "day" and grain == "month":
        return Point("month", None, point.n)
    return Point(grain, None, point.n if grain == point.grain else 0)


def season_of(date: dt.date) -> tuple[int, int]:
    """(year, season index) of ``date``; December belongs to the winter of its year."""
    idx = {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}.get(date.month, 3)
    year = date.year - 1 if date.month in (1, 2) else date.year
    return year, idx


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` moved by whole months, clamping the day to the month's length."""
    total = date.year * 12 + (date.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = min(date.day, _month_length(year, month))
    return dt.date(year, month, day)


def _month_length(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def shift(point: Point, unit: Granularity, amount: int) -> Point:
    """Move ``point`` by ``amount`` ``unit``s, keeping the point's own granularity.

    Raises:
        ValueError: when the point has no year or is coarser than ``unit``.
    """
    if point.year is None:
        raise ValueError("cannot shift a point with no year")
    if amount == 0:
        return point
    grain = point.grain
    if grain in ("decade", "century"):
        per = 10 if grain == "decade" else 100
        years = {"decade": 10, "century": 100}.get(unit, 1) * amount
        return Point(grain, point.year + years // per)
    if grain == "year":
        years = {"decade": 10, "century": 100}.get(unit, 1) * amount
        return Point("year", point.year + years)
    if grain in ("half", "quarter", "season"):
        size = {"half": 2, "quarter": 4, "season": 4}[grain]
        per_unit = {"year": size, "half": size // 2, "quarter": 1, "season": 1}.get(unit, size)
        steps = amount * (per_unit if unit != "decade" else size * 10)
        total = point.year * size + point.n - (0 if grain == "season" else 1) + steps
        year, idx = divmod(total, size)
        return Point(grain, year, idx if grain == "season" else idx + 1)
    date = point.to_date()
    if unit in ("year", "decade", "century", "half", "quarter", "season", "month"):
        months = {"year": 12, "decade": 120, "century": 1200, "half": 6, "quarter": 3}.get(
            unit, 3 if unit == "season" else 1
        )
        moved = add_months(date, months * amount)
    elif unit == "week":
        moved = date + dt.timedelta(weeks=amount)
    else:
        moved = date + dt.timedelta(days=amount)
    return coarsen(Point.of_date(moved), grain)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month (``n = -1``: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year, month, _month_length(year, month))
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named holiday in ``year``, or None for an unknown name."""
    key = " ".join(name.lower().split())
    if key in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[key]
        return dt.date(year, month, day)
    if key in NTH_WEEKDAY_HOLIDAYS:
        month, weekday, n = NTH_WEEKDAY_HOLIDAYS[key]
        return nth_weekday(year, month, weekday, n)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "election day":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return None
