"""Readable labels for TIMEX3 values, for every place a date is shown: the brief and the
timeline command ("13 September 2023"), the story page's narrow columns ("13 Sep 2023").

Days, months and years; times of day and clock times; weeks and weekends; quarters, halves,
seasons; decades and centuries; the vague references ("now", "in the past"); a modifier
("early 2023", "mid-May 2023"). A value it cannot read is returned as it came (never
dropped), so a reader still sees something true.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

SHORT_MONTHS: Final = tuple(calendar.month_abbr[1:])
LONG_MONTHS: Final = tuple(calendar.month_name[1:])
_MODS: Final = {"START": "early", "MID": "mid-", "END": "late", "APPROX": "about",
                "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by",
                "ON_OR_AFTER": "from"}  # fmt: skip
_PARTS_OF_DAY: Final = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
                        "DT": "daytime", "MI": "midday"}  # fmt: skip
_SEASONS: Final = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFS: Final = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}

_DAY = re.compile(r"(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(.+))?")
_MONTH = re.compile(r"(\d{4}|XXXX)-(\d{2})")
_WEEK = re.compile(r"(\d{4}|XXXX)-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4}|XXXX)-Q([1-4])")
_HALF = re.compile(r"(\d{4}|XXXX)-H([12])")
_SEASON = re.compile(r"(\d{4}|XXXX)-(SP|SU|FA|WI)")
_CLOCK = re.compile(r"(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def date_label(value: str, mod: str | None = None, *, short: bool = False) -> str:
    """A reader's label for a TIMEX3 value: "2023-09-13" -> "13 September 2023" (with
    ``short``, "13 Sep 2023"), "2023-05" -> "May 2023", "2026-11-26TMO" -> "26 November 2026,
    morning", "2023-W37" -> "week of 11 September 2023", "2023-Q4" -> "Q4 2023", "201" ->
    "2010s", "16" -> "17th century", "XXXX-09" -> "September (year unknown)"; ``mod`` START
    gives "early 2023". A value it cannot read is returned as it came (never dropped)."""
    value = (value or "").strip()
    if not value:
        return "no date"
    months = SHORT_MONTHS if short else LONG_MONTHS
    label = _label(value, months)
    if label is None:
        return value
    prefix = _MODS.get(mod or "")
    if prefix and value not in _REFS and not _DAY.fullmatch(value):  # a day is a day
        label = f"{prefix}{label}" if prefix.endswith("-") else f"{prefix} {label}"
    return label


def _year(y: str) -> str:
    return "(year unknown)" if y == "XXXX" else str(int(y))


def _week(year: str, week: int, months: tuple[str, ...], *, weekend: bool) -> str:
    """ "week of 11 Sep 2023" (its Monday), "weekend of 16 Sep 2023" (its Saturday)."""
    what = "weekend" if weekend else "week"
    try:
        day = dt.date.fromisocalendar(int(year), week, 6 if weekend else 1)
    except ValueError:  # XXXX, or a week 53 the year does not have
        return f"{what} {week}, {_year(year)}"
    return f"{what} of {day.day} {months[day.month - 1]} {day.year}"


def _label(value: str, months: tuple[str, ...]) -> str | None:
    if value in _REFS:
        return _REFS[value]
    if m := _DAY.fullmatch(value):
        month = int(m[2])
        if not 1 <= month <= 12:
            return None
        day = f"{int(m[3])} {months[month - 1]} {_year(m[1])}"
        return f"{day}, {_time(m[4])}" if m[4] else day
    if m := _WEEK.fullmatch(value):
        return _week(m[1], int(m[2]), months, weekend=bool(m[3]))
    if m := _MONTH.fullmatch(value):
        month = int(m[2])
        return f"{months[month - 1]} {_year(m[1])}" if 1 <= month <= 12 else None
    if m := _QUARTER.fullmatch(value):
        return f"Q{m[2]} {_year(m[1])}"
    if m := _HALF.fullmatch(value):
        return f"{'first' if m[2] == '1' else 'second'} half of {_year(m[1])}"
    if m := _SEASON.fullmatch(value):
        return f"{_SEASONS[m[2]]} {_year(m[1])}"
    if re.fullmatch(r"\d{4}", value):
        return str(int(value))
    if re.fullmatch(r"\d{3}", value):
        return f"{int(value) * 10}s"
    if re.fullmatch(r"\d{2}", value):
        return f"{_ordinal(int(value) + 1)} century"
    return None


def _time(part: str) -> str:
    if part in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[part]
    if m := _CLOCK.fullmatch(part):
        return f"{m[1]}:{m[2]}"
    return part


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
