"""An article's annotation layers (sentences, mentions, time expressions, attributions), its
parse and claim units, and which stage versions ran on it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from .._types import ArticleId
from ..model import AnnotatedArticle, Mention, Sentence, Span, Timex
from ..nlp.stored import StoredParse
from . import schema as t
from .articles import ArticleStore
from .engine import insert_rows
from .rows import attribution_of, now
from .units import StoredUnits, write_units


class AnnotationStore(ArticleStore):
    """The layers of the stored articles, each article's replaced in one transaction."""

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
