"""Stored claim units: each article's units and their sentence embeddings, as the claims code
encoded them (:mod:`storyweave.claims.stored`).

One row per article (``claim_units``, migration ``0008_claim_units``), written in the same
transaction as the article's other layers and deleted with them when it is annotated again.
The store reads and writes the encoded form only; it neither cuts units nor embeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from .._types import ArticleId
from . import schema as t


@dataclass(frozen=True, slots=True)
class StoredUnits:
    """One article's encoded claim units: the tag of the code and parse that cut them, the
    embedding model (None: no vectors), the units as JSON and the vectors as float32 bytes."""

    version: str
    embedder: str | None
    units: str
    vectors: bytes | None = None


def write_units(conn: sa.Connection, aid: ArticleId, units: StoredUnits | None) -> None:
    """Replace the article's stored units with ``units`` (or with none), inside the caller's
    transaction."""
    conn.execute(sa.delete(t.claim_units).where(t.claim_units.c.article_id == aid))
    if units is not None:
        conn.execute(
            sa.insert(t.claim_units).values(
                article_id=aid,
                version=units.version,
                embedder=units.embedder,
                units=units.units,
                vectors=units.vectors,
            )
        )


def read_units(engine: sa.Engine, ids: Iterable[ArticleId]) -> dict[ArticleId, StoredUnits]:
    """The stored units of each of these articles that has them, still encoded."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    query = sa.select(t.claim_units).where(t.claim_units.c.article_id.in_(wanted))
    with engine.connect() as conn:
        return {
            r.article_id: StoredUnits(
                r.version, r.embedder, r.units, bytes(r.vectors) if r.vectors is not None else None
            )
            for r in conn.execute(query)
        }
