"""Rules for expressions relative to now or to an earlier date, weekdays, and vague refs."""

from __future__ import annotations

import re
from typing import Final, Literal

from storyweave.model import TimexType

from .calendar import Granularity
from .grammar import EDGE, MODIFIER, NUMBER, PART_OF_DAY, UNITS, WEEKDAY, mod_code
from .lexicon import PARTS_OF_DAY
from .quantity import parse_quantity
from .reading import Reading, Relation
from .rule import (
    Rule,
    following,
    make_rule,
    preceding,
    unit_grain,
    unit_name,
    weekday_number,
)

_DAY_WORDS: Final[dict[str, int]] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DEICTIC_REL: Final[dict[str, int]] = {
    "this": 0, "current": 0, "present": 0, "the current": 0, "the present": 0,
    "last": -1, "past": -1, "the past": -1, "the last": -1, "this past": -1,
    "the latest": -1, "latest": -1, "next": 1, "coming": 1, "the coming": 1, "this coming": 1,
}  # fmt: skip
_THAN: Final = re.compile(r"\s+than\b", re.IGNORECASE)
_CLAUSE_END: Final = re.compile(r"^\s*(?:[,.;:!?)\"'”’]|--|$)")


def _part(text: str | None) -> str | None:
    return PARTS_OF_DAY[text.lower()] if text else None


def _edge_mod(m: re.Match[str]) -> str | None:
    return mod_code(m["edge"].strip()) if m["edge"] else None


def _is_title(m: re.Match[str], word: str) -> bool:
    """ "This Week" (a programme), "USA Today" (a paper): a capitalised time word inside a
    sentence is a name."""
    if not word[:1].isupper():
        return False
    before = preceding(m, 3).rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:;\"'`(\n\u201c\u2018-"


def _build_day_word(m: re.Match[str]) -> Reading | None:
    if _is_title(m, m["word"]):
        return None
    word = m["word"].lower()
    part = _part(m["part"]) or ("NI" if word == "tonight" else None)
    kind: TimexType = "TIME" if part else "DATE"
    return Reading(
        "deictic", kind, unit="day", amount=_DAY_WORDS[word], part=part, mod=_edge_mod(m)
    )


def _build_day_after(m: re.Match[str]) -> Reading | None:
    amount = -2 if m["dir"].lower() == "before yesterday" else 2
    return Reading("deictic", "DATE", unit="day", amount=amount)


def _build_this_part(m: re.Match[str]) -> Reading | None:
    if m["part"][:1].isupper() and not m["part"].isupper():
        return None  # "This Morning", a programme: in running text the part is lower case
    word = m["part"].lower()
    rel = (m["rel"] or "this").lower()
    if word == "night" and rel == "this":
        return Reading("deictic", "TIME", unit="day", amount=0, part="NI", mod=_edge_mod(m))
    amount = -1 if rel == "last" else 0
    return Reading("deictic", "TIME", unit="day", amount=amount, part=_part(word),
                   mod=_edge_mod(m))  # fmt: skip


def _build_deictic_unit(m: re.Match[str]) -> Reading | None:
    if m["unit"][:1].isupper() and not m["unit"].isupper():
        return None  # ABC's "This Week": in running text the unit is lower case
    rel = " ".join(m["rel"].lower().split())
    unit = unit_name(m["unit"])
    if unit == "weekend":
        relation: Relation = "last" if _DEICTIC_REL[rel] < 0 else "next"
        if _DEICTIC_REL[rel] == 0:
            return Reading(
                "weekday", "DATE", weekday=6, part="WE", relation="this", mod=_edge_mod(m)
            )
        return Reading("weekday", "DATE", weekday=6, part="WE", relation=relation)
    if unit == "fiscal year":
        unit = "year"
    if unit in ("decade", "century") and _DEICTIC_REL[rel] < 0:
        years = 10 if unit == "decade" else 100
        return Reading("literal", "DURATION", value=f"P{years}Y")  # "the past decade"
    grain = unit_grain(unit)
    edge = (m["edge"] or "").strip().lower()
    if edge in ("earlier", "later") and _DEICTIC_REL[rel] == 0:
        side: Literal["before", "after"] = "before" if edge == "earlier" else "after"
        return Reading("deictic", "DATE", unit=grain, amount=0, rest=side)
    return Reading("deictic", "DATE", unit=grain, amount=_DEICTIC_REL[rel], mod=_edge_mod(m))


