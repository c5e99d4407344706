"""The story's timeline as a time axis, laid out on the server for an inline SVG.

Each dated entry is a numbered marker at its date on one horizontal axis: a dot for a
day or a time, a bar over the span for a coarser value (a month, a year, a century).
Long quiet stretches would squeeze the events into a few pixels, so the axis is
piecewise linear between the dates it shows, each stretch as wide as the logarithm of
its length in days: a week, a year and a decade stay distinguishable on one line, and a
stretch compressed that way is drawn as a break (two slanted strokes). Markers that
would overlap go to the next lane down. Year ticks (month ticks on a short axis) are
labelled where they do not crowd each other.

The template draws the shapes; nothing here is markup. Entries whose value names no
calendar point (an unknown year, a vague reference) are listed under the axis only.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from ..._types import JSON
from ...timeline.dates import EventDate, end_of, event_date
from .dates import MONTHS, readable_date

WIDTH = 960
PAD = 24  # room at either end for a marker and half a label
LANE = 22  # vertical distance between lanes of markers
TOP = 16
MAX_LANES = 6
MARKER_GAP = 22  # markers closer than this (px) go to separate lanes
LABEL_GAP = 44  # minimum distance between two tick labels (px)
BREAK_DAYS = 730  # a stretch longer than this (two years) is drawn as a break


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass(frozen=True, slots=True)
class Marker:
    ref: str
    n: int
    x: float
    x2: float  # end of the span (== x for a day or a time)
    y: float
    css: str
    title: str


@dataclass(frozen=True, slots=True)
class TimelineAxis:
    markers: tuple[Marker, ...]
    ticks: tuple[Tick, ...]
    breaks: tuple[float, ...]
    axis_y: float
    width: int = WIDTH
    height: int = 60

    @property
    def empty(self) -> bool:
        return not self.markers


def timeline_axis(entries: list[JSON]) -> TimelineAxis:
    """The axis for numbered timeline entries (each with ``ref``, ``n``, ``date``)."""
    placed: list[tuple[JSON, EventDate]] = []
    for e in entries:
        d = event_date(str(e.get("date") or ""))
        if d is not None:
            placed.append((e, d))
    if not placed:
        return TimelineAxis(markers=(), ticks=(), breaks=(), axis_y=TOP, height=0)
    knots = sorted({d.start for _, d in placed} | {end_of(d) for _, d in placed})
    scale = _Scale(knots)
    lanes: list[float] = []
    markers: list[tuple[JSON, EventDate, float, float, int]] = []
    for e, d in sorted(placed, key=lambda p: (p[1], int(p[0].get("n", 0)))):
        if d.precision in ("day", "time"):
            x = x2 = scale.mid(d.start)
        else:
            x, x2 = scale(d.start), scale(end_of(d))
        lane = next((i for i, end in enumerate(lanes) if x - end >= MARKER_GAP), None)
        if lane is None:
            lane = len(lanes) if len(lanes) < MAX_LANES else len(lanes) - 1
            if lane == len(lanes):
                lanes.append(x2)
        lanes[lane] = max(x2, x)
        markers.append((e, d, x, x2, lane))
    axis_y = TOP + LANE * len(lanes)
    out = tuple(
        Marker(
            ref=str(e["ref"]),
            n=int(e.get("n", 0)),
            x=round(x, 1),
            x2=round(x2, 1),
            y=TOP + LANE * lane,
            css=f"tl-mark st-{e['status']}" if e.get("status") else "tl-mark",
            title=f"{readable_date(d.value, e.get('mod'))}: {e.get('text', '')}",
        )
        for e, d, x, x2, lane in markers
    )
    return TimelineAxis(
        markers=out,
        ticks=_ticks(scale, knots[0], knots[-1]),
        breaks=tuple(round(x, 1) for x in scale.breaks),
        axis_y=axis_y,
        height=int(axis_y + 34),
    )


class _Scale:
    """Dates to x: piecewise linear between knots, each stretch ~ log(1 + days)."""

    def __init__(self, knots: list[dt.date]) -> None:
        self.knots = knots
        widths = [math.log1p((b - a).days) for a, b in pairwise(knots)]
        total = sum(widths) or 1.0
        span = WIDTH - 2 * PAD
        self.xs = [float(PAD)]
        for w in widths:
            self.xs.append(self.xs[-1] + span * w / total)
        if len(knots) == 1:
            self.xs = [WIDTH / 2]
        self.breaks = [
            (self.xs[i] + self.xs[i + 1]) / 2
            for i, (a, b) in enumerate(pairwise(knots))
            if (b - a).days > BREAK_DAYS
        ]

    def __call__(self, day: dt.date) -> float:
        if day <= self.knots[0]:
            return self.xs[0]
        if day >= self.knots[-1]:
            return self.xs[-1]
        i = bisect_right(self.knots, day) - 1
        a, b = self.knots[i], self.knots[i + 1]
        return self.xs[i] + (self.xs[i + 1] - self.xs[i]) * (day - a).days / (b - a).days

    def mid(self, day: dt.date) -> float:
        """The middle of ``day`` (where a dot for that day goes)."""
        return (self(day) + self(day + dt.timedelta(days=1))) / 2


def _ticks(scale: _Scale, first: dt.date, last: dt.date) -> tuple[Tick, ...]:
    """Year ticks (decades or centuries on a long axis), months on one under two years.

    When fewer than two ticks get a label (an axis inside one month), the first and the
    last day get one instead, so the axis always says where it is.
    """
    years = last.year - first.year
    step = 1 if years <= 60 else 10 if years <= 600 else 100
    short = (last - first).days < BREAK_DAYS
    ticks: list[Tick] = []
    labelled = -1e9
    year = first.year - first.year % step
    while dt.date(year, 1, 1) <= last:
        for month in range(1, 13) if short else (1,):
            day = dt.date(year, month, 1)
            if not first <= day <= last:
                continue
            x = scale(day)
            text = str(year) if month == 1 else MONTHS[month - 1]
            if x - labelled >= LABEL_GAP:
                labelled = x
            else:
                text = ""
            ticks.append(Tick(x=round(x, 1), label=text, major=month == 1))
        year += step
    if sum(1 for t in ticks if t.label) < 2:
        ticks = [t for t in ticks if not t.label]
        ends = [first, last - dt.timedelta(days=1)] if last > first else [first]
        for day in dict.fromkeys(ends):
            label = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
            ticks.append(Tick(x=round(scale.mid(day), 1), label=label, major=True))
    return tuple(ticks)
