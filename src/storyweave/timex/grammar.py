"""Regular-expression fragments for time expressions, built from the word tables.

Rules compile with ``re.IGNORECASE``; month and weekday names are wrapped in
``(?-i:...)`` so that they must be capitalised (or all capitals): "may" the modal
verb and "march" the verb are not months.
"""

from __future__ import annotations

from typing import Final

from .lexicon import MONTHS, ONES, TENS, WEEKDAYS


def _cased(names: list[str]) -> str:
    forms: list[str] = []
    for name in sorted(names, key=len, reverse=True):
        forms += [name.capitalize(), name.upper()]
    return "(?-i:" + "|".join(forms) + ")"


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]

MONTH: Final = rf"(?:{_cased(_FULL_MONTHS)}\b|{_cased(_ABBR_MONTHS)}(?:\.|\b(?!\s*')))"
"""A month name, in full or abbreviated ("Sept.", "Aug")."""

WEEKDAY: Final = rf"(?:{_cased(list(WEEKDAYS))}\b)"
WEEKDAYS_PLURAL: Final = rf"(?:{_cased([d + 's' for d in WEEKDAYS])}\b)"

DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR: Final = r"(?<![\d,.$£€#/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\d,]\d|\.\d|\s*%|-\d)\b"

_WORD_NUMBERS = sorted(list(ONES) + list(TENS) + ["hundred", "thousand"], key=len, reverse=True)
NUMBER_WORD: Final = "(?:" + "|".join(_WORD_NUMBERS) + r")\b"
NUMBER: Final = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    r"|\d+\s+1/2"
    rf"|(?:a\s+(?=hundred|thousand))?{NUMBER_WORD}(?:[\s-]+(?:and\s+)?{NUMBER_WORD})*"
    r"|a\s+dozen|dozens\s+of|a\s+couple(?:\s+of)?|a\s+few|several|few|many|some|numerous"
    r"|a\s+number\s+of|an?)(?:\s+and\s+a\s+half)?"
)
"""A quantity: digits, number words, "a", "an", or a vague quantity."""

UNIT: Final = (
    r"(?:second|minute|hour|day|night|week(?!end)|fortnight|weekend|month|quarter|year"
    r"|decade|century|millennium)"
)
UNITS: Final = rf"(?:{UNIT}s?|centuries|millennia)"

PART_OF_DAY: Final = r"(?:morning|afternoon|evening|night)"
SEASON: Final = r"(?:spring|summer|fall|autumn|winter)"

MODIFIER: Final = (
    r"(?:around|approximately|roughly|nearly|almost|more\s+than|(?:well\s+)?over(?!\s+the\b)"
    r"|less\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
    r"|some)"
)
"""Words that qualify a quantity and belong to the timex ("more than four hours"). TimeBank
leaves "about" and "over the" outside the extent ("about two weeks", "over the past year")."""

MOD_CODES: Final[dict[str, str]] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "well over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
    "within": "EQUAL_OR_LESS", "early": "START", "late": "END", "mid": "MID",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "earlier": "START", "later": "END",
}  # fmt: skip

EDGE: Final = r"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)(?:\s+|-(?=\w)))"
"""A part of a period ("early", "mid-", "the end of")."""


def mod_code(words: str | None) -> str | None:
    """The TIMEX3 ``mod`` for a modifier phrase, or None."""
    if not words:
        return None
    key = " ".join(words.lower().replace("-", " ").split())
    return MOD_CODES.get(key)
