"""Rules for durations ("three years"), sets ("every week") and clock times ("10:35 a.m.")."""

from __future__ import annotations

import re
from typing import Final

from .calendar import Point
from .grammar import DAY, MODIFIER, MONTH, NUMBER, UNIT, UNITS, WEEKDAY, WEEKDAYS_PLURAL, mod_code
from .lexicon import SEASON_ORDER, SEASONS, TIME_UNITS, UNIT_CODES, UNIT_YEARS
from .quantity import format_quantity, parse_quantity
from .reading import Reading
from .rule import (
    Rule,
    following,
    make_rule,
    month_number,
    preceding,
    unit_name,
    weekday_number,
)

_RATE_BEFORE: Final = re.compile(
    r"(?:\d|\bpercent|%|\bcents?|\bdollars?|\bmillion|\bbillion|\btimes|\bonce|\btwice"
    r"|\bhundred|\bthousand|\bdozen)[^\s.;!?]*(?:\s+[^\s.;!?]+){0,2}\s*$",
    re.IGNORECASE,
)


def duration_value(number: float | None, unit: str) -> str:
    """The TIMEX3 duration for ``number`` ``unit``\\s ("P3D", "PT2H", "PXY", "P20Y")."""
    unit = unit_name(unit)
    if unit in UNIT_YEARS:
        if number is None:
            return "PXY" if unit == "decade" else "PXC"
        return f"P{format_quantity(number * UNIT_YEARS[unit])}Y"
    if unit == "quarter":
        return "PXM" if number is None else f"P{format_quantity(number * 3)}M"
    if unit == "fortnight":
        return "PXW" if number is None else f"P{format_quantity(number * 2)}W"
    if unit == "weekend":
        return "PXD" if number is None else f"P{format_quantity(number * 2)}D"
    code = UNIT_CODES.get(unit, "D")
    prefix = "PT" if unit in TIME_UNITS else "P"
    if number is not None and number != int(number) and unit in _SPLIT_UNITS:
        whole = int(number)
        part_unit, per = _SPLIT_UNITS[unit]
        rest = f"{round((number - whole) * per)}{part_unit}"
        head = f"{prefix}{whole}{code}" if whole else prefix
        return head + ("T" if unit == "day" else "") + rest
    return f"{prefix}{format_quantity(number)}{code}"


_SPLIT_UNITS: Final[dict[str, tuple[str, int]]] = {
    "year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60),
}  # fmt: skip
"""Fractional amounts are written in the next unit down ("2 1/2 years" -> "P2Y6M")."""


def _build_duration(m: re.Match[str]) -> Reading | None:
    num = m["num"]
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", num):
        return None  # "the 1988 quarter" names a year
    number = parse_quantity(num)
    if m["num2"]:
        number = parse_quantity(m["num2"]) if number is None else number
    unit = unit_name(m["unit"])
    if m["half"] and number is not None:
        number += 0.5
    words = num.lower().split()
    rate = words[-1] in ("a", "an", "per") and not m["det"] and not m["half"]
    if rate and _RATE_BEFORE.search(preceding(m, 30)):
        return Reading("literal", "SET", value=duration_value(1.0, unit))
    mod = mod_code(m["mod"].strip()) if m["mod"] else ("APPROX" if m["orso"] else None)
    if m["suffix"] and m["suffix"].lower() == "-old" and _is_age(m, unit):
        return None
    after = following(m, 30)
    if not m["suffix"] and _OLD.match(after):
        return None  # "52 years old", "six months old": an age
    if unit == "quarter" and _FRACTION_OF.match(after):
        return None  # "three-quarters of its food", "more than a quarter of the market"
    if (
        unit == "second"
        and number == 1
        and words[-1] in ("a", "an")
        and not _SECOND_TIME.match(after)
    ):
        return None  # "a second group", "A second, smaller order": an ordinal
    if m["suffix"] and number is None:
        return Reading("literal", "DURATION", value=duration_value(None, unit))
    return Reading("literal", "DURATION", value=duration_value(number, unit), mod=mod)


