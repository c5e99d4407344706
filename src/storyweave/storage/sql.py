"""The SQL store (SQLAlchemy Core): SQLite by default, PostgreSQL through the same code.

Every write runs in one transaction, so a failure never leaves half an article
or half an article's annotations behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from .._types import ArticleId, EntityId, StoryId
from ..dedup import Signature, signature
from ..errors import NotFound, StorageError
from ..hashing import fingerprint
from ..model import (
    AnnotatedArticle,
    Article,
    Attribution,
    Duplicate,
    Entity,
    Failure,
    Mention,
    Sentence,
    Span,
    Story,
    Timex,
)
from . import schema as t
from .migrations import migrate
from .search import SearchHit, search_articles


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: ArticleId
    new: bool
    duplicate: Duplicate | None = None


class SQLStore:
    """Articles, their annotations, entities, stories and failures in one database."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = _engine(url)
            migrate(self.engine, url=url)
        except sa.exc.SQLAlchemyError as e:
            raise StorageError("E301", url=url, detail=str(e).splitlines()[0]) from e

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as e:
            raise StorageError("E301", url=self.url, detail=str(e).splitlines()[0]) from e

    # -- articles ---------------------------------------------------------------------------

    def add_article(self, article: Article, *, near_threshold: float = 0.8) -> AddResult:
        """Insert ``article`` unless its id is known; record it if it duplicates an earlier one."""
        sig = signature(article.body)
        with self._tx() as conn:
            if conn.execute(
                sa.select(t.articles.c.id).where(t.articles.c.id == article.id)
            ).first():
                return AddResult(article.id, new=False)
            fp = fingerprint(article.body)
            dup = self._find_duplicate(conn, article.id, fp, sig, near_threshold)
            conn.execute(sa.insert(t.articles).values(**_article_row(article, fp)))
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
        return _article_of(row)

    def articles(
        self, ids: Iterable[ArticleId] | None = None, *, limit: int | None = None
    ) -> list[Article]:
        query = sa.select(t.articles).order_by(t.articles.c.ingested_at, t.articles.c.id)
        if ids is not None:
            query = query.where(t.articles.c.id.in_(list(ids)))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_article_of(r) for r in conn.execute(query).mappings()]

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

    # -- annotations ------------------------------------------------------------------------

    def save_annotations(self, item: AnnotatedArticle, versions: dict[str, str]) -> None:
        """Replace the article's stored layers with ``item``'s, in one transaction."""
        aid = item.article.id
        with self._tx() as conn:
            for table in (t.sentences, t.mentions, t.timexes, t.attributions):
                conn.execute(sa.delete(table).where(table.c.article_id == aid))
            if item.language:
                conn.execute(
                    sa.update(t.articles)
                    .where(t.articles.c.id == aid)
                    .values(language=item.language)
                )
            _insert(
                conn,
                t.sentences,
                [
                    {"article_id": aid, "idx": s.index, "start": s.span.start, "end": s.span.end}
                    for s in item.sentences
                ],
            )
            _insert(
                conn,
                t.mentions,
                [
                    {
                        "article_id": aid,
                        "idx": i,
                        "start": m.span.start,
                        "end": m.span.end,
                        "label": m.label,
                        "entity_id": m.entity_id,
                    }
                    for i, m in enumerate(item.mentions)
                ],
            )
            _insert(
                conn,
                t.timexes,
                [
                    {
                        "article_id": aid,
                        "idx": i,
                        "start": x.span.start,
                        "end": x.span.end,
                        "type": x.type,
                        "value": x.value,
                        "anchor": x.anchor,
                        "anchored": x.anchored,
                        "mod": x.mod,
                    }
                    for i, x in enumerate(item.timexes)
                ],
            )
            _insert(
                conn,
                t.attributions,
                [
                    {"article_id": aid, "idx": i, "data": json.dumps(dataclasses.asdict(a))}
                    for i, a in enumerate(item.attributions)
                ],
            )
            for stage, version in versions.items():
                conn.execute(
                    sa.delete(t.stage_runs).where(
                        (t.stage_runs.c.article_id == aid) & (t.stage_runs.c.stage == stage)
                    )
                )
                conn.execute(
                    sa.insert(t.stage_runs).values(
                        article_id=aid, stage=stage, version=version, ran_at=_now()
                    )
                )

    def annotated(self, aid: ArticleId) -> AnnotatedArticle:
        """The article with every stored layer (no spaCy doc: that is never persisted)."""
        article = self.article(aid)
        with self.engine.connect() as conn:

            def rows(table: sa.Table) -> list[Any]:
                return list(
                    conn.execute(
                        sa.select(table).where(table.c.article_id == aid).order_by(table.c.idx)
                    )
                )

            sents = tuple(Sentence(Span(r.start, r.end), r.idx) for r in rows(t.sentences))
            ments = tuple(
                Mention(Span(r.start, r.end), r.label, r.entity_id) for r in rows(t.mentions)
            )
            tmxs = tuple(
                Timex(Span(r.start, r.end), r.type, r.value, r.anchor, bool(r.anchored), r.mod)
                for r in rows(t.timexes)
            )
            attrs = tuple(_attribution_of(json.loads(r.data)) for r in rows(t.attributions))
            stages = {
                r.stage
                for r in conn.execute(
                    sa.select(t.stage_runs.c.stage).where(t.stage_runs.c.article_id == aid)
                )
            }
        return AnnotatedArticle(
            article=article,
            language=article.language,
            sentences=sents,
            mentions=ments,
            timexes=tmxs,
            attributions=attrs,
            layers={"text", *stages},
        )

    def stages_done(self, aid: ArticleId) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.stage_runs).where(t.stage_runs.c.article_id == aid))
            return {r.stage: r.version for r in rows}

    # -- entities ---------------------------------------------------------------------------

    def save_entities(
        self, entities: Sequence[Entity], mention_entity: dict[tuple[ArticleId, int, int], EntityId]
    ) -> None:
        """Upsert entities and point each listed mention at its entity, in one transaction."""
        with self._tx() as conn:
            for ent in entities:
                old = conn.execute(sa.select(t.entities).where(t.entities.c.id == ent.id)).first()
                aliases = sorted(set(ent.aliases) | set(json.loads(old.aliases) if old else []))
                row = {"name": ent.name, "type": ent.type, "aliases": json.dumps(aliases)}
                if old:
                    conn.execute(
                        sa.update(t.entities).where(t.entities.c.id == ent.id).values(**row)
                    )
                else:
                    conn.execute(sa.insert(t.entities).values(id=ent.id, **row))
            for (aid, start, end), eid in mention_entity.items():
                conn.execute(
                    sa.update(t.mentions)
                    .where(
                        (t.mentions.c.article_id == aid)
                        & (t.mentions.c.start == start)
                        & (t.mentions.c.end == end)
                    )
                    .values(entity_id=eid)
                )

    def entities(self, ids: Iterable[EntityId] | None = None) -> list[Entity]:
        query = sa.select(t.entities).order_by(t.entities.c.name, t.entities.c.id)
        if ids is not None:
            query = query.where(t.entities.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [
                Entity(id=r.id, name=r.name, type=r.type, aliases=tuple(json.loads(r.aliases)))
                for r in conn.execute(query)
            ]

    # -- stories ----------------------------------------------------------------------------

    def save_story(self, story: Story, *, method: str) -> None:
        with self._tx() as conn:
            conn.execute(sa.delete(t.story_articles).where(t.story_articles.c.story_id == story.id))
            conn.execute(sa.delete(t.stories).where(t.stories.c.id == story.id))
            conn.execute(
                sa.insert(t.stories).values(
                    id=story.id, title=story.title, method=method, created_at=_now()
                )
            )
            conn.execute(
                sa.delete(t.story_articles).where(
                    t.story_articles.c.article_id.in_(list(story.article_ids))
                )
            )
            _insert(
                conn,
                t.story_articles,
                [{"article_id": a, "story_id": story.id} for a in story.article_ids],
            )
            members = sa.select(t.story_articles.c.story_id).distinct()
            conn.execute(sa.delete(t.stories).where(t.stories.c.id.not_in(members)))

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

    # -- search and change tracking ---------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text holds every word of ``query``, best first.

        FTS5 (BM25 ranking) on SQLite; LIKE queries (newest first) on other engines.
        """
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit=limit)

    def revision(self) -> str:
        """A token that changes whenever articles, annotations, entities, stories or failures do.

        Readers (the HTTP server) key their caches on it; it costs one query.
        """
        parts = [
            sa.select(sa.func.count()).select_from(t.articles).scalar_subquery(),
            sa.select(sa.func.max(t.articles.c.ingested_at)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.stage_runs).scalar_subquery(),
            sa.select(sa.func.max(t.stage_runs.c.ran_at)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.entities).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.stories).scalar_subquery(),
            sa.select(sa.func.max(t.stories.c.created_at)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.failures).scalar_subquery(),
        ]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*parts)).one()
        return "|".join(str(v) for v in row)

    # -- failures ---------------------------------------------------------------------------

    def save_failures(self, failures: Sequence[Failure]) -> None:
        if not failures:
            return
        with self._tx() as conn:
            conn.execute(
                sa.insert(t.failures),
                [
                    {
                        "article_id": f.article,
                        "ref": f.ref,
                        "stage": f.stage,
                        "code": f.code,
                        "error": f.error,
                        "at": _now(),
                    }
                    for f in failures
                ],
            )

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.failures).order_by(t.failures.c.id))
            return [
                Failure(stage=r.stage, error=r.error, article=r.article_id, ref=r.ref, code=r.code)
                for r in rows
            ]


def _engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, future=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    return engine


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)


def _article_row(a: Article, fp: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "ref": a.ref,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "author": a.author,
        "credit": a.credit,
        "body_end": a.body_end,
        "text": a.text,
        "fingerprint": fp,
        "ingested_at": _now(),
    }


def _article_of(r: Any) -> Article:
    return Article(
        id=r["id"],
        text=r["text"],
        ref=r["ref"],
        title=r["title"],
        url=r["url"],
        outlet=r["outlet"],
        published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
        language=r["language"],
        author=r["author"],
        credit=r["credit"],
        body_end=r["body_end"],
    )


def _span(d: Any) -> Span | None:
    return Span(d["start"], d["end"]) if d else None


def _attribution_of(d: dict[str, Any]) -> Attribution:
    known = {f.name for f in dataclasses.fields(Attribution)}
    data = {k: v for k, v in d.items() if k in known}
    for key in ("content", "cue", "source"):
        data[key] = _span(data.get(key))
    data["chain"] = tuple(data.get("chain") or ())
    return Attribution(**data)
