"""Rules for calendar expressions: dates, months, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .calendar import Point, holiday_date
from .grammar import DAY, EDGE, MONTH, SEASON, WEEKDAY, YEAR, mod_code
from .lexicon import ORDINALS, SEASON_ORDER, SEASONS, TENS
from .reading import Reading, Relation
from .rule import Rule, following, make_rule, month_number, preceding

_NOT_AFTER_YEAR: Final = re.compile(
    r"\s*(?:people|persons|men|women|troops|soldiers|workers|jobs|employees|residents|"
    r"students|children|cars|vehicles|homes|houses|units|shares|votes|tons|tonnes|"
    r"meters|metres|feet|miles|kilometers|kilometres|km|acres|barrels|dollars|euros|"
    r"pounds|yuan|yen|rupees|points|percent|calories|pages|copies|rooms|beds|seats|"
    r"members|delegates|cases|deaths|patients|officers|police|ships|planes|aircraft)\b",
    re.IGNORECASE,
)
_NOT_BEFORE_YEAR: Final = re.compile(
    r"(?:No\.|Nos\.|number|flight|route|room|page|pages|model|article|resolution|"
    r"section|rule|bill|\$|#|about|some|nearly|almost|than)\s*$",
    re.IGNORECASE,
)
_MODAL_MAY: Final = re.compile(r"^\s+(?:be|have|not|also|well|still|never|soon|yet|even)\b")
_NAME_AFTER_MONTH: Final = re.compile(r"^\s+[A-Z][a-z]+")
_MONTH_CONTEXT: Final = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|last|next|"
    r"this|early|late|mid|end|beginning|start|on|between|and|or|for)\s*-?)$",
    re.IGNORECASE,
)


_MARCH_NOUN_BEFORE: Final = re.compile(
    r"\b(?:the|a|an|annual|their|his|her|our|its)\s+$", re.IGNORECASE
)
_MARCH_NOUN: Final = re.compile(r"^\s+(?:for|on|against|to|through|across|from|of)\s+(?!\d)")
"""A march, not the month: an article before and a preposition after, no day number."""

_SHORT_MONTHS: Final = frozenset({"mar", "jan", "jun", "jul", "dec", "oct", "nov", "sep"})


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _relation(text: str | None) -> Relation | None:
    if not text:
        return None
    word = " ".join(text.lower().split())
    if word in ("last", "past", "this past"):
        return "last"
    if word in ("next", "coming", "this coming"):
        return "next"
    return "this"


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _build_month_day(m: re.Match[str]) -> Reading | None:
    month = month_number(m["month"])
    day = _day_number(m["day"])
    year = _year(m["year"])
    if not _valid_day(year, month, day):
        return None
    if m["month"] in ("May", "MAY") and m["year"] is None and _MODAL_MAY.match(following(m)):
        return None
    rel = _relation(m["rel"]) if "rel" in m.re.groupindex else None
    return Reading("date", "DATE", Point("day", year, month, day), relation=rel)


def _build_month_this_year(m: re.Match[str]) -> Reading | None:
    amount = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    point = Point("month", None, month_number(m["month"]))
    return Reading("deictic", "DATE", point, unit="year", amount=amount, grain="month")


def _build_month_year(m: re.Match[str]) -> Reading | None:
    point = Point("month", int(m["year"]), month_number(m["month"]))
    return Reading("date", "DATE", point, mod=mod_code(m["edge"]))


def _build_month(m: re.Match[str]) -> Reading | None:
    name = m["month"]
    after = following(m)
    before = preceding(m, 12)
    has_context = bool(m["rel"] or m["edge"] or _MONTH_CONTEXT.search(before))
    if name in ("May", "MAY") and (not has_context or _MODAL_MAY.match(after)):
        return None
    if not has_context and _NAME_AFTER_MONTH.match(after):
        return None
    if (
        name in ("March", "MARCH")
        and _MARCH_NOUN_BEFORE.search(before)
        and _MARCH_NOUN.match(after)
    ):
        return None  # "the March for Life", "the annual March on Washington"
    bare_abbreviation = not name.endswith(".") and name.lower() in _SHORT_MONTHS
    if bare_abbreviation and (not has_context or _NAME_AFTER_MONTH.match(after)):
        return None  # "Jan Kavan", "and Jan Kavan"
    point = Point("month", None, month_number(name))
    return Reading("date", "DATE", point, relation=_relation(m["rel"]), mod=mod_code(m["edge"]))


def _build_year(m: re.Match[str]) -> Reading | None:
    qualified = bool(m["edge"] or m["fiscal"])
    count_like = _NOT_AFTER_YEAR.match(following(m)) or _NOT_BEFORE_YEAR.search(preceding(m, 12))
    if count_like and not qualified:
        return None
    mod = mod_code(m["edge"])
    if m["after"]:
        mod = (
            "ON_OR_AFTER"
            if m["after"].split()[-1].lower() in ("later", "after")
            else "ON_OR_BEFORE"
        )
    return Reading("date", "DATE", Point("year", int(m["year"])), mod=mod)


def _build_decade(m: re.Match[str]) -> Reading | None:
    if m["dec"]:
        decade = int(m["dec"][:3])
    else:
        word = m["decword"].lower()
        tens = TENS.get(word.removesuffix("ies") + "y", 0)
        decade = 190 + tens // 10
    return Reading("date", "DATE", Point("decade", decade), mod=mod_code(m["edge"]))


def _build_short_decade(m: re.Match[str]) -> Reading | None:
    digit = int(m["d"])
    decade = 190 + digit if digit >= 2 else 200 + digit
    return Reading("date", "DATE", Point("decade", decade), mod=mod_code(m["edge"]))


_CENTURY_WORDS: Final[dict[str, int]] = {
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21,
    "20th": 20, "19th": 19, "18th": 18, "17th": 17, "seventeenth": 17,
}  # fmt: skip


def _build_century(m: re.Match[str]) -> Reading | None:
    number = _CENTURY_WORDS.get(m["ord"].lower())
    if number is None:
        return None
    return Reading("date", "DATE", Point("century", number - 1), mod=mod_code(m["edge"]))


def _quarter_number(text: str) -> int:
    return 4 if text.lower() == "final" else ORDINALS[text.lower()]


def _build_quarter(m: re.Match[str]) -> Reading | None:
    quarter = _quarter_number(m["q"])
    year = _year(m["year"] or m["yr"] or m["fyear"])
    rel = m["rel"] or m["rel2"]
    if year is None and rel:
        amount = {"this": 0, "last": -1, "next": 1}[rel.lower()]
        point = Point("quarter", None, quarter)
        return Reading("deictic", "DATE", point, unit="year", amount=amount, grain="quarter")
    return Reading("date", "DATE", Point("quarter", year, quarter))


def _build_half(m: re.Match[str]) -> Reading | None:
    half = 1 if m["h"].lower() in ("first", "1st") else 2
    year = _year(m["year"])
    if year is None and m["rel"]:
        amount = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        point = Point("half", None, half)
        return Reading("deictic", "DATE", point, unit="year", amount=amount, grain="half")
    return Reading("date", "DATE", Point("half", year, half))


def _build_season(m: re.Match[str]) -> Reading | None:
    word = m["season"].lower()
    year = _year(m["year"])
    rel = _relation(m["rel"])
    bare = year is None and rel is None and not m["edge"]
    if bare and (word == "fall" or not m["the"] or re.match(r"\s+of\b", following(m))):
        return None
    point = Point("season", year, SEASON_ORDER.index(SEASONS[word]))
    return Reading("date", "DATE", point, relation=rel, mod=mod_code(m["edge"]))


_NOT_HOLIDAY_AFTER: Final = re.compile(
    r"\s+(?:Islands?|Rising|trees?|cards?|carols?|lights|decorations|presents)\b"
)
"""After a holiday's name, a word that makes it a place or a thing ("Easter Island")."""


