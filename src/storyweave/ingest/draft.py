"""What a reader found: text and whatever metadata the source carried."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Draft:
    """What a reader found: text and whatever metadata the source carried."""

    text: str
    ref: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None
    credits: tuple[str, ...] = ()
    """Who the source's metadata credits for the story (an RSS ``<source>``, ``dc:source``,
    a JSON-LD ``publisher`` or ``isBasedOn``), outermost first; not yet checked as agencies."""
    based_on: str | None = None
    """The URL of the article this one says it is based on (JSON-LD ``isBasedOn``)."""
