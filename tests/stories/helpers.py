"""Hand-built articles and features for the story tests."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np

from storyweave.model import AnnotatedArticle, Article, Mention, Span
from storyweave.stories.features import StoryFeatures


def make_article(
    article_id: str,
    text: str,
    *,
    entities: dict[str, str] | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> AnnotatedArticle:
    """An annotated article whose mentions are every occurrence of ``entities`` (surface: label)."""
    mentions = []
    for surface, label in (entities or {}).items():
        start = text.find(surface)
        while start >= 0:
            mentions.append(Mention(Span(start, start + len(surface)), label))
            start = text.find(surface, start + 1)
    article = Article(id=article_id, text=text, ref=article_id, title=title, published=published)
    return AnnotatedArticle(article=article, mentions=tuple(sorted(mentions, key=_start)))


def _start(ment: Mention) -> int:
    return ment.span.start


def topic_vector(topic: int, article_id: str, *, dim: int = 32, noise: float = 0.15) -> np.ndarray:
    """A unit vector near basis direction ``topic``, with noise seeded by the article id."""
    seed = int.from_bytes(hashlib.sha1(article_id.encode()).digest()[:4], "little")
    rng = np.random.default_rng(seed)
    vec = rng.normal(0.0, noise, dim)
    vec[topic] += 1.0
    return (vec / np.linalg.norm(vec)).astype(np.float32)


def make_features(
    article_id: str,
    topic: int,
    entities: dict[str, int],
    *,
    date: dt.date | None = None,
) -> StoryFeatures:
    return StoryFeatures(
        article_id=article_id,
        vector=topic_vector(topic, article_id),
        entities=tuple(sorted(entities.items())),
        date=date,
        headline=f"headline of {article_id}",
        # the words of an article name its entities and what happened (its topic)
        terms=tuple(sorted({**entities, f"event{topic}": 2, f"what{topic}": 1}.items())),
    )
