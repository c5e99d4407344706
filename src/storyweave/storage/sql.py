"""The SQL store (SQLAlchemy Core): SQLite by default, PostgreSQL through the same code.

Every write runs in one transaction, so a failure never leaves half an article
or half an article's annotations behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .._types import ArticleId, EntityId, StoryId
from ..dedup import Signature, signature
from ..errors import NotFound, StorageError
from ..hashing import fingerprint
from ..model import (
    AnnotatedArticle,
    Article,
    Duplicate,
    Entity,
    Failure,
    Mention,
    Sentence,
    Span,
    Story,
    Timex,
)
from ..nlp.stored import StoredParse
from . import schema as t
from .analyses import AnalysisRows
from .engine import insert_ignore, insert_rows, make_engine
from .listing import Listing
from .migrations import migrate
from .rows import article_of, article_row, attribution_of, now
from .search import SearchHit, search_articles
from .sidecar import claim
from .units import StoredUnits, write_units


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
            self.engine = make_engine(url)
        except (sa.exc.SQLAlchemyError, ImportError) as e:
            raise StorageError("E301", url=url, detail=str(e).splitlines()[0]) from e
        try:
            migrate(self.engine, url=url)
        except sa.exc.SQLAlchemyError as e:
            self.engine.dispose()
            raise StorageError("E301", url=url, detail=str(e).splitlines()[0]) from e
        except StorageError:
            self.engine.dispose()
            raise
        self.analyses = AnalysisRows(self.engine)
        """The stories' analyses (claims, timeline, edges, quotes, briefs) as rows."""
        self.listing = Listing(self.engine)
        """Paged lists of articles and entities."""

    def close(self) -> None:
        self.engine.dispose()

    def store_id(self) -> str:
        """The random id this store was given when it was made."""
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(t.store_info.c.value).where(t.store_info.c.key == "id")
            ).scalar_one()
        return str(value)

    def sidecar_dir(self, name: str) -> Path | None:
        """A folder for files that belong with this store (the story index): ``<db>.<name>/``
        beside a SQLite file, a per-URL folder in the user data directory for a server,
        None for an in-memory store. A folder left by another store at the same place (a
        database deleted and made again) is emptied first (:func:`.sidecar.claim`)."""
        url = sa.engine.make_url(self.url)
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                return None
            folder = Path(url.database).with_name(Path(url.database).name + f".{name}")
        else:
            from platformdirs import user_data_dir

            key = hashlib.sha256(self.url.encode()).hexdigest()[:12]
            folder = Path(user_data_dir("storyweave")) / f"{name}-{key}"
        folder.mkdir(parents=True, exist_ok=True)
        claim(folder, self.store_id(), store_has_stories=self._has_stories())
        return folder

    def _has_stories(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(t.stories.c.id).limit(1)).first() is not None

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        try:
            with (
                self.engine.connect().execution_options(storyweave_write=True) as conn,
                conn.begin(),
            ):
                yield conn
        except sa.exc.SQLAlchemyError as e:
            raise StorageError("E301", url=self.url, detail=str(e).splitlines()[0]) from e

    # -- articles ---------------------------------------------------------------------------

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

    # -- annotations ------------------------------------------------------------------------

    def save_annotations(
        self,
        item: AnnotatedArticle,
        versions: dict[str, str],
        *,
        parse: StoredParse | None = None,
        units: StoredUnits | None = None,
    ) -> None:
        """Replace the article's stored layers with ``item``'s, in one transaction.

        ``parse`` (:func:`storyweave.nlp.stored.stored_parse`) and ``units`` (its claim units,
        :func:`storyweave.claims.stored.encode_units`) come encoded and are written as they are;
        without them none is left behind (an older one would no longer match the layers).
        """
        aid = item.article.id
        with self._tx() as conn:
            # lock the article's row (PostgreSQL) so two writers replace its layers one at a time
            conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id == aid).with_for_update())
            for table in (
                t.sentences,
                t.mentions,
                t.timexes,
                t.attributions,
                t.parses,
                t.entity_links,
            ):
                conn.execute(sa.delete(table).where(table.c.article_id == aid))
            if parse:
                conn.execute(sa.insert(t.parses).values(article_id=aid, model=parse.model,
                                                        data=parse.data))  # fmt: skip
            write_units(conn, aid, units)
            if item.language:
                conn.execute(
                    sa.update(t.articles)
                    .where(t.articles.c.id == aid)
                    .values(language=item.language)
                )
            insert_rows(
                conn,
                t.sentences,
                [
                    {"article_id": aid, "idx": s.index, "start": s.span.start, "end": s.span.end}
                    for s in item.sentences
                ],
            )
            insert_rows(
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
            insert_rows(
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
            insert_rows(
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
                        article_id=aid, stage=stage, version=version, ran_at=now()
                    )
                )

    def annotated(self, aid: ArticleId) -> AnnotatedArticle:
        """The article with every stored layer but its parse (:meth:`parses` reads those)."""
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
            attrs = tuple(attribution_of(json.loads(r.data)) for r in rows(t.attributions))
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

    def parses(self, ids: Iterable[ArticleId]) -> dict[ArticleId, StoredParse]:
        """The stored parse of each of these articles that has one, still encoded: decoding
        needs the spaCy vocabulary (:func:`storyweave.nlp.attach.attach_parses`)."""
        query = sa.select(t.parses).where(t.parses.c.article_id.in_(list(ids)))
        with self.engine.connect() as conn:
            return {r.article_id: StoredParse(r.model, bytes(r.data)) for r in conn.execute(query)}

    def stages_done(self, aid: ArticleId) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.stage_runs).where(t.stage_runs.c.article_id == aid))
            return {r.stage: r.version for r in rows}

    # -- entities ---------------------------------------------------------------------------

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

    # -- stories ----------------------------------------------------------------------------

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

    # -- search and change tracking ---------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text holds every word of ``query``, best first.

        FTS5 (BM25 ranking) on SQLite; LIKE queries (newest first) on other engines.
        """
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit=limit)

    def revision(self) -> str:
        """A token that changes whenever articles, annotations, entity links, stories, their
        analyses or failures do.

        Readers (the HTTP server) key their caches on it. It is one query over the newest
        timestamp of each kind of write, each read from an index (a count over the tables
        cost 0.2 s at 100k articles); every write stamps one of them: an article is stamped
        when added, its layers when annotated, its links when linked, a story's rows when
        analysed (after any change of membership or merge).
        """
        parts = [
            sa.select(sa.func.max(t.articles.c.ingested_at)).scalar_subquery(),
            sa.select(sa.func.max(t.stage_runs.c.ran_at)).scalar_subquery(),
            sa.select(sa.func.max(t.entity_links.c.linked_at)).scalar_subquery(),
            sa.select(sa.func.max(t.story_revisions.c.computed_at)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.stories).scalar_subquery(),
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
                        "at": now(),
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


def _entity_id(ent: Entity) -> str:
    return ent.id
