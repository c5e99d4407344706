"""Paged lists of articles and entities, answered by indexed queries (the list views' reads).

Entity lists are ordered by how often an entity is mentioned; those counts live in
``entity_stats`` and are refreshed for the entities of the stories an ingest analysed
(:func:`refresh_entity_stats`), so listing costs one indexed query, not a count over every
mention of the store.

DOCS: docs/architecture.md (Story analyses)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from .._types import JSON, ArticleId, EntityId
from ..model import Entity
from . import schema as t
from . import totals
from .engine import paged, write_tx
from .search import names_match


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity with how many mentions, articles and stories it has."""

    entity: Entity
    mentions: int
    articles: int
    stories: int

    def to_json(self) -> JSON:
        e = self.entity
        return {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "news_source": e.news_source,
            "mentions": self.mentions,
            "articles": self.articles,
            "stories": self.stories,
        }


ARTICLE_BRIEF = ("id", "ref", "title", "outlet", "published", "language", "url")


class Listing:
    """The paged list reads of one store."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def articles(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        ids: Sequence[ArticleId] | None = None,
        newest_first: bool = True,
    ) -> tuple[int, list[JSON]]:
        """Article metadata (no text), newest ingest first, one page and the total."""
        a = t.articles.c
        where = [a.id.in_(list(ids))] if ids is not None else []
        order = [a.ingested_at.desc(), a.id.desc()] if newest_first else [a.ingested_at, a.id]
        query = sa.select(*(a[k] for k in ARTICLE_BRIEF)).where(*where).order_by(*order)
        total, rows = paged(self.engine, query, t.articles, where, limit=limit, offset=offset)
        return total, [dict(r._mapping) for r in rows]

    def entities(
        self,
        *,
        query: str = "",
        etype: str | None = None,
        ids: Sequence[EntityId] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[int, list[EntityCount]]:
        """Entities, most mentioned first; ``query`` keeps those whose name or an alias holds
        it (case-folded), ``etype`` those of that type."""
        e, s = t.entities.c, t.entity_stats.c
        where: list[sa.ColumnElement[bool]] = []
        if etype:
            where.append(s.type == etype)
        if ids is not None:
            where.append(e.id.in_(list(ids)))
        needle = query.casefold().strip()
        if needle:
            with self.engine.connect() as conn:
                where.append(names_match(conn, needle))
        joined = t.entity_stats.join(t.entities, e.id == s.entity_id)
        select = (
            sa.select(t.entities, s.mentions, s.articles, s.stories)
            .select_from(joined)
            .where(*where)
            .order_by(s.mentions.desc(), s.entity_id)
        )  # the order of ix_entity_stats_order / ix_entity_stats_type_order
        kept = None
        if ids is None and not needle:  # a type filter at most: the kept total answers
            kept = _kept_entities(etype)
        total, rows = paged(
            self.engine, select, joined, where, limit=limit, offset=offset, total=kept
        )
        found = [
            EntityCount(_entity(r), r.mentions, r.articles, r.stories)
            for r in rows
            if not needle or _names_hold(r, needle)
        ]
        return total, found

    def entity_articles(self, entity_id: EntityId, *, limit: int | None = None) -> list[ArticleId]:
        """The articles that mention ``entity_id`` (the first ``limit``), in id order."""
        m = t.mentions.c
        query = (
            sa.select(m.article_id)
            .where(m.entity_id == entity_id)
            .distinct()
            .order_by(m.article_id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query)]

    def entity_mentions(
        self, entity_id: EntityId, *, limit: int | None = None
    ) -> list[tuple[ArticleId, int, int]]:
        """The first ``limit`` mentions of ``entity_id`` as (article, start, end), article by
        article in text order (ix_mentions_entity_order)."""
        m = t.mentions.c
        query = (
            sa.select(m.article_id, m.start, m.end)
            .where(m.entity_id == entity_id)
            .order_by(m.article_id, m.start)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [(r.article_id, r.start, r.end) for r in conn.execute(query)]

    def entity_count(self, entity_id: EntityId) -> EntityCount | None:
        """One entity's kept counts, or None when it has none."""
        _, found = self.entities(ids=[entity_id], limit=1)
        return found[0] if found else None

    def counts_in(self, article_ids: Iterable[ArticleId]) -> dict[EntityId, tuple[int, int]]:
        """How many mentions and articles each entity has among ``article_ids``."""
        m = t.mentions.c
        ids = list(dict.fromkeys(article_ids))
        out: dict[EntityId, list[int]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                query = (
                    sa.select(m.entity_id, sa.func.count(), sa.func.count(m.article_id.distinct()))
                    .where(m.article_id.in_(ids[start : start + 500]), m.entity_id.is_not(None))
                    .group_by(m.entity_id)
                )
                for eid, n, a in conn.execute(query):
                    got = out.setdefault(eid, [0, 0])
                    got[0] += n
                    got[1] += a
        return {eid: (n, a) for eid, (n, a) in out.items()}

    def entities_in(self, article_ids: Iterable[ArticleId]) -> set[EntityId]:
        """The entities mentioned in ``article_ids``."""
        return set(self.counts_in(article_ids))

    def refresh_entity_stats(self, entity_ids: Iterable[EntityId]) -> None:
        """Count again the mentions, articles and stories of ``entity_ids``; drop the counts of
        entities that no longer exist."""
        ids = sorted(set(entity_ids))
        m, sa_, st = t.mentions.c, t.story_articles.c, t.entity_stats.c
        change: Counter[totals.Key] = Counter()
        with write_tx(self.engine) as conn:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                counts = {
                    r[0]: (r[1], r[2])
                    for r in conn.execute(
                        sa.select(
                            m.entity_id, sa.func.count(), sa.func.count(m.article_id.distinct())
                        )
                        .where(m.entity_id.in_(part))
                        .group_by(m.entity_id)
                    )
                }
                stories: dict[str, int] = {
                    r[0]: r[1]
                    for r in conn.execute(
                        sa.select(m.entity_id, sa.func.count(sa_.story_id.distinct()))
                        .join(t.story_articles, sa_.article_id == m.article_id)
                        .where(m.entity_id.in_(part))
                        .group_by(m.entity_id)
                    )
                }
                e = t.entities.c
                types = {
                    r.id: r.type
                    for r in conn.execute(sa.select(e.id, e.type).where(e.id.in_(part)))
                }
                change.subtract(_by_type(conn, st.entity_id.in_(part)))
                conn.execute(sa.delete(t.entity_stats).where(st.entity_id.in_(part)))
                rows = [
                    {"entity_id": eid, "mentions": n, "articles": a,
                     "stories": stories.get(eid, 0), "type": types[eid]}
                    for eid, (n, a) in counts.items()
                    if eid in types
                ]  # fmt: skip
                if rows:
                    conn.execute(sa.insert(t.entity_stats), rows)
                change.update(("entities", str(r["type"])) for r in rows)
            gone = st.entity_id.not_in(sa.select(t.entities.c.id))
            change.subtract(_by_type(conn, gone))
            conn.execute(sa.delete(t.entity_stats).where(gone))
            totals.add(conn, change)


def _by_type(conn: sa.Connection, where: sa.ColumnElement[bool]) -> Counter[totals.Key]:
    st = t.entity_stats.c
    query = sa.select(st.type, sa.func.count()).where(where).group_by(st.type)
    return Counter({("entities", str(k)): int(n) for k, n in conn.execute(query)})


def _kept_entities(etype: str | None) -> Callable[[sa.Connection], int]:
    def total(conn: sa.Connection) -> int:
        kept = totals.read(conn, "entities")
        return kept.get(etype, 0) if etype else sum(kept.values())

    return total


def _entity(r: sa.Row[tuple[object, ...]]) -> Entity:
    m = r._mapping
    return Entity(
        id=str(m["id"]),
        name=str(m["name"]),
        type=m["type"],
        aliases=tuple(json.loads(str(m["aliases"]))),
        roles=tuple(json.loads(str(m["roles"]))),
        news_source=bool(m["news_source"]),
    )


def _names_hold(r: sa.Row[tuple[object, ...]], needle: str) -> bool:
    """The LIKE on the aliases' JSON text also matches escapes and punctuation; check the
    names themselves."""
    m = r._mapping
    names = [str(m["name"]), *json.loads(str(m["aliases"]))]
    return any(needle in n.casefold() for n in names)
