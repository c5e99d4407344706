"""The rest of a period: "later this year", "earlier this month", as a reader places them.

"Later this year" on 12 September is the last quarter, not the whole year and not "late
2024"; "earlier this year" on the same day is the year (the article may go on to date its
events to May and August), and "earlier this month" on the 5th is early in the month.
The rest is the part of the period after (or before) the publication date; it is written
as the finest part of the period (a half, a quarter of a year) that holds at least
``REST_COVER`` of it; else as the period, with START / END only when the rest is at most
``REST_EDGE`` of the period.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .calendar import Granularity, Point, coarsen, shift
from .thresholds import REST_COVER, REST_EDGE

Side = Literal["before", "after"]

_PARTS: dict[str, tuple[Granularity, ...]] = {"year": ("quarter", "half")}
"""The parts a period may be narrowed to, finest first."""


def _bounds(point: Point) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar point."""
    first = point.to_date()
    nxt = shift(point, point.grain, 1).to_date()
    return first, nxt - dt.timedelta(days=1)


def rest_of(published: dt.date, grain: Granularity, side: Side) -> tuple[Point, str | None]:
    """The point and mod for the rest of the ``grain`` holding ``published``."""
    whole = coarsen(Point.of_date(published), grain)
    first, last = _bounds(whole)
    if side == "after":
        lo, hi = published + dt.timedelta(days=1), last
    else:
        lo, hi = first, published - dt.timedelta(days=1)
    days = (hi - lo).days + 1
    if days <= 0:
        return whole, None
    for part in _PARTS.get(grain, ()):
        candidate = coarsen(Point.of_date(hi if side == "after" else lo), part)
        p_first, p_last = _bounds(candidate)
        overlap = (min(hi, p_last) - max(lo, p_first)).days + 1
        if overlap >= REST_COVER * days:
            return candidate, None
    total = (last - first).days + 1
    if days <= REST_EDGE * total:
        return whole, "START" if side == "before" else "END"
    return whole, None