def _quantity_amount(text: str) -> int | None:
    number = parse_quantity(text)
    if number is None or number != int(number):
        return None
    return int(number)


def _shift_unit(text: str) -> tuple[Granularity, int]:
    """The calendar unit and multiplier of a unit word ("decades" -> year, 10)."""
    unit = unit_name(text)
    if unit == "decade":
        return "year", 10
    if unit == "century":
        return "year", 100
    if unit == "fortnight":
        return "week", 2
    return unit_grain(unit), 1


def _build_ago(m: re.Match[str]) -> Reading | None:
    amount = _quantity_amount(m["num"])
    unit = unit_name(m["unit"])
    if unit in ("second", "minute", "hour"):
        return None
    if amount is None:
        return Reading("literal", "DATE", value="PAST_REF")
    grain, per = _shift_unit(unit)
    mod = mod_code(m["mod"].strip()) if m["mod"] else ("APPROX" if m["orso"] else None)
    follow: Granularity | None = "quarter" if (grain, amount * per) == ("year", 1) else None
    return Reading("deictic", "DATE", unit=grain, amount=-amount * per, mod=mod, follow=follow)


def _build_from_now(m: re.Match[str]) -> Reading | None:
    amount = _quantity_amount(m["num"])
    if amount is None or unit_name(m["unit"]) in ("second", "minute", "hour"):
        return None
    grain, per = _shift_unit(m["unit"])
    return Reading("deictic", "DATE", unit=grain, amount=amount * per)


def _build_vague_ago(m: re.Match[str]) -> Reading | None:
    return Reading("literal", "DATE", value="PAST_REF")


def _build_shifted(m: re.Match[str]) -> Reading | None:
    direction = m["dir"].lower()
    if direction in ("before", "after") and not _CLAUSE_END.match(following(m)):
        return None
    if _THAN.match(following(m)):
        return None  # "three days later than planned": a comparison; "three days" is a duration
    amount = _quantity_amount(m["num"])
    unit = unit_name(m["unit"])
    if amount is None or unit in ("second", "minute", "hour"):
        return None
    grain, per = _shift_unit(unit)
    sign = -1 if direction in ("earlier", "before", "previously") else 1
    mod = mod_code(m["mod"].strip()) if m["mod"] else None
    return Reading("anaphoric", "DATE", unit=grain, amount=sign * amount * per, mod=mod)


_ANAPHORIC_DET: Final[dict[str, int]] = {
    "the same": 0, "that": 0, "the next": 1, "the following": 1, "the succeeding": 1,
    "the previous": -1, "the preceding": -1, "the prior": -1,
}  # fmt: skip


def _build_anaphoric_unit(m: re.Match[str]) -> Reading | None:
    det = " ".join(m["det"].lower().split())
    amount = _ANAPHORIC_DET[det]
    unit = unit_name(m["unit"])
    part = _part(unit) if unit in PARTS_OF_DAY else None
    if unit == "weekend":
        relation: Relation = "previous" if amount < 0 else "following"
        return Reading("weekday", "DATE", weekday=6, part="WE", relation=relation)
    grain = unit_grain(unit)
    kind: TimexType = "TIME" if part else "DATE"
    return Reading("anaphoric", kind, unit=grain, amount=amount, grain=grain, part=part,
                   mod=_edge_mod(m))  # fmt: skip


def _build_unit_before(m: re.Match[str]) -> Reading | None:
    if not _CLAUSE_END.match(following(m)):
        return None
    unit = unit_name(m["unit"])
    grain = unit_grain(unit)
    part = "NI" if unit == "night" else None
    amount = -1 if m["dir"].lower() == "before" else 1
    return Reading("anaphoric", "TIME" if part else "DATE", unit=grain, amount=amount,
                   grain=grain, part=part)  # fmt: skip


def _build_year_earlier(m: re.Match[str]) -> Reading | None:
    grain: Granularity | None = "quarter" if "quarter" in m[0].lower() else None
    return Reading("anaphoric", "DATE", unit="year", amount=-1, grain=grain)


_WEEKDAY_REL: Final[dict[str, Relation]] = {
    "last": "last", "this past": "last", "past": "last", "next": "next", "coming": "next",
    "this coming": "next", "this": "this", "the previous": "previous",
    "the following": "following", "the next": "following",
}  # fmt: skip