_SECOND_TIME: Final = re.compile(
    r"\s+(?:later|earlier|ago|longer|shorter|faster|slower|too|before|after|or\s+two"
    r"|or\s+so|of|and\s+a\s+half)\b|\s*[.;:!?)]",
    re.IGNORECASE,
)
"""After "a second", what makes it a length of time ("a second later", "a second
longer", "for a second."); anything else makes it an ordinal ("a second order")."""
_OLD: Final = re.compile(r"\s*old\b", re.IGNORECASE)
_FRACTION_OF: Final = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|your|all|those|these|them|it|a|an)\b"
    r"(?!\s+(?:fiscal|calendar|current|year|(?:1[6-9]|20)\d\d)\b)",
    re.IGNORECASE,
)
"""After "quarter(s)", a determiner makes a fraction ("three-quarters of its food"); a bare
plural stays a duration ("several quarters of losses")."""
_NOUN_AFTER: Final = re.compile(
    r"\s+(?!(?:later|earlier|ago|after|before|or|and|to|of|in|for|at|on|when|while|as|than)\b)"
    r"[a-z]+\b"
)
_AGED: Final = re.compile(
    r"\s*(?:[,.;:)'\"]|$|(?:boy|girl|man|woman|son|daughter|child|baby|brother|sister|"
    r"mother|father|wife|husband|cousin|grandson|granddaughter|student|victim|suspect)s?\b)",
    re.IGNORECASE,
)


def _is_age(m: re.Match[str], unit: str) -> bool:
    """ "a 6-year-old boy", "the 52-year-old": an age, not a time expression."""
    return unit == "year" or bool(_AGED.match(following(m, 20)))


def _build_bare_units(m: re.Match[str]) -> Reading | None:
    return Reading("literal", "DURATION", value=duration_value(None, m["x"]))


def _build_vague_long(m: re.Match[str]) -> Reading | None:
    return Reading("literal", "DURATION", value=duration_value(None, m["unit"]))


_SET_WORDS: Final[dict[str, str]] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
    "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M", "bimonthly": "P2M",
}  # fmt: skip


def _build_set_word(m: re.Match[str]) -> Reading | None:
    if re.match(r"\s+[a-z]", following(m, 3)) and m[0].lower() != "daily":
        return None
    return Reading("literal", "SET", value=_SET_WORDS[m[0].lower()])


def _build_every_unit(m: re.Match[str]) -> Reading | None:
    number = parse_quantity(m["num"]) if m["num"] else 1.0
    if m["other"]:
        number = 2.0
    return Reading("literal", "SET", value=duration_value(number, m["unit"]))


def _build_every_weekday(m: re.Match[str]) -> Reading | None:
    value = f"XXXX-WXX-{weekday_number(m['wd'] or m['wd2'])}"
    if m["part"]:
        value += "T" + {"morning": "MO", "afternoon": "AF", "evening": "EV"}.get(
            m["part"].lower().rstrip("s"), "NI"
        )
    return Reading("literal", "SET", value=value)


def _build_every_month(m: re.Match[str]) -> Reading | None:
    return Reading("literal", "SET", value=f"XXXX-{month_number(m['month']):02d}")


def _build_every_season(m: re.Match[str]) -> Reading | None:
    code = SEASON_ORDER[SEASON_ORDER.index(SEASONS[m["season"].lower()])]
    return Reading("literal", "SET", value=f"XXXX-{code}")


def _clock(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        marker = ampm.lower().replace(".", "")
        if hour > 12 or hour == 0:
            return None
        if marker == "pm" and hour != 12:
            hour += 12
        elif marker == "am" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


def _day_of_clock(m: re.Match[str]) -> dict[str, object]:
    if m["wd"] or m["onwd"]:
        return {"weekday": weekday_number(m["wd"] or m["onwd"])}
    if m["deictic"]:
        amount = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["deictic"].lower()]
        return {"unit": "day", "amount": amount}
    if m["month"]:
        day = int(re.sub(r"\D", "", m["day"]))
        return {"point": Point("day", None, month_number(m["month"]), day)}
    return {}


def _build_clock(m: re.Match[str]) -> Reading | None:
    clock = _clock(int(m["h"]), int(m["min"] or 0), m["ap"])
    if clock is None:
        return None
    mod = mod_code(m["mod"].strip()) if m["mod"] else None
    if m["zone"]:
        clock += ZONE_OFFSETS.get(m["zone"].upper(), "")
    return Reading("clock", "TIME", clock=clock, mod=mod, **_day_of_clock(m))  # type: ignore[arg-type]


def _build_noon(m: re.Match[str]) -> Reading | None:
    clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[m["w"].lower()]
    return Reading("clock", "TIME", clock=clock, **_day_of_clock(m))  # type: ignore[arg-type]


_HOUR_WORDS: Final = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


def _build_in_the_morning(m: re.Match[str]) -> Reading | None:
    text = m["h"].lower()
    hour = int(text) if text.isdigit() else _HOUR_WORDS.split("|").index(text) + 1
    ampm = "am" if m["part"].lower() == "morning" else "pm"
    clock = _clock(hour, 0, ampm)
    return None if clock is None else Reading("clock", "TIME", clock=clock)


