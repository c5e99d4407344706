"""The ``timexes`` stage: time expressions normalised to TIMEX3 values and anchored.

DOCS: docs/stages/timex.md
"""

from __future__ import annotations

from typing import Any

from storyweave.model import AnnotatedArticle
from storyweave.nlp import languages
from storyweave.timex import find_publication_date, find_timexes
from storyweave.timex.foreign import dateline_timex

from .registry import stage


@stage("timexes", requires={"sentences", "doc"}, produces={"timexes"}, version="4")
def timexes(item: AnnotatedArticle) -> dict[str, Any]:
    """Find, normalise and anchor the time expressions of the article's body.

    The anchor is the article's publication date; when it has none, a date the
    body's own dateline states ("WASHINGTON, Aug. 7, 1998 (AP) -"). Without
    either, relative expressions stay unanchored (``anchored=False``).
    """
    if not languages.analysed(item.language):  # the English rules read English only
        line = dateline_timex(item.article.body, item.language or "", end=len(item.article.body))
        return {"timexes": (line,) if line is not None else ()}
    article = item.article
    body = article.body
    published = article.published or find_publication_date(body)
    found = find_timexes(article.text, published=published, end=len(body), doc=item.doc)
    return {"timexes": tuple(found)}
