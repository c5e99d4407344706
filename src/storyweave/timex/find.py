"""``find_timexes``: extraction, tense and resolution put together."""

from __future__ import annotations

import datetime as dt
from typing import Any

from storyweave.model import Span, Timex

from .extract import extract
from .resolve import Resolver
from .tense import TenseFinder


def find_timexes(
    text: str,
    *,
    published: dt.date | None,
    start: int = 0,
    end: int | None = None,
    doc: Any = None,
) -> list[Timex]:
    """Find and normalise every time expression in ``text[start:end]``.

    Args:
        text: the article text; spans index into it.
        published: the publication date, the anchor of relative expressions. With
            None, relative values stay unanchored (X placeholders, ``anchored=False``).
        start, end: the part of ``text`` to analyse (e.g. the body before a credit line).
        doc: an optional spaCy ``Doc`` of ``text[:end]`` whose tags give the tense
            around bare months and weekdays; without it, word lists do.

    Returns:
        The timexes in text order, none overlapping.

    DOCS: docs/stages/timex.md
    """
    stop = len(text) if end is None else min(end, len(text))
    tenses = TenseFinder(text[:stop], doc)
    resolver = Resolver(published)
    out: list[Timex] = []
    for cand in extract(text, start=start, end=stop):
        r = cand.reading
        res = resolver.resolve(r, cand.start, tenses.tense(cand.start, cand.end))
        out.append(
            Timex(
                span=Span(cand.start, cand.end),
                type=r.type,
                value=res.value,
                anchor=res.anchor,
                anchored=res.anchored,
                mod=r.mod,
            )
        )
    return out
