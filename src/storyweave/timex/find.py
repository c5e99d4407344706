"""``find_timexes``: extraction, tense and resolution put together."""

from __future__ import annotations

import datetime as dt
from typing import Any

from storyweave.model import Span, Timex

from .direction import direction
from .extract import extract
from .falses import is_false
from .resolve import Resolver
from .tense import TenseFinder

REPORTING_VERBS = frozenset(
    {"say", "tell", "announce", "report", "confirm", "add", "state", "disclose", "reveal"}
)
"""A date these verbs govern dates the report ("the union said on Friday"), not the events it
tells: anaphora ("the following week") skips it when the text has another date."""


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
        if is_false(cand, doc, text):
            continue
        r = cand.reading
        s, e = cand.start, cand.end
        way = direction(tenses.tense(s, e), tenses.aspect(s, e), governed=tenses.governed(s, e))
        reported = tenses.governor(s, e) in REPORTING_VERBS
        res = resolver.resolve(r, s, way, reported=reported)
        out.append(
            Timex(
                span=Span(cand.start, cand.end),
                type=r.type,
                value=res.value,
                anchor=res.anchor,
                anchored=res.anchored,
                mod=res.mod if r.rest is not None else r.mod,
            )
        )
    return out
