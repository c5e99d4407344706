"""Figures in the text of another language: "3.000 personas", "1,5 millones", "plus de 200
maisons", "около 40 %", "khoảng 200 ngôi nhà" (issue 20).

A figure is read with its language's separators: where a comma is the decimal sign ("1,5"),
a point or a (thin, no-break) space groups thousands ("1.000", "1 000"), and a point before
fewer than three digits is read as a decimal point ("2.5"), the way a reader would. A scale word
multiplies it ("3 millones"), a word before it makes it approximate or a bound ("unos 200",
"más de 3.000"), and the words after it say what it counts, as written. A number next to a
month ("5 de marzo", "tháng 5"), a year, a clock time, a code ("DC-9", "A330") or a model
after a name ("Boeing 737") is no figure.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from storyweave.model import Span

from .lexicon import (
    ABOUT,
    AT_LEAST,
    AT_MOST,
    CLOCK_BEFORE,
    DECIMAL_COMMA,
    DESIGNATION,
    FUNCTION_WORDS,
    HOUR_WORDS,
    LINKS,
    MONTHS,
    PERCENT,
    SCALES,
    SPACE_GROUPS,
)
from .stance import lower

FigureHedge = Literal["about", "at_least", "at_most"]

_GROUP_SPACES: Final = "\u00a0\u202f\u2009"
_CODE_EDGE: Final = r"(?![\w,]*\d)(?![^\W\d_])(?!-\w)"
"""A number glued to letters or a hyphen ("DC-9", "A330-300E", "150px", "G7") is a code or a
name, not a figure."""
_COMMA_NUMBER: Final = re.compile(
    r"(?<![\w.,\-])(?:\d{1,3}(?:(?:\.|[" + _GROUP_SPACES + r"])\d{3})+|\d+)(?:,\d+)?" + _CODE_EDGE
)
_COMMA_NUMBER_SPACED: Final = re.compile(
    r"(?<![\w.,\-])(?:\d{1,3}(?:(?:\.|[ " + _GROUP_SPACES + r"])\d{3})+|\d+)(?:,\d+)?" + _CODE_EDGE
)
_POINT_DECIMAL: Final = re.compile(r"(?<![\w.,\-])\d+\.\d{1,2}(?![\w.,]*\d)(?![^\W\d_])")
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*\.?")
_CURRENCY: Final = frozenset("$€£¥₽₫")
UNIT_WORDS: Final = 2
"""Words after a figure kept as what it counts when the first is a Vietnamese classifier
("200 ngôi nhà"); one word otherwise."""
VI_CLASSIFIERS: Final = frozenset(
    [
        "ngôi",
        "căn",
        "chiếc",
        "con",
        "cái",
        "tòa",
        "toà",
        "bức",
        "quả",
        "cây",
        "chuyến",
        "đợt",
        "tấm",
        "cuốn",
        "bộ",
    ]
)
"""Vietnamese classifiers, which stand between a figure and the noun it counts."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: ``value`` (scaled), as written in ``span`` (hedge and scale word included),
    what it counts (``unit``, the words after it, lower case), and its hedge."""

    span: Span
    value: float
    text: str
    unit: str
    hedge: FigureHedge | None = None
    percent: bool = False


def find_figures(
    text: str, language: str, *, start: int = 0, end: int | None = None
) -> list[Figure]:
    """The figures of ``text[start:end]`` read in ``language`` (spans index ``text``)."""
    lang = language.split("-")[0].lower()
    stop = len(text) if end is None else end
    out: list[Figure] = []
    for number_at, number_end, value in _numbers(text, lang, start, stop):
        if _in_date(text, lang, number_at, number_end, value):
            continue
        value, after = _scaled(text, lang, number_end, value)
        percent, after = _percent(text, lang, after)
        hedge, begin = _hedge(text, lang, number_at, start)
        currency = number_at > 0 and text[number_at - 1] in _CURRENCY
        if currency:
            begin = min(begin, number_at - 1)
        unit, unit_end = ("%", after) if percent else _unit(text, lang, after, stop)
        if currency:
            unit = text[number_at - 1]
        out.append(
            Figure(
                span=Span(begin, unit_end if unit else after),
                value=value,
                text=text[begin : unit_end if unit else after],
                unit=unit,
                hedge=hedge,
                percent=percent,
            )
        )
    return out


def read_number(written: str, language: str) -> float | None:
    """The value of one number as ``language`` writes it ("1.000" -> 1000, "1,5" -> 1.5)."""
    lang = language.split("-")[0].lower()
    if lang not in DECIMAL_COMMA:
        try:
            return float(written.replace(",", ""))
        except ValueError:
            return None
    if _POINT_DECIMAL.fullmatch(written):
        return float(written)
    plain = re.sub(r"[.\s" + _GROUP_SPACES + r"]", "", written).replace(",", ".")
    try:
        return float(plain)
    except ValueError:
        return None


def _numbers(text: str, lang: str, start: int, stop: int) -> list[tuple[int, int, float]]:
    # a space groups thousands in French and Russian, and in the others' style books too
    # ("1 000 000"): groups of exactly three digits, so "3 200" is read as one figure
    pattern = (
        _COMMA_NUMBER_SPACED if lang in SPACE_GROUPS or lang in DECIMAL_COMMA else _COMMA_NUMBER
    )
    found: list[tuple[int, int, float]] = []
    taken: set[int] = set()
    for m in _POINT_DECIMAL.finditer(text, start, stop):
        found.append((m.start(), m.end(), float(m.group())))
        taken.update(range(m.start(), m.end()))
    for m in pattern.finditer(text, start, stop):
        if m.start() in taken:
            continue
        value = read_number(m.group(), lang)
        if value is not None:
            found.append((m.start(), m.end(), value))
    found.sort()
    return found


def _words_after(text: str, at: int, n: int) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    pos = at
    while len(out) < n:
        gap = re.match(r"[ \t" + _GROUP_SPACES + r"]*", text[pos:])
        assert gap is not None
        m = _WORD.match(text, pos + gap.end())
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([^\W\d_][\w'’-]*)[ \t" + _GROUP_SPACES + r"]*$", text[max(0, at - 40) : at])
    return m.group(1).lower() if m else ""


def _in_date(text: str, lang: str, at: int, end: int, value: float) -> bool:
    """Whether the number is part of a date or a time ("5 de marzo", "marzo de 2024",
    "tháng 5", "18:30", "2024")."""
    months = MONTHS.get(lang, frozenset())
    ordinal = end + 1 if text[end : end + 1] == "." else end  # "am 3. März"
    following = [m.group().lower().rstrip(".") for m in _words_after(text, ordinal, 2)]
    if following and (following[0] in months or ((following[0] in LINKS.get(lang, ()) or
                                                 following[0] in {"de", "di"})
                      and len(following) > 1 and following[1] in months)):  # fmt: skip
        return True
    before = _word_before(text, at)
    if before in months or (before in {"de", "di", "del"} and _word_before(
            text, at - len(before) - 1) in months):  # fmt: skip
        return True
    if text[end : end + 1] in {":", "h"} and text[end + 1 : end + 2].isdigit():
        return True  # a clock time
    clock = _word_before(text, at) in CLOCK_BEFORE or text[end : end + 1] == "."
    if following and following[0] in HOUR_WORDS and value <= 24 and clock:
        return True  # "um 14 Uhr", "à 14 heures", "14.30 Uhr"; "150 uur" counts hours
    if at > 0 and text[at - 1] == ":":
        return True
    written = text[at:end]
    if written.isdigit() and len(written) == 4 and 1800 <= value <= 2100:
        return True
    if _word_before(text, at) in {d.rstrip(".") for d in DESIGNATION.get(lang, ())} or any(
        text[max(0, at - len(d) - 1) : at].lower().rstrip() == d for d in DESIGNATION.get(lang, ())
    ):
        return True  # "Bão số 5", "Nr. 3"
    return _after_name(text, lang, at, end)


def _after_name(text: str, lang: str, at: int, end: int) -> bool:
    """Whether the number names a model or a designation: it follows a name inside a sentence
    and nothing it could count follows it ("el Boeing 737 y el F-16", "Apollo 11."); "in
    Eindhoven 750 nieuwe banen" counts jobs."""
    m = re.search(r"([^\W\d_][\w'’-]*)[ " + _GROUP_SPACES + r"]$", text[max(0, at - 40) : at])
    if m is None or not m.group(1)[0].isupper():
        return False
    before = text[: at - len(m.group())].rstrip()
    if not before or before[-1] in '.!?:;"«»“”„—–-\n':
        return False
    following = _words_after(text, end, 1)
    if not following or text[end : following[0].start()].strip():
        return True  # punctuation or the end after it
    return following[0].group().lower() in FUNCTION_WORDS.get(lang, frozenset())


