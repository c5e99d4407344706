"""Story clustering: articles about one real-world event become one story.

Typical use (in memory; a store's clusterer works over its tables, see
:func:`storyweave.stories.cache.open_stored` and ``analysis._form_stories``)::

    clusterer = open_clusterer()
    assignments = add_articles(clusterer, annotated_articles)

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyweave._types import ArticleId
from storyweave.model import AnnotatedArticle
from storyweave.nlp.languages import analysed
from storyweave.nlp.multilingual import default_multilingual

from .cluster import Assignment, StoryClusterer, story_id_for
from .crosslang import CrossLanguage, LeadOf
from .embed import Embedder, HashingEmbedder, MiniLMEmbedder, default_embedder
from .features import StoryFeatures, extract_features
from .index import StoryIndex
from .legacy import read_folder
from .score import ClusterOptions
from .state import ClusterState, MemberRecord, MemoryClusterState, Merge, StoryRecord

__all__ = [
    "Assignment",
    "ClusterOptions",
    "ClusterState",
    "Embedder",
    "HashingEmbedder",
    "MemberRecord",
    "MemoryClusterState",
    "Merge",
    "MiniLMEmbedder",
    "StoryClusterer",
    "StoryFeatures",
    "StoryIndex",
    "StoryRecord",
    "add_articles",
    "cross_language",
    "default_embedder",
    "extract_features",
    "open_clusterer",
    "story_id_for",
]


def open_clusterer(
    folder: Path | None = None,
    *,
    embedder: Embedder | None = None,
    state: ClusterState | None = None,
    options: ClusterOptions | None = None,
) -> StoryClusterer:
    """An in-memory clusterer: empty (``storyweave analyze`` without a store), or over the
    state an earlier version saved in ``folder`` (read as it is; see :mod:`.legacy`).

    A store's clusterer works over its tables: :func:`storyweave.stories.cache.open_stored`.
    """
    model = embedder or default_embedder()
    found = None if folder is None else read_folder(folder, dim=model.dim, model_id=model.model_id)
    if found is None:
        index = StoryIndex(model.dim, model.model_id)
        return StoryClusterer(state or MemoryClusterState(), index, options=options)
    return StoryClusterer(state or found[0], found[1], options=options)


def add_articles(
    clusterer: StoryClusterer,
    items: Sequence[AnnotatedArticle],
    *,
    embedder: Embedder | None = None,
) -> list[Assignment]:
    """Embed and place ``items`` (one batch: the result does not depend on their order)."""
    if not items:
        return []
    feats = extract_features(items, embedder or default_embedder())
    if clusterer.cross is None:
        clusterer.cross = cross_language(items)
    return clusterer.add(feats)


def cross_language(
    items: Sequence[AnnotatedArticle], lead_of: LeadOf | None = None
) -> CrossLanguage | None:
    """The cross-language join (:mod:`.crosslang`) when ``items`` hold an article not in
    English and the multilingual model is installed, else None. ``lead_of`` finds the leads of
    articles placed earlier (a store's); the batch's own are remembered as they are placed."""
    if all(analysed(i.article_language) for i in items):
        return None
    embed = default_multilingual()
    if embed is None:
        return None
    return CrossLanguage(embed, lead_of or _unknown)


def _unknown(article_id: ArticleId) -> tuple[str, str | None] | None:
    return None
