"""Resolve readings to TIMEX3 values against the publication date and the text's own dates.

Anchoring rules (see docs/stages/timex.md):

- Calendar values with a year need no anchor (``anchor`` None).
- Year-less dates, weekdays and "yesterday"-style (deictic) expressions are
  resolved against the publication date (``anchor="published"``); year-less dates
  and weekdays use the tense around them to pick past or future occurrences.
- Anaphoric expressions ("a day earlier", "the same day", "the following year")
  are resolved against the date the text last *established*: the most recent
  earlier expression that was itself stated or resolved from the publication
  date, at a fine enough granularity (``anchor="timex:<start>"``). Anaphoric
  values never establish a date themselves, so "the same day" after "A day
  earlier" still refers back to the date both were measured from.
- With no publication date, year-less dates and weekdays fall back to the last
  established date that has a year; anything else stays unanchored: the value
  keeps X placeholders ("XXXX-09-13", "XXXX-XX-XX") and ``anchored`` is False.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .calendar import GRAIN_RANK, Granularity, Point, coarsen, holiday_date, shift
from .periods import rest_of
from .reading import Reading
from .tense import Tense
from .thresholds import TENSE_REACH_DAYS

_UNKNOWN: dict[str, str] = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX",
}  # fmt: skip


_LEAP_YEAR = 2000
"""Stands in for an unknown year when moving a year-less date (keeps 29 February)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A value and where it came from; ``point`` is set when the value is a calendar point."""

    value: str
    anchor: str | None
    anchored: bool
    point: Point | None = None
    mod: str | None = None
    """Set when resolution, not the text, gives the mod ("earlier this month": START)."""


@dataclass(frozen=True, slots=True)
class Established:
    """A calendar point the text has established, and where its expression starts."""

    start: int
    point: Point
    reported: bool = False


class Resolver:
    """Resolves the readings of one text, in text order."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.established: list[Established] = []

    def resolve(
        self, reading: Reading, start: int, tense: Tense | None, *, reported: bool = False
    ) -> Resolved:
        """The value of ``reading``; ``tense`` is the direction the verb gives ("past" /
        "future", :func:`storyweave.timex.direction.direction`), ``reported`` marks a date
        a reporting verb governs ("said on Friday"), which anaphora skips when it can."""
        out = self._resolve(reading, tense)
        # a comparison ("a year ago" in an earnings report) is no new reference point:
        # "a year earlier" after it still compares with the period before it
        establishes = reading.kind not in ("anaphoric", "literal") and reading.follow is None
        if establishes and out.point is not None and (out.anchored or out.point.year is None):
            self.established.append(Established(start, out.point, reported))
        return out

    def _resolve(self, r: Reading, tense: Tense | None) -> Resolved:
        if r.kind == "literal":
            return Resolved(r.value or "", None, True)
        if r.kind == "date":
            return self._date(r, tense)
        if r.kind == "weekday":
            return self._weekday(r, tense)
        if r.kind == "deictic":
            return self._deictic(r)
        if r.kind == "anaphoric":
            return self._anaphoric(r)
        return self._clock(r, tense)

    # -- anchors -----------------------------------------------------------------

    def _base(self) -> tuple[dt.date, str] | None:
        """The date year-less values are placed around, and its anchor label."""
        if self.published is not None:
            return self.published, "published"
        for est in reversed(self.established):
            if est.point.year is not None:
                return est.point.to_date(), f"timex:{est.start}"
        return None

    def _reference(
        self, grain: Granularity, *, yearless: bool = False, narrated: bool = True
    ) -> Established | None:
        """The last established date fine enough for ``grain``; one a reporting verb
        governs only when there is no other."""
        fallback: Established | None = None
        for est in reversed(self.established):
            fine_enough = GRAIN_RANK[est.point.grain] >= GRAIN_RANK[grain]
            if fine_enough and (est.point.year is not None or yearless):
                if not (narrated and est.reported):
                    return est
                fallback = fallback or est
        return fallback

    # -- kinds -------------------------------------------------------------------

    def _date(self, r: Reading, tense: Tense | None) -> Resolved:
        point = r.point
        assert point is not None  # date readings always carry a point
        if point.year is not None:
            return _with_part(Resolved(point.value(), None, True, point), r)
        base = self._base()
        if base is None:
            return _with_part(Resolved(point.value(), None, False, point), r)
        date, anchor = base
        placed = place_year(point, date, tense, r.relation)
        if r.value and placed.year is not None:
            # a holiday: its date moves with the year ("Thanksgiving" is a Thursday)
            day = holiday_date(r.value, placed.year)
            if day is not None:
                placed = Point.of_date(day)
        return _with_part(Resolved(placed.value(), anchor, True, placed), r)

    def _weekday(self, r: Reading, tense: Tense | None) -> Resolved:
        if r.relation in ("previous", "following"):
            ref = self._reference("day")
            if ref is not None:
                date = ref.point.to_date()
                anchor = f"timex:{ref.start}"
                day = place_weekday(
                    r.weekday, date, None, "last" if r.relation == "previous" else "next"
                )
                return _weekday_result(day, anchor, r)
        base = self._base()
        if base is None:
            value = "XXXX-WXX-WE" if r.part == "WE" else f"XXXX-WXX-{r.weekday}"
            return Resolved(value, None, False)
        date, anchor = base
        relation = r.relation if r.relation in ("last", "next", "this") else None
        if r.part == "WE" and relation == "this" and date.isoweekday() < 6:
            # "this weekend" on a weekday: the coming one, unless the verb looks back
            relation = "last" if tense == "past" else "next"
        day = place_weekday(r.weekday, date, tense, relation)
        return _weekday_result(day, anchor, r)

    def _deictic(self, r: Reading) -> Resolved:
        if r.follow is not None and self.established:
            last = self.established[-1]
            if last.point.grain == r.follow:
                return self._anaphoric(replace(r, kind="anaphoric"), narrated=False)
        unit = r.unit or "day"
        grain = r.grain or unit
        if self.published is None:
            if r.point is not None:
                return _with_part(Resolved(r.point.value(), None, False), r)
            return _with_part(Resolved(_UNKNOWN[grain], None, False), r)
        if r.rest is not None:
            point, mod = rest_of(self.published, grain, r.rest)
            return Resolved(point.value(), "published", True, point, mod)
        if r.point is not None:
            # "last year's third quarter": the year moves, the named part stays
            year = self.published.year + r.amount
            point = replace(r.point, year=year)
        else:
            point = shift(coarsen(Point.of_date(self.published), grain), unit, r.amount)
        return _with_part(Resolved(point.value(), "published", True, point), r)

    def _anaphoric(self, r: Reading, *, narrated: bool = True) -> Resolved:
        unit = r.unit or "day"
        ref = self._reference(r.grain or unit, narrated=narrated)
        if ref is not None:
            moved = shift(ref.point, unit, r.amount)
            point = coarsen(moved, r.grain) if r.grain else moved
            return _with_part(Resolved(point.value(), f"timex:{ref.start}", True, point), r)
        if self.published is None:
            return _with_part(self._yearless_anaphora(r, unit), r)
        base = coarsen(Point.of_date(self.published), r.grain or unit)
        point = shift(base, unit, r.amount)
        return _with_part(Resolved(point.value(), "published", True, point), r)

    def _yearless_anaphora(self, r: Reading, unit: Granularity) -> Resolved:
        """ "A day earlier" after a year-less "September 13": "XXXX-09-12", unanchored."""
        ref = self._reference(r.grain or unit, yearless=True)
        if ref is None or ref.point.grain not in ("day", "month") or unit not in ("day", "month"):
            return Resolved(_UNKNOWN[r.grain or unit], None, False)
        probe = shift(replace(ref.point, year=_LEAP_YEAR), unit, r.amount)
        if probe.year != _LEAP_YEAR:
            return Resolved(_UNKNOWN[r.grain or unit], None, False)
        point = replace(probe, year=None)
        return Resolved(point.value(), f"timex:{ref.start}", False)

    def _clock(self, r: Reading, tense: Tense | None) -> Resolved:
        clock = r.clock or ""
        if r.point is not None:
            day = self._date(Reading("date", "DATE", r.point), tense)
        elif r.weekday:
            day = self._weekday(Reading("weekday", "DATE", weekday=r.weekday), tense)
        elif r.unit is not None:
            day = self._deictic(Reading("deictic", "DATE", unit="day", amount=r.amount))
        else:
            ref = self._reference("day")
            if ref is not None:
                point = coarsen(ref.point, "day")
                return Resolved(point.value() + clock, f"timex:{ref.start}", True)
            if self.published is None:
                return Resolved("XXXX-XX-XX" + clock, None, False)
            point = Point.of_date(self.published)
            return Resolved(point.value() + clock, "published", True)
        return Resolved(day.value + clock, day.anchor, day.anchored, day.point)


