"""The store's stories: their members as written (:func:`.clusters.write_story`) and read."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from .._types import StoryId
from ..errors import NotFound
from ..model import Story
from . import schema as t
from .base import StoreBase


class StoryStore(StoreBase):
    """Stories and the articles each holds."""

    def save_story(self, story: Story, *, method: str) -> None:
        """Make ``story`` hold exactly its articles (moving them from other stories); a story
        left with no articles is deleted. Concurrent writers of the same story serialise on
        its row."""
        from .clusters import write_story

        with self._tx() as conn:
            write_story(conn, story, method=method)

    def stories(self) -> list[Story]:
        return self._stories(None)

    def story(self, sid: StoryId) -> Story:
        found = self._stories(sid)
        if not found:
            raise NotFound("E303", kind="story", ident=sid)
        return found[0]

    def _stories(self, sid: StoryId | None) -> list[Story]:
        query = (
            sa.select(
                t.stories.c.id,
                t.stories.c.title,
                t.story_articles.c.article_id,
                t.articles.c.published,
            )
            .join(t.story_articles, t.story_articles.c.story_id == t.stories.c.id)
            .join(t.articles, t.articles.c.id == t.story_articles.c.article_id)
            .order_by(t.stories.c.id, t.articles.c.ingested_at, t.articles.c.id)
        )
        if sid is not None:
            query = query.where(t.stories.c.id == sid)
        grouped: dict[str, tuple[str, list[str], list[str]]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                _, members, dates = grouped.setdefault(r.id, (r.title, [], []))
                members.append(r.article_id)
                if r.published:
                    dates.append(r.published)
        return [
            Story(
                id=s,
                title=title,
                article_ids=tuple(members),
                first_seen=dt.date.fromisoformat(min(dates)) if dates else None,
                last_seen=dt.date.fromisoformat(max(dates)) if dates else None,
            )
            for s, (title, members, dates) in grouped.items()
        ]
