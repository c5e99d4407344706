"""A rule: a compiled pattern and the function that reads its match."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import Granularity
from .lexicon import MONTHS, WEEKDAYS
from .reading import Reading

Builder = Callable[[re.Match[str]], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """``build`` reads a match of ``pattern`` (None: not a time expression after all).

    The timex covers the whole match, or only the group named ``x`` when the
    pattern has one (context that must match but stays outside the extent).
    """

    name: str
    pattern: re.Pattern[str]
    build: Builder


def make_rule(name: str, regex: str, build: Builder) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w'])(?:{regex})(?!\w)", re.IGNORECASE), build)


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def weekday_number(text: str) -> int:
    word = text.lower()
    return WEEKDAYS[word if word in WEEKDAYS else word.removesuffix("s")]


_UNIT_GRAINS: dict[str, Granularity] = {
    "day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
    "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
    "century": "century", "season": "season", "half": "half", "fiscal year": "year",
    "morning": "day", "afternoon": "day", "evening": "day",
}  # fmt: skip


def unit_name(text: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century")."""
    word = " ".join(text.lower().split())
    if word == "centuries":
        return "century"
    if word == "millennia":
        return "millennium"
    return word[:-1] if word.endswith("s") and word[:-1] in _SINGULARS else word


_SINGULARS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month",
     "quarter", "year", "decade"}
)  # fmt: skip


def unit_grain(text: str) -> Granularity:
    """The calendar granularity of a unit word ("weeks" -> "week")."""
    return _UNIT_GRAINS.get(unit_name(text), "day")


def preceding(match: re.Match[str], chars: int = 40) -> str:
    """Up to ``chars`` characters of text before the match."""
    return match.string[max(0, match.start() - chars) : match.start()]


def following(match: re.Match[str], chars: int = 40) -> str:
    """Up to ``chars`` characters of text after the match."""
    return match.string[match.end() : match.end() + chars]
