"""Find time-expression candidates in text: every rule runs, the longest match wins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .reading import Reading
from .rule import Rule
from .rules_calendar import CALENDAR_RULES
from .rules_relative import RELATIVE_RULES
from .rules_spans import SPAN_RULES

RULES: Final[tuple[Rule, ...]] = CALENDAR_RULES + RELATIVE_RULES + SPAN_RULES
"""Every rule, in priority order (earlier wins between equally long matches)."""

_TRAILING: Final = " \t\r\n,;:"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the text and what it means; ``rule`` names the rule that read it."""

    start: int
    end: int
    reading: Reading
    rule: str


def extract(text: str, *, start: int = 0, end: int | None = None) -> list[Candidate]:
    """The time expressions in ``text[start:end]``, in text order, none overlapping."""
    stop = len(text) if end is None else min(end, len(text))
    found: list[tuple[int, int, int, Candidate]] = []
    for priority, rule in enumerate(RULES):
        has_x = "x" in rule.pattern.groupindex
        for match in rule.pattern.finditer(text, start, stop):
            reading = rule.build(match)
            if reading is None:
                continue
            s, e = match.span("x") if has_x else match.span()
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            if e <= s:
                continue
            found.append((s, e, priority, Candidate(s, e, reading, rule.name)))
    found.sort(key=_selection_order)
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for s, e, _, cand in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        chosen.append(cand)
        taken.append((s, e))
    chosen.sort(key=_text_order)
    return chosen


def _selection_order(item: tuple[int, int, int, Candidate]) -> tuple[int, int, int]:
    s, e, priority, _ = item
    return (s - e, priority, s)


def _text_order(cand: Candidate) -> int:
    return cand.start
