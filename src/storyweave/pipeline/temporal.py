"""The ``timexes`` stage: time expressions normalised to TIMEX3 values and anchored.

DOCS: docs/stages/timex.md
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storyweave.model import AnnotatedArticle, Timex
from storyweave.nlp import languages
from storyweave.timex import find_publication_date, find_timexes
from storyweave.timex.foreign import body_timexes, dateline_timex

from .registry import stage


@stage("timexes", requires={"sentences", "doc"}, produces={"timexes"}, version="5")
def timexes(item: AnnotatedArticle) -> dict[str, Any]:
    """Find, normalise and anchor the time expressions of the article's body.

    The anchor is the article's publication date; when it has none, a date the
    body's own dateline states ("WASHINGTON, Aug. 7, 1998 (AP) -"). Without
    either, relative expressions stay unanchored (``anchored=False``).
    """
    if not languages.analysed(item.language):  # the English rules read English only
        return {"timexes": tuple(_foreign_timexes(item))}
    article = item.article
    body = article.body
    published = article.published or find_publication_date(body)
    found = find_timexes(article.text, published=published, end=len(body), doc=item.doc)
    return {"timexes": tuple(found)}


def _foreign_timexes(item: AnnotatedArticle) -> list[Timex]:
    """The date line of an article in another language and, in a language read in part, the
    dates of its body (:func:`storyweave.timex.foreign.body_timexes`)."""
    article, language = item.article, item.language or ""
    body = article.body
    line = dateline_timex(body, language, end=len(body))
    out = [line] if line is not None else []
    if languages.read_in_part(language):
        published = article.published or (
            dt.date.fromisoformat(line.value) if line is not None else None
        )
        for x in body_timexes(body, language, published, start=article.own_start):
            if line is None or x.span.start >= line.span.end or x.span.end <= line.span.start:
                out.append(x)
    return out
