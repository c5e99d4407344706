"""Time expressions: find them, normalise them to TIMEX3 values, anchor them.

Public API: :func:`find_timexes` and :func:`find_publication_date`.

DOCS: docs/stages/timex.md
"""

from __future__ import annotations

from .dateline import find_publication_date
from .find import find_timexes

__all__ = ["find_publication_date", "find_timexes"]