def _with_part(res: Resolved, r: Reading) -> Resolved:
    if r.part and r.part != "WE":
        return replace(res, value=f"{res.value}T{r.part}")
    return res


def _weekday_result(day: dt.date, anchor: str, r: Reading) -> Resolved:
    if r.part == "WE":
        iso = day.isocalendar()
        return Resolved(
            f"{iso.year}-W{iso.week:02d}-WE", anchor, True, Point("week", iso.year, iso.week)
        )
    point = Point.of_date(day)
    return _with_part(Resolved(point.value(), anchor, True, point), r)


def place_year(point: Point, base: dt.date, tense: Tense | None, relation: str | None) -> Point:
    """Give a year-less ``point`` the year that puts it where the tense says, around ``base``."""
    here = coarsen(Point.of_date(base), point.grain).to_date()
    options = [replace(point, year=y) for y in (base.year - 1, base.year, base.year + 1)]
    options = [p for p in options if _valid(p)]
    if relation == "this" and point.grain == "season":
        # "this winter": the one under way, else the one the verb points to
        under_way = [p for p in options if p.to_date() <= base < shift(p, "season", 1).to_date()]
        if under_way:
            return under_way[0]
        relation = None
        if tense is None:
            return min(options, key=_distance_from(base))
    if relation == "this":
        same = [p for p in options if p.year == base.year]
        if same:
            return same[0]
    closest = min(options, key=_distance_from(here))
    if relation == "last":
        before = [p for p in options if p.to_date() < here]
        return before[-1] if before else closest
    if relation == "next":
        after = [p for p in options if p.to_date() > here]
        return after[0] if after else closest
    if tense == "past" and point.grain not in ("quarter", "half"):
        before = [p for p in options if p.to_date() <= here]
        if before and abs((before[-1].to_date() - here).days) <= _reach("past", point):
            return before[-1]
    if tense == "future" and point.grain not in ("quarter", "half"):
        after = [p for p in options if p.to_date() >= here]
        if after and abs((after[0].to_date() - here).days) <= _reach("future", point):
            return after[0]
    if tense == "past" and point.grain in ("quarter", "half"):
        before = [p for p in options if p.to_date() <= here]
        return before[-1] if before else closest
    return closest


