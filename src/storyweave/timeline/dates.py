"""TIMEX3 values as points on the timeline: which ones are event dates, and how they sort.

A timeline keeps the precision the text gave: "2023-07" stays a month. Values are
placed by the first day they cover, and a coarser value sorts before the finer
values it contains ("2023" before "2023-05", "2023-09" before "2023-09-13"), the way a
chapter heading comes before its sections. See docs/decisions/brief-timeline-order.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from ..timex.calendar import GRAIN_RANK

_SEASON_START: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")

PRECISION_RANK: Final[dict[str, int]] = {**GRAIN_RANK, "time": 8}


@dataclass(frozen=True, slots=True, order=True)
class EventDate:
    """A TIMEX3 calendar value placed on the timeline.

    Ordered by ``start`` (the first day it covers), then coarse before fine, then the
    value itself (so that the order is total and stable).
    """

    start: dt.date
    rank: int
    value: str
    precision: str


def event_date(value: str) -> EventDate | None:
    """The value as an :class:`EventDate`, or None when it is no calendar point.

    None for vague references (PAST_REF, PRESENT_REF, FUTURE_REF), values with an unknown
    part ("XXXX-09-13", unanchored), durations ("P3D") and sets, and impossible dates.
    """
    if not value or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    try:
        return _parse(value)
    except ValueError:  # an impossible date such as 2023-02-30
        return None


def _parse(value: str) -> EventDate | None:
    if m := _DAY.fullmatch(value):
        precision = "time" if "T" in value else "day"
        start = dt.date(int(m[1]), int(m[2]), int(m[3]))
    elif m := _WEEK.fullmatch(value):
        precision, start = "week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    elif m := _MONTH.fullmatch(value):
        precision, start = "month", dt.date(int(m[1]), int(m[2]), 1)
    elif m := _QUARTER.fullmatch(value):
        precision, start = "quarter", dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    elif m := _HALF.fullmatch(value):
        precision, start = "half", dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
    elif m := _SEASON.fullmatch(value):
        # winter 2023 is December 2023 to February 2024, as the timex stage reads it
        precision, start = "season", dt.date(int(m[1]), _SEASON_START[m[2]], 1)
    elif m := _YEAR.fullmatch(value):
        precision, start = "year", dt.date(max(1, int(m[1])), 1, 1)
    elif m := _DECADE.fullmatch(value):
        precision, start = "decade", dt.date(max(1, int(m[1]) * 10), 1, 1)
    elif m := _CENTURY.fullmatch(value):
        precision, start = "century", dt.date(max(1, int(m[1]) * 100), 1, 1)
    else:
        return None
    return EventDate(start=start, rank=PRECISION_RANK[precision], value=value, precision=precision)


_MONTHS: Final[dict[str, int]] = {
    "month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200,
}  # fmt: skip


def end_of(date: EventDate) -> dt.date:
    """The first day after the value."""
    if date.precision in {"day", "time"}:
        return date.start + dt.timedelta(days=1)
    if date.precision == "week":
        return date.start + dt.timedelta(days=7)
    months = date.start.year * 12 + date.start.month - 1 + _MONTHS[date.precision]
    return dt.date(months // 12, months % 12 + 1, 1)


def contains(outer: EventDate, inner: EventDate) -> bool:
    """``inner`` lies within ``outer`` ("2023-05" within "2023")."""
    return outer.start <= inner.start and end_of(inner) <= end_of(outer)
