"""The result of entity linking: entities, and which entity every mention names."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyweave.model import Entity

MentionKey = tuple[str, int, int]
"""(article id, start, end) of a mention."""


@dataclass(frozen=True)
class EntityLinking:
    """Entities over a set of articles.

    Attributes:
        entities: every entity, sorted by id.
        mention_entity: (article id, start, end) -> entity id, for every linked mention,
            including role descriptions ("the Kremlin leader") resolved to an entity and
            repeats of a multi-word name that spaCy missed.
        roles: entity id -> role phrases found in the articles ("Kremlin spokesman"),
            most frequent first.
        news_sources: ids of entities that are news agencies or outlets.
    """

    entities: tuple[Entity, ...]
    mention_entity: dict[MentionKey, str]
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    news_sources: frozenset[str] = frozenset()

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with ``entity_id``, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def mentions_of(self, entity_id: str) -> list[MentionKey]:
        """Every mention of ``entity_id``, sorted by article and position."""
        return sorted(k for k, v in self.mention_entity.items() if v == entity_id)

    def entities_in(self, article_id: str) -> set[str]:
        """Ids of the entities mentioned in one article."""
        return {v for k, v in self.mention_entity.items() if k[0] == article_id}
