"""Hand-made timeline articles run through the stages the timeline reads (no linking)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from storyweave.model import AnnotatedArticle, Article
from storyweave.pipeline import Pipeline

STAGES = ("language", "sentences", "ner", "mention_repair", "timexes")


def annotate(
    texts: Mapping[str, str],
    published: dt.date,
    *,
    dates: Mapping[str, dt.date] | None = None,
) -> dict[str, AnnotatedArticle]:
    """Each text as an article (id = its key) published on ``published`` (or its own date in
    ``dates``), annotated by :data:`STAGES`."""
    own = dates or {}
    articles = [
        Article(id=key, text=text, ref=key, published=own.get(key, published))
        for key, text in texts.items()
    ]
    return {i.article.id: i for i in Pipeline(STAGES).run(articles).articles}
