"""The graph of one stored story (what ``storyweave graph STORY`` prints)."""

from __future__ import annotations

from .._types import StoryId
from ..storage import SQLStore
from .build import EntityGraph, build_graph


def story_graph(store: SQLStore, story_id: StoryId) -> EntityGraph:
    """Build the entity graph of the stored story ``story_id``.

    Raises:
        NotFound: no story has this id.
    """
    from ..report import build_report

    story = store.story(story_id)
    report = build_report(store, story.article_ids)
    entry = next((s for s in report["stories"] if s["id"] == story_id), None)
    items = [store.annotated(a) for a in story.article_ids]
    return build_graph(items, report, story=entry)