def _reach(tense: str, point: Point) -> int:
    return TENSE_REACH_DAYS.get((tense, point.grain), 300)


def _valid(point: Point) -> bool:
    try:
        point.to_date()
    except ValueError:
        return False
    return True


def _distance_from(here: dt.date) -> _Distance:
    return _Distance(here)


class _Distance:
    """Sort key: distance in days from ``here``; past wins ties."""

    def __init__(self, here: dt.date) -> None:
        self.here = here

    def __call__(self, point: Point) -> tuple[int, int]:
        days = (point.to_date() - self.here).days
        return (abs(days), 0 if days <= 0 else 1)


def place_weekday(
    weekday: int, base: dt.date, tense: Tense | None, relation: str | None
) -> dt.date:
    """The date of ISO ``weekday`` nearest ``base`` in the direction the relation or tense gives."""
    back = (base.isoweekday() - weekday) % 7
    ahead = (weekday - base.isoweekday()) % 7
    if relation == "last":
        return base - dt.timedelta(days=back or 7)
    if relation == "next":
        return base + dt.timedelta(days=ahead or 7)
    if relation == "this":
        return base + dt.timedelta(days=weekday - base.isoweekday())
    if tense == "future":
        return base + dt.timedelta(days=ahead)
    # news reports what happened: a bare weekday is the past one unless the text
    # speaks of the future (TimeBank: 76 past, 44 same day, 5 future)
    return base - dt.timedelta(days=back)