def _scaled(text: str, lang: str, at: int, value: float) -> tuple[float, int]:
    scales = SCALES.get(lang, {})
    words = _words_after(text, at, 2)
    if len(words) == 2:
        pair = f"{words[0].group().lower()} {words[1].group().lower()}"
        if pair in scales:
            return value * scales[pair], words[1].end()
    if words:
        word = words[0].group().lower()
        for form in (word, word.rstrip(".")):
            if form in scales:
                end = words[0].end() if form == word else words[0].end() - 1
                return value * scales[form], end
    return value, at


def _percent(text: str, lang: str, at: int) -> tuple[bool, int]:
    m = re.match(r"[ " + _GROUP_SPACES + r"]?%", text[at:])
    if m:
        return True, at + m.end()
    rest = lower(text[at : at + 30])
    for phrase in PERCENT.get(lang, ()):
        m = re.match(r"\s+" + re.escape(phrase) + r"\b", rest)
        if m:
            return True, at + m.end()
    return False, at


def _hedge(text: str, lang: str, at: int, floor: int) -> tuple[FigureHedge | None, int]:
    before = lower(text[max(floor, at - 40) : at])
    for hedge, table in (("at_least", AT_LEAST), ("at_most", AT_MOST), ("about", ABOUT)):
        for phrase in sorted(table.get(lang, ()), key=len, reverse=True):
            m = re.search(r"(?:^|(?<=\W))" + re.escape(phrase) + r"\s+$", before)
            if m:
                return hedge, at - (len(before) - m.start())  # type: ignore[return-value]
    return None, at


