"""Story clustering: articles about one real-world event become one story.

Typical use (the store's folder holds the index and, until the SQL tables
exist, the cluster state)::

    clusterer = open_clusterer(folder)
    assignments = add_articles(clusterer, annotated_articles)
    save_clusterer(clusterer)

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyweave.model import AnnotatedArticle

from .cluster import Assignment, StoryClusterer, story_id_for
from .embed import Embedder, HashingEmbedder, MiniLMEmbedder, default_embedder
from .features import StoryFeatures, extract_features
from .index import StoryIndex
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
    "default_embedder",
    "extract_features",
    "open_clusterer",
    "save_clusterer",
    "story_id_for",
]


def open_clusterer(
    folder: Path | None = None,
    *,
    embedder: Embedder | None = None,
    state: ClusterState | None = None,
    options: ClusterOptions | None = None,
) -> StoryClusterer:
    """A clusterer over the index (and, unless ``state`` is given, the state) in ``folder``.

    ``folder=None`` gives a throwaway in-memory clusterer (``storyweave analyze``
    without a store).
    """
    model = embedder or default_embedder()
    if folder is None:
        index = StoryIndex(model.dim, model.model_id)
        return StoryClusterer(state or MemoryClusterState(), index, options=options)
    index = StoryIndex.open(folder, dim=model.dim, model_id=model.model_id)
    return StoryClusterer(state or MemoryClusterState.load(folder), index, options=options)


def save_clusterer(clusterer: StoryClusterer) -> None:
    """Persist the index (and an in-memory state) to the folder it was opened from."""
    folder = clusterer.index.folder
    if folder is None:
        return
    clusterer.index.save(folder)
    if isinstance(clusterer.state, MemoryClusterState):
        clusterer.state.save(folder)


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
    return clusterer.add(feats)
