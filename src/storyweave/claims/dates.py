"""When a claim unit's events happened: the concrete dates and clock times in its span that
hang from its verbs (the ``when`` slot of :mod:`.slots`).

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyweave.model import Span, Timex

_CONCRETE_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def unit_dates(doc: Any, timexes: Sequence[Timex], span: Span) -> tuple[str, ...]:
    """The concrete dates in ``span`` that tell when its events happened."""
    out = []
    clocks = []
    covered: list[Span] = []
    timed = {
        tok.i
        for t in timexes
        if t.type == "TIME"
        for tok in (doc.char_span(t.span.start, t.span.end, alignment_mode="expand") or ())
    }
    for t in timexes:
        if not (span.start <= t.span.start and t.span.end <= span.end):
            continue
        covered.append(t.span)
        if t.type == "TIME" and _CLOCK.match(t.value):
            clocks.append(t.value.split("T", 1)[1][:5])
            continue
        value = _PART_OF_DAY.sub("", t.value)  # "Tuesday morning" -> its day
        if not (t.type in {"DATE", "TIME"} and _CONCRETE_DATE.match(value)):
            continue
        words = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if words is not None and len(words) and _dates_an_event(words.root, timed):
            out.append(value)
    clocks += _clock_times(doc.text, span, covered)
    days = [d for d in out if len(d) == 10]
    if len(days) == 1 and len(clocks) == 1:  # "at 11:20 p.m. on Friday": the day's clock time
        out = [f"{days[0]}T{clocks[0]}" if d == days[0] else d for d in out]
    return tuple(out)


_BARE_CLOCK = re.compile(
    r"\b([01]?\d|2[0-3])(?::([0-5]\d)\b\s*(a\.?m\.?|p\.?m\.?)?|\.([0-5]\d)\s*(a\.?m\.?|p\.?m\.?))",
    re.IGNORECASE,
)
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")


def _clock_times(text: str, span: Span, covered: Sequence[Span]) -> list[str]:
    """Clock times the time stage left without a timex ("at 6:40 Tuesday morning")."""
    out = []
    for m in _BARE_CLOCK.finditer(text, span.start, span.end):
        if any(c.start <= m.start() < c.end for c in covered):
            continue
        hour, minute = int(m.group(1)), m.group(2) or m.group(4)
        half = (m.group(3) or m.group(5) or "").lower()
        if half.startswith("p") and hour < 12:
            hour += 12
        elif half.startswith("a") and hour == 12:
            hour = 0
        out.append(f"{hour:02d}:{minute}")
    return out


def _dates_an_event(tok: Any, timed: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether a date hangs from a verb, directly ("checked in late Thursday") or through a
    preposition ("on May 2", "in 2012"), rather than from a noun ("a 2012 car crash case",
    "the conviction in 2012"): only the first says when something in the claim happened. A
    clock time between them passes it on ("happened at 7:45 a.m. on Thursday")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    for _ in range(3):
        if head.i not in timed or head.head.i == head.i:
            break
        head = head.head.head if head.dep_ == "pobj" else head.head
    return head is tok or head.pos_ in ("VERB", "AUX")