def _unit(text: str, lang: str, at: int, stop: int) -> tuple[str, int]:
    words = [m for m in _words_after(text, at, UNIT_WORDS + 1) if m.end() <= stop]
    links = LINKS.get(lang, frozenset())
    if words and words[0].group().lower() in links:
        words = words[1:]
    counted = UNIT_WORDS if lang == "vi" and words and words[0].group().lower() in (
        VI_CLASSIFIERS) else 1  # fmt: skip
    keep = words[:counted]
    if not keep:
        return "", at
    unit = " ".join(m.group().rstrip(".").lower() for m in keep)
    return unit, keep[-1].end() - (1 if keep[-1].group().endswith(".") else 0)


def figure_clauses(text: str, language: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` cut at clause breaks (", ", ";", ":", dashes) and at the language's
    conjunctions, so each counted phrase stands apart ("al menos 12 muertos | más de 80
    heridos"); a decimal comma ("1,5") is no break."""
    from .lexicon import CONJUNCTIONS

    words = CONJUNCTIONS.get(language.split("-")[0].lower(), frozenset())
    breaks = [m.start() for m in re.finditer(r",\s|;|:\s|\s[—–]\s", text[start:end])]
    for m in re.finditer(r"(?<=\s)(\w+)(?=\s)", text[start:end]):
        if m.group(1).lower() in words:
            breaks.append(m.start())
    out: list[Span] = []
    lo = start
    for b in sorted(set(breaks)):
        if start + b > lo:
            out.append(Span(lo, start + b))
        lo = start + b
    out.append(Span(lo, end))
    return [_stripped(text, s) for s in out if text[s.start : s.end].strip(" ,;:—–")]


def _stripped(text: str, span: Span) -> Span:
    piece = text[span.start : span.end]
    left = len(piece) - len(piece.lstrip(" ,;:—–"))
    right = len(piece.rstrip(" ,;:—–."))
    return Span(span.start + left, span.start + max(left, right))