def _build_holiday(m: re.Match[str]) -> Reading | None:
    if _NOT_HOLIDAY_AFTER.match(following(m, 20)):
        return None
    name = " ".join(m["name"].split())
    year = _year(m["year"])
    probe = holiday_date(name, year or 2000)
    if probe is None:
        return None
    if year is None:
        # the year comes from the anchor, then the holiday's date in that year
        rel = _relation(m["rel"])
        point = Point("day", None, probe.month, probe.day)
        return Reading("date", "DATE", point, relation=rel, value=name.lower())
    return Reading("date", "DATE", Point.of_date(probe))


_SPELLED_DECADES: Final = "|".join(TENS)
_SPELLED_ONES: Final = "one|two|three|four|five|six|seven|eight|nine"


def _build_spelled_year(m: re.Match[str]) -> Reading | None:
    if m["thousand"] and not m[0].lower().startswith("the year"):
        return None
    if m["thousand"]:
        ones = m["tone"]
        year = 2000 + (_SPELLED_ONES.split("|").index(ones.lower()) + 1 if ones else 0)
    else:
        tens = TENS[m["tens"].lower()]
        ones = m["ones"]
        year = 1900 + tens + (_SPELLED_ONES.split("|").index(ones.lower()) + 1 if ones else 0)
    return Reading("date", "DATE", Point("year", year))


