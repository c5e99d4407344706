"""Readable labels for TIMEX3 values on the story page: "2026-11-26TMO" -> "26 Nov 2026, morning".

:func:`storyweave.brief.date_label` names days, months and years (with a modifier,
"early 2023"); this adds what a timeline shows and it leaves raw: times of day, weeks,
weekends, quarters, halves, seasons, decades, centuries and the vague references, in
the short month names a narrow column needs. A value it cannot read is returned as it
came (never dropped), so the page still shows something true.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

from ...brief import date_label

MONTHS: Final = tuple(calendar.month_abbr[1:])
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


def readable_date(value: str, mod: str | None = None) -> str:
    """A reader's label for a TIMEX3 value, as short as a timeline column wants.

    >>> readable_date("2026-11-26TMO")
    '26 Nov 2026, morning'
    >>> readable_date("16")
    '17th century'
    >>> readable_date("2023-W37")
    'week of 11 Sep 2023'
    """
    value = (value or "").strip()
    label = _label(value)
    if label is None:
        return date_label(value, mod) if value else "no date"
    prefix = _MODS.get(mod or "")
    if (
        prefix and value not in _REFS and not _DAY.fullmatch(value)
    ):  # "late 2 May" reads wrong: a day is a day
        label = f"{prefix}{label}" if prefix.endswith("-") else f"{prefix} {label}"
    return label


def _year(y: str) -> str:
    return "(year unknown)" if y == "XXXX" else str(int(y))


def _week(year: str, week: int, *, weekend: bool) -> str:
    """ "week of 11 Sep 2023" (its Monday), "weekend of 16 Sep 2023" (its Saturday)."""
    what = "weekend" if weekend else "week"
    try:
        day = dt.date.fromisocalendar(int(year), week, 6 if weekend else 1)
    except ValueError:  # XXXX, or a week 53 the year does not have
        return f"{what} {week}, {_year(year)}"
    return f"{what} of {day.day} {MONTHS[day.month - 1]} {day.year}"


def _label(value: str) -> str | None:
    if value in _REFS:
        return _REFS[value]
    if m := _DAY.fullmatch(value):
        month = int(m[2])
        if not 1 <= month <= 12:
            return None
        day = f"{int(m[3])} {MONTHS[month - 1]} {_year(m[1])}"
        return f"{day}, {_time(m[4])}" if m[4] else day
    if m := _WEEK.fullmatch(value):
        return _week(m[1], int(m[2]), weekend=bool(m[3]))
    if m := _MONTH.fullmatch(value):
        month = int(m[2])
        return f"{MONTHS[month - 1]} {_year(m[1])}" if 1 <= month <= 12 else None
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
