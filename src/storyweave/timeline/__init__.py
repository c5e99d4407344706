"""A story's timeline in event time, with evidence for every entry.

Public API: :func:`build_timeline`, :class:`TimelineEntry`, :func:`event_date`.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

from .build import build_timeline
from .dates import EventDate, event_date
from .entry import TimelineEntry
from .parsing import Cite

__all__ = ["Cite", "EventDate", "TimelineEntry", "build_timeline", "event_date"]
