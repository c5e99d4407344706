"""Numbers written in words or digits, for durations ("twenty-four hours", "1.5 years")."""

from __future__ import annotations

import re
from typing import Final

from .lexicon import ONES, SCALES, TENS, VAGUE_QUANTITIES

_SPLIT: Final = re.compile(r"[\s-]+")
_FRACTIONS: Final[dict[str, float]] = {"half": 0.5, "quarter": 0.25}


def parse_quantity(text: str) -> float | None:
    """The number ``text`` spells, or None for a vague quantity ("several", "a few").

    Raises:
        ValueError: when ``text`` is not a quantity at all.
    """
    words = text.lower().replace(",", "").strip()
    if words in VAGUE_QUANTITIES:
        return None
    for vague in ("dozens of", "hundreds of", "thousands of", "a couple of", "a couple"):
        if words == vague:
            return 2.0 if "couple" in vague else None
    if words in ("a", "an", "a single", "one"):
        return 1.0
    if words == "a dozen":
        return 12.0
    half = words.endswith((" and a half", " 1/2"))
    if half:
        words = words.removesuffix(" and a half").removesuffix(" 1/2")
    try:
        number = float(words)
    except ValueError:
        number = float(_parse_words(words))
    return number + 0.5 if half else number


def _parse_words(words: str) -> int:
    total = 0
    current = 0
    seen = False
    for word in _SPLIT.split(words):
        if word in ("and", ""):
            continue
        if word in ("a", "an") and not seen:
            current = 1
            seen = True
        elif word in ONES:
            current += ONES[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            raise ValueError(f"not a quantity: {words!r}")
    if not seen:
        raise ValueError(f"not a quantity: {words!r}")
    return total + current


def format_quantity(number: float | None) -> str:
    """``number`` as a TIMEX3 duration amount: "3", "1.5", or "X" when vague."""
    if number is None:
        return "X"
    if number == int(number):
        return str(int(number))
    return f"{number:g}"
