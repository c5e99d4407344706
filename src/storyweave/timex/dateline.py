"""Publication dates from HTML metadata and datelines."""

from __future__ import annotations

import datetime as dt


def find_publication_date(text: str, html: str | None = None) -> dt.date | None:
    return None