_DAY_AFTER_CLOCK: Final = (
    rf"(?:,?\s+(?:(?P<wd>{WEEKDAY})|(?P<deictic>today|tonight|yesterday|tomorrow)"
    rf"|(?P<month>{MONTH})\s*(?P<day>{DAY}))|(?=\s+on\s+(?P<onwd>{WEEKDAY})))?"
)
"""The day of a clock time: right after it ("10 a.m. Friday"), or after "on", outside the
extent ("18:00 UTC on Tuesday": the time is Tuesday's, "Tuesday" its own timex)."""
_AMPM: Final = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
_ZONE: Final = r"(?:\s+\(?(?P<zone>[ECMP][SD]T|GMT|UTC|BST|CET)\)?,?)?"
ZONE_OFFSETS: Final[dict[str, str]] = {
    "UTC": "Z", "GMT": "Z", "BST": "+01:00", "CET": "+01:00", "EST": "-05:00",
    "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip
"""Time zone abbreviations and their ISO 8601 offsets: kept in the value ("T18:00Z")."""

SPAN_RULES: Final[tuple[Rule, ...]] = (
    make_rule(
        "duration",
        rf"(?P<mod>{MODIFIER}\s+)?(?P<det>the\s+(?!(?:{NUMBER})-(?:{UNIT})\b))?"
        r"(?:(?:past|last|next|previous|first|coming"
        r"|following|final|initial|latest|remaining|preceding|ensuing|succeeding|same|full)\s+)?"
        rf"(?P<num>{NUMBER})(?:\s+(?:or|to)\s+(?P<num2>{NUMBER}))?(?P<hyphen>[\s-]+)(?P<adj>"
        r"(?:more|full|straight|consecutive|trading|business|working|calendar)\s+)?"
        rf"(?P<unit>{UNITS})\b(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?"
        r"(?P<suffix>-(?:old|long))?",
        _build_duration,
    ),
    make_rule(
        "bare_units",
        r"\b(?:for|over)\s+(?P<x>years|months|weeks|decades|centuries)\b",
        _build_bare_units,
    ),
    make_rule(
        "recent_units",
        r"(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?(?P<unit>days|weeks|months|years"
        r"|decades|quarters)\b",
        _build_vague_long,
    ),
    make_rule(
        "upcoming_units",
        r"(?:the\s+)?(?:coming|next\s+(?:few|several))\s+(?P<unit>days|weeks|months|years)\b",
        _build_vague_long,
    ),
    make_rule(
        "units_ahead", r"the\s+(?P<unit>days|weeks|months|years)\s+ahead\b", _build_vague_long
    ),
    make_rule(
        "vague_long",
        r"(?P<unit>years|months|weeks|days|decades)-(?:long|old)\b",
        _build_vague_long,
    ),
    make_rule(
        "set_word",
        r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly"
        r"|semi-?annually|bimonthly)\b",
        _build_set_word,
    ),
    make_rule(
        "every_unit",
        rf"\b(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{NUMBER})\s+)?"
        r"(?P<unit>day|night|week|month|quarter|year|hour|minute|decade|weekend)s?\b",
        _build_every_unit,
    ),
    make_rule(
        "every_weekday",
        rf"(?:\b(?:every|each)\s+(?P<wd>{WEEKDAY})|(?P<wd2>{WEEKDAYS_PLURAL}))"
        r"(?:\s+(?P<part>mornings?|afternoons?|evenings?|nights?))?",
        _build_every_weekday,
    ),
    make_rule("every_month", rf"\b(?:every|each)\s+(?P<month>{MONTH})", _build_every_month),
    make_rule(
        "every_season",
        r"\b(?:every|each)\s+(?P<season>spring|summer|fall|autumn|winter)\b",
        _build_every_season,
    ),
    make_rule(
        "clock",
        r"(?P<mod>(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before"
        rf"|after))\s+)?\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>{_AMPM})"
        rf"{_ZONE}{_DAY_AFTER_CLOCK}",
        _build_clock,
    ),
    make_rule(
        "clock_24h",
        rf"(?P<mod>)\b(?P<h>[01]\d|2[0-3])[:.]?(?P<min>[0-5]\d)(?P<ap>)\s+(?P<zone>[ECMP][SD]T|GMT|UTC)"
        rf"{_DAY_AFTER_CLOCK}",
        _build_clock,
    ),
    make_rule("noon", rf"\b(?P<w>noon|midday|midnight){_DAY_AFTER_CLOCK}", _build_noon),
    make_rule(
        "in_the_morning",
        rf"\b(?P<h>1[0-2]|[1-9]|{_HOUR_WORDS})(?:\s+o'clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)\b",
        _build_in_the_morning,
    ),
)
