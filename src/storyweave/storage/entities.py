"""The store's entities: linking an article's mentions to them, and reading them and their
mentions back."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from .._types import ArticleId, EntityId
from ..model import Entity
from . import schema as t
from .base import StoreBase
from .engine import insert_ignore
from .rows import now


class EntityStore(StoreBase):
    """Entities, the mentions linked to them, and which articles have been linked."""

    def unlinked(self, ids: Iterable[ArticleId]) -> list[ArticleId]:
        """Those of ``ids`` whose mentions have not been linked since they were annotated."""
        wanted = list(dict.fromkeys(ids))
        query = sa.select(t.entity_links.c.article_id).where(
            t.entity_links.c.article_id.in_(wanted)
        )
        with self.engine.connect() as conn:
            done = {r[0] for r in conn.execute(query)}
        return [aid for aid in wanted if aid not in done]

    def save_entities(
        self,
        entities: Sequence[Entity],
        mention_entity: dict[tuple[ArticleId, int, int], EntityId],
        *,
        linked: Iterable[ArticleId] = (),
    ) -> None:
        """Upsert entities and point each listed mention at its entity, in one transaction,
        and record the ``linked`` articles as linked in the same transaction.

        A listed span that is not a stored mention (a role description such as "the Kremlin
        leader", resolved by the linker) is stored as a mention labelled ``ROLE``.
        """
        with self._tx() as conn:
            # ON CONFLICT DO NOTHING: two writers may link the same article at once
            for aid in sorted(set(linked)):
                insert_ignore(conn, t.entity_links, {"article_id": aid, "linked_at": now()})
            for ent in sorted(entities, key=_entity_id):  # one lock order for every writer
                insert_ignore(conn, t.entities, {
                    "id": ent.id, "name": ent.name, "type": ent.type, "aliases": "[]",
                })  # fmt: skip
                old = conn.execute(
                    sa.select(t.entities).where(t.entities.c.id == ent.id).with_for_update()
                ).first()
                aliases = sorted(set(ent.aliases) | set(json.loads(old.aliases) if old else []))
                roles = list(dict.fromkeys([*ent.roles, *(json.loads(old.roles) if old else [])]))
                row = {
                    "name": ent.name,
                    "type": ent.type,
                    "aliases": json.dumps(aliases),
                    "roles": json.dumps(roles),
                    "news_source": ent.news_source or bool(old and old.news_source),
                }
                conn.execute(sa.update(t.entities).where(t.entities.c.id == ent.id).values(**row))
            for (aid, start, end), eid in sorted(mention_entity.items()):
                m = t.mentions.c
                where = (m.article_id == aid) & (m.start == start) & (m.end == end)
                if conn.execute(sa.update(t.mentions).where(where).values(entity_id=eid)).rowcount:
                    continue
                last = conn.execute(
                    sa.select(sa.func.max(m.idx)).where(m.article_id == aid)
                ).scalar()
                conn.execute(
                    sa.insert(t.mentions).values(
                        article_id=aid, idx=(last if last is not None else -1) + 1, start=start,
                        end=end, label="ROLE", entity_id=eid,
                    )
                )  # fmt: skip

    def entity_mentions(
        self,
        *,
        article_ids: Iterable[ArticleId] | None = None,
        entity_ids: Iterable[EntityId] | None = None,
    ) -> list[tuple[EntityId, ArticleId, int, int]]:
        """(entity, article, start, end) of every linked mention, optionally filtered."""
        m = t.mentions.c
        query = (
            sa.select(m.entity_id, m.article_id, m.start, m.end)
            .where(m.entity_id.is_not(None))
            .order_by(m.article_id, m.start)
        )
        if article_ids is not None:
            query = query.where(m.article_id.in_(list(article_ids)))
        if entity_ids is not None:
            query = query.where(m.entity_id.in_(list(entity_ids)))
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3]) for r in conn.execute(query)]

    def entities(self, ids: Iterable[EntityId] | None = None) -> list[Entity]:
        query = sa.select(t.entities).order_by(t.entities.c.name, t.entities.c.id)
        if ids is not None:
            query = query.where(t.entities.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [
                Entity(
                    id=r.id, name=r.name, type=r.type, aliases=tuple(json.loads(r.aliases)),
                    roles=tuple(json.loads(r.roles)), news_source=bool(r.news_source),
                )
                for r in conn.execute(query)
            ]  # fmt: skip


def _entity_id(ent: Entity) -> str:
    return ent.id
