"""The story page's date labels: :func:`storyweave.timex.labels.date_label` with the short
month names a narrow column needs ("26 Nov 2026, morning")."""

from __future__ import annotations

from typing import Final

from ...timex.labels import SHORT_MONTHS, date_label

MONTHS: Final = SHORT_MONTHS


def readable_date(value: str, mod: str | None = None) -> str:
    """A short label for a TIMEX3 value.

    >>> readable_date("2026-11-26TMO")
    '26 Nov 2026, morning'
    >>> readable_date("16")
    '17th century'
    >>> readable_date("2023-W37")
    'week of 11 Sep 2023'
    """
    return date_label(value, mod, short=True)
