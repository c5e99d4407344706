"""What an extracted time expression means, before it is resolved against an anchor.

Extraction (:mod:`storyweave.timex.extract`) turns a span of text into a
:class:`Reading`; resolution (:mod:`storyweave.timex.resolve`) turns a reading
into a TIMEX3 value using the publication date, the dates the text has
established so far, and the tense around the expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyweave.model import TimexType

from .calendar import Granularity, Point

ReadingKind = Literal["literal", "date", "weekday", "deictic", "anaphoric", "clock"]
Relation = Literal["this", "last", "next", "previous", "following"]


@dataclass(frozen=True, slots=True)
class Reading:
    """The meaning of one time expression.

    ``kind`` says how the value is found:

    - ``literal``: ``value`` is final ("P3D", "PRESENT_REF", "XXXX-WXX-1").
    - ``date``: ``point`` is a calendar value; with ``point.year`` None the year
      comes from the anchor and the tense ("in October"); ``relation`` "last" /
      "next" / "this" picks the occurrence ("last May").
    - ``weekday``: ISO ``weekday`` near the anchor, by ``relation`` or tense.
    - ``deictic``: the publication date moved by ``amount`` ``unit``\\s
      ("yesterday", "last year", "two weeks ago").
    - ``anaphoric``: the date the text last established moved by ``amount``
      ``unit``\\s ("a day earlier", "the same day", "the following year"), or
      the publication date when the text established none.
    - ``clock``: a time of day (``clock`` = "T22:00") on the day given by
      ``point`` / ``weekday`` / ``unit`` + ``amount``, else the last established day.

    ``grain`` fixes the result's granularity; ``part`` adds a part of day ("MO")
    or "WE" for a weekend. A deictic reading with ``follow`` set behaves as an
    anaphoric one when the last established date has that granularity: in
    earnings reports "a year ago" after "the third quarter" is that quarter a
    year before. ``rest`` marks the rest of the current period before or after the
    publication date ("earlier this year", "later this month"; see ``periods.py``).
    """

    kind: ReadingKind
    type: TimexType
    point: Point | None = None
    weekday: int = 0
    unit: Granularity | None = None
    amount: int = 0
    grain: Granularity | None = None
    relation: Relation | None = None
    part: str | None = None
    clock: str | None = None
    value: str | None = None
    mod: str | None = None
    follow: Granularity | None = None
    rest: Literal["before", "after"] | None = None
