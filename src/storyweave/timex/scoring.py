"""TempEval-3 Task A scoring of time expressions against a gold annotation.

- strict extraction: the spans are identical;
- relaxed extraction: the spans overlap, each gold and each system timex matched
  at most once (a gold timex takes the unused system timex it overlaps most);
- value F1, the official ranking score: a relaxed match with the same value, compared by
  meaning (:func:`same_value`: "P2.5Y" = "P2Y6M", "2000-W7" = "2000-W07"); ``value_exact``
  counts identical strings only;
- type F1: a relaxed match with the identical type.

Precision divides by the system's timexes, recall by the gold's. The evaluation
script ``evals/tempeval.py`` runs this over TimeBank and AQUAINT.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from storyweave.model import Timex

from ..eval.prf import PRF, prf


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold time expression: the half-open span ``[start, end)``, its type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Match:
    """A gold timex and the system timex matched to it (None: missed)."""

    gold: GoldTimex
    system: Timex | None


@dataclass
class Tally:
    """Counts over one or more documents; ``prf`` turns a count of hits into P/R/F1."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    value_exact: int = 0
    type: int = 0
    matches: list[Match] = field(default_factory=list)
    spurious: list[Timex] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.value_exact += other.value_exact
        self.type += other.type
        self.matches += other.matches
        self.spurious += other.spurious

    def prf(self, hits: int) -> PRF:
        return prf(hits, predicted=self.system, gold=self.gold)


def score_document(gold: Sequence[GoldTimex], system: Sequence[Timex]) -> Tally:
    """Score one document's system timexes against its gold ones."""
    tally = Tally(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        best, best_overlap = -1, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            overlap = min(g.end, s.span.end) - max(g.start, s.span.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best < 0:
            tally.matches.append(Match(g, None))
            continue
        used.add(best)
        s = system[best]
        tally.matches.append(Match(g, s))
        tally.relaxed += 1
        tally.strict += (s.span.start, s.span.end) == (g.start, g.end)
        tally.value += same_value(s.value, g.value)
        tally.value_exact += s.value == g.value
        tally.type += s.type == g.type
    tally.spurious = [s for i, s in enumerate(system) if i not in used]
    return tally


_CATEGORIES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("ref", re.compile(r"(?:PRESENT|PAST|FUTURE)_REF")),
    ("duration", re.compile(r"P.*")),
    ("time", re.compile(r".*T.*")),
    ("day", re.compile(r"\d{4}-\d\d-\d\d")),
    ("week", re.compile(r"\d{4}-W\d+(?:-WE)?")),
    ("month", re.compile(r"\d{4}-\d\d")),
    ("quarter/half/season", re.compile(r"\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)")),
    ("year", re.compile(r"\d{4}")),
    ("decade/century", re.compile(r"\d{2,3}")),
)


def value_category(value: str) -> str:
    """The kind of a TIMEX3 value, for error tables: "day", "month", "duration", ...

    Values with X placeholders are "partial" ("XXXX-10", "XXXX-WXX-1").
    """
    if "X" in value and not value.startswith("P"):
        return "partial"
    for name, pattern in _CATEGORIES:
        if pattern.fullmatch(value):
            return name
    return "other"


_DURATION: Final = re.compile(
    r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<Mo>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<Mi>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?"
)
_MONTHS_PER: Final = {"Y": 12.0, "Mo": 1.0}
_SECONDS_PER: Final = {"W": 604800.0, "D": 86400.0, "H": 3600.0, "Mi": 60.0, "S": 1.0}
_WEEK: Final = re.compile(r"(?P<y>\d{4})-W(?P<w>\d{1,2})(?P<rest>\b.*)")
_CLOCK: Final = re.compile(
    r"(?P<day>.*T)(?P<h>\d\d)(?::(?P<m>\d\d))?(?::(?P<s>\d\d))?(?P<zone>Z|[+-]\d\d(?::?\d\d)?)?"
)


def same_value(a: str, b: str) -> bool:
    """Do two TIMEX3 values mean the same? Written differently is still the same.

    - durations by their length: "P2.5Y" = "P2Y6M" = "P30M", "P2W" = "P14D", "PT90M" =
      "PT1H30M" (calendar units and clock units are not mixed: "P1M" is not "P30D");
    - ISO weeks padded or not: "2000-W7" = "2000-W07";
    - clock times at any precision of zeros: "T17" = "T17:00"; a zone on one side only
      compares the local time ("T18:00" = "T18:00Z"), two different zones differ.
    """
    if a == b:
        return True
    za, zb = _zone(a), _zone(b)
    if za and zb and za != zb:
        return False
    return _canonical(a) == _canonical(b)


def _zone(value: str) -> str | None:
    clock = _CLOCK.fullmatch(value)
    return clock["zone"] if clock is not None and clock["h"] else None


def _canonical(value: str) -> tuple[object, ...]:
    dur = _DURATION.fullmatch(value)
    if dur is not None and value not in ("P", "PT") and not value.endswith("T"):
        months = sum(float(dur[k]) * per for k, per in _MONTHS_PER.items() if dur[k])
        seconds = sum(float(dur[k]) * per for k, per in _SECONDS_PER.items() if dur[k])
        return ("duration", round(months, 6), round(seconds, 3))
    week = _WEEK.fullmatch(value)
    if week is not None:
        return ("week", week["y"], int(week["w"]), week["rest"])
    clock = _CLOCK.fullmatch(value)
    if clock is not None and clock["h"]:
        parts = (clock["day"], clock["h"], clock["m"] or "00", clock["s"] or "00")
        return ("clock", *parts)
    return ("other", value)
