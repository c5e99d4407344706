"""TempEval-3 Task A scoring of time expressions against a gold annotation.

- strict extraction: the spans are identical;
- relaxed extraction: the spans overlap, each gold and each system timex matched
  at most once (a gold timex takes the unused system timex it overlaps most);
- value F1, the official ranking score: a relaxed match with the identical value;
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
    type: int = 0
    matches: list[Match] = field(default_factory=list)
    spurious: list[Timex] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
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
        tally.value += s.value == g.value
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