_WEEKDAY_NAME: Final = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Independent|Tribune|Observer"
    r"|Sport|People|Business|Review|Magazine|Edition|Night\s+Live|Night\s+Football"
    r"|school|schools)\b"
)
"""Words that make a weekday part of a name: "the Sunday Times", "a Sunday school"."""


def _build_weekday(m: re.Match[str]) -> Reading | None:
    if _WEEKDAY_NAME.match(following(m, 20)):
        return None
    if m["part"] and m["part"][:1].isupper() and not m["part"].isupper():
        return None  # "Tuesday Morning Corp.": in running text the part of day is lower case
    rel = _WEEKDAY_REL[" ".join(m["rel"].lower().split())] if m["rel"] else None
    part = _part(m["part"])
    mod = _edge_mod(m)
    return Reading("weekday", "DATE", weekday=weekday_number(m["wd"]),
                   relation=rel, part=part, mod=mod)  # fmt: skip


def _build_the_unit(m: re.Match[str]) -> Reading | None:
    unit = unit_name(m["unit"])
    if unit == "weekend":
        return Reading("weekday", "DATE", weekday=6, part="WE")
    qualifier = (m["q"] or "").lower().strip()
    if unit == "year" and _PERIOD_ENDING.match(following(m)):
        return Reading("literal", "DURATION", value="P1Y")
    if unit == "quarter" and qualifier == "latest":
        return Reading("deictic", "DATE", unit="quarter", amount=-1)
    grain = unit_grain(unit)
    return Reading("anaphoric", "DATE", unit=grain, amount=0, grain=grain)


_PERIOD_ENDING: Final = re.compile(r"\s+(?:ended|ending|ends|through|to\s+date)\b", re.IGNORECASE)


def _build_edge_unit(m: re.Match[str]) -> Reading | None:
    return Reading("deictic", "DATE", unit=unit_grain(m["unit"]), amount=0, mod=_edge_mod(m))


def _literal(value: str) -> Reading:
    return Reading("literal", "DATE", value=value)


_BEFORE_THE_PRESENT: Final = re.compile(
    r"\b(?:until|till|to|at|for|from|into|through)\s+$", re.IGNORECASE
)


def _build_present(m: re.Match[str]) -> Reading | None:
    if m[0].lower().startswith("the ") and not _BEFORE_THE_PRESENT.search(preceding(m, 12)):
        return None  # "the present was wrapped": a gift; "until the present": now
    return _literal("PRESENT_REF")


def _build_future(m: re.Match[str]) -> Reading | None:
    return _literal("FUTURE_REF")


def _build_past(m: re.Match[str]) -> Reading | None:
    return _literal("PAST_REF")


def _build_earlier(m: re.Match[str]) -> Reading | None:
    if not _CLAUSE_END.match(following(m)):
        return None
    return _literal("PAST_REF")


def _build_current(m: re.Match[str]) -> Reading | None:
    """ "current" and "recent" before a noun; not in set phrases ("current account")."""
    if _NOT_TEMPORAL_AFTER.match(following(m)):
        return None
    return _literal("PRESENT_REF" if m[0].lower() == "current" else "PAST_REF")


_NOT_TEMPORAL_AFTER: Final = re.compile(
    r"\s*(?:account|accounts|affairs|events|dollars|assets|liabilities|yield|carrying|flowing"
    r"|through|quarter|year|month|week|days|weeks|months|years|decades|quarters|times)\b",
    re.IGNORECASE,
)


def _build_now(m: re.Match[str]) -> Reading | None:
    if re.match(r"-\w", following(m)):
        return None
    return _literal("PRESENT_REF")


_SHIFT_UNITS: Final = r"(?:days?|weeks?|months?|years?|decades?|centuries|century|fortnights?)"

