"""A story's timeline in event time, with evidence for every entry.

Public API: :func:`build_timeline`, :class:`TimelineEntry`, :func:`event_date`.

DOCS: docs/stages/brief.md (Timeline)
"""

from __future__ import annotations

from .build import TimelineEntry, build_timeline
from .dates import EventDate, event_date
from .parsing import Cite

__all__ = ["Cite", "EventDate", "TimelineEntry", "build_timeline", "event_date"]
