"""The store's articles: adding one (with its MinHash bands and its duplicate record, if it
repeats an earlier one), reading them back, and their duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from .._types import ArticleId
from ..dedup import Signature, signature
from ..errors import NotFound, StorageError
from ..hashing import fingerprint
from ..model import Article, Duplicate
from ..outlets.copies import copy_direction
from . import schema as t
from .base import StoreBase
from .rows import article_of, article_row


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: ArticleId
    new: bool
    duplicate: Duplicate | None = None


class ArticleStore(StoreBase):
    """Articles, their fingerprints and MinHash signatures, and the duplicates among them."""

    def add_article(self, article: Article, *, near_threshold: float = 0.8) -> AddResult:
        """Insert ``article`` unless its id is known; record it if it duplicates an earlier one.

        Safe under concurrent writers: when another process inserts the same article first, the
        primary key refuses the second insert, its transaction rolls back, and it counts as known.
        """
        sig = signature(article.body)
        try:
            return self._add_article(article, sig, near_threshold)
        except StorageError as e:
            if isinstance(e.__cause__, sa.exc.IntegrityError) and self._has_article(article.id):
                return AddResult(article.id, new=False)
            raise

    def _has_article(self, aid: ArticleId) -> bool:
        with self.engine.connect() as conn:
            query = sa.select(t.articles.c.id).where(t.articles.c.id == aid)
            return conn.execute(query).first() is not None

    def _add_article(self, article: Article, sig: Signature, near_threshold: float) -> AddResult:
        with self._tx() as conn:
            fp = fingerprint(article.body)
            if conn.dialect.name == "postgresql":  # serialise writers of the same text
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:fp))"), {"fp": fp})
            if conn.execute(
                sa.select(t.articles.c.id).where(t.articles.c.id == article.id)
            ).first():
                return AddResult(article.id, new=False)
            dup = self._find_duplicate(conn, article.id, fp, sig, near_threshold)
            conn.execute(sa.insert(t.articles).values(**article_row(article, fp)))
            if dup:
                dup = self._directed(conn, dup, article)
            conn.execute(
                sa.insert(t.minhashes).values(article_id=article.id, signature=sig.to_bytes())
            )
            conn.execute(
                sa.insert(t.minhash_bands),
                [{"band": b, "bucket": h, "article_id": article.id} for b, h in sig.bands()],
            )
            if dup:
                conn.execute(
                    sa.insert(t.duplicates).values(
                        article_id=dup.article,
                        original_id=dup.original,
                        kind=dup.kind,
                        similarity=dup.similarity,
                    )
                )
        return AddResult(article.id, new=True, duplicate=dup)

    def _directed(self, conn: sa.Connection, dup: Duplicate, article: Article) -> Duplicate:
        """The duplicate record pointing from the copy to the original: when the new article is
        the original (published earlier, or credited by the one already stored), the stored one
        becomes its copy, and copies of that one point to the new original."""
        row = conn.execute(sa.select(t.articles).where(t.articles.c.id == dup.original))
        existing = article_of(row.mappings().one())
        if copy_direction(existing, article)[0] == existing.id:
            return dup
        d = t.duplicates.c
        if conn.execute(sa.select(d.article_id).where(d.article_id == existing.id)).first():
            return dup  # the stored one copies a third article: the new one copies that chain
        conn.execute(
            sa.update(t.duplicates)
            .where(d.original_id == existing.id)
            .values(original_id=article.id)
        )
        return Duplicate(
            article=existing.id, original=article.id, kind=dup.kind, similarity=dup.similarity
        )

    def _find_duplicate(
        self, conn: sa.Connection, aid: str, fp: str, sig: Signature, threshold: float
    ) -> Duplicate | None:
        exact = conn.execute(
            sa.select(t.articles.c.id)
            .where(t.articles.c.fingerprint == fp)
            .order_by(t.articles.c.ingested_at, t.articles.c.id)
        ).first()
        if exact:
            return Duplicate(article=aid, original=exact[0], kind="exact", similarity=1.0)
        bands = sig.bands()
        cond = sa.or_(
            *[(t.minhash_bands.c.band == b) & (t.minhash_bands.c.bucket == h) for b, h in bands]
        )
        candidates = conn.execute(
            sa.select(t.minhashes.c.article_id, t.minhashes.c.signature)
            .where(
                t.minhashes.c.article_id.in_(
                    sa.select(t.minhash_bands.c.article_id).where(cond).distinct()
                )
            )
            .order_by(t.minhashes.c.article_id)
        ).all()
        best: Duplicate | None = None
        for cid, blob in candidates:
            sim = sig.jaccard(Signature.from_bytes(blob))
            if sim >= threshold and (best is None or sim > best.similarity):
                best = Duplicate(article=aid, original=cid, kind="near", similarity=round(sim, 3))
        return best

    def article(self, aid: ArticleId) -> Article:
        with self.engine.connect() as conn:
            row = (
                conn.execute(sa.select(t.articles).where(t.articles.c.id == aid)).mappings().first()
            )
        if row is None:
            raise NotFound("E303", kind="article", ident=aid)
        return article_of(row)

    def articles(
        self, ids: Iterable[ArticleId] | None = None, *, limit: int | None = None
    ) -> list[Article]:
        query = sa.select(t.articles).order_by(t.articles.c.ingested_at, t.articles.c.id)
        if ids is not None:
            query = query.where(t.articles.c.id.in_(list(ids)))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [article_of(r) for r in conn.execute(query).mappings()]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()
            )

    def duplicates(self, ids: Iterable[ArticleId] | None = None) -> list[Duplicate]:
        query = sa.select(t.duplicates).order_by(t.duplicates.c.article_id)
        if ids is not None:
            query = query.where(t.duplicates.c.article_id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [
                Duplicate(
                    article=r.article_id,
                    original=r.original_id,
                    kind=r.kind,
                    similarity=r.similarity,
                )
                for r in conn.execute(query)
            ]