RELATIVE_RULES: Final[tuple[Rule, ...]] = (
    make_rule(
        "day_word",
        rf"(?P<edge>(?:early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow)"
        rf"(?:\s+(?P<part>{PART_OF_DAY}))?\b",
        _build_day_word,
    ),
    make_rule(
        "day_after_tomorrow",
        r"the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b",
        _build_day_after,
    ),
    make_rule(
        "this_part",
        rf"(?P<edge>(?:early|late|mid|earlier|later)[\s-]+)?(?P<rel>this|last)\s+"
        rf"(?P<part>{PART_OF_DAY})\b",
        _build_this_part,
    ),
    make_rule(
        "mid_part",
        r"(?P<edge>(?:mid)[\s-]*)(?P<rel>)(?P<part>morning|afternoon|evening)\b",
        _build_this_part,
    ),
    make_rule(
        "deictic_unit",
        rf"(?P<edge>{EDGE}|(?:earlier|later)\s+)?(?P<rel>this\s+past|this\s+coming|the\s+past"
        r"|the\s+last|the\s+coming|the\s+current|the\s+present|the\s+latest|this|last|next"
        r"|current)\s+(?P<unit>weekend|week|month|year|quarter|decade|century|fiscal\s+year)\b"
        r"(?!-)",
        _build_deictic_unit,
    ),
    make_rule(
        "edge_of_unit",
        r"(?P<edge>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<unit>year|month|week)\b",
        _build_edge_unit,
    ),
    make_rule(
        "ago",
        rf"(?P<mod>{MODIFIER}\s+)?(?:just\s+)?(?P<num>{NUMBER})\s+(?P<unit>{UNITS})"
        r"(?P<orso>\s+or\s+so)?\s+ago\b",
        _build_ago,
    ),
    make_rule("vague_ago", rf"(?:{_SHIFT_UNITS}|long|a\s+while)\s+ago\b", _build_vague_ago),
    make_rule(
        "from_now",
        rf"(?P<num>{NUMBER})\s+(?P<unit>{UNITS})\s+(?:from\s+now|hence)\b",
        _build_from_now,
    ),
    make_rule(
        "shifted",
        rf"(?P<mod>{MODIFIER}\s+)?(?P<num>{NUMBER})\s+(?P<unit>{UNITS})\s+"
        r"(?P<dir>earlier|later|before|after)\b",
        _build_shifted,
    ),
    make_rule(
        "anaphoric_unit",
        r"(?P<edge>(?:earlier|later)\s+)?(?P<det>the\s+same|that|the\s+next|the\s+following"
        r"|the\s+succeeding|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>day|week"
        r"(?:end)?|month|year|quarter|morning|afternoon|evening|night)\b(?!-)",
        _build_anaphoric_unit,
    ),
    make_rule(
        "the_unit",
        r"the\s+(?P<q>(?:latest|current|same|comparable|full|fiscal)\s+)?(?P<unit>quarter|year"
        r"|weekend)\b(?!-|\s+(?:of|before|after|earlier|ago)\b)",
        _build_the_unit,
    ),
    make_rule(
        "unit_before",
        r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after)\b",
        _build_unit_before,
    ),
    make_rule(
        "year_earlier",
        r"(?:the\s+year-(?:earlier|ago)\s+(?:period|quarter|(?:first|second|third|fourth)"
        r"[\s-]+quarter|nine\s+months|six\s+months|half|month|year)|year-(?:earlier|ago))\b",
        _build_year_earlier,
    ),
    make_rule(
        "weekday",
        r"(?P<edge>(?:early|late)\s+)?(?:(?P<rel>this\s+past|this\s+coming"
        r"|the\s+previous|the\s+following|the\s+next|last|next|this|past|coming)\s+)?"
        rf"(?P<wd>{WEEKDAY})(?:,?\s+(?P<part>{PART_OF_DAY}))?",
        _build_weekday,
    ),
    make_rule(
        "present",
        r"\b(?:right\s+now|currently|presently|at\s+present|these\s+days"
        r"|nowadays|the\s+present)\b",
        _build_present,
    ),
    make_rule("now", r"\bnow\b", _build_now),
    make_rule("current", r"\b(?:current|recent)\b(?=\s+[a-z])", _build_current),
    make_rule(
        "future",
        r"\b(?:the\s+(?:near\s+|distant\s+)?future|the\s+(?:short|long|near)\s+term"
        r"|a\s+later\s+date)\b(?!-)",
        _build_future,
    ),
    make_rule(
        "past",
        r"\b(?:recently|lately|the\s+past(?!\s+(?:few|several|\d))|recent\s+times)\b",
        _build_past,
    ),
    make_rule("earlier", r"\bearlier\b", _build_earlier),
)