_REL: Final = r"(?:this\s+past|this\s+coming|last|next|this|coming|past)"
_QORD: Final = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final)"
_HOLIDAYS: Final = (
    r"(?-i:New\s+Year's\s+(?:Day|Eve)|Valentine's\s+Day|Independence\s+Day|Halloween|"
    r"Christmas\s+(?:Eve|Day)|Christmas|Boxing\s+Day|Veterans\s+Day|Bastille\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Martin\s+Luther\s+King\s+Day|"
    r"Presidents'?\s+Day|Easter(?:\s+Sunday)?|Election\s+Day)"
)


def _build_iso(m: re.Match[str]) -> Reading | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(year, month, day):
        return None
    return Reading("date", "DATE", Point("day", year, month, day))


CALENDAR_RULES: Final[tuple[Rule, ...]] = (
    make_rule("iso_date", r"(?P<y>(?:1[7-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", _build_iso),
    make_rule(
        "month_day",
        rf"(?:(?P<rel>last|next|this)\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})"
        rf"(?:,?\s*(?P<year>{YEAR}))?(?![\d:.]\d|\s*%)",
        _build_month_day,
    ),
    make_rule(
        "day_month",
        rf"(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s*(?P<year>{YEAR}))?",
        _build_month_day,
    ),
    make_rule(
        "month_year",
        rf"(?P<edge>{EDGE})?(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})",
        _build_month_year,
    ),
    make_rule(
        "month_this_year",
        rf"(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
        _build_month_this_year,
    ),
    make_rule(
        "weekday_date",
        rf"{WEEKDAY},?\s+(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s*(?P<year>{YEAR}))?"
        r"(?![\d:.]\d)",
        _build_month_day,
    ),
    make_rule(
        "weekday_date_dm",
        rf"{WEEKDAY},?\s+(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s*(?P<year>{YEAR}))?",
        _build_month_day,
    ),
    make_rule(
        "month",
        rf"(?P<edge>{EDGE})?(?:(?P<rel>{_REL})\s+)?(?P<month>{MONTH})(?!\s*\d)",
        _build_month,
    ),
    make_rule(
        "year",
        rf"(?P<edge>{EDGE})?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year"
        rf"|FY)\s*'?)?(?P<year>{YEAR})(?P<after>\s+or\s+(?:later|earlier|before|after))?",
        _build_year,
    ),
    make_rule(
        "year_period",
        rf"the\s+(?P<edge>)(?P<fiscal>)(?P<year>{YEAR})(?P<after>)\s+(?:period|season|fiscal\s+year"
        r"|year|quarter)\b",
        _build_year,
    ),
    make_rule(
        "decade",
        rf"(?:the\s+)?(?P<edge>{EDGE})?(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|(?:nineteen[\s-])?"
        rf"(?P<decword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        _build_decade,
    ),
    make_rule("short_decade", rf"the\s+(?P<edge>{EDGE})?'(?P<d>\d)0s\b", _build_short_decade),
    make_rule(
        "century",
        rf"(?:the\s+)?(?P<edge>{EDGE})?(?P<ord>\d{{2}}(?:st|nd|rd|th)|seventeenth|eighteenth"
        r"|nineteenth|twentieth|twenty-first)[\s-]century",
        _build_century,
    ),
    make_rule(
        "quarter",
        rf"(?:the\s+(?!{_QORD}-))?(?:(?P<yr>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+|fiscal\s+"
        rf"(?P<fyear>{YEAR})'s\s+)?(?:(?:fiscal|calendar)\s+)?(?P<q>{_QORD})[\s-]+(?:fiscal[\s-]+)?"
        rf"quarter(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?P<rel2>this|last|next)\s+year))?",
        _build_quarter,
    ),
    make_rule(
        "half",
        rf"(?:the\s+)?(?P<h>first|second|1st|2nd|latter|last)\s+half(?:\s+of\s+(?:(?P<year>{YEAR})"
        r"|(?P<rel>this|last|next)\s+year|the\s+year))?",
        _build_half,
    ),
    make_rule(
        "season",
        rf"(?P<edge>{EDGE})?(?:(?P<rel>{_REL})\s+|(?P<the>the\s+))?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b",
        _build_season,
    ),
    make_rule(
        "holiday",
        rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{_HOLIDAYS})(?:,?\s+(?P<year>{YEAR}))?\b",
        _build_holiday,
    ),
    make_rule(
        "spelled_year",
        rf"(?:the\s+year\s+)?(?:nineteen[\s-](?P<tens>{_SPELLED_DECADES})(?:[\s-](?P<ones>"
        rf"{_SPELLED_ONES}))?|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<tone>"
        rf"{_SPELLED_ONES}))?)\b",
        _build_spelled_year,
    ),
)
